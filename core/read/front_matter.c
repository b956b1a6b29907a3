/*
 * front_matter.c -- the front matter's date (see front_matter.h).
 */
#include "read/front_matter.h"
#include "util/ymd.h"

#include <stdlib.h>
#include <string.h>

/* The line at p (up to end) is `mark` alone, trailing blanks allowed. */
static int is_mark_line(const char *p, const char *end, const char *mark)
{
    size_t n = strlen(mark);
    if ((size_t)(end - p) < n || memcmp(p, mark, n) != 0)
        return 0;
    for (p += n; p < end && *p != '\n'; p++)
        if (*p != ' ' && *p != '\t' && *p != '\r')
            return 0;
    return 1;
}

/* The date at the start of a `date:` value: quotes skipped, ten bytes
 * checked, and what follows must end the date (a time, a quote, the end). */
static int value_date(const char *v, const char *eol, char out[11])
{
    while (v < eol && (*v == ' ' || *v == '\t'))
        v++;
    if (v < eol && (*v == '"' || *v == '\''))
        v++;
    if (eol - v < 10)
        return 0;
    memcpy(out, v, 10);
    out[10] = '\0';
    char after = eol - v > 10 ? v[10] : '\n';
    return ann_ymd_valid(out) && strchr("\n\r \t\"'T", after) != NULL;
}

int ann_front_matter_date(const unsigned char *bytes, size_t size, char out[11])
{
    const char *p = (const char *)bytes, *end = p + (size < 65536 ? size : 65536);
    if (!is_mark_line(p, end, "---"))
        return 0;
    p = memchr(p, '\n', (size_t)(end - p));
    while (p && ++p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *eol = nl ? nl : end;
        if (is_mark_line(p, end, "---") || is_mark_line(p, end, "..."))
            return 0;
        /* top level only: a nested "  date:" belongs to something else */
        if (eol - p > 5 && strncmp(p, "date:", 5) == 0 && value_date(p + 5, eol, out))
            return 1;
        p = nl;
    }
    return 0;
}
