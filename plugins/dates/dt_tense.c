/* dt_tense.c -- the tense around an expression, which picks the direction
 * of an underspecified date.  See dt_mctx.h. */
#include "dt_mctx.h"

#include <stdbool.h>

/* ---- tense ------------------------------------------------------------------ */

/* Whether token k starts a sentence or paragraph, decided on this plugin's
 * own tokens.  Not the host's sentences (sentences_v2): this test bounds
 * the scope of tense and of "Now," as a discourse marker, and counts ";" as
 * a break, which the host does not.  Answered from the host's sentence
 * starts, 11 of 4311 spans and 43 values changed over 500 bench documents
 * (issue 12); such a change belongs to an evaluated fix, not to a
 * refactoring. */
/* An opening quotation mark or bracket glued to token k: ", “, ‘, `` or (
 * with space (or nothing) before it. */
static bool opening_mark_before(const mctx *c, size_t k)
{
    if (k == 0 || !tight(c, k) || c->t[k - 1].kind != DT_K_PUNCT)
        return false;
    const dt_tok *p = &c->t[k - 1];
    const unsigned char *q = (const unsigned char *)c->text + p->start;
    size_t n = p->end - p->start;
    bool mark = (n == 1 && (*q == '"' || *q == '\'' || *q == '`' || *q == '(' || *q == '[')) ||
                (n == 3 && q[0] == 0xE2 && q[1] == 0x80 && (q[2] == 0x9C || q[2] == 0x98));
    return mark && (k == 1 || !tight(c, k - 1) || c->t[k - 2].kind == DT_K_PUNCT);
}

/* A short word before a period that ends a sentence, not an abbreviation:
 * a lowercase word of two or three letters ("He did so.", "They met us."),
 * a number or a percent sign.  Abbreviations of that length are
 * capitalised (Mr., Co., Jan.) or single letters (p.m., U.S.), but for a
 * few lowercase ones. */
static bool short_word_ends(const mctx *c, size_t k)
{
    static const char *const abbrev[] = {"vs", "etc", "no",  "est", "approx", "cf", "al",
                                         "pp", "ed",  "vol", "fig", "op",     NULL};
    const dt_tok *t = &c->t[k];
    if (t->kind == DT_K_NUM)
        return true;
    if (t->kind == DT_K_PUNCT)
        return is_p(c, k, '%') || is_p(c, k, ')');
    return t->kind == DT_K_WORD && tlen(c, k) >= 2 && !(t->flags & DT_F_CAP) &&
           !(k > 0 && tight(c, k) && is_p(c, k - 1, '.')) && !is_any(c, k, abbrev);
}

bool sentence_break_before(const mctx *c, size_t k)
{
    if (c->t[k].flags & DT_F_PARA)
        return true;
    if (k == 0)
        return true;
    /* a quotation opens a sentence of its own: "“By 2010 the plant ...",
     * he said, “By 2010 ...", ``In 1990 ...; so does one after a colon */
    while (opening_mark_before(c, k)) {
        k--;
        if (k == 0 || (c->t[k].flags & DT_F_PARA) || is_p(c, k - 1, ',') || is_p(c, k - 1, ':'))
            return true;
    }
    const dt_tok *p = &c->t[k - 1];
    if (p->kind == DT_K_PUNCT && p->end - p->start == 1) {
        char ch = c->text[p->start];
        if (ch == '?' || ch == '!' || ch == ';')
            return true;
        if (ch == '.' && (c->t[k].flags & DT_F_SPACE) && (c->t[k].flags & DT_F_CAP) && k >= 2 &&
            (tlen(c, k - 2) > 3 || short_word_ends(c, k - 2)))
            return true;
    }
    return false;
}

