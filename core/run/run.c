#include "run/run.h"

#include <errno.h>
#include <stdarg.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "read/reader.h"
#include "run/doc.h"
#include "run/sink.h"
#include "text/tokenize.h"
#include "util/fs.h"
#include "view/progress.h"

/* What one document left behind for the ordered stdout stream. */
typedef struct run_slot {
    char *data; /* owned; NULL when failed or nothing to print */
    size_t len;
    int done;
} run_slot;

typedef struct run_shared {
    const ann_plugin_set *set;
    const ann_run_opts *o;
    pthread_mutex_t lock; /* guards everything below */
    size_t next;          /* next document to take */
    size_t finished;
    size_t failed;
    size_t bytes;
    run_slot *slots;      /* streaming only: output waiting for its turn */
    size_t next_out;      /* next slot to print */
    int out_error;        /* stdout failed */
    ann_progress *bar;    /* may be NULL; thread-safe itself */
} run_shared;

typedef struct run_worker {
    run_shared *sh;
    pthread_t thread;
    ann_doc doc;
    ann_sink sink;
    double *plugin_sec;   /* per plugin, time inside annotate() */
    size_t *span_count;   /* per plugin, merged spans written */
    double host_sec;      /* everything else the worker did */
    int ok;               /* set up without error */
} run_worker;

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* One stderr line per call, so workers never interleave inside a line. */
static void report(const char *fmt, ...) ANN_PRINTF(1, 2);
static void report(const char *fmt, ...)
{
    char line[2048];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    fprintf(stderr, "annotate: %s\n", line);
}

/* Prints the finished stream slots in input order (lock held). */
static void flush_stream(run_shared *sh)
{
    while (sh->next_out < sh->o->n_files && sh->slots[sh->next_out].done) {
        run_slot *s = &sh->slots[sh->next_out];
        if (s->data && !sh->out_error) {
            if (fwrite(s->data, 1, s->len, stdout) != s->len || fflush(stdout) != 0)
                sh->out_error = 1;
        }
        free(s->data);
        s->data = NULL;
        sh->next_out++;
    }
}

/* Annotates document i; returns 0 or -1 (reported). */
static int do_document(run_worker *w, size_t i, size_t *bytes)
{
    run_shared *sh = w->sh;
    const ann_run_opts *o = sh->o;
    const char *path = o->files[i];
    ann_textdoc td;
    ann_tokenized tok;
    memset(&tok, 0, sizeof tok);
    char err[1024];
    err[0] = '\0';
    int status = 0;
    double t0 = now(), tplugins = 0;

    int rc = ann_read_file_max(path, ANN_FORMAT_AUTO, o->max_doc_size, &td, err, sizeof err);
    if (rc != ANN_OK) {
        report("%s", err[0] ? err : path);
        *bytes = 0;
        w->host_sec += now() - t0;
        return -1;
    }
    *bytes = td.size;
    rc = ann_tokenize(td.view, td.view_len, td.n_blocks ? td.blocks : NULL, td.n_blocks, &tok);
    if (rc != ANN_OK) {
        report("%s: cannot tokenize: out of memory", path);
        status = -1;
        goto done;
    }
    ann_doc_begin(&w->doc, path, &td, &tok, o->reference_date);
    for (size_t p = 0; p < sh->set->n; p++) {
        double t1 = now();
        rc = ann_doc_run_plugin(&w->doc, p);
        double dt = now() - t1;
        w->plugin_sec[p] += dt;
        tplugins += dt;
        if (rc != ANN_OK) {
            report("%s: plugin %s: %s", path, sh->set->items[p].name, w->doc.error);
            status = -1;
            goto done;
        }
    }
    ann_result res;
    w->doc.skip_tokens = !o->writer->needs_tokens;
    rc = ann_doc_result(&w->doc, o->merge, &res);
    if (rc != ANN_OK) {
        report("%s: out of memory while merging spans", path);
        status = -1;
        goto done;
    }
    ann_sink_begin(&w->sink, path);
    rc = o->writer->write(&res, &w->sink);
    if (rc != ANN_OK) {
        report("%s: the %s writer failed (status %d)", path, o->writer->name, rc);
        status = -1;
        goto done;
    }
    rc = ann_sink_commit(&w->sink, err, sizeof err);
    if (rc != ANN_OK) {
        report("%s: %s", path, err);
        status = -1;
        goto done;
    }
    for (size_t s = 0; s < res.n_spans; s++)
        for (size_t p = 0; p < sh->set->n; p++)
            if (res.spans[s].layer == sh->set->items[p].name) {
                w->span_count[p]++;
                break;
            }
done:
    ann_doc_end(&w->doc);
    ann_tokenized_free(&tok);
    ann_textdoc_free(&td);
    w->host_sec += now() - t0 - tplugins;
    return status;
}

