/*
 * qt_pair.c -- pairing quotation marks into quotations.
 *
 * Marks are paired with a stack per paragraph.  A closing mark closes the
 * innermost open quotation of its family (double or single), dropping any
 * unclosed quotations opened inside it; a closing mark with nothing of its
 * family open is a stray and is ignored.  A straight " that could do both
 * closes when a double quotation is open and opens one otherwise.
 *
 * Unclosed quotations end with their paragraph, except for the convention of
 * multi-paragraph quotations: a paragraph ends with the outermost quotation
 * still open and the next paragraph begins with an opening mark of the same
 * family.  Then the quotation goes on (that opening mark is a continuation
 * mark, not a new quotation) and ends at its closing mark in a later
 * paragraph, as one span.
 */
#include "qt.h"

#include <stdlib.h>
#include <string.h>

#define QT_MAX_DEPTH 16

typedef struct qt_open {
    uint32_t pos;
    uint8_t len, family;
    uint32_t para;
} qt_open;

/* Whether two marks are the same glyph style: a straight " carries over
 * only into a paragraph opening with ", a curly one only into a curly one
 * (a stray " before a paragraph of curly quotations is not a
 * multi-paragraph quotation). */
static int qt_same_style(const char *t, uint32_t a, uint32_t b)
{
    return (t[a] == '"' || t[a] == '\'') == (t[b] == '"' || t[b] == '\'');
}

static int qt_push_quote(qt_doc *d, const qt_open *o, const qt_mark *m, uint32_t para)
{
    /* A quotation needs a letter or digit inside: "" and ' ' are not ones. */
    size_t a = o->pos + o->len, b = m->pos, cl;
    int has_word = 0;
    for (size_t i = a; i < b; i += cl) {
        if (qt_class(&d->text, qt_cp_at(&d->text, b, i, &cl)) & QT_WORD) {
            has_word = 1;
            break;
        }
    }
    if (!has_word)
        return ANN_OK;
    if (d->n_quotes == d->cap_quotes) {
        size_t cap = d->cap_quotes ? d->cap_quotes * 2 : 32;
        qt_quote *q = d->text.host->scratch_grow(d->doc, d->quotes, d->cap_quotes * sizeof *q,
                                                 cap * sizeof *q);
        if (!q)
            return ANN_ENOMEM;
        d->quotes = q;
        d->cap_quotes = cap;
    }
    qt_quote *q = &d->quotes[d->n_quotes++];
    memset(q, 0, sizeof *q);
    q->start = o->pos;
    q->inner_start = o->pos + o->len;
    q->inner_end = m->pos;
    q->end = m->pos + m->len;
    q->para = o->para;
    q->end_para = para;
    q->family = o->family;
    q->spk_link = UINT32_MAX;
    return ANN_OK;
}

/* The first mark of paragraph p if it is the paragraph's first character
 * and may open a quotation; else returns 0. */
static int qt_para_opener(const qt_doc *d, size_t p, qt_mark *m)
{
    size_t lo = d->paras[p].start, end = d->paras[p].end, i = lo, cl;
    while (i < end && (qt_class(&d->text, qt_cp_at(&d->text, end, i, &cl)) & ANN_CHAR_SPACE))
        i += cl;
    size_t pos = i;
    if (!qt_next_mark(&d->text, lo, end, &pos, m) || m->pos != i)
        return 0;
    return (m->role & QT_OPEN) != 0;
}

static int qt_cmp_quote(const void *a, const void *b)
{
    const qt_quote *x = a, *y = b;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    if (x->end != y->end)
        return x->end > y->end ? -1 : 1;
    return 0;
}

int qt_find_quotes(qt_doc *d)
{
    qt_open stack[QT_MAX_DEPTH];
    size_t depth = 0;
    for (size_t p = 0; p < d->n_paras; p++) {
        size_t lo = d->paras[p].start, end = d->paras[p].end, pos = lo;
        if (end > d->text.len)
            end = d->text.len;
        if (depth > 0) { /* a quotation carried over: skip its continuation mark */
            qt_mark m;
            if (qt_para_opener(d, p, &m) && m.family == stack[0].family &&
                qt_same_style(d->text.s, m.pos, stack[0].pos)) {
                pos = m.pos + m.len;
                depth = 1;
            } else {
                depth = 0;
            }
        }
        qt_mark m;
        while (qt_next_mark(&d->text, lo, end, &pos, &m)) {
            if (m.role == 0)
                continue;
            if ((m.role & QT_CLOSE) && !(m.role & QT_WEAK)) {
                size_t k = depth;
                while (k > 0 && stack[k - 1].family != m.family)
                    k--;
                if (k > 0) {
                    if (qt_push_quote(d, &stack[k - 1], &m, (uint32_t)p) != ANN_OK)
                        return ANN_ENOMEM;
                    depth = k - 1;
                    continue;
                }
            }
            if ((m.role & QT_OPEN) && depth < QT_MAX_DEPTH) {
                stack[depth].pos = m.pos;
                stack[depth].len = m.len;
                stack[depth].family = m.family;
                stack[depth].para = (uint32_t)p;
                depth++;
            }
        }
        if (depth > 0) {
            qt_mark next;
            if (p + 1 < d->n_paras && qt_para_opener(d, p + 1, &next) &&
                next.family == stack[0].family && qt_same_style(d->text.s, next.pos, stack[0].pos))
                depth = 1;
            else
                depth = 0;
        }
    }
    if (d->n_quotes > 1)
        qsort(d->quotes, d->n_quotes, sizeof *d->quotes, qt_cmp_quote);
    /* depth = how many quotations contain this one */
    uint32_t ends[QT_MAX_DEPTH];
    size_t n = 0;
    for (size_t i = 0; i < d->n_quotes; i++) {
        qt_quote *q = &d->quotes[i];
        while (n > 0 && ends[n - 1] <= q->start)
            n--;
        q->depth = (uint8_t)n;
        if (n < QT_MAX_DEPTH)
            ends[n++] = q->end;
    }
    return ANN_OK;
}