/* +1 future, -1 past, 0 unknown: what the verbs near tokens [b, e) say. */
int word_tense(const mctx *c, size_t k)
{
    static const char *const fut[] = {
        "will",     "shall",    "ll",       "going",      "scheduled", "expected",
        "expect",   "expects",  "plans",    "plan",       "intends",   "due",
        "upcoming", "next",     "slated",   "must",       "would",     "planning",
        "intended", "promised", "vowed",    "threatened", "soon",      "effective",
        "await",    "awaits",   "awaiting", "coming",     "tomorrow",  NULL};
    static const char *const past[] = {
        "was",       "were",    "had",     "did",     "said",  "told",  "ago",    "last",  "met",
        "began",     "came",    "went",    "took",    "made",  "left",  "gave",   "found", "got",
        "saw",       "fell",    "rose",    "won",     "lost",  "broke", "ran",    "spoke", "sent",
        "shot",      "struck",  "brought", "became",  "wrote", "sold",  "bought", "paid",  "fled",
        "yesterday", "earlier", "knew",    "thought", "felt",  "kept",  "spent",  "stood", "taught",
        "won",       "arose",   "drew",    NULL};
    static const char *const det[] = {"the",   "a",     "an",   "his",  "her",  "their",
                                      "its",   "our",   "my",   "your", "this", "that",
                                      "these", "those", "them", "him",  "us",   NULL};
    if (!has(c, k) || c->t[k].kind != DT_K_WORD)
        return 0;
    if (is_w(c, k, "set") && is_w(c, k + 1, "for"))
        return 1; /* "the vote is set for Dec. 4" */
    if (is_any(c, k, fut)) {
        /* "next" and "coming" look ahead only before a time word ("next
         * week"), not in "next to the embassy", "coming from"; "due to the
         * strike" gives a cause */
        if (is_w(c, k, "next") || is_w(c, k, "coming")) {
            int nc = cls(c, k + 1);
            if (nc != DT_C_UNIT && nc != DT_C_WEEKDAY && nc != DT_C_MONTH && nc != DT_C_SEASON &&
                nc != DT_C_HOLIDAY)
                return 0;
        }
        if ((is_w(c, k, "plan") || is_w(c, k, "plans")) && k > 0 && is_any(c, k - 1, det))
            return 0; /* "announced the plan Aug. 21": a noun */
        if (is_w(c, k, "due") && is_w(c, k + 1, "to") &&
            (is_any(c, k + 2, det) || capitalised(c, k + 2)))
            return 0;
        return 1;
    }
    /* an infinitive after a verb of intent ("set to resume", "agreed to
     * meet", "is to be held") looks ahead */
    static const char *const intent[] = {
        "set",      "due",     "hopes",  "hope",  "wants", "want",   "agreed",  "likely",   "ready",
        "prepared", "decided", "aims",   "seeks", "is",    "are",    "able",    "supposed", "asked",
        "voted",    "called",  "trying", "tries", "try",   "intend", "attempt", "planned",  NULL};
    if (is_w(c, k, "to") && k > 0 && (is_any(c, k - 1, intent) || is_any(c, k - 1, fut)) &&
        has(c, k + 1) && c->t[k + 1].kind == DT_K_WORD && !capitalised(c, k + 1) &&
        c->t[k + 1].cls == DT_C_NONE && !is_any(c, k + 1, det))
        return 1;
    /* words in -ed that are no past tense */
    static const char *const not_past[] = {
        "need",    "succeed",  "proceed",  "exceed",    "indeed",     "feed",
        "speed",   "breed",    "bleed",    "seed",      "heed",       "hundred",
        "based",   "limited",  "related",  "concerned", "interested", "sacred",
        "beloved", "detailed", "advanced", "combined",  "so-called",  NULL};
    bool past_word = is_any(c, k, past);
    /* "last" after a modal or "to" is the verb: "will last until June" */
    static const char *const modal[] = {"will", "would", "may",   "might", "can", "could",
                                        "should", "must", "to",   "ll",    NULL};
    if (past_word && k > 0 && is_w(c, k, "last") && is_any(c, k - 1, modal))
        return 0;
    if (!past_word) {
        size_t n = tlen(c, k);
        const char *s = c->text + c->t[k].start;
        past_word = n > 4 && (s[n - 2] | 0x20) == 'e' && (s[n - 1] | 0x20) == 'd' &&
                    !(c->t[k].flags & DT_F_CAP) && !is_any(c, k, not_past);
    }
    if (!past_word)
        return 0;
    /* an adjective: "a still unspecified date", "the revised plan" */
    static const char *const adj_before[] = {"a",    "an",   "the",  "still", "very", "most",
                                             "more", "less", "well", "newly", "its",  "their",
                                             "his",  "her",  "our",  NULL};
    if (k > 0 && is_any(c, k - 1, adj_before))
        return 0;
    /* a passive participle says nothing by itself: "to be published",
     * "will be paid" */
    if (k > 0 && (is_w(c, k - 1, "be") || is_w(c, k - 1, "been") || is_w(c, k - 1, "being")) &&
        !is_w(c, k, "was") && !is_w(c, k, "were") && !is_w(c, k, "had"))
        return 0;
    return -1;
}

