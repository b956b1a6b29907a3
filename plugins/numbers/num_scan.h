/*
 * num_scan.h -- the scanner of the numbers plugin: one pass over the text
 * view, reporting each numeric expression with its normalised value.
 *
 * It works on bytes (no tokens, no allocation) and hands every match to a
 * callback; numbers.c turns matches into spans.
 */
#ifndef NUM_SCAN_H
#define NUM_SCAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "annotate/plugin.h"
#include "num_dec.h"
#include "num_lex.h"

/* Labels, in the order of the plugin's declared label list. */
enum { NUM_CARDINAL = 0, NUM_ORDINAL, NUM_PERCENT, NUM_MONEY, NUM_QUANTITY };

/* One expression.  Strings are empty ("") when absent; pointers are static
 * or point into the match itself. */
typedef struct num_match {
    uint32_t start, end;          /* byte offsets, end exclusive */
    int label;                    /* NUM_* */
    char value[NUM_DEC_TEXT];     /* exact value; "" when none (dozens, ranges) */
    char range_min[NUM_DEC_TEXT]; /* set for ranges (and value is "") */
    char range_max[NUM_DEC_TEXT];
    char fraction[48];    /* "2/3" when the number was written as a fraction */
    const char *currency; /* ISO 4217 for MONEY, else NULL */
    const char *unit;     /* canonical symbol for QUANTITY, else NULL; may point to unit_buf */
    const char *mod;      /* approx, more_than, less_than, at_least, at_most, or NULL */
    const char *kind;     /* "age" for ages, else NULL */
    const char *relative; /* relative ordinals: "end", "end-1", "end-2"; else NULL */
    char unit_buf[32];    /* a rate's unit composed from two symbols ("m/ms") */
} num_match;

/* Called for each match in text order.  `m` is borrowed until the callback
 * returns.  A non-zero return stops the scan and is returned by num_scan(). */
typedef int (*num_match_fn)(void *ctx, const num_match *m);

/* Scans text[0..len) (which need not be NUL-terminated), with the host's
 * text services for characters beyond ASCII.  `host` and `lx` are borrowed
 * for the call.  Returns 0 or the first non-zero callback result. */
int num_scan(const ann_host *host, const num_lex *lx, const char *text, size_t len, num_match_fn fn,
             void *ctx);

#endif
