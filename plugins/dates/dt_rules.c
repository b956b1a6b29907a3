/* dt_rules.c -- the rule functions: each looks for one kind of expression
 * at a start token.  See dt_mctx.h. */
#include "dt_mctx.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

static size_t p_spelled_year(const mctx *c, size_t i, int *year);
static size_t p_year_any(const mctx *c, size_t i, int *y);

/* The year of month m (day d, 0 for none) written without one in [s, j):
 * the nearest to the reference date by the tense, or for a day in a story
 * told in the past the nearest to the date it is at ("On March 3, 2009,
 * ... On March 4"); *anch gets 1 or 2.  A month alone keeps to the
 * reference date: news goes back to its own days after a look at the past
 * ("in late November" after "Jan. 1, 1959"). */
static int month_year(const mctx *c, int m, int d, size_t s, size_t j, int *anch)
{
    if (d && narrative_past(c)) {
        *anch = 2;
        return infer_year((dt_ymd){c->narr.y, c->narr.m, c->narr.d}, m, d, 0);
    }
    *anch = 1;
    return infer_year(c->ref, m, d, tense(c, s, j));
}

/* Month-based absolute dates: "March 5, 2023", "Mar. 5", "5 March 2023",
 * "the fifth of March", "March 2023", "Monday, Feb. 6", "March". */
/* Token i is glued to the one before and is no comma or full stop: the
 * dashed date before it goes on ("Aug-1-2019-5" is a code). */
static bool glued_after(const mctx *c, size_t i)
{
    return has(c, i) && tight(c, i) && !is_p(c, i, ',') && !is_p(c, i, '.');
}

bool r_month(const mctx *c, size_t s, res *r)
{
    size_t i = s;
    int m = 0, d = 0, y = 0;
    bool weekday = false;
    size_t ym;
    /* year first, as some wires and logs write it: "2021 Oct 3", "2021
     * October 3rd"; the day must follow, "2021 October" is two phrases */
    if (is_year_tok(c, i, &y) && !(has(c, i + 1) && tight(c, i + 1)) &&
        (ym = p_month(c, i + 1, &m)) != 0 && is_day_tok(c, ym, &d) &&
        !(has(c, ym + 1) && tight(c, ym + 1) && !is_p(c, ym + 1, ',') && !is_p(c, ym + 1, '.')) &&
        cls(c, ym + 1) != DT_C_UNIT && dt_valid(y, m, d)) {
        r->end = ym + 1;
        r->label = DT_L_DATE;
        put(r, "%04d-%02d-%02d", y, m, d);
        return true;
    }
    y = m = d = 0;
    if (cls(c, i) == DT_C_WEEKDAY && !c->t[i].sub && capitalised(c, i)) {
        size_t j = i + 1;
        if (is_p(c, j, ','))
            j++;
        if (cls(c, j) == DT_C_MONTH) {
            weekday = true;
            i = j;
        } else {
            return false;
        }
    }
    size_t j = p_month(c, i, &m);
    if (j) {
        size_t k_sp;
        int dd;
        int d_next;
        int o;
        size_t ko;
        /* a glued slash or hyphen: "Oct/2", "Dec-2018" */
        if ((is_p(c, j, '/') || is_p(c, j, '-')) && tight(c, j) && tight(c, j + 1) &&
            j == i + 1 && (is_day_tok(c, j + 1, &dd) || is_year_tok(c, j + 1, &y)) &&
            !(has(c, j + 2) && tight(c, j + 2) && c->t[j + 2].kind != DT_K_PUNCT)) {
            char sep = c->text[c->t[j].start];
            y = 0;
            j++;
            if (is_day_tok(c, j, &dd) && is_p(c, j + 1, sep) && tight(c, j + 1) &&
                tight(c, j + 2) && is_year_tok(c, j + 2, &y) &&
                !glued_after(c, j + 3) && dt_valid(y, m, dd)) {
                /* "Aug-1-2019": the same mark before the year */
                r->end = j + 3;
                r->label = DT_L_DATE;
                put(r, "%04d-%02d-%02d", y, m, dd);
                return true;
            }
            y = 0;
        }
        /* "December the fifth", spoken and in transcripts */
        size_t jo = j == i + 1 && is_w(c, j, "the") && capitalised(c, i) ? j + 1 : j;
        if (!is_day_tok(c, jo, &dd) && (ko = p_ordinal(c, jo, &o)) && o >= 1 && o <= 31 &&
            !is_w(c, ko, "of")) {
            /* "January first 2000", "January first, 2000" */
            size_t k = is_p(c, ko, ',') ? ko + 1 : ko;
            if (is_year_tok(c, k, &y) && dt_valid(y, m, o)) {
                r->end = k + 1;
                r->label = DT_L_DATE;
                put(r, "%04d-%02d-%02d", y, m, o);
                return true;
            }
            /* without a year ("on March first."): after a preposition of
             * time, a capitalised full month name other than May, and the
             * ordinal ends the phrase ("March first-quarter sales" and "in
             * March first Smith" do not; nor an apposition, "Sunday,
             * March eighth", where TBAQ marks one span) */
            static const char *const on[] = {"on",     "by",     "until", "till", "since",
                                             "before", "after",  "from",  "of",   "through",
                                             NULL};
            if (ko == jo + 1 && j == i + 1 && capitalised(c, i) && !c->t[i].sub && m != 5 &&
                s > 0 && is_any(c, s - 1, on) &&
                (!has(c, ko) || (c->t[ko].kind == DT_K_PUNCT && !glued_dash(c, ko))) &&
                !weekday) {
                y = month_year(c, m, o, s, ko, &r->anch);
                if (dt_valid(y, m, o)) {
                    r->end = ko;
                    r->label = DT_L_DATE;
                    put(r, "%04d-%02d-%02d", y, m, o);
                    return true;
                }
                r->anch = 0;
            }
            y = 0;
        }
        if (is_day_tok(c, j, &dd) &&
            !(is_p(c, j + 1, '-') && tight(c, j + 1) && !is_day_tok(c, j + 2, &d_next))) {
            d = dd;
            j++;
            size_t k = j;
            if (is_p(c, k, ','))
                k++;
            if (is_year_tok(c, k, &y))
                j = k + 1;
            else if (is_p(c, j, '-') && tight(c, j) && is_day_tok(c, j + 1, &d_next)) {
                /* "March 12-14, 1999": the year written after the range */
                k = j + 2;
                if (is_p(c, k, ','))
                    k++;
                if (!is_year_tok(c, k, &y))
                    y = 0;
            }
        } else if (is_year_tok(c, j, &y)) {
            j++;
        } else if (is_w(c, j, "of") && is_year_tok(c, j + 1, &y)) {
            j += 2;
        } else if ((k_sp = p_spelled_year(c, j, &y)) != 0) {
            j = k_sp;
        } else if (weekday) {
            return false;
        } else {
            /* the month alone: a name, a verb or a modal unless context says
             * it is a time ("in May", "last March", "early December") */
            static const char *const preps[] = {
                "in",         "by",     "since", "until",     "till",    "through", "during",
                "of",         "last",   "next",  "this",      "early",   "late",    "mid",
                "from",       "before", "after", "for",       "between", "to",      "and",
                "or",         "that",   "each",  "every",     "into",    "around",  "on",
                "throughout", "since",  "end",   "beginning", "middle",  "late",    "earlier",
                "later",      NULL};
            bool ok = s > 0 &&
                      (is_any(c, s - 1, preps) || (is_p(c, s - 1, '-') && is_w(c, s - 2, "mid")));
            /* "the March accession": a month naming an event */
            if (!ok && s > 0 && is_w(c, s - 1, "the") && has(c, j) && c->t[j].kind == DT_K_WORD &&
                !capitalised(c, j) && c->t[j].cls == DT_C_NONE && !is_w(c, j, "of"))
                ok = true;
            if (m == 5 && !ok)
                return false;
            if (m == 5 && is_w(c, s - 1, "to"))
                return false;
            if (!ok && (c->t[s].flags & DT_F_UPPER))
                return false;
            if (!ok &&
                (is_w(c, j, "on") || is_w(c, j, "to") || is_w(c, j, "against") ||
                 is_w(c, j, "through") || cls(c, j) == DT_C_NONE) &&
                capitalised(c, j))
                return false; /* "March Madness", "April Jones" */
            if (!ok && (c->t[s].sub || m == 3 || m == 8))
                return false; /* "Mar" "march" "august" need context */
            r->end = j;
            r->label = DT_L_DATE;
            size_t yi = cls(c, j) == DT_C_PARTDAY ? j + 1 : j;
            int ya;
            if (is_w(c, yi, "in") && is_year_tok(c, yi + 1, &ya)) {
                /* "that March morning in 2014": the year told after it */
                put(r, "%04d-%02d", ya, m);
                return true;
            }
            if ((is_w(c, j, "this") || is_w(c, j, "last") || is_w(c, j, "next")) &&
                is_w(c, j + 1, "year")) {
                /* "January this year", "June last year" */
                int yk = is_w(c, j, "this") ? 0 : is_w(c, j, "last") ? -1 : 1;
                r->end = j + 2;
                put(r, "%04d-%02d", c->ref.y + yk, m);
                r->anch = 1;
            } else {
                put(r, "%04d-%02d", month_year(c, m, 0, s, j, &r->anch), m);
            }
            r->the_ok = false;
            return true;
        }
        r->end = j;
        r->label = DT_L_DATE;
        if (d && !y)
            y = month_year(c, m, d, s, j, &r->anch);
        if (d) {
            if (!dt_valid(y, m, d))
                return false;
            put(r, "%04d-%02d-%02d", y, m, d);
        } else {
            put(r, "%04d-%02d", y, m);
        }
        return true;
    }
    /* day first: "5 March 2023", "the fifth of March" */
    i = s;
    size_t gk;
    if (c->t[i].kind == DT_K_NUM && tight(c, i + 1) && c->t[i + 1].kind == DT_K_PUNCT &&
        glued_dash(c, i + 1) && is_day_tok(c, i, &d) &&
        (gk = p_month(c, i + 2, &m)) == i + 3 &&
        glued_dash(c, gk) && is_year_tok(c, gk + 1, &y) && !glued_after(c, gk + 2) &&
        dt_valid(y, m, d)) {
        /* "1-Aug-2019", as logs and forms write it */
        r->end = gk + 2;
        r->label = DT_L_DATE;
        put(r, "%04d-%02d-%02d", y, m, d);
        return true;
    }
    m = y = 0;
    if (is_day_tok(c, i, &d)) {
        j = i + 1;
    } else if ((j = p_ordinal(c, i, &d)) && d >= 1 && d <= 31 && is_w(c, j, "of")) {
        j++;
    } else {
        return false;
    }
    if (is_w(c, j, "of"))
        j++;
    size_t k = p_month(c, j, &m);
    if (!k)
        return false;
    j = k;
    if (is_p(c, j, ',') && is_year_tok(c, j + 1, &y))
        j += 2;
    else if (is_year_tok(c, j, &y))
        j++;
    if (!y)
        y = month_year(c, m, d, s, j, &r->anch);
    if (!dt_valid(y, m, d))
        return false;
    r->end = j;
    r->label = DT_L_DATE;
    put(r, "%04d-%02d-%02d", y, m, d);
    r->the_ok = true;
    return true;
}

