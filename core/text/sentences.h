/*
 * sentences.h -- the sentence splitter (internal to core/text).
 */
#ifndef ANN_TEXT_SENTENCES_H
#define ANN_TEXT_SENTENCES_H

#include <stddef.h>
#include <stdint.h>

#include "annotate/plugin.h"

/* A growable array of sentences; v is freed with free(). */
typedef struct ann_sentence_vec {
    ann_region *v;
    size_t n, cap;
} ann_sentence_vec;

/* Splits the tokens tok[first..last) of one block into sentences, appends
 * them to *sv, sets each token's sentence index and the SENT_START flag.
 * cand[0..n_cand) (borrowed) lists, in order, the tokens of the block that
 * may end a sentence or are double quotes; the others are never looked at
 * as terminators.  Returns ANN_OK or ANN_ENOMEM. */
int ann_split_sentences(const char *text, ann_token *tok, size_t first, size_t last,
                        const uint32_t *cand, size_t n_cand, ann_sentence_vec *sv);

#endif
