/*
 * qt_before.c -- the attribution patterns of the clause before a quotation.
 *
 * The clause runs from the start of the quotation's sentence (or the end of
 * the previous quotation) to its opening mark.  Its cue is the last cue verb
 * in it.  The patterns are tried in this order, and the first that decides
 * the clause wins:
 *
 *   qt_b_reply_was        Elizabeth's reply was, "..." (first, with a cue
 *                         in the sentence or without)
 *   k_colon_patterns: no cue verb, but a colon or a spaced dash introduces
 *   the quotation:
 *   qt_b_dash_name        Pollsters agree - Carl Bialik: "..."
 *   qt_b_colon_subject    In response, Republican nominee Donald Trump
 *                         issued the following statement: "..."
 *   qt_b_colon_opening    X boomed: "..."
 *   qt_b_colon_name       The timing doesn't surprise Republican pollster
 *                         Daron Shaw: "..."
 *   k_cue_patterns: with a cue verb:
 *   qt_b_passive_by       Rubio was asked by moderator Gerard Baker whether
 *                         he would risk "..."
 *   qt_b_according        According to X, "..."
 *   qt_b_cue_opens        Added X: "..."  (cue before, at the start of the
 *                         clause: subject after it)
 *   qt_b_inverted         ..., explained Rosenberg, "..."
 *   qt_b_possessive_saying  stopped by Sir Thomas's saying, "..."
 *   qt_b_participle       Trump attacked Clinton ..., saying "..."
 *   qt_b_story_adjacent   (a story) ..., for the White Rabbit cried out, "..."
 *   qt_b_subordinate      hours after Sanders said he was "encouraged"
 *   qt_b_coordinated      Massie used to back Paul, but now said "..."
 *   qt_b_report_complement  Rep. Steve Israel said Clinton called on
 *                         members to be "closely coordinated"
 *   qt_b_joined_clause    The Times made the same claims, and Breitbart
 *                         News responded: "..."
 *   qt_b_subject_cue      X said: "..."; X, the CEO, said "..." (the
 *                         subject's last comma segment is a description,
 *                         an earlier one holds the name: qt_subject);
 *                         X called it "a deal" (a partial quotation)
 */
#include "qt_attr.h"

#include <string.h>

/* The clause before a quotation as its patterns read it.  Borrowed from
 * qt_before's frame. */
typedef struct qt_before_clause {
    const qt_doc *d;
    const char *t;      /* the text view */
    const qt_tok *toks; /* the clause, title quotations dropped */
    size_t n;
    size_t w;  /* first token of the quotation's sentence */
    size_t c;  /* with a cue verb: its token */
    size_t s0; /* with a cue verb: the first token its subject may start at */
} qt_before_clause;

/* A pattern: returns 1 when it decides the clause (with a speaker in q and
 * f->resolved, or without one), 0 to let the next pattern try; then q and f
 * are as it found them. */
typedef int (*qt_before_fn)(const qt_before_clause *x, qt_quote *q, qt_found *f);

/* Whether token i is the dash closing a dateline: "Washington (AFP) --",
 * "ST. LOUIS --": a dash after a bracket or a word in capitals. */
static int qt_dateline_dash(const qt_tok *toks, size_t i)
{
    /* (spaced: the hyphen in "D.C.-based" joins words) */
    return i > 0 && toks[i].type == QT_TOK_PUNCT && toks[i].c == '-' &&
           toks[i].start > toks[i - 1].end &&
           ((toks[i - 1].type == QT_TOK_PUNCT && toks[i - 1].c == ')') ||
            (toks[i - 1].flags & QT_TF_ALLCAPS));
}

/* Whether cue token k is a verb that may stand before its subject
 * (said X, explained X); not one that takes an object (telling Reuters). */
static int qt_inverts(const char *t, const qt_tok *k)
{
    static const char *const verbs[] = {"said",      "says",    "added",     "adds",
                                        "wrote",     "writes",  "explained", "noted",
                                        "continued", "replied", "recalled",  NULL};
    for (size_t j = 0; verbs[j]; j++)
        if (qt_tok_is(t, k, verbs[j]))
            return 1;
    return 0;
}

/* ---- no cue verb, a colon --------------------------------------------------- */

/* A speaker found for a clause whose colon (or dash) stands for the cue. */
static int qt_colon_found(const qt_before_clause *x, qt_found *f)
{
    f->cue = (int)(x->n - 1);
    f->adjacent = 1;
    f->resolved = 1;
    return 1;
}

