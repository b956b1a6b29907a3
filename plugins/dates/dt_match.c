/* dt_match.c -- see dt_match.h.
 *
 * The matcher looks closer only at trigger tokens (numbers and words of the
 * time lexicon).  At each trigger it tries to start an expression a few
 * tokens earlier ("the past several weeks" starts at "the"), runs every rule
 * at each start and keeps the longest match.  Each rule is a small function
 * over the token array that returns a result (extent, type, value, mod).
 */
#include "dt_mctx.h"
#include "dt_work.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *const dt_label_names[4] = {"DATE", "TIME", "DURATION", "SET"};

/* ---- driver ------------------------------------------------------------------ */

typedef bool (*rule_fn)(const mctx *, size_t, res *);

/* Rules that may start at a number, and rules that may start at a word
 * (r_time at a word only for noon and midnight). */
static const rule_fn k_num_rules[] = {r_month,   r_year,  r_time, r_numeric,
                                      r_quarter, r_count, r_set};
static const rule_fn k_word_rules[] = {
    r_month,      r_year,        r_weekday,  r_relday,     r_relunit,    r_season,       r_quarter,
    r_count,      r_vague_units, r_anchored, r_ref,        r_set,        r_the_year,     r_holiday,
    r_period_end, r_nth_day,     r_at_time,  r_bare_units, r_month_span, r_nth_of_month, r_time};
_Static_assert(sizeof k_word_rules / sizeof k_word_rules[0] == 21,
               "k_word_rule_starts follows k_word_rules");

/* The classes of word each rule of k_word_rules can start with, read off
 * the rules' first tests: a start of another class skips the rule without
 * calling it (most starts are function words and numbers, and a call that
 * fails still costs its word comparisons).  Unknown words and punctuation
 * run every rule. */
#define CB(k) (1u << (k))
static const uint32_t k_word_rule_starts[] = {
    /* r_month */ CB(DT_C_MONTH) | CB(DT_C_WEEKDAY) | CB(DT_C_UNIT) | CB(DT_C_NUMWORD) |
        CB(DT_C_ORDINAL),
    /* r_year */
    CB(DT_C_FISCAL) | CB(DT_C_FUNC) | CB(DT_C_NUMWORD) | CB(DT_C_DECADE) | CB(DT_C_ORDINAL) |
        CB(DT_C_UNIT),
    /* r_weekday */ CB(DT_C_FUNC) | CB(DT_C_REFADV) | CB(DT_C_WEEKDAY),
    /* r_relday */ CB(DT_C_RELDAY) | CB(DT_C_FUNC) | CB(DT_C_PARTDAY),
    /* r_relunit */ CB(DT_C_FUNC) | CB(DT_C_REFADV),
    /* r_season */ CB(DT_C_SEASON),
    /* r_quarter */
    CB(DT_C_FUNC) | CB(DT_C_UNIT) | CB(DT_C_FISCAL) | CB(DT_C_ORDINAL) | CB(DT_C_NUMWORD) |
        CB(DT_C_REFADV),
    /* r_count */ CB(DT_C_FUNC) | CB(DT_C_REFADV) | CB(DT_C_ORDINAL) | CB(DT_C_NUMWORD),
    /* r_vague_units */ CB(DT_C_UNIT),
    /* r_anchored */ CB(DT_C_FUNC),
    /* r_ref */ CB(DT_C_FUNC) | CB(DT_C_REFADV),
    /* r_set */ CB(DT_C_SETADV) | CB(DT_C_FUNC) | CB(DT_C_NUMWORD),
    /* r_the_year */ CB(DT_C_UNIT) | CB(DT_C_FUNC),
    /* r_holiday */ CB(DT_C_HOLIDAY) | CB(DT_C_FUNC),
    /* r_period_end */ CB(DT_C_UNIT),
    /* r_nth_day */ CB(DT_C_FUNC),
    /* r_at_time */ CB(DT_C_FUNC),
    /* r_bare_units */ CB(DT_C_UNIT),
    /* r_month_span */ CB(DT_C_FUNC),
    /* r_nth_of_month */ CB(DT_C_FUNC),
    /* r_time */ CB(DT_C_DAYTIME),
};
#undef CB

