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
 *                             (X continued:), or whose last sentence
 *                             reports someone speaking (Carter said ...)
 *   "..." appeals to them, said X.   no cue near it: an inverted cue that
 *                             ends its sentence
 *   "...," X said, according to CNN.  the outer source the writer cites
 *                             (also "..., the Times reported")
 *
 * A cue directly before the quotation (ending in ':' or ',') wins; then a cue
 * after it; then any cue earlier in its sentence.  A quotation with no
 * speaker by then that stands inside a sentence of the writer goes to the
 * subject of that sentence (Cruz blamed the law on "..."), see
 * qt_clause_subject.  Which cue words are verbs, whose subject a cue has in
 * subordinate and coordinated clauses, and which clauses attribute nothing
 * are decided next to each pattern below; the plugin README lists them.
 */
#include "qt.h"

#include <stdlib.h>
#include <string.h>

#define QT_MAX_TOKS 96
#define QT_BEFORE_BYTES 600
#define QT_AFTER_BYTES 300

/* Cue verbs, lower case, sorted (bsearch). */
static const char *const qt_cues[] = {
    "according", "accused", "accuses", "accusing", "acknowledged", "acknowledges", "acknowledging", "add",
    "added", "adding", "adds", "admits", "admitted", "admitting", "agreed", "agrees", "alleged", "alleging",
    "announced", "announces", "announcing", "answered", "answering", "answers", "argue", "argued", "argues",
    "arguing", "ask", "asked", "asking", "asks", "asserted", "asserting", "asserts", "began", "blasted",
    "boasted", "boasting", "boomed", "bragged", "called", "calling", "calls", "cautioned", "cautioning",
    "chanted", "chanting", "charged", "charging", "claimed", "claiming", "claims", "commented", "commenting",
    "comments", "complained", "complaining", "complains", "conceded", "concedes", "conceding", "concluded",
    "concludes", "concluding", "confirmed", "confirming", "contended", "continued", "continues", "countered",
    "countering", "declared", "declares", "declaring", "demanded", "demanding", "denied", "denying",
    "described", "describes", "describing", "dubbed", "elaborated", "emailed", "emphasised", "emphasized",
    "emphasizes", "emphasizing", "exclaimed", "explain", "explained", "explaining", "explains", "fired",
    "insist", "insisted", "insisting", "insists", "interjected", "joked", "jokes", "joking", "labeled",
    "labelled", "lamented", "lamenting", "maintained", "maintaining", "messaged", "mocked", "mused", "muses",
    "note", "noted", "notes", "noting", "observed", "observes", "observing", "offered", "opined", "pledged",
    "pointed", "posted", "posting", "predicted", "predicting", "predicts", "proclaimed", "proclaiming",
    "promised", "promises", "promising", "put", "puts", "quipped", "quipping", "quips", "quoted", "quoting",
    "reacted", "reads", "recalled", "recalling", "recalls", "recounted", "reiterated", "reiterating",
    "remarked", "remarking", "remarks", "repeated", "repeating", "replied", "replies", "replying", "reported",
    "reports", "responded", "responding", "responds", "said", "sang", "say", "saying", "says", "screamed",
    "screaming", "shot", "shouted", "shouting", "singing", "sings", "stated", "states", "stating", "stressed",
    "stresses", "stressing", "suggested", "suggesting", "suggests", "summed", "tell", "telling", "tells",
    "testified", "testifying", "texted", "told", "touted", "tweet", "tweeted", "tweeting", "tweets", "urged",
    "urging", "vowed", "vowing", "vows", "warn", "warned", "warning", "warns", "went", "whispered", "wondered",
    "write", "writes", "writing", "wrote", "yelled", "yelling",
};

static int qt_str_cmp(const void *key, const void *elem)
{
    return strcmp((const char *)key, *(const char *const *)elem);
}

int qt_is_cue_word(const char *t, size_t a, size_t b)
{
    size_t n = b - a;
    if (n < 3 || n > 12)
        return 0;
    char w[13];
    for (size_t i = 0; i < n; i++)
        w[i] = qt_lower(t[a + i]);
    w[n] = '\0';
    return bsearch(w, qt_cues, sizeof qt_cues / sizeof *qt_cues, sizeof *qt_cues, qt_str_cmp) != NULL;
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
    if (qt_tok_is(t, k, "went")) /* "...," Trump went on */
        return next && qt_tok_is(t, next, "on");
    if (qt_tok_is(t, k, "put") || qt_tok_is(t, k, "puts")) /* As X put it: "..." */
        return next && qt_tok_is(t, next, "it");
    return 1;
}

/* Whether word token p ends in a possessive ('s, s', ’s, s’). */
static int qt_possessive_word(const char *t, const qt_tok *p)
{
    size_t pl = p->end - p->start;
    return p->type == QT_TOK_WORD &&
           ((pl >= 2 && t[p->end - 2] == '\'' && qt_lower(t[p->end - 1]) == 's') ||
            (pl >= 2 && t[p->end - 1] == '\'' && qt_lower(t[p->end - 2]) == 's') ||
            (pl >= 4 && memcmp(t + p->end - 4, "\xE2\x80\x99", 3) == 0 && qt_lower(t[p->end - 1]) == 's') ||
            (pl >= 4 && memcmp(t + p->end - 3, "\xE2\x80\x99", 3) == 0 && qt_lower(t[p->end - 4]) == 's'));
}

/* Whether token i of toks is a cue verb (qt_tok_cue) and no noun: after a
 * determiner, "his comments", "the report", "a call" name things. */
static int qt_cue_at(const char *t, const qt_tok *toks, size_t n, size_t i, int opens)
{
    if (!qt_tok_cue(t, &toks[i], i + 1 < n ? &toks[i + 1] : NULL, opens))
        return 0;
    if (i == 0 || toks[i - 1].type != QT_TOK_WORD)
        return 1;
    /* after a possessive a cue word is a noun or an adjective: Trump's
     * fired campaign manager, Clinton's claims */
    const qt_tok *p = &toks[i - 1];
    if (qt_possessive_word(t, p))
        return 0;
    static const char *const dets[] = { "his", "her", "their", "its", "our", "my", "your", "the", "a", "an",
                                        "this", "that", "these", "those", NULL };
    for (size_t j = 0; dets[j]; j++)
        if (qt_tok_is(t, &toks[i - 1], dets[j]))
            return 0;
    /* his anti-Muslim remarks, her recent comments: a plural noun that is
     * also a cue verb, after a determiner and an adjective (not a role:
     * the senator notes) */
    static const char *const plurals[] = { "remarks", "comments", "claims", "calls", "notes", "reports", "tweets",
                                           "answers", "promises", "vows", NULL };
    int plural = 0;
    for (size_t j = 0; plurals[j]; j++)
        plural |= qt_tok_is(t, &toks[i], plurals[j]);
    int adjective = !(p->flags & QT_TF_UPPER) || memchr(t + p->start, '-', p->end - p->start) != NULL;
    if (plural && i >= 2 && adjective && !qt_is_role_word(t, p))
        for (size_t j = 0; dets[j]; j++)
            if (qt_tok_is(t, &toks[i - 2], dets[j]) || qt_possessive_word(t, &toks[i - 2]))
                return 0;
    /* (making racist remarks: after a lower-case word that is no pronoun,
     * adverb or role, such a plural is a noun too; he remarks, who notes,
     * the senator notes stay verbs) */
    static const char *const subj[] = { "he", "she", "it", "they", "who", "that", "which", "also", "then",
                                        "later", "now", "often", "again", "repeatedly", NULL };
    if (plural && !(p->flags & QT_TF_UPPER) && !qt_is_role_word(t, p)) {
        int subject = 0;
        for (size_t j = 0; subj[j]; j++)
            subject |= qt_tok_is(t, p, subj[j]);
        if (!subject)
            return 0;
    }
    return 1;
}

/* Whether word token k is a participle in -ing (saying, telling). */
static int qt_is_participle(const char *t, const qt_tok *k)
{
    return k->type == QT_TOK_WORD && k->end - k->start > 4 && memcmp(t + k->end - 3, "ing", 3) == 0;
}

