/*
 * chars.c -- character classes and UTF-8 decoding for the tokenizer.
 */
#include "text/chars.h"

#include <utf8proc.h>

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

int32_t ann_chars_decode(const unsigned char *s, size_t len, size_t i, size_t *n)
{
    unsigned c = s[i];
    if (c < 0x80) {
        *n = 1;
        return (int32_t)c;
    }
    size_t need;
    int32_t cp;
    if (c >= 0xC2 && c <= 0xDF) {
        need = 2;
        cp = (int32_t)(c & 0x1F);
    } else if (c >= 0xE0 && c <= 0xEF) {
        need = 3;
        cp = (int32_t)(c & 0x0F);
    } else if (c >= 0xF0 && c <= 0xF4) {
        need = 4;
        cp = (int32_t)(c & 0x07);
    } else {
        *n = 1;
        return 0xFFFD;
    }
    if (i + need > len) {
        *n = 1;
        return 0xFFFD;
    }
    for (size_t k = 1; k < need; k++) {
        unsigned cc = s[i + k];
        if ((cc & 0xC0) != 0x80) {
            *n = 1;
            return 0xFFFD;
        }
        cp = (cp << 6) | (int32_t)(cc & 0x3F);
    }
    *n = need;
    return cp;
}

int32_t ann_chars_decode_prev(const unsigned char *s, size_t i, size_t *n)
{
    size_t j = i - 1;
    /* Step back over at most three continuation bytes. */
    while (j > 0 && i - j < 4 && (s[j] & 0xC0) == 0x80)
        j--;
    size_t m;
    int32_t cp = ann_chars_decode(s, i, j, &m);
    if (j + m != i) {
        *n = 1;
        return 0xFFFD;
    }
    *n = m;
    return cp;
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
