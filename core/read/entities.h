/*
 * entities.h -- decoding HTML character references (internal to core/read).
 */
#ifndef ANN_READ_ENTITIES_H
#define ANN_READ_ENTITIES_H

#include <stddef.h>

/* Decodes the character reference s[0..n) ("&amp;", "&#8217;", "&#x2019;",
 * with or without the final ';') into out (at least 8 bytes), NUL-terminated.
 * Returns the decoded length, or 0 when it is not a reference we know (the
 * caller then keeps the original text).  A numeric reference to NUL, a
 * surrogate or a value above U+10FFFF decodes to U+FFFD. */
size_t ann_decode_entity(const char *s, size_t n, char out[8]);

/* Encodes code point cp (valid, not a surrogate) as UTF-8 into out; returns
 * the length (1..4). */
size_t ann_read_utf8_encode(unsigned long cp, char *out);

#endif
