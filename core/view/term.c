/*
 * term.c -- see term.h.  Each block of the text view is rendered into a
 * buffer of its own (spans as colours or brackets), then laid out by its
 * style: wrapped under a prefix (quote bars, list indentation and bullet),
 * underlined when a heading, or kept as a cell until its table is complete
 * and the columns can be aligned.  Notes follow their block (or table).
 */
#include "view/term.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/grow.h"
#include "view/legend.h"
#include "view/notes.h"
#include "write/palette.h"
#include "write/textview.h"

typedef struct cell {
    uint32_t row, col;
    int header;
    ann_buf text;
} cell;

typedef struct term_ctx {
    const ann_textview *tv;
    const ann_result *r; /* in view offsets */
    const ann_term_opts *o;
    ann_buf *out;
    ann_buf blk;   /* the block being rendered */
    size_t *stack; /* open pieces, to restore the outer colour on close */
    size_t depth;
    size_t *notes; /* spans whose notes wait for the end of the block */
    size_t n_notes;
    unsigned *note_no; /* per span: its note number, 0 for none yet */
    unsigned next_note;
    ann_block_style prev; /* the block laid out last */
    int started;          /* something was laid out */
    cell *cells;          /* the table being collected */
    size_t n_cells, cap_cells;
    ann_block_style table; /* its first cell's style */
} term_ctx;

/* ---- spans inside a block ----------------------------------------------- */

static void put_style(term_ctx *c)
{
    if (c->depth == 0) {
        ann_buf_puts(&c->blk, "\033[0m");
        return;
    }
    const ann_colour *col = ann_palette_colour(c->r->spans[c->stack[c->depth - 1]].label);
    ann_buf_printf(&c->blk, "\033[0;30;48;5;%dm", col->ansi_bg);
}

static int on_text(void *p, size_t start, size_t end)
{
    term_ctx *c = p;
    const char *s = (const char *)c->r->bytes;
    /* Prose is re-wrapped, so its line breaks are spaces; a plain text keeps
     * them.  A coloured newline would paint the margin, so line breaks are
     * written uncoloured. */
    size_t run = start;
    for (size_t i = start; i <= end; i++) {
        if (i < end && s[i] != '\n' && s[i] != '\r')
            continue;
        ann_buf_append(&c->blk, s + run, i - run);
        if (i < end && c->tv->prose) {
            ann_buf_putc(&c->blk, ' ');
        } else if (i < end && s[i] == '\n') {
            if (c->o->colour && c->depth) {
                ann_buf_puts(&c->blk, "\033[0m\n");
                put_style(c);
            } else {
                ann_buf_putc(&c->blk, '\n');
            }
        }
        run = i + 1;
    }
    return c->blk.failed ? ANN_ENOMEM : ANN_OK;
}

static int on_open(void *p, size_t i, int continued)
{
    term_ctx *c = p;
    c->stack[c->depth++] = i;
    if (c->o->colour)
        put_style(c);
    else
        ann_buf_puts(&c->blk, continued ? "[+" : "[");
    return ANN_OK;
}

/* After a finished span's label: its attributes inline, or its note number
 * (the note itself comes after the block). */
static void put_attrs(term_ctx *c, size_t i)
{
    const ann_out_span *s = &c->r->spans[i];
    if (c->o->attrs == ANN_TERM_INLINE) {
        ann_note_inline(c->r, i, &c->blk);
    } else if (c->o->attrs == ANN_TERM_NOTES && ann_note_wanted(s)) {
        if (!c->note_no[i]) {
            c->note_no[i] = ++c->next_note;
            c->notes[c->n_notes++] = i;
        }
        ann_note_mark(c->note_no[i], &c->blk);
    }
}

static int on_close(void *p, size_t i, int finished)
{
    term_ctx *c = p;
    const char *label = c->r->spans[i].label;
    if (c->o->colour) {
        /* The label tag: bold, inside the span's colour, so the label can be
         * read without telling colours apart; a no-break space keeps it on
         * the line of the span's last word. */
        if (finished) {
            ann_buf_printf(&c->blk, "\033[1m\xC2\xA0%s", label);
            put_attrs(c, i);
        }
        c->depth--;
        put_style(c);
    } else {
        ann_buf_printf(&c->blk, "]%s", label);
        if (finished)
            put_attrs(c, i);
        else
            ann_buf_putc(&c->blk, '+');
        c->depth--;
    }
    return c->blk.failed ? ANN_ENOMEM : ANN_OK;
}

