/*
 * qt_gender.c -- a character's gender from the pronouns that follow it.
 *
 * Novels name their people by first names the short list of qt_speaker.c
 * does not know (Adela, Aziz).  The narration says it instead: "Adela
 * looked up; she ...".  For every PER mention outside quotations the first
 * he / his / him or she / her / hers later in its sentence (within a short
 * reach) is counted for that name; a name with at least two such pronouns,
 * three of four of one kind, has that gender.  The table is built once per
 * document (scratch memory, open addressing on the name's bytes).
 */
#include "qt_attr.h"

#include <string.h>

struct qt_genders {
    size_t cap; /* a power of two; 0: no table */
    struct qt_gslot {
        uint32_t a, b; /* the name's bytes in the text; b == 0: empty */
        uint16_t m, f;
    } *slots;
};

#define QT_GENDER_REACH 90 /* bytes after the name looked at */

static struct qt_gslot *qt_gslot(const qt_doc *d, const struct qt_genders *g, uint32_t a, uint32_t b)
{
    const char *t = d->text.s;
    size_t i = qt_hash_bytes(t, a, b) & (g->cap - 1);
    for (;;) {
        struct qt_gslot *s = &g->slots[i];
        if (s->b == 0 || (s->b - s->a == b - a && memcmp(t + s->a, t + a, b - a) == 0))
            return s;
        i = (i + 1) & (g->cap - 1);
    }
}

/* The gender of the first third-person pronoun in t[a, e), before a
 * sentence end or a quotation mark; QT_GENDER_UNKNOWN if none. */
static uint8_t qt_next_pronoun(const char *t, size_t a, size_t e)
{
    static const char *const male[] = {"he", "his", "him", NULL};
    static const char *const female[] = {"she", "her", "hers", NULL};
    for (size_t i = a; i < e; i++) {
        char c = t[i];
        if (c == '.' || c == '!' || c == '?' || c == '"' || c == ';' || (unsigned char)c == 0xE2)
            return QT_GENDER_UNKNOWN;
        if (!(c >= 'a' && c <= 'z') || (i > a && ((t[i - 1] >= 'a' && t[i - 1] <= 'z') ||
                                                   (t[i - 1] >= 'A' && t[i - 1] <= 'Z'))))
            continue;
        size_t n = 0;
        while (i + n < e && t[i + n] >= 'a' && t[i + n] <= 'z')
            n++;
        for (int k = 0; k < 2; k++)
            for (const char *const *w = k ? female : male; *w; w++)
                if (strlen(*w) == n && memcmp(t + i, *w, n) == 0)
                    return k ? QT_GENDER_FEMALE : QT_GENDER_MALE;
        i += n;
    }
    return QT_GENDER_UNKNOWN;
}

int qt_genders_build(qt_doc *d)
{
    size_t n = 0;
    for (size_t k = 0; k < d->n_ents; k++)
        n += d->ents[k].label && strcmp(d->ents[k].label, "PER") == 0;
    if (n == 0)
        return ANN_OK;
    struct qt_genders *g = d->text.host->scratch(d->doc, sizeof *g);
    size_t cap = 16;
    while (cap < 2 * n)
        cap *= 2;
    if (!g || !(g->slots = d->text.host->scratch(d->doc, cap * sizeof *g->slots)))
        return ANN_ENOMEM;
    g->cap = cap;
    const char *t = d->text.s;
    for (size_t k = 0; k < d->n_ents; k++) {
        const ann_span *s = &d->ents[k];
        if (!s->label || strcmp(s->label, "PER") != 0)
            continue;
        uint32_t a = s->start, b = s->end;
        qt_name_trim(d, &a, &b);
        size_t e = b + QT_GENDER_REACH < d->text.len ? b + QT_GENDER_REACH : d->text.len;
        uint8_t gd = qt_next_pronoun(t, b, e);
        struct qt_gslot *sl = qt_gslot(d, g, a, b);
        if (sl->b == 0) {
            sl->a = a;
            sl->b = b;
        }
        if (gd == QT_GENDER_MALE && sl->m < UINT16_MAX)
            sl->m++;
        else if (gd == QT_GENDER_FEMALE && sl->f < UINT16_MAX)
            sl->f++;
    }
    d->genders = g;
    return ANN_OK;
}

uint8_t qt_char_gender(const qt_doc *d, uint32_t a, uint32_t b)
{
    if (!d->genders || b <= a)
        return QT_GENDER_UNKNOWN;
    const struct qt_gslot *s = qt_gslot(d, d->genders, a, b);
    if (s->b == 0 || s->m + s->f < 2)
        return QT_GENDER_UNKNOWN;
    if (4 * s->m >= 3 * (s->m + s->f))
        return QT_GENDER_MALE;
    if (4 * s->f >= 3 * (s->m + s->f))
        return QT_GENDER_FEMALE;
    return QT_GENDER_UNKNOWN;
}
