/*
 * tokenize.h -- the shared tokenizer and sentence splitter.
 *
 * Computed once per document by the host and handed to every plugin through
 * host->tokens(), host->sentences() and host->paragraphs().  Tokens follow
 * the CoNLL-2003 conventions the entities model was trained on: "U.S." and
 * "Corp." are one token, "Renault's" is "Renault" + "'s", "85,810" and "3.5"
 * are one token, quotes and brackets are tokens of their own.
 */
#ifndef ANN_TEXT_TOKENIZE_H
#define ANN_TEXT_TOKENIZE_H

#include <stddef.h>

#include "annotate/plugin.h"

typedef struct ann_tokenized {
    ann_token *tokens; /* caller frees with ann_tokenized_free() */
    size_t n_tokens;
    ann_region *sentences;
    size_t n_sentences;
    ann_region *paragraphs; /* one per block given (or found), tok_* filled in */
    size_t n_paragraphs;
} ann_tokenized;

/* Splits text[0..len) into paragraphs at blank lines (lines holding only
 * white space).  Returns the number of regions written to *out (tok_* fields
 * zero), or (size_t)-1 when memory runs out.  Caller frees *out with free(). */
size_t ann_split_paragraphs(const char *text, size_t len, ann_region **out);

/* Tokenizes text[0..len), which must be valid UTF-8, inside the given blocks
 * (byte ranges, sorted, not overlapping; e.g. Markdown paragraphs).  With
 * blocks == NULL the text is split with ann_split_paragraphs() first.
 * Sentences never cross a block boundary.  Returns ANN_OK or ANN_ENOMEM; on
 * success the caller frees *out with ann_tokenized_free(). */
int ann_tokenize(const char *text, size_t len, const ann_region *blocks, size_t n_blocks,
                 ann_tokenized *out);

/* ann_tokenize(), choosing whether a single line break may end a sentence
 * (after a headline, byline, dateline or table row; see linebreak.c).
 * ann_tokenize() lets it, as plain text and Markdown source lay out their
 * lines; pass 0 for HTML, whose source lines are no layout. */
int ann_tokenize_lines(const char *text, size_t len, const ann_region *blocks, size_t n_blocks,
                       int line_breaks, ann_tokenized *out);

/* Frees what ann_tokenize() stored; safe on a zeroed struct. */
void ann_tokenized_free(ann_tokenized *t);

#endif
