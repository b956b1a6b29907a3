/*
 * ent_opener.h -- function words that open a sentence are no part of a name.
 *
 * In fiction a question or a sentence adverb often stands right before a
 * name: "Had Elizabeth known", "Has Mahmoud Ali eaten", "Unfortunately Aziz
 * was".  The word is capitalised by its position alone, but CoNLL news
 * seldom opens a sentence that way, and the tagger at times takes it into
 * the name.  Applied after decoding: where a name of two or more words
 * starts with the sentence's first word and that word is an auxiliary, a
 * modal, a conjunction, a wh-word or a sentence adverb (a closed list, and
 * adverbs in -ly of seven or more letters that the lowercase list holds),
 * the word is taken out of the name.  No name in CoNLL's train.txt or
 * valid.txt starts that way.  An adverb in -ly that a list of names also
 * holds is left to the tagger, and so are "Will", "May" and "Even", which
 * are first names too.
 */
#ifndef ENT_OPENER_H
#define ENT_OPENER_H

#include <stdint.h>

#include "ent_feat.h"

/* Applies the rule to the BILOU tags of the document prepared in p (one tag
 * per token), in place. */
void ent_trim_openers(const ent_prep *p, uint8_t *tags);

/* Whether token i of p's document is such an opening word (wherever it
 * stands). */
int ent_is_opener(const ent_prep *p, size_t i);

#endif
