/* dt_lex.c -- see dt_lex.h. */
#include "dt_lex.h"

#include <stdlib.h>
#include <string.h>

typedef struct lex_entry {
    const char *word;
    uint8_t cls, sub;
    int16_t val;
} lex_entry;

/* English time vocabulary (general facts of the language). */
static const lex_entry k_words[] = {
    {"january", DT_C_MONTH, 0, 1}, {"february", DT_C_MONTH, 0, 2}, {"march", DT_C_MONTH, 0, 3},
    {"april", DT_C_MONTH, 0, 4}, {"may", DT_C_MONTH, 0, 5}, {"june", DT_C_MONTH, 0, 6},
    {"july", DT_C_MONTH, 0, 7}, {"august", DT_C_MONTH, 0, 8}, {"september", DT_C_MONTH, 0, 9},
    {"october", DT_C_MONTH, 0, 10}, {"november", DT_C_MONTH, 0, 11}, {"december", DT_C_MONTH, 0, 12},
    {"jan", DT_C_MONTH, 1, 1}, {"feb", DT_C_MONTH, 1, 2}, {"mar", DT_C_MONTH, 1, 3},
    {"apr", DT_C_MONTH, 1, 4}, {"jun", DT_C_MONTH, 1, 6}, {"jul", DT_C_MONTH, 1, 7},
    {"aug", DT_C_MONTH, 1, 8}, {"sep", DT_C_MONTH, 1, 9}, {"sept", DT_C_MONTH, 1, 9},
    {"oct", DT_C_MONTH, 1, 10}, {"nov", DT_C_MONTH, 1, 11}, {"dec", DT_C_MONTH, 1, 12},
    {"monday", DT_C_WEEKDAY, 0, 1}, {"tuesday", DT_C_WEEKDAY, 0, 2}, {"wednesday", DT_C_WEEKDAY, 0, 3},
    {"thursday", DT_C_WEEKDAY, 0, 4}, {"friday", DT_C_WEEKDAY, 0, 5}, {"saturday", DT_C_WEEKDAY, 0, 6},
    {"sunday", DT_C_WEEKDAY, 0, 7},
    {"mondays", DT_C_WEEKDAY, 1, 1}, {"tuesdays", DT_C_WEEKDAY, 1, 2}, {"wednesdays", DT_C_WEEKDAY, 1, 3},
    {"thursdays", DT_C_WEEKDAY, 1, 4}, {"fridays", DT_C_WEEKDAY, 1, 5}, {"saturdays", DT_C_WEEKDAY, 1, 6},
    {"sundays", DT_C_WEEKDAY, 1, 7},
    {"year", DT_C_UNIT, 0, DT_U_YEAR}, {"years", DT_C_UNIT, 1, DT_U_YEAR},
    {"yr", DT_C_UNIT, 0, DT_U_YEAR}, {"yrs", DT_C_UNIT, 1, DT_U_YEAR},
    {"month", DT_C_UNIT, 0, DT_U_MONTH}, {"months", DT_C_UNIT, 1, DT_U_MONTH},
    {"week", DT_C_UNIT, 0, DT_U_WEEK}, {"weeks", DT_C_UNIT, 1, DT_U_WEEK},
    {"day", DT_C_UNIT, 0, DT_U_DAY}, {"days", DT_C_UNIT, 1, DT_U_DAY},
    {"hour", DT_C_UNIT, 0, DT_U_HOUR}, {"hours", DT_C_UNIT, 1, DT_U_HOUR},
    {"hr", DT_C_UNIT, 0, DT_U_HOUR}, {"hrs", DT_C_UNIT, 1, DT_U_HOUR},
    {"minute", DT_C_UNIT, 0, DT_U_MINUTE}, {"minutes", DT_C_UNIT, 1, DT_U_MINUTE},
    {"min", DT_C_UNIT, 0, DT_U_MINUTE}, {"mins", DT_C_UNIT, 1, DT_U_MINUTE},
    {"second", DT_C_UNIT, 0, DT_U_SECOND}, {"seconds", DT_C_UNIT, 1, DT_U_SECOND},
    {"decade", DT_C_UNIT, 0, DT_U_DECADE}, {"decades", DT_C_UNIT, 1, DT_U_DECADE},
    {"century", DT_C_UNIT, 0, DT_U_CENTURY}, {"centuries", DT_C_UNIT, 1, DT_U_CENTURY},
    {"quarter", DT_C_UNIT, 0, DT_U_QUARTER}, {"quarters", DT_C_UNIT, 1, DT_U_QUARTER},
    {"weekend", DT_C_UNIT, 0, DT_U_WEEKEND}, {"weekends", DT_C_UNIT, 1, DT_U_WEEKEND},
    {"fortnight", DT_C_UNIT, 0, DT_U_FORTNIGHT}, {"fortnights", DT_C_UNIT, 1, DT_U_FORTNIGHT},
    {"millennium", DT_C_UNIT, 0, DT_U_MILLENNIUM},
    {"one", DT_C_NUMWORD, 0, 1}, {"two", DT_C_NUMWORD, 0, 2}, {"three", DT_C_NUMWORD, 0, 3},
    {"four", DT_C_NUMWORD, 0, 4}, {"five", DT_C_NUMWORD, 0, 5}, {"six", DT_C_NUMWORD, 0, 6},
    {"seven", DT_C_NUMWORD, 0, 7}, {"eight", DT_C_NUMWORD, 0, 8}, {"nine", DT_C_NUMWORD, 0, 9},
    {"ten", DT_C_NUMWORD, 0, 10}, {"eleven", DT_C_NUMWORD, 1, 11}, {"twelve", DT_C_NUMWORD, 1, 12},
    {"thirteen", DT_C_NUMWORD, 1, 13}, {"fourteen", DT_C_NUMWORD, 1, 14},
    {"fifteen", DT_C_NUMWORD, 1, 15}, {"sixteen", DT_C_NUMWORD, 1, 16},
    {"seventeen", DT_C_NUMWORD, 1, 17}, {"eighteen", DT_C_NUMWORD, 1, 18},
    {"nineteen", DT_C_NUMWORD, 1, 19}, {"twenty", DT_C_NUMWORD, 0, 20},
    {"thirty", DT_C_NUMWORD, 0, 30}, {"forty", DT_C_NUMWORD, 0, 40}, {"fifty", DT_C_NUMWORD, 0, 50},
    {"sixty", DT_C_NUMWORD, 0, 60}, {"seventy", DT_C_NUMWORD, 0, 70}, {"eighty", DT_C_NUMWORD, 0, 80},
    {"ninety", DT_C_NUMWORD, 0, 90}, {"hundred", DT_C_NUMWORD, 0, 100}, {"dozen", DT_C_NUMWORD, 0, 12},
    {"thousand", DT_C_NUMWORD, 1, 1000},
    {"first", DT_C_ORDINAL, 0, 1}, {"second", DT_C_ORDINAL, 0, 2}, {"third", DT_C_ORDINAL, 0, 3},
    {"fourth", DT_C_ORDINAL, 0, 4}, {"fifth", DT_C_ORDINAL, 0, 5}, {"sixth", DT_C_ORDINAL, 0, 6},
    {"seventh", DT_C_ORDINAL, 0, 7}, {"eighth", DT_C_ORDINAL, 0, 8}, {"ninth", DT_C_ORDINAL, 0, 9},
    {"tenth", DT_C_ORDINAL, 0, 10}, {"eleventh", DT_C_ORDINAL, 0, 11}, {"twelfth", DT_C_ORDINAL, 0, 12},
    {"thirteenth", DT_C_ORDINAL, 0, 13}, {"fourteenth", DT_C_ORDINAL, 0, 14},
    {"fifteenth", DT_C_ORDINAL, 0, 15}, {"sixteenth", DT_C_ORDINAL, 0, 16},
    {"seventeenth", DT_C_ORDINAL, 0, 17}, {"eighteenth", DT_C_ORDINAL, 0, 18},
    {"nineteenth", DT_C_ORDINAL, 0, 19}, {"twentieth", DT_C_ORDINAL, 0, 20},
    {"thirtieth", DT_C_ORDINAL, 0, 30},
    {"morning", DT_C_PARTDAY, 0, DT_P_MO}, {"mornings", DT_C_PARTDAY, 1, DT_P_MO},
    {"afternoon", DT_C_PARTDAY, 0, DT_P_AF}, {"afternoons", DT_C_PARTDAY, 1, DT_P_AF},
    {"evening", DT_C_PARTDAY, 0, DT_P_EV}, {"evenings", DT_C_PARTDAY, 1, DT_P_EV},
    {"night", DT_C_PARTDAY, 0, DT_P_NI}, {"nights", DT_C_PARTDAY, 1, DT_P_NI},
    {"overnight", DT_C_PARTDAY, 0, DT_P_OVERNIGHT},
    {"noon", DT_C_DAYTIME, 0, 12}, {"midday", DT_C_DAYTIME, 0, 12}, {"midnight", DT_C_DAYTIME, 0, 24},
    {"yesterday", DT_C_RELDAY, 0, -1}, {"today", DT_C_RELDAY, 0, 0}, {"tomorrow", DT_C_RELDAY, 0, 1},
    {"tonight", DT_C_RELDAY, 0, 2},
    {"now", DT_C_REFADV, 0, DT_R_NOW}, {"currently", DT_C_REFADV, 0, DT_R_CURRENTLY},
    {"presently", DT_C_REFADV, 0, DT_R_CURRENTLY}, {"current", DT_C_REFADV, 0, DT_R_CURRENT},
    {"nowadays", DT_C_REFADV, 0, DT_R_NOWADAYS},
    {"recently", DT_C_REFADV, 0, DT_R_RECENTLY}, {"lately", DT_C_REFADV, 0, DT_R_RECENTLY},
    {"recent", DT_C_REFADV, 0, DT_R_RECENT}, {"formerly", DT_C_REFADV, 0, DT_R_FORMERLY},
    {"previously", DT_C_REFADV, 0, DT_R_FORMERLY}, {"soon", DT_C_REFADV, 0, DT_R_SOON},
    {"future", DT_C_REFADV, 0, DT_R_FUTURE}, {"past", DT_C_REFADV, 0, DT_R_PAST},
    {"term", DT_C_REFADV, 0, DT_R_NOUN}, {"date", DT_C_REFADV, 0, DT_R_NOUN},
    {"daily", DT_C_SETADV, 0, DT_U_DAY}, {"weekly", DT_C_SETADV, 0, DT_U_WEEK},
    {"monthly", DT_C_SETADV, 0, DT_U_MONTH}, {"annually", DT_C_SETADV, 0, DT_U_YEAR},
    {"yearly", DT_C_SETADV, 0, DT_U_YEAR}, {"quarterly", DT_C_SETADV, 0, DT_U_QUARTER},
    {"hourly", DT_C_SETADV, 0, DT_U_HOUR}, {"nightly", DT_C_SETADV, 0, DT_U_DAY},
    {"spring", DT_C_SEASON, 0, DT_S_SP}, {"summer", DT_C_SEASON, 0, DT_S_SU},
    {"fall", DT_C_SEASON, 0, DT_S_FA}, {"autumn", DT_C_SEASON, 0, DT_S_FA},
    {"winter", DT_C_SEASON, 0, DT_S_WI},
    {"springs", DT_C_SEASON, 1, DT_S_SP}, {"summers", DT_C_SEASON, 1, DT_S_SU},
    {"autumns", DT_C_SEASON, 1, DT_S_FA}, {"winters", DT_C_SEASON, 1, DT_S_WI},
    {"christmas", DT_C_HOLIDAY, 0, DT_H_CHRISTMAS}, {"thanksgiving", DT_C_HOLIDAY, 0, DT_H_THANKSGIVING},
    {"easter", DT_C_HOLIDAY, 0, DT_H_EASTER}, {"election", DT_C_HOLIDAY, 0, DT_H_ELECTION},
    {"fiscal", DT_C_FISCAL, 0, 0}, {"period", DT_C_PERIOD, 0, 0},
    {"twenties", DT_C_DECADE, 0, 2}, {"thirties", DT_C_DECADE, 0, 3}, {"forties", DT_C_DECADE, 0, 4},
    {"fifties", DT_C_DECADE, 0, 5}, {"sixties", DT_C_DECADE, 0, 6}, {"seventies", DT_C_DECADE, 0, 7},
    {"eighties", DT_C_DECADE, 0, 8}, {"nineties", DT_C_DECADE, 0, 9},
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
};

