/*
 * num_tail.c -- what may follow a complete quantity and still belong to it:
 * the denominator of a rate ("per hour", "an hour", "per millisecond"), the
 * smaller part of a compound measure ("5 ft 2 in", "3 dollars 50 cents"),
 * the "years old" of an age, and the scale or sense of "degrees" (°C, °F,
 * an angle).  Called by num_suffix.c once the first unit is known.
 */
#include "num_amount.h"

/* ---- rates --------------------------------------------------------------- */

typedef struct den_word {
    const char *w;
    const char *sym;
    bool time; /* may follow "a"/"an" ("60 miles an hour") */
} den_word;

/* Denominators of rates, singular (that is how "per" and "an" take them). */
static const den_word num_dens[] = {
    {"hour", "h", true},        {"second", "s", true},  {"minute", "min", true},
    {"millisecond", "ms", true}, {"day", "d", true},     {"week", "wk", true},
    {"month", "mo", true},      {"year", "yr", true},   {"litre", "L", false},
    {"liter", "L", false},      {"gallon", "gal", false}, {"kilogram", "kg", false},
    {"kilometre", "km", false}, {"kilometer", "km", false}, {"mile", "mi", false},
    {"person", "person", false}, {"capita", "person", false},
};

/* "per hour", "an hour", "/h" after the unit ending at a->e: sets a->per. */
static void rate_tail(const scan *s, amt *a)
{
    size_t ws, we, ws2, we2;
    const num_word *w = next_word(s, a->e, &ws, &we);
    if (ws == NOPOS || !lower_at(s, ws))
        return;
    bool per = w && w->cls == NW_PER;
    bool art = w && w->cls == NW_A;
    if (!per && !art)
        return;
    next_word(s, we, &ws2, &we2);
    if (ws2 == NOPOS)
        return;
    for (size_t i = 0; i < sizeof num_dens / sizeof num_dens[0]; i++) {
        if ((per || num_dens[i].time) && word_is(s, ws2, we2, num_dens[i].w)) {
            a->per = num_dens[i].sym;
            a->e = we2;
            return;
        }
    }
}

/* ---- compound measures --------------------------------------------------- */

typedef struct unit_pair {
    const char *big, *small;
    uint32_t factor;
} unit_pair;

/* A larger unit and the smaller one that may follow it, written out in the
 * same span: the value is then given in the smaller unit (README). */
static const unit_pair num_pairs[] = {
    {"ft", "in", 12},  {"yd", "ft", 3},   {"lb", "oz", 16},  {"m", "cm", 100},
    {"km", "m", 1000}, {"kg", "g", 1000}, {"cm", "mm", 10}, {"mi", "yd", 1760},
    {"st", "lb", 14},
};

/* May the inches go unwritten after feet at p ("6 foot 2", "6-foot-2 and
 * strong")?  Only at the end of a clause or before a function word. */
static bool bare_inches_end(const scan *s, size_t p)
{
    if (next_is_wordch(s, p))
        return false;
    size_t ws, we;
    const num_word *w = next_word(s, p, &ws, &we);
    if (ws == NOPOS)
        return at(s, p) != '-' && at(s, p) != '/'; /* not a range or a ratio */
    return (w && (w->cls == NW_AND || (w->flags & NWF_FUNC))) || word_is(s, ws, we, "tall");
}

/* The symbol of the unit word or symbol at p (end in *end); NULL if none.
 * "in" counts only here, after feet: elsewhere it is the preposition. */
static const char *unit_at(const scan *s, size_t p, size_t *end)
{
    if (is_alpha(at(s, p))) {
        size_t we;
        const num_word *w = word_at(s, p, &we);
        if (w && w->cls == NW_UNITW && lower_at(s, p)) {
            *end = we;
            return w->code;
        }
        if (word_is(s, p, we, "in")) {
            *end = we;
            return "in";
        }
    }
    const num_sym *sy = num_sym_match(s->lx, s->t + p, s->n - p);
    if (sy && sy->kind == NS_UNIT && strlen(sy->s) >= 2) {
        *end = p + strlen(sy->s);
        return sy->code;
    }
    if (sy && sy->kind == NS_SCALE && sy->aux == 1) { /* "m" */
        *end = p + 1;
        return "m";
    }
    return NULL;
}

