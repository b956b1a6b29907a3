/*
 * qt_characters.c -- a speaker's name as a character of the document.
 *
 * In fiction the title is part of who a character is: Mrs. Bennet and Miss
 * Bennet are two people, Mr. Turton and Mrs. Turton a couple.  So a name
 * written after a title keeps it (said Mrs. Moore -> "Mrs. Moore"), and the
 * title gives the gender.  The news tagger also glues sentence-opening
 * words onto names in novels (Had Elizabeth known, Said Mr. Collins,
 * Unfortunately Aziz): such a word in front of a name is cut off here.
 * (The tagger should learn this; until then the quotes plugin trims.)
 */
#include "qt_attr.h"

#include <string.h>

/* Titles, with the gender they give (M, F, or 0 for either). */
static const struct {
    const char *w;
    char g;
} qt_titles[] = {
    {"Mr.", 'M'},       {"Mr", 'M'},        {"Mrs.", 'F'},    {"Mrs", 'F'},
    {"Ms.", 'F'},       {"Miss", 'F'},      {"Lady", 'F'},    {"Sir", 'M'},
    {"Lord", 'M'},      {"Dr.", 0},         {"Colonel", 'M'}, {"Captain", 'M'},
    {"Major", 'M'},     {"General", 'M'},   {"Professor", 0}, {"Madame", 'F'},
    {"Mme.", 'F'},      {"Mademoiselle", 'F'}, {"Monsieur", 'M'}, {"Aunt", 'F'},
    {"Uncle", 'M'},     {"Father", 'M'},    {"Mother", 'F'},  {"Signora", 'F'},
    {"Signor", 'M'},    {"Count", 'M'},     {"Countess", 'F'}, {"Duchess", 'F'},
    {"Duke", 'M'},      {"Inspector", 'M'}, {"Rev.", 'M'},    {"Mistress", 'F'},
    {"Master", 'M'},    {"Dame", 'F'},      {"Lieutenant", 'M'}, {"Admiral", 'M'},
};

/* Words that open a sentence and are glued onto a following name by the
 * tagger: auxiliaries, fronted cue verbs, interjections, adverbs in -ly
 * (tested apart). */
static const char *const qt_name_junk[] = {
    "Had",   "Has",   "Have",  "Was",   "Were",  "Is",      "Did",    "Does",  "Do",
    "Would", "Could", "Should", "Will", "Said",  "Cried",   "Asked",  "Replied", "Returned",
    "Oh",    "O",     "Ah",    "Poor",  "Dear",  "Yes",     "No",     "Well",  "Then",
    "And",   "But",   "When",  "If",    "Why",   "Only",    "Even",   "Here",  "There",
    "So",    "Now",   "Perhaps", "Still", "Old", "Young",   "Little", "Good",  "Thank",
    "Let",   "Tell",  "Ask",   "Says",  "Exclaimed", "Continued", "Answered", "Opposite",
    "Upon",  "Before", "After", "As",   "At",    "In",      "On",     "To",    "With", NULL};

/* Length of the word starting at t[a] (letters, apostrophes, hyphens, and a
 * final period) before b. */
static size_t qt_word_at(const char *t, size_t a, size_t b)
{
    size_t i = a;
    while (i < b && t[i] != ' ' && t[i] != '\n' && t[i] != '\r' && t[i] != '\t')
        i++;
    return i - a;
}

static int qt_word_is(const char *t, size_t a, size_t n, const char *w)
{
    return strlen(w) == n && memcmp(t + a, w, n) == 0;
}

/* Index of the title t[a, a + n) in qt_titles, or -1. */
static int qt_title_index(const char *t, size_t a, size_t n)
{
    for (size_t i = 0; i < sizeof qt_titles / sizeof *qt_titles; i++)
        if (qt_word_is(t, a, n, qt_titles[i].w))
            return (int)i;
    return -1;
}

static uint8_t qt_gender_of(char g)
{
    return g == 'M' ? QT_GENDER_MALE : g == 'F' ? QT_GENDER_FEMALE : QT_GENDER_UNKNOWN;
}

