/*
 * grow.h -- the one way core grows an array: double its capacity when full.
 *
 * Inline because the tokenizer pushes every token through it.
 */
#ifndef ANN_UTIL_GROW_H
#define ANN_UTIL_GROW_H

#include <stdint.h>
#include <stdlib.h>

/* Makes room for element n of array v (elements of `size` bytes, capacity
 * *cap).  While n < *cap returns v as it is; otherwise reallocates to twice
 * the capacity (`first` elements the first time), updates *cap and returns
 * the array, which may have moved.  Returns NULL, leaving v and *cap as they
 * were, when memory runs out or the new size would not fit in size_t. */
static inline void *ann_grow(void *v, size_t n, size_t *cap, size_t size, size_t first)
{
    if (n < *cap)
        return v;
    size_t ncap = *cap ? 2 * *cap : first;
    if (ncap < *cap || ncap > SIZE_MAX / size)
        return NULL;
    void *g = realloc(v, ncap * size);
    if (g)
        *cap = ncap;
    return g;
}

#endif
