/*
 * num_amount.h -- one amount being parsed (a number with its sign, currency,
 * scale and unit), shared by the modules of the scanner.
 */
#ifndef NUM_AMOUNT_H
#define NUM_AMOUNT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "num_dec.h"
#include "num_lex.h"
#include "num_scan.h"
#include "num_text.h"

typedef struct amt {
    size_t s, e; /* extent */
    num_dec v;   /* value, scaled, sign in v.neg */
    num_dec pre; /* numeral value before any scale word */
    bool has_v;
    int label;
    const char *cur, *unit;
    const char *per;  /* a rate's denominator symbol ("h" in "m per hour"), or NULL */
    const char *kind; /* "age", or NULL */
    int rel;          /* relative ordinal: places before the end + 1; 0 none */
    int scale;       /* power of ten of the scale words applied */
    bool words;      /* numeral in words */
    bool plain;      /* digits only, no separators, no prefix/suffix/scale */
    bool frac;       /* written as a fraction */
    uint64_t fn, fd; /* fraction numerator/denominator (improper) */
    bool neg;
    bool cur_prefix;
    bool plural; /* dozens, thousands: no value */
    bool skip;   /* an identifier: skip to skip_to */
    size_t skip_to;
} amt;

typedef struct digits {
    size_t end;
    num_dec v;
    int ndig; /* digits before the point */
    bool sep, dec, lead0;
    bool bad; /* too long, or a version-like chain */
} digits;

/* num_amount.c */

/* Sets a->v = whole + fn/fd (keeping the sign) and records the fraction in
 * improper form.  False when it does not fit. */
bool num_set_fraction(amt *a, uint64_t whole, uint64_t fn, uint64_t fd);

/* Multiplies a->v by 10^k for a scale word; false if the amount already has
 * a scale or no value. */
bool num_apply_scale(amt *a, int k);

/* num_words.c */

/* Parses a number written in words starting with the word at [p, we)
 * (entry e): cardinals, ordinals, fractions, "a dozen", "half a million",
 * "dozens".  Fills a (extent, value, label ORDINAL or CARDINAL); false if
 * the words are not a number here (a pronoun "one", "wait a second"). */
bool num_parse_word_numeral(const scan *s, size_t p, const num_word *e, size_t we, amt *a);

/* num_suffix.c */

/* Reads letters attached to the digits just read ("21st", "3bn", "5km",
 * "30°C") at *q, advancing *q.  False when they make the token an
 * identifier (5G, 3D, 1990s). */
bool num_attached_suffix(const scan *s, amt *a, const digits *d, size_t *q);

/* Reads what follows the numeral at q: scale words, then percent, money or
 * a unit.  Updates a->e and the label, currency and unit. */
void num_parse_suffix(const scan *s, amt *a, size_t q);

/* num_tail.c */

/* After a unit ending at a->e: the smaller part of a compound measure
 * ("5 ft 2 in": value in the smaller unit) or a rate's denominator
 * ("per hour", "an hour": a->per).  Extends a->e. */
void num_unit_tail(const scan *s, amt *a);

/* "of a percent", "of a mile" after the fraction a, "of" ending at
 * of_end: PERCENT or QUANTITY; false (a unchanged) otherwise. */
bool num_of_a_unit(const scan *s, amt *a, size_t of_end);

/* After a currency word ending at a->e: "50 cents", "and 50 cents" add to
 * the amount ("3 dollars 50 cents" is 3.5).  Extends a->e. */
void num_money_cents(const scan *s, amt *a);

/* An age after the plain amount a at q ("years old", "-year-old"): makes a
 * QUANTITY of kind age.  False (a unchanged) when there is none. */
bool num_age_tail(const scan *s, amt *a, size_t q);

/* After a degree word ending at we: the scale (°C, °F, K: "degrees f",
 * "degrees Celsius"), an angle ("deg": "a 45 degree angle", "turned 90
 * degrees") or bare degrees (°).  Sets the label, unit and end. */
void num_degree_unit(const scan *s, amt *a, size_t we);

/* Does the sentence before p speak of the weather, so that a bare C or F
 * after a number is a temperature ("The low tonight is 13 F")? */
bool num_weather_context(const scan *s, size_t p);

#endif
