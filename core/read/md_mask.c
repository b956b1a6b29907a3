/*
 * md_mask.c -- see md_mask.h.
 */
#define _GNU_SOURCE /* memmem */
#include "read/md_mask.h"

#include <string.h>

static int is_blank(unsigned char c)
{
    return c == ' ' || c == '\t';
}

static int is_letter(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

static int is_ascii_punct(unsigned char c)
{
    return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') ||
           (c >= '{' && c <= '~');
}

/* Characters a line may start with before its first letter and still be
 * masked: indentation, quote and list markers (and what merely looks like
 * them); none of them lets the rest of the line change what the line is. */
static int in_prefix(unsigned char c)
{
    return is_blank(c) || c == '>' || c == '-' || c == '*' || c == '+' || c == '.' || c == ')' ||
           (c >= '0' && c <= '9');
}

/* Masks the line s[a..e), whose first letter is at `first`. */
static size_t mask_line(const char *s, size_t first, size_t e, int punct, char *out)
{
    size_t last = e, changed = 0;
    while (is_blank((unsigned char)s[last - 1]))
        last--;
    for (size_t k = first; k < last; k++) {
        unsigned char c = (unsigned char)s[k];
        if (is_blank(c) || (punct && is_ascii_punct(c))) {
            out[k] = 'x';
            changed++;
        }
    }
    return changed;
}

size_t ann_md_mask(const char *s, size_t len, char *out)
{
    memcpy(out, s, len);
    /* Without "]:" the text has no link reference definition, the one block
     * whose inside (a title's quotes, the colon) shapes the tree. */
    int defs = len >= 2 && memmem(s, len, "]:", 2) != NULL;
    size_t changed = 0, i = 0;
    int after_bracket = 0; /* the previous line holds a ']' */
    while (i < len) {
        size_t e = i;
        while (e < len && s[e] != '\n' && s[e] != '\r')
            e++;
        size_t first = i;
        if (defs)
            while (first < e && is_blank((unsigned char)s[first]))
                first++;
        else
            while (first < e && in_prefix((unsigned char)s[first]))
                first++;
        int ok = first < e && is_letter((unsigned char)s[first]);
        int bracket = 0;
        for (size_t k = first; ok && k < e; k++) {
            switch (s[k]) {
            case ']':
                bracket = 1;
                ok = !defs;
                break;
            case '[':
                ok = !defs;
                break;
            case '|':
            case '<':
            case '>':
            case '`':
            case '~':
                ok = 0;
                break;
            default:
                break;
            }
        }
        if (ok && !(defs && after_bracket))
            changed += mask_line(s, first, e, !defs, out);
        after_bracket = bracket || (!ok && memchr(s + i, ']', e - i) != NULL);
        i = e;
        if (i < len)
            i += s[i] == '\r' && i + 1 < len && s[i + 1] == '\n' ? 2 : 1;
    }
    return changed;
}
