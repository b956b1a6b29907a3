/*
 * qt_roles.c -- a lower-case title as the character who holds it.
 *
 * A story writes "the count said", "said the colonel" (or "said the
 * Major") for the one character it also names with that title (Count
 * Orlak, Colonel Marsh, Major Callendar).
 * The speaker is the "Title Name" nearest before the quotation, else the
 * first after it.  Looking that up by scanning the text for every such
 * quotation costs the length of the text each time: a document made of
 * "the count said" lines is then quadratic.  So the document is read once
 * (qt_roles_build), every "Title Name" kept by title and position, and a
 * quotation costs one binary search.
 */
#include "qt_attr.h"

#include <string.h>

/* Titles that a story also writes as a lower-case role for the one
 * character who holds it.  (Not Mr., Lady, Father ...: "the lady" is any
 * woman.) */
static const char *const qt_role_titles[] = {
    "Count", "Countess", "Colonel", "Captain",  "Major",   "General",    "Professor", "Inspector",
    "Duke",  "Duchess",  "Baron",   "Baroness", "Admiral", "Lieutenant", "Marquis"};
#define QT_N_ROLES (sizeof qt_role_titles / sizeof *qt_role_titles)

/* One "Title Name" of the text: the title's first byte, the name's end. */
typedef struct qt_role_at {
    uint32_t at, end;
} qt_role_at;

struct qt_roles {
    qt_role_at *v;                  /* grouped by title, by position inside a group */
    uint32_t first[QT_N_ROLES + 1]; /* title k's entries are v[first[k], first[k + 1]) */
};

static int qt_ascii_letter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* When t[i, len) opens with "Title Name" (a whole word among the titles,
 * one space, a capitalised word), returns the title's index and stores
 * the name's end in *end; else returns -1. */
static int qt_role_match(const char *t, size_t len, size_t i, size_t *end)
{
    if (!(t[i] >= 'A' && t[i] <= 'Z') || (i > 0 && qt_ascii_letter(t[i - 1])))
        return -1; /* (not the "Count" of "Viscount") */
    for (size_t k = 0; k < QT_N_ROLES; k++) {
        if (t[i] != qt_role_titles[k][0])
            continue;
        size_t n = strlen(qt_role_titles[k]);
        if (i + n + 2 > len || memcmp(t + i, qt_role_titles[k], n) != 0 || t[i + n] != ' ' ||
            !(t[i + n + 1] >= 'A' && t[i + n + 1] <= 'Z'))
            continue;
        size_t e = i + n + 1;
        while (e < len && (qt_ascii_letter(t[e]) || t[e] == '-'))
            e++;
        *end = e;
        return (int)k;
    }
    return -1;
}

int qt_roles_build(qt_doc *d)
{
    const char *t = d->text.s;
    size_t len = d->text.len, e;
    /* two passes over the text: count per title, then fill */
    uint32_t count[QT_N_ROLES] = {0};
    size_t n = 0;
    for (size_t i = 0; i < len; i++) {
        int k = qt_role_match(t, len, i, &e);
        if (k >= 0) {
            count[k]++;
            n++;
        }
    }
    struct qt_roles *r = d->text.host->scratch(d->doc, sizeof *r);
    if (!r || (n && !(r->v = d->text.host->scratch(d->doc, n * sizeof *r->v))))
        return ANN_ENOMEM;
    for (size_t k = 0; k < QT_N_ROLES; k++)
        r->first[k + 1] = r->first[k] + count[k];
    uint32_t fill[QT_N_ROLES];
    memcpy(fill, r->first, sizeof fill);
    for (size_t i = 0; n && i < len; i++) {
        int k = qt_role_match(t, len, i, &e);
        if (k >= 0)
            r->v[fill[k]++] = (qt_role_at){(uint32_t)i, (uint32_t)e};
    }
    d->roles = r;
    return ANN_OK;
}

int qt_char_role(const qt_doc *d, uint32_t a, uint32_t b, uint32_t self, uint32_t *na, uint32_t *nb,
                 size_t *probes)
{
    const char *t = d->text.s;
    const struct qt_roles *r = d->roles;
    size_t n = b - a;
    if (!r || n < 2)
        return 0;
    size_t k = 0;
    while (k < QT_N_ROLES &&
           !(strlen(qt_role_titles[k]) == n &&
             (t[a] == qt_role_titles[k][0] - 'A' + 'a' || t[a] == qt_role_titles[k][0]) &&
             memcmp(t + a + 1, qt_role_titles[k] + 1, n - 1) == 0))
        k++;
    if (k == QT_N_ROLES || r->first[k] == r->first[k + 1])
        return 0;
    /* the first entry at or after self */
    uint32_t lo = r->first[k], hi = r->first[k + 1];
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (probes)
            ++*probes;
        if (r->v[mid].at < self)
            lo = mid + 1;
        else
            hi = mid;
    }
    /* the nearest before self, else the first after it */
    const qt_role_at *w = lo > r->first[k] ? &r->v[lo - 1] : &r->v[lo];
    *na = w->at;
    *nb = w->end;
    return 1;
}

/* Nouns of a role that one person holds in a scene, which a story writes
 * as its speaker when it gives no name (said the waiter, the policeman
 * said): the role is the speaker, as "the Hatter" is; also the military
 * and office titles above, for a holder the text never names.  Not man,
 * girl, lady, other: those pick out nobody in particular; not count,
 * duchess, doctor: a character the story names otherwise (Gladys, the
 * Duchess of Monmouth) most often holds those. */
static const char *const qt_plain_roles[] = {
    "attendant", "barman", "bartender", "boatman", "butler", "cabman", "captain", "carter",
    "chairman", "chauffeur", "chemist", "clergyman", "clerk", "coachman", "colonel",
    "concierge", "conductor", "curate", "doorman", "driver", "drummer", "ferryman",
    "fisherman", "footman", "gaoler", "gardener", "general", "groom", "guard", "guide",
    "hairdresser", "headmaster", "host", "hostess", "housekeeper", "innkeeper", "inspector",
    "jailer", "judge", "keeper", "landlady", "landlord", "lawyer", "magistrate", "maid",
    "major", "manager", "missionary", "nurse", "officer", "patronne", "policeman", "porter",
    "postman", "president", "priest", "professor", "rector", "secretary",
    "sentry", "sergeant", "servant", "shopkeeper", "steward", "stewardess", "stranger",
    "subaltern", "surgeon", "tailor", "usher", "valet", "vicar", "waiter", NULL};

int qt_plain_role(const char *t, uint32_t a, uint32_t b)
{
    for (size_t k = 0; qt_plain_roles[k]; k++)
        if (strlen(qt_plain_roles[k]) == b - a && memcmp(t + a, qt_plain_roles[k], b - a) == 0)
            return 1;
    return 0;
}
