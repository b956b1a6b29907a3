/* ent_decode.c -- see ent_decode.h. */
#include "ent_decode.h"

#include <string.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

const char *const ent_type_names[ENT_N_TYPES] = {"PER", "ORG", "LOC", "MISC"};

int ent_tag_allowed(int prev, int next)
{
    int open = prev > 0 && (ent_tag_pos(prev) == ENT_B || ent_tag_pos(prev) == ENT_I);
    if (next < 0)
        return !open;
    if (open) {
        int p = ent_tag_pos(next);
        return next > 0 && ent_tag_type(next) == ent_tag_type(prev) && (p == ENT_I || p == ENT_L);
    }
    return next == 0 || ent_tag_pos(next) == ENT_B || ent_tag_pos(next) == ENT_U;
}

int ent_type_parse(const char *s, size_t len)
{
    for (int k = 0; k < ENT_N_TYPES; k++)
        if (strlen(ent_type_names[k]) == len && memcmp(ent_type_names[k], s, len) == 0)
            return k;
    return -1;
}

#define NEG_INF (-1e30f)

/* The constraints are applied by construction rather than checked in the
 * inner loop.  A tag that opens an entity or stays outside (O, B-x, U-x:
 * the 9 "open" targets) can only follow a closed tag (O, L-x, U-x: the 9
 * "closed" sources); I-x and L-x only follow B-x or I-x.  The 9 x 9 part
 * runs over rows padded to 12 lanes, three SSE2 vectors where available. */
enum { NO = 1 + 2 * ENT_N_TYPES, LANES = 12 };

static int open_tag(int k) /* k-th open target */
{
    return k == 0             ? 0
           : k <= ENT_N_TYPES ? ent_tag(k - 1, ENT_B)
                              : ent_tag(k - 1 - ENT_N_TYPES, ENT_U);
}

static int closed_tag(int k) /* k-th closed source */
{
    return k == 0             ? 0
           : k <= ENT_N_TYPES ? ent_tag(k - 1, ENT_L)
                              : ent_tag(k - 1 - ENT_N_TYPES, ENT_U);
}

void ent_viterbi(const float *emit, size_t n, const float *trans, uint8_t *work, uint8_t *out)
{
    enum { T = ENT_N_TAGS };
    float cur[T], nxt[T];
    _Alignas(16) float tt[NO][LANES]; /* closed source c to open target k */
    if (n == 0)
        return;
    for (int c = 0; c < NO; c++)
        for (int k = 0; k < LANES; k++)
            tt[c][k] = k < NO ? trans[(closed_tag(c) + 1) * T + open_tag(k)] : NEG_INF;
    for (int t = 0; t < T; t++)
        cur[t] = ent_tag_allowed(-1, t) ? trans[t] + emit[t] : NEG_INF;
    for (size_t i = 1; i < n; i++) {
        uint8_t *bp = work + i * T;
        const float *e = emit + i * T;
        _Alignas(16) float best[LANES];
        _Alignas(16) int32_t arg[LANES];
#if defined(__SSE2__)
        __m128 bv[LANES / 4];
        __m128i av[LANES / 4];
        for (int v = 0; v < LANES / 4; v++) {
            bv[v] = _mm_add_ps(_mm_set1_ps(cur[0]), _mm_load_ps(&tt[0][4 * v]));
            av[v] = _mm_setzero_si128();
        }
        for (int c = 1; c < NO; c++) {
            int32_t ct = closed_tag(c);
            __m128 src = _mm_set1_ps(cur[ct]);
            __m128i ctv = _mm_set1_epi32(ct);
            for (int v = 0; v < LANES / 4; v++) {
                __m128 sc = _mm_add_ps(src, _mm_load_ps(&tt[c][4 * v]));
                __m128i m = _mm_castps_si128(_mm_cmpgt_ps(sc, bv[v]));
                bv[v] = _mm_max_ps(sc, bv[v]);
                av[v] = _mm_or_si128(_mm_and_si128(m, ctv), _mm_andnot_si128(m, av[v]));
            }
        }
        for (int v = 0; v < LANES / 4; v++) {
            _mm_store_ps(&best[4 * v], bv[v]);
            _mm_store_si128((__m128i *)(void *)&arg[4 * v], av[v]);
        }
#else
        for (int k = 0; k < LANES; k++) {
            best[k] = cur[0] + tt[0][k];
            arg[k] = 0;
        }
        for (int c = 1; c < NO; c++) {
            int32_t ct = closed_tag(c);
            float src = cur[ct];
            for (int k = 0; k < LANES; k++) {
                float sc = src + tt[c][k];
                int better = sc > best[k];
                best[k] = better ? sc : best[k];
                arg[k] = better ? ct : arg[k];
            }
        }
#endif
        for (int k = 0; k < NO; k++) {
            int t = open_tag(k);
            nxt[t] = best[k] < NEG_INF / 2 ? NEG_INF : best[k] + e[t];
            bp[t] = (uint8_t)arg[k];
        }
        for (int type = 0; type < ENT_N_TYPES; type++) {
            int b = ent_tag(type, ENT_B);
            for (int t = b + 1; t <= b + 2; t++) { /* I, L */
                float s1 = cur[b] + trans[(b + 1) * T + t];
                float s2 = cur[b + 1] + trans[(b + 2) * T + t];
                int first = s1 >= s2;
                float best2 = first ? s1 : s2;
                nxt[t] = best2 < NEG_INF / 2 ? NEG_INF : best2 + e[t];
                bp[t] = (uint8_t)(first ? b : b + 1);
            }
        }
        memcpy(cur, nxt, sizeof cur);
    }
    int arg = 0;
    float best = NEG_INF * 2;
    for (int t = 0; t < T; t++)
        if (ent_tag_allowed(t, -1) && cur[t] > best) {
            best = cur[t];
            arg = t;
        }
    out[n - 1] = (uint8_t)arg;
    for (size_t i = n - 1; i > 0; i--)
        out[i - 1] = work[i * T + out[i]];
}

size_t ent_span_end(const uint8_t *tags, size_t i, size_t n)
{
    int type = ent_tag_type(tags[i]), pos = ent_tag_pos(tags[i]);
    size_t j = i + 1;
    if (pos == ENT_B || pos == ENT_I) {
        while (j < n && tags[j] && ent_tag_type(tags[j]) == type &&
               (ent_tag_pos(tags[j]) == ENT_I || ent_tag_pos(tags[j]) == ENT_L)) {
            j++;
            if (ent_tag_pos(tags[j - 1]) == ENT_L)
                break;
        }
    }
    return j;
}

size_t ent_tags_to_spans(const uint8_t *tags, size_t n, ent_span *out, size_t cap)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (!tags[i])
            continue;
        size_t j = ent_span_end(tags, i, n);
        if (k < cap)
            out[k] = (ent_span){(uint32_t)i, (uint32_t)j, ent_tag_type(tags[i])};
        k++;
        i = j - 1;
    }
    return k;
}

void ent_tags_from_bio(const int *types, const uint8_t *begins, size_t n, uint8_t *out)
{
    for (size_t i = 0; i < n; i++) {
        if (types[i] < 0) {
            out[i] = 0;
            continue;
        }
        int starts = begins[i] || i == 0 || types[i - 1] != types[i];
        int ends = i + 1 == n || types[i + 1] != types[i] || begins[i + 1];
        int pos = starts ? (ends ? ENT_U : ENT_B) : (ends ? ENT_L : ENT_I);
        out[i] = (uint8_t)ent_tag(types[i], pos);
    }
}
