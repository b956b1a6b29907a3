/*
 * quotes.c -- the quotes plugin: direct quotations and their speakers.
 *
 * Label QUOTE, the span including its quotation marks, with attributes
 *   kind     direct | partial (default output); title | scare and nested
 *            quotations only with -O quotes.all=1
 *   speaker  the speaker's fullest name in the document (de Meo -> Luca de Meo),
 *            left out when no speaker can be named
 *   cue      the cue verb (said, told, added ...), when there is one
 * and a link "speaker" to the entities layer's PER span of the cue mention
 * (when the speaker came from such a span).
 *
 * This file is only the glue; the work is done by the modules listed in
 * qt.h.  Reentrant: the state is read-only after open(), and annotate() keeps
 * its data on the stack and in memory it frees before returning.
 */
#include <annotate/plugin.h>

#include <stdlib.h>
#include <string.h>

#include "qt.h"

typedef struct qt_state {
    const ann_host *host; /* borrowed until close() */
    int all;              /* option quotes.all */
} qt_state;

static const char *const qt_labels[] = {"QUOTE", NULL};
static const char *const qt_needs[] = {"entities", NULL};
static const ann_option_decl qt_options[] = {
    {"all", "0", "1: also emit titles, scare quotes and nested quotations"},
    {NULL, NULL, NULL}
};

static int qt_open(const ann_host *host, ann_open_ctx *ctx, void **state)
{
    const char *all = host->option(ctx, "all");
    int v = 0;
    if (all && strcmp(all, "1") == 0)
        v = 1;
    else if (all && strcmp(all, "0") != 0 && all[0] != '\0') {
        host->open_error(ctx, "option all must be 0 or 1, not \"%s\"", all);
        return ANN_EINVAL;
    }
    qt_state *s = malloc(sizeof *s);
    if (!s) {
        host->open_error(ctx, "out of memory");
        return ANN_ENOMEM;
    }
    s->host = host;
    s->all = v;
    *state = s;
    return ANN_OK;
}

static void qt_close(void *state)
{
    free(state);
}

static const char *const qt_kind_names[] = {"", "direct", "partial", "title", "scare"};

/* Emits quotation q; returns the host's status. */
static int qt_emit(const qt_state *st, ann_doc *doc, const qt_doc *d, const qt_quote *q)
{
    ann_attr attrs[3];
    ann_link link;
    size_t na = 0;
    int has_speaker = 0;
    char speaker[256], cue[32];
    attrs[na].key = "kind";
    attrs[na++].value = qt_kind_names[q->kind];
    size_t sl = q->spk_end - q->spk_start;
    if (q->spk_end > q->spk_start && sl < sizeof speaker) {
        memcpy(speaker, d->text + q->spk_start, sl);
        speaker[sl] = '\0';
        attrs[na].key = "speaker";
        attrs[na++].value = speaker;
        has_speaker = 1;
    }
    size_t cl = q->cue_end - q->cue_start;
    if (q->cue_end > q->cue_start && cl < sizeof cue) {
        for (size_t i = 0; i < cl; i++)
            cue[i] = qt_lower(d->text[q->cue_start + i]);
        cue[cl] = '\0';
        attrs[na].key = "cue";
        attrs[na++].value = cue;
    }
    ann_new_span ns = {q->start, q->end, "QUOTE", attrs, na, NULL, 0};
    if (q->spk_link != UINT32_MAX && has_speaker) {
        link.role = "speaker";
        link.target = q->spk_link;
        ns.links = &link;
        ns.n_links = 1;
    }
    return st->host->emit(doc, &ns, NULL);
}

static int qt_annotate(void *state, ann_doc *doc)
{
    const qt_state *st = state;
    const ann_host *h = st->host;
    qt_doc d;
    memset(&d, 0, sizeof d);
    d.text = h->text(doc, &d.len);
    d.paras = h->paragraphs(doc, &d.n_paras);
    ann_region whole = {0, (uint32_t)d.len, 0, 0};
    if (d.n_paras == 0 && d.len > 0) { /* no paragraphs given: one block */
        d.paras = &whole;
        d.n_paras = 1;
    }
    d.ents = h->spans(doc, "entities", &d.n_ents);
    if (qt_find_quotes(&d) != ANN_OK) {
        qt_doc_free(&d);
        h->doc_error(doc, "out of memory");
        return ANN_ENOMEM;
    }
    qt_attribute(&d);
    qt_classify(&d);
    for (size_t i = 0; i < d.n_quotes; i++) {
        const qt_quote *q = &d.quotes[i];
        if (!st->all && (q->depth > 0 || q->kind == QT_KIND_TITLE || q->kind == QT_KIND_SCARE))
            continue;
        /* a refused span is reported by the host; go on with the others */
        (void)qt_emit(st, doc, &d, q);
    }
    qt_doc_free(&d);
    return ANN_OK;
}

static const ann_plugin qt_descriptor = {
    ANN_PLUGIN_HEADER,
    "quotes",
    "1.0.0",
    "direct quotations with their speakers",
    qt_labels,
    qt_needs,
    qt_options,
    qt_open,
    qt_annotate,
    qt_close,
    NULL, /* annotate_v2: still the ABI 1 entry point */
    NULL,
};

ANN_PLUGIN_ENTRY(quotes)
{
    return &qt_descriptor;
}
