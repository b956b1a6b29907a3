/*
 * qt_narrator.c -- the narrator of a first-person story.
 *
 * A quotation cued by "I said" is the narrator's (qt_resolve_subject gives
 * the word "I" as its speaker).  The narrator's name is rarely written in
 * the narration, but the other characters call them by it: in a story
 * told in the first person, the name used most often as a vocative inside
 * quotations (“Hello, Jake.”, “Jake, come on.”) that the narrator does not
 * speak is the narrator's.  A vocative must be a PER span of the entities
 * layer, and lead the others clearly; else the speaker is "narrator".
 */
#include "qt_attr.h"

#include <string.h>

/* Whether quotation q's speaker is the narrator ("I"). */
int qt_is_narrator(const qt_doc *d, const qt_quote *q)
{
    return q->spk_end == q->spk_start + 1 && d->text.s[q->spk_start] == 'I';
}

/* The PER span that is a vocative at t[a, ...) or ending at b inside the
 * quotation [lo, hi): after the opening mark or ", " and before ",", "!",
 * "?", "." or the closing mark.  Returns the span or NULL. */
static const ann_span *qt_vocative_span(const qt_doc *d, size_t k)
{
    const ann_span *s = &d->ents[k];
    if (!s->label || strcmp(s->label, "PER") != 0)
        return NULL;
    const char *t = d->text.s;
    size_t a = s->start, b = s->end;
    /* the quotation around it */
    size_t lo = 0, hi = d->n_quotes;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (d->quotes[mid].start <= a)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == 0)
        return NULL;
    const qt_quote *q = &d->quotes[lo - 1];
    if (q->depth != 0 || b > q->inner_end || a < q->inner_start)
        return NULL;
    int before = a == q->inner_start || (a >= q->inner_start + 2 && t[a - 2] == ',' && t[a - 1] == ' ');
    int after = b < q->inner_end + 1 &&
                (b == q->inner_end || t[b] == ',' || t[b] == '!' || t[b] == '?' || t[b] == '.');
    if (!before || !after || (a == q->inner_start && b == q->inner_end))
        return NULL;
    if (qt_is_narrator(d, q))
        return NULL; /* the narrator speaking to someone else */
    return s;
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
    for (size_t k = 0; k < d->n_ents; k++) {
        const ann_span *s = qt_vocative_span(d, k);
        if (!s)
            continue;
        uint32_t a = s->start, b = s->end;
        qt_name_trim(d, &a, &b);
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
