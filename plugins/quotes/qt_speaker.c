/*
 * qt_speaker.c -- from the subject of a cue to a speaker.
 *
 * A subject phrase (a few word tokens next to the cue verb) is resolved in
 * this order:
 *   1. a PER span of the entities layer inside it (the last one, nearest the
 *      cue): the speaker's mention, and the link target;
 *   2. a pronoun (he, she): the most recent compatible PER before it (gender
 *      from a title, the first name or earlier pronouns), or, when the
 *      document has no PER spans, the most recent speaker nearby;
 *   3. a capitalised name run (fallback when the entities layer missed it):
 *      Takao Kato in "Mitsubishi CEO Takao Kato"; no link;
 *   4. an organisation: "the" and capitalised words or an acronym making up
 *      the whole phrase (the DNC, The State Department);
 *   5. a description (the CEO, a spokeswoman): the person named with that
 *      role elsewhere in the document (CEO Luca de Meo; Gupta, the COO).
 * The speaker is then the fullest form of the mention in the document: the
 * longest PER span, or the longest run of capitalised words before an
 * occurrence of the mention, that ends with it ("de Meo" -> "Luca de Meo").
 * Nothing found: no speaker (better none than a guess).
 */
#include "qt.h"

#include <stdlib.h>
#include <string.h>

#include "en_calendar.h"

/* Capitalised words that do not make a name on their own. */
static const char *const qt_stop[] = {
    "the", "a", "an", "but", "and", "or", "so", "in", "on", "at", "for", "with", "from", "by", "to",
    "of", "as", "if", "when", "while", "after", "before", "since", "although", "though", "however",
    "meanwhile", "speaking", "asked", "according", "yet", "still", "also", "now", "then", "this",
    "that", "these", "those", "it", "he", "she", "they", "we", "i", "you", "his", "her", "their",
    "our", "my", "your", "its", "there", "here", "democrats", "republicans", "democratic",
    "republican", "gop", /* and the weekday and month names: see qt_is_stop */
    "former", "late", "earlier", "later", "last", "next", "state", "department", "house", "senate",
    "white", "committee", "party", "campaign", "national", "federal", "american", "french",
    "japanese", "british", "german", "chinese", "russian", "u.s.", "mexican", "new", "news", "who",
    "what", "why", "how", "where", "yes", "no", "not", "said", "says", "told", "added", "one",
    "two", "many", "some", "all", "both", "each", "several", "other", "another", "every", "more",
    "most", "just", "even", "only", "very", "following", "during", "under", "over", "about",
    "against", "without", "within", "between", "among", "through", "like", "unlike", "despite",
    "because", "until", "unless", "whether", "instead", "indeed", "perhaps", "maybe", "well", "oh",
    "please", "thanks", "thank",
    /* sentence adverbs that open clauses (Finally, de Blasio tweeted) */
    "finally", "likewise", "moreover", "furthermore", "additionally", "similarly", "nevertheless",
    "nonetheless", "ultimately", "eventually", "initially", "currently", "recently", "tonight",
    "yesterday", "otherwise", "overall", NULL};

/* Role words and titles (lower case, no final period). */
static const char *const qt_roles[] = {"ceo",
                                       "coo",
                                       "cfo",
                                       "cto",
                                       "chairman",
                                       "chairwoman",
                                       "chair",
                                       "president",
                                       "vice",
                                       "senator",
                                       "sen",
                                       "sens",
                                       "rep",
                                       "reps",
                                       "representative",
                                       "gov",
                                       "governor",
                                       "mayor",
                                       "mr",
                                       "mrs",
                                       "ms",
                                       "miss",
                                       "dr",
                                       "secretary",
                                       "minister",
                                       "prime",
                                       "director",
                                       "chief",
                                       "executive",
                                       "officer",
                                       "spokesman",
                                       "spokeswoman",
                                       "spokesperson",
                                       "judge",
                                       "justice",
                                       "gen",
                                       "general",
                                       "attorney",
                                       "speaker",
                                       "leader",
                                       "majority",
                                       "minority",
                                       "founder",
                                       "professor",
                                       "prof",
                                       "pastor",
                                       "rev",
                                       "rabbi",
                                       "bishop",
                                       "pope",
                                       "king",
                                       "queen",
                                       "prince",
                                       "princess",
                                       "lord",
                                       "lady",
                                       "sir",
                                       "dame",
                                       "candidate",
                                       "nominee",
                                       "host",
                                       "anchor",
                                       "commissioner",
                                       "ambassador",
                                       "adviser",
                                       "advisor",
                                       "aide",
                                       "strategist",
                                       "analyst",
                                       "pollster",
                                       "manager",
                                       "congressman",
                                       "congresswoman",
                                       "councilman",
                                       "councilwoman",
                                       "del",
                                       "lt",
                                       "col",
                                       "sgt",
                                       "capt",
                                       "coach",
                                       "detective",
                                       "sheriff",
                                       "chancellor",
                                       "premier",
                                       "lawmaker",
                                       "official",
                                       "economist",
                                       "lawyer",
                                       "author",
                                       "writer",
                                       "reporter",
                                       "columnist",
                                       "editor",
                                       "owner",
                                       "partner",
                                       "investor",
                                       "billionaire",
                                       "businessman",
                                       "businesswoman",
                                       "deputy",
                                       "treasurer",
                                       "counsel",
                                       "organizer",
                                       "activist",
                                       "head",
                                       "boss",
                                       "chairperson",
                                       "maj",
                                       "adm",
                                       "atty",
                                       "hon",
                                       "pres",
                                       "md",
                                       "ceos",
                                       "member",
                                       "cofounder",
                                       "co-founder",
                                       "surrogate",
                                       "operative",
                                       "scientist",
                                       "researcher",
                                       "expert",
                                       "historian",
                                       "consultant",
                                       "supervisor",
                                       "superintendent",
                                       "principal",
                                       "trustee",
                                       "auditor",
                                       "comptroller",
                                       "inspector",
                                       "prosecutor",
                                       "attorney-general",
                                       "archbishop",
                                       "cardinal",
                                       "imam",
                                       NULL};

/* The length of the word t[a, b) without a final period (Sen. -> sen), or
 * 0 when it is no candidate for a list (empty, or longer than any entry). */
static size_t qt_word_len(const char *t, size_t a, size_t b)
{
    size_t n = b - a;
    if (n > 0 && t[b - 1] == '.')
        n--;
    return n > 20 ? 0 : n;
}

/* Whether t[a, a + n) is the lower-case word w, in any case. */
static int qt_word_eq(const char *t, size_t a, size_t n, const char *w)
{
    if (w[0] != qt_lower(t[a]) || strlen(w) != n)
        return 0;
    size_t j = 1;
    while (j < n && qt_lower(t[a + j]) == w[j])
        j++;
    return j == n;
}

