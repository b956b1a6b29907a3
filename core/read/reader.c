/*
 * reader.c -- loading a file, validating it and choosing the reader.  The
 * offset map it builds is read in view_map.c.
 */
#include "read/reader.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "read/formats.h"
#include "read/syntax.h"
#include "util/fs.h"
#include "util/utf8.h"
#include "text/tokenize.h"

static void set_err(char *err, size_t errlen, const char *name, const char *what, size_t at,
                    int with_at)
{
    if (err == NULL || errlen == 0)
        return;
    if (with_at)
        snprintf(err, errlen, "%s: %s at byte %zu", name, what, at);
    else
        snprintf(err, errlen, "%s: %s", name, what);
}

static ann_format format_of(const char *name)
{
    const char *dot = strrchr(name, '.');
    const char *slash = strrchr(name, '/');
    if (dot == NULL || (slash != NULL && dot < slash))
        return ANN_FORMAT_TEXT;
    dot++;
    if (strcasecmp(dot, "md") == 0 || strcasecmp(dot, "markdown") == 0)
        return ANN_FORMAT_MARKDOWN;
    if (strcasecmp(dot, "html") == 0 || strcasecmp(dot, "htm") == 0)
        return ANN_FORMAT_HTML;
    return ANN_FORMAT_TEXT;
}

/* The plain-text reader: the view is the file after its BOM, read in place
 * (the bytes end with a NUL, see build()), so a large document is not held
 * twice. */
static int read_text(ann_textdoc *d, size_t skip)
{
    size_t len = d->size - skip;
    d->map = malloc(sizeof *d->map);
    if (d->map == NULL)
        return ANN_ENOMEM;
    d->view = (char *)d->bytes + skip;
    d->view_in_bytes = 1;
    d->view_len = len;
    d->map[0] = (ann_segment){0, len, skip, len};
    d->n_map = 1;
    size_t nb = ann_split_paragraphs(d->view, len, &d->blocks);
    if (nb == (size_t)-1) {
        d->blocks = NULL;
        return ANN_ENOMEM;
    }
    d->n_blocks = nb;
    return ANN_OK;
}

/* Takes ownership of bytes (malloc'ed, size bytes and a NUL after them) and
 * builds the document with the parsers of ps (NULL: a set made and freed
 * for this document). */
static int build(ann_parsers *ps, const char *name, unsigned char *bytes, size_t size,
                 ann_format format, ann_textdoc *out, char *err, size_t errlen)
{
    memset(out, 0, sizeof *out);
    size_t where = 0;
    switch (ann_utf8_validate(bytes, size, &where)) {
    case ANN_UTF8_OK:
        break;
    case ANN_UTF8_NUL:
        free(bytes);
        set_err(err, errlen, name, "NUL byte", where, 1);
        return ANN_EINVAL;
    default:
        free(bytes);
        set_err(err, errlen, name, "invalid UTF-8", where, 1);
        return ANN_EINVAL;
    }
    if (size > UINT32_MAX) {
        free(bytes);
        set_err(err, errlen, name, "file too large (the limit is 4 GiB)", 0, 0);
        return ANN_EINVAL;
    }
    out->bytes = bytes;
    out->size = size;
    size_t skip = size >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
    if (format == ANN_FORMAT_AUTO)
        format = format_of(name);
    int rc;
    ann_syntax_drop_kept(ps); /* another document's */
    ann_parsers *own = NULL;
    if (ps == NULL && format != ANN_FORMAT_TEXT)
        ps = own = ann_parsers_new();
    switch (format) {
    case ANN_FORMAT_MARKDOWN:
        out->reader = "markdown";
        rc = ps ? ann_read_markdown(ps, out, skip, name, err, errlen) : ANN_ENOMEM;
        break;
    case ANN_FORMAT_HTML:
        out->reader = "html";
        rc = ps ? ann_read_html(ps, out, skip, name, err, errlen) : ANN_ENOMEM;
        break;
    default:
        out->reader = "text";
        rc = read_text(out, skip);
        break;
    }
    ann_parsers_free(own);
    if (rc != ANN_OK) {
        if (rc == ANN_ENOMEM)
            set_err(err, errlen, name, "out of memory", 0, 0);
        ann_textdoc_free(out);
        return rc;
    }
    return ANN_OK;
}

