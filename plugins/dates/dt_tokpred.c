/* dt_tokpred.c -- predicates over the plugin's tokens: words, punctuation,
 * numbers, and the small parsers (ordinals, months, counts, units) the
 * rules build on.  See dt_mctx.h. */
#include "dt_mctx.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

/* ---- token helpers -------------------------------------------------------- */

/* Token i is one of the words in the NULL-terminated list.  The token is
 * read once and each word rejected on its first letter: the tense lists
 * are long and run at every candidate. */
bool is_any(const mctx *c, size_t i, const char *const *ws)
{
    if (!has(c, i) || c->t[i].kind != DT_K_WORD)
        return false;
    const char *p = c->text + c->t[i].start;
    size_t n = tlen(c, i);
    char f = (char)(p[0] | 0x20);
    for (; *ws; ws++) {
        const char *w = *ws;
        if (w[0] != f)
            continue;
        size_t k = 1;
        while (k < n && w[k] != '\0' && (p[k] | 0x20) == w[k])
            k++;
        if (k == n && w[n] == '\0')
            return true;
    }
    return false;
}

/* Suffix letters of a number token ("th" of "5th"), or "" */
void num_suffix(const mctx *c, size_t i, char *buf, size_t cap)
{
    const char *s = c->text + c->t[i].start, *e = c->text + c->t[i].end;
    const char *p = e;
    while (p > s && ((p[-1] | 0x20) >= 'a' && (p[-1] | 0x20) <= 'z'))
        p--;
    size_t n = (size_t)(e - p);
    if (n >= cap)
        n = cap - 1;
    for (size_t k = 0; k < n; k++)
        buf[k] = (char)(p[k] | 0x20);
    buf[n] = '\0';
}

/* A four-digit year token. */
bool is_year_tok(const mctx *c, size_t i, int *y)
{
    if (!is_int(c, i, 4) || tlen(c, i) != 4)
        return false;
    int v = c->t[i].num;
    if (v < DT_YEAR_MIN || v > DT_YEAR_MAX)
        return false;
    *y = v;
    return true;
}

/* Day of month: 1..31, optionally with st/nd/rd/th. */
bool is_day_tok(const mctx *c, size_t i, int *d)
{
    if (!has(c, i) || c->t[i].kind != DT_K_NUM || (c->t[i].flags & DT_F_NSEP))
        return false;
    if (c->t[i].flags & DT_F_NSUF) {
        char suf[8];
        num_suffix(c, i, suf, sizeof suf);
        if (strcmp(suf, "st") && strcmp(suf, "nd") && strcmp(suf, "rd") && strcmp(suf, "th"))
            return false;
    } else if (tlen(c, i) > 2) {
        return false;
    }
    if (c->t[i].num < 1 || c->t[i].num > 31)
        return false;
    *d = c->t[i].num;
    return true;
}

/* Ordinal at i (first, 2nd, twenty-first); returns next index or 0. */
size_t p_ordinal(const mctx *c, size_t i, int *v)
{
    if (!has(c, i))
        return 0;
    if (cls(c, i) == DT_C_ORDINAL) {
        *v = c->t[i].val;
        return i + 1;
    }
    if (is_w(c, i, "second")) {
        *v = 2;
        return i + 1;
    }
    if (cls(c, i) == DT_C_NUMWORD && c->t[i].val >= 20 && c->t[i].val <= 90 && is_hyph(c, i + 1) &&
        cls(c, i + 2) == DT_C_ORDINAL && c->t[i + 2].val < 10) {
        *v = c->t[i].val + c->t[i + 2].val;
        return i + 3;
    }
    if (c->t[i].kind == DT_K_NUM && (c->t[i].flags & DT_F_NSUF) && !(c->t[i].flags & DT_F_NSEP)) {
        char suf[8];
        num_suffix(c, i, suf, sizeof suf);
        if (!strcmp(suf, "st") || !strcmp(suf, "nd") || !strcmp(suf, "rd") || !strcmp(suf, "th")) {
            *v = c->t[i].num;
            return i + 1;
        }
    }
    return 0;
}

/* Month name at i (capitalised; an abbreviation may take a period).
 * Returns next index or 0. */
size_t p_month(const mctx *c, size_t i, int *m)
{
    if (cls(c, i) != DT_C_MONTH || !capitalised(c, i))
        return 0;
    *m = c->t[i].val;
    size_t j = i + 1;
    if (c->t[i].sub) { /* abbreviation: "Sept.", "Sept 30", "Jan 2023" */
        if (is_p(c, j, '.') && tight(c, j))
            return j + 1;
        if ((is_p(c, j, '/') || is_p(c, j, '-')) && tight(c, j) && tight(c, j + 1))
            return is_day_tok(c, j + 1, &(int){0}) || is_year_tok(c, j + 1, &(int){0}) ? j : 0;
        return is_day_tok(c, j, &(int){0}) || is_year_tok(c, j, &(int){0}) ? j : 0;
    }
    if (is_p(c, j, '.') && tight(c, j) && tlen(c, i) <= 4) /* "June." never */
        return j;
    return j;
}