/* "5 ft 2 in", "2 lb 3 oz": the smaller part after the unit ending at a->e.
 * True when it was taken (a->v, a->unit and a->e updated). */
static bool compound_tail(const scan *s, amt *a)
{
    const unit_pair *pair = NULL;
    for (size_t i = 0; i < sizeof num_pairs / sizeof num_pairs[0]; i++)
        if (strcmp(a->unit, num_pairs[i].big) == 0)
            pair = &num_pairs[i];
    if (!pair || a->v.neg || a->frac)
        return false;
    bool feet = strcmp(pair->big, "ft") == 0;
    size_t q = feet && at(s, a->e) == '-' ? a->e + 1 : skip_ws(s, a->e);
    if (q == NOPOS || q == a->e || !is_dig(at(s, q)))
        return false;
    num_dec small;
    num_dec_from_u64(&small, 0);
    size_t r = q;
    int nd = 0;
    unsigned whole = 0;
    while (is_dig(at(s, r)) && nd < 6) {
        num_dec_push_digit(&small, at(s, r) - '0');
        whole = whole * 10 + (unsigned)(at(s, r) - '0');
        r++;
        nd++;
    }
    if (at(s, r) == '.' && is_dig(at(s, r + 1))) {
        r++;
        while (is_dig(at(s, r)) && nd < 12) {
            num_dec_push_digit(&small, at(s, r) - '0');
            small.exp--;
            r++;
            nd++;
        }
    }
    if (is_dig(at(s, r)) || at(s, r) == ',')
        return false;
    size_t u = skip_ws(s, r), ue;
    const char *sym = u == NOPOS ? NULL : unit_at(s, u, &ue);
    bool joined = q == a->e + 1; /* 6-foot-2 */
    if (!sym && feet && nd <= 2 && small.exp == 0 && whole < 12 &&
        (joined ? !next_is_wordch(s, r) && at(s, r) != '-' : bare_inches_end(s, r))) {
        sym = "in"; /* 6 foot 2 */
        ue = r;
    }
    if (!sym || strcmp(sym, pair->small) != 0 || next_is_wordch(s, ue))
        return false;
    num_dec total = a->v;
    if (!num_dec_mul_u32(&total, pair->factor) || !num_dec_add(&total, &small))
        return false;
    a->v = total;
    a->unit = pair->small;
    a->e = ue;
    a->plain = false;
    return true;
}

void num_unit_tail(const scan *s, amt *a)
{
    if (!compound_tail(s, a))
        rate_tail(s, a);
}

/* ---- "a quarter of a percent", "half of a mile" ---------------------------- */

bool num_of_a_unit(const scan *s, amt *a, size_t of_end)
{
    size_t ws, we, ws2, we2;
    const num_word *art = next_word(s, of_end, &ws, &we);
    if (!art || art->cls != NW_A || !lower_at(s, ws))
        return false;
    const num_word *u = next_word(s, we, &ws2, &we2);
    if (!u || !lower_at(s, ws2))
        return false;
    if (u->cls == NW_PERCENT) {
        a->label = NUM_PERCENT;
        a->e = we2;
        return true;
    }
    if (u->cls == NW_UNITW) {
        a->label = NUM_QUANTITY;
        a->unit = u->code;
        a->e = we2;
        return true;
    }
    return false;
}

/* ---- money: "3 dollars 50 cents" ----------------------------------------- */

