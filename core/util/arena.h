/*
 * arena.h -- a bump allocator for per-document memory.
 *
 * Each worker owns one arena.  Everything a document needs while it is being
 * annotated (copied spans, attributes, plugin scratch) comes from it, and one
 * ann_arena_reset() after the document gives it all back at once, so nothing
 * per-document can leak and the blocks are reused by the next document.
 */
#ifndef ANN_UTIL_ARENA_H
#define ANN_UTIL_ARENA_H

#include <stddef.h>

typedef struct ann_arena_block ann_arena_block;

typedef struct ann_arena {
    ann_arena_block *head; /* block being filled; older blocks follow */
    size_t used;           /* bytes used in head */
    size_t total;          /* bytes handed out since the last reset */
} ann_arena;

/* clang-format off */
#define ANN_ARENA_INIT {NULL, 0, 0}
/* clang-format on */

/* Returns `size` zeroed bytes aligned for any type, or NULL when memory runs
 * out.  Borrowed until the next ann_arena_reset() or ann_arena_free(). */
void *ann_arena_alloc(ann_arena *a, size_t size);

/* Resizes the block p (old_size bytes, from this arena) to new_size bytes,
 * keeping its contents and zeroing what is new; p NULL allocates.  The
 * newest block changes size in place; an older one is copied, and the old
 * copy stays allocated until the reset.  Returns NULL when memory runs out
 * (p stays valid).  Borrowed like ann_arena_alloc(). */
void *ann_arena_grow(ann_arena *a, void *p, size_t old_size, size_t new_size);

/* Copies s (NULL gives NULL) into the arena; borrowed like ann_arena_alloc(). */
char *ann_arena_strdup(ann_arena *a, const char *s);
char *ann_arena_strndup(ann_arena *a, const char *s, size_t n);

/* Gives back everything allocated; keeps one block for reuse. */
void ann_arena_reset(ann_arena *a);

/* Frees all blocks; the arena may be used again afterwards. */
void ann_arena_free(ann_arena *a);

#endif
