/*
 * qt_memo.c -- answers of the name look-ups, kept for the document.
 *
 * Turning a speaker's name into the character's fullest name (Bill -> Bill
 * Gorton, Miss Quested -> Adela Quested) reads every PER span of the
 * document.  A novel asks it for the same few names thousands of times:
 * asked once per quotation, the look-ups would cost quotations times
 * spans.  The answer depends only on the name's bytes and the kind of
 * look-up, so it is kept here (open addressing on the bytes, scratch
 * memory) and each distinct name is looked up once.  A full table keeps
 * what it has and answers nothing new (the look-up then runs again).
 */
#include "qt_attr.h"

#include <string.h>

struct qt_memo {
    size_t cap, used; /* cap: a power of two */
    struct qt_memo_slot {
        uint32_t a, b;   /* the name's bytes; b == 0: empty */
        uint32_t ra, rb; /* the answer (ra == rb: none) */
        uint8_t kind;
    } * slots;
};

size_t qt_hash_bytes(const char *t, uint32_t a, uint32_t b)
{
    size_t h = 2166136261u;
    for (uint32_t i = a; i < b; i++)
        h = (h ^ (unsigned char)t[i]) * 16777619u;
    return h;
}

int qt_memo_build(qt_doc *d)
{
    size_t cap = 64;
    while (cap < 2 * d->n_quotes && cap < 65536)
        cap *= 2;
    struct qt_memo *m = d->text.host->scratch(d->doc, sizeof *m);
    if (!m || !(m->slots = d->text.host->scratch(d->doc, cap * sizeof *m->slots)))
        return ANN_ENOMEM;
    m->cap = cap;
    d->memo = m;
    return ANN_OK;
}

/* The slot of (kind, t[a, b)): its own, or the empty one where it goes. */
static struct qt_memo_slot *qt_memo_slot(const qt_doc *d, uint8_t kind, uint32_t a, uint32_t b)
{
    const char *t = d->text.s;
    struct qt_memo *m = d->memo;
    size_t i = (qt_hash_bytes(t, a, b) + kind) & (m->cap - 1);
    for (;;) {
        struct qt_memo_slot *s = &m->slots[i];
        if (s->b == 0 ||
            (s->kind == kind && s->b - s->a == b - a && memcmp(t + s->a, t + a, b - a) == 0))
            return s;
        i = (i + 1) & (m->cap - 1);
    }
}

int qt_memo_get(const qt_doc *d, uint8_t kind, uint32_t a, uint32_t b, uint32_t *ra, uint32_t *rb)
{
    if (!d->memo || b <= a)
        return 0;
    const struct qt_memo_slot *s = qt_memo_slot(d, kind, a, b);
    if (s->b == 0)
        return 0;
    *ra = s->ra;
    *rb = s->rb;
    return 1;
}

void qt_memo_put(const qt_doc *d, uint8_t kind, uint32_t a, uint32_t b, uint32_t ra, uint32_t rb)
{
    struct qt_memo *m = d->memo;
    if (!m || b <= a || 2 * (m->used + 1) > m->cap)
        return; /* (half full at most: the probes stay short and end) */
    struct qt_memo_slot *s = qt_memo_slot(d, kind, a, b);
    if (s->b == 0)
        m->used++;
    *s = (struct qt_memo_slot){a, b, ra, rb, kind};
}
