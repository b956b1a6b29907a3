/*
 * nest.h -- walk a document as properly nested pieces of spans.
 *
 * Spans of different layers may overlap without nesting (a quote that starts
 * inside an organisation name).  Bracketed text, HTML elements and terminal
 * colours all need a tree, so the walker cuts such a span into pieces: when
 * an outer span ends while an inner one is still open, the inner one is
 * closed, the outer one closed, and the inner one reopened as a continued
 * piece.  Writers then only ever see balanced open/close calls.
 */
#ifndef ANN_WRITE_NEST_H
#define ANN_WRITE_NEST_H

#include <stddef.h>

#include "model/result.h"

/* A span's place for sorting in document order: start ascending, longer
 * first, then index, so an enclosing span always comes before what it
 * encloses.  ann_span_key_cmp() is a qsort() comparator for arrays of it,
 * or of structs that begin with one. */
typedef struct ann_span_key {
    size_t start, end, index;
} ann_span_key;

int ann_span_key_cmp(const void *a, const void *b);

typedef struct ann_nest_ops {
    /* Bytes [start, end) of the document between two boundaries. */
    int (*text)(void *ctx, size_t start, size_t end);
    /* A piece of span `i` begins; `continued` is 1 when an earlier piece of
     * the same span was already closed (the span was cut). */
    int (*open)(void *ctx, size_t i, int continued);
    /* A piece of span `i` ends; `finished` is 1 when the span itself ends
     * here, 0 when it is cut and will be reopened. */
    int (*close)(void *ctx, size_t i, int finished);
} ann_nest_ops;

/* Walks r's spans over r->bytes[0..r->size).  `keep` (n_spans flags, or NULL
 * for all) selects the spans to show; borrowed for the call.  Spans need not
 * be sorted.  Stops at and returns the first non-zero callback result;
 * returns ANN_ENOMEM when memory runs out, else ANN_OK. */
int ann_nest_walk(const ann_result *r, const unsigned char *keep, const ann_nest_ops *ops,
                  void *ctx);

/* The same over bytes [lo, hi) only, for the spans listed in idx[0..n_idx)
 * (indexes into r->spans; borrowed for the call): a span reaching out of the
 * range is cut at its edge, so it opens there as a continued piece or
 * closes there unfinished.  A caller rendering a document block by block
 * hands each block the spans that touch it (write/textview.h). */
int ann_nest_walk_range(const ann_result *r, const unsigned char *keep, const size_t *idx,
                        size_t n_idx, size_t lo, size_t hi, const ann_nest_ops *ops, void *ctx);

#endif
