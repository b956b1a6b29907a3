/* dt_lex.c -- see dt_lex.h. */
#include "dt_lex.h"
#include "dt_work.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#if defined(__SSE2__) && !defined(DT_NO_SWAR) && !defined(DT_NO_SSE2)
#include <emmintrin.h>
#endif

#include "en_calendar.h"
#include "en_cardinals.h"
#include "en_ordinals.h"

typedef struct lex_entry {
    const char *word;
    uint8_t cls, sub;
    int16_t val;
} lex_entry;

/* English time vocabulary (general facts of the language). */
static const lex_entry k_words[] = {
    /* The month and weekday names, number words and ordinals come from
     * plugins/common; dt_lexicon_new() adds them (see lex_collect). */
    {"year", DT_C_UNIT, 0, DT_U_YEAR},
    {"years", DT_C_UNIT, 1, DT_U_YEAR},
    {"yr", DT_C_UNIT, 0, DT_U_YEAR},
    {"yrs", DT_C_UNIT, 1, DT_U_YEAR},
    {"month", DT_C_UNIT, 0, DT_U_MONTH},
    {"months", DT_C_UNIT, 1, DT_U_MONTH},
    {"week", DT_C_UNIT, 0, DT_U_WEEK},
    {"weeks", DT_C_UNIT, 1, DT_U_WEEK},
    {"day", DT_C_UNIT, 0, DT_U_DAY},
    {"days", DT_C_UNIT, 1, DT_U_DAY},
    {"hour", DT_C_UNIT, 0, DT_U_HOUR},
    {"hours", DT_C_UNIT, 1, DT_U_HOUR},
    {"hr", DT_C_UNIT, 0, DT_U_HOUR},
    {"hrs", DT_C_UNIT, 1, DT_U_HOUR},
    {"minute", DT_C_UNIT, 0, DT_U_MINUTE},
    {"minutes", DT_C_UNIT, 1, DT_U_MINUTE},
    {"min", DT_C_UNIT, 0, DT_U_MINUTE},
    {"mins", DT_C_UNIT, 1, DT_U_MINUTE},
    {"second", DT_C_UNIT, 0, DT_U_SECOND},
    {"seconds", DT_C_UNIT, 1, DT_U_SECOND},
    {"decade", DT_C_UNIT, 0, DT_U_DECADE},
    {"decades", DT_C_UNIT, 1, DT_U_DECADE},
    {"century", DT_C_UNIT, 0, DT_U_CENTURY},
    {"centuries", DT_C_UNIT, 1, DT_U_CENTURY},
    {"quarter", DT_C_UNIT, 0, DT_U_QUARTER},
    {"quarters", DT_C_UNIT, 1, DT_U_QUARTER},
    {"weekend", DT_C_UNIT, 0, DT_U_WEEKEND},
    {"weekends", DT_C_UNIT, 1, DT_U_WEEKEND},
    {"fortnight", DT_C_UNIT, 0, DT_U_FORTNIGHT},
    {"fortnights", DT_C_UNIT, 1, DT_U_FORTNIGHT},
    {"millennium", DT_C_UNIT, 0, DT_U_MILLENNIUM},
    {"morning", DT_C_PARTDAY, 0, DT_P_MO},
    {"mornings", DT_C_PARTDAY, 1, DT_P_MO},
    {"afternoon", DT_C_PARTDAY, 0, DT_P_AF},
    {"afternoons", DT_C_PARTDAY, 1, DT_P_AF},
    {"evening", DT_C_PARTDAY, 0, DT_P_EV},
    {"evenings", DT_C_PARTDAY, 1, DT_P_EV},
    {"night", DT_C_PARTDAY, 0, DT_P_NI},
    {"nights", DT_C_PARTDAY, 1, DT_P_NI},
    {"overnight", DT_C_PARTDAY, 0, DT_P_OVERNIGHT},
    {"noon", DT_C_DAYTIME, 0, 12},
    {"midday", DT_C_DAYTIME, 0, 12},
    {"midnight", DT_C_DAYTIME, 0, 24},
    {"yesterday", DT_C_RELDAY, 0, -1},
    {"today", DT_C_RELDAY, 0, 0},
    {"tomorrow", DT_C_RELDAY, 0, 1},
    {"tonight", DT_C_RELDAY, 0, 2},
    {"tonite", DT_C_RELDAY, 0, 2},
    {"now", DT_C_REFADV, 0, DT_R_NOW},
    {"currently", DT_C_REFADV, 0, DT_R_CURRENTLY},
    {"presently", DT_C_REFADV, 0, DT_R_CURRENTLY},
    {"current", DT_C_REFADV, 0, DT_R_CURRENT},
    {"nowadays", DT_C_REFADV, 0, DT_R_NOWADAYS},
    {"recently", DT_C_REFADV, 0, DT_R_RECENTLY},
    {"lately", DT_C_REFADV, 0, DT_R_RECENTLY},
    {"recent", DT_C_REFADV, 0, DT_R_RECENT},
    {"formerly", DT_C_REFADV, 0, DT_R_FORMERLY},
    {"previously", DT_C_REFADV, 0, DT_R_FORMERLY},
    {"soon", DT_C_REFADV, 0, DT_R_SOON},
    {"future", DT_C_REFADV, 0, DT_R_FUTURE},
    {"past", DT_C_REFADV, 0, DT_R_PAST},
    {"term", DT_C_REFADV, 0, DT_R_NOUN},
    {"date", DT_C_REFADV, 0, DT_R_NOUN},
    {"time", DT_C_REFADV, 0, DT_R_TIME},
    {"while", DT_C_REFADV, 0, DT_R_WHILE},
    {"daily", DT_C_SETADV, 0, DT_U_DAY},
    {"weekly", DT_C_SETADV, 0, DT_U_WEEK},
    {"monthly", DT_C_SETADV, 0, DT_U_MONTH},
    {"annually", DT_C_SETADV, 0, DT_U_YEAR},
    {"yearly", DT_C_SETADV, 0, DT_U_YEAR},
    {"quarterly", DT_C_SETADV, 0, DT_U_QUARTER},
    {"hourly", DT_C_SETADV, 0, DT_U_HOUR},
    {"nightly", DT_C_SETADV, 0, DT_U_DAY},
    {"spring", DT_C_SEASON, 0, DT_S_SP},
    {"summer", DT_C_SEASON, 0, DT_S_SU},
    {"fall", DT_C_SEASON, 0, DT_S_FA},
    {"autumn", DT_C_SEASON, 0, DT_S_FA},
    {"winter", DT_C_SEASON, 0, DT_S_WI},
    {"springs", DT_C_SEASON, 1, DT_S_SP},
    {"summers", DT_C_SEASON, 1, DT_S_SU},
    {"autumns", DT_C_SEASON, 1, DT_S_FA},
    {"winters", DT_C_SEASON, 1, DT_S_WI},
    {"season", DT_C_SEASON, 0, 0}, /* no one season: "every season" only */
    {"christmas", DT_C_HOLIDAY, 0, DT_H_CHRISTMAS},
    {"thanksgiving", DT_C_HOLIDAY, 0, DT_H_THANKSGIVING},
    {"easter", DT_C_HOLIDAY, 0, DT_H_EASTER},
    {"election", DT_C_HOLIDAY, 0, DT_H_ELECTION},
    {"memorial", DT_C_HOLIDAY, 0, DT_H_MEMORIAL},
    {"labor", DT_C_HOLIDAY, 0, DT_H_LABOR},
    {"labour", DT_C_HOLIDAY, 0, DT_H_LABOR},
    {"veterans", DT_C_HOLIDAY, 0, DT_H_VETERANS},
    {"independence", DT_C_HOLIDAY, 0, DT_H_INDEPENDENCE},
    {"presidents", DT_C_HOLIDAY, 0, DT_H_PRESIDENTS},
    {"mother", DT_C_HOLIDAY, 0, DT_H_MOTHERS},
    {"father", DT_C_HOLIDAY, 0, DT_H_FATHERS},
    {"valentine", DT_C_HOLIDAY, 0, DT_H_VALENTINE},
    {"halloween", DT_C_HOLIDAY, 0, DT_H_HALLOWEEN},
    {"pentecost", DT_C_HOLIDAY, 0, DT_H_FEAST},
    {"whitsun", DT_C_HOLIDAY, 0, DT_H_FEAST},
    {"gras", DT_C_HOLIDAY, 0, DT_H_FEAST}, /* "Mardi Gras" */
    {"fiscal", DT_C_FISCAL, 0, 0},
    {"period", DT_C_PERIOD, 0, 0},
    {"twenties", DT_C_DECADE, 0, 2},
    {"thirties", DT_C_DECADE, 0, 3},
    {"forties", DT_C_DECADE, 0, 4},
    {"fifties", DT_C_DECADE, 0, 5},
    {"sixties", DT_C_DECADE, 0, 6},
    {"seventies", DT_C_DECADE, 0, 7},
    {"eighties", DT_C_DECADE, 0, 8},
    {"nineties", DT_C_DECADE, 0, 9},
    /* words that may open an expression */
    {"the", DT_C_FUNC, 0, 0},
    {"a", DT_C_FUNC, 0, 0},
    {"an", DT_C_FUNC, 0, 0},
    {"this", DT_C_FUNC, 0, 0},
    {"that", DT_C_FUNC, 0, 0},
    {"these", DT_C_FUNC, 0, 0},
    {"last", DT_C_FUNC, 0, 0},
    {"next", DT_C_FUNC, 0, 0},
    {"coming", DT_C_FUNC, 0, 0},
    {"previous", DT_C_FUNC, 0, 0},
    {"following", DT_C_FUNC, 0, 0},
    {"final", DT_C_FUNC, 0, 0},
    {"initial", DT_C_FUNC, 0, 0},
    {"latest", DT_C_FUNC, 0, 0},
    {"same", DT_C_FUNC, 0, 0},
    {"ensuing", DT_C_FUNC, 0, 0},
    {"half", DT_C_FUNC, 0, 0},
    {"several", DT_C_FUNC, 0, 0},
    {"few", DT_C_FUNC, 0, 0},
    {"many", DT_C_FUNC, 0, 0},
    {"some", DT_C_FUNC, 0, 0},
    {"q", DT_C_FUNC, 0, 0},
    {"h", DT_C_FUNC, 0, 0},
    {"fy", DT_C_FUNC, 0, 0},
    {"post", DT_C_FUNC, 0, 0},
    {"pre", DT_C_FUNC, 0, 0},
    {"every", DT_C_FUNC, 0, 0},
    {"each", DT_C_FUNC, 0, 0},
    {"once", DT_C_FUNC, 0, 0},
    {"twice", DT_C_FUNC, 0, 0},
    {"per", DT_C_FUNC, 0, 0},
    {"new", DT_C_FUNC, 0, 0},
    {"early", DT_C_FUNC, 0, 0},
    {"earlier", DT_C_FUNC, 0, 0},
    {"late", DT_C_FUNC, 0, 0},
    {"later", DT_C_FUNC, 0, 0},
    {"mid", DT_C_FUNC, 0, 0},
    {"end", DT_C_FUNC, 0, 0},
    {"close", DT_C_FUNC, 0, 0},
    {"beginning", DT_C_FUNC, 0, 0},
    {"start", DT_C_FUNC, 0, 0},
    {"middle", DT_C_FUNC, 0, 0},
    {"about", DT_C_FUNC, 0, 0},
    {"around", DT_C_FUNC, 0, 0},
    {"almost", DT_C_FUNC, 0, 0},
    {"nearly", DT_C_FUNC, 0, 0},
    {"roughly", DT_C_FUNC, 0, 0},
    {"approximately", DT_C_FUNC, 0, 0},
    {"more", DT_C_FUNC, 0, 0},
    {"over", DT_C_FUNC, 0, 0},
    {"less", DT_C_FUNC, 0, 0},
    {"fewer", DT_C_FUNC, 0, 0},
    {"at", DT_C_FUNC, 0, 0},
    {"up", DT_C_FUNC, 0, 0},
    {"no", DT_C_FUNC, 0, 0},
    /* first words of feasts counted from Easter ("Good Friday", "Ash
     * Wednesday"): they open an expression whose trigger is the second */
    {"good", DT_C_FUNC, 0, 0},
    {"holy", DT_C_FUNC, 0, 0},
    {"maundy", DT_C_FUNC, 0, 0},
    {"palm", DT_C_FUNC, 0, 0},
    {"ash", DT_C_FUNC, 0, 0},
    {"shrove", DT_C_FUNC, 0, 0},
    {"ascension", DT_C_FUNC, 0, 0},
    {"whit", DT_C_FUNC, 0, 0},
    {"mardi", DT_C_FUNC, 0, 0},
};

