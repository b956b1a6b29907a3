/*
 * merge.h -- one deterministic, deduplicated span list from all layers.
 *
 * Order: start ascending, longer first, then plugin (layer) order, then
 * label, attributes, links and id, so equal input always gives equal output.
 * Exact duplicates (same extent, layer, label, attributes and links) are
 * dropped, keeping the lowest id.  Then the cross-layer policy applies:
 *   default  a span of layer X inside a span of a layer that subsumes X (its
 *            plugin lists X in `subsumes`) is dropped: dates subsumes
 *            numbers, so the 7 of "March 7" belongs to the date;
 *   all      everything is kept.
 * The merge names no plugin: the rules come from the descriptors.
 * Ids survive the merge; links to a dropped duplicate are pointed at the
 * span kept in its place, links to a span dropped by the policy are removed.
 */
#ifndef ANN_SPANS_MERGE_H
#define ANN_SPANS_MERGE_H

#include <stddef.h>

#include "model/result.h"
#include "util/arena.h"

typedef enum ann_merge_policy { ANN_MERGE_DEFAULT = 0, ANN_MERGE_ALL = 1 } ann_merge_policy;

/* Parses a --merge argument.  Returns 0, or -1 for an unknown name. */
int ann_merge_policy_parse(const char *name, ann_merge_policy *out);

/* The valid --merge names, for messages: "default, all". */
const char *ann_merge_policy_names(void);

/* One span with the run-order index of its layer. */
typedef struct ann_merge_item {
    ann_out_span span;
    size_t rank;
} ann_merge_item;

/* Which layers take which: rank c subsumes rank x when
 * subsumes[c * n_ranks + x] is set.  subsumes may be NULL (no rule). */
typedef struct ann_merge_rules {
    size_t n_ranks;
    const unsigned char *subsumes; /* borrowed, n_ranks * n_ranks */
} ann_merge_rules;

/* Merges items[0..n) in place: on return items[0..*n_out) hold the result
 * in order.  Rewritten link arrays are allocated in `arena` (borrowed like
 * the arena).  Returns ANN_OK or ANN_ENOMEM. */
int ann_merge(ann_merge_item *items, size_t n, ann_merge_policy policy,
              const ann_merge_rules *rules, ann_arena *arena, size_t *n_out);

#endif
