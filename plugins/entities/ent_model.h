/*
 * ent_model.h -- the trained model: hashed emission weights (int16, one row
 * of ENT_N_TAGS per bucket), tag transition weights and the gazetteer, in a
 * versioned, checksummed binary file.
 *
 * File layout (all integers little-endian):
 *   0  magic "ANNENTM\0"             8 bytes
 *   8  format version                u32 (ENT_MODEL_VERSION)
 *  12  feature-set id                u32 (ENT_FEATURESET_ID)
 *  16  number of tags                u32 (ENT_N_TAGS, scheme BILOU)
 *  20  log2 of the bucket count      u32
 *  24  entity type names             4 x 8 bytes, NUL-padded ("PER" ...)
 *  56  weight scale (float bits)     u32: stored value = weight * scale
 *  60  gazetteer entries             u32
 *  64  transitions                   (ENT_N_TAGS + 1) x ENT_N_TAGS x i32
 *      emission weights              2^bits x ENT_ROW x i16 (tags 1..16)
 *      gazetteer                     entries x (u64 key, u32 mask)
 *      checksum                      u64 over all bytes before it
 */
#ifndef ENT_MODEL_H
#define ENT_MODEL_H

#include <stddef.h>
#include <stdint.h>

#include "ent_decode.h"
#include "ent_gaz.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#define ENT_MODEL_VERSION 1u

/* Emission rows leave out tag O: subtracting a feature's O weight from all
 * of its tags shifts every tag's score at a token by the same amount, which
 * changes no decision.  So a row is 16 int16 = 32 bytes, one aligned load. */
#define ENT_ROW (ENT_N_TAGS - 1)
#define ENT_MODEL_MIN_BITS 8u
#define ENT_MODEL_MAX_BITS 24u

typedef struct ent_model {
    uint32_t bits;
    float trans[(ENT_N_TAGS + 1) * ENT_N_TAGS]; /* in stored units */
    int16_t *w;                                 /* 2^bits x ENT_ROW, 64-byte aligned (ent_mem.h) */
    ent_gaz gaz;
} ent_model;

/* Loads a model file, its weights and gazetteer copied into huge pages
 * where the system offers them (ent_mem.h).  Returns 0, or -1 with a message in err[0..errlen)
 * naming the file and what to do.  On success the caller frees *m with
 * ent_model_free(). */
int ent_model_load(ent_model *m, const char *path, char *err, size_t errlen);

/* The same from a memory image (copied; for tests). */
int ent_model_load_mem(ent_model *m, const void *data, size_t size, const char *name, char *err,
                       size_t errlen);

void ent_model_free(ent_model *m);

/* Quantises float weights (2^bits x ENT_N_TAGS, and (ENT_N_TAGS + 1) x
 * ENT_N_TAGS transitions) and writes a model file atomically (a temporary
 * file renamed over path).  Returns 0, or -1 with a message. */
int ent_model_save(const char *path, uint32_t bits, const float *w, const float *trans,
                   const ent_gaz *gaz, char *err, size_t errlen);

/* Quantises float weights (2^bits x ENT_N_TAGS) into *m the way ent_model_save() stores them
 * (m->gaz is left empty).  Returns 0, or -1 when memory runs out; the caller
 * frees with ent_model_free(). */
int ent_model_quantize(ent_model *m, uint32_t bits, const float *w, const float *trans);

/* Asks the memory system for the rows of the features f[0..nf): they are
 * scattered over megabytes, so asking for many before adding any lets the
 * cache misses overlap instead of queueing. */
static inline void ent_model_prefetch_rows(const ent_model *m, const uint32_t *f, size_t nf)
{
#if defined(__GNUC__) || defined(__clang__)
    for (size_t k = 0; k < nf; k++)
        __builtin_prefetch(m->w + (size_t)f[k] * ENT_ROW);
#else
    (void)m, (void)f, (void)nf;
#endif
}

/* Adds the rows of the features f[0..nf) to acc, prefetched or not.  The
 * sums are exact integers either way; with SSE2 the accumulator stays in
 * registers from row to row (the plain loop kept it in memory: about 25
 * instructions a row, the most frequent operation of tagging). */
static inline void ent_model_sum_rows(const ent_model *m, const uint32_t *f, size_t nf,
                                      int32_t acc[ENT_ROW])
{
#if defined(__SSE2__)
    _Static_assert(ENT_ROW == 16, "a row is two vectors of eight int16");
    __m128i a0 = _mm_loadu_si128((const __m128i *)acc),
            a1 = _mm_loadu_si128((const __m128i *)(acc + 4)),
            a2 = _mm_loadu_si128((const __m128i *)(acc + 8)),
            a3 = _mm_loadu_si128((const __m128i *)(acc + 12));
    for (size_t k = 0; k < nf; k++) {
        const __m128i *row = (const __m128i *)(m->w + (size_t)f[k] * ENT_ROW);
        __m128i r0 = _mm_load_si128(row), r1 = _mm_load_si128(row + 1);
        /* each int16 to the high half of an int32, then shifted down with
         * its sign */
        a0 = _mm_add_epi32(a0, _mm_srai_epi32(_mm_unpacklo_epi16(r0, r0), 16));
        a1 = _mm_add_epi32(a1, _mm_srai_epi32(_mm_unpackhi_epi16(r0, r0), 16));
        a2 = _mm_add_epi32(a2, _mm_srai_epi32(_mm_unpacklo_epi16(r1, r1), 16));
        a3 = _mm_add_epi32(a3, _mm_srai_epi32(_mm_unpackhi_epi16(r1, r1), 16));
    }
    _mm_storeu_si128((__m128i *)acc, a0);
    _mm_storeu_si128((__m128i *)(acc + 4), a1);
    _mm_storeu_si128((__m128i *)(acc + 8), a2);
    _mm_storeu_si128((__m128i *)(acc + 12), a3);
#else
    for (size_t k = 0; k < nf; k++) {
        const int16_t *row = m->w + (size_t)f[k] * ENT_ROW;
        for (int t = 0; t < ENT_ROW; t++)
            acc[t] += row[t];
    }
#endif
}

/* Adds the rows of the features f[0..nf) to acc. */
static inline void ent_model_add_rows(const ent_model *m, const uint32_t *f, size_t nf,
                                      int32_t acc[ENT_ROW])
{
    ent_model_prefetch_rows(m, f, nf);
    ent_model_sum_rows(m, f, nf, acc);
}

/* Emission scores from row sums: out[0] (tag O) is 0, out[t] = acc[t - 1]. */
static inline void ent_model_emission(const int32_t acc[ENT_ROW], float *out)
{
    out[0] = 0.0f;
    for (int t = 0; t < ENT_ROW; t++)
        out[t + 1] = (float)acc[t];
}

/* Emission scores of one token: out[t] = sum of the rows of its features. */
static inline void ent_model_score(const ent_model *m, const uint32_t *f, size_t nf, float *out)
{
    int32_t acc[ENT_ROW] = {0};
    ent_model_add_rows(m, f, nf, acc);
    ent_model_emission(acc, out);
}

#endif
