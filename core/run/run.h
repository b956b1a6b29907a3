/*
 * run.h -- annotating a list of files with a set of opened plugins.
 *
 * Worker threads take documents in turn; each document is read, tokenized,
 * annotated by every plugin in order, merged, rendered by the writer and
 * committed by the sink.  A failing document is reported on stderr
 * ("annotate: FILE: ...") and skipped; the others go on.
 */
#ifndef ANN_RUN_RUN_H
#define ANN_RUN_RUN_H

#include <stddef.h>

#include "load/loader.h"
#include "spans/merge.h"
#include "write/writer.h"

typedef struct ann_run_opts {
    const char *const *files;   /* borrowed; n_files documents */
    size_t n_files;
    const ann_writer *writer;
    const char *outdir;         /* NULL: stream to stdout (-o -) */
    unsigned jobs;              /* worker threads; 0: number of cores */
    ann_merge_policy merge;
    const char *reference_date; /* YYYY-MM-DD or NULL */
    size_t max_doc_size;        /* bytes; a larger document fails (0: no limit) */
    int quiet;                  /* no summary line */
    int timings;                /* print "timing:" lines */
    int progress;               /* progress bar on stderr (core/view/progress.h;
                                   drawn only on a terminal, for runs > 0.5 s) */
} ann_run_opts;

/* Runs the plugins of `set` (already opened) over the files.  Returns the
 * exit status: 0 all documents written, 1 some failed, 2 the output folder
 * could not be created. */
int ann_run(const ann_plugin_set *set, const ann_run_opts *o);

#endif
