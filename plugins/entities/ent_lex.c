/* ent_lex.c -- see ent_lex.h. */
#include "ent_lex.h"

#include "ent_mem.h"

#include <stdlib.h>
#include <string.h>

typedef struct entry {
    uint32_t fp; /* 0: empty, else a fingerprint of the text's hash */
    uint8_t len;
    char text[ENT_LEX_MAX_BYTES];
    ent_lexeme x;
} entry;

/* A phrase hash and the gazetteer's answer; key 0: empty (phrase hashes
 * are never 0, see ent_gaz_step()). */
typedef struct phrase {
    uint64_t key;
    uint32_t mask;
} phrase;

struct ent_lex {
    const ent_gaz *gaz;
    size_t mask;
    entry *e;
    phrase *ph; /* mask + 1 of them */
    ent_lexeme spare; /* the answer for a token too long to keep */
};

size_t ent_lex_bytes(unsigned log2_entries)
{
    return sizeof(ent_lex) + ((size_t)1 << log2_entries) * (sizeof(entry) + sizeof(phrase));
}

ent_lex *ent_lex_new(const ent_gaz *gaz, unsigned log2_entries)
{
    ent_lex *x = calloc(1, sizeof *x);
    if (!x)
        return NULL;
    x->gaz = gaz;
    x->mask = ((size_t)1 << log2_entries) - 1;
    x->e = ent_mem_table((x->mask + 1) * sizeof *x->e);
    x->ph = calloc(x->mask + 1, sizeof *x->ph);
    if (!x->e || !x->ph) {
        ent_lex_free(x);
        return NULL;
    }
    return x;
}

void ent_lex_free(ent_lex *x)
{
    if (!x)
        return;
    free(x->e);
    free(x->ph);
    free(x);
}

const ent_gaz *ent_lex_gaz(const ent_lex *x)
{
    return x->gaz;
}

static void analyse(const ent_lex *x, const ann_host *host, const char *s, size_t len,
                    ent_lexeme *out)
{
    ent_word_analyze(host, s, len, &out->w);
    out->gaz1 = x->gaz ? ent_gaz_lookup(x->gaz, ent_gaz_step(ENT_GAZ_SEED, out->w.lower)) : 0;
    out->clus = x->gaz ? ent_gaz_clusters(x->gaz, out->w.lower) : 0;
}

const ent_lexeme *ent_lex_get(ent_lex *x, const ann_host *host, const char *s, size_t len)
{
    if (len > ENT_LEX_MAX_BYTES) {
        analyse(x, host, s, len, &x->spare);
        return &x->spare;
    }
    uint64_t h = ent_hash_bytes(s, len, 0x6c6578656d65ull);
    uint32_t fp = (uint32_t)(h >> 32) | 1;
    entry *e = &x->e[(size_t)h & x->mask];
    if (e->fp == fp && e->len == len && memcmp(e->text, s, len) == 0)
        return &e->x;
    e->fp = fp;
    e->len = (uint8_t)len;
    memcpy(e->text, s, len);
    analyse(x, host, s, len, &e->x);
    return &e->x;
}

static size_t phrase_slot(const ent_lex *x, uint64_t h)
{
    return (size_t)(h ^ (h >> 29)) & x->mask;
}

void ent_lex_phrase_prefetch(const ent_lex *x, uint64_t h)
{
#if defined(__GNUC__) || defined(__clang__)
    __builtin_prefetch(&x->ph[phrase_slot(x, h)]);
    if (x->gaz && x->gaz->cap)
        __builtin_prefetch(&x->gaz->fp[ent_gaz_home(h, x->gaz->cap)]);
#else
    (void)x, (void)h;
#endif
}

uint32_t ent_lex_phrase(ent_lex *x, uint64_t h)
{
    if (!x->gaz)
        return 0;
    phrase *ph = &x->ph[phrase_slot(x, h)];
    if (ph->key != h) {
        ph->key = h;
        ph->mask = ent_gaz_lookup(x->gaz, h);
    }
    return ph->mask;
}
