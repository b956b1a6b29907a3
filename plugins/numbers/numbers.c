/*
 * numbers.c -- the numbers plugin: CARDINAL, ORDINAL, PERCENT, MONEY and
 * QUANTITY spans with exact normalised values.  What it emits is specified
 * in plugins/numbers/README.md; the scanning is in num_scan.c.
 *
 * State: the word index (num_lex), built in open() and read-only after, so
 * annotate_v2() is reentrant.  It allocates nothing: matches and attribute
 * strings live on its stack and the host copies them in emit_v2().
 */
#include <stdlib.h>

#include "annotate/plugin.h"
#include "num_lex.h"
#include "num_scan.h"

static const char *const num_labels[] = {"CARDINAL", "ORDINAL",  "PERCENT",
                                         "MONEY",    "QUANTITY", NULL};

/* Builds the word index, the plugin's whole state (num_lex; caller frees
 * with num_close()). */
static int num_open(const ann_host *host, ann_open_ctx *ctx, void **state)
{
    num_lex *lex = malloc(sizeof *lex);
    if (!lex) {
        host->open_error(ctx, "out of memory");
        return ANN_ENOMEM;
    }
    if (!num_lex_init(lex)) {
        host->open_error(ctx, "internal word table is inconsistent (duplicate or overlong word)");
        free(lex);
        return ANN_ERROR;
    }
    *state = lex;
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

/* Turns one match into a span.  A refused span (ANN_EINVAL) is reported by
 * the host and does not stop the document; running out of memory does. */
static int num_emit_match(void *vctx, const num_match *m)
{
    emit_ctx *ec = vctx;
    ann_attr attrs[9]; /* value | range_min+range_max, currency, unit, fraction, mod, kind,
                        * relative */
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
    if (m->kind)
        attrs[n++] = (ann_attr){"kind", m->kind};
    if (m->relative)
        attrs[n++] = (ann_attr){"relative", m->relative};
    ann_new_span_v2 sp = ANN_NEW_SPAN_V2_INIT;
    sp.start = m->start;
    sp.end = m->end;
    sp.label = num_labels[m->label];
    sp.attrs = attrs;
    sp.n_attrs = n;
    int rc = ec->host->emit_v2(ec->doc, &sp, NULL);
    return rc == ANN_ENOMEM ? rc : 0;
}

static int num_annotate(const ann_host *host, void *state, ann_doc *doc)
{
    const num_lex *lex = state;
    size_t len = 0;
    const char *text = host->text(doc, &len);
    if (!text)
        return ANN_OK;
    emit_ctx ec = {host, doc};
    int rc = num_scan(host, lex, text, len, num_emit_match, &ec);
    if (rc) {
        host->doc_error(doc, "out of memory while emitting spans");
        return ANN_ENOMEM;
    }
    return ANN_OK;
}

static const ann_plugin num_descriptor = {
    ANN_PLUGIN_HEADER,
    .name = "numbers",
    .version = "1.0.0",
    .description = "cardinals, ordinals, percentages, money and quantities with exact values",
    .labels = num_labels,
    .open = num_open,
    .annotate_v2 = num_annotate,
    .close = num_close,
};

ANN_PLUGIN_ENTRY(numbers)
{
    return &num_descriptor;
}