void qt_name_trim(const qt_doc *d, uint32_t *a, uint32_t *b)
{
    const char *t = d->text.s;
    for (;;) {
        size_t n = qt_word_at(t, *a, *b);
        if (n == 0 || *a + n >= *b)
            return; /* keep the last word */
        int junk = n > 3 && t[*a + n - 2] == 'l' && t[*a + n - 1] == 'y';
        for (size_t i = 0; !junk && qt_name_junk[i]; i++)
            junk = qt_word_is(t, *a, n, qt_name_junk[i]);
        if (!junk)
            return;
        size_t x = *a + n;
        while (x < *b && (t[x] == ' ' || t[x] == '\n' || t[x] == '\r' || t[x] == '\t'))
            x++;
        *a = (uint32_t)x;
    }
}

uint8_t qt_name_title(const qt_doc *d, uint32_t *a, uint32_t b)
{
    const char *t = d->text.s;
    /* a title opening the name itself */
    size_t n = qt_word_at(t, *a, b);
    int k = qt_title_index(t, *a, n);
    if (k >= 0 && *a + n < b)
        return (uint8_t)(qt_gender_of(qt_titles[k].g) | QT_NAME_TITLED);
    /* a title right before it: one space, the title word */
    size_t s = *a;
    if (s < 2 || (t[s - 1] != ' ' && t[s - 1] != '\n'))
        return 0; /* (a line may break after the title: Sir\nWalter) */
    size_t w = s - 1;
    while (w > 0 && t[w - 1] != ' ' && t[w - 1] != '\n' && t[w - 1] != '"' &&
           (unsigned char)t[w - 1] < 0x80)
        w--;
    k = qt_title_index(t, w, s - 1 - w);
    if (k < 0)
        return 0;
    *a = (uint32_t)w;
    return (uint8_t)(qt_gender_of(qt_titles[k].g) | QT_NAME_TITLED);
}

/* Whether t[a, b) is one word. */
static int qt_one_word(const char *t, uint32_t a, uint32_t b)
{
    return b > a && qt_word_at(t, a, b) == b - a;
}

int qt_name_article(const qt_doc *d, uint32_t *a, uint32_t b)
{
    const char *t = d->text.s;
    /* (only after an inverted cue, said the Hatter: in news "the DNC
     * said", "according to The Blaze" name a body by its short name) */
    size_t c = *a >= 5 ? *a - 5 : 0, ce = c;
    while (c > 0 && t[c - 1] >= 'a' && t[c - 1] <= 'z')
        c--;
    if (c == ce || !qt_is_cue_word(t, c, ce))
        return 0;
    if (!qt_one_word(t, *a, b) || *a < 4 ||
        !(memcmp(t + *a - 4, "the ", 4) == 0 || memcmp(t + *a - 4, "The ", 4) == 0) ||
        (*a > 4 && t[*a - 5] != ' ' && t[*a - 5] != '\n' && t[*a - 5] != '"'))
        return 0;
    *a -= 4;
    return 1;
}

/* Whether the capitalised word t[a, b) also occurs in lower case within
 * QT_NOUN_REACH bytes of byte at: a common noun (Pooh Bear, "a bear"), no
 * surname (Gorton). */
#define QT_NOUN_REACH 60000
static int qt_common_noun(const qt_doc *d, uint32_t a, uint32_t b, uint32_t at)
{
    const char *t = d->text.s;
    size_t n = b - a;
    if (n < 2 || n > 24 || !(t[a] >= 'A' && t[a] <= 'Z'))
        return 0;
    char w[26];
    w[0] = ' ';
    w[1] = (char)(t[a] - 'A' + 'a');
    memcpy(w + 2, t + a + 1, n - 1);
    size_t lo = at > QT_NOUN_REACH ? at - QT_NOUN_REACH : 0;
    size_t hi = at + QT_NOUN_REACH < d->text.len ? at + QT_NOUN_REACH : d->text.len;
    for (size_t i = lo; i + n + 1 < hi; i++) {
        const char *p = memchr(t + i, w[1], hi - i - n - 1);
        if (!p)
            return 0;
        i = (size_t)(p - t);
        if (i > 0 && (t[i - 1] == ' ' || t[i - 1] == '\n') && memcmp(p + 1, w + 2, n - 1) == 0 &&
            !((p[n] >= 'a' && p[n] <= 'z') || (p[n] >= 'A' && p[n] <= 'Z')))
            return 1;
    }
    return 0;
}

/* Whether t[a, b) is an honorific written after a name (Hamidullah Begum,
 * Ali Sahib, Esq.): no surname, and often a person of its own (Begum:
 * the wife). */
