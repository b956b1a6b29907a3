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

/* The shard, 1 to n, of the document of walk name `name`. */
unsigned ann_shard_of(const char *name, unsigned n);

/* Marks in mine[i] (1 or 0) whether names[i] is in shard k of n; returns
 * how many are. */
size_t ann_shard_mark(const char *const *names, size_t count, unsigned k, unsigned n,
                      unsigned char *mine);

#endif
