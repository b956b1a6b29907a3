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

/* Four lanes of floats, one per entity type: SSE2 where there is SSE2, else
 * plain arrays with the same results lane for lane. */
#if defined(__SSE2__)
typedef __m128 v4;
static inline v4 v_set1(float x)
{
    return _mm_set1_ps(x);
}
static inline v4 v_load(const float *p)
{
    return _mm_loadu_ps(p);
}
static inline void v_store(float *p, v4 a)
{
    _mm_storeu_ps(p, a);
}
static inline v4 v_add(v4 a, v4 b)
{
    return _mm_add_ps(a, b);
}
static inline v4 v_max(v4 a, v4 b) /* a > b ? a : b */
{
    return _mm_max_ps(a, b);
}
static inline v4 v_pick(v4 m, v4 a, v4 b) /* m ? a : b, m all ones or zeros */
{
    return _mm_or_ps(_mm_and_ps(m, a), _mm_andnot_ps(m, b));
}
static inline v4 v_ge(v4 a, v4 b)
{
    return _mm_cmpge_ps(a, b);
}
static inline v4 v_lt(v4 a, v4 b)
{
    return _mm_cmplt_ps(a, b);
}
#else
typedef struct v4 {
    float f[4];
} v4;
static inline v4 v_set1(float x)
{
    return (v4){{x, x, x, x}};
}
static inline v4 v_load(const float *p)
{
    return (v4){{p[0], p[1], p[2], p[3]}};
}
static inline void v_store(float *p, v4 a)
{
    memcpy(p, a.f, sizeof a.f);
}
static inline v4 v_add(v4 a, v4 b)
{
    for (int k = 0; k < 4; k++)
        a.f[k] += b.f[k];
    return a;
}
static inline v4 v_max(v4 a, v4 b)
{
    for (int k = 0; k < 4; k++)
        a.f[k] = a.f[k] > b.f[k] ? a.f[k] : b.f[k];
    return a;
}
/* Masks are 1.0 (true) or 0.0 lanes here. */
static inline v4 v_pick(v4 m, v4 a, v4 b)
{
    for (int k = 0; k < 4; k++)
        a.f[k] = m.f[k] != 0.0f ? a.f[k] : b.f[k];
    return a;
}
static inline v4 v_ge(v4 a, v4 b)
{
    for (int k = 0; k < 4; k++)
        a.f[k] = a.f[k] >= b.f[k] ? 1.0f : 0.0f;
    return a;
}
static inline v4 v_lt(v4 a, v4 b)
{
    for (int k = 0; k < 4; k++)
        a.f[k] = a.f[k] < b.f[k] ? 1.0f : 0.0f;
    return a;
}
#endif

/* Decoding keeps the scores of every tag at every token and no back
 * pointers: the backtrace recomputes, for the one tag chosen at each token,
 * which predecessor won, from the same sums compared in the same order, so
 * it finds the same one.  The forward pass then only adds and takes maxima.
 *
 * The constraints are applied by construction.  A tag that opens an entity
 * or stays outside (O, B-x, U-x) can only follow a closed tag (O, L-x, U-x:
 * the NC sources below, compared in this order, the first of equal sums
 * winning); I-x and L-x only follow B-x or I-x of the same type (B winning
 * a tie).  The scores of a token are kept as lanes per type: B, I, L, U of
 * the four types, then O. */
enum { NC = ENT_VITERBI_SOURCES, ROW_B = 0, ROW_I = 4, ROW_L = 8, ROW_U = 12, ROW_O = 16 };
_Static_assert(NC == 9, "open_best() takes the nine closed sources");
#define VITERBI_ROW 20 /* floats kept per token */

size_t ent_viterbi_work(size_t n)
{
    return n * VITERBI_ROW * sizeof(float);
}

/* Where tag t's score is kept in a row. */
static int lane_of(int t)
{
    return t == 0 ? ROW_O : 4 * ent_tag_pos(t) + ent_tag_type(t);
}

/* The closed sources in the order they are compared: O, L-x, U-x (their
 * scores are kept at ROW_O, then ROW_L and ROW_U by type). */
static const uint8_t source_tag[NC] = {0, 3, 7, 11, 15, 4, 8, 12, 16};

static void trans_lanes(const float *trans, int prev_pos, int prev_c, int pos, float f[4])
{
    for (int k = 0; k < ENT_N_TYPES; k++) {
        int prev = prev_pos < 0 ? prev_c : ent_tag(k, prev_pos);
        f[k] = trans[(prev + 1) * ENT_N_TAGS + ent_tag(k, pos)];
    }
}