static bool best_core(const mctx *c, size_t s, res *best)
{
    bool found = false;
    if (!has(c, s))
        return false;
    bool num = c->t[s].kind == DT_K_NUM;
    const rule_fn *rules = num ? k_num_rules : k_word_rules;
    size_t nr = num ? sizeof k_num_rules / sizeof k_num_rules[0]
                    : sizeof k_word_rules / sizeof k_word_rules[0];
    if (!num && cls(c, s) != DT_C_DAYTIME)
        nr--; /* r_time, last in the list */
    int sc = cls(c, s);
    uint32_t gate = (!num && sc != DT_C_NONE) ? 1u << sc : 0;
    for (size_t k = 0; k < nr; k++) {
        if (gate && !(k_word_rule_starts[k] & gate))
            continue;
        res r;
        res_clear(&r);
        if (rules[k](c, s, &r) && r.end > s && (!found || r.end > best->end)) {
            *best = r;
            found = true;
        }
    }
    return found;
}

/* The results of best_core() at the starts near the trigger being
 * matched: match_at() asks for the start, the one after "the" and the one
 * after a modifier, and the next starts ask again for the same ones.  Like
 * best_core() itself they depend on the start and the anchors only, so the
 * driver clears them when an expression is found. */
enum { CORE_MEMO = 16 };
typedef struct core_memo {
    size_t s[CORE_MEMO];
    bool ok[CORE_MEMO];
    res r[CORE_MEMO];
} core_memo;

static void core_memo_clear(core_memo *m)
{
    for (int k = 0; k < CORE_MEMO; k++)
        m->s[k] = (size_t)-1;
}

/* best_core() through the memo: *best is written only when found. */
static bool core_at(const mctx *c, core_memo *m, size_t s, res *best)
{
    size_t slot = s % CORE_MEMO;
    if (m->s[slot] != s) {
        res_clear(&m->r[slot]);
        m->ok[slot] = best_core(c, s, &m->r[slot]);
        m->s[slot] = s;
    }
    if (m->ok[slot])
        *best = m->r[slot];
    return m->ok[slot];
}

/* Modifiers written before an expression (TIMEX3 mod). */
static size_t p_prefix(const mctx *c, size_t i, const char **mod, bool *approx)
{
    *approx = false;
    if (cls(c, i) != DT_C_FUNC)
        return 0; /* every prefix opens with a word of that class */
    if (is_w(c, i, "early") || is_w(c, i, "earlier")) {
        *mod = "START";
        return i + 1;
    }
    if (is_w(c, i, "late") || is_w(c, i, "later")) {
        *mod = "END";
        return i + 1;
    }
    if (is_w(c, i, "mid") && is_hyph(c, i + 1)) {
        *mod = "MID";
        return i + 2;
    }
    if (is_w(c, i, "mid")) {
        *mod = "MID";
        return i + 1;
    }
    size_t j = i;
    if (is_w(c, j, "the"))
        j++;
    if ((is_w(c, j, "end") || is_w(c, j, "close")) && is_w(c, j + 1, "of")) {
        *mod = "END";
        return j + 2;
    }
    if ((is_w(c, j, "beginning") || is_w(c, j, "start")) && is_w(c, j + 1, "of")) {
        *mod = "START";
        return j + 2;
    }
    if (is_w(c, j, "middle") && is_w(c, j + 1, "of")) {
        *mod = "MID";
        return j + 2;
    }
    /* "the rest of the year", "the remainder of 2023": the part of the
     * period still to come, for which TIMEX3 has no mod; the period is
     * the value */
    if (j > i && (is_w(c, j, "rest") || is_w(c, j, "remainder")) && is_w(c, j + 1, "of")) {
        *mod = NULL;
        return j + 2;
    }
    *approx = true;
    static const char *const approx_w[] = {"about",   "around",        "almost", "nearly",
                                           "roughly", "approximately", "some",   NULL};
    if (is_any(c, i, approx_w)) {
        *mod = "APPROX";
        return i + 1;
    }
    if (is_w(c, i, "more") && is_w(c, i + 1, "than")) {
        *mod = "MORE_THAN";
        return i + 2;
    }
    if (is_w(c, i, "over") &&
        (has(c, i + 1) && (c->t[i + 1].kind == DT_K_NUM || cls(c, i + 1) == DT_C_NUMWORD ||
                           is_w(c, i + 1, "a") || is_w(c, i + 1, "an")))) {
        *mod = "MORE_THAN";
        return i + 1;
    }
    if ((is_w(c, i, "less") || is_w(c, i, "fewer")) && is_w(c, i + 1, "than")) {
        *mod = "LESS_THAN";
        return i + 2;
    }
    if (is_w(c, i, "at") && is_w(c, i + 1, "least")) {
        *mod = "EQUAL_OR_MORE";
        return i + 2;
    }
    if ((is_w(c, i, "at") && is_w(c, i + 1, "most")) ||
        (is_w(c, i, "up") && is_w(c, i + 1, "to"))) {
        *mod = "EQUAL_OR_LESS";
        return i + 2;
    }
    if (is_w(c, i, "no") && is_w(c, i + 1, "more") && is_w(c, i + 2, "than")) {
        *mod = "EQUAL_OR_LESS";
        return i + 3;
    }
    return 0;
}

