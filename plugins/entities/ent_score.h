/*
 * ent_score.h -- CoNLL entity-level scoring: an entity counts as correct
 * only when its span and its type both match the gold one exactly.
 */
#ifndef ENT_SCORE_H
#define ENT_SCORE_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "ent_decode.h"

typedef struct ent_counts {
    size_t tp[ENT_N_TYPES], fp[ENT_N_TYPES], fn[ENT_N_TYPES];
} ent_counts;

/* Adds the comparison of one sentence's tags (gold against predicted). */
void ent_counts_add(ent_counts *c, const uint8_t *gold, const uint8_t *pred, size_t n);

/* Overall (type < 0) or per-type precision, recall, F1, in percent. */
void ent_counts_prf(const ent_counts *c, int type, double *p, double *r, double *f);

/* Prints a table of per-type and overall P/R/F1 to f. */
void ent_counts_print(const ent_counts *c, FILE *f);

#endif
