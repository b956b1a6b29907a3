/*
 * host.c -- the function table every plugin reaches the host through
 * (ann_host, annotate/plugin.h): the open-time members, the per-document
 * members backed by the worker's ann_doc, and the text services of ABI 2.
 * One home for the whole table, so what a plugin may call is read in one
 * place.
 */
#include "run/host.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "read/syntax.h"
#include "run/doc.h"
#include "run/once.h"
#include "spans/validate.h"
#include "text/unicode.h"
#include "util/grow.h"
#include "util/utf8.h"

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
    size_t count;
    const ann_token *t = ann_doc_tokens_v1(d, &count);
    if (t && t == d->tok->tokens)
        d->v1_lent = 1;
    if (!t && d->tok && d->tok->n_tokens)
        d->emit_failed = ANN_ENOMEM;
    if (n)
        *n = count;
    return t;
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
    if (!allowed) {
        /* Recorded for one warning at the end of the run (run/run.c):
         * otherwise the plugin gets 0 spans and no word why. */
        if (d->undeclared && !d->undeclared[d->current]) {
            d->undeclared[d->current] = UINT32_MAX;
            for (size_t i = 0; i < d->plugins->n; i++)
                if (strcmp(d->plugins->items[i].name, layer) == 0)
                    d->undeclared[d->current] = (uint32_t)i + 1;
        }
        return NULL;
    }
    for (size_t i = 0; i < d->plugins->n; i++)
        if (strcmp(d->plugins->items[i].name, layer) == 0)
            return ann_store_layer(&d->store, i, n);
    return NULL;
}

/* The checks and the store behind emit() and emit_v2(). */
static int emit_common(ann_doc *d, const ann_new_span *span, uint32_t *id)
{
    const ann_loaded_plugin *p = current(d);
    char why[256];
    const char *label =
        ann_span_check(d->td->view, d->td->view_len, p->desc, &d->store, span, why, sizeof why);
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
    if (rc != ANN_OK) {
        /* A span the host could not keep would be missing from the output
         * without a word: the document fails whatever the plugin does next. */
        d->emit_failed = rc;
        return rc;
    }
    size_t k = 0;
    while (p->desc->labels[k] != label)
        k++;
    d->label_seen[d->label_base[d->current] + k] = 1;
    return ANN_OK;
}

static int host_emit(ann_doc *d, const ann_new_span *span, uint32_t *id)
{
    return emit_common(d, span, id);
}

static int host_emit_v2(ann_doc *d, const ann_new_span_v2 *span, uint32_t *id)
{
    if (span && span->size < offsetof(ann_new_span_v2, n_links) + sizeof span->n_links) {
        d->refused++;
        say(d, "annotate: %s: %s: span struct of %u bytes is smaller than ABI 2's",
            current(d)->name, d->path, (unsigned)span->size);
        return ANN_EINVAL;
    }
    if (!span)
        return emit_common(d, NULL, id);
    ann_new_span s1 = {span->start,   span->end,   span->label,  span->attrs,
                       span->n_attrs, span->links, span->n_links};
    return emit_common(d, &s1, id);
}

static void *host_scratch(ann_doc *d, size_t size)
{
    return ann_arena_alloc(&d->arena, size);
}

static void *host_scratch_grow(ann_doc *d, void *ptr, size_t old_size, size_t new_size)
{
    return ann_arena_grow(&d->arena, ptr, old_size, new_size);
}

static char *host_fold_text(ann_doc *d, const char *s, size_t len, size_t *out_len)
{
    if (out_len)
        *out_len = 0;
    if (!s || len > (SIZE_MAX - 1) / 3)
        return NULL;
    char *out = ann_arena_alloc(&d->arena, 3 * len + 1);
    if (!out)
        return NULL;
    size_t n = ann_unicode_fold_text(s, len, out);
    /* Most text folds to its own length: give the rest back. */
    out = ann_arena_grow(&d->arena, out, 3 * len + 1, n + 1);
    if (out_len)
        *out_len = n;
    return out;
}

/* The ABI 2 views of the tokens and regions are built once per document on
 * first use, in the arena; the tokenizer keeps its ABI 1 regions, but its
 * token array is given up for the ABI 2 one (see doc.h). */
