/* once.c -- see once.h. */
#include "once.h"

#include <stdatomic.h>
#include <stdint.h>
#include <sys/mman.h>

/* Notes per run are few (a plugin's "skipped on plain text"): a page of
 * slots is plenty, and past it notes print again rather than vanish. */
#define ONCE_SLOTS 512

struct ann_once {
    _Atomic uint64_t slot[ONCE_SLOTS]; /* 0: free; else a text's hash */
};

ann_once *ann_once_new(void)
{
    /* Shared, so the worker processes forked later write the same slots;
     * an anonymous mapping comes zeroed, which is "all free". */
    void *p = mmap(NULL, sizeof(ann_once), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS,
                   -1, 0);
    return p == MAP_FAILED ? NULL : p;
}

void ann_once_free(ann_once *t)
{
    if (t)
        munmap(t, sizeof *t);
}

static uint64_t hash_pair(const char *who, const char *text)
{
    uint64_t h = 1469598103934665603u; /* FNV-1a, 64 bits */
    for (const unsigned char *s = (const unsigned char *)who; *s; s++)
        h = (h ^ *s) * 1099511628211u;
    h = (h ^ 0xffu) * 1099511628211u; /* no byte of UTF-8: splits who from text */
    for (const unsigned char *s = (const unsigned char *)text; *s; s++)
        h = (h ^ *s) * 1099511628211u;
    return h ? h : 1;
}

int ann_once_first(ann_once *t, const char *who, const char *text)
{
    if (!t)
        return 1;
    uint64_t h = hash_pair(who, text);
    for (size_t k = 0; k < ONCE_SLOTS; k++) {
        _Atomic uint64_t *s = &t->slot[(h + k) % ONCE_SLOTS];
        uint64_t seen = 0;
        if (atomic_compare_exchange_strong(s, &seen, h))
            return 1;
        if (seen == h)
            return 0;
    }
    return 1;
}
