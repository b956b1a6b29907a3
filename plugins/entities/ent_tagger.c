/* ent_tagger.c -- see ent_tagger.h. */
#include "ent_tagger.h"

#include <stddef.h>
#include <string.h>

#include "ent_define.h"
#include "ent_opener.h"

#define ALIGN16(x) (((x) + 15) & ~(size_t)15)

static size_t max_sentence(const ent_doc *doc)
{
    size_t mx = 1;
    for (size_t s = 0; s < doc->n_sents; s++)
        if (doc->sent[s + 1] - doc->sent[s] > mx)
            mx = doc->sent[s + 1] - doc->sent[s];
    return mx;
}

size_t ent_tag_work_size(const ent_doc *doc)
{
    return ent_tag_work_bound(doc->n_tokens, max_sentence(doc));
}

size_t ent_tag_work_bound(size_t n_tokens, size_t max_sent)
{
    size_t n = n_tokens + 1, ms = max_sent ? max_sent : 1;
    return ALIGN16(sizeof(ent_prep)) + ALIGN16(ent_prep_size(n)) +
           ALIGN16(n * ENT_N_TAGS * sizeof(float)) +  /* first-pass emissions */
           ALIGN16(ms * ENT_N_TAGS * sizeof(float)) + /* second-pass emissions */
           ALIGN16(ent_viterbi_work(n)) + ALIGN16(n) + /* decoder, first-pass tags */
           ALIGN16(n * sizeof(ent_histv)) +
           ALIGN16(ms * ENT_ROW * sizeof(int32_t)); /* row sums of a sentence */
}

/* The next `bytes` of the work area (kept 16-byte aligned). */
static void *carve(char **w, size_t bytes)
{
    void *p = *w;
    *w += ALIGN16(bytes);
    return p;
}

/* Adds the vector v to acc. */
static inline void add_row(int32_t *restrict acc, const int32_t *restrict v)
{
    for (int t = 0; t < ENT_ROW; t++)
        acc[t] += v[t];
}

/* Tokens whose features are extracted, and their rows and cache entries
 * asked for, before the first of them is scored: the weight table is
 * megabytes, so a row is a cache miss, and the misses of several tokens
 * overlap where one token's would be waited for in turn. */
#define CHUNK 8

/* First-pass emissions of sentence [b, e) into emit: the cached unit
 * weights of each token spread to the tokens whose windows hold it, the
 * sentence edges' in the windows that reach past them, and the conjunction
 * features scored one by one.  acc: (e - b) x ENT_ROW work. */
static void emit_cached(const ent_model *m, ent_cache *c, const ent_prep *p, size_t b, size_t e,
                        int32_t (*acc)[ENT_ROW], float *emit)
{
    enum { R = ENT_UNIT_REACH };
    size_t n = e - b;
    uint32_t feats[CHUNK][ENT_MAX_FEATS];
    size_t nf[CHUNK];
    ent_cache_key key[CHUNK];
    memset(acc, 0, n * sizeof *acc);
    for (size_t j0 = 0; j0 < n; j0 += CHUNK) {
        size_t cn = n - j0 < CHUNK ? n - j0 : CHUNK;
        for (size_t k = 0; k < cn; k++) {
            size_t i = b + j0 + k;
            ent_cache_key_of(&p->tok[i], p->doc->text[i], p->doc->len[i], &key[k]);
            ent_cache_prefetch(c, &key[k]);
        }
        for (size_t k = 0; k < cn; k++) {
            nf[k] = ent_feat_conj(p, b + j0 + k, 0, feats[k]);
            ent_model_prefetch_rows(m, feats[k], nf[k]);
        }
        for (size_t k = 0; k < cn; k++) {
            size_t j = j0 + k;
            const int32_t(*u)[ENT_ROW] = ent_cache_unit(c, &p->tok[b + j], &key[k]);
            /* u[r + R] goes to the token i with j = i + r. */
            for (int r = -R; r <= R; r++) {
                size_t i = j - (size_t)(ptrdiff_t)r;
                if (i < n) /* wraps around below 0 */
                    add_row(acc[i], u[r + R]);
            }
        }
        for (size_t k = 0; k < cn; k++)
            ent_model_sum_rows(m, feats[k], nf[k], acc[j0 + k]);
    }
    for (size_t i = 0; i < n; i++) {
        for (int r = 1; r <= R; r++) {
            if (i < (size_t)r)
                add_row(acc[i], ent_cache_edge(c, -r));
            if (i + (size_t)r >= n)
                add_row(acc[i], ent_cache_edge(c, r));
        }
        ent_model_emission(acc[i], emit + (b + i) * ENT_N_TAGS);
    }
}

/* Second-pass emissions of sentence [b, e) into emit2: the first pass's
 * plus the history features'.  Returns the first token (from b) whose
 * emissions changed, e - b if none did. */
