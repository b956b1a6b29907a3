/*
 * ent_mem.h -- memory for the tagger's large tables read at random (the
 * weights cache, the word cache, the model's weights): asked for in huge
 * pages where the system offers them on request, so that a lookup seldom
 * misses the address translation cache as well as the data cache.
 */
#ifndef ENT_MEM_H
#define ENT_MEM_H

#include <stddef.h>

/* bytes of zeroed memory, aligned to 64 bytes at least; NULL when memory
 * runs out.  Caller frees with free(). */
void *ent_mem_table(size_t bytes);

#endif
