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

typedef struct dates_state {
    const ann_host *host; /* borrowed until close() */
    dt_lexicon *lx;       /* read-only after open() */
} dates_state;

static const char *const k_labels[] = {"DATE", "TIME", "DURATION", "SET", NULL};

static int dates_open(const ann_host *host, ann_open_ctx *ctx, void **state)
{
    dates_state *st = calloc(1, sizeof *st);
    if (!st) {
        host->open_error(ctx, "out of memory");
        return ANN_ENOMEM;
    }
    st->host = host;
    st->lx = dt_lexicon_new();
    if (!st->lx) {
        free(st);
        host->open_error(ctx, "out of memory");
        return ANN_ENOMEM;
    }
    *state = st;
    return ANN_OK;
}

static void dates_close(void *state)
{
    dates_state *st = state;
    if (!st)
        return;
    dt_lexicon_free(st->lx);
    free(st);
}

static int dates_annotate(void *state, ann_doc *doc)
{
    const dates_state *st = state;
    const ann_host *host = st->host;
    size_t len = 0;
    const char *text = host->text(doc, &len);
    dt_tok *toks = NULL;
    uint32_t *trig = NULL;
    size_t ntrig = 0;
    dt_hit *hits = NULL;
    int rc = ANN_OK;
    size_t n = dt_tokenize(st->lx, text, len, &toks, &trig, &ntrig);
    if (n == (size_t)-1) {
        host->doc_error(doc, "out of memory while tokenizing");
        return ANN_ENOMEM;
    }
    dt_ymd ref;
    const char *source;
    const char *opt = host->reference_date(doc);
    if (dt_reference_date(opt, text, toks, n, &ref, &source) != 0) {
        host->doc_error(doc, "invalid reference date '%s': expected YYYY-MM-DD", opt);
        rc = ANN_EINVAL;
        goto done;
    }
    char refbuf[16];
    snprintf(refbuf, sizeof refbuf, "%04d-%02d-%02d", ref.y, ref.m, ref.d);
    host->set_meta(doc, "reference_date", refbuf);
    host->set_meta(doc, "reference_date_source", source);
    size_t nh = dt_match(text, toks, n, trig, ntrig, ref, &hits);
    if (nh == (size_t)-1) {
        host->doc_error(doc, "out of memory while matching");
        rc = ANN_ENOMEM;
        goto done;
    }
    for (size_t i = 0; i < nh; i++) {
        ann_attr attrs[5];
        size_t na = 0;
        attrs[na++] = (ann_attr){"value", hits[i].value};
        if (hits[i].mod)
            attrs[na++] = (ann_attr){"mod", hits[i].mod};
        if (hits[i].anchor[0])
            attrs[na++] = (ann_attr){"anchor", hits[i].anchor};
        if (hits[i].tz[0])
            attrs[na++] = (ann_attr){"timezone", hits[i].tz};
        if (hits[i].freq[0])
            attrs[na++] = (ann_attr){"freq", hits[i].freq};
        ann_new_span sp = {hits[i].start, hits[i].end, dt_label_names[hits[i].label], attrs, na, NULL, 0};
        /* a refused span is reported by the host; the others still count */
        (void)host->emit(doc, &sp, NULL);
    }
done:
    free(hits);
    free(trig);
    free(toks);
    return rc;
}

/* A number inside a date, time, duration or set is part of it. */
static const char *const k_subsumes[] = {"numbers", NULL};

static const ann_plugin k_dates = {
    ANN_PLUGIN_HEADER,
    "dates",
    "1.0.0",
    "temporal expressions (DATE, TIME, DURATION, SET) normalised to TIMEX3 values",
    k_labels,
    NULL,
    NULL,
    dates_open,
    dates_annotate,
    dates_close,
    NULL,
    k_subsumes,
};

ANN_PLUGIN_ENTRY(dates)
{
    return &k_dates;
}
