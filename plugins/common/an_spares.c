/* an_spares.c -- see an_spares.h. */
#include "an_spares.h"

void an_spares_init(an_spares *s, size_t n)
{
    s->n = n < AN_SPARES_MAX ? n : AN_SPARES_MAX;
    for (size_t i = 0; i < AN_SPARES_MAX; i++)
        atomic_init(&s->slot[i], NULL);
}

void *an_spares_take(an_spares *s)
{
    for (size_t i = 0; i < s->n; i++) {
        void *p = atomic_exchange(&s->slot[i], NULL);
        if (p)
            return p;
    }
    return NULL;
}

int an_spares_give(an_spares *s, void *p)
{
    for (size_t i = 0; i < s->n; i++) {
        void *empty = NULL;
        if (atomic_compare_exchange_strong(&s->slot[i], &empty, p))
            return 1;
    }
    return 0;
}

void *an_spares_drain(an_spares *s)
{
    return an_spares_take(s);
}
