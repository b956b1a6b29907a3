/*
 * mock_host.c -- the in-process host that plugin unit tests link.
 *
 * It implements the same contract as the real host (see plugin.h) with the
 * simplest data structures that do the job: tests run a handful of short
 * documents, so clarity beats speed here.
 */
#include "mock_host.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text/tokenize.h"
#include "text/unicode.h"
#include "util/fs.h"

/* Test binaries are single-threaded per test (Check forks each test), so a
 * thread-local buffer is enough to carry the last message to the test. */
static _Thread_local char mock_err[2048];

struct mock_plugin {
    const ann_plugin *desc;
    void *state;
    char **keys;   /* option keys given by the test, n_opts entries */
    char **values;
    size_t n_opts;
    char *data_dir;
    ann_host host;
};

struct ann_open_ctx {
    mock_plugin *plugin;
};

typedef struct mock_span {
    ann_span s;     /* strings and arrays below are owned by the mock */
} mock_span;

typedef struct mock_block {
    struct mock_block *next;
    max_align_t align[]; /* payload */
} mock_block;

struct mock_doc {
    char *text;
    size_t len;
    ann_tokenized tok;
    char *ref_date;
    mock_span *spans;
    size_t n_spans, cap_spans;
    uint32_t next_id;
    char **meta_keys, **meta_values;
    size_t n_meta;
    mock_block *scratch; /* freed after each run */
    mock_block *views;   /* arrays handed out by mock_doc_spans, freed with the doc */
    size_t refused;
};

struct ann_doc {
    mock_doc *doc;
    mock_plugin *plugin;
};

const char *mock_last_error(void)
{
    return mock_err;
}

static void set_err(const char *prefix, const char *fmt, va_list ap)
{
    size_t n = (size_t)snprintf(mock_err, sizeof mock_err, "%s", prefix);
    if (n < sizeof mock_err)
        vsnprintf(mock_err + n, sizeof mock_err - n, fmt, ap);
}

static char *dup_str(const char *s)
{
    if (!s)
        return NULL;
    size_t n = strlen(s) + 1;
    char *d = malloc(n);
    if (d)
        memcpy(d, s, n);
    return d;
}

static void *block_alloc(mock_block **list, size_t size)
{
    mock_block *b = calloc(1, sizeof *b + size);
    if (!b)
        return NULL;
    b->next = *list;
    *list = b;
    return b->align;
}

static void block_free_all(mock_block **list)
{
    while (*list) {
        mock_block *next = (*list)->next;
        free(*list);
        *list = next;
    }
}

/* ---- host functions: open time ------------------------------------------ */

static const char *h_option(ann_open_ctx *ctx, const char *key)
{
    mock_plugin *p = ctx->plugin;
    for (size_t i = 0; i < p->n_opts; i++)
        if (strcmp(p->keys[i], key) == 0)
            return p->values[i];
    for (const ann_option_decl *o = p->desc->options; o && o->key; o++)
        if (strcmp(o->key, key) == 0)
            return o->default_value;
    return NULL;
}

static const char *h_data_dir(ann_open_ctx *ctx)
{
    return ctx->plugin->data_dir;
}

static void h_open_error(ann_open_ctx *ctx, const char *fmt, ...)
{
    (void)ctx;
    va_list ap;
    va_start(ap, fmt);
    set_err("open: ", fmt, ap);
    va_end(ap);
}

/* ---- host functions: document time -------------------------------------- */

static const char *h_text(ann_doc *d, size_t *len)
{
    if (len)
        *len = d->doc->len;
    return d->doc->text;
}

static const char *h_path(ann_doc *d)
{
    (void)d;
    return "<mock>";
}

static const ann_token *h_tokens(ann_doc *d, size_t *n)
{
    *n = d->doc->tok.n_tokens;
    return d->doc->tok.tokens;
}

static const ann_region *h_sentences(ann_doc *d, size_t *n)
{
    *n = d->doc->tok.n_sentences;
    return d->doc->tok.sentences;
}

static const ann_region *h_paragraphs(ann_doc *d, size_t *n)
{
    *n = d->doc->tok.n_paragraphs;
    return d->doc->tok.paragraphs;
}

static int cmp_span(const void *a, const void *b)
{
    const ann_span *x = a, *y = b;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    if (x->end != y->end)
        return x->end > y->end ? -1 : 1;
    return x->id < y->id ? -1 : x->id > y->id;
}