#define LEX_SLOTS 512   /* power of two, about 2 x entries */
#define LEX_BUCKETS 256 /* power of two */

/* A word is keyed by its lowercase letters packed little-endian into two
 * 64-bit halves, zero beyond its end: the tokenizer gets the key from the
 * same eight-byte loads that find the word's end.  The table is a perfect
 * hash (hash and displace, built once): every entry sits in the one slot
 * its key hashes to, so a lookup is a probe without a loop, and with no
 * branch at all (a word that is no entry finds another key or the empty
 * key, which no word has).  Branches on the words of a text are
 * unpredictable, and a lookup per word costs less than a missed one. */
typedef struct lex_slot {
    uint64_t k0, k1; /* empty: k0 = k1 = LEX_EMPTY */
    uint64_t word;   /* what a token of this word gets, packed by lex_pack() */
} lex_slot;

/* The lexicon's answer for a word packed in one integer: the value (bits 0
 * to 31), the class (32 to 39), sub (40 to 47) and whether the word is a
 * trigger (bit 48).  Zero is an unknown word: a failed lookup masks the
 * slot's answer to zero rather than taking a branch, which words of a text
 * would mispredict. */
static uint64_t lex_pack(int32_t val, uint8_t cls, uint8_t sub, bool trig)
{
    return (uint64_t)(uint32_t)val | (uint64_t)cls << 32 | (uint64_t)sub << 40 |
           (uint64_t)trig << 48;
}

