/* dt_cal.c -- see dt_cal.h.  Civil-from-days after the well-known
 * era-based algorithm (public-domain arithmetic, written from its math). */
#include "dt_cal.h"

#include <stdio.h>

long dt_days_from_ymd(dt_ymd v)
{
    long y = v.y - (v.m <= 2);
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long mp = (v.m + 9) % 12;
    long doy = (153 * mp + 2) / 5 + v.d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

dt_ymd dt_ymd_from_days(long z)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    dt_ymd r;
    r.d = (int)(doy - (153 * mp + 2) / 5 + 1);
    r.m = (int)(mp < 10 ? mp + 3 : mp - 9);
    r.y = (int)(yoe + era * 400 + (r.m <= 2));
    return r;
}

int dt_weekday(dt_ymd v)
{
    long z = dt_days_from_ymd(v); /* 1970-01-01 was a Thursday (4) */
    long w = (z + 3) % 7;
    if (w < 0)
        w += 7;
    return (int)w + 1;
}

void dt_iso_week(dt_ymd v, int *week_year, int *week)
{
    /* The week belongs to the year holding its Thursday. */
    long z = dt_days_from_ymd(v);
    long thu = z - dt_weekday(v) + 4;
    dt_ymd t = dt_ymd_from_days(thu);
    dt_ymd jan1 = {t.y, 1, 1};
    *week_year = t.y;
    *week = (int)((thu - dt_days_from_ymd(jan1)) / 7 + 1);
}

int dt_month_days(int y, int m)
{
    static const int md[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 29;
    return md[(m - 1) % 12];
}

bool dt_valid(int y, int m, int d)
{
    return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= dt_month_days(y, m);
}

dt_ymd dt_add_days(dt_ymd v, long n)
{
    return dt_ymd_from_days(dt_days_from_ymd(v) + n);
}

dt_ymd dt_add_months(dt_ymd v, int n)
{
    int idx = v.y * 12 + (v.m - 1) + n;
    dt_ymd r;
    r.y = idx / 12;
    r.m = idx % 12 + 1;
    int md = dt_month_days(r.y, r.m);
    r.d = v.d > md ? md : v.d;
    return r;
}

static int digits(const char *s, int n)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

bool dt_parse_iso(const char *s, bool allow_trailing, dt_ymd *out)
{
    if (!s)
        return false;
    int y = digits(s, 4);
    if (y < 0 || s[4] != '-')
        return false;
    int m = digits(s + 5, 2);
    if (m < 0 || s[7] != '-')
        return false;
    int d = digits(s + 8, 2);
    if (d < 0 || (!allow_trailing && s[10] != '\0'))
        return false;
    if (!dt_valid(y, m, d))
        return false;
    out->y = y;
    out->m = m;
    out->d = d;
    return true;
}

/* Writes the n low decimal digits of v at p. */
static void put_digits(char *p, int v, int n)
{
    for (int k = n - 1; k >= 0; k--, v /= 10)
        p[k] = (char)('0' + v % 10);
}

void dt_format_ymd(char *buf, size_t cap, dt_ymd v)
{
    if (cap < 11 || v.y < 0 || v.y > 9999 || v.m < 0 || v.m > 99 || v.d < 0 || v.d > 99) {
        snprintf(buf, cap, "%04d-%02d-%02d", v.y, v.m, v.d);
        return;
    }
    put_digits(buf, v.y, 4);
    buf[4] = '-';
    put_digits(buf + 5, v.m, 2);
    buf[7] = '-';
    put_digits(buf + 8, v.d, 2);
    buf[10] = '\0';
}