/* A sorted copy of one layer's spans, kept in `list` until it is freed. */
static const ann_span *layer_view(mock_doc *d, mock_block **list, const char *layer, size_t *n)
{
    size_t count = 0;
    for (size_t i = 0; i < d->n_spans; i++)
        if (strcmp(d->spans[i].s.layer, layer) == 0)
            count++;
    *n = count;
    if (!count)
        return NULL;
    ann_span *out = block_alloc(list, count * sizeof *out);
    if (!out) {
        *n = 0;
        return NULL;
    }
    size_t k = 0;
    for (size_t i = 0; i < d->n_spans; i++)
        if (strcmp(d->spans[i].s.layer, layer) == 0)
            out[k++] = d->spans[i].s;
    qsort(out, count, sizeof *out, cmp_span);
    return out;
}

static const ann_span *h_spans(ann_doc *d, const char *layer, size_t *n)
{
    return layer_view(d->doc, &d->doc->scratch, layer, n);
}

static void refuse(mock_doc *d, const char *fmt, ...) ANN_PRINTF(2, 3);
static void refuse(mock_doc *d, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    set_err("emit refused: ", fmt, ap);
    va_end(ap);
    d->refused++;
}

static int is_cont(unsigned char c)
{
    return (c & 0xC0) == 0x80;
}

static const ann_span *find_id(const mock_doc *d, uint32_t id)
{
    for (size_t i = 0; i < d->n_spans; i++)
        if (d->spans[i].s.id == id)
            return &d->spans[i].s;
    return NULL;
}

static int label_declared(const ann_plugin *p, const char *label)
{
    for (const char *const *l = p->labels; l && *l; l++)
        if (strcmp(*l, label) == 0)
            return 1;
    return 0;
}

static void free_span_fields(ann_span *s)
{
    for (size_t i = 0; i < s->n_attrs; i++) {
        free((char *)s->attrs[i].key);
        free((char *)s->attrs[i].value);
    }
    free((ann_attr *)s->attrs);
    for (size_t i = 0; i < s->n_links; i++)
        free((char *)s->links[i].role);
    free((ann_link *)s->links);
    free((char *)s->layer);
    free((char *)s->label);
}

/* Appends a copy of a span; returns its id, or 0 with nothing added when
 * memory runs out (ids start at 1, so 0 never names a span). */
static uint32_t store_span(mock_doc *d, const char *layer, const ann_new_span *ns)
{
    if (d->n_spans == d->cap_spans) {
        size_t cap = d->cap_spans ? d->cap_spans * 2 : 16;
        mock_span *p = realloc(d->spans, cap * sizeof *p);
        if (!p)
            return 0;
        d->spans = p;
        d->cap_spans = cap;
    }
    ann_span s = {0};
    s.id = ++d->next_id;
    s.start = ns->start;
    s.end = ns->end;
    s.layer = dup_str(layer);
    s.label = dup_str(ns->label);
    ann_attr *attrs = ns->n_attrs ? calloc(ns->n_attrs, sizeof *attrs) : NULL;
    ann_link *links = ns->n_links ? calloc(ns->n_links, sizeof *links) : NULL;
    s.attrs = attrs;
    s.links = links;
    int ok = s.layer && s.label && (!ns->n_attrs || attrs) && (!ns->n_links || links);
    for (size_t i = 0; ok && i < ns->n_attrs; i++) {
        attrs[i].key = dup_str(ns->attrs[i].key);
        attrs[i].value = dup_str(ns->attrs[i].value);
        s.n_attrs = i + 1;
        ok = attrs[i].key && attrs[i].value;
    }
    for (size_t i = 0; ok && i < ns->n_links; i++) {
        links[i].role = dup_str(ns->links[i].role);
        links[i].target = ns->links[i].target;
        s.n_links = i + 1;
        ok = links[i].role != NULL;
    }
    if (!ok) {
        free_span_fields(&s);
        d->next_id--;
        return 0;
    }
    d->spans[d->n_spans++].s = s;
    return s.id;
}

