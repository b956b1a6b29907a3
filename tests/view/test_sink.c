/* test_sink.c -- see test_sink.h. */
#include "test_sink.h"

#include <stdio.h>
#include <string.h>

static int put(const char *dir, const char *name, const char *ext, const char *data, size_t len)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s%s", dir, name, ext);
    FILE *f = fopen(path, "wb");
    if (!f) {
        perror(path);
        return ANN_EIO;
    }
    int ok = fwrite(data, 1, len, f) == len;
    ok &= fclose(f) == 0;
    return ok ? ANN_OK : ANN_EIO;
}

int ann_sink_put(ann_sink *sink, const char *ext, const char *data, size_t len)
{
    return put(sink->dir, sink->base, ext, data, len);
}

int ann_sink_put_file(ann_sink *sink, const char *filename, const char *data, size_t len)
{
    return put(sink->dir, filename, "", data, len);
}

void test_sink_init(ann_sink *sink, const char *dir, const char *doc_path)
{
    sink->dir = dir;
    const char *base = strrchr(doc_path, '/');
    base = base ? base + 1 : doc_path;
    snprintf(sink->base, sizeof sink->base, "%s", base);
    char *dot = strrchr(sink->base, '.');
    if (dot && dot != sink->base)
        *dot = '\0';
}

/* The test drivers always write to a folder: no marks between documents. */
int ann_sink_mark_document(const ann_sink *sink, ann_buf *b, const char *before, const char *path,
                           const char *after)
{
    (void)sink;
    (void)b;
    (void)before;
    (void)path;
    (void)after;
    return ANN_OK;
}