void num_money_cents(const scan *s, amt *a)
{
    if (!a->has_v || a->v.neg || a->v.exp < 0 || a->scale != 0)
        return;
    size_t q = skip_ws(s, a->e), ws, we;
    if (q == NOPOS || q == a->e)
        return;
    if (is_alpha(at(s, q))) {
        const num_word *w = word_at(s, q, &we);
        if (!w || w->cls != NW_AND)
            return;
        q = skip_ws(s, we);
        if (q == NOPOS || q == we)
            return;
    }
    if (!is_dig(at(s, q)) || at(s, q) == '0')
        return;
    unsigned cents = (unsigned)(at(s, q) - '0');
    size_t r = q + 1;
    if (is_dig(at(s, r)))
        cents = cents * 10 + (unsigned)(at(s, r++) - '0');
    if (is_dig(at(s, r)) || at(s, r) == '.' || at(s, r) == ',')
        return;
    const num_word *c = next_word(s, r, &ws, &we);
    if (!c || c->cls != NW_CUR || c->aux != 2 || !lower_at(s, ws))
        return;
    num_dec part;
    num_dec_from_u64(&part, cents);
    num_dec_shift(&part, -2);
    if (!num_dec_add(&a->v, &part))
        return;
    a->e = we;
}

/* ---- ages ------------------------------------------------------------------ */

/* The unit of an age word: "years" -> "year"; NULL for other words. */
static const char *age_unit(const scan *s, size_t ws, size_t we)
{
    static const char *const units[][2] = {
        {"year", "year"}, {"years", "year"}, {"month", "month"}, {"months", "month"},
        {"week", "week"}, {"weeks", "week"}, {"day", "day"},     {"days", "day"}};
    for (size_t i = 0; i < sizeof units / sizeof units[0]; i++)
        if (word_is(s, ws, we, units[i][0]))
            return units[i][1];
    return NULL;
}

bool num_age_tail(const scan *s, amt *a, size_t q)
{
    if (!a->has_v || a->v.neg || a->label != NUM_CARDINAL || a->scale != 0)
        return false;
    size_t ws, we, ows, owe;
    if (at(s, q) == '-' && is_alpha(at(s, q + 1))) {
        /* a 3-year-old, a two-year-old */
        ws = q + 1;
        we = ws;
        while (is_alpha(at(s, we)))
            we++;
        const char *u = age_unit(s, ws, we);
        if (!u || at(s, we) != '-' || !is_alpha(at(s, we + 1)))
            return false;
        owe = we + 1;
        while (is_alpha(at(s, owe)))
            owe++;
        if (!word_is(s, we + 1, owe, "old") || next_is_wordch(s, owe))
            return false;
        a->unit = u;
        a->e = owe;
    } else {
        /* five years old */
        next_word(s, q, &ws, &we);
        if (ws == NOPOS || !lower_at(s, ws))
            return false;
        const char *u = age_unit(s, ws, we);
        if (!u)
            return false;
        next_word(s, we, &ows, &owe);
        if (ows == NOPOS)
            return false;
        if (word_is(s, ows, owe, "of")) {
            /* 65 years of age */
            size_t aws, awe;
            next_word(s, owe, &aws, &awe);
            if (aws == NOPOS || !word_is(s, aws, awe, "age"))
                return false;
            ows = aws;
            owe = awe;
        } else if (!word_is(s, ows, owe, "old")) {
            return false;
        }
        a->unit = u;
        a->e = owe;
    }
    a->label = NUM_QUANTITY;
    a->kind = "age";
    a->plain = false;
    return true;
}

/* ---- degrees ------------------------------------------------------------- */

static void num_degree_scale(const scan *s, amt *a, size_t we);

/* Is the word at [ws, we) a noun that makes degrees an angle? */
static bool angle_noun(const scan *s, size_t ws, size_t we)
{
    static const char *const nouns[] = {"angle", "angles", "turn", "view", "rotation", "slope",
                                        "tilt",  "incline", "arc", "bend", "spin",     "pivot",
                                        "field", "panorama", "heading", "camera",   "swing"};
    return word_in(s, ws, we, nouns, sizeof nouns / sizeof nouns[0]);
}

