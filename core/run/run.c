/*
 * run.c -- a whole run: workers of either kind, then the writer's finish(),
 * the summary line and --timings (see run.h).
 */
#include "run/run.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "run/collect.h"
#include "run/document.h"
#include "run/pool.h"
#include "run/threads.h"
#include "run/worker.h"
#include "util/fs.h"
#include "util/progress.h"

/* Decimal units, like the MB/s of --timings. */
static void format_size(char *out, size_t len, uint64_t bytes)
{
    if (bytes < 1000)
        snprintf(out, len, "%llu B", (unsigned long long)bytes);
    else if (bytes < (uint64_t)1000 * 1000)
        snprintf(out, len, "%.1f KB", (double)bytes / 1e3);
    else
        snprintf(out, len, "%.1f MB", (double)bytes / 1e6);
}

/* Labels emitted in the run, per plugin in declared order, for finish(). */
static int run_finish(const ann_plugin_set *set, const ann_collect *c, const ann_run_opts *o)
{
    ann_label_decl *labels = calloc(c->n_labels + 1, sizeof *labels);
    if (!labels) {
        ann_run_report("out of memory");
        return 1;
    }
    size_t n = 0, base = 0;
    for (size_t p = 0; p < set->n; p++) {
        for (size_t k = 0; k < set->items[p].n_labels; k++) {
            if (c->label_seen[base + k]) {
                labels[n].layer = set->items[p].name;
                labels[n].label = set->items[p].desc->labels[k];
                n++;
            }
        }
        base += set->items[p].n_labels;
    }
    ann_sink sink;
    ann_sink_init(&sink, o->outdir);
    sink.per_run = 1;
    sink.sync = o->sync;
    char err[1024];
    int status = 0;
    int rc = o->writer->finish(labels, n, &sink);
    if (rc != ANN_OK) {
        ann_run_report("the %s writer failed to finish (status %d)", o->writer->name, rc);
        status = 1;
    } else if (ann_sink_commit(&sink, err, sizeof err) != ANN_OK) {
        ann_run_report("%s", err);
        status = 1;
    }
    ann_sink_free(&sink);
    free(labels);
    return status;
}

/* Address space this process already has: each forked worker starts with
 * it, so a limit below it could not even run the first document. */
static size_t current_vm_bytes(void)
{
    FILE *f = fopen("/proc/self/statm", "r");
    unsigned long pages = 0;
    if (f) {
        if (fscanf(f, "%lu", &pages) != 1)
            pages = 0;
        fclose(f);
    }
    long page = sysconf(_SC_PAGESIZE);
    return (size_t)pages * (size_t)(page > 0 ? page : 4096);
}

/* The RLIMIT_AS of each worker in bytes (0: none), or (size_t)-1 after
 * reporting a limit that cannot work. */
static size_t worker_memory(const ann_run_opts *o, unsigned jobs)
{
    if (o->max_memory_mb == ANN_MEMORY_NONE || !ann_worker_can_limit_memory())
        return 0;
    size_t mb = o->max_memory_mb;
    if (mb == ANN_MEMORY_DEFAULT) {
        long pages = sysconf(_SC_PHYS_PAGES), page = sysconf(_SC_PAGESIZE);
        size_t ram_mb = pages > 0 && page > 0 ? (size_t)pages / (1048576 / (size_t)page) : 0;
        mb = ram_mb / jobs;
        if (mb < ANN_MEMORY_FLOOR_MB)
            mb = ANN_MEMORY_FLOOR_MB;
    }
    size_t have = current_vm_bytes();
    if (mb > (size_t)-1 / 1048576)
        return 0;
    /* Room for one document beside what is already mapped. */
    if (mb * 1048576 < have + (size_t)32 * 1048576) {
        ann_run_report("--max-memory %zu: the loaded plugins already take %zu MB of address "
                       "space; give at least %zu",
                       mb, have / 1048576, have / 1048576 + 64);
        return (size_t)-1;
    }
    return mb * 1048576;
}

static void progress_add(void *ctx, uint64_t bytes)
{
    ann_progress_add(ctx, bytes);
}