/* ---- layout -------------------------------------------------------------- */

/* Appends text wrapped to the width left after the prefixes: `first` before
 * its first line, `rest` before the others. */
static void put_wrapped(term_ctx *c, const char *first, const char *rest, const char *text,
                        size_t len)
{
    int width = c->o->width;
    if (width > 0) {
        size_t pw = ann_term_width(rest, strlen(rest));
        width = (size_t)width > pw + 20 ? width - (int)pw : 20;
    }
    ann_buf wrapped = ANN_BUF_INIT;
    ann_term_wrap(text, len, width, &wrapped);
    if (wrapped.failed)
        c->out->failed = 1;
    const char *s = wrapped.data ? wrapped.data : "";
    size_t n = wrapped.len, from = 0;
    int first_line = 1;
    while (n > 0 && s[n - 1] == '\n')
        n--;
    for (size_t i = 0; i <= n; i++) {
        if (i < n && s[i] != '\n')
            continue;
        ann_buf_puts(c->out, first_line ? first : rest);
        ann_buf_append(c->out, s + from, i - from);
        ann_buf_putc(c->out, '\n');
        first_line = 0;
        from = i + 1;
    }
    ann_buf_free(&wrapped);
}

/* The quote bars before every line of a block. */
static void quote_prefix(char *p, size_t size, const ann_block_style *st)
{
    p[0] = '\0';
    for (unsigned q = 0; q < st->quote && q < 8 && strlen(p) + 5 < size; q++)
        strcat(p, "\xE2\x94\x82 ");
}

/* The notes waiting for the block just laid out, under prefix `pre`. */
static void put_notes(term_ctx *c, const char *pre)
{
    char first[96], rest[96];
    snprintf(first, sizeof first, "%s  ", pre);
    snprintf(rest, sizeof rest, "%s      ", pre);
    for (size_t k = 0; k < c->n_notes; k++) {
        ann_buf line = ANN_BUF_INIT;
        size_t i = c->notes[k];
        ann_note_line(c->r, c->tv->orig, i, c->note_no[i], &line);
        if (line.failed)
            c->out->failed = 1;
        put_wrapped(c, first, rest, line.data ? line.data : "", line.len);
        ann_buf_free(&line);
    }
    c->n_notes = 0;
}

/* A blank line between blocks, but not between the items of one list. */
static void separate(term_ctx *c, const ann_block_style *st)
{
    int tight = c->prev.kind == ANN_BLOCK_ITEM && st->kind == ANN_BLOCK_ITEM;
    if (c->started && !tight)
        ann_buf_putc(c->out, '\n');
    c->started = 1;
}

/* Lays out the collected table: columns as wide as their widest cell, a
 * rule under the header rows. */
