#include "util/arena.h"

#include <stdalign.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define ARENA_BLOCK_SIZE ((size_t)64 * 1024)
#define ARENA_ALIGN alignof(max_align_t)

struct ann_arena_block {
    ann_arena_block *next;
    size_t cap; /* usable bytes in data */
    alignas(max_align_t) unsigned char data[];
};

void *ann_arena_alloc(ann_arena *a, size_t size)
{
    if (size == 0)
        size = 1;
    if (size > SIZE_MAX - ARENA_ALIGN)
        return NULL;
    size = (size + ARENA_ALIGN - 1) & ~(ARENA_ALIGN - 1);
    int zeroed = 0;
    if (!a->head || a->head->cap - a->used < size) {
        size_t cap = size > ARENA_BLOCK_SIZE ? size : ARENA_BLOCK_SIZE;
        /* A block of its own comes from calloc: the system hands large ones
         * out as untouched zero pages, so a generous first guess (a token
         * array sized for the worst case) costs memory only where written.
         * Ordinary blocks are reused after a reset and are cleared here. */
        ann_arena_block *b =
            cap > ARENA_BLOCK_SIZE ? calloc(1, sizeof *b + cap) : malloc(sizeof *b + cap);
        if (!b)
            return NULL;
        zeroed = cap > ARENA_BLOCK_SIZE;
        b->cap = cap;
        b->next = a->head;
        a->head = b;
        a->used = 0;
    }
    void *p = a->head->data + a->used;
    a->used += size;
    a->total += size;
    if (!zeroed)
        memset(p, 0, size);
    return p;
}

void *ann_arena_grow(ann_arena *a, void *p, size_t old_size, size_t new_size)
{
    if (!p)
        return ann_arena_alloc(a, new_size);
    size_t old_r = (old_size ? old_size : 1);
    old_r = (old_r + ARENA_ALIGN - 1) & ~(ARENA_ALIGN - 1);
    size_t new_r = new_size ? new_size : 1;
    if (new_r > SIZE_MAX - ARENA_ALIGN)
        return NULL;
    new_r = (new_r + ARENA_ALIGN - 1) & ~(ARENA_ALIGN - 1);
    /* The newest allocation ends at `used`: it can change size in place,
     * which makes a buffer grown step by step cost no copies. */
    if (a->head && (unsigned char *)p + old_r == a->head->data + a->used &&
        (unsigned char *)p >= a->head->data && new_r <= a->head->cap - (a->used - old_r)) {
        if (new_size > old_size)
            memset((unsigned char *)p + old_size, 0, new_size - old_size);
        a->used = a->used - old_r + new_r;
        a->total = a->total - old_r + new_r;
        return p;
    }
    if (new_size <= old_size)
        return p;
    void *q = ann_arena_alloc(a, new_size);
    if (q)
        memcpy(q, p, old_size);
    return q;
}

char *ann_arena_strndup(ann_arena *a, const char *s, size_t n)
{
    if (!s)
        return NULL;
    char *p = ann_arena_alloc(a, n + 1);
    if (p)
        memcpy(p, s, n); /* the arena zeroed the terminator */
    return p;
}

char *ann_arena_strdup(ann_arena *a, const char *s)
{
    return s ? ann_arena_strndup(a, s, strlen(s)) : NULL;
}

void ann_arena_reset(ann_arena *a)
{
    if (!a->head)
        return;
    /* Keep the newest block when it is an ordinary one; a huge one-off block
     * goes back to the system so one big document does not pin its memory. */
    ann_arena_block *keep = a->head->cap == ARENA_BLOCK_SIZE ? a->head : NULL;
    ann_arena_block *b = keep ? keep->next : a->head;
    while (b) {
        ann_arena_block *next = b->next;
        free(b);
        b = next;
    }
    if (keep)
        keep->next = NULL;
    a->head = keep;
    a->used = 0;
    a->total = 0;
}

void ann_arena_free(ann_arena *a)
{
    ann_arena_block *b = a->head;
    while (b) {
        ann_arena_block *next = b->next;
        free(b);
        b = next;
    }
    a->head = NULL;
    a->used = 0;
    a->total = 0;
}