static int h_emit(ann_doc *ad, const ann_new_span *ns, uint32_t *id)
{
    mock_doc *d = ad->doc;
    const ann_plugin *p = ad->plugin->desc;
    if (!ns || !ns->label) {
        refuse(d, "%s: span without a label", p->name);
        return ANN_EINVAL;
    }
    if (ns->start >= ns->end || ns->end > d->len) {
        refuse(d, "%s: span [%u,%u) out of bounds (text is %zu bytes)", p->name,
               (unsigned)ns->start, (unsigned)ns->end, d->len);
        return ANN_EINVAL;
    }
    if (is_cont((unsigned char)d->text[ns->start]) ||
        (ns->end < d->len && is_cont((unsigned char)d->text[ns->end]))) {
        refuse(d, "%s: span [%u,%u) splits a UTF-8 character", p->name,
               (unsigned)ns->start, (unsigned)ns->end);
        return ANN_EINVAL;
    }
    if (!label_declared(p, ns->label)) {
        refuse(d, "%s: label '%s' is not declared", p->name, ns->label);
        return ANN_EINVAL;
    }
    for (size_t i = 0; i < ns->n_attrs; i++)
        if (!ns->attrs[i].key || !ns->attrs[i].value) {
            refuse(d, "%s: attribute %zu has a NULL key or value", p->name, i);
            return ANN_EINVAL;
        }
    for (size_t i = 0; i < ns->n_links; i++)
        if (!ns->links[i].role || !find_id(d, ns->links[i].target)) {
            refuse(d, "%s: link %zu points to no span (target %u)", p->name, i,
                   (unsigned)ns->links[i].target);
            return ANN_EINVAL;
        }
    uint32_t new_id = store_span(d, p->name, ns);
    if (!new_id)
        return ANN_ENOMEM;
    if (id)
        *id = new_id;
    return ANN_OK;
}

static void *h_scratch(ann_doc *d, size_t size)
{
    return block_alloc(&d->doc->scratch, size ? size : 1);
}

static int h_set_meta(ann_doc *ad, const char *key, const char *value)
{
    mock_doc *d = ad->doc;
    if (!key || !value)
        return ANN_EINVAL;
    for (size_t i = 0; i < d->n_meta; i++)
        if (strcmp(d->meta_keys[i], key) == 0) {
            char *v = dup_str(value);
            if (!v)
                return ANN_ENOMEM;
            free(d->meta_values[i]);
            d->meta_values[i] = v;
            return ANN_OK;
        }
    char **k = realloc(d->meta_keys, (d->n_meta + 1) * sizeof *k);
    if (!k)
        return ANN_ENOMEM;
    d->meta_keys = k;
    char **v = realloc(d->meta_values, (d->n_meta + 1) * sizeof *v);
    if (!v)
        return ANN_ENOMEM;
    d->meta_values = v;
    d->meta_keys[d->n_meta] = dup_str(key);
    d->meta_values[d->n_meta] = dup_str(value);
    if (!d->meta_keys[d->n_meta] || !d->meta_values[d->n_meta]) {
        free(d->meta_keys[d->n_meta]);
        free(d->meta_values[d->n_meta]);
        return ANN_ENOMEM;
    }
    d->n_meta++;
    return ANN_OK;
}

static const char *h_reference_date(ann_doc *d)
{
    return d->doc->ref_date;
}

static void h_doc_error(ann_doc *d, const char *fmt, ...)
{
    (void)d;
    va_list ap;
    va_start(ap, fmt);
    set_err("error: ", fmt, ap);
    va_end(ap);
}

static void h_doc_warn(ann_doc *d, const char *fmt, ...)
{
    (void)d;
    va_list ap;
    va_start(ap, fmt);
    set_err("warning: ", fmt, ap);
    va_end(ap);
}

/* ABI 2 members: a stop-gap until the mock runs on the real host. */
static void *h_scratch_grow(ann_doc *d, void *ptr, size_t old_size, size_t new_size)
{
    void *q = block_alloc(&d->doc->scratch, new_size ? new_size : 1);
    if (q && ptr)
        memcpy(q, ptr, old_size < new_size ? old_size : new_size);
    return q;
}

static char *h_fold_text(ann_doc *d, const char *s, size_t len, size_t *out_len)
{
    char *out = block_alloc(&d->doc->scratch, 3 * len + 1);
    size_t n = out ? ann_unicode_fold_text(s, len, out) : 0;
    if (out_len)
        *out_len = n;
    return out;
}

static int h_emit_v2(ann_doc *d, const ann_new_span_v2 *s, uint32_t *id)
{
    if (!s)
        return h_emit(d, NULL, id);
    ann_new_span s1 = {s->start, s->end, s->label, s->attrs, s->n_attrs, s->links, s->n_links};
    return h_emit(d, &s1, id);
}

static const ann_token_v2 *h_tokens_v2(ann_doc *d, size_t elem_size, size_t *n)
{
    *n = 0;
    if (elem_size != sizeof(ann_token_v2))
        return NULL;
    const ann_tokenized *t = &d->doc->tok;
    ann_token_v2 *v = block_alloc(&d->doc->scratch, (t->n_tokens + 1) * sizeof *v);
    size_t para = 0;
    for (size_t i = 0; v && i < t->n_tokens; i++) {
        while (para + 1 < t->n_paragraphs && t->paragraphs[para].tok_end <= i)
            para++;
        ann_token_v2 x = {sizeof x, t->tokens[i].start, t->tokens[i].end, t->tokens[i].kind,
                          t->tokens[i].flags, t->tokens[i].sentence, (uint32_t)para};
        v[i] = x;
    }
    *n = v ? t->n_tokens : 0;
    return v;
}

