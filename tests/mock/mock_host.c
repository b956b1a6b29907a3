/*
 * mock_host.c -- plugin unit tests run on the real host code.
 *
 * Nothing here re-implements the host: a mock_plugin is loaded, given its
 * options and opened by the loader (ann_load_linked, ann_set_option,
 * ann_open_plugins) with the real function table (ann_host_table); a
 * mock_doc is read by the real text reader and tokenizer and annotated
 * through ann_doc_run_plugin, so every emit passes the real checks into the
 * real span store.  What a test sees is what `annotate` would do.
 *
 * The one thing a test does that a run does not: it meets layers one by one
 * (spans added by hand, plugins run in turn), while the host's document
 * context fixes its layers at ann_doc_init.  So the mock keeps the layers it
 * has met, and when a new one appears it builds a new context over all of
 * them and adds the old spans again in id order, which gives them the same
 * ids.  The replaced context is kept until the document is freed, so the
 * strings of spans a test already holds stay valid.
 */
#include "mock_host.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "load/loader.h"
#include "read/reader.h"
#include "run/doc.h"
#include "run/once.h"
#include "run/host.h"
#include "text/tokenize.h"
#include "util/buf.h"
#include "util/fs.h"
#include "util/grow.h"
#include "util/utf8.h"

/* Check forks each test and the tests are single-threaded, so a
 * thread-local buffer is enough to carry the last message to the test. */
static _Thread_local char mock_err[2048];

#define MOCK_PATH "<mock>"

struct mock_plugin {
    ann_plugin_set set; /* one plugin, loaded and opened by the loader */
    ann_once *once;     /* owned: what run_note said, the plugin's life being
                           the "run" (NULL: every note is printed) */
};

/* A layer the document has met: a plugin that ran on it, or a name spans
 * were added under by hand (then the descriptor is blank but for the name). */
typedef struct mock_layer {
    char *name;      /* owned; the spans' layer strings point here */
    ann_plugin desc; /* a copy, as the loader laid it out */
    int from_plugin; /* desc is a plugin's, not a blank one */
} mock_layer;

/* Memory handed to the test (span copies), freed with the document. */
typedef struct mock_block {
    struct mock_block *next;
    max_align_t payload[];
} mock_block;

struct mock_doc {
    ann_textdoc td;      /* owned: the real reader's document */
    ann_tokenized tok;   /* owned: the real tokenizer's output */
    char *ref_date;      /* owned, or NULL */
    mock_layer **layers; /* owned, each owned; index = layer in the store */
    size_t n_layers, cap_layers;
    ann_plugin_set set; /* items owned (the array only: names and descs are the layers') */
    ann_doc *cur;       /* the host's context over all layers */
    ann_doc **retired;  /* earlier contexts, kept for the pointers handed out */
    size_t n_retired, cap_retired;
    char **labels; /* owned labels of hand-added spans */
    size_t n_labels, cap_labels;
    mock_block *copies;
    ann_buf log; /* the host's warnings and refusals */
};

const char *mock_last_error(void)
{
    return mock_err;
}

static void set_err(const char *fmt, ...) ANN_PRINTF(1, 2);
static void set_err(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(mock_err, sizeof mock_err, fmt, ap);
    va_end(ap);
}

static char *dup_str(const char *s)
{
    size_t n = strlen(s) + 1;
    char *d = malloc(n);
    if (d)
        memcpy(d, s, n);
    return d;
}

/* ---- plugins ---------------------------------------------------------------- */

mock_plugin *mock_plugin_open(const ann_plugin *desc, const char *const *options,
                              const char *data_dir)
{
    mock_err[0] = '\0';
    char err[1024] = "";
    mock_plugin *p = calloc(1, sizeof *p);
    if (p)
        p->set.items = calloc(1, sizeof *p->set.items);
    if (!p || !p->set.items) {
        set_err("out of memory");
        free(p);
        return NULL;
    }
    if (ann_load_linked(desc, data_dir, &p->set.items[0], err, sizeof err) != ANN_OK)
        goto fail;
    p->set.n = 1;
    for (size_t i = 0; options && options[i]; i++) {
        /* The loader takes options as the command line gives them. */
        ann_buf spec = ANN_BUF_INIT;
        ann_buf_printf(&spec, "%s.%s", p->set.items[0].name, options[i]);
        int rc = spec.failed ? ANN_ENOMEM : ann_set_option(&p->set, spec.data, err, sizeof err);
        if (spec.failed)
            snprintf(err, sizeof err, "out of memory");
        ann_buf_free(&spec);
        if (rc != ANN_OK)
            goto fail;
    }
    if (ann_open_plugins(&p->set, &ann_host_table, err, sizeof err) != ANN_OK)
        goto fail;
    p->once = ann_once_new();
    return p;
fail:
    set_err("%s", err);
    ann_plugin_set_free(&p->set);
    free(p);
    return NULL;
}

