/*
 * ent_cache.h -- a bounded cache of the summed weights of unit features
 * (ent_feat.h): for each ent_tokinfo seen (a word with its context codes),
 * the weight vectors its unit features add to the tokens at offsets
 * -ENT_UNIT_REACH..ENT_UNIT_REACH from it.
 *
 * Most of a token's local features read one token of the window alone (its
 * form, affixes, shapes, gazetteer codes; the neighbours' forms and
 * shapes), and words repeat: "the", "said", "Renault" come back with the
 * same codes in document after document.  With the cache a token's
 * emission is five vector additions plus the few features that pair two
 * tokens (ent_feat_conj()).  The sums are integers, as the scores are, so
 * the emissions are exactly those of scoring every feature one by one.
 *
 * The cache knows neither the features nor the weights: it asks
 * ent_feat_unit() and the model, so it stays exact when either changes.  It
 * is filled lazily and is direct-mapped: a new tokinfo takes the slot of an
 * old one that hashes there, so its memory is fixed at creation
 * (ent_cache_bytes()).  One cache serves one thread at a time.
 */
#ifndef ENT_CACHE_H
#define ENT_CACHE_H

#include <stddef.h>
#include <stdint.h>

#include "ent_feat.h"
#include "ent_model.h"

#define ENT_UNIT_SPAN (2 * ENT_UNIT_REACH + 1)

typedef struct ent_cache ent_cache;

/* An empty cache of 2^log2_entries entries for model m (borrowed until
 * ent_cache_free()).  NULL when memory runs out.  Caller frees with
 * ent_cache_free(). */
ent_cache *ent_cache_new(const ent_model *m, unsigned log2_entries);
void ent_cache_free(ent_cache *c);

/* Bytes a cache of 2^log2_entries entries holds with its ent_lex, all
 * allocated by ent_cache_new(). */
size_t ent_cache_bytes(unsigned log2_entries);

/* A token's key: its text, which its word analysis (ent_tokinfo.w) is a
 * function of, and the rest of its tokinfo with the per-document indices
 * (sent, slot) cleared, so a field added to ent_tokinfo joins the key by
 * itself; and the key's hash.  A token of more than ENT_CACHE_TEXT bytes
 * has no key (cached == 0) and is scored at every lookup. */
#define ENT_CACHE_TEXT 31
#define ENT_CACHE_TAIL (sizeof(ent_tokinfo) - sizeof(ent_word))
#define ENT_CACHE_KEY_WORDS ((ENT_CACHE_TEXT + 1) / 8 + (ENT_CACHE_TAIL + 7) / 8)
typedef struct ent_cache_key {
    uint64_t w[ENT_CACHE_KEY_WORDS];
    uint64_t h;
    int cached;
} ent_cache_key;

/* Fills *k with the key of t, the analysis of the token text s[0..len). */
void ent_cache_key_of(const ent_tokinfo *t, const char *s, size_t len, ent_cache_key *k);

/* Asks the memory system for the entry of key k ahead of ent_cache_unit(). */
void ent_cache_prefetch(const ent_cache *c, const ent_cache_key *k);

/* The unit weights of token t, whose key is k: row r (0..ENT_UNIT_SPAN-1)
 * is what t adds to the emission of the token at offset ENT_UNIT_REACH - r
 * from it, i.e. the features of that token that read t at offset
 * r - ENT_UNIT_REACH.  Scores them on a miss.  Borrowed until the next call
 * on c. */
const int32_t (*ent_cache_unit(ent_cache *c, const ent_tokinfo *t,
                               const ent_cache_key *k))[ENT_ROW];

/* What the position beyond a sentence edge at offset rel (not 0) from a
 * token adds to its emission.  Borrowed until ent_cache_free(). */
const int32_t *ent_cache_edge(const ent_cache *c, int rel);

/* The cache of word analyses for the model's gazetteer that c holds too
 * (ent_lex.h), of the same number of entries.  Borrowed until
 * ent_cache_free(). */
ent_lex *ent_cache_lex(ent_cache *c);

/* Lookups so far and how many of them were misses (for benchmarks); a
 * token without a key counts as a miss every time. */
void ent_cache_stats(const ent_cache *c, uint64_t *lookups, uint64_t *misses);

#endif