/* A plan told in the past ("was scheduled to", "had been due to") says the
 * event's time lies before the reference date as often as after it; news
 * reports it after the fact. */
static bool past_plan(const mctx *c, size_t k)
{
    for (size_t q = k, steps = 0; q > 0 && steps < 4; steps++) {
        if (sentence_break_before(c, q))
            break;
        q--;
        if (is_w(c, q, "was") || is_w(c, q, "were") || is_w(c, q, "had"))
            return true;
    }
    return false;
}

/* The present of a scheduled event just before token b points ahead: "the
 * offer ends Saturday", "the trial opens on Monday", "it expires at
 * midnight Friday", "the election is in November". */
static bool scheduled_before(const mctx *c, size_t b)
{
    static const char *const scheduled[] = {
        "ends",     "end",        "starts",  "start",    "begins",  "begin",   "opens",   "open",
        "closes",   "close",      "expires", "expire",   "resumes", "resume",  "reopens", "reopen",
        "convenes", "reconvenes", "meets",   "meet",     "departs", "arrives", "leaves",  "returns",
        "airs",     "premieres",  "debuts",  "launches", "kicks",   "plays",   "play",    "runs",
        "goes",     "takes",      "kick",    NULL};
    if (b < 2)
        return false;
    size_t v = b - 1;
    bool particle = is_w(c, v, "on") || is_w(c, v, "off") || is_w(c, v, "effect") ||
                    is_w(c, v, "at") || is_w(c, v, "in");
    if (particle)
        v--;
    /* "the election is in November", "the vote is on Dec. 4" */
    if ((is_w(c, v, "is") || is_w(c, v, "are")) && (is_w(c, v + 1, "in") || is_w(c, v + 1, "on")))
        return true;
    /* "takes" and "kicks" only as "takes effect", "kicks off" */
    bool two_word = is_w(c, v, "takes") || is_w(c, v, "kicks") || is_w(c, v, "kick");
    if (two_word && !(particle && (is_w(c, v + 1, "effect") || is_w(c, v + 1, "off"))))
        return false;
    return is_any(c, v, scheduled) && !capitalised(c, v) &&
           !(is_w(c, v - 1, "the") || is_w(c, v - 1, "a") || is_w(c, v - 1, "to") ||
             is_w(c, v - 1, "will") || is_w(c, v - 1, "did"));
}

int tense(const mctx *c, size_t b, size_t e)
{
    size_t k = b;
    if (k > 0 && is_w(c, k - 1, "since"))
        return -2; /* "since March" looks back, whatever the verbs */
    if (scheduled_before(c, b))
        return 1;
    for (int steps = 0; steps < 24 && k > 0; steps++) {
        if (sentence_break_before(c, k))
            break;
        k--;
        int w = word_tense(c, k);
        if (w > 0 && !is_w(c, k - 1, "planning") && !is_w(c, k, "planning") && past_plan(c, k))
            return -1;
        if (w)
            return w;
    }
    k = e;
    for (int steps = 0; steps < 6 && has(c, k); steps++, k++) {
        if (sentence_break_before(c, k))
            break;
        int w = word_tense(c, k);
        if (w)
            return w;
    }
    return 0;
}
