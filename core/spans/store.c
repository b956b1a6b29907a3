#include "spans/store.h"

#include <stdlib.h>
#include <string.h>

#include "util/grow.h"

int ann_store_init(ann_span_store *s, ann_arena *arena, size_t n_layers)
{
    memset(s, 0, sizeof *s);
    s->arena = arena;
    s->n_layers = n_layers;
    s->next_id = 1;
    if (n_layers) {
        s->layers = calloc(n_layers, sizeof *s->layers);
        if (!s->layers)
            return ANN_ENOMEM;
    }
    return ANN_OK;
}

void ann_store_reset(ann_span_store *s)
{
    for (size_t i = 0; i < s->n_layers; i++) {
        s->layers[i].n = 0;
        s->layers[i].sorted = 1;
    }
    s->next_id = 1;
}

void ann_store_clear_layer(ann_span_store *s, size_t layer)
{
    if (layer < s->n_layers) {
        s->layers[layer].n = 0;
        s->layers[layer].sorted = 1;
    }
}

void ann_store_free(ann_span_store *s)
{
    for (size_t i = 0; i < s->n_layers; i++)
        free(s->layers[i].v);
    free(s->layers);
    memset(s, 0, sizeof *s);
}

int ann_store_add(ann_span_store *s, size_t layer, const char *layer_name, const char *label,
                  const ann_new_span *span, uint32_t *id)
{
    if (layer >= s->n_layers || s->next_id == UINT32_MAX)
        return ANN_EINVAL;
    ann_layer_spans *L = &s->layers[layer];
    ann_span *v = ann_grow(L->v, L->n, &L->cap, sizeof *v, 64);
    if (!v)
        return ANN_ENOMEM;
    L->v = v;
    ann_span out = {0};
    out.start = span->start;
    out.end = span->end;
    out.layer = layer_name;
    out.label = label;
    if (span->n_attrs) {
        ann_attr *a = ann_arena_alloc(s->arena, span->n_attrs * sizeof *a);
        if (!a)
            return ANN_ENOMEM;
        for (size_t i = 0; i < span->n_attrs; i++) {
            a[i].key = ann_arena_strdup(s->arena, span->attrs[i].key);
            a[i].value =
                ann_arena_strdup(s->arena, span->attrs[i].value ? span->attrs[i].value : "");
            if (!a[i].key || !a[i].value)
                return ANN_ENOMEM;
        }
        out.attrs = a;
        out.n_attrs = span->n_attrs;
    }
    if (span->n_links) {
        ann_link *l = ann_arena_alloc(s->arena, span->n_links * sizeof *l);
        if (!l)
            return ANN_ENOMEM;
        for (size_t i = 0; i < span->n_links; i++) {
            l[i].role = ann_arena_strdup(s->arena, span->links[i].role);
            l[i].target = span->links[i].target;
            if (!l[i].role)
                return ANN_ENOMEM;
        }
        out.links = l;
        out.n_links = span->n_links;
    }
    out.id = s->next_id++;
    /* Plugins mostly emit left to right: stay sorted when that holds. */
    if (L->n > 0 && L->sorted) {
        const ann_span *last = &L->v[L->n - 1];
        if (last->start > out.start || (last->start == out.start && last->end < out.end))
            L->sorted = 0;
    } else if (L->n == 0) {
        L->sorted = 1;
    }
    L->v[L->n++] = out;
    if (id)
        *id = out.id;
    return ANN_OK;
}

static int span_order(const void *pa, const void *pb)
{
    const ann_span *a = pa, *b = pb;
    if (a->start != b->start)
        return a->start < b->start ? -1 : 1;
    if (a->end != b->end)
        return a->end > b->end ? -1 : 1;
    return a->id < b->id ? -1 : a->id > b->id;
}

const ann_span *ann_store_layer(ann_span_store *s, size_t layer, size_t *n)
{
    if (layer >= s->n_layers) {
        if (n)
            *n = 0;
        return NULL;
    }
    ann_layer_spans *L = &s->layers[layer];
    if (!L->sorted && L->n > 1)
        qsort(L->v, L->n, sizeof *L->v, span_order);
    L->sorted = 1;
    if (n)
        *n = L->n;
    return L->n ? L->v : NULL;
}

int ann_store_has_id(const ann_span_store *s, uint32_t id)
{
    /* Ids are handed out densely and spans are never removed. */
    return id >= 1 && id < s->next_id;
}

size_t ann_store_count(const ann_span_store *s)
{
    size_t n = 0;
    for (size_t i = 0; i < s->n_layers; i++)
        n += s->layers[i].n;
    return n;
}
