/*
 * bench_rules.c -- speed of the rules plugin over the bench documents.
 *
 *   bench_rules DIR phrases N [fold]   a generated list of N phrases
 *   bench_rules DIR patterns N         a generated file of N token patterns
 *
 * The phrases are word sequences (1 to 3 words) cut at random from the
 * documents themselves, starting with a capitalised word inside a sentence
 * as names and products do; many of them occur, so the matcher walks the
 * trie and emits often instead of failing on the first lookup.  The patterns mix the pattern language's elements around words
 * of the documents.  The load time of open() (wall clock) and the CPU time
 * of annotate alone (the mock host tokenizes before the clock starts) are
 * reported; the files are written to a temporary folder and removed.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "mock_host.h"

const ann_plugin *ann_plugin_rules(void);

static double now(clockid_t c)
{
    struct timespec ts;
    clock_gettime(c, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

typedef struct bench_docs {
    char **text;
    size_t *len;
    size_t n;
} bench_docs;

static int read_docs(const char *dir, bench_docs *d)
{
    DIR *dp = opendir(dir);
    if (!dp)
        return -1;
    struct dirent *e;
    char path[4096];
    while ((e = readdir(dp)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        size_t len;
        char *t = mock_read_file(path, &len);
        if (!t)
            continue;
        d->text = realloc(d->text, (d->n + 1) * sizeof *d->text);
        d->len = realloc(d->len, (d->n + 1) * sizeof *d->len);
        d->text[d->n] = t;
        d->len[d->n++] = len;
    }
    closedir(dp);
    return 0;
}

/* The words (runs of ASCII letters) of the documents, as pointers. */
typedef struct bench_words {
    const char **w;
    unsigned char *len;
    size_t n, cap;
} bench_words;

static void collect_words(const bench_docs *d, bench_words *w)
{
    for (size_t k = 0; k < d->n; k++) {
        const char *t = d->text[k];
        for (size_t i = 0; i < d->len[k];) {
            size_t s = i;
            while (i < d->len[k] && ((t[i] | 32) >= 'a' && (t[i] | 32) <= 'z'))
                i++;
            if (i > s && i - s < 40) {
                if (w->n == w->cap) {
                    w->cap = w->cap ? w->cap * 2 : 1 << 16;
                    w->w = realloc(w->w, w->cap * sizeof *w->w);
                    w->len = realloc(w->len, w->cap);
                }
                w->w[w->n] = t + s;
                w->len[w->n++] = (unsigned char)(i - s);
            }
            if (i == s)
                i++;
        }
    }
}

static uint64_t rng = 88172645463325252ull;
static size_t next_rand(size_t n)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return (size_t)(rng % n);
}

/* Whether word i looks like the start of a name: capitalised, three
 * letters or more, and not the first word of a sentence. */
static int name_like(const bench_words *w, size_t i)
{
    const char *p = w->w[i];
    if (w->len[i] < 3 || !(p[0] >= 'A' && p[0] <= 'Z'))
        return 0;
    while (p > w->w[0] && (p[-1] == ' ' || p[-1] == '\n'))
        p--;
    if (!(p > w->w[0] && p[-1] != '.' && p[-1] != '?' && p[-1] != '!' && p[-1] != '"' &&
          p[-1] != '\n'))
        return 0;
    /* Function words are capitalised after a colon or in titles, but no
     * list of names holds them. */
    static const char *const stop[] = {"The",  "This", "That", "These", "Those", "And", "But",
                                       "For",  "With", "From", "Its",   "His",   "Her", "Their",
                                       "Our",  "You",  "She",  "They",  "Not",   "All", "There",
                                       "When", "What", "Who",  "How",   "Why",   NULL};
    for (size_t k = 0; stop[k]; k++)
        if (strlen(stop[k]) == w->len[i] && memcmp(stop[k], w->w[i], w->len[i]) == 0)
            return 0;
    return 1;
}

/* Phrases like those of a gazetteer: a name-like word and up to two
 * following words. */
static void write_phrases(FILE *f, const bench_words *w, size_t n)
{
    for (size_t k = 0; k < n; k++) {
        size_t i = next_rand(w->n - 3), words = 1 + next_rand(3);
        while (!name_like(w, i))
            i = next_rand(w->n - 3);
        for (size_t j = 0; j < words; j++)
            fprintf(f, "%s%.*s", j ? " " : "", (int)w->len[i + j], w->w[i + j]);
        fputc('\n', f);
    }
}