static void flush_table(term_ctx *c)
{
    if (c->n_cells == 0)
        return;
    separate(c, &c->table);
    uint32_t n_cols = 0;
    for (size_t k = 0; k < c->n_cells; k++)
        if (c->cells[k].col + 1 > n_cols && c->cells[k].col < 256)
            n_cols = c->cells[k].col + 1;
    size_t *w = calloc(n_cols + 1, sizeof *w);
    if (!w) {
        c->out->failed = 1;
        return;
    }
    for (size_t k = 0; k < c->n_cells; k++)
        if (c->cells[k].col < n_cols) {
            size_t cw = ann_term_width(c->cells[k].text.data ? c->cells[k].text.data : "",
                                       c->cells[k].text.len);
            if (cw > w[c->cells[k].col])
                w[c->cells[k].col] = cw;
        }
    char pre[64];
    quote_prefix(pre, sizeof pre, &c->table);
    for (size_t k = 0; k < c->n_cells;) {
        size_t end = k;
        while (end < c->n_cells && c->cells[end].row == c->cells[k].row)
            end++;
        ann_buf_puts(c->out, pre);
        for (uint32_t col = 0; col < n_cols; col++) {
            const cell *x = NULL;
            for (size_t j = k; j < end && !x; j++)
                if (c->cells[j].col == col)
                    x = &c->cells[j];
            if (col)
                ann_buf_puts(c->out, " \xE2\x94\x82 ");
            const char *t = x && x->text.data ? x->text.data : "";
            size_t tl = x ? x->text.len : 0;
            ann_buf_append(c->out, t, tl);
            if (col + 1 < n_cols)
                for (size_t s = ann_term_width(t, tl); s < w[col]; s++)
                    ann_buf_putc(c->out, ' ');
        }
        ann_buf_putc(c->out, '\n');
        if (c->cells[k].header && (end == c->n_cells || !c->cells[end].header)) {
            ann_buf_puts(c->out, pre);
            for (uint32_t j = 0; j < n_cols; j++) {
                if (j)
                    ann_buf_puts(c->out, "\xE2\x94\x80\xE2\x94\xBC\xE2\x94\x80");
                for (size_t s = 0; s < w[j]; s++)
                    ann_buf_puts(c->out, "\xE2\x94\x80");
            }
            ann_buf_putc(c->out, '\n');
        }
        k = end;
    }
    free(w);
    for (size_t k = 0; k < c->n_cells; k++)
        ann_buf_free(&c->cells[k].text);
    c->n_cells = 0;
    c->prev = c->table;
    put_notes(c, pre);
}

static int block_begin(void *p, size_t b)
{
    term_ctx *c = p;
    ann_block_style st = ann_textview_style(c->tv, b);
    if (c->n_cells && (st.kind != ANN_BLOCK_CELL || st.group != c->table.group))
        flush_table(c);
    ann_buf_reset(&c->blk);
    c->blk.failed = 0;
    return c->out->failed ? ANN_ENOMEM : ANN_OK;
}

static void add_cell(term_ctx *c, const ann_block_style *st)
{
    /* A second block of the same cell (an HTML cell with two paragraphs)
     * joins the first. */
    cell *last = c->n_cells ? &c->cells[c->n_cells - 1] : NULL;
    if (last && last->row == st->row && last->col == st->col) {
        ann_buf_putc(&last->text, ' ');
        ann_buf_append(&last->text, c->blk.data ? c->blk.data : "", c->blk.len);
        if (last->text.failed)
            c->out->failed = 1;
        return;
    }
    cell *g = ann_grow(c->cells, c->n_cells, &c->cap_cells, sizeof *g, 16);
    if (!g) {
        c->out->failed = 1;
        return;
    }
    c->cells = g;
    if (c->n_cells == 0)
        c->table = *st;
    cell *x = &c->cells[c->n_cells++];
    x->row = st->row;
    x->col = st->col;
    x->header = st->header;
    x->text = c->blk;
    c->blk = (ann_buf)ANN_BUF_INIT;
}

