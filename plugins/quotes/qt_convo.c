/*
 * qt_convo.c -- a conversation read as a whole: the parity of its turns.
 *
 * qt_turns counts turns forward from the last line it trusts, and one wrong
 * step (a line of narration taken for a speaker, a third person's name in
 * the narration) then carries through the rest of the run: in the tuning
 * novels most lines without a cue that it gets wrong stand in a run whose
 * gold speakers do alternate.  Here a run of dialogue -- lines in
 * consecutive paragraphs -- is read against its anchors, the lines whose
 * cue names their speaker ("...," said Fanny), and a line without a cue
 * between two anchors takes the speaker the alternation of the two gives:
 *
 *     A (anchor)  ?  ?  ?  B (anchor)     ->  A B A B: A, B two parties
 *     A (anchor)  ?  ?  ?  A (anchor)     ->  the even lines are A's
 *
 * only when the anchors agree with it (A and B an odd number of lines
 * apart, A and A an even number): otherwise a third person spoke, or two
 * lines were one speaker's, and the line keeps what qt_turns gave it.  A
 * line whose own vocative names the speaker the parity gives is left alone
 * too (nobody calls themselves by name).
 */
#include "qt_attr.h"

#include <string.h>

typedef struct qt_cline {
    uint32_t i, j;   /* its quotations [i, j) */
    uint32_t para;   /* its first paragraph */
    uint32_t last;   /* its last paragraph (a quotation may run over several) */
    uint32_t anchor; /* the quotation whose cue names the speaker, or UINT32_MAX */
} qt_cline;

/* Whether quotation q names its speaker by a cue and a name of its own:
 * not a pronoun, not a speaker inherited, counted or read off narration. */
static int qt_is_anchor(const qt_quote *q)
{
    return q->depth == 0 && q->spk_end > 0 && q->cue_end > 0 && !q->inherited &&
           !q->by_pronoun && !q->by_turn && !q->by_narration;
}

/* The last word of the name t[a, b): its start. */
static uint32_t qt_last_word(const char *t, uint32_t a, uint32_t b)
{
    uint32_t k = b;
    while (k > a && t[k - 1] != ' ')
        k--;
    return k;
}

/* Whether names t[a1, b1) and t[a2, b2) are one person: the same bytes, or
 * one is a single word that ends the other (Aziz, Dr. Aziz); two names with
 * the same last word otherwise (Mary Crawford, Henry Crawford, Miss
 * Crawford) may or may not be, which no parity can settle. */
int qt_same_person(const char *t, uint32_t a1, uint32_t b1, uint32_t a2, uint32_t b2)
{
    if (b1 - a1 == b2 - a2 && memcmp(t + a1, t + a2, b1 - a1) == 0)
        return QT_PERSON_SAME;
    uint32_t w1 = qt_last_word(t, a1, b1), w2 = qt_last_word(t, a2, b2);
    if (b1 - w1 != b2 - w2 || memcmp(t + w1, t + w2, b1 - w1) != 0)
        return QT_PERSON_OTHER;
    return (w1 == a1 || w2 == a2) ? QT_PERSON_SAME : QT_PERSON_UNSURE;
}

static int qt_person(const qt_doc *d, const qt_quote *x, const qt_quote *y)
{
    return qt_same_person(d->text.s, x->spk_start, x->spk_end, y->spk_start, y->spk_end);
}

/* The lines of d with their runs: writes them to out (room for n_quotes)
 * and returns how many. */
static size_t qt_lines(const qt_doc *d, qt_cline *out)
{
    size_t n = 0;
    for (size_t i = 0; i < d->n_quotes;) {
        size_t j = i;
        uint32_t last = d->quotes[i].para;
        qt_cline c = {(uint32_t)i, 0, d->quotes[i].para, 0, UINT32_MAX};
        while (j < d->n_quotes && d->quotes[j].para == d->quotes[i].para) {
            const qt_quote *q = &d->quotes[j];
            if (q->depth == 0 && q->end_para > last)
                last = q->end_para;
            if (c.anchor == UINT32_MAX && qt_is_anchor(q))
                c.anchor = (uint32_t)j;
            j++;
        }
        c.j = (uint32_t)j;
        c.last = last;
        out[n++] = c;
        i = j;
    }
    return n;
}