/* Words after a year that show it is a count: "2016 units". */
static bool count_noun_after(const mctx *c, size_t j)
{
    if (!has(c, j))
        return false;
    if (is_p(c, j, '%') || is_w(c, j, "percent") || is_w(c, j, "per"))
        return true;
    if (c->t[j].kind != DT_K_WORD || capitalised(c, j) || c->t[j].cls != DT_C_NONE)
        return false;
    size_t n = tlen(c, j);
    const char *w = c->text + c->t[j].start;
    /* a lowercase plural noun right after the number; -ss, -us and -is end
     * singulars ("a 2016 thesis", "the 2012 crisis") */
    return n > 3 && (w[n - 1] | 0x20) == 's' && (w[n - 2] | 0x20) != 's' &&
           (w[n - 2] | 0x20) != 'u' && (w[n - 2] | 0x20) != 'i' &&
           !(is_p(c, j + 1, '\'') && tight(c, j + 1));
}

/* A year written in words at i: "nineteen ninety-six", "nineteen oh five",
 * "two thousand", "two thousand and three".  Returns the next index or 0. */
static size_t p_spelled_year(const mctx *c, size_t i, int *year)
{
    if (cls(c, i) != DT_C_NUMWORD)
        return 0;
    int a = c->t[i].val, yy = -1;
    size_t j = i + 1;
    if (a >= 11 && a <= 19 && cls(c, j) == DT_C_NUMWORD) {
        int b = c->t[j].val;
        if (b >= 20 && b <= 90 && b % 10 == 0) {
            yy = a * 100 + b;
            j++;
            if (is_hyph(c, j) && cls(c, j + 1) == DT_C_NUMWORD && c->t[j + 1].val < 10) {
                yy += c->t[j + 1].val;
                j += 2;
            }
        } else if (b >= 10 && b <= 19) {
            yy = a * 100 + b;
            j++;
        } else if (b == 100 && i > 0 &&
                   (is_w(c, i - 1, "in") || is_w(c, i - 1, "since") || is_w(c, i - 1, "year"))) {
            yy = a * 100; /* "in twelve hundred", not "twelve hundred students" */
            j++;
        }
    } else if (a >= 11 && a <= 19 && is_w(c, j, "oh") && cls(c, j + 1) == DT_C_NUMWORD &&
               c->t[j + 1].val < 10) {
        yy = a * 100 + c->t[j + 1].val;
        j += 2;
    } else if (a == 2 && is_w(c, j, "thousand")) {
        yy = 2000;
        j++;
        size_t k = is_w(c, j, "and") ? j + 1 : j;
        if (cls(c, k) == DT_C_NUMWORD && c->t[k].val < 100) {
            yy += c->t[k].val;
            j = k + 1;
            if (c->t[k].val >= 20 && is_hyph(c, j) && cls(c, j + 1) == DT_C_NUMWORD &&
                c->t[j + 1].val < 10) {
                yy += c->t[j + 1].val;
                j += 2;
            }
        }
    }
    /* "two thousand people", "nineteen twenty-dollar bills" are counts */
    if (yy < 1000 || count_noun_after(c, j) || cls(c, j) == DT_C_UNIT || is_w(c, j, "dollars") ||
        is_w(c, j, "people") || is_hyph(c, j))
        return 0;
    *year = yy;
    return j;
}

/* A year in digits or in words at i; returns the next index or 0. */
static size_t p_year_any(const mctx *c, size_t i, int *y)
{
    if (is_year_tok(c, i, y))
        return i + 1;
    return p_spelled_year(c, i, y);
}

/* Years, decades, centuries: "2016", "fiscal 1989", "1990s", "the '90s",
 * "mid-1990s", "the 21st century", "2027 or later". */
bool r_year(const mctx *c, size_t s, res *r)
{
    size_t i = s;
    bool fiscal = false;
    if (cls(c, i) == DT_C_FISCAL) {
        fiscal = true;
        i++;
    } else if (is_w(c, i, "fy") && (c->t[i].flags & DT_F_UPPER) && tight(c, i + 1)) {
        fiscal = true; /* "FY2023" */
        i++;
    }
    int y;
    if ((is_w(c, i, "post") || is_w(c, i, "pre")) && is_hyph(c, i + 1) &&
        is_year_tok(c, i + 2, &y)) {
        /* "post-1959 politics", "pre-1990 levels" */
        r->end = i + 3;
        r->label = DT_L_DATE;
        r->mod = is_w(c, i, "post") ? "AFTER" : "BEFORE";
        put(r, "%04d", y);
        return true;
    }
    if (is_year_tok(c, i, &y)) {
        size_t j = i + 1;
        if (!fiscal) {
            if (s > 0 &&
                (is_p(c, s - 1, '$') || is_p(c, s - 1, '#') || is_w(c, s - 1, "no") ||
                 is_w(c, s - 1, "number") || is_w(c, s - 1, "flight") || is_w(c, s - 1, "route") ||
                 is_w(c, s - 1, "room") || is_w(c, s - 1, "model") || is_w(c, s - 1, "at") ||
                 ((is_p(c, s - 1, '.') || is_p(c, s - 1, ',') || is_p(c, s - 1, ':')) &&
                  tight(c, s))))
                return false;
            /* after an article or a possessive a year before a plural is
             * a year ("the 1992 protests", "his 2004 races"): a count would
             * have its thousands separated */
            static const char *const dets[] = {"a",   "an",    "the", "his", "her",
                                               "its", "their", "our", "my",  NULL};
            bool det = s > 0 && is_any(c, s - 1, dets) && y >= 1900 && y < 2100 && y % 100 != 0;
            if (!det && count_noun_after(c, j))
                return false;
            static const char *const measures[] = {
                "tv", "mw", "gw",  "kw",  "kwh", "mb",  "gb",  "tb", "hp", "cc", "mm", "cm", "km",
                "kg", "lb", "lbs", "rpm", "dpi", "mph", "psi", "ft", "m",  "g",  "k",  NULL};
            if (is_any(c, j, measures))
                return false; /* a measure: "1080 TV", "2000 MW", "1500 m" */
            /* a preposition is no name, wherever the sentence starts ("He
             * said so. In 2015 ...") */
            static const char *const preps[] = {
                "in",    "by",     "since",  "until",   "till",       "from",   "for",   "during",
                "after", "before", "of",     "at",      "through",    "around", "about", "circa",
                "until", "to",     "within", "between", "throughout", "as",     "than",  "and",
                "or",    "but",    "then",   "ca",      NULL};
            if (s > 0 && capitalised(c, s - 1) && c->t[s - 1].kind == DT_K_WORD &&
                c->t[s - 1].cls == DT_C_NONE && !sentence_break_before(c, s - 1) && !tight(c, s) &&
                !(c->t[s - 1].flags & DT_F_UPPER) && !is_any(c, s - 1, preps))
                return false; /* a name: "Orion 1980" */
            if (in_number_chain(c, i))
                return false; /* a phone number: "+86 138-2010-2015" */
            int y2;
            if (!year_range_end(c, i, y, &y2) && (is_p(c, j, '-') || is_p(c, j, '/')) &&
                tight(c, j) && has(c, j + 1) && c->t[j + 1].kind == DT_K_NUM && tight(c, j + 1))
                return false; /* 2023-02 (handled by r_numeric); a range is two dates */
        }
        r->end = j;
        r->label = DT_L_DATE;
        put(r, "%04d", y);
        if (!fiscal && s > 0 && is_w(c, s - 1, "the") &&
            (is_w(c, j, "quarter") || is_w(c, j, "period"))) {
            /* "the 1988 quarter": the quarter of the report, in that year */
            int q = c->qtr.gran == G_QUARTER ? c->qtr.q : (quarter_of(c->ref.m) + 2) % 4 + 1;
            r->end = j + 1;
            r->the_ok = true;
            r->derived = true;
            put(r, "%04d-Q%d", y, q);
            return true;
        }
        if (is_w(c, j, "or") && (is_w(c, j + 1, "later") || is_w(c, j + 1, "after"))) {
            r->mod = "ON_OR_AFTER";
            r->end = j + 2;
        } else if (is_w(c, j, "or") && (is_w(c, j + 1, "earlier") || is_w(c, j + 1, "before"))) {
            r->mod = "ON_OR_BEFORE";
            r->end = j + 2;
        }
        return true;
    }
    if (fiscal)
        return false;
    /* spelled-out years: "nineteen ninety-six", "two thousand and three" */
    size_t sj = p_spelled_year(c, i, &y);
    if (sj) {
        r->end = sj;
        r->label = DT_L_DATE;
        put(r, "%04d", y);
        return true;
    }
    /* "the nineties", "the early eighties": decades of the 20th century */
    if (cls(c, i) == DT_C_DECADE && s > 0 &&
        (is_w(c, s - 1, "the") || is_w(c, s - 1, "early") || is_w(c, s - 1, "late") ||
         is_w(c, s - 1, "mid") || (is_p(c, s - 1, '-') && is_w(c, s - 2, "mid")))) {
        r->end = i + 1;
        r->label = DT_L_DATE;
        put(r, "19%d", c->t[i].val);
        r->the_ok = true;
        return true;
    }
    /* decades */
    size_t j = i;
    bool apos = false;
    if (has(c, j) && c->t[j].kind == DT_K_PUNCT && (c->t[j].flags & DT_F_APOS) && tight(c, j + 1)) {
        apos = true;
        j++;
    }
    if (has(c, j) && c->t[j].kind == DT_K_NUM && (c->t[j].flags & DT_F_NSUF) &&
        !(c->t[j].flags & DT_F_NSEP)) {
        char suf[8];
        num_suffix(c, j, suf, sizeof suf);
        size_t nd = tlen(c, j) - strlen(suf);
        int v = c->t[j].num;
        if (!strcmp(suf, "s") && v % 10 == 0) {
            int decade;
            if (nd == 4 && v >= DT_YEAR_MIN && v <= DT_YEAR_MAX)
                decade = v / 10;
            else if (nd == 2)
                decade = (v <= 10 ? 200 : 190) + v / 10;
            else
                return false;
            if (nd == 2 && !apos && !is_w(c, i - 1, "the") && !is_w(c, i - 1, "early") &&
                !is_w(c, i - 1, "late") && !(is_p(c, i - 1, '-') && is_w(c, i - 2, "mid")))
                return false; /* "in his 60s" is an age */
            r->end = j + 1;
            r->label = DT_L_DATE;
            put(r, "%03d", decade);
            r->the_ok = true;
            return true;
        }
    }
    /* centuries */
    int o;
    size_t k = p_ordinal(c, i, &o);
    if (k && o >= 1 && o <= 30 && is_w(c, k, "century")) {
        r->end = k + 1;
        r->label = DT_L_DATE;
        put(r, "%02d", o - 1);
        r->the_ok = true;
        return true;
    }
    return false;
}

