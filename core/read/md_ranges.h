/* md_ranges.h -- the ranges of one Markdown inline node, made relative.
 *
 * The inline grammar parses only the node's own bytes (handing it the whole
 * document costs time in proportion to the document for every paragraph),
 * so the ranges the block tree gives, minus its named children, are moved
 * to start at the first one: bytes from its start, rows from its row, and
 * columns from its column on that row only.  The reader (markdown.c) and
 * the trees handed to plugins (syntax.c) must agree on this exactly. */
#ifndef ANN_READ_MD_RANGES_H
#define ANN_READ_MD_RANGES_H

#include <stdint.h>
#include <tree_sitter/api.h>

/* Writes in[0..n) relative to in[0] into out[0..n); out may be in.  n > 0. */
void ann_md_rebase_ranges(const TSRange *in, uint32_t n, TSRange *out);

#endif