static int block_end(void *p, size_t b)
{
    term_ctx *c = p;
    ann_block_style st = ann_textview_style(c->tv, b);
    const char *text = c->blk.data ? c->blk.data : "";
    size_t len = c->blk.len;
    if (c->blk.failed)
        return ANN_ENOMEM;
    if (st.kind == ANN_BLOCK_CELL) {
        add_cell(c, &st);
        return c->out->failed ? ANN_ENOMEM : ANN_OK;
    }
    separate(c, &st);
    char pre[64], first[96], rest[96];
    quote_prefix(pre, sizeof pre, &st);
    if (st.kind == ANN_BLOCK_ITEM) {
        /* Two columns per level, then "• " or "3. "; a further paragraph of
         * the same item is indented like its text. */
        unsigned level = st.level ? st.level : 1;
        char marker[16];
        int more = c->prev.kind == ANN_BLOCK_ITEM && c->prev.group == st.group &&
                   c->prev.item == st.item && c->prev.level == st.level;
        if (st.ordered)
            snprintf(marker, sizeof marker, "%u. ", (unsigned)st.item);
        else
            snprintf(marker, sizeof marker, "%s ", level % 2 ? "\xE2\x80\xA2" : "\xE2\x97\xA6");
        size_t mw = ann_term_width(marker, strlen(marker));
        unsigned ind = 2 * (level - 1 < 12 ? level - 1 : 12);
        snprintf(first, sizeof first, "%s%*s%s", pre, (int)ind, "", more ? "" : marker);
        snprintf(rest, sizeof rest, "%s%*s", pre, (int)(ind + mw), "");
        if (more)
            snprintf(first, sizeof first, "%s", rest);
        put_wrapped(c, first, rest, text, len);
        put_notes(c, rest);
    } else if (st.kind == ANN_BLOCK_HEADING || st.kind == ANN_BLOCK_TITLE) {
        size_t before = c->out->len;
        put_wrapped(c, pre, pre, text, len);
        /* Underlined by its widest line: = for the top level, - below. */
        size_t widest = 0, from = before;
        for (size_t i = before; i < c->out->len; i++)
            if (c->out->data[i] == '\n') {
                size_t wl = ann_term_width(c->out->data + from, i - from);
                widest = wl > widest ? wl : widest;
                from = i + 1;
            }
        widest -= widest >= ann_term_width(pre, strlen(pre)) ? ann_term_width(pre, strlen(pre)) : 0;
        ann_buf_puts(c->out, pre);
        for (size_t k = 0; k < widest; k++)
            ann_buf_putc(c->out, st.kind == ANN_BLOCK_HEADING && st.level == 1 ? '=' : '-');
        ann_buf_putc(c->out, '\n');
        put_notes(c, pre);
    } else {
        put_wrapped(c, pre, pre, text, len);
        put_notes(c, pre);
    }
    c->prev = st;
    return c->out->failed ? ANN_ENOMEM : ANN_OK;
}

/* A document whose plugins failed lacks their layers: one warning line
 * first, or the view would look complete. */
static void put_failed(const ann_result *r, int colour, ann_buf *out)
{
    if (!r->n_failed)
        return;
    ann_buf_puts(out, colour ? "\033[1;31mwarning:\033[0m " : "warning: ");
    for (size_t i = 0; i < r->n_failed; i++)
        ann_buf_printf(out, "%slayer %s missing, its plugin failed (%s)", i ? "; " : "",
                       r->failed[i].plugin, r->failed[i].reason);
    ann_buf_puts(out, "\n\n");
}

int ann_term_render(const ann_result *r, const unsigned char *keep, const ann_term_opts *o,
                    ann_buf *out)
{
    ann_textview tv;
    term_ctx c;
    memset(&c, 0, sizeof c);
    c.tv = &tv;
    c.o = o;
    c.out = out;
    c.blk = (ann_buf)ANN_BUF_INIT;
    int rc = ann_textview_init(&tv, r);
    c.r = &tv.r;
    c.stack = malloc((r->n_spans + 1) * sizeof *c.stack);
    c.notes = malloc((r->n_spans + 1) * sizeof *c.notes);
    c.note_no = calloc(r->n_spans + 1, sizeof *c.note_no);
    if (rc == ANN_OK && (!c.stack || !c.notes || !c.note_no))
        rc = ANN_ENOMEM;
    if (rc == ANN_OK)
        put_failed(r, o->colour, out);
    if (rc == ANN_OK && o->legend)
        rc = ann_legend_render(&tv.r, keep, o, out);
    static const ann_block_ops ops = {block_begin, block_end, {on_text, on_open, on_close}};
    if (rc == ANN_OK)
        rc = ann_textview_walk(&tv, keep, &ops, &c);
    if (rc == ANN_OK)
        flush_table(&c);
    if (rc == ANN_OK && out->failed)
        rc = ANN_ENOMEM;
    for (size_t k = 0; k < c.n_cells; k++)
        ann_buf_free(&c.cells[k].text);
    free(c.cells);
    ann_buf_free(&c.blk);
    free(c.stack);
    free(c.notes);
    free(c.note_no);
    ann_textview_free(&tv);
    return rc;
}