/* A number that can only be an amount: "$3.5", "1,500 troops", "4.2%".
 * Separated numbers take part in times (15:30), numeric dates (3/5/2023)
 * and counts of units (1.5 years) only. */
static bool plain_amount(const mctx *c, size_t i)
{
    const dt_tok *t = &c->t[i];
    if (t->kind != DT_K_NUM)
        return false;
    if (i > 0 && is_p(c, i - 1, '$') && tight(c, i))
        return true;
    if (!(t->flags & (DT_F_NSEP | DT_F_NSUF)) && tlen(c, i) != 4) {
        /* a plain integer that is no year: only a unit, a month, a.m./p.m.
         * or a hyphen after it makes it part of an expression */
        size_t j = i + 1;
        if (!has(c, j))
            return true;
        int k = cls(c, j);
        if (k == DT_C_UNIT || k == DT_C_MONTH || k == DT_C_FUNC || c->t[j].kind == DT_K_NUM ||
            is_p(c, j, '-'))
            return false;
        static const char *const after[] = {
            "a",        "p",       "am",       "pm",       "o",           "times", "trading",
            "business", "working", "calendar", "straight", "consecutive", "full",  NULL};
        return !is_any(c, j, after);
    }
    if (!(t->flags & DT_F_NSEP) || (t->flags & DT_F_NSUF))
        return false;
    const char *p = c->text + t->start;
    const char *dot = memchr(p, '.', tlen(c, i));
    if (memchr(p, ':', tlen(c, i)) || memchr(p, '/', tlen(c, i)) ||
        (dot && memchr(dot + 1, '.', tlen(c, i) - (size_t)(dot + 1 - p))))
        return false; /* a time, a slashed or a dotted date */
    size_t j = i + 1;
    if (!has(c, j))
        return true;
    if (dot && (is_w(c, j, "am") || is_w(c, j, "pm") || is_w(c, j, "a") ||
                               is_w(c, j, "p")))
        return false; /* "7.30 pm": a clock time (r_time) */
    if (c->t[j].kind == DT_K_NUM || is_p(c, j, '-') || cls(c, j) == DT_C_UNIT ||
        is_w(c, j, "times") || cls(c, j) == DT_C_FUNC || c->t[j].kind == DT_K_WORD)
        return cls(c, j) != DT_C_UNIT && c->t[j].kind == DT_K_WORD && cls(c, j) == DT_C_NONE &&
               !is_w(c, j, "times") && !is_w(c, j, "trading") && !is_w(c, j, "business") &&
               !is_w(c, j, "working") && !is_w(c, j, "calendar") && !is_w(c, j, "straight") &&
               !is_w(c, j, "consecutive") && !is_w(c, j, "full");
    return true;
}

/* A decade is written as TimeML does it ("199" for the 1990s), but a part
 * of one keeps the form the issue asks for: "the early 1990s" is 199X with
 * mod START. */
static void set_prefix_mod(res *t, const char *mod)
{
    t->mod = mod;
    if (!mod)
        return;
    size_t n = strlen(t->value);
    if (n == 3 && t->value[0] >= '0' && t->value[0] <= '9' && t->value[2] >= '0' &&
        t->value[2] <= '9' && (!strcmp(mod, "START") || !strcmp(mod, "MID") || !strcmp(mod, "END")))
        memcpy(t->value + 3, "X", 2);
}