/* Whether line c has no cue of its own: none of its outer quotations has
 * one (the lines qt_turns counted, inherited or left without a speaker). */
static int qt_uncued(const qt_doc *d, const qt_cline *c)
{
    for (uint32_t k = c->i; k < c->j; k++)
        if (d->quotes[k].depth == 0 && d->quotes[k].cue_end > 0)
            return 0;
    return 1;
}

/* The speaker the anchors of run [r0, r1) give line k by parity, or NULL:
 * the nearest anchor before k and the nearest after it must agree with
 * two parties alternating. */
static const qt_quote *qt_parity(const qt_doc *d, const qt_cline *l, size_t r0, size_t r1,
                                 size_t k)
{
    size_t a = SIZE_MAX, b = SIZE_MAX;
    for (size_t x = k; x-- > r0;)
        if (l[x].anchor != UINT32_MAX) {
            a = x;
            break;
        }
    for (size_t x = k + 1; x < r1; x++)
        if (l[x].anchor != UINT32_MAX) {
            b = x;
            break;
        }
    const qt_quote *qa = a != SIZE_MAX ? &d->quotes[l[a].anchor] : NULL;
    const qt_quote *qb = b != SIZE_MAX ? &d->quotes[l[b].anchor] : NULL;
    if (qa && qb) {
        int same = qt_person(d, qa, qb);
        int odd = (b - a) % 2 == 1;
        if (same == QT_PERSON_UNSURE || (same == QT_PERSON_SAME) == odd)
            return NULL; /* (a third person, or a line lost) */
        if ((k - a) % 2 == 0)
            return qa;
        if ((b - k) % 2 == 0)
            return qb;
        return NULL; /* (A ? ? A: the odd lines are someone unnamed) */
    }
    /* (an anchor on one side only was tried: its line and every other
     * line from it as that speaker's filled 32 lines of the tuning novels,
     * 16 right; the lines between as the other party's, named by a second
     * anchor, 14 lines, 4 right: guesses) */
    return NULL;
}

void qt_convo(qt_doc *d)
{
    if (!d->story || d->n_quotes == 0)
        return;
    qt_cline *l = d->text.host->scratch(d->doc, d->n_quotes * sizeof *l);
    if (!l)
        return; /* (no memory: the counting of qt_turns stands) */
    size_t n = qt_lines(d, l);
    for (size_t r0 = 0; r0 < n;) {
        size_t r1 = r0 + 1;
        while (r1 < n && l[r1].para == l[r1 - 1].last + 1)
            r1++;
        for (size_t k = r0; k < r1; k++) {
            if (l[k].anchor != UINT32_MAX || !qt_uncued(d, &l[k]) ||
                d->quotes[l[k].i].spk_end > 0)
                continue;
            const qt_quote *s = qt_parity(d, l, r0, r1, k);
            if (!s)
                continue;
            uint32_t va, vb, vl;
            int calls = 0;
            for (uint32_t x = l[k].i; x < l[k].j && !calls; x++)
                if (d->quotes[x].depth == 0 && qt_vocative(d, &d->quotes[x], &va, &vb, &vl))
                    calls = qt_same_person(d->text.s, va, vb, s->spk_start, s->spk_end) !=
                            QT_PERSON_OTHER;
            if (calls)
                continue;
            for (uint32_t x = l[k].i; x < l[k].j; x++) {
                qt_quote *q = &d->quotes[x];
                if (q->depth != 0)
                    continue;
                qt_copy_speaker(q, s);
                q->by_turn = 1;
            }
        }
        r0 = r1;
    }
}