/* Pollsters agree - Carl Bialik: "...": a name between a dash and the
 * colon speaks. */
static int qt_b_dash_name(const qt_before_clause *x, qt_quote *q, qt_found *f)
{
    const qt_tok *toks = x->toks;
    size_t n = x->n, r = n - 1;
    while (r > x->w && toks[r - 1].type == QT_TOK_WORD && (toks[r - 1].flags & QT_TF_UPPER))
        r--;
    if (r < n - 1 && r > x->w && toks[r - 1].type == QT_TOK_PUNCT && toks[r - 1].c == '-' &&
        qt_resolve_subject(x->d, q, toks + r, n - 1 - r))
        return qt_colon_found(x, f);
    return 0;
}

/* In response, Republican nominee Donald Trump issued the following
 * statement: -- the subject of the clause, past an opening adverbial. */
static int qt_b_colon_subject(const qt_before_clause *x, qt_quote *q, qt_found *f)
{
    qt_quote tmp = *q;
    if (!qt_opening_subject(x->d, &tmp, x->toks, x->n - 1, x->w))
        return 0;
    *q = tmp;
    return qt_colon_found(x, f);
}

/* X boomed: "...": else the capitalised words opening the clause. */
static int qt_b_colon_opening(const qt_before_clause *x, qt_quote *q, qt_found *f)
{
    const qt_tok *toks = x->toks;
    size_t e = x->w;
    while (e < x->n - 1 && !(toks[e].type == QT_TOK_WORD && !(toks[e].flags & QT_TF_UPPER) &&
                             !qt_is_role_word(x->t, &toks[e])))
        e++;
    if (e > x->w && qt_subject(x->d, q, toks, x->w, e))
        return qt_colon_found(x, f);
    return 0;
}

/* The timing doesn't surprise Republican pollster Daron Shaw: "...": a
 * name of two words or more (or a person of the entities layer) right
 * before the colon. */
static int qt_b_colon_name(const qt_before_clause *x, qt_quote *q, qt_found *f)
{
    const qt_tok *toks = x->toks;
    size_t n = x->n, rn = n - 1;
    while (rn > x->w && rn + 5 > n && toks[rn - 1].type == QT_TOK_WORD &&
           (toks[rn - 1].flags & QT_TF_UPPER))
        rn--;
    qt_quote tmp = *q;
    if (rn + 3 > n || !qt_resolve_subject(x->d, &tmp, toks + rn, n - 1 - rn))
        return 0;
    *q = tmp;
    return qt_colon_found(x, f);
}

/* ---- a cue verb ------------------------------------------------------------- */

/* A speaker found for the clause's cue: q becomes tmp. */
static int qt_cue_found(qt_quote *q, const qt_quote *tmp, qt_found *f)
{
    *q = *tmp;
    f->resolved = 1;
    return 1;
}

/* Rubio was asked by moderator Gerard Baker whether ... would risk "...":
 * the passive's agent asked, the subject was asked. */
static int qt_b_passive_by(const qt_before_clause *x, qt_quote *q, qt_found *f)
{
    const char *t = x->t;
    const qt_tok *toks = x->toks;
    size_t c = x->c;
    if (!(c + 2 < x->n && c > 0 && qt_passive_aux(t, &toks[c - 1]) &&
          qt_tok_is(t, &toks[c + 1], "by") &&
          (qt_tok_is(t, &toks[c], "asked") || qt_tok_is(t, &toks[c], "told") ||
           qt_tok_is(t, &toks[c], "called") || qt_tok_is(t, &toks[c], "described"))))
        return 0;
    qt_quote tmp = *q;
    return qt_inverted_subject(x->d, &tmp, toks, x->n, c + 1) && qt_cue_found(q, &tmp, f);
}

/* According to X, "...": the subject follows the cue. */
static int qt_b_according(const qt_before_clause *x, qt_quote *q, qt_found *f)
{
    if (!qt_tok_is(x->t, &x->toks[x->c], "according"))
        return 0;
    size_t e = qt_subject_after(x->t, x->toks, x->n, x->c + 1);
    f->resolved = qt_subject(x->d, q, x->toks, x->c + 2, e);
    return 1;
}

