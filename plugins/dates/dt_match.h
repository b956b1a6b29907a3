/*
 * dt_match.h -- the grammar of English temporal expressions.
 *
 * Given the plugin's tokens (dt_lex.h) and a reference date, finds the
 * temporal expressions and normalises each one to a TIMEX3 type and value.
 * Relative expressions ("yesterday", "last year", weekdays) resolve against
 * the reference date; narrative ones ("the following day", "a year
 * earlier") against the last absolute date the text mentioned.
 */
#ifndef DT_MATCH_H
#define DT_MATCH_H

#include <stddef.h>
#include <stdint.h>

#include "dt_cal.h"
#include "dt_lex.h"

enum { DT_L_DATE = 0, DT_L_TIME, DT_L_DURATION, DT_L_SET };

/* The TIMEX3 type names, indexed by DT_L_*. */
extern const char *const dt_label_names[4];

typedef struct dt_hit {
    uint32_t start, end; /* byte offsets in the text, end exclusive */
    int label;           /* DT_L_* */
    char value[48];      /* TIMEX3 value */
    const char *mod;     /* TIMEX3 mod (static string), or NULL */
    char anchor[16];     /* date the value was resolved against, or "" */
    char tz[8];          /* time zone as written (EST), or "" */
    char freq[8];        /* TIMEX3 freq of a set ("2X" for twice a month), or "" */
} dt_hit;

struct dt_work;

/* Finds the expressions in the n tokens w->toks of `text`, looking closer
 * at the triggers w->trig[0..ntrig) (from dt_tokenize()).  The hits go to
 * w->hits, sorted by start.  Returns the number of hits, or (size_t)-1
 * when memory runs out.  Reentrant. */
size_t dt_match(const char *text, size_t n, size_t ntrig, dt_ymd ref, struct dt_work *w);

/* Looks for a dateline or date header in the first lines of the text
 * ("TOKYO, Feb. 7, 2023 -", "March 3, 2023", "2023-02-07"): a complete
 * calendar date among the first `max_lines` lines.  Returns 1 and stores it
 * in *out when found, else 0. */
int dt_find_dateline(const char *text, const dt_tok *toks, size_t n, int max_lines, dt_ymd *out);

#endif
