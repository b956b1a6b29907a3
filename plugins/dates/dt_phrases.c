/* dt_phrases.c -- phrases built around a unit word or "time" that name a
 * stretch or a point of time without a number (internal to plugins/dates):
 * "end of year", "the 100th day of the year", "at the time", "hours
 * later", "it took months".  Each rule is called by the matcher at a start
 * whose word class it can begin with (dt_match.c, k_word_rule_starts). */
#include "dt_mctx.h"

#include <stdio.h>

#include "dt_cal.h"

/* "end of year", "beginning of month": the unit alone after "of", read as
 * the current one; the matcher's prefix ("end of") gives the mod.  With an
 * article the older rules take it ("the end of the year"). */
bool r_period_end(const mctx *c, size_t s, res *r)
{
    int u;
    bool pl;
    if (s < 2 || !p_unit(c, s, &u, &pl) || pl || !is_w(c, s - 1, "of"))
        return false;
    static const char *const edges[] = {"end", "beginning", "start", "middle", "close", NULL};
    if (!is_any(c, s - 2, edges) || (is_p(c, s + 1, '\'') && tight(c, s + 1)))
        return false;
    r->end = s + 1;
    r->label = DT_L_DATE;
    r->anch = 1;
    switch (u) {
    case DT_U_YEAR:
        put(r, "%04d", c->ref.y);
        return true;
    case DT_U_MONTH:
        put(r, "%04d-%02d", c->ref.y, c->ref.m);
        return true;
    default:
        return false;
    }
}

/* "the 100th day of the year", "the 45th day of 2021": a day counted from
 * the start of a year; "the last day of the year" its last. */
bool r_nth_day(const mctx *c, size_t s, res *r)
{
    int n, y = 0;
    size_t i = s;
    if (!is_w(c, i, "the"))
        return false;
    size_t j = p_ordinal(c, i + 1, &n);
    bool last = !j && cls(c, i + 2) == DT_C_UNIT && is_w(c, i + 2, "day") &&
                (is_w(c, i + 1, "last") || is_w(c, i + 1, "final"));
    if (last) /* "the last day of the year", "the final day of 2012" */
        j = i + 2, n = 1;
    if (!j || n < 1 || n > 366 || !is_w(c, j, "day") || !is_w(c, j + 1, "of"))
        return false;
    j += 2;
    if ((is_w(c, j, "the") || is_w(c, j, "this")) && is_w(c, j + 1, "year")) {
        y = c->ref.y;
        r->anch = 1;
        j += 2;
    } else if (is_year_tok(c, j, &y)) {
        j++;
    } else {
        return false;
    }
    dt_ymd d = last ? (dt_ymd){y, 12, 31} : dt_add_days((dt_ymd){y, 1, 1}, n - 1);
    if (d.y != y)
        return false; /* day 366 of a common year */
    r->end = j;
    r->label = DT_L_DATE;
    put_day(r, d);
    return true;
}

bool weak_trigger_ok(const mctx *c, size_t i)
{
    if (c->t[i].val == DT_R_WHILE) /* "a while", "a long while" */
        return i >= 1 && (is_w(c, i - 1, "a") || (i >= 2 && is_w(c, i - 2, "a")));
    return i >= 2 &&
           (((is_w(c, i - 1, "the") || is_w(c, i - 1, "this")) && is_w(c, i - 2, "at")) ||
            (is_w(c, i - 1, "that") && (is_w(c, i - 2, "at") || is_w(c, i - 2, "by"))));
}

/* "at the time", "at that time", "by that time": the time the narrative is at, or, with no
 * date told yet, the past (or the present) the verbs speak of.  "At the
 * time of the crash" names its time by the event and is left alone. */
bool r_at_time(const mctx *c, size_t s, res *r)
{
    if (s == 0 || !is_w(c, s + 1, "time") || is_w(c, s + 2, "of") || is_w(c, s + 2, "when") ||
        is_w(c, s + 2, "being"))
        return false;
    bool at = is_w(c, s - 1, "at");
    int tn = 0;
    if (at && is_w(c, s, "this")) {
        /* "at this time": the time of speaking, or in a story told in the
         * past the time the story is at ("he was at this time cleaning
         * the kitchen").  "at this time last year" names another time by
         * the words after it. */
        if (has(c, s + 2) && cls(c, s + 2) != DT_C_NONE)
            return false;
        if ((tn = tense(c, s, s + 2)) >= 0) {
            r->end = s + 2;
            r->label = DT_L_DATE;
            put(r, tn > 0 ? "FUTURE_REF" : "PRESENT_REF");
            return true;
        }
    } else if (!(at && is_w(c, s, "the")) && !((at || is_w(c, s - 1, "by")) && is_w(c, s, "that"))) {
        return false; /* "by that time" as "at that time"; "by the time" opens a clause */
    } else {
        tn = tense(c, s, s + 2);
    }
    r->end = s + 2;
    r->label = DT_L_DATE;
    if (c->narr.gran != G_NONE && tn < 0) {
        r->anch = 2;
        switch (c->narr.gran) {
        case G_DAY:
            put(r, "%04d-%02d-%02d", c->narr.y, c->narr.m, c->narr.d);
            break;
        case G_MONTH:
            put(r, "%04d-%02d", c->narr.y, c->narr.m);
            break;
        case G_QUARTER:
            put(r, "%04d-Q%d", c->narr.y, c->narr.q);
            break;
        default:
            put(r, "%04d", c->narr.y);
            break;
        }
        return true;
    }
    put(r, tn > 0 ? "FUTURE_REF" : tn < 0 || !is_w(c, s, "the") ? "PAST_REF" : "PRESENT_REF");
    return true;
}

