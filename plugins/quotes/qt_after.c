/*
 * qt_after.c -- the attribution patterns of the clause after a quotation.
 *
 * The clause runs from the closing mark to the end of its sentence, the next
 * quotation or a line break; its words start past a comma or a dash.  The
 * patterns of k_after_patterns are tried in this order, and the first that
 * decides the clause wins:
 *
 *   qt_a_subordinate      "..." until Haley said she was backing him:
 *                         nothing (the clause has its own subject and cue)
 *   qt_a_sentence_ended   called it "a disaster." Cruz said ...: nothing
 *   qt_a_dash_signature   "..." ― Sonya Herridge
 *   qt_a_was_reply        "...," was Edmund's only reply; was her answer
 *   qt_a_name_verb        "...," Blige sings to Clinton (a verb in -s or
 *                         -ed after a name works as a cue)
 *   qt_a_verb_name        "This is fantastic!" beamed Donald Hartley
 *   qt_a_writers_clause   "glow in the dark," for instance, and Trump
 *                         vowed: nothing (the writer's next statement)
 *   with a cue verb within reach:
 *   qt_a_according        "...," according to X
 *   qt_a_participle       "...," telling reporters: the cue alone
 *   qt_a_inverted         "...," said X.  (cue after, subject after it)
 *   qt_a_subject_cue      "...," X said.  (cue after, subject before it)
 *   without one:
 *   qt_a_comma_name       "...," Trump, the 2016 GOP front-runner who ...,
 *                         said (the cue out of reach)
 */
#include "qt_attr.h"

#include <string.h>

/* The clause after a quotation as its patterns read it.  Borrowed from
 * qt_after's frame. */
typedef struct qt_after_clause {
    const qt_doc *d;
    const char *t;      /* the text view */
    const qt_tok *toks; /* the clause, title quotations dropped */
    size_t n;
    size_t s, e; /* its words: past a leading comma or dash, to its end */
    int joined;  /* it opens with and, but, while */
    int cue;     /* token of the cue verb within reach; -1: none; -2: the
                         * clause turned out to be the writer's before any */
} qt_after_clause;

/* A pattern: returns 1 when it decides the clause (with a speaker in q and
 * f->resolved, or without one), 0 to let the next pattern try; then q and f
 * are as it found them. */
typedef int (*qt_after_fn)(const qt_after_clause *x, qt_quote *q, qt_found *f);

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

/* How many tokens from its first word the cue of the clause may stand. */
static size_t qt_after_reach(const qt_after_clause *x, const qt_quote *q)
{
    const char *t = x->t;
    if (x->s != 0)
        return 20;
    /* "...": no comma after the quotation; a cue may still follow ("..."
     * he said) when the quotation ended with its own punctuation, or
     * right after it ("..." Grubbs said) */
    size_t reach = 20;
    unsigned char last = (unsigned char)t[q->inner_end > 0 ? q->inner_end - 1 : 0];
    if (!(last == ',' || last == '.' || last == '?' || last == '!' || last == '-' ||
          (q->inner_end >= 3 && (unsigned char)t[q->inner_end - 3] == 0xE2)) &&
        !x->joined)
        reach = 4; /* (a joined clause takes only a cue after a comma) */
    /* "... in a political campaign." Ohio Gov. John Kasich said: a
     * quotation ending its sentence, then a capitalised word: a new
     * sentence, whose cue is its own unless right after ("..." Smith said) */
    if (last == '.' && x->toks[x->s].type == QT_TOK_WORD && (x->toks[x->s].flags & QT_TF_UPPER) &&
        !(q->inner_end >= 2 && t[q->inner_end - 2] == '.'))
        reach = 3;
    return reach;
}

/* The cue verb of the clause within reach: its token, -1 when there is
 * none, -2 when the clause is the writer's own before any. */
