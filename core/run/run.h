/*
 * run.h -- annotating a list of files with a set of opened plugins.
 *
 * Workers take documents in turn; each document is read, tokenized,
 * annotated by every plugin in order, merged, rendered by the writer and
 * committed by the sink (core/run/document.h).  The workers are processes
 * by default (core/run/pool.h), so that a plugin that crashes, hangs or
 * runs away with memory costs only its own layer of one document; threads
 * in this process with isolate == 0 (core/run/threads.h).  A document that
 * cannot be read or written is reported on stderr ("annotate: FILE: ...")
 * and skipped; the others go on.
 */
#ifndef ANN_RUN_RUN_H
#define ANN_RUN_RUN_H

#include <stddef.h>

#include "load/loader.h"
#include "read/jsonl_in.h"
#include "spans/merge.h"
#include "write/writer.h"

typedef struct ann_run_opts {
    const char *const *files; /* borrowed; n_files documents */
    size_t n_files;
    const ann_record *records; /* borrowed; NULL, or n_files records of
                                  `annotate --stdin` (stream.h): the
                                  documents come from them, files[i] is
                                  their name */
    const ann_writer *writer;
    const char *outdir;           /* NULL: stream to stdout (-o -) */
    const char *const *out_names; /* borrowed; n_files output stems inside
                                   outdir (util/outname.h); NULL: each file's
                                   base name less its extension */
    const char *out_file;         /* one file for the whole run's output
                                   (-f jsonl -o FILE.jsonl), written whole
                                   at the end; NULL: outdir or stdout */
    const char *anchor_dir;       /* set by ann_run(): the absolute folder the
                                   outputs' relative document paths start from */
    int sync;                     /* durable writes (ann_sink.sync) */
    unsigned jobs;                /* workers; 0: number of cores */
    int isolate;                  /* workers are processes (the CLI's default);
                                   0: threads in this process (--no-isolate) */
    unsigned timeout_sec;         /* per document, isolated runs only; 0: none */
    size_t max_memory_mb;         /* RLIMIT_AS per worker process, isolated runs
                                   only: ANN_MEMORY_DEFAULT or ANN_MEMORY_NONE */
    ann_merge_policy merge;
    const char *reference_date; /* YYYY-MM-DD or NULL */
    size_t max_doc_size;        /* bytes; a larger document fails (0: no limit) */
    int quiet;                  /* no summary line */
    int timings;                /* print "timing:" lines */
    int progress;               /* progress bar on stderr (core/util/progress.h;
                                   drawn only on a terminal, for runs > 0.5 s) */
    struct ann_once *once;      /* set by ann_run() and ann_run_stream(): the
                                   run's table of notes said (once.h); NULL:
                                   every note is printed */
} ann_run_opts;

/* max_memory_mb: physical RAM / workers, at least ANN_MEMORY_FLOOR_MB. */
#define ANN_MEMORY_DEFAULT 0
#define ANN_MEMORY_NONE ((size_t)-1)
#define ANN_MEMORY_FLOOR_MB 1024

/* Runs the plugins of `set` (already opened) over the files.  Returns the
 * exit status: 0 all documents written whole, 1 some failed or lost a layer,
 * 2 the output folder could not be created or the memory limit is below
 * what the loaded plugins already take. */
int ann_run(const ann_plugin_set *set, const ann_run_opts *o);

/* What ann_run() and ann_run_stream() (stream.h) share. */

typedef struct ann_tally ann_tally; /* run/document.h */

/* The workers for n_docs documents (o->jobs, or the cores; at most n_docs)
 * into *jobs, and the address-space limit of each (0: none) into
 * *max_memory.  Returns 0, or 2 after reporting a --max-memory below what
 * the loaded plugins already take. */
int ann_run_workers(const ann_run_opts *o, size_t n_docs, unsigned *jobs, size_t *max_memory);

/* The summary line (unless quiet; `written`: whether the output was
 * kept), the warnings a whole run gives once (documents dated by today,
 * undeclared layers) and the --timings lines over `jobs` workers, for a
 * run that started at t_start (ann_run_now()). */
void ann_run_summary(const ann_plugin_set *set, const ann_tally *t, const ann_run_opts *o,
                     double t_start, unsigned jobs, int written);

#endif
