/*
 * abbrev.c -- abbreviation and sentence-starter lists.
 *
 * The abbreviations are the ones CoNLL-2003 (Reuters) text keeps with their
 * period (titles, months, company words, US state abbreviations); the starters are common English function words.  Both lists are
 * facts about English written for this project, not copied from elsewhere.
 * Each list is sorted by byte value for bsearch(); the lookups run for
 * every word followed by a period, so they should stay cheap.
 */
#include "text/abbrev.h"

#include <stdlib.h>
#include <string.h>

typedef struct entry {
    const char *word;
    size_t len;
    ann_abbrev_kind kind;
} entry;

/* clang-format off */
#define E(w, k) {w, sizeof(w) - 1, k}
#define W(w) {w, sizeof(w) - 1, ANN_ABBR_NONE}
/* clang-format on */

/* Sorted by byte value (uppercase before lowercase). */
static const entry abbrevs[] = {
    E("Adm", ANN_ABBR_TITLE),    E("Ala", ANN_ABBR_OTHER),    E("Apr", ANN_ABBR_MONTH),
    E("Ariz", ANN_ABBR_OTHER),   E("Ark", ANN_ABBR_OTHER),    E("Assn", ANN_ABBR_OTHER),
    E("Aug", ANN_ABBR_MONTH),    E("Ave", ANN_ABBR_OTHER),    E("Blvd", ANN_ABBR_OTHER),
    E("Bros", ANN_ABBR_OTHER),   E("Calif", ANN_ABBR_OTHER),  E("Capt", ANN_ABBR_TITLE),
    E("Cmdr", ANN_ABBR_TITLE),   E("Co", ANN_ABBR_OTHER),     E("Col", ANN_ABBR_TITLE),
    E("Colo", ANN_ABBR_OTHER),   E("Conn", ANN_ABBR_OTHER),   E("Corp", ANN_ABBR_OTHER),
    E("Cos", ANN_ABBR_OTHER),    E("Dec", ANN_ABBR_MONTH),    E("Del", ANN_ABBR_OTHER),
    E("Dept", ANN_ABBR_OTHER),   E("Dr", ANN_ABBR_TITLE),     E("Feb", ANN_ABBR_MONTH),
    E("Fla", ANN_ABBR_OTHER),    E("Ft", ANN_ABBR_TITLE),     E("Ga", ANN_ABBR_OTHER),
    E("Gen", ANN_ABBR_TITLE),    E("Gov", ANN_ABBR_TITLE),    E("Govt", ANN_ABBR_OTHER),
    E("Hon", ANN_ABBR_TITLE),    E("Ill", ANN_ABBR_OTHER),    E("Inc", ANN_ABBR_OTHER),
    E("Ind", ANN_ABBR_OTHER),    E("Intl", ANN_ABBR_OTHER),   E("Jan", ANN_ABBR_MONTH),
    E("Jr", ANN_ABBR_OTHER),     E("Jul", ANN_ABBR_MONTH),    E("Jun", ANN_ABBR_MONTH),
    E("Kan", ANN_ABBR_OTHER),    E("Kans", ANN_ABBR_OTHER),   E("Ky", ANN_ABBR_OTHER),
    E("La", ANN_ABBR_OTHER),     E("Lt", ANN_ABBR_TITLE),     E("Ltd", ANN_ABBR_OTHER),
    E("Maj", ANN_ABBR_TITLE),    E("Mar", ANN_ABBR_MONTH),    E("Mass", ANN_ABBR_OTHER),
    E("Md", ANN_ABBR_OTHER),     E("Messrs", ANN_ABBR_TITLE), E("Mich", ANN_ABBR_OTHER),
    E("Minn", ANN_ABBR_OTHER),   E("Mo", ANN_ABBR_OTHER),     E("Mont", ANN_ABBR_OTHER),
    E("Mr", ANN_ABBR_TITLE),     E("Mrs", ANN_ABBR_TITLE),    E("Ms", ANN_ABBR_TITLE),
    E("Mt", ANN_ABBR_TITLE),     E("Neb", ANN_ABBR_OTHER),    E("Nev", ANN_ABBR_OTHER),
    E("No", ANN_ABBR_NUMERO),    E("Nos", ANN_ABBR_TITLE),    E("Nov", ANN_ABBR_MONTH),
    E("Oct", ANN_ABBR_MONTH),    E("Okla", ANN_ABBR_OTHER),   E("Ore", ANN_ABBR_OTHER),
    E("Pa", ANN_ABBR_OTHER),     E("Plc", ANN_ABBR_OTHER),    E("Pres", ANN_ABBR_TITLE),
    E("Prof", ANN_ABBR_TITLE),   E("Rd", ANN_ABBR_OTHER),     E("Rep", ANN_ABBR_TITLE),
    E("Rev", ANN_ABBR_TITLE),    E("ST", ANN_ABBR_TITLE),     E("Sen", ANN_ABBR_TITLE),
    E("Sep", ANN_ABBR_MONTH),    E("Sept", ANN_ABBR_MONTH),   E("Sgt", ANN_ABBR_TITLE),
    E("Sr", ANN_ABBR_OTHER),     E("St", ANN_ABBR_OTHER),     E("Supt", ANN_ABBR_TITLE),
    E("Tenn", ANN_ABBR_OTHER),   E("Tex", ANN_ABBR_OTHER),    E("Univ", ANN_ABBR_OTHER),
    E("Va", ANN_ABBR_OTHER),     E("Vs", ANN_ABBR_TITLE),     E("Vt", ANN_ABBR_OTHER),
    E("Wash", ANN_ABBR_OTHER),   E("Wis", ANN_ABBR_OTHER),    E("Wyo", ANN_ABBR_OTHER),
    E("approx", ANN_ABBR_TITLE), E("cf", ANN_ABBR_TITLE),     E("etc", ANN_ABBR_OTHER),
    E("no", ANN_ABBR_NUMERO),    E("v", ANN_ABBR_TITLE),      E("vs", ANN_ABBR_TITLE),
};

