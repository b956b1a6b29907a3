/*
 * ent_gaz.h -- gazetteers: sets of (lowercased, tokenised) phrases, each
 * phrase tagged with the lists it belongs to (a bit mask).  The trainer
 * builds them from the word lists in gazetteer/ and stores them in the model
 * file, so the plugin needs only the model at run time.
 */
#ifndef ENT_GAZ_H
#define ENT_GAZ_H

#include <stddef.h>
#include <stdint.h>

#include "annotate/plugin.h"

/* The lists, in bit order.  Their file names are ent_gaz_list_names[]. */
enum {
    ENT_GAZ_COUNTRY,
    ENT_GAZ_REGION,
    ENT_GAZ_CITY,
    ENT_GAZ_DEMONYM,
    ENT_GAZ_FIRSTNAME,
    ENT_GAZ_CORPSUFFIX,
    ENT_GAZ_COMPANY,
    ENT_GAZ_TITLE,
    ENT_GAZ_LOWERCASE, /* common lowercase English words */
    ENT_GAZ_ACRONYM,   /* acronyms of common nouns (SUV, GDP); all-caps matches only */
    ENT_GAZ_ORGNOUN,   /* nouns naming a kind of business (company, carmaker) */
    ENT_GAZ_N
};
/* The lists the features read, the first ENT_GAZ_N_FEAT: the others serve
 * rules applied after decoding (ent_define.h), and leaving them out keeps the
 * features, and so the weights, of models trained before they existed. */
#define ENT_GAZ_N_FEAT (ENT_GAZ_ACRONYM + 1)
extern const char *const ent_gaz_list_names[ENT_GAZ_N];

#define ENT_GAZ_MAX_TOKENS 6

/* Mask bit of a phrase that a longer phrase starts with. */
#define ENT_GAZ_PREFIX (1u << 31)

/* Open addressing over three parallel arrays: probes read only the 32-bit
 * fingerprints, so the hot part of the table is a quarter of its size
 * (lookups are the gazetteer's cost, one per distinct word per document). */
typedef struct ent_gaz {
    uint32_t *fp;   /* fingerprint of the phrase hash (never 0); 0 = empty */
    uint32_t *mask; /* 1 << ENT_GAZ_* per list holding the phrase, ENT_GAZ_PREFIX */
    uint64_t *key;  /* the full phrase hash, for saving the table */
    size_t cap;     /* power of two */
    size_t count;
} ent_gaz; /* caller frees with ent_gaz_free() */

/* Starting value and step of a phrase hash over per-token lowercase hashes
 * (ent_word.lower). */
#define ENT_GAZ_SEED 0x67617a6574746565ull
static inline uint64_t ent_gaz_step(uint64_t h, uint64_t lower)
{
    h ^= lower + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2);
    h *= 0xff51afd7ed558ccdull;
    return (h ^ (h >> 29)) | 1; /* never 0, which marks an empty slot */
}

/* Word classes (clusters.txt, from annotate-train-clusters) share the table
 * under keys of their own: the step from this seed over the word's
 * lowercase hash.  The mask packs the classes of up to ENT_CLUSTER_LEVELS
 * partitions, ENT_CLUSTER_BITS bits each, lowest first, and sets
 * ENT_CLUSTER_KNOWN. */
#define ENT_CLUSTER_SEED 0x636c757374657273ull
#define ENT_CLUSTER_LEVELS 3
#define ENT_CLUSTER_BITS 10
#define ENT_CLUSTER_KNOWN (1u << 30)

/* Initialises an empty gazetteer with room for about `expect` phrases.
 * Returns 0, or -1 when memory runs out. */
int ent_gaz_init(ent_gaz *g, size_t expect);
void ent_gaz_free(ent_gaz *g);

/* Adds `mask` to the phrase with hash key (from ent_gaz_step). 0 or -1. */
int ent_gaz_add(ent_gaz *g, uint64_t key, uint32_t mask);

/* Adds the phrase of n tokens with the given lowercase hashes
 * (ent_word.lower) to the lists in mask, and marks its proper prefixes
 * ENT_GAZ_PREFIX.  0, or -1 when memory runs out or n is out of range. */
int ent_gaz_add_phrase(ent_gaz *g, const uint64_t *lower, size_t n, uint32_t mask);

/* Adds every line of a list file (one phrase per line, tokens separated by
 * spaces, analysed with host's text services as in ent_text.h) to list
 * `list`, and marks its proper prefixes ENT_GAZ_PREFIX.  Returns the number
 * of phrases added, or -1 with a message in err[0..errlen) when the file
 * cannot be read. */
long ent_gaz_add_file(ent_gaz *g, const ann_host *host, const char *path, int list, char *err,
                      size_t errlen);

/* Reads clusters.txt: lines "word count class..." with one to
 * ENT_CLUSTER_LEVELS classes below 2^ENT_CLUSTER_BITS.  Returns the number
 * of words added, or -1 with a message naming the file and line. */
long ent_gaz_add_clusters(ent_gaz *g, const ann_host *host, const char *path, char *err,
                          size_t errlen);

/* The packed classes of the word with lowercase hash `lower`, or 0. */
static inline uint32_t ent_gaz_clusters(const ent_gaz *g, uint64_t lower);

static inline size_t ent_gaz_home(uint64_t key, size_t cap)
{
    return (size_t)(key ^ (key >> 31)) & (cap - 1);
}

static inline uint32_t ent_gaz_fp(uint64_t key)
{
    return (uint32_t)(key >> 32) | 1u;
}

/* The mask of lists holding the phrase with hash key, 0 if none.  (Two
 * phrases whose hashes agree in the slot bits and the fingerprint are
 * taken as one: about one lookup in 2^40.) */
static inline uint32_t ent_gaz_lookup(const ent_gaz *g, uint64_t key)
{
    if (!g->cap)
        return 0;
    size_t m = g->cap - 1, i = ent_gaz_home(key, g->cap);
    uint32_t f = ent_gaz_fp(key);
    for (;;) {
        if (g->fp[i] == f)
            return g->mask[i];
        if (g->fp[i] == 0)
            return 0;
        i = (i + 1) & m;
    }
}

static inline uint32_t ent_gaz_clusters(const ent_gaz *g, uint64_t lower)
{
    uint32_t m = ent_gaz_lookup(g, ent_gaz_step(ENT_CLUSTER_SEED, lower));
    return m & ENT_CLUSTER_KNOWN ? m & ~ENT_GAZ_PREFIX : 0;
}

#endif