/* Does the verb before the amount at p turn something ("turned 180 degrees")? */
static bool turning_verb_before(const scan *s, size_t p)
{
    static const char *const verbs[] = {"turned", "turn",   "turns",   "rotated", "rotate",
                                        "rotates", "tilted", "tilt",    "spun",    "pivoted",
                                        "swung",  "banked", "inclined", "bent"};
    return prev_word_in(s, p, verbs, sizeof verbs / sizeof verbs[0]);
}

/* "40 degrees below zero" is -40: negates a and extends it. */
static void below_zero(const scan *s, amt *a)
{
    size_t ws, we, ws2, we2;
    next_word(s, a->e, &ws, &we);
    if (ws == NOPOS || !word_is(s, ws, we, "below") || a->v.neg)
        return;
    next_word(s, we, &ws2, &we2);
    if (ws2 == NOPOS || !word_is(s, ws2, we2, "zero"))
        return;
    a->v.neg = true;
    a->e = we2;
}

void num_degree_unit(const scan *s, amt *a, size_t we)
{
    num_degree_scale(s, a, we);
    if (a->has_v && a->v.nd > 0 && strcmp(a->unit, "deg") != 0)
        below_zero(s, a);
}

/* num_degree_unit() without "below zero". */
static void num_degree_scale(const scan *s, amt *a, size_t we)
{
    size_t ws3, we3;
    const num_word *u = next_word(s, we, &ws3, &we3);
    a->label = NUM_QUANTITY;
    a->unit = "\xc2\xb0";
    a->e = we;
    if (turning_verb_before(s, a->s))
        a->unit = "deg";
    if (ws3 == NOPOS)
        return;
    if (u && u->cls == NW_UNITW &&
        (u->code[0] == "\xc2\xb0"[0] || strcmp(u->code, "K") == 0)) {
        a->unit = u->code; /* degrees Celsius, degrees kelvin */
        a->e = we3;
        return;
    }
    /* 70 degrees f, 20 degrees C */
    unsigned char c = at(s, ws3) | 0x20;
    if (we3 == ws3 + 1 && (c == 'f' || c == 'c') &&
        !(at(s, we3) == '.' && is_alpha(at(s, we3 + 1)))) {
        a->unit = c == 'f' ? "\xc2\xb0" "F" : "\xc2\xb0" "C";
        a->e = we3;
        return;
    }
    if (lower_at(s, ws3) && angle_noun(s, ws3, we3))
        a->unit = "deg";
}

/* Is c the end of a sentence or a line, for num_weather_context()? */
static bool clause_end(unsigned char c)
{
    return c == '.' || c == '\n' || c == '!' || c == '?';
}

/* Words that say a bare C or F after a number is a temperature: any in the
 * sentence up to 120 bytes before p or 40 after it. */
bool num_weather_context(const scan *s, size_t p)
{
    static const char *const cues[] = {
        "temperature", "temperatures", "weather", "forecast", "high",    "highs",   "low",
        "lows",        "degrees",      "warm",    "cold",     "hot",     "freezing", "heat",
        "chill",       "cool",         "fever",   "oven",     "bake",    "thermometer",
        "warming",     "warmer",       "colder",  "hotter",   "cooler",  "temp"};
    size_t lo = p, hi = p;
    while (lo > 0 && p - lo < 120 && !clause_end(at(s, lo - 1)))
        lo--;
    while (hi < s->n && hi - p < 40 && !clause_end(at(s, hi)))
        hi++;
    for (size_t j = lo; j < hi; j++) {
        if (!is_alpha(at(s, j)) || (j > 0 && is_alpha(at(s, j - 1))))
            continue;
        size_t we = j;
        while (is_alpha(at(s, we)))
            we++;
        if (word_in(s, j, we, cues, sizeof cues / sizeof cues[0]))
            return true;
    }
    return false;
}