static const ann_region_v2 *regions_v2(ann_doc *d, const ann_region *r, size_t count, size_t *n)
{
    ann_region_v2 *v = block_alloc(&d->doc->scratch, (count + 1) * sizeof *v);
    for (size_t i = 0; v && i < count; i++) {
        ann_region_v2 x = {sizeof x, r[i].start, r[i].end, r[i].tok_begin, r[i].tok_end};
        v[i] = x;
    }
    *n = v ? count : 0;
    return v;
}

static const ann_region_v2 *h_sentences_v2(ann_doc *d, size_t elem_size, size_t *n)
{
    *n = 0;
    if (elem_size != sizeof(ann_region_v2))
        return NULL;
    return regions_v2(d, d->doc->tok.sentences, d->doc->tok.n_sentences, n);
}

static const ann_region_v2 *h_paragraphs_v2(ann_doc *d, size_t elem_size, size_t *n)
{
    *n = 0;
    if (elem_size != sizeof(ann_region_v2))
        return NULL;
    return regions_v2(d, d->doc->tok.paragraphs, d->doc->tok.n_paragraphs, n);
}

static const ann_host mock_table = {
    ANN_ABI_VERSION, (uint32_t)sizeof(ann_host),
    h_option, h_data_dir, h_open_error,
    h_text, h_path, h_tokens, h_sentences, h_paragraphs, h_spans, h_emit,
    h_scratch, h_set_meta, h_reference_date, h_doc_error, h_doc_warn,
    ann_unicode_decode, ann_unicode_decode_prev, ann_unicode_class, ann_unicode_fold,
    h_fold_text, h_scratch_grow, h_emit_v2, h_tokens_v2, h_sentences_v2, h_paragraphs_v2,
};

/* ---- the test-facing API ---------------------------------------------------- */

static void plugin_free(mock_plugin *p)
{
    if (!p)
        return;
    for (size_t i = 0; i < p->n_opts; i++) {
        free(p->keys[i]);
        free(p->values[i]);
    }
    free(p->keys);
    free(p->values);
    free(p->data_dir);
    free(p);
}

mock_plugin *mock_plugin_open(const ann_plugin *desc, const char *const *options,
                              const char *data_dir)
{
    mock_err[0] = '\0';
    mock_plugin *p = calloc(1, sizeof *p);
    if (!p)
        return NULL;
    p->desc = desc;
    p->host = mock_table;
    p->data_dir = dup_str(data_dir ? data_dir : ".");
    size_t n = 0;
    while (options && options[n])
        n++;
    p->keys = calloc(n + 1, sizeof *p->keys);
    p->values = calloc(n + 1, sizeof *p->values);
    if (!p->data_dir || !p->keys || !p->values)
        goto fail;
    for (size_t i = 0; i < n; i++) {
        const char *eq = strchr(options[i], '=');
        if (!eq) {
            snprintf(mock_err, sizeof mock_err, "option '%s' is not key=value", options[i]);
            goto fail;
        }
        int known = 0;
        for (const ann_option_decl *o = desc->options; o && o->key; o++)
            if (strlen(o->key) == (size_t)(eq - options[i]) &&
                strncmp(o->key, options[i], (size_t)(eq - options[i])) == 0)
                known = 1;
        if (!known) {
            snprintf(mock_err, sizeof mock_err, "option '%.*s' is not declared by %s",
                     (int)(eq - options[i]), options[i], desc->name);
            goto fail;
        }
        p->keys[i] = malloc((size_t)(eq - options[i]) + 1);
        p->values[i] = dup_str(eq + 1);
        p->n_opts = i + 1;
        if (!p->keys[i] || !p->values[i])
            goto fail;
        memcpy(p->keys[i], options[i], (size_t)(eq - options[i]));
        p->keys[i][eq - options[i]] = '\0';
    }
    if (desc->abi_version < ANN_ABI_MIN || desc->abi_version > ANN_ABI_VERSION) {
        snprintf(mock_err, sizeof mock_err, "%s: built for plugin ABI %u, mock supports %d..%d",
                 desc->name, (unsigned)desc->abi_version, ANN_ABI_MIN, ANN_ABI_VERSION);
        goto fail;
    }
    struct ann_open_ctx ctx = {p};
    if (desc->open && desc->open(&p->host, &ctx, &p->state) != ANN_OK) {
        if (!mock_err[0])
            snprintf(mock_err, sizeof mock_err, "%s: open failed without a message", desc->name);
        goto fail;
    }
    return p;
fail:
    plugin_free(p);
    return NULL;
}

