/*
 * conll.c -- the `conll` writer: one token per line, tab-separated,
 *
 *     TOKEN  entities  <one column per further layer>
 *
 * each layer column holding a BIO tag (B-PER, I-PER, O), and a blank line
 * between sentences.  Comment lines first name the source file and its
 * SHA-256 ("# source = PATH", "# sha256 = HEX"), then the columns; on one
 * stream of several documents (-o -) a "# newdoc id = PATH" line (the
 * CoNLL-U comment) comes before them.  Tokens are those of the text view
 * (write/textview.h): a Markdown or HTML token is the prose the plugins
 * read, "&" and never "&amp;".  Within one
 * layer a token takes the outermost span covering it (CoNLL has one tag per
 * column), and a token only partly covered by a span counts as inside it.
 * Needs the tokens, which the run loop has and a result read back from JSON
 * does not.
 */
#include <stdlib.h>
#include <string.h>

#include "util/buf.h"
#include "write/textview.h"
#include "write/writer.h"

enum { MAX_LAYERS = 32 };

/* The columns: "entities" first, then the other layers in run order, then
 * layers that only appear in spans. */
static size_t collect_layers(const ann_result *r, const char **layers)
{
    size_t n = 0;
    layers[n++] = "entities";
    for (size_t i = 0; i < r->n_plugins + r->n_spans && n < MAX_LAYERS; i++) {
        const char *name = i < r->n_plugins ? r->plugins[i].name : r->spans[i - r->n_plugins].layer;
        int seen = 0;
        for (size_t k = 0; k < n && !seen; k++)
            seen = strcmp(layers[k], name) == 0;
        if (!seen)
            layers[n++] = name;
    }
    return n;
}

/* First token whose end lies after `off` (tokens are sorted). */
static size_t first_token_after(const ann_result *r, size_t off)
{
    size_t lo = 0, hi = r->n_tokens;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (r->tokens[mid].end <= off)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* tag[t] = index of the outermost span of `layer` over token t, or -1. */
static void assign(const ann_result *r, const char *layer, long *tag)
{
    for (size_t t = 0; t < r->n_tokens; t++)
        tag[t] = -1;
    for (size_t i = 0; i < r->n_spans; i++) {
        const ann_out_span *s = &r->spans[i];
        if (strcmp(s->layer, layer) != 0 || s->start >= s->end)
            continue;
        for (size_t t = first_token_after(r, s->start);
             t < r->n_tokens && r->tokens[t].start < s->end; t++) {
            long old = tag[t];
            /* Outermost wins: earlier start, then longer. */
            if (old < 0 || s->start < r->spans[old].start ||
                (s->start == r->spans[old].start && s->end > r->spans[old].end))
                tag[t] = (long)i;
        }
    }
}

static void put_token(ann_buf *b, const ann_result *r, const ann_out_token *t)
{
    for (size_t i = t->start; i < t->end; i++) {
        char c = (char)r->bytes[i];
        /* A token never holds white space, but keep the columns safe. */
        ann_buf_putc(b, c == '\t' || c == '\n' || c == '\r' || c == ' ' ? '_' : c);
    }
}

static int write_view(const ann_result *r, ann_sink *sink)
{
    if (!r->tokens && r->n_spans > 0)
        return ANN_EINVAL; /* CoNLL is token-based; nothing to align to */
    const char *layers[MAX_LAYERS];
    size_t n_layers = collect_layers(r, layers);
    long *tags = malloc((r->n_tokens + 1) * n_layers * sizeof *tags);
    if (!tags)
        return ANN_ENOMEM;
    for (size_t y = 0; y < n_layers; y++)
        assign(r, layers[y], tags + y * r->n_tokens);

    ann_buf b = ANN_BUF_INIT;
    ann_sink_mark_document(sink, &b, "# newdoc id = ", r->path, "\n");
    ann_buf_puts(&b, "# source = ");
    for (const char *p = r->path; *p; p++)
        ann_buf_putc(&b, *p == '\n' || *p == '\r' ? ' ' : *p);
    ann_buf_printf(&b, "\n# sha256 = %s\n", r->sha256);
    ann_buf_puts(&b, "# TOKEN");
    for (size_t y = 0; y < n_layers; y++)
        ann_buf_printf(&b, "\t%s", layers[y]);
    ann_buf_putc(&b, '\n');
    for (size_t t = 0; t < r->n_tokens; t++) {
        int new_sentence = t == 0 || r->tokens[t].sentence != r->tokens[t - 1].sentence;
        if (new_sentence)
            ann_buf_putc(&b, '\n');
        put_token(&b, r, &r->tokens[t]);
        for (size_t y = 0; y < n_layers; y++) {
            const long *tag = tags + y * r->n_tokens;
            if (tag[t] < 0) {
                ann_buf_puts(&b, "\tO");
                continue;
            }
            int begin = new_sentence || tag[t - 1] != tag[t];
            ann_buf_printf(&b, "\t%s-%s", begin ? "B" : "I", r->spans[tag[t]].label);
        }
        ann_buf_putc(&b, '\n');
    }
    free(tags);
    int rc = b.failed ? ANN_ENOMEM : ann_sink_put(sink, ".conll", b.data, b.len);
    ann_buf_free(&b);
    return rc;
}

static int write_doc(const ann_result *r, ann_sink *sink)
{
    return ann_textview_write(r, sink, write_view);
}

const ann_writer ann_writer_conll = {
    "conll", "CoNLL columns: token, BIO entities, one BIO column per further layer (.conll)",
    1,       write_doc,
    NULL,    1};
