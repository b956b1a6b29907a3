/*
 * qt_tally.c -- counting the forms of a name.
 *
 * Several rules pick the form of a name the document uses most (the
 * two-word form of a first name, the narrator's vocative): a few distinct
 * byte strings of the text, each with a count.
 */
#include "qt.h"

#include <string.h>

void qt_tally_add(const char *t, qt_tally *y, uint32_t a, uint32_t b)
{
    y->total++;
    uint32_t k = 0;
    while (k < y->nf && !(y->b[k] - y->a[k] == b - a && memcmp(t + y->a[k], t + a, b - a) == 0))
        k++;
    if (k == y->nf) {
        if (y->nf == QT_TALLY_FORMS)
            return;
        y->a[k] = a;
        y->b[k] = b;
        y->n[k] = 0;
        y->nf++;
    }
    y->n[k]++;
}

uint32_t qt_tally_best(const qt_tally *y, uint32_t *second)
{
    uint32_t best = 0;
    for (uint32_t k = 1; k < y->nf; k++)
        if (y->n[k] > y->n[best])
            best = k;
    *second = 0;
    for (uint32_t k = 0; k < y->nf; k++)
        if (k != best && y->n[k] > *second)
            *second = y->n[k];
    return best;
}
