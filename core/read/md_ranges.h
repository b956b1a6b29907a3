/* md_ranges.h -- the ranges of one Markdown inline node, and the same made
 * relative.
 *
 * An inline node (or table cell) of the block tree is parsed with the
 * inline grammar over its own bytes minus its named children, which are
 * block continuations ("> " at the start of a quoted line).  The inline
 * grammar parses only the node's own bytes (handing it the whole document
 * costs time in proportion to the document for every paragraph), so the
 * ranges are then moved to start at the first one: bytes from its start,
 * rows from its row, and columns from its column on that row only.  The
 * reader (markdown.c) and the trees handed to plugins (syntax.c) must
 * agree on this exactly, so both call these. */
#ifndef ANN_READ_MD_RANGES_H
#define ANN_READ_MD_RANGES_H

#include <stddef.h>
#include <stdint.h>
#include <tree_sitter/api.h>

/* A growing array of ranges; buf is realloc'ed, the owner frees it. */
typedef struct ann_md_ranges {
    TSRange *buf;
    uint32_t n;
    size_t cap;
} ann_md_ranges;

/* Fills r with the ranges of the node under the cursor: its bytes minus
 * its named children, empty ones left out.  Walks the children with the
 * cursor, which is left on the node (ts_node_named_child(n, i) in a loop
 * over i costs more than a step per child).  Returns 0, or -1 when memory
 * runs out (r->n is then 0). */
int ann_md_inline_ranges(TSTreeCursor *cur, ann_md_ranges *r);

/* Makes r hold at least n ranges.  Returns 0, or -1 when memory runs out. */
int ann_md_ranges_room(ann_md_ranges *r, size_t n);

/* Writes in[0..n) relative to in[0] into out[0..n); out may be in.  n > 0. */
void ann_md_rebase_ranges(const TSRange *in, uint32_t n, TSRange *out);

#endif
