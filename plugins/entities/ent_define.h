/*
 * ent_define.h -- names the text itself defines.
 *
 * An appositive that says what kind of thing a name is ("Ampere, the EV and
 * software company founded by Renault") outweighs anything the tagger
 * learned from CoNLL, whose training text holds three such appositives, too
 * few to weight the feature that sees them (ent_feat.c) above a place list
 * and a place-like context ("invest in X"). So it is applied as a rule after
 * decoding: a name followed by ", the/a/an ... N", where N is a noun naming
 * a kind of business (the gazetteer list ENT_GAZ_ORGNOUN: company, firm,
 * carmaker, insurer), is an organisation, there and wherever else in the
 * document the same words are tagged as a name.
 *
 * The rule changes only the type of names the tagger found; it does not
 * find new ones.  It holds back where the phrase is a clause, not an
 * appositive ("In Tokyo, the company said": a verb follows the noun) or
 * where the noun is not the head ("Pruzan, the firm's founder").
 */
#ifndef ENT_DEFINE_H
#define ENT_DEFINE_H

#include <stdint.h>

#include "ent_feat.h"
#include "ent_gaz.h"

/* At most this many defined names per document are remembered; later
 * definitions are applied where they stand only. */
#define ENT_DEFINE_MAX 32

/* Applies the rule to the BILOU tags of the document prepared in p (one tag
 * per token), in place.  gaz supplies ENT_GAZ_ORGNOUN; without that list
 * (models trained before it) nothing changes. */
void ent_define(const ent_prep *p, const ent_gaz *gaz, uint8_t *tags);

#endif
