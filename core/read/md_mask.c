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

/* Character classes of the line scan. */
enum { C_BLANK = 1, C_PUNCT = 2, C_STOP = 4, C_BRACKET = 8 };

static unsigned char char_class(unsigned char c)
{
    switch (c) {
    case ' ':
    case '\t':
        return C_BLANK;
    case '|':
    case '<':
    case '>':
    case '`':
    case '~':
        return C_STOP;
    case '[':
    case ']':
        return C_PUNCT | C_BRACKET;
    default:
        return is_ascii_punct(c) ? C_PUNCT : 0;
    }
}

/* Masks what follows the first letter of the line s[first..e), in one
 * pass: blanks (and with punct, punctuation) become 'x' as they come, and
 * the line is put back when it holds a character that forbids masking
 * (with defs, a bracket too) or, at its end, where blanks trail.  Returns
 * the bytes left changed. */
static size_t mask_line(const unsigned char *cls, const char *s, size_t first, size_t e, int defs,
                        char *out)
{
    unsigned char maskable = (unsigned char)(defs ? C_BLANK : C_BLANK | C_PUNCT);
    unsigned char stop = (unsigned char)(defs ? C_STOP | C_BRACKET : C_STOP);
    size_t changed = 0, tail = first; /* tail: just after the last non-blank */
    for (size_t k = first; k < e; k++) {
        unsigned char t = cls[(unsigned char)s[k]];
        if (t & stop) {
            memcpy(out + first, s + first, k - first);
            return 0;
        }
        if (!(t & C_BLANK))
            tail = k + 1;
        if (t & maskable) {
            out[k] = 'x';
            changed++;
        }
    }
    for (size_t k = tail; k < e; k++) {
        out[k] = s[k];
        changed--;
    }
    return changed;
}

size_t ann_md_mask(const char *s, size_t len, char *out)
{
    if (len == 0)
        return 0;
    unsigned char cls[256];
    for (int c = 0; c < 256; c++)
        cls[c] = char_class((unsigned char)c);
    memcpy(out, s, len);
    /* Without "]:" the text has no link reference definition, the one block
     * whose inside (a title's quotes, the colon) shapes the tree. */
    int defs = len >= 2 && memmem(s, len, "]:", 2) != NULL;
    int has_cr = memchr(s, '\r', len) != NULL;
    size_t changed = 0, i = 0;
    int after_bracket = 0; /* the previous line holds a ']' */
    while (i < len) {
        size_t e;
        if (has_cr) {
            e = i;
            while (e < len && s[e] != '\n' && s[e] != '\r')
                e++;
        } else {
            const char *nl = memchr(s + i, '\n', len - i);
            e = nl ? (size_t)(nl - s) : len;
        }
        size_t first = i;
        if (defs)
            while (first < e && is_blank((unsigned char)s[first]))
                first++;
        else
            while (first < e && in_prefix((unsigned char)s[first]))
                first++;
        if (first < e && is_letter((unsigned char)s[first]) && !(defs && after_bracket))
            changed += mask_line(cls, s, first, e, defs, out);
        after_bracket = defs && memchr(s + i, ']', e - i) != NULL;
        i = e;
        if (i < len)
            i += s[i] == '\r' && i + 1 < len && s[i + 1] == '\n' ? 2 : 1;
    }
    return changed;
}