/* Added X: "...": a cue opening the clause has its subject after it. */
static int qt_b_cue_opens(const qt_before_clause *x, qt_quote *q, qt_found *f)
{
    const qt_tok *toks = x->toks;
    if (x->s0 < x->c)
        return 0;
    size_t c = x->c;
    /* ..., adding that it is why Trump "...", telling Fox 35 that "...":
     * a lower-case cue before a clause, or a participle before its
     * object, is no inversion; the speaker goes on */
    if (!(toks[c].flags & QT_TF_UPPER) && c + 1 < x->n && toks[c + 1].type == QT_TOK_WORD &&
        (!(toks[c + 1].flags & QT_TF_UPPER) || qt_is_participle(x->t, &toks[c]))) {
        q->cue_start = q->cue_end = 0;
        f->cue = -1;
        return 1;
    }
    size_t e = qt_subject_after(x->t, toks, x->n, c);
    f->resolved = qt_subject(x->d, q, toks, c + 1, e);
    if (e == c + 1) { /* "Adding, ...": a bare cue continues the speaker before */
        q->cue_start = q->cue_end = 0;
        f->cue = -1;
    }
    return 1;
}

/* Because of how Democrats crafted the schedule, explained Rosenberg,
 * "...": a cue after a comma with a name after it, up to a comma, is
 * inverted: the name is its subject (also a parenthesis: The paradox of
 * Nancy, says Carl Anthony, historian at ..., is that she was "..."). */
static int qt_b_inverted(const qt_before_clause *x, qt_quote *q, qt_found *f)
{
    const qt_tok *toks = x->toks;
    size_t n = x->n;
    size_t c = x->c;
    if (!(c > x->s0 && toks[c - 1].type == QT_TOK_PUNCT && toks[c - 1].c == ',' &&
          qt_inverts(x->t, &toks[c]) && c + 1 < n && (toks[c + 1].flags & QT_TF_UPPER)))
        return 0;
    size_t k = c + 1;
    while (k < n && k < c + 5 && toks[k].type == QT_TOK_WORD && (toks[k].flags & QT_TF_UPPER))
        k++;
    qt_quote tmp = *q;
    return k < n && toks[k].type == QT_TOK_PUNCT && (toks[k].c == ',' || toks[k].c == ':') &&
           qt_resolve_subject(x->d, &tmp, toks + c + 1, k - c - 1) && qt_cue_found(q, &tmp, f);
}

/* The possessive name ending at token e (exclusive) of toks, no earlier
 * than lo: "Sir Thomas's", "Thorpe s" (a plain-text edition lost the
 * apostrophe).  Copies its words into owner (room for 4), the possessive
 * ending cut off, and returns how many; 0 if there is none. */
static size_t qt_possessive_owner(const char *t, const qt_tok *toks, size_t lo, size_t e,
                                  qt_tok *owner)
{
    size_t b = e;
    if (b > lo && toks[b - 1].end - toks[b - 1].start == 1 && t[toks[b - 1].start] == 's')
        b--; /* (Thorpe s) */
    else if (!(b > lo && toks[b - 1].type == QT_TOK_WORD && qt_possessive_len(t, &toks[b - 1])))
        return 0;
    size_t a = b;
    while (a > lo && a > b - 4 && toks[a - 1].type == QT_TOK_WORD &&
           (toks[a - 1].flags & QT_TF_UPPER))
        a--;
    if (a == b || (b == e && a == b - 1 && !(toks[a].flags & QT_TF_UPPER)))
        return 0;
    memcpy(owner, toks + a, (b - a) * sizeof *owner);
    if (b < e || qt_possessive_len(t, &owner[b - a - 1]))
        owner[b - a - 1].end -= (uint32_t)(b < e ? 0 : qt_possessive_len(t, &owner[b - a - 1]));
    return b - a;
}

/* she was stopped by Sir Thomas's saying with authority, "...": a
 * participle after a possessive name is that person's saying. */
static int qt_b_possessive_saying(const qt_before_clause *x, qt_quote *q, qt_found *f)
{
    const char *t = x->t;
    const qt_tok *toks = x->toks;
    size_t c = x->c, cl = toks[c].end - toks[c].start;
    qt_tok owner[4];
    if (!(cl > 4 && memcmp(t + toks[c].end - 3, "ing", 3) == 0))
        return 0;
    size_t n = qt_possessive_owner(t, toks, x->w, c, owner);
    qt_quote tmp = *q;
    return n > 0 && qt_resolve_subject(x->d, &tmp, owner, n) && qt_cue_found(q, &tmp, f);
}

