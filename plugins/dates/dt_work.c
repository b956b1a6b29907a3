/* dt_work.c -- see dt_work.h. */
#include "dt_work.h"

#include <stdbool.h>
#include <stdlib.h>

void dt_pool_init(dt_pool *p)
{
    an_spares_init(&p->spare, DT_POOL_SLOTS);
}

static void work_free(dt_work *w)
{
    if (!w)
        return;
    free(w->toks);
    free(w->trig);
    free(w->hits);
    free(w);
}

void dt_pool_free(dt_pool *p)
{
    for (dt_work *w; (w = an_spares_drain(&p->spare)) != NULL;)
        work_free(w);
}

dt_work *dt_pool_take(dt_pool *p)
{
    dt_work *w = an_spares_take(&p->spare);
    return w ? w : calloc(1, sizeof(dt_work));
}

/* True when an array of cap elements of elem bytes is too large to keep. */
static bool too_large(size_t cap, size_t elem)
{
    return cap * elem > DT_WORK_KEEP;
}

void dt_pool_give(dt_pool *p, dt_work *w)
{
    if (!w)
        return;
    if (too_large(w->tok_cap, sizeof *w->toks)) {
        free(w->toks);
        w->toks = NULL;
        w->tok_cap = 0;
    }
    if (too_large(w->trig_cap, sizeof *w->trig)) {
        free(w->trig);
        w->trig = NULL;
        w->trig_cap = 0;
    }
    if (too_large(w->hit_cap, sizeof *w->hits)) {
        free(w->hits);
        w->hits = NULL;
        w->hit_cap = 0;
    }
    if (!an_spares_give(&p->spare, w))
        work_free(w);
}

void *dt_work_grow(void *arr, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap)
        return arr;
    size_t n = *cap ? 2 * *cap : 64;
    if (n < need)
        n = need;
    if (n > SIZE_MAX / elem)
        return NULL;
    /* realloc(): a large array moves by remapping its pages, so the old
     * and the new one are never both resident */
    void *q = realloc(arr, n * elem);
    if (!q)
        return NULL;
    *cap = n;
    return q;
}
