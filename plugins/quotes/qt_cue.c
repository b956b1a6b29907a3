/*
 * qt_cue.c -- cue verbs and the attribution patterns.
 *
 * For each outermost quotation two clauses are read: the one after it (up to
 * the end of its sentence or the next quotation) and the one before it (from
 * the start of its sentence or the previous quotation).  The patterns:
 *
 *   "...," X said.            cue after, subject before the cue
 *   "...," said X.            cue after, subject after the cue
 *   X said: "..."             cue before, subject before the cue
 *   Added X: "..."            cue before, at the start of the clause: subject after it
 *   X, the CEO, said "..."    the subject's last comma segment is a
 *                             description, an earlier one holds the name
 *   X called it "a deal"      cue before, further away: a partial quotation
 *   "...," X said. "..."      no cue of its own: the quotation before it in the
 *                             paragraph gives the speaker (split quotation)
 *   "..." \n\n "..."          a paragraph opening with a quotation and no cue
 *                             continues the speaker of the quotation that ends
 *                             the previous paragraph, or takes the cue of a
 *                             previous paragraph ending in a colon
 *                             (X continued:)
 *
 * A cue directly before the quotation (ending in ':' or ',') wins; then a cue
 * after it; then any cue earlier in its sentence.
 */
#include "qt.h"

#include <string.h>

#define QT_MAX_TOKS 96
#define QT_BEFORE_BYTES 600
#define QT_AFTER_BYTES 300

/* Cue verbs, lower case. */
static const char *const qt_cues[] = {
    "said", "says", "say", "saying", "told", "tells", "tell", "telling", "added", "adds", "adding",
    "asked", "asks", "asking", "noted", "notes", "noting", "explained", "explains", "explaining",
    "wrote", "writes", "writing", "stated", "states", "declared", "declares", "continued",
    "continues", "insisted", "insists", "argued", "argues", "arguing", "claimed", "claims",
    "recalled", "recalls", "replied", "replies", "responded", "responds", "warned", "warns",
    "warning", "tweeted", "tweets", "acknowledged", "acknowledges", "admitted", "admits",
    "announced", "announces", "remarked", "observed", "commented", "conceded", "concedes",
    "suggested", "suggests", "emphasized", "emphasised", "stressed", "stresses", "elaborated",
    "joked", "quipped", "answered", "testified", "predicted", "predicts", "promised", "vowed",
    "urged", "called", "calls", "calling", "described", "describes", "describing", "reported",
    "reports", "reads", "according", "shouted", "yelled", "exclaimed", "concluded", "agreed",
    "complained", "complains", "mused", "boasted", "bragged", "confirmed", "denied", "demanded",
    "cautioned", "contended", "countered", "posted", "charged", "alleged", "maintained", "asserted",
    "opined", "interjected", "proclaimed", "repeated", "recounted", "reiterated", "lamented",
    "labeled", "labelled", "dubbed", "touted", "blasted", "mocked", "accused", "pledged", "offered",
    "began", "wondered", "explain", "add", "ask", "write", "tweet", "insist", "argue", "note",
    "asserts", "quoted", "quoting", "promises", "vows", "warn", "pointed", "concludes", "agrees",
    "jokes", "quips", "muses", "boomed", "answers", "remarks", "observes", "comments", "emphasizes",
    "summed", "shot", "fired", "texted", "emailed", "messaged", "tweeting", "stating", "declaring",
    "insisting", "claiming", "recalling", "replying", "responding", "acknowledging", "admitting",
    "announcing", "remarking", "observing", "commenting", "conceding", "suggesting", "emphasizing",
    "stressing", "joking", "quipping", "answering", "testifying", "predicting", "promising",
    "vowing", "urging", "shouting", "concluding", "complaining", "boasting", "confirming",
    "denying", "demanding", "cautioning", "countering", "posting", "charging", "alleging",
    "maintaining", "asserting", "proclaiming", "repeating", "reiterating", "lamenting", "chanted",
    "chanting", "sang", "sings", "singing", "yelling", "screamed", "screaming", "whispered", NULL
};

