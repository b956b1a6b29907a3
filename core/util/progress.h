/*
 * progress.h -- the progress bar of long runs, on stderr.
 *
 *     [##########..........]  12/40 files  3.4 MB/s  ETA 0:12
 *
 * It is drawn only when enabled, the stream is a terminal and the run has
 * lasted more than half a second, so short runs and logs stay clean.  Worker
 * threads report finished documents through ann_progress_add(); the bar is
 * redrawn at most ten times a second by whichever thread reports.
 */
#ifndef ANN_VIEW_PROGRESS_H
#define ANN_VIEW_PROGRESS_H

#include <stdint.h>
#include <stdio.h>

typedef struct ann_progress ann_progress;

/* A bar for a run of `files` documents totalling `bytes` bytes, drawn on
 * `out` (borrowed until ann_progress_finish(); normally stderr).  With
 * enabled == 0 (--quiet) or when out is not a terminal nothing is ever
 * drawn.  Returns NULL when memory runs out; every function accepts NULL.
 * Caller frees with ann_progress_finish(). */
ann_progress *ann_progress_new(FILE *out, size_t files, uint64_t bytes, int enabled);

/* One more document done, of `bytes` bytes (whether it succeeded or not).
 * Thread-safe. */
void ann_progress_add(ann_progress *p, uint64_t bytes);

/* Clears the bar's line if it was drawn, and frees p.  Call it before
 * printing the run's summary. */
void ann_progress_finish(ann_progress *p);

/* Formats one bar line (no "\r", no newline) into buf for a terminal
 * `width` columns wide; `elapsed` is in seconds.  Exposed for the tests. */
void ann_progress_format(char *buf, size_t len, int width, size_t files_done, size_t files,
                         uint64_t bytes_done, uint64_t bytes, double elapsed);

#endif
