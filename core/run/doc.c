#include "run/doc.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "read/syntax.h"
#include "spans/validate.h"
#include "util/sha256.h"
#include "util/grow.h"

int ann_doc_init(ann_doc *d, const ann_plugin_set *set)
{
    memset(d, 0, sizeof *d);
    d->plugins = set;
    d->label_base = calloc(set->n + 1, sizeof *d->label_base);
    if (!d->label_base)
        return ANN_ENOMEM;
    for (size_t i = 0; i < set->n; i++)
        d->label_base[i + 1] = d->label_base[i] + set->items[i].n_labels;
    d->label_seen = calloc(d->label_base[set->n] + 1, 1);
    /* subsumes[c * n + x]: plugin c's spans take plugin x's inside them. */
    d->subsumes = calloc(set->n * set->n + 1, 1);
    for (size_t c = 0; d->subsumes && c < set->n; c++) {
        const char *const *names = set->items[c].desc->subsumes;
        for (size_t k = 0; names && names[k]; k++)
            for (size_t x = 0; x < set->n; x++)
                if (x != c && strcmp(set->items[x].name, names[k]) == 0)
                    d->subsumes[c * set->n + x] = 1;
    }
    if (!d->label_seen || !d->subsumes || ann_store_init(&d->store, &d->arena, set->n) != ANN_OK) {
        ann_doc_free(d);
        return ANN_ENOMEM;
    }
    return ANN_OK;
}

void ann_doc_free(ann_doc *d)
{
    ann_store_free(&d->store);
    ann_arena_free(&d->arena);
    ann_syntax_free(d->syntax);
    free(d->meta);
    free(d->label_seen);
    free(d->label_base);
    free(d->subsumes);
    memset(d, 0, sizeof *d);
}

void ann_doc_begin(ann_doc *d, const char *path, const ann_textdoc *td, ann_tokenized *tok,
                   const char *reference_date)
{
    d->path = path;
    d->td = td;
    d->tok = tok;
    d->reference_date = reference_date;
    d->reference_date_source = NULL;
    d->n_meta = 0;
    d->refused = 0;
    d->error[0] = '\0';
    d->emit_failed = 0;
    d->current = 0;
    d->tokens_v2 = NULL;
    d->tokens_v1 = NULL;
    d->v1_lent = 0;
    d->sentences_v2 = d->paragraphs_v2 = NULL;
    d->syntax = NULL;
}

const ann_token *ann_doc_tokens_v1(ann_doc *d, size_t *n)
{
    *n = 0;
    if (!d->tok || !d->tok->n_tokens)
        return NULL;
    if (d->tok->tokens) {
        *n = d->tok->n_tokens;
        return d->tok->tokens;
    }
    if (!d->tokens_v1 && d->tokens_v2) {
        ann_token *t = ann_arena_alloc(&d->arena, d->tok->n_tokens * sizeof *t);
        if (!t)
            return NULL;
        for (size_t i = 0; i < d->tok->n_tokens; i++) {
            const ann_token_v2 *s = &d->tokens_v2[i];
            t[i] = (ann_token){s->start, s->end, s->kind, s->flags, s->sentence};
        }
        d->tokens_v1 = t;
    }
    if (d->tokens_v1)
        *n = d->tok->n_tokens;
    return d->tokens_v1;
}

void ann_doc_end(ann_doc *d)
{
    ann_syntax_free(d->syntax);
    d->syntax = NULL;
    ann_syntax_drop_kept(d->parsers); /* the reader's, when no plugin took them */
    ann_store_reset(&d->store);
    ann_arena_reset(&d->arena);
    d->n_meta = 0;
    d->tokens_v2 = NULL;
    d->tokens_v1 = NULL;
    d->sentences_v2 = d->paragraphs_v2 = NULL;
    d->path = NULL;
    d->td = NULL;
    d->tok = NULL;
}

int ann_doc_run_plugin(ann_doc *d, size_t i)
{
    d->current = i;
    d->error[0] = '\0';
    const ann_loaded_plugin *p = &d->plugins->items[i];
    /* A version 1 plugin has no annotate_v2 (the loader zeroed it). */
    d->v1_lent = 0;
    int rc = p->desc->annotate_v2 ? p->desc->annotate_v2(d->plugins->host, p->state, d)
                                  : p->desc->annotate(p->state, d);
    if (d->v1_lent && d->tokens_v2) {
        /* The plugin had both views; now the ABI 2 one is enough. */
        free(d->tok->tokens);
        d->tok->tokens = NULL;
    }
    d->v1_lent = 0;
    if (d->emit_failed) {
        /* Whatever the plugin answered, a span it emitted was lost. */
        snprintf(d->error, sizeof d->error, "out of memory: the host could not store its spans");
        rc = d->emit_failed;
        d->emit_failed = 0;
    } else if (rc != ANN_OK && !d->error[0]) {
        snprintf(d->error, sizeof d->error, "failed with status %d and no message", rc);
    }
    return rc;
}

