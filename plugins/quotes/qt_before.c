/*
 * qt_before.c -- the attribution patterns of the clause before a quotation.
 */
#include "qt_attr.h"

#include <string.h>

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

/* The clause before the quotation: text [a, b).  Fills *f and, when a
 * subject resolves, q->spk_*.  With `tail` the clause is the end of an
 * earlier paragraph (X continued:), where adjacency is not required. */
void qt_before(const qt_doc *d, qt_quote *q, size_t a, size_t b, qt_found *f)
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
        while (k > s0 && qt_is_cue_modifier(d->text.s, &toks[k - 1]))
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
