/*
 * ent_tagger.h -- tags a whole document with a loaded model, in two passes:
 * the first with local features only, the second adding history features
 * built from the first pass's labels of the same words elsewhere in the
 * document (so a later "de Meo" or a sentence-initial "Renault" gets the
 * label of the earlier full mentions).
 */
#ifndef ENT_TAGGER_H
#define ENT_TAGGER_H

#include <stddef.h>
#include <stdint.h>

#include "ent_cache.h"
#include "ent_feat.h"
#include "ent_model.h"

/* Bytes of work memory ent_tag_doc() needs for doc. */
size_t ent_tag_work_size(const ent_doc *doc);

/* Bytes of work memory enough for any document of at most n_tokens tokens
 * whose longest sentence has at most max_sent tokens, so one work area
 * serves a series of documents (the windows of a long one). */
size_t ent_tag_work_bound(size_t n_tokens, size_t max_sent);

/* Tags doc with m into tags[0..n_tokens) (BILOU tags, see ent_decode.h).
 * passes is 1 (local features only) or 2 (then also the definition rule of
 * ent_define.h).  work: ent_tag_work_size() bytes,
 * aligned for any type, borrowed for the call. */
void ent_tag_doc(const ent_model *m, const ent_doc *doc, int passes, void *work, uint8_t *tags);

/* First-pass emission scores of the prepared document p into
 * emit[0..n_tokens x ENT_N_TAGS), with the unit weights from cache (NULL:
 * every feature scored anew; the scores are the same).  acc: work for the
 * longest sentence's tokens. */
void ent_tag_emissions(const ent_model *m, ent_cache *cache, const ent_prep *p,
                       int32_t (*acc)[ENT_ROW], float *emit);

/* ent_tag_doc() with the unit weights taken from cache (borrowed for the call,
 * used by this thread alone; NULL: none), which it fills as it goes.  The
 * tags are the same with and without a cache. */
void ent_tag_doc_cached(const ent_model *m, ent_cache *cache, const ent_doc *doc, int passes,
                        void *work, uint8_t *tags);

#endif