/* Best expression starting exactly at token s. */
static bool match_at(const mctx *c, core_memo *m, size_t s, res *out)
{
    res r;
    res_clear(&r);
    bool found = core_at(c, m, s, &r);
    /* "the" + core that takes it */
    if (is_w(c, s, "the")) {
        res t;
        res_clear(&t);
        if (core_at(c, m, s + 1, &t) && t.the_ok && (!found || t.end > r.end)) {
            r = t;
            found = true;
        }
        /* "the early 1990s", "the end of 1990" */
        const char *mod = NULL;
        bool approx;
        size_t j = p_prefix(c, s + 1, &mod, &approx);
        if (j && !approx && core_at(c, m, j, &t) && !t.no_prefix && (!found || t.end > r.end)) {
            set_prefix_mod(&t, mod);
            r = t;
            found = true;
        }
    }
    const char *mod = NULL;
    bool approx;
    size_t j = p_prefix(c, s, &mod, &approx);
    if (j) {
        res t;
        res_clear(&t);
        bool ok = core_at(c, m, j, &t) ||
                  (is_w(c, j, "the") && core_at(c, m, j + 1, &t) && t.the_ok);
        if (ok && !t.no_prefix && (!found || t.end > r.end)) {
            bool rel_ok = t.dur_like || t.label == DT_L_TIME ||
                          (t.label == DT_L_DATE && (strchr(t.value, '-') || strlen(t.value) == 4) &&
                           t.anch == 1 && !approx) ||
                          (approx && t.label == DT_L_DATE && t.value[0] >= '0' &&
                           t.value[0] <= '9' && j > 0 && has(c, t.end - 1) &&
                           (is_w(c, t.end - 1, "ago") || is_w(c, t.end - 1, "earlier") ||
                            is_w(c, t.end - 1, "later")));
            if (!approx)
                rel_ok = true;
            if (rel_ok) {
                if (!t.mod)
                    set_prefix_mod(&t, mod);
                r = t;
                found = true;
            }
        }
    }
    if (found)
        *out = r;
    return found;
}

/* True when the expression toks[s..e) is only a part of a hyphenated
 * compound: "now-former CEO", "the then-current model", "a midnight-movie
 * barrel".  A TIMEX3 extent cannot cover part of a word, and such a
 * compound is an adjective or a noun, not a temporal reference.  Compounds
 * of time words alone are whole expressions and the rules take them in
 * full ("third-quarter", "two-year", "year-end", "decades-long").  A hyphen
 * also stands for a dash in older or hasty text ("the end of February-and
 * I shall", "in 1837-it ceases"), so the word beyond it must look like the
 * other half of a compound: a lowercase content word after a one-word
 * expression, or before it one of the prefixes that make compounds. */
static const char *const k_function_words[] = {
        "and",  "or",    "but",     "nor",   "the",  "a",       "an",      "to",     "in",
        "of",   "on",    "at",      "by",    "for",  "with",    "from",    "as",     "is",
        "are",  "was",   "were",    "be",    "has",  "have",    "had",     "will",   "would",
        "can",  "could", "should",  "may",   "must", "shall",   "if",      "it",     "its",
        "that", "this",  "which",   "who",   "what", "when",    "where",   "while",  "so",
        "say",  "i",     "we",      "he",    "she",  "they",    "you",     "our",    "their",
        "his",  "her",   "my",      "your",  "not",  "no",      "more",    "less",   "then",
        "than", "all",   "up",      "out",   "ie",   "whether", "because", "though", "although",
        "even", "yet",   "perhaps", "right", NULL};

static bool dt_part_of_compound(const mctx *c, size_t s, size_t e)
{
    static const char *const prefixes[] = {"then",   "non",   "semi", "anti", "ex",
                                           "pseudo", "quasi", "ever", "self", NULL};
    bool one_word = e == s + 1 && c->t[s].kind == DT_K_WORD;
    if (s >= 2 && is_hyph(c, s - 1) && one_word && is_any(c, s - 2, prefixes) &&
        !capitalised(c, s - 2))
        return true;
    if (!is_hyph(c, e) || c->t[e + 1].kind != DT_K_WORD || capitalised(c, e + 1))
        return false;
    /* "a year-earlier loss" is not "a year": the rules find "year-earlier"
     * from the next start; "a 19 year-old" is an age, which TimeBank leaves
     * untagged */
    if (cls(c, e - 1) == DT_C_UNIT &&
        (is_w(c, e + 1, "earlier") || is_w(c, e + 1, "ago") || is_w(c, e + 1, "old") ||
         is_w(c, e + 1, "olds") || is_w(c, e + 1, "long")))
        return true;
    return one_word && c->t[e + 1].cls == DT_C_NONE && !is_any(c, e + 1, k_function_words);
}

