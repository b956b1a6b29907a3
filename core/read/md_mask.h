/*
 * md_mask.h -- a copy of a Markdown text that the block grammar parses
 * into the same tree with far fewer tokens (internal to core/read).
 *
 * The block grammar lexes the inside of every line word by word: a word, a
 * run of white space, each punctuation mark is a token of its own, and the
 * parser's work is per token.  Where the inside of a line cannot change the
 * block structure, the copy writes a letter over its white space (and, in
 * a text without link reference definitions, its ASCII punctuation): the
 * line then lexes as one word.  Words and white space are hidden tokens, so
 * the tree has the same named nodes at the same offsets (the copy has the
 * same length); only the anonymous punctuation leaves of masked lines are
 * gone.  The reader reads no anonymous node of the block tree.
 *
 * A line is masked from its first letter (or non-ASCII byte) on when all
 * before that letter is indentation or quote and list markers ("> ",
 * "- ", "1. ", and what merely looks like them; with definitions in the
 * text, indentation only), and when what follows holds none of "|<>`~"
 * (table rows, HTML block ends, and the fence ends the grammar finds even
 * inside a line of code).  In a text with definitions (it holds "]:") a
 * line holding '[' or ']', or following one holding ']' (a destination may
 * follow its label on the next line), is not masked either: there the
 * inside of a line (a title's quotes, the colon) shapes the tree.  Only
 * characters between the first letter and the last non-blank change, so
 * indentation, markers and trailing blanks stay.  Where the grammar meets
 * an error it recovers by counting tokens, which the mask changes: the
 * reader parses such a document again as it is.
 */
#ifndef ANN_READ_MD_MASK_H
#define ANN_READ_MD_MASK_H

#include <stddef.h>

/* Writes the masked copy of s[0..len) to out[0..len) (out must hold len
 * bytes and not overlap s).  Returns the number of bytes changed. */
size_t ann_md_mask(const char *s, size_t len, char *out);

#endif