static size_t emit_history(const ent_model *m, const ent_prep *p, const ent_histv *hv, size_t b,
                         size_t e, const float *emit1, float *emit2)
{
    uint32_t feats[CHUNK][ENT_MAX_FEATS];
    size_t nf[CHUNK], first = e - b;
    memcpy(emit2, emit1 + b * ENT_N_TAGS, (e - b) * ENT_N_TAGS * sizeof(float));
    for (size_t i0 = b; i0 < e; i0 += CHUNK) {
        size_t cn = e - i0 < CHUNK ? e - i0 : CHUNK;
        for (size_t k = 0; k < cn; k++) {
            nf[k] = ent_feat_hist(p, i0 + k, hv, feats[k]);
            ent_model_prefetch_rows(m, feats[k], nf[k]);
        }
        for (size_t k = 0; k < cn; k++) {
            if (!nf[k])
                continue;
            if (first > i0 + k - b)
                first = i0 + k - b;
            int32_t acc[ENT_ROW] = {0};
            float add[ENT_N_TAGS];
            ent_model_sum_rows(m, feats[k], nf[k], acc);
            ent_model_emission(acc, add);
            float *out = emit2 + (i0 + k - b) * ENT_N_TAGS;
            for (int t = 0; t < ENT_N_TAGS; t++)
                out[t] += add[t];
        }
    }
    return first;
}

void ent_tag_emissions(const ent_model *m, ent_cache *cache, const ent_prep *p,
                       int32_t (*acc)[ENT_ROW], float *emit)
{
    const ent_doc *doc = p->doc;
    if (cache) {
        for (size_t s = 0; s < doc->n_sents; s++)
            emit_cached(m, cache, p, doc->sent[s], doc->sent[s + 1], acc, emit);
        return;
    }
    uint32_t feats[ENT_MAX_FEATS];
    for (size_t i = 0; i < doc->n_tokens; i++) {
        size_t nf = ent_feat_local(p, i, 0, feats);
        ent_model_score(m, feats, nf, emit + i * ENT_N_TAGS);
    }
}

void ent_tag_doc(const ent_model *m, const ent_doc *doc, int passes, void *work, uint8_t *tags)
{
    ent_tag_doc_cached(m, NULL, doc, passes, work, tags);
}

void ent_tag_doc_cached(const ent_model *m, ent_cache *cache, const ent_doc *doc, int passes,
                        void *work, uint8_t *tags)
{
    size_t n = doc->n_tokens, ms = max_sentence(doc);
    char *w = work;
    ent_prep *p = carve(&w, sizeof(ent_prep));
    void *prep_mem = carve(&w, ent_prep_size(n + 1));
    float *emit1 = carve(&w, (n + 1) * ENT_N_TAGS * sizeof(float));
    float *emit2 = carve(&w, ms * ENT_N_TAGS * sizeof(float));
    char *vwork = carve(&w, ent_viterbi_work(n + 1)); /* kept from pass to pass */
    uint8_t *tags1 = carve(&w, n + 1);
    ent_histv *hv = carve(&w, (n + 1) * sizeof(ent_histv));
    int32_t(*acc)[ENT_ROW] = carve(&w, ms * ENT_ROW * sizeof(int32_t));

    if (n == 0)
        return;
    ent_doc with_lex = *doc;
    if (cache && !doc->lex) {
        with_lex.lex = ent_cache_lex(cache);
        doc = &with_lex;
    }
    ent_prepare(p, doc, &m->gaz, m->bits, prep_mem);
    ent_vtrans vt;
    ent_viterbi_prepare(&vt, m->trans);
    ent_tag_emissions(m, cache, p, acc, emit1);
    for (size_t s = 0; s < doc->n_sents; s++) {
        size_t b = doc->sent[s], e = doc->sent[s + 1];
        ent_viterbi_with(&vt, emit1 + b * ENT_N_TAGS, e - b, vwork + ent_viterbi_work(b),
                         (passes > 1 ? tags1 : tags) + b);
    }
    if (passes < 2)
        return;

    ent_hist_values(p, tags1, hv);
    for (size_t s = 0; s < doc->n_sents; s++) {
        size_t b = doc->sent[s], e = doc->sent[s + 1];
        int any = 0;
        for (size_t i = b; i < e && !any; i++)
            any = hv[i].word || hv[i].pair;
        if (!any) { /* no history: the second pass would decode the same */
            memcpy(tags + b, tags1 + b, e - b);
            continue;
        }
        /* The decoder's work of the first pass is still there: up to the
         * first token the history changes, it is the same. */
        size_t from = emit_history(m, p, hv, b, e, emit1, emit2);
        ent_viterbi_resume(&vt, emit2, e - b, vwork + ent_viterbi_work(b), from, tags + b);
    }
    ent_define(p, &m->gaz, tags);
    ent_trim_openers(p, tags);
}
