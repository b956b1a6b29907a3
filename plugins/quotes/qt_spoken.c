/*
 * qt_spoken.c -- the gender each speaker's name had in the quotations so far.
 *
 * "...," he said goes to the most recent PER mention whose gender does not
 * conflict.  When neither a title, the first-name list nor the narration
 * genders that name, the latest earlier quotation the name spoke with a
 * known gender decides.  Reading back over the quotations for that costs
 * their number at each look-up: a text where a name is looked up on every
 * line and never gets a gender of its own (Zorp told them the plan was
 * "...," he said: the sentence's subject wins, with no gender) is then
 * quadratic.  So the answers are kept as the attribution goes on: a table
 * (open addressing on the name's bytes, scratch memory) from each name to
 * the gender of its latest such quotation.  Before a look-up the table is
 * brought up to the quotation being attributed, entering each quotation
 * once; a look-up hashes the name.
 */
#include "qt_attr.h"

#include <string.h>

struct qt_spoken {
    size_t cap;    /* a power of two, over twice the quotations: never full */
    size_t next;   /* quotations [0, next) are entered */
    size_t probes; /* slots compared by the look-ups (the tests count them) */
    struct qt_sslot {
        uint32_t a, b; /* the name's bytes; b == 0: empty */
        uint8_t gender;
    } *slots;
};

int qt_spoken_build(qt_doc *d)
{
    size_t cap = 16;
    while (cap <= 2 * d->n_quotes)
        cap *= 2;
    struct qt_spoken *s = d->text.host->scratch(d->doc, sizeof *s);
    if (!s || !(s->slots = d->text.host->scratch(d->doc, cap * sizeof *s->slots)))
        return ANN_ENOMEM;
    s->cap = cap;
    d->spoken = s;
    return ANN_OK;
}

/* The slot of the name t[a, b): its own, or the empty one where it goes. */
static struct qt_sslot *qt_sslot(const qt_doc *d, struct qt_spoken *s, uint32_t a, uint32_t b)
{
    const char *t = d->text.s;
    size_t i = qt_hash_bytes(t, a, b) & (s->cap - 1);
    for (;;) {
        struct qt_sslot *x = &s->slots[i];
        s->probes++;
        if (x->b == 0 || (x->b - x->a == b - a && memcmp(t + x->a, t + a, b - a) == 0))
            return x;
        i = (i + 1) & (s->cap - 1);
    }
}

/* Enters quotations [s->next, d->cur): each one that has a speaker of known
 * gender makes that the gender of its name. */
static void qt_spoken_catch_up(const qt_doc *d, struct qt_spoken *s)
{
    if (s->next > d->cur) { /* (attributed again from an earlier one: start over) */
        memset(s->slots, 0, s->cap * sizeof *s->slots);
        s->next = 0;
    }
    for (; s->next < d->cur; s->next++) {
        const qt_quote *r = &d->quotes[s->next];
        if (r->spk_end == 0 || r->spk_gender == QT_GENDER_UNKNOWN)
            continue;
        struct qt_sslot *x = qt_sslot(d, s, r->spk_start, r->spk_end);
        *x = (struct qt_sslot){r->spk_start, r->spk_end, r->spk_gender};
    }
}

uint8_t qt_spoken_gender(const qt_doc *d, uint32_t a, uint32_t b)
{
    struct qt_spoken *s = d->spoken;
    if (!s)
        return QT_GENDER_UNKNOWN;
    qt_spoken_catch_up(d, s);
    return qt_sslot(d, s, a, b)->gender; /* (an empty slot: unknown) */
}

size_t qt_spoken_probes(const qt_doc *d)
{
    return d->spoken ? d->spoken->probes : 0;
}
