/*
 * qt_narrator.c -- the narrator of a first-person story.
 *
 * A quotation cued by "I said" is the narrator's (qt_resolve_subject gives
 * the word "I" as its speaker).  The narrator's name is rarely written in
 * the narration, but the other characters call them by it: in a story
 * told in the first person, the name used most often as a vocative inside
 * quotations (“Hello, Jake.”, “Jake, come on.”, qt_vocative.c) that the
 * narrator does not speak is the narrator's, if it leads the others
 * clearly; else the speaker is "narrator".
 */
#include "qt_attr.h"

#include <string.h>

/* Whether quotation q's speaker is the narrator ("I"). */
int qt_is_narrator(const qt_doc *d, const qt_quote *q)
{
    return q->spk_end == q->spk_start + 1 && d->text.s[q->spk_start] == 'I';
}

int qt_narrator_name(const qt_doc *d, uint32_t *na, uint32_t *nb)
{
    uint32_t narr = 0;
    for (size_t i = 0; i < d->n_quotes; i++)
        narr += (uint32_t)(d->quotes[i].depth == 0 && qt_is_narrator(d, &d->quotes[i]));
    if (narr < 3)
        return 0;
    qt_tally y;
    memset(&y, 0, sizeof y);
    for (size_t i = 0; i < d->n_quotes; i++) {
        const qt_quote *q = &d->quotes[i];
        uint32_t a, b, link;
        /* (the narrator speaking calls someone else) */
        if (q->depth == 0 && !qt_is_narrator(d, q) && qt_vocative(d, q, &a, &b, &link))
            qt_tally_add(d->text.s, &y, a, b);
    }
    if (y.nf == 0)
        return 0;
    uint32_t second, best = qt_tally_best(&y, &second);
    if (y.n[best] < 5 || y.n[best] < 2 * second)
        return 0;
    *na = y.a[best];
    *nb = y.b[best];
    qt_char_fullest(d, na, nb);
    return 1;
}