static void print_summary(const ann_plugin_set *set, const ann_tally *t, double wall)
{
    ann_buf line = ANN_BUF_INIT;
    char size[32];
    format_size(size, sizeof size, t->bytes);
    ann_buf_printf(&line, "annotate: %zu document%s (%zu failed", t->finished,
                   t->finished == 1 ? "" : "s", t->failed);
    if (t->partial)
        ann_buf_printf(&line, ", %zu with a failed layer", t->partial);
    ann_buf_printf(&line, "), %s, spans:", size);
    for (size_t p = 0; p < set->n; p++)
        ann_buf_printf(&line, "%s %s %llu", p ? "," : "", set->items[p].name,
                       (unsigned long long)t->span_count[p]);
    ann_buf_printf(&line, " in %.2f s\n", wall);
    if (!line.failed)
        fputs(line.data, stderr);
    ann_buf_free(&line);
}

static void print_timings(const ann_plugin_set *set, const ann_tally *t)
{
    double mb = (double)t->bytes / 1e6;
    for (size_t p = 0; p < set->n; p++) {
        double sec = t->plugin_sec[p];
        fprintf(stderr, "timing: %s %.6f %.2f\n", set->items[p].name, sec,
                sec > 0 ? mb / sec : 0.0);
    }
    fprintf(stderr, "timing: host %.6f %.2f\n", t->host_sec,
            t->host_sec > 0 ? mb / t->host_sec : 0.0);
}

int ann_run_workers(const ann_run_opts *o, size_t n_docs, unsigned *jobs, size_t *max_memory)
{
    unsigned j = o->jobs;
    if (j == 0) {
        long cores = sysconf(_SC_NPROCESSORS_ONLN);
        j = cores > 0 ? (unsigned)cores : 1;
    }
    if (j > n_docs)
        j = n_docs ? (unsigned)n_docs : 1;
    *jobs = j;
    *max_memory = o->isolate ? worker_memory(o, j) : 0;
    return *max_memory == (size_t)-1 ? 2 : 0;
}

void ann_run_summary(const ann_plugin_set *set, const ann_tally *t, const ann_run_opts *o,
                     double t_start)
{
    if (!o->quiet)
        print_summary(set, t, ann_run_now() - t_start);
    if (o->timings)
        print_timings(set, t);
}

int ann_run(const ann_plugin_set *set, const ann_run_opts *o)
{
    double t_start = ann_run_now();
    if (o->outdir && ann_mkdir_p(o->outdir) != 0) {
        ann_run_report("%s: cannot create the output folder: %s", o->outdir, strerror(errno));
        return 2;
    }
    unsigned jobs;
    size_t max_memory;
    if (ann_run_workers(o, o->n_files, &jobs, &max_memory) != 0)
        return 2;

    ann_collect c;
    if (ann_collect_init(&c, set, o->n_files, !o->outdir) != ANN_OK) {
        ann_run_report("out of memory");
        ann_collect_free(&c);
        return 1;
    }
    ann_progress *bar = NULL;
    if (o->progress) {
        /* The bar's rate and ETA want the total size up front. */
        uint64_t total = 0;
        for (size_t i = 0; i < o->n_files; i++) {
            struct stat st;
            if (stat(o->files[i], &st) == 0 && st.st_size > 0)
                total += (uint64_t)st.st_size;
        }
        bar = ann_progress_new(stderr, o->n_files, total, 1);
        c.on_done = progress_add;
        c.on_done_ctx = bar;
    }
    int status =
        o->isolate ? ann_pool_run(set, o, jobs, max_memory, &c) : ann_threads_run(set, o, jobs, &c);
    if (c.tally.failed || c.tally.partial)
        status = 1;
    if (c.out_error) {
        ann_run_report("cannot write to standard output: %s", strerror(errno));
        status = 1;
    }
    if (c.tally.finished > c.tally.failed && o->outdir && o->writer->finish &&
        run_finish(set, &c, o) != 0)
        status = 1;

    ann_progress_finish(bar);
    ann_run_summary(set, &c.tally, o, t_start);
    ann_collect_free(&c);
    return status;
}
