/*
 * an_spares.h -- objects a plugin keeps between documents: a thread takes
 * one out of a slot by an atomic exchange and puts it back when its
 * document is done, so no two threads ever hold the same object and no
 * lock is taken.  What it keeps (a tagger's caches and work area, a
 * tokenizer's arrays) is the plugin's own; more threads than slots only
 * means that some objects are freed after their document.
 */
#ifndef AN_SPARES_H
#define AN_SPARES_H

#include <stdatomic.h>
#include <stddef.h>

enum { AN_SPARES_MAX = 16 };

typedef struct an_spares {
    size_t n; /* slots in use, at most AN_SPARES_MAX */
    _Atomic(void *) slot[AN_SPARES_MAX];
} an_spares;

/* Empties s, with n slots (at most AN_SPARES_MAX), before first use. */
void an_spares_init(an_spares *s, size_t n);

/* A kept object, now the caller's; NULL when none is kept. */
void *an_spares_take(an_spares *s);

/* Keeps p (not NULL) for a later take: 1; 0 when every slot is full, and
 * p is still the caller's to free. */
int an_spares_give(an_spares *s, void *p);

/* Takes out a kept object for freeing (no thread may be using s): NULL
 * once s is empty. */
void *an_spares_drain(an_spares *s);

#endif