void mock_plugin_close(mock_plugin *p)
{
    if (!p)
        return;
    ann_plugin_set_free(&p->set);
    ann_once_free(p->once);
    free(p);
}

const char *mock_plugin_layer(const mock_plugin *p)
{
    return p->set.items[0].name;
}

const ann_loaded_plugin *mock_plugin_loaded(const mock_plugin *p)
{
    return &p->set.items[0];
}

/* ---- the document's layers and host context ------------------------------------ */

static size_t count_labels(const ann_plugin *desc)
{
    size_t n = 0;
    while (desc->labels && desc->labels[n])
        n++;
    return n;
}

static size_t layer_index(const mock_doc *d, const char *name)
{
    for (size_t i = 0; i < d->n_layers; i++)
        if (strcmp(d->layers[i]->name, name) == 0)
            return i;
    return (size_t)-1;
}

static int by_id(const void *a, const void *b)
{
    const ann_span *x = *(const ann_span *const *)a, *y = *(const ann_span *const *)b;
    return x->id < y->id ? -1 : x->id > y->id;
}

/* Copies the spans and meta of `from` into `to`, which has at least as many
 * layers, in id order so that every span keeps its id. */
static int carry_over(ann_doc *to, ann_doc *from, mock_doc *d)
{
    size_t total = ann_store_count(&from->store), k = 0;
    const ann_span **all = total ? malloc(total * sizeof *all) : NULL;
    if (total && !all)
        return ANN_ENOMEM;
    for (size_t l = 0; l < from->store.n_layers; l++)
        for (size_t i = 0; i < from->store.layers[l].n; i++)
            all[k++] = &from->store.layers[l].v[i];
    if (total > 1)
        qsort(all, total, sizeof *all, by_id);
    int rc = ANN_OK;
    for (size_t i = 0; rc == ANN_OK && i < total; i++) {
        const ann_span *s = all[i];
        size_t l = layer_index(d, s->layer);
        ann_new_span ns = {s->start, s->end, s->label, s->attrs, s->n_attrs, s->links, s->n_links};
        uint32_t id = 0;
        rc = ann_store_add(&to->store, l, d->layers[l]->name, s->label, &ns, &id);
        if (rc == ANN_OK && id != s->id)
            rc = ANN_ERROR;
    }
    free(all);
    for (size_t i = 0; rc == ANN_OK && i < from->n_meta; i++)
        rc = ann_host_table.set_meta(to, from->meta[i].key, from->meta[i].value);
    to->refused = from->refused;
    return rc;
}

/* A new host context over the current layers, holding what the old one held. */
static int rebuild(mock_doc *d)
{
    ann_loaded_plugin *items = calloc(d->n_layers, sizeof *items);
    ann_doc **retired = ann_grow(d->retired, d->n_retired, &d->cap_retired, sizeof *retired, 4);
    ann_doc *nd = calloc(1, sizeof *nd);
    if (retired)
        d->retired = retired;
    if (!items || !retired || !nd) {
        free(items);
        free(nd);
        return ANN_ENOMEM;
    }
    for (size_t i = 0; i < d->n_layers; i++) {
        items[i].name = d->layers[i]->name;
        items[i].file = d->layers[i]->name;
        items[i].desc = &d->layers[i]->desc;
        items[i].n_labels = count_labels(&d->layers[i]->desc);
        items[i].state = d->set.n > i ? d->set.items[i].state : NULL;
    }
    ann_plugin_set old_set = d->set;
    d->set.items = items;
    d->set.n = d->n_layers;
    d->set.host = &ann_host_table;
    int rc = ann_doc_init(nd, &d->set);
    if (rc == ANN_OK) {
        ann_doc_begin(nd, MOCK_PATH, &d->td, &d->tok, d->ref_date);
        nd->log = &d->log;
        rc = d->cur ? carry_over(nd, d->cur, d) : ANN_OK;
        if (rc != ANN_OK)
            ann_doc_free(nd);
    }
    if (rc != ANN_OK) {
        free(nd);
        free(items);
        d->set = old_set;
        return rc;
    }
    free(old_set.items);
    if (d->cur)
        d->retired[d->n_retired++] = d->cur;
    d->cur = nd;
    return ANN_OK;
}

/* The index of layer `name`, added (as a blank layer, or with desc when not
 * NULL) when the document has not met it.  (size_t)-1 when memory runs out. */
