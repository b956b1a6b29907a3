/*
 * utf8.h -- the few UTF-8 checks the host makes on what plugins hand it.
 */
#ifndef ANN_UTIL_UTF8_H
#define ANN_UTIL_UTF8_H

#include <stddef.h>

/* Returns the byte offset of the first invalid sequence in s[0..len) (overlong
 * forms, surrogates and code points above U+10FFFF are invalid), or len when
 * all of it is valid UTF-8. */
size_t ann_utf8_check(const unsigned char *s, size_t len);

/* True when offset `off` of s[0..len) starts a character or is len. */
int ann_utf8_is_boundary(const unsigned char *s, size_t len, size_t off);

#endif