/* Trump attacked Clinton ..., saying "...": with a participle the speaker
 * is the subject of the clause before it, i.e. its opening name. */
static int qt_b_participle(const qt_before_clause *x, qt_quote *q, qt_found *f)
{
    const qt_doc *d = x->d;
    const char *t = x->t;
    const qt_tok *toks = x->toks;
    size_t c = x->c, s0 = x->s0;
    size_t cl = toks[c].end - toks[c].start;
    if (!(cl > 4 && memcmp(t + toks[c].end - 3, "ing", 3) == 0))
        return 0;
    size_t k = c;
    while (k > s0 && toks[k - 1].type == QT_TOK_PUNCT)
        k--;
    size_t sb = k;
    while (sb > s0 && !(toks[sb - 1].type == QT_TOK_PUNCT && toks[sb - 1].c == ','))
        sb--;
    /* with Senator John McCain telling reporters ...: the subject of the
     * participle follows "with" */
    int with = sb < k && qt_tok_is(t, &toks[sb], "with");
    sb += (size_t)with;
    size_t e = sb;
    while (e < k && toks[e].type == QT_TOK_WORD &&
           ((toks[e].flags & QT_TF_UPPER) || qt_is_role_word(t, &toks[e]) ||
            qt_tok_is(t, &toks[e], "the") || qt_tok_is(t, &toks[e], "de") ||
            /* Former Secretary of State Madeleine Albright */
            (qt_tok_is(t, &toks[e], "of") && e + 1 < k && (toks[e + 1].flags & QT_TF_UPPER))))
        e++;
    if (e > sb && (e < k || with)) {
        f->resolved = qt_subject(d, q, toks, sb, e);
        if (f->resolved)
            return 1;
    }
    /* Democratic presidential candidate Sen. Bernie Sanders (I-Vt.) on
     * Saturday criticized the accord, saying: modifiers, brackets and a
     * time before the verb, as for a sentence subject */
    qt_quote tmp = *q;
    if (!with && sb < k && (toks[sb].flags & QT_TF_UPPER) &&
        qt_opening_subject(d, &tmp, toks, k, sb))
        return qt_cue_found(q, &tmp, f);
    /* Ryan endorsed Trump in June, but only after deliberating, telling
     * reporters that he was "...": the participle's subject is the
     * sentence's, past its other comma segments */
    tmp = *q;
    if (!with && sb > s0 && (toks[s0].flags & QT_TF_UPPER) && qt_may_open_subject(t, &toks[s0]) &&
        qt_opening_subject(d, &tmp, toks, k, s0))
        return qt_cue_found(q, &tmp, f);
    return 0;
}

/* The first token of the cue's own clause past the auxiliaries and adverbs
 * before the cue (Sanders later said: the token after Sanders). */
static size_t qt_before_modifiers(const qt_before_clause *x)
{
    size_t k = x->c;
    while (k > x->s0 && qt_is_cue_modifier(x->t, &x->toks[k - 1]))
        k--;
    return k;
}

/* The start of the name ending at token e of the clause: at most `max`
 * capitalised words back, and "the" before them (the White Rabbit); e
 * itself when there is none. */
static size_t qt_name_back(const qt_before_clause *x, size_t e, size_t max)
{
    const qt_tok *toks = x->toks;
    size_t r = e;
    while (r > x->s0 && e - r < max && toks[r - 1].type == QT_TOK_WORD &&
           (toks[r - 1].flags & QT_TF_UPPER))
        r--;
    if (r < e && r > x->s0 && qt_tok_is(x->t, &toks[r - 1], "the"))
        r--;
    return r;
}

/* the White Rabbit, who said in a low voice, "..."; Isabella, who in great
 * spirits exclaimed, "...": a relative clause after a name holds the cue;
 * the name it hangs on speaks, not the subject of the sentence around it
 * (The King looked at the White Rabbit, who said). */
