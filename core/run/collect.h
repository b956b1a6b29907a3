/*
 * collect.h -- what a run gathers from its workers, whichever kind they are
 * (threads or processes): the tally for the summary and --timings, the
 * labels seen for the writer's finish(), and, when streaming (-o -), each
 * document's output printed in input order as soon as its turn comes.
 *
 * Not thread-safe: the thread mode calls it under its lock, the process
 * mode from the parent's single thread.
 */
#ifndef ANN_RUN_COLLECT_H
#define ANN_RUN_COLLECT_H

#include <stddef.h>
#include <stdint.h>

#include "load/loader.h"
#include "run/document.h"
#include "util/fs.h"

typedef struct ann_collect_slot {
    char *data; /* owned; NULL when failed or nothing to print */
    size_t len;
    int done;
} ann_collect_slot;

typedef struct ann_collect {
    ann_tally tally;
    unsigned char *label_seen; /* owned, n_labels: union over all workers */
    size_t n_labels;
    size_t n_files;
    ann_collect_slot *slots; /* owned, streaming only */
    size_t next_out;         /* next slot to print */
    int out_error;           /* stdout (or out_file) failed; errno kept in out_errno */
    int out_errno;
    ann_atomic *out_file; /* borrowed: the stream goes there instead of
                                stdout (-o FILE.jsonl); NULL: stdout */
    /* NULL, or the --stdin records of the documents (borrowed): a document
     * that ends with no output then gets an error record, so that every
     * input line is answered. */
    const ann_record *records;
    /* Called once per finished document with its size (the progress bar);
     * may be NULL. */
    void (*on_done)(void *ctx, uint64_t bytes);
    void *on_done_ctx;
} ann_collect;

/* Prepares a collector for n_files documents run with the plugins of set
 * (borrowed for the call); streaming keeps slots for the ordered output.
 * Returns ANN_OK or ANN_ENOMEM; free with ann_collect_free() in both cases. */
int ann_collect_init(ann_collect *c, const ann_plugin_set *set, size_t n_files, int streaming);
void ann_collect_free(ann_collect *c);

/* Document i is finished: written or not, with n_failed layers left out,
 * `bytes` big.  When streaming, data (caller frees with free(), ownership
 * passes here; may be NULL) is its output, printed once every earlier
 * document is done: a written document's, or the error record of a --stdin
 * line. */
void ann_collect_document(ann_collect *c, size_t i, int written, size_t n_failed, char *data,
                          size_t len, uint64_t bytes);

/* Adds labels seen by one worker (n_labels bytes, nonzero = seen). */
void ann_collect_labels(ann_collect *c, const unsigned char *seen);

#endif