static int qt_after_cue(const qt_after_clause *x, size_t reach)
{
    const char *t = x->t;
    const qt_tok *toks = x->toks;
    for (size_t i = x->s; i < x->e && i < x->s + reach; i++) {
        /* "glow in the dark," for instance, and Trump vowed: a clause
         * joined by ", and" is the writer's next statement */
        if (i > x->s && toks[i - 1].type == QT_TOK_PUNCT && toks[i - 1].c == ',' &&
            (qt_tok_is(t, &toks[i], "and") || qt_tok_is(t, &toks[i], "but")))
            return -2;
        if (!qt_cue_at(t, toks, x->n, i, i == x->s))
            continue;
        /* the "first one" to say it: an infinitive after the quotation
         * belongs to the writer's phrase, it attributes nothing */
        if (i > x->s && qt_tok_is(t, &toks[i - 1], "to"))
            continue;
        if (x->joined && !(toks[i - 1].type == QT_TOK_PUNCT && toks[i - 1].c == ','))
            return -2;
        return (int)i;
    }
    return -1;
}

/* "kind of riding the fence" until Haley said she was backing him: a
 * subordinate clause after the quotation has its own subject and cue ("as
 * X said" aside: it does attribute). */
static int qt_a_subordinate(const qt_after_clause *x, qt_quote *q, qt_found *f)
{
    const qt_tok *k = &x->toks[x->s];
    (void)q;
    (void)f;
    return k->type == QT_TOK_WORD && !qt_tok_is(x->t, k, "as") && qt_is_subordinator(x->t, k) &&
           !qt_tok_is(x->t, k, "which") && !qt_tok_is(x->t, k, "that");
}

/* called it "a disaster." Cruz said ...: a quotation inside the writer's
 * sentence that ends with a period ends that sentence too; what follows is
 * a new sentence with its own quotations. */
static int qt_a_sentence_ended(const qt_after_clause *x, qt_quote *q, qt_found *f)
{
    (void)f;
    return x->s == 0 && q->inner_end > q->inner_start && x->t[q->inner_end - 1] == '.' &&
           !(q->inner_end >= 2 && x->t[q->inner_end - 2] == '.') && qt_mid_sentence_quote(x->d, q);
}

/* "..." ― Sonya Herridge: a dash, a name, and the line ends. */
static int qt_a_dash_signature(const qt_after_clause *x, qt_quote *q, qt_found *f)
{
    const qt_tok *toks = x->toks;
    size_t n = x->n, s = x->s, e = x->e;
    size_t f2 = e < n && (toks[e].flags & QT_TF_SENT_END) ? e + 1 : e;
    if (!(s > 0 && toks[s - 1].c == '-' && e - s >= 2 && e - s <= 4 &&
          (f2 == n || (toks[f2].type == QT_TOK_QUOTE &&
                       memchr(x->t + toks[e - 1].end, '\n', toks[f2].start - toks[e - 1].end)))))
        return 0;
    size_t k = s;
    while (k < e && toks[k].type == QT_TOK_WORD && (toks[k].flags & QT_TF_UPPER))
        k++;
    if (k != e || !qt_resolve_subject(x->d, q, toks + s, e - s))
        return 0;
    f->resolved = 1;
    f->cue = (int)s;
    q->cue_after = 1;
    return 1;
}

/* A speaker found with a cue at token k that is no known cue verb. */
static int qt_verb_found(const qt_after_clause *x, qt_quote *q, const qt_quote *tmp, size_t k,
                         qt_found *f)
{
    *q = *tmp;
    qt_set_cue(q, &x->toks[k], 1, 1);
    f->cue = (int)k;
    f->adjacent = 1;
    f->resolved = 1;
    return 1;
}

/* "...," Blige sings to Clinton: a name right after the quotation and a
 * verb in -s or -ed work as a cue even when the verb is not a known one. */