static size_t need_layer(mock_doc *d, const char *name, const ann_plugin *desc)
{
    size_t i = layer_index(d, name);
    if (i != (size_t)-1) {
        mock_layer *L = d->layers[i];
        /* A plugin taking over a hand-made layer, or another build of it. */
        if (!desc || (L->from_plugin && L->desc.labels == desc->labels &&
                      L->desc.needs == desc->needs && L->desc.subsumes == desc->subsumes))
            return i;
        ann_plugin saved = L->desc;
        int saved_from = L->from_plugin;
        L->desc = *desc;
        L->desc.name = L->name;
        L->from_plugin = 1;
        if (rebuild(d) != ANN_OK) {
            L->desc = saved;
            L->from_plugin = saved_from;
            return (size_t)-1;
        }
        return i;
    }
    mock_layer **layers = ann_grow(d->layers, d->n_layers, &d->cap_layers, sizeof *layers, 8);
    if (!layers)
        return (size_t)-1;
    d->layers = layers;
    mock_layer *L = calloc(1, sizeof *L);
    char *copy = dup_str(name);
    if (!L || !copy) {
        free(L);
        free(copy);
        return (size_t)-1;
    }
    L->name = copy;
    if (desc)
        L->desc = *desc;
    L->desc.name = L->name;
    L->from_plugin = desc != NULL;
    d->layers[d->n_layers++] = L;
    if (rebuild(d) != ANN_OK) {
        d->n_layers--;
        free(L->name);
        free(L);
        return (size_t)-1;
    }
    return d->n_layers - 1;
}

/* ---- documents -------------------------------------------------------------- */

mock_doc *mock_doc_new_len(const char *text, size_t len)
{
    return mock_doc_new_as(text, len, "text");
}

