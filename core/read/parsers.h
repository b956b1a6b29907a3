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

#endif
