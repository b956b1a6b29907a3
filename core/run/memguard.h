/*
 * memguard.h -- tells, after a worker died of a signal, whether it died
 * near its address space limit (RLIMIT_AS), that is most likely because an
 * allocation failed: a plugin that gets NULL from malloc() often crashes
 * (SIGSEGV) or aborts (SIGABRT) instead of reporting it, and the signal
 * alone would hide that --max-memory was the cause.
 */
#ifndef ANN_RUN_MEMGUARD_H
#define ANN_RUN_MEMGUARD_H

#include <stdatomic.h>
#include <stddef.h>

/* In a worker process: handles SIGSEGV, SIGBUS and SIGABRT once, on a stack
 * of its own (a stack that could not grow is a case in point); the handler
 * sets *near (borrowed for the life of the process, in memory the parent
 * sees) to 1 when the address space in use is within an eighth of `limit`
 * bytes, then lets the signal kill the process as it would have.  Returns
 * 0, or -1 when the handler cannot be installed (nothing is then set). */
int ann_memguard_install(size_t limit, atomic_int *near);

/* The address space this process has mapped, in bytes (0 when unknown).
 * Async-signal-safe. */
size_t ann_memguard_mapped(void);

#endif