/* ISO dates and numeric dates: "2023-02-07", "3/5/2023", "3/5/98". */
bool r_numeric(const mctx *c, size_t s, res *r)
{
    int y, m, d;
    if (is_year_tok(c, s, &y) && is_p(c, s + 1, '-') && tight(c, s + 1) && is_int(c, s + 2, 2) &&
        tight(c, s + 2)) {
        m = c->t[s + 2].num;
        if (is_p(c, s + 3, '-') && tight(c, s + 3) && is_int(c, s + 4, 2) && tight(c, s + 4)) {
            d = c->t[s + 4].num;
            if (!dt_valid(y, m, d))
                return false;
            r->end = s + 5;
            r->label = DT_L_DATE;
            put(r, "%04d-%02d-%02d", y, m, d);
            return true;
        }
        return false;
    }
    size_t k;
    if (is_year_tok(c, s, &y) && is_p(c, s + 1, '-') && tight(c, s + 1) && tight(c, s + 2) &&
        cls(c, s + 2) == DT_C_MONTH && (m = c->t[s + 2].val, k = s + 3) != 0 && is_p(c, k, '-') &&
        tight(c, k) &&
        tight(c, k + 1) && is_day_tok(c, k + 1, &d) && dt_valid(y, m, d)) {
        r->end = k + 2; /* "2019-aug-1" */
        r->label = DT_L_DATE;
        put(r, "%04d-%02d-%02d", y, m, d);
        return true;
    }
    if (!has(c, s) || c->t[s].kind != DT_K_NUM || !(c->t[s].flags & DT_F_NSEP) ||
        (c->t[s].flags & DT_F_NSUF))
        return false;
    const char *p = c->text + c->t[s].start;
    size_t n = tlen(c, s);
    int parts[3] = {0, 0, 0}, np = 0, v = 0, nd = 0, last_nd = 0, first_nd = 0;
    /* "12.03.2021": the dotted form is day first, with a four-digit year */
    char sep = memchr(p, '/', n) ? '/' : '.';
    for (size_t q = 0; q <= n; q++) {
        if (q == n || p[q] == sep) {
            if (np == 3 || nd == 0)
                return false;
            parts[np++] = v;
            if (np == 1)
                first_nd = nd;
            last_nd = nd;
            v = nd = 0;
        } else if (p[q] >= '0' && p[q] <= '9') {
            if (++nd > 4)
                return false; /* no part of m/d/y has five digits; also keeps v in range */
            v = v * 10 + (p[q] - '0');
        } else {
            return false;
        }
    }
    if (np == 2 && sep == '/' && first_nd == 4 && parts[0] >= DT_YEAR_MIN &&
        parts[0] < DT_YEAR_MAX &&
        ((last_nd == 2 && parts[1] == (parts[0] + 1) % 100) ||
         (last_nd == 4 && parts[1] == parts[0] + 1))) {
        /* "2010/11", "2010/2011": a season or a fiscal year across two
         * calendar years, one token and so one TIMEX3; TimeML has no value
         * for such a span, and it is named by the year it opens in */
        r->end = s + 1;
        r->label = DT_L_DATE;
        put(r, "%04d", parts[0]);
        return true;
    }
    if (np == 2 && last_nd == 2 && n == 5 && sep == '/') {
        /* "22/04": a day and a month, one of the two beyond 12 */
        d = parts[0] > 12 ? parts[0] : parts[1];
        m = parts[0] > 12 ? parts[1] : parts[0];
        if ((parts[0] > 12) == (parts[1] > 12) || m < 1 || d > 31 ||
            (s > 0 && c->t[s - 1].kind == DT_K_NUM))
            return false;
        y = infer_year(c->ref, m, d, tense(c, s, s + 1));
        if (!dt_valid(y, m, d))
            return false;
        r->end = s + 1;
        r->label = DT_L_DATE;
        r->anch = 1;
        put(r, "%04d-%02d-%02d", y, m, d);
        return true;
    }
    if (np != 3 || (sep == '.' && last_nd != 4))
        return false;
    m = sep == '.' ? parts[1] : parts[0];
    d = sep == '.' ? parts[0] : parts[1];
    y = parts[2];
    if (last_nd == 2)
        y += y < 50 ? 2000 : 1900;
    else if (last_nd != 4)
        return false;
    if (!dt_valid(y, m, d))
        return false;
    r->end = s + 1;
    r->label = DT_L_DATE;
    put(r, "%04d-%02d-%02d", y, m, d);
    return true;
}

/* "yesterday", "today", "tomorrow", "tonight", "yesterday morning",
 * "this morning", "last night", "tomorrow night". */