static int qt_b_relative(const qt_before_clause *x, qt_quote *q, qt_found *f)
{
    const char *t = x->t;
    const qt_tok *toks = x->toks;
    for (size_t k = x->c; k-- > x->s0 + 1;) {
        if (!(qt_tok_is(t, &toks[k], "who") && !(toks[k].flags & QT_TF_UPPER) &&
              toks[k - 1].type == QT_TOK_PUNCT && toks[k - 1].c == ','))
            continue;
        /* the name before the comma: capitalised words, and "the" before
         * them (the White Rabbit) */
        size_t e = k - 1, r = qt_name_back(x, e, 5);
        if (r == e)
            return 0;
        qt_quote tmp = *q;
        return qt_resolve_subject(x->d, &tmp, toks + r, e - r) && qt_cue_found(q, &tmp, f);
    }
    return 0;
}

/* hours after Sanders said he was "encouraged"; to which O'Malley
 * interjected: "...": a name right before the cue, opened by a
 * subordinating word, is the subject of the cue's own clause. */
static int qt_b_subordinate(const qt_before_clause *x, qt_quote *q, qt_found *f)
{
    const char *t = x->t;
    const qt_tok *toks = x->toks;
    size_t s0 = x->s0, k = qt_before_modifiers(x);
    /* back over at most six words to the subordinating word: after
     * Republican contender Donald Trump told */
    size_t r = k, nw = 0;
    while (r > s0 && nw < 6 && !qt_is_subordinator(t, &toks[r - 1])) {
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
    if (!(r < k && r > s0 && qt_is_subordinator(t, &toks[r - 1])))
        return 0;
    /* (the name that opens the clause, before its verb: when Cruz knocked
     * Rubio on trade and called him, not Rubio) */
    qt_quote tmp = *q;
    if ((toks[r].flags & QT_TF_UPPER) && qt_opening_subject(x->d, &tmp, toks, x->c + 1, r))
        return qt_cue_found(q, &tmp, f);
    tmp = *q;
    if (qt_resolve_subject(x->d, &tmp, toks + r, k - r))
        return qt_cue_found(q, &tmp, f);
    return 0;
}

/* Massie used to back Paul, but now said "...": a cue in a coordinated verb
 * phrase shares the subject of the sentence. */
static int qt_b_coordinated(const qt_before_clause *x, qt_quote *q, qt_found *f)
{
    const char *t = x->t;
    const qt_tok *toks = x->toks;
    size_t c = x->c, s0 = x->s0, k = qt_before_modifiers(x);
    if (!(k > s0 + 1 &&
          (qt_tok_is(t, &toks[k - 1], "and") || qt_tok_is(t, &toks[k - 1], "but") ||
           (k > s0 + 2 && toks[k - 1].type == QT_TOK_WORD && qt_is_aux(t, &toks[k - 1]) &&
            (qt_tok_is(t, &toks[k - 2], "and") || qt_tok_is(t, &toks[k - 2], "but"))))))
        return 0;
    qt_quote tmp = *q;
    if (qt_clause_subject(x->d, &tmp, toks[s0].start, toks[c].start))
        return qt_cue_found(q, &tmp, f);
    /* such as when Cruz knocked Rubio and called him a "...": the subject
     * of the subordinate clause the verbs are in */
    size_t sub = k;
    while (sub > s0 && !qt_is_subordinator(t, &toks[sub - 1]))
        sub--;
    tmp = *q;
    if (sub > s0 && (toks[sub].flags & QT_TF_UPPER) && qt_opening_subject(x->d, &tmp, toks, c, sub))
        return qt_cue_found(q, &tmp, f);
    return 0;
}

/* Rep. Steve Israel said Clinton called on members to be "closely
 * coordinated": a cue inside the complement of a reporting verb earlier in
 * the sentence; the outer source is the one the writer cites (as with
 * "according to"). */
static int qt_b_report_complement(const qt_before_clause *x, qt_quote *q, qt_found *f)
{
    const char *t = x->t;
    const qt_tok *toks = x->toks;
    size_t c = x->c;
    for (size_t c2 = x->s0 + 1; c2 + 1 < c; c2++) {
        if (!(qt_tok_is(t, &toks[c2], "said") || qt_tok_is(t, &toks[c2], "says") ||
              qt_tok_is(t, &toks[c2], "wrote") || qt_tok_is(t, &toks[c2], "writes")))
            continue;
        /* (not across a comma: While not everything Trump says is true,
         * Jamieson said Trump is "...": a subordinate clause before) */
        for (size_t k = c2 + 1; k < c; k++)
            if (toks[k].type == QT_TOK_PUNCT && toks[k].c == ',')
                return 0;
        qt_quote tmp = *q;
        return qt_subject(x->d, &tmp, toks, x->s0, c2) && qt_cue_found(q, &tmp, f);
    }
    return 0;
}

/* The Times made the same claims, and Breitbart News responded: a clause
 * joined by ", and" / ", but" has its own subject, the cue's. */
static int qt_b_joined_clause(const qt_before_clause *x, qt_quote *q, qt_found *f)
{
    const char *t = x->t;
    const qt_tok *toks = x->toks;
    size_t c = x->c;
    for (size_t k = c; k-- > x->s0 + 1;) {
        if (toks[k - 1].type == QT_TOK_PUNCT && toks[k - 1].c == ',' && k + 1 < c &&
            (qt_tok_is(t, &toks[k], "and") || qt_tok_is(t, &toks[k], "but")) &&
            (toks[k + 1].flags & QT_TF_UPPER)) {
            qt_quote tmp = *q;
            return qt_subject(x->d, &tmp, toks, k + 1, c) && qt_cue_found(q, &tmp, f);
        }
    }
    return 0;
}

/* X said: "..."; X, the CEO, said "...": the words before the cue are its
 * subject (qt_subject reads the comma segments).  Decides every clause
 * with a cue. */
/* In a story, a name right before the cue, past adverbs, is its subject,
 * whatever the sentence began with: for the White Rabbit cried out,
 * "..."; and the Queen said severely "..."; the Dodo suddenly called out.
 * (News keeps the sentence subject: its clauses are longer and a name
 * before a cue there is often an object.) */
static int qt_b_story_adjacent(const qt_before_clause *x, qt_quote *q, qt_found *f)
{
    const char *t = x->t;
    const qt_tok *toks = x->toks;
    if (!x->d->story)
        return 0;
    size_t k = x->c;
    while (k > x->s0 && toks[k - 1].type == QT_TOK_WORD && !(toks[k - 1].flags & QT_TF_UPPER) &&
           toks[k - 1].end - toks[k - 1].start > 3 && t[toks[k - 1].end - 2] == 'l' &&
           t[toks[k - 1].end - 1] == 'y')
        k--; /* adverbs */
    size_t e = k;
    k = qt_name_back(x, e, 3);
    if (k == e)
        return 0;
    /* (the name opens the clause: the usual subject, left to the rules after) */
    if (k == x->s0)
        return 0;
    qt_quote tmp = *q;
    if (!qt_resolve_subject(x->d, &tmp, toks + k, e - k))
        return 0;
    *q = tmp;
    f->resolved = 1;
    return 1;
}

static int qt_b_subject_cue(const qt_before_clause *x, qt_quote *q, qt_found *f)
{
    f->resolved = qt_subject(x->d, q, x->toks, x->s0, x->c);
    return 1;
}

/* The patterns of a clause with no cue verb whose colon (or spaced dash)
 * introduces the quotation, and those of a clause with a cue verb; tried in
 * order, the first that decides wins. */
/* Elizabeth's reply was, "...": the owner of a noun for what is said,
 * before "was" and the comma or colon that introduce the quotation. */
static int qt_b_reply_was(const qt_before_clause *x, qt_quote *q, qt_found *f)
{
    const char *t = x->t;
    const qt_tok *toks = x->toks;
    size_t n = x->n;
    qt_tok owner[4];
    if (!(n >= x->w + 4 && (qt_tok_is(t, &toks[n - 2], "was") || qt_tok_is(t, &toks[n - 2], "were"))))
        return 0;
    size_t k = n - 2;
    if (!qt_speech_noun(t, &toks[k - 1]))
        return 0;
    k--;
    while (k > x->w && k > n - 6 && toks[k - 1].type == QT_TOK_WORD &&
           !(toks[k - 1].flags & QT_TF_UPPER) && !qt_possessive_len(t, &toks[k - 1]) &&
           !(toks[k - 1].end - toks[k - 1].start == 1 && t[toks[k - 1].start] == 's'))
        k--; /* adjectives: Mary's parting declaration was */
    size_t m = qt_possessive_owner(t, toks, x->w, k, owner);
    qt_quote tmp = *q;
    if (!(m > 0 && qt_resolve_subject(x->d, &tmp, owner, m)))
        return 0;
    *q = tmp;
    return qt_colon_found(x, f);
}

static const qt_before_fn k_colon_patterns[] = {qt_b_dash_name, qt_b_colon_subject,
                                                qt_b_colon_opening, qt_b_colon_name};
static const qt_before_fn k_cue_patterns[] = {
    qt_b_passive_by,        qt_b_according,     qt_b_cue_opens,   qt_b_inverted,
    qt_b_possessive_saying, qt_b_participle,    qt_b_story_adjacent, qt_b_relative,
    qt_b_subordinate,       qt_b_coordinated,
    qt_b_report_complement, qt_b_joined_clause, qt_b_subject_cue,
};

void qt_before(const qt_doc *d, qt_quote *q, size_t a, size_t b, qt_found *f)
{
    const char *t = d->text.s;
    qt_tok toks[QT_MAX_TOKS];
    if (b > a + QT_BEFORE_BYTES)
        a = b - QT_BEFORE_BYTES;
    /* start after the last line break, unless the line before ends in ':'
     * or the text is wrapped (qt_wrap.c) */
    for (size_t i = b; i > a && !d->wrapped; i--) {
        if (t[i - 1] != '\n')
            continue;
        size_t j = i - 1;
        while (j > a && (t[j - 1] == ' ' || t[j - 1] == '\r'))
            j--;
        int blank_tail = 1;
        for (size_t k = i; k < b; k++)
            if (t[k] != ' ' && t[k] != '\t' && t[k] != '\r')
                blank_tail = 0;
        if (!(blank_tail && j > a && t[j - 1] == ':'))
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
        if ((toks[i].flags & QT_TF_SENT_END) ||
            (toks[i].type == QT_TOK_PUNCT && toks[i].c == ';') || qt_dateline_dash(toks, i))
            w = i + 1;
    if (n > 0 && (toks[n - 1].flags & QT_TF_SENT_END))
        return; /* the quotation starts a sentence */
    qt_before_clause x = {d, t, toks, n, w, 0, 0};
    /* (Ann asked twice, and Tom's only reply was, "...": whatever cue the
     * sentence had before) */
    if (n > w + 1 && toks[n - 1].type == QT_TOK_PUNCT &&
        (toks[n - 1].c == ',' || toks[n - 1].c == ':') && qt_b_reply_was(&x, q, f))
        return;
    int cue = 0;
    for (size_t i = n; i-- > w;) {
        if (qt_cue_at(t, toks, n, i, i == w)) {
            x.c = i;
            cue = 1;
            break;
        }
    }
    if (!cue) {
        /* no cue verb, but a colon introduces the quotation (X boomed:
         * "..."), or a spaced dash (Trump also embraced harsh techniques
         * -- "I think waterboarding is peanuts") */
        int intro = n > w + 1 && toks[n - 1].type == QT_TOK_PUNCT &&
                    (toks[n - 1].c == ':' ||
                     (toks[n - 1].c == '-' &&
                      (toks[n - 1].start > toks[n - 2].end ||
                       (toks[n - 2].type == QT_TOK_PUNCT && toks[n - 2].c == '-'))));
        if (!intro)
            return;
    } else {
        size_t c = x.c;
        f->cue = (int)c;
        size_t between = n - c - 1;
        int ends_punct =
            toks[n - 1].type == QT_TOK_PUNCT && (toks[n - 1].c == ':' || toks[n - 1].c == ',');
        f->adjacent = between == 0 || (ends_punct && between <= 8);
        qt_set_cue(q, &toks[c], 0, f->adjacent);
        size_t s0 = w;
        /* skip leading conjunctions and punctuation of the clause */
        while (s0 < c && (toks[s0].type != QT_TOK_WORD || qt_tok_is(t, &toks[s0], "and") ||
                          qt_tok_is(t, &toks[s0], "but") || qt_tok_is(t, &toks[s0], "so")))
            s0++;
        /* As John Cornyn, the No. 2, put it: -- a subordinating word
         * opening the clause before a name */
        if (s0 + 1 < c && (toks[s0 + 1].flags & QT_TF_UPPER)) {
            qt_tok low = toks[s0];
            low.flags = 0;
            if (qt_is_subordinator(t, &low))
                s0++;
        }
        x.s0 = s0;
    }
    const qt_before_fn *patterns = cue ? k_cue_patterns : k_colon_patterns;
    size_t np = cue ? sizeof k_cue_patterns / sizeof *k_cue_patterns
                    : sizeof k_colon_patterns / sizeof *k_colon_patterns;
    for (size_t k = 0; k < np; k++)
        if (patterns[k](&x, q, f))
            return;
}