#define LEX_EMPTY UINT64_MAX /* no word's key: letters are below 0x80 */

/* Byte classes of the tokenizer's main loop: one table lookup per byte
 * instead of a chain of comparisons. */
enum { CC_OTHER = 0, CC_SPACE, CC_NL, CC_ALPHA, CC_DIGIT, CC_HIGH };

struct dt_lexicon {
    uint8_t cc[256];            /* CC_* of each byte */
    uint16_t disp[LEX_BUCKETS]; /* the displacement of each bucket */
    lex_slot slots[LEX_SLOTS];
};

/* One multiply: the bucket comes from the top bits, the slot from lower
 * ones XORed with the bucket's displacement. */
static uint64_t lex_mix(uint64_t k0, uint64_t k1)
{
    return (k0 ^ (k1 << 5 | k1 >> 59)) * 0x9E3779B97F4A7C15ull;
}

static unsigned lex_bucket(uint64_t h)
{
    return (unsigned)(h >> 56) & (LEX_BUCKETS - 1);
}

static unsigned lex_slot_of(uint64_t h, unsigned d)
{
    return ((unsigned)(h >> 40) ^ d) & (LEX_SLOTS - 1);
}

/* The key of the ASCII word w[0..n), n <= 16, any case. */
static void lex_key(const unsigned char *w, size_t n, uint64_t *k0, uint64_t *k1)
{
    uint64_t k[2] = {0, 0};
    for (size_t q = 0; q < n; q++)
        k[q >> 3] |= (uint64_t)(w[q] | 0x20u) << (8 * (q & 7));
    *k0 = k[0];
    *k1 = k[1];
}