static int qt_a_name_verb(const qt_after_clause *x, qt_quote *q, qt_found *f)
{
    const char *t = x->t;
    const qt_tok *toks = x->toks;
    size_t s = x->s, e = x->e;
    /* (an angry Hollande retaliated: a determiner and at most two
     * lower-case words before the name) */
    size_t s1 = s;
    if (s1 + 1 < e && (qt_tok_is(t, &toks[s1], "an") || qt_tok_is(t, &toks[s1], "a"))) {
        size_t j = s1 + 1;
        while (j < e && j < s1 + 3 && toks[j].type == QT_TOK_WORD &&
               !(toks[j].flags & QT_TF_UPPER) && !qt_is_role_word(t, &toks[j]) &&
               !qt_tok_cue(t, &toks[j], NULL, 0))
            j++;
        if (j > s1 + 1 && j < e && (toks[j].flags & QT_TF_UPPER))
            s1 = j;
    }
    size_t k = s1;
    while (k < e && k < s1 + 4 && toks[k].type == QT_TOK_WORD && (toks[k].flags & QT_TF_UPPER) &&
           !qt_tok_cue(t, &toks[k], NULL, 1))
        k++;
    if (!(k > s1 && k < e && toks[k].type == QT_TOK_WORD && !(toks[k].flags & QT_TF_UPPER) &&
          !qt_tok_cue(t, &toks[k], k + 1 < x->n ? &toks[k + 1] : NULL, 0) &&
          toks[k].end - toks[k].start >= 4 &&
          !qt_is_body_noun(t, &toks[k]))) /* (Clinton aides said: a noun) */
        return 0;
    const char *w = t + toks[k].end;
    if (!((w[-1] == 's' && w[-2] != 's') || (w[-1] == 'd' && w[-2] == 'e')))
        return 0;
    qt_quote tmp = *q;
    return qt_resolve_subject(x->d, &tmp, toks + s, k - s) && qt_verb_found(x, q, &tmp, k, f);
}

/* "This is fantastic!" beamed Donald Hartley: a verb in -ed that is no
 * known cue, right after the quotation and followed by a name. */
static int qt_a_verb_name(const qt_after_clause *x, qt_quote *q, qt_found *f)
{
    const char *t = x->t;
    const qt_tok *toks = x->toks;
    size_t s = x->s;
    if (!(!x->joined && s + 1 < x->e && toks[s].type == QT_TOK_WORD &&
          !(toks[s].flags & QT_TF_UPPER) && toks[s].end - toks[s].start >= 4 &&
          memcmp(t + toks[s].end - 2, "ed", 2) == 0 && (toks[s + 1].flags & QT_TF_UPPER) &&
          !qt_tok_cue(t, &toks[s], NULL, 0)))
        return 0;
    size_t k = qt_subject_after(t, toks, x->e, s);
    qt_quote tmp = *q;
    return k > s + 1 && qt_subject(x->d, &tmp, toks, s + 1, k) && qt_verb_found(x, q, &tmp, s, f);
}

/* "...," was Edmund's only reply; "...," was her answer: the quotation is
 * what the owner of that reply said (a pronoun: the person it stands for).
 * A plain-text edition may have lost the apostrophe: was Catherine s
 * answer. */
static int qt_a_was_reply(const qt_after_clause *x, qt_quote *q, qt_found *f)
{
    const char *t = x->t;
    const qt_tok *toks = x->toks;
    size_t s = x->s, e = x->e, k = s + 1;
    if (!(qt_tok_is(t, &toks[s], "was") && k < e))
        return 0;
    while (k < e && k < s + 3 &&
           (qt_tok_is(t, &toks[k], "all") || qt_tok_is(t, &toks[k], "the") ||
            qt_tok_is(t, &toks[k], "only")))
        k++;
    size_t na = k, nb; /* the owner, toks[na, nb) */
    int pronoun = k < e && (qt_tok_is(t, &toks[k], "his") || qt_tok_is(t, &toks[k], "her"));
    qt_tok owner[6];
    if (pronoun) {
        nb = k + 1;
    } else {
        while (k < e && k < na + 4 && toks[k].type == QT_TOK_WORD &&
               (toks[k].flags & QT_TF_UPPER) && !qt_possessive_len(t, &toks[k]))
            k++;
        if (k < e && k < na + 4 && toks[k].type == QT_TOK_WORD && (toks[k].flags & QT_TF_UPPER) &&
            qt_possessive_len(t, &toks[k])) {
            nb = k + 1;
        } else if (k > na && k < e && toks[k].end - toks[k].start == 1 && t[toks[k].start] == 's') {
            nb = k; /* (Catherine s answer) */
            k--;
        } else {
            return 0;
        }
        memcpy(owner, toks + na, (nb - na) * sizeof *owner);
        owner[nb - na - 1].end -= (uint32_t)qt_possessive_len(t, &owner[nb - na - 1]);
    }
    /* up to three adjectives, then the noun */
    size_t j = k + 1;
    while (j < e && j < k + 4 && toks[j].type == QT_TOK_WORD && !(toks[j].flags & QT_TF_UPPER) &&
           !qt_speech_noun(t, &toks[j]))
        j++;
    if (!(j < e && qt_speech_noun(t, &toks[j])))
        return 0;
    qt_quote tmp = *q;
    int ok = pronoun ? qt_resolve_pronoun(x->d, &tmp, toks[na].start,
                                          qt_tok_is(t, &toks[na], "his") ? QT_GENDER_MALE
                                                                        : QT_GENDER_FEMALE)
                     : qt_resolve_subject(x->d, &tmp, owner, nb - na);
    if (!ok)
        return 0;
    *q = tmp;
    qt_set_cue(q, &toks[j], 1, 1);
    f->cue = (int)j;
    f->adjacent = 1;
    f->resolved = 1;
    return 1;
}

