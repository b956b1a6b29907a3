/*
 * ent_text.h -- token-level text analysis for the entities tagger: stable
 * 64-bit hashes of a token's form, lowercase form, word shape and affixes.
 *
 * The same code runs in the trainer (tokens from CoNLL lines) and in the
 * plugin (tokens from the host tokenizer), so both sides see identical
 * features.  Typographic quotes and dashes are folded to their ASCII
 * counterparts first, because CoNLL text only has the ASCII ones.
 *
 * Characters are decoded and classified by the text services of an
 * annotate host table (decode, char_class): in the plugin the host it runs
 * in, in the trainer and the evaluation tools the program's own table
 * (ann_host_table), so both sides share one implementation.  Lower-casing
 * stays utf8proc's simple lowercase mapping, not the host's case folding:
 * the two differ (folding turns final sigma U+03C2 into U+03C3 and long s
 * U+017F into "s", lowercasing keeps both) and the model's hashes were
 * trained on the lowercase forms.
 */
#ifndef ENT_TEXT_H
#define ENT_TEXT_H

#include <stddef.h>
#include <stdint.h>

#include "annotate/plugin.h"

/* Token flags computed from the token text alone. */
enum {
    ENT_TF_CAP = 1u << 0,    /* first letter is uppercase */
    ENT_TF_ALLCAP = 1u << 1, /* has letters, all uppercase */
    ENT_TF_LETTER = 1u << 2, /* has at least one letter */
    ENT_TF_DIGIT = 1u << 3,  /* has at least one digit */
    ENT_TF_LOWINIT = 1u << 4 /* first character is a lowercase letter */
};

#define ENT_AFFIX_MAX 4

/* What the feature extractor needs to know about one token. */
typedef struct ent_word {
    uint64_t form;                  /* hash of the folded form */
    uint64_t lower;                 /* hash of the lowercased folded form */
    uint64_t shape;                 /* hash of the compressed word shape */
    uint64_t shape2;                /* hash of the shape with runs of up to 2 kept:
                                        "EVs" is "XXx", "Renault" "Xxx" */
    uint64_t prefix[ENT_AFFIX_MAX]; /* lowercase prefixes of 1..4 characters */
    uint64_t suffix[ENT_AFFIX_MAX]; /* lowercase suffixes of 1..4 characters */
    uint32_t flags;                 /* ENT_TF_* */
    uint32_t n_chars;               /* length in code points */
} ent_word;

/* Analyses the token s[0..len) (UTF-8, need not be NUL-terminated) into *w,
 * with the text services of host (borrowed for the call).  Tokens longer
 * than an internal limit are analysed on their first bytes. */
void ent_word_analyze(const ann_host *host, const char *s, size_t len, ent_word *w);

/* The compressed shape of s[0..len) ("Xx", "X.X.", "d-d", "x'x"), written
 * NUL-terminated into out[0..cap).  For tests and diagnostics. */
void ent_word_shape(const ann_host *host, const char *s, size_t len, char *out, size_t cap);

/* The folded lowercase form of s[0..len) into out[0..cap), NUL-terminated.
 * Returns its length.  Used for gazetteer phrases and tests. */
size_t ent_word_lower(const ann_host *host, const char *s, size_t len, char *out, size_t cap);

/* Hash of a byte string (seeded FNV-1a with a final avalanche). */
uint64_t ent_hash_bytes(const void *p, size_t n, uint64_t seed);

/* Combines a running hash with a value; order matters. */
static inline uint64_t ent_hash_mix(uint64_t h, uint64_t v)
{
    h ^= v + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2);
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdull;
    h ^= h >> 33;
    return h;
}

#endif
