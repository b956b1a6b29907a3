/*
 * chars.h -- character classes for the tokenizer (internal to core/text).
 *
 * ASCII goes through a constant table; anything else asks utf8proc for its
 * Unicode general category, so "Gérard", "İstanbul" and "Zürich" are words.
 */
#ifndef ANN_TEXT_CHARS_H
#define ANN_TEXT_CHARS_H

#include <stddef.h>
#include <stdint.h>

/* Character class bits. */
enum {
    ANN_CC_SPACE = 1u << 0,
    ANN_CC_LETTER = 1u << 1, /* L* and combining marks (M*) */
    ANN_CC_DIGIT = 1u << 2,  /* Nd */
    ANN_CC_UPPER = 1u << 3,  /* Lu, Lt */
    ANN_CC_LOWER = 1u << 4,  /* Ll */
    ANN_CC_PUNCT = 1u << 5,  /* P* */
    ANN_CC_SYMBOL = 1u << 6, /* Sc, Sm, Sk */
    ANN_CC_MARK = 1u << 7    /* M*: joins the preceding letter */
};

/* Decodes the code point at s[i] (i < len) and stores its byte length in
 * *n (at least 1).  The text is supposed to be valid UTF-8; a stray byte is
 * returned as U+FFFD with length 1 so scanning always advances. */
int32_t ann_chars_decode(const unsigned char *s, size_t len, size_t i, size_t *n);

/* Decodes the code point ending just before s[i] (i > 0). */
int32_t ann_chars_decode_prev(const unsigned char *s, size_t i, size_t *n);

/* Class bits (ANN_CC_*) of a code point. */
unsigned ann_char_class(int32_t cp);

/* Classes of the ASCII range (the table behind the inline fast paths);
 * 0 for every byte >= 0x80. */
extern const unsigned char ann_chars_ascii[256];

/* Class of the code point at s[i], its length in *n; 0 at or past len. */
unsigned ann_chars_class_slow(const unsigned char *s, size_t len, size_t i, size_t *n);

static inline unsigned ann_chars_class_at(const unsigned char *s, size_t len, size_t i, size_t *n)
{
    if (i < len && s[i] < 0x80) {
        *n = 1;
        return ann_chars_ascii[s[i]];
    }
    return ann_chars_class_slow(s, len, i, n);
}

#endif
