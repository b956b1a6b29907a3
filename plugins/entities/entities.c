/*
 * entities.c -- the entities plugin: names of people, organisations,
 * locations and other names (PER, ORG, LOC, MISC) by a trained averaged
 * perceptron over BILOU tags, following the CoNLL-2003 conventions.
 *
 * open() loads the model (entities.model in the data folder, or
 * -O entities.model=PATH); annotate_v2() tags each document in two passes
 * (see ent_tagger.h) and emits one span per entity.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "an_spares.h"
#include "annotate/plugin.h"
#include "ent_decode.h"
#include "ent_tagger.h"
#include "ent_window.h"

/* Workers (a cache, ent_cache.h, and a work area) kept between documents,
 * at most one per thread annotating at once; beyond that many threads the
 * extra ones are freed. */
#define ENT_SPARE_WORKERS 16
/* 2^14 entries, about 10 MB a cache with its word cache (6 MB of weights,
 * the rest words and phrases, in huge pages): the words of running news
 * text hit it nearly nine times in ten. */
#define ENT_CACHE_LOG2 14u

/* What one thread tagging a document holds, kept between documents: the
 * cache (NULL when caching is off) and the tagger's work area.  The work
 * area is reused as it is, never cleared: the tagger writes every byte it
 * reads (ent_tagger.h), and the host's scratch memory, cleared for each
 * document, cost more instructions than the tagging of the first pass
 * (hundreds of bytes a token). */
typedef struct ent_worker {
    ent_cache *cache;
    void *work;  /* work_cap bytes, or NULL */
    size_t work_cap;
} ent_worker;

/* Built by open(), read-only afterwards (annotate_v2() runs on many threads
 * with it) but for `spare`: a thread takes a worker out of a slot by an
 * atomic exchange, so no two threads ever hold the same one, and puts it
 * back when done.  The host is not kept: annotate_v2() receives it. */
typedef struct ent_state {
    ent_model model;
    int passes;
    int use_cache;
    an_spares spare; /* ENT_SPARE_WORKERS slots of ent_worker */
} ent_state;

static void worker_free(ent_worker *w)
{
    if (!w)
        return;
    ent_cache_free(w->cache);
    free(w->work);
    free(w);
}

/* A worker for this thread: a spare one, else a new one (with a cache when
 * caching is on and memory allows; without one the tags are the same).
 * NULL when memory runs out. */
static ent_worker *worker_take(ent_state *st)
{
    ent_worker *w = an_spares_take(&st->spare);
    if (w)
        return w;
    w = calloc(1, sizeof *w);
    if (w && st->use_cache)
        w->cache = ent_cache_new(&st->model, ENT_CACHE_LOG2);
    return w;
}

/* Hands w (may be NULL) back for the next document, or frees it. */
static void worker_give(ent_state *st, ent_worker *w)
{
    if (w && !an_spares_give(&st->spare, w))
        worker_free(w);
}

/* The work area of w, at least bytes long; NULL when memory runs out (w
 * keeps its old one). */
static void *worker_work(ent_worker *w, size_t bytes)
{
    if (bytes > w->work_cap) {
        /* aligned for any type, as ent_tag_doc() asks */
        void *p = malloc(bytes);
        if (!p)
            return NULL;
        free(w->work);
        w->work = p;
        w->work_cap = bytes;
    }
    return w->work;
}

static const char *const ent_labels[] = {"PER", "ORG", "LOC", "MISC", NULL};

static const ann_option_decl ent_options[] = {
    {"model", NULL, "model file (default: entities.model in the plugin's data folder)"},
    {"passes", "2",
     "1: local features only; 2: add a second, document-aware pass and the definition rule"},
    {"cache", "1",
     "1: keep the summed weights of each word's own features between documents (about 10 MB "
     "per thread; the same tags, faster); 0: score every feature anew"},
    {NULL, NULL, NULL}};

static int ent_open(const ann_host *host, ann_open_ctx *ctx, void **state)
{
    char path[4096], err[1024];
    const char *opt = host->option(ctx, "model");
    const char *passes = host->option(ctx, "passes");
    const char *cache = host->option(ctx, "cache");
    ent_state *st;

    if (passes && strcmp(passes, "1") != 0 && strcmp(passes, "2") != 0) {
        host->open_error(ctx, "passes must be 1 or 2, not \"%s\"", passes);
        return ANN_EINVAL;
    }
    if (cache && strcmp(cache, "0") != 0 && strcmp(cache, "1") != 0) {
        host->open_error(ctx, "cache must be 0 or 1, not \"%s\"", cache);
        return ANN_EINVAL;
    }
    if (opt && *opt) {
        snprintf(path, sizeof path, "%s", opt);
    } else {
        const char *dir = host->data_dir(ctx);
        snprintf(path, sizeof path, "%s/entities.model", dir ? dir : ".");
    }
    st = calloc(1, sizeof *st);
    if (!st) {
        host->open_error(ctx, "out of memory");
        return ANN_ENOMEM;
    }
    if (ent_model_load(&st->model, path, err, sizeof err) < 0) {
        host->open_error(ctx, "%s", err);
        free(st);
        return ANN_EIO;
    }
    st->passes = passes && strcmp(passes, "1") == 0 ? 1 : 2;
    st->use_cache = !(cache && strcmp(cache, "0") == 0);
    an_spares_init(&st->spare, ENT_SPARE_WORKERS);
    *state = st;
    return ANN_OK;
}