/* A plural unit without a count: "hours later", "weeks before the vote",
 * "it took months".  A vague DURATION; the signal word stays outside. */
bool r_bare_units(const mctx *c, size_t s, res *r)
{
    int u;
    bool pl;
    if (!p_unit(c, s, &u, &pl) || !pl || u == DT_U_QUARTER || u == DT_U_WEEKEND)
        return false;
    bool signal_after = is_w(c, s + 1, "later") || is_w(c, s + 1, "earlier") ||
                        is_w(c, s + 1, "before") || is_w(c, s + 1, "after");
    static const char *const took[] = {"took",  "take",   "takes",  "taking", "taken",
                                       "spent", "spend",  "spends", "lasted", "last",
                                       "lasts", "lasting", NULL};
    bool verb_before = s > 0 && is_any(c, s - 1, took);
    if (!signal_after && !verb_before)
        return false;
    /* a determiner or a count before makes it another rule's ("the weeks
     * before", "several weeks", "three weeks later") */
    /* "in the weeks before the shooting", "in the days after": the
     * stretch is the unit alone, as TimeBank marks it */
    bool in_the = signal_after && s >= 2 && is_w(c, s - 1, "the") &&
                  (is_w(c, s - 2, "in") || is_w(c, s - 2, "during") || is_w(c, s - 2, "over"));
    if (s > 0 && !verb_before && !in_the && !sentence_break_before(c, s) &&
        (c->t[s - 1].kind == DT_K_NUM || c->t[s - 1].cls != DT_C_NONE || is_w(c, s - 1, "those") ||
         is_w(c, s - 1, "these")))
        return false;
    r->end = s + 1;
    r->label = DT_L_DURATION;
    put_dur(r, 0, true, u);
    return true;
}

/* "the last three months of 2012", "the first six months of the year": the
 * months a quarter or a half is made of, written as that quarter or half
 * (one DATE, as "the fourth quarter of 2012" is).  Other counts of months,
 * and the phrase without a year ("in the first nine months"), stay a
 * DURATION of the count rule. */
bool r_month_span(const mctx *c, size_t s, res *r)
{
    if (!is_w(c, s, "the"))
        return false;
    bool first = is_w(c, s + 1, "first"), last = is_w(c, s + 1, "last") || is_w(c, s + 1, "final");
    double n;
    bool vague;
    int u;
    bool pl;
    size_t j = (first || last) ? p_count(c, s + 2, &n, &vague) : 0;
    if (!j || vague || (n != 3 && n != 6) || !p_unit(c, j, &u, &pl) || u != DT_U_MONTH ||
        !is_w(c, j + 1, "of"))
        return false;
    j += 2;
    int y;
    if (is_year_tok(c, j, &y)) {
        j++;
    } else if ((is_w(c, j, "the") || is_w(c, j, "this") || is_w(c, j, "last") ||
                is_w(c, j, "next")) &&
               is_w(c, j + 1, "year")) {
        y = c->ref.y + (is_w(c, j, "last") ? -1 : is_w(c, j, "next") ? 1 : 0);
        r->anch = 1;
        j += 2;
    } else {
        return false;
    }
    r->end = j;
    r->label = DT_L_DATE;
    if (n == 3)
        put(r, "%04d-Q%d", y, first ? 1 : 4);
    else
        put(r, "%04d-H%d", y, first ? 1 : 2);
    return true;
}

/* "the last day of March", "the first week of March 2013", "the third
 * Thursday of November": a day or a week counted inside a month.  Without
 * a year the month is the nearest one, as a month alone is. */
bool r_nth_of_month(const mctx *c, size_t s, res *r)
{
    if (!is_w(c, s, "the"))
        return false;
    int n = 0;
    size_t j = p_ordinal(c, s + 1, &n);
    bool last = !j && (is_w(c, s + 1, "last") || is_w(c, s + 1, "final"));
    if (last)
        j = s + 2;
    if (!j || (!last && (n < 1 || n > 5)))
        return false;
    size_t what = j;
    bool day = is_w(c, what, "day"), week = is_w(c, what, "week");
    int wd = cls(c, what) == DT_C_WEEKDAY && !c->t[what].sub ? c->t[what].val : 0;
    int m;
    size_t k = (day || week || wd) && is_w(c, what + 1, "of") ? p_month(c, what + 2, &m) : 0;
    if (!k)
        return false;
    int y;
    if (is_p(c, k, ',') && is_year_tok(c, k + 1, &y)) {
        k += 2;
    } else if (is_year_tok(c, k, &y)) {
        k++;
    } else {
        y = infer_year(c->ref, m, 0, tense(c, s, k));
        r->anch = 1;
    }
    int len = dt_month_days(y, m);
    dt_ymd d = {y, m, 1};
    if (wd) {
        dt_ymd first = last ? (dt_ymd){y, m, len} : d;
        int shift = last ? -((dt_weekday(first) - wd + 7) % 7) : (wd - dt_weekday(first) + 7) % 7;
        d = dt_add_days(first, shift + (last ? 0 : 7L * (n - 1)));
        if (d.m != m)
            return false; /* no fifth Monday */
    } else if (day) {
        d.d = last ? len : n;
        if (d.d > len)
            return false;
    } else {
        /* the ISO week that holds most of days 7(n-1)+1 .. 7n (the last
         * seven days for "the last week") */
        d.d = last ? len - 3 : 4 + 7 * (n - 1);
        if (d.d > len)
            return false;
    }
    r->end = k;
    r->label = DT_L_DATE;
    if (week)
        put_week(r, d);
    else
        put_day(r, d);
    return true;
}
