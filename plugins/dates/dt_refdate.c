/* dt_refdate.c -- see dt_refdate.h. */
#include "dt_refdate.h"

#include <time.h>

#include "dt_match.h"

int dt_reference_date(const char *option, const char *text, const dt_tok *toks, size_t n,
                      dt_ymd *out, const char **source)
{
    if (option) {
        if (!dt_parse_iso(option, false, out))
            return -1;
        *source = "option";
        return 0;
    }
    if (dt_find_dateline(text, toks, n, DT_DATELINE_LINES, out)) {
        *source = "dateline";
        return 0;
    }
    time_t now = time(NULL);
    struct tm tm;
    gmtime_r(&now, &tm);
    out->y = tm.tm_year + 1900;
    out->m = tm.tm_mon + 1;
    out->d = tm.tm_mday;
    *source = "today";
    return 0;
}
