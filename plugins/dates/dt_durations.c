/* dt_durations.c -- counted and vague durations and the relative dates a
 * count makes (internal to plugins/dates): "20 years", "several weeks",
 * "for months", "two years ago", "a month later".  See dt_mctx.h. */
#include "dt_mctx.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "dt_cal.h"

/* Bare plural units that state a vague duration after a preposition:
 * "for years", "in decades", "within weeks"; "years ago" (PAST_REF);
 * "day-long", "decades-long". */
bool r_vague_units(const mctx *c, size_t s, res *r)
{
    int u;
    bool pl;
    if (!p_unit(c, s, &u, &pl))
        return false;
    /* "decades-old feud" lasts decades too; with a count before it
     * ("30-year-old") it is an age, which TimeBank leaves untagged */
    if (is_hyph(c, s + 1) &&
        (is_w(c, s + 2, "long") ||
         (pl && is_w(c, s + 2, "old") && !(s > 0 && is_hyph(c, s - 1)))) &&
        u != DT_U_QUARTER && u != DT_U_WEEKEND) {
        r->end = s + 3;
        r->label = DT_L_DURATION;
        put_dur(r, 1, pl, u);
        return true;
    }
    if (pl && is_w(c, s + 1, "ago") && u != DT_U_QUARTER && u != DT_U_WEEKEND) {
        r->end = s + 2;
        r->label = DT_L_DATE;
        put(r, "PAST_REF");
        r->anch = 1;
        return true;
    }
    if (!pl || s == 0)
        return false;
    /* "over the years", "in the years that followed" */
    if (is_w(c, s - 1, "the") && s >= 2 &&
        (is_w(c, s - 2, "over") || is_w(c, s - 2, "in") || is_w(c, s - 2, "during") ||
         is_w(c, s - 2, "through")) &&
        u == DT_U_YEAR && !is_w(c, s + 1, "of") && !is_w(c, s + 1, "ago") &&
        !is_w(c, s + 1, "before") && !is_w(c, s + 1, "since")) {
        r->end = s + 1;
        r->label = DT_L_DURATION;
        r->the_ok = true;
        put_dur(r, 0, true, u);
        return true;
    }
    static const char *const preps[] = {"for", "in", "over", "within", "after", "recent", NULL};
    if (!is_any(c, s - 1, preps))
        return false;
    if (is_w(c, s + 1, "ago") || is_w(c, s + 1, "of") || is_w(c, s + 1, "before") ||
        is_w(c, s + 1, "later") || is_w(c, s + 1, "earlier") ||
        (is_p(c, s + 1, '\'') && tight(c, s + 1)))
        return false;
    if (u == DT_U_QUARTER || u == DT_U_WEEKEND || u == DT_U_SECOND)
        return false;
    if (is_w(c, s - 1, "recent") && u == DT_U_YEAR)
        return false; /* "recent years" is PAST_REF, see r_ref */
    r->end = s + 1;
    r->label = DT_L_DURATION;
    put_dur(r, 0, true, u);
    return true;
}

/* Durations and counted relative dates:
 *   "20 years", "two decades", "several weeks", "a year and a half",
 *   "the past three months", "the first nine months", "two-year",
 *   "24 hours", "5 1/2 hours", "half an hour",
 *   "two years ago", "a year earlier", "three days later", "a week from now". */
