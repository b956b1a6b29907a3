/* ent_mem.c -- see ent_mem.h. */
#include "ent_mem.h"

#include <stdlib.h>
#include <string.h>
#ifdef __linux__
#include <sys/mman.h>
#endif

/* Transparent huge pages come only to 2 MiB-aligned ranges; a table
 * smaller than one is not worth rounding up to it. */
#define HUGE_PAGE ((size_t)2 << 20)

void *ent_mem_table(size_t bytes)
{
    size_t align = bytes >= HUGE_PAGE ? HUGE_PAGE : 64;
    size_t size = (bytes + align - 1) & ~(align - 1);
    void *p = aligned_alloc(align, size ? size : align);
    if (!p)
        return NULL;
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    if (align == HUGE_PAGE)
        (void)madvise(p, size, MADV_HUGEPAGE); /* a hint: without it, ordinary pages */
#endif
    memset(p, 0, size);
    return p;
}