/* Words that may stand between a subject and its cue verb. */
static const char *const qt_aux[] = {
    "also", "later", "then", "has", "have", "had", "was", "is", "would", "will", "once", "previously",
    "recently", "again", "reportedly", "simply", "flatly", "repeatedly", "publicly", "privately",
    "quickly", "only", "never", "even", "still", "just", "further", "ultimately", "finally", "often",
    "frequently", "did", "does", "could", "might", "may", "can", "should",
    "angrily", "bluntly", "calmly", "firmly", "proudly", "earlier", "afterward",
    "afterwards", "subsequently", "now", "told", "and", "but", "who", NULL
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

/* Words that open a subordinate clause before its subject: after Sanders
 * said, to which O'Malley replied, when Clinton called. */
static int qt_is_subordinator(const char *t, const qt_tok *k)
{
    static const char *const subs[] = { "after", "before", "when", "whenever", "as", "since", "while", "because",
                                        "until", "which", "whom", "that", "where", "if", "though", "although",
                                        "once", "whereas", "whether", "what", NULL };
    if (k->type != QT_TOK_WORD || (k->flags & QT_TF_UPPER))
        return 0;
    for (size_t j = 0; subs[j]; j++)
        if (qt_tok_is(t, k, subs[j]))
            return 1;
    return 0;
}

/* Whether a segment opened by word token k may be a subject: not when a
 * preposition, a subordinating word or a participle opens it (When asked
 * by a host about Edward Snowden, de Blasio said; speaking to MSNBC's
 * Morning Joe, Trump said). */
static int qt_may_open_subject(const char *t, const qt_tok *k)
{
    qt_tok low = *k;
    low.flags = 0;
    return !qt_is_preposition(t, &low) && !qt_is_subordinator(t, &low) && !qt_is_participle(t, k) &&
           !qt_tok_is(t, k, "asked");
}

/* Whether quotation q is a title or a name in quotation marks inside the
 * writer's sentence (the co-author of "Going Viral," said; wearing "Ted
 * Cruz" pins): at most six words, capitalised but for small function
 * words, no sentence end.  Such a quotation does not cut the clause
 * around it: the attribution reads through it. */
static int qt_title_check(const qt_doc *d, const qt_quote *q)
{
    static const char *const small[] = { "of", "the", "a", "an", "and", "in", "on", "to", "for", "at", "is", NULL };
    if (q->depth != 0 || q->inner_end <= q->inner_start || q->inner_end - q->inner_start > 60 ||
        q->para != q->end_para)
        return 0;
    qt_tok toks[8];
    size_t n = qt_lex(&d->text, q->inner_start, q->inner_end, toks, 8);
    size_t words = 0;
    for (size_t i = 0; i < n; i++) {
        if (toks[i].type == QT_TOK_PUNCT) {
            if (toks[i].c == ',' && i + 1 == n)
                continue; /* "Going Viral," */
            if (toks[i].c != ':' && toks[i].c != '-')
                return 0;
            continue;
        }
        if (toks[i].type != QT_TOK_WORD)
            return 0;
        words++;
        if (toks[i].flags & QT_TF_UPPER)
            continue;
        int small_word = 0; /* (a lower-case word never opens a title) */
        for (size_t k = 0; small[k]; k++)
            small_word |= qt_tok_is(d->text.s, &toks[i], small[k]);
        if (words == 1 || !small_word)
            return 0;
    }
    return words > 0 && words <= 6 && n < 8;
}

/* qt_title_check, as found for q by qt_attribute before it starts. */
static int qt_is_title_quote(const qt_quote *q)
{
    return q->title_like;
}

/* The title quotation (qt_is_title_quote) whose opening or closing mark is
 * token k, or NULL. */
static const qt_quote *qt_title_mark(const qt_doc *d, const qt_tok *k)
{
    size_t lo = 0, hi = d->n_quotes;
    while (lo < hi) { /* first quotation starting after the token */
        size_t mid = (lo + hi) / 2;
        if (d->quotes[mid].start <= k->start)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (size_t j = lo, seen = 0; j-- > 0 && seen < 4; seen++) {
        const qt_quote *q = &d->quotes[j];
        if ((q->start == k->start || q->end == k->end) && j != d->cur)
            return qt_is_title_quote(q) ? q : NULL;
    }
    return NULL;
}

/* qt_lex over t[a, b), without title quotations: their marks and words
 * are dropped, so that a title neither ends the clause nor offers its
 * capitalised words as a name (promote "Celebrity Apprentice," note). */
static size_t qt_lex_clause(const qt_doc *d, size_t a, size_t b, qt_tok *out, size_t cap)
{
    size_t n = qt_lex(&d->text, a, b, out, cap), m = 0;
    for (size_t i = 0; i < n; i++) {
        const qt_quote *tq = out[i].type == QT_TOK_QUOTE ? qt_title_mark(d, &out[i]) : NULL;
        if (!tq) {
            out[m++] = out[i];
            continue;
        }
        while (i + 1 < n && out[i + 1].start < tq->end)
            i++; /* (to the closing mark) */
    }
    return m;
}

/* The tokens of the end of t[a, b) (the part next to a quotation that
 * follows it), at most cap: where the stretch holds more words than that,
 * its start moves on, so that the tokens always reach b.  With `clause`,
 * title quotations are dropped (qt_lex_clause). */
static size_t qt_lex_end(const qt_doc *d, size_t a, size_t b, qt_tok *out, size_t cap, int clause)
{
    size_t n = qt_lex(&d->text, a, b, out, cap);
    while (n == cap && out[cap / 2].start > a) {
        a = out[cap / 2].start;
        n = qt_lex(&d->text, a, b, out, cap);
    }
    return clause ? qt_lex_clause(d, a, b, out, cap) : n;
}

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
    /* (a capitalised one is a name: George Will described) */
    while (last_end > last_begin && qt_is_aux(d->text.s, &seg[last_end - 1]) && !(seg[last_end - 1].flags & QT_TF_UPPER))
        last_end--;
    /* X, a writer for The Atlantic, said: the name is in an earlier segment */
    const qt_tok *first = &seg[last_begin];
    /* (or a subordinate clause closed by a comma: Donald Trump, while
     * being interviewed on Fox and Friends, called; but not one the cue
     * is in: the Capitol, where Harry Reid told) */
    int closed = b > a && toks[b - 1].type == QT_TOK_PUNCT && toks[b - 1].c == ',';
    int appositive = nseg > 1 && last_end > last_begin &&
                     (qt_tok_is(d->text.s, first, "a") || qt_tok_is(d->text.s, first, "an") ||
                      qt_tok_is(d->text.s, first, "the") || qt_tok_is(d->text.s, first, "his") ||
                      qt_tok_is(d->text.s, first, "her") || qt_tok_is(d->text.s, first, "who") ||
                      (closed && qt_is_subordinator(d->text.s, first)));
    /* ... director of research at Widmeyer Communications, said */
    for (size_t k = last_begin; !appositive && nseg > 1 && k < last_end; k++)
        if (!(seg[k].flags & QT_TF_UPPER) && qt_is_role_word(d->text.s, &seg[k]))
            appositive = 1;
    /* Michael Seaman, who lives outside the state capital, Sacramento,
     * said: a relative clause or an appositive anywhere after the first
     * segment makes the chain hang on the name that opens it */
    for (size_t sg = 1; !appositive && sg < nseg; sg++) {
        const qt_tok *f0 = &seg[seg_end[sg - 1]];
        /* ... or a participle, a place or an age: X, hoping to surge in New
         * Hampshire, called; Cory James, 22, of Flint, Mich., said */
        if (seg_end[sg] > seg_end[sg - 1] &&
            (qt_tok_is(d->text.s, f0, "who") || qt_tok_is(d->text.s, f0, "whose") || qt_tok_is(d->text.s, f0, "a") ||
             qt_tok_is(d->text.s, f0, "an") || qt_tok_is(d->text.s, f0, "the") ||
             (!(f0->flags & QT_TF_UPPER) && qt_is_participle(d->text.s, f0)) || qt_is_preposition(d->text.s, f0) ||
             (d->text.s[f0->start] >= '0' && d->text.s[f0->start] <= '9')))
            appositive = 1;
    }
    /* a woman in Worcester, Massachusetts, told: the segment after "in
     * Worcester" is the rest of a place name (City, State), no subject */
    int place = 0;
    if (nseg > 1) {
        size_t pb = nseg > 2 ? seg_end[nseg - 3] : 0, pe = seg_end[nseg - 2];
        size_t k = pe;
        while (k > pb && (seg[k - 1].flags & QT_TF_UPPER))
            k--;
        /* only after a description (a woman in ...), not after an opening
         * adverbial (During the debate in Brooklyn, Clinton said) */
        place = k < pe && k > pb && qt_is_preposition(d->text.s, &seg[k - 1]) &&
                (qt_tok_is(d->text.s, &seg[pb], "a") || qt_tok_is(d->text.s, &seg[pb], "an") ||
                 qt_tok_is(d->text.s, &seg[pb], "the") || qt_tok_is(d->text.s, &seg[pb], "one") ||
                 qt_tok_is(d->text.s, &seg[pb], "another"));
    }
    /* Mary Susan, clad in a red cape that formed the name Trump, said: a
     * last segment opened by a lower-case word (no pronoun, no role)
     * modifies the name before it */
    if (nseg > 1 && last_end > last_begin && first->type == QT_TOK_WORD && !(first->flags & QT_TF_UPPER) &&
        !qt_is_role_word(d->text.s, first) && !qt_is_subordinator(d->text.s, first) &&
        /* (de Blasio: a name particle opens a name) */
        !(qt_tok_is(d->text.s, first, "de") || qt_tok_is(d->text.s, first, "van") || qt_tok_is(d->text.s, first, "von")) &&
        !qt_tok_is(d->text.s, first, "he") && !qt_tok_is(d->text.s, first, "she") &&
        !qt_tok_is(d->text.s, first, "they") && !qt_tok_is(d->text.s, first, "we") && !qt_tok_is(d->text.s, first, "it"))
        appositive = 1;
    /* Trump, in Scotland, called it: a prepositional phrase is no subject */
    int prep = last_end > last_begin && (qt_is_preposition(d->text.s, first) || place);
    appositive |= prep && nseg > 1;
    if (appositive) { /* the name comes first: Harry Bond, 30, of Raleigh, N.C., who ... */
        for (size_t sg = 0; sg + 1 < nseg; sg++) {
            size_t sb = sg > 0 ? seg_end[sg - 1] : 0;
            if (seg_end[sg] > sb && qt_may_open_subject(d->text.s, &seg[sb]) &&
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
        if (seg_end[sg] > sb && qt_may_open_subject(d->text.s, &seg[sb]) &&
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
 * at most 11 tokens (according to a court document filed by state attorney
 * Dave Aronberg). */
static size_t qt_subject_after(const char *t, const qt_tok *toks, size_t n, size_t c)
{
    size_t e = c + 1;
    int named = 0;
    while (e < n && e < c + 12 && !(toks[e].type == QT_TOK_PUNCT && (toks[e].c == ',' || toks[e].c == ':' ||
                                                                    (toks[e].flags & QT_TF_SENT_END)))) {
        /* said Cameron Easley of Morning Consult: the name ends at "of" */
        if (toks[e].type == QT_TOK_WORD && (toks[e].flags & QT_TF_UPPER))
            named = 1;
        else if (named && toks[e].type == QT_TOK_WORD && (qt_tok_is(t, &toks[e], "of") ||
                                                           qt_tok_is(t, &toks[e], "who") ||
                                                           qt_tok_is(t, &toks[e], "in") ||
                                                           qt_tok_is(t, &toks[e], "on") ||
                                                           qt_tok_is(t, &toks[e], "at") ||
                                                           /* said Dan Golvach when asked about
                                                            * Lindsey Graham */
                                                           qt_is_subordinator(t, &toks[e])))
            break;
        e++;
    }
    return e;
}

/* The subject of an inverted cue at index c ("...," said X), up to e.
 * "said the bureau's director, James B. Comey, on Monday": when the
 * phrase after the cue is a description (it opens with a determiner or a
 * possessive) and a name follows it between commas, the name is the
 * subject: it says who the description is. */
static int qt_inverted_subject(const qt_doc *d, qt_quote *q, const qt_tok *toks, size_t e, size_t c)
{
    const char *t = d->text.s;
    size_t se = qt_subject_after(t, toks, e, c);
    if (se < e && toks[se].type == QT_TOK_PUNCT && toks[se].c == ',' && c + 1 < se &&
        toks[c + 1].type == QT_TOK_WORD && !(toks[c + 1].flags & QT_TF_UPPER)) {
        size_t a = se + 1, b = a;
        while (b < e && b < a + 5 && toks[b].type == QT_TOK_WORD && (toks[b].flags & QT_TF_UPPER))
            b++;
        qt_quote tmp = *q;
        if (b >= a + 2 && (b == e || (toks[b].type == QT_TOK_PUNCT && toks[b].c == ',')) &&
            qt_resolve_subject(d, &tmp, toks + a, b - a)) {
            *q = tmp;
            return 1;
        }
    }
    return qt_subject(d, q, toks, c + 1, se);
}

static int qt_opening_subject(const qt_doc *d, qt_quote *q, const qt_tok *toks, size_t n, size_t w);

/* Cruz blamed the law on "knuckleheaded politicians."  A quotation inside
 * a sentence of the writer, with no cue verb, goes to the subject of that
 * sentence: the name (or he / she) that opens it and is followed by its
 * verb, a lower-case word.  An opening adverbial up to a comma (On Monday,)
 * and appositives after the name (X, the CEO, blamed) are passed over. */
static int qt_clause_subject(const qt_doc *d, qt_quote *q, size_t a, size_t b)
{
    qt_tok toks[QT_MAX_TOKS];
    if (b > a + QT_BEFORE_BYTES)
        a = b - QT_BEFORE_BYTES;
    size_t n = qt_lex_end(d, a, b, toks, QT_MAX_TOKS, 0);
    if (n < 2 || (toks[n - 1].flags & QT_TF_SENT_END) || toks[n - 1].type == QT_TOK_QUOTE)
        return 0;
    size_t w = 0;
    for (size_t i = 0; i + 1 < n; i++)
        if ((toks[i].flags & QT_TF_SENT_END) || toks[i].type == QT_TOK_QUOTE ||
            (toks[i].type == QT_TOK_PUNCT && (toks[i].c == ';' || toks[i].c == ':' || toks[i].c == '-')))
            w = i + 1;
    if (qt_opening_subject(d, q, toks, n, w))
        return 1;
    /* And in a turn that called to mind, for some, Wallace's refrain, Mr.
     * Cruz pledged to oppose it "today, tomorrow, forever.": past a long
     * opening, the clause after its last comma may open with the subject */
    size_t c = n;
    while (c > w && !(toks[c - 1].type == QT_TOK_PUNCT && toks[c - 1].c == ','))
        c--;
    return c > w + 1 && c < n && (toks[c].flags & QT_TF_UPPER) && qt_opening_subject(d, q, toks, n, c);
}

/* The subject opening the clause toks[w, n): a name (or he / she) followed
 * by its verb, a lower-case word; see qt_clause_subject. */
static int qt_opening_subject(const qt_doc *d, qt_quote *q, const qt_tok *toks, size_t n, size_t w)
{
    const char *t = d->text.s;
    while (w < n && toks[w].type != QT_TOK_WORD)
        w++;
    if (w < n && (qt_tok_is(t, &toks[w], "but") || qt_tok_is(t, &toks[w], "and") || qt_tok_is(t, &toks[w], "so")))
        w++;
    /* On Monday, Later, In a statement, ...: skip to the comma */
    if (w < n && (toks[w].flags & QT_TF_UPPER) && !qt_is_role_word(t, &toks[w])) {
        qt_tok low = toks[w];
        low.flags = 0;
        if (qt_is_preposition(t, &low) || qt_tok_is(t, &low, "later") || qt_tok_is(t, &low, "earlier") ||
            qt_tok_is(t, &low, "meanwhile") || qt_tok_is(t, &low, "still") || qt_tok_is(t, &low, "instead") ||
            qt_is_subordinator(t, &low)) {
            size_t c = w;
            while (c < n && c < w + 20 && !(toks[c].type == QT_TOK_PUNCT && toks[c].c == ','))
                c++;
            if (c >= n || c >= w + 20)
                return 0;
            w = c + 1;
        }
    }
    if (w >= n || toks[w].type != QT_TOK_WORD)
        return 0;
    if (qt_tok_is(t, &toks[w], "he") || qt_tok_is(t, &toks[w], "she"))
        return w + 1 < n && toks[w + 1].type == QT_TOK_WORD && !(toks[w + 1].flags & QT_TF_UPPER) &&
               qt_resolve_subject(d, q, toks + w, 1);
    /* the DNC issued a statement: "the" and capitalised words, then the
     * verb (an organisation, qt_resolve_subject decides) */
    if (qt_tok_is(t, &toks[w], "the") && w + 1 < n && (toks[w + 1].flags & QT_TF_UPPER)) {
        size_t e = w + 1;
        while (e < n && toks[e].type == QT_TOK_WORD && (toks[e].flags & QT_TF_UPPER))
            e++;
        return e < n && toks[e].type == QT_TOK_WORD && !(toks[e].flags & QT_TF_UPPER) &&
               !qt_is_preposition(t, &toks[e]) && !qt_is_role_word(t, &toks[e]) && !qt_tok_is(t, &toks[e], "and") &&
               qt_resolve_subject(d, q, toks + w, e - w);
    }
    /* A lower-case word ends the subject: in "Trump blasted Clinton as" it
     * is the verb.  Only one before a role word and a name is a modifier
     * (below); "Soviet dissident Milovan Djilas" is left unresolved, as a
     * noun and a verb cannot be told apart here. */
    size_t e = w;
    for (;;) {
        while (e < n && toks[e].type == QT_TOK_WORD &&
               ((toks[e].flags & QT_TF_UPPER) || qt_is_role_word(t, &toks[e]) || qt_tok_is(t, &toks[e], "de")))
            e++;
        /* Sen. Ted Cruz (R-Tex.), ...: a bracket after the name is passed
         * over (qt_subject skips it too) */
        if (e > w && e < n && toks[e].type == QT_TOK_PUNCT && toks[e].c == '(') {
            size_t c = e + 1;
            while (c < n && c < e + 8 && !(toks[c].type == QT_TOK_PUNCT && toks[c].c == ')'))
                c++;
            if (c < n && c < e + 8 && c + 1 < n) {
                e = c + 1;
                continue;
            }
        }
        /* Republican presidential nominee Donald Trump: lower-case words
         * before a role word and a capitalised name modify it (a verb would
         * not be followed by a role word and a name) */
        size_t k = e;
        while (e > w && k < n && k < e + 2 && toks[k].type == QT_TOK_WORD && !(toks[k].flags & QT_TF_UPPER) &&
               !qt_is_role_word(t, &toks[k]) && !qt_is_preposition(t, &toks[k]))
            k++;
        if (k > e && k + 1 < n && qt_is_role_word(t, &toks[k]) && !(toks[k].flags & QT_TF_UPPER) &&
            (toks[k + 1].flags & QT_TF_UPPER)) {
            e = k;
            continue;
        }
        /* Soviet dissident Milovan Djilas referred: lower-case nouns
         * before a name of two words or more, itself before a lower-case
         * word that is no preposition (its verb), modify the name; a verb
         * would not stand there (no word in -ed or -s, no cue) */
        size_t r = k;
        int nouns = k > e;
        for (size_t i = e; i < k; i++) {
            const char *we = t + toks[i].end;
            size_t wl = toks[i].end - toks[i].start;
            if (wl < 3 || we[-1] == 's' || (we[-1] == 'd' && we[-2] == 'e') || qt_is_cue_word(t, toks[i].start, toks[i].end) ||
                qt_is_aux(t, &toks[i]) || qt_tok_is(t, &toks[i], "and") || qt_tok_is(t, &toks[i], "or"))
                nouns = 0;
        }
        while (r < n && toks[r].type == QT_TOK_WORD && (toks[r].flags & QT_TF_UPPER))
            r++;
        if (nouns && e > w && r >= k + 2 && r < n && toks[r].type == QT_TOK_WORD && !(toks[r].flags & QT_TF_UPPER) &&
            !qt_is_preposition(t, &toks[r]) && !qt_tok_is(t, &toks[r], "and") && !qt_tok_is(t, &toks[r], "or")) {
            e = r;
            continue;
        }
        break;
    }
    /* The Sanders campaign projects: the body noun belongs to the subject */
    if (e > w && e < n && qt_is_body_noun(t, &toks[e]))
        e++;
    if (e == w || e >= n)
        return 0;
    size_t v = e; /* the verb */
    if (toks[e].type == QT_TOK_PUNCT && toks[e].c == ',') {
        /* X, the CEO, blamed: the verb follows the comma that closes the
         * appositive */
        v = e + 1;
        while (v < n && v < e + 24 && !(toks[v].type == QT_TOK_PUNCT && toks[v].c == ','))
            v++;
        if (v >= n || v >= e + 24)
            return 0;
        v++;
    }
    if (v >= n || toks[v].type != QT_TOK_WORD || (toks[v].flags & QT_TF_UPPER) || qt_is_preposition(t, &toks[v]) ||
        qt_is_role_word(t, &toks[v]) || qt_tok_is(t, &toks[v], "and") || qt_tok_is(t, &toks[v], "or"))
        return 0;
    /* Fundraising was "stagnant": one capitalised word opening the
     * sentence is a name only if the entities layer says so or the text
     * also capitalises it elsewhere */
    qt_quote tmp = *q;
    if (!qt_subject(d, &tmp, toks, w, v))
        return 0;
    if (e == w + 1 && tmp.spk_link == UINT32_MAX && !qt_mid_sentence(d, toks[w].start, toks[w].end))
        return 0;
    *q = tmp;
    return 1;
}

/* Whether token i is the dash closing a dateline: "Washington (AFP) --",
 * "ST. LOUIS --": a dash after a bracket or a word in capitals. */
static int qt_dateline_dash(const qt_tok *toks, size_t i)
{
    /* (spaced: the hyphen in "D.C.-based" joins words) */
    return i > 0 && toks[i].type == QT_TOK_PUNCT && toks[i].c == '-' && toks[i].start > toks[i - 1].end &&
           ((toks[i - 1].type == QT_TOK_PUNCT && toks[i - 1].c == ')') || (toks[i - 1].flags & QT_TF_ALLCAPS));
}

/* Whether cue token k is a verb that may stand before its subject
 * (said X, explained X); not one that takes an object (telling Reuters). */
static int qt_inverts(const char *t, const qt_tok *k)
{
    static const char *const verbs[] = { "said", "says", "added", "adds", "wrote", "writes", "explained",
                                         "noted", "continued", "replied", "recalled", NULL };
    for (size_t j = 0; verbs[j]; j++)
        if (qt_tok_is(t, k, verbs[j]))
            return 1;
    return 0;
}

/* Whether word token k is a form of "be" before a passive (was asked). */
static int qt_passive_aux(const char *t, const qt_tok *k)
{
    return qt_tok_is(t, k, "was") || qt_tok_is(t, k, "were") || qt_tok_is(t, k, "been") ||
           qt_tok_is(t, k, "being") || qt_tok_is(t, k, "is") || qt_tok_is(t, k, "be");
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
        if (d->text.s[i - 1] != '\n')
            continue;
        size_t j = i - 1;
        while (j > a && (d->text.s[j - 1] == ' ' || d->text.s[j - 1] == '\r'))
            j--;
        int blank_tail = 1;
        for (size_t k = i; k < b; k++)
            if (d->text.s[k] != ' ' && d->text.s[k] != '\t' && d->text.s[k] != '\r')
                blank_tail = 0;
        if (!(blank_tail && j > a && d->text.s[j - 1] == ':'))
            a = i;
        break;
    }
    size_t n = qt_lex_end(d, a, b, toks, QT_MAX_TOKS, 1);
    f->cue = -1;
    f->adjacent = 0;
    f->resolved = 0;
    /* the window starts after the last sentence end that is not the last token */
    size_t w = 0;
    for (size_t i = 0; i + 1 < n; i++)
        if ((toks[i].flags & QT_TF_SENT_END) || (toks[i].type == QT_TOK_PUNCT && toks[i].c == ';') ||
            qt_dateline_dash(toks, i))
            w = i + 1;
    if (n > 0 && (toks[n - 1].flags & QT_TF_SENT_END))
        return; /* the quotation starts a sentence */
    int c = -1;
    for (size_t i = n; i-- > w;) {
        if (qt_cue_at(d->text.s, toks, n, i, i == w)) {
            c = (int)i;
            break;
        }
    }
    if (c < 0) {
        /* X boomed: "..."; President Clinton released the following
         * statement: "..." -- no cue verb, but a colon introduces the
         * quotation: the subject is the name that opens the clause */
        /* (a spaced dash introduces it as well: Trump also embraced harsh
         * techniques -- "I think waterboarding is peanuts") */
        int intro = n > w + 1 && toks[n - 1].type == QT_TOK_PUNCT &&
                    (toks[n - 1].c == ':' ||
                     (toks[n - 1].c == '-' && (toks[n - 1].start > toks[n - 2].end ||
                                               (toks[n - 2].type == QT_TOK_PUNCT && toks[n - 2].c == '-'))));
        if (intro) {
            /* Pollsters agree - Carl Bialik: "...": a name between a dash
             * and the colon speaks */
            size_t r = n - 1;
            while (r > w && toks[r - 1].type == QT_TOK_WORD && (toks[r - 1].flags & QT_TF_UPPER))
                r--;
            if (r < n - 1 && r > w && toks[r - 1].type == QT_TOK_PUNCT && toks[r - 1].c == '-' &&
                qt_resolve_subject(d, q, toks + r, n - 1 - r)) {
                f->cue = (int)(n - 1);
                f->adjacent = 1;
                f->resolved = 1;
                return;
            }
            /* In response, Republican nominee Donald Trump issued the
             * following statement: -- the subject of the clause, past an
             * opening adverbial; else the capitalised words opening it */
            qt_quote tmp = *q;
            if (qt_opening_subject(d, &tmp, toks, n - 1, w)) {
                *q = tmp;
                f->cue = (int)(n - 1);
                f->adjacent = 1;
                f->resolved = 1;
                return;
            }
            size_t e = w;
            while (e < n - 1 && !(toks[e].type == QT_TOK_WORD && !(toks[e].flags & QT_TF_UPPER) &&
                                  !qt_is_role_word(d->text.s, &toks[e])))
                e++;
            if (e > w && qt_subject(d, q, toks, w, e)) {
                f->cue = (int)(n - 1);
                f->adjacent = 1;
                f->resolved = 1;
                return;
            }
            /* The timing doesn't surprise Republican pollster Daron Shaw:
             * "...": a name of two words or more (or a person of the
             * entities layer) right before the colon */
            size_t rn = n - 1;
            while (rn > w && rn + 5 > n && toks[rn - 1].type == QT_TOK_WORD && (toks[rn - 1].flags & QT_TF_UPPER))
                rn--;
            tmp = *q;
            if (rn + 3 <= n && qt_resolve_subject(d, &tmp, toks + rn, n - 1 - rn)) {
                *q = tmp;
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
    while (s0 < (size_t)c && (toks[s0].type != QT_TOK_WORD || qt_tok_is(d->text.s, &toks[s0], "and") ||
                              qt_tok_is(d->text.s, &toks[s0], "but") || qt_tok_is(d->text.s, &toks[s0], "so")))
        s0++;
    /* As John Cornyn, the No. 2, put it: -- a subordinating word opening the
     * clause before a name */
    if (s0 + 1 < (size_t)c && (toks[s0 + 1].flags & QT_TF_UPPER)) {
        qt_tok low = toks[s0];
        low.flags = 0;
        if (qt_is_subordinator(d->text.s, &low))
            s0++;
    }
    /* Rubio was asked by moderator Gerard Baker whether ... would risk
     * "...": the passive's agent asked, the subject was asked */
    if ((size_t)c + 2 < n && c > 0 && qt_passive_aux(d->text.s, &toks[c - 1]) && qt_tok_is(d->text.s, &toks[c + 1], "by") &&
        (qt_tok_is(d->text.s, &toks[c], "asked") || qt_tok_is(d->text.s, &toks[c], "told") ||
         qt_tok_is(d->text.s, &toks[c], "called") || qt_tok_is(d->text.s, &toks[c], "described"))) {
        qt_quote tmp = *q;
        if (qt_inverted_subject(d, &tmp, toks, n, (size_t)c + 1)) {
            *q = tmp;
            f->resolved = 1;
            return;
        }
    }
    if (qt_tok_is(d->text.s, &toks[c], "according")) {
        size_t e = qt_subject_after(d->text.s, toks, n, (size_t)c + 1);
        f->resolved = qt_subject(d, q, toks, (size_t)c + 2, e);
        return;
    }
    if (s0 >= (size_t)c) { /* Added X: "..." */
        /* ..., adding that it is why Trump "...", telling Fox 35 that "...":
         * a lower-case cue before a clause, or a participle before its
         * object, is no inversion; the speaker goes on */
        if (!(toks[c].flags & QT_TF_UPPER) && (size_t)c + 1 < n && toks[c + 1].type == QT_TOK_WORD &&
            (!(toks[c + 1].flags & QT_TF_UPPER) || qt_is_participle(d->text.s, &toks[c]))) {
            q->cue_start = q->cue_end = 0;
            f->cue = -1;
            return;
        }
        size_t e = qt_subject_after(d->text.s, toks, n, (size_t)c);
        f->resolved = qt_subject(d, q, toks, (size_t)c + 1, e);
        if (e == (size_t)c + 1) { /* "Adding, ...": a bare cue continues the speaker before */
            q->cue_start = q->cue_end = 0;
            f->cue = -1;
        }
        return;
    }
    /* Because of how Democrats crafted the schedule, explained Rosenberg,
     * "...": a cue after a comma with a name after it, up to a comma, is
     * inverted: the name is its subject (also a parenthesis: The paradox
     * of Nancy, says Carl Anthony, historian at ..., is that she was "...") */
    if (c > (int)s0 && toks[c - 1].type == QT_TOK_PUNCT && toks[c - 1].c == ',' && qt_inverts(d->text.s, &toks[c]) &&
        (size_t)c + 1 < n && (toks[c + 1].flags & QT_TF_UPPER)) {
        size_t k = (size_t)c + 1;
        while (k < n && k < (size_t)c + 5 && toks[k].type == QT_TOK_WORD && (toks[k].flags & QT_TF_UPPER))
            k++;
        qt_quote tmp = *q;
        if (k < n && toks[k].type == QT_TOK_PUNCT && (toks[k].c == ',' || toks[k].c == ':') &&
            qt_resolve_subject(d, &tmp, toks + c + 1, k - (size_t)c - 1)) {
            *q = tmp;
            f->resolved = 1;
            return;
        }
    }
    /* Trump attacked Clinton ..., saying "...": with a participle the
     * speaker is the subject of the clause before it, i.e. its opening name */
    size_t cl = toks[c].end - toks[c].start;
    if (cl > 4 && memcmp(d->text.s + toks[c].end - 3, "ing", 3) == 0) {
        size_t k = (size_t)c;
        while (k > s0 && toks[k - 1].type == QT_TOK_PUNCT)
            k--;
        size_t sb = k;
        while (sb > s0 && !(toks[sb - 1].type == QT_TOK_PUNCT && toks[sb - 1].c == ','))
            sb--;
        /* with Senator John McCain telling reporters ...: the subject of
         * the participle follows "with" */
        int with = sb < k && qt_tok_is(d->text.s, &toks[sb], "with");
        sb += (size_t)with;
        size_t e = sb;
        while (e < k && toks[e].type == QT_TOK_WORD &&
               ((toks[e].flags & QT_TF_UPPER) || qt_is_role_word(d->text.s, &toks[e]) ||
                qt_tok_is(d->text.s, &toks[e], "the") || qt_tok_is(d->text.s, &toks[e], "de") ||
                /* Former Secretary of State Madeleine Albright */
                (qt_tok_is(d->text.s, &toks[e], "of") && e + 1 < k && (toks[e + 1].flags & QT_TF_UPPER))))
            e++;
        if (e > sb && (e < k || with)) {
            f->resolved = qt_subject(d, q, toks, sb, e);
            if (f->resolved)
                return;
        }
        /* Democratic presidential candidate Sen. Bernie Sanders (I-Vt.) on
         * Saturday criticized the accord, saying: modifiers, brackets and a
         * time before the verb, as for a sentence subject */
        qt_quote tmp = *q;
        if (!with && sb < k && (toks[sb].flags & QT_TF_UPPER) && qt_opening_subject(d, &tmp, toks, k, sb)) {
            *q = tmp;
            f->resolved = 1;
            return;
        }
        /* Ryan endorsed Trump in June, but only after deliberating,
         * telling reporters that he was "...": the participle's subject is
         * the sentence's, past its other comma segments */
        tmp = *q;
        if (!with && sb > s0 && (toks[s0].flags & QT_TF_UPPER) && qt_may_open_subject(d->text.s, &toks[s0]) &&
            qt_opening_subject(d, &tmp, toks, k, s0)) {
            *q = tmp;
            f->resolved = 1;
            return;
        }
    }
    /* hours after Sanders said he was "encouraged"; to which O'Malley
     * interjected: "...": a name right before the cue, opened by a
     * subordinating word, is the subject of the cue's own clause */
    {
        size_t k = (size_t)c;
        while (k > s0 && qt_is_aux(d->text.s, &toks[k - 1]) && !qt_tok_is(d->text.s, &toks[k - 1], "and") &&
               !qt_tok_is(d->text.s, &toks[k - 1], "but") && !qt_tok_is(d->text.s, &toks[k - 1], "who") &&
               !qt_tok_is(d->text.s, &toks[k - 1], "told"))
            k--;
        /* back over at most six words to the subordinating word: after
         * Republican contender Donald Trump told */
        size_t r = k, nw = 0;
        while (r > s0 && nw < 6 && !qt_is_subordinator(d->text.s, &toks[r - 1])) {
            if (toks[r - 1].type == QT_TOK_PUNCT && toks[r - 1].c == ')') {
                /* (D-Nev.): passed over */
                size_t p = r - 1;
                while (p > s0 && !(toks[p - 1].type == QT_TOK_PUNCT && toks[p - 1].c == '('))
                    p--;
                if (p <= s0 || r - p > 8)
                    break;
                r = p - 1;
                continue;
            }
            if (toks[r - 1].type != QT_TOK_WORD)
                break;
            r--;
            nw++;
        }
        if (r < k && r > s0 && qt_is_subordinator(d->text.s, &toks[r - 1])) {
            /* (the name that opens the clause, before its verb: when Cruz
             * knocked Rubio on trade and called him, not Rubio) */
            qt_quote tmp = *q;
            if ((toks[r].flags & QT_TF_UPPER) && qt_opening_subject(d, &tmp, toks, (size_t)c + 1, r)) {
                *q = tmp;
                f->resolved = 1;
                return;
            }
            tmp = *q;
            if (qt_resolve_subject(d, &tmp, toks + r, k - r)) {
                *q = tmp;
                f->resolved = 1;
                return;
            }
        }
        /* Massie used to back Paul, but now said "...": a cue in a
         * coordinated verb phrase shares the subject of the sentence */
        if (k > s0 + 1 && (qt_tok_is(d->text.s, &toks[k - 1], "and") || qt_tok_is(d->text.s, &toks[k - 1], "but") ||
                           (k > s0 + 2 && toks[k - 1].type == QT_TOK_WORD && qt_is_aux(d->text.s, &toks[k - 1]) &&
                            (qt_tok_is(d->text.s, &toks[k - 2], "and") || qt_tok_is(d->text.s, &toks[k - 2], "but"))))) {
            qt_quote tmp = *q;
            if (qt_clause_subject(d, &tmp, toks[s0].start, toks[c].start)) {
                *q = tmp;
                f->resolved = 1;
                return;
            }
            /* such as when Cruz knocked Rubio and called him a "...": the
             * subject of the subordinate clause the verbs are in */
            size_t sub = k;
            while (sub > s0 && !qt_is_subordinator(d->text.s, &toks[sub - 1]))
                sub--;
            tmp = *q;
            if (sub > s0 && (toks[sub].flags & QT_TF_UPPER) && qt_opening_subject(d, &tmp, toks, (size_t)c, sub)) {
                *q = tmp;
                f->resolved = 1;
                return;
            }
        }
    }
    /* Rep. Steve Israel said Clinton called on members to be "closely
     * coordinated": a cue inside the complement of a reporting verb
     * earlier in the sentence; the outer source is the one the writer
     * cites (as with "according to") */
    for (size_t c2 = s0 + 1; c2 + 1 < (size_t)c; c2++) {
        if (!(qt_tok_is(d->text.s, &toks[c2], "said") || qt_tok_is(d->text.s, &toks[c2], "says") ||
              qt_tok_is(d->text.s, &toks[c2], "wrote") || qt_tok_is(d->text.s, &toks[c2], "writes")))
            continue;
        /* (not across a comma: While not everything Trump says is true,
         * Jamieson said Trump is "...": a subordinate clause before) */
        int comma = 0;
        for (size_t k = c2 + 1; k < (size_t)c; k++)
            comma |= toks[k].type == QT_TOK_PUNCT && toks[k].c == ',';
        if (comma)
            break;
        qt_quote tmp = *q;
        if (qt_subject(d, &tmp, toks, s0, c2)) {
            *q = tmp;
            f->resolved = 1;
            return;
        }
        break;
    }
    /* The Times made the same claims, and Breitbart News responded: a
     * clause joined by ", and" / ", but" has its own subject, the cue's */
    for (size_t k = (size_t)c; k-- > s0 + 1;) {
        if (toks[k - 1].type == QT_TOK_PUNCT && toks[k - 1].c == ',' && k + 1 < (size_t)c &&
            (qt_tok_is(d->text.s, &toks[k], "and") || qt_tok_is(d->text.s, &toks[k], "but")) &&
            (toks[k + 1].flags & QT_TF_UPPER)) {
            qt_quote tmp = *q;
            if (qt_subject(d, &tmp, toks, k + 1, (size_t)c)) {
                *q = tmp;
                f->resolved = 1;
                return;
            }
            break;
        }
    }
    f->resolved = qt_subject(d, q, toks, s0, (size_t)c);
}

/* Whether the quotation stands inside a sentence of the writer: the text
 * before it in its paragraph ends with a word, a comma or a colon, not with
 * a sentence end or another quotation. */
static int qt_mid_sentence_quote(const qt_doc *d, const qt_quote *q)
{
    size_t lo = d->paras[q->para].start, i = q->start, cl;
    while (i > lo) {
        uint32_t cp = qt_cp_before(&d->text, lo, i, &cl), cc = qt_class(&d->text, cp);
        if (!(cc & ANN_CHAR_SPACE))
            return (cc & QT_WORD) || cp == ',' || cp == ':';
        i -= cl;
    }
    return 0;
}

/* The clause after the quotation: text [a, b). */
static void qt_after(const qt_doc *d, qt_quote *q, size_t a, size_t b, qt_found *f)
{
    qt_tok toks[QT_MAX_TOKS];
    if (b > a + QT_AFTER_BYTES)
        b = a + QT_AFTER_BYTES;
    /* a line break ends the clause (lists of quotations, one per line) */
    const char *nl = b > a ? memchr(d->text.s + a, '\n', b - a) : NULL;
    if (nl)
        b = (size_t)(nl - d->text.s);
    size_t n = qt_lex_clause(d, a, b, toks, QT_MAX_TOKS);
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
    /* "kind of riding the fence" until Haley said she was backing him: a
     * subordinate clause after the quotation has its own subject and cue
     * ("as X said" aside: it does attribute) */
    if (toks[s].type == QT_TOK_WORD && !qt_tok_is(d->text.s, &toks[s], "as") && qt_is_subordinator(d->text.s, &toks[s]) &&
        !qt_tok_is(d->text.s, &toks[s], "which") && !qt_tok_is(d->text.s, &toks[s], "that"))
        return;
    /* "...," and Trump says ...: a clause joined by a conjunction starts
     * the writer's next statement, it does not attribute this quotation */
    /* (but "..." and Clevelanders get nervous, said Christine Link: a cue
     * after a comma still attributes the whole sentence) */
    int joined = toks[s].type == QT_TOK_WORD && (qt_tok_is(d->text.s, &toks[s], "and") ||
                                                 qt_tok_is(d->text.s, &toks[s], "but") ||
                                                 qt_tok_is(d->text.s, &toks[s], "while"));
    /* called it "a disaster." Cruz said ...: a quotation inside the writer's
     * sentence that ends with a period ends that sentence too; what
     * follows is a new sentence with its own quotations */
    if (s == 0 && q->inner_end > q->inner_start && d->text.s[q->inner_end - 1] == '.' &&
        !(q->inner_end >= 2 && d->text.s[q->inner_end - 2] == '.') && qt_mid_sentence_quote(d, q))
        return;
    size_t reach = 20; /* how far the cue may be */
    if (s == 0) {
        /* "...": no comma after the quotation; a cue may still follow
         * ("..." he said) when the quotation ended with its own punctuation,
         * or right after it ("..." Grubbs said) */
        unsigned char last = (unsigned char)d->text.s[q->inner_end > 0 ? q->inner_end - 1 : 0];
        if (!(last == ',' || last == '.' || last == '?' || last == '!' || last == '-' ||
              (q->inner_end >= 3 && (unsigned char)d->text.s[q->inner_end - 3] == 0xE2)) && !joined)
            reach = 4; /* (a joined clause takes only a cue after a comma) */
        /* "... in a political campaign." Ohio Gov. John Kasich said: a
         * quotation ending its sentence, then a capitalised word: a new
         * sentence, whose cue is its own unless right after ("..." Smith
         * said) */
        if (last == '.' && toks[s].type == QT_TOK_WORD && (toks[s].flags & QT_TF_UPPER) &&
            !(q->inner_end >= 2 && d->text.s[q->inner_end - 2] == '.'))
            reach = 3;
    }
    /* "..." ― Sonya Herridge: a dash, a name, and the line ends */
    size_t f2 = e < n && (toks[e].flags & QT_TF_SENT_END) ? e + 1 : e;
    if (s > 0 && toks[s - 1].c == '-' && e - s >= 2 && e - s <= 4 &&
        (f2 == n || (toks[f2].type == QT_TOK_QUOTE &&
                     memchr(d->text.s + toks[e - 1].end, '\n', toks[f2].start - toks[e - 1].end)))) {
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
        /* (an angry Hollande retaliated: a determiner and at most two
         * lower-case words before the name) */
        size_t s1 = s;
        if (s1 + 1 < e && (qt_tok_is(d->text.s, &toks[s1], "an") || qt_tok_is(d->text.s, &toks[s1], "a"))) {
            size_t j = s1 + 1;
            while (j < e && j < s1 + 3 && toks[j].type == QT_TOK_WORD && !(toks[j].flags & QT_TF_UPPER) &&
                   !qt_is_role_word(d->text.s, &toks[j]) && !qt_tok_cue(d->text.s, &toks[j], NULL, 0))
                j++;
            if (j > s1 + 1 && j < e && (toks[j].flags & QT_TF_UPPER))
                s1 = j;
        }
        size_t k = s1;
        while (k < e && k < s1 + 4 && toks[k].type == QT_TOK_WORD && (toks[k].flags & QT_TF_UPPER) &&
               !qt_tok_cue(d->text.s, &toks[k], NULL, 1))
            k++;
        if (k > s1 && k < e && toks[k].type == QT_TOK_WORD && !(toks[k].flags & QT_TF_UPPER) &&
            !qt_tok_cue(d->text.s, &toks[k], k + 1 < n ? &toks[k + 1] : NULL, 0) && toks[k].end - toks[k].start >= 4 &&
            !qt_is_body_noun(d->text.s, &toks[k])) { /* (Clinton aides said: a noun) */
            const char *w = d->text.s + toks[k].end;
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
    /* "This is fantastic!" beamed Donald Hartley: a verb in -ed that is no
     * known cue, right after the quotation and followed by a name */
    if (!joined && s + 1 < e && toks[s].type == QT_TOK_WORD && !(toks[s].flags & QT_TF_UPPER) &&
        toks[s].end - toks[s].start >= 4 && memcmp(d->text.s + toks[s].end - 2, "ed", 2) == 0 &&
        (toks[s + 1].flags & QT_TF_UPPER) && !qt_tok_cue(d->text.s, &toks[s], NULL, 0)) {
        size_t k = qt_subject_after(d->text.s, toks, e, s);
        qt_quote tmp = *q;
        if (k > s + 1 && qt_subject(d, &tmp, toks, s + 1, k)) {
            *q = tmp;
            qt_set_cue(q, &toks[s], 1, 1);
            f->cue = (int)s;
            f->adjacent = 1;
            f->resolved = 1;
            return;
        }
    }
    for (size_t i = s; i < e && i < s + reach; i++) {
        /* "glow in the dark," for instance, and Trump vowed: a clause
         * joined by ", and" is the writer's next statement */
        if (i > s && toks[i - 1].type == QT_TOK_PUNCT && toks[i - 1].c == ',' &&
            (qt_tok_is(d->text.s, &toks[i], "and") || qt_tok_is(d->text.s, &toks[i], "but")))
            return;
        if (!qt_cue_at(d->text.s, toks, n, i, i == s))
            continue;
        /* the "first one" to say it: an infinitive after the quotation
         * belongs to the writer's phrase, it attributes nothing */
        if (i > s && qt_tok_is(d->text.s, &toks[i - 1], "to"))
            continue;
        if (joined && !(toks[i - 1].type == QT_TOK_PUNCT && toks[i - 1].c == ','))
            return;
        f->cue = (int)i;
        f->adjacent = 1;
        qt_set_cue(q, &toks[i], 1, 1);
        if (qt_tok_is(d->text.s, &toks[i], "according")) {
            f->resolved = qt_subject(d, q, toks, i + 2, qt_subject_after(d->text.s, toks, e, i + 1));
            return;
        }
        /* said X, later said X; not "and called X" (a verb of the writer's
         * clause with its object) */
        size_t k = s;
        while (k < i && qt_is_aux(d->text.s, &toks[k]) && !qt_tok_is(d->text.s, &toks[k], "and") &&
               !qt_tok_is(d->text.s, &toks[k], "but") && !qt_tok_is(d->text.s, &toks[k], "who") &&
               !qt_tok_is(d->text.s, &toks[k], "told"))
            k++;
        /* "...," telling reporters: a participle takes its object after
         * it; its subject is that of the writer's sentence (left to the
         * clause-subject rule) */
        if (k == i && qt_is_participle(d->text.s, &toks[i]))
            return;
        /* said X; "..." and residents get nervous, said X */
        if (k == i || joined) {
            f->resolved = qt_inverted_subject(d, q, toks, e, i);
            return;
        }
        /* X said; X, the CEO, said: the subject is the first comma segment
         * holding a name, handled by qt_subject */
        f->resolved = qt_subject(d, q, toks, s, i);
        /* "..." in its dealings with Central Asia, said Nargis Kassenova:
         * when nothing before the cue is its subject, a verb that takes no
         * object, after a comma and before a capitalised word, is inverted
         * too (but X, 58, told AFP) */
        /* (or a description before the name: said the bureau's director,
         * James Comey) */
        if (!f->resolved && toks[i - 1].type == QT_TOK_PUNCT && toks[i - 1].c == ',' && i + 1 < e &&
            ((toks[i + 1].flags & QT_TF_UPPER) || qt_tok_is(d->text.s, &toks[i + 1], "the") ||
             qt_tok_is(d->text.s, &toks[i + 1], "a") || qt_tok_is(d->text.s, &toks[i + 1], "an")) &&
            (qt_tok_is(d->text.s, &toks[i], "said") || qt_tok_is(d->text.s, &toks[i], "says") ||
             qt_tok_is(d->text.s, &toks[i], "added") || qt_tok_is(d->text.s, &toks[i], "wrote") ||
             qt_tok_is(d->text.s, &toks[i], "explained") || qt_tok_is(d->text.s, &toks[i], "noted")))
            f->resolved = qt_inverted_subject(d, q, toks, e, i);
        return;
    }
    /* "...," Trump, the 2016 GOP front-runner who ..., said: the cue is out
     * of reach, but a name between commas right after the quotation is the
     * opening of that clause */
    /* (the comma may close the quoted words: "...," Trump, the ...) */
    int comma = (s > 0 && toks[s - 1].c == ',') ||
                (s == 0 && q->inner_end > q->inner_start && d->text.s[q->inner_end - 1] == ',');
    if (comma) {
        size_t k = s;
        while (k < n && k < s + 5 && toks[k].type == QT_TOK_WORD && (toks[k].flags & QT_TF_UPPER))
            k++;
        if (k > s && k < n && toks[k].type == QT_TOK_PUNCT && toks[k].c == ',' && k + 1 < n &&
            (qt_tok_is(d->text.s, &toks[k + 1], "the") || qt_tok_is(d->text.s, &toks[k + 1], "a") ||
             qt_tok_is(d->text.s, &toks[k + 1], "an") || qt_tok_is(d->text.s, &toks[k + 1], "who"))) {
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

/* Whether the bytes s occur in h[0, n) (memmem is not C11). */
static int qt_find_word(const char *h, size_t n, const char *s)
{
    size_t m = strlen(s);
    while (n >= m) {
        const char *p = memchr(h, s[0], n - m + 1);
        if (!p)
            return 0;
        if (memcmp(p, s, m) == 0)
            return 1;
        n -= (size_t)(p - h) + 1;
        h = p + 1;
    }
    return 0;
}

/* "...," Sanders said, according to CNN.  "...," Welch said, the Times
 * reported.  A report of a report: news attribution credits the outer
 * source, the one the writer cites for the whole sentence (the speaker is
 * only as sure as that source; PolNeAR annotates it so).  The clause after
 * the quotation, t[a, b), is searched up to its sentence end for a comma
 * and "according to Y", "Y reported / reports" or "reported / reports Y",
 * with Y a name or an organisation.  Not "first reported by Y" or "as
 * reported by Y" (a lower-case word before the verb, or "by" after it: a
 * passive about the publication, the speaker stays).  Sets q's speaker and
 * returns 1 when such a source resolves. */
static int qt_outer_source(const qt_doc *d, qt_quote *q, size_t a, size_t b)
{
    const char *t = d->text.s;
    qt_tok toks[QT_MAX_TOKS];
    if (b > a + QT_AFTER_BYTES)
        b = a + QT_AFTER_BYTES;
    /* (most clauses have neither word: no need to read them) */
    if (!qt_find_word(t + a, b - a, "ccording") && !qt_find_word(t + a, b - a, "eport"))
        return 0;
    size_t n = qt_lex(&d->text, a, b, toks, QT_MAX_TOKS);
    /* a quotation that ends its own sentence ("... win." Cruz said) has no
     * clause after it here */
    unsigned char last = q->inner_end > q->inner_start ? (unsigned char)t[q->inner_end - 1] : 0;
    if ((last == '.' || last == '!' || last == '?') && n > 0 && toks[0].type == QT_TOK_WORD &&
        (toks[0].flags & QT_TF_UPPER))
        return 0;
    /* (to the end of the sentence, past other quotations in it: Canova
     * "bristled" and said, "No comment," The Miami Herald reported) */
    size_t e = 0;
    while (e < n && !(toks[e].flags & QT_TF_SENT_END) &&
           !(toks[e].type == QT_TOK_PUNCT && (toks[e].c == ';' || toks[e].c == ':')))
        e++;
    /* (the comma may close the quoted words: "...," the Times reported) */
    int qcomma = q->inner_end > q->inner_start && t[q->inner_end - 1] == ',';
    for (size_t j = 0; j < e; j++) {
        if (toks[j].type != QT_TOK_WORD)
            continue;
        /* (a comma before the closing mark of a later quotation counts:
         * and added, "No comment," The Miami Herald reported) */
        int comma = j == 0 ? qcomma
                           : (toks[j - 1].type == QT_TOK_PUNCT && toks[j - 1].c == ',') ||
                                 (j > 1 && toks[j - 1].type == QT_TOK_QUOTE && toks[j - 2].type == QT_TOK_PUNCT &&
                                  toks[j - 2].c == ',');
        qt_quote tmp = *q;
        int ok = 0;
        /* (no comma needed: said in a statement according to The Blaze) */
        if (j + 2 < e && qt_tok_is(t, &toks[j], "according") && qt_tok_is(t, &toks[j + 1], "to")) {
            /* , according to Y */
            ok = qt_subject(d, &tmp, toks, j + 2, qt_subject_after(t, toks, e, j + 1));
        } else if (!comma) {
            continue;
        } else if ((qt_tok_is(t, &toks[j], "reported") || qt_tok_is(t, &toks[j], "reports")) && j + 1 < e) {
            /* , reported / reports Y */
            ok = !qt_tok_is(t, &toks[j + 1], "by") &&
                 qt_subject(d, &tmp, toks, j + 1, qt_subject_after(t, toks, e, j));
        } else {
            /* , [the] Y reported / reports: capitalised words up to the verb */
            size_t y = j + (qt_tok_is(t, &toks[j], "the") ? 1 : 0), k = y;
            while (k < e && k < y + 6 && toks[k].type == QT_TOK_WORD && (toks[k].flags & QT_TF_UPPER))
                k++;
            ok = k > y && k < e && (qt_tok_is(t, &toks[k], "reported") || qt_tok_is(t, &toks[k], "reports")) &&
                 !(k + 1 < e && qt_tok_is(t, &toks[k + 1], "by")) && qt_subject(d, &tmp, toks, j, k);
        }
        if (ok) {
            tmp.by_pronoun = 0;
            *q = tmp;
            return 1;
        }
    }
    return 0;
}

/* The promise to "take our country back" and "make America great again"
 * appeals to lesser-educated whites, said Alan Abramowitz.  A quotation
 * with no cue of its own, inside a sentence that ends with an inverted cue
 * after a comma (", said X." ", X said."), is X's: the cue attributes the
 * whole sentence however far it is.  t[a, b) runs from the end of the
 * quotation to the end of its paragraph; only the rest of its sentence is
 * read, past other quotations in it.  Sets q's cue and speaker and returns
 * 1 when found. */
static int qt_final_cue(const qt_doc *d, qt_quote *q, size_t a, size_t b)
{
    const char *t = d->text.s;
    qt_tok toks[QT_MAX_TOKS];
    if (b > a + QT_BEFORE_BYTES)
        b = a + QT_BEFORE_BYTES;
    /* (said, says; added; wrote; explained; noted: no need to read
     * clauses with none of them) */
    if (!qt_find_word(t + a, b - a, "said") && !qt_find_word(t + a, b - a, "says") &&
        !qt_find_word(t + a, b - a, "added") &&
        !qt_find_word(t + a, b - a, "wrote") && !qt_find_word(t + a, b - a, "explained") &&
        !qt_find_word(t + a, b - a, "noted"))
        return 0;
    size_t n = qt_lex(&d->text, a, b, toks, QT_MAX_TOKS);
    /* the sentence end: a period outside quotation marks (one before a
     * closing mark ends the quoted words, and the sentence with them, so
     * the cue must come before it) */
    size_t e = 0;
    while (e < n && !(toks[e].flags & QT_TF_SENT_END))
        e++;
    if (e >= n || (e + 1 < n && toks[e + 1].type == QT_TOK_QUOTE && toks[e + 1].start == toks[e].end))
        return 0;
    /* the first word after the quotation: a comma right after it belongs
     * to the quotation's own clause ("...," X said), read by qt_after */
    size_t w0 = 0;
    while (w0 < e && toks[w0].type != QT_TOK_WORD)
        w0++;
    static const char *const inv[] = { "said", "says", "added", "wrote", "explained", "noted", NULL };
    for (size_t j = e; j-- > w0 + 1;) {
        if (!(toks[j - 1].type == QT_TOK_PUNCT && toks[j - 1].c == ','))
            continue;
        qt_quote tmp = *q;
        for (size_t v = 0; inv[v]; v++) {
            /* , said X[, a demographer at ...]. */
            size_t se = qt_subject_after(t, toks, e, j);
            if (qt_tok_is(t, &toks[j], inv[v]) && j + 1 < e &&
                (se == e || (toks[se].type == QT_TOK_PUNCT && toks[se].c == ',')) &&
                qt_inverted_subject(d, &tmp, toks, e, j)) {
                qt_set_cue(&tmp, &toks[j], 0, 0); /* (far: no adjacent cue for the kind) */
                *q = tmp;
                return 1;
            }
            /* , X said. */
            if (e >= j + 2 && e - j <= 6 && qt_tok_is(t, &toks[e - 1], inv[v]) && (toks[j].flags & QT_TF_UPPER) &&
                qt_resolve_subject(d, &tmp, toks + j, e - 1 - j)) {
                qt_set_cue(&tmp, &toks[e - 1], 0, 0);
                *q = tmp;
                return 1;
            }
        }
    }
    return 0;
}

/* Whether quotation q follows p in the same paragraph and sentence: no
 * sentence end between them (p's own closing punctuation aside). */
static int qt_same_sentence(const qt_doc *d, const qt_quote *p, const qt_quote *q)
{
    if (p->end_para != q->para || p->end > q->start)
        return 0;
    unsigned char last = p->inner_end > p->inner_start ? (unsigned char)d->text.s[p->inner_end - 1] : 0;
    if (last == '.' || last == '!' || last == '?')
        return 0;
    qt_tok toks[QT_MAX_TOKS];
    size_t n = qt_lex(&d->text, p->end, q->start, toks, QT_MAX_TOKS);
    if (n == QT_MAX_TOKS)
        return 0;
    for (size_t i = 0; i < n; i++)
        if ((toks[i].flags & QT_TF_SENT_END) || (toks[i].type == QT_TOK_PUNCT && toks[i].c == ';'))
            return 0;
    return 1;
}

/* Whether a comma ends quotation p (inside or after its closing mark) or
 * stands between p and q. */
static int qt_comma_between(const qt_doc *d, const qt_quote *p, const qt_quote *q)
{
    if (p->inner_end > p->inner_start && d->text.s[p->inner_end - 1] == ',')
        return 1;
    return memchr(d->text.s + p->end, ',', q->start - p->end) != NULL;
}

/* Whether q's cue verb follows "and" or "but" (and tells the crowd). */
static int qt_cue_coordinated(const qt_doc *d, const qt_quote *q)
{
    size_t a = q->cue_start > 24 ? q->cue_start - 24 : 0;
    qt_tok toks[12];
    size_t n = qt_lex(&d->text, a, q->cue_start, toks, 12);
    if (n == 0 || toks[n - 1].end + 1 < q->cue_start)
        return 0;
    /* (an adverb between: and then told) */
    if (n >= 2 && qt_is_aux(d->text.s, &toks[n - 1]) && !(toks[n - 1].flags & QT_TF_UPPER))
        n--;
    return qt_tok_is(d->text.s, &toks[n - 1], "and") || qt_tok_is(d->text.s, &toks[n - 1], "but");
}

/* "strategic ambiguity" by Joshua Hendrick, a professor: when the cue of
 * q came before it as a passive (has been called, was described as), a
 * name after "by" right after the quotation is the agent, the speaker.
 * t[a, b) is the text after the quotation. */
static int qt_agent_after(const qt_doc *d, qt_quote *q, size_t a, size_t b)
{
    const char *t = d->text.s;
    qt_tok toks[QT_MAX_TOKS];
    if (b > a + QT_AFTER_BYTES)
        b = a + QT_AFTER_BYTES;
    size_t n = qt_lex(&d->text, a, b, toks, QT_MAX_TOKS);
    if (n < 2 || !qt_tok_is(t, &toks[0], "by") || !(toks[1].flags & QT_TF_UPPER))
        return 0;
    /* the cue: "called" ... after a form of be (has been called, is dubbed) */
    qt_tok pre[4];
    size_t pa = q->cue_start > 16 ? q->cue_start - 16 : 0;
    size_t m = qt_lex(&d->text, pa, q->cue_start, pre, 4);
    static const char *const passive[] = { "called", "described", "dubbed", "labeled", "labelled", "termed", NULL };
    qt_tok cue = { (uint32_t)q->cue_start, (uint32_t)q->cue_end, QT_TOK_WORD, 0, 0 };
    int ok = 0;
    for (size_t j = 0; passive[j]; j++)
        ok |= qt_tok_is(t, &cue, passive[j]);
    if (!ok || m == 0 || !qt_passive_aux(t, &pre[m - 1]))
        return 0;
    size_t e = 1;
    while (e < n && !(toks[e].flags & QT_TF_SENT_END) && toks[e].type != QT_TOK_QUOTE)
        e++;
    return qt_inverted_subject(d, q, toks, e, 0);
}

/* According to GMA News, Salceda said the "...": a sentence opened by
 * "According to Y," credits Y (see qt_outer_source).  t[a, b) is the
 * text of the paragraph before the quotation. */
static int qt_outer_opening(const qt_doc *d, qt_quote *q, size_t a, size_t b)
{
    const char *t = d->text.s;
    if (b > a + QT_BEFORE_BYTES)
        a = b - QT_BEFORE_BYTES;
    if (!qt_find_word(t + a, b - a, "According to"))
        return 0;
    qt_tok toks[QT_MAX_TOKS];
    size_t n = qt_lex_end(d, a, b, toks, QT_MAX_TOKS, 1);
    size_t w = 0;
    for (size_t i = 0; i + 1 < n; i++)
        if ((toks[i].flags & QT_TF_SENT_END) || toks[i].type == QT_TOK_QUOTE)
            w = i + 1;
    if (w + 3 >= n || !qt_tok_is(t, &toks[w], "according") || !(toks[w].flags & QT_TF_UPPER) ||
        !qt_tok_is(t, &toks[w + 1], "to"))
        return 0;
    size_t e = w + 2;
    while (e < n && e < w + 10 && !(toks[e].type == QT_TOK_PUNCT && toks[e].c == ','))
        e++;
    if (e >= n || e >= w + 10 || e == w + 2)
        return 0;
    /* (the rest of the sentence must attribute: a cue after the comma) */
    int cue = 0;
    for (size_t i = e + 1; i < n && !cue; i++)
        cue = qt_cue_at(t, toks, n, i, 0);
    return cue && qt_subject(d, q, toks, w + 2, e);
}

/* Whether the word right before quotation q is "that". */
static int qt_after_that(const qt_doc *d, const qt_quote *q)
{
    size_t i = q->start;
    while (i > 0 && (d->text.s[i - 1] == ' ' || d->text.s[i - 1] == '\t'))
        i--;
    return i >= 5 && memcmp(d->text.s + i - 4, "that", 4) == 0 && (d->text.s[i - 5] == ' ' || d->text.s[i - 5] == '\n');
}

/* Whether the cue after quotation q is followed by a clause of its own
 * (one of the prosecutors said the two cases were different), not by a
 * comma, a time or a place ("...," Lewandowski added, saying; said on
 * Monday): then it does not report the quotation. */
static int qt_cue_takes_clause(const qt_doc *d, const qt_quote *q)
{
    if (!q->cue_after || q->cue_end == 0)
        return 0;
    qt_tok toks[2];
    size_t b = q->cue_end + 40 < d->text.len ? q->cue_end + 40 : d->text.len;
    size_t n = qt_lex(&d->text, q->cue_end, b, toks, 2);
    if (n == 0 || toks[0].type != QT_TOK_WORD || (toks[0].flags & QT_TF_UPPER))
        return 0;
    static const char *const when[] = { "last", "this", "earlier", "later", "today", "yesterday", "tonight",
                                        "recently", "afterward", "then", "also", NULL };
    for (size_t j = 0; when[j]; j++)
        if (qt_tok_is(d->text.s, &toks[0], when[j]))
            return 0;
    return !qt_is_preposition(d->text.s, &toks[0]);
}

/* Byte offset where quotation i's neighbourhood starts or ends in its
 * paragraph: the previous / next outermost quotation, or the paragraph edge. */
static size_t qt_prev_bound(const qt_doc *d, size_t i)
{
    const qt_quote *q = &d->quotes[i];
    size_t lo = d->paras[q->para].start;
    for (size_t j = i; j-- > 0;) {
        if (d->quotes[j].depth != 0 || qt_is_title_quote(&d->quotes[j]))
            continue; /* (a title in the clause does not end it) */
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
        if (d->quotes[j].depth != 0 || qt_is_title_quote(&d->quotes[j]))
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
        if (!(qt_class(&d->text, qt_cp_at(&d->text, q->start, i, &cl)) & ANN_CHAR_SPACE))
            return 0;
    return 1;
}

/* Last non-space byte of paragraph p, or 0. */
static char qt_para_last(const qt_doc *d, size_t p)
{
    size_t i = d->paras[p].end;
    while (i > d->paras[p].start && (d->text.s[i - 1] == ' ' || d->text.s[i - 1] == '\n' ||
                                     d->text.s[i - 1] == '\r' || d->text.s[i - 1] == '\t'))
        i--;
    return i > d->paras[p].start ? d->text.s[i - 1] : 0;
}

/* Bolton distanced himself from the movement. "I'm going to support him."
 * A quotation with no cue that follows a sentence of its paragraph goes to
 * the name opening that sentence (its subject), if it opens with one. */
static int qt_sentence_subject(const qt_doc *d, qt_quote *q, size_t a, size_t b)
{
    qt_tok toks[QT_MAX_TOKS];
    if (b > a + QT_BEFORE_BYTES)
        a = b - QT_BEFORE_BYTES;
    size_t n = qt_lex_end(d, a, b, toks, QT_MAX_TOKS, 0);
    if (n < 3 || !(toks[n - 1].flags & QT_TF_SENT_END))
        return 0;
    size_t w = 0;
    for (size_t i = 0; i + 1 < n; i++)
        if ((toks[i].flags & QT_TF_SENT_END) || toks[i].type == QT_TOK_QUOTE)
            w = i + 1;
    if (w > 0 && toks[w - 1].type == QT_TOK_QUOTE)
        return 0; /* the sentence holds quotations of its own */
    /* (the verb may be a cue: Sami recalled how ... . "..."; the subject
     * may have an appositive: Coan, Santilli's attorney, argues ...) */
    return qt_opening_subject(d, q, toks, n, w);
}

/* Verbs of speaking that are no cue of a quotation of their own (their
 * object is a topic, not the words): Carter spoke about the region. */
static int qt_is_speech_verb(const char *t, const qt_tok *k)
{
    static const char *const verbs[] = { "spoke", "speaks", "talked", "talks", "praised", "praises", "criticized",
                                         "criticised", "criticizes", "echoed", "echoes", "defended", "defends",
                                         "discussed", "discusses", "addressed", "addresses", NULL };
    if (k->type != QT_TOK_WORD || (k->flags & QT_TF_UPPER))
        return 0;
    for (size_t j = 0; verbs[j]; j++)
        if (qt_tok_is(t, k, verbs[j]))
            return 1;
    return 0;
}

/* Carter said the U.S. would not withdraw. \n\n "That's because ..."  A
 * quotation paragraph with no cue after a paragraph whose last sentence
 * reports someone speaking (a cue verb or a verb of speaking, with a name
 * or he / she as its subject) goes to that subject: the writer introduced
 * the speaker and then gives the words.  A last sentence that speaks of
 * nobody speaking (Smith left.) names no speaker.  t[a, b) is the previous
 * paragraph after its last quotation. */
static int qt_speech_sentence(const qt_doc *d, qt_quote *q, size_t a, size_t b)
{
    qt_tok toks[QT_MAX_TOKS];
    if (b > a + QT_BEFORE_BYTES)
        a = b - QT_BEFORE_BYTES;
    size_t n = qt_lex_end(d, a, b, toks, QT_MAX_TOKS, 0);
    if (n < 3 || !(toks[n - 1].flags & QT_TF_SENT_END))
        return 0;
    /* (the sentence may hold a quoted phrase: What "go after them" means
     * is left open, since Trump spoke in bromides) */
    size_t w = 0;
    for (size_t i = 0; i + 1 < n; i++)
        if (toks[i].flags & QT_TF_SENT_END)
            w = i + 1;
    /* (or a statement, an interview, a speech: the DNC issued a statement) */
    int speech = 0;
    for (size_t i = w + 1; i < n && !speech; i++)
        speech = qt_cue_at(d->text.s, toks, n, i, 0) || qt_is_speech_verb(d->text.s, &toks[i]) ||
                 qt_tok_is(d->text.s, &toks[i], "statement") || qt_tok_is(d->text.s, &toks[i], "interview") ||
                 qt_tok_is(d->text.s, &toks[i], "speech") || qt_tok_is(d->text.s, &toks[i], "remarks");
    if (!speech)
        return 0;
    if (qt_opening_subject(d, q, toks, n, w))
        return 1;
    /* What it means is left to the voters, since Trump spoke only in
     * bromides: the name right before the verb of speaking, opening a
     * subordinate clause or after a comma */
    for (size_t v = w + 1; v < n; v++) {
        if (!(qt_cue_at(d->text.s, toks, n, v, 0) || qt_is_speech_verb(d->text.s, &toks[v])))
            continue;
        size_t r = v;
        while (r > w && r + 4 > v && toks[r - 1].type == QT_TOK_WORD && (toks[r - 1].flags & QT_TF_UPPER))
            r--;
        if (r < v && r > w && (qt_is_subordinator(d->text.s, &toks[r - 1]) ||
                               (toks[r - 1].type == QT_TOK_PUNCT && toks[r - 1].c == ',')))
            return qt_resolve_subject(d, q, toks + r, v - r);
        return 0;
    }
    return 0;
}

/* Whether t[a, b) holds at most one sentence: no sentence end before its
 * last token. */
static int qt_one_sentence(const qt_doc *d, size_t a, size_t b)
{
    qt_tok toks[QT_MAX_TOKS];
    size_t n = qt_lex(&d->text, a, b, toks, QT_MAX_TOKS);
    if (n == QT_MAX_TOKS)
        return 0;
    for (size_t i = 0; i + 1 < n; i++)
        if (toks[i].flags & QT_TF_SENT_END)
            return 0;
    return 1;
}

/* "..." \n\n - Michelle Marks, Philadelphia.  Whether the quotation ends
 * its paragraph and the next one opens with a dash and a name (lists of
 * quotations with their authors); sets q's speaker. */
static int qt_signed_next(const qt_doc *d, qt_quote *q)
{
    size_t p = q->end_para;
    if (p + 1 >= d->n_paras)
        return 0;
    for (size_t i = q->end; i < d->paras[p].end; i++)
        if (d->text.s[i] != ' ' && d->text.s[i] != '\n' && d->text.s[i] != '\r' && d->text.s[i] != '\t' &&
            d->text.s[i] != '.')
            return 0;
    size_t a = d->paras[p + 1].start, b = d->paras[p + 1].end;
    if (b > a + 120)
        b = a + 120;
    qt_tok toks[16];
    size_t n = qt_lex(&d->text, a, b, toks, 16);
    if (n < 2 || toks[0].type != QT_TOK_PUNCT || toks[0].c != '-')
        return 0;
    size_t e = 1;
    while (e < n && toks[e].type == QT_TOK_WORD && (toks[e].flags & QT_TF_UPPER))
        e++;
    if (e == 1 || (e < n && !(toks[e].type == QT_TOK_PUNCT && (toks[e].c == ',' || toks[e].c == '.' ||
                                                               (toks[e].flags & QT_TF_SENT_END)))))
        return 0;
    return qt_resolve_subject(d, q, toks + 1, e - 1);
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
    for (size_t i = 0; i < d->n_quotes; i++)
        d->quotes[i].title_like = (uint8_t)qt_title_check(d, &d->quotes[i]);
    for (size_t i = 0; i < d->n_quotes; i++) {
        qt_quote *q = &d->quotes[i];
        if (q->depth != 0)
            continue;
        d->cur = i;
        qt_found fb, fa;
        qt_quote qb = *q, qa = *q;
        qt_before(d, &qb, qt_prev_bound(d, i), q->start, &fb);
        qt_after(d, &qa, q->end, qt_next_bound(d, i), &fa);
        /* (Trump claimed on Tuesday that "...," one of the prosecutors said
         * the cases differ: after "that" the quotation is the complement
         * of the cue before it, whatever cue follows) */
        int complement = fb.cue >= 0 && fb.resolved && qt_after_that(d, q) &&
                         (fa.cue < 0 || qt_cue_takes_clause(d, &qa));
        if (fb.cue >= 0 && (fb.adjacent || complement) && (fb.resolved || fa.cue < 0))
            *q = qb;
        else if (fa.cue >= 0 && (fa.resolved || fb.cue < 0 || !fb.resolved))
            *q = qa;
        else if (fb.cue >= 0)
            *q = qb;
        if (q->spk_end == 0 && q->cue_end == 0 && last_attr >= 0 && qt_same_sentence(d, &d->quotes[last_attr], q)) {
            /* Ted Cruz says his "friend and colleague" Marco Rubio ran "an
             * optimistic campaign": a quotation with no cue, in the same
             * sentence as one cued before it, is in that cue's complement
             * (not its own clause's subject's: Rubio ran) */
            /* (not past a comma: in a clip that Judge Mosman called
             * "distasteful," Santilli expressed a desire to "...": the
             * cue's clause ended there) */
            const qt_quote *p = &d->quotes[last_attr];
            if (p->cue_end > 0 && !p->cue_after && p->cue_end <= p->start && !qt_comma_between(d, p, q))
                qt_inherit(q, p);
        } else if (q->spk_end == 0 && q->cue_end > 0 && !q->cue_after && last_attr >= 0 &&
                   qt_same_sentence(d, &d->quotes[last_attr], q) && qt_cue_coordinated(d, q)) {
            /* Kasich says he'd sit Putin down and tell him "no more
             * nonsense" and tells the crowd he was the "first one": a cue
             * in a coordinated verb phrase shares the subject of the cue
             * before it in the sentence */
            qt_inherit(q, &d->quotes[last_attr]);
        }
        if (q->spk_end == 0 && q->cue_end == 0) {
            /* "...": the cue ends the sentence, out of reach of qt_after */
            qt_quote tmp = *q;
            if (qt_final_cue(d, &tmp, q->end, d->paras[q->end_para].end))
                *q = tmp;
        }
        if ((q->spk_end == 0 || q->by_pronoun) && !qt_starts_para(d, q)) {
            /* no speaker (maybe a cue without a subject: "...," telling
             * reporters), inside a sentence of the writer: its subject.
             * Also when a pronoun named one: in "Tyler said that Cruz has
             * "principles," he said" the subject of the sentence is more
             * salient than the nearest name (if the genders agree) */
            qt_quote tmp = *q;
            if (qt_clause_subject(d, &tmp, qt_prev_bound(d, i), q->start) &&
                (!q->by_pronoun || tmp.spk_gender == QT_GENDER_UNKNOWN || tmp.spk_gender == q->spk_gender)) {
                tmp.by_pronoun = 0;
                *q = tmp;
            }
        }
        if (q->spk_end == 0 && q->cue_end > q->cue_start + 4 && memcmp(d->text.s + q->cue_end - 3, "ing", 3) == 0 &&
            last_attr >= 0 && d->quotes[last_attr].end_para == q->para) {
            /* "premature" ... while adding, "...": a participle without a
             * subject of its own goes on with the speaker before it */
            qt_inherit(q, &d->quotes[last_attr]);
        }
        if (q->spk_end == 0 && q->cue_end == 0) {
            /* "..." \n\n - Bernie Sanders.  A quotation paragraph signed
             * by a dash and a name opening the next paragraph */
            qt_quote tmp = *q;
            if (qt_signed_next(d, &tmp))
                *q = tmp;
        }
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
                } else if (prev && prev->end_para == pp &&
                           (prev->end + 160 >= d->paras[pp].end ||
                            (prev->cue_after && qt_one_sentence(d, prev->end, d->paras[pp].end)))) {
                    /* consecutive quotation paragraphs: the previous one
                     * ends with its quotation and its attribution (however
                     * long: "Adelson said during the interview in Macau,
                     * the world's largest gambling hub, ...") */
                    qt_inherit(q, prev);
                } else {
                    /* a paragraph reporting someone speaking introduces
                     * the quotation paragraph after it */
                    size_t pb = d->paras[pp].start;
                    if (prev && prev->end_para == pp && prev->end > pb)
                        pb = prev->end;
                    qt_quote tmp = *q;
                    if (qt_speech_sentence(d, &tmp, pb, d->paras[pp].end)) {
                        *q = tmp;
                        q->inherited = 1;
                    } else if (prev && qt_sentence_subject(d, &tmp, pb, d->paras[pp].end) &&
                               tmp.spk_end - tmp.spk_start == prev->spk_end - prev->spk_start &&
                               memcmp(d->text.s + tmp.spk_start, d->text.s + prev->spk_start,
                                      tmp.spk_end - tmp.spk_start) == 0) {
                        /* "...," Viguerie notes. \n\n Viguerie is upbeat
                         * about Cruz. \n\n "...": the paragraph between is
                         * about the last speaker, who goes on */
                        qt_inherit(q, prev);
                    }
                }
            } else if (!qt_starts_para(d, q)) {
                qt_quote tmp = *q;
                if (qt_sentence_subject(d, &tmp, qt_prev_bound(d, i), q->start)) {
                    *q = tmp;
                    q->inherited = 1;
                }
            }
        }
        if (q->cue_end > q->cue_start && !q->cue_after) {
            /* has been called "strategic ambiguity" by Joshua Hendrick: a
             * passive cue before the quotation, its agent after it */
            qt_quote tmp = *q;
            if (qt_agent_after(d, &tmp, q->end, qt_next_bound(d, i)))
                *q = tmp;
        }
        {
            /* X said, according to CNN: the outer source of the sentence
             * (also when it opens it: According to GMA News, X said) */
            qt_quote tmp = *q;
            if (qt_outer_source(d, &tmp, q->end, d->paras[q->end_para].end) ||
                qt_outer_opening(d, &tmp, d->paras[q->para].start, q->start))
                *q = tmp;
        }
        if (q->spk_end > 0)
            last_attr = (int)i;
    }
}
