/*
 * paragraphs.c -- splitting plain text into paragraphs at blank lines.
 *
 * A paragraph is a maximal run of lines that hold something other than white
 * space; its region is trimmed of leading and trailing white space, so it
 * starts at its first visible byte and ends after its last one.  "\r\n" line
 * ends need nothing special: a line holding only "\r" is blank.
 */
#include <stdlib.h>
#include <string.h>

#include "text/tokenize.h"

static int is_blank_byte(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

size_t ann_split_paragraphs(const char *text, size_t len, ann_region **out)
{
    size_t cap = 16, n = 0;
    ann_region *r = malloc(cap * sizeof *r);
    if (r == NULL)
        return (size_t)-1;
    const unsigned char *s = (const unsigned char *)text;
    size_t i = 0;
    int in_para = 0;
    size_t para_start = 0, para_end = 0;
    while (i < len) {
        /* One line: [i, eol). */
        const unsigned char *nl = memchr(s + i, '\n', len - i);
        size_t eol = nl ? (size_t)(nl - s) : len;
        size_t a = i, b = eol;
        while (a < b && is_blank_byte(s[a]))
            a++;
        while (b > a && is_blank_byte(s[b - 1]))
            b--;
        if (a < b) {
            if (!in_para) {
                in_para = 1;
                para_start = a;
            }
            para_end = b;
        } else if (in_para) {
            if (n == cap) {
                ann_region *g = realloc(r, 2 * cap * sizeof *r);
                if (g == NULL) {
                    free(r);
                    return (size_t)-1;
                }
                r = g;
                cap *= 2;
            }
            r[n++] = (ann_region){(uint32_t)para_start, (uint32_t)para_end, 0, 0};
            in_para = 0;
        }
        i = eol + 1;
    }
    if (in_para) {
        if (n == cap) {
            ann_region *g = realloc(r, (cap + 1) * sizeof *r);
            if (g == NULL) {
                free(r);
                return (size_t)-1;
            }
            r = g;
        }
        r[n++] = (ann_region){(uint32_t)para_start, (uint32_t)para_end, 0, 0};
    }
    *out = r;
    return n;
}
