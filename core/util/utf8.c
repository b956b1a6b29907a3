/*
 * utf8.c -- strict UTF-8 validation.
 *
 * Follows the table of well-formed byte sequences in the Unicode Standard
 * (chapter 3, "Well-Formed UTF-8 Byte Sequences"): the second byte's range
 * depends on the lead byte, which is what rules out overlongs, surrogates
 * and code points above U+10FFFF.  ASCII runs are skipped eight bytes at a
 * time, because the reader validates every input file in full.
 */
#include "util/utf8.h"

#include <stdint.h>
#include <string.h>

/* Whether any of the eight bytes is >= 0x80 or zero. */
static int word_needs_care(uint64_t w)
{
    const uint64_t high = 0x8080808080808080ull, ones = 0x0101010101010101ull;
    return ((w & high) | ((w - ones) & ~w & high)) != 0;
}

ann_utf8_status ann_utf8_validate(const unsigned char *s, size_t len, size_t *where)
{
    size_t i = 0;
    while (i < len) {
        if (i + 8 <= len) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            if (!word_needs_care(w)) {
                i += 8;
                continue;
            }
        }
        unsigned c = s[i];
        if (c == 0) {
            *where = i;
            return ANN_UTF8_NUL;
        }
        if (c < 0x80) {
            i++;
            continue;
        }
        size_t need;
        unsigned lo = 0x80, hi = 0xBF; /* allowed range of the second byte */
        if (c >= 0xC2 && c <= 0xDF) {
            need = 1;
        } else if (c >= 0xE0 && c <= 0xEF) {
            need = 2;
            if (c == 0xE0)
                lo = 0xA0; /* overlong below U+0800 */
            else if (c == 0xED)
                hi = 0x9F; /* surrogates U+D800..DFFF */
        } else if (c >= 0xF0 && c <= 0xF4) {
            need = 3;
            if (c == 0xF0)
                lo = 0x90; /* overlong below U+10000 */
            else if (c == 0xF4)
                hi = 0x8F; /* above U+10FFFF */
        } else {
            /* C0, C1 (overlong), F5..FF, or a lone continuation byte */
            *where = i;
            return ANN_UTF8_INVALID;
        }
        for (size_t k = 1; k <= need; k++) {
            if (i + k >= len) {
                *where = i;
                return ANN_UTF8_INVALID; /* cut short at the end */
            }
            unsigned cc = s[i + k];
            unsigned l = k == 1 ? lo : 0x80, h = k == 1 ? hi : 0xBF;
            if (cc < l || cc > h) {
                *where = i;
                return ANN_UTF8_INVALID;
            }
        }
        i += need + 1;
    }
    return ANN_UTF8_OK;
}

size_t ann_utf8_check(const unsigned char *s, size_t len)
{
    size_t where = len;
    return ann_utf8_validate(s, len, &where) == ANN_UTF8_OK ? len : where;
}

int ann_utf8_is_boundary(const unsigned char *s, size_t len, size_t off)
{
    if (off > len)
        return 0;
    return off == len || (s[off] & 0xC0) != 0x80;
}
