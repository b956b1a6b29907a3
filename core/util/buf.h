/*
 * buf.h -- a growable byte buffer for building output in memory.
 *
 * Writers render a whole document into one buffer before anything touches
 * the disk, so a failure half-way never leaves a half-written file.
 */
#ifndef ANN_UTIL_BUF_H
#define ANN_UTIL_BUF_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include "annotate/plugin.h"

typedef struct ann_buf {
    char *data; /* NUL-terminated when len > 0; owned, free with ann_buf_free() */
    size_t len;
    size_t cap;
    int failed; /* set once an allocation failed; later appends do nothing */
} ann_buf;

/* clang-format off */
#define ANN_BUF_INIT {NULL, 0, 0, 0}
/* clang-format on */

/* Appends; each returns ANN_OK or ANN_ENOMEM (and sets failed). */
int ann_buf_append(ann_buf *b, const void *data, size_t len);
int ann_buf_puts(ann_buf *b, const char *s);
int ann_buf_putc(ann_buf *b, char c);
/* v in decimal: the writers' span offsets, without printf's parsing of a
 * format (which cost more than the rest of writing a span). */
int ann_buf_put_uint(ann_buf *b, uint64_t v);
int ann_buf_printf(ann_buf *b, const char *fmt, ...) ANN_PRINTF(2, 3);
int ann_buf_vprintf(ann_buf *b, const char *fmt, va_list ap);

/* Empties the buffer but keeps its memory. */
void ann_buf_reset(ann_buf *b);

/* Gives up ownership of the data (caller frees with free()); the buffer is
 * left empty.  Returns NULL for an empty buffer. */
char *ann_buf_steal(ann_buf *b, size_t *len);

void ann_buf_free(ann_buf *b);

#endif
