/*
 * stream.h -- `annotate --stdin`: JSON Lines records in (read/jsonl_in.h),
 * one JSON Lines answer per input line out, in input order, each with the
 * record's "id" -- the merged document, or {"id","line","error"} for a line
 * that gave none.  So annotate runs as it is as a Hadoop Streaming mapper,
 * a Spark RDD.pipe() command or a `parallel --pipe` job.
 *
 * The stream is cut into batches of at most ANN_STREAM_BATCH_DOCS records
 * and ANN_STREAM_BATCH_BYTES bytes of text (one larger record goes alone),
 * and each batch runs through the usual workers (run.h): processes by
 * default, so a plugin that crashes or hangs on a record costs that
 * record's layer, and threads with isolate == 0.  Memory is one batch and
 * its answers, whatever the length of the stream.  A batch also ends at the
 * first line not yet written to the pipe (after ANN_STREAM_WAIT_MS), so a
 * producer that waits for each answer is answered.
 */
#ifndef ANN_RUN_STREAM_H
#define ANN_RUN_STREAM_H

#include "load/loader.h"
#include "run/run.h"

#define ANN_STREAM_BATCH_DOCS 512
#define ANN_STREAM_BATCH_BYTES (4u << 20)
/* How long a batch of fewer than ANN_STREAM_BATCH_DOCS / 8 records waits
 * for the next line before it runs: the delay a program that waits for
 * each answer sees. */
#define ANN_STREAM_WAIT_MS 20

/* Annotates the records read from fd (borrowed) with the plugins of set
 * (already opened) and o's options (o->files, n_files, records and outdir
 * are ignored: the answers go to stdout), writing the writer's output --
 * one line per record: a JSON Lines writer.  Returns the exit status: 0
 * every line gave a whole document, 1 some line was malformed, failed or
 * lost a layer, or reading or writing failed, 2 as ann_run(). */
int ann_run_stream(const ann_plugin_set *set, const ann_run_opts *o, int fd);

#endif