bool r_relday(const mctx *c, size_t s, res *r)
{
    if (cls(c, s) == DT_C_RELDAY) {
        if (in_title(c, s, s + 1))
            return false;
        int v = c->t[s].val;
        dt_ymd d = dt_add_days(c->ref, v == 2 ? 0 : v);
        r->anch = 1;
        size_t j = s + 1;
        if (v == 2) {
            r->end = j;
            r->label = DT_L_TIME;
            put(r, "%04d-%02d-%02dTNI", d.y, d.m, d.d);
            return true;
        }
        if (cls(c, j) == DT_C_PARTDAY && !c->t[j].sub && c->t[j].val != DT_P_OVERNIGHT) {
            r->end = j + 1;
            r->label = DT_L_TIME;
            put(r, "%04d-%02d-%02dT%s", d.y, d.m, d.d, part_code(c->t[j].val));
            return true;
        }
        /* "today's" stays a date; "today's world", "today's youth" name
         * the present era, not a day: PRESENT_REF, as TimeML 1.2.1 writes
         * a generic "today" */
        static const char *const generic[] = {
            "world",    "youth",   "society",    "generation", "children",  "kids",     "teenagers",
            "young",    "culture", "technology", "computers",  "standards", "families", "teens",
            "students", "parents", "consumers",  "adults",     "athletes",  "voters",   "farmers",
            "workers",  "women",   "men",        "people",     "musicians", "artists",  "writers",
            "doctors",  "drivers", "players",    "readers",    "viewers",   "cars",     "phones",
            "smartphones", "economy", "schools", "media", NULL};
        /* one adjective may come between: "today's personal computers" */
        size_t g = j + 2;
        if (has(c, g) && c->t[g].kind == DT_K_WORD && c->t[g].cls == DT_C_NONE &&
            !capitalised(c, g) && !is_any(c, g, generic))
            g++;
        if (v == 0 && has(c, j + 1) && (c->t[j].flags & DT_F_APOS) && is_w(c, j + 1, "s") &&
            is_any(c, g, generic)) {
            r->end = j;
            r->label = DT_L_DATE;
            put(r, "PRESENT_REF");
            return true;
        }
        r->end = j;
        r->label = DT_L_DATE;
        put_day(r, d);
        return true;
    }
    /* "mid-afternoon", "mid afternoon yesterday": a part of the day that
     * only a day word after it moves off the reference date */
    size_t pm = s;
    if (is_w(c, pm, "mid"))
        pm += is_hyph(c, pm + 1) ? 2 : 1;
    if (pm > s && cls(c, pm) == DT_C_PARTDAY && !c->t[pm].sub && c->t[pm].val != DT_P_OVERNIGHT &&
        c->t[pm].val != DT_P_NI) {
        dt_ymd d = c->ref;
        size_t e = pm + 1;
        if (cls(c, e) == DT_C_RELDAY && c->t[e].val != 2) {
            d = dt_add_days(d, c->t[e].val);
            e++;
        }
        r->end = e;
        r->anch = 1;
        r->label = DT_L_TIME;
        r->no_prefix = true;
        put(r, "%04d-%02d-%02dT%s", d.y, d.m, d.d, part_code(c->t[pm].val));
        return true;
    }
    /* "in the morning", "during the afternoon": the day being told (the
     * last day the text named, else the reference date); not "the
     * morning of March 5" */
    if (is_w(c, s, "the") && s > 0 && (is_w(c, s - 1, "in") || is_w(c, s - 1, "during")) &&
        cls(c, s + 1) == DT_C_PARTDAY && !c->t[s + 1].sub && c->t[s + 1].val != DT_P_OVERNIGHT &&
        c->t[s + 1].val != DT_P_NI && !is_w(c, s + 2, "of") &&
        !(s > 1 && c->t[s - 2].kind == DT_K_NUM)) {
        dt_ymd d = c->ref;
        r->anch = 1;
        if (c->narr.gran == G_DAY) {
            d = (dt_ymd){c->narr.y, c->narr.m, c->narr.d};
            r->anch = 2;
        }
        r->end = s + 2;
        r->label = DT_L_TIME;
        put(r, "%04d-%02d-%02dT%s", d.y, d.m, d.d, part_code(c->t[s + 1].val));
        return true;
    }
    /* "overnight losses", "overnight trading": the night before the day
     * being told (the adverb, "talks went on overnight", is left) */
    if (cls(c, s) == DT_C_PARTDAY && c->t[s].val == DT_P_OVERNIGHT && has(c, s + 1) &&
        c->t[s + 1].kind == DT_K_WORD && c->t[s + 1].cls == DT_C_NONE && !capitalised(c, s + 1) &&
        !(c->t[s + 1].flags & DT_F_LINE) && s > 0 && !is_w(c, s - 1, "stay") &&
        !is_w(c, s - 1, "stayed")) {
        static const char *const nouns[] = {"losses",  "loss",   "gains",   "gain", "trading",
                                            "session", "rally",  "decline", "drop", "rise",
                                            "selling", "buying", "fall",    NULL};
        if (!is_any(c, s + 1, nouns))
            return false;
        dt_ymd d = c->ref;
        r->anch = 1;
        if (c->narr.gran == G_DAY) {
            d = (dt_ymd){c->narr.y, c->narr.m, c->narr.d};
            r->anch = 2;
        }
        d = dt_add_days(d, -1);
        r->end = s + 1;
        r->label = DT_L_TIME;
        put(r, "%04d-%02d-%02dTNI", d.y, d.m, d.d);
        return true;
    }
    if ((is_w(c, s, "this") || is_w(c, s, "last")) && cls(c, s + 1) == DT_C_PARTDAY &&
        !c->t[s + 1].sub && c->t[s + 1].val != DT_P_OVERNIGHT) {
        int part = c->t[s + 1].val;
        dt_ymd d = c->ref;
        if (is_w(c, s, "last")) {
            if (part != DT_P_NI && part != DT_P_EV)
                return false;
            d = dt_add_days(d, -1);
        }
        r->end = s + 2;
        r->anch = 1;
        r->label = DT_L_TIME;
        put(r, "%04d-%02d-%02dT%s", d.y, d.m, d.d, part_code(part));
        return true;
    }
    return false;
}

/* Prepositions that make "that fall" a season, not a relative clause. */
static const char *const k_season_preps[] = {"in", "during", "by", "until", "since", "of", "through",
                                             NULL};

/* The words for a part of a period before "of the decade". */
static const char *const k_period_edges[] = {"end",    "beginning", "start",     "middle",
                                             "close",  "rest",      "remainder", NULL};

/* Value of "this/last/next UNIT" shifted by `k` units from the reference. */
static bool unit_value(res *r, dt_ymd ref, int unit, int k)
{
    switch (unit) {
    case DT_U_YEAR:
        put(r, "%04d", ref.y + k);
        return true;
    case DT_U_MONTH: {
        dt_ymd d = dt_add_months((dt_ymd){ref.y, ref.m, 1}, k);
        put(r, "%04d-%02d", d.y, d.m);
        return true;
    }
    case DT_U_WEEK:
        put_week(r, dt_add_days(ref, 7L * k));
        return true;
    case DT_U_DAY:
        put_day(r, dt_add_days(ref, k));
        return true;
    case DT_U_QUARTER: {
        int idx = ref.y * 4 + quarter_of(ref.m) - 1 + k;
        put(r, "%04d-Q%d", idx / 4, idx % 4 + 1);
        return true;
    }
    case DT_U_DECADE:
        put(r, "%03d", (ref.y + 10 * k) / 10);
        return true;
    case DT_U_CENTURY:
        put(r, "%02d", (ref.y + 100 * k) / 100);
        return true;
    case DT_U_WEEKEND: {
        /* the weekend of this week: days 6 and 7 of the ISO week */
        put_week(r, dt_add_days(ref, 7L * k));
        size_t n = strlen(r->value);
        snprintf(r->value + n, sizeof r->value - n, "-WE");
        return true;
    }
    default:
        return false;
    }
}

/* A comparison just before token s: "compared with", "versus".  "From"
 * alone is no cue: "down from $21 million last year" compares with the
 * year as a whole as often as with its quarter. */
static bool comparison_before(const mctx *c, size_t s)
{
    static const char *const cues[] = {"compared", "comparison", "versus", "vs", "against", NULL};
    for (size_t k = s, steps = 0; k > 0 && steps < 8; steps++) {
        if (sentence_break_before(c, k))
            break;
        k--;
        if (is_any(c, k, cues))
            return true;
    }
    return false;
}

/* "last week", "this year", "next month", "the coming year", "the past
 * year", "last April", "this summer", "last fall", "the weekend",
 * "earlier this year" (with the prefix), "this past spring". */
bool r_relunit(const mctx *c, size_t s, res *r)
{
    size_t i = s;
    int k;
    bool the = false;
    if (is_w(c, i, "the")) {
        the = true;
        i++;
    }
    bool this_past = false;
    if (is_w(c, i, "this") && (is_w(c, i + 1, "past") || is_w(c, i + 1, "last"))) {
        k = -1;
        this_past = true;
        i += 2;
    } else if (is_w(c, i, "this") && is_w(c, i + 1, "coming")) {
        k = 1;
        i += 2;
    } else if (!the && (is_w(c, i, "this") || is_w(c, i, "current"))) {
        k = 0;
        i++;
    } else if (is_w(c, i, "last") || is_w(c, i, "past") || is_w(c, i, "previous")) {
        k = -1;
        i++;
    } else if (is_w(c, i, "next") || is_w(c, i, "coming")) {
        k = 1;
        i++;
    } else if (the && (is_w(c, i, "current") || is_w(c, i, "present"))) {
        k = 0;
        i++;
    } else if (the && cls(c, i) == DT_C_UNIT && c->t[i].val == DT_U_WEEKEND && !c->t[i].sub) {
        /* "the weekend": the last one, or the coming one in future talk */
        int tn = tense(c, s, i + 1);
        int rw = dt_weekday(c->ref);
        r->end = i + 1;
        r->label = DT_L_DATE;
        r->anch = 1;
        unit_value(r, c->ref, DT_U_WEEKEND, (tn > 0 || rw >= 6) ? 0 : -1);
        return true;
    } else {
        return false;
    }
    if (the && k != 0 && !is_w(c, s + 1, "this") &&
        (is_w(c, s + 1, "next") || is_w(c, s + 1, "previous")))
        return false; /* "the next day": narrative, see r_anchored */
    bool fiscal = false;
    if (cls(c, i) == DT_C_FISCAL) {
        fiscal = true;
        i++;
    }
    r->label = DT_L_DATE;
    r->anch = 1;
    if (cls(c, i) == DT_C_UNIT && !c->t[i].sub) {
        int u = c->t[i].val;
        if (u == DT_U_HOUR || u == DT_U_MINUTE || u == DT_U_SECOND || u == DT_U_FORTNIGHT ||
            u == DT_U_MILLENNIUM)
            return false;
        if (u == DT_U_DAY)
            return false; /* "the next day" is narrative; "last day" a phrase */
        if (u == DT_U_QUARTER && k == 0 && !the)
            k = 0;
        size_t kw = the ? s + 1 : s; /* the word before the unit */
        if ((the || (s > 0 && is_w(c, s - 1, "the"))) &&
            (u == DT_U_DECADE || (u == DT_U_CENTURY && is_w(c, kw, "past"))) &&
            (is_w(c, kw, "past") || is_w(c, kw, "next") || is_w(c, kw, "coming"))) {
            /* "over the past decade", "the next decade", "the past
             * century": a stretch of time ("the last century" is one) */
            r->label = DT_L_DURATION;
            r->the_ok = true;
            r->anch = 0;
            put(r, u == DT_U_DECADE ? "P10Y" : "P100Y");
            r->end = i + 1;
            return true;
        }
        (void)fiscal;
        if (in_title(c, s, i + 1))
            return false;
        unit_value(r, c->ref, u, k);
        if (u == DT_U_YEAR && k == -1 && c->qtr.gran == G_QUARTER && comparison_before(c, s)) {
            /* "compared with $3 million last year" in a quarterly report */
            put(r, "%04d-Q%d", c->qtr.y - 1, c->qtr.q);
            r->derived = true;
        }
        r->end = i + 1;
        r->the_ok = true;
        return true;
    }
    if (fiscal)
        return false;
    int m;
    size_t j;
    if ((j = p_month(c, i, &m)) && !the) {
        int y = c->ref.y;
        if (k < 0)
            y = m < c->ref.m ? c->ref.y : c->ref.y - 1;
        else if (k > 0)
            y = m > c->ref.m ? c->ref.y : c->ref.y + 1;
        r->end = j;
        put(r, "%04d-%02d", y, m);
        return true;
    }
    if (cls(c, i) == DT_C_SEASON && !c->t[i].sub && c->t[i].val) {
        int se = c->t[i].val;
        int y = c->ref.y + k;
        if (k > 0 && se * 3 + 1 > c->ref.m && se != DT_S_WI)
            y = c->ref.y; /* "next summer" said in spring */
        if (this_past && se != DT_S_WI && c->ref.m > se * 3 + 2)
            y = c->ref.y; /* "this past spring" said in the fall: the one just over */
        r->end = i + 1;
        put(r, "%04d-%s", y, season_code(se));
        return true;
    }
    if (cls(c, i) == DT_C_HOLIDAY)
        return false;
    return false;
}