/* ---- from spans to the result ------------------------------------------- */

int ann_doc_result(ann_doc *d, ann_merge_policy policy, ann_result *out)
{
    memset(out, 0, sizeof *out);
    const ann_textdoc *td = d->td;
    ann_arena *a = &d->arena;
    size_t total = ann_store_count(&d->store);

    ann_merge_item *items = total ? malloc(total * sizeof *items) : NULL;
    if (total && !items)
        return ANN_ENOMEM;
    size_t k = 0;
    for (size_t l = 0; l < d->store.n_layers; l++) {
        const ann_layer_spans *L = &d->store.layers[l];
        for (size_t i = 0; i < L->n; i++) {
            const ann_span *s = &L->v[i];
            ann_merge_item *it = &items[k++];
            memset(it, 0, sizeof *it);
            it->rank = l;
            it->span.id = s->id;
            it->span.start = ann_textdoc_to_orig(td, s->start, 0);
            it->span.end = ann_textdoc_to_orig(td, s->end, 1);
            it->span.layer = s->layer;
            it->span.label = s->label;
            it->span.attrs = s->attrs;
            it->span.n_attrs = s->n_attrs;
            it->span.links = s->links;
            it->span.n_links = s->n_links;
        }
    }
    size_t n = 0;
    ann_merge_rules rules = {d->plugins->n, d->subsumes};
    int rc = ann_merge(items, total, policy, &rules, a, &n);
    ann_out_span *spans = n ? ann_arena_alloc(a, n * sizeof *spans) : NULL;
    if (rc == ANN_OK && n && !spans)
        rc = ANN_ENOMEM;
    for (size_t i = 0; rc == ANN_OK && i < n; i++)
        spans[i] = items[i].span;
    free(items);
    if (rc != ANN_OK)
        return rc;

    out->path = d->path;
    out->bytes = td->bytes;
    out->size = td->size;
    ann_sha256_hex(td->bytes, td->size, out->sha256);
    out->reader = td->reader;
    out->source = td;
    out->spans = spans;
    out->n_spans = n;

    /* The reference date of the run goes first; a plugin's own set_meta of
     * the same key (its resolved anchor) overrides it. */
    size_t n_meta = d->n_meta + 2 * (d->reference_date != NULL);
    ann_attr *meta = n_meta ? ann_arena_alloc(a, n_meta * sizeof *meta) : NULL;
    if (n_meta && !meta)
        return ANN_ENOMEM;
    size_t m = 0;
    int plugin_has_date = 0;
    for (size_t i = 0; i < d->n_meta; i++)
        plugin_has_date |= strcmp(d->meta[i].key, "reference_date") == 0;
    if (d->reference_date && !plugin_has_date) {
        meta[m].key = "reference_date";
        meta[m].value = d->reference_date;
        m++;
    }
    int have_source = 0;
    for (size_t i = 0; i < d->n_meta; i++) {
        meta[m] = d->meta[i];
        /* A plugin calls the date the host gave it "option"; the host knows
         * better when it took the date from the document itself. */
        if (d->reference_date_source && strcmp(meta[m].key, "reference_date_source") == 0) {
            meta[m].value = d->reference_date_source;
            have_source = 1;
        }
        m++;
    }
    if (d->reference_date && d->reference_date_source && !have_source) {
        meta[m].key = "reference_date_source";
        meta[m].value = d->reference_date_source;
        m++;
    }
    out->meta = meta;
    out->n_meta = m;

    ann_out_plugin *pl = ann_arena_alloc(a, (d->plugins->n + 1) * sizeof *pl);
    if (!pl)
        return ANN_ENOMEM;
    for (size_t i = 0; i < d->plugins->n; i++) {
        const ann_loaded_plugin *lp = &d->plugins->items[i];
        pl[i].name = lp->name;
        pl[i].version = lp->desc->version;
        pl[i].plugin = strcmp(lp->name, lp->desc->name) != 0 ? lp->desc->name : NULL;
    }
    out->plugins = pl;
    out->n_plugins = d->plugins->n;

    size_t n_tok = 0;
    const ann_token *tokens = d->skip_tokens ? NULL : ann_doc_tokens_v1(d, &n_tok);
    if (!d->skip_tokens && d->tok && d->tok->n_tokens && !tokens)
        return ANN_ENOMEM;
    if (n_tok) {
        ann_out_token *t = ann_arena_alloc(a, n_tok * sizeof *t);
        if (!t)
            return ANN_ENOMEM;
        for (size_t i = 0; i < n_tok; i++) {
            const ann_token *s = &tokens[i];
            t[i].start = ann_textdoc_to_orig(td, s->start, 0);
            t[i].end = ann_textdoc_to_orig(td, s->end, 1);
            t[i].kind = s->kind;
            t[i].flags = s->flags;
            t[i].sentence = s->sentence;
        }
        out->tokens = t;
        out->n_tokens = n_tok;
    }
    return ANN_OK;
}