#define LEX_SLOTS 512 /* power of two, about 2 x entries: the table stays in L1 */
#define LEX_MAXLEN 15

typedef struct lex_slot {
    char key[LEX_MAXLEN + 1];
    uint8_t used, cls, sub;
    int16_t val;
} lex_slot;

/* Byte classes of the tokenizer's main loop: one table lookup per byte
 * instead of a chain of comparisons. */
enum { CC_OTHER = 0, CC_SPACE, CC_NL, CC_ALPHA, CC_DIGIT, CC_HIGH };

struct dt_lexicon {
    uint8_t cc[256]; /* CC_* of each byte */
    lex_slot slots[LEX_SLOTS];
    /* bit n of lens[a][b]: some entry of length n starts with letters a, b
     * (b = 26 for a one-letter entry); a cheap filter before hashing */
    uint16_t lens[26][27];
};

/* Hash of a lowercase word from its first two letters, its last letter and
 * its length: no loop over the word, and the table is sparse enough that
 * the few collisions cost one more probe (the key comparison decides). */
static uint32_t lex_hash(unsigned a, unsigned b, unsigned z, size_t n)
{
    uint32_t h = a * 0x9E3779B1u ^ b * 0x85EBCA6Bu ^ z * 0xC2B2AE35u ^ (uint32_t)n * 0x27D4EB2Fu;
    return h ^ (h >> 15);
}