static int qt_honorific(const char *t, size_t a, size_t b)
{
    static const char *const after[] = {"Begum", "Sahib",  "Bahadur", "Bey", "Pasha",
                                        "Effendi", "Esq.", "Junior", "Senior", NULL};
    for (size_t i = 0; after[i]; i++)
        if (qt_word_is(t, a, b - a, after[i]))
            return 1;
    return 0;
}

/* The PER spans a look-up reads, in the order of d->ents: those whose
 * `kind` word may be t[a, b) by the document's index (qt_names.c), or
 * every span of a document built without one (as the unit tests do). */
typedef struct qt_span_walk {
    const qt_doc *d;
    const qt_name_key *k; /* NULL: every span */
    size_t n, j;
} qt_span_walk;

static void qt_walk_start(qt_span_walk *w, const qt_doc *d, int kind, uint32_t a, uint32_t b)
{
    w->d = d;
    w->j = 0;
    if (d->names) {
        w->k = qt_names_find(d, kind, a, b, &w->n);
    } else {
        w->k = NULL;
        w->n = d->n_ents;
    }
}

static const ann_span *qt_walk_next(qt_span_walk *w)
{
    if (w->j >= w->n)
        return NULL;
    size_t i = w->k ? w->k[w->j].i : w->j;
    w->j++;
    return &w->d->ents[i];
}

/* The look-up of qt_char_fullest: the form "W Surname" clearly ahead among
 * the PER spans, in t[*ra, *rb), else *ra == *rb. */
static void qt_char_fullest_scan(const qt_doc *d, uint32_t a0, uint32_t b0, uint32_t *ra,
                                 uint32_t *rb)
{
    const char *t = d->text.s;
    size_t m = b0 - a0;
    *ra = *rb = 0;
    /* the "W Surname" forms among the PER spans, with their counts */
    qt_tally y;
    memset(&y, 0, sizeof y);
    qt_span_walk w;
    qt_walk_start(&w, d, QT_NAMES_FIRST, a0, b0);
    for (const ann_span *s; (s = qt_walk_next(&w)) != NULL;) {
        size_t sl = s->end - s->start;
        if (sl <= m + 2 || t[s->start + m] != ' ' || memcmp(t + s->start, t + a0, m) != 0 ||
            !s->label || strcmp(s->label, "PER") != 0)
            continue;
        size_t w2 = s->start + m + 1;
        if (!(t[w2] >= 'A' && t[w2] <= 'Z') || qt_word_at(t, w2, s->end) != s->end - w2 ||
            qt_honorific(t, w2, s->end))
            continue; /* exactly two words, the second capitalised and no honorific */
        uint32_t ta = (uint32_t)s->start, tb = (uint32_t)s->end;
        qt_name_trim(d, &ta, &tb);
        if (ta == s->start)
            qt_tally_add(t, &y, ta, tb);
    }
    if (y.nf == 0)
        return;
    uint32_t second, best = qt_tally_best(&y, &second);
    /* one form clearly ahead: Bill -> Bill Gorton, not Bill Gorton for a
     * second Bill */
    if (y.n[best] < 2 || 3 * y.n[best] < 2 * y.total)
        return;
    *ra = y.a[best];
    *rb = y.b[best];
}

void qt_char_fullest(const qt_doc *d, uint32_t *a, uint32_t *b)
{
    const char *t = d->text.s;
    if (!qt_one_word(t, *a, *b))
        return;
    size_t m = *b - *a;
    uint32_t ra, rb;
    if (!qt_memo_get(d, QT_MEMO_FULLEST, *a, *b, &ra, &rb)) {
        qt_char_fullest_scan(d, *a, *b, &ra, &rb);
        qt_memo_put(d, QT_MEMO_FULLEST, *a, *b, ra, rb);
    }
    /* (whether the surname is a common noun depends on where the name
     * stands: checked for each quotation) */
    if (ra == rb || qt_common_noun(d, ra + (uint32_t)m + 1, rb, *a))
        return;
    *a = ra;
    *b = rb;
}

/* Whether the text calls the character of the name at t[a] by its first
 * name alone: a PER span of that word twice at least, more often without
 * a title before it than with one (Adela; not Walter of "Sir Walter"). */
