/* textview.c -- see textview.h. */
#include "write/textview.h"

#include <stdlib.h>
#include <string.h>

/* Moves the spans and tokens of tv->orig onto the view of td. */
static int move_offsets(ann_textview *tv, const ann_textdoc *td)
{
    const ann_result *r = tv->orig;
    tv->spans = malloc((r->n_spans + 1) * sizeof *tv->spans);
    tv->tokens = malloc((r->n_tokens + 1) * sizeof *tv->tokens);
    if (!tv->spans || !tv->tokens)
        return ANN_ENOMEM;
    for (size_t i = 0; i < r->n_spans; i++) {
        ann_out_span *s = &tv->spans[i];
        *s = r->spans[i];
        s->start = ann_textdoc_to_view(td, r->spans[i].start, 0);
        s->end = ann_textdoc_to_view(td, r->spans[i].end, 1);
        if (s->end < s->start) /* markup only: an empty span where it stood */
            s->end = s->start;
    }
    for (size_t i = 0; i < r->n_tokens; i++) {
        ann_out_token *t = &tv->tokens[i];
        *t = r->tokens[i];
        t->start = ann_textdoc_to_view(td, r->tokens[i].start, 0);
        t->end = ann_textdoc_to_view(td, r->tokens[i].end, 1);
        if (t->end < t->start)
            t->end = t->start;
    }
    tv->r.spans = tv->spans;
    tv->r.tokens = r->tokens ? tv->tokens : NULL;
    tv->r.bytes = (const unsigned char *)td->view;
    tv->r.size = td->view_len;
    return ANN_OK;
}

int ann_textview_init(ann_textview *tv, const ann_result *r)
{
    memset(tv, 0, sizeof *tv);
    tv->r = *r;
    tv->orig = r;
    const ann_textdoc *td = r->source;
    if (td) {
        int rc = move_offsets(tv, td);
        if (rc != ANN_OK)
            return rc;
    }
    /* Markup readers give blocks worth showing as such (prose); a plain
     * text is shown by paragraphs, each with its own line breaks. */
    tv->prose = td && td->reader && strcmp(td->reader, "text") != 0;
    if (td && td->n_blocks) {
        tv->blocks = td->blocks;
        tv->styles = tv->prose ? td->styles : NULL;
        tv->n_blocks = td->n_blocks;
    } else if (!tv->prose) {
        tv->whole = (ann_region){0, (uint32_t)tv->r.size, 0, 0};
        tv->blocks = &tv->whole;
        tv->n_blocks = 1;
    }
    ann_span_key *keys = malloc((r->n_spans + 1) * sizeof *keys);
    tv->order = malloc((r->n_spans + 1) * sizeof *tv->order);
    if (!keys || !tv->order) {
        free(keys);
        return ANN_ENOMEM;
    }
    for (size_t i = 0; i < r->n_spans; i++)
        keys[i] = (ann_span_key){tv->r.spans[i].start, tv->r.spans[i].end, i};
    qsort(keys, r->n_spans, sizeof *keys, ann_span_key_cmp);
    for (size_t i = 0; i < r->n_spans; i++)
        tv->order[i] = keys[i].index;
    free(keys);
    return ANN_OK;
}

int ann_textview_write(const ann_result *r, ann_sink *sink,
                       int (*write)(const ann_result *view, ann_sink *sink))
{
    ann_textview tv;
    int rc = ann_textview_init(&tv, r);
    if (rc == ANN_OK)
        rc = write(&tv.r, sink);
    ann_textview_free(&tv);
    return rc;
}

void ann_textview_free(ann_textview *tv)
{
    free(tv->spans);
    free(tv->tokens);
    free(tv->order);
    memset(tv, 0, sizeof *tv);
}

ann_block_style ann_textview_style(const ann_textview *tv, size_t b)
{
    static const ann_block_style paragraph = {0};
    return tv->styles && b < tv->n_blocks ? tv->styles[b] : paragraph;
}

/* Whether span s touches [lo, hi]: overlaps it, or is empty on it. */
static int touches(const ann_out_span *s, size_t lo, size_t hi)
{
    return (s->start < hi && s->end > lo) || (s->start == s->end && s->start >= lo && s->start <= hi);
}

int ann_textview_walk(const ann_textview *tv, const unsigned char *keep, const ann_block_ops *ops,
                      void *ctx)
{
    size_t n = tv->r.n_spans;
    /* The spans of the current block: those carried over from earlier
     * blocks that still go on, then those starting in it. */
    size_t *active = malloc((n + 1) * sizeof *active);
    if (!active)
        return ANN_ENOMEM;
    size_t n_active = 0, next = 0;
    int rc = ANN_OK;
    for (size_t b = 0; b < tv->n_blocks && rc == ANN_OK; b++) {
        size_t lo = tv->blocks[b].start, hi = tv->blocks[b].end;
        size_t kept = 0;
        for (size_t k = 0; k < n_active; k++)
            if (tv->r.spans[active[k]].end > lo)
                active[kept++] = active[k];
        n_active = kept;
        /* Spans wholly before this block lie between blocks: skipped. */
        while (next < n && tv->r.spans[tv->order[next]].start <= hi) {
            const ann_out_span *s = &tv->r.spans[tv->order[next]];
            if (touches(s, lo, hi) || s->end > hi)
                active[n_active++] = tv->order[next];
            next++;
        }
        if (ops->begin && (rc = ops->begin(ctx, b)))
            break;
        rc = ann_nest_walk_range(&tv->r, keep, active, n_active, lo, hi, &ops->nest, ctx);
        if (rc == ANN_OK && ops->end)
            rc = ops->end(ctx, b);
    }
    free(active);
    return rc;
}
