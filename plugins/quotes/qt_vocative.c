/*
 * qt_vocative.c -- a name inside a quotation that calls someone.
 *
 * “Do not go, Jane.”, “Jake, come on.”: a PER span of the entities layer
 * (with the title before it: “May I, Mr. Fielding?”) right after the
 * opening mark or ", ", and right before ",", "!", "?", "." or the closing
 * mark, is a vocative.  Its person is the addressee, never
 * the speaker, and likely the next speaker (qt_turns.c); in a first-person
 * story the name the others call most is the narrator's (qt_narrator.c).
 */
#include "qt_attr.h"

#include <string.h>

/* Whether the PER span s is in vocative position inside quotation q. */
static int qt_vocative_at(const qt_doc *d, const qt_quote *q, const ann_span *s)
{
    const char *t = d->text.s;
    uint32_t ta = s->start;
    qt_name_title(d, &ta, s->end); /* (“May I, Mr. Fielding?”: the tagger leaves the title out) */
    size_t a = ta, b = s->end;
    if (a < q->inner_start || b > q->inner_end || (a == q->inner_start && b == q->inner_end))
        return 0;
    int before =
        a == q->inner_start || (a >= q->inner_start + 2 && t[a - 2] == ',' && t[a - 1] == ' ');
    int after = b == q->inner_end || t[b] == ',' || t[b] == '!' || t[b] == '?' || t[b] == '.';
    return before && after;
}

int qt_vocative(const qt_doc *d, const qt_quote *q, uint32_t *a, uint32_t *b, uint32_t *link)
{
    size_t lo = 0, hi = d->n_ents;
    while (lo < hi) { /* the first span starting inside the quotation */
        size_t mid = (lo + hi) / 2;
        if (d->ents[mid].start < q->inner_start)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (size_t k = lo; k < d->n_ents && d->ents[k].start < q->inner_end; k++) {
        const ann_span *s = &d->ents[k];
        if (!s->label || strcmp(s->label, "PER") != 0 || !qt_vocative_at(d, q, s))
            continue;
        *a = s->start;
        *b = s->end;
        *link = s->id;
        qt_name_trim(d, a, b);
        if (!qt_name_title(d, a, *b))
            qt_char_fullest(d, a, b);
        return 1;
    }
    return 0;
}