/* Capitalised words that usually open a sentence; sorted likewise. */
static const entry starters[] = {
    W("A"),       W("According"), W("After"),   W("All"),    W("Also"),  W("Although"),
    W("An"),      W("And"),       W("Another"), W("Are"),    W("As"),    W("At"),
    W("Before"),  W("Both"),      W("But"),     W("By"),     W("Can"),   W("Could"),
    W("Despite"), W("Did"),       W("Do"),      W("Does"),   W("Each"),  W("Earlier"),
    W("For"),     W("From"),      W("He"),      W("Her"),    W("Here"),  W("His"),
    W("How"),     W("However"),   W("I"),       W("If"),     W("In"),    W("Is"),
    W("It"),      W("Its"),       W("Last"),    W("Later"),  W("Many"),  W("Meanwhile"),
    W("Most"),    W("My"),        W("Nor"),     W("Now"),    W("On"),    W("Or"),
    W("Other"),   W("Our"),       W("She"),     W("Should"), W("Since"), W("So"),
    W("Some"),    W("Still"),     W("Such"),    W("That"),   W("The"),   W("Their"),
    W("Then"),    W("There"),     W("These"),   W("They"),   W("This"),  W("Those"),
    W("Though"),  W("To"),        W("Today"),   W("Under"),  W("Was"),   W("We"),
    W("Were"),    W("What"),      W("When"),    W("Where"),  W("Which"), W("While"),
    W("Who"),     W("Why"),       W("Will"),    W("With"),   W("Would"), W("Yesterday"),
    W("Yet"),     W("You"),
};

#undef E
#undef W

typedef struct key {
    const char *w;
    size_t n;
} key;

static int cmp(const void *k, const void *e)
{
    const key *a = k;
    const entry *b = e;
    size_t m = a->n < b->len ? a->n : b->len;
    int c = memcmp(a->w, b->word, m);
    if (c != 0)
        return c;
    return a->n < b->len ? -1 : a->n > b->len ? 1 : 0;
}

static const entry *find(const entry *table, size_t n, const char *w, size_t len)
{
    key k = {w, len};
    return bsearch(&k, table, n, sizeof *table, cmp);
}

ann_abbrev_kind ann_abbrev_lookup(const char *w, size_t n)
{
    if (n == 0 || n > 6)
        return ANN_ABBR_NONE;
    /* Most words before a period are not abbreviations: the lower-case
     * entries all start with one of these letters. */
    if (w[0] >= 'a' && w[0] <= 'z' && strchr("acenv", w[0]) == NULL)
        return ANN_ABBR_NONE;
    const entry *e = find(abbrevs, sizeof abbrevs / sizeof abbrevs[0], w, n);
    return e ? e->kind : ANN_ABBR_NONE;
}

int ann_is_sentence_starter(const char *w, size_t n)
{
    if (n == 0 || n > 9)
        return 0;
    return find(starters, sizeof starters / sizeof starters[0], w, n) != NULL;
}
