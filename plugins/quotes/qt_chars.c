/*
 * qt_chars.c -- UTF-8 decoding and character classes for the quotes plugin.
 *
 * Only what quotation marks and names need: is the neighbour of a mark a
 * letter, a digit or a space, and does a word start with a capital.  Plain
 * tables instead of <ctype.h>, which depends on the locale.
 */
#include "qt.h"

uint32_t qt_cp_at(const char *t, size_t len, size_t i, size_t *clen)
{
    const unsigned char *u = (const unsigned char *)t;
    unsigned char c = u[i];
    if (c < 0x80 || i + 1 >= len) {
        *clen = 1;
        return c;
    }
    if ((c & 0xE0) == 0xC0 && (u[i + 1] & 0xC0) == 0x80) {
        *clen = 2;
        return ((uint32_t)(c & 0x1F) << 6) | (u[i + 1] & 0x3F);
    }
    if ((c & 0xF0) == 0xE0 && i + 2 < len && (u[i + 1] & 0xC0) == 0x80 && (u[i + 2] & 0xC0) == 0x80) {
        *clen = 3;
        return ((uint32_t)(c & 0x0F) << 12) | ((uint32_t)(u[i + 1] & 0x3F) << 6) | (u[i + 2] & 0x3F);
    }
    if ((c & 0xF8) == 0xF0 && i + 3 < len && (u[i + 1] & 0xC0) == 0x80 && (u[i + 2] & 0xC0) == 0x80 &&
        (u[i + 3] & 0xC0) == 0x80) {
        *clen = 4;
        return ((uint32_t)(c & 0x07) << 18) | ((uint32_t)(u[i + 1] & 0x3F) << 12) |
               ((uint32_t)(u[i + 2] & 0x3F) << 6) | (u[i + 3] & 0x3F);
    }
    *clen = 1;
    return c;
}

uint32_t qt_cp_before(const char *t, size_t lo, size_t i, size_t *clen)
{
    const unsigned char *u = (const unsigned char *)t;
    if (i <= lo) {
        *clen = 0;
        return 0;
    }
    size_t j = i - 1;
    /* walk back over at most three continuation bytes */
    while (j > lo && i - j < 4 && (u[j] & 0xC0) == 0x80)
        j--;
    size_t n;
    uint32_t cp = qt_cp_at(t, i, j, &n);
    if (j + n != i) { /* broken sequence: treat the last byte alone */
        *clen = 1;
        return u[i - 1];
    }
    *clen = n;
    return cp;
}

int qt_is_space(uint32_t cp)
{
    return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v' ||
           cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200B) || cp == 0x202F || cp == 0x205F ||
           cp == 0x3000 || cp == 0xFEFF;
}

int qt_is_digit(uint32_t cp)
{
    return cp >= '0' && cp <= '9';
}

int qt_is_letter(uint32_t cp)
{
    if (cp < 0x80)
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
    if (cp < 0xC0)
        return cp == 0xAA || cp == 0xB5 || cp == 0xBA;
    if (cp == 0xD7 || cp == 0xF7)
        return 0;
    /* General punctuation, symbols, arrows, box drawing ... are not letters;
     * everything else above Latin-1 is taken as a letter, which is what the
     * neighbour tests need (a mark between two such characters is inside a
     * word). */
    if (cp >= 0x2000 && cp <= 0x2BFF)
        return 0;
    if (cp >= 0x3000 && cp <= 0x303F)
        return 0;
    if (cp >= 0xFE30 && cp <= 0xFE4F)
        return 0;
    if (cp >= 0xFF00 && cp <= 0xFF20)
        return 0;
    if (cp >= 0x1F000)
        return 0; /* emoji and other symbols */
    return 1;
}

int qt_is_upper(uint32_t cp)
{
    if (cp < 0x80)
        return cp >= 'A' && cp <= 'Z';
    if (cp >= 0xC0 && cp <= 0xDE)
        return cp != 0xD7;
    if (cp >= 0x100 && cp <= 0x17F)
        return (cp & 1) == 0; /* Latin Extended-A alternates upper, lower */
    if (cp >= 0x391 && cp <= 0x3A9)
        return 1; /* Greek */
    if (cp >= 0x400 && cp <= 0x42F)
        return 1; /* Cyrillic */
    return 0;
}

char qt_lower(char c)
{
    return (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
}