/* Seasons: "the summer", "summer 1999", "the winter of 1994", "in spring". */
bool r_season(const mctx *c, size_t s, res *r)
{
    if (cls(c, s) != DT_C_SEASON || !c->t[s].val)
        return false;
    int se = c->t[s].val;
    int y = 0;
    size_t j = s + 1;
    if (c->t[s].sub) {
        if (s > 0 && (is_w(c, s - 1, "every") || is_w(c, s - 1, "each")))
            return false; /* handled by r_set */
        return false;
    }
    size_t yj;
    if (is_w(c, j, "of") && (yj = p_year_any(c, j + 1, &y)))
        j = yj;
    else if (is_year_tok(c, j, &y))
        j++;
    if (!y) {
        static const char *const ctx[] = {"the",  "in",   "during", "this",    "until",
                                          "by",   "over", "since",  "through", "early",
                                          "late", "mid",  NULL};
        if (s == 0 || !is_any(c, s - 1, ctx))
            return false;
        if (is_w(c, s - 1, "the") &&
            !(s >= 2 &&
              (is_w(c, s - 2, "in") || is_w(c, s - 2, "during") || is_w(c, s - 2, "over") ||
               is_w(c, s - 2, "until") || is_w(c, s - 2, "by") || is_w(c, s - 2, "through") ||
               is_w(c, s - 2, "into") || is_w(c, s - 2, "since") || is_w(c, s - 2, "early") ||
               is_w(c, s - 2, "late"))))
            return false;
        if ((se == DT_S_FA || se == DT_S_SP) && (is_w(c, j, "of") || is_w(c, j, "in")))
            return false; /* "the fall of Rome", "the spring in his step" */
        y = c->ref.y;
        r->anch = 1;
    }
    r->end = j;
    r->label = DT_L_DATE;
    r->the_ok = true;
    put(r, "%04d-%s", y, season_code(se));
    return true;
}

/* Quarters and halves: "the third quarter", "third-quarter", "the fiscal
 * first quarter", "the first quarter of 2023", "Q1 2023", "the first half",
 * "the quarter", "the latest quarter", "the year-ago quarter". */
bool r_quarter(const mctx *c, size_t s, res *r)
{
    size_t i = s;
    int q = 0, y = 0, rel_y = 0;
    bool half = false, ago = false, has_rel = false;
    if (is_w(c, i, "q") && has(c, i + 1) && tight(c, i + 1) && is_int(c, i + 1, 1) &&
        c->t[i + 1].num >= 1 && c->t[i + 1].num <= 4 && capitalised(c, i)) {
        q = c->t[i + 1].num;
        i += 2;
    } else if (is_w(c, i, "h") && has(c, i + 1) && tight(c, i + 1) && is_int(c, i + 1, 1) &&
               c->t[i + 1].num >= 1 && c->t[i + 1].num <= 2 && capitalised(c, i) &&
               is_year_tok(c, i + 2, &y)) {
        /* "H1 2023" */
        q = c->t[i + 1].num;
        half = true;
        i += 2;
        y = 0;
    } else {
        /* "the 1988 third quarter", "the year-ago third quarter" */
        int pre_y = 0;
        if ((is_w(c, i, "this") || is_w(c, i, "next") || is_w(c, i, "last")) &&
            is_w(c, i + 1, "year") && has(c, i + 2) && (c->t[i + 2].flags & DT_F_APOS) &&
            is_w(c, i + 3, "s") && tight(c, i + 3)) {
            /* "next year's first quarter": the year is the relative one */
            rel_y = is_w(c, i, "this") ? 0 : is_w(c, i, "next") ? 1 : -1;
            has_rel = true;
            i += 4;
        }
        if (!has_rel && s > 0 && is_w(c, s - 1, "the") && is_year_tok(c, i, &pre_y)) {
            i++;
        } else if (s > 0 && is_w(c, s - 1, "the") && is_w(c, i, "year") && is_hyph(c, i + 1) &&
                   (is_w(c, i + 2, "ago") || is_w(c, i + 2, "earlier"))) {
            pre_y = -1;
            i += 3;
        }
        if (cls(c, i) == DT_C_FISCAL) {
            i++;
            if (is_hyph(c, i))
                i++;
        }
        int o;
        size_t k = p_ordinal(c, i, &o);
        if (pre_y && !(k && o >= 1 && o <= 4 &&
                       (is_w(c, k, "quarter") || (is_hyph(c, k) && is_w(c, k + 1, "quarter")))))
            return false;
        if (pre_y) {
            size_t e = is_w(c, k, "quarter") ? k + 1 : k + 2;
            int yy = pre_y > 0
                         ? pre_y
                         : (c->qtr.gran == G_QUARTER ? c->qtr.y : quarter_year(c->ref, o)) - 1;
            r->end = e;
            r->label = DT_L_DATE;
            r->the_ok = true;
            r->derived = pre_y < 0;
            r->anch = pre_y < 0 ? 1 : 0;
            put(r, "%04d-Q%d", yy, o);
            return true;
        }
        if (k && is_hyph(c, k))
            k++;
        if (k && cls(c, k) == DT_C_FISCAL)
            k++;
        if (k && o >= 1 && o <= 4 && is_w(c, k, "quarter")) {
            q = o;
            i = k + 1;
        } else if (k && o >= 1 && o <= 2 && is_w(c, k, "half")) {
            q = o;
            half = true;
            i = k + 1;
        } else if (has_rel) {
            return false;
        } else if (is_w(c, i, "last") && is_w(c, i + 1, "half") && s > 0 && is_w(c, s - 1, "the")) {
            q = 2;
            half = true;
            i += 2;
        } else if (s > 0 && is_w(c, s - 1, "the") && i == s &&
                   (is_w(c, i, "quarter") ||
                    ((is_w(c, i, "latest") || is_w(c, i, "current") || is_w(c, i, "same") ||
                      is_w(c, i, "recent")) &&
                     (is_w(c, i + 1, "quarter") || is_w(c, i + 1, "period"))))) {
            /* "the quarter": the quarter being reported, the last one ended
             * (not the compound "quarter-to-quarter") */
            if (is_w(c, i, "quarter") && is_hyph(c, i + 1) && is_w(c, i + 2, "to"))
                return false;
            int rq = quarter_of(c->ref.m);
            int idx = c->ref.y * 4 + rq - 1 - 1;
            if (is_w(c, i, "current"))
                idx++;
            if (is_w(c, i, "same") && is_w(c, i + 1, "period"))
                return false;
            size_t qe = is_w(c, i, "quarter") ? i + 1 : i + 2;
            /* "the quarter ended July 31": the calendar quarter that holds
             * most of the three months, the one of the day 45 days before */
            res d;
            res_clear(&d);
            dt_ymd day;
            if ((is_w(c, qe, "ended") || is_w(c, qe, "ending")) && cls(c, qe + 1) == DT_C_MONTH &&
                r_month(c, qe + 1, &d) && dt_parse_iso(d.value, false, &day)) {
                day = dt_add_days(day, -45);
                idx = day.y * 4 + quarter_of(day.m) - 1;
            }
            r->end = qe;
            r->label = DT_L_DATE;
            r->anch = 1;
            r->the_ok = true;
            put(r, "%04d-Q%d", idx / 4, idx % 4 + 1);
            return true;
        } else if (s > 0 && is_w(c, s - 1, "the") && i == s && is_w(c, i, "year") &&
                   is_hyph(c, i + 1) && (is_w(c, i + 2, "ago") || is_w(c, i + 2, "earlier")) &&
                   (is_w(c, i + 3, "quarter") || is_w(c, i + 3, "period"))) {
            int idx = (c->ref.y - 1) * 4 + quarter_of(c->ref.m) - 2;
            if (c->qtr.gran == G_QUARTER)
                idx = (c->qtr.y - 1) * 4 + c->qtr.q - 1;
            r->derived = true;
            r->end = i + 4;
            r->label = DT_L_DATE;
            r->anch = 1;
            r->the_ok = true;
            put(r, "%04d-Q%d", idx / 4, idx % 4 + 1);
            return true;
        } else {
            return false;
        }
    }
    size_t j = i;
    if ((is_w(c, j, "of") || is_p(c, j, ',')) && is_year_tok(c, j + 1, &y))
        j += 2;
    else if (is_w(c, j, "of") && cls(c, j + 1) == DT_C_FISCAL && is_year_tok(c, j + 2, &y))
        j += 3;
    else if (is_year_tok(c, j, &y))
        j++;
    else if (!y && !has_rel && is_w(c, j, "of") && is_w(c, j + 2, "year") &&
             (is_w(c, j + 1, "the") || is_w(c, j + 1, "this") || is_w(c, j + 1, "last") ||
              is_w(c, j + 1, "next"))) {
        /* "the first half of the year", "the fourth quarter of last year" */
        has_rel = true;
        rel_y = is_w(c, j + 1, "last") ? -1 : is_w(c, j + 1, "next") ? 1 : 0;
        j += 3;
    }
    if (!y && has_rel) {
        y = c->ref.y + rel_y;
        r->anch = 1;
    } else if (!y) {
        y = half ? c->ref.y : quarter_year(c->ref, q);
        if (half && q == 2 && c->ref.m <= 6 && tense(c, s, j) < 0)
            y--;
        r->anch = 1;
    }
    (void)ago;
    r->end = j;
    r->label = DT_L_DATE;
    r->the_ok = true;
    put(r, half ? "%04d-H%d" : "%04d-Q%d", y, q);
    return true;
}