static int qt_word_in(const char *t, size_t a, size_t b, const char *const *list)
{
    size_t n = qt_word_len(t, a, b);
    if (n == 0)
        return 0;
    for (size_t k = 0; list[k]; k++)
        if (qt_word_eq(t, a, n, list[k]))
            return 1;
    return 0;
}

/* Whether t[a, b) names a weekday, or with months set a month (the full
 * names only: "Jan" may be a first name).  From the shared tables in
 * plugins/common. */
static int qt_calendar_word(const char *t, size_t a, size_t b, int months)
{
    size_t n = qt_word_len(t, a, b), m;
    if (n == 0)
        return 0;
    const en_weekday_name *wd = en_weekdays(&m);
    for (size_t k = 0; k < m; k++)
        if (qt_word_eq(t, a, n, wd[k].word))
            return 1;
    if (!months)
        return 0;
    const en_month_name *mon = en_months(&m);
    for (size_t k = 0; k < m; k++)
        if (!mon[k].abbrev && qt_word_eq(t, a, n, mon[k].word))
            return 1;
    return 0;
}

/* A capitalised word that does not make a name on its own: qt_stop and the
 * calendar names (Monday, March). */
static int qt_is_stop(const char *t, size_t a, size_t b)
{
    return qt_word_in(t, a, b, qt_stop) || qt_calendar_word(t, a, b, 1);
}

int qt_is_role_word(const char *t, const qt_tok *k)
{
    return k->type == QT_TOK_WORD && qt_word_in(t, k->start, k->end, qt_roles);
}

static const char *const qt_preps[] = {"in",      "at",     "on",   "from",  "during",  "after",
                                       "before",  "with",   "for",  "to",    "of",      "by",
                                       "outside", "inside", "near", "about", "against", "into",
                                       "over",    "under",  "like", NULL};

int qt_is_preposition(const char *t, const qt_tok *k)
{
    return k->type == QT_TOK_WORD && !(k->flags & QT_TF_UPPER) &&
           qt_word_in(t, k->start, k->end, qt_preps);
}

static const char *const qt_particles[] = {"de",  "van", "von", "der", "den", "da",  "di",
                                           "du",  "la",  "le",  "bin", "al",  "ibn", "del",
                                           "dos", "das", "ter", "ten", "el",  NULL};

static int qt_is_particle(const char *t, const qt_tok *k)
{
    return k->type == QT_TOK_WORD && !(k->flags & QT_TF_UPPER) &&
           qt_word_in(t, k->start, k->end, qt_particles);
}

/* Whether the word ends in a possessive 's or ’s, or s' or s’ (Sanders’). */
static int qt_possessive(const char *t, const qt_tok *k)
{
    size_t n = k->end - k->start;
    if (n >= 2 && t[k->end - 1] == '\'' && qt_lower(t[k->end - 2]) == 's')
        return 1;
    if (n >= 4 && (unsigned char)t[k->end - 3] == 0xE2 && (unsigned char)t[k->end - 2] == 0x80 &&
        (unsigned char)t[k->end - 1] == 0x99 && qt_lower(t[k->end - 4]) == 's')
        return 1;
    if (n >= 2 && t[k->end - 2] == '\'' && qt_lower(t[k->end - 1]) == 's')
        return 1;
    return n >= 4 && (unsigned char)t[k->end - 4] == 0xE2 && (unsigned char)t[k->end - 3] == 0x80 &&
           (unsigned char)t[k->end - 2] == 0x99 && qt_lower(t[k->end - 1]) == 's';
}

/* A word that can be part of a name: capitalised, not a stop word, a role
 * or all capitals (CEO), not possessive. */
static int qt_is_name_tok(const char *t, const qt_tok *k)
{
    if (k->type != QT_TOK_WORD || !(k->flags & QT_TF_UPPER))
        return 0;
    /* capitals are an acronym (CEO, GOP), unless dotted initials: G.K. */
    if ((k->flags & QT_TF_ALLCAPS) &&
        !(k->end - k->start <= 5 && t[k->end - 1] == '.' && t[k->start + 1] == '.'))
        return 0;
    if (qt_possessive(t, k))
        return 0;
    /* party and state after a politician's name: R-Ky., D-Mo. */
    if (k->end - k->start >= 3 && t[k->start + 1] == '-' &&
        (t[k->start] == 'R' || t[k->start] == 'D' || t[k->start] == 'I'))
        return 0;
    return !qt_is_stop(t, k->start, k->end) && !qt_word_in(t, k->start, k->end, qt_roles);
}

/* Role words that are also common surnames (Amy Pope, Mr. King, Judge
 * Judy aside): capitalised after a first name or an honorific they end a
 * name, they do not start a description. */
static const char *const qt_role_surnames[] = {
    "pope",    "king",    "bishop",  "judge", "prince", "lord",  "chancellor", "coach",
    "sheriff", "marshal", "speaker", "host",  "dean",   "major", NULL};

static int qt_is_honorific(const char *t, const qt_tok *k)
{
    return qt_tok_is(t, k, "mr.") || qt_tok_is(t, k, "mrs.") || qt_tok_is(t, k, "ms.") ||
           qt_tok_is(t, k, "dr.") || qt_tok_is(t, k, "miss") || qt_tok_is(t, k, "mr") ||
           qt_tok_is(t, k, "ms") || qt_tok_is(t, k, "mrs");
}

/* Whether toks[j] is a role word used as a surname: capitalised, in
 * qt_role_surnames, after a name word or an honorific, and not followed by
 * another name word (Amy Pope said; but Pope Francis). */
static int qt_role_as_surname(const char *t, const qt_tok *toks, size_t n, size_t j)
{
    const qt_tok *k = &toks[j];
    if (j == 0 || k->type != QT_TOK_WORD || !(k->flags & QT_TF_UPPER) ||
        (k->flags & QT_TF_ALLCAPS) || t[k->end - 1] == '.' ||
        !qt_word_in(t, k->start, k->end, qt_role_surnames))
        return 0;
    if (j + 1 < n && qt_is_name_tok(t, &toks[j + 1]))
        return 0;
    return qt_is_name_tok(t, &toks[j - 1]) || qt_is_honorific(t, &toks[j - 1]);
}

/* The last name run in toks[0, n): stores its first and one-past-last
 * token index; returns 0 when there is none. */
