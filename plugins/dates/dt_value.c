/* dt_value.c -- writing TIMEX3 values into a rule result, and resolving
 * weekdays, years and quarters against the reference date.  See dt_mctx.h. */
#include "dt_mctx.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>

/* ---- values ---------------------------------------------------------------- */

void put(res *r, const char *fmt, ...)
{
    /* Rules format a value at every match they try, winning or not, and
     * vsnprintf() was a tenth of the plugin's time: this handles the few
     * conversions values use (%d, %0Nd, %ld, %s) and leaves the rest
     * (%g) to vsnprintf(). */
    for (const char *f = fmt; *f; f++)
        if (*f == '%' && !(f[1] == 'd' || f[1] == 's' || (f[1] == 'l' && f[2] == 'd') ||
                           (f[1] == '0' && f[2] >= '2' && f[2] <= '4' && f[3] == 'd'))) {
            va_list ap;
            va_start(ap, fmt);
            vsnprintf(r->value, sizeof r->value, fmt, ap);
            va_end(ap);
            return;
        }
    va_list ap;
    va_start(ap, fmt);
    char *o = r->value, *end = r->value + sizeof r->value - 1;
    for (const char *f = fmt; *f && o < end; f++) {
        if (*f != '%') {
            *o++ = *f;
            continue;
        }
        f++;
        if (*f == 's') {
            for (const char *a = va_arg(ap, const char *); *a && o < end; a++)
                *o++ = *a;
            continue;
        }
        int width = 0;
        long v;
        if (*f == '0') {
            width = f[1] - '0';
            f += 2;
            v = va_arg(ap, int);
        } else if (*f == 'l') {
            f++;
            v = va_arg(ap, long);
        } else {
            v = va_arg(ap, int);
        }
        char digits[24];
        int nd = 0;
        unsigned long u = v < 0 ? 0UL - (unsigned long)v : (unsigned long)v;
        do {
            digits[nd++] = (char)('0' + u % 10);
            u /= 10;
        } while (u);
        if (v < 0 && o < end)
            *o++ = '-';
        for (int z = nd; z < width && o < end; z++)
            *o++ = '0';
        while (nd > 0 && o < end)
            *o++ = digits[--nd];
    }
    *o = '\0';
    va_end(ap);
}

void put_day(res *r, dt_ymd d)
{
    put(r, "%04d-%02d-%02d", d.y, d.m, d.d);
}

void put_week(res *r, dt_ymd d)
{
    int wy, w;
    dt_iso_week(d, &wy, &w);
    put(r, "%04d-W%02d", wy, w);
}

const char *part_code(int p)
{
    switch (p) {
    case DT_P_MO:
        return "MO";
    case DT_P_AF:
        return "AF";
    case DT_P_EV:
        return "EV";
    default:
        return "NI";
    }
}

const char *season_code(int s)
{
    switch (s) {
    case DT_S_SP:
        return "SP";
    case DT_S_SU:
        return "SU";
    case DT_S_FA:
        return "FA";
    default:
        return "WI";
    }
}

/* Number formatted for a duration: "3", "1.5". */
static void fmt_num(char *buf, size_t cap, double v)
{
    if (v == (double)(long)v)
        snprintf(buf, cap, "%ld", (long)v);
    else
        snprintf(buf, cap, "%.1f", v);
}

/* TIMEX3 duration of v units (X when vague). */
void put_dur(res *r, double v, bool vague, int unit)
{
    char n[24];
    if (vague)
        snprintf(n, sizeof n, "X");
    else
        fmt_num(n, sizeof n, v);
    bool whole = vague || v == (double)(long)v;
    switch (unit) {
    case DT_U_YEAR:
        put(r, "P%sY", n);
        break;
    case DT_U_MONTH:
        put(r, "P%sM", n);
        break;
    case DT_U_WEEK:
        put(r, "P%sW", n);
        break;
    case DT_U_DAY:
        put(r, "P%sD", n);
        break;
    /* decades, centuries and millennia in years, quarters in months, as
     * TempEval writes them ("a decade" P10Y, "three quarters" P9M) */
    case DT_U_DECADE:
    case DT_U_CENTURY:
    case DT_U_MILLENNIUM: {
        double k = unit == DT_U_DECADE ? 10 : unit == DT_U_CENTURY ? 100 : 1000;
        if (vague)
            put(r, "PXY");
        else
            put(r, "P%gY", k * v);
        break;
    }
    case DT_U_QUARTER:
        if (vague)
            put(r, "PXM");
        else
            put(r, "P%gM", 3 * v);
        break;
    case DT_U_WEEKEND:
        put(r, "P%sWE", n);
        break;
    case DT_U_FORTNIGHT:
        if (vague)
            put(r, "PXW");
        else
            put(r, "P%gW", 2 * v);
        break;
    case DT_U_HOUR:
        if (whole)
            put(r, "PT%sH", n);
        else
            put(r, "PT%ldH%ldM", (long)v, (long)((v - (long)v) * 60 + 0.5));
        break;
    case DT_U_MINUTE:
        if (whole)
            put(r, "PT%sM", n);
        else
            put(r, "PT%ldM%ldS", (long)v, (long)((v - (long)v) * 60 + 0.5));
        break;
    default:
        put(r, "PT%sS", n);
        break;
    }
}

