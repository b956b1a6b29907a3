/*
 * num_lex.h -- the word lists of the numbers plugin: number words, ordinals,
 * fractions, scale words, modifiers, currencies and measurement units.
 *
 * The word table is keyed by lower-case ASCII words and looked up through a
 * hash index built once in num_lex_init() and read-only afterwards.
 * Symbols (km, MW, USD, bn, $, ...) are matched case-sensitively by
 * num_sym_match() and num_cur_prefix().
 */
#ifndef NUM_LEX_H
#define NUM_LEX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Word classes. */
enum {
    NW_NONE = 0,
    NW_ZERO,    /* zero, nil? no: only "zero" */
    NW_UNIT,    /* one .. nine, v = value */
    NW_TEEN,    /* ten .. nineteen */
    NW_TENS,    /* twenty .. ninety */
    NW_HUNDRED, /* hundred */
    NW_SCALE,   /* thousand million billion trillion: v = power of ten */
    NW_DOZEN,   /* dozen: multiplies by 12 */
    NW_ORD,     /* ordinal word, v = value, aux = the class it acts as */
    NW_FRACS,   /* plural fraction denominators: halves thirds quarters fifths.., v = den */
    NW_FRAC1,   /* singular denominators that are not ordinals: half quarter, v = den */
    NW_PLURAL,  /* dozens hundreds thousands millions ...: no value */
    NW_A,       /* a, an */
    NW_AND,
    NW_TO,
    NW_BETWEEN,
    NW_MINUS,   /* minus, negative */
    NW_MOD1,    /* one-word modifier: about, nearly ...; code = mod value */
    NW_MOD2,    /* first word of two-word modifier: more (than), at (least) ... */
    NW_PERCENT, /* percent, pct */
    NW_PER,     /* per (cent) */
    NW_PCTG,    /* percentage (point/points) */
    NW_CUR,     /* currency word: code = ISO 4217, aux = minor-unit exponent (cents: 2) */
    NW_UNITW,   /* measurement word: code = canonical symbol */
    NW_UMOD,    /* square, cubic, metric, nautical: modifies the next unit word */
    NW_DEGREE,  /* degree, degrees */
    NW_VAGUE,   /* several, few: "several thousand" has no value */
    NW_RELORD,  /* last, penultimate: an ordinal counted from the end, v = places before it */
    NW_POINT,   /* point: "two point five" */
    NW_AGED,    /* aged: "aged 45" is an age */
    NW_OTHER    /* listed only for its flags */
};

/* Word flags. */
enum {
    NWF_FUNC = 1u << 0,   /* capitalised at a sentence start, may precede a number (In 2016) */
    NWF_DATE = 1u << 1,   /* month or weekday name: a number after it belongs to a date */
    NWF_ONEBLK = 1u << 2, /* "one" after it is a pronoun (no one, the one) */
    NWF_SECBLK = 1u << 3, /* "second" after "a" then this word is a time unit (a second ago) */
    NWF_IDPRE = 1u << 4   /* a number after it is a name or identifier (version 2, flight 370) */
};

typedef struct num_word {
    const char *w; /* lower case */
    uint8_t cls;   /* NW_* */
    uint8_t flags; /* NWF_* */
    uint8_t aux;
    uint64_t v;
    const char *code; /* ISO code, unit symbol or modifier value; may be NULL */
} num_word;

/* Hash index over the word table; built by num_lex_init(), read-only after. */
#define NUM_LEX_SYMS 255 /* room for every symbol (num_lex_init() checks) */
#define NUM_LEX_SLOTS 2048
#define NUM_LEX_WORDS 512 /* room for every entry (num_lex_init() checks) */
typedef struct num_lex {
    /* The entries: the shared English tables (plugins/common) in this
     * plugin's classes, and its own words.  The strings are borrowed from
     * static tables. */
    num_word words[NUM_LEX_WORDS];
    uint16_t nwords;
    uint16_t slot[NUM_LEX_SLOTS]; /* index+1 into words, 0 = empty */
    uint32_t len_mask[26];        /* bit L set: some word of length L starts with this letter */
    uint32_t start_mask[27 * 27]; /* bit L set: a word that can start a number, of length L,
                                   * starts with these two letters (index 26: none) */
    /* The symbols by first byte: sym_order[sym_lo[b] .. sym_hi[b]) index
     * the symbol table (num_sym_match() looks at those only). */
    uint8_t sym_order[NUM_LEX_SYMS];
    uint8_t sym_lo[256], sym_hi[256];
} num_lex;

/* Longest word in the table. */
#define NUM_WORD_MAX 16

/* Builds the index.  Returns false if the table does not fit (a bug). */
bool num_lex_init(num_lex *lx);

/* Quick filter for the scanner's main loop: false when the ASCII-letter
 * word w[0..n) surely cannot start a number (most words of running text). */
static inline bool num_lex_may_start(const num_lex *lx, const char *w, size_t n)
{
    if (n > NUM_WORD_MAX)
        return false;
    unsigned a = (unsigned)((w[0] | 0x20) - 'a');
    unsigned b = n > 1 ? (unsigned)((w[1] | 0x20) - 'a') : 26u;
    return (lx->start_mask[a * 27 + b] >> n) & 1u;
}

/* Looks up the ASCII-letter word w[0..n) case-insensitively; NULL if absent. */
const num_word *num_lex_find(const num_lex *lx, const char *w, size_t n);

/* A symbol after a number. */
enum {
    NS_UNIT = 1, /* code = canonical unit */
    NS_CUR,      /* code = ISO 4217 */
    NS_SCALE,    /* v = power of ten (bn, tn); aux: 1 = only after a currency */
    NS_PERCENT   /* % */
};
typedef struct num_sym {
    const char *s; /* exact bytes */
    uint8_t kind;  /* NS_* */
    uint8_t aux;
    uint8_t v;
    const char *code;
} num_sym;

/* The longest symbol in the table that t[0..n) starts with and that ends at
 * a non-letter, non-digit byte; NULL if none.  Borrowed (static). */
const num_sym *num_sym_match(const num_lex *lx, const char *t, size_t n);

/* A currency sign or code before an amount ("$", "US$", "€", "USD "):
 * returns its ISO code and stores the bytes it spans in *len; NULL if none. */
const char *num_cur_prefix(const char *t, size_t n, size_t *len);

#endif