mock_doc *mock_doc_new_as(const char *text, size_t len, const char *reader)
{
    mock_err[0] = '\0';
    char err[512] = "";
    mock_doc *d = calloc(1, sizeof *d);
    if (!d) {
        set_err("out of memory");
        return NULL;
    }
    ann_format format = ann_format_of_reader(reader);
    int rc = format == ANN_FORMAT_AUTO ? ANN_EINVAL
                                       : ann_read_memory(MOCK_PATH, (const unsigned char *)text,
                                                         len, format, &d->td, err, sizeof err);
    if (format == ANN_FORMAT_AUTO)
        snprintf(err, sizeof err, "no reader '%s'", reader ? reader : "(null)");
    if (rc != ANN_OK) {
        set_err("%s", err);
        free(d);
        return NULL;
    }
    /* As a run does: the reader's blocks are the paragraphs. */
    rc = ann_tokenize(d->td.view, d->td.view_len, d->td.n_blocks ? d->td.blocks : NULL,
                      d->td.n_blocks, &d->tok);
    if (rc == ANN_OK)
        rc = rebuild(d);
    if (rc != ANN_OK) {
        set_err("out of memory");
        mock_doc_free(d);
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
    if (d->cur) {
        ann_doc_end(d->cur);
        ann_doc_free(d->cur);
        free(d->cur);
    }
    for (size_t i = 0; i < d->n_retired; i++) {
        ann_doc_free(d->retired[i]);
        free(d->retired[i]);
    }
    free(d->retired);
    free(d->set.items);
    for (size_t i = 0; i < d->n_layers; i++) {
        free(d->layers[i]->name);
        free(d->layers[i]);
    }
    free(d->layers);
    for (size_t i = 0; i < d->n_labels; i++)
        free(d->labels[i]);
    free(d->labels);
    while (d->copies) {
        mock_block *next = d->copies->next;
        free(d->copies);
        d->copies = next;
    }
    ann_buf_free(&d->log);
    ann_tokenized_free(&d->tok);
    ann_textdoc_free(&d->td);
    free(d->ref_date);
    free(d);
}

void mock_doc_set_reference_date(mock_doc *d, const char *yyyy_mm_dd)
{
    free(d->ref_date);
    d->ref_date = yyyy_mm_dd ? dup_str(yyyy_mm_dd) : NULL;
    d->cur->reference_date = d->ref_date;
}

/* A label of a hand-added span, kept as long as the document. */
static const char *intern_label(mock_doc *d, const char *label)
{
    for (size_t i = 0; i < d->n_labels; i++)
        if (strcmp(d->labels[i], label) == 0)
            return d->labels[i];
    char **v = ann_grow(d->labels, d->n_labels, &d->cap_labels, sizeof *v, 8);
    if (!v)
        return NULL;
    d->labels = v;
    char *copy = dup_str(label);
    if (copy)
        d->labels[d->n_labels++] = copy;
    return copy;
}

uint32_t mock_doc_add_span(mock_doc *d, const char *layer, uint32_t start, uint32_t end,
                           const char *label)
{
    const unsigned char *t = (const unsigned char *)d->td.view;
    size_t len = d->td.view_len;
    /* A test's hand-made span meets the checks a plugin's would. */
    if (start >= end || end > len || !ann_utf8_is_boundary(t, len, start) ||
        !ann_utf8_is_boundary(t, len, end)) {
        set_err("mock_doc_add_span: span [%u,%u) of %s is empty, out of bounds or splits a "
                "character (text is %zu bytes)",
                (unsigned)start, (unsigned)end, layer, len);
        return 0;
    }
    size_t l = need_layer(d, layer, NULL);
    const char *lab = l != (size_t)-1 ? intern_label(d, label) : NULL;
    ann_new_span ns = {start, end, lab, NULL, 0, NULL, 0};
    uint32_t id = 0;
    if (!lab || ann_store_add(&d->cur->store, l, d->layers[l]->name, lab, &ns, &id) != ANN_OK) {
        set_err("mock_doc_add_span: out of memory");
        return 0;
    }
    return id;
}

int mock_doc_run(mock_doc *d, mock_plugin *p)
{
    mock_err[0] = '\0';
    const ann_loaded_plugin *lp = &p->set.items[0];
    size_t l = need_layer(d, lp->name, lp->desc);
    if (l == (size_t)-1) {
        set_err("mock_doc_run: out of memory");
        return ANN_ENOMEM;
    }
    d->set.items[l].state = lp->state;
    d->cur->once = p->once;
    size_t logged = d->log.len;
    int rc = ann_doc_run_plugin(d->cur, l);
    /* The message the plugin's failure, a warning or a refused span left. */
    if (d->cur->error[0]) {
        set_err("%s", d->cur->error);
    } else if (d->log.len > logged) {
        const char *from = d->log.data + logged, *last = from;
        for (const char *s = from; *s; s++)
            if (s[0] == '\n' && s[1])
                last = s + 1;
        set_err("%.*s", (int)strcspn(last, "\n"), last);
    }
    return rc;
}

/* ---- what the test reads ------------------------------------------------------- */

/* A copy of n spans that lives as long as the document: the store sorts a
 * layer in place when a plugin reads it, which would move what a test holds. */
static const ann_span *keep(mock_doc *d, const ann_span *v, size_t n)
{
    if (!n)
        return NULL;
    mock_block *b = malloc(sizeof *b + n * sizeof *v);
    if (!b)
        return NULL;
    b->next = d->copies;
    d->copies = b;
    memcpy(b->payload, v, n * sizeof *v);
    return (const ann_span *)(void *)b->payload;
}

const ann_span *mock_doc_spans(mock_doc *d, const char *layer, size_t *n)
{
    size_t l = layer_index(d, layer), count = 0;
    const ann_span *v = l != (size_t)-1 ? ann_store_layer(&d->cur->store, l, &count) : NULL;
    const ann_span *copy = keep(d, v, count);
    *n = copy ? count : 0;
    return copy;
}

const ann_span *mock_doc_find(mock_doc *d, const char *layer, uint32_t start, uint32_t end)
{
    size_t n = 0, l = layer_index(d, layer);
    const ann_span *v = l != (size_t)-1 ? ann_store_layer(&d->cur->store, l, &n) : NULL;
    for (size_t i = 0; i < n; i++)
        if (v[i].start == start && v[i].end == end)
            return keep(d, &v[i], 1);
    return NULL;
}

const ann_span *mock_doc_find_text(mock_doc *d, const char *layer, const char *text)
{
    size_t len = strlen(text), n = 0, l = layer_index(d, layer);
    const ann_span *v = l != (size_t)-1 ? ann_store_layer(&d->cur->store, l, &n) : NULL;
    for (size_t i = 0; i < n; i++)
        if (v[i].end - v[i].start == len && memcmp(d->td.view + v[i].start, text, len) == 0)
            return keep(d, &v[i], 1);
    return NULL;
}

const ann_span *mock_doc_span_by_id(mock_doc *d, uint32_t id)
{
    const ann_span_store *s = &d->cur->store;
    for (size_t l = 0; l < s->n_layers; l++)
        for (size_t i = 0; i < s->layers[l].n; i++)
            if (s->layers[l].v[i].id == id)
                return keep(d, &s->layers[l].v[i], 1);
    return NULL;
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
    for (size_t i = 0; i < d->cur->n_meta; i++)
        if (strcmp(d->cur->meta[i].key, key) == 0)
            return d->cur->meta[i].value;
    return NULL;
}

const char *mock_doc_text(mock_doc *d)
{
    return d->td.view;
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
    return d->cur->refused;
}
