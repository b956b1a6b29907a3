/* en_calendar.c -- see en_calendar.h.  Written out by hand from English. */
#include "en_calendar.h"

static const en_month_name k_months[] = {
    {"january", 1, false},
    {"february", 2, false},
    {"march", 3, false},
    {"april", 4, false},
    {"may", 5, false},
    {"june", 6, false},
    {"july", 7, false},
    {"august", 8, false},
    {"september", 9, false},
    {"october", 10, false},
    {"november", 11, false},
    {"december", 12, false},
    /* "Sept" beside "Sep": both are common in news text */
    {"jan", 1, true},
    {"feb", 2, true},
    {"mar", 3, true},
    {"apr", 4, true},
    {"jun", 6, true},
    {"jul", 7, true},
    {"aug", 8, true},
    {"sep", 9, true},
    {"sept", 9, true},
    {"oct", 10, true},
    {"nov", 11, true},
    {"dec", 12, true},
};

static const en_weekday_name k_weekdays[] = {
    {"monday", "mondays", 1},     {"tuesday", "tuesdays", 2}, {"wednesday", "wednesdays", 3},
    {"thursday", "thursdays", 4}, {"friday", "fridays", 5},   {"saturday", "saturdays", 6},
    {"sunday", "sundays", 7},
};

const en_month_name *en_months(size_t *n)
{
    *n = sizeof k_months / sizeof k_months[0];
    return k_months;
}

const en_weekday_name *en_weekdays(size_t *n)
{
    *n = sizeof k_weekdays / sizeof k_weekdays[0];
    return k_weekdays;
}
