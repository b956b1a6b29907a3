#include "util/buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int grow(ann_buf *b, size_t extra)
{
    if (b->failed)
        return ANN_ENOMEM;
    size_t need = b->len + extra + 1; /* room for the trailing NUL */
    if (need <= b->cap)
        return ANN_OK;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < need) {
        if (cap > ((size_t)-1) / 2) {
            b->failed = 1;
            return ANN_ENOMEM;
        }
        cap *= 2;
    }
    char *p = realloc(b->data, cap);
    if (!p) {
        b->failed = 1;
        return ANN_ENOMEM;
    }
    b->data = p;
    b->cap = cap;
    return ANN_OK;
}

int ann_buf_append(ann_buf *b, const void *data, size_t len)
{
    if (grow(b, len) != ANN_OK)
        return ANN_ENOMEM;
    if (len)
        memcpy(b->data + b->len, data, len);
    b->len += len;
    b->data[b->len] = '\0';
    return ANN_OK;
}

int ann_buf_puts(ann_buf *b, const char *s)
{
    return ann_buf_append(b, s, strlen(s));
}

int ann_buf_putc(ann_buf *b, char c)
{
    return ann_buf_append(b, &c, 1);
}

int ann_buf_put_uint(ann_buf *b, uint64_t v)
{
    char d[20]; /* 2^64 - 1 has 20 digits */
    size_t k = sizeof d;
    do {
        d[--k] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    return ann_buf_append(b, d + k, sizeof d - k);
}

int ann_buf_vprintf(ann_buf *b, const char *fmt, va_list ap)
{
    if (b->failed)
        return ANN_ENOMEM;
    /* Formatted straight into the room there is: the writers print many
     * short pieces, and measuring each first formatted it twice. */
    va_list ap2;
    va_copy(ap2, ap);
    size_t room = b->cap - b->len;
    int n = vsnprintf(b->data ? b->data + b->len : NULL, b->data ? room : 0, fmt, ap2);
    va_end(ap2);
    if (n < 0) {
        if (b->data)
            b->data[b->len] = '\0';
        b->failed = 1;
        return ANN_ERROR;
    }
    if (!b->data || (size_t)n >= room) {
        if (grow(b, (size_t)n) != ANN_OK) {
            if (b->data)
                b->data[b->len] = '\0';
            return ANN_ENOMEM;
        }
        vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    }
    b->len += (size_t)n;
    return ANN_OK;
}

int ann_buf_printf(ann_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int rc = ann_buf_vprintf(b, fmt, ap);
    va_end(ap);
    return rc;
}

void ann_buf_reset(ann_buf *b)
{
    b->len = 0;
    if (b->data)
        b->data[0] = '\0';
}

char *ann_buf_steal(ann_buf *b, size_t *len)
{
    char *d = b->len ? b->data : NULL;
    if (len)
        *len = b->len;
    if (!d)
        free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
    b->failed = 0;
    return d;
}

void ann_buf_free(ann_buf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
    b->failed = 0;
}