/* Counts: "three", "3", "twenty-five", "1.5", "a", "several" (vague). */
size_t p_count(const mctx *c, size_t i, double *v, bool *vague)
{
    *vague = false;
    if (!has(c, i))
        return 0;
    const dt_tok *t = &c->t[i];
    if (t->kind == DT_K_NUM && !(t->flags & DT_F_NSUF)) {
        char buf[32];
        size_t n = tlen(c, i), k = 0;
        if (n >= sizeof buf)
            return 0;
        if (!(t->flags & DT_F_NSEP) && n <= 8) {
            /* digits only: the tokenizer's value is exact below 10^8, and
             * strtod() cost more than the rest of the call */
            *v = t->num;
        } else {
            for (size_t q = 0; q < n; q++) {
                char ch = c->text[t->start + q];
                if (ch == ',')
                    continue;
                if (ch == ':' || ch == '/')
                    return 0;
                buf[k++] = ch;
            }
            buf[k] = '\0';
            *v = strtod(buf, NULL);
        }
        size_t j = i + 1;
        /* "5 1/2" */
        if (has(c, j) && c->t[j].kind == DT_K_NUM && tlen(c, j) == 3 &&
            !strncmp(c->text + c->t[j].start, "1/2", 3)) {
            *v += 0.5;
            j++;
        }
        return j;
    }
    if (cls(c, i) == DT_C_NUMWORD) {
        int val = t->val;
        size_t j = i + 1;
        if (val >= 20 && val <= 90 && val % 10 == 0) {
            if (is_hyph(c, j) && cls(c, j + 1) == DT_C_NUMWORD && c->t[j + 1].val < 10) {
                val += c->t[j + 1].val;
                j += 2;
            } else if (cls(c, j) == DT_C_NUMWORD && c->t[j].val < 10) {
                val += c->t[j].val; /* "twenty four" */
                j++;
            }
        }
        /* "two hundred", "two thousand" */
        if (val < 100 && (is_w(c, j, "hundred") || is_w(c, j, "thousand"))) {
            val *= is_w(c, j, "hundred") ? 100 : 1000;
            j++;
        }
        *v = val;
        return j;
    }
    if (is_w(c, i, "a") || is_w(c, i, "an")) {
        if (is_w(c, i + 1, "couple") && is_w(c, i + 2, "of")) {
            *v = 2; /* "a couple of years" is two, as TimeBank counts it */
            return i + 3;
        }
        if (is_w(c, i + 1, "few") || is_w(c, i + 1, "couple")) {
            *vague = true;
            *v = 0;
            return is_w(c, i + 2, "of") ? i + 3 : i + 2;
        }
        if (is_w(c, i + 1, "half")) {
            return 0; /* "a half year": rare; not a count here */
        }
        *v = 1;
        return i + 1;
    }
    if (is_w(c, i, "couple") && is_w(c, i + 1, "of")) {
        *v = 2; /* "the next couple of years" */
        return i + 2;
    }
    static const char *const vague_w[] = {"several", "few", "many", "some", NULL};
    if (cls(c, i) == DT_C_FUNC && is_any(c, i, vague_w)) { /* all four are function words */
        *vague = true;
        *v = 0;
        return i + 1;
    }
    return 0;
}

/* A unit of time at i; returns next index or 0. */
size_t p_unit(const mctx *c, size_t i, int *u, bool *plural)
{
    if (cls(c, i) != DT_C_UNIT)
        return 0;
    *u = c->t[i].val;
    *plural = c->t[i].sub != 0;
    return i + 1;
}

bool glued_dash(const mctx *c, size_t i)
{
    if (!has(c, i) || c->t[i].kind != DT_K_PUNCT || !tight(c, i) || !tight(c, i + 1))
        return false;
    const unsigned char *p = (const unsigned char *)c->text + c->t[i].start;
    return (tlen(c, i) == 1 && *p == '-') ||
           (tlen(c, i) == 3 && p[0] == 0xE2 && p[1] == 0x80 && p[2] == 0x93);
}

/* A number in a chain of numbers: glued by a dash to the numbers around it
 * ("138-2010-2015" of a phone number, "555-2010"), after a group of
 * digits that is no year ("0176 2010 2015") or after an area code in
 * brackets ("(555) 2010-2015"). */
