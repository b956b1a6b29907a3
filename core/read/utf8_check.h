/*
 * utf8_check.h -- strict UTF-8 validation (internal to core/read).
 */
#ifndef ANN_READ_UTF8_CHECK_H
#define ANN_READ_UTF8_CHECK_H

#include <stddef.h>

typedef enum ann_read_utf8_status {
    ANN_UTF8_OK = 0,
    ANN_UTF8_INVALID, /* an ill-formed sequence */
    ANN_UTF8_NUL      /* a NUL byte */
} ann_read_utf8_status;

/* Checks s[0..len) against the Unicode definition of well-formed UTF-8:
 * rejects overlong forms (C0 AF), surrogates (ED A0 80), code points above
 * U+10FFFF (F4 90 80 80), lone continuation bytes and sequences cut short,
 * and also NUL bytes.  On failure stores in *where the offset of the first
 * byte of the offending sequence (or of the NUL). */
ann_read_utf8_status ann_read_validate_utf8(const unsigned char *s, size_t len, size_t *where);

#endif