void mock_plugin_close(mock_plugin *p)
{
    if (!p)
        return;
    if (p->desc->close)
        p->desc->close(p->state);
    plugin_free(p);
}

mock_doc *mock_doc_new_len(const char *text, size_t len)
{
    mock_doc *d = calloc(1, sizeof *d);
    if (!d)
        return NULL;
    d->text = malloc(len + 1);
    if (!d->text) {
        free(d);
        return NULL;
    }
    memcpy(d->text, text, len);
    d->text[len] = '\0';
    d->len = len;
    if (ann_tokenize(d->text, len, NULL, 0, &d->tok) != ANN_OK) {
        free(d->text);
        free(d);
        return NULL;
    }
    return d;
}

mock_doc *mock_doc_new(const char *text)
{
    return mock_doc_new_len(text, strlen(text));
}

void mock_doc_free(mock_doc *d)
{
    if (!d)
        return;
    for (size_t i = 0; i < d->n_spans; i++)
        free_span_fields(&d->spans[i].s);
    free(d->spans);
    for (size_t i = 0; i < d->n_meta; i++) {
        free(d->meta_keys[i]);
        free(d->meta_values[i]);
    }
    free(d->meta_keys);
    free(d->meta_values);
    block_free_all(&d->scratch);
    block_free_all(&d->views);
    ann_tokenized_free(&d->tok);
    free(d->ref_date);
    free(d->text);
    free(d);
}

void mock_doc_set_reference_date(mock_doc *d, const char *yyyy_mm_dd)
{
    free(d->ref_date);
    d->ref_date = dup_str(yyyy_mm_dd);
}

uint32_t mock_doc_add_span(mock_doc *d, const char *layer, uint32_t start,
                           uint32_t end, const char *label)
{
    ann_new_span ns = {start, end, label, NULL, 0, NULL, 0};
    return store_span(d, layer, &ns);
}

int mock_doc_run(mock_doc *d, mock_plugin *p)
{
    mock_err[0] = '\0';
    struct ann_doc ad = {d, p};
    int rc = p->desc->annotate_v2 ? p->desc->annotate_v2(&p->host, p->state, &ad)
                                  : p->desc->annotate(p->state, &ad);
    block_free_all(&d->scratch);
    return rc;
}

const ann_span *mock_doc_spans(mock_doc *d, const char *layer, size_t *n)
{
    return layer_view(d, &d->views, layer, n);
}

const ann_span *mock_doc_find(mock_doc *d, const char *layer, uint32_t start, uint32_t end)
{
    for (size_t i = 0; i < d->n_spans; i++) {
        const ann_span *s = &d->spans[i].s;
        if (s->start == start && s->end == end && strcmp(s->layer, layer) == 0)
            return s;
    }
    return NULL;
}

const ann_span *mock_doc_find_text(mock_doc *d, const char *layer, const char *text)
{
    size_t n = strlen(text);
    const ann_span *best = NULL;
    for (size_t i = 0; i < d->n_spans; i++) {
        const ann_span *s = &d->spans[i].s;
        if (strcmp(s->layer, layer) == 0 && s->end - s->start == n &&
            memcmp(d->text + s->start, text, n) == 0 && (!best || s->start < best->start))
            best = s;
    }
    return best;
}

const ann_span *mock_doc_span_by_id(mock_doc *d, uint32_t id)
{
    return find_id(d, id);
}

const char *mock_span_attr(const ann_span *s, const char *key)
{
    if (!s)
        return NULL;
    for (size_t i = 0; i < s->n_attrs; i++)
        if (strcmp(s->attrs[i].key, key) == 0)
            return s->attrs[i].value;
    return NULL;
}

const char *mock_doc_meta(mock_doc *d, const char *key)
{
    for (size_t i = 0; i < d->n_meta; i++)
        if (strcmp(d->meta_keys[i], key) == 0)
            return d->meta_values[i];
    return NULL;
}

const char *mock_doc_text(mock_doc *d)
{
    return d->text;
}

const ann_token *mock_doc_tokens(mock_doc *d, size_t *n)
{
    *n = d->tok.n_tokens;
    return d->tok.tokens;
}

char *mock_read_file(const char *path, size_t *len)
{
    unsigned char *data;
    size_t n;
    if (ann_read_path(path, &data, &n) != 0)
        return NULL;
    if (len)
        *len = n;
    return (char *)data;
}

size_t mock_doc_refused(mock_doc *d)
{
    return d->refused;
}
