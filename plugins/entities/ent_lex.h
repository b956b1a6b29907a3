/*
 * ent_lex.h -- a bounded cache of what the tagger knows of a word from its
 * text alone: its analysis (ent_text.h: hashes of the form, the lowercase
 * form, shapes, affixes) and the gazetteer's answers for it as a one-word
 * phrase and for its word classes.
 *
 * Words repeat across documents, and their analysis (decoding, case
 * mapping, shapes) and the lookups in the large gazetteer table cost more
 * than finding them again; so do the lookups of word pairs and longer
 * phrases (ent_lex_phrase()).  Everything cached is a function of the
 * token's bytes (and the gazetteer given at creation), so a hit gives
 * exactly what computing anew gives.  Direct-mapped and fixed in size
 * (ent_lex_bytes()); tokens longer than ENT_LEX_MAX_BYTES are analysed
 * every time.  One cache serves one thread at a time.
 */
#ifndef ENT_LEX_H
#define ENT_LEX_H

#include <stddef.h>
#include <stdint.h>

#include "annotate/plugin.h"
#include "ent_gaz.h"
#include "ent_text.h"

#define ENT_LEX_MAX_BYTES 27

typedef struct ent_lexeme {
    ent_word w;
    uint32_t gaz1; /* ent_gaz_lookup() of the word as a one-word phrase */
    uint32_t clus; /* ent_gaz_clusters() of the word */
} ent_lexeme;

typedef struct ent_lex ent_lex;

/* An empty cache of 2^log2_entries entries answering for gazetteer gaz
 * (borrowed until ent_lex_free(); NULL: no gazetteer, the answers are 0).
 * NULL when memory runs out.  Caller frees with ent_lex_free(). */
ent_lex *ent_lex_new(const ent_gaz *gaz, unsigned log2_entries);
void ent_lex_free(ent_lex *x);

/* Bytes a cache of 2^log2_entries entries holds. */
size_t ent_lex_bytes(unsigned log2_entries);

/* The gazetteer x answers for. */
const ent_gaz *ent_lex_gaz(const ent_lex *x);

/* The lexeme of token s[0..len), analysed with host's text services
 * (borrowed for the call) on a miss.  Borrowed until the next call on x. */
const ent_lexeme *ent_lex_get(ent_lex *x, const ann_host *host, const char *s, size_t len);

/* ent_gaz_lookup() of the gazetteer x answers for, for the phrase hash h
 * (ent_gaz_step()), kept in a table of its own.  0 without a gazetteer. */
uint32_t ent_lex_phrase(ent_lex *x, uint64_t h);

/* Asks the memory system for what ent_lex_phrase(x, h) will read. */
void ent_lex_phrase_prefetch(const ent_lex *x, uint64_t h);

#endif