/* "glow in the dark," for instance, and Trump vowed: the clause is the
 * writer's next statement (see qt_after_cue). */
static int qt_a_writers_clause(const qt_after_clause *x, qt_quote *q, qt_found *f)
{
    (void)q;
    (void)f;
    return x->cue == -2;
}

/* Takes the clause's cue verb as q's. */
static void qt_take_cue(const qt_after_clause *x, qt_quote *q, qt_found *f)
{
    f->cue = x->cue;
    f->adjacent = 1;
    qt_set_cue(q, &x->toks[x->cue], 1, 1);
}

/* The first token of the words before the cue that is no auxiliary or
 * adverb (said X, later said X; not "and called X", a verb of the
 * writer's clause with its object): the cue itself when there are none. */
static size_t qt_after_modifiers(const qt_after_clause *x)
{
    size_t k = x->s;
    while (k < (size_t)x->cue && qt_is_cue_modifier(x->t, &x->toks[k]))
        k++;
    return k;
}

/* "...," according to X. */
static int qt_a_according(const qt_after_clause *x, qt_quote *q, qt_found *f)
{
    if (x->cue < 0 || !qt_tok_is(x->t, &x->toks[x->cue], "according"))
        return 0;
    size_t i = (size_t)x->cue;
    qt_take_cue(x, q, f);
    f->resolved = qt_subject(x->d, q, x->toks, i + 2, qt_subject_after(x->t, x->toks, x->e, i + 1));
    return 1;
}

/* "...," telling reporters: a participle takes its object after it; its
 * subject is that of the writer's sentence (left to the clause-subject
 * rule). */
static int qt_a_participle(const qt_after_clause *x, qt_quote *q, qt_found *f)
{
    if (x->cue < 0 || qt_after_modifiers(x) != (size_t)x->cue ||
        !qt_is_participle(x->t, &x->toks[x->cue]))
        return 0;
    qt_take_cue(x, q, f);
    return 1;
}

/* "...," said X; "..." and residents get nervous, said X. */
static int qt_a_inverted(const qt_after_clause *x, qt_quote *q, qt_found *f)
{
    if (x->cue < 0 || !(qt_after_modifiers(x) == (size_t)x->cue || x->joined))
        return 0;
    qt_take_cue(x, q, f);
    f->resolved = qt_inverted_subject(x->d, q, x->toks, x->e, (size_t)x->cue);
    return 1;
}

/* "...," X said; X, the CEO, said: the subject is the first comma segment
 * holding a name, handled by qt_subject.  Decides every clause with a cue. */
