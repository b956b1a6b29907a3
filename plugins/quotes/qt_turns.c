/*
 * qt_turns.c -- turn-taking in dialogue.
 *
 * In a novel most lines of a conversation carry no "said X": people speak
 * in turn, one paragraph each, and the reader counts.  A turn here is a
 * paragraph that opens or ends with a quotation (a paragraph of the writer
 * with quoted words inside is none); its own speaker is that of its first
 * quotation with a cue of its own.
 *
 * Two rules, in two kinds of documents:
 *   - everywhere: a turn without a speaker of its own, right after two
 *     turns in consecutive paragraphs whose speakers are known and differ
 *     (A, then B), is A's (A, B, ?, ? reads A, B, A, B);
 *   - in a document that is a dialogue (a story: many turns, see
 *     qt_is_dialogue), a turn right after a turn of speaker B, with no cue
 *     of its own, is not B's, whatever the news rules inherited: it goes to
 *     the person B was talking to -- the one B named as a vocative (“Do not
 *     go, Jane.”), else the latest other speaker of the last few paragraphs.
 * A turn whose speaker stays unknown ends the chain; an attributed turn
 * restarts it; so does a paragraph between two turns.
 *
 * News is left alone: a run of quotation paragraphs there is one speaker
 * (A, A, ?) or attributed turn by turn, so the two-speakers condition does
 * not arise, and a news article has far fewer turns than a story.
 */
#include "qt_attr.h"

#include <string.h>

/* Turns a document needs to be read as a dialogue, and how many paragraphs
 * back the other party of a conversation is looked for (both chosen on the
 * tuning novels of eval_pdnc). */
#ifndef QT_DIALOGUE_TURNS
#define QT_DIALOGUE_TURNS 40
#endif
#ifndef QT_PARTNER_PARAS
#define QT_PARTNER_PARAS 12
#endif

typedef struct qt_turn {
    size_t para;        /* its paragraph; SIZE_MAX: none */
    uint32_t spk_start; /* its speaker, or 0,0 */
    uint32_t spk_end;
    uint32_t spk_link;
    uint8_t spk_gender;
    uint32_t voc_start, voc_end; /* a vocative in it naming someone, or 0,0 */
    uint32_t voc_link;           /* the vocative's PER span */
} qt_turn;

enum { QT_HISTORY = 8 };

