/*
 * store.h -- the spans of one document, per layer, as plugins emit them.
 *
 * The store copies every emitted span (strings, attributes, links) into the
 * worker's arena, hands out ids (1, 2, ... in emit order, unique across the
 * layers of a document), and gives a layer's spans back sorted by start,
 * longer first, for host->spans().  It does not validate: see validate.h.
 */
#ifndef ANN_SPANS_STORE_H
#define ANN_SPANS_STORE_H

#include <stddef.h>
#include <stdint.h>

#include "annotate/plugin.h"
#include "util/arena.h"

typedef struct ann_layer_spans {
    ann_span *v; /* owned array (malloc); the strings live in the arena */
    size_t n, cap;
    int sorted; /* v is in host->spans() order */
} ann_layer_spans;

typedef struct ann_span_store {
    ann_arena *arena;        /* borrowed for the store's lifetime */
    ann_layer_spans *layers; /* n_layers, owned */
    size_t n_layers;
    uint32_t next_id; /* id the next span gets */
} ann_span_store;

/* Prepares a store for n_layers layers (layer i is the i-th plugin in run
 * order).  Returns ANN_OK or ANN_ENOMEM; free with ann_store_free(). */
int ann_store_init(ann_span_store *s, ann_arena *arena, size_t n_layers);

/* Empties the store for the next document; keeps its arrays.  Call before
 * the arena is reset. */
void ann_store_reset(ann_span_store *s);
void ann_store_free(ann_span_store *s);

/* Forgets the spans of one layer (its plugin failed on the document); the
 * ids it used are not handed out again. */
void ann_store_clear_layer(ann_span_store *s, size_t layer);

/* Adds a span to layer `layer` (layer_name and label are borrowed for the
 * document: they point into the plugin's descriptor), copying attributes and
 * links.  Stores the new id in *id when id is not NULL.  Returns ANN_OK or
 * ANN_ENOMEM. */
int ann_store_add(ann_span_store *s, size_t layer, const char *layer_name, const char *label,
                  const ann_new_span *span, uint32_t *id);

/* The spans of a layer sorted by start, then longer first, then emit order.
 * Borrowed until the next ann_store_add() to that layer or the reset. */
const ann_span *ann_store_layer(ann_span_store *s, size_t layer, size_t *n);

/* True when `id` names a span already in the store. */
int ann_store_has_id(const ann_span_store *s, uint32_t id);

/* Total spans in the store. */
size_t ann_store_count(const ann_span_store *s);

#endif
