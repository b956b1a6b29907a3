/*
 * conll_check.c -- how often ann_tokenize() reproduces CoNLL-2003 tokens.
 *
 *     conll-check [-v] [-min PERCENT] [FILE]
 *
 * Reads a CoNLL-2003 file (default: valid.txt of the shared data beside the
 * source tree), joins each sentence's tokens with single spaces,
 * re-tokenizes that line and counts the sentences whose tokens come back
 * exactly.  Prints the share; fails when it is below PERCENT (default 95).
 * Exits 77 (skipped) when the file is absent: the data is optional.
 *
 * For the sentence splitter it also joins each document's sentences into
 * one paragraph and reports the precision and recall of the sentence ends
 * found (information only: CoNLL headlines and datelines carry no final
 * punctuation, so recall cannot reach 100%).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text/tokenize.h"

#ifndef ANN_ABS_SRCDIR
#define ANN_ABS_SRCDIR "."
#endif

#define MAX_TOKS 512

typedef struct sentence {
    char line[16384]; /* tokens joined by spaces */
    size_t len;
    size_t starts[MAX_TOKS], ends[MAX_TOKS];
    size_t n;
} sentence;

/* Returns 1 when the re-tokenization matches the CoNLL tokens. */
static int check(const sentence *s, int verbose)
{
    ann_tokenized t;
    if (ann_tokenize(s->line, s->len, NULL, 0, &t) != ANN_OK)
        return 0;
    int ok = t.n_tokens == s->n;
    for (size_t i = 0; ok && i < s->n; i++)
        ok = t.tokens[i].start == s->starts[i] && t.tokens[i].end == s->ends[i];
    if (!ok && verbose) {
        printf("want: %s\ngot: ", s->line);
        for (size_t i = 0; i < t.n_tokens; i++)
            printf(" [%.*s]", (int)(t.tokens[i].end - t.tokens[i].start),
                   s->line + t.tokens[i].start);
        printf("\n\n");
    }
    ann_tokenized_free(&t);
    return ok;
}

/* One document's text and the gold sentence ends in it. */
typedef struct document {
    char *text;
    size_t len, cap;
    size_t *ends;
    size_t n_ends, cap_ends;
} document;

typedef struct split_score {
    size_t tp, fp, fn;
} split_score;

static int doc_add(document *d, const sentence *s)
{
    if (d->len + s->len + 2 > d->cap) {
        size_t cap = (d->len + s->len + 2) * 2;
        char *g = realloc(d->text, cap);
        if (g == NULL)
            return -1;
        d->text = g;
        d->cap = cap;
    }
    if (d->n_ends == d->cap_ends) {
        size_t cap = d->cap_ends ? 2 * d->cap_ends : 64;
        size_t *g = realloc(d->ends, cap * sizeof *g);
        if (g == NULL)
            return -1;
        d->ends = g;
        d->cap_ends = cap;
    }
    if (d->len > 0)
        d->text[d->len++] = ' ';
    memcpy(d->text + d->len, s->line, s->len);
    d->len += s->len;
    d->text[d->len] = '\0';
    d->ends[d->n_ends++] = d->len;
    return 0;
}

/* Scores the inner sentence ends (the document's end is not counted). */
static void doc_score(document *d, split_score *sc)
{
    if (d->n_ends > 1) {
        ann_tokenized t;
        if (ann_tokenize(d->text, d->len, NULL, 0, &t) == ANN_OK) {
            size_t g = 0;
            for (size_t i = 0; i + 1 < t.n_sentences; i++) {
                size_t e = t.sentences[i].end;
                while (g + 1 < d->n_ends && d->ends[g] < e)
                    g++;
                if (g + 1 < d->n_ends && d->ends[g] == e)
                    sc->tp++;
                else
                    sc->fp++;
            }
            ann_tokenized_free(&t);
        }
        sc->fn += d->n_ends - 1;
    }
    d->len = 0;
    d->n_ends = 0;
}

int main(int argc, char **argv)
{
    int verbose = 0;
    double min = 95.0;
    const char *path = ANN_ABS_SRCDIR "/../shared/data/ner/conll2003/valid.txt";
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-v") == 0)
            verbose = 1;
        else if (strcmp(argv[i], "-min") == 0 && i + 1 < argc)
            min = atof(argv[++i]);
        else
            path = argv[i];
    }
    FILE *f = fopen(path, "r");
    if (f == NULL) {
        printf("conll-check: %s not found, skipped\n", path);
        return 77;
    }
    static sentence s;
    char buf[4096];
    size_t total = 0, good = 0;
    document doc = {NULL, 0, 0, NULL, 0, 0};
    split_score score = {0, 0, 0};
    s.len = s.n = 0;
    for (;;) {
        char *l = fgets(buf, sizeof buf, f);
        size_t ll = l ? strcspn(buf, " \t\r\n") : 0;
        if (l == NULL || ll == 0 || strncmp(buf, "-DOCSTART-", 10) == 0) {
            if (s.n > 0) {
                total++;
                good += (size_t)check(&s, verbose);
                if (doc_add(&doc, &s) != 0)
                    return 1;
            }
            if (l == NULL || strncmp(buf, "-DOCSTART-", 10) == 0)
                doc_score(&doc, &score);
            s.len = s.n = 0;
            if (l == NULL)
                break;
            continue;
        }
        if (s.n == MAX_TOKS || s.len + ll + 2 > sizeof s.line)
            continue; /* absurdly long sentence: keep what fits */
        if (s.n > 0)
            s.line[s.len++] = ' ';
        s.starts[s.n] = s.len;
        memcpy(s.line + s.len, buf, ll);
        s.len += ll;
        s.line[s.len] = '\0';
        s.ends[s.n++] = s.len;
    }
    fclose(f);
    double pct = total ? 100.0 * (double)good / (double)total : 0.0;
    printf(
        "conll-check: %zu of %zu sentences tokenized exactly as CoNLL-2003 (%.2f%%), floor %.1f%%\n",
        good, total, pct, min);
    /* fn counted every gold end; the found ones are not missing */
    score.fn -= score.tp;
    double prec =
        (score.tp + score.fp) > 0 ? 100.0 * (double)score.tp / (double)(score.tp + score.fp) : 0.0;
    double rec =
        (score.tp + score.fn) > 0 ? 100.0 * (double)score.tp / (double)(score.tp + score.fn) : 0.0;
    printf("conll-check: sentence ends inside documents: precision %.2f%%, recall %.2f%% "
           "(%zu found, %zu wrong, %zu missed)\n",
           prec, rec, score.tp, score.fp, score.fn);
    free(doc.text);
    free(doc.ends);
    return pct >= min ? 0 : 1;
}
