/*
 * qt_narrator.c -- the narrator of a first-person story.
 *
 * A quotation cued by "I said" is the narrator's (qt_resolve_subject gives
 * the word "I" as its speaker).  The narrator's name is rarely written in
 * the narration, but the other characters call them by it: in a story
 * told in the first person, the name used most often as a vocative inside
 * quotations (“Hello, Jake.”, “Jake, come on.”, qt_vocative.c) that the
 * narrator does not speak is the narrator's, if it leads the others
 * clearly; else the speaker is "narrator".  The narrator calls the others
 * by name too, in lines the text often leaves unattributed: a name that
 * its own cues name as a speaker ("said Blake") is not the narrator's,
 * nor does a line count that was given to the name it calls.
 *
 * The others call the narrator by the first name in familiar talk and by
 * title and surname in formal talk ("Come in, Jake." / "Listen, Mr.
 * Barnes."), and the narration itself never writes the full name.  The
 * surname is the one of the titled vocatives in the lines right next to
 * the narrator's own, when one leads clearly; the speaker is then the
 * first name and that surname, the character's fullest name.
 */
#include "qt_attr.h"

#include <string.h>

/* Whether t[a1, b1) and t[a2, b2) are the same bytes. */
static int qt_same_bytes(const char *t, uint32_t a1, uint32_t b1, uint32_t a2, uint32_t b2)
{
    return b1 - a1 == b2 - a2 && memcmp(t + a1, t + a2, b1 - a1) == 0;
}

/* Whether quotation q's speaker is the narrator ("I"). */
int qt_is_narrator(const qt_doc *d, const qt_quote *q)
{
    return q->spk_end == q->spk_start + 1 && d->text.s[q->spk_start] == 'I';
}

/* Whether the line before or after quotation i (the next outermost
 * quotation, in the paragraph next to it) is the narrator's. */
static int qt_next_to_narrator(const qt_doc *d, size_t i)
{
    const qt_quote *q = &d->quotes[i];
    for (size_t k = i; k-- > 0;) {
        const qt_quote *p = &d->quotes[k];
        if (p->depth > 0)
            continue;
        if (p->end_para + 1 == q->para && qt_is_narrator(d, p))
            return 1;
        break;
    }
    for (size_t k = i + 1; k < d->n_quotes; k++) {
        const qt_quote *p = &d->quotes[k];
        if (p->depth > 0)
            continue;
        return p->para == q->end_para + 1 && qt_is_narrator(d, p);
    }
    return 0;
}

/* When t[a, e) opens with a title and one capitalised word ending in
 * ",", "!", "?", "." or at e ("Mr. Barnes,"), returns the end of that
 * word; else 0.  (Read from the text, not the entities: the tagger takes
 * many such vocatives for places.) */
static uint32_t qt_titled_vocative(const qt_doc *d, uint32_t a, uint32_t e)
{
    const char *t = d->text.s;
    uint32_t w = a;
    while (w < e && t[w] != ' ')
        w++;
    if (w + 2 >= e || !(t[w + 1] >= 'A' && t[w + 1] <= 'Z'))
        return 0;
    uint32_t b = w + 1;
    while (b < e && ((t[b] >= 'a' && t[b] <= 'z') || (t[b] >= 'A' && t[b] <= 'Z')))
        b++;
    if (b < e && t[b] != ',' && t[b] != '!' && t[b] != '?' && t[b] != '.')
        return 0;
    uint32_t ta = a;
    return qt_name_title(d, &ta, b) && ta == a ? b : 0;
}

/* The surname of the titled vocatives ("Mr. Barnes") in the lines next to
 * the narrator's: stores it in t[*sa, *sb) and returns 1 when one surname
 * has three of them and twice the next; else returns 0. */
