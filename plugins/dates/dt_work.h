/*
 * dt_work.h -- the per-document arrays of the dates plugin (tokens,
 * triggers, hits) and the spare sets of them kept between documents.
 *
 * The host's scratch memory is cleared for every document: for the token
 * array (twenty bytes a token, a token every five bytes) the clearing cost
 * a tenth of the plugin's instructions, and the plugin writes every element it
 * reads.  So the arrays are the plugin's own, grown with realloc() and
 * never cleared, and a thread hands them on to the next document through
 * a few slots of the plugin's state taken and given back by atomic
 * exchange: no two threads ever hold the same set, and no lock is taken.
 */
#ifndef DT_WORK_H
#define DT_WORK_H

#include <stddef.h>
#include <stdint.h>

#include "an_spares.h"
#include "dt_lex.h"
#include "dt_match.h"

/* One thread's arrays for one document; their contents are garbage
 * between documents. */
typedef struct dt_work {
    dt_tok *toks; /* owned, tok_cap elements */
    size_t tok_cap;
    uint32_t *trig; /* owned, trig_cap elements */
    size_t trig_cap;
    dt_hit *hits; /* owned, hit_cap elements */
    size_t hit_cap;
} dt_work;

/* The sets kept between documents (plugins/common/an_spares.h). */
enum { DT_POOL_SLOTS = 8 };

typedef struct dt_pool {
    an_spares spare;
} dt_pool;

/* Empties a pool before first use. */
void dt_pool_init(dt_pool *p);

/* Frees every set still in the pool (no thread may be using it). */
void dt_pool_free(dt_pool *p);

/* A set of arrays for this thread: a spare one, else a new empty one.
 * Caller gives it back with dt_pool_give(); NULL when out of memory. */
dt_work *dt_pool_take(dt_pool *p);

/* Takes back w (NULL is ignored): kept for the next document, or freed
 * when every slot is full.  Arrays grown beyond DT_WORK_KEEP bytes by a
 * large document are freed first, so one such document does not pin its
 * memory for the life of the plugin. */
void dt_pool_give(dt_pool *p, dt_work *w);

enum { DT_WORK_KEEP = 4u << 20 };

/* Room for `need` elements of `elem` bytes in arr (*cap of them now, owned
 * by a dt_work), keeping its elements: arr itself when it is large enough,
 * else arr reallocated at least twice as large (*cap updated).  NULL when
 * memory runs out: arr and *cap are unchanged and arr still owned by the
 * caller. */
void *dt_work_grow(void *arr, size_t *cap, size_t need, size_t elem);

#endif
