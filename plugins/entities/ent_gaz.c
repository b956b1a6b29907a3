/* ent_gaz.c -- see ent_gaz.h. */
#include "ent_gaz.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ent_text.h"

const char *const ent_gaz_list_names[ENT_GAZ_N] = {
    "countries", "regions", "cities",    "demonyms", "firstnames", "corpsuffixes",
    "companies", "titles",  "lowercase", "acronyms", "orgnouns"};

int ent_gaz_init(ent_gaz *g, size_t expect)
{
    size_t cap = 64;
    while (cap < expect * 2)
        cap <<= 1;
    g->fp = calloc(cap, sizeof *g->fp);
    g->mask = calloc(cap, sizeof *g->mask);
    g->key = calloc(cap, sizeof *g->key);
    g->count = 0;
    g->cap = cap;
    if (!g->fp || !g->mask || !g->key) {
        ent_gaz_free(g);
        return -1;
    }
    return 0;
}

void ent_gaz_free(ent_gaz *g)
{
    free(g->fp);
    free(g->mask);
    free(g->key);
    memset(g, 0, sizeof *g);
}

static int grow(ent_gaz *g)
{
    ent_gaz ng;
    if (ent_gaz_init(&ng, g->cap) < 0)
        return -1; /* doubles the capacity */
    for (size_t i = 0; i < g->cap; i++)
        if (g->fp[i] && ent_gaz_add(&ng, g->key[i], g->mask[i]) < 0) {
            ent_gaz_free(&ng);
            return -1;
        }
    ent_gaz_free(g);
    *g = ng;
    return 0;
}

int ent_gaz_add(ent_gaz *g, uint64_t key, uint32_t mask)
{
    if ((g->count + 1) * 2 > g->cap && grow(g) < 0)
        return -1;
    size_t m = g->cap - 1, i = ent_gaz_home(key, g->cap);
    uint32_t f = ent_gaz_fp(key);
    while (g->fp[i] && g->fp[i] != f)
        i = (i + 1) & m;
    if (!g->fp[i]) {
        g->fp[i] = f;
        g->key[i] = key;
        g->count++;
    }
    g->mask[i] |= mask;
    return 0;
}

int ent_gaz_add_phrase(ent_gaz *g, const uint64_t *lower, size_t n, uint32_t mask)
{
    uint64_t h = ENT_GAZ_SEED;
    if (n == 0 || n > ENT_GAZ_MAX_TOKENS)
        return -1;
    for (size_t k = 0; k < n; k++) {
        h = ent_gaz_step(h, lower[k]);
        if (ent_gaz_add(g, h, k + 1 < n ? ENT_GAZ_PREFIX : mask) < 0)
            return -1;
    }
    return 0;
}

/* Calls fn on each line of path; stops at the first line fn refuses (-1,
 * with a message in err).  Returns the number of lines fn added (fn's
 * return values summed), or -1. */
typedef long (*line_fn)(ent_gaz *g, const ann_host *host, char *line, int arg, char *err,
                        size_t errlen);
static long each_line(ent_gaz *g, const ann_host *host, const char *path, line_fn fn, int arg,
                      char *err, size_t errlen)
{
    FILE *f = fopen(path, "r");
    char line[512];
    long n = 0, lineno = 0;
    if (!f) {
        snprintf(err, errlen, "cannot read %s: %s", path, strerror(errno));
        return -1;
    }
    while (fgets(line, sizeof line, f)) {
        char msg[256];
        lineno++;
        long k = fn(g, host, line, arg, msg, sizeof msg);
        if (k < 0) {
            snprintf(err, errlen, "%s:%ld: %s", path, lineno, msg);
            fclose(f);
            return -1;
        }
        n += k;
    }
    fclose(f);
    return n;
}

/* A phrase of list `list`; lines of more words than a phrase may hold
 * are skipped. */
static long add_phrase_line(ent_gaz *g, const ann_host *host, char *line, int list, char *err,
                            size_t errlen)
{
    uint64_t lower[ENT_GAZ_MAX_TOKENS];
    size_t toks = 0;
    for (char *save = NULL, *t = strtok_r(line, " \t\r\n", &save); t;
         t = strtok_r(NULL, " \t\r\n", &save)) {
        ent_word w;
        ent_word_analyze(host, t, strlen(t), &w);
        if (toks < ENT_GAZ_MAX_TOKENS)
            lower[toks] = w.lower;
        toks++;
    }
    if (toks == 0 || toks > ENT_GAZ_MAX_TOKENS)
        return 0;
    if (ent_gaz_add_phrase(g, lower, toks, 1u << list) < 0) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    return 1;
}

long ent_gaz_add_file(ent_gaz *g, const ann_host *host, const char *path, int list, char *err,
                      size_t errlen)
{
    return each_line(g, host, path, add_phrase_line, list, err, errlen);
}

/* "word count class..." */
static long add_cluster_line(ent_gaz *g, const ann_host *host, char *line, int unused, char *err,
                             size_t errlen)
{
    (void)unused;
    char *save = NULL, *word = strtok_r(line, " \t\r\n", &save);
    uint32_t mask = ENT_CLUSTER_KNOWN;
    int levels = 0, bad = !word || !strtok_r(NULL, " \t\r\n", &save); /* the count */
    for (char *c; !bad && (c = strtok_r(NULL, " \t\r\n", &save));) {
        char *end;
        unsigned long v = strtoul(c, &end, 10);
        if (*end || v >= 1u << ENT_CLUSTER_BITS || levels == ENT_CLUSTER_LEVELS)
            bad = 1;
        else
            mask |= (uint32_t)v << (ENT_CLUSTER_BITS * levels++);
    }
    if (bad || levels == 0) {
        snprintf(err, errlen, "expected a word, its count and 1-%d classes below %u",
                 ENT_CLUSTER_LEVELS, 1u << ENT_CLUSTER_BITS);
        return -1;
    }
    ent_word w;
    ent_word_analyze(host, word, strlen(word), &w);
    if (ent_gaz_add(g, ent_gaz_step(ENT_CLUSTER_SEED, w.lower), mask) < 0) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    return 1;
}

long ent_gaz_add_clusters(ent_gaz *g, const ann_host *host, const char *path, char *err,
                          size_t errlen)
{
    return each_line(g, host, path, add_cluster_line, 0, err, errlen);
}
