/* ent_tagger.c -- see ent_tagger.h. */
#include "ent_tagger.h"

#include <stddef.h>
#include <string.h>

#include "ent_define.h"

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
           ALIGN16(ent_viterbi_work(ms)) + ALIGN16(n) + /* decoder, first-pass tags */
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
static inline void add_row(int32_t *acc, const int32_t *v)
{
    for (int t = 0; t < ENT_ROW; t++)
        acc[t] += v[t];
}

/* First-pass emissions of sentence [b, e) into emit: the cached unit
 * weights of each token spread to the tokens whose windows hold it, the
 * sentence edges' in the windows that reach past them, then the
 * conjunction features scored one by one.  acc: (e - b) x ENT_ROW work. */
static void emit_cached(const ent_model *m, ent_cache *c, const ent_prep *p, size_t b, size_t e,
                        int32_t (*acc)[ENT_ROW], float *emit)
{
    enum { R = ENT_UNIT_REACH };
    size_t n = e - b;
    uint32_t feats[ENT_MAX_FEATS];
    memset(acc, 0, n * sizeof *acc);
    for (size_t j = 0; j < n; j++) {
        const int32_t(*u)[ENT_ROW] = ent_cache_unit(c, &p->tok[b + j]);
        /* u[r + R] goes to the token i with j = i + r. */
        for (int r = -R; r <= R; r++) {
            size_t i = j - (size_t)(ptrdiff_t)r;
            if (i < n) /* wraps around below 0 */
                add_row(acc[i], u[r + R]);
        }
    }
    for (size_t i = 0; i < n; i++) {
        for (int r = 1; r <= R; r++) {
            if (i < (size_t)r)
                add_row(acc[i], ent_cache_edge(c, -r));
            if (i + (size_t)r >= n)
                add_row(acc[i], ent_cache_edge(c, r));
        }
        size_t nf = ent_feat_conj(p, b + i, 0, feats);
        ent_model_add_rows(m, feats, nf, acc[i]);
        ent_model_emission(acc[i], emit + (b + i) * ENT_N_TAGS);
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
    void *vwork = carve(&w, ent_viterbi_work(ms));
    uint8_t *tags1 = carve(&w, n + 1);
    ent_histv *hv = carve(&w, (n + 1) * sizeof(ent_histv));
    int32_t(*acc)[ENT_ROW] = carve(&w, ms * ENT_ROW * sizeof(int32_t));
    uint32_t feats[ENT_MAX_FEATS];

    if (n == 0)
        return;
    ent_prepare(p, doc, &m->gaz, m->bits, prep_mem);
    if (cache) {
        for (size_t s = 0; s < doc->n_sents; s++)
            emit_cached(m, cache, p, doc->sent[s], doc->sent[s + 1], acc, emit1);
    } else {
        for (size_t i = 0; i < n; i++) {
            size_t nf = ent_feat_local(p, i, 0, feats);
            ent_model_score(m, feats, nf, emit1 + i * ENT_N_TAGS);
        }
    }
    for (size_t s = 0; s < doc->n_sents; s++) {
        size_t b = doc->sent[s], e = doc->sent[s + 1];
        ent_viterbi(emit1 + b * ENT_N_TAGS, e - b, m->trans, vwork, (passes > 1 ? tags1 : tags) + b);
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
        memcpy(emit2, emit1 + b * ENT_N_TAGS, (e - b) * ENT_N_TAGS * sizeof(float));
        for (size_t i = b; i < e; i++) {
            size_t nf = ent_feat_hist(p, i, hv, feats);
            if (!nf)
                continue;
            float add[ENT_N_TAGS];
            ent_model_score(m, feats, nf, add);
            for (int t = 0; t < ENT_N_TAGS; t++)
                emit2[(i - b) * ENT_N_TAGS + t] += add[t];
        }
        ent_viterbi(emit2, e - b, m->trans, vwork, tags + b);
    }
    ent_define(p, &m->gaz, tags);
}