dt_lexicon *dt_lexicon_new(void)
{
    dt_lexicon *lx = calloc(1, sizeof *lx);
    if (!lx)
        return NULL;
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
    for (size_t i = 0; i < sizeof k_words / sizeof k_words[0]; i++) {
        const lex_entry *e = &k_words[i];
        size_t n = strlen(e->word);
        uint32_t h = lex_hash((uint8_t)e->word[0], n > 1 ? (uint8_t)e->word[1] : 0, (uint8_t)e->word[n - 1], n) &
                     (LEX_SLOTS - 1);
        while (lx->slots[h].used) {
            if (strcmp(lx->slots[h].key, e->word) == 0)
                break; /* first entry wins ("second": unit before ordinal) */
            h = (h + 1) & (LEX_SLOTS - 1);
        }
        if (lx->slots[h].used)
            continue;
        memcpy(lx->slots[h].key, e->word, n + 1);
        lx->lens[e->word[0] - 'a'][n > 1 ? e->word[1] - 'a' : 26] |= (uint16_t)(1u << n);
        lx->slots[h].used = 1;
        lx->slots[h].cls = e->cls;
        lx->slots[h].sub = e->sub;
        lx->slots[h].val = e->val;
    }
    return lx;
}

void dt_lexicon_free(dt_lexicon *lx)
{
    free(lx);
}

