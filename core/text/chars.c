/*
 * chars.c -- character classes and UTF-8 decoding for the tokenizer.
 */
#include "text/chars.h"

#include <utf8proc.h>

#include "text/unicode.h"

#define S ANN_CC_SPACE
#define L ANN_CC_LETTER
#define U ANN_CC_UPPER
#define W ANN_CC_LOWER
#define D ANN_CC_DIGIT
#define P ANN_CC_PUNCT
#define Y ANN_CC_SYMBOL

/* Classes of the ASCII range, so the common case never calls utf8proc.
 * Bytes from 0x80 up are left 0: a scanning loop may index the table with
 * any byte and stop at the first non-ASCII one. */
const unsigned char ann_chars_ascii[256] = {
    0,     0,     0,     0,     0,     0,     0,     0,     0,     S,     S,     S,     S,
    S,     0,     0,     0,     0,     0,     0,     0,     0,     0,     0,     0,     0,
    0,     0,     0,     0,     0,     0,     S,     P,     P,     Y,     Y,     Y,     Y,
    P,     P,     P,     Y,     Y,     P,     P,     P,     P,     D,     D,     D,     D,
    D,     D,     D,     D,     D,     D,     P,     P,     Y,     Y,     Y,     P,     Y,
    L | U, L | U, L | U, L | U, L | U, L | U, L | U, L | U, L | U, L | U, L | U, L | U, L | U,
    L | U, L | U, L | U, L | U, L | U, L | U, L | U, L | U, L | U, L | U, L | U, L | U, L | U,
    P,     Y,     P,     Y,     P,     P,     L | W, L | W, L | W, L | W, L | W, L | W, L | W,
    L | W, L | W, L | W, L | W, L | W, L | W, L | W, L | W, L | W, L | W, L | W, L | W, L | W,
    L | W, L | W, L | W, L | W, L | W, L | W, P,     Y,     P,     Y,     0,
};

#undef S
#undef L
#undef U
#undef W
#undef D
#undef P
#undef Y

/* The tokenizer decodes with the same strict decoder the host table gives
 * plugins (text/unicode.c), so the two can never disagree on a character. */
int32_t ann_chars_decode(const unsigned char *s, size_t len, size_t i, size_t *n)
{
    return (int32_t)ann_unicode_decode((const char *)s, len, i, n);
}

int32_t ann_chars_decode_prev(const unsigned char *s, size_t i, size_t *n)
{
    return (int32_t)ann_unicode_decode_prev((const char *)s, i, n);
}

unsigned ann_char_class(int32_t cp)
{
    if (cp >= 0 && cp < 128)
        return ann_chars_ascii[cp];
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LT:
        return ANN_CC_LETTER | ANN_CC_UPPER;
    case UTF8PROC_CATEGORY_LL:
        return ANN_CC_LETTER | ANN_CC_LOWER;
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
        return ANN_CC_LETTER;
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
        return ANN_CC_LETTER | ANN_CC_MARK;
    case UTF8PROC_CATEGORY_ND:
        return ANN_CC_DIGIT;
    case UTF8PROC_CATEGORY_ZS:
    case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP:
        return ANN_CC_SPACE;
    case UTF8PROC_CATEGORY_PC:
    case UTF8PROC_CATEGORY_PD:
    case UTF8PROC_CATEGORY_PS:
    case UTF8PROC_CATEGORY_PE:
    case UTF8PROC_CATEGORY_PI:
    case UTF8PROC_CATEGORY_PF:
    case UTF8PROC_CATEGORY_PO:
        return ANN_CC_PUNCT;
    case UTF8PROC_CATEGORY_SC:
    case UTF8PROC_CATEGORY_SM:
    case UTF8PROC_CATEGORY_SK:
        return ANN_CC_SYMBOL;
    case UTF8PROC_CATEGORY_CF:
        /* A zero-width no-break space (BOM) or similar is treated as space. */
        return cp == 0xFEFF || cp == 0x200B ? ANN_CC_SPACE : 0;
    default:
        return 0;
    }
}

unsigned ann_chars_class_slow(const unsigned char *s, size_t len, size_t i, size_t *n)
{
    if (i >= len) {
        *n = 0;
        return 0;
    }
    if (s[i] < 0x80) {
        *n = 1;
        return ann_chars_ascii[s[i]];
    }
    return ann_char_class(ann_chars_decode(s, len, i, n));
}