/* A noun phrase naming an event starts at i: a determiner or a
 * possessive and a word that is no time word ("the vote", "his death",
 * "its launch"). */
static bool event_follows(const mctx *c, size_t i)
{
    static const char *const dets[] = {"the", "a",     "an",  "his",  "her", "its",
                                       "their", "our", "my", "your", "this", NULL};
    return is_any(c, i, dets) && has(c, i + 1) && c->t[i + 1].kind == DT_K_WORD &&
           (c->t[i + 1].cls == DT_C_NONE || c->t[i + 1].cls == DT_C_HOLIDAY) &&
           !(c->t[i + 1].cls == DT_C_HOLIDAY && capitalised(c, i + 1));
}

/* "the day after the vote", "the night before his death": a day (or
 * week, month, year, part of a day) counted from an event.  The TIMEX3 is
 * "the day" alone: the signal and the event are other TimeML tags.  Its
 * value is the date the text gives the event: a date in apposition ("Oct.
 * 12, the day before the crash" is Oct. 12 itself), else a day away from
 * the date the narrative is at (the event just told), else unknown
 * (XXXX-XX-XX), as TimeML writes what the text does not determine. */
static bool anchored_on_event(const mctx *c, size_t s, size_t i, int k, res *r)
{
    int u = cls(c, i) == DT_C_UNIT ? c->t[i].val : DT_U_DAY;
    int part = cls(c, i) == DT_C_PARTDAY ? c->t[i].val : 0;
    if (u != DT_U_DAY && u != DT_U_WEEK && u != DT_U_MONTH && u != DT_U_YEAR)
        return false;
    const anchor *a = &c->narr;
    bool apposed = s >= 2 && is_p(c, s - 1, ',') &&
                   (c->t[s - 2].kind == DT_K_NUM || cls(c, s - 2) == DT_C_WEEKDAY ||
                    cls(c, s - 2) == DT_C_RELDAY);
    r->end = i + 1;
    r->label = part ? DT_L_TIME : DT_L_DATE;
    r->the_ok = true;
    int need = u == DT_U_YEAR ? G_YEAR : u == DT_U_MONTH ? G_MONTH : G_DAY;
    if (a->gran < need) {
        put(r, u == DT_U_YEAR    ? "XXXX"
               : u == DT_U_MONTH ? "XXXX-XX"
               : u == DT_U_WEEK  ? "XXXX-WXX"
                                 : "XXXX-XX-XX");
        if (part)
            put(r, "XXXX-XX-XXT%s", part_code(part));
        return true;
    }
    r->anch = 2;
    if (apposed)
        k = 0;
    dt_ymd d = {a->y, a->m ? a->m : 1, a->d ? a->d : 1};
    switch (u) {
    case DT_U_DAY:
        d = dt_add_days(d, k);
        if (part)
            put(r, "%04d-%02d-%02dT%s", d.y, d.m, d.d, part_code(part));
        else
            put_day(r, d);
        break;
    case DT_U_WEEK:
        put_week(r, dt_add_days(d, 7L * k));
        break;
    case DT_U_MONTH:
        d = dt_add_months(d, k);
        put(r, "%04d-%02d", d.y, d.m);
        break;
    default:
        put(r, "%04d", a->y + k);
        break;
    }
    return true;
}

/* Expressions anchored to the narrative: "the following day", "the next
 * morning", "the day before", "that day", "the same day", "that year",
 * "later that year". */
bool r_anchored(const mctx *c, size_t s, res *r)
{
    size_t i = s;
    int k = 0;
    size_t signal = 0; /* 1 when "before" or "after" closes the expression */
    bool the = false, that = false;
    if (is_w(c, i, "the")) {
        the = true;
        i++;
        if (is_w(c, i, "following") || is_w(c, i, "next") || is_w(c, i, "ensuing")) {
            k = 1;
            i++;
        } else if (is_w(c, i, "previous") || is_w(c, i, "preceding") || is_w(c, i, "prior")) {
            k = -1;
            i++;
        } else if (is_w(c, i, "same")) {
            i++;
        } else if ((is_w(c, i, "rest") || is_w(c, i, "remainder")) && is_w(c, i + 1, "of") &&
                   is_w(c, i + 2, "the") &&
                   (is_w(c, i + 3, "day") ||
                    (cls(c, i + 3) == DT_C_PARTDAY && c->t[i + 3].val != DT_P_OVERNIGHT))) {
            /* "the rest of the day": the day being told (longer periods
             * are the prefix "the rest of" before a period rule) */
            i += 3;
        } else if ((is_w(c, i, "day") || is_w(c, i, "week") || is_w(c, i, "month") ||
                    is_w(c, i, "year")) &&
                   s >= 2 && is_w(c, s - 1, "in") &&
                   (is_w(c, s - 2, "later") || is_w(c, s - 2, "earlier"))) {
            /* "later in the day", "earlier in the week": the one being told */
        } else if ((cls(c, i) == DT_C_UNIT ||
                    (cls(c, i) == DT_C_PARTDAY && c->t[i].val != DT_P_OVERNIGHT)) &&
                   !c->t[i].sub && (is_w(c, i + 1, "before") || is_w(c, i + 1, "after")) &&
                   (!has(c, i + 2) || c->t[i + 2].kind == DT_K_PUNCT)) {
            /* "the day before", "the year after", "the night before":
             * from the narrative's date, or with none told yet from the
             * reference date */
            k = is_w(c, i + 1, "before") ? -1 : 1;
            signal = 1;
        } else if ((cls(c, i) == DT_C_UNIT ||
                    (cls(c, i) == DT_C_PARTDAY && c->t[i].val != DT_P_OVERNIGHT)) &&
                   !c->t[i].sub && (is_w(c, i + 1, "before") || is_w(c, i + 1, "after")) &&
                   event_follows(c, i + 2)) {
            return anchored_on_event(c, s, i, is_w(c, i + 1, "before") ? -1 : 1, r);
        } else {
            return false;
        }
    } else if (is_w(c, i, "that")) {
        that = true;
        i++;
        if (is_w(c, i, "same"))
            i++;
    } else {
        return false;
    }
    (void)the;
    int u = 0, part = 0, se = 0;
    if (cls(c, i) == DT_C_UNIT && !c->t[i].sub)
        u = c->t[i].val;
    else if (cls(c, i) == DT_C_PARTDAY && !c->t[i].sub && c->t[i].val != DT_P_OVERNIGHT)
        part = c->t[i].val, u = DT_U_DAY;
    else if (cls(c, i) == DT_C_SEASON && !c->t[i].sub && c->t[i].val != DT_S_WI && !signal)
        se = c->t[i].val; /* "the following summer", "that spring" (a winter spans two years) */
    else
        return false;
    anchor a = c->narr;
    bool have = a.gran != G_NONE;
    if (!have) {
        a.gran = G_DAY;
        a.y = c->ref.y;
        a.m = c->ref.m;
        a.d = c->ref.d;
        a.q = quarter_of(a.m);
    }
    if (that && k == 0 && u == DT_U_DAY && !have)
        return false;
    /* a decade or a season counted from a date told: with none told,
     * "the ensuing decade" and "since that summer" have no value here
     * (and "tears that fall" is a verb) */
    if ((se || u == DT_U_DECADE) && !have)
        return false;
    if (se == DT_S_FA && that && !(s > 0 && is_any(c, s - 1, k_season_preps)) &&
        !(sentence_break_before(c, s) && is_p(c, i + 1, ',')))
        return false;
    r->end = i + 1 + signal;
    r->label = part ? DT_L_TIME : DT_L_DATE;
    r->anch = have ? 2 : 1;
    dt_ymd d = {a.y, a.m ? a.m : 1, a.d ? a.d : 1};
    if (se) {
        /* the next (previous) such season after (before) the month told;
         * told a year only, the season of the year after (before) */
        int first = se * 3, y = a.y + k;
        if (a.gran >= G_MONTH && k > 0 && a.m < first)
            y = a.y;
        else if (a.gran >= G_MONTH && k < 0 && a.m > first + 2)
            y = a.y;
        put(r, "%04d-%s", y, season_code(se));
        return true;
    }
    /* the narrative is at a year or a month only ("In 2009 ... the
     * following month"): the expression is still one, of that year with
     * the finer part unknown */
    if ((u == DT_U_DAY || u == DT_U_WEEK) && a.gran < G_DAY && !part) {
        if (u == DT_U_WEEK)
            put(r, "%04d-WXX", a.y);
        else if (a.gran == G_MONTH && k == 0)
            put(r, "%04d-%02d-XX", a.y, a.m);
        else
            put(r, "%04d-XX-XX", a.y);
        return true;
    }
    if (u == DT_U_MONTH && a.gran < G_MONTH) {
        put(r, "%04d-XX", a.y);
        return true;
    }
    switch (u) {
    case DT_U_DAY:
        if (a.gran < G_DAY)
            return false;
        d = dt_add_days(d, k);
        if (part)
            put(r, "%04d-%02d-%02dT%s", d.y, d.m, d.d, part_code(part));
        else
            put_day(r, d);
        return true;
    case DT_U_WEEK:
        if (a.gran < G_DAY)
            return false;
        put_week(r, dt_add_days(d, 7L * k));
        return true;
    case DT_U_MONTH:
        if (a.gran < G_MONTH)
            return false;
        d = dt_add_months(d, k);
        put(r, "%04d-%02d", d.y, d.m);
        return true;
    case DT_U_YEAR:
        put(r, "%04d", a.y + k);
        return true;
    case DT_U_QUARTER:
        /* "that quarter": the quarter told last, when the last date told
         * is a quarter (after "the quarter ended Oct. 31" the day told is
         * no sure guide).  A report's "the next quarter" is the reference
         * date's, left to the other rules. */
        if (!that || k != 0 || !have || a.gran != G_QUARTER)
            return false;
        put(r, "%04d-Q%d", a.y, a.q);
        return true;
    case DT_U_DECADE:
        /* "the following decade", "that decade"; "the next decade" is a
         * stretch of time (r_relunit) */
        if (is_w(c, s + 1, "next"))
            return false;
        put(r, "%03d", a.y / 10 + k);
        return true;
    default:
        return false;
    }
}

