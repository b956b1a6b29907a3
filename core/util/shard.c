/*
 * shard.c -- --shard K/N: the split of the document list by a hash of each
 * document's walk name (see shard.h for why a hash and not an index).
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include "util/shard.h"

/* Reads a whole number from 1 to ANN_SHARD_MAX at s, up to *end. */
static long shard_number(const char *s, char **end)
{
    if (*s < '0' || *s > '9') /* strtoul would take a sign or spaces */
        return -1;
    errno = 0;
    unsigned long v = strtoul(s, end, 10);
    if (errno || *end == s || v < 1 || v > ANN_SHARD_MAX)
        return -1;
    return (long)v;
}

int ann_shard_parse(const char *s, unsigned *k, unsigned *n)
{
    char *end;
    long kk = shard_number(s, &end);
    if (kk < 0 || *end != '/')
        return -1;
    long nn = shard_number(end + 1, &end);
    if (nn < 0 || *end || kk > nn)
        return -1;
    *k = (unsigned)kk;
    *n = (unsigned)nn;
    return 0;
}

/* A Slurm variable as a whole number from 0 to ANN_SHARD_MAX * 1000 (array
 * indices may exceed the count); -1 when unset, -2 when malformed. */
static long slurm_number(char *(*get)(const char *), const char *name)
{
    const char *s = get(name);
    if (!s)
        return -1;
    char *end;
    if (*s < '0' || *s > '9')
        return -2;
    errno = 0;
    unsigned long v = strtoul(s, &end, 10);
    if (errno || *end || v > (unsigned long)ANN_SHARD_MAX * 1000)
        return -2;
    return (long)v;
}

int ann_shard_slurm(char *(*get)(const char *name), unsigned *k, unsigned *n, char *why,
                    size_t len)
{
    static const char *const names[] = {"SLURM_ARRAY_TASK_ID", "SLURM_ARRAY_TASK_MIN",
                                        "SLURM_ARRAY_TASK_COUNT", "SLURM_ARRAY_TASK_STEP",
                                        "SLURM_ARRAY_TASK_MAX"};
    long v[5];
    for (int i = 0; i < 5; i++) {
        v[i] = slurm_number(get, names[i]);
        int required = i < 3; /* STEP and MAX may be unset */
        if (v[i] == -2 || (v[i] == -1 && required)) {
            snprintf(why, len, "%s is %s", names[i],
                     v[i] == -1 ? "not set: this is no task of a Slurm job array (sbatch --array)"
                                : "not a whole number");
            return -1;
        }
    }
    long id = v[0], min = v[1], count = v[2], step = v[3] > 0 ? v[3] : 1, max = v[4];
    if (count < 1 || count > (long)ANN_SHARD_MAX || id < min || (id - min) % step != 0 ||
        (id - min) / step >= count || (max >= 0 && (max < min || (max - min) / step + 1 != count))) {
        snprintf(why, len,
                 "the array's indices (task %ld of %ld from %ld by %ld) are not evenly spaced; "
                 "give --shard K/N",
                 id, count, min, step);
        return -1;
    }
    *k = (unsigned)((id - min) / step + 1);
    *n = (unsigned)count;
    return 0;
}

unsigned ann_shard_of(const char *name, unsigned n)
{
    /* The constants are fixed for good: every machine and every version
     * must place a document in the same shard. */
    uint64_t h = 0xcbf29ce484222325u; /* FNV-1a offset basis */
    for (const unsigned char *p = (const unsigned char *)name; *p; p++) {
        h ^= *p;
        h *= 0x100000001b3u;
    }
    /* FNV's low bits mix poorly and `mod n` looks mostly at them: the
     * splitmix64 finaliser spreads every input bit over all of them. */
    h ^= h >> 30;
    h *= 0xbf58476d1ce4e5b9u;
    h ^= h >> 27;
    h *= 0x94d049bb133111ebu;
    h ^= h >> 31;
    return 1 + (unsigned)(h % n);
}

size_t ann_shard_mark(const char *const *names, size_t count, unsigned k, unsigned n,
                      unsigned char *mine)
{
    size_t kept = 0;
    for (size_t i = 0; i < count; i++) {
        mine[i] = ann_shard_of(names[i], n) == k;
        kept += mine[i];
    }
    return kept;
}
