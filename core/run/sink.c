#include "run/sink.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
}

void ann_sink_free(ann_sink *s)
{
    drop_files(s);
    free(s->files);
    ann_buf_free(&s->stream);
    memset(s, 0, sizeof *s);
}

char *ann_output_name(const char *doc_path, const char *ext)
{
    const char *base = strrchr(doc_path, '/');
    base = base ? base + 1 : doc_path;
    const char *dot = strrchr(base, '.');
    size_t blen = dot && dot != base ? (size_t)(dot - base) : strlen(base);
    size_t elen = strlen(ext);
    char *name = malloc(blen + elen + 1);
    if (!name)
        return NULL;
    memcpy(name, base, blen);
    memcpy(name + blen, ext, elen + 1);
    return name;
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
    char *name = ann_output_name(s->doc_path, ext);
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
    char *name = ann_output_name(s->doc_path, ext);
    if (!name)
        return ANN_ENOMEM;
    return add_file(s, name, data, len);
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

int ann_sink_commit(ann_sink *s, char *err, size_t errlen)
{
    int rc = ANN_OK;
    if (!s->outdir)
        return s->stream.failed ? ANN_ENOMEM : ANN_OK;
    for (size_t i = 0; i < s->n_files && rc == ANN_OK; i++) {
        size_t len = strlen(s->outdir) + strlen(s->files[i].name) + 2;
        char *path = malloc(len);
        if (!path) {
            snprintf(err, errlen, "out of memory");
            rc = ANN_ENOMEM;
            break;
        }
        snprintf(path, len, "%s/%s", s->outdir, s->files[i].name);
        if (ann_write_atomic(path, s->files[i].data.data ? s->files[i].data.data : "",
                             s->files[i].data.len) != 0) {
            snprintf(err, errlen, "%s: cannot write: %s", path, strerror(errno));
            rc = ANN_EIO;
        }
        free(path);
    }
    drop_files(s);
    return rc;
}
