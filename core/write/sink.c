#include "write/sink.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "util/fs.h"
#include "util/grow.h"

void ann_sink_init(ann_sink *s, const char *outdir)
{
    memset(s, 0, sizeof *s);
    s->outdir = outdir;
}

static void drop_files(ann_sink *s)
{
    for (size_t i = 0; i < s->n_files; i++) {
        free(s->files[i].name);
        ann_buf_free(&s->files[i].data);
    }
    s->n_files = 0;
}

void ann_sink_begin(ann_sink *s, const char *doc_path)
{
    drop_files(s);
    ann_buf_reset(&s->stream);
    s->stream.failed = 0;
    s->doc_path = doc_path;
    s->stem = NULL;
}

void ann_sink_free(ann_sink *s)
{
    drop_files(s);
    free(s->files);
    ann_buf_free(&s->stream);
    memset(s, 0, sizeof *s);
}

/* The first len bytes of s, then ext.  Caller frees with free(); NULL when
 * memory runs out. */
static char *with_ext(const char *s, size_t len, const char *ext)
{
    size_t elen = strlen(ext);
    char *name = malloc(len + elen + 1);
    if (!name)
        return NULL;
    memcpy(name, s, len);
    memcpy(name + len, ext, elen + 1);
    return name;
}

char *ann_output_name(const char *doc_path, const char *ext)
{
    const char *base = strrchr(doc_path, '/');
    base = base ? base + 1 : doc_path;
    const char *dot = strrchr(base, '.');
    return with_ext(base, dot && dot != base ? (size_t)(dot - base) : strlen(base), ext);
}

/* Takes name and the contents of *b (b is left empty) in any case. */
static int add_file_buf(ann_sink *s, char *name, ann_buf *b)
{
    ann_sink_file *files = ann_grow(s->files, s->n_files, &s->cap_files, sizeof *files, 4);
    if (!files) {
        free(name);
        ann_buf_free(b);
        return ANN_ENOMEM;
    }
    s->files = files;
    ann_sink_file *f = &s->files[s->n_files++];
    f->name = name;
    f->data = *b;
    *b = (ann_buf)ANN_BUF_INIT;
    return ANN_OK;
}

static int add_file(ann_sink *s, char *name, const char *data, size_t len)
{
    ann_buf b = ANN_BUF_INIT;
    if (ann_buf_append(&b, data, len) != ANN_OK) {
        free(name);
        ann_buf_free(&b);
        return ANN_ENOMEM;
    }
    return add_file_buf(s, name, &b);
}

/* The name of the document's output file with extension ext: the run's
 * mirrored stem when it set one, else the document's base name.  Caller
 * frees. */
static char *doc_file_name(const ann_sink *s, const char *ext)
{
    return s->stem ? with_ext(s->stem, strlen(s->stem), ext) : ann_output_name(s->doc_path, ext);
}

int ann_sink_put_buf(ann_sink *s, const char *ext, ann_buf *b)
{
    if (!s || !ext || !b)
        return ANN_EINVAL;
    if (b->failed)
        return ANN_ENOMEM;
    if (!s->outdir && s->stream.len > 0)
        return ann_buf_append(&s->stream, b->data, b->len);
    if (!s->outdir) {
        ann_buf_free(&s->stream);
        s->stream = *b;
        *b = (ann_buf)ANN_BUF_INIT;
        return ANN_OK;
    }
    if (!s->doc_path)
        return ANN_EINVAL;
    char *name = doc_file_name(s, ext);
    if (!name)
        return ANN_ENOMEM;
    return add_file_buf(s, name, b);
}

int ann_sink_put(ann_sink *s, const char *ext, const char *data, size_t len)
{
    if (!s || !ext || (!data && len))
        return ANN_EINVAL;
    if (!s->outdir)
        return ann_buf_append(&s->stream, data, len);
    if (!s->doc_path)
        return ANN_EINVAL;
    char *name = doc_file_name(s, ext);
    if (!name)
        return ANN_ENOMEM;
    return add_file(s, name, data, len);
}

int ann_sink_mark_document(const ann_sink *s, ann_buf *b, const char *before, const char *path,
                           const char *after)
{
    if (s->outdir)
        return ANN_OK;
    ann_buf_puts(b, before);
    for (const char *p = path ? path : "-"; *p; p++)
        ann_buf_putc(b, (unsigned char)*p < 0x20 || *p == 0x7f ? '?' : *p);
    ann_buf_puts(b, after);
    return b->failed ? ANN_ENOMEM : ANN_OK;
}

int ann_sink_put_file(ann_sink *s, const char *filename, const char *data, size_t len)
{
    if (!s || !filename || !filename[0] || strchr(filename, '/') || (!data && len))
        return ANN_EINVAL;
    if (!s->outdir || !s->per_run)
        return ANN_EINVAL;
    size_t n = strlen(filename) + 1;
    char *name = malloc(n);
    if (!name)
        return ANN_ENOMEM;
    memcpy(name, filename, n);
    return add_file(s, name, data, len);
}

/* True when `path` is the file `doc` names: an output must never replace
 * the document it was made from (brat's .txt copy with -o on the input
 * folder). */
static int is_input(const char *path, const struct stat *doc)
{
    struct stat st;
    return doc && stat(path, &st) == 0 && st.st_dev == doc->st_dev && st.st_ino == doc->st_ino;
}

/* Writes one collected file to `path`, creating the mirrored subfolder it
 * sits in.  With sync the file is flushed before its rename; the folders
 * are flushed once at the end of the run (ann_fsync_dir()), not after
 * every file. */
static int commit_file(ann_sink *s, const ann_sink_file *f, const char *path,
                       const struct stat *doc, char *err, size_t errlen)
{
    const char *slash = strrchr(f->name, '/');
    char *dir = ann_path_join(s->outdir, f->name);
    if (!dir) {
        snprintf(err, errlen, "out of memory");
        return ANN_ENOMEM;
    }
    dir[strlen(s->outdir) + (slash ? (size_t)(slash - f->name) + 1 : 0)] = '\0';
    int rc = ANN_OK;
    if (is_input(path, doc)) {
        snprintf(err, errlen, "%s: not written: it is the document itself", path);
        rc = ANN_EIO;
    } else if ((slash && ann_mkdir_p(dir) != 0) ||
               ann_write_atomic_sync(path, f->data.data ? f->data.data : "", f->data.len,
                                     s->sync) != 0) {
        snprintf(err, errlen, "%s: cannot write: %s", path, strerror(errno));
        rc = ANN_EIO;
    }
    free(dir);
    return rc;
}

int ann_sink_commit(ann_sink *s, char *err, size_t errlen)
{
    int rc = ANN_OK;
    if (!s->outdir)
        return s->stream.failed ? ANN_ENOMEM : ANN_OK;
    struct stat doc;
    int have_doc = s->doc_path && stat(s->doc_path, &doc) == 0;
    for (size_t i = 0; i < s->n_files && rc == ANN_OK; i++) {
        char *path = ann_path_join(s->outdir, s->files[i].name);
        if (!path) {
            snprintf(err, errlen, "out of memory");
            rc = ANN_ENOMEM;
            break;
        }
        rc = commit_file(s, &s->files[i], path, have_doc ? &doc : NULL, err, errlen);
        free(path);
    }
    drop_files(s);
    return rc;
}
