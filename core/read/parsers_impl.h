/*
 * parsers_impl.h -- the inside of ann_parsers, for the readers (internal to
 * core/read).
 */
#ifndef ANN_READ_PARSERS_IMPL_H
#define ANN_READ_PARSERS_IMPL_H

#include <stddef.h>
#include <stdint.h>

#include <tree_sitter/api.h>

#include "read/md_ranges.h"
#include "read/parsers.h"
#include "read/ts_budget.h"

/* A parser with its grammar attached through a parse budget. */
typedef struct ann_ts_slot {
    TSParser *parser;
    ann_ts_budget *budget; /* attached to parser; freed after it */
} ann_ts_slot;

struct ann_parsers {
    ann_ts_slot md_block, md_inline, html;
    char *mask; /* the masked copy of a Markdown document (md_mask.h) */
    size_t mask_cap;
    ann_md_ranges ranges, rel; /* the inline ranges of one inline node, and relative */
    int keep_trees; /* the readers hand their trees over (see parsers.h) */
    struct ann_syntax *kept; /* the trees of the document read last, or NULL:
                                owned, taken by ann_syntax_parse() (syntax.h) */
};

/* Returns the slot's parser, making it with grammar `lang` on first use.
 * NULL when memory runs out (*unfit set to 0) or the grammar does not fit
 * the tree-sitter library (*unfit set to 1). */
TSParser *ann_parsers_get(ann_ts_slot *slot, const TSLanguage *lang, ann_ts_grammar g,
                          int *unfit);

/* Makes ps->mask hold at least n bytes.  Returns 0, or -1 when memory runs
 * out. */
int ann_parsers_mask_room(ann_parsers *ps, size_t n);

#endif