typedef struct lex_build {
    uint64_t k0, k1, h;
    lex_entry e;
} lex_build;

/* Places the entries of each bucket, the fullest first, with the first
 * displacement that puts all of them in free slots.  Returns false when
 * some bucket fits under no displacement (a word list change may need
 * another LEX_SLOTS; the unit tests build the lexicon). */
static bool lex_place(dt_lexicon *lx, const lex_build *kb, size_t n)
{
    size_t count[LEX_BUCKETS] = {0};
    for (size_t i = 0; i < n; i++)
        count[lex_bucket(kb[i].h)]++;
    bool used[LEX_SLOTS] = {false};
    for (size_t want = n; want > 0; want--) {
        for (unsigned b = 0; b < LEX_BUCKETS; b++) {
            if (count[b] != want)
                continue;
            unsigned d;
            for (d = 0; d < LEX_SLOTS; d++) {
                unsigned taken[LEX_SLOTS / 32] = {0}, ok = 1;
                for (size_t i = 0; i < n && ok; i++) {
                    if (lex_bucket(kb[i].h) != b)
                        continue;
                    unsigned sl = lex_slot_of(kb[i].h, d);
                    if (used[sl] || (taken[sl >> 5] >> (sl & 31) & 1u))
                        ok = 0;
                    taken[sl >> 5] |= 1u << (sl & 31);
                }
                if (ok)
                    break;
            }
            if (d == LEX_SLOTS)
                return false;
            lx->disp[b] = (uint16_t)d;
            for (size_t i = 0; i < n; i++) {
                if (lex_bucket(kb[i].h) != b)
                    continue;
                lex_slot *sl = &lx->slots[lex_slot_of(kb[i].h, d)];
                used[sl - lx->slots] = true;
                sl->k0 = kb[i].k0;
                sl->k1 = kb[i].k1;
                dt_tok probe = {.kind = DT_K_WORD, .cls = kb[i].e.cls, .sub = kb[i].e.sub};
                sl->word = lex_pack(kb[i].e.val, kb[i].e.cls, kb[i].e.sub, dt_is_trigger(&probe));
            }
        }
    }
    return true;
}

/* Adds e to the keys under construction unless an earlier entry has its
 * word: the first entry wins ("second": the unit before the ordinal). */