int qt_is_cue_word(const char *t, size_t a, size_t b)
{
    size_t n = b - a;
    if (n < 3 || n > 12)
        return 0;
    char c0 = qt_lower(t[a]);
    for (size_t k = 0; qt_cues[k]; k++) {
        if (qt_cues[k][0] != c0 || strlen(qt_cues[k]) != n)
            continue;
        size_t j = 1;
        while (j < n && qt_lower(t[a + j]) == qt_cues[k][j])
            j++;
        if (j == n)
            return 1;
    }
    return 0;
}

/* Whether token k is a cue verb.  A capitalised one counts only when it
 * opens the clause (Added X:), so "the United States" has no cue. */
static int qt_tok_cue(const char *t, const qt_tok *k, const qt_tok *next, int opens)
{
    if (k->type != QT_TOK_WORD || !qt_is_cue_word(t, k->start, k->end))
        return 0;
    if ((k->flags & QT_TF_UPPER) && !opens)
        return 0;
    if (qt_tok_is(t, k, "according"))
        return next && qt_tok_is(t, next, "to");
    if (qt_tok_is(t, k, "pointed"))
        return next && qt_tok_is(t, next, "out");
    return 1;
}

/* Words that may stand between a subject and its cue verb. */
static const char *const qt_aux[] = {
    "also", "later", "then", "has", "have", "had", "was", "is", "would", "will", "once", "previously",
    "recently", "again", "reportedly", "simply", "flatly", "repeatedly", "publicly", "privately",
    "quickly", "only", "never", "even", "still", "just", "further", "ultimately", "finally", "often",
    "frequently", "did", "does", "could", "might", "may", "can", "should",
    "angrily", "bluntly", "calmly", "firmly", "proudly", "earlier", "afterward",
    "afterwards", "subsequently", "told", "and", "but", "who", NULL
};

static int qt_is_aux(const char *t, const qt_tok *k)
{
    for (size_t j = 0; qt_aux[j]; j++)
        if (qt_tok_is(t, k, qt_aux[j]))
            return 1;
    return 0;
}

/* What one clause (before or after the quotation) gave. */
typedef struct qt_found {
    int cue;          /* index of the cue token, -1: none */
    int adjacent;     /* the cue clause ends right before the quotation */
    int resolved;     /* a speaker was found */
} qt_found;

/* Resolves the subject phrase toks[a, b) for q.  The phrase is split at
 * commas and dashes into segments; parenthesised material is skipped.  The
 * last segment (nearest the cue) is the subject, unless it is an appositive
 * or a prepositional phrase (X, the CEO, said; X, a writer for The
 * Atlantic, said; Trump, in Scotland, called): then the segments are tried
 * from the first. */