void ent_viterbi_prepare(ent_vtrans *vt, const float *trans)
{
    vt->trans = trans;
    for (int c = 0; c < NC; c++) {
        int ct = source_tag[c];
        trans_lanes(trans, -1, ct, ENT_B, vt->to_b[c]);
        trans_lanes(trans, -1, ct, ENT_U, vt->to_u[c]);
        vt->to_o[c] = trans[(ct + 1) * ENT_N_TAGS];
    }
    trans_lanes(trans, ENT_B, 0, ENT_I, vt->bi);
    trans_lanes(trans, ENT_I, 0, ENT_I, vt->ii);
    trans_lanes(trans, ENT_B, 0, ENT_L, vt->bl);
    trans_lanes(trans, ENT_I, 0, ENT_L, vt->il);
    trans_lanes(trans, -1, -1, ENT_B, vt->start_b);
    trans_lanes(trans, -1, -1, ENT_U, vt->start_u);
    vt->start_o = trans[0];
    for (int t = 0; t < ENT_N_TAGS; t++) {
        vt->from_o[t] = trans[ENT_N_TAGS + t];
        for (int k = 0; k < ENT_N_TYPES; k++) {
            vt->from_l[t][k] = trans[(ent_tag(k, ENT_L) + 1) * ENT_N_TAGS + t];
            vt->from_u[t][k] = trans[(ent_tag(k, ENT_U) + 1) * ENT_N_TAGS + t];
        }
    }
}

/* The emissions of one token as lanes: B, I, L, U rows, then O. */
static void emission_lanes(const float *e, v4 *eb, v4 *ei, v4 *el, v4 *eu)
{
#if defined(__SSE2__)
    __m128 r0 = _mm_loadu_ps(e + 1), r1 = _mm_loadu_ps(e + 5), r2 = _mm_loadu_ps(e + 9),
           r3 = _mm_loadu_ps(e + 13);
    _MM_TRANSPOSE4_PS(r0, r1, r2, r3);
    *eb = r0, *ei = r1, *el = r2, *eu = r3;
#else
    float f[4][4];
    for (int k = 0; k < ENT_N_TYPES; k++)
        for (int p = 0; p < 4; p++)
            f[p][k] = e[1 + 4 * k + p];
    *eb = v_load(f[0]), *ei = v_load(f[1]), *el = v_load(f[2]), *eu = v_load(f[3]);
#endif
}

/* best + e, or NEG_INF where best is out of reach, so unreachable paths do
 * not drift towards reachable scores. */
static inline v4 v_reach(v4 best, v4 e)
{
    return v_pick(v_lt(best, v_set1(NEG_INF / 2)), v_set1(NEG_INF), v_add(best, e));
}

static inline float reach(float best, float e)
{
    return best < NEG_INF / 2 ? NEG_INF : best + e;
}

static inline float max2(float a, float b)
{
    return a > b ? a : b;
}

/* Source c's score (lane l of a row) plus its transitions to B-x, U-x and
 * O. */
#define OPEN_SUMS(c, l)                                    \
    v4 src##c = v_set1(cur[l]);                            \
    v4 b##c = v_add(src##c, v_load(vt->to_b[c]));          \
    v4 u##c = v_add(src##c, v_load(vt->to_u[c]));          \
    float o##c = cur[l] + vt->to_o[c]

/* The best sums from the closed sources of the row cur into B-x (*bb),
 * U-x (*bu) and O (*bo). */
static inline void open_best(const ent_vtrans *vt, const float *cur, v4 *bb, v4 *bu, float *bo)
{
    OPEN_SUMS(0, ROW_O);
    OPEN_SUMS(1, ROW_L);
    OPEN_SUMS(2, ROW_L + 1);
    OPEN_SUMS(3, ROW_L + 2);
    OPEN_SUMS(4, ROW_L + 3);
    OPEN_SUMS(5, ROW_U);
    OPEN_SUMS(6, ROW_U + 1);
    OPEN_SUMS(7, ROW_U + 2);
    OPEN_SUMS(8, ROW_U + 3);
    *bb = v_max(v_max(v_max(v_max(b0, b1), v_max(b2, b3)), v_max(v_max(b4, b5), v_max(b6, b7))),
                b8);
    *bu = v_max(v_max(v_max(v_max(u0, u1), v_max(u2, u3)), v_max(v_max(u4, u5), v_max(u6, u7))),
                u8);
    *bo = max2(max2(max2(max2(o0, o1), max2(o2, o3)), max2(max2(o4, o5), max2(o6, o7))), o8);
}
#undef OPEN_SUMS

/* The first in compare order (source_tag) of the closed sources whose sum
 * into tag t, from the row prev, is the largest: the one the forward pass
 * took, its sums being the same additions. */
