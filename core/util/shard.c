/*
 * shard.c -- --shard K/N: the split of the document list by a hash of each
 * document's walk name (see shard.h for why a hash and not an index).
 */
#include "config.h"

#include <errno.h>
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
