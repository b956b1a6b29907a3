/*
 * numbers.c -- the numbers plugin: CARDINAL, ORDINAL, PERCENT, MONEY and
 * QUANTITY spans with exact normalised values.  What it emits is specified
 * in plugins/numbers/README.md; the scanning is in num_scan.c.
 *
 * State: the word index (num_lex), built in open() and read-only after, so
 * annotate() is reentrant.  annotate() allocates nothing: matches and
 * attribute strings live on its stack and the host copies them in emit().
 */
#include <stdlib.h>

#include "annotate/plugin.h"
#include "num_lex.h"
#include "num_scan.h"

static const char *const num_labels[] = {"CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY", NULL};

typedef struct num_state {
    const ann_host *host;
    num_lex lex;
} num_state;

static int num_open(const ann_host *host, ann_open_ctx *ctx, void **state)
{
    num_state *st = malloc(sizeof *st);
    if (!st) {
        host->open_error(ctx, "out of memory");
        return ANN_ENOMEM;
    }
    st->host = host;
    if (!num_lex_init(&st->lex)) {
        host->open_error(ctx, "internal word table is inconsistent (duplicate or overlong word)");
        free(st);
        return ANN_ERROR;
    }
    *state = st;
    return ANN_OK;
}

static void num_close(void *state)
{
    free(state);
}

typedef struct emit_ctx {
    const ann_host *host;
    ann_doc *doc;
} emit_ctx;

/* Turns one match into a span; a refused span is reported by the host and
 * does not stop the document. */
static int num_emit_match(void *vctx, const num_match *m)
{
    emit_ctx *ec = vctx;
    ann_attr attrs[7]; /* value | range_min+range_max, currency, unit, fraction, mod */
    size_t n = 0;
    if (m->value[0])
        attrs[n++] = (ann_attr){"value", m->value};
    if (m->range_min[0]) {
        attrs[n++] = (ann_attr){"range_min", m->range_min};
        attrs[n++] = (ann_attr){"range_max", m->range_max};
    }
    if (m->currency)
        attrs[n++] = (ann_attr){"currency", m->currency};
    if (m->unit)
        attrs[n++] = (ann_attr){"unit", m->unit};
    if (m->fraction[0])
        attrs[n++] = (ann_attr){"fraction", m->fraction};
    if (m->mod)
        attrs[n++] = (ann_attr){"mod", m->mod};
    ann_new_span sp = {m->start, m->end, num_labels[m->label], attrs, n, NULL, 0};
    int rc = ec->host->emit(ec->doc, &sp, NULL);
    return rc == ANN_ENOMEM ? rc : 0;
}

static int num_annotate(void *state, ann_doc *doc)
{
    const num_state *st = state;
    size_t len = 0;
    const char *text = st->host->text(doc, &len);
    if (!text)
        return ANN_OK;
    emit_ctx ec = {st->host, doc};
    int rc = num_scan(&st->lex, text, len, num_emit_match, &ec);
    if (rc) {
        st->host->doc_error(doc, "out of memory while emitting spans");
        return ANN_ENOMEM;
    }
    return ANN_OK;
}

static const ann_plugin num_descriptor = {
    ANN_PLUGIN_HEADER,
    "numbers",
    "1.0.0",
    "cardinals, ordinals, percentages, money and quantities with exact values",
    num_labels,
    NULL,
    NULL,
    num_open,
    num_annotate,
    num_close,
    NULL, /* annotate_v2: still the ABI 1 entry point */
    NULL,
};

ANN_PLUGIN_ENTRY(numbers)
{
    return &num_descriptor;
}