bool in_number_chain(const mctx *c, size_t i)
{
    int y;
    if (i > 0 && c->t[i - 1].kind == DT_K_NUM && !(c->t[i - 1].flags & DT_F_NSEP) &&
        tlen(c, i - 1) >= 3 && !is_year_tok(c, i - 1, &y))
        return true;
    if (i >= 3 && is_p(c, i - 1, ')') && is_int(c, i - 2, 3) && tlen(c, i - 2) == 3 &&
        is_p(c, i - 3, '('))
        return true;
    return (i >= 2 && glued_dash(c, i - 1) && c->t[i - 2].kind == DT_K_NUM) ||
           (glued_dash(c, i + 1) && has(c, i + 2) && c->t[i + 2].kind == DT_K_NUM &&
            i + 3 < c->n && glued_dash(c, i + 3));
}

/* An en dash with a space on both sides ("2014 – 15").  A spaced hyphen
 * is not one: in plain ASCII text it stands for a dash that sets off a
 * clause ("in 2014 - 15 people died"). */
static bool spaced_en_dash(const mctx *c, size_t i)
{
    if (!has(c, i + 1) || c->t[i].kind != DT_K_PUNCT || tight(c, i) || tight(c, i + 1))
        return false;
    const unsigned char *p = (const unsigned char *)c->text + c->t[i].start;
    return tlen(c, i) == 3 && p[0] == 0xE2 && p[1] == 0x80 && p[2] == 0x93;
}

size_t year_range_end(const mctx *c, size_t i, int y1, int *y2)
{
    /* Spaced, only a two-digit year that follows the first ("2014 – 15",
     * a season or a fiscal year); a full year after a spaced dash is a
     * year of its own already, and "in 2014 - 15 died" would be a count. */
    if (spaced_en_dash(c, i + 1) && is_int(c, i + 2, 2) && tlen(c, i + 2) == 2 &&
        c->t[i + 2].num == (y1 + 1) % 100 && !(has(c, i + 3) && cls(c, i + 3) == DT_C_UNIT) &&
        !(i > 0 && c->t[i - 1].kind == DT_K_NUM) && !in_number_chain(c, i + 2)) {
        *y2 = y1 + 1;
        return i + 3;
    }
    if (!glued_dash(c, i + 1) || !has(c, i + 2) || c->t[i + 2].kind != DT_K_NUM ||
        (i >= 2 && glued_dash(c, i - 1) && c->t[i - 2].kind == DT_K_NUM) ||
        (glued_dash(c, i + 3) && has(c, i + 4) && c->t[i + 4].kind == DT_K_NUM) ||
        (i > 0 && is_p(c, i - 1, '+')))
        return 0;
    int y;
    if (is_year_tok(c, i + 2, &y)) {
        if (y <= y1 || y - y1 > 100)
            return 0;
    } else if (is_int(c, i + 2, 2) && tlen(c, i + 2) == 2) {
        int yy = c->t[i + 2].num;
        /* "1984-85", "2010-11"; "2023-02" is a month (r_numeric) */
        if (yy <= y1 % 100 || (yy <= 12 && yy != y1 % 100 + 1))
            return 0;
        y = y1 - y1 % 100 + yy;
    } else {
        return 0;
    }
    *y2 = y;
    return i + 3;
}

size_t decade_range_end(const mctx *c, size_t e, const char *v, char *v2)
{
    if (strlen(v) != 3 || v[0] < '0' || v[0] > '9' || !glued_dash(c, e) || !has(c, e + 1))
        return 0;
    const dt_tok *t = &c->t[e + 1];
    size_t n = tlen(c, e + 1);
    char suf[8];
    if (t->kind != DT_K_NUM || !(t->flags & DT_F_NSUF) || (t->flags & DT_F_NSEP) ||
        (n != 3 && n != 5) || t->num % 10 != 0)
        return 0;
    num_suffix(c, e + 1, suf, sizeof suf);
    if (strcmp(suf, "s"))
        return 0;
    int d = t->num / 10; /* "90s": 9, "1990s": 199 */
    int first = (v[0] - '0') * 100 + (v[1] - '0') * 10 + (v[2] - '0');
    int second = n == 3 ? first - first % 10 + d : d;
    if (second <= first || second - first > 9)
        return 0;
    v2[0] = (char)('0' + second / 100);
    v2[1] = (char)('0' + second / 10 % 10);
    v2[2] = (char)('0' + second % 10);
    v2[3] = '\0';
    return e + 2;
}

/* Two capitalised words in mid-sentence make a title or a name ("ABC's This
 * Week", "VOA Today"), not a time. */
bool in_title(const mctx *c, size_t s, size_t e)
{
    if (!capitalised(c, e - 1) || (c->t[e - 1].flags & DT_F_UPPER) || sentence_break_before(c, s))
        return false;
    if (e - s >= 2 && capitalised(c, s))
        return true;
    return s > 0 && capitalised(c, s - 1) && c->t[s - 1].kind == DT_K_WORD &&
           c->t[s - 1].cls == DT_C_NONE && !sentence_break_before(c, s - 1);
}
