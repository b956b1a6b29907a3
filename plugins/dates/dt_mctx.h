/*
 * dt_mctx.h -- what the files of the matcher share (internal to plugins/dates).
 *
 * The matcher is split by concept: token predicates (dt_tokpred.c), tense
 * (dt_tense.c), value formatting and resolution (dt_value.c), the rules
 * (dt_rules.c), weekdays (dt_weekday.c), clock times (dt_clock.c),
 * durations and counted relative dates (dt_durations.c), phrases without a
 * number (dt_phrases.c), holidays (dt_holiday.c) and the driver
 * (dt_match.c).  All of
 * them read the matching context and write a rule result, declared here.
 * The functions keep their short names: the plugin is built with hidden
 * visibility and exports only ann_plugin_*.
 */
#ifndef DT_MCTX_H
#define DT_MCTX_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "dt_match.h"

/* The years a four-digit number may name, for years and decades alike. */
enum { DT_YEAR_MIN = 1000, DT_YEAR_MAX = 2199 };

/* Granularity of a narrative anchor. */
enum { G_NONE = 0, G_YEAR, G_QUARTER, G_MONTH, G_DAY };

typedef struct anchor {
    int gran;
    int y, q, m, d;
} anchor;

typedef struct mctx {
    const char *text;
    const dt_tok *t;
    size_t n;
    dt_ymd ref;
    anchor narr; /* last absolute date mentioned (G_NONE at first) */
    anchor qtr;  /* last quarter mentioned: the period a report is about */
} mctx;

typedef struct res {
    size_t end; /* token index one past the expression */
    int label;
    char value[48];
    const char *mod;
    int anch;       /* 0: absolute, 1: resolved against ref, 2: narrative */
    bool the_ok;    /* a preceding "the" belongs to the expression */
    bool dur_like;  /* accepts approximators (about, more than) */
    bool no_prefix; /* early/late do not belong to it (weekdays) */
    bool derived;   /* value taken from the report's quarter: no anchor */
    char freq[8];   /* TIMEX3 freq of a set ("2X"), or "" */
    char tz[8];
} res;

/* Clears a result: every field a rule reads before it writes, and the
 * strings to "" (they are only written whole, terminated, and read up to
 * their end).  The rules are tried one after another at every candidate
 * start; clearing the whole struct compiles to `rep stos`, whose start-up
 * cost was a sixth of the matcher's time. */
static inline void res_clear(res *r)
{
    r->end = 0;
    r->label = 0;
    r->value[0] = '\0';
    r->mod = NULL;
    r->anch = 0;
    r->the_ok = r->dur_like = r->no_prefix = r->derived = false;
    r->freq[0] = '\0';
    r->tz[0] = '\0';
}

/* ---- token predicates (dt_tokpred.c) ----------------------------------- */

/* The three predicates nearly every test goes through stay inline here. */

static inline bool has(const mctx *c, size_t i)
{
    return i < c->n;
}

static inline size_t tlen(const mctx *c, size_t i)
{
    return c->t[i].end - c->t[i].start;
}

/* Token i is the word w (ASCII, lowercase), compared case-insensitively.
 * The rules call this with literals millions of times per run: inlined,
 * the literal's key (dt_word_key(), its first four letters) folds to a
 * constant and most calls end at one compare of the token's key with it;
 * a literal of four letters or more then compares the length and the
 * letters beyond the fourth.  A token that is no word has key 0, which no
 * literal has. */
#if defined(__GNUC__)
__attribute__((always_inline))
#endif
static inline bool
is_w(const mctx *c, size_t i, const char *w)
{
    if (!has(c, i) || c->t[i].key != dt_word_key(w))
        return false;
    size_t n = strlen(w);
    if (n < 4)
        return true; /* the key's zero bytes end the token's word where w ends */
    if (tlen(c, i) != n)
        return false;
    const char *p = c->text + c->t[i].start;
    for (size_t k = 4; k < n; k++)
        if ((p[k] | 0x20) != w[k])
            return false;
    return true;
}

/* The one-test predicates below are inline too: out of line, the call
 * and return cost more than the test (cls() alone was 2% of the plugin's
 * instructions). */

/* Token i is the punctuation mark ch. */
static inline bool is_p(const mctx *c, size_t i, char ch)
{
    return has(c, i) && c->t[i].kind == DT_K_PUNCT && tlen(c, i) == 1 &&
           c->text[c->t[i].start] == ch;
}

/* No space between token i-1 and token i. */
static inline bool tight(const mctx *c, size_t i)
{
    return has(c, i) && !(c->t[i].flags & DT_F_SPACE);
}

/* A hyphen joining tokens i-1 and i+1 ("third-quarter"). */
static inline bool is_hyph(const mctx *c, size_t i)
{
    return is_p(c, i, '-') && tight(c, i) && tight(c, i + 1);
}

/* The lexicon class of word token i (DT_C_NONE for other tokens). */
static inline int cls(const mctx *c, size_t i)
{
    return has(c, i) && c->t[i].kind == DT_K_WORD ? c->t[i].cls : DT_C_NONE;
}

static inline bool capitalised(const mctx *c, size_t i)
{
    return has(c, i) && (c->t[i].flags & DT_F_CAP);
}

/* A plain integer token (no separators, no suffix) of 1 to `maxd` digits. */
static inline bool is_int(const mctx *c, size_t i, size_t maxd)
{
    return has(c, i) && c->t[i].kind == DT_K_NUM && !(c->t[i].flags & (DT_F_NSEP | DT_F_NSUF)) &&
           tlen(c, i) <= maxd;
}