/* The expression [s, e) modifies the noun after it: it ends in a compound
 * ("the eight-year war", "the third-quarter loss") or a count with a
 * singular unit ("the two day rally"), and a lowercase word that is no
 * time word follows.  The determiner before it is then the noun's ("the
 * ... war"), not the expression's, as TimeBank marks it; a compound whose
 * head is a time noun ("the year-ago quarter") ends in that noun instead. */
static bool modifies_noun(const mctx *c, size_t s, size_t e)
{
    if (e < s + 2 || !has(c, e) || c->t[e].kind != DT_K_WORD || c->t[e].cls != DT_C_NONE ||
        capitalised(c, e) || is_any(c, e, k_function_words) || is_w(c, e, "ended") ||
        is_w(c, e, "ending"))
        return false;
    size_t l = e - 1;
    if (l >= s + 2 && is_hyph(c, l - 1))
        return true;
    return cls(c, l) == DT_C_UNIT && !c->t[l].sub && l >= s + 2 &&
           (c->t[l - 1].kind == DT_K_NUM || cls(c, l - 1) == DT_C_NUMWORD);
}

/* The count that opens a range of durations ending in the expression at s:
 * "between 3 and 5 years", "2 to 4 weeks", "two or three days", "3-5
 * years".  Returns its token index, or 0.  A count already inside an
 * expression (before `covered`) is not taken again. */
static size_t duration_range_start(const mctx *c, size_t s, size_t covered)
{
    if (s < 2 || s - 2 < covered)
        return 0;
    bool num_s = c->t[s].kind == DT_K_NUM || cls(c, s) == DT_C_NUMWORD;
    size_t a = s - 2;
    bool num_a = (is_int(c, a, 3) && c->t[a].num > 0) || cls(c, a) == DT_C_NUMWORD;
    if (!num_s || !num_a)
        return 0;
    if (is_w(c, s - 1, "and"))
        return a > 0 && is_w(c, a - 1, "between") ? a : 0;
    if (is_w(c, s - 1, "to") || is_w(c, s - 1, "or") || glued_dash(c, s - 1))
        return a > 0 && is_p(c, a - 1, '$') ? 0 : a;
    return 0;
}

/* The first count of a range over the second, for scaling the second's
 * value ("two to three decades": P20Y from P30Y). */
static double range_ratio(const mctx *c, size_t a, size_t b)
{
    double va = 0, vb = 0;
    bool vague;
    if (!p_count(c, a, &va, &vague) || !p_count(c, b, &vb, &vague) || vb <= 0)
        return 0;
    return va / vb;
}

/* Writes the duration `v` (P5Y, PT3H) with its number times k to out; false
 * when v has no plain number or k is 0. */
static bool scale_duration(const char *v, double k, char *out, size_t cap)
{
    size_t p = (v[0] == 'P' && v[1] == 'T') ? 2 : 1;
    if (v[0] != 'P' || k <= 0 || v[p] < '0' || v[p] > '9')
        return false;
    char *end;
    double n = strtod(v + p, &end);
    if (*end < 'A' || *end > 'Z')
        return false;
    int w = snprintf(out, cap, "%.*s%g%s", (int)p, v, n * k, end);
    return w > 0 && (size_t)w < cap;
}

/* The number the digits at the start of a value spell (0 for none), as
 * atoi() reads a value: without its locale and call, once per expression
 * found. */
static int lead_int(const char *p)
{
    int v = 0;
    for (; *p >= '0' && *p <= '9' && v < 100000000; p++)
        v = v * 10 + (*p - '0');
    return v;
}

