/*
 * pool.h -- the parent's side of the worker processes (the default mode).
 *
 * The parent forks -j N workers after the plugins are opened, hands each up
 * to two documents at a time (the second hides the round trip), reads the
 * results back and does the bookkeeping: the tally, the labels for
 * finish(), the ordered stream of -o -.  It never runs plugin code itself.
 *
 * Each worker publishes the plugin it is running in a page shared with the
 * parent.  When a worker dies (a signal, an unexpected exit) or overruns the
 * per-document timeout (then the parent kills it), the parent blames that
 * plugin, names it with the signal and the document on stderr, starts a new
 * worker and has the document done again without the plugin, which is then
 * recorded as failed ("failed" in the JSON output).  A document that brings
 * a worker down outside any plugin is not written.  Each document is tried
 * at most once per plugin plus once, so a run always ends.
 */
#ifndef ANN_RUN_POOL_H
#define ANN_RUN_POOL_H

#include <stddef.h>

#include "load/loader.h"
#include "run/collect.h"
#include "run/run.h"

/* Runs every document of o in `jobs` worker processes, each limited to
 * max_memory bytes of address space (0: no limit), adding everything into c.
 * Returns 0, or 1 when no worker could be started (reported; the documents
 * not done are counted as failed). */
int ann_pool_run(const ann_plugin_set *set, const ann_run_opts *o, unsigned jobs, size_t max_memory,
                 ann_collect *c);

/* "SIGSEGV", "SIGABRT", ... or "signal N" for a signal number; `buf` (at
 * least 16 bytes) is used for the last form.  Returns buf or a constant. */
const char *ann_signal_name(int sig, char *buf, size_t len);

#endif
