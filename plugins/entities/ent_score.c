/* ent_score.c -- see ent_score.h. */
#include "ent_score.h"

#include <stdlib.h>

/* Sentences are short; a fixed buffer per call keeps this allocation-free,
 * longer ones are scored in a heap buffer. */
#define SMALL 512

void ent_counts_add(ent_counts *c, const uint8_t *gold, const uint8_t *pred, size_t n)
{
    ent_span gs[SMALL], ps[SMALL], *g = gs, *p = ps;
    if (n > SMALL) {
        g = malloc(n * sizeof *g);
        p = malloc(n * sizeof *p);
        if (!g || !p) {
            free(g == gs ? NULL : g);
            free(p == ps ? NULL : p);
            return;
        }
    }
    size_t ng = ent_tags_to_spans(gold, n, g, n), np = ent_tags_to_spans(pred, n, p, n);
    size_t i = 0, j = 0;
    /* Both lists are sorted by start and do not overlap. */
    while (i < ng || j < np) {
        if (i < ng && j < np && g[i].begin == p[j].begin && g[i].end == p[j].end &&
            g[i].type == p[j].type) {
            c->tp[g[i].type]++;
            i++, j++;
        } else if (j >= np || (i < ng && g[i].begin <= p[j].begin)) {
            c->fn[g[i].type]++;
            i++;
        } else {
            c->fp[p[j].type]++;
            j++;
        }
    }
    if (g != gs)
        free(g);
    if (p != ps)
        free(p);
}

void ent_counts_prf(const ent_counts *c, int type, double *p, double *r, double *f)
{
    size_t tp = 0, fp = 0, fn = 0;
    for (int k = 0; k < ENT_N_TYPES; k++)
        if (type < 0 || type == k) {
            tp += c->tp[k];
            fp += c->fp[k];
            fn += c->fn[k];
        }
    *p = (tp + fp) ? 100.0 * (double)tp / (double)(tp + fp) : 0.0;
    *r = (tp + fn) ? 100.0 * (double)tp / (double)(tp + fn) : 0.0;
    *f = *p + *r > 0 ? 2 * *p * *r / (*p + *r) : 0.0;
}

void ent_counts_print(const ent_counts *c, FILE *f)
{
    double p, r, f1;
    size_t all = 0;
    fprintf(f, "%-8s %8s %8s %8s %7s\n", "label", "P", "R", "F1", "gold");
    for (int k = 0; k < ENT_N_TYPES; k++) {
        ent_counts_prf(c, k, &p, &r, &f1);
        all += c->tp[k] + c->fn[k];
        fprintf(f, "%-8s %8.2f %8.2f %8.2f %7zu\n", ent_type_names[k], p, r, f1,
                c->tp[k] + c->fn[k]);
    }
    ent_counts_prf(c, -1, &p, &r, &f1);
    fprintf(f, "%-8s %8.2f %8.2f %8.2f %7zu\n", "overall", p, r, f1, all);
}
