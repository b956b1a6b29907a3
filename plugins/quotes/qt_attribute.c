/*
 * qt_attribute.c -- attributing every quotation of a document.
 *
 * For each outermost quotation two clauses are read: the one after it (up to
 * the end of its sentence or the next quotation, qt_after.c) and the one
 * before it (from the start of its sentence or the previous quotation,
 * qt_before.c).  Their patterns are tables of pattern functions, listed at
 * the top of those files:
 *
 *   "...," X said.            cue after, subject before the cue
 *   "...," said X.            cue after, subject after the cue
 *   X said: "..."             cue before, subject before the cue
 *   Added X: "..."            cue before, at the start of the clause: subject after it
 *   X, the CEO, said "..."    the subject's last comma segment is a
 *                             description, an earlier one holds the name
 *   X called it "a deal"      cue before, further away: a partial quotation
 *
 * Then the rules of this file, which look past the two clauses:
 *
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
 * are decided next to each pattern; the plugin README lists them.
 */
#include "qt_attr.h"

#include <string.h>

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

/* Lexes d's text [a, b), cut to its first `cap` bytes, into toks (room for
 * QT_MAX_TOKS) when it holds one of the NULL-ended words; returns the token
 * count, 0 when it holds none (a cheap test that spares most clauses). */
static size_t qt_lex_if_any(const qt_doc *d, size_t a, size_t b, size_t cap,
                            const char *const *words, qt_tok *toks)
{
    if (b > a + cap)
        b = a + cap;
    for (; *words; words++)
        if (qt_find_word(d->text.s + a, b - a, *words))
            return qt_lex(&d->text, a, b, toks, QT_MAX_TOKS);
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
    /* (most clauses have neither word: no need to read them) */
    static const char *const cues[] = {"ccording", "eport", NULL};
    size_t n = qt_lex_if_any(d, a, b, QT_AFTER_BYTES, cues, toks);
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
                                 (j > 1 && toks[j - 1].type == QT_TOK_QUOTE &&
                                  toks[j - 2].type == QT_TOK_PUNCT && toks[j - 2].c == ',');
        qt_quote tmp = *q;
        int ok = 0;
        /* (no comma needed: said in a statement according to The Blaze) */
        if (j + 2 < e && qt_tok_is(t, &toks[j], "according") && qt_tok_is(t, &toks[j + 1], "to")) {
            /* , according to Y */
            ok = qt_subject(d, &tmp, toks, j + 2, qt_subject_after(t, toks, e, j + 1));
        } else if (!comma) {
            continue;
        } else if ((qt_tok_is(t, &toks[j], "reported") || qt_tok_is(t, &toks[j], "reports")) &&
                   j + 1 < e) {
            /* , reported / reports Y */
            ok = !qt_tok_is(t, &toks[j + 1], "by") &&
                 qt_subject(d, &tmp, toks, j + 1, qt_subject_after(t, toks, e, j));
        } else {
            /* , [the] Y reported / reports: capitalised words up to the verb */
            size_t y = j + (qt_tok_is(t, &toks[j], "the") ? 1 : 0), k = y;
            while (k < e && k < y + 6 && toks[k].type == QT_TOK_WORD &&
                   (toks[k].flags & QT_TF_UPPER))
                k++;
            ok = k > y && k < e &&
                 (qt_tok_is(t, &toks[k], "reported") || qt_tok_is(t, &toks[k], "reports")) &&
                 !(k + 1 < e && qt_tok_is(t, &toks[k + 1], "by")) &&
                 qt_subject(d, &tmp, toks, j, k);
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
    /* (no need to read clauses with none of the verbs) */
    static const char *const inv[] = {"said", "says", "added", "wrote", "explained", "noted", NULL};
    size_t n = qt_lex_if_any(d, a, b, QT_BEFORE_BYTES, inv, toks);
    /* the sentence end: a period outside quotation marks (one before a
     * closing mark ends the quoted words, and the sentence with them, so
     * the cue must come before it) */
    size_t e = 0;
    while (e < n && !(toks[e].flags & QT_TF_SENT_END))
        e++;
    if (e >= n ||
        (e + 1 < n && toks[e + 1].type == QT_TOK_QUOTE && toks[e + 1].start == toks[e].end))
        return 0;
    /* the first word after the quotation: a comma right after it belongs
     * to the quotation's own clause ("...," X said), read by qt_after */
    size_t w0 = 0;
    while (w0 < e && toks[w0].type != QT_TOK_WORD)
        w0++;
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
            if (e >= j + 2 && e - j <= 6 && qt_tok_is(t, &toks[e - 1], inv[v]) &&
                (toks[j].flags & QT_TF_UPPER) && qt_resolve_subject(d, &tmp, toks + j, e - 1 - j)) {
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
    unsigned char last =
        p->inner_end > p->inner_start ? (unsigned char)d->text.s[p->inner_end - 1] : 0;
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
    const char *t = d->text.s;
    size_t a = q->cue_start > 24 ? q->cue_start - 24 : 0;
    qt_tok toks[12];
    size_t n = qt_lex(&d->text, a, q->cue_start, toks, 12);
    if (n == 0 || toks[n - 1].end + 1 < q->cue_start)
        return 0;
    /* (an adverb between: and then told) */
    if (n >= 2 && qt_is_aux(t, &toks[n - 1]) && !(toks[n - 1].flags & QT_TF_UPPER))
        n--;
    return qt_tok_is(t, &toks[n - 1], "and") || qt_tok_is(t, &toks[n - 1], "but");
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
    static const char *const passive[] = {"called",   "described", "dubbed", "labeled",
                                          "labelled", "termed",    NULL};
    qt_tok cue = {(uint32_t)q->cue_start, (uint32_t)q->cue_end, QT_TOK_WORD, 0, 0};
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
    const char *t = d->text.s;
    size_t i = q->start;
    while (i > 0 && (t[i - 1] == ' ' || t[i - 1] == '\t'))
        i--;
    return i >= 5 && memcmp(t + i - 4, "that", 4) == 0 && (t[i - 5] == ' ' || t[i - 5] == '\n');
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
    static const char *const when[] = {"last",      "this",      "earlier", "later",
                                       "today",     "yesterday", "tonight", "recently",
                                       "afterward", "then",      "also",    NULL};
    for (size_t j = 0; when[j]; j++)
        if (qt_tok_is(d->text.s, &toks[0], when[j]))
            return 0;
    return !qt_is_preposition(d->text.s, &toks[0]);
}

/* Byte offset where quotation i's neighbourhood starts or ends in its
 * paragraph: the previous / next outermost quotation, or the paragraph edge.
 * (The search stops at the paragraph's edge: outermost quotations do not
 * overlap, so none beyond it can move the bound, and a story of short
 * title-like lines -- "Yes," "No." -- would otherwise be read back to its
 * start for each of them.) */
static size_t qt_prev_bound(const qt_doc *d, size_t i)
{
    const qt_quote *q = &d->quotes[i];
    size_t lo = d->paras[q->para].start;
    for (size_t j = i; j-- > 0;) {
        if (d->quotes[j].depth == 0 && d->quotes[j].end <= lo)
            break;
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
        if (d->quotes[j].start >= hi)
            break;
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
    const char *t = d->text.s;
    size_t i = d->paras[p].end;
    while (i > d->paras[p].start &&
           (t[i - 1] == ' ' || t[i - 1] == '\n' || t[i - 1] == '\r' || t[i - 1] == '\t'))
        i--;
    return i > d->paras[p].start ? t[i - 1] : 0;
}

/* Whether a paragraph ending in byte c leaves its last sentence open for
 * the quotation paragraph after it: a colon (X continued:), a dash (Anne
 * said--, said she —), a comma, or a letter (a dash the text lost:
 * the Professor resumed, a pause before each word).  The cue of that
 * sentence introduces the quotation. */
static int qt_para_open_end(char c)
{
    unsigned char u = (unsigned char)c;
    return c == ':' || c == '-' || c == ',' || (c >= 'a' && c <= 'z') || u == 0x93 || u == 0x94;
}

/* Lexes the last QT_BEFORE_BYTES of d's text [a, b) into toks (room for
 * QT_MAX_TOKS); returns the token count when it is 3 or more and the last
 * token ends a sentence, else 0. */
static size_t qt_lex_tail_sentence(const qt_doc *d, size_t a, size_t b, qt_tok *toks)
{
    if (b > a + QT_BEFORE_BYTES)
        a = b - QT_BEFORE_BYTES;
    size_t n = qt_lex_end(d, a, b, toks, QT_MAX_TOKS, 0);
    return n < 3 || !(toks[n - 1].flags & QT_TF_SENT_END) ? 0 : n;
}

/* Bolton distanced himself from the movement. "I'm going to support him."
 * A quotation with no cue that follows a sentence of its paragraph goes to
 * the name opening that sentence (its subject), if it opens with one. */
static int qt_sentence_subject(const qt_doc *d, qt_quote *q, size_t a, size_t b)
{
    qt_tok toks[QT_MAX_TOKS];
    size_t n = qt_lex_tail_sentence(d, a, b, toks);
    if (n == 0)
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
    static const char *const verbs[] = {
        "spoke",      "speaks",     "talked",     "talks",     "praised",   "praises",
        "criticized", "criticised", "criticizes", "echoed",    "echoes",    "defended",
        "defends",    "discussed",  "discusses",  "addressed", "addresses", NULL};
    return k->type == QT_TOK_WORD && !(k->flags & QT_TF_UPPER) && qt_tok_in(t, k, verbs);
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
    const char *t = d->text.s;
    qt_tok toks[QT_MAX_TOKS];
    size_t n = qt_lex_tail_sentence(d, a, b, toks);
    if (n == 0)
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
        speech = qt_cue_at(t, toks, n, i, 0) || qt_is_speech_verb(t, &toks[i]) ||
                 qt_tok_is(t, &toks[i], "statement") || qt_tok_is(t, &toks[i], "interview") ||
                 qt_tok_is(t, &toks[i], "speech") || qt_tok_is(t, &toks[i], "remarks");
    if (!speech)
        return 0;
    if (qt_opening_subject(d, q, toks, n, w))
        return 1;
    /* What it means is left to the voters, since Trump spoke only in
     * bromides: the name right before the verb of speaking, opening a
     * subordinate clause or after a comma */
    for (size_t v = w + 1; v < n; v++) {
        if (!(qt_cue_at(t, toks, n, v, 0) || qt_is_speech_verb(t, &toks[v])))
            continue;
        size_t r = v;
        while (r > w && r + 4 > v && toks[r - 1].type == QT_TOK_WORD &&
               (toks[r - 1].flags & QT_TF_UPPER))
            r--;
        if (r < v && r > w &&
            (qt_is_subordinator(t, &toks[r - 1]) ||
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
    const char *t = d->text.s;
    size_t p = q->end_para;
    if (p + 1 >= d->n_paras)
        return 0;
    for (size_t i = q->end; i < d->paras[p].end; i++)
        if (t[i] != ' ' && t[i] != '\n' && t[i] != '\r' && t[i] != '\t' && t[i] != '.')
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
    if (e == 1 ||
        (e < n && !(toks[e].type == QT_TOK_PUNCT &&
                    (toks[e].c == ',' || toks[e].c == '.' || (toks[e].flags & QT_TF_SENT_END)))))
        return 0;
    return qt_resolve_subject(d, q, toks + 1, e - 1);
}

/* The subject of the narration right before quotation i: of the sentence
 * before it in its paragraph (Braddocks called to me. "Barnes," he said),
 * or, when the quotation opens its paragraph, of the last sentence of the
 * paragraph before, if that holds no quotation (The count stood up.).
 * Sets q's speaker and returns 1, or returns 0. */
static int qt_narration_subject(const qt_doc *d, qt_quote *q, size_t i)
{
    const qt_quote *c = &d->quotes[i];
    if (!qt_starts_para(d, c))
        return qt_sentence_subject(d, q, qt_prev_bound(d, i), c->start);
    if (c->para == 0)
        return 0;
    size_t pp = c->para - 1;
    for (size_t k = i; k-- > 0;)
        if (d->quotes[k].depth == 0) {
            if (d->quotes[k].end_para >= pp)
                return 0;
            break;
        }
    return qt_sentence_subject(d, q, d->paras[pp].start, d->paras[pp].end);
}

static void qt_inherit(qt_quote *q, const qt_quote *from)
{
    qt_copy_speaker(q, from);
    q->inherited = 1;
}

void qt_attribute(qt_doc *d)
{
    const char *t = d->text.s;
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
        if (q->spk_end == 0 && q->cue_end == 0 && last_attr >= 0 &&
            qt_same_sentence(d, &d->quotes[last_attr], q)) {
            /* Ted Cruz says his "friend and colleague" Marco Rubio ran "an
             * optimistic campaign": a quotation with no cue, in the same
             * sentence as one cued before it, is in that cue's complement
             * (not its own clause's subject's: Rubio ran) */
            /* (not past a comma: in a clip that Judge Mosman called
             * "distasteful," Santilli expressed a desire to "...": the
             * cue's clause ended there) */
            const qt_quote *p = &d->quotes[last_attr];
            if (p->cue_end > 0 && !p->cue_after && p->cue_end <= p->start &&
                !qt_comma_between(d, p, q))
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
                (!q->by_pronoun || tmp.spk_gender == QT_GENDER_UNKNOWN ||
                 tmp.spk_gender == q->spk_gender)) {
                tmp.by_pronoun = 0;
                *q = tmp;
            }
        }
        if (q->by_pronoun && d->story) {
            /* The count stood up. \n\n "Very nice," he said.  In a story
             * he / she after narration is the one the narration just
             * showed, when the gender agrees, not the nearest name */
            qt_quote tmp = *q;
            tmp.by_pronoun = 0;
            if (qt_narration_subject(d, &tmp, i) && !tmp.by_pronoun) {
                uint8_t g = tmp.spk_gender;
                if (g == QT_GENDER_UNKNOWN)
                    g = qt_char_gender(d, tmp.spk_start, tmp.spk_end);
                if (g == q->spk_gender)
                    *q = tmp;
            }
        }
        if (q->spk_end == 0 && q->cue_end > q->cue_start + 4 &&
            memcmp(t + q->cue_end - 3, "ing", 3) == 0 && last_attr >= 0 &&
            d->quotes[last_attr].end_para == q->para) {
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
                char lc = qt_para_last(d, pp);
                int introduced = 0;
                if (qt_para_open_end(lc)) {
                    qt_found ft;
                    qt_quote qt = *q;
                    size_t pb = d->paras[pp].start;
                    if (prev && prev->end_para == pp && prev->end > pb)
                        pb = prev->end;
                    qt_before(d, &qt, pb, d->paras[pp].end, &ft);
                    if (ft.cue >= 0) {
                        *q = qt;
                        introduced = 1;
                    }
                }
                if (introduced || lc == ':') {
                    /* (said by the paragraph before, or a colon that
                     * introduces something other than a speaker) */
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
                               memcmp(t + tmp.spk_start, t + prev->spk_start,
                                      tmp.spk_end - tmp.spk_start) == 0) {
                        /* "...," Viguerie notes. \n\n Viguerie is upbeat
                         * about Cruz. \n\n "...": the paragraph between is
                         * about the last speaker, who goes on */
                        qt_inherit(q, prev);
                    } else if (d->story && qt_sentence_subject(d, &tmp, pb, d->paras[pp].end)) {
                        /* a story: Brett came up to the bar. \n\n "Hello,
                         * you chaps.": the one the narration just showed
                         * speaks */
                        *q = tmp;
                        q->inherited = 1;
                        q->by_narration = 1;
                    }
                }
            } else if (!qt_starts_para(d, q)) {
                qt_quote tmp = *q;
                if (qt_sentence_subject(d, &tmp, qt_prev_bound(d, i), q->start)) {
                    *q = tmp;
                    q->inherited = 1;
                    /* (in a story the line is that person's turn: Aziz
                     * joined in. "Why talk about the English?") */
                    q->by_narration = (uint8_t)d->story;
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
