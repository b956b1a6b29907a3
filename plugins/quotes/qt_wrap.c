/*
 * qt_wrap.c -- whether a document's paragraphs are hard-wrapped lines.
 *
 * Why: the clause next to a quotation ends at a line break, because in
 * news a line break inside a block separates items (lists of quotations,
 * one per line, a signature under a quotation).  Novels from plain-text
 * archives wrap every paragraph at a fixed width instead, so a line break
 * there is a space: "...," said⏎Mrs. Moore.  A document whose long
 * paragraphs nearly all hold a line break is read so.
 */
#include "qt.h"

#include <string.h>

/* Paragraphs at least this long count: a wrapped text breaks them. */
#define QT_WRAP_MIN_PARA 120

int qt_is_wrapped(const qt_doc *d)
{
    size_t long_paras = 0, broken = 0;
    for (size_t p = 0; p < d->n_paras; p++) {
        size_t a = d->paras[p].start, b = d->paras[p].end;
        if (b > d->text.len || b < a + QT_WRAP_MIN_PARA)
            continue;
        long_paras++;
        /* (a break at the paragraph's own end is none: the reader may keep it) */
        while (b > a && (d->text.s[b - 1] == '\n' || d->text.s[b - 1] == '\r'))
            b--;
        if (memchr(d->text.s + a, '\n', b - a))
            broken++;
    }
    return long_paras >= 8 && broken * 4 >= long_paras * 3;
}
