/*
 * document.h -- one document through the pipeline: read, tokenize, run the
 * plugins in order, merge, render, commit.  The same code runs in a worker
 * thread (--no-isolate) and in a worker process (core/run/worker.c), so the
 * two modes cannot drift apart.
 *
 * A plugin that fails on a document fails only its layer: the spans it
 * emitted are dropped, the plugins that need its layer are left out too, and
 * the document is written with the other layers and a "failed" record.
 */
#ifndef ANN_RUN_DOCUMENT_H
#define ANN_RUN_DOCUMENT_H

#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>

#include "load/loader.h"
#include "read/parsers.h"
#include "run/doc.h"
#include "run/run.h"
#include "write/sink.h"

/* Longest reason kept for a failed layer, with its NUL. */
#define ANN_REASON_MAX 160

/* A plugin left out of a document, and why. */
typedef struct ann_layer_failure {
    uint32_t plugin; /* index in the plugin set */
    char reason[ANN_REASON_MAX];
} ann_layer_failure;

/* What documents left behind for the summary line, --timings and finish():
 * one per worker thread, or one per worker process sent to the parent after
 * each document (then zeroed) and added up there. */
typedef struct ann_tally {
    size_t n_plugins;
    double *plugin_sec;   /* owned, n_plugins: wall time inside annotate() */
    double *plugin_cpu;   /* owned, n_plugins: CPU time of the worker's thread
                             inside annotate() (CLOCK_THREAD_CPUTIME_ID) */
    uint64_t *span_count; /* owned, n_plugins: merged spans written */
    double host_sec;      /* everything else, wall time */
    double host_cpu;      /* everything else, the thread's CPU time */
    uint64_t bytes;       /* input bytes */
    size_t finished;      /* documents done, written or not */
    size_t failed;        /* documents not written */
    size_t partial;       /* documents written with a failed layer */
    uint32_t *undeclared; /* owned, n_plugins: a layer each plugin asked
                             host->spans() for without needing it (ann_doc) */
    size_t today;         /* documents whose relative dates fell back to the
                             day of the run (reference_date_source "today") */
} ann_tally;

/* Allocates the per-plugin arrays.  Returns ANN_OK or ANN_ENOMEM; free with
 * ann_tally_free() in both cases. */
int ann_tally_init(ann_tally *t, size_t n_plugins);
/* Adds src into dst (same n_plugins). */
void ann_tally_add(ann_tally *dst, const ann_tally *src);
/* Zeroes the counts, keeps the arrays. */
void ann_tally_clear(ann_tally *t);
void ann_tally_free(ann_tally *t);

/* One worker's document machinery, reused from document to document. */
typedef struct ann_runner {
    const ann_plugin_set *set; /* borrowed */
    const ann_run_opts *o;     /* borrowed */
    ann_doc doc;
    ann_parsers *parsers; /* owned: the readers' parsers, reused */
    ann_sink sink;
    ann_tally tally;
    ann_layer_failure *failures; /* owned, set->n: this document's failed layers */
    size_t n_failures;
    /* NULL, or where the index of the running plugin is published (-1: the
     * host itself) so that a parent can blame the right plugin when this
     * process dies or hangs: a page shared with the parent (worker.c). */
    atomic_int *running;
    /* The address space limit this process runs under, in MB (0: none),
     * so that a plugin that ran out of memory is said to have hit it. */
    size_t memory_limit_mb;
} ann_runner;

/* Prepares a runner; both pointers are borrowed until ann_runner_free().
 * Returns ANN_OK or ANN_ENOMEM; free with ann_runner_free() in both cases. */
int ann_runner_init(ann_runner *r, const ann_plugin_set *set, const ann_run_opts *o);
void ann_runner_free(ann_runner *r);

/* How one attempt at a document ended. */
typedef struct ann_doc_outcome {
    int written;       /* the output was committed (or, streaming, is in r->sink.stream) */
    size_t n_failed;   /* layers left out, skipped ones included */
    int plugin_errors; /* plugins that returned an error in this attempt */
} ann_doc_outcome;

/* Annotates document i of r->o->files.  The plugins in skip[0..n_skip)
 * (borrowed for the call) are not run and are recorded as failed with their
 * reason: they crashed or hung on this document in an earlier attempt.
 * Problems are reported on stderr as "annotate: FILE: ...".  Adds to
 * r->tally (bytes, times, spans; not the document counts). */
void ann_runner_document(ann_runner *r, size_t i, const ann_layer_failure *skip, size_t n_skip,
                         ann_doc_outcome *out);

/* One stderr line per call, so workers never interleave inside a line. */
void ann_run_report(const char *fmt, ...) ANN_PRINTF(1, 2);

/* Seconds on the monotonic clock. */
double ann_run_now(void);
/* CPU seconds the calling thread has used (CLOCK_THREAD_CPUTIME_ID). */
double ann_run_thread_cpu(void);

#endif
