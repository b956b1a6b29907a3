#include "util/outname.h"

#include <stdlib.h>
#include <string.h>

/* Length of name without the last extension of its last component (a
 * leading dot is no extension). */
static size_t stem_len(const char *name)
{
    const char *base = strrchr(name, '/');
    base = base ? base + 1 : name;
    const char *dot = strrchr(base, '.');
    return dot && dot != base ? (size_t)(dot - name) : strlen(name);
}

typedef struct stem_ref {
    const char *s; /* borrowed */
    size_t len;
    size_t i; /* index into names */
} stem_ref;

static int cmp_ref(const void *a, const void *b)
{
    const stem_ref *x = a, *y = b;
    size_t n = x->len < y->len ? x->len : y->len;
    int c = memcmp(x->s, y->s, n);
    if (c == 0)
        c = x->len < y->len ? -1 : x->len > y->len;
    return c ? c : x->i < y->i ? -1 : x->i > y->i;
}

static int same(const stem_ref *x, const stem_ref *y)
{
    return x->len == y->len && memcmp(x->s, y->s, x->len) == 0;
}

/* Sets flag[i] for every ref that shares its stem with another. */
static void mark_shared(stem_ref *r, size_t n, unsigned char *flag)
{
    qsort(r, n, sizeof *r, cmp_ref);
    for (size_t a = 0; a < n;) {
        size_t b = a + 1;
        while (b < n && same(&r[a], &r[b]))
            b++;
        for (size_t k = a; b - a > 1 && k < b; k++)
            flag[r[k].i] = 1;
        a = b;
    }
}

int ann_output_stems(const char *const *names, size_t n, char **stems)
{
    for (size_t i = 0; i < n; i++)
        stems[i] = NULL;
    if (n == 0)
        return 0;
    stem_ref *r = malloc(n * sizeof *r);
    unsigned char *keep = calloc(n, 1), *clash = calloc(n, 1);
    int rc = -1;
    if (!r || !keep || !clash)
        goto out;
    for (size_t i = 0; i < n; i++)
        r[i] = (stem_ref){names[i], stem_len(names[i]), i};
    mark_shared(r, n, keep);
    for (size_t i = 0; i < n; i++)
        r[i] = (stem_ref){names[i], keep[i] ? strlen(names[i]) : stem_len(names[i]), i};
    mark_shared(r, n, clash);
    rc = 0;
    for (size_t i = 0; i < n && rc == 0; i++) {
        if (clash[i])
            continue;
        size_t len = keep[i] ? strlen(names[i]) : stem_len(names[i]);
        stems[i] = malloc(len + 1);
        if (!stems[i]) {
            rc = -1;
            break;
        }
        memcpy(stems[i], names[i], len);
        stems[i][len] = '\0';
    }
    if (rc != 0)
        for (size_t i = 0; i < n; i++) {
            free(stems[i]);
            stems[i] = NULL;
        }
out:
    free(r);
    free(keep);
    free(clash);
    return rc;
}