static int qt_last_name_run(const char *t, const qt_tok *toks, size_t n, size_t *ra, size_t *rb)
{
    int found = 0;
    size_t i = 0;
    while (i < n) {
        if (!qt_is_name_tok(t, &toks[i]) && !qt_role_as_surname(t, toks, n, i)) {
            i++;
            continue;
        }
        size_t j = i + 1;
        while (j < n) {
            if (qt_is_name_tok(t, &toks[j]) || qt_role_as_surname(t, toks, n, j)) {
                j++;
            } else if (qt_is_particle(t, &toks[j]) && j + 1 < n &&
                       qt_is_name_tok(t, &toks[j + 1])) {
                j += 2;
            } else {
                break;
            }
        }
        *ra = i;
        *rb = j;
        found = 1;
        i = j;
    }
    /* a particle right before the run belongs to it: de Meo */
    if (found && *ra > 0 && qt_is_particle(t, &toks[*ra - 1]))
        (*ra)--;
    /* so does an acronym: USA Today, ABC News (not a role, CEO Kato, nor
     * a stop word, GOP, nor a dotted one, U.S.) */
    else if (found && *ra > 0 && toks[*ra - 1].type == QT_TOK_WORD &&
             (toks[*ra - 1].flags & QT_TF_ALLCAPS) &&
             toks[*ra - 1].end - toks[*ra - 1].start <= 6 && t[toks[*ra - 1].end - 1] != '.' &&
             !qt_word_in(t, toks[*ra - 1].start, toks[*ra - 1].end, qt_roles) &&
             !qt_is_stop(t, toks[*ra - 1].start, toks[*ra - 1].end))
        (*ra)--;
    return found;
}

/* ---- entity spans ------------------------------------------------------------ */

static int qt_is_per(const ann_span *s)
{
    return s->label && strcmp(s->label, "PER") == 0;
}