static void lex_add(lex_build *kb, size_t *n, lex_entry e)
{
    uint64_t k0, k1;
    lex_key((const unsigned char *)e.word, strlen(e.word), &k0, &k1);
    for (size_t q = 0; q < *n; q++)
        if (kb[q].k0 == k0 && kb[q].k1 == k1)
            return;
    kb[(*n)++] = (lex_build){k0, k1, lex_mix(k0, k1), e};
}

/* The most entries lex_collect() can give: its own words and the shared
 * tables. */
static size_t lex_capacity(void)
{
    size_t nm, nw, nc, no;
    en_months(&nm);
    en_weekdays(&nw);
    en_cardinals(&nc);
    en_ordinals(&no);
    return sizeof k_words / sizeof k_words[0] + nm + 2 * nw + nc + no;
}

/* The entries in the order that settles a word listed twice: calendar
 * names, this plugin's words, then the number words and ordinals. */
static size_t lex_collect(lex_build *kb)
{
    size_t n = 0, m;
    const en_month_name *mon = en_months(&m);
    for (size_t i = 0; i < m; i++)
        lex_add(kb, &n, (lex_entry){mon[i].word, DT_C_MONTH, mon[i].abbrev, (int16_t)mon[i].month});
    const en_weekday_name *wd = en_weekdays(&m);
    for (size_t i = 0; i < m; i++)
        lex_add(kb, &n, (lex_entry){wd[i].word, DT_C_WEEKDAY, 0, (int16_t)wd[i].day});
    for (size_t i = 0; i < m; i++)
        lex_add(kb, &n, (lex_entry){wd[i].plural, DT_C_WEEKDAY, 1, (int16_t)wd[i].day});
    for (size_t i = 0; i < sizeof k_words / sizeof k_words[0]; i++)
        lex_add(kb, &n, k_words[i]);
    const en_number_word *card = en_cardinals(&m);
    for (size_t i = 0; i < m; i++) {
        /* Dates and durations spell out small numbers only: no "zero",
         * nor the scales beyond "thousand". */
        if (card[i].kind == EN_NUM_ZERO || card[i].value > 1000)
            continue;
        /* sub 1: the words that may begin or carry a spelled-out year
         * ("nineteen eighty-four", "two thousand and one") */
        bool year = (card[i].value >= 11 && card[i].value <= 19) || card[i].value == 1000;
        lex_add(kb, &n, (lex_entry){card[i].word, DT_C_NUMWORD, year, (int16_t)card[i].value});
    }
    const en_ordinal_word *ord = en_ordinals(&m);
    for (size_t i = 0; i < m; i++)
        if (ord[i].value <= 30) /* the days of a month ("the thirtieth") */
            lex_add(kb, &n, (lex_entry){ord[i].word, DT_C_ORDINAL, 0, (int16_t)ord[i].value});
    return n;
}

dt_lexicon *dt_lexicon_new(void)
{
    dt_lexicon *lx = calloc(1, sizeof *lx);
    lex_build *kb = malloc(lex_capacity() * sizeof *kb);
    if (!lx || !kb) {
        free(lx);
        free(kb);
        return NULL;
    }
    for (int b = 0; b < 256; b++) {
        uint8_t k = CC_OTHER;
        if (b == ' ' || b == '\t' || b == '\r' || b == '\f' || b == '\v')
            k = CC_SPACE;
        else if (b == '\n')
            k = CC_NL;
        else if ((b | 0x20) >= 'a' && (b | 0x20) <= 'z')
            k = CC_ALPHA;
        else if (b >= '0' && b <= '9')
            k = CC_DIGIT;
        else if (b >= 0x80)
            k = CC_HIGH;
        lx->cc[b] = k;
    }
    for (size_t i = 0; i < LEX_SLOTS; i++)
        lx->slots[i].k0 = lx->slots[i].k1 = LEX_EMPTY;
    size_t n = lex_collect(kb);
    bool ok = lex_place(lx, kb, n);
    free(kb);
    if (!ok) {
        free(lx);
        return NULL;
    }
    return lx;
}

void dt_lexicon_free(dt_lexicon *lx)
{
    free(lx);
}

/* The slot the key can only be in; the caller compares the keys. */
static const lex_slot *lex_probe(const dt_lexicon *lx, uint64_t k0, uint64_t k1)
{
    uint64_t h = lex_mix(k0, k1);
    return &lx->slots[lex_slot_of(h, lx->disp[lex_bucket(h)])];
}

