/*
 * dates.c -- the dates plugin: temporal expressions as TIMEX3.
 *
 * Glue between the host and the modules: dt_lex (tokens and the pre-filter
 * lexicon), dt_refdate (which date relative expressions resolve against),
 * dt_match (the grammar and the normaliser), dt_cal (calendar arithmetic).
 */
#include <stdio.h>
#include <stdlib.h>

#include "annotate/plugin.h"
#include "dt_lex.h"
#include "dt_match.h"
#include "dt_refdate.h"
#include "dt_work.h"

static const char *const k_labels[] = {"DATE", "TIME", "DURATION", "SET", NULL};

/* Built by open(): the lexicon, read-only afterwards (annotate_v2() runs
 * on many threads with it), and the pool of per-document arrays, whose
 * slots are taken and given back by atomic exchange (dt_work.h).  Freed by
 * close(). */
typedef struct dates_state {
    dt_lexicon *lx;
    dt_pool pool;
} dates_state;

static int dates_open(const ann_host *host, ann_open_ctx *ctx, void **state)
{
    dates_state *st = malloc(sizeof *st);
    dt_lexicon *lx = st ? dt_lexicon_new() : NULL;
    if (!lx) {
        free(st);
        host->open_error(ctx, "out of memory");
        return ANN_ENOMEM;
    }
    st->lx = lx;
    dt_pool_init(&st->pool);
    *state = st;
    return ANN_OK;
}

static void dates_close(void *state)
{
    dates_state *st = state;
    if (!st)
        return;
    dt_pool_free(&st->pool);
    dt_lexicon_free(st->lx);
    free(st);
}

/* Emits one hit.  Returns the host's answer: a refused span (ANN_EINVAL)
 * was reported by the host. */
static int dates_emit(const ann_host *host, ann_doc *doc, const dt_hit *h)
{
    ann_attr attrs[5];
    size_t na = 0;
    attrs[na++] = (ann_attr){"value", h->value};
    if (h->mod)
        attrs[na++] = (ann_attr){"mod", h->mod};
    if (h->anchor[0])
        attrs[na++] = (ann_attr){"anchor", h->anchor};
    if (h->tz[0])
        attrs[na++] = (ann_attr){"timezone", h->tz};
    if (h->freq[0])
        attrs[na++] = (ann_attr){"freq", h->freq};
    ann_new_span_v2 sp = ANN_NEW_SPAN_V2_INIT;
    sp.start = h->start;
    sp.end = h->end;
    sp.label = dt_label_names[h->label];
    sp.attrs = attrs;
    sp.n_attrs = na;
    return host->emit_v2(doc, &sp, NULL);
}

/* Annotates one document with the arrays of w (dt_work.h). */
static int annotate_with(const ann_host *host, const dt_lexicon *lx, ann_doc *doc, dt_work *w)
{
    size_t len = 0;
    const char *text = host->text(doc, &len);
    size_t ntrig = 0;
    size_t n = dt_tokenize(host, lx, text, len, w, &ntrig);
    if (n == (size_t)-1) {
        host->doc_error(doc, "out of memory while tokenizing");
        return ANN_ENOMEM;
    }
    dt_ymd ref;
    const char *source;
    const char *opt = host->reference_date(doc);
    if (dt_reference_date(opt, text, w->toks, n, &ref, &source) != 0) {
        host->doc_error(doc, "invalid reference date '%s': expected YYYY-MM-DD", opt);
        return ANN_EINVAL;
    }
    char refbuf[16];
    dt_format_ymd(refbuf, sizeof refbuf, ref);
    if (host->set_meta(doc, "reference_date", refbuf) == ANN_ENOMEM ||
        host->set_meta(doc, "reference_date_source", source) == ANN_ENOMEM) {
        host->doc_error(doc, "out of memory while recording the reference date");
        return ANN_ENOMEM;
    }
    size_t nh = dt_match(text, n, ntrig, ref, w);
    if (nh == (size_t)-1) {
        host->doc_error(doc, "out of memory while matching");
        return ANN_ENOMEM;
    }
    for (size_t i = 0; i < nh; i++) {
        /* a refused span is reported by the host; the others still count */
        if (dates_emit(host, doc, &w->hits[i]) == ANN_ENOMEM) {
            host->doc_error(doc, "out of memory while emitting spans");
            return ANN_ENOMEM;
        }
    }
    return ANN_OK;
}

/* The per-document arrays are the plugin's own, kept between documents
 * (dt_work.h); the host's scratch memory is not used. */
static int dates_annotate(const ann_host *host, void *state, ann_doc *doc)
{
    dates_state *st = state;
    dt_work *w = dt_pool_take(&st->pool);
    if (!w) {
        host->doc_error(doc, "out of memory");
        return ANN_ENOMEM;
    }
    int rc = annotate_with(host, st->lx, doc, w);
    dt_pool_give(&st->pool, w);
    return rc;
}

/* A number inside a date, time, duration or set is part of it. */
static const char *const k_subsumes[] = {"numbers", NULL};

static const ann_plugin k_dates = {
    ANN_PLUGIN_HEADER,
    .name = "dates",
    .version = "1.0.0",
    .description = "temporal expressions (DATE, TIME, DURATION, SET) normalised to TIMEX3 values",
    .labels = k_labels,
    .open = dates_open,
    .annotate_v2 = dates_annotate,
    .close = dates_close,
    .subsumes = k_subsumes,
};

ANN_PLUGIN_ENTRY(dates)
{
    return &k_dates;
}
