/*
 * stream.c -- `annotate --stdin`: batches of records through the workers
 * (see stream.h).
 */
#include "run/stream.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "run/collect.h"
#include "run/document.h"
#include "run/once.h"
#include "run/pool.h"
#include "run/threads.h"

typedef struct stream_batch {
    ann_record *recs;   /* owned, ANN_STREAM_BATCH_DOCS */
    const char **names; /* the records' names, borrowed from recs */
    size_t n;
} stream_batch;

/* The longest line read: a document at --max-doc-size with its JSON
 * escapes (most text grows little; "\n" doubles), plus room for the rest
 * of the record. */
static size_t max_line(const ann_run_opts *o)
{
    size_t doc = o->max_doc_size ? o->max_doc_size : (size_t)1 << 30;
    return doc * 2 + ((size_t)1 << 20);
}

/* Reads the next batch.  Returns 1 while the input goes on, 0 after its
 * end, -1 after a read error (reported); the batch may hold records in
 * every case. */
static int read_batch(ann_jsonl_in *in, stream_batch *b)
{
    size_t bytes = 0;
    b->n = 0;
    while (b->n < ANN_STREAM_BATCH_DOCS && bytes < ANN_STREAM_BATCH_BYTES) {
        /* A small batch waits a moment for more lines: a producer about as
         * fast as the workers would otherwise get a batch (and a fork of
         * the workers) every few records. */
        int wait = b->n < ANN_STREAM_BATCH_DOCS / 8 ? ANN_STREAM_WAIT_MS : 0;
        if (b->n > 0 && !ann_jsonl_ready(in, wait))
            return 1;
        ann_record *rec = &b->recs[b->n];
        int rc = ann_jsonl_next(in, rec);
        if (rc == 0)
            return 0;
        if (rc < 0) {
            ann_run_report("cannot read standard input: %s", strerror(errno));
            return -1;
        }
        b->names[b->n++] = rec->name;
        bytes += rec->size;
    }
    return 1;
}

/* Runs the records of b with at most `jobs` workers, adding the tally into
 * total.  Returns 0, or 1 when the workers failed or stdout did
 * (reported). */
static int run_batch(const ann_plugin_set *set, const ann_run_opts *o, const stream_batch *b,
                     unsigned jobs, size_t max_memory, ann_tally *total)
{
    ann_run_opts bo = *o;
    bo.files = b->names;
    bo.n_files = b->n;
    bo.records = b->recs;
    bo.outdir = NULL;
    bo.out_names = NULL;
    bo.progress = 0;
    if (jobs > b->n)
        jobs = (unsigned)b->n;
    ann_collect c;
    int status = 0;
    if (ann_collect_init(&c, set, b->n, 1) != ANN_OK) {
        ann_run_report("out of memory");
        status = 1;
    } else {
        c.records = b->recs;
        status = o->isolate ? ann_pool_run(set, &bo, jobs, max_memory, &c)
                            : ann_threads_run(set, &bo, jobs, &c);
        ann_tally_add(total, &c.tally);
        if (c.out_error) {
            ann_run_report("cannot write to standard output: %s", strerror(errno));
            status = 1;
        }
    }
    ann_collect_free(&c);
    return status;
}

int ann_run_stream(const ann_plugin_set *set, const ann_run_opts *opts, int fd)
{
    double t_start = ann_run_now();
    /* One table of notes said for the whole stream, whatever its batches. */
    ann_run_opts stream_opts = *opts;
    stream_opts.once = ann_once_new();
    const ann_run_opts *o = &stream_opts;
    unsigned jobs;
    size_t max_memory;
    if (ann_run_workers(o, (size_t)-1, &jobs, &max_memory) != 0) {
        ann_once_free(stream_opts.once);
        return 2;
    }
    stream_batch b = {calloc(ANN_STREAM_BATCH_DOCS, sizeof *b.recs),
                      calloc(ANN_STREAM_BATCH_DOCS, sizeof *b.names), 0};
    ann_tally total;
    int status = 0;
    if (ann_tally_init(&total, set->n) != ANN_OK || !b.recs || !b.names) {
        ann_run_report("out of memory");
        status = 1;
    }
    ann_jsonl_in in;
    ann_jsonl_in_init(&in, fd, max_line(o));
    int more = status == 0;
    while (more) {
        int rc = read_batch(&in, &b);
        if (rc < 0)
            status = 1;
        more = rc > 0;
        /* Stop at a broken stdout: nobody reads the answers any more. */
        if (b.n && run_batch(set, o, &b, jobs, max_memory, &total) != 0) {
            status = 1;
            more = 0;
        }
        for (size_t i = 0; i < b.n; i++)
            ann_record_free(&b.recs[i]);
        b.n = 0;
    }
    ann_jsonl_in_free(&in);
    if (total.failed || total.partial)
        status = 1;
    if (total.plugin_sec)
        ann_run_summary(set, &total, o, t_start, jobs, 1);
    ann_tally_free(&total);
    ann_once_free(stream_opts.once);
    free(b.recs);
    free(b.names);
    return status;
}
