/*
 * quotes.c -- the quotes plugin: direct quotations and their speakers.
 *
 * Label QUOTE, the span including its quotation marks, with attributes
 *   kind     direct | partial (default output); title | scare and nested
 *            quotations only with -O quotes.all=1
 *   speaker  the speaker's fullest name in the document (de Meo -> Luca de Meo;
 *            in a story the character as named, its title kept: Mrs. Moore),
 *            "narrator" or the narrator's name for "I said", left out when no
 *            speaker can be named
 *   cue      the cue verb (said, told, added ...), when there is one
 *   addressee the person a vocative inside the quotation calls (“Do not go,
 *            Jane.”), when it is not the speaker
 * and a link "speaker" to the entities layer's PER span of the cue mention
 * (when the speaker came from such a span).
 *
 * This file is only the glue; the work is done by the modules listed in
 * qt.h.  Reentrant: the state is read-only after open(), and annotate() keeps
 * its data on the stack and in the document's scratch memory.
 */
#include <annotate/plugin.h>

#include <stdlib.h>
#include <string.h>

#include "qt.h"

typedef struct qt_state {
    int all; /* option quotes.all */
} qt_state;

static const char *const qt_labels[] = {"QUOTE", NULL};
static const char *const qt_needs[] = {"entities", NULL};
static const ann_option_decl qt_options[] = {
    {"all", "0", "1: also emit titles, scare quotes and nested quotations"}, {NULL, NULL, NULL}};

static int qt_open(const ann_host *host, ann_open_ctx *ctx, void **state)
{
    if (!(ANN_HOST_HAS(host, decode) && ANN_HOST_HAS(host, decode_prev) &&
          ANN_HOST_HAS(host, char_class) && ANN_HOST_HAS(host, fold_text) &&
          ANN_HOST_HAS(host, scratch_grow) && ANN_HOST_HAS(host, emit_v2) &&
          ANN_HOST_HAS(host, paragraphs_v2))) {
        host->open_error(
            ctx, "needs a host of ABI 2 (text services, scratch_grow, emit_v2, paragraphs_v2)");
        return ANN_ERROR;
    }
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
    s->all = v;
    *state = s;
    return ANN_OK;
}

static void qt_close(void *state)
{
    free(state);
}

static const char *const qt_kind_names[] = {"", "direct", "partial", "title", "scare"};

/* Emits quotation q; returns the host's status (ANN_ENOMEM also when the
 * attribute values find no scratch memory). */
/* narr: the narrator's name in the text (a == b: none known), and its
 * surname (sa == sb: none). */
typedef struct qt_narr {
    uint32_t a, b, sa, sb;
} qt_narr;

/* Copies n bytes of src to dst with each run of white space as one space
 * (a name wrapped over two lines: Mrs.⏎Callendar); returns the bytes
 * written (at most n). */
static size_t qt_copy_name(char *dst, const char *src, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        char c = src[i];
        int space = c == ' ' || c == '\n' || c == '\r' || c == '\t';
        if (space && k > 0 && dst[k - 1] == ' ')
            continue;
        dst[k++] = space ? ' ' : c;
    }
    return k;
}