static void write_patterns(FILE *f, const bench_words *w, size_t n)
{
    for (size_t k = 0; k < n; k++) {
        size_t i = next_rand(w->n - 3);
        const char *a = w->w[i];
        int al = w->len[i];
        switch (k % 5) {
        case 0:
            fprintf(f, "pattern P%zu: lower:%.*s is:title+\n", k, al, a);
            break;
        case 1:
            fprintf(f, "pattern P%zu: %.*s any{0,2} shape:dddd\n", k, al, a);
            break;
        case 2:
            fprintf(f, "pattern P%zu: [lower:%.*s] (lower:the | lower:a)? shape:Xxxx\n", k, al, a);
            break;
        case 3:
            fprintf(f, "pattern P%zu: kind:number (lower:%.*s | percent)\n", k, al, a);
            break;
        default:
            fprintf(f, "pattern P%zu: is:upper lower:%.*s (is:alpha | is:digit){1,3}\n", k, al, a);
            break;
        }
    }
}

int main(int argc, char **argv)
{
    if (argc < 4 || (strcmp(argv[2], "phrases") != 0 && strcmp(argv[2], "patterns") != 0)) {
        fprintf(stderr, "usage: bench_rules DIR phrases|patterns N [fold]\n");
        return 2;
    }
    int phrases = strcmp(argv[2], "phrases") == 0;
    size_t count = (size_t)strtoul(argv[3], NULL, 10);
    int fold = argc > 4 && strcmp(argv[4], "fold") == 0;
    bench_docs d = {0};
    if (read_docs(argv[1], &d) != 0 || d.n == 0) {
        fprintf(stderr, "bench_rules: no documents in %s\n", argv[1]);
        return 2;
    }
    bench_words w = {0};
    collect_words(&d, &w);
    char dir[] = "/tmp/bench_rules.XXXXXX";
    if (!mkdtemp(dir)) {
        perror("mkdtemp");
        return 1;
    }
    char rules[4200], list[4200];
    snprintf(rules, sizeof rules, "%s/bench.rules", dir);
    snprintf(list, sizeof list, "%s/phrases.txt", dir);
    FILE *f = fopen(rules, "w");
    if (!f)
        return 1;
    if (phrases) {
        fprintf(f, "phrases P%s from phrases.txt\n", fold ? " ignore-case" : "");
        FILE *l = fopen(list, "w");
        if (!l) {
            fclose(f);
            return 1;
        }
        write_phrases(l, &w, count);
        fclose(l);
    } else {
        write_patterns(f, &w, count);
    }
    fclose(f);

    char opt[4300];
    snprintf(opt, sizeof opt, "file=%s", rules);
    const char *opts[] = {opt, NULL};
    double t0 = now(CLOCK_MONOTONIC);
    mock_plugin *p = mock_plugin_open(ann_plugin_rules(), opts, NULL);
    double load = now(CLOCK_MONOTONIC) - t0;
    unlink(rules);
    unlink(list);
    rmdir(dir);
    if (!p) {
        fprintf(stderr, "bench_rules: %s\n", mock_last_error());
        return 1;
    }
    size_t bytes = 0, spans = 0;
    double secs = 0;
    for (size_t k = 0; k < d.n; k++) {
        mock_doc *doc = mock_doc_new_len(d.text[k], d.len[k]);
        if (!doc)
            continue;
        double c0 = now(CLOCK_THREAD_CPUTIME_ID);
        mock_doc_run(doc, p);
        secs += now(CLOCK_THREAD_CPUTIME_ID) - c0;
        bytes += d.len[k];
        size_t n;
        mock_doc_spans(doc, mock_plugin_layer(p), &n); /* the file's layer */
        spans += n;
        mock_doc_free(doc);
    }
    mock_plugin_close(p);
    printf(
        "rules: %zu %s%s, load %.3f s; %zu documents, %.1f MB, %zu spans, %.3f s CPU, %.1f MB/s\n",
        count, phrases ? "phrases" : "patterns", fold ? " (ignore-case)" : "", load, d.n,
        (double)bytes / 1e6, spans, secs, secs > 0 ? (double)bytes / 1e6 / secs : 0.0);
    for (size_t k = 0; k < d.n; k++)
        free(d.text[k]);
    free(d.text);
    free(d.len);
    free(w.w);
    free(w.len);
    return 0;
}