/* The entry for the word w[0..n) (ASCII letters, any case), or NULL. */
static const lex_slot *lex_find(const dt_lexicon *lx, const unsigned char *w, size_t n)
{
    uint32_t h = lex_hash(w[0] | 0x20u, n > 1 ? w[1] | 0x20u : 0, w[n - 1] | 0x20u, n) & (LEX_SLOTS - 1);
    while (lx->slots[h].used) {
        const lex_slot *s = &lx->slots[h];
        if (s->key[n] == '\0') {
            size_t q = 0;
            while (q < n && (char)(w[q] | 0x20) == s->key[q])
                q++;
            if (q == n)
                return s;
        }
        h = (h + 1) & (LEX_SLOTS - 1);
    }
    return NULL;
}

/* End of the run of ASCII letters that starts at s[j]: eight bytes at a
 * time where the machine allows (an English word mostly fits in one step,
 * which saves the byte loop's branch per letter), byte by byte otherwise. */
static size_t letters_end(const unsigned char *s, size_t j, size_t len, const uint8_t *cc)
{
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    const uint64_t hi = 0x8080808080808080ull, low7 = 0x7F7F7F7F7F7F7F7Full;
    while (j + 8 <= len) {
        uint64_t x;
        memcpy(&x, s + j, 8);
        /* per byte, without carries between bytes: y = lowercase of the
         * 7-bit byte; a letter when 'a' <= y <= 'z' and the byte is ASCII */
        uint64_t y = (x | 0x2020202020202020ull) & low7;
        uint64_t ge_a = (y + 0x1F1F1F1F1F1F1F1Full) & hi;   /* y >= 0x61 */
        uint64_t gt_z = (y + 0x0505050505050505ull) & hi;   /* y >= 0x7B */
        uint64_t other = ~(ge_a & ~gt_z & ~(x & hi)) & hi;
        if (other)
            return j + (size_t)(__builtin_ctzll(other) >> 3);
        j += 8;
    }
#endif
    while (j < len && cc[s[j]] == CC_ALPHA)
        j++;
    return j;
}

