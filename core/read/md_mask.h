/*
 * md_mask.h -- a copy of a Markdown text that the block grammar parses
 * into the same tree with far fewer tokens (internal to core/read).
 *
 * The block grammar lexes the inside of every line word by word: a word, a
 * run of white space, each punctuation mark is a token of its own, and the
 * parser's work is per token.  Words and white space are hidden tokens:
 * they leave no node in the tree.  So where white space inside a line
 * cannot change the block structure, the copy writes a letter in its place:
 * the line's words then lex as one word, and the tree has the same nodes at
 * the same offsets (the copy has the same length).
 *
 * Masked lines are those whose first character after the indentation is a
 * letter or a non-ASCII byte (no block starts that way: not a list marker,
 * heading, quote, fence, break, table delimiter, HTML or definition), that
 * hold none of "|[]<>" (table rows, link reference definitions, HTML block
 * ends), and whose previous line holds no ']' (a definition's destination
 * may follow its label on the next line).  In them only white space with
 * text on both sides changes: indentation, the break after a marker and
 * trailing spaces stay as they are.
 */
#ifndef ANN_READ_MD_MASK_H
#define ANN_READ_MD_MASK_H

#include <stddef.h>

/* Writes the masked copy of s[0..len) to out[0..len) (out must hold len
 * bytes and not overlap s).  Returns the number of bytes changed. */
size_t ann_md_mask(const char *s, size_t len, char *out);

#endif
