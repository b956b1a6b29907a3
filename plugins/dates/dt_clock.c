/* dt_clock.c -- clock times (internal to plugins/dates): "3 p.m.",
 * "10:35 a.m. EST", "15:30", "4:12:09", "noon", "midnight Friday", "5 p.m.
 * EST Nov. 9".  See dt_mctx.h. */
#include "dt_mctx.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "dt_cal.h"

static bool r_date_after_time(const mctx *c, size_t s0, size_t j, res *r, dt_ymd *day, size_t *end);

/* A known time zone written after a time ("EST"): copies it to name and
 * returns true. */
static bool tz_name(const mctx *c, size_t i, char *name, size_t cap)
{
    static const char *const zones[] = {"EST", "EDT",  "CST", "CDT", "MST", "MDT",  "PST",
                                        "PDT", "GMT",  "UTC", "BST", "CET", "CEST", "JST",
                                        "IST", "AEST", "ET",  "CT",  "MT",  "PT",   NULL};
    if (!has(c, i) || c->t[i].kind != DT_K_WORD)
        return false;
    for (size_t k = 0; zones[k]; k++) {
        size_t n = strlen(zones[k]);
        if (tlen(c, i) == n && !strncmp(c->text + c->t[i].start, zones[k], n)) {
            snprintf(name, cap, "%s", zones[k]);
            return true;
        }
    }
    return false;
}

/* "a.m." / "am" / "p.m." / "pm" at i: returns next index, *pm set. */
static size_t p_ampm(const mctx *c, size_t i, bool *pm)
{
    if (is_w(c, i, "am") || is_w(c, i, "pm")) {
        *pm = (c->text[c->t[i].start] | 0x20) == 'p';
        return i + 1;
    }
    if ((is_w(c, i, "a") || is_w(c, i, "p")) && is_p(c, i + 1, '.') && tight(c, i + 1) &&
        is_w(c, i + 2, "m") && tight(c, i + 2)) {
        *pm = (c->text[c->t[i].start] | 0x20) == 'p';
        size_t j = i + 3;
        /* keep the final period unless it ends the sentence */
        char tzn[8];
        if (is_p(c, j, '.') && tight(c, j) &&
            !(has(c, j + 1) && capitalised(c, j + 1) &&
              !(c->t[j + 1].cls == DT_C_WEEKDAY || c->t[j + 1].cls == DT_C_MONTH ||
                c->t[j + 1].cls == DT_C_RELDAY || tz_name(c, j + 1, tzn, sizeof tzn))))
            j++;
        return j;
    }
    return 0;
}

/* Times: "3 p.m.", "10:35 a.m. EST", "15:30", "noon", "midnight Friday",
 * "5 p.m. EST Nov. 9". */
