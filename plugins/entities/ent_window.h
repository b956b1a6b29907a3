/*
 * ent_window.h -- cuts a long document into windows the tagger takes one at a
 * time, so its memory (word tables, emission scores: some hundreds of bytes
 * a token) is bounded by the window instead of growing with the document.
 *
 * A window ends at a paragraph start where one lies in the second half of
 * the window, else at a sentence start there, else (one sentence longer than
 * half a window) at the size limit.  The document-level evidence of the
 * second pass (how a word is written and tagged elsewhere) is then gathered
 * per window: tens of thousands of tokens, far more than the article it
 * serves.  A document of at most one window is tagged whole, as before.
 */
#ifndef ENT_WINDOW_H
#define ENT_WINDOW_H

#include <stddef.h>

#include "annotate/plugin.h"

/* Tokens in one window. */
#define ENT_WINDOW_TOKENS ((size_t)16384)

/* The end (exclusive) of the window of tok[0..n) that begins at token b < n
 * and holds at most max tokens (max >= 2). */
size_t ent_window_end(const ann_token_v2 *tok, size_t n, size_t b, size_t max);

#endif
