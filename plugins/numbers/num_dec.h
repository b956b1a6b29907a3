/*
 * num_dec.h -- exact decimal values for the numbers plugin.
 *
 * A value is an integer digit string times a power of ten, so "1.5 billion"
 * is computed as 15 x 10^8 without ever passing through a double.  The
 * struct lives on the caller's stack; nothing here allocates.
 */
#ifndef NUM_DEC_H
#define NUM_DEC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Most significant digits kept.  Longer values make an operation fail (the
 * plugin then omits the value instead of giving a wrong one). */
#define NUM_DEC_DIGITS 48

/* Longest text num_dec_format() writes, NUL included. */
#define NUM_DEC_TEXT 128

/* Places kept when a fraction has no finite decimal form (2/3). */
#define NUM_FRAC_PLACES 6

typedef struct num_dec {
    char d[NUM_DEC_DIGITS]; /* '0'..'9', most significant first, no leading zeros */
    uint8_t nd;             /* number of digits; 0 means the value zero */
    bool neg;
    int16_t exp; /* value = d x 10^exp */
} num_dec;

/* Sets *v to the unsigned integer u. */
void num_dec_from_u64(num_dec *v, uint64_t u);

/* Appends one digit (0-9) to the integer digit string, as when reading
 * "85810" left to right; exp is left as it is.  False on overflow. */
bool num_dec_push_digit(num_dec *v, int digit);

/* Multiplies by 10^k (k may be negative).  False on exponent overflow. */
bool num_dec_shift(num_dec *v, int k);

/* *v += *w for non-negative values.  False on overflow. */
bool num_dec_add(num_dec *v, const num_dec *w);

/* *v *= m.  False on overflow. */
bool num_dec_mul_u32(num_dec *v, uint32_t m);

/* *v = num / den, exact when den has only the prime factors 2 and 5, else
 * rounded half-up to NUM_FRAC_PLACES decimals (*exact receives which).
 * den must not be 0. */
bool num_dec_ratio(num_dec *v, uint64_t num, uint64_t den, bool *exact);

/* Compares two non-negative values: <0, 0, >0. */
int num_dec_cmp(const num_dec *a, const num_dec *b);

/* Writes the canonical decimal text ("1500000000", "0.25", "-4") into buf,
 * which must hold NUM_DEC_TEXT bytes.  False when it would not fit. */
bool num_dec_format(const num_dec *v, char *buf);

#endif
