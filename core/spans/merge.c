#include "spans/merge.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int ann_merge_policy_parse(const char *name, ann_merge_policy *out)
{
    if (strcmp(name, "default") == 0)
        *out = ANN_MERGE_DEFAULT;
    else if (strcmp(name, "all") == 0)
        *out = ANN_MERGE_ALL;
    else
        return -1;
    return 0;
}

const char *ann_merge_policy_names(void)
{
    return "default, all";
}

static int cmp_str(const char *a, const char *b)
{
    int c = strcmp(a ? a : "", b ? b : "");
    return c < 0 ? -1 : c > 0;
}

/* Compares everything but the id: 0 means an exact duplicate. */
static int content_cmp(const ann_merge_item *x, const ann_merge_item *y)
{
    const ann_out_span *a = &x->span, *b = &y->span;
    if (a->start != b->start)
        return a->start < b->start ? -1 : 1;
    if (a->end != b->end)
        return a->end > b->end ? -1 : 1;
    if (x->rank != y->rank)
        return x->rank < y->rank ? -1 : 1;
    int c = cmp_str(a->label, b->label);
    if (c)
        return c;
    if (a->n_attrs != b->n_attrs)
        return a->n_attrs < b->n_attrs ? -1 : 1;
    for (size_t i = 0; i < a->n_attrs; i++) {
        if ((c = cmp_str(a->attrs[i].key, b->attrs[i].key)) != 0)
            return c;
        if ((c = cmp_str(a->attrs[i].value, b->attrs[i].value)) != 0)
            return c;
    }
    if (a->n_links != b->n_links)
        return a->n_links < b->n_links ? -1 : 1;
    for (size_t i = 0; i < a->n_links; i++) {
        if ((c = cmp_str(a->links[i].role, b->links[i].role)) != 0)
            return c;
        if (a->links[i].target != b->links[i].target)
            return a->links[i].target < b->links[i].target ? -1 : 1;
    }
    return 0;
}

static int item_cmp(const void *pa, const void *pb)
{
    const ann_merge_item *a = pa, *b = pb;
    int c = content_cmp(a, b);
    if (c)
        return c;
    return a->span.id < b->span.id ? -1 : a->span.id > b->span.id;
}

/* Marks (drop[i] = 1) every span of a layer that container rank c subsumes
 * lying inside one of c's spans.  The items are sorted by start, so the
 * containers seen so far in a prefix-max of their ends tell whether one
 * reaching past a span's end started at or before it. */
static int drop_inside(const ann_merge_item *items, size_t n, const ann_merge_rules *r, size_t c,
                       unsigned char *drop)
{
    const unsigned char *takes = r->subsumes + c * r->n_ranks;
    size_t nd = 0;
    for (size_t i = 0; i < n; i++)
        nd += !drop[i] && items[i].rank == c;
    if (nd == 0)
        return ANN_OK;
    size_t *dstart = malloc(nd * sizeof *dstart);
    size_t *maxend = malloc(nd * sizeof *maxend);
    if (!dstart || !maxend) {
        free(dstart);
        free(maxend);
        return ANN_ENOMEM;
    }
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (drop[i] || items[i].rank != c)
            continue;
        dstart[k] = items[i].span.start;
        maxend[k] = items[i].span.end;
        if (k > 0 && maxend[k - 1] > maxend[k])
            maxend[k] = maxend[k - 1];
        k++;
    }
    for (size_t i = 0; i < n; i++) {
        const ann_out_span *s = &items[i].span;
        if (drop[i] || items[i].rank >= r->n_ranks || !takes[items[i].rank])
            continue;
        /* Containers starting at or before s->start: dstart[0..lo). */
        size_t lo = 0, hi = nd;
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            if (dstart[mid] <= s->start)
                lo = mid + 1;
            else
                hi = mid;
        }
        if (lo > 0 && maxend[lo - 1] >= s->end)
            drop[i] = 1;
    }
    free(dstart);
    free(maxend);
    return ANN_OK;
}

static int apply_default_policy(const ann_merge_item *items, size_t n, const ann_merge_rules *r,
                                unsigned char *drop)
{
    if (!r || !r->subsumes)
        return ANN_OK;
    for (size_t c = 0; c < r->n_ranks; c++) {
        int any = 0;
        for (size_t x = 0; x < r->n_ranks && !any; x++)
            any = r->subsumes[c * r->n_ranks + x];
        if (!any)
            continue;
        int rc = drop_inside(items, n, r, c, drop);
        if (rc != ANN_OK)
            return rc;
    }
    return ANN_OK;
}

int ann_merge(ann_merge_item *items, size_t n, ann_merge_policy policy,
              const ann_merge_rules *rules, ann_arena *arena, size_t *n_out)
{
    *n_out = 0;
    if (n == 0)
        return ANN_OK;
    qsort(items, n, sizeof *items, item_cmp);

    unsigned char *drop = calloc(n, 1);
    if (!drop)
        return ANN_ENOMEM;
    uint32_t max_id = 0;
    for (size_t i = 0; i < n; i++)
        if (items[i].span.id > max_id)
            max_id = items[i].span.id;
    /* remap[id]: the id links to `id` should name now (0: drop the link). */
    uint32_t *remap = malloc(((size_t)max_id + 1) * sizeof *remap);
    if (!remap) {
        free(drop);
        return ANN_ENOMEM;
    }
    for (uint32_t id = 0; id <= max_id; id++)
        remap[id] = id;

    size_t keep = 0; /* index of the last kept, non-duplicate item */
    for (size_t i = 1; i < n; i++) {
        if (content_cmp(&items[keep], &items[i]) == 0) {
            drop[i] = 1;
            remap[items[i].span.id] = items[keep].span.id;
        } else {
            keep = i;
        }
    }
    int rc = ANN_OK;
    if (policy == ANN_MERGE_DEFAULT)
        rc = apply_default_policy(items, n, rules, drop);
    if (rc == ANN_OK) {
        for (size_t i = 0; i < n; i++)
            if (drop[i] && remap[items[i].span.id] == items[i].span.id)
                remap[items[i].span.id] = 0;
        /* A duplicate pointing at a span the policy dropped goes too. */
        for (size_t i = 0; i < n; i++) {
            uint32_t id = items[i].span.id;
            if (drop[i] && remap[id] != 0 && remap[id] != id && remap[remap[id]] == 0)
                remap[id] = 0;
        }
    }
    size_t out = 0;
    for (size_t i = 0; rc == ANN_OK && i < n; i++) {
        if (drop[i])
            continue;
        ann_out_span s = items[i].span;
        int changed = 0;
        for (size_t l = 0; l < s.n_links; l++) {
            uint32_t t = s.links[l].target;
            uint32_t to = t <= max_id ? remap[t] : 0;
            changed |= to != t;
        }
        if (changed) {
            ann_link *nl = ann_arena_alloc(arena, s.n_links * sizeof *nl);
            if (!nl) {
                rc = ANN_ENOMEM;
                break;
            }
            size_t m = 0;
            for (size_t l = 0; l < s.n_links; l++) {
                uint32_t t = s.links[l].target;
                uint32_t to = t <= max_id ? remap[t] : 0;
                if (to == 0)
                    continue;
                nl[m] = s.links[l];
                nl[m].target = to;
                m++;
            }
            s.links = nl;
            s.n_links = m;
        }
        items[out].span = s;
        items[out].rank = items[i].rank;
        out++;
    }
    free(remap);
    free(drop);
    if (rc == ANN_OK)
        *n_out = out;
    return rc;
}
