/*
 * qt_clause.c -- reading the clause next to a quotation, and the subject of
 * its cue.
 *
 * A clause is lexed without the title quotations in it (the co-author of
 * "Going Viral," said): a title neither ends the clause nor offers its
 * words as a name.  The subject of a cue is the comma segment of the words
 * before it that names someone (X, the CEO, said), or the name after an
 * inverted cue (said X); a quotation in a sentence of the writer with no
 * cue goes to the subject opening that sentence.
 */
#include "qt_attr.h"

#include <string.h>

/* Whether quotation q is a title or a name in quotation marks inside the
 * writer's sentence (the co-author of "Going Viral," said; wearing "Ted
 * Cruz" pins): at most six words, capitalised but for small function
 * words, no sentence end.  Such a quotation does not cut the clause
 * around it: the attribution reads through it. */
int qt_title_check(const qt_doc *d, const qt_quote *q)
{
    static const char *const small[] = {"of", "the", "a",   "an", "and", "in",
                                        "on", "to",  "for", "at", "is",  NULL};
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
int qt_is_title_quote(const qt_quote *q)
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
size_t qt_lex_clause(const qt_doc *d, size_t a, size_t b, qt_tok *out, size_t cap)
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
size_t qt_lex_end(const qt_doc *d, size_t a, size_t b, qt_tok *out, size_t cap, int clause)
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
int qt_subject(const qt_doc *d, qt_quote *q, const qt_tok *toks, size_t a, size_t b)
{
    const char *t = d->text.s;
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
    while (last_end > last_begin && qt_is_aux(t, &seg[last_end - 1]) &&
           !(seg[last_end - 1].flags & QT_TF_UPPER))
        last_end--;
    /* X, a writer for The Atlantic, said: the name is in an earlier segment */
    const qt_tok *first = &seg[last_begin];
    /* (or a subordinate clause closed by a comma: Donald Trump, while
     * being interviewed on Fox and Friends, called; but not one the cue
     * is in: the Capitol, where Harry Reid told) */
    int closed = b > a && toks[b - 1].type == QT_TOK_PUNCT && toks[b - 1].c == ',';
    int appositive =
        nseg > 1 && last_end > last_begin &&
        (qt_tok_is(t, first, "a") || qt_tok_is(t, first, "an") || qt_tok_is(t, first, "the") ||
         qt_tok_is(t, first, "his") || qt_tok_is(t, first, "her") || qt_tok_is(t, first, "who") ||
         (closed && qt_is_subordinator(t, first)));
    /* ... director of research at Widmeyer Communications, said */
    for (size_t k = last_begin; !appositive && nseg > 1 && k < last_end; k++)
        if (!(seg[k].flags & QT_TF_UPPER) && qt_is_role_word(t, &seg[k]))
            appositive = 1;
    /* Michael Seaman, who lives outside the state capital, Sacramento,
     * said: a relative clause or an appositive anywhere after the first
     * segment makes the chain hang on the name that opens it */
    for (size_t sg = 1; !appositive && sg < nseg; sg++) {
        const qt_tok *f0 = &seg[seg_end[sg - 1]];
        /* ... or a participle, a place or an age: X, hoping to surge in New
         * Hampshire, called; Cory James, 22, of Flint, Mich., said */
        if (seg_end[sg] > seg_end[sg - 1] &&
            (qt_tok_is(t, f0, "who") || qt_tok_is(t, f0, "whose") || qt_tok_is(t, f0, "a") ||
             qt_tok_is(t, f0, "an") || qt_tok_is(t, f0, "the") ||
             (!(f0->flags & QT_TF_UPPER) && qt_is_participle(t, f0)) || qt_is_preposition(t, f0) ||
             (t[f0->start] >= '0' && t[f0->start] <= '9')))
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
        place = k < pe && k > pb && qt_is_preposition(t, &seg[k - 1]) &&
                (qt_tok_is(t, &seg[pb], "a") || qt_tok_is(t, &seg[pb], "an") ||
                 qt_tok_is(t, &seg[pb], "the") || qt_tok_is(t, &seg[pb], "one") ||
                 qt_tok_is(t, &seg[pb], "another"));
    }
    /* Mary Susan, clad in a red cape that formed the name Trump, said: a
     * last segment opened by a lower-case word (no pronoun, no role)
     * modifies the name before it */
    if (nseg > 1 && last_end > last_begin && first->type == QT_TOK_WORD &&
        !(first->flags & QT_TF_UPPER) && !qt_is_role_word(t, first) &&
        !qt_is_subordinator(t, first) &&
        /* (de Blasio: a name particle opens a name) */
        !(qt_tok_is(t, first, "de") || qt_tok_is(t, first, "van") || qt_tok_is(t, first, "von")) &&
        !qt_tok_is(t, first, "he") && !qt_tok_is(t, first, "she") && !qt_tok_is(t, first, "they") &&
        !qt_tok_is(t, first, "we") && !qt_tok_is(t, first, "it"))
        appositive = 1;
    /* Trump, in Scotland, called it: a prepositional phrase is no subject */
    int prep = last_end > last_begin && (qt_is_preposition(t, first) || place);
    appositive |= prep && nseg > 1;
    if (appositive) { /* the name comes first: Harry Bond, 30, of Raleigh, N.C., who ... */
        for (size_t sg = 0; sg + 1 < nseg; sg++) {
            size_t sb = sg > 0 ? seg_end[sg - 1] : 0;
            if (seg_end[sg] > sb && qt_may_open_subject(t, &seg[sb]) &&
                qt_resolve_subject(d, q, seg + sb, seg_end[sg] - sb))
                return 1;
        }
    }
    if (!prep && last_end > last_begin &&
        qt_resolve_subject(d, q, seg + last_begin, last_end - last_begin))
        return 1;
    /* X, the attorney general of Oklahoma, one of the states suing, said:
     * the name opens the chain of appositives */
    for (size_t sg = 0; sg + 1 < nseg; sg++) {
        size_t sb = sg > 0 ? seg_end[sg - 1] : 0;
        if (seg_end[sg] > sb && qt_may_open_subject(t, &seg[sb]) &&
            qt_resolve_subject(d, q, seg + sb, seg_end[sg] - sb))
            return 1;
    }
    return 0;
}

void qt_set_cue(qt_quote *q, const qt_tok *k, int after, int adjacent)
{
    q->cue_start = k->start;
    q->cue_end = k->end;
    q->cue_after = (uint8_t)after;
    q->cue_adjacent = (uint8_t)adjacent;
}

/* End of the subject after a cue at index c: up to ',' ':' or a sentence end,
 * at most 11 tokens (according to a court document filed by state attorney
 * Dave Aronberg). */
/* Whether the lower-case word token k, after a name, is how or to whom it
 * was said, not part of the name: said the King very decidedly, said the
 * Professor patiently, said Piglet to Kanga, said Pooh turning round. */
static int qt_ends_name(const char *t, const qt_tok *k)
{
    static const char *const words[] = {"very", "quite", "rather", "again", "aloud", NULL};
    size_t n = k->end - k->start;
    if (k->type != QT_TOK_WORD || (k->flags & QT_TF_UPPER))
        return 0;
    if (n > 3 && t[k->end - 2] == 'l' && t[k->end - 1] == 'y')
        return 1; /* an adverb */
    if (n > 5 && memcmp(t + k->end - 3, "ing", 3) == 0)
        return 1; /* a participle */
    return qt_tok_in(t, k, words);
}

size_t qt_subject_after(const char *t, const qt_tok *toks, size_t n, size_t c)
{
    size_t e = c + 1;
    int named = 0;
    while (e < n && e < c + 12 &&
           !(toks[e].type == QT_TOK_PUNCT &&
             (toks[e].c == ',' || toks[e].c == ':' || (toks[e].flags & QT_TF_SENT_END)))) {
        /* said Cameron Easley of Morning Consult: the name ends at "of" */
        if (toks[e].type == QT_TOK_WORD && (toks[e].flags & QT_TF_UPPER))
            named = 1;
        else if (named && toks[e].type == QT_TOK_WORD &&
                 (qt_tok_is(t, &toks[e], "of") || qt_tok_is(t, &toks[e], "who") ||
                  qt_tok_is(t, &toks[e], "in") || qt_tok_is(t, &toks[e], "on") ||
                  qt_tok_is(t, &toks[e], "at") ||
                  /* said Dan Golvach when asked about
                                                            * Lindsey Graham */
                  qt_is_subordinator(t, &toks[e]) || qt_ends_name(t, &toks[e])))
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
int qt_inverted_subject(const qt_doc *d, qt_quote *q, const qt_tok *toks, size_t e, size_t c)
{
    const char *t = d->text.s;
    /* went on Syme, broke in Adela, put in Fielding, cried out the Queen:
     * the particle belongs to the verb, the subject follows it */
    static const char *const phrasal[] = {"went",  "broke", "put",   "cut",   "struck", "chimed",
                                          "burst", "called", "cried", "shouted", "spoke", "sang",
                                          "piped", "rang",  "blurted", NULL};
    static const char *const particles[] = {"on", "in", "out", "up", "forth", NULL};
    if (c + 2 < e && qt_tok_in(t, &toks[c], phrasal) &&
        qt_tok_in(t, &toks[c + 1], particles) &&
        ((toks[c + 2].flags & QT_TF_UPPER) || qt_tok_is(t, &toks[c + 2], "the")))
        c++;
    size_t se = qt_subject_after(t, toks, e, c);
    /* in a story, a preposition or "and" after the name ends it too (said
     * Piglet to Kanga, said Pooh and went); not in news, where names of
     * bodies hold them (Alliance to Reclaim Our Schools) */
    if (d->story) {
        static const char *const words[] = {"to", "with", "and", "for", "from", "without", "into",
                                            NULL};
        int named = 0;
        for (size_t k = c + 1; k < se; k++) {
            if (toks[k].type == QT_TOK_WORD && (toks[k].flags & QT_TF_UPPER))
                named = 1;
            else if (named && qt_tok_in(t, &toks[k], words)) {
                se = k;
                break;
            }
        }
    }
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

/* Cruz blamed the law on "knuckleheaded politicians."  A quotation inside
 * a sentence of the writer, with no cue verb, goes to the subject of that
 * sentence: the name (or he / she) that opens it and is followed by its
 * verb, a lower-case word.  An opening adverbial up to a comma (On Monday,)
 * and appositives after the name (X, the CEO, blamed) are passed over. */
int qt_clause_subject(const qt_doc *d, qt_quote *q, size_t a, size_t b)
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
            (toks[i].type == QT_TOK_PUNCT &&
             (toks[i].c == ';' || toks[i].c == ':' || toks[i].c == '-')))
            w = i + 1;
    if (qt_opening_subject(d, q, toks, n, w))
        return 1;
    /* And in a turn that called to mind, for some, Wallace's refrain, Mr.
     * Cruz pledged to oppose it "today, tomorrow, forever.": past a long
     * opening, the clause after its last comma may open with the subject */
    size_t c = n;
    while (c > w && !(toks[c - 1].type == QT_TOK_PUNCT && toks[c - 1].c == ','))
        c--;
    return c > w + 1 && c < n && (toks[c].flags & QT_TF_UPPER) &&
           qt_opening_subject(d, q, toks, n, c);
}

/* The subject opening the clause toks[w, n): a name (or he / she) followed
 * by its verb, a lower-case word; see qt_clause_subject. */
int qt_opening_subject(const qt_doc *d, qt_quote *q, const qt_tok *toks, size_t n, size_t w)
{
    const char *t = d->text.s;
    while (w < n && toks[w].type != QT_TOK_WORD)
        w++;
    if (w < n && (qt_tok_is(t, &toks[w], "but") || qt_tok_is(t, &toks[w], "and") ||
                  qt_tok_is(t, &toks[w], "so")))
        w++;
    /* On Monday, Later, In a statement, ...: skip to the comma */
    if (w < n && (toks[w].flags & QT_TF_UPPER) && !qt_is_role_word(t, &toks[w])) {
        qt_tok low = toks[w];
        low.flags = 0;
        if (qt_is_preposition(t, &low) || qt_tok_is(t, &low, "later") ||
            qt_tok_is(t, &low, "earlier") || qt_tok_is(t, &low, "meanwhile") ||
            qt_tok_is(t, &low, "still") || qt_tok_is(t, &low, "instead") ||
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
               !qt_is_preposition(t, &toks[e]) && !qt_is_role_word(t, &toks[e]) &&
               !qt_tok_is(t, &toks[e], "and") && qt_resolve_subject(d, q, toks + w, e - w);
    }
    /* A lower-case word ends the subject: in "Trump blasted Clinton as" it
     * is the verb.  Only one before a role word and a name is a modifier
     * (below); "Soviet dissident Milovan Djilas" is left unresolved, as a
     * noun and a verb cannot be told apart here. */
    size_t e = w;
    for (;;) {
        while (e < n && toks[e].type == QT_TOK_WORD &&
               ((toks[e].flags & QT_TF_UPPER) || qt_is_role_word(t, &toks[e]) ||
                qt_tok_is(t, &toks[e], "de")))
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
        while (e > w && k < n && k < e + 2 && toks[k].type == QT_TOK_WORD &&
               !(toks[k].flags & QT_TF_UPPER) && !qt_is_role_word(t, &toks[k]) &&
               !qt_is_preposition(t, &toks[k]))
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
            if (wl < 3 || we[-1] == 's' || (we[-1] == 'd' && we[-2] == 'e') ||
                qt_is_cue_word(t, toks[i].start, toks[i].end) || qt_is_aux(t, &toks[i]) ||
                qt_tok_is(t, &toks[i], "and") || qt_tok_is(t, &toks[i], "or"))
                nouns = 0;
        }
        while (r < n && toks[r].type == QT_TOK_WORD && (toks[r].flags & QT_TF_UPPER))
            r++;
        if (nouns && e > w && r >= k + 2 && r < n && toks[r].type == QT_TOK_WORD &&
            !(toks[r].flags & QT_TF_UPPER) && !qt_is_preposition(t, &toks[r]) &&
            !qt_tok_is(t, &toks[r], "and") && !qt_tok_is(t, &toks[r], "or")) {
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
    if (v >= n || toks[v].type != QT_TOK_WORD || (toks[v].flags & QT_TF_UPPER) ||
        qt_is_preposition(t, &toks[v]) || qt_is_role_word(t, &toks[v]) ||
        qt_tok_is(t, &toks[v], "and") || qt_tok_is(t, &toks[v], "or"))
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
