#include "run/doc.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
    if (!d->label_seen || ann_store_init(&d->store, &d->arena, set->n) != ANN_OK) {
        ann_doc_free(d);
        return ANN_ENOMEM;
    }
    return ANN_OK;
}

void ann_doc_free(ann_doc *d)
{
    ann_store_free(&d->store);
    ann_arena_free(&d->arena);
    free(d->meta);
    free(d->label_seen);
    free(d->label_base);
    memset(d, 0, sizeof *d);
}

void ann_doc_begin(ann_doc *d, const char *path, const ann_textdoc *td, const ann_tokenized *tok,
                   const char *reference_date)
{
    d->path = path;
    d->td = td;
    d->tok = tok;
    d->reference_date = reference_date;
    d->n_meta = 0;
    d->refused = 0;
    d->error[0] = '\0';
    d->current = 0;
}

void ann_doc_end(ann_doc *d)
{
    ann_store_reset(&d->store);
    ann_arena_reset(&d->arena);
    d->n_meta = 0;
    d->path = NULL;
    d->td = NULL;
    d->tok = NULL;
}

/* One diagnostic line, written with a single call so lines of different
 * workers never mix. */
static void say(ann_doc *d, const char *fmt, ...) ANN_PRINTF(2, 3);
static void say(ann_doc *d, const char *fmt, ...)
{
    char line[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    if (d->log) {
        ann_buf_puts(d->log, line);
        ann_buf_putc(d->log, '\n');
    } else {
        fprintf(stderr, "%s\n", line);
    }
}

static const ann_loaded_plugin *current(const ann_doc *d)
{
    return &d->plugins->items[d->current];
}

int ann_doc_run_plugin(ann_doc *d, size_t i)
{
    d->current = i;
    d->error[0] = '\0';
    const ann_loaded_plugin *p = &d->plugins->items[i];
    int rc = p->desc->annotate(p->state, d);
    if (rc != ANN_OK && !d->error[0])
        snprintf(d->error, sizeof d->error, "failed with status %d and no message", rc);
    return rc;
}

/* ---- the ann_host members used during annotate() ------------------------ */

static const char *host_text(ann_doc *d, size_t *len)
{
    if (len)
        *len = d->td->view_len;
    return d->td->view;
}

static const char *host_path(ann_doc *d)
{
    return d->path;
}

static const ann_token *host_tokens(ann_doc *d, size_t *n)
{
    if (n)
        *n = d->tok ? d->tok->n_tokens : 0;
    return d->tok ? d->tok->tokens : NULL;
}

static const ann_region *host_sentences(ann_doc *d, size_t *n)
{
    if (n)
        *n = d->tok ? d->tok->n_sentences : 0;
    return d->tok ? d->tok->sentences : NULL;
}

static const ann_region *host_paragraphs(ann_doc *d, size_t *n)
{
    if (n)
        *n = d->tok ? d->tok->n_paragraphs : 0;
    return d->tok ? d->tok->paragraphs : NULL;
}

static const ann_span *host_spans(ann_doc *d, const char *layer, size_t *n)
{
    if (n)
        *n = 0;
    if (!layer)
        return NULL;
    const ann_loaded_plugin *self = current(d);
    /* Only the plugin's own layer and the layers it declared in needs: those
     * are guaranteed to have run, so the answer does not depend on the order
     * of unrelated plugins. */
    int allowed = strcmp(layer, self->name) == 0;
    for (size_t k = 0; !allowed && self->desc->needs && self->desc->needs[k]; k++)
        allowed = strcmp(self->desc->needs[k], layer) == 0;
    if (!allowed)
        return NULL;
    for (size_t i = 0; i < d->plugins->n; i++)
        if (strcmp(d->plugins->items[i].name, layer) == 0)
            return ann_store_layer(&d->store, i, n);
    return NULL;
}

static int host_emit(ann_doc *d, const ann_new_span *span, uint32_t *id)
{
    const ann_loaded_plugin *p = current(d);
    char why[256];
    const char *label = ann_span_check(d->td->view, d->td->view_len, p->desc, &d->store, span,
                                       why, sizeof why);
    if (!label) {
        d->refused++;
        if (span)
            say(d, "annotate: %s: %s: span [%u,%u) %s: %s", p->name, d->path, (unsigned)span->start,
                (unsigned)span->end, span->label ? span->label : "(null)", why);
        else
            say(d, "annotate: %s: %s: %s", p->name, d->path, why);
        return ANN_EINVAL;
    }
    int rc = ann_store_add(&d->store, d->current, p->name, label, span, id);
    if (rc != ANN_OK)
        return rc;
    size_t k = 0;
    while (p->desc->labels[k] != label)
        k++;
    d->label_seen[d->label_base[d->current] + k] = 1;
    return ANN_OK;
}

static void *host_scratch(ann_doc *d, size_t size)
{
    return ann_arena_alloc(&d->arena, size);
}

static int host_set_meta(ann_doc *d, const char *key, const char *value)
{
    if (!key || !key[0] || !value)
        return ANN_EINVAL;
    char *k = ann_arena_strdup(&d->arena, key);
    char *v = ann_arena_strdup(&d->arena, value);
    if (!k || !v)
        return ANN_ENOMEM;
    for (size_t i = 0; i < d->n_meta; i++) {
        if (strcmp(d->meta[i].key, key) == 0) {
            d->meta[i].value = v; /* the last word counts */
            return ANN_OK;
        }
    }
    ann_attr *m = ann_grow(d->meta, d->n_meta, &d->cap_meta, sizeof *m, 8);
    if (!m)
        return ANN_ENOMEM;
    d->meta = m;
    d->meta[d->n_meta].key = k;
    d->meta[d->n_meta].value = v;
    d->n_meta++;
    return ANN_OK;
}

static const char *host_reference_date(ann_doc *d)
{
    return d->reference_date;
}

static void host_doc_error(ann_doc *d, const char *fmt, ...) ANN_PRINTF(2, 3);
static void host_doc_error(ann_doc *d, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(d->error, sizeof d->error, fmt, ap);
    va_end(ap);
}

static void host_doc_warn(ann_doc *d, const char *fmt, ...) ANN_PRINTF(2, 3);
static void host_doc_warn(ann_doc *d, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    say(d, "annotate: %s: %s: warning: %s", current(d)->name, d->path, msg);
}

const ann_host ann_host_table = {
    ANN_ABI_VERSION,
    (uint32_t)sizeof(ann_host),
    ann_open_option,
    ann_open_data_dir,
    ann_open_error,
    host_text,
    host_path,
    host_tokens,
    host_sentences,
    host_paragraphs,
    host_spans,
    host_emit,
    host_scratch,
    host_set_meta,
    host_reference_date,
    host_doc_error,
    host_doc_warn,
};

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
    int rc = ann_merge(items, total, policy, a, &n);
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
    out->spans = spans;
    out->n_spans = n;

    /* The reference date of the run goes first; a plugin's own set_meta of
     * the same key (its resolved anchor) overrides it. */
    size_t n_meta = d->n_meta + (d->reference_date != NULL);
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
    for (size_t i = 0; i < d->n_meta; i++)
        meta[m++] = d->meta[i];
    out->meta = meta;
    out->n_meta = m;

    ann_out_plugin *pl = ann_arena_alloc(a, (d->plugins->n + 1) * sizeof *pl);
    if (!pl)
        return ANN_ENOMEM;
    for (size_t i = 0; i < d->plugins->n; i++) {
        pl[i].name = d->plugins->items[i].name;
        pl[i].version = d->plugins->items[i].desc->version;
    }
    out->plugins = pl;
    out->n_plugins = d->plugins->n;

    if (d->tok && d->tok->n_tokens) {
        ann_out_token *t = ann_arena_alloc(a, d->tok->n_tokens * sizeof *t);
        if (!t)
            return ANN_ENOMEM;
        for (size_t i = 0; i < d->tok->n_tokens; i++) {
            const ann_token *s = &d->tok->tokens[i];
            t[i].start = ann_textdoc_to_orig(td, s->start, 0);
            t[i].end = ann_textdoc_to_orig(td, s->end, 1);
            t[i].kind = s->kind;
            t[i].flags = s->flags;
            t[i].sentence = s->sentence;
        }
        out->tokens = t;
        out->n_tokens = d->tok->n_tokens;
    }
    return ANN_OK;
}