static const ann_token_v2 *host_tokens_v2(ann_doc *d, size_t elem_size, size_t *n)
{
    if (n)
        *n = 0;
    if (elem_size != sizeof(ann_token_v2) || !d->tok)
        return NULL;
    if (!d->tokens_v2 && d->tok->n_tokens) {
        const ann_tokenized *t = d->tok;
        ann_token_v2 *v = ann_arena_alloc(&d->arena, t->n_tokens * sizeof *v);
        if (!v) {
            d->emit_failed = ANN_ENOMEM;
            return NULL;
        }
        size_t para = 0;
        /* The tokenizer's array is still there: v2 is built first and
         * tokens_v1 only ever from v2. */
        for (size_t i = 0; i < t->n_tokens; i++) {
            while (para + 1 < t->n_paragraphs && t->paragraphs[para].tok_end <= i)
                para++;
            v[i].size = (uint32_t)sizeof *v;
            v[i].start = t->tokens[i].start;
            v[i].end = t->tokens[i].end;
            v[i].kind = t->tokens[i].kind;
            v[i].flags = t->tokens[i].flags;
            v[i].sentence = t->tokens[i].sentence;
            v[i].paragraph = (uint32_t)para;
        }
        d->tokens_v2 = v;
        if (!d->v1_lent) {
            free(d->tok->tokens);
            d->tok->tokens = NULL;
        }
    }
    if (n)
        *n = d->tokens_v2 ? d->tok->n_tokens : 0;
    return d->tokens_v2;
}

/* sentences_v2 and paragraphs_v2: the ABI 1 regions r[0..count) in the
 * ABI 2 layout, built once per document into *cache. */
static const ann_region_v2 *regions_v2(ann_doc *d, size_t elem_size, const ann_region *r,
                                       size_t count, ann_region_v2 **cache, size_t *n)
{
    if (n)
        *n = 0;
    if (elem_size != sizeof(ann_region_v2) || !d->tok)
        return NULL;
    if (!*cache && count) {
        ann_region_v2 *v = ann_arena_alloc(&d->arena, count * sizeof *v);
        if (!v) {
            d->emit_failed = ANN_ENOMEM;
            return NULL;
        }
        for (size_t i = 0; i < count; i++) {
            v[i].size = (uint32_t)sizeof *v;
            v[i].start = r[i].start;
            v[i].end = r[i].end;
            v[i].tok_begin = r[i].tok_begin;
            v[i].tok_end = r[i].tok_end;
        }
        *cache = v;
    }
    if (n && *cache)
        *n = count;
    return *cache;
}

static const ann_region_v2 *host_sentences_v2(ann_doc *d, size_t elem_size, size_t *n)
{
    const ann_tokenized *t = d->tok;
    return regions_v2(d, elem_size, t ? t->sentences : NULL, t ? t->n_sentences : 0,
                      &d->sentences_v2, n);
}

static const ann_region_v2 *host_paragraphs_v2(ann_doc *d, size_t elem_size, size_t *n)
{
    const ann_tokenized *t = d->tok;
    return regions_v2(d, elem_size, t ? t->paragraphs : NULL, t ? t->n_paragraphs : 0,
                      &d->paragraphs_v2, n);
}