static int is_digit(unsigned char c)
{
    return c >= '0' && c <= '9';
}

size_t dt_tokenize(const dt_lexicon *lx, const char *text, size_t len, dt_tok **out)
{
    /* A first guess of the token count; grown when exceeded. */
    size_t cap = len / 5 + 64, n = 0; /* a token per 5 bytes or so */
    dt_tok *t = malloc(cap * sizeof *t);
    if (!t)
        return (size_t)-1;
    const unsigned char *s = (const unsigned char *)text;
    size_t i = 0;
    unsigned pending = DT_F_PARA;
    const uint8_t *cc = lx->cc;
    while (i < len) {
        unsigned char c = s[i];
        uint8_t k0 = cc[c];
        if (k0 == CC_SPACE) {
            pending |= DT_F_SPACE;
            i++;
            continue;
        }
        if (k0 == CC_NL) {
            pending |= (pending & DT_F_LINE) ? DT_F_PARA : 0;
            pending |= DT_F_SPACE | DT_F_LINE;
            i++;
            continue;
        }
        if (n == cap) {
            cap *= 2;
            dt_tok *nt = realloc(t, cap * sizeof *t);
            if (!nt) {
                free(t);
                return (size_t)-1;
            }
            t = nt;
        }
        dt_tok *k = &t[n++];
        k->num = 0;
        k->cls = 0;
        k->sub = 0;
        k->start = (uint32_t)i;
        k->flags = (uint8_t)pending;
        pending = 0;
        if (k0 == CC_ALPHA) {
            /* find the end first; only a word whose length and first two
             * letters some lexicon entry shares is lowercased and hashed */
            size_t j = letters_end(s, i + 1, len, cc);
            size_t wl = j - i;
            k->kind = DT_K_WORD;
            if (c < 'a') {
                k->flags |= DT_F_CAP;
                size_t u = i + 1;
                while (u < j && s[u] < 'a')
                    u++;
                if (u == j && wl > 1)
                    k->flags |= DT_F_UPPER;
            }
            if (wl <= LEX_MAXLEN &&
                (lx->lens[(c | 0x20) - 'a'][wl > 1 ? (s[i + 1] | 0x20) - 'a' : 26] >> wl & 1u)) {
                const lex_slot *e = lex_find(lx, s + i, wl);
                if (e) {
                    k->cls = e->cls;
                    k->sub = e->sub;
                    k->val = e->val;
                }
            }
            i = j;
        } else if (k0 == CC_DIGIT) {
            size_t j = i;
            int32_t v = 0;
            while (j < len && cc[s[j]] == CC_DIGIT) {
                if (v < 100000000)
                    v = v * 10 + (s[j] - '0');
                j++;
            }
            k->num = v;
            k->kind = DT_K_NUM;
            while (j + 1 < len && (s[j] == ',' || s[j] == '.' || s[j] == ':' || s[j] == '/') &&
                   is_digit(s[j + 1])) {
                k->flags |= DT_F_NSEP;
                j++;
                while (j < len && is_digit(s[j]))
                    j++;
            }
            if (j < len && cc[s[j]] == CC_ALPHA) {
                k->flags |= DT_F_NSUF;
                while (j < len && cc[s[j]] == CC_ALPHA)
                    j++;
            }
            i = j;
        } else if (c < 0x80) {
            k->kind = DT_K_PUNCT;
            if (c == '\'')
                k->flags |= DT_F_APOS;
            i++;
        } else {
            /* One UTF-8 sequence; the right single quote counts as an
             * apostrophe ('90s), dashes and quotes as punctuation. */
            size_t j = i + 1;
            while (j < len && (s[j] & 0xC0) == 0x80)
                j++;
            k->kind = DT_K_OTHER;
            if (j - i == 3 && s[i] == 0xE2 && s[i + 1] == 0x80) {
                k->kind = DT_K_PUNCT;
                if (s[i + 2] == 0x99)
                    k->flags |= DT_F_APOS;
            }
            i = j;
        }
        k->end = (uint32_t)i;
    }
    *out = t;
    return n;
}