static int qt_same_text(const qt_doc *d, uint32_t a1, uint32_t b1, uint32_t a2, uint32_t b2)
{
    return b1 - a1 == b2 - a2 && memcmp(d->text.s + a1, d->text.s + a2, b1 - a1) == 0;
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

/* End of the quotations of the paragraph of quotation i. */
static size_t qt_para_end(const qt_doc *d, size_t i)
{
    size_t j = i;
    while (j < d->n_quotes && d->quotes[j].para == d->quotes[i].para)
        j++;
    return j;
}

/* Whether d reads as a story told in dialogue: QT_DIALOGUE_TURNS lines of
 * dialogue at least. */
int qt_is_dialogue(const qt_doc *d)
{
    size_t turns = 0;
    for (size_t i = 0; i < d->n_quotes && turns < QT_DIALOGUE_TURNS;) {
        size_t j = qt_para_end(d, i);
        turns += (size_t)qt_dialogue_line(d, d->quotes[i].para, i, j);
        i = j;
    }
    return turns >= QT_DIALOGUE_TURNS;
}

static void qt_turn_speaker(qt_turn *t, const qt_turn *from)
{
    t->spk_start = from->spk_start;
    t->spk_end = from->spk_end;
    t->spk_link = from->spk_link;
    t->spk_gender = from->spk_gender;
}

/* The person the speaker of hist[0] talks to: the nearest other speaker in
 * hist[1 ..] (lines before it, or after it for qt_turns_back) within
 * QT_PARTNER_PARAS paragraphs of paragraph p.  NULL if none. */
static const qt_turn *qt_partner(const qt_doc *d, const qt_turn *hist, size_t p)
{
    for (size_t k = 1; k < QT_HISTORY; k++) {
        const qt_turn *h = &hist[k];
        if (h->para == SIZE_MAX || h->para + QT_PARTNER_PARAS < p || p + QT_PARTNER_PARAS < h->para)
            return NULL;
        if (h->spk_end > 0 &&
            !qt_same_text(d, h->spk_start, h->spk_end, hist[0].spk_start, hist[0].spk_end))
            return h;
    }
    return NULL;
}

/* Gives the speaker of turn t to the outer quotations [i, j) of its line
 * that have no speaker (only_empty), or no cue of their own: those the
 * news rules gave one by inheritance or a pronoun. */
static void qt_give_line(qt_doc *d, size_t i, size_t j, const qt_turn *t, int only_empty)
{
    for (size_t k = i; k < j; k++) {
        qt_quote *q = &d->quotes[k];
        if (q->depth != 0 || (q->spk_end > 0 && (only_empty || (q->cue_end > 0 && !q->inherited &&
                                                                 !q->by_pronoun))))
            continue;
        q->spk_start = t->spk_start;
        q->spk_end = t->spk_end;
        q->spk_link = t->spk_link;
        q->spk_gender = t->spk_gender;
        q->by_turn = 1;
    }
}

/* Whether quotation q's cue says the speaker goes on (he continued, she
 * went on, he resumed, she added): the speaker of the line before, not the
 * other party. */
static int qt_goes_on(const qt_doc *d, const qt_quote *q)
{
    static const char *const verbs[] = {"continued", "went",      "resumed",
                                        "pursued",   "persisted", NULL};
    const char *t = d->text.s;
    size_t n = q->cue_end - q->cue_start;
    for (size_t k = 0; verbs[k]; k++)
        if (strlen(verbs[k]) == n && memcmp(t + q->cue_start, verbs[k], n) == 0)
            return 1;
    return 0;
}

void qt_turns(qt_doc *d)
{
    int dialogue = d->story;
    qt_turn hist[QT_HISTORY]; /* the last turns, latest first */
    for (size_t k = 0; k < QT_HISTORY; k++)
        hist[k] = (qt_turn){SIZE_MAX, 0, 0, UINT32_MAX, 0, 0, 0, UINT32_MAX};
    for (size_t i = 0; i < d->n_quotes;) {
        size_t p = d->quotes[i].para, j = qt_para_end(d, i);
        if (!qt_dialogue_line(d, p, i, j)) {
            for (size_t k = 0; k < QT_HISTORY; k++)
                hist[k].para = SIZE_MAX; /* (the writer's paragraph ends the chain) */
            i = j;
            continue;
        }
        qt_turn cur = {p, 0, 0, UINT32_MAX, 0, 0, 0, UINT32_MAX};
        uint8_t pronoun = QT_GENDER_UNKNOWN; /* the turn's own speaker is he / she */
        int goes_on = 0;                     /* ... and the cue says they go on */
        for (size_t k = i; k < j; k++) {
            const qt_quote *q = &d->quotes[k];
            if (q->depth == 0 && qt_own_speaker(q)) {
                cur.spk_start = q->spk_start;
                cur.spk_end = q->spk_end;
                cur.spk_link = q->spk_link;
                cur.spk_gender = q->spk_gender;
                if (q->by_pronoun && dialogue) {
                    pronoun = q->spk_gender;
                    goes_on = qt_goes_on(d, q);
                }
                break;
            }
        }
        if (cur.spk_end == 0 && d->quotes[i].depth == 0 && d->quotes[i].by_narration) {
            /* He leaned forward. \n\n "Do you want to know something,
             * Jake?": the one the narration showed speaks, and the line
             * after answers him */
            cur.spk_start = d->quotes[i].spk_start;
            cur.spk_end = d->quotes[i].spk_end;
            cur.spk_link = d->quotes[i].spk_link;
            cur.spk_gender = d->quotes[i].spk_gender;
        }
        uint32_t own_start = cur.spk_start, own_end = cur.spk_end;
        if (pronoun != QT_GENDER_UNKNOWN)
            cur.spk_end = 0; /* (found as for a turn without cue, checked below) */
        for (size_t k = i; k < j && dialogue; k++) {
            uint32_t va, vb, vl;
            if (d->quotes[k].depth == 0 && qt_vocative(d, &d->quotes[k], &va, &vb, &vl)) {
                cur.voc_start = va;
                cur.voc_end = vb;
                cur.voc_link = vl;
                break;
            }
        }
        const qt_turn *t1 = &hist[0], *t2 = &hist[1];
        int after1 = t1->para != SIZE_MAX && t1->para + 1 == p && t1->spk_end > 0;
        const qt_turn *from = NULL;
        if (cur.spk_end == 0 && after1 && t2->para != SIZE_MAX && t2->para + 1 == t1->para &&
            t2->spk_end > 0 &&
            !qt_same_text(d, t1->spk_start, t1->spk_end, t2->spk_start, t2->spk_end))
            from = t2;
        qt_turn voc = {p, 0, 0, UINT32_MAX, 0, 0, 0, UINT32_MAX};
        if (cur.spk_end == 0 && dialogue && after1) {
            if (t1->voc_end > 0 && !qt_same_text(d, t1->voc_start, t1->voc_end, t1->spk_start,
                                                 t1->spk_end)) {
                voc.spk_start = t1->voc_start;
                voc.spk_end = t1->voc_end;
                voc.spk_link = t1->voc_link;
                from = &voc;
            } else if (!from) {
                from = qt_partner(d, hist, p);
            }
        }
        if (!from && cur.spk_end == 0 && dialogue && t1->para != SIZE_MAX && t1->para + 1 == p &&
            t1->spk_end == 0 && t2->para != SIZE_MAX && t2->para + 1 == t1->para &&
            t2->spk_end > 0) {
            /* A's line, a line of someone unknown (A's addressee), then
             * this one: A's turn again (A, ?, A) */
            from = t2;
        }
        if (goes_on && hist[0].para != SIZE_MAX && hist[0].para + 3 >= p && hist[0].spk_end > 0) {
            /* "...," he went on: the speaker of the line before (past a
             * short pause of narration), when the gender agrees */
            uint8_t g = hist[0].spk_gender;
            if (g == QT_GENDER_UNKNOWN)
                g = qt_char_gender(d, hist[0].spk_start, hist[0].spk_end);
            if (g == pronoun || g == QT_GENDER_UNKNOWN) {
                from = &hist[0];
                pronoun = QT_GENDER_UNKNOWN;
            }
        }
        if (pronoun != QT_GENDER_UNKNOWN) {
            /* "...," he said: the other party of the conversation when the
             * gender agrees, before the latest name in the narration */
            uint8_t g = from ? from->spk_gender : QT_GENDER_UNKNOWN;
            if (from && g == QT_GENDER_UNKNOWN)
                g = qt_char_gender(d, from->spk_start, from->spk_end);
            /* (a gender not known does not conflict when the pronoun named
             * the speaker of the line before, who would speak twice) */
            int again = g == QT_GENDER_UNKNOWN && after1 && own_start != own_end &&
                        qt_same_text(d, own_start, own_end, t1->spk_start, t1->spk_end);
            if (!from || (g != pronoun && !again)) {
                for (size_t k = i; k < j; k++) /* (the pronoun's speaker stays) */
                    if (d->quotes[k].depth == 0 && qt_own_speaker(&d->quotes[k])) {
                        cur.spk_start = d->quotes[k].spk_start;
                        cur.spk_end = d->quotes[k].spk_end;
                        cur.spk_link = d->quotes[k].spk_link;
                        cur.spk_gender = d->quotes[k].spk_gender;
                        break;
                    }
                from = NULL;
            }
        }
        if (!from && dialogue && after1 && cur.spk_end == 0 && pronoun == QT_GENDER_UNKNOWN) {
            /* the line after B's, not attributed, nobody else in sight: B
             * again, as the news rules inherited, is a guess */
            for (size_t k = i; k < j; k++) {
                qt_quote *q = &d->quotes[k];
                if (q->depth == 0 && q->inherited && q->spk_end > 0 &&
                    qt_same_text(d, q->spk_start, q->spk_end, t1->spk_start, t1->spk_end))
                    q->spk_start = q->spk_end = 0;
            }
        }
        /* (a line does not call its own speaker: “My dear Blake, ...” is
         * not Blake's, whoever spoke two lines back) */
        if (from && cur.voc_end > 0 &&
            qt_same_text(d, from->spk_start, from->spk_end, cur.voc_start, cur.voc_end))
            from = NULL;
        if (from) {
            qt_turn_speaker(&cur, from);
            qt_give_line(d, i, j, &cur, 0);
        }
        memmove(hist + 1, hist, (QT_HISTORY - 1) * sizeof *hist);
        hist[0] = cur;
        i = j;
    }
}

/* The line of quotations [i, j) as a turn: its paragraph, the speaker of
 * its first outer quotation that has one, its vocative. */
static qt_turn qt_line(const qt_doc *d, size_t i, size_t j)
{
    qt_turn t = {d->quotes[i].para, 0, 0, UINT32_MAX, 0, 0, 0, UINT32_MAX};
    for (size_t k = i; k < j; k++) {
        const qt_quote *q = &d->quotes[k];
        if (q->depth == 0 && q->spk_end > 0 && t.spk_end == 0) {
            t.spk_start = q->spk_start;
            t.spk_end = q->spk_end;
            t.spk_link = q->spk_link;
            t.spk_gender = q->spk_gender;
        }
        uint32_t va, vb, vl;
        if (q->depth == 0 && t.voc_end == 0 && qt_vocative(d, q, &va, &vb, &vl)) {
            t.voc_start = va;
            t.voc_end = vb;
            t.voc_link = vl;
        }
    }
    return t;
}

void qt_turns_back(qt_doc *d)
{
    if (!d->story)
        return;
    qt_turn next[QT_HISTORY]; /* the following lines, nearest first */
    for (size_t k = 0; k < QT_HISTORY; k++)
        next[k] = (qt_turn){SIZE_MAX, 0, 0, UINT32_MAX, 0, 0, 0, UINT32_MAX};
    for (size_t j = d->n_quotes; j > 0;) {
        size_t p = d->quotes[j - 1].para, i = j - 1;
        while (i > 0 && d->quotes[i - 1].para == p)
            i--;
        if (!qt_dialogue_line(d, p, i, j)) {
            for (size_t k = 0; k < QT_HISTORY; k++)
                next[k].para = SIZE_MAX;
            j = i;
            continue;
        }
        qt_turn cur = qt_line(d, i, j);
        const qt_turn *n1 = &next[0], *n2 = &next[1];
        if (cur.spk_end == 0 && n1->para == p + 1 && n1->spk_end > 0) {
            /* the line after is B's: this one is B's addressee -- named by
             * B's vocative, or the speaker of the line after B's, or the
             * next other speaker */
            qt_turn from = {p, 0, 0, UINT32_MAX, 0, 0, 0, UINT32_MAX};
            if (n1->voc_end > 0 &&
                !qt_same_text(d, n1->voc_start, n1->voc_end, n1->spk_start, n1->spk_end)) {
                from.spk_start = n1->voc_start;
                from.spk_end = n1->voc_end;
                from.spk_link = n1->voc_link;
            } else {
                const qt_turn *o = qt_partner(d, next, p);
                if (o && (o != n2 || n2->para == p + 2))
                    qt_turn_speaker(&from, o);
            }
            if (from.spk_end > 0) {
                qt_turn_speaker(&cur, &from);
                qt_give_line(d, i, j, &cur, 1);
            }
        } else if (cur.spk_end > 0 && d->quotes[i].by_turn && n1->para == p + 1 &&
                   n1->spk_end > 0 &&
                   qt_same_text(d, cur.spk_start, cur.spk_end, n1->spk_start, n1->spk_end) &&
                   n2->para == p + 2 && n2->spk_end > 0 &&
                   !qt_same_text(d, n2->spk_start, n2->spk_end, n1->spk_start, n1->spk_end)) {
            /* the forward count gave this line to B, who speaks the next
             * line too: the count lost a step, and reading back from B's
             * line this one is the other party's (B's and n2's talk) */
            qt_turn_speaker(&cur, n2);
            qt_give_line(d, i, j, &cur, 0);
        }
        memmove(next + 1, next, (QT_HISTORY - 1) * sizeof *next);
        next[0] = cur;
        j = i;
    }
}