static int qt_subject(const qt_doc *d, qt_quote *q, const qt_tok *toks, size_t a, size_t b)
{
    qt_tok seg[QT_MAX_TOKS];
    size_t seg_end[8], nseg = 0, n = 0;
    int paren = 0;
    for (size_t i = a; i < b && n < QT_MAX_TOKS; i++) {
        const qt_tok *k = &toks[i];
        if (k->type == QT_TOK_PUNCT && (k->c == '(' || k->c == '[')) {
            paren++;
            continue;
        }
        if (k->type == QT_TOK_PUNCT && (k->c == ')' || k->c == ']')) {
            if (paren)
                paren--;
            continue;
        }
        if (paren)
            continue;
        if (k->type == QT_TOK_PUNCT && (k->c == ',' || k->c == '-')) {
            if (n > 0 && (nseg == 0 || seg_end[nseg - 1] != n) && nseg < 8)
                seg_end[nseg++] = n;
            continue;
        }
        if (k->type != QT_TOK_WORD)
            continue;
        seg[n++] = *k;
    }
    if (n > 0 && (nseg == 0 || seg_end[nseg - 1] != n) && nseg < 8)
        seg_end[nseg++] = n;
    if (nseg == 0)
        return 0;
    /* drop auxiliaries and adverbs at the end of the last segment */
    size_t last_begin = nseg > 1 ? seg_end[nseg - 2] : 0;
    size_t last_end = seg_end[nseg - 1];
    while (last_end > last_begin && qt_is_aux(d->text, &seg[last_end - 1]))
        last_end--;
    /* X, a writer for The Atlantic, said: the name is in an earlier segment */
    const qt_tok *first = &seg[last_begin];
    int appositive = nseg > 1 && last_end > last_begin &&
                     (qt_tok_is(d->text, first, "a") || qt_tok_is(d->text, first, "an") ||
                      qt_tok_is(d->text, first, "the") || qt_tok_is(d->text, first, "his") ||
                      qt_tok_is(d->text, first, "her") || qt_tok_is(d->text, first, "who"));
    /* ... director of research at Widmeyer Communications, said */
    for (size_t k = last_begin; !appositive && nseg > 1 && k < last_end; k++)
        if (!(seg[k].flags & QT_TF_UPPER) && qt_is_role_word(d->text, &seg[k]))
            appositive = 1;
    /* Trump, in Scotland, called it: a prepositional phrase is no subject */
    int prep = last_end > last_begin && qt_is_preposition(d->text, first);
    appositive |= prep && nseg > 1;
    if (appositive) { /* the name comes first: Harry Bond, 30, of Raleigh, N.C., who ... */
        for (size_t sg = 0; sg + 1 < nseg; sg++) {
            size_t sb = sg > 0 ? seg_end[sg - 1] : 0;
            if (seg_end[sg] > sb && !qt_is_preposition(d->text, &seg[sb]) &&
                qt_resolve_subject(d, q, seg + sb, seg_end[sg] - sb))
                return 1;
        }
    }
    if (!prep && last_end > last_begin && qt_resolve_subject(d, q, seg + last_begin, last_end - last_begin))
        return 1;
    /* X, the attorney general of Oklahoma, one of the states suing, said:
     * the name opens the chain of appositives */
    for (size_t sg = 0; sg + 1 < nseg; sg++) {
        size_t sb = sg > 0 ? seg_end[sg - 1] : 0;
        if (seg_end[sg] > sb && !qt_is_preposition(d->text, &seg[sb]) &&
            qt_resolve_subject(d, q, seg + sb, seg_end[sg] - sb))
            return 1;
    }
    return 0;
}

static void qt_set_cue(qt_quote *q, const qt_tok *k, int after, int adjacent)
{
    q->cue_start = k->start;
    q->cue_end = k->end;
    q->cue_after = (uint8_t)after;
    q->cue_adjacent = (uint8_t)adjacent;
}

/* End of the subject after a cue at index c: up to ',' ':' or a sentence end,
 * at most 8 tokens. */
static size_t qt_subject_after(const char *t, const qt_tok *toks, size_t n, size_t c)
{
    size_t e = c + 1;
    int named = 0;
    while (e < n && e < c + 9 && !(toks[e].type == QT_TOK_PUNCT && (toks[e].c == ',' || toks[e].c == ':' ||
                                                                    (toks[e].flags & QT_TF_SENT_END)))) {
        /* said Cameron Easley of Morning Consult: the name ends at "of" */
        if (toks[e].type == QT_TOK_WORD && (toks[e].flags & QT_TF_UPPER))
            named = 1;
        else if (named && toks[e].type == QT_TOK_WORD && (qt_tok_is(t, &toks[e], "of") ||
                                                           qt_tok_is(t, &toks[e], "who") ||
                                                           qt_tok_is(t, &toks[e], "in") ||
                                                           qt_tok_is(t, &toks[e], "on") ||
                                                           qt_tok_is(t, &toks[e], "at")))
            break;
        e++;
    }
    return e;
}

/* The clause before the quotation: text [a, b).  Fills *f and, when a
 * subject resolves, q->spk_*.  With `tail` the clause is the end of an
 * earlier paragraph (X continued:), where adjacency is not required. */
