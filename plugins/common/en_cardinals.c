/* en_cardinals.c -- see en_cardinals.h.  Written out by hand from English. */
#include "en_cardinals.h"

static const en_number_word k_cardinals[] = {
    {"zero", 0, EN_NUM_ZERO},
    {"one", 1, EN_NUM_UNIT},
    {"two", 2, EN_NUM_UNIT},
    {"three", 3, EN_NUM_UNIT},
    {"four", 4, EN_NUM_UNIT},
    {"five", 5, EN_NUM_UNIT},
    {"six", 6, EN_NUM_UNIT},
    {"seven", 7, EN_NUM_UNIT},
    {"eight", 8, EN_NUM_UNIT},
    {"nine", 9, EN_NUM_UNIT},
    {"ten", 10, EN_NUM_TEEN},
    {"eleven", 11, EN_NUM_TEEN},
    {"twelve", 12, EN_NUM_TEEN},
    {"thirteen", 13, EN_NUM_TEEN},
    {"fourteen", 14, EN_NUM_TEEN},
    {"fifteen", 15, EN_NUM_TEEN},
    {"sixteen", 16, EN_NUM_TEEN},
    {"seventeen", 17, EN_NUM_TEEN},
    {"eighteen", 18, EN_NUM_TEEN},
    {"nineteen", 19, EN_NUM_TEEN},
    {"twenty", 20, EN_NUM_TENS},
    {"thirty", 30, EN_NUM_TENS},
    {"forty", 40, EN_NUM_TENS},
    {"fifty", 50, EN_NUM_TENS},
    {"sixty", 60, EN_NUM_TENS},
    {"seventy", 70, EN_NUM_TENS},
    {"eighty", 80, EN_NUM_TENS},
    {"ninety", 90, EN_NUM_TENS},
    {"hundred", 100, EN_NUM_HUNDRED},
    {"thousand", 1000, EN_NUM_SCALE},
    {"million", 1000000, EN_NUM_SCALE},
    {"billion", 1000000000, EN_NUM_SCALE},
    {"trillion", 1000000000000, EN_NUM_SCALE},
    {"dozen", 12, EN_NUM_DOZEN},
};

const en_number_word *en_cardinals(size_t *n)
{
    *n = sizeof k_cardinals / sizeof k_cardinals[0];
    return k_cardinals;
}

unsigned en_power_of_ten(uint64_t value)
{
    unsigned p = 0;
    while (value >= 10 && value % 10 == 0) {
        value /= 10;
        p++;
    }
    return value == 1 ? p : 0;
}