static int qt_narrator_surname(const qt_doc *d, uint32_t *sa, uint32_t *sb)
{
    const char *t = d->text.s;
    qt_tally y;
    memset(&y, 0, sizeof y);
    for (size_t i = 0; i < d->n_quotes; i++) {
        const qt_quote *q = &d->quotes[i];
        if (q->depth > 0 || qt_is_narrator(d, q) || !qt_next_to_narrator(d, i))
            continue;
        for (uint32_t a = q->inner_start; a < q->inner_end; a++) {
            if (a != q->inner_start && !(t[a - 1] == ' ' && a >= 2 && t[a - 2] == ','))
                continue;
            uint32_t b = qt_titled_vocative(d, a, q->inner_end);
            if (!b)
                continue;
            uint32_t w = b;
            while (t[w - 1] != ' ')
                w--;
            qt_tally_add(t, &y, w, b);
            break;
        }
    }
    if (y.nf == 0)
        return 0;
    uint32_t second, best = qt_tally_best(&y, &second);
    if (y.n[best] < 3 || y.n[best] < 2 * second)
        return 0;
    *sa = y.a[best];
    *sb = y.b[best];
    return 1;
}

int qt_narrator_name(const qt_doc *d, uint32_t *na, uint32_t *nb, uint32_t *sa, uint32_t *sb)
{
    *sa = *sb = 0;
    uint32_t narr = 0;
    for (size_t i = 0; i < d->n_quotes; i++)
        narr += (uint32_t)(d->quotes[i].depth == 0 && qt_is_narrator(d, &d->quotes[i]));
    /* (a story told in the first person: its own lines are a tenth of the
     * cued ones at least; a few "I said" of a character telling a story
     * inside a novel told in the third person name no narrator) */
    uint32_t cued = 0;
    for (size_t i = 0; i < d->n_quotes; i++)
        cued += (uint32_t)(d->quotes[i].depth == 0 && d->quotes[i].cue_end > d->quotes[i].cue_start);
    if (narr < 3 || 10 * narr < cued)
        return 0;
    const char *t = d->text.s;
    qt_tally y;
    memset(&y, 0, sizeof y);
    for (size_t i = 0; i < d->n_quotes; i++) {
        const qt_quote *q = &d->quotes[i];
        uint32_t a, b, link;
        /* (the narrator speaking calls someone else; so does a line given
         * to the very name it calls, which was the narrator's or another's
         * line given wrongly: “My dear Blake, ...” is not Blake's) */
        if (q->depth == 0 && !qt_is_narrator(d, q) && qt_vocative(d, q, &a, &b, &link) &&
            !qt_same_bytes(t, q->spk_start, q->spk_end, a, b))
            qt_tally_add(t, &y, a, b);
    }
    /* The narrator tells "I said", never "said Blake": a name that a cue
     * of its own names as the speaker (not through a pronoun or a turn)
     * is another character, however often it is called. */
    for (uint32_t k = 0; k < y.nf; k++) {
        uint32_t own = 0;
        for (size_t i = 0; i < d->n_quotes && own < 2; i++) {
            const qt_quote *q = &d->quotes[i];
            if (q->depth == 0 && q->cue_end > q->cue_start && !q->inherited && !q->by_pronoun &&
                !q->by_turn && !q->by_narration &&
                qt_same_bytes(t, q->spk_start, q->spk_end, y.a[k], y.b[k]))
                own++;
        }
        if (own >= 2)
            y.n[k] = 0;
    }
    if (y.nf == 0)
        return 0;
    uint32_t second, best = qt_tally_best(&y, &second);
    if (y.n[best] < 5 || y.n[best] < 2 * second)
        return 0;
    *na = y.a[best];
    *nb = y.b[best];
    qt_char_fullest(d, na, nb);
    uint32_t ua, ub;
    if (memchr(d->text.s + *na, ' ', *nb - *na) == NULL && qt_narrator_surname(d, &ua, &ub) &&
        !(ub - ua == *nb - *na && memcmp(d->text.s + ua, d->text.s + *na, ub - ua) == 0)) {
        *sa = ua;
        *sb = ub;
    }
    return 1;
}
