/*
 * dt_lex.h -- the dates plugin's own light tokenizer and word lexicon.
 *
 * The plugin scans the text view itself rather than the host tokens because
 * temporal expressions need finer pieces than the shared tokens give
 * ("third-quarter", "1990s", "a.m.", "'90s") and because one pass over the
 * bytes with a lexicon lookup per word is the cheap pre-filter that keeps
 * the plugin fast: only tokens whose class is a trigger are looked at closer.
 */
#ifndef DT_LEX_H
#define DT_LEX_H

#include <stddef.h>
#include <stdint.h>

#include "annotate/plugin.h"

/* Token kinds. */
enum { DT_K_WORD = 1, DT_K_NUM = 2, DT_K_PUNCT = 3, DT_K_OTHER = 4 };

/* Token flags. */
enum {
    DT_F_SPACE = 1u << 0, /* white space before the token */
    DT_F_LINE = 1u << 1,  /* a line break before it */
    DT_F_PARA = 1u << 2,  /* a blank line before it (or start of text) */
    DT_F_CAP = 1u << 3,   /* word starting with an uppercase letter */
    DT_F_UPPER = 1u << 4, /* word all uppercase (two letters or more) */
    DT_F_NSEP = 1u << 5,  /* number with inner separators (, . : /) */
    DT_F_NSUF = 1u << 6,  /* number followed by letters: 5th, 1990s, 3pm */
    DT_F_APOS = 1u << 7   /* punctuation that is an apostrophe (' or U+2019) */
};

/* Word classes of the lexicon; DT_C_NONE for an unknown word. */
enum {
    DT_C_NONE = 0,
    DT_C_MONTH,   /* val 1..12; sub 1 for an abbreviation (Sept, Oct) */
    DT_C_WEEKDAY, /* val 1..7 (Monday = 1); sub 1 for a plural (Mondays) */
    DT_C_UNIT,    /* val DT_U_*; sub 1 for a plural */
    DT_C_NUMWORD, /* val = the number (one .. ninety, hundred, dozen); sub 1
                    * for the words that may begin or carry a spelled-out year
                    * (eleven .. nineteen, thousand) */
    DT_C_ORDINAL, /* val = the ordinal (first .. thirtieth) */
    DT_C_PARTDAY, /* val DT_P_*; sub 1 for a plural (mornings) */
    DT_C_DAYTIME, /* val 12 noon / midday, 24 midnight */
    DT_C_RELDAY,  /* val -1 yesterday, 0 today, 1 tomorrow, 2 tonight */
    DT_C_REFADV,  /* val DT_R_* (now, recently, soon ...) */
    DT_C_SETADV,  /* val DT_U_* of the period: daily, weekly ... */
    DT_C_SEASON,  /* val DT_S_*; sub 1 for a plural */
    DT_C_HOLIDAY, /* val DT_H_* */
    DT_C_FISCAL,  /* fiscal */
    DT_C_FUNC,    /* a word that may open an expression (the, last, about);
                    * not a trigger by itself */
    DT_C_PERIOD,  /* period, year-end words: anaphoric periods of reports */
    DT_C_DECADE   /* twenties .. nineties: val 2..9 */
};

/* Units of time. */
enum {
    DT_U_NONE = 0,
    DT_U_YEAR,
    DT_U_MONTH,
    DT_U_WEEK,
    DT_U_DAY,
    DT_U_HOUR,
    DT_U_MINUTE,
    DT_U_SECOND,
    DT_U_DECADE,
    DT_U_CENTURY,
    DT_U_QUARTER,
    DT_U_WEEKEND,
    DT_U_FORTNIGHT,
    DT_U_MILLENNIUM
};

/* Parts of the day (TIMEX3 codes MO, AF, EV, NI). */
enum { DT_P_MO = 1, DT_P_AF, DT_P_EV, DT_P_NI, DT_P_OVERNIGHT };

/* Seasons (TIMEX3 codes SP, SU, FA, WI). */
enum { DT_S_SP = 1, DT_S_SU, DT_S_FA, DT_S_WI };

/* Reference adverbs. */
enum {
    DT_R_NOW = 1,
    DT_R_CURRENTLY,
    DT_R_CURRENT,
    DT_R_RECENTLY,
    DT_R_RECENT,
    DT_R_FORMERLY,
    DT_R_SOON,
    DT_R_FUTURE,
    DT_R_PAST,
    DT_R_NOWADAYS,
    DT_R_NOUN, /* "term", "date": only in phrases ("the near term", "a later date") */
    DT_R_TIME, /* "time": only in "at the time", "at that time" */
    DT_R_WHILE /* "while": only in "a while" */
};