static int best_closed(const float *prev, const ent_vtrans *vt, int t)
{
#if defined(__SSE2__)
    float so = prev[ROW_O] + vt->from_o[t];
    v4 sl = v_add(v_load(prev + ROW_L), v_load(vt->from_l[t]));
    v4 su = v_add(v_load(prev + ROW_U), v_load(vt->from_u[t]));
    v4 m = v_max(sl, su);
    m = v_max(m, _mm_shuffle_ps(m, m, _MM_SHUFFLE(1, 0, 3, 2)));
    m = v_max(m, _mm_shuffle_ps(m, m, _MM_SHUFFLE(2, 3, 0, 1)));
    float best = _mm_cvtss_f32(m);
    if (so >= best)
        return 0; /* O comes first */
    m = v_set1(best);
    unsigned hit = (unsigned)_mm_movemask_ps(_mm_cmpeq_ps(sl, m)) |
                   (unsigned)_mm_movemask_ps(_mm_cmpeq_ps(su, m)) << 4;
    int c = 1;
    while (!(hit & 1u)) {
        hit >>= 1;
        c++;
    }
    return source_tag[c];
#else
    int arg = 0;
    float best = prev[ROW_O] + vt->from_o[t];
    for (int c = 1; c < NC; c++) {
        int k = (c - 1) % ENT_N_TYPES, l = c <= ENT_N_TYPES;
        float sc = l ? prev[ROW_L + k] + vt->from_l[t][k] : prev[ROW_U + k] + vt->from_u[t][k];
        if (sc > best) {
            best = sc;
            arg = source_tag[c];
        }
    }
    return arg;
#endif
}

/* The predecessor of tag t at a token whose predecessor's scores are prev:
 * the first in compare order of those whose sum is the largest. */
static int best_prev(const float *prev, const ent_vtrans *vt, int t)
{
    enum { T = ENT_N_TAGS };
    const float *trans = vt->trans;
    int pos = ent_tag_pos(t);
    if (t && (pos == ENT_I || pos == ENT_L)) {
        int b = ent_tag(ent_tag_type(t), ENT_B);
        float s1 = prev[lane_of(b)] + trans[(b + 1) * T + t];
        float s2 = prev[lane_of(b + 1)] + trans[(b + 2) * T + t];
        return s1 >= s2 ? b : b + 1;
    }
    return best_closed(prev, vt, t);
}

void ent_viterbi(const float *emit, size_t n, const float *trans, void *work, uint8_t *out)
{
    ent_vtrans vt;
    ent_viterbi_prepare(&vt, trans);
    ent_viterbi_with(&vt, emit, n, work, out);
}

void ent_viterbi_with(const ent_vtrans *vt, const float *emit, size_t n, void *work, uint8_t *out)
{
    ent_viterbi_resume(vt, emit, n, work, 0, out);
}

void ent_viterbi_resume(const ent_vtrans *vt, const float *emit, size_t n, void *work,
                        size_t from, uint8_t *out)
{
    enum { T = ENT_N_TAGS };
    float *rows = work;
    v4 eb, ei, el, eu;
    if (n == 0)
        return;
    if (from == 0) {
        emission_lanes(emit, &eb, &ei, &el, &eu);
        v_store(rows + ROW_B, v_add(v_load(vt->start_b), eb));
        v_store(rows + ROW_I, v_set1(NEG_INF));
        v_store(rows + ROW_L, v_set1(NEG_INF));
        v_store(rows + ROW_U, v_add(v_load(vt->start_u), eu));
        v_store(rows + ROW_O, v_set1(NEG_INF));
        rows[ROW_O] = vt->start_o + emit[0];
    }
    v4 bi = v_load(vt->bi), ii = v_load(vt->ii), bl = v_load(vt->bl), il = v_load(vt->il);
    for (size_t i = from > 1 ? from : 1; i < n; i++) {
        const float *cur = rows + (i - 1) * VITERBI_ROW, *e = emit + i * T;
        float *nxt = rows + i * VITERBI_ROW;
        /* Opening tags: the best closed source.  The maximum of the sums
         * is the same in any order, so it is taken as a tree, not a chain;
         * the backtrace finds which source it was.  Written out source by
         * source: as a loop over arrays the sums went through memory. */
        v4 bb, bu;
        float bo;
        open_best(vt, cur, &bb, &bu, &bo);
        emission_lanes(e, &eb, &ei, &el, &eu);
        v_store(nxt + ROW_B, v_reach(bb, eb));
        v_store(nxt + ROW_U, v_reach(bu, eu));
        v_store(nxt + ROW_O, v_set1(NEG_INF));
        nxt[ROW_O] = reach(bo, e[0]);
        /* Continuing tags: from B-x or I-x. */
        v4 pb = v_load(cur + ROW_B), pi = v_load(cur + ROW_I);
        v4 s1 = v_add(pb, bi), s2 = v_add(pi, ii);
        v_store(nxt + ROW_I, v_reach(v_pick(v_ge(s1, s2), s1, s2), ei));
        s1 = v_add(pb, bl), s2 = v_add(pi, il);
        v_store(nxt + ROW_L, v_reach(v_pick(v_ge(s1, s2), s1, s2), el));
    }
    const float *last = rows + (n - 1) * VITERBI_ROW;
    int arg = 0;
    float best = NEG_INF * 2;
    for (int t = 0; t < T; t++)
        if (ent_tag_allowed(t, -1) && last[lane_of(t)] > best) {
            best = last[lane_of(t)];
            arg = t;
        }
    out[n - 1] = (uint8_t)arg;
    for (size_t i = n - 1; i > 0; i--)
        out[i - 1] = (uint8_t)best_prev(rows + (i - 1) * VITERBI_ROW, vt, out[i]);
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