static int qt_emit(const ann_host *h, ann_doc *doc, const qt_doc *d, const qt_quote *q,
                   const qt_narr *narr)
{
    ann_attr attrs[4];
    ann_link link;
    size_t na = 0;
    int has_speaker = 0;
    attrs[na].key = "kind";
    attrs[na++].value = qt_kind_names[q->kind];
    if (q->spk_end > q->spk_start) {
        uint32_t sa = q->spk_start, sb = q->spk_end;
        const char *from = d->text.s;
        size_t rest = 0;            /* the narrator's surname, after a space */
        if (qt_is_narrator(d, q)) { /* "I said": the narrator */
            sa = narr->a;
            sb = narr->b;
            rest = narr->sb > narr->sa ? narr->sb - narr->sa + 1 : 0;
            if (sb == sa) {
                from = "narrator";
                sa = 0;
                sb = 8;
            }
        } else if (narr->sb > narr->sa && sb - sa == narr->b - narr->a &&
                   memcmp(d->text.s + sa, d->text.s + narr->a, sb - sa) == 0) {
            /* the others' name for the narrator (Jake, by a vocative or a
             * turn) is the narrator, named in full as for "I said" */
            rest = narr->sb - narr->sa + 1;
        }
        size_t sl = sb - sa;
        char *speaker = h->scratch(doc, sl + rest + 1); /* zeroed: NUL-terminated */
        if (!speaker)
            return ANN_ENOMEM;
        sl = qt_copy_name(speaker, from + sa, sl);
        if (rest) {
            speaker[sl] = ' ';
            qt_copy_name(speaker + sl + 1, d->text.s + narr->sa, rest - 1);
        }
        attrs[na].key = "speaker";
        attrs[na++].value = speaker;
        has_speaker = 1;
    }
    if (q->cue_end > q->cue_start) {
        /* (the cue verb in lower case: Added X -> added) */
        char *cue = h->fold_text(doc, d->text.s + q->cue_start, q->cue_end - q->cue_start, NULL);
        if (!cue)
            return ANN_ENOMEM;
        attrs[na].key = "cue";
        attrs[na++].value = cue;
    }
    uint32_t va, vb, vl;
    if (q->depth == 0 && qt_vocative(d, q, &va, &vb, &vl) &&
        !(q->spk_end - q->spk_start == vb - va &&
          memcmp(d->text.s + q->spk_start, d->text.s + va, vb - va) == 0)) {
        /* “Do not go, Jane.”: the person called is the addressee */
        char *to = h->scratch(doc, vb - va + 1); /* zeroed: NUL-terminated */
        if (!to)
            return ANN_ENOMEM;
        qt_copy_name(to, d->text.s + va, vb - va);
        attrs[na].key = "addressee";
        attrs[na++].value = to;
    }
    ann_new_span_v2 ns = ANN_NEW_SPAN_V2_INIT;
    ns.start = q->start;
    ns.end = q->end;
    ns.label = "QUOTE";
    ns.attrs = attrs;
    ns.n_attrs = na;
    if (q->spk_link != UINT32_MAX && has_speaker) {
        link.role = "speaker";
        link.target = q->spk_link;
        ns.links = &link;
        ns.n_links = 1;
    }
    return h->emit_v2(doc, &ns, NULL);
}

int qt_doc_open(qt_doc *d, const ann_host *h, ann_doc *doc)
{
    memset(d, 0, sizeof *d);
    d->text.host = h;
    d->text.s = h->text(doc, &d->text.len);
    d->doc = doc;
    d->paras = h->paragraphs_v2(doc, sizeof *d->paras, &d->n_paras);
    if (d->n_paras == 0 && d->text.len > 0) { /* no paragraphs given: one block */
        ann_region_v2 *whole = h->scratch(doc, sizeof *whole);
        if (!whole)
            return ANN_ENOMEM;
        *whole = (ann_region_v2){(uint32_t)sizeof *whole, 0, (uint32_t)d->text.len, 0, 0};
        d->paras = whole;
        d->n_paras = 1;
    }
    d->ents = h->spans(doc, "entities", &d->n_ents);
    if (qt_find_quotes(d) != ANN_OK)
        return ANN_ENOMEM;
    d->story = qt_is_dialogue(d);
    d->wrapped = qt_is_wrapped(d);
    if (qt_genders_build(d) != ANN_OK || qt_memo_build(d) != ANN_OK ||
        qt_names_build(d) != ANN_OK ||
        qt_spoken_build(d) != ANN_OK || (d->story && qt_roles_build(d) != ANN_OK))
        return ANN_ENOMEM;
    return ANN_OK;
}

static int qt_annotate(const ann_host *h, void *state, ann_doc *doc)
{
    const qt_state *st = state;
    qt_doc d;
    if (qt_doc_open(&d, h, doc) != ANN_OK) {
        h->doc_error(doc, "out of memory");
        return ANN_ENOMEM;
    }
    qt_attribute(&d);
    qt_turns(&d);
    qt_turns_back(&d);
    qt_convo(&d);
    qt_classify(&d);
    qt_narr narr = {0, 0, 0, 0};
    if (!qt_narrator_name(&d, &narr.a, &narr.b, &narr.sa, &narr.sb))
        memset(&narr, 0, sizeof narr);
    for (size_t i = 0; i < d.n_quotes; i++) {
        const qt_quote *q = &d.quotes[i];
        if (!st->all && (q->depth > 0 || q->kind == QT_KIND_TITLE || q->kind == QT_KIND_SCARE))
            continue;
        /* a refused span (ANN_EINVAL) is reported by the host: go on with
         * the others; out of memory fails the document */
        if (qt_emit(h, doc, &d, q, &narr) == ANN_ENOMEM)
            return ANN_ENOMEM;
    }
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
    NULL, /* annotate: ABI 1 only */
    qt_close,
    qt_annotate,
    NULL, /* subsumes: no other layer */
};

ANN_PLUGIN_ENTRY(quotes)
{
    return &qt_descriptor;
}
