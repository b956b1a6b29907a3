/*
 * qt_after.c -- the attribution patterns of the clause after a quotation.
 */
#include "qt_attr.h"

#include <string.h>

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
void qt_after(const qt_doc *d, qt_quote *q, size_t a, size_t b, qt_found *f)
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
        while (k < i && qt_is_cue_modifier(d->text.s, &toks[k]))
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
