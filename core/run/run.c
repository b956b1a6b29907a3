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
#include "run/once.h"
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

/* Where the run's output went, for the summary line. */
static void print_destination(ann_buf *line, const ann_run_opts *o, int written)
{
    if (o->out_file)
        ann_buf_printf(line, "; output %s %s", written ? "in" : "not written to", o->out_file);
    else if (o->outdir)
        ann_buf_printf(line, "; output in %s%s", o->outdir,
                       o->outdir[strlen(o->outdir) - 1] == '/' ? "" : "/");
    else
        ann_buf_puts(line, "; output on standard output");
}

static void print_summary(const ann_plugin_set *set, const ann_tally *t, double wall,
                          const ann_run_opts *o, int written)
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
    ann_buf_printf(&line, " in %.2f s", wall);
    print_destination(&line, o, written);
    ann_buf_putc(&line, '\n');
    if (!line.failed)
        fputs(line.data, stderr);
    ann_buf_free(&line);
}

static void timing_row(const char *name, double cpu, double wall, double mb)
{
    fprintf(stderr, "timing: %-12s %10.6f %10.6f %10.2f\n", name, cpu, wall,
            wall > 0 ? mb / wall : 0.0);
}

/* One row per plugin and one for the host: CPU seconds of the worker
 * threads, wall seconds and the rate over the wall time.  The wall column
 * adds up to the workers' busy time, at most workers x the run's wall time
 * (the last line), so a plugin that sleeps or waits shows wall > cpu. */
static void print_timings(const ann_plugin_set *set, const ann_tally *t, double run_wall,
                          unsigned jobs)
{
    double mb = (double)t->bytes / 1e6, cpu = t->host_cpu, wall = t->host_sec;
    fprintf(stderr, "timing: %-12s %10s %10s %10s\n", "plugin", "cpu_s", "wall_s", "MB/s");
    for (size_t p = 0; p < set->n; p++) {
        timing_row(set->items[p].name, t->plugin_cpu[p], t->plugin_sec[p], mb);
        cpu += t->plugin_cpu[p];
        wall += t->plugin_sec[p];
    }
    timing_row("host", t->host_cpu, t->host_sec, mb);
    timing_row("total", cpu, wall, mb);
    fprintf(stderr, "timing: run wall %.6f s x %u worker%s = %.6f s\n", run_wall, jobs,
            jobs == 1 ? "" : "s", run_wall * jobs);
}

/* Once per plugin and run: a plugin that asked host->spans() for a layer
 * it does not declare in needs got nothing, and would not know why. */
static void warn_undeclared(const ann_plugin_set *set, const ann_tally *t)
{
    for (size_t p = 0; p < set->n; p++) {
        uint32_t u = t->undeclared[p];
        if (!u)
            continue;
        if (u != UINT32_MAX && u - 1 < set->n)
            fprintf(stderr,
                    "annotate: warning: plugin %s asked host->spans() for the layer '%s', which "
                    "is not in its needs: it got no spans; add \"%s\" to its needs\n",
                    set->items[p].name, set->items[u - 1].name, set->items[u - 1].name);
        else
            fprintf(stderr,
                    "annotate: warning: plugin %s asked host->spans() for a layer that is "
                    "neither its own nor in its needs: it got no spans; declare the layer in "
                    "its needs\n",
                    set->items[p].name);
    }
}

/* The absolute folder the outputs' relative document paths start from:
 * the output folder, the single output file's folder, or (a stream) the
 * current folder.  Caller frees with free(); NULL when unknown. */
static char *anchor_folder(const ann_run_opts *o)
{
    if (o->outdir)
        return realpath(o->outdir, NULL);
    if (!o->out_file)
        return getcwd(NULL, 0);
    const char *slash = strrchr(o->out_file, '/');
    if (!slash)
        return getcwd(NULL, 0);
    char *dir = strndup(o->out_file, slash == o->out_file ? 1 : (size_t)(slash - o->out_file));
    char *abs = dir ? realpath(dir, NULL) : NULL;
    free(dir);
    return abs;
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
                     double t_start, unsigned jobs, int written)
{
    double wall = ann_run_now() - t_start;
    if (!o->quiet)
        print_summary(set, t, wall, o, written);
    if (t->today)
        fprintf(stderr,
                "annotate: warning: %zu document%s had no reference date (no --reference-date, "
                "front-matter date: or dateline): relative dates in %s resolved against today\n",
                t->today, t->today == 1 ? "" : "s", t->today == 1 ? "it were" : "them were");
    warn_undeclared(set, t);
    if (o->timings)
        print_timings(set, t, wall, jobs);
}

int ann_run(const ann_plugin_set *set, const ann_run_opts *opts)
{
    double t_start = ann_run_now();
    if (opts->outdir && ann_mkdir_p(opts->outdir) != 0) {
        ann_run_report("%s: cannot create the output folder: %s", opts->outdir, strerror(errno));
        return 2;
    }
    ann_atomic file = {-1, NULL, NULL};
    if (opts->out_file &&
        (ann_mkdir_parent(opts->out_file) != 0 || ann_atomic_open(&file, opts->out_file) != 0)) {
        ann_run_report("%s: cannot create the output file: %s", opts->out_file, strerror(errno));
        return 2;
    }
    /* The workers see the anchor: a copy of the options carries it. */
    ann_run_opts run_opts = *opts;
    char *anchor = anchor_folder(opts);
    run_opts.anchor_dir = anchor;
    /* Made before any worker is forked, so that all of them share it. */
    run_opts.once = ann_once_new();
    const ann_run_opts *o = &run_opts;
    unsigned jobs;
    size_t max_memory;
    int workers_ok = ann_run_workers(o, o->n_files, &jobs, &max_memory) == 0;
    ann_collect c;
    int status = 2;
    if (!workers_ok) {
        memset(&c, 0, sizeof c);
        goto out;
    }
    if (ann_collect_init(&c, set, o->n_files, !o->outdir) != ANN_OK) {
        ann_run_report("out of memory");
        status = 1;
        goto out;
    }
    if (o->out_file)
        c.out_file = &file;
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
    status =
        o->isolate ? ann_pool_run(set, o, jobs, max_memory, &c) : ann_threads_run(set, o, jobs, &c);
    if (c.tally.failed || c.tally.partial)
        status = 1;
    if (c.out_error) {
        ann_run_report("cannot write to %s: %s", o->out_file ? o->out_file : "standard output",
                       strerror(c.out_errno));
        status = 1;
    }
    int written = c.tally.finished > c.tally.failed;
    if (o->out_file) {
        /* An existing file is replaced only by a whole run's output that
         * holds at least one document, as each document's file is. */
        if (c.out_error || !written) {
            ann_atomic_abort(&file);
            written = 0;
        } else if (ann_atomic_commit(&file, o->sync) != 0) {
            ann_run_report("%s: cannot write: %s", o->out_file, strerror(errno));
            status = 1;
            written = 0;
        }
    }
    if (c.tally.finished > c.tally.failed && o->outdir && o->writer->finish &&
        run_finish(set, &c, o) != 0)
        status = 1;

    ann_progress_finish(bar);
    ann_run_summary(set, &c.tally, o, t_start, jobs, written);
out:
    if (file.fd >= 0)
        ann_atomic_abort(&file);
    ann_once_free(run_opts.once);
    free(anchor);
    ann_collect_free(&c);
    return status;
}