/* Updates the narrative anchor from a value like 1998-08-07, 1989-Q3. */
static void set_anchor(mctx *c, const char *v)
{
    if (!(v[0] >= '0' && v[0] <= '9' && v[1] >= '0' && v[1] <= '9' && v[2] >= '0' && v[2] <= '9' &&
          v[3] >= '0' && v[3] <= '9'))
        return;
    anchor a = {G_YEAR, lead_int(v), 0, 0, 0};
    if (v[4] == '-' && v[5] == 'Q') {
        a.gran = G_QUARTER;
        a.q = v[6] - '0';
        a.m = (a.q - 1) * 3 + 1;
    } else if (v[4] == '-' && v[5] >= '0' && v[5] <= '9') {
        a.gran = G_MONTH;
        a.m = lead_int(v + 5);
        a.q = quarter_of(a.m);
        if (v[7] == '-' && v[8] >= '0' && v[8] <= '9') {
            a.gran = G_DAY;
            a.d = lead_int(v + 8);
        }
    } else if (v[4] != '\0') {
        return; /* weeks, seasons, halves: keep the previous anchor */
    }
    c->narr = a;
    /* the quarter a report is about has ended by the reference date: "a
     * decline in the fourth quarter" told in October is a forecast; and it
     * is the latest one named: "after a flat second quarter" in a report
     * on the third looks back */
    if (a.gran == G_QUARTER && a.y * 4 + a.q < c->ref.y * 4 + quarter_of(c->ref.m) &&
        (c->qtr.gran != G_QUARTER || a.y * 4 + a.q >= c->qtr.y * 4 + c->qtr.q))
        c->qtr = a;
}

/* The narrative anchor as a TIMEX3 value of its granularity. */
static void fmt_anchor(char *buf, size_t cap, const anchor *a)
{
    switch (a->gran) {
    case G_DAY:
        snprintf(buf, cap, "%04d-%02d-%02d", a->y, a->m, a->d);
        break;
    case G_MONTH:
        snprintf(buf, cap, "%04d-%02d", a->y, a->m);
        break;
    case G_QUARTER:
        snprintf(buf, cap, "%04d-Q%d", a->y, a->q);
        break;
    default:
        snprintf(buf, cap, "%04d", a->y);
        break;
    }
}

