/* dt_holiday.c -- holiday names and their dates.  See dt_mctx.h. */
#include "dt_mctx.h"

#include <stdbool.h>

/* Holidays: "Christmas", "Christmas Eve", "Thanksgiving (Day)",
 * "New Year's Day", "Easter (Sunday)", the feasts counted from Easter ("Good
 * Friday", "Ash Wednesday", "Pentecost"), US holidays named "X Day" (Memorial,
 * Labor, Veterans, Independence, Presidents) or "X's Day" (Mother's,
 * Father's, Valentine's), "Halloween". */
static dt_ymd easter(int y)
{
    /* the anonymous Gregorian computus */
    int a = y % 19, b = y / 100, cc = y % 100, d = b / 4, e = b % 4, f = (b + 8) / 25,
        g = (b - f + 1) / 3;
    int h = (19 * a + b - d - g + 15) % 30, i = cc / 4, k = cc % 4,
        l = (32 + 2 * e + 2 * i - h - k) % 7;
    int m = (a + 11 * h + 22 * l) / 451;
    int mon = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
    return (dt_ymd){y, mon, day};
}

/* The n-th weekday w (1 = Monday) of month m of year y. */
static dt_ymd nth_weekday(int y, int m, int w, int n)
{
    dt_ymd first = {y, m, 1};
    return dt_add_days(first, (w - dt_weekday(first) + 7) % 7 + 7L * (n - 1));
}

/* The date of holiday hol in year y (eve: Christmas Eve, New Year's Eve,
 * the last day of year y). */
static dt_ymd holiday_date(int hol, int y, bool eve)
{
    switch (hol) {
    case DT_H_CHRISTMAS:
        return (dt_ymd){y, 12, eve ? 24 : 25};
    case DT_H_NEWYEAR:
        return eve ? (dt_ymd){y, 12, 31} : (dt_ymd){y, 1, 1};
    case DT_H_EASTER:
        return easter(y);
    case DT_H_ELECTION: {
        /* US Election Day: the Tuesday after the first Monday of November */
        dt_ymd nov1 = {y, 11, 1};
        return dt_add_days(nov1, (1 - dt_weekday(nov1) + 7) % 7 + 1);
    }
    case DT_H_MEMORIAL: {
        /* the last Monday of May */
        dt_ymd may31 = {y, 5, 31};
        return dt_add_days(may31, -((dt_weekday(may31) - 1 + 7) % 7));
    }
    case DT_H_LABOR:
        return nth_weekday(y, 9, 1, 1);
    case DT_H_PRESIDENTS:
        return nth_weekday(y, 2, 1, 3);
    case DT_H_MOTHERS:
        return nth_weekday(y, 5, 7, 2);
    case DT_H_FATHERS:
        return nth_weekday(y, 6, 7, 3);
    case DT_H_VETERANS:
        return (dt_ymd){y, 11, 11};
    case DT_H_INDEPENDENCE:
        return (dt_ymd){y, 7, 4};
    case DT_H_VALENTINE:
        return (dt_ymd){y, 2, 14};
    case DT_H_HALLOWEEN:
        return (dt_ymd){y, 10, 31};
    default: {
        /* Thanksgiving: the fourth Thursday of November */
        dt_ymd nov1 = {y, 11, 1};
        return dt_add_days(nov1, (4 - dt_weekday(nov1) + 7) % 7 + 21);
    }
    }
}

/* The feasts a number of days away from Easter Sunday, by their names
 * (both words capitalised; one word when the second is NULL).  Returns the
 * index past the name and the offset in *off, or 0. */