static void qt_before(const qt_doc *d, qt_quote *q, size_t a, size_t b, qt_found *f)
{
    qt_tok toks[QT_MAX_TOKS];
    if (b > a + QT_BEFORE_BYTES)
        a = b - QT_BEFORE_BYTES;
    /* start after the last line break, unless the line before ends in ':' */
    for (size_t i = b; i > a; i--) {
        if (d->text[i - 1] != '\n')
            continue;
        size_t j = i - 1;
        while (j > a && (d->text[j - 1] == ' ' || d->text[j - 1] == '\r'))
            j--;
        int blank_tail = 1;
        for (size_t k = i; k < b; k++)
            if (d->text[k] != ' ' && d->text[k] != '\t' && d->text[k] != '\r')
                blank_tail = 0;
        if (!(blank_tail && j > a && d->text[j - 1] == ':'))
            a = i;
        break;
    }
    size_t n = qt_lex(d->text, a, b, toks, QT_MAX_TOKS);
    f->cue = -1;
    f->adjacent = 0;
    f->resolved = 0;
    /* the window starts after the last sentence end that is not the last token */
    size_t w = 0;
    for (size_t i = 0; i + 1 < n; i++)
        if ((toks[i].flags & QT_TF_SENT_END) || (toks[i].type == QT_TOK_PUNCT && toks[i].c == ';'))
            w = i + 1;
    if (n > 0 && (toks[n - 1].flags & QT_TF_SENT_END))
        return; /* the quotation starts a sentence */
    int c = -1;
    for (size_t i = n; i-- > w;) {
        if (qt_tok_cue(d->text, &toks[i], i + 1 < n ? &toks[i + 1] : NULL, i == w)) {
            c = (int)i;
            break;
        }
    }
    if (c < 0) {
        /* X boomed: "..."; President Clinton released the following
         * statement: "..." -- no cue verb, but a colon introduces the
         * quotation: the subject is the name that opens the clause */
        if (n > w + 1 && toks[n - 1].type == QT_TOK_PUNCT && toks[n - 1].c == ':') {
            size_t e = w;
            while (e < n - 1 && !(toks[e].type == QT_TOK_WORD && !(toks[e].flags & QT_TF_UPPER) &&
                                  !qt_is_role_word(d->text, &toks[e])))
                e++;
            if (e > w && qt_subject(d, q, toks, w, e)) {
                f->cue = (int)(n - 1);
                f->adjacent = 1;
                f->resolved = 1;
            }
        }
        return;
    }
    f->cue = c;
    size_t between = n - (size_t)c - 1;
    int ends_punct = n > 0 && toks[n - 1].type == QT_TOK_PUNCT && (toks[n - 1].c == ':' || toks[n - 1].c == ',');
    f->adjacent = between == 0 || (ends_punct && between <= 8);
    qt_set_cue(q, &toks[c], 0, f->adjacent);
    size_t s0 = w;
    /* skip leading conjunctions and punctuation of the clause */
    while (s0 < (size_t)c && (toks[s0].type != QT_TOK_WORD || qt_tok_is(d->text, &toks[s0], "and") ||
                              qt_tok_is(d->text, &toks[s0], "but") || qt_tok_is(d->text, &toks[s0], "so")))
        s0++;
    if (qt_tok_is(d->text, &toks[c], "according")) {
        size_t e = qt_subject_after(d->text, toks, n, (size_t)c + 1);
        f->resolved = qt_subject(d, q, toks, (size_t)c + 2, e);
        return;
    }
    if (s0 >= (size_t)c) { /* Added X: "..." */
        size_t e = qt_subject_after(d->text, toks, n, (size_t)c);
        f->resolved = qt_subject(d, q, toks, (size_t)c + 1, e);
        if (e == (size_t)c + 1) { /* "Adding, ...": a bare cue continues the speaker before */
            q->cue_start = q->cue_end = 0;
            f->cue = -1;
        }
        return;
    }
    /* Trump attacked Clinton ..., saying "...": with a participle the
     * speaker is the subject of the clause before it, i.e. its opening name */
    size_t cl = toks[c].end - toks[c].start;
    if (cl > 4 && memcmp(d->text + toks[c].end - 3, "ing", 3) == 0) {
        size_t k = (size_t)c;
        while (k > s0 && toks[k - 1].type == QT_TOK_PUNCT)
            k--;
        size_t sb = k;
        while (sb > s0 && !(toks[sb - 1].type == QT_TOK_PUNCT && toks[sb - 1].c == ','))
            sb--;
        size_t e = sb;
        while (e < k && toks[e].type == QT_TOK_WORD &&
               ((toks[e].flags & QT_TF_UPPER) || qt_is_role_word(d->text, &toks[e]) ||
                qt_tok_is(d->text, &toks[e], "the") || qt_tok_is(d->text, &toks[e], "de")))
            e++;
        if (e > sb && e < k) {
            f->resolved = qt_subject(d, q, toks, sb, e);
            if (f->resolved)
                return;
        }
    }
    f->resolved = qt_subject(d, q, toks, s0, (size_t)c);
}