/* End of the run of ASCII letters that starts at s[j]. */
static size_t letters_end(const unsigned char *s, size_t j, size_t len, const uint8_t *cc)
{
    while (j < len && cc[s[j]] == CC_ALPHA)
        j++;
    return j;
}

/* Three ways to scan a word: SSE2 where the compiler has it, else 64-bit
 * words on a little-endian GNU C target, else a byte loop.  DT_NO_SSE2
 * selects the second, DT_NO_SWAR the third, to check that all give the
 * same tokens. */
#if defined(__SSE2__) && !defined(DT_NO_SWAR) && !defined(DT_NO_SSE2)
#define DT_SSE2 1
#elif defined(__GNUC__) && defined(__BYTE_ORDER__) && \
    __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__ && !defined(DT_NO_SWAR)
#define DT_SWAR 1
#define B8(x) (0x0101010101010101ull * (x))
/* The high bit of each byte of x that is an ASCII letter, computed for all
 * eight bytes at once without carries between them: y is the byte's 7-bit
 * lowercase, a letter when 'a' <= y <= 'z' and the byte is ASCII. */
static inline uint64_t letter_bits(uint64_t x)
{
    uint64_t y = (x | B8(0x20)) & B8(0x7F);
    uint64_t ge_a = (y + B8(0x1F)) & B8(0x80); /* y >= 0x61 */
    uint64_t gt_z = (y + B8(0x05)) & B8(0x80); /* y >= 0x7B */
    return ge_a & ~gt_z & ~(x & B8(0x80));
}

/* The low n bytes of a word (n <= 8). */
static inline uint64_t low_bytes(size_t n)
{
    return n >= 8 ? ~0ull : (1ull << (8 * n)) - 1;
}
#endif

static int is_digit(unsigned char c)
{
    return c >= '0' && c <= '9';
}

/* The flags of a word from its first letter c and whether all its letters
 * are uppercase, without a branch (capitals are frequent enough that one
 * would be mispredicted). */
static inline unsigned word_flags(unsigned char c, bool upper, size_t wl)
{
    unsigned cap = c < 'a'; /* c is a letter */
    return cap * DT_F_CAP + (cap & upper & (wl > 1)) * DT_F_UPPER;
}

#ifdef DT_SSE2
/* The sixteen bytes at s[i], zeros beyond len: a word ends at a zero. */
static __m128i load16_tail(const unsigned char *s, size_t i, size_t len)
{
    unsigned char buf[16] = {0};
    memcpy(buf, s + i, len - i);
    return _mm_loadu_si128((const __m128i *)buf);
}

/* Sixteen 0xFF then sixteen zeros: the sixteen bytes from k_first + 16 - n
 * keep the first n bytes of a vector. */
static const unsigned char k_first[32] = {0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
                                          0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF};
#endif

/* Scans the word that starts with the letter s[i]: its end, its flags
 * (DT_F_CAP, DT_F_UPPER), its lexicon answer (lex_pack(); 0 for an
 * unknown word), its key (dt_tok.key) and in *space whether a ' '
 * follows it. */
static inline size_t scan_word(const dt_lexicon *lx, const unsigned char *s, size_t i, size_t len,
                               unsigned *flags, uint64_t *word, uint32_t *key, bool *space)
{
    size_t wl;
    uint64_t k0 = 0, k1 = 0, first8;
    bool upper;
#ifdef DT_SSE2
    /* Sixteen bytes at once: most words end inside them, and the same load
     * gives the lexicon key and the case of every letter.  A byte is a
     * letter when its lowercase (| 0x20) lies in 'a'..'z' as a signed byte:
     * bytes beyond ASCII are negative and fail. */
    __m128i x = i + 16 <= len ? _mm_loadu_si128((const __m128i *)(s + i)) : load16_tail(s, i, len);
    __m128i y = _mm_or_si128(x, _mm_set1_epi8(0x20));
    __m128i is_l = _mm_and_si128(_mm_cmpgt_epi8(y, _mm_set1_epi8(0x60)),
                                 _mm_cmplt_epi8(y, _mm_set1_epi8(0x7B)));
    unsigned letters = (unsigned)_mm_movemask_epi8(is_l);
    unsigned lower = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(x, y));
    wl = (size_t)__builtin_ctz(~letters); /* 1 .. 16: s[i] is a letter */
    if (wl < 16) {
        __m128i k = _mm_and_si128(y, _mm_loadu_si128((const __m128i *)(k_first + 16 - wl)));
        k0 = (uint64_t)_mm_cvtsi128_si64(k);
        k1 = (uint64_t)_mm_cvtsi128_si64(_mm_unpackhi_epi64(k, k));
        first8 = k0;
        upper = !(lower & ((1u << wl) - 1));
    } else {
        wl = letters_end(s, i + 16, len, lx->cc) - i;
        first8 = (uint64_t)_mm_cvtsi128_si64(y);
        if (wl == 16) {
            k0 = first8;
            k1 = (uint64_t)_mm_cvtsi128_si64(_mm_unpackhi_epi64(y, y));
        }
        upper = true;
        for (size_t u = i; u < i + wl && upper; u++)
            upper = s[u] < 'a';
    }