int quarter_of(int m)
{
    return (m - 1) / 3 + 1;
}

/* ---- resolution ---------------------------------------------------------- */

/* Weekday w resolved from the reference date: dir -1 the last one (today
 * counts unless strict), +1 the next one, 0 this week's. */
dt_ymd resolve_weekday(dt_ymd ref, int w, int dir, bool strict)
{
    int rw = dt_weekday(ref);
    long diff;
    if (dir < 0) {
        diff = -(long)((rw - w + 7) % 7);
        if (diff == 0 && strict)
            diff = -7;
    } else if (dir > 0) {
        diff = (w - rw + 7) % 7;
        if (diff == 0 && strict)
            diff = 7;
    } else {
        diff = w - rw;
    }
    return dt_add_days(ref, diff);
}

/* Year of month m (day d, 0 if none) given the tense of the sentence. */
int infer_year(dt_ymd ref, int m, int d, int tn)
{
    /* a month alone: this year's, unless the tense puts it on the other
     * side of the reference date */
    if (d == 0) {
        /* the nearest such month, where one on the wrong side of the tense
         * counts four times as far (a future one twelve times): a past-tense
         * sentence about next month tells a plan ("was planned for March"),
         * about one eight months ahead hardly ever; without a tense, a month ahead counts 1.5 times */
        long rm = (long)ref.y * 12 + ref.m - 1, bestc = 0;
        int by = ref.y;
        for (int y = ref.y - 1; y <= ref.y + 1; y++) {
            long diff = (long)y * 12 + m - 1 - rm;
            long cost = 2 * (diff < 0 ? -diff : diff);
            if (tn > 0 && diff < 0)
                cost *= 12; /* what will happen is hardly ever in a month gone by:
                               "will last until June" said in August */
            else if (tn < -1 && diff > 0)
                cost *= 1000; /* "since March": one gone by */
            else if (tn < 0 && diff > 0)
                cost *= 4;
            else if (tn == 0 && diff > 0)
                cost = cost * 3 / 2; /* news tells what happened more than plans */
            if (y == ref.y - 1 || cost < bestc) {
                bestc = cost;
                by = y;
            }
        }
        return by;
    }
    /* a day: the nearest such date, where a date on the wrong side of the
     * tense (or, without one, more than four months ahead) counts three
     * times as far, a past one in a sentence about the future six times */
    long r = dt_days_from_ymd(ref), best = 0;
    int by = ref.y;
    for (int y = ref.y - 1; y <= ref.y + 1; y++) {
        int dd = d;
        if (dd > dt_month_days(y, m))
            dd = dt_month_days(y, m);
        long diff = dt_days_from_ymd((dt_ymd){y, m, dd}) - r;
        long cost = diff < 0 ? -diff : diff;
        if (tn > 0 && diff < 0)
            cost *= 6; /* "the vote is set for Dec. 4" said in February */
        else if (tn < -1 && diff > 0)
            cost *= 1000; /* "since Dec. 4": a day gone by */
        else if ((tn < 0 && diff > 0) || (tn == 0 && diff > 122))
            cost *= 3;
        if (y == ref.y - 1 || cost < best) {
            best = cost;
            by = y;
        }
    }
    return by;
}

/* Year of quarter q without a written year: the latest one that has begun,
 * or the coming one. */
int quarter_year(dt_ymd ref, int q)
{
    int rq = quarter_of(ref.m);
    return q - rq >= 2 ? ref.y - 1 : ref.y;
}
