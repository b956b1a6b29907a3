/*
 * qt_lex.c -- a small word lexer for the clauses around a quotation.
 *
 * Why not the shared tokens: attribution looks at a few dozen bytes on each
 * side of a quotation and needs its own notion of where a sentence ends
 * (a period after "Sen." or "U.S." does not), so a local lexer over those
 * bytes is simpler and as fast.
 */
#include "qt.h"

#include <string.h>

/* Abbreviations whose period does not end a sentence (lower case, no dot).
 * Words that often end a sentence themselves (no, ill, miss) are left out. */
static const char *const qt_abbrev[] = {
    "mr",     "mrs",  "ms",   "dr",   "sen",   "rep",  "gov",  "gen",  "lt",  "col",  "sgt",
    "capt",   "jr",   "sr",   "st",   "prof",  "rev",  "inc",  "corp", "co",  "ltd",  "mt",
    "ft",     "pres", "atty", "supt", "adm",   "cmdr", "maj",  "hon",  "vs",  "sens", "reps",
    "messrs", "gens", "cpl",  "pvt",  "jan",   "feb",  "mar",  "apr",  "aug", "sept", "sep",
    "oct",    "nov",  "dec",  "ariz", "calif", "colo", "conn", "fla",  "ga",  "ind",  "kan",
    "ky",     "la",   "md",   "mich", "minn",  "mo",   "mont", "neb",  "nev", "okla", "pa",
    "tenn",   "tex",  "va",   "vt",   "wis",   "wyo",  "del",  "ala",  "ark", NULL};

static int qt_word_is_abbrev(const char *t, size_t a, size_t b)
{
    if (b - a == 1)
        return 1; /* an initial: C. */
    if (b - a > 6)
        return 0;
    for (size_t k = 0; qt_abbrev[k]; k++) {
        size_t n = strlen(qt_abbrev[k]);
        if (n != b - a)
            continue;
        size_t j = 0;
        while (j < n && qt_lower(t[a + j]) == qt_abbrev[k][j])
            j++;
        if (j == n)
            return 1;
    }
    return 0;
}

/* Whether word token k counts what follows (No. 2, Vol. 3, p. 12) or is
 * a number itself (chapter 3. 4): a period after it is no sentence end
 * before a digit. */
static int qt_counts(const char *t, const qt_tok *k)
{
    static const char *const words[] = {"no",  "nos", "vol", "p",  "pp", "art",
                                        "sec", "fig", "ch",  "op", "nr", NULL};
    if (t[k->start] >= '0' && t[k->start] <= '9')
        return 1;
    size_t n = k->end - k->start;
    for (size_t w = 0; words[w]; w++) {
        size_t m = strlen(words[w]), j = 0;
        while (j < m && j < n && qt_lower(t[k->start + j]) == words[w][j])
            j++;
        if (j == m && n == m)
            return 1;
    }
    return 0;
}

/* Marks that the lexer reports as QT_TOK_QUOTE. */
static int qt_is_quote_cp(uint32_t cp)
{
    return cp == '"' || cp == 0x201C || cp == 0x201D || cp == 0x201E || cp == 0xAB || cp == 0xBB ||
           cp == 0x2018 || cp == 0x2019 || cp == '\'' || cp == '`';
}