static void ent_close(void *state)
{
    ent_state *st = state;
    if (!st)
        return;
    for (ent_worker *w; (w = an_spares_drain(&st->spare)) != NULL;)
        worker_free(w);
    ent_model_free(&st->model);
    free(st);
}

/* Tags tokens [b, e) of the document as one ent_doc (a window, see
 * ent_window.h) and emits its entities.  The arrays are borrowed work areas
 * of at least e - b (+ 1 for sent) elements; work holds what ent_tag_doc()
 * needs for the window. */
static int tag_window(const ann_host *h, const ent_state *st, ent_cache *cache, ann_doc *doc,
                      const char *text,
                      const ann_token_v2 *tok, size_t b, size_t e, const char **words,
                      uint32_t *lens, uint32_t *sent, uint8_t *tags, ent_span *spans, void *work)
{
    size_t n = e - b, ns = 0;
    /* Sentences from the tokens' own sentence numbers, so every token
     * belongs to exactly one. */
    for (size_t i = 0; i < n; i++) {
        words[i] = text + tok[b + i].start;
        lens[i] = tok[b + i].end - tok[b + i].start;
        if (i == 0 || tok[b + i].sentence != tok[b + i - 1].sentence)
            sent[ns++] = (uint32_t)i;
    }
    sent[ns] = (uint32_t)n;
    ent_doc d = {n, words, lens, ns, sent, h, NULL};
    ent_tag_doc_cached(&st->model, cache, &d, st->passes, work, tags);

    size_t k = ent_tags_to_spans(tags, n, spans, n);
    for (size_t i = 0; i < k; i++) {
        ann_new_span_v2 sp = ANN_NEW_SPAN_V2_INIT;
        sp.start = tok[b + spans[i].begin].start;
        sp.end = tok[b + spans[i].end - 1].end;
        sp.label = ent_type_names[spans[i].type];
        /* ANN_EINVAL: the host refused this one span and reported it; the
         * others are still good.  ANN_ENOMEM: the host has failed the
         * document already, so emitting more is wasted work. */
        if (h->emit_v2(doc, &sp, NULL) == ANN_ENOMEM)
            return ANN_ENOMEM;
    }
    return ANN_OK;
}

/* The longest sentence of tok[0..n), at most cap tokens. */
static size_t longest_sentence(const ann_token_v2 *tok, size_t n, size_t cap)
{
    size_t mx = 1, run = 0;
    for (size_t i = 0; i < n; i++) {
        run = i > 0 && tok[i].sentence == tok[i - 1].sentence ? run + 1 : 1;
        if (run > mx)
            mx = run;
    }
    return mx < cap ? mx : cap;
}

static int ent_annotate(const ann_host *h, void *state, ann_doc *doc)
{
    ent_state *st = state;
    size_t len, n;
    const char *text = h->text(doc, &len);
    const ann_token_v2 *tok = h->tokens_v2(doc, sizeof *tok, &n);
    if (!text || !tok || n == 0)
        return ANN_OK;

    /* One set of work areas, sized for the largest window, serves them all. */
    size_t w = n < ENT_WINDOW_TOKENS ? n : ENT_WINDOW_TOKENS;
    const char **words = h->scratch(doc, w * sizeof *words);
    uint32_t *lens = h->scratch(doc, w * sizeof *lens);
    uint32_t *sent = h->scratch(doc, (w + 1) * sizeof *sent);
    uint8_t *tags = h->scratch(doc, w);
    ent_span *spans = h->scratch(doc, w * sizeof *spans);
    if (!words || !lens || !sent || !tags || !spans)
        goto nomem;
    ent_worker *wk = worker_take(st);
    void *work = wk ? worker_work(wk, ent_tag_work_bound(w, longest_sentence(tok, n, w))) : NULL;
    if (!work) {
        worker_give(st, wk);
        goto nomem;
    }

    int rc = ANN_OK;
    for (size_t b = 0; b < n && rc == ANN_OK;) {
        size_t e = ent_window_end(tok, n, b, ENT_WINDOW_TOKENS);
        rc = tag_window(h, st, wk->cache, doc, text, tok, b, e, words, lens, sent, tags, spans,
                        work);
        b = e;
    }
    worker_give(st, wk);
    return rc;
nomem:
    h->doc_error(doc, "out of memory");
    return ANN_ENOMEM;
}

static const ann_plugin ent_descriptor = {
    .abi_version = ANN_ABI_VERSION,
    .size = (uint32_t)sizeof(ann_plugin),
    .name = "entities",
    .version = "1.0.0",
    .description = "names of people, organisations, places and other names (CoNLL-2003 style)",
    .labels = ent_labels,
    .options = ent_options,
    .open = ent_open,
    .annotate_v2 = ent_annotate,
    .close = ent_close,
};

ANN_PLUGIN_ENTRY(entities)
{
    return &ent_descriptor;
}