bool r_count(const mctx *c, size_t s, res *r)
{
    size_t i = s;
    bool the = false, span_word = false;
    if (is_w(c, i, "the")) {
        the = true;
        i++;
    }
    static const char *const spans[] = {"past",     "last",  "next",    "first",     "coming",
                                        "previous", "final", "initial", "following", "latest",
                                        "recent",   "same",  "ensuing", NULL};
    /* the words of spans are all in the lexicon (function words, "past",
     * "recent", "first"): the class rules most starts out without a scan */
    int ic = cls(c, i);
    if ((ic == DT_C_FUNC || ic == DT_C_REFADV || ic == DT_C_ORDINAL) && is_any(c, i, spans)) {
        span_word = true;
        i++;
    }
    if (the && !span_word &&
        !(has(c, i) && (c->t[i].kind == DT_K_NUM || cls(c, i) == DT_C_NUMWORD)))
        return false;
    double v = 0;
    bool vague = false;
    int u = 0;
    bool pl = false;
    size_t j;
    if (is_w(c, i, "half") && (is_w(c, i + 1, "a") || is_w(c, i + 1, "an")) &&
        p_unit(c, i + 2, &u, &pl)) {
        v = 0.5;
        j = i + 3;
    } else {
        j = p_count(c, i, &v, &vague);
        if (!j) {
            if (!span_word)
                return false;
            /* "the past year" is a date; "the past weeks" vague */
            /* quarters only after "recent" and "coming" ("in recent
             * quarters", PXM): "the first quarters" of several years are
             * no stretch of time */
            if (p_unit(c, i, &u, &pl) && pl &&
                (u != DT_U_QUARTER || is_w(c, i - 1, "recent") || is_w(c, i - 1, "coming")) &&
                !(is_w(c, i - 1, "recent") && u == DT_U_YEAR)) {
                r->end = i + 1;
                r->label = DT_L_DURATION;
                r->the_ok = true;
                put_dur(r, 0, true, u);
                return true;
            }
            return false;
        }
        bool hy = false;
        if (is_hyph(c, j)) {
            hy = true;
            j++;
        }
        /* "two more weeks", "eight trading days", "an additional year" */
        static const char *const adjs[] = {"more",     "additional",  "extra",   "further",
                                           "trading",  "business",    "working", "calendar",
                                           "straight", "consecutive", "full",    NULL};
        if (!hy && is_any(c, j, adjs) && cls(c, j + 1) == DT_C_UNIT)
            j++;
        if (!p_unit(c, j, &u, &pl))
            return false;
        if (hy && (pl || vague))
            return false;
        /* "Islam will one day be ...", "the hope he one day follow", "hopes
         * one day to fly": an unspecified future day */
        static const char *const before_someday[] = {
            "will", "would", "could", "might", "may",   "can",   "shall", "he",     "she", "they",
            "we",   "i",     "you",   "hope",  "hopes", "hoped", "dream", "dreams", NULL};
        if (is_w(c, i, "one") && u == DT_U_DAY && !pl && !the && !span_word && s > 0 &&
            (is_any(c, s - 1, before_someday) ||
             (is_w(c, j + 1, "to") && has(c, j + 2) && c->t[j + 2].kind == DT_K_WORD &&
              c->t[j + 2].cls == DT_C_NONE && !is_w(c, j + 2, "go") && !is_w(c, j + 2, "the")))) {
            r->end = j + 1;
            r->label = DT_L_DATE;
            put(r, "FUTURE_REF");
            return true;
        }
        if (vague && !pl) {
            /* "some day": an unspecified future day, not a count */
            if (is_w(c, i, "some") && u == DT_U_DAY && !the && !span_word) {
                r->end = j + 1;
                r->label = DT_L_DATE;
                put(r, "FUTURE_REF");
                return true;
            }
            return false;
        }
        j++;
        if (hy && is_hyph(c, j) && is_w(c, j + 1, "old"))
            return false; /* ages: "10-year-old" */
        if (!hy && u == DT_U_YEAR && is_w(c, j, "old"))
            return false; /* ages: "52 years old" */
        if (capitalised(c, j - 1) && !(c->t[j - 1].flags & DT_F_UPPER))
            return false; /* a title: "60 Minutes" */
        if (is_w(c, j, "and") && is_w(c, j + 1, "a") && is_w(c, j + 2, "half")) {
            v += 0.5;
            j += 3;
        } else if (is_w(c, j, "and") && is_w(c, j + 1, "one") && is_w(c, j + 2, "half")) {
            v += 0.5;
            j += 3;
        }
        if (u == DT_U_SECOND && !pl)
            return false; /* "a second group": the ordinal */
        if (u == DT_U_QUARTER && !pl && !span_word && v == 1 &&
            (is_w(c, i, "a") || is_w(c, i, "an")))
            return false; /* "a quarter" is mostly a fraction */
        if (u == DT_U_QUARTER && !pl && !span_word)
            return false;
        if (!the && !span_word && (is_w(c, i, "a") || is_w(c, i, "an")) && !hy) {
            /* "a year" alone is a duration only in duration context; "a
             * year ago" or "for a year" are handled below */
        }
    }
    /* "the first two quarters of 1990": a half of that year */
    if (span_word && u == DT_U_QUARTER && pl && v == 2 &&
        (is_w(c, i - 1, "first") || is_w(c, i - 1, "last")) && is_w(c, j, "of")) {
        int y;
        if (is_year_tok(c, j + 1, &y)) {
            r->end = j + 2;
            r->label = DT_L_DATE;
            r->the_ok = true;
            put(r, "%04d-H%d", y, is_w(c, i - 1, "first") ? 1 : 2);
            return true;
        }
    }
    /* "dozens of interviews a day": a count per unit after a plural noun
     * is a set (rates of money are not: amount_before()) */
    if (!the && !span_word && (is_w(c, i, "a") || is_w(c, i, "an")) && !pl && s > 0 &&
        (u == DT_U_DAY || u == DT_U_WEEK || u == DT_U_MONTH || u == DT_U_YEAR) &&
        c->t[s - 1].kind == DT_K_WORD && c->t[s - 1].cls == DT_C_NONE && !capitalised(c, s - 1) &&
        tlen(c, s - 1) > 3 && (c->text[c->t[s - 1].end - 1] | 0x20) == 's' &&
        (c->text[c->t[s - 1].end - 2] | 0x20) != 's' && !amount_before(c, s) &&
        !is_w(c, j, "ago") && !is_w(c, j, "earlier") && !is_w(c, j, "later") &&
        !is_w(c, j, "before") && !is_w(c, j, "after")) {
        r->end = j;
        r->label = DT_L_SET;
        put_dur(r, 1, false, u);
        return true;
    }
    /* counted relative dates */
    int dir = 0, base = 1;
    size_t e = j;
    if (!the && !span_word) {
        if (is_w(c, j, "ago")) {
            dir = -1;
            e = j + 1;
        } else if (is_w(c, j, "earlier") || is_w(c, j, "before")) {
            dir = -1;
            base = 2;
            e = j + 1;
            if (is_w(c, j, "before") && has(c, j + 1) && c->t[j + 1].kind != DT_K_PUNCT) {
                dir = 0; /* "two days before the vote": a duration relation */
                e = j;
            }
        } else if (is_w(c, j, "later") || is_w(c, j, "after")) {
            dir = 1;
            base = 2;
            e = j + 1;
            if (is_w(c, j, "after") && has(c, j + 1) && c->t[j + 1].kind != DT_K_PUNCT) {
                dir = 0; /* "a month after Qantas suspended ...": a duration */
                e = j;
            }
        } else if (is_w(c, j, "from") && is_w(c, j + 1, "now")) {
            /* TimeML 1.2.1 anchors a duration to "now": "two years" is the
             * DURATION, "now" a DATE of its own */
            dir = 0;
            e = j;
        } else if (is_w(c, j, "hence")) {
            dir = 1;
            e = j + 1;
        }
    }
    if (dir && (is_w(c, j, "earlier") || is_w(c, j, "later")) && is_w(c, j + 1, "than")) {
        dir = 0; /* "a month earlier than usual": the length of a shift */
        e = j;
    }
    if (dir) {
        r->end = e;
        r->label = DT_L_DATE;
        if (vague || v != (double)(long)v) {
            if (vague) {
                put(r, dir < 0 ? "PAST_REF" : "FUTURE_REF");
                r->anch = 1;
                return true;
            }
        }
        anchor a = c->narr;
        if (base == 1 || a.gran == G_NONE) {
            a.gran = G_DAY;
            a.y = c->ref.y;
            a.m = c->ref.m;
            a.d = c->ref.d;
            a.q = quarter_of(c->ref.m);
            r->anch = 1;
        } else {
            r->anch = 2;
        }
        long n = (long)v;
        dt_ymd d = {a.y, a.m ? a.m : 1, a.d ? a.d : 1};
        switch (u) {
        case DT_U_YEAR:
            if (dir < 0 && n == 1 && v == 1 && c->qtr.gran == G_QUARTER) {
                /* in a report on a quarter, "a year ago" is that quarter
                 * a year before */
                put(r, "%04d-Q%d", c->qtr.y - 1, c->qtr.q);
                r->derived = true;
            } else if (v != (double)n) {
                d = dt_add_months(d, dir * (int)(v * 12 + 0.5));
                put(r, "%04d-%02d", d.y, d.m);
            } else if (a.gran == G_QUARTER && r->anch == 2) {
                put(r, "%04d-Q%d", a.y + dir * (int)n, a.q);
            } else {
                put(r, "%04d", a.y + dir * (int)n);
            }
            break;
        case DT_U_DECADE:
            put(r, "%04d", a.y + dir * 10 * (int)n);
            break;
        case DT_U_CENTURY:
            put(r, "%02d", (a.y + dir * 100 * (int)n) / 100);
            break;
        case DT_U_QUARTER: {
            int idx = a.y * 4 + (a.gran == G_QUARTER ? a.q : quarter_of(d.m)) - 1 + dir * (int)n;
            put(r, "%04d-Q%d", idx / 4, idx % 4 + 1);
            break;
        }
        case DT_U_MONTH:
            d = dt_add_months(d, dir * (int)n);
            put(r, "%04d-%02d", d.y, d.m);
            break;
        case DT_U_WEEK:
        case DT_U_FORTNIGHT:
            d = dt_add_days(d, dir * 7L * n * (u == DT_U_FORTNIGHT ? 2 : 1));
            put_week(r, d);
            break;
        case DT_U_DAY:
            d = dt_add_days(d, dir * n);
            put_day(r, d);
            break;
        case DT_U_WEEKEND:
            return false;
        default:
            /* "an hour later": TimeBank reads the distance, a duration */
            r->label = DT_L_DURATION;
            r->dur_like = true;
            r->anch = 0;
            put_dur(r, v, false, u);
            break;
        }
        return true;
    }
    if (u == DT_U_WEEKEND && !pl)
        return false;
    /* a plain count of units: a duration */
    if (!the && !span_word && (is_w(c, i, "a") || is_w(c, i, "an"))) {
        /* "a year" reads as a set after a rate ("$100 a year") */
        if (s > 0 &&
            (c->t[s - 1].kind == DT_K_NUM || is_w(c, s - 1, "times") || is_w(c, s - 1, "once") ||
             is_w(c, s - 1, "twice") || is_w(c, s - 1, "percent") || is_p(c, s - 1, '%') ||
             is_w(c, s - 1, "million") || is_w(c, s - 1, "billion") || is_w(c, s - 1, "cents") ||
             is_w(c, s - 1, "dollars")))
            return false;
    }
    r->end = j;
    r->label = DT_L_DURATION;
    r->the_ok = true;
    r->dur_like = true;
    put_dur(r, v, vague, u);
    return true;
}
