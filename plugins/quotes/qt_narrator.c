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
    const char *t = d->text.s;
    enum { NV = 16 };
    uint32_t va[NV], vb[NV], cnt[NV], nv = 0, total = 0, narr = 0;
    for (size_t i = 0; i < d->n_quotes; i++)
        narr += (uint32_t)(d->quotes[i].depth == 0 && qt_is_narrator(d, &d->quotes[i]));
    if (narr < 3)
        return 0;
    for (size_t i = 0; i < d->n_quotes; i++) {
        const qt_quote *q = &d->quotes[i];
        uint32_t a, b, link;
        /* (the narrator speaking calls someone else) */
        if (q->depth != 0 || qt_is_narrator(d, q) || !qt_vocative(d, q, &a, &b, &link))
            continue;
        total++;
        uint32_t j = 0;
        while (j < nv && !(vb[j] - va[j] == b - a && memcmp(t + va[j], t + a, b - a) == 0))
            j++;
        if (j == nv) {
            if (nv == NV)
                continue;
            va[j] = a;
            vb[j] = b;
            cnt[j] = 0;
            nv++;
        }
        cnt[j]++;
    }
    uint32_t best = 0, second = 0;
    for (uint32_t j = 1; j < nv; j++)
        if (cnt[j] > cnt[best])
            best = j;
    for (uint32_t j = 0; j < nv; j++)
        if (j != best && cnt[j] > second)
            second = cnt[j];
    if (nv == 0 || cnt[best] < 5 || cnt[best] < 2 * second)
        return 0;
    *na = va[best];
    *nb = vb[best];
    qt_char_fullest(d, na, nb);
    return 1;
}
