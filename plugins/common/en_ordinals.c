/* en_ordinals.c -- see en_ordinals.h.  Written out by hand from English. */
#include "en_ordinals.h"

#include "en_cardinals.h"

static const en_ordinal_word k_ordinals[] = {
    {"first", 1, EN_NUM_UNIT},
    {"second", 2, EN_NUM_UNIT},
    {"third", 3, EN_NUM_UNIT},
    {"fourth", 4, EN_NUM_UNIT},
    {"fifth", 5, EN_NUM_UNIT},
    {"sixth", 6, EN_NUM_UNIT},
    {"seventh", 7, EN_NUM_UNIT},
    {"eighth", 8, EN_NUM_UNIT},
    {"ninth", 9, EN_NUM_UNIT},
    {"tenth", 10, EN_NUM_TEEN},
    {"eleventh", 11, EN_NUM_TEEN},
    {"twelfth", 12, EN_NUM_TEEN},
    {"thirteenth", 13, EN_NUM_TEEN},
    {"fourteenth", 14, EN_NUM_TEEN},
    {"fifteenth", 15, EN_NUM_TEEN},
    {"sixteenth", 16, EN_NUM_TEEN},
    {"seventeenth", 17, EN_NUM_TEEN},
    {"eighteenth", 18, EN_NUM_TEEN},
    {"nineteenth", 19, EN_NUM_TEEN},
    {"twentieth", 20, EN_NUM_TENS},
    {"thirtieth", 30, EN_NUM_TENS},
    {"fortieth", 40, EN_NUM_TENS},
    {"fiftieth", 50, EN_NUM_TENS},
    {"sixtieth", 60, EN_NUM_TENS},
    {"seventieth", 70, EN_NUM_TENS},
    {"eightieth", 80, EN_NUM_TENS},
    {"ninetieth", 90, EN_NUM_TENS},
    {"hundredth", 100, EN_NUM_HUNDRED},
    {"thousandth", 1000, EN_NUM_SCALE},
    {"millionth", 1000000, EN_NUM_SCALE},
    {"billionth", 1000000000, EN_NUM_SCALE},
    {"trillionth", 1000000000000, EN_NUM_SCALE},
};

const en_ordinal_word *en_ordinals(size_t *n)
{
    *n = sizeof k_ordinals / sizeof k_ordinals[0];
    return k_ordinals;
}
