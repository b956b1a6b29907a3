/*
 * en_ordinals.h -- the English ordinal words and their values ("third" = 3),
 * shared by the numbers and dates plugins.
 *
 * Only the one-word ordinals: "twenty-first" is read by each plugin's
 * grammar from "twenty" and "first".  Fraction words ("thirds", "halves")
 * are not here: they are the numbers plugin's own.
 */
#ifndef EN_ORDINALS_H
#define EN_ORDINALS_H
#include <stddef.h>
#include <stdint.h>

typedef struct en_ordinal_word {
    const char *word; /* lower-case ASCII */
    uint64_t value;   /* 3 for "third", 1000 for "thousandth" */
    uint8_t kind;     /* en_num_kind (en_cardinals.h) of its cardinal */
} en_ordinal_word;

/* The ordinal words in increasing value; *n receives their count.
 * Borrowed, static. */
const en_ordinal_word *en_ordinals(size_t *n);
#endif
