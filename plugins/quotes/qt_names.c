/*
 * qt_names.c -- the entities layer's PER spans indexed by their first
 * word, their last word and their whole text.
 *
 * The character look-ups of qt_characters.c ask, for one name, which PER
 * spans start with it ("Bill" -> "Bill Gorton"), end with it ("Quested"
 * -> "Adela Quested") or are it.  Read by walking every span, a document
 * cost distinct names times spans, and the memo (qt_memo.c) stops keeping
 * answers when it fills, so a hostile text of many names was quadratic.
 * Sorted (hash, span) pairs answer each look-up with the spans of that
 * word only, in the order of d->ents, so every caller tallies the same
 * spans in the same order as a full walk did.  A hash collision only adds
 * a candidate, which the caller's own byte comparison turns away.  Built
 * once per document (qt_doc_open), in its scratch memory.
 */
#include "qt_attr.h"

#include <stdlib.h>
#include <string.h>

struct qt_names {
    qt_name_key *by[QT_NAMES_KINDS];
    size_t n[QT_NAMES_KINDS];
};

static int is_space(char c)
{
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

static int key_order(const void *x, const void *y)
{
    const qt_name_key *a = x, *b = y;
    if (a->h != b->h)
        return a->h < b->h ? -1 : 1;
    return a->i < b->i ? -1 : a->i > b->i;
}

int qt_names_build(qt_doc *d)
{
    const char *t = d->text.s;
    struct qt_names *x = d->text.host->scratch(d->doc, sizeof *x);
    if (!x)
        return ANN_ENOMEM;
    for (int k = 0; k < QT_NAMES_KINDS; k++)
        if (d->n_ents && !(x->by[k] = d->text.host->scratch(d->doc, d->n_ents * sizeof *x->by[k])))
            return ANN_ENOMEM;
    for (size_t i = 0; i < d->n_ents; i++) {
        const ann_span *s = &d->ents[i];
        if (!s->label || strcmp(s->label, "PER") != 0 || s->end <= s->start)
            continue;
        uint32_t a = (uint32_t)s->start, b = (uint32_t)s->end, fs = a, ls = b;
        while (fs < b && !is_space(t[fs]))
            fs++;
        while (ls > a && !is_space(t[ls - 1]))
            ls--;
        /* the first and last words of a name of two words or more; the
         * whole text of every span */
        if (fs < b) {
            x->by[QT_NAMES_FIRST][x->n[QT_NAMES_FIRST]++] =
                (qt_name_key){(uint32_t)qt_hash_bytes(t, a, fs), (uint32_t)i};
            x->by[QT_NAMES_LAST][x->n[QT_NAMES_LAST]++] =
                (qt_name_key){(uint32_t)qt_hash_bytes(t, ls, b), (uint32_t)i};
        }
        x->by[QT_NAMES_WHOLE][x->n[QT_NAMES_WHOLE]++] =
            (qt_name_key){(uint32_t)qt_hash_bytes(t, a, b), (uint32_t)i};
    }
    for (int k = 0; k < QT_NAMES_KINDS; k++)
        if (x->n[k])
            qsort(x->by[k], x->n[k], sizeof *x->by[k], key_order);
    d->names = x;
    return ANN_OK;
}

const qt_name_key *qt_names_find(const qt_doc *d, int kind, uint32_t a, uint32_t b, size_t *n)
{
    const struct qt_names *x = d->names;
    *n = 0;
    if (!x || kind < 0 || kind >= QT_NAMES_KINDS || b <= a)
        return NULL;
    uint32_t h = (uint32_t)qt_hash_bytes(d->text.s, a, b);
    const qt_name_key *k = x->by[kind];
    size_t lo = 0, hi = x->n[kind];
    while (lo < hi) { /* the first key of hash h */
        size_t mid = lo + (hi - lo) / 2;
        if (k[mid].h < h)
            lo = mid + 1;
        else
            hi = mid;
    }
    size_t e = lo;
    while (e < x->n[kind] && k[e].h == h)
        e++;
    *n = e - lo;
    return k ? k + lo : NULL;
}
