/*
 * md_mask.c -- see md_mask.h.
 */
#include "read/md_mask.h"

#include <string.h>

static int is_blank(char c)
{
    return c == ' ' || c == '\t';
}

/* Whether a line starting (after its indentation) with c is masked:
 * letters and UTF-8 bytes start no block. */
static int starts_prose(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

size_t ann_md_mask(const char *s, size_t len, char *out)
{
    memcpy(out, s, len);
    size_t changed = 0, i = 0;
    int after_bracket = 0; /* the previous line holds a ']' */
    while (i < len) {
        size_t e = i;
        int unsafe = 0, bracket = 0;
        for (; e < len && s[e] != '\n' && s[e] != '\r'; e++) {
            switch (s[e]) {
            case ']':
                bracket = 1;
                unsafe = 1;
                break;
            case '[':
            case '|':
            case '<':
            case '>':
                unsafe = 1;
                break;
            default:
                break;
            }
        }
        size_t first = i;
        while (first < e && is_blank(s[first]))
            first++;
        if (!unsafe && !after_bracket && first < e && starts_prose((unsigned char)s[first])) {
            size_t last = e;
            while (is_blank(s[last - 1]))
                last--;
            for (size_t k = first; k < last; k++)
                if (is_blank(s[k])) {
                    out[k] = 'x';
                    changed++;
                }
        }
        after_bracket = bracket;
        i = e;
        if (i < len)
            i += s[i] == '\r' && i + 1 < len && s[i + 1] == '\n' ? 2 : 1;
    }
    return changed;
}
