/* nest.c -- see nest.h. */
#include "write/nest.h"

#include <stdlib.h>

/* One span as the walk sees it: clipped to the range walked, with whether
 * it began before the range (cut) and whether it ends inside it. */
typedef struct item {
    ann_span_key key; /* first, so ann_span_key_cmp() sorts items */
    int cut_before, ends_here;
} item;

typedef struct walk {
    const item *items;
    size_t *stack; /* indexes into items */
    size_t depth;
    const ann_nest_ops *ops;
    void *ctx;
} walk;

int ann_span_key_cmp(const void *a, const void *b)
{
    const ann_span_key *x = a, *y = b;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    if (x->end != y->end)
        return x->end > y->end ? -1 : 1;
    return x->index < y->index ? -1 : (x->index > y->index);
}

/* Closes every stacked span that ends at or before pos, cutting and reopening
 * the spans stacked above it that go on. */
static int close_at(walk *w, size_t pos)
{
    size_t low = w->depth;
    for (size_t k = 0; k < w->depth; k++)
        if (w->items[w->stack[k]].key.end <= pos) {
            low = k;
            break;
        }
    if (low == w->depth)
        return 0;
    for (size_t k = w->depth; k-- > low;) {
        const item *it = &w->items[w->stack[k]];
        int rc = w->ops->close(w->ctx, it->key.index, it->key.end <= pos && it->ends_here);
        if (rc)
            return rc;
    }
    size_t top = w->depth;
    w->depth = low;
    for (size_t k = low; k < top; k++) {
        size_t j = w->stack[k];
        if (w->items[j].key.end <= pos)
            continue;
        w->stack[w->depth++] = j;
        int rc = w->ops->open(w->ctx, w->items[j].key.index, 1);
        if (rc)
            return rc;
    }
    return 0;
}

static int walk_items(item *items, size_t n, size_t lo, size_t hi, const ann_nest_ops *ops,
                      void *ctx)
{
    size_t *stack = malloc((n + 1) * sizeof *stack);
    if (!stack)
        return ANN_ENOMEM;
    qsort(items, n, sizeof *items, ann_span_key_cmp);
    walk w = {items, stack, 0, ops, ctx};
    size_t pos = lo, k = 0;
    int rc;
    for (;;) {
        if ((rc = close_at(&w, pos)))
            break;
        while (k < n && items[k].key.start == pos) {
            w.stack[w.depth++] = k;
            if ((rc = ops->open(ctx, items[k].key.index, items[k].cut_before)))
                goto done;
            k++;
        }
        if ((rc = close_at(&w, pos))) /* empty spans */
            break;
        size_t next = hi;
        if (k < n && items[k].key.start < next)
            next = items[k].key.start;
        for (size_t s = 0; s < w.depth; s++)
            if (items[w.stack[s]].key.end < next)
                next = items[w.stack[s]].key.end;
        if (next > pos && (rc = ops->text(ctx, pos, next)))
            break;
        if (next >= hi && k == n) {
            rc = close_at(&w, hi);
            break;
        }
        pos = next;
    }
done:
    free(stack);
    return rc;
}

int ann_nest_walk_range(const ann_result *r, const unsigned char *keep, const size_t *idx,
                        size_t n_idx, size_t lo, size_t hi, const ann_nest_ops *ops, void *ctx)
{
    if (hi > r->size)
        hi = r->size;
    if (lo > hi)
        lo = hi;
    item *items = malloc((n_idx + 1) * sizeof *items);
    if (!items)
        return ANN_ENOMEM;
    size_t n = 0;
    for (size_t k = 0; k < n_idx; k++) {
        size_t i = idx ? idx[k] : k;
        const ann_out_span *s = &r->spans[i];
        if ((keep && !keep[i]) || s->start > s->end || s->end > r->size)
            continue;
        /* Inside the range, or empty and on its edge. */
        if (!(s->start < hi && s->end > lo) && !(s->start == s->end && s->start >= lo &&
                                                 s->start <= hi))
            continue;
        items[n++] = (item){{s->start > lo ? s->start : lo, s->end < hi ? s->end : hi, i},
                            s->start < lo, s->end <= hi};
    }
    int rc = walk_items(items, n, lo, hi, ops, ctx);
    free(items);
    return rc;
}

int ann_nest_walk(const ann_result *r, const unsigned char *keep, const ann_nest_ops *ops,
                  void *ctx)
{
    return ann_nest_walk_range(r, keep, NULL, r->n_spans, 0, r->size, ops, ctx);
}