static size_t moveable_feast(const mctx *c, size_t i, int *off)
{
    static const struct {
        const char *w1, *w2;
        int off;
    } feasts[] = {
        {"good", "friday", -2},    {"holy", "thursday", -3}, {"maundy", "thursday", -3},
        {"holy", "saturday", -1},  {"palm", "sunday", -7},   {"ash", "wednesday", -46},
        {"shrove", "tuesday", -47}, {"mardi", "gras", -47},   {"easter", "monday", 1},
        {"ascension", "day", 39},  {"whit", "sunday", 49},   {"whit", "monday", 50},
        {"pentecost", NULL, 49},   {"whitsun", NULL, 49},
    };
    if (!capitalised(c, i))
        return 0;
    for (size_t k = 0; k < sizeof feasts / sizeof feasts[0]; k++) {
        if (!is_w(c, i, feasts[k].w1))
            continue;
        if (!feasts[k].w2) {
            *off = feasts[k].off;
            return i + 1;
        }
        if (is_w(c, i + 1, feasts[k].w2) && capitalised(c, i + 1)) {
            *off = feasts[k].off;
            return i + 2;
        }
    }
    return 0;
}

bool r_holiday(const mctx *c, size_t s, res *r)
{
    size_t i = s;
    int k = 0;
    if (is_w(c, i, "last")) {
        k = -1;
        i++;
    } else if (is_w(c, i, "next")) {
        k = 1;
        i++;
    }
    int hol = 0, off = 0;
    size_t j;
    bool eve = false;
    if ((j = moveable_feast(c, i, &off)) != 0) {
        hol = DT_H_EASTER;
    } else if (cls(c, i) == DT_C_HOLIDAY && capitalised(c, i) && c->t[i].val != DT_H_FEAST) {
        hol = c->t[i].val;
        j = i + 1;
        if (hol == DT_H_CHRISTMAS && i > 0 && is_w(c, i - 1, "father") && capitalised(c, i - 1))
            return false; /* "Father Christmas" is a figure */
        /* "Mother's Day", "Veterans' Day", "Presidents' Day" */
        bool poss = is_p(c, j, '\'') && (c->t[j].flags & DT_F_APOS) && tight(c, j);
        if (poss && is_w(c, j + 1, "s") && tight(c, j + 1))
            j += 2;
        else if (poss && (hol == DT_H_VETERANS || hol == DT_H_PRESIDENTS))
            j++;
        else if (hol >= DT_H_MOTHERS && hol != DT_H_HALLOWEEN)
            return false;
        if (hol == DT_H_CHRISTMAS && is_w(c, j, "eve"))
            eve = true, j++;
        else if (is_w(c, j, "day") && capitalised(c, j))
            j++;
        else if (hol == DT_H_EASTER && is_w(c, j, "sunday") && capitalised(c, j))
            j++;
        else if (hol == DT_H_ELECTION || (hol >= DT_H_MEMORIAL && hol != DT_H_HALLOWEEN))
            return false; /* "Election Day", "Labor Day" only, not "election", "labor" */
    } else if (is_w(c, i, "new") && capitalised(c, i) && is_w(c, i + 1, "year") &&
               is_p(c, i + 2, '\'') && is_w(c, i + 3, "s") &&
               (is_w(c, i + 4, "day") || is_w(c, i + 4, "eve")) && capitalised(c, i + 4)) {
        hol = DT_H_NEWYEAR;
        eve = is_w(c, i + 4, "eve");
        j = i + 5;
    } else {
        return false;
    }
    bool week = false;
    if (hol == DT_H_EASTER && is_w(c, j, "island"))
        return false;
    if (hol == DT_H_EASTER && !off && is_w(c, j, "week")) {
        week = true; /* Holy Week: the ISO week that ends on Easter Sunday */
        j++;
    }
    int y = c->ref.y + k;
    if (is_year_tok(c, j, &y))
        j++;
    else if (k == 0) {
        /* the nearest one, as for a day of a month without a year */
        dt_ymd t = dt_add_days(holiday_date(hol, y, eve), off);
        y = infer_year(c->ref, t.m, t.d, tense(c, s, j));
    }
    dt_ymd d = dt_add_days(holiday_date(hol, y, eve), off);
    r->end = j;
    r->label = DT_L_DATE;
    r->anch = 1;
    if (week)
        put_week(r, d);
    else
        put_day(r, d);
    return true;
}
