#include "text/unicode.h"

#include <utf8proc.h>

#include "annotate/plugin.h"

uint32_t ann_unicode_decode(const char *str, size_t len, size_t i, size_t *n)
{
    const unsigned char *s = (const unsigned char *)str;
    unsigned c = s[i];
    *n = 1;
    if (c < 0x80)
        return c;
    size_t need;
    uint32_t cp;
    /* The second byte's range rules out overlong forms, surrogates and code
     * points past U+10FFFF (Unicode table 3-7). */
    unsigned lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
        need = 2;
        cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
        need = 3;
        cp = c & 0x0F;
        if (c == 0xE0)
            lo = 0xA0;
        else if (c == 0xED)
            hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        need = 4;
        cp = c & 0x07;
        if (c == 0xF0)
            lo = 0x90;
        else if (c == 0xF4)
            hi = 0x8F;
    } else {
        return 0xFFFD;
    }
    if (i + need > len || s[i + 1] < lo || s[i + 1] > hi)
        return 0xFFFD;
    for (size_t k = 1; k < need; k++) {
        unsigned cc = s[i + k];
        if ((cc & 0xC0) != 0x80)
            return 0xFFFD;
        cp = (cp << 6) | (cc & 0x3F);
    }
    *n = need;
    return cp;
}

uint32_t ann_unicode_decode_prev(const char *str, size_t i, size_t *n)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t j = i - 1;
    while (j > 0 && i - j < 4 && (s[j] & 0xC0) == 0x80)
        j--;
    size_t m;
    uint32_t cp = ann_unicode_decode(str, i, j, &m);
    if (j + m != i) {
        *n = 1;
        return 0xFFFD;
    }
    *n = m;
    return cp;
}

/* White_Space of PropList.txt beyond ASCII; utf8proc has categories but not
 * this property, and U+0085 is a control (Cc) while U+200B is not a space. */
static int is_white_space(uint32_t cp)
{
    return cp == 0x85 || cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) ||
           cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

uint32_t ann_unicode_class(uint32_t cp)
{
    if (cp < 0x80)
        return ann_ascii_class((unsigned char)cp);
    if (cp > 0x10FFFF)
        return 0;
    uint32_t extra = 0;
    if (is_white_space(cp))
        extra |= ANN_CHAR_SPACE;
    if (cp == 0x85 || cp == 0x2028 || cp == 0x2029)
        extra |= ANN_CHAR_NEWLINE;
    switch (utf8proc_category((utf8proc_int32_t)cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LT:
        return extra | ANN_CHAR_LETTER | ANN_CHAR_UPPER;
    case UTF8PROC_CATEGORY_LL:
        return extra | ANN_CHAR_LETTER | ANN_CHAR_LOWER;
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
        return extra | ANN_CHAR_LETTER;
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
        return extra | ANN_CHAR_MARK;
    case UTF8PROC_CATEGORY_ND:
        return extra | ANN_CHAR_DIGIT;
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
        return extra | ANN_CHAR_NUMBER;
    case UTF8PROC_CATEGORY_PD:
        return extra | ANN_CHAR_PUNCT | ANN_CHAR_DASH;
    case UTF8PROC_CATEGORY_PI:
    case UTF8PROC_CATEGORY_PF:
        return extra | ANN_CHAR_PUNCT | ANN_CHAR_QUOTE;
    case UTF8PROC_CATEGORY_PC:
    case UTF8PROC_CATEGORY_PS:
    case UTF8PROC_CATEGORY_PE:
    case UTF8PROC_CATEGORY_PO:
        /* The CJK corner brackets and low-9 marks are Ps/Pe/Ps; they are
         * quotation marks all the same. */
        if (cp == 0x201A || cp == 0x201E || (cp >= 0x300C && cp <= 0x300F) || cp == 0x301D ||
            cp == 0x301E || cp == 0x301F || cp == 0xFF02 || cp == 0xFF07)
            return extra | ANN_CHAR_PUNCT | ANN_CHAR_QUOTE;
        return extra | ANN_CHAR_PUNCT;
    case UTF8PROC_CATEGORY_SC:
        return extra | ANN_CHAR_SYMBOL | ANN_CHAR_CURRENCY;
    case UTF8PROC_CATEGORY_SM:
    case UTF8PROC_CATEGORY_SK:
    case UTF8PROC_CATEGORY_SO:
        return extra | ANN_CHAR_SYMBOL;
    default:
        return extra;
    }
}

uint32_t ann_unicode_fold(uint32_t cp)
{
    if (cp < 0x80)
        return cp >= 'A' && cp <= 'Z' ? cp + 32 : cp;
    if (cp > 0x10FFFF)
        return cp;
    utf8proc_int32_t out[4];
    int last = 0;
    utf8proc_ssize_t k =
        utf8proc_decompose_char((utf8proc_int32_t)cp, out, 4, UTF8PROC_CASEFOLD, &last);
    if (k == 1)
        return (uint32_t)out[0];
    /* Full folding gives several code points: the simple folding is the
     * status S entry when there is one, which lowercasing gives -- except
     * for U+0130, whose lowercase 'i' is the Turkic (T) mapping; it has no
     * simple folding and stays itself. */
    if (cp == 0x0130)
        return cp;
    return (uint32_t)utf8proc_tolower((utf8proc_int32_t)cp);
}

size_t ann_unicode_fold_text(const char *s, size_t len, char *out)
{
    size_t o = 0;
    for (size_t i = 0; i < len;) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            out[o++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
            i++;
            continue;
        }
        size_t n;
        uint32_t cp = ann_unicode_decode(s, len, i, &n);
        utf8proc_int32_t f[4];
        int last = 0;
        utf8proc_ssize_t k = cp == 0xFFFD ? -1
                                          : utf8proc_decompose_char((utf8proc_int32_t)cp, f, 4,
                                                                    UTF8PROC_CASEFOLD, &last);
        if (k < 1 || k > 4) {
            /* Not foldable (or a stray byte): copy the bytes as they are. */
            for (size_t b = 0; b < n; b++)
                out[o++] = s[i + b];
        } else {
            for (utf8proc_ssize_t j = 0; j < k; j++)
                o += (size_t)utf8proc_encode_char(f[j], (utf8proc_uint8_t *)out + o);
        }
        i += n;
    }
    out[o] = '\0';
    return o;
}