/* "a while", "a long while": a stretch of time of no stated unit, DURATION
 * PXX as TimeBank writes it; "a while ago" is the past (PAST_REF).  "Once
 * in a while" (also misspelt "once and a while") is a frequency of no
 * stated period and is left alone. */
static bool a_while(const mctx *c, size_t i, res *r)
{
    static const char *const adjs[] = {"long", "short", "little", "good", NULL};
    size_t j = i + 1;
    /* the class of "while" first: r_ref is tried at every "a" */
    if (!(cls(c, j) == DT_C_REFADV && c->t[j].val == DT_R_WHILE) &&
        (cls(c, j + 1) != DT_C_REFADV || c->t[j + 1].val != DT_R_WHILE || !is_any(c, j++, adjs)))
        return false;
    if (cls(c, j) != DT_C_REFADV || c->t[j].val != DT_R_WHILE ||
        (i >= 2 && (is_w(c, i - 1, "in") || is_w(c, i - 1, "and")) && is_w(c, i - 2, "once")))
        return false;
    if (is_w(c, j + 1, "ago") || is_w(c, j + 1, "back")) {
        r->end = j + 2;
        put(r, "PAST_REF");
        return true;
    }
    r->end = j + 1;
    r->label = DT_L_DURATION;
    put(r, "PXX");
    return true;
}

/* PRESENT_REF / PAST_REF / FUTURE_REF: "now", "currently", "recently",
 * "formerly", "soon", "the future", "the past", "recent years". */
bool r_ref(const mctx *c, size_t s, res *r)
{
    size_t i = s;
    r->label = DT_L_DATE;
    if (is_w(c, i, "the") || is_w(c, i, "a")) {
        if (tlen(c, i) == 1 && a_while(c, i, r))
            return true;
        size_t j = i + 1;
        if (is_w(c, j, "near") || is_w(c, j, "distant") || is_w(c, j, "foreseeable") ||
            is_w(c, j, "immediate"))
            j++;
        if (cls(c, j) == DT_C_REFADV && c->t[j].val == DT_R_FUTURE && is_w(c, i, "the")) {
            r->end = j + 1;
            put(r, "FUTURE_REF");
            return true;
        }
        if (cls(c, j) == DT_C_REFADV && c->t[j].val == DT_R_PAST && j == i + 1 &&
            is_w(c, i, "the")) {
            /* "the past" alone, not "the past three years" */
            if (has(c, j + 1) && (c->t[j + 1].kind == DT_K_NUM || cls(c, j + 1) == DT_C_NUMWORD ||
                                  cls(c, j + 1) == DT_C_UNIT || is_w(c, j + 1, "few") ||
                                  is_w(c, j + 1, "several") || cls(c, j + 1) == DT_C_WEEKDAY ||
                                  cls(c, j + 1) == DT_C_SEASON || is_w(c, j + 1, "decade")))
                return false;
            r->end = j + 1;
            put(r, "PAST_REF");
            return true;
        }
        if (is_w(c, i, "the") && is_w(c, j, "present") && !has(c, j + 1 + 0)) {
            return false;
        }
        /* "the near term", "in the short term": ahead of the reference
         * date (the adjective "near-term" is not the phrase) */
        if (is_w(c, i, "the") &&
            (is_w(c, i + 1, "near") || is_w(c, i + 1, "short") || is_w(c, i + 1, "long")) &&
            is_w(c, i + 2, "term") && !is_hyph(c, i + 3)) {
            r->end = i + 3;
            put(r, "FUTURE_REF");
            return true;
        }
        /* "the weeks ahead": a vague stretch to come */
        int u;
        bool pl;
        if (is_w(c, i, "the") && p_unit(c, i + 1, &u, &pl) && pl && is_w(c, i + 2, "ahead") &&
            u != DT_U_QUARTER && u != DT_U_WEEKEND) {
            r->end = i + 3;
            r->label = DT_L_DURATION;
            put_dur(r, 0, true, u);
            return true;
        }
        if (is_w(c, i, "a") && is_w(c, j, "later") && is_w(c, j + 1, "date")) {
            r->end = j + 2;
            put(r, "FUTURE_REF");
            return true;
        }
        return false;
    }
    if (is_w(c, i, "these") && is_w(c, i + 1, "days")) {
        r->end = i + 2;
        put(r, "PRESENT_REF");
        return true;
    }
    if (is_w(c, i, "at") && is_w(c, i + 1, "present")) {
        r->end = i + 2;
        put(r, "PRESENT_REF");
        return true;
    }
    if (cls(c, i) != DT_C_REFADV)
        return false;
    switch (c->t[i].val) {
    case DT_R_NOW:
        /* "Now, he says, ...": a discourse marker opening the sentence */
        if (is_w(c, i, "now") && capitalised(c, i) && is_p(c, i + 1, ',') &&
            sentence_break_before(c, i))
            return false;
        r->end = i + 1;
        put(r, "PRESENT_REF");
        return true;
    case DT_R_CURRENT:
        /* "current market conditions": the present; not "the current
         * quarter" (a period rule), "current account", "then current" */
        if (s > 0 && is_w(c, s - 1, "then"))
            return false;
        if (!has(c, i + 1) || c->t[i + 1].kind != DT_K_WORD || capitalised(c, i + 1) ||
            c->t[i + 1].cls != DT_C_NONE || is_w(c, i + 1, "account") ||
            is_w(c, i + 1, "accounts") || is_w(c, i + 1, "affairs"))
            return false;
        r->end = i + 1;
        put(r, "PRESENT_REF");
        return true;
    case DT_R_CURRENTLY:
    case DT_R_NOWADAYS:
        r->end = i + 1;
        put(r, "PRESENT_REF");
        return true;
    case DT_R_RECENTLY:
        r->end = i + 1;
        put(r, "PAST_REF");
        return true;
    case DT_R_FORMERLY:
        if (!is_w(c, i, "formerly"))
            return false;
        r->end = i + 1;
        put(r, "PAST_REF");
        return true;
    case DT_R_RECENT: {
        int u;
        bool pl;
        if (p_unit(c, i + 1, &u, &pl) && pl && u == DT_U_YEAR) {
            r->end = i + 2;
            put(r, "PAST_REF");
            return true;
        }
        /* "the recent announcement": an event placed in the recent past */
        if (!p_unit(c, i + 1, &u, &pl) && has(c, i + 1) && c->t[i + 1].kind == DT_K_WORD &&
            !capitalised(c, i + 1) &&
            !(s > 0 && (is_w(c, s - 1, "most") || is_w(c, s - 1, "more")))) {
            r->end = i + 1;
            put(r, "PAST_REF");
            return true;
        }
        return false;
    }
    case DT_R_PAST: {
        int u;
        bool pl;
        if (p_unit(c, i + 1, &u, &pl) && pl && u == DT_U_YEAR &&
            !(s > 0 && is_w(c, s - 1, "the"))) {
            r->end = i + 2;
            put(r, "PAST_REF");
            return true;
        }
        return false;
    }
    case DT_R_SOON:
        if (s > 0 && (is_w(c, s - 1, "as") || is_w(c, s - 1, "too") || is_w(c, s - 1, "how")))
            return false;
        if (is_w(c, i + 1, "as") || is_w(c, i + 1, "after") || is_w(c, i + 1, "before") ||
            is_w(c, i + 1, "thereafter"))
            return false;
        /* in a past narrative ("he was soon released", "a trickle that
         * soon became a flood") it is soon after the event told, not after
         * the reference date */
        if ((s > 0 && word_tense(c, s - 1) < 0) || word_tense(c, i + 1) < 0)
            return false;
        r->end = i + 1;
        put(r, "FUTURE_REF");
        return true;
    default:
        return false;
    }
}

/* An amount just before token s: "$2 million", "20%", "10,000 units".
 * A rate of money or growth ("$2 million a year", "rise 8.5% annually") is
 * a unit of measure, which TimeBank-style annotation leaves untagged. */
bool amount_before(const mctx *c, size_t s)
{
    static const char *const words[] = {"million", "billion", "trillion", "thousand",
                                        "percent", "cents",   "dollars",  "yen",
                                        "marks",   "francs",  "pounds",   NULL};
    for (size_t k = s, steps = 0; k > 0 && steps < 2; steps++) {
        k--;
        if (is_p(c, k, '%') || is_any(c, k, words) ||
            (c->t[k].kind == DT_K_NUM && k > 0 && is_p(c, k - 1, '$')))
            return true;
        if (c->t[k].kind == DT_K_NUM)
            return steps == 1 || (c->t[k].flags & DT_F_NSEP);
        if (c->t[k].kind != DT_K_WORD || c->t[k].cls != DT_C_NONE || capitalised(c, k))
            return false;
    }
    return false;
}

/* Sets: "every Monday", "each year", "every two weeks", "daily",
 * "annually", "twice a month", "once a year", "per year". */