/* The last PER span lying inside [a, b), or NULL. */
static const ann_span *qt_per_inside(const qt_doc *d, size_t a, size_t b)
{
    const ann_span *best = NULL;
    size_t lo = 0, hi = d->n_ents;
    while (lo < hi) { /* first span starting at or after a */
        size_t mid = (lo + hi) / 2;
        if (d->ents[mid].start < a)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (size_t i = lo; i < d->n_ents && d->ents[i].start < b; i++) {
        const ann_span *s = &d->ents[i];
        if (s->end > b || !qt_is_per(s))
            continue;
        /* Obama's former strategist: a possessive name only modifies */
        const char *t = d->text.s + s->end;
        size_t left = d->text.len - s->end;
        if ((left >= 2 && t[0] == '\'' && t[1] == 's') ||
            (left >= 4 && memcmp(t, "\xE2\x80\x99s", 4) == 0))
            continue;
        /* (Sanders' campaign, Sanders’ campaign) */
        if (s->end > s->start && d->text.s[s->end - 1] == 's' &&
            ((left >= 1 && t[0] == '\'') || (left >= 3 && memcmp(t, "\xE2\x80\x99", 3) == 0)))
            continue;
        best = s;
    }
    return best;
}

/* Gender from a title just before byte a: Mr., Mrs., Ms., Miss. */
static uint8_t qt_title_gender(const qt_doc *d, size_t a)
{
    const char *t = d->text.s;
    if (a >= 4 && memcmp(t + a - 4, "Mr. ", 4) == 0)
        return QT_GENDER_MALE;
    if ((a >= 5 && memcmp(t + a - 5, "Mrs. ", 5) == 0) ||
        (a >= 4 && memcmp(t + a - 4, "Ms. ", 4) == 0) ||
        (a >= 5 && memcmp(t + a - 5, "Miss ", 5) == 0))
        return QT_GENDER_FEMALE;
    return QT_GENDER_UNKNOWN;
}

/* ---- gender from first names ---------------------------------------------- */

/* Common first names that are used (almost) only for men or only for women,
 * in news about US and world politics: a short list written for this plugin
 * (no outside source), sorted for bsearch.  Names used for both (Chris,
 * Lindsey, Jordan, Jamie) are left out: better unknown than wrong. */
static const char *const qt_male_names[] = {
    "aaron",    "adam",     "ahmed",  "alan",     "albert",    "alexander",   "ali",      "andrew",
    "angelo",   "anthony",  "arthur", "austin",   "barack",    "ben",         "benjamin", "bernie",
    "bill",     "billy",    "bob",    "bobby",    "boris",     "brandon",     "brian",    "bruce",
    "bryan",    "carl",     "carlos", "charles",  "christian", "christopher", "colin",    "dan",
    "daniel",   "dave",     "david",  "dennis",   "donald",    "douglas",     "dylan",    "edward",
    "elijah",   "emmanuel", "eric",   "ethan",    "eugene",    "fernando",    "francois", "frank",
    "gabriel",  "gary",     "george", "gerald",   "greg",      "gregory",     "harold",   "harry",
    "hassan",   "henry",    "howard", "hugh",     "ian",       "jack",        "jacob",    "jake",
    "james",    "jason",    "jeb",    "jeff",     "jeffrey",   "jeremy",      "jerry",    "jesse",
    "jim",      "joe",      "joel",   "john",     "jonathan",  "jorge",       "jose",     "joseph",
    "josh",     "joshua",   "juan",   "justin",   "karl",      "keith",       "ken",      "kenneth",
    "kevin",    "kyle",     "larry",  "lawrence", "logan",     "louis",       "luca",     "luis",
    "luther",   "marco",    "mark",   "martin",   "mason",     "matthew",     "michael",  "miguel",
    "mike",     "mitch",    "mitt",   "mohammed", "muhammad",  "nathan",      "neil",     "newt",
    "nicholas", "nigel",    "noah",   "omar",     "patrick",   "paul",        "pedro",    "peter",
    "philip",   "rahm",     "ralph",  "rand",     "randy",     "raymond",     "reince",   "ricardo",
    "richard",  "rick",     "robert", "roger",    "ronald",    "roy",         "rudy",     "russell",
    "ryan",     "samuel",   "scott",  "sean",     "stephen",   "steve",       "steven",   "takao",
    "ted",      "terry",    "thomas", "tim",      "timothy",   "tom",         "tony",     "tyler",
    "vincent",  "vladimir", "walter", "wayne",    "william",   "willie",      "xi",       "zachary",
};
static const char *const qt_female_names[] = {
    "abigail",   "alexis",      "alice",    "amanda",     "amber",      "amy",       "ana",
    "andrea",    "angela",      "ann",      "anna",       "ashley",     "barbara",   "betty",
    "beverly",   "brenda",      "brittany", "carly",      "carmen",     "carol",     "carolyn",
    "catherine", "charlotte",   "chelsea",  "cheryl",     "christiane", "christina", "christine",
    "claire",    "condoleezza", "cynthia",  "danielle",   "debbie",     "deborah",   "debra",
    "denise",    "diana",       "diane",    "dianne",     "donna",      "dorothy",   "elena",
    "elizabeth", "emily",       "emma",     "evelyn",     "frances",    "gloria",    "grace",
    "gwen",      "hannah",      "heather",  "heidi",      "helen",      "hillary",   "hope",
    "huma",      "isabella",    "ivanka",   "jacqueline", "janet",      "janice",    "jean",
    "jennifer",  "jessica",     "jill",     "joan",       "joyce",      "judith",    "judy",
    "julia",     "julie",       "kamala",   "karen",      "katherine",  "kathleen",  "kathryn",
    "katie",     "kayla",       "kelly",    "kellyanne",  "kimberly",   "laura",     "lauren",
    "linda",     "lisa",        "loretta",  "lucia",      "madeleine",  "margaret",  "maria",
    "marie",     "marilyn",     "marine",   "martha",     "mary",       "maxine",    "megan",
    "megyn",     "melania",     "melissa",  "michelle",   "nancy",      "natalie",   "nicole",
    "nikki",     "olivia",      "pamela",   "patricia",   "patty",      "rachel",    "rebecca",
    "rosa",      "rose",        "ruth",     "samantha",   "sandra",     "sara",      "sarah",
    "sharon",    "sheryl",      "shirley",  "sonia",      "sophia",     "stephanie", "susan",
    "susana",    "teresa",      "theresa",  "tulsi",      "ursula",     "valerie",   "victoria",
    "virginia",
};

static int qt_name_cmp(const void *key, const void *elem)
{
    return strcmp((const char *)key, *(const char *const *)elem);
}

/* Gender of the name t[a, b) from its first word: a title (Mr., Ms.) before
 * it, or its first name in the lists above. */
uint8_t qt_name_gender(const qt_doc *d, size_t a, size_t b)
{
    uint8_t g = qt_title_gender(d, a);
    if (g != QT_GENDER_UNKNOWN)
        return g;
    char w[16];
    size_t n = 0;
    while (a + n < b && n + 1 < sizeof w && d->text.s[a + n] >= 'A' && d->text.s[a + n] <= 'z' &&
           (ann_ascii_class((unsigned char)d->text.s[a + n]) & ANN_CHAR_LETTER))
        n++;
    if (n < 2 || n + 1 >= sizeof w || (a + n < b && d->text.s[a + n] != ' '))
        return QT_GENDER_UNKNOWN; /* no first name: one word, an initial, a particle ... */
    for (size_t i = 0; i < n; i++)
        w[i] = qt_lower(d->text.s[a + i]);
    w[n] = '\0';
    if (bsearch(w, qt_male_names, sizeof qt_male_names / sizeof *qt_male_names,
                sizeof *qt_male_names, qt_name_cmp))
        return QT_GENDER_MALE;
    if (bsearch(w, qt_female_names, sizeof qt_female_names / sizeof *qt_female_names,
                sizeof *qt_female_names, qt_name_cmp))
        return QT_GENDER_FEMALE;
    return QT_GENDER_UNKNOWN;
}

/* ---- the fullest name ---------------------------------------------------------- */

static int qt_is_word_byte(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

/* The stretch of text searched for other mentions of a name: from 16 KB
 * before the quotation being attributed to 4 KB after it.  News articles
 * fit in it, and it keeps long documents linear. */
#define QT_WIN_BEFORE 16384
#define QT_WIN_AFTER 4096

static void qt_window(const qt_doc *d, size_t *lo, size_t *hi)
{
    const qt_quote *q = &d->quotes[d->cur];
    *lo = q->start > QT_WIN_BEFORE ? q->start - QT_WIN_BEFORE : 0;
    *hi = q->end + QT_WIN_AFTER < d->text.len ? q->end + QT_WIN_AFTER : d->text.len;
}

/* Index of the first entity span starting at or after byte a. */
static size_t qt_first_ent(const qt_doc *d, size_t a)
{
    size_t lo = 0, hi = d->n_ents;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (d->ents[mid].start < a)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* Extends the occurrence [a, b) of a name backwards over capitalised words
 * separated by single spaces; returns the new start. */
static size_t qt_extend_back(const qt_doc *d, size_t a)
{
    const char *t = d->text.s;
    size_t start = a;
    for (int words = 0; words < 3; words++) {
        if (start < 2 || t[start - 1] != ' ')
            break;
        size_t j = start - 1;
        while (j > 0 && t[j - 1] != ' ' && t[j - 1] != '\n' && t[j - 1] != '\t' && start - j < 24)
            j--;
        qt_tok k;
        if (qt_lex(&d->text, j, start - 1, &k, 1) != 1 || k.start != j || k.end != start - 1)
            break;
        if (qt_is_name_tok(t, &k) && t[k.end - 1] != '.')
            start = j;
        else if (qt_is_name_tok(t, &k) && k.end - k.start == 2)
            start = j; /* an initial: C. */
        else if (qt_is_particle(t, &k))
            start = j;
        else
            break;
    }
    /* never start on a particle that was not part of the mention */
    while (start < a) {
        qt_tok k;
        size_t e = start;
        while (e < a && t[e] != ' ')
            e++;
        if (qt_lex(&d->text, start, e, &k, 1) == 1 && qt_is_particle(t, &k))
            start = e + 1;
        else
            break;
    }
    return start;
}

static size_t qt_count_words(const char *t, size_t a, size_t b)
{
    size_t n = 0;
    for (size_t i = a; i < b; i++)
        if (qt_is_word_byte((unsigned char)t[i]) && (i == a || t[i - 1] == ' '))
            n++;
    return n;
}

/* First occurrence of needle[0, m) in hay[0, n), or NULL (memmem is not C11). */
static const char *qt_find(const char *hay, size_t n, const char *needle, size_t m)
{
    while (n >= m) {
        const char *p = memchr(hay, needle[0], n - m + 1);
        if (!p)
            return NULL;
        if (memcmp(p, needle, m) == 0)
            return p;
        n -= (size_t)(p - hay) + 1;
        hay = p + 1;
    }
    return NULL;
}

/* Whether byte a lies in a headline: a line of four words or more none of
 * which (but short function words) is lower-case ("Clinton Dismissed
 * Bernie Sanders Early"); there every word is capitalised, so the words
 * before a name are no part of it. */
static int qt_headline(const qt_doc *d, size_t a)
{
    const char *t = d->text.s;
    size_t lo = a, hi = a;
    while (lo > 0 && t[lo - 1] != '\n' && a - lo < 400)
        lo--;
    while (hi < d->text.len && t[hi] != '\n' && hi - a < 400)
        hi++;
    size_t words = 0;
    for (size_t i = lo; i < hi; i++) {
        if (!(i == lo || t[i - 1] == ' ') || !qt_is_word_byte((unsigned char)t[i]))
            continue;
        words++;
        size_t e = i;
        while (e < hi && t[e] != ' ')
            e++;
        if (t[i] >= 'a' && t[i] <= 'z' && e - i > 3)
            return 0; /* a lower-case word of some length: running text */
    }
    return words >= 4;
}

/* Sets *fa, *fb to the fullest form of the name t[ma, mb). */
static void qt_fullest(const qt_doc *d, size_t ma, size_t mb, uint32_t *fa, uint32_t *fb)
{
    const char *t = d->text.s;
    size_t m = mb - ma, best_a = ma, best_b = mb, best_w = qt_count_words(t, ma, mb);
    size_t wlo, whi;
    qt_window(d, &wlo, &whi);
    for (size_t i = qt_first_ent(d, wlo); i < d->n_ents && d->ents[i].start < whi; i++) {
        const ann_span *s = &d->ents[i];
        size_t sl = s->end - s->start;
        if (!qt_is_per(s) || sl <= m || s->end > d->text.len)
            continue;
        if (memcmp(t + s->end - m, t + ma, m) != 0 || t[s->end - m - 1] != ' ')
            continue;
        size_t w = qt_count_words(t, s->start, s->end);
        if (w > best_w) {
            best_w = w;
            best_a = s->start;
            best_b = s->end;
        }
    }
    /* occurrences in the text */
    const char *p = t + wlo, *end = t + whi;
    while (m > 0 && (p = qt_find(p, (size_t)(end - p), t + ma, m)) != NULL) {
        size_t a = (size_t)(p - t), b = a + m;
        p += m;
        size_t cl;
        if ((a > 0 && qt_is_word_byte((unsigned char)t[a - 1])) ||
            (b < d->text.len &&
             (qt_class(&d->text, qt_cp_at(&d->text, d->text.len, b, &cl)) & QT_WORD)))
            continue;
        size_t x = qt_extend_back(d, a);
        size_t w = qt_count_words(t, x, b);
        if (w > best_w && w <= 5 && !qt_headline(d, a)) {
            best_w = w;
            best_a = x;
            best_b = b;
        }
    }
    *fa = (uint32_t)best_a;
    *fb = (uint32_t)best_b;
}

/* Whether the word t[a, b) occurs somewhere after a lower-case word or a
 * comma, i.e. not only where any word is capitalised. */
int qt_mid_sentence(const qt_doc *d, size_t a, size_t b)
{
    size_t wlo, whi;
    qt_window(d, &wlo, &whi);
    const char *t = d->text.s, *p = t + wlo, *end = t + whi;
    size_t m = b - a;
    while ((p = qt_find(p, (size_t)(end - p), t + a, m)) != NULL) {
        size_t i = (size_t)(p - t);
        p += m;
        if (i < 2 || t[i - 1] != ' ' ||
            (i + m < d->text.len && qt_is_word_byte((unsigned char)t[i + m])))
            continue;
        unsigned char c = (unsigned char)t[i - 2];
        if ((c >= 'a' && c <= 'z') || c == ',')
            return 1;
    }
    return 0;
}

/* Sets q's speaker from the mention [a, b), with link and gender. */
static void qt_set_speaker(const qt_doc *d, qt_quote *q, size_t a, size_t b, uint32_t link,
                           uint8_t gender)
{
    uint32_t na = (uint32_t)a, nb = (uint32_t)b;
    qt_name_trim(d, &na, &nb);
    uint8_t title = qt_name_title(d, &na, nb);
    q->spk_link = link;
    if (!title && qt_name_article(d, &na, nb))
        title = QT_NAME_TITLED;
    if (title) {
        /* a title is part of the character: Mrs. Turton is not Mr. Turton */
        if (d->story)
            qt_char_titled_fullest(d, &na, &nb, (uint8_t)(title & 0x3));
        q->spk_start = na;
        q->spk_end = nb;
        q->spk_gender = gender != QT_GENDER_UNKNOWN ? gender : (uint8_t)(title & 0x3);
        return;
    }
    if (d->story) { /* (a fuller mention nearby is often glued: Clever Bear Pooh) */
        q->spk_start = na;
        q->spk_end = nb;
    } else {
        qt_fullest(d, na, nb, &q->spk_start, &q->spk_end);
    }
    qt_name_trim(d, &q->spk_start, &q->spk_end); /* (a fuller mention may be glued too) */
    qt_char_fullest(d, &q->spk_start, &q->spk_end);
    /* (the gender of the fullest name: Clinton -> Hillary Clinton) */
    q->spk_gender =
        gender != QT_GENDER_UNKNOWN ? gender : qt_name_gender(d, q->spk_start, q->spk_end);
}

/* Whether byte x lies inside an outermost quotation. */
static int qt_in_quote(const qt_doc *d, size_t x)
{
    /* the last outermost quotation starting at or before x */
    size_t lo = 0, hi = d->n_quotes;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (d->quotes[mid].start <= x)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (size_t i = lo; i-- > 0;) {
        if (d->quotes[i].depth == 0)
            return x < d->quotes[i].end;
    }
    return 0;
}

/* ---- pronouns ------------------------------------------------------------------ */

/* How many nearer names of no known gender a he / she passes over for a
 * name of its gender, in a story (chosen on the tuning novels). */
#ifndef QT_PRONOUN_LOOK
#define QT_PRONOUN_LOOK 3
#endif

int qt_resolve_pronoun(const qt_doc *d, qt_quote *q, size_t at, uint8_t gender)
{
    const qt_quote *cur = &d->quotes[d->cur];
    /* the most recent PER before the pronoun, not inside a quotation, whose
     * gender (from a title, the first name, or earlier pronouns) does not
     * conflict */
    size_t lo = 0, hi = d->n_ents;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (d->ents[mid].end <= at)
            lo = mid + 1;
        else
            hi = mid;
    }
    size_t wlo, whi;
    qt_window(d, &wlo, &whi);
    /* In a story, a name of that gender among the few mentions before the
     * pronoun wins over a nearer one of no known gender (a place the
     * tagger took for a person: Gare St. Lazare ... "...?" she asked). */
    qt_quote first = *q;
    int have_first = 0;
    size_t seen = 0;
    for (size_t i = lo; i-- > 0 && d->ents[i].end >= wlo;) {
        const ann_span *s = &d->ents[i];
        if (!qt_is_per(s) || s->end > at || qt_in_quote(d, s->start))
            continue;
        qt_quote tmp = *q;
        qt_set_speaker(d, &tmp, s->start, s->end, s->id, gender);
        uint8_t g = qt_title_gender(d, s->start);
        if (g == QT_GENDER_UNKNOWN) /* Hillary Clinton ... "...," he said: not her */
            g = qt_name_gender(d, tmp.spk_start, tmp.spk_end);
        if (g == QT_GENDER_UNKNOWN) { /* Adela looked up; she ... */
            uint32_t ma = s->start, mb = s->end;
            qt_name_trim(d, &ma, &mb);
            g = qt_char_gender(d, ma, mb);
        }
        if (g == QT_GENDER_UNKNOWN) /* the gender its latest quotation had */
            g = qt_spoken_gender(d, tmp.spk_start, tmp.spk_end);
        if (g != QT_GENDER_UNKNOWN && g != gender)
            continue;
        if (g == QT_GENDER_UNKNOWN && d->story && ++seen <= QT_PRONOUN_LOOK) {
            if (!have_first) {
                first = tmp;
                have_first = 1;
            }
            continue;
        }
        *q = tmp;
        q->by_pronoun = 1;
        return 1;
    }
    if (have_first) {
        *q = first;
        q->by_pronoun = 1;
        return 1;
    }
    if (d->n_ents > 0)
        return 0;
    /* no entities: the most recent speaker in the last few paragraphs */
    for (size_t j = d->cur; j-- > 0;) {
        const qt_quote *r = &d->quotes[j];
        if (r->depth != 0)
            continue;
        /* Before the speaker test: outer quotations do not overlap, so
         * their ends only go back, and a long run without speakers must
         * not make every pronoun walk to the start of the document. */
        if (cur->para > r->end_para + 3)
            break;
        if (r->spk_end == 0)
            continue;
        if (r->spk_gender != QT_GENDER_UNKNOWN && r->spk_gender != gender)
            continue;
        q->spk_start = r->spk_start;
        q->spk_end = r->spk_end;
        q->spk_link = r->spk_link;
        q->spk_gender = gender;
        q->by_pronoun = 1;
        return 1;
    }
    return 0;
}

/* ---- descriptions -------------------------------------------------------------- */

/* The longest entity span looked back over for one covering a byte. */
#define QT_ENT_REACH 256

/* The person named with role word t[ra, rb) at one occurrence [a, b):
 * "CEO Luca de Meo" (name after the role) or "Gupta, the COO" (PER before).
 * Sets q and returns 1 on success. */
static int qt_role_at(const qt_doc *d, qt_quote *q, size_t a, size_t b)
{
    const char *t = d->text.s;
    qt_tok toks[8];
    size_t hi = b + 80 < d->text.len ? b + 80 : d->text.len;
    size_t n = qt_lex(&d->text, b, hi, toks, 8), i = 0;
    while (i < n && qt_is_role_word(t, &toks[i]))
        i++;
    size_t ra, rb;
    if (i < n && qt_is_name_tok(t, &toks[i]) && qt_last_name_run(t, toks + i, n - i, &ra, &rb) &&
        ra == 0) {
        size_t na = toks[i].start, nb = toks[i + rb - 1].end;
        const ann_span *s = qt_per_inside(d, na, nb + 1);
        if (!s && d->n_ents > 0) {
            /* the entities layer is there but saw no person: take its word.
             * (A binary search, not a pass over every span: this runs for
             * each occurrence of the role word in the window; a span
             * covering na starts at most QT_ENT_REACH bytes before it.) */
            size_t lo = na > QT_ENT_REACH ? na - QT_ENT_REACH : 0;
            for (size_t k = qt_first_ent(d, lo); k < d->n_ents && d->ents[k].start <= na; k++)
                if (d->ents[k].end > na)
                    return 0;
        }
        if (s && s->start <= nb)
            qt_set_speaker(d, q, s->start, s->end, s->id, qt_title_gender(d, s->start));
        else
            qt_set_speaker(d, q, na, nb, UINT32_MAX, QT_GENDER_UNKNOWN);
        return 1;
    }
    /* Name, the CEO */
    size_t lo = a > 40 ? a - 40 : 0;
    const ann_span *s = qt_per_inside(d, lo, a);
    if (s && s->end < a && t[s->end] == ',') {
        qt_set_speaker(d, q, s->start, s->end, s->id, qt_title_gender(d, s->start));
        return 1;
    }
    return 0;
}

/* The written forms of a role word: itself and its abbreviation as a
 * title ("the Vermont senator" is "Sen. Bernie Sanders" earlier). */
static const char *const qt_role_abbrevs[][2] = {
    {"senator", "sen."},     {"governor", "gov."},      {"representative", "rep."},
    {"congressman", "rep."}, {"congresswoman", "rep."}, {"general", "gen."},
    {"professor", "prof."},  {"doctor", "dr."},         {"reverend", "rev."},
    {"lieutenant", "lt."},   {"president", "pres."},
};

/* The occurrence of the word w[0, wl) (any case) nearest before `self`, else
 * the first after it, at which qt_role_at finds a person; SIZE_MAX if none. */
static size_t qt_role_occurrence(const qt_doc *d, const qt_quote *q, const char *w, size_t wl,
                                 size_t self)
{
    const char *t = d->text.s;
    size_t best_before = SIZE_MAX, best_after = SIZE_MAX;
    size_t wlo, whi;
    qt_window(d, &wlo, &whi);
    for (size_t i = wlo; i + wl <= whi; i++) {
        if (qt_lower(t[i]) != qt_lower(w[0]))
            continue;
        size_t j = 1;
        while (j < wl && qt_lower(t[i + j]) == qt_lower(w[j]))
            j++;
        if (j < wl || i == self)
            continue;
        if ((i > 0 && qt_is_word_byte((unsigned char)t[i - 1])) ||
            (i + wl < d->text.len && qt_is_word_byte((unsigned char)t[i + wl])))
            continue;
        qt_quote tmp = *q;
        if (qt_in_quote(d, i) || !qt_role_at(d, &tmp, i, i + wl))
            continue;
        if (i < self)
            best_before = i;
        else if (best_after == SIZE_MAX)
            best_after = i;
    }
    return best_before != SIZE_MAX ? best_before : best_after;
}

static int qt_description(const qt_doc *d, qt_quote *q, const qt_tok *head, size_t self)
{
    const char *t = d->text.s;
    size_t hl = head->end - head->start;
    size_t at = qt_role_occurrence(d, q, t + head->start, hl, self);
    if (at != SIZE_MAX)
        return qt_role_at(d, q, at, at + hl);
    for (size_t k = 0; k < sizeof qt_role_abbrevs / sizeof *qt_role_abbrevs; k++) {
        const char *full = qt_role_abbrevs[k][0], *abbr = qt_role_abbrevs[k][1];
        if (!qt_tok_is(t, head, full))
            continue;
        size_t al = strlen(abbr);
        at = qt_role_occurrence(d, q, abbr, al, self);
        if (at != SIZE_MAX)
            return qt_role_at(d, q, at, at + al);
    }
    return 0;
}

/* Whether toks[a, n) only says when: "on Saturday", "last week", "early
 * Monday" (Donald Trump on Saturday tweeted; Dianne Feinstein last week
 * said).  The name before it ends the subject. */
static int qt_time_tail(const char *t, const qt_tok *toks, size_t a, size_t n)
{
    static const char *const glue[] = {"on",   "last",  "this", "early", "earlier",
                                       "late", "later", "in",   NULL};
    /* and the weekday names (qt_calendar_word) */
    static const char *const when[] = {"week",      "weekend", "night",     "morning",
                                       "afternoon", "evening", "month",     "year",
                                       "today",     "tonight", "yesterday", NULL};
    int timed = 0;
    for (size_t i = a; i < n; i++) {
        if (qt_word_in(t, toks[i].start, toks[i].end, when) ||
            qt_calendar_word(t, toks[i].start, toks[i].end, 0))
            timed = 1;
        else if (!(toks[i].type == QT_TOK_WORD && !(toks[i].flags & QT_TF_UPPER) &&
                   qt_word_in(t, toks[i].start, toks[i].end, glue)))
            return 0;
    }
    return a < n && timed;
}

int qt_is_body_noun(const char *t, const qt_tok *k)
{
    /* (and groups named after a person: Sanders supporters, Clinton's
     * aides -- they speak, not the person) */
    static const char *const nouns[] = {
        "campaign",  "office",    "administration", "camp",     "team",    "supporters",
        "aides",     "officials", "advisers",       "advisors", "allies",  "lawyers",
        "attorneys", "staffers",  "spokesmen",      "backers",  "critics", NULL};
    return k->type == QT_TOK_WORD && !(k->flags & QT_TF_UPPER) &&
           qt_word_in(t, k->start, k->end, nouns);
}

/* ---- the subject --------------------------------------------------------------- */

int qt_resolve_subject(const qt_doc *d, qt_quote *q, const qt_tok *toks, size_t n)
{
    const char *t = d->text.s;
    if (n == 0)
        return 0;
    /* "Yes," I said: the narrator, written as the word "I" (the glue names
     * it, qt_narrator.c); in a story only (a columnist's "I call it "...""
     * is the writer's scare quote) */
    if (d->story && n == 1 && toks[0].end == toks[0].start + 1 && t[toks[0].start] == 'I') {
        q->spk_start = toks[0].start;
        q->spk_end = toks[0].end;
        q->spk_link = UINT32_MAX;
        q->spk_gender = QT_GENDER_UNKNOWN;
        return 1;
    }
    /* the count said: in a story, a lower-case title is the character
     * who holds it (Count Mippas) */
    uint32_t role_a, role_b;
    if (d->story && n == 2 && qt_tok_is(t, &toks[0], "the") &&
        qt_char_role(d, toks[1].start, toks[1].end, q->start, &role_a, &role_b, NULL)) {
        const ann_span *s = qt_per_inside(d, role_a, role_b + 1);
        qt_set_speaker(d, q, role_a, role_b, s ? s->id : UINT32_MAX, QT_GENDER_UNKNOWN);
        return 1;
    }
    /* said the King, the Mock Turtle said: in a story, a capitalised role
     * after "the" is a character of its own */
    if (d->story && n >= 2 && n <= 3 && qt_tok_is(t, &toks[0], "the")) {
        size_t k = 1;
        while (k < n && toks[k].type == QT_TOK_WORD && (toks[k].flags & QT_TF_UPPER) &&
               !(toks[k].flags & QT_TF_ALLCAPS) && !qt_possessive(t, &toks[k]))
            k++;
        if (k == n) {
            q->spk_start = toks[0].start;
            q->spk_end = toks[n - 1].end;
            q->spk_link = UINT32_MAX;
            q->spk_gender = QT_GENDER_UNKNOWN;
            return 1;
        }
    }
    size_t a = toks[0].start, b = toks[n - 1].end;
    const ann_span *s = qt_per_inside(d, a, b);
    if (s) {
        /* one Clinton aide, a Trump campaign source: a name followed by a
         * common noun modifies it; the subject is the noun (a description) */
        size_t k = 0;
        while (k < n && toks[k].start < s->end)
            k++;
        if (k < n && toks[k].type == QT_TOK_WORD && !(toks[k].flags & QT_TF_UPPER) &&
            !qt_is_stop(t, toks[k].start, toks[k].end) && !qt_is_particle(t, &toks[k]))
            s = NULL;
    }
    if (s) {
        qt_set_speaker(d, q, s->start, s->end, s->id, qt_title_gender(d, s->start));
        return 1;
    }
    /* Fox News, CBS News, the Daily News: "News" is no word of a person's
     * name (a stop word above), but after capitalised words or an acronym
     * ending the phrase it names the outlet that speaks */
    if (n >= 2 && (toks[n - 1].flags & QT_TF_UPPER) && !(toks[n - 1].flags & QT_TF_ALLCAPS) &&
        qt_tok_is(t, &toks[n - 1], "news")) {
        size_t k = n - 1;
        while (k > 0 && toks[k - 1].type == QT_TOK_WORD && (toks[k - 1].flags & QT_TF_UPPER) &&
               !qt_possessive(t, &toks[k - 1]) && !qt_tok_is(t, &toks[k - 1], "the") &&
               !qt_is_role_word(t, &toks[k - 1]))
            k--;
        if (k < n - 1 && (k == 0 || qt_tok_is(t, &toks[k - 1], "the"))) {
            qt_set_speaker(d, q, toks[k].start, toks[n - 1].end, UINT32_MAX, QT_GENDER_UNKNOWN);
            return 1;
        }
    }
    /* CNN reported, according to AP: an acronym alone is an organisation
     * (a person's name is no acronym; a role word is no speaker) */
    if (n == 1 && (toks[0].flags & QT_TF_ALLCAPS) && toks[0].end - toks[0].start >= 2 &&
        toks[0].end - toks[0].start <= 6 && t[toks[0].end - 1] != '.' &&
        !qt_is_role_word(t, &toks[0]) && !qt_is_stop(t, toks[0].start, toks[0].end) &&
        !qt_possessive(t, &toks[0])) {
        qt_set_speaker(d, q, toks[0].start, toks[0].end, UINT32_MAX, QT_GENDER_UNKNOWN);
        return 1;
    }
    /* The Sanders campaign said, Ryan's office said: a body named after a
     * person speaks for itself, it is no pronoun for that person; the
     * speaker is the body (Sanders campaign) */
    if (n >= 2 && n <= 5 && qt_is_body_noun(t, &toks[n - 1]) && (toks[n - 2].flags & QT_TF_UPPER) &&
        (qt_is_name_tok(t, &toks[n - 2]) || qt_possessive(t, &toks[n - 2]))) {
        size_t k = n - 2;
        while (k > 0 && qt_is_name_tok(t, &toks[k - 1]))
            k--;
        if (k == 0 || (k == 1 && (qt_tok_is(t, &toks[0], "the") || qt_tok_is(t, &toks[0], "a")))) {
            qt_set_speaker(d, q, toks[k].start, toks[n - 1].end, UINT32_MAX, QT_GENDER_UNKNOWN);
            return 1;
        }
    }
    /* Archbishop Aris Shirvanian of the Armenian Patriarchate of Jerusalem:
     * a name followed by "of" (at, from) and more is the subject; what
     * follows places it */
    for (size_t k = 1; k + 1 < n; k++) {
        if ((qt_tok_is(t, &toks[k], "of") || qt_tok_is(t, &toks[k], "at") ||
             qt_tok_is(t, &toks[k], "from")) &&
            qt_is_name_tok(t, &toks[k - 1]) &&
            (toks[k + 1].flags & QT_TF_UPPER || qt_tok_is(t, &toks[k + 1], "the"))) {
            qt_quote tmp = *q;
            if (qt_resolve_subject(d, &tmp, toks, k)) {
                *q = tmp;
                return 1;
            }
            break;
        }
    }
    const qt_tok *last = &toks[n - 1];
    if (n <= 2 && (qt_tok_is(t, last, "he") || qt_tok_is(t, last, "she")))
        return qt_resolve_pronoun(d, q, last->start,
                          qt_tok_is(t, last, "he") ? QT_GENDER_MALE : QT_GENDER_FEMALE);
    /* A name run is the subject when it ends the phrase (Mitsubishi CEO
     * Takao Kato said) or begins it (Trump on Monday said); one in the
     * middle is a modifier (the New York businessman said). */
    size_t ra, rb;
    /* ... the unrest in Charlotte and said: a name after a preposition is
     * no subject */
    /* (in New Hampshire: capitalised stop words before the run are part
     * of the place name, the preposition before them counts) */
    size_t pre = 0;
    if (qt_last_name_run(t, toks, n, &ra, &rb)) {
        pre = ra;
        while (pre > 0 && (toks[pre - 1].flags & QT_TF_UPPER) &&
               (qt_is_stop(t, toks[pre - 1].start, toks[pre - 1].end) ||
                qt_is_role_word(t, &toks[pre - 1])))
            pre--; /* (and titles: the aide to President George W. Bush) */
    }
    /* (but "of" after a title is part of it: Secretary of State X) */
    int after_prep =
        pre > 0 && qt_is_preposition(t, &toks[pre - 1]) &&
        !(pre > 1 && qt_tok_is(t, &toks[pre - 1], "of") && qt_is_role_word(t, &toks[pre - 2]));
    if (qt_last_name_run(t, toks, n, &ra, &rb) && (rb == n || qt_time_tail(t, toks, rb, n)) &&
        !after_prep) {
        qt_set_speaker(d, q, toks[ra].start, toks[rb - 1].end, UINT32_MAX,
                       qt_title_gender(d, toks[ra].start));
        return 1;
    }
    size_t lead = 0;
    while (lead < n && (qt_is_role_word(t, &toks[lead]) || (toks[lead].flags & QT_TF_ALLCAPS)) &&
           !qt_is_name_tok(t, &toks[lead]))
        lead++;
    if (lead < n && !qt_is_role_word(t, last) && qt_is_name_tok(t, &toks[lead]) &&
        qt_last_name_run(t, toks + lead, 1, &ra, &rb)) {
        size_t e = lead + 1;
        while (e < n && (qt_is_name_tok(t, &toks[e]) || (qt_is_particle(t, &toks[e]) && e + 1 < n &&
                                                         qt_is_name_tok(t, &toks[e + 1]))))
            e++;
        /* one capitalised word opening a clause may be an adverb (Likewise,
         * Sooner): take it only if the text also has it mid-sentence */
        if (e - lead > 1 || qt_mid_sentence(d, toks[lead].start, toks[lead].end)) {
            qt_set_speaker(d, q, toks[lead].start, toks[e - 1].end, UINT32_MAX,
                           qt_title_gender(d, toks[lead].start));
            return 1;
        }
    }
    /* the DNC said, The State Department acknowledged: an organisation, an
     * acronym or capitalised words (that may be stop words for a person's
     * name) after "the", making up the whole phrase */
    if (n >= 2 && qt_tok_is(t, &toks[0], "the")) {
        size_t k = 1;
        while (k < n && toks[k].type == QT_TOK_WORD && (toks[k].flags & QT_TF_UPPER) &&
               !qt_possessive(t, &toks[k]) && !qt_is_role_word(t, &toks[k]))
            k++;
        int acronym = n == 2 && (toks[1].flags & QT_TF_ALLCAPS) &&
                      toks[1].end - toks[1].start <= 6 &&
                      !qt_is_stop(t, toks[1].start, toks[1].end);
        if (k == n && (acronym || n >= 3)) {
            qt_set_speaker(d, q, toks[1].start, toks[n - 1].end, UINT32_MAX, QT_GENDER_UNKNOWN);
            return 1;
        }
    }
    /* the/a ... ROLE */
    if (n >= 2 && n <= 6 && !(last->flags & QT_TF_UPPER && !(last->flags & QT_TF_ALLCAPS)) &&
        qt_is_role_word(t, last) &&
        (qt_tok_is(t, &toks[0], "the") || qt_tok_is(t, &toks[0], "a") ||
         qt_tok_is(t, &toks[0], "an") || qt_tok_is(t, &toks[0], "his") ||
         qt_tok_is(t, &toks[0], "her") || qt_tok_is(t, &toks[0], "its") ||
         qt_tok_is(t, &toks[0], "their") || qt_possessive(t, &toks[0])) &&
        qt_description(d, q, last, last->start))
        return 1;
    /* said the waiter: in a story, a role that names nobody else (no
     * Count Orlak, no doctor of that description) is the speaker as the
     * text calls it */
    if (d->story && n == 2 && qt_tok_is(t, &toks[0], "the") && !(toks[1].flags & QT_TF_UPPER) &&
        qt_plain_role(t, toks[1].start, toks[1].end)) {
        q->spk_start = toks[0].start;
        q->spk_end = toks[1].end;
        q->spk_link = UINT32_MAX;
        q->spk_gender = QT_GENDER_UNKNOWN;
        return 1;
    }
    return 0;
}