size_t qt_lex(const qt_text *x, size_t a, size_t b, qt_tok *out, size_t cap)
{
    const char *t = x->s;
    size_t n = 0, i = a, cl;
    while (i < b && n < cap) {
        uint32_t cp = qt_cp_at(x, b, i, &cl), cc = qt_class(x, cp);
        if (cc & ANN_CHAR_SPACE) {
            i += cl;
            continue;
        }
        qt_tok *k = &out[n];
        memset(k, 0, sizeof *k);
        k->start = (uint32_t)i;
        if (cc & QT_WORD) {
            int upper = (cc & ANN_CHAR_UPPER) != 0, allcaps = upper,
                letters = (cc & QT_LETTER) != 0, dotted = 0;
            size_t j = i + cl;
            while (j < b) {
                size_t l2;
                uint32_t c2 = qt_cp_at(x, b, j, &l2), k2 = qt_class(x, c2);
                if (k2 & QT_WORD) {
                    if (k2 & QT_LETTER) {
                        letters++;
                        if (!(k2 & ANN_CHAR_UPPER))
                            allcaps = 0;
                    }
                    j += l2;
                    continue;
                }
                /* inner ' ’ - . & join two word characters */
                if (c2 == '\'' || c2 == 0x2019 || c2 == '-' || c2 == '.' || c2 == '&') {
                    size_t l3;
                    if (j + l2 < b && (qt_class(x, qt_cp_at(x, b, j + l2, &l3)) & QT_WORD)) {
                        if (c2 == '.')
                            dotted = 1;
                        j += l2;
                        continue;
                    }
                }
                /* Sanders' campaign, the companies’ plans: an apostrophe
                 * after a final s and before a lower-case word is a
                 * possessive (as qt_marks.c decides), part of the word */
                if ((c2 == '\'' || c2 == 0x2019) && (t[j - 1] == 's' || t[j - 1] == 'S') &&
                    j + l2 + 1 < b && t[j + l2] == ' ' && t[j + l2 + 1] >= 'a' &&
                    t[j + l2 + 1] <= 'z')
                    j += l2;
                break;
            }
            /* a period after an abbreviation, an initial or U.S belongs to the word */
            if (j < b && t[j] == '.' && (dotted || qt_word_is_abbrev(t, i, j)))
                j++;
            k->type = QT_TOK_WORD;
            k->end = (uint32_t)j;
            if (upper)
                k->flags |= QT_TF_UPPER;
            if (allcaps && letters >= 2)
                k->flags |= QT_TF_ALLCAPS;
            i = j;
        } else if (qt_is_quote_cp(cp)) {
            k->type = QT_TOK_QUOTE;
            k->end = (uint32_t)(i + cl);
            i += cl;
        } else {
            k->type = QT_TOK_PUNCT;
            k->end = (uint32_t)(i + cl);
            /* ASCII punctuation as itself, dashes as '-', the ellipsis as
             * '~', any other symbol as '#' */
            if (cp < 0x80)
                k->c = (char)cp;
            else if (cc & ANN_CHAR_DASH)
                k->c = '-';
            else
                k->c = cp == 0x2026 ? '~' : '#';
            if (cp == '.' || cp == '!' || cp == '?') {
                /* not before a lower-case word or , ; : ) as in "(R-Utah.) said" */
                size_t j = i + cl, l2;
                uint32_t nx = 0, nc = 0;
                while (j < b && ((nc = qt_class(x, nx = qt_cp_at(x, b, j, &l2))) & ANN_CHAR_SPACE))
                    j += l2;
                /* nor before a number after a word that counts: No. 2,
                 * Vol. 3 (but "is Trump. 81-year-old Parker Eaton said":
                 * a sentence may open with a number); nor glued to the
                 * next word or a hyphen: the D.C.-based institute */
                int glued = j == i + cl && j < b && (nx == '-' || (nc & QT_WORD));
                int counted =
                    nx >= '0' && nx <= '9' &&
                    (n == 0 || out[n - 1].type != QT_TOK_WORD || qt_counts(t, &out[n - 1]));
                if (j >= b || !((nx >= 'a' && nx <= 'z') || nx == ',' || nx == ';' || nx == ':' ||
                                nx == ')' || counted || glued))
                    k->flags |= QT_TF_SENT_END;
            }
            i += cl;
        }
        n++;
    }
    return n;
}

int qt_tok_is(const char *t, const qt_tok *k, const char *w)
{
    size_t n = strlen(w);
    if (k->type != QT_TOK_WORD || k->end - k->start != n)
        return 0;
    for (size_t j = 0; j < n; j++)
        if (qt_lower(t[k->start + j]) != w[j])
            return 0;
    return 1;
}
