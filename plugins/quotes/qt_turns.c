/*
 * qt_turns.c -- turn-taking in dialogue.
 *
 * In a novel most lines of a conversation carry no "said X": two people
 * speak in turn, one paragraph each, and the reader counts.  A turn here is
 * a paragraph holding a quotation; a run is a sequence of turns in
 * consecutive paragraphs (a paragraph of narration without quotations ends
 * it).  A turn's own speaker is that of its first quotation with a cue of
 * its own.  A turn without one, after two turns whose speakers are known
 * and differ (A, then B), is A's, and counts as known for the next turn (so
 * A, B, ?, ? reads A, B, A, B).  A turn of unknown speaker ends the chain;
 * an attributed turn restarts it.
 *
 * News is left alone: a run of quotation paragraphs there is one speaker
 * (A, A, ?) or attributed turn by turn, so the two-different-speakers
 * condition does not arise from it.
 */
#include "qt_attr.h"

#include <string.h>

typedef struct qt_turn {
    size_t para;        /* its paragraph; SIZE_MAX: none yet */
    uint32_t spk_start; /* its speaker, or 0,0 */
    uint32_t spk_end;
    uint32_t spk_link;
    uint8_t spk_gender;
} qt_turn;

static int qt_turn_same(const qt_doc *d, const qt_turn *a, const qt_turn *b)
{
    return a->spk_end - a->spk_start == b->spk_end - b->spk_start &&
           memcmp(d->text.s + a->spk_start, d->text.s + b->spk_start,
                  a->spk_end - a->spk_start) == 0;
}

/* Whether quotation q names its speaker itself (a cue of its own, not a
 * speaker carried over from an earlier paragraph). */
static int qt_own_speaker(const qt_quote *q)
{
    return q->spk_end > 0 && q->cue_end > 0 && !q->inherited;
}

static int qt_blank(char c)
{
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

/* Whether quotations [i, j) of paragraph p make a line of dialogue: the
 * paragraph opens with a quotation or ends with one (He turned. "Why?").
 * A paragraph of the writer with quoted words inside is none (news: She
 * called it "outrageous" and ...). */
static int qt_dialogue_line(const qt_doc *d, size_t p, size_t i, size_t j)
{
    const char *t = d->text.s;
    size_t a = d->paras[p].start, b = d->paras[p].end;
    while (a < b && qt_blank(t[a]))
        a++;
    while (b > a && qt_blank(t[b - 1]))
        b--;
    size_t last = i;
    for (size_t k = i; k < j; k++)
        if (d->quotes[k].depth == 0)
            last = k;
    return d->quotes[i].start == a || d->quotes[last].end == b;
}

void qt_turns(qt_doc *d)
{
    qt_turn t1 = {SIZE_MAX, 0, 0, UINT32_MAX, 0}, t2 = t1; /* last turn, the one before */
    size_t i = 0;
    while (i < d->n_quotes) {
        size_t p = d->quotes[i].para, j = i;
        /* the quotations of paragraph p: [i, j) */
        while (j < d->n_quotes && d->quotes[j].para == p)
            j++;
        qt_turn cur = {p, 0, 0, UINT32_MAX, 0};
        if (!qt_dialogue_line(d, p, i, j))
            cur.para = SIZE_MAX - 1; /* (no line of a run: ends it) */
        for (size_t k = i; k < j; k++) {
            const qt_quote *q = &d->quotes[k];
            if (q->depth == 0 && qt_own_speaker(q)) {
                cur.spk_start = q->spk_start;
                cur.spk_end = q->spk_end;
                cur.spk_link = q->spk_link;
                cur.spk_gender = q->spk_gender;
                break;
            }
        }
        int run = cur.para == p && t1.para < SIZE_MAX - 1 && t2.para < SIZE_MAX - 1 &&
                  t1.para + 1 == p &&
                  t2.para + 1 == t1.para;
        if (cur.spk_end == 0 && run && t1.spk_end > 0 && t2.spk_end > 0 &&
            !qt_turn_same(d, &t1, &t2)) {
            cur.spk_start = t2.spk_start;
            cur.spk_end = t2.spk_end;
            cur.spk_link = t2.spk_link;
            cur.spk_gender = t2.spk_gender;
            for (size_t k = i; k < j; k++) {
                qt_quote *q = &d->quotes[k];
                if (q->depth != 0 || (q->spk_end > 0 && q->cue_end > 0))
                    continue;
                q->spk_start = cur.spk_start;
                q->spk_end = cur.spk_end;
                q->spk_link = cur.spk_link;
                q->spk_gender = cur.spk_gender;
                q->by_turn = 1;
            }
        }
        t2 = t1;
        t1 = cur;
        i = j;
    }
}