static int qt_first_name_used(const qt_doc *d, uint32_t a)
{
    const char *t = d->text.s;
    size_t fw = qt_word_at(t, a, d->text.len), bare = 0, titled = 0;
    qt_span_walk w;
    qt_walk_start(&w, d, QT_NAMES_WHOLE, a, a + (uint32_t)fw);
    for (const ann_span *s; (s = qt_walk_next(&w)) != NULL;) {
        uint32_t xa = (uint32_t)s->start;
        if (s->end - s->start != fw || memcmp(t + s->start, t + a, fw) != 0 || !s->label ||
            strcmp(s->label, "PER") != 0)
            continue;
        if (qt_name_title(d, &xa, (uint32_t)s->end))
            titled++;
        else
            bare++;
    }
    return bare >= 2 && bare > titled;
}

/* The look-up of qt_char_titled_fullest, moving t[*a, *b) when it finds
 * the fuller form. */
static void qt_char_titled_scan(const qt_doc *d, uint32_t *a, uint32_t *b, uint8_t g)
{
    const char *t = d->text.s;
    size_t tw = qt_word_at(t, *a, *b);
    /* Mr. and Miss only: Mrs. Morland is Catherine Morland's mother,
     * Lady Bertram and Captain Harville hold a rank their kin do not */
    if (g == QT_GENDER_UNKNOWN || *a + tw + 1 >= *b || !qt_one_word(t, *a + (uint32_t)tw + 1, *b) ||
        !(qt_word_is(t, *a, tw, "Mr.") || qt_word_is(t, *a, tw, "Mr") ||
          qt_word_is(t, *a, tw, "Miss") || qt_word_is(t, *a, tw, "Ms.")))
        return; /* "Title Surname" only */
    uint32_t sa = *a + (uint32_t)tw + 1;
    size_t m = *b - sa;
    qt_tally y;
    memset(&y, 0, sizeof y);
    qt_span_walk w;
    qt_walk_start(&w, d, QT_NAMES_LAST, sa, *b);
    for (const ann_span *s; (s = qt_walk_next(&w)) != NULL;) {
        size_t sl = s->end - s->start;
        if (sl <= m + 2 || t[s->end - m - 1] != ' ' || memcmp(t + s->end - m, t + sa, m) != 0 ||
            !s->label || strcmp(s->label, "PER") != 0)
            continue;
        size_t fw = qt_word_at(t, s->start, s->end);
        if (s->start + fw + 1 + m != s->end || !(t[s->start] >= 'A' && t[s->start] <= 'Z') ||
            qt_title_index(t, s->start, fw) >= 0)
            continue; /* exactly "First Surname", no title */
        uint32_t ta = (uint32_t)s->start, tb = (uint32_t)s->end, xa = ta;
        qt_name_trim(d, &ta, &tb);
        if (ta != s->start || qt_name_title(d, &xa, tb))
            continue; /* (Sir Walter Elliot is not Mr. Elliot) */
        uint8_t fg = qt_name_gender(d, ta, tb);
        if (fg == QT_GENDER_UNKNOWN)
            fg = qt_char_gender(d, ta, tb);
        if (fg == QT_GENDER_UNKNOWN)
            fg = qt_char_gender(d, ta, ta + (uint32_t)fw);
        if (fg == g)
            qt_tally_add(t, &y, ta, tb);
    }
    if (y.nf == 0)
        return;
    /* one form clearly ahead, or the only one written in full once when
     * the text also calls the character by that first name alone (Adela
     * Quested, Adela; not Walter Elliot of a list, "Sir Walter" after) */
    uint32_t second, best = qt_tally_best(&y, &second);
    if ((y.n[best] < 2 && (y.nf > 1 || !qt_first_name_used(d, y.a[best]))) ||
        3 * y.n[best] < 2 * y.total)
        return;
    *a = y.a[best];
    *b = y.b[best];
}

void qt_char_titled_fullest(const qt_doc *d, uint32_t *a, uint32_t *b, uint8_t g)
{
    uint8_t kind = (uint8_t)(QT_MEMO_TITLED + g);
    uint32_t ra, rb;
    if (!qt_memo_get(d, kind, *a, *b, &ra, &rb)) {
        ra = *a;
        rb = *b;
        qt_char_titled_scan(d, &ra, &rb, g);
        if (ra == *a && rb == *b)
            ra = rb = 0; /* (found nothing) */
        qt_memo_put(d, kind, *a, *b, ra, rb);
    }
    if (ra != rb) {
        *a = ra;
        *b = rb;
    }
}