int ann_read_file(const char *path, ann_format format, ann_textdoc *out, char *err, size_t errlen)
{
    return ann_read_file_max(path, format, 0, out, err, errlen);
}

static void too_large(char *err, size_t errlen, const char *path, size_t size, size_t max_size)
{
    if (err != NULL && errlen > 0)
        snprintf(err, errlen, "%s: too large: %zu bytes (%.1f MB), over --max-doc-size (%.1f MB)",
                 path, size, (double)size / (1024.0 * 1024.0),
                 (double)max_size / (1024.0 * 1024.0));
}

int ann_read_file_max(const char *path, ann_format format, size_t max_size, ann_textdoc *out,
                      char *err, size_t errlen)
{
    return ann_read_file_with(NULL, path, format, max_size, out, err, errlen);
}

int ann_read_file_with(ann_parsers *ps, const char *path, ann_format format, size_t max_size,
                       ann_textdoc *out, char *err, size_t errlen)
{
    memset(out, 0, sizeof *out);
    int is_stdin = strcmp(path, "-") == 0;
    int fd = is_stdin ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        int e = errno;
        if (err != NULL && errlen > 0)
            snprintf(err, errlen, "%s: cannot read: %s", path, strerror(e));
        return ANN_EIO;
    }
    /* A regular file is refused before it is read; a pipe once read. */
    struct stat st;
    if (max_size && fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && (size_t)st.st_size > max_size) {
        if (!is_stdin)
            close(fd);
        too_large(err, errlen, path, (size_t)st.st_size, max_size);
        return ANN_EINVAL;
    }
    unsigned char *data = NULL;
    size_t size = 0;
    int e = ann_read_fd(fd, &data, &size);
    if (!is_stdin)
        close(fd);
    if (e != 0) {
        if (err != NULL && errlen > 0)
            snprintf(err, errlen, "%s: cannot read: %s", path, strerror(e));
        return e == ENOMEM ? ANN_ENOMEM : ANN_EIO;
    }
    if (max_size && size > max_size) {
        free(data);
        too_large(err, errlen, path, size, max_size);
        return ANN_EINVAL;
    }
    return build(ps, path, data, size, format, out, err, errlen);
}

int ann_read_memory(const char *name, const unsigned char *bytes, size_t size, ann_format format,
                    ann_textdoc *out, char *err, size_t errlen)
{
    return ann_read_memory_max(name, bytes, size, format, 0, out, err, errlen);
}

int ann_read_memory_max(const char *name, const unsigned char *bytes, size_t size,
                        ann_format format, size_t max_size, ann_textdoc *out, char *err,
                        size_t errlen)
{
    return ann_read_memory_with(NULL, name, bytes, size, format, max_size, out, err, errlen);
}

int ann_read_memory_with(ann_parsers *ps, const char *name, const unsigned char *bytes,
                         size_t size, ann_format format, size_t max_size, ann_textdoc *out,
                         char *err, size_t errlen)
{
    memset(out, 0, sizeof *out);
    if (max_size && size > max_size) {
        too_large(err, errlen, name, size, max_size);
        return ANN_EINVAL;
    }
    unsigned char *copy = malloc(size + 1);
    if (copy == NULL) {
        set_err(err, errlen, name, "out of memory", 0, 0);
        return ANN_ENOMEM;
    }
    if (size)
        memcpy(copy, bytes, size);
    copy[size] = '\0';
    return build(ps, name, copy, size, format, out, err, errlen);
}

ann_format ann_format_of_reader(const char *reader)
{
    if (reader == NULL)
        return ANN_FORMAT_AUTO;
    if (strcmp(reader, "text") == 0)
        return ANN_FORMAT_TEXT;
    if (strcmp(reader, "markdown") == 0)
        return ANN_FORMAT_MARKDOWN;
    if (strcmp(reader, "html") == 0)
        return ANN_FORMAT_HTML;
    return ANN_FORMAT_AUTO;
}

void ann_textdoc_free(ann_textdoc *d)
{
    if (d == NULL)
        return;
    if (!d->view_in_bytes)
        free(d->view);
    free(d->bytes);
    free(d->map);
    free(d->blocks);
    free(d->styles);
    memset(d, 0, sizeof *d);
}
