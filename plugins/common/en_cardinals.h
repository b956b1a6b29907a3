/*
 * en_cardinals.h -- the English cardinal number words and their values
 * ("seven" = 7, "million" = 1000000), shared by the plugins that read
 * spelled-out numbers (numbers, dates).
 *
 * Facts of the language, not policy: each plugin decides which of them it
 * accepts and how it classifies them (numbers takes all, dates only the
 * ones a date or duration spells out).  Compounds ("twenty-one") and
 * plurals ("thousands") are not listed: they are read by the plugins'
 * grammars, which differ.
 */
#ifndef EN_CARDINALS_H
#define EN_CARDINALS_H
#include <stddef.h>
#include <stdint.h>

/* The role a number word plays when words combine into a number
 * ("three hundred twenty thousand"). */
typedef enum en_num_kind {
    EN_NUM_ZERO = 1, /* zero */
    EN_NUM_UNIT,     /* one .. nine */
    EN_NUM_TEEN,     /* ten .. nineteen */
    EN_NUM_TENS,     /* twenty .. ninety */
    EN_NUM_HUNDRED,  /* hundred */
    EN_NUM_SCALE,    /* thousand, million, billion, trillion */
    EN_NUM_DOZEN     /* dozen: multiplies by 12 */
} en_num_kind;

typedef struct en_number_word {
    const char *word; /* lower-case ASCII */
    uint64_t value;   /* 7 for "seven", 1000000 for "million" */
    uint8_t kind;     /* en_num_kind */
} en_number_word;

/* The cardinal words; *n receives their count.  Borrowed, static. */
const en_number_word *en_cardinals(size_t *n);

/* The power of ten a scale word stands for (3 for 1000); 0 for a value
 * that is no power of ten. */
unsigned en_power_of_ten(uint64_t value);
#endif
