/*
 * dt_refdate.h -- choosing the reference date of a document.
 *
 * In order: the --reference-date option (source "option"), a dateline or
 * date header in the first lines (source "dateline"), today's date in UTC
 * (source "today").
 */
#ifndef DT_REFDATE_H
#define DT_REFDATE_H

#include <stddef.h>

#include "dt_cal.h"
#include "dt_lex.h"

/* Number of lines at the top of a document searched for a dateline. */
#define DT_DATELINE_LINES 4

/* Picks the reference date.  `option` is the user's YYYY-MM-DD or NULL.
 * *source receives a static string ("option", "dateline", "today").
 * Returns 0, or -1 when `option` is set but not a valid date. */
int dt_reference_date(const char *option, const char *text, const dt_tok *toks, size_t n,
                      dt_ymd *out, const char **source);

#endif