/* The clause after the quotation: text [a, b). */
static void qt_after(const qt_doc *d, qt_quote *q, size_t a, size_t b, qt_found *f)
{
    qt_tok toks[QT_MAX_TOKS];
    if (b > a + QT_AFTER_BYTES)
        b = a + QT_AFTER_BYTES;
    /* a line break ends the clause (lists of quotations, one per line) */
    const char *nl = b > a ? memchr(d->text + a, '\n', b - a) : NULL;
    if (nl)
        b = (size_t)(nl - d->text);
    size_t n = qt_lex(d->text, a, b, toks, QT_MAX_TOKS);
    f->cue = -1;
    f->adjacent = 0;
    f->resolved = 0;
    size_t s = 0;
    while (s < n && toks[s].type == QT_TOK_PUNCT && (toks[s].c == ',' || toks[s].c == '-'))
        s++;
    size_t e = s;
    while (e < n && toks[e].type != QT_TOK_QUOTE && !(toks[e].flags & QT_TF_SENT_END) &&
           !(toks[e].type == QT_TOK_PUNCT && (toks[e].c == ';' || toks[e].c == ':')))
        e++;
    if (s == e)
        return;
    size_t reach = 20; /* how far the cue may be */
    if (s == 0) {
        /* "...": no comma after the quotation; a cue may still follow
         * ("..." he said) when the quotation ended with its own punctuation,
         * or right after it ("..." Grubbs said) */
        unsigned char last = (unsigned char)d->text[q->inner_end > 0 ? q->inner_end - 1 : 0];
        if (!(last == ',' || last == '.' || last == '?' || last == '!' || last == '-' ||
              (q->inner_end >= 3 && (unsigned char)d->text[q->inner_end - 3] == 0xE2)))
            reach = 4;
    }
    /* "..." ― Sonya Herridge: a dash, a name, and the line ends */
    size_t f2 = e < n && (toks[e].flags & QT_TF_SENT_END) ? e + 1 : e;
    if (s > 0 && toks[s - 1].c == '-' && e - s >= 2 && e - s <= 4 &&
        (f2 == n || (toks[f2].type == QT_TOK_QUOTE &&
                     memchr(d->text + toks[e - 1].end, '\n', toks[f2].start - toks[e - 1].end)))) {
        size_t k = s;
        while (k < e && toks[k].type == QT_TOK_WORD && (toks[k].flags & QT_TF_UPPER))
            k++;
        if (k == e && qt_resolve_subject(d, q, toks + s, e - s)) {
            f->resolved = 1;
            f->cue = (int)s;
            q->cue_after = 1;
            return;
        }
    }
    /* "...," Blige sings to Clinton: a name right after the quotation and a
     * verb in -s or -ed work as a cue even when the verb is not a known one */
    {
        size_t k = s;
        while (k < e && k < s + 4 && toks[k].type == QT_TOK_WORD && (toks[k].flags & QT_TF_UPPER) &&
               !qt_tok_cue(d->text, &toks[k], NULL, 1))
            k++;
        if (k > s && k < e && toks[k].type == QT_TOK_WORD && !(toks[k].flags & QT_TF_UPPER) &&
            !qt_tok_cue(d->text, &toks[k], k + 1 < n ? &toks[k + 1] : NULL, 0) && toks[k].end - toks[k].start >= 4) {
            const char *w = d->text + toks[k].end;
            if ((w[-1] == 's' && w[-2] != 's') || (w[-1] == 'd' && w[-2] == 'e')) {
                qt_quote tmp = *q;
                if (qt_resolve_subject(d, &tmp, toks + s, k - s)) {
                    *q = tmp;
                    qt_set_cue(q, &toks[k], 1, 1);
                    f->cue = (int)k;
                    f->adjacent = 1;
                    f->resolved = 1;
                    return;
                }
            }
        }
    }
    for (size_t i = s; i < e && i < s + reach; i++) {
        if (!qt_tok_cue(d->text, &toks[i], i + 1 < n ? &toks[i + 1] : NULL, i == s))
            continue;
        f->cue = (int)i;
        f->adjacent = 1;
        qt_set_cue(q, &toks[i], 1, 1);
        if (qt_tok_is(d->text, &toks[i], "according")) {
            f->resolved = qt_subject(d, q, toks, i + 2, qt_subject_after(d->text, toks, e, i + 1));
            return;
        }
        size_t k = s;
        while (k < i && qt_is_aux(d->text, &toks[k]))
            k++;
        if (k == i) { /* said X */
            f->resolved = qt_subject(d, q, toks, i + 1, qt_subject_after(d->text, toks, e, i));
            return;
        }
        /* X said; X, the CEO, said: the subject is the first comma segment
         * holding a name, handled by qt_subject */
        f->resolved = qt_subject(d, q, toks, s, i);
        return;
    }
    /* "...," Trump, the 2016 GOP front-runner who ..., said: the cue is out
     * of reach, but a name between commas right after the quotation is the
     * opening of that clause */
    if (s > 0 && toks[s - 1].c == ',') {
        size_t k = s;
        while (k < n && k < s + 5 && toks[k].type == QT_TOK_WORD && (toks[k].flags & QT_TF_UPPER))
            k++;
        if (k > s && k < n && toks[k].type == QT_TOK_PUNCT && toks[k].c == ',' && k + 1 < n &&
            (qt_tok_is(d->text, &toks[k + 1], "the") || qt_tok_is(d->text, &toks[k + 1], "a") ||
             qt_tok_is(d->text, &toks[k + 1], "an") || qt_tok_is(d->text, &toks[k + 1], "who"))) {
            qt_quote tmp = *q;
            if (qt_resolve_subject(d, &tmp, toks + s, k - s)) {
                *q = tmp;
                f->cue = (int)s;
                f->adjacent = 1;
                f->resolved = 1;
                q->cue_after = 1;
            }
        }
    }
}