bool r_set(const mctx *c, size_t s, res *r)
{
    size_t i = s;
    r->label = DT_L_SET;
    if (cls(c, i) == DT_C_SETADV) {
        if (in_title(c, i, i + 1))
            return false; /* "Entertainment Weekly" */
        if (c->t[i].val == DT_U_YEAR && amount_before(c, i))
            return false; /* "rise 8.5% annually" */
        if (c->t[i].val == DT_U_DAY && i > 0 && is_w(c, i - 1, "average"))
            return false; /* "average daily volume": a market statistic's name */
        /* "the Communist Party daily Granma", "the business weekly
         * Barron's": the noun for a paper, before the paper's name */
        if (has(c, i + 1) && c->t[i + 1].kind == DT_K_WORD && capitalised(c, i + 1) &&
            c->t[i + 1].cls == DT_C_NONE && !sentence_break_before(c, i + 1) && i > 0 &&
            c->t[i - 1].kind == DT_K_WORD && !sentence_break_before(c, i))
            return false;
        static const char *const fn[] = {
            "in",   "on", "at",   "for",    "to",  "and", "or", "but", "since", "until", "through",
            "from", "by", "with", "during", "the", "a",   "an", "as",  "than",  "basis", NULL};
        /* "quarterly dividend", "quarterly results": the kind of a payment
         * or report, not a recurrence the text talks about */
        if (c->t[i].val == DT_U_QUARTER && has(c, i + 1) && c->t[i + 1].kind == DT_K_WORD &&
            !is_any(c, i + 1, fn) && c->t[i + 1].cls == DT_C_NONE &&
            !(c->t[i + 1].flags & DT_F_LINE))
            return false;
        r->end = i + 1;
        put_dur(r, 1, false, c->t[i].val);
        return true;
    }
    if (is_w(c, i, "every") || is_w(c, i, "each")) {
        size_t j = i + 1;
        double n = 1;
        bool vague, few = false, other = false;
        if (is_w(c, j, "other")) {
            n = 2; /* "every other week": a singular unit, every second one */
            other = true;
            j++;
        } else {
            size_t k = p_count(c, j, &n, &vague);
            if (k && !vague && !is_w(c, j, "a") && !is_w(c, j, "an"))
                j = k;
            else if (k && vague && (is_w(c, j, "few") || is_w(c, j, "several")))
                j = k, few = true; /* "every few months": a vague period */
            else
                n = 1;
        }
        int u;
        bool pl;
        if (p_unit(c, j, &u, &pl)) {
            if (few) {
                if (!pl || u == DT_U_WEEKEND)
                    return false;
                r->end = j + 1;
                put_dur(r, 0, true, u);
                return true;
            }
            if (u == DT_U_WEEKEND) {
                r->end = j + 1;
                put(r, "XXXX-WXX-WE");
                return true;
            }
            if (other ? pl : (n == 1) == pl)
                return false;
            r->end = j + 1;
            put_dur(r, n, false, u);
            return true;
        }
        if (cls(c, j) == DT_C_WEEKDAY && !c->t[j].sub && n == 1) {
            size_t e = j + 1;
            if (cls(c, e) == DT_C_PARTDAY && !c->t[e].sub && c->t[e].val != DT_P_OVERNIGHT) {
                put(r, "XXXX-WXX-%dT%s", c->t[j].val, part_code(c->t[e].val));
                e++;
            } else {
                put(r, "XXXX-WXX-%d", c->t[j].val);
            }
            r->end = e;
            return true;
        }
        int m;
        size_t k;
        if ((k = p_month(c, j, &m)) && n == 1) {
            r->end = k;
            put(r, "XXXX-%02d", m);
            return true;
        }
        if (cls(c, j) == DT_C_SEASON && !c->t[j].sub && n == 1) {
            r->end = j + 1;
            if (!c->t[j].val)
                put(r, "P3M"); /* "every season": a quarter of the year */
            else
                put(r, "XXXX-%s", season_code(c->t[j].val));
            return true;
        }
        if (cls(c, j) == DT_C_PARTDAY && !c->t[j].sub && c->t[j].val != DT_P_OVERNIGHT && n == 1) {
            r->end = j + 1;
            put(r, "XXXX-XX-XXT%s", part_code(c->t[j].val));
            return true;
        }
        return false;
    }
    /* "once a year", "twice a month", "three times a week", "N times per year" */
    size_t j = i;
    double n = 0;
    if (is_w(c, j, "once")) {
        n = 1;
        j++;
    } else if (is_w(c, j, "twice")) {
        n = 2;
        j++;
    } else {
        bool vague;
        size_t k = p_count(c, j, &n, &vague);
        if (!k || !is_w(c, k, "times") || is_w(c, j, "a") || is_w(c, j, "an"))
            j = 0;
        else
            j = k + 1;
    }
    if (j && (is_w(c, j, "a") || is_w(c, j, "an") || is_w(c, j, "per") || is_w(c, j, "each") ||
              is_w(c, j, "every"))) {
        int u;
        bool pl;
        if (p_unit(c, j + 1, &u, &pl) && !pl) {
            r->end = j + 2;
            if (u == DT_U_QUARTER)
                put(r, "P3M");
            else
                put_dur(r, 1, false, u);
            if (n >= 1 && n == (double)(long)n)
                snprintf(r->freq, sizeof r->freq, "%ldX", (long)n % 100000);
            return true;
        }
    }
    /* "per year" (not after an amount of money: "$100 a year" is a rate) */
    if (is_w(c, i, "per") && !amount_before(c, i)) {
        int u;
        bool pl;
        if (p_unit(c, i + 1, &u, &pl) && !pl && u != DT_U_QUARTER && u != DT_U_WEEKEND) {
            r->end = i + 2;
            put_dur(r, 1, false, u);
            return true;
        }
    }
    return false;
}

/* Anaphoric "the year", "the fiscal year", "year-ago", "year-earlier",
 * "the nine months" (duration), "the current fiscal year". */
bool r_the_year(const mctx *c, size_t s, res *r)
{
    size_t i = s;
    /* "the week of March 6": the ISO week of that day */
    if (is_w(c, i, "the") && is_w(c, i + 1, "week") && is_w(c, i + 2, "of") &&
        cls(c, i + 3) == DT_C_MONTH) {
        res d;
        res_clear(&d);
        dt_ymd day;
        if (r_month(c, i + 3, &d) && dt_parse_iso(d.value, false, &day)) {
            r->end = d.end;
            r->label = DT_L_DATE;
            r->anch = d.anch;
            put_week(r, day);
            return true;
        }
    }
    /* "year-end", "year end", "year's end": the end of the reference year
     * (of the one before in "since year-end") */
    if (is_w(c, i, "year")) {
        size_t j = 0;
        if (is_hyph(c, i + 1) && is_w(c, i + 2, "end"))
            j = i + 3;
        else if (is_w(c, i + 1, "end"))
            j = i + 2;
        else if (has(c, i + 1) && (c->t[i + 1].flags & DT_F_APOS) && is_w(c, i + 2, "s") &&
                 is_w(c, i + 3, "end"))
            j = i + 4;
        if (j && has(c, i + 1)) {
            r->end = j;
            r->label = DT_L_DATE;
            r->anch = 1;
            r->mod = "END";
            put(r, "%04d", (s > 0 && is_w(c, s - 1, "since")) ? c->ref.y - 1 : c->ref.y);
            return true;
        }
    }
    if (is_w(c, i, "year") && is_hyph(c, i + 1) &&
        (is_w(c, i + 2, "ago") || is_w(c, i + 2, "earlier"))) {
        r->end = i + 3;
        r->label = DT_L_DATE;
        r->anch = 1;
        if (c->qtr.gran == G_QUARTER) {
            put(r, "%04d-Q%d", c->qtr.y - 1, c->qtr.q);
            r->derived = true;
        } else
            put(r, "%04d", c->ref.y - 1);
        return true;
    }
    if (!is_w(c, i, "the"))
        return false;
    i++;
    int k = 0;
    bool whole = false; /* "the full year": the year a report covers */
    if (is_w(c, i, "latest") || is_w(c, i, "most") || is_w(c, i, "previous") ||
        is_w(c, i, "prior")) {
        if (is_w(c, i, "most") && is_w(c, i + 1, "recent"))
            i++;
        k = -1;
        i++;
    } else if (is_w(c, i, "current") || is_w(c, i, "full") || is_w(c, i, "whole") ||
               is_w(c, i, "entire")) {
        whole = !is_w(c, i, "current");
        i++;
    }
    bool fiscal = false;
    if (cls(c, i) == DT_C_FISCAL) {
        fiscal = true;
        i++;
    }
    if (!fiscal && k == 0 && i == s + 1 && s > 0 && is_w(c, s - 1, "of") &&
        cls(c, i) == DT_C_UNIT && !c->t[i].sub &&
        (c->t[i].val == DT_U_MONTH || c->t[i].val == DT_U_WEEK ||
         ((c->t[i].val == DT_U_DECADE || c->t[i].val == DT_U_CENTURY) && s >= 2 &&
          is_any(c, s - 2, k_period_edges)))) {
        /* "the end of the month", "the rest of the week", "the end of the
         * decade": the current one.  A decade or a century only after a
         * word for a part of it: "the crime of the century" is no date. */
        r->end = i + 1;
        r->label = DT_L_DATE;
        r->anch = 1;
        unit_value(r, c->ref, c->t[i].val, 0);
        return true;
    }
    if (!is_w(c, i, "year"))
        return false;
    if (!fiscal && !whole && k == 0 && i != s + 1)
        return false; /* "the current year" is r_relunit's */
    size_t j = i + 1;
    int yv;
    size_t yj = p_year_any(c, j, &yv);
    if (yj && i == s + 1) {
        /* "the year 2000", "the year two thousand" */
        r->end = yj;
        r->label = DT_L_DATE;
        put(r, "%04d", yv);
        return true;
    }
    r->label = DT_L_DATE;
    r->end = j;
    r->anch = 1;
    if (is_w(c, j, "ended") || is_w(c, j, "ending") || is_w(c, j, "ends") || is_w(c, j, "to") ||
        is_w(c, j, "through")) {
        r->label = DT_L_DURATION;
        put(r, "P1Y");
        return true;
    }
    put(r, "%04d", c->ref.y + k);
    return true;
}
