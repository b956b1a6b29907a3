/*
 * linebreak.h -- whether a single line break ends a sentence (internal to
 * core/text).
 */
#ifndef ANN_TEXT_LINEBREAK_H
#define ANN_TEXT_LINEBREAK_H

#include <stddef.h>

#include "annotate/plugin.h"

/* Whether a line break lies between tok[k] and tok[k + 1]. */
int ann_line_break_after(const char *text, const ann_token *tok, size_t k);

/* Whether the line that ends with tok[k] (its first token no earlier than
 * tok[first]) is a line of its own in news text -- a headline, byline,
 * dateline or table row -- so that the sentence ends at the line break
 * before tok[k + 1], which the caller has checked starts with a capital,
 * a digit or an opening quote or bracket.  text and tok are borrowed for
 * the call. */
int ann_line_ends_sentence(const char *text, const ann_token *tok, size_t first, size_t k);

#endif