/* Byte offset where quotation i's neighbourhood starts or ends in its
 * paragraph: the previous / next outermost quotation, or the paragraph edge. */
static size_t qt_prev_bound(const qt_doc *d, size_t i)
{
    const qt_quote *q = &d->quotes[i];
    size_t lo = d->paras[q->para].start;
    for (size_t j = i; j-- > 0;) {
        if (d->quotes[j].depth != 0)
            continue;
        if (d->quotes[j].end_para == q->para && d->quotes[j].end > lo)
            lo = d->quotes[j].end;
        break;
    }
    return lo;
}

static size_t qt_next_bound(const qt_doc *d, size_t i)
{
    const qt_quote *q = &d->quotes[i];
    size_t hi = d->paras[q->end_para].end;
    for (size_t j = i + 1; j < d->n_quotes; j++) {
        if (d->quotes[j].depth != 0)
            continue;
        if (d->quotes[j].para == q->end_para && d->quotes[j].start < hi)
            hi = d->quotes[j].start;
        break;
    }
    return hi;
}

/* Whether only white space precedes the quotation in its paragraph. */
static int qt_starts_para(const qt_doc *d, const qt_quote *q)
{
    size_t cl;
    for (size_t i = d->paras[q->para].start; i < q->start; i += cl)
        if (!qt_is_space(qt_cp_at(d->text, q->start, i, &cl)))
            return 0;
    return 1;
}

