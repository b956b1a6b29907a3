/*
 * shard.h -- --shard K/N: which of the walked documents this run takes, so
 * that N runs (a Slurm job array, N machines) with the same arguments each
 * take a disjoint part and together take every document once.
 *
 * The rule: a document belongs to shard 1 + (h mod N), h being a fixed
 * 64-bit hash (FNV-1a, then a mixing step) of its walk name, the path below
 * its folder argument ("sub/a.txt"), or a file argument's base name.  Each
 * document is placed from its own name alone, so the split does not depend
 * on the order of the arguments, on where each machine mounted the corpus,
 * or on a file that one machine's walk sees and another's does not (with
 * "index mod N" of the sorted list, one such file would shift every later
 * document into another shard: some annotated twice, some never).  The
 * price is shards of unequal size: near M/N each, off by about sqrt(M/N).
 */
#ifndef ANN_UTIL_SHARD_H
#define ANN_UTIL_SHARD_H

#include <stddef.h>
#include <stdint.h>

/* The largest N accepted. */
#define ANN_SHARD_MAX 1000000u

/* Parses "K/N" (1 <= K <= N <= ANN_SHARD_MAX).  Returns 0 with *k and *n
 * set, or -1. */
int ann_shard_parse(const char *s, unsigned *k, unsigned *n);

/* --shard slurm: K and N of the running task of a Slurm job array, from
 * its environment looked up with get (getenv in the CLI):
 *     K = (SLURM_ARRAY_TASK_ID - SLURM_ARRAY_TASK_MIN) / SLURM_ARRAY_TASK_STEP + 1
 *     N = SLURM_ARRAY_TASK_COUNT
 * so that --array=0-3, --array=1-4 and --array=0-30:10 all work (STEP is 1
 * when unset).  An array whose indices are not evenly spaced (--array=1,3,7)
 * cannot be mapped and is refused.  Returns 0 with *k and *n set, or -1
 * with the reason in why (len bytes, NUL-terminated). */
int ann_shard_slurm(char *(*get)(const char *name), unsigned *k, unsigned *n, char *why,
                    size_t len);

/* The shard, 1 to n, of the document of walk name `name`. */
unsigned ann_shard_of(const char *name, unsigned n);

/* Marks in mine[i] (1 or 0) whether names[i] is in shard k of n; returns
 * how many are. */
size_t ann_shard_mark(const char *const *names, size_t count, unsigned k, unsigned n,
                      unsigned char *mine);

#endif