size_t dt_match(const char *text, size_t n, size_t ntrig, dt_ymd ref, dt_work *w)
{
    const dt_tok *toks = w->toks;
    const uint32_t *trig = w->trig;
    mctx c = {text, toks, n, ref, {G_NONE, 0, 0, 0, 0}, {G_NONE, 0, 0, 0, 0}};
    /* cap is the room the second parts of a range below may take: it
     * follows 16, 32, 64 ... whatever the array kept from earlier
     * documents holds, so that a document's hits never depend on the ones
     * before it */
    size_t cap = 16, nh = 0;
    dt_hit *h = dt_work_grow(w->hits, &w->hit_cap, cap, sizeof *h);
    if (!h)
        return (size_t)-1;
    w->hits = h;
    size_t covered = 0;
    /* the anchor of expressions resolved against the reference date,
     * written once: most expressions found are */
    char ref_anchor[sizeof h->anchor] = {0};
    dt_format_ymd(ref_anchor, sizeof ref_anchor, ref);
    /* match_at() depends on the start and the anchors only, and successive
     * triggers look at overlapping windows: remember the last results */
    enum { MEMO = 8 };
    size_t memo_s[MEMO];
    bool memo_ok[MEMO];
    res memo_r[MEMO];
    for (int k = 0; k < MEMO; k++)
        memo_s[k] = (size_t)-1;
    core_memo cm;
    core_memo_clear(&cm);
    for (size_t q = 0; q < ntrig; q++) {
        size_t i = trig[q];
        if (i < covered || plain_amount(&c, i))
            continue;
        /* "time" and "while" are triggers for "at the time" and "a while"
         * only: common words, they are passed over without trying the rules */
        if (toks[i].cls == DT_C_REFADV && toks[i].val >= DT_R_TIME && !weak_trigger_ok(&c, i))
            continue;
        res best;
        res_clear(&best);
        size_t best_s = 0;
        bool found = false;
        size_t s0 = i >= 6 ? i - 6 : 0;
        if (s0 < covered)
            s0 = covered;
        for (size_t s = s0; s <= i; s++) {
            res r;
            /* an expression starts with a number, a word of the lexicon
             * (the, last, about, every ...) or an apostrophe ('90s) */
            if (s < i && toks[s].kind != DT_K_NUM && toks[s].cls == DT_C_NONE &&
                !(toks[s].flags & DT_F_APOS))
                continue;
            size_t slot = s % MEMO;
            if (memo_s[slot] != s) {
                res_clear(&memo_r[slot]);
                memo_ok[slot] = match_at(&c, &cm, s, &memo_r[slot]);
                memo_s[slot] = s;
            }
            r = memo_r[slot];
            if (memo_ok[slot] && r.end > i && (!found || r.end > best.end)) {
                best = r;
                best_s = s;
                found = true;
            }
        }
        if (!found || dt_part_of_compound(&c, best_s, best.end))
            continue;
        if (is_w(&c, best_s, "the") && modifies_noun(&c, best_s, best.end))
            best_s++;
        size_t range_floor = covered; /* the end of the previous expression */
        if (nh + 2 > cap) { /* room for a second day as well */
            dt_hit *nh2 = dt_work_grow(h, &w->hit_cap, 2 * cap, sizeof *h);
            if (!nh2)
                return (size_t)-1;
            w->hits = h = nh2;
            cap *= 2;
        }
        dt_hit *x = &h[nh++];
        memset(x, 0, sizeof *x);
        x->start = toks[best_s].start;
        x->end = toks[best.end - 1].end;
        x->label = best.label;
        memcpy(x->value, best.value, sizeof x->value);
        x->mod = best.mod;
        memcpy(x->tz, best.tz, sizeof x->tz);
        memcpy(x->freq, best.freq, sizeof x->freq);
        if (best.anch == 1)
            memcpy(x->anchor, ref_anchor, sizeof x->anchor);
        else if (best.anch == 2)
            fmt_anchor(x->anchor, sizeof x->anchor, &c.narr);
        if (best.derived && best.anch && c.qtr.gran == G_QUARTER)
            fmt_anchor(x->anchor, sizeof x->anchor, &c.qtr); /* the report's quarter */
        if ((x->label == DT_L_DATE || x->label == DT_L_TIME) && !best.derived)
            set_anchor(&c, x->value);
        /* "April 24 and 25", "May 3-5": a second day of the same month */
        size_t e = best.end;
        covered = e; /* the triggers inside are skipped */
        int d2, yr2;
        size_t ye;
        /* "1998-2001", "1984-85": the second year of a range */
        if (x->label == DT_L_DATE && strlen(x->value) == 4 && !x->mod &&
            c.t[best.end - 1].kind == DT_K_NUM && c.t[best.end - 1].num == lead_int(x->value) &&
            (ye = year_range_end(&c, best.end - 1, lead_int(x->value), &yr2)) != 0 && nh < cap) {
            dt_hit *x2 = &h[nh++];
            memset(x2, 0, sizeof *x2);
            x2->start = toks[ye - 1].start;
            x2->end = toks[ye - 1].end;
            x2->label = DT_L_DATE;
            snprintf(x2->value, sizeof x2->value, "%04d", yr2);
            covered = ye;
        }
        /* "the 1980s-90s": the second decade of a range */
        char dv2[4];
        if (x->label == DT_L_DATE && !x->mod && nh < cap &&
            (ye = decade_range_end(&c, e, x->value, dv2)) != 0) {
            dt_hit *x2 = &h[nh++];
            memset(x2, 0, sizeof *x2);
            x2->start = toks[ye - 1].start;
            x2->end = toks[ye - 1].end;
            x2->label = DT_L_DATE;
            memcpy(x2->value, dv2, sizeof dv2);
            covered = ye;
        }
        if (x->label == DT_L_DATE && strlen(x->value) == 10 && x->value[4] == '-' &&
            has(&c, e + 1) &&
            (is_w(&c, e, "and") || is_w(&c, e, "or") || is_w(&c, e, "to") ||
             is_w(&c, e, "through") || (is_p(&c, e, '-') && tight(&c, e))) &&
            is_day_tok(&c, e + 1, &d2) && cls(&c, e + 2) != DT_C_MONTH &&
            cls(&c, e + 2) != DT_C_UNIT && !is_p(&c, e + 2, ':') && !(is_p(&c, e + 2, '%'))) {
            int y2 = lead_int(x->value), m2 = lead_int(x->value + 5);
            if (dt_valid(y2, m2, d2) && nh < cap) {
                dt_hit *x2 = &h[nh++];
                memset(x2, 0, sizeof *x2);
                x2->start = toks[e + 1].start;
                x2->end = toks[e + 1].end;
                x2->label = DT_L_DATE;
                snprintf(x2->value, sizeof x2->value, "%04d-%02d-%02d", y2, m2, d2);
                memcpy(x2->anchor, h[nh - 2].anchor, sizeof x2->anchor);
                /* "March 12-14, 1999": the year closes the second date */
                size_t k = e + 2;
                covered = k;
                if (is_p(&c, k, ','))
                    k++;
                int y3;
                if (is_year_tok(&c, k, &y3) && y3 == y2) {
                    x2->end = toks[k].end;
                    covered = k + 1;
                }
            }
        }
        /* "between 3 and 5 years": the first count of a range is a
         * duration of the second's unit, written before it */
        size_t r1 = best.label == DT_L_DURATION ? duration_range_start(&c, best_s, range_floor) : 0;
        char v1[sizeof x->value];
        if (r1 && nh < cap &&
            scale_duration(best.value, range_ratio(&c, r1, best_s), v1, sizeof v1)) {
            h[nh] = h[nh - 1];
            dt_hit *x1 = &h[nh - 1];
            nh++;
            memset(x1, 0, sizeof *x1);
            x1->start = toks[r1].start;
            x1->end = toks[r1].end;
            x1->label = DT_L_DURATION;
            memcpy(x1->value, v1, sizeof v1);
        }
        for (int k = 0; k < MEMO; k++)
            memo_s[k] = (size_t)-1; /* the anchors may have moved */
        core_memo_clear(&cm);
    }
    return nh;
}

