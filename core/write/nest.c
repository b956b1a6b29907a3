/* nest.c -- see nest.h. */
#include "write/nest.h"

#include <stdlib.h>

typedef struct walk {
    const ann_out_span *spans;
    size_t *stack;
    size_t depth;
    const ann_nest_ops *ops;
    void *ctx;
} walk;

/* Sort key of one span: document order is start ascending, longer first,
 * then input order, so an enclosing span always opens before what it
 * encloses. */
typedef struct key {
    size_t start, end, index;
} key;

static int key_cmp(const void *a, const void *b)
{
    const key *x = a, *y = b;
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
        if (w->spans[w->stack[k]].end <= pos) {
            low = k;
            break;
        }
    if (low == w->depth)
        return 0;
    for (size_t k = w->depth; k-- > low;) {
        size_t i = w->stack[k];
        int rc = w->ops->close(w->ctx, i, w->spans[i].end <= pos);
        if (rc)
            return rc;
    }
    size_t top = w->depth;
    w->depth = low;
    for (size_t k = low; k < top; k++) {
        size_t i = w->stack[k];
        if (w->spans[i].end <= pos)
            continue;
        w->stack[w->depth++] = i;
        int rc = w->ops->open(w->ctx, i, 1);
        if (rc)
            return rc;
    }
    return 0;
}

int ann_nest_walk(const ann_result *r, const unsigned char *keep, const ann_nest_ops *ops,
                  void *ctx)
{
    size_t n = 0;
    size_t *order = malloc((r->n_spans + 1) * sizeof *order);
    size_t *stack = malloc((r->n_spans + 1) * sizeof *stack);
    key *keys = malloc((r->n_spans + 1) * sizeof *keys);
    int rc = ANN_ENOMEM;
    if (!order || !stack || !keys)
        goto done;
    for (size_t i = 0; i < r->n_spans; i++)
        if ((!keep || keep[i]) && r->spans[i].start <= r->spans[i].end &&
            r->spans[i].end <= r->size)
            keys[n++] = (key){r->spans[i].start, r->spans[i].end, i};
    qsort(keys, n, sizeof *keys, key_cmp);
    for (size_t k = 0; k < n; k++)
        order[k] = keys[k].index;

    walk w = {r->spans, stack, 0, ops, ctx};
    size_t pos = 0, k = 0;
    for (;;) {
        if ((rc = close_at(&w, pos)))
            goto done;
        while (k < n && r->spans[order[k]].start == pos) {
            w.stack[w.depth++] = order[k];
            if ((rc = ops->open(ctx, order[k], 0)))
                goto done;
            k++;
        }
        if ((rc = close_at(&w, pos))) /* empty spans */
            goto done;
        size_t next = r->size;
        if (k < n && r->spans[order[k]].start < next)
            next = r->spans[order[k]].start;
        for (size_t s = 0; s < w.depth; s++)
            if (r->spans[w.stack[s]].end < next)
                next = r->spans[w.stack[s]].end;
        if (next > pos && (rc = ops->text(ctx, pos, next)))
            goto done;
        if (next >= r->size && k == n) {
            rc = close_at(&w, r->size);
            goto done;
        }
        pos = next;
    }
done:
    free(keys);
    free(order);
    free(stack);
    return rc;
}