static int qt_a_subject_cue(const qt_after_clause *x, qt_quote *q, qt_found *f)
{
    const char *t = x->t;
    const qt_tok *toks = x->toks;
    if (x->cue < 0)
        return 0;
    size_t i = (size_t)x->cue;
    qt_take_cue(x, q, f);
    f->resolved = qt_subject(x->d, q, toks, x->s, i);
    /* "..." in its dealings with Central Asia, said Nargis Kassenova: when
     * nothing before the cue is its subject, a verb that takes no object,
     * after a comma and before a capitalised word, is inverted too (but X,
     * 58, told AFP) */
    /* (or a description before the name: said the bureau's director,
     * James Comey) */
    if (!f->resolved && toks[i - 1].type == QT_TOK_PUNCT && toks[i - 1].c == ',' && i + 1 < x->e &&
        ((toks[i + 1].flags & QT_TF_UPPER) || qt_tok_is(t, &toks[i + 1], "the") ||
         qt_tok_is(t, &toks[i + 1], "a") || qt_tok_is(t, &toks[i + 1], "an")) &&
        (qt_tok_is(t, &toks[i], "said") || qt_tok_is(t, &toks[i], "says") ||
         qt_tok_is(t, &toks[i], "added") || qt_tok_is(t, &toks[i], "wrote") ||
         qt_tok_is(t, &toks[i], "explained") || qt_tok_is(t, &toks[i], "noted")))
        f->resolved = qt_inverted_subject(x->d, q, toks, x->e, i);
    return 1;
}

/* "...," Trump, the 2016 GOP front-runner who ..., said: the cue is out of
 * reach, but a name between commas right after the quotation is the
 * opening of that clause. */
static int qt_a_comma_name(const qt_after_clause *x, qt_quote *q, qt_found *f)
{
    const char *t = x->t;
    const qt_tok *toks = x->toks;
    size_t n = x->n, s = x->s;
    if (x->cue != -1)
        return 0;
    /* (the comma may close the quoted words: "...," Trump, the ...) */
    int comma = (s > 0 && toks[s - 1].c == ',') ||
                (s == 0 && q->inner_end > q->inner_start && t[q->inner_end - 1] == ',');
    if (!comma)
        return 0;
    size_t k = s;
    while (k < n && k < s + 5 && toks[k].type == QT_TOK_WORD && (toks[k].flags & QT_TF_UPPER))
        k++;
    if (!(k > s && k < n && toks[k].type == QT_TOK_PUNCT && toks[k].c == ',' && k + 1 < n &&
          (qt_tok_is(t, &toks[k + 1], "the") || qt_tok_is(t, &toks[k + 1], "a") ||
           qt_tok_is(t, &toks[k + 1], "an") || qt_tok_is(t, &toks[k + 1], "who"))))
        return 0;
    qt_quote tmp = *q;
    if (!qt_resolve_subject(x->d, &tmp, toks + s, k - s))
        return 0;
    *q = tmp;
    f->cue = (int)s;
    f->adjacent = 1;
    f->resolved = 1;
    q->cue_after = 1;
    return 1;
}

static const qt_after_fn k_after_patterns[] = {
    qt_a_subordinate, qt_a_sentence_ended, qt_a_dash_signature, qt_a_was_reply, qt_a_name_verb,
    qt_a_verb_name,   qt_a_writers_clause, qt_a_according,      qt_a_participle,
    qt_a_inverted,    qt_a_subject_cue,    qt_a_comma_name,
};

void qt_after(const qt_doc *d, qt_quote *q, size_t a, size_t b, qt_found *f)
{
    const char *t = d->text.s;
    qt_tok toks[QT_MAX_TOKS];
    if (b > a + QT_AFTER_BYTES)
        b = a + QT_AFTER_BYTES;
    /* a line break ends the clause (lists of quotations, one per line),
     * unless the text is wrapped (qt_wrap.c) */
    const char *nl = b > a && !d->wrapped ? memchr(t + a, '\n', b - a) : NULL;
    if (nl)
        b = (size_t)(nl - t);
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
    qt_after_clause x = {d, t, toks, n, s, e, 0, -1};
    /* "...," and Trump says ...: a clause joined by a conjunction starts
     * the writer's next statement, it does not attribute this quotation */
    /* (but "..." and Clevelanders get nervous, said Christine Link: a cue
     * after a comma still attributes the whole sentence) */
    x.joined = toks[s].type == QT_TOK_WORD &&
               (qt_tok_is(t, &toks[s], "and") || qt_tok_is(t, &toks[s], "but") ||
                qt_tok_is(t, &toks[s], "while"));
    x.cue = qt_after_cue(&x, qt_after_reach(&x, q));
    for (size_t k = 0; k < sizeof k_after_patterns / sizeof *k_after_patterns; k++)
        if (k_after_patterns[k](&x, q, f))
            return;
}
