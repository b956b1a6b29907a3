/*
 * syntax.h -- the syntax trees of a Markdown or HTML document, for the
 * plugins that ask for them (plugin ABI 4, host->syntax_trees()).
 *
 * Most runs have no plugin that reads trees, and there the readers walk
 * each tree into the text view and drop it.  The trees are made on demand,
 * once per document, with the worker's parsers (read/parsers.h) and the
 * same work budget as the reader (which already read the file, so the
 * parse fits).  Once a plugin of the worker has asked, the readers keep
 * their trees (ann_parsers_keep_trees()) and the set takes them: the block
 * or HTML tree and the inline trees of the nodes the reader parsed; only
 * the rest is parsed here.  For Markdown every inline node and table cell
 * gets its inline tree, also those the reader skipped for holding no
 * markup: a query may ask for any inline node.
 */
#ifndef ANN_READ_SYNTAX_H
#define ANN_READ_SYNTAX_H

#include <stddef.h>

#include "annotate/plugin.h"
#include "read/parsers.h"
#include "read/reader.h"

typedef struct ann_syntax ann_syntax; /* opaque */

/* Parses the trees of td (borrowed while the trees are read) with the
 * parsers of ps (borrowed, one thread at a time; it must outlive the set,
 * whose trees' grammars live in it; NULL: a set made for these trees and
 * freed with them), taking the trees ps keeps for td.  On success returns ANN_OK and stores in *out a set
 * the caller frees with ann_syntax_free(); a plain-text document gives an
 * empty set.  ANN_ENOMEM when memory runs out, ANN_ERROR when a parse gives
 * up (*out NULL). */
int ann_syntax_parse(ann_parsers *ps, const ann_textdoc *td, ann_syntax **out);

/* For the readers: keeps tree t (owned from the call on, deleted when
 * memory runs out), of grammar `grammar` (a static string) with byte 0 at
 * source byte `offset`, in ps for the document whose bytes are `doc` (its
 * ann_textdoc.bytes), after the trees kept before for it.  A Markdown
 * reader keeps its block tree first, then inline trees in document order.
 * Returns ANN_OK or ANN_ENOMEM. */
int ann_syntax_keep(ann_parsers *ps, const unsigned char *doc, void *t, const char *grammar,
                    size_t offset);

/* Frees the trees kept in ps; safe on NULL and when none are kept. */
void ann_syntax_drop_kept(ann_parsers *ps);

/* The trees of s in document order, laid out as ABI 4 ann_syntax_tree;
 * *n gets their count.  Borrowed until ann_syntax_free(). */
const ann_syntax_tree *ann_syntax_trees(const ann_syntax *s, size_t *n);

/* The grammar behind a name of ann_syntax_tree.grammar, or NULL. */
const void *ann_syntax_language(const char *grammar);

void ann_syntax_free(ann_syntax *s);

#endif