/* Holidays. */
enum {
    DT_H_CHRISTMAS = 1,
    DT_H_THANKSGIVING,
    DT_H_EASTER,
    DT_H_NEWYEAR,
    DT_H_ELECTION,
    /* named "X Day" only */
    DT_H_MEMORIAL,
    DT_H_LABOR,
    DT_H_VETERANS,
    DT_H_INDEPENDENCE,
    DT_H_PRESIDENTS,
    /* named "X's Day" only */
    DT_H_MOTHERS,
    DT_H_FATHERS,
    DT_H_VALENTINE,
    DT_H_HALLOWEEN,
    DT_H_FEAST /* a feast counted from Easter, one word (Pentecost) */
};

/* 20 bytes: a document has a token every five bytes or so. */
typedef struct dt_tok {
    uint32_t start, end; /* byte offsets in the text, end exclusive */
    union {
        int32_t num; /* DT_K_NUM: leading integer (saturated) */
        int32_t val; /* DT_K_WORD: the lexicon value (month, unit ...) */
    };
    uint8_t kind;  /* DT_K_* */
    uint8_t flags; /* DT_F_* */
    uint8_t cls;   /* DT_C_* for words, DT_C_NONE otherwise */
    uint8_t sub;
    uint32_t key; /* DT_K_WORD: its first four letters in lowercase, the
                   * first in the lowest byte, zero bytes after a shorter
                   * word (dt_word_key()); 0 for other tokens.  The rules
                   * compare words by it (is_w()).  Four letters keep the
                   * token at 20 bytes: the tokens are the largest part of
                   * the plugin's memory (issue 13's bound of 10 x the
                   * document). */
} dt_tok;

/* The key of word w as dt_tok.key holds it: the first four bytes of w,
 * the first in the lowest byte.  Written without a loop so that with a
 * literal w it folds to a constant (the compiler does not unroll the
 * loop). */
static inline uint32_t dt_key_byte(const char *w, unsigned q)
{
    return (uint32_t)(unsigned char)w[q] << (8 * q);
}

static inline uint32_t dt_word_key(const char *w)
{
    uint32_t k = 0;
    if (w[0]) {
        k |= dt_key_byte(w, 0);
        if (w[1]) {
            k |= dt_key_byte(w, 1);
            if (w[2]) {
                k |= dt_key_byte(w, 2);
                if (w[3])
                    k |= dt_key_byte(w, 3);
            }
        }
    }
    return k;
}

/* The lexicon: a read-only hash of lowercase words, built once. */
typedef struct dt_lexicon dt_lexicon;

/* Builds the lexicon.  Caller frees with dt_lexicon_free(); NULL when out of
 * memory. */
dt_lexicon *dt_lexicon_new(void);
void dt_lexicon_free(dt_lexicon *lx);

struct dt_work;

/* Tokenizes text[0..len), with the host's decoding and character classes
 * beyond ASCII, into w (dt_work.h): w->toks receives the tokens and
 * w->trig the indices of the tokens that are triggers (dt_is_trigger()),
 * ascending, *ntrig of them: the matcher visits those only, about one token
 * in fifty.  Returns the number of tokens, or (size_t)-1 when memory runs
 * out.  Reentrant: lx is only read. */
size_t dt_tokenize(const ann_host *host, const dt_lexicon *lx, const char *text, size_t len,
                   struct dt_work *w, size_t *ntrig);

/* True when the token may start a closer look: a number or a time word
 * (not a number word, an ordinal or a word that only opens expressions).
 * The matcher asks this of every token, so it is one test of a class mask
 * with one branch, not a chain of comparisons. */
#define DT_TRIGGER_CLASSES                                                                    \
    ((1u << DT_C_MONTH) | (1u << DT_C_WEEKDAY) | (1u << DT_C_UNIT) | (1u << DT_C_PARTDAY) |   \
     (1u << DT_C_DAYTIME) | (1u << DT_C_RELDAY) | (1u << DT_C_REFADV) | (1u << DT_C_SETADV) | \
     (1u << DT_C_SEASON) | (1u << DT_C_HOLIDAY) | (1u << DT_C_FISCAL) | (1u << DT_C_PERIOD) | \
     (1u << DT_C_DECADE))

static inline int dt_is_trigger(const dt_tok *t)
{
    return (t->kind == DT_K_NUM) | ((DT_TRIGGER_CLASSES >> (t->cls & 31u)) & 1u) |
           ((t->cls == DT_C_NUMWORD) & (t->sub != 0));
}

#endif
