/*
 * parsers.h -- the tree-sitter parsers a worker reuses from document to
 * document.
 *
 * Creating a parser and attaching a grammar costs little next to a parse,
 * but a parser also keeps its stacks and node pools warm between parses;
 * the Markdown reader keeps its scratch buffers here too.  Each parser is
 * made on the first document that needs it.  One set belongs to one
 * thread at a time.
 */
#ifndef ANN_READ_PARSERS_H
#define ANN_READ_PARSERS_H

typedef struct ann_parsers ann_parsers; /* opaque */

/* A new, empty set (no parser made yet).  Returns NULL when memory runs
 * out.  Free with ann_parsers_free(). */
ann_parsers *ann_parsers_new(void);

/* Frees the set and every parser in it; safe on NULL. */
void ann_parsers_free(ann_parsers *ps);

/* From the next document on, the readers keep the trees they parse for
 * ann_syntax_parse() (read/syntax.h) to take, rather than dropping them:
 * the worker's plugins have asked for syntax trees.  The Markdown reader
 * then parses the text as it is instead of its masked copy (read/md_mask.h),
 * whose tree lacks the anonymous leaves of masked lines: the same named
 * nodes, so the same text view, and a block tree the plugins can have.
 * Kept trees live until the next document is read, ann_syntax_parse()
 * takes them, ann_syntax_drop_kept() or ann_parsers_free(). */
void ann_parsers_keep_trees(ann_parsers *ps);

#endif