static int host_set_meta(ann_doc *d, const char *key, const char *value)
{
    if (!key || !key[0] || !value)
        return ANN_EINVAL;
    /* The writers would have to mend bad bytes into U+FFFD: the output
     * would differ from what the plugin meant without a word.  Refuse. */
    size_t klen = strlen(key), vlen = strlen(value);
    size_t kbad = ann_utf8_check((const unsigned char *)key, klen);
    size_t vbad = ann_utf8_check((const unsigned char *)value, vlen);
    if (kbad < klen || vbad < vlen) {
        d->refused++;
        say(d, "annotate: %s: %s: set_meta refused: the %s is not valid UTF-8 at byte %zu",
            current(d)->name, d->path, kbad < klen ? "key" : "value", kbad < klen ? kbad : vbad);
        return ANN_EINVAL;
    }
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

static void host_run_note(ann_doc *d, const char *fmt, ...) ANN_PRINTF(2, 3);
static void host_run_note(ann_doc *d, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    /* Keyed by the plugin's name too: two layers may say the same words. */
    if (ann_once_first(d->once, current(d)->name, msg))
        say(d, "annotate: %s: note: %s", current(d)->name, msg);
}

/* ABI 4: the trees are parsed on the first ask of the document
 * (read/syntax.h), so runs without a plugin that reads them pay nothing. */
static const ann_syntax_tree *host_syntax_trees(ann_doc *d, size_t elem_size, size_t *n)
{
    if (n)
        *n = 0;
    if (elem_size != sizeof(ann_syntax_tree) || !d->td)
        return NULL;
    if (!d->syntax) {
        if (d->parsers)
            ann_parsers_keep_trees(d->parsers); /* from the next document on */
        int rc = ann_syntax_parse(d->parsers, d->td, &d->syntax);
        if (rc == ANN_ENOMEM) {
            d->emit_failed = ANN_ENOMEM;
            return NULL;
        }
        if (rc != ANN_OK) {
            say(d, "annotate: %s: %s: warning: the syntax trees could not be parsed again",
                current(d)->name, d->path);
            return NULL;
        }
    }
    size_t count;
    const ann_syntax_tree *t = ann_syntax_trees(d->syntax, &count);
    if (n)
        *n = count;
    /* An empty set still answers non-NULL: "no trees", not "failed". */
    static const ann_syntax_tree none = {0};
    return t ? t : &none;
}

static const char *host_source(ann_doc *d, size_t *len)
{
    if (len)
        *len = d->td ? d->td->size : 0;
    return d->td ? (const char *)d->td->bytes : NULL;
}

static size_t host_source_to_text(ann_doc *d, size_t source_offset, int is_end)
{
    return d->td ? ann_textdoc_to_view(d->td, source_offset, is_end) : 0;
}

/* ---- during open() ------------------------------------------------------ */

static const char *host_option(ann_open_ctx *ctx, const char *key)
{
    ann_loaded_plugin *p = ctx->plugin;
    if (!key)
        return NULL;
    for (size_t i = 0; i < p->n_options; i++)
        if (strcmp(p->desc->options[i].key, key) == 0)
            return p->values[i] ? p->values[i] : p->desc->options[i].default_value;
    return NULL;
}

static const char *host_option_at(ann_open_ctx *ctx, const char *key, size_t i)
{
    ann_loaded_plugin *p = ctx->plugin;
    for (size_t k = 0; key && k < p->n_options; k++) {
        if (strcmp(p->desc->options[k].key, key) != 0)
            continue;
        if (p->given[k].n == 0)
            return i == 0 ? p->desc->options[k].default_value : NULL;
        return i < p->given[k].n ? p->given[k].items[i] : NULL;
    }
    return NULL;
}

static const char *host_data_dir(ann_open_ctx *ctx)
{
    return ctx->plugin->data_dir;
}

static void host_open_error(ann_open_ctx *ctx, const char *fmt, ...) ANN_PRINTF(2, 3);
static void host_open_error(ann_open_ctx *ctx, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(ctx->message, sizeof ctx->message, fmt, ap);
    va_end(ap);
}

/* ABI 3: the declarations are recorded on the plugin being opened and
 * applied by the loader once open() succeeds (load/declare.h).  A refusal
 * leaves its reason as the open() message, so a plugin that just returns
 * the code still fails with a reason. */
static int host_declare_label(ann_open_ctx *ctx, const char *label)
{
    return ann_declare_label(&ctx->plugin->declared, label, ctx->message, sizeof ctx->message);
}

static int host_declare_need(ann_open_ctx *ctx, const char *layer)
{
    return ann_declare_need(&ctx->plugin->declared, layer, ctx->message, sizeof ctx->message);
}

static int host_set_layer(ann_open_ctx *ctx, const char *layer)
{
    return ann_declare_layer(&ctx->plugin->declared, layer, ctx->message, sizeof ctx->message);
}

/* ---- text services (no document needed) ---------------------------------- */

static uint32_t host_decode(const char *s, size_t len, size_t i, size_t *n)
{
    return ann_unicode_decode(s, len, i, n);
}

static uint32_t host_decode_prev(const char *s, size_t i, size_t *n)
{
    return ann_unicode_decode_prev(s, i, n);
}

const ann_host ann_host_table = {
    ANN_ABI_VERSION,
    (uint32_t)sizeof(ann_host),
    host_option,
    host_data_dir,
    host_open_error,
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
    /* ABI 2 */
    host_decode,
    host_decode_prev,
    ann_unicode_class,
    ann_unicode_fold,
    host_fold_text,
    host_scratch_grow,
    host_emit_v2,
    host_tokens_v2,
    host_sentences_v2,
    host_paragraphs_v2,
    /* ABI 3 */
    host_declare_label,
    host_declare_need,
    host_set_layer,
    host_option_at,
    /* ABI 4 */
    ann_syntax_language,
    host_syntax_trees,
    host_source,
    host_source_to_text,
    host_run_note,
};
