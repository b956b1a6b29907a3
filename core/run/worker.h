/*
 * worker.h -- the loop of a worker process: documents in, results out.
 *
 * The parent forks its workers after the plugins are loaded and opened, so
 * a worker starts with every model in memory (shared copy-on-write) and
 * never opens anything itself.  A worker takes jobs from one pipe, runs
 * each document with ann_runner_document() -- writing the output files
 * itself when there is an output folder -- and answers on another pipe.
 * Whatever a plugin does to the worker (a crash, a hang, a runaway
 * allocation) stays in the worker: see pool.h for the parent's side.
 */
#ifndef ANN_RUN_WORKER_H
#define ANN_RUN_WORKER_H

#include <stdatomic.h>
#include <stddef.h>
#include <sys/types.h>

#include "load/loader.h"
#include "run/run.h"

typedef struct ann_worker_args {
    const ann_plugin_set *set; /* the parent's, inherited by fork() */
    const ann_run_opts *o;
    int job_fd;          /* read end of the parent's job pipe */
    int result_fd;       /* write end of the result pipe */
    atomic_int *running; /* the worker's slot in the page shared with
                                  the parent: the plugin running now, -1 none */
    size_t max_memory;   /* RLIMIT_AS in bytes; 0: no limit */
    atomic_int *near_limit; /* the worker's slot in the same page: set to 1
                               when it dies of a signal near max_memory */
    pid_t parent;        /* the parent's pid, to notice it is gone */
} ann_worker_args;

/* The child's whole life after fork(): never returns.  Exits with _exit()
 * so that nothing the parent had buffered (stdout!) is flushed twice and no
 * atexit handler of the parent runs in the child.  Exit status 0 after the
 * job pipe closes or after a document where a plugin failed (a fresh worker
 * replaces it: the plugin may have left its state or the heap spoilt);
 * 3 when the worker cannot start. */
_Noreturn void ann_worker_main(const ann_worker_args *a);

/* False in AddressSanitizer builds: ASan reserves terabytes of address
 * space for its shadow memory, so RLIMIT_AS cannot be applied there. */
int ann_worker_can_limit_memory(void);

#endif