#elif defined(DT_SWAR)
    /* Eight bytes first: most words end inside them, and the same load
     * gives the lexicon key and the case of every letter. */
    uint64_t x0, x1;
    unsigned char buf[16] = {0}; /* zeros end the word */
    const unsigned char *p = s + i;
    if (i + 16 > len) {
        memcpy(buf, s + i, len - i);
        p = buf;
    }
    memcpy(&x0, p, 8);
    uint64_t nl0 = ~letter_bits(x0) & B8(0x80);
    if (nl0) {
        wl = (size_t)__builtin_ctzll(nl0) >> 3; /* 1 .. 7: s[i] is a letter */
        uint64_t m0 = (1ull << (8 * wl)) - 1;
        k0 = (x0 | B8(0x20)) & m0;
        first8 = k0;
        upper = !(x0 & m0 & B8(0x20));
    } else {
        first8 = x0 | B8(0x20);
        memcpy(&x1, p + 8, 8);
        uint64_t nl1 = ~letter_bits(x1) & B8(0x80);
        if (nl1)
            wl = 8 + ((size_t)__builtin_ctzll(nl1) >> 3);
        else
            wl = letters_end(s, i + 16, len, lx->cc) - i;
        if (wl <= 16) {
            uint64_t m1 = low_bytes(wl - 8);
            k0 = x0 | B8(0x20);
            k1 = (x1 | B8(0x20)) & m1;
            upper = !((x0 | (x1 & m1)) & B8(0x20));
        } else {
            upper = true;
            for (size_t u = i; u < i + wl && upper; u++)
                upper = s[u] < 'a';
        }
    }
#else
    wl = letters_end(s, i + 1, len, lx->cc) - i;
    upper = true;
    for (size_t u = i; u < i + wl && upper; u++)
        upper = s[u] < 'a';
    if (wl <= 16)
        lex_key(s + i, wl, &k0, &k1);
    uint64_t k8;
    lex_key(s + i, wl < 8 ? wl : 8, &first8, &k8);
#endif
    *space = i + wl < len && s[i + wl] == ' ';
    *key = (uint32_t)first8;
    *flags = word_flags(s[i], upper, wl);
    /* words longer than any entry keep a key that matches none (the long
     * tail is not in it), so no test of the length is needed */
    const lex_slot *e = lex_probe(lx, k0, k1);
    *word = e->word & -(uint64_t)((e->k0 == k0) & (e->k1 == k1));
    return i + wl;
}

/* The flags pending for the next token after a line break: a second break
 * in a row makes a paragraph. */
static inline unsigned after_line_break(unsigned pending)
{
    return pending | ((pending & DT_F_LINE) ? DT_F_PARA : 0) | DT_F_SPACE | DT_F_LINE;
}

/* Bytes of text scanned between two checks of the arrays' room: a token
 * takes at least one byte, so room for this many more tokens (and
 * triggers) spares the test at every token. */
enum { LEX_STRETCH = 1024 };

/* Makes room in w for `more` tokens and triggers after the first n and nt.
 * Returns false when memory runs out. */
static bool lex_room(dt_work *w, size_t n, size_t nt, size_t more)
{
    dt_tok *t = dt_work_grow(w->toks, &w->tok_cap, n + more, sizeof *w->toks);
    if (!t)
        return false;
    w->toks = t;
    uint32_t *tr = dt_work_grow(w->trig, &w->trig_cap, nt + more, sizeof *w->trig);
    if (!tr)
        return false;
    w->trig = tr;
    return true;
}

/* The number token that starts with the digit s[i]: its end, its value
 * (saturated) in *v and DT_F_NSEP / DT_F_NSUF in *flags. */