bool r_time(const mctx *c, size_t s, res *r)
{
    int h = -1, mi = 0, sec = -1;
    size_t j = s;
    bool pm = false;
    if (cls(c, s) == DT_C_DAYTIME) {
        if (s > 0 && is_w(c, s - 1, "high"))
            return false;
        h = c->t[s].val;
        j = s + 1;
    } else if (has(c, s) && c->t[s].kind == DT_K_NUM) {
        const dt_tok *t = &c->t[s];
        const char *p = c->text + t->start;
        size_t n = tlen(c, s);
        if (t->flags & DT_F_NSEP) {
            /* hh:mm, hh:mm:ss, with am/pm glued ("7:30pm") or after; a
             * dot only with am/pm ("7.30pm", "7.30 p.m."), as 7.30 alone
             * is an amount */
            char suf[8] = "";
            size_t nn = n;
            if (t->flags & DT_F_NSUF) {
                num_suffix(c, s, suf, sizeof suf);
                if (strcmp(suf, "am") && strcmp(suf, "pm"))
                    return false;
                nn = n - 2;
            }
            const char *colon = memchr(p, ':', nn);
            bool dot = false;
            if (!colon) {
                colon = memchr(p, '.', nn);
                dot = colon != NULL;
            }
            size_t rest = colon ? (size_t)(p + nn - colon) : 0;
            if (!colon || colon - p > 2 || (rest != 3 && rest != 6) || (dot && rest != 3))
                return false;
            h = t->num;
            mi = (colon[1] - '0') * 10 + (colon[2] - '0');
            if (rest == 6) {
                if (colon[3] != ':' || colon[4] < '0' || colon[4] > '9' || colon[5] < '0' ||
                    colon[5] > '9')
                    return false;
                sec = (colon[4] - '0') * 10 + (colon[5] - '0');
            }
            if (h > 24 || mi > 59 || sec > 59 || colon[1] < '0' || colon[1] > '9' ||
                colon[2] < '0' || colon[2] > '9')
                return false;
            j = s + 1;
            size_t k = suf[0] ? j : p_ampm(c, j, &pm);
            if (suf[0])
                pm = suf[0] == 'p';
            if (k) {
                if (h > 12)
                    return false;
                if (pm && h < 12)
                    h += 12;
                if (!pm && h == 12)
                    h = 0;
                j = k;
            } else if (dot) {
                return false;
            }
        } else if (t->flags & DT_F_NSUF) {
            char suf[8];
            num_suffix(c, s, suf, sizeof suf);
            if ((strcmp(suf, "am") && strcmp(suf, "pm")) || n > 4 || t->num < 1 || t->num > 12)
                return false;
            h = t->num;
            if (suf[0] == 'p' && h < 12)
                h += 12;
            if (suf[0] == 'a' && h == 12)
                h = 0;
            j = s + 1;
        } else if (n <= 2 && t->num >= 1 && t->num <= 12) {
            size_t k = p_ampm(c, s + 1, &pm);
            if (k) {
                h = t->num;
                if (pm && h < 12)
                    h += 12;
                if (!pm && h == 12)
                    h = 0;
                j = k;
            } else if (is_w(c, s + 1, "o") && has(c, s + 2) && (c->t[s + 2].flags & DT_F_APOS) &&
                       is_w(c, s + 3, "clock")) {
                h = t->num;
                j = s + 4;
            } else {
                return false;
            }
        } else {
            return false;
        }
    } else {
        return false;
    }
    char tzname[8] = "";
    if (tz_name(c, j, tzname, sizeof tzname))
        j++;
    else if (is_w(c, j, "local") && is_w(c, j + 1, "time"))
        j += 2; /* "4 p.m. local time": a zone by name, with nothing to
                 * put in the timezone attribute */
    /* a time with no date falls on the day the narrative is at */
    dt_ymd day = c->ref;
    r->anch = 1;
    if (c->narr.gran == G_DAY) {
        day = (dt_ymd){c->narr.y, c->narr.m, c->narr.d};
        r->anch = 2;
    }
    size_t e2;
    size_t k = j;
    if (is_p(c, k, ','))
        k++;
    res tmp;
    res_clear(&tmp);
    dt_ymd on_day = day;
    if (r_date_after_time(c, s, k, &tmp, &day, &e2)) {
        j = e2;
        r->anch = tmp.anch;
    } else if (is_w(c, j, "on") &&
               (cls(c, j + 1) == DT_C_MONTH ||
                (cls(c, j + 1) == DT_C_WEEKDAY &&
                 (cls(c, j + 2) == DT_C_MONTH ||
                  (is_p(c, j + 2, ',') && cls(c, j + 3) == DT_C_MONTH)))) &&
               r_date_after_time(c, s, j + 1, &tmp, &on_day, &e2)) {
        /* "at 8 p.m. on March 3": the time is on that day; the date after
         * the preposition is an expression of its own.  A weekday alone is
         * left to its own rule, whose direction reads the words around it
         * (a value taken here could point the other way) */
        day = on_day;
        r->anch = tmp.anch;
    }
    r->end = j;
    r->label = DT_L_TIME;
    /* The zone as written goes to the timezone attribute; the value stays
     * the local clock time, as TimeBank and TempEval write it ("5 p.m. EST"
     * is T17:00, not T17:00-05:00). */
    if (h == 12 && cls(c, s) == DT_C_DAYTIME)
        put(r, "%04d-%02d-%02dT12:00", day.y, day.m, day.d);
    else if (h == 24)
        put(r, "%04d-%02d-%02dT24:00", day.y, day.m, day.d);
    else if (sec >= 0)
        put(r, "%04d-%02d-%02dT%02d:%02d:%02d", day.y, day.m, day.d, h, mi, sec);
    else
        put(r, "%04d-%02d-%02dT%02d:%02d", day.y, day.m, day.d, h, mi);
    snprintf(r->tz, sizeof r->tz, "%s", tzname);
    return true;
}

/* A date right after a time: "Friday", "Nov. 9", "today", "yesterday". */
static bool r_date_after_time(const mctx *c, size_t s0, size_t j, res *r, dt_ymd *day, size_t *end)
{
    if (cls(c, j) == DT_C_WEEKDAY && !c->t[j].sub && capitalised(c, j) &&
        cls(c, j + 1) != DT_C_MONTH && !(is_p(c, j + 1, ',') && cls(c, j + 2) == DT_C_MONTH)) {
        /* "9 a.m. Tuesday": the tense around the whole expression */
        bool strict;
        int dir = weekday_dir(c, s0, j + 1, j, &strict);
        *day = weekday_in_text(c, s0, c->t[j].val, dir, false, false, &r->anch);
        *end = j + 1;
        return true;
    }
    res t;
    res_clear(&t);
    if (cls(c, j) == DT_C_RELDAY && c->t[j].val != 2) {
        *day = dt_add_days(c->ref, c->t[j].val);
        *end = j + 1;
        r->anch = 1;
        return true;
    }
    if (cls(c, j) == DT_C_WEEKDAY && (r_month(c, j, &t) || r_weekday(c, j, &t))) {
        if (dt_parse_iso(t.value, true, day) && strlen(t.value) == 10) {
            *end = t.end;
            r->anch = t.anch;
            return true;
        }
    }
    if (cls(c, j) == DT_C_MONTH && r_month(c, j, &t) && strlen(t.value) == 10 &&
        dt_parse_iso(t.value, false, day)) {
        *end = t.end;
        r->anch = t.anch;
        return true;
    }
    return false;
}
