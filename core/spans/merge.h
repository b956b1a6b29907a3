/*
 * merge.h -- one deterministic, deduplicated span list from all layers.
 *
 * Order: start ascending, longer first, then plugin (layer) order, then
 * label, attributes, links and id, so equal input always gives equal output.
 * Exact duplicates (same extent, layer, label, attributes and links) are
 * dropped, keeping the lowest id.  Then the cross-layer policy applies:
 *   default  a `numbers` span inside a `dates` span labelled DATE, TIME,
 *            DURATION or SET belongs to the date and is dropped;
 *   all      everything is kept.
 * Ids survive the merge; links to a dropped duplicate are pointed at the
 * span kept in its place, links to a span dropped by the policy are removed.
 */
#ifndef ANN_SPANS_MERGE_H
#define ANN_SPANS_MERGE_H

#include <stddef.h>

#include "model/result.h"
#include "util/arena.h"

typedef enum ann_merge_policy {
    ANN_MERGE_DEFAULT = 0,
    ANN_MERGE_ALL = 1
} ann_merge_policy;

/* Parses a --merge argument.  Returns 0, or -1 for an unknown name. */
int ann_merge_policy_parse(const char *name, ann_merge_policy *out);

/* The valid --merge names, for messages: "default, all". */
const char *ann_merge_policy_names(void);

/* One span with the run-order index of its layer. */
typedef struct ann_merge_item {
    ann_out_span span;
    size_t rank;
} ann_merge_item;

/* Merges items[0..n) in place: on return items[0..*n_out) hold the result
 * in order.  Rewritten link arrays are allocated in `arena` (borrowed like
 * the arena).  Returns ANN_OK or ANN_ENOMEM. */
int ann_merge(ann_merge_item *items, size_t n, ann_merge_policy policy, ann_arena *arena,
              size_t *n_out);

#endif