bool is_any(const mctx *c, size_t i, const char *const *ws);
void num_suffix(const mctx *c, size_t i, char *buf, size_t cap);
bool is_year_tok(const mctx *c, size_t i, int *y);
bool is_day_tok(const mctx *c, size_t i, int *d);
size_t p_ordinal(const mctx *c, size_t i, int *v);
size_t p_month(const mctx *c, size_t i, int *m);
size_t p_count(const mctx *c, size_t i, double *v, bool *vague);
size_t p_unit(const mctx *c, size_t i, int *u, bool *plural);
/* A dash glued between tokens i-1 and i+1: a hyphen or an en dash. */
bool glued_dash(const mctx *c, size_t i);
bool in_number_chain(const mctx *c, size_t i);
/* The year y1 at token i opens a range glued by a dash ("1998-2001",
 * "1984-85", "the 2010-11 season"): returns the index past the second year
 * and its value in *y2, or 0.  Chains of three numbers are phone numbers. */
size_t year_range_end(const mctx *c, size_t i, int y1, int *y2);
/* A decade value v ("198", from "1980s") whose expression ends before
 * token e opens a range glued by a dash ("1980s-90s", "1980s-1990s"):
 * returns the index past the second decade and its value in v2 (4
 * bytes), or 0. */
size_t decade_range_end(const mctx *c, size_t e, const char *v, char *v2);
/* Two capitalised words in mid-sentence around [s, e) make a title or a
 * name ("ABC's This Week", "VOA Today"), not a time. */
bool in_title(const mctx *c, size_t s, size_t e);

/* Token i, the word "time" or "while", may end "at the time", "at this
 * time", "by that time" (dt_phrases.c, r_at_time) or "a while" (r_ref):
 * elsewhere these common words are passed over before any rule is tried. */
bool weak_trigger_ok(const mctx *c, size_t i);

/* ---- values and resolution (dt_value.c) -------------------------------- */

void put(res *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void put_day(res *r, dt_ymd d);
void put_week(res *r, dt_ymd d);
const char *part_code(int p);
const char *season_code(int s);
void put_dur(res *r, double v, bool vague, int unit);
int quarter_of(int m);
dt_ymd resolve_weekday(dt_ymd ref, int w, int dir, bool strict);
int infer_year(dt_ymd ref, int m, int d, int tn);
int quarter_year(dt_ymd ref, int q);

/* ---- tense (dt_tense.c) ------------------------------------------------- */

bool sentence_break_before(const mctx *c, size_t k);
int word_tense(const mctx *c, size_t k);
/* +1 future, -1 past, 0 unknown; -2 after "since": strictly before the
 * reference date. */
int tense(const mctx *c, size_t b, size_t e);

/* ---- rules (dt_rules.c, dt_weekday.c, dt_clock.c, dt_durations.c, dt_phrases.c,
 * dt_holiday.c) ----
 * Each rule looks for one kind of expression starting at token s and fills
 * *r (r->end > s) on success. */

bool r_month(const mctx *c, size_t s, res *r);
bool r_year(const mctx *c, size_t s, res *r);
bool r_time(const mctx *c, size_t s, res *r);
bool r_weekday(const mctx *c, size_t s, res *r);
bool r_numeric(const mctx *c, size_t s, res *r);
bool r_relday(const mctx *c, size_t s, res *r);
bool r_relunit(const mctx *c, size_t s, res *r);
bool r_season(const mctx *c, size_t s, res *r);
bool r_quarter(const mctx *c, size_t s, res *r);
bool r_vague_units(const mctx *c, size_t s, res *r);
bool r_count(const mctx *c, size_t s, res *r);
bool r_anchored(const mctx *c, size_t s, res *r);
bool r_ref(const mctx *c, size_t s, res *r);
bool r_set(const mctx *c, size_t s, res *r);
bool r_the_year(const mctx *c, size_t s, res *r);
bool r_holiday(const mctx *c, size_t s, res *r);
bool r_period_end(const mctx *c, size_t s, res *r);
/* Shared by the rule files: the direction (-1 back, +1 ahead) of a weekday
 * at wd_tok in the expression [s, e) (dt_weekday.c); an amount of money or a
 * rate written just before s ("$1.76 a year", dt_rules.c). */
int weekday_dir(const mctx *c, size_t s, size_t e, size_t wd_tok, bool *strict);
/* The day of weekday w (1 = Monday) in the expression starting at s: from
 * the reference date in direction dir, or, in a story told in the past and
 * without last/next/this (prefixed false), after the date the text told
 * last; *anch gets 1 or 2 (dt_weekday.c). */
dt_ymd weekday_in_text(const mctx *c, size_t s, int w, int dir, bool strict, bool prefixed,
                       int *anch);
bool amount_before(const mctx *c, size_t s);
/* The text tells a story in the past: the last date it gave is a day more
 * than a year before the reference date (dt_weekday.c). */
bool narrative_past(const mctx *c);
bool r_nth_day(const mctx *c, size_t s, res *r);
bool r_at_time(const mctx *c, size_t s, res *r);
bool r_bare_units(const mctx *c, size_t s, res *r);
bool r_month_span(const mctx *c, size_t s, res *r);
bool r_nth_of_month(const mctx *c, size_t s, res *r);

#endif
