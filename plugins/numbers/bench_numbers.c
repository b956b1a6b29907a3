/*
 * bench_numbers.c -- throughput of the numbers plugin's annotate() on one
 * core.  Usage: bench_numbers DIR [ROUNDS]
 *
 * Loads every .txt file of DIR into memory first, then times only the
 * plugin's annotate_v2() calls through a minimal host whose emit_v2() merely
 * counts spans (so the host's own cost stays out of the figure).  Prints the
 * best of ROUNDS (default 5) rounds in MB/s of thread CPU time.
 * With ROUNDS = 0 it runs once and prints every span (file, text, label,
 * attributes) instead, for reviewing the output by eye.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "annotate/plugin.h"
#include "text/unicode.h"

const ann_plugin *ann_plugin_numbers(void);

struct ann_doc {
    const char *text;
    size_t len;
    size_t spans;
    const char *name;
    int verbose;
};

static const char *bench_option(ann_open_ctx *ctx, const char *key)
{
    (void)ctx;
    (void)key;
    return NULL;
}

static const char *bench_data_dir(ann_open_ctx *ctx)
{
    (void)ctx;
    return ".";
}

static void bench_open_error(ann_open_ctx *ctx, const char *fmt, ...)
{
    (void)ctx;
    fprintf(stderr, "bench_numbers: open failed: %s\n", fmt);
}

static const char *bench_text(ann_doc *d, size_t *len)
{
    if (len)
        *len = d->len;
    return d->text;
}

/* Counts the span; checks it the way the host would (bounds, UTF-8
 * boundaries) and complains about a bad one on stderr. */
static int bench_emit(ann_doc *d, const ann_new_span *sp, uint32_t *id)
{
    if (sp->start >= sp->end || sp->end > d->len ||
        ((unsigned char)d->text[sp->start] & 0xC0) == 0x80 ||
        (sp->end < d->len && ((unsigned char)d->text[sp->end] & 0xC0) == 0x80)) {
        fprintf(stderr, "bench_numbers: %s: bad span %u-%u\n", d->name, sp->start, sp->end);
        return ANN_EINVAL;
    }
    if (d->verbose) {
        printf("%s:%u\t%.*s\t%s", d->name, sp->start, (int)(sp->end - sp->start),
               d->text + sp->start, sp->label);
        for (size_t i = 0; i < sp->n_attrs; i++)
            printf("\t%s=%s", sp->attrs[i].key, sp->attrs[i].value);
        printf("\n");
    }
    if (id)
        *id = (uint32_t)d->spans;
    d->spans++;
    return ANN_OK;
}

static int bench_emit_v2(ann_doc *d, const ann_new_span_v2 *sp, uint32_t *id)
{
    ann_new_span s1 = {sp->start,   sp->end,   sp->label,  sp->attrs,
                       sp->n_attrs, sp->links, sp->n_links};
    return bench_emit(d, &s1, id);
}

static void bench_doc_msg(ann_doc *d, const char *fmt, ...)
{
    (void)d;
    fprintf(stderr, "bench_numbers: %s\n", fmt);
}

/* Thread CPU time: on a shared machine wall time measures the neighbours. */
static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: bench_numbers DIR [ROUNDS]\n");
        return 2;
    }
    int rounds = argc > 2 ? atoi(argv[2]) : 5;
    DIR *dir = opendir(argv[1]);
    if (!dir) {
        fprintf(stderr, "bench_numbers: cannot open %s (skipped)\n", argv[1]);
        return 0;
    }
    struct ann_doc *docs = NULL;
    size_t n = 0, cap = 0, bytes = 0;
    struct dirent *de;
    char path[4096];
    while ((de = readdir(dir)) != NULL) {
        size_t l = strlen(de->d_name);
        if (l < 5 || strcmp(de->d_name + l - 4, ".txt") != 0)
            continue;
        snprintf(path, sizeof path, "%s/%s", argv[1], de->d_name);
        FILE *f = fopen(path, "rb");
        if (!f)
            continue;
        fseek(f, 0, SEEK_END);
        long sz = ftell(f);
        fseek(f, 0, SEEK_SET);
        char *buf = malloc((size_t)sz + 1);
        if (!buf || fread(buf, 1, (size_t)sz, f) != (size_t)sz) {
            free(buf);
            fclose(f);
            continue;
        }
        fclose(f);
        buf[sz] = '\0';
        if (n == cap) {
            cap = cap ? cap * 2 : 1024;
            struct ann_doc *nd = realloc(docs, cap * sizeof *docs);
            if (!nd)
                return 1;
            docs = nd;
        }
        char *name = malloc(l + 1);
        if (!name)
            return 1;
        memcpy(name, de->d_name, l + 1);
        docs[n++] = (struct ann_doc){buf, (size_t)sz, 0, name, 0};
        bytes += (size_t)sz;
    }
    closedir(dir);

    ann_host host;
    memset(&host, 0, sizeof host);
    host.abi_version = ANN_ABI_VERSION;
    host.size = sizeof host;
    host.option = bench_option;
    host.data_dir = bench_data_dir;
    host.open_error = bench_open_error;
    host.text = bench_text;
    host.emit = bench_emit;
    host.doc_error = bench_doc_msg;
    host.doc_warn = bench_doc_msg;
    /* the text services are the real host's: they are part of the cost */
    host.decode = ann_unicode_decode;
    host.decode_prev = ann_unicode_decode_prev;
    host.char_class = ann_unicode_class;
    host.fold_case = ann_unicode_fold;
    host.emit_v2 = bench_emit_v2;

    const ann_plugin *pl = ann_plugin_numbers();
    void *state = NULL;
    if (pl->open(&host, NULL, &state) != ANN_OK)
        return 1;
    if (rounds == 0) {
        for (size_t i = 0; i < n; i++) {
            docs[i].verbose = 1;
            pl->annotate_v2(&host, state, &docs[i]);
        }
    }
    double best = 1e30;
    size_t spans = 0;
    for (int r = 0; r < rounds; r++) {
        spans = 0;
        double t0 = now();
        for (size_t i = 0; i < n; i++) {
            docs[i].spans = 0;
            pl->annotate_v2(&host, state, &docs[i]);
            spans += docs[i].spans;
        }
        double dt = now() - t0;
        if (dt < best)
            best = dt;
    }
    pl->close(state);
    if (rounds > 0)
        printf("numbers: %zu docs, %.1f MB, %zu spans, best of %d rounds %.3f s CPU, %.1f MB/s\n",
               n, (double)bytes / 1e6, spans, rounds, best,
               best > 0 ? (double)bytes / 1e6 / best : 0.0);
    for (size_t i = 0; i < n; i++)
        free((void *)docs[i].text), free((void *)docs[i].name);
    free(docs);
    return 0;
}
