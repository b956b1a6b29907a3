/* ent_cache.c -- see ent_cache.h. */
#include "ent_cache.h"

#include "ent_mem.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

/* The key is the token's text in place of its word analysis (which is a
 * function of the text, and four times larger), then the rest of its
 * tokinfo with its per-document indices (sent, slot) cleared, so a field
 * added to ent_tokinfo joins the key by itself.  It is compared in full: a
 * hash collision costs a miss, never a wrong score.  ent_prepare() zeroes
 * the tokinfos before filling them in, so padding bytes, if any, compare
 * equal. */
enum { KEY_WORDS = ENT_CACHE_KEY_WORDS, TEXT_BYTES = ENT_CACHE_TEXT + 1 };
_Static_assert(offsetof(ent_tokinfo, w) == 0 && offsetof(ent_tokinfo, sent) == sizeof(ent_word),
               "the key reads the word analysis first, the context codes after it");

/* 384 bytes (six cache lines), where a key of the whole tokinfo made 456.
 * (The sums do not fit in int16.) */
typedef struct entry {
    uint64_t key[KEY_WORDS];
    int32_t v[ENT_UNIT_SPAN][ENT_ROW];
} entry;

struct ent_cache {
    const ent_model *m;
    size_t mask;
    uint32_t *fp; /* per entry: 0 empty, else a fingerprint of its key's hash */
    entry *e;
    int32_t edge[ENT_UNIT_SPAN][ENT_ROW];
    int32_t spare[ENT_UNIT_SPAN][ENT_ROW]; /* the sums of a token without a key */
    ent_lex *lex;
    uint64_t lookups, misses;
};

size_t ent_cache_bytes(unsigned log2_entries)
{
    size_t n = (size_t)1 << log2_entries;
    return sizeof(ent_cache) + n * (sizeof(uint32_t) + sizeof(entry)) +
           ent_lex_bytes(log2_entries);
}

/* Sums the rows of the unit features of t (NULL: beyond the edge) at each
 * offset into v, all rows asked for before the first is added. */
static void score_units(const ent_model *m, const ent_tokinfo *t, int32_t v[][ENT_ROW])
{
    uint32_t f[ENT_UNIT_SPAN][ENT_MAX_FEATS];
    size_t nf[ENT_UNIT_SPAN];
    for (int r = -ENT_UNIT_REACH; r <= ENT_UNIT_REACH; r++) {
        size_t k = (size_t)(r + ENT_UNIT_REACH);
        nf[k] = t || r ? ent_feat_unit(t, r, 0, m->bits, f[k]) : 0;
        ent_model_prefetch_rows(m, f[k], nf[k]);
    }
    memset(v, 0, ENT_UNIT_SPAN * sizeof *v);
    for (size_t k = 0; k < ENT_UNIT_SPAN; k++)
        ent_model_sum_rows(m, f[k], nf[k], v[k]);
}

ent_cache *ent_cache_new(const ent_model *m, unsigned log2_entries)
{
    size_t n = (size_t)1 << log2_entries;
    ent_cache *c = calloc(1, sizeof *c);
    if (!c)
        return NULL;
    c->m = m;
    c->mask = n - 1;
    c->fp = calloc(n, sizeof *c->fp);
    c->e = ent_mem_table(n * sizeof *c->e); /* an entry is six whole cache lines */
    c->lex = ent_lex_new(&m->gaz, log2_entries);
    if (!c->fp || !c->e || !c->lex) {
        ent_cache_free(c);
        return NULL;
    }
    score_units(m, NULL, c->edge); /* the middle row stays 0 */
    return c;
}

void ent_cache_free(ent_cache *c)
{
    if (!c)
        return;
    free(c->fp);
    free(c->e);
    ent_lex_free(c->lex);
    free(c);
}

static uint64_t key_hash(const uint64_t *k)
{
    uint64_t h = 0x243f6a8885a308d3ull;
    for (int i = 0; i < KEY_WORDS; i++)
        h = (h ^ k[i]) * 0x100000001b3ull;
    return h ^ (h >> 29);
}

void ent_cache_key_of(const ent_tokinfo *t, const char *s, size_t len, ent_cache_key *k)
{
    enum { TAIL = TEXT_BYTES - (int)sizeof(ent_word) }; /* tokinfo offset to key offset */
    unsigned char *b = (unsigned char *)k->w;
    memset(k->w, 0, sizeof k->w);
    k->h = 0;
    k->cached = len <= ENT_CACHE_TEXT;
    if (!k->cached)
        return;
    memcpy(b, s, len);
    b[ENT_CACHE_TEXT] = (unsigned char)len;
    memcpy(b + TEXT_BYTES, &t->sent, ENT_CACHE_TAIL);
    memset(b + TAIL + offsetof(ent_tokinfo, sent), 0, sizeof t->sent);
    memset(b + TAIL + offsetof(ent_tokinfo, slot), 0, sizeof t->slot);
    k->h = key_hash(k->w);
}

void ent_cache_prefetch(const ent_cache *c, const ent_cache_key *k)
{
#if defined(__GNUC__) || defined(__clang__)
    size_t i = (size_t)k->h & c->mask;
    const char *e = (const char *)&c->e[i];
    __builtin_prefetch(&c->fp[i]);
    for (size_t off = 0; off < sizeof(entry); off += 64)
        __builtin_prefetch(e + off);
#else
    (void)c, (void)k;
#endif
}

const int32_t (*ent_cache_unit(ent_cache *c, const ent_tokinfo *t,
                               const ent_cache_key *k))[ENT_ROW]
{
    size_t i = (size_t)k->h & c->mask;
    uint32_t fp = (uint32_t)(k->h >> 32) | 1;
    entry *e = &c->e[i];
    c->lookups++;
    if (k->cached && c->fp[i] == fp && memcmp(e->key, k->w, sizeof k->w) == 0)
        return (const int32_t(*)[ENT_ROW])e->v;
    c->misses++;
    if (!k->cached) { /* the entry there stays */
        score_units(c->m, t, c->spare);
        return (const int32_t(*)[ENT_ROW])c->spare;
    }
    memcpy(e->key, k->w, sizeof k->w);
    c->fp[i] = fp;
    score_units(c->m, t, e->v);
    return (const int32_t(*)[ENT_ROW])e->v;
}

const int32_t *ent_cache_edge(const ent_cache *c, int rel)
{
    return c->edge[rel + ENT_UNIT_REACH];
}

ent_lex *ent_cache_lex(ent_cache *c)
{
    return c->lex;
}

void ent_cache_stats(const ent_cache *c, uint64_t *lookups, uint64_t *misses)
{
    *lookups = c->lookups;
    *misses = c->misses;
}