static size_t scan_number(const unsigned char *s, size_t i, size_t len, const uint8_t *cc,
                          int32_t *v, unsigned *flags)
{
    size_t j = i;
    int32_t x = 0;
    while (j < len && cc[s[j]] == CC_DIGIT) {
        if (x < 100000000)
            x = x * 10 + (s[j] - '0');
        j++;
    }
    *v = x;
    unsigned f = 0;
    while (j + 1 < len && (s[j] == ',' || s[j] == '.' || s[j] == ':' || s[j] == '/') &&
           is_digit(s[j + 1])) {
        f |= DT_F_NSEP;
        j++;
        while (j < len && is_digit(s[j]))
            j++;
    }
    if (j < len && cc[s[j]] == CC_ALPHA) {
        f |= DT_F_NSUF;
        while (j < len && cc[s[j]] == CC_ALPHA)
            j++;
    }
    *flags = f;
    return j;
}

size_t dt_tokenize(const ann_host *host, const dt_lexicon *lx, const char *text, size_t len,
                   dt_work *w, size_t *ntrig)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t i = 0, n = 0, nt = 0;
    unsigned pending = DT_F_PARA;
    const uint8_t *cc = lx->cc;
    /* First guesses of the counts, grown when exceeded: the bench
     * documents have a token per 4.7 bytes and a trigger per 43 tokens.
     * Pages of a large array that are never written cost no memory. */
    if (!lex_room(w, 0, 0, len / 4 + 64))
        return (size_t)-1;
    while (i < len) {
        size_t stop = len - i > LEX_STRETCH ? i + LEX_STRETCH : len;
        if (!lex_room(w, n, nt, stop - i))
            return (size_t)-1;
        dt_tok *t = w->toks;
        uint32_t *tr = w->trig;
        while (i < stop) {
            unsigned char c = s[i];
            uint8_t k0 = cc[c];
            dt_tok *o = &t[n];
            if (k0 == CC_ALPHA) {
                unsigned wf;
                uint64_t word;
                uint32_t key;
                bool space;
                size_t j = scan_word(lx, s, i, len, &wf, &word, &key, &space);
                o->start = (uint32_t)i;
                o->end = (uint32_t)j;
                o->val = (int32_t)(uint32_t)word;
                o->kind = DT_K_WORD;
                o->flags = (uint8_t)(pending | wf);
                o->cls = (uint8_t)(word >> 32);
                o->sub = (uint8_t)(word >> 40);
                o->key = key;
                tr[nt] = (uint32_t)n; /* kept only when a trigger: few words are */
                nt += (word >> 48) & 1;
                n++;
                /* the one space after most words, taken here rather than by
                 * a turn of the loop: a third of all bytes are such spaces */
                pending = space ? DT_F_SPACE : 0;
                i = j + space;
                continue;
            }
            if (k0 == CC_SPACE) {
                pending |= DT_F_SPACE;
                i++;
                continue;
            }
            if (k0 == CC_NL) {
                pending = after_line_break(pending);
                i++;
                continue;
            }
            size_t hl = 0;    /* a character beyond ASCII: its length, */
            uint32_t hcp = 0; /* code point */
            uint32_t hk = 0;  /* and ANN_CHAR_* class */
            if (k0 == CC_HIGH) {
                hcp = host->decode(text, len, i, &hl);
                hk = host->char_class(hcp);
                /* U+00A0, U+2009, U+202F ... are spaces; U+2028 a line break */
                if (hk & ANN_CHAR_SPACE) {
                    pending =
                        (hk & ANN_CHAR_NEWLINE) ? after_line_break(pending) : pending | DT_F_SPACE;
                    i += hl;
                    continue;
                }
            }
            dt_tok k = {.start = (uint32_t)i};
            unsigned flags = pending;
            if (k0 == CC_DIGIT) {
                unsigned nf;
                i = scan_number(s, i, len, cc, &k.num, &nf);
                flags |= nf;
                k.kind = DT_K_NUM;
                tr[nt++] = (uint32_t)n; /* every number is a trigger */
            } else if (c < 0x80) {
                k.kind = DT_K_PUNCT;
                if (c == '\'')
                    flags |= DT_F_APOS;
                i++;
            } else {
                /* One character beyond ASCII: punctuation (dashes and
                 * quotes among it; the right single quote is an
                 * apostrophe, as in '90s) or something else (letters,
                 * symbols). */
                k.kind = DT_K_OTHER;
                if (hk & ANN_CHAR_PUNCT) {
                    k.kind = DT_K_PUNCT;
                    if (hcp == 0x2019)
                        flags |= DT_F_APOS;
                }
                i += hl;
            }
            k.flags = (uint8_t)flags;
            k.end = (uint32_t)i;
            *o = k;
            n++;
            pending = 0;
            if (i < len && s[i] == ' ') {
                pending = DT_F_SPACE;
                i++;
            }
        }
    }
    *ntrig = nt;
    return n;
}
