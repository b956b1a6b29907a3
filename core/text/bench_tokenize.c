/*
 * bench_tokenize.c -- tokenizer throughput on one core.
 *
 *     bench-tokenize [-n ROUNDS] FILE_OR_DIR...
 *     bench-tokenize [-n ROUNDS] -r FILE...
 *
 * Loads every regular file named (or found directly inside a named folder)
 * into memory, then tokenizes them all ROUNDS times (default 5) and prints
 * MB/s, tokens and sentences.  Only the ann_tokenize() calls are timed,
 * both on the wall clock and in process CPU time (the latter is the fairer
 * figure on a shared machine).
 *
 * With -r it times the readers instead: ann_read_file() on each FILE (the
 * reader chosen by its extension: text, Markdown, HTML), ROUNDS times.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "read/reader.h"
#include "text/tokenize.h"

typedef struct doc {
    char *text;
    size_t len;
} doc;

typedef struct docs {
    doc *v;
    size_t n, cap;
} docs;

static int load(docs *d, const char *path)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return -1;
    fseek(f, 0, SEEK_END);
    long sz = ftell(f);
    fseek(f, 0, SEEK_SET);
    if (sz < 0) {
        fclose(f);
        return -1;
    }
    char *b = malloc((size_t)sz + 1);
    if (b == NULL || fread(b, 1, (size_t)sz, f) != (size_t)sz) {
        free(b);
        fclose(f);
        return -1;
    }
    fclose(f);
    b[sz] = '\0';
    if (d->n == d->cap) {
        d->cap = d->cap ? 2 * d->cap : 64;
        doc *g = realloc(d->v, d->cap * sizeof *g);
        if (g == NULL) {
            free(b);
            return -1;
        }
        d->v = g;
    }
    d->v[d->n].text = b;
    d->v[d->n].len = (size_t)sz;
    d->n++;
    return 0;
}

static int load_path(docs *d, const char *path)
{
    struct stat st;
    if (stat(path, &st) != 0)
        return -1;
    if (!S_ISDIR(st.st_mode))
        return load(d, path);
    DIR *dir = opendir(path);
    if (dir == NULL)
        return -1;
    struct dirent *e;
    while ((e = readdir(dir)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        char full[4096];
        snprintf(full, sizeof full, "%s/%s", path, e->d_name);
        if (stat(full, &st) == 0 && S_ISREG(st.st_mode) && load(d, full) != 0) {
            closedir(dir);
            return -1;
        }
    }
    closedir(dir);
    return 0;
}

static double seconds(const struct timespec *a, const struct timespec *b)
{
    return (double)(b->tv_sec - a->tv_sec) + (double)(b->tv_nsec - a->tv_nsec) / 1e9;
}

static int bench_readers(int rounds, char **files, int n)
{
    for (int f = 0; f < n; f++) {
        size_t bytes = 0, view = 0;
        const char *reader = "?";
        struct timespec c0, c1;
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c0);
        for (int r = 0; r < rounds; r++) {
            ann_textdoc d;
            char err[512];
            if (ann_read_file(files[f], ANN_FORMAT_AUTO, &d, err, sizeof err) != ANN_OK) {
                fprintf(stderr, "bench-tokenize: %s\n", err);
                return 1;
            }
            bytes += d.size;
            view += d.view_len;
            reader = d.reader; /* a static string */
            ann_textdoc_free(&d);
        }
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c1);
        double cpu = seconds(&c0, &c1);
        printf("reader %s: %s, %.2f MB x %d rounds: cpu %.3f s = %.1f MB/s (view %.2f MB)\n",
               reader, files[f], (double)bytes / rounds / 1e6, rounds, cpu,
               (double)bytes / 1e6 / cpu, (double)view / rounds / 1e6);
    }
    return 0;
}

int main(int argc, char **argv)
{
    int rounds = 5, i = 1;
    if (argc > 2 && strcmp(argv[1], "-n") == 0) {
        rounds = atoi(argv[2]);
        i = 3;
    }
    if (i < argc && strcmp(argv[i], "-r") == 0) {
        i++;
        if (i >= argc || rounds <= 0) {
            fprintf(stderr, "usage: bench-tokenize [-n ROUNDS] -r FILE...\n");
            return 2;
        }
        return bench_readers(rounds, argv + i, argc - i);
    }
    if (i >= argc || rounds <= 0) {
        fprintf(stderr, "usage: bench-tokenize [-n ROUNDS] FILE_OR_DIR...\n");
        return 2;
    }
    docs d = {NULL, 0, 0};
    for (; i < argc; i++)
        if (load_path(&d, argv[i]) != 0) {
            fprintf(stderr, "bench-tokenize: cannot load %s\n", argv[i]);
            return 1;
        }
    size_t bytes = 0, toks = 0, sents = 0;
    struct timespec t0, t1, c0, c1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c0);
    for (int r = 0; r < rounds; r++)
        for (size_t k = 0; k < d.n; k++) {
            ann_tokenized t;
            if (ann_tokenize(d.v[k].text, d.v[k].len, NULL, 0, &t) != ANN_OK) {
                fprintf(stderr, "bench-tokenize: out of memory\n");
                return 1;
            }
            bytes += d.v[k].len;
            toks += t.n_tokens;
            sents += t.n_sentences;
            ann_tokenized_free(&t);
        }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c1);
    double s = seconds(&t0, &t1);
    double cpu = seconds(&c0, &c1);
    printf(
        "tokenizer: %zu docs, %.1f MB x %d rounds: wall %.3f s = %.1f MB/s, cpu %.3f s = %.1f MB/s; "
        "%zu tokens, %zu sentences per round\n",
        d.n, (double)bytes / rounds / 1e6, rounds, s, (double)bytes / 1e6 / s, cpu,
        (double)bytes / 1e6 / cpu, toks / (size_t)rounds, sents / (size_t)rounds);
    for (size_t k = 0; k < d.n; k++)
        free(d.v[k].text);
    free(d.v);
    return 0;
}
