/*
 * en_calendar.h -- the English names of the months and weekdays, with their
 * numbers, shared by the plugins that must know a calendar word when they
 * see one (dates reads them, numbers keeps "May 5" out of its CARDINALs,
 * quotes keeps "Monday" from being a speaker).
 */
#ifndef EN_CALENDAR_H
#define EN_CALENDAR_H
#include <stdbool.h>
#include <stddef.h>

typedef struct en_month_name {
    const char *word; /* lower-case ASCII, without a period */
    int month;        /* 1 .. 12 */
    bool abbrev;      /* "sept", "oct"; "may" is a full name only */
} en_month_name;

typedef struct en_weekday_name {
    const char *word;   /* lower-case ASCII: "monday" */
    const char *plural; /* "mondays" */
    int day;            /* 1 .. 7, Monday = 1 (ISO 8601) */
} en_weekday_name;

/* The month names, full names first; *n receives their count.  Borrowed,
 * static. */
const en_month_name *en_months(size_t *n);

/* The weekday names from Monday; *n receives their count (7).  Borrowed,
 * static. */
const en_weekday_name *en_weekdays(size_t *n);
#endif
