/*
 * utf8.h -- strict UTF-8 validation, shared by the reader (whole files) and
 * the host's checks of what plugins hand it (span bounds, attribute strings).
 */
#ifndef ANN_UTIL_UTF8_H
#define ANN_UTIL_UTF8_H

#include <stddef.h>

typedef enum ann_utf8_status {
    ANN_UTF8_OK = 0,
    ANN_UTF8_INVALID, /* an ill-formed sequence */
    ANN_UTF8_NUL      /* a NUL byte */
} ann_utf8_status;

/* Checks s[0..len) against the Unicode definition of well-formed UTF-8:
 * rejects overlong forms (C0 AF), surrogates (ED A0 80), code points above
 * U+10FFFF (F4 90 80 80), lone continuation bytes and sequences cut short,
 * and also NUL bytes.  On failure stores in *where the offset of the first
 * byte of the offending sequence (or of the NUL). */
ann_utf8_status ann_utf8_validate(const unsigned char *s, size_t len, size_t *where);

/* Returns the byte offset of the first invalid sequence (or NUL) in
 * s[0..len), or len when all of it is valid UTF-8. */
size_t ann_utf8_check(const unsigned char *s, size_t len);

/* True when offset `off` of s[0..len) starts a character or is len. */
int ann_utf8_is_boundary(const unsigned char *s, size_t len, size_t off);

#endif