/* Last non-space byte of paragraph p, or 0. */
static char qt_para_last(const qt_doc *d, size_t p)
{
    size_t i = d->paras[p].end;
    while (i > d->paras[p].start && (d->text[i - 1] == ' ' || d->text[i - 1] == '\n' ||
                                     d->text[i - 1] == '\r' || d->text[i - 1] == '\t'))
        i--;
    return i > d->paras[p].start ? d->text[i - 1] : 0;
}

/* Bolton distanced himself from the movement. "I'm going to support him."
 * A quotation with no cue that follows a sentence of its paragraph goes to
 * the name opening that sentence (its subject), if it opens with one. */
static int qt_sentence_subject(const qt_doc *d, qt_quote *q, size_t a, size_t b)
{
    qt_tok toks[QT_MAX_TOKS];
    if (b > a + QT_BEFORE_BYTES)
        a = b - QT_BEFORE_BYTES;
    size_t n = qt_lex(d->text, a, b, toks, QT_MAX_TOKS);
    if (n < 3 || !(toks[n - 1].flags & QT_TF_SENT_END))
        return 0;
    size_t w = 0;
    for (size_t i = 0; i + 1 < n; i++)
        if ((toks[i].flags & QT_TF_SENT_END) || toks[i].type == QT_TOK_QUOTE)
            w = i + 1;
    if (w > 0 && toks[w - 1].type == QT_TOK_QUOTE)
        return 0; /* the sentence holds quotations of its own */
    size_t e = w;
    while (e < n && toks[e].type == QT_TOK_WORD && (toks[e].flags & QT_TF_UPPER))
        e++;
    if (e == w || e >= n || toks[e].type != QT_TOK_WORD || qt_is_cue_word(d->text, toks[e].start, toks[e].end))
        return 0;
    return qt_resolve_subject(d, q, toks + w, e - w);
}

static void qt_inherit(qt_quote *q, const qt_quote *from)
{
    q->spk_start = from->spk_start;
    q->spk_end = from->spk_end;
    q->spk_link = from->spk_link;
    q->spk_gender = from->spk_gender;
    q->inherited = 1;
}

void qt_attribute(qt_doc *d)
{
    int last_attr = -1; /* index of the last outermost quotation with a speaker */
    for (size_t i = 0; i < d->n_quotes; i++) {
        qt_quote *q = &d->quotes[i];
        if (q->depth != 0)
            continue;
        d->cur = i;
        qt_found fb, fa;
        qt_quote qb = *q, qa = *q;
        qt_before(d, &qb, qt_prev_bound(d, i), q->start, &fb);
        qt_after(d, &qa, q->end, qt_next_bound(d, i), &fa);
        if (fb.cue >= 0 && fb.adjacent && (fb.resolved || fa.cue < 0))
            *q = qb;
        else if (fa.cue >= 0 && (fa.resolved || fb.cue < 0 || !fb.resolved))
            *q = qa;
        else if (fb.cue >= 0)
            *q = qb;
        if (q->cue_end == 0 && q->spk_end == 0) {
            /* no cue of its own */
            const qt_quote *prev = last_attr >= 0 ? &d->quotes[last_attr] : NULL;
            if (prev && prev->end_para == q->para) {
                qt_inherit(q, prev); /* split quotation, or more of the same */
            } else if (qt_starts_para(d, q) && q->para > 0) {
                size_t pp = q->para - 1;
                if (qt_para_last(d, pp) == ':') {
                    qt_found ft;
                    qt_quote qt = *q;
                    size_t pb = d->paras[pp].start;
                    if (prev && prev->end_para == pp && prev->end > pb)
                        pb = prev->end;
                    qt_before(d, &qt, pb, d->paras[pp].end, &ft);
                    if (ft.cue >= 0)
                        *q = qt;
                } else if (prev && prev->end_para == pp && prev->end + 160 >= d->paras[pp].end) {
                    qt_inherit(q, prev); /* consecutive quotation paragraphs */
                }
            } else if (!qt_starts_para(d, q)) {
                qt_quote tmp = *q;
                if (qt_sentence_subject(d, &tmp, qt_prev_bound(d, i), q->start)) {
                    *q = tmp;
                    q->inherited = 1;
                }
            }
        }
        if (q->spk_end > 0)
            last_attr = (int)i;
    }
}