static void *worker_main(void *arg)
{
    run_worker *w = arg;
    run_shared *sh = w->sh;
    for (;;) {
        pthread_mutex_lock(&sh->lock);
        size_t i = sh->next < sh->o->n_files ? sh->next++ : (size_t)-1;
        pthread_mutex_unlock(&sh->lock);
        if (i == (size_t)-1)
            break;
        size_t bytes = 0;
        int st = do_document(w, i, &bytes);
        pthread_mutex_lock(&sh->lock);
        sh->finished++;
        sh->bytes += bytes;
        if (st != 0)
            sh->failed++;
        if (sh->slots) {
            run_slot *slot = &sh->slots[i];
            if (st == 0 && w->sink.stream.len > 0)
                slot->data = ann_buf_steal(&w->sink.stream, &slot->len);
            slot->done = 1;
            flush_stream(sh);
        }
        pthread_mutex_unlock(&sh->lock);
        ann_progress_add(sh->bar, bytes);
    }
    return NULL;
}

/* Decimal units, like the MB/s of --timings. */
static void format_size(char *out, size_t len, size_t bytes)
{
    if (bytes < 1000)
        snprintf(out, len, "%zu B", bytes);
    else if (bytes < (size_t)1000 * 1000)
        snprintf(out, len, "%.1f KB", (double)bytes / 1e3);
    else
        snprintf(out, len, "%.1f MB", (double)bytes / 1e6);
}

/* Labels emitted in the run, per plugin in declared order, for finish(). */
static int run_finish(const ann_plugin_set *set, run_worker *w, unsigned n_workers,
                      const ann_run_opts *o)
{
    size_t total = w[0].doc.label_base[set->n];
    ann_label_decl *labels = calloc(total + 1, sizeof *labels);
    if (!labels) {
        report("out of memory");
        return 1;
    }
    size_t n = 0;
    for (size_t p = 0; p < set->n; p++) {
        for (size_t k = 0; k < set->items[p].n_labels; k++) {
            int seen = 0;
            for (unsigned t = 0; t < n_workers && !seen; t++)
                seen = w[t].ok && w[t].doc.label_seen[w[t].doc.label_base[p] + k];
            if (seen) {
                labels[n].layer = set->items[p].name;
                labels[n].label = set->items[p].desc->labels[k];
                n++;
            }
        }
    }
    ann_sink sink;
    ann_sink_init(&sink, o->outdir);
    sink.per_run = 1;
    char err[1024];
    int status = 0;
    int rc = o->writer->finish(labels, n, &sink);
    if (rc != ANN_OK) {
        report("the %s writer failed to finish (status %d)", o->writer->name, rc);
        status = 1;
    } else if (ann_sink_commit(&sink, err, sizeof err) != ANN_OK) {
        report("%s", err);
        status = 1;
    }
    ann_sink_free(&sink);
    free(labels);
    return status;
}

