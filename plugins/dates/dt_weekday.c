/* dt_weekday.c -- weekdays (internal to plugins/dates): "Monday", "last
 * Friday", "this coming Tuesday", "Monday night", "late Monday"; the way a
 * bare weekday points (the words before it, the tense, "until") and the
 * day it names, from the reference date or from the date a story told in
 * the past is at.  See dt_mctx.h. */
#include "dt_mctx.h"

#include <stdbool.h>
#include <stdio.h>

#include "dt_cal.h"

/* Weekday resolution direction from the words before it and the tense. */
int weekday_dir(const mctx *c, size_t s, size_t e, size_t wd_tok, bool *strict)
{
    *strict = false;
    if (wd_tok > s) {
        if (is_w(c, wd_tok - 1, "last") || is_w(c, wd_tok - 1, "past")) {
            *strict = true;
            return -1;
        }
        if (is_w(c, wd_tok - 1, "next") || is_w(c, wd_tok - 1, "coming")) {
            *strict = is_w(c, wd_tok - 1, "next");
            return 1;
        }
        if (is_w(c, wd_tok - 1, "this"))
            return 0;
    }
    /* "postponed until Tuesday": a deadline ahead, unless the clause that
     * follows is past ("Until Thursday, they had not ...") */
    if (s > 0 && (is_w(c, s - 1, "until") || is_w(c, s - 1, "till"))) {
        for (size_t k = e, steps = 0; has(c, k) && steps < 6; k++, steps++) {
            if (k > e && sentence_break_before(c, k))
                break;
            if (word_tense(c, k) < 0)
                return -1;
        }
        return 1;
    }
    /* "as soon as Tuesday", "as early as Friday" */
    if (wd_tok >= 3 && is_w(c, wd_tok - 1, "as") && is_w(c, wd_tok - 3, "as") &&
        (is_w(c, wd_tok - 2, "soon") || is_w(c, wd_tok - 2, "early")))
        return 1;
    /* "Wednesday's ruling": a possessive names an event, mostly past */
    if (has(c, e) && (c->t[e].flags & DT_F_APOS) && tight(c, e) && is_w(c, e + 1, "s"))
        return -1;
    int tn = tense(c, s, e);
    return tn > 0 ? 1 : -1;
}

/* A bare weekday is a name in "Black Friday", "Joe Friday". */
static bool weekday_is_name(const mctx *c, size_t i)
{
    static const char *const before[] = {"black", "cyber", "man",  "girl",
                                         "joe",   "super", "holy", NULL};
    return i > 0 && is_any(c, i - 1, before) && capitalised(c, i - 1);
}

/* "Monday", "last Friday", "this coming Tuesday", "Monday night",
 * "Tuesday morning". */
/* The text tells a story in the past: the last date it gave is a day more
 * than a year before the reference date (news tells of last month against
 * the week it is written in, so a nearer date does not move a weekday). */
bool narrative_past(const mctx *c)
{
    if (c->narr.gran != G_DAY)
        return false;
    long gap =
        dt_days_from_ymd(c->ref) - dt_days_from_ymd((dt_ymd){c->narr.y, c->narr.m, c->narr.d});
    return gap > 366;
}

/* "had" earlier in the clause of token s. */
static bool pluperfect_before(const mctx *c, size_t s)
{
    for (size_t k = s, steps = 0; k > 0 && steps < 12; steps++) {
        if (sentence_break_before(c, k))
            break;
        k--;
        if (is_w(c, k, "had"))
            return true;
    }
    return false;
}

dt_ymd weekday_in_text(const mctx *c, size_t s, int w, int dir, bool strict, bool prefixed,
                       int *anch)
{
    if (!prefixed && narrative_past(c)) {
        /* a story told in the past: "On March 3, 2009, ... By Sunday
         * night": the weekday after the date it told last, or before it
         * in the pluperfect */
        *anch = 2;
        dt_ymd a = {c->narr.y, c->narr.m, c->narr.d};
        return resolve_weekday(a, w, pluperfect_before(c, s) ? -1 : 1, false);
    }
    *anch = 1;
    return resolve_weekday(c->ref, w, dir, strict);
}

bool r_weekday(const mctx *c, size_t s, res *r)
{
    size_t i = s;
    /* "the following Tuesday", "the previous Friday": from the narrative */
    if (is_w(c, i, "the") &&
        (is_w(c, i + 1, "following") || is_w(c, i + 1, "previous") || is_w(c, i + 1, "preceding") ||
         is_w(c, i + 1, "next")) &&
        cls(c, i + 2) == DT_C_WEEKDAY && !c->t[i + 2].sub && capitalised(c, i + 2) &&
        c->narr.gran == G_DAY) {
        dt_ymd a = {c->narr.y, c->narr.m, c->narr.d};
        int dir = is_w(c, i + 1, "previous") || is_w(c, i + 1, "preceding") ? -1 : 1;
        dt_ymd d = resolve_weekday(a, c->t[i + 2].val, dir, true);
        r->end = i + 3;
        r->label = DT_L_DATE;
        r->anch = 2;
        put_day(r, d);
        return true;
    }
    if (is_w(c, i, "this") && (is_w(c, i + 1, "coming") || is_w(c, i + 1, "past")))
        i += 2;
    else if (is_w(c, i, "last") || is_w(c, i, "next") || is_w(c, i, "this") ||
             is_w(c, i, "coming") || is_w(c, i, "past"))
        i++;
    if (cls(c, i) != DT_C_WEEKDAY || !capitalised(c, i) || weekday_is_name(c, i))
        return false;
    int w = c->t[i].val;
    if (c->t[i].sub) {
        /* "Mondays", "Tuesday nights" */
        if (i != s)
            return false;
        r->end = i + 1;
        r->label = DT_L_SET;
        put(r, "XXXX-WXX-%d", w);
        return true;
    }
    size_t j = i + 1;
    int part = 0;
    if (cls(c, j) == DT_C_PARTDAY && c->t[j].val != DT_P_OVERNIGHT) {
        part = c->t[j].val;
        if (c->t[j].sub) {
            r->end = j + 1;
            r->label = DT_L_SET;
            put(r, "XXXX-WXX-%dT%s", w, part_code(part));
            return true;
        }
        j++;
    }
    bool strict;
    int dir = weekday_dir(c, s, j, i, &strict);
    if (i != s && is_w(c, s, "this") && is_w(c, s + 1, "past"))
        dir = -1, strict = true;
    if (i != s && is_w(c, s, "this") && is_w(c, s + 1, "coming"))
        dir = 1, strict = true;
    dt_ymd d = weekday_in_text(c, s, w, dir, strict, i != s, &r->anch);
    r->end = j;
    /* "late Monday", "early Tuesday morning": the part of the day is in
     * the extent with mod END or START (TimeML); "earlier Friday" compares
     * with the event just told and stays outside */
    r->no_prefix = !(i == s && s > 0 && (is_w(c, s - 1, "late") || is_w(c, s - 1, "early")) &&
                     !(s > 1 && is_w(c, s - 2, "the")));
    if (part) {
        r->label = DT_L_TIME;
        put(r, "%04d-%02d-%02dT%s", d.y, d.m, d.d, part_code(part));
    } else {
        r->label = DT_L_DATE;
        put_day(r, d);
    }
    return true;
}
