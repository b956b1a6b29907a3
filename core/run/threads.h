/*
 * threads.h -- the --no-isolate mode: worker threads in this process.
 *
 * Faster to debug (one process, a debugger sees the plugin crash where it
 * happens), but a plugin that crashes or hangs takes the whole run with it:
 * no timeout and no memory limit apply.
 */
#ifndef ANN_RUN_THREADS_H
#define ANN_RUN_THREADS_H

#include "load/loader.h"
#include "run/collect.h"
#include "run/run.h"

/* Runs every document of o with `jobs` threads (the calling one included),
 * adding everything into c.  Returns 0, or 1 when the workers could not be
 * set up (reported). */
int ann_threads_run(const ann_plugin_set *set, const ann_run_opts *o, unsigned jobs,
                    ann_collect *c);

#endif