/* A dateline stands alone: at most a place and a comma before the date on
 * its line ("TOKYO, Feb. 7, 2023"), or a label ("Published: ..."), and after
 * it the end of the line, a dash, a parenthesis or a time. */
static bool dateline_shape(const mctx *c, size_t b, size_t e)
{
    size_t line = b;
    while (line > 0 && !(c->t[line].flags & DT_F_LINE))
        line--;
    if (b - line > 5)
        return false;
    for (size_t k = line; k < b; k++) {
        const dt_tok *t = &c->t[k];
        bool place = t->kind == DT_K_WORD && (t->flags & (DT_F_CAP | DT_F_UPPER));
        if (!place && t->kind != DT_K_PUNCT)
            return false;
    }
    if (!has(c, e) || (c->t[e].flags & DT_F_LINE))
        return true;
    if (c->t[e].kind == DT_K_PUNCT) {
        const char *p = c->text + c->t[e].start;
        if (tlen(c, e) > 1)
            return true; /* beyond ASCII: an en or em dash, an opening quote */
        return *p == '-' || *p == '(' || *p == '|' || *p == '/' || *p == ':' || *p == '_' ||
               (*p == '.' && (!has(c, e + 1) || (c->t[e + 1].flags & DT_F_LINE)));
    }
    return c->t[e].kind == DT_K_NUM; /* a time: "Feb. 7, 2023 10:30" */
}

int dt_find_dateline(const char *text, const dt_tok *toks, size_t n, int max_lines, dt_ymd *out)
{
    mctx c = {text, toks, n, {2000, 1, 1}, {G_NONE, 0, 0, 0, 0}, {G_NONE, 0, 0, 0, 0}};
    int lines = 0;
    size_t line_start = 0;
    for (size_t i = 0; i < n; i++) {
        if (i > 0 && (toks[i].flags & DT_F_LINE)) {
            if (++lines >= max_lines)
                break;
            line_start = i;
        }
        /* a dateline starts within the first few tokens of its line
         * (dateline_shape()): the rest of a long first paragraph is skipped
         * without trying the rules */
        if (i - line_start > 5)
            continue;
        if (cls(&c, i) != DT_C_MONTH && cls(&c, i) != DT_C_WEEKDAY && toks[i].kind != DT_K_NUM)
            continue;
        res r;
        res_clear(&r);
        if ((r_month(&c, i, &r) || r_numeric(&c, i, &r)) && r.anch == 0 && strlen(r.value) == 10 &&
            dateline_shape(&c, i, r.end) && dt_parse_iso(r.value, false, out))
            return 1;
    }
    return 0;
}