int ann_run(const ann_plugin_set *set, const ann_run_opts *o)
{
    double t_start = now();
    if (o->outdir && ann_mkdir_p(o->outdir) != 0) {
        report("%s: cannot create the output folder: %s", o->outdir, strerror(errno));
        return 2;
    }
    unsigned jobs = o->jobs;
    if (jobs == 0) {
        long cores = sysconf(_SC_NPROCESSORS_ONLN);
        jobs = cores > 0 ? (unsigned)cores : 1;
    }
    if (jobs > o->n_files)
        jobs = o->n_files ? (unsigned)o->n_files : 1;

    run_shared sh;
    memset(&sh, 0, sizeof sh);
    sh.set = set;
    sh.o = o;
    pthread_mutex_init(&sh.lock, NULL);
    int status = 0;
    if (!o->outdir && o->n_files) {
        sh.slots = calloc(o->n_files, sizeof *sh.slots);
        if (!sh.slots) {
            report("out of memory");
            pthread_mutex_destroy(&sh.lock);
            return 1;
        }
    }
    run_worker *w = calloc(jobs, sizeof *w);
    if (!w) {
        report("out of memory");
        free(sh.slots);
        pthread_mutex_destroy(&sh.lock);
        return 1;
    }
    if (o->progress) {
        /* The bar's rate and ETA want the total size up front. */
        uint64_t total = 0;
        for (size_t i = 0; i < o->n_files; i++) {
            struct stat st;
            if (stat(o->files[i], &st) == 0 && st.st_size > 0)
                total += (uint64_t)st.st_size;
        }
        sh.bar = ann_progress_new(stderr, o->n_files, total, 1);
    }
    unsigned started = 0;
    for (unsigned t = 0; t < jobs; t++) {
        w[t].sh = &sh;
        ann_sink_init(&w[t].sink, o->outdir);
        w[t].plugin_sec = calloc(set->n + 1, sizeof *w[t].plugin_sec);
        w[t].span_count = calloc(set->n + 1, sizeof *w[t].span_count);
        if (!w[t].plugin_sec || !w[t].span_count || ann_doc_init(&w[t].doc, set) != ANN_OK) {
            report("out of memory");
            status = 1;
            break;
        }
        w[t].ok = 1;
    }
    /* The calling thread is worker 0; the others get threads of their own. */
    for (unsigned t = 1; status == 0 && t < jobs; t++) {
        if (pthread_create(&w[t].thread, NULL, worker_main, &w[t]) != 0)
            break; /* fewer threads is fine: the rest do the work */
        started = t;
    }
    if (status == 0)
        worker_main(&w[0]);
    for (unsigned t = 1; t <= started; t++)
        pthread_join(w[t].thread, NULL);

    if (status == 0 && sh.failed)
        status = 1;
    if (sh.out_error) {
        report("cannot write to standard output: %s", strerror(errno));
        status = 1;
    }
    if (status == 0 || sh.finished > sh.failed) {
        if (o->outdir && o->writer->finish && run_finish(set, w, jobs, o) != 0)
            status = 1;
    }

    ann_progress_finish(sh.bar);
    sh.bar = NULL;
    double wall = now() - t_start;
    if (!o->quiet) {
        ann_buf line = ANN_BUF_INIT;
        char size[32];
        format_size(size, sizeof size, sh.bytes);
        ann_buf_printf(&line, "annotate: %zu document%s (%zu failed), %s, spans:", sh.finished,
                       sh.finished == 1 ? "" : "s", sh.failed, size);
        for (size_t p = 0; p < set->n; p++) {
            size_t c = 0;
            for (unsigned t = 0; t < jobs; t++)
                c += w[t].span_count ? w[t].span_count[p] : 0;
            ann_buf_printf(&line, "%s %s %zu", p ? "," : "", set->items[p].name, c);
        }
        ann_buf_printf(&line, " in %.2f s\n", wall);
        if (!line.failed)
            fputs(line.data, stderr);
        ann_buf_free(&line);
    }
    if (o->timings) {
        double mb = (double)sh.bytes / 1e6, host = 0;
        for (unsigned t = 0; t < jobs; t++)
            host += w[t].host_sec;
        for (size_t p = 0; p < set->n; p++) {
            double sec = 0;
            for (unsigned t = 0; t < jobs; t++)
                sec += w[t].plugin_sec ? w[t].plugin_sec[p] : 0;
            fprintf(stderr, "timing: %s %.6f %.2f\n", set->items[p].name, sec,
                    sec > 0 ? mb / sec : 0.0);
        }
        fprintf(stderr, "timing: host %.6f %.2f\n", host, host > 0 ? mb / host : 0.0);
    }

    for (unsigned t = 0; t < jobs; t++) {
        if (w[t].ok)
            ann_doc_free(&w[t].doc);
        ann_sink_free(&w[t].sink);
        free(w[t].plugin_sec);
        free(w[t].span_count);
    }
    free(w);
    if (sh.slots) {
        for (size_t i = 0; i < o->n_files; i++)
            free(sh.slots[i].data);
        free(sh.slots);
    }
    pthread_mutex_destroy(&sh.lock);
    return status;
}
