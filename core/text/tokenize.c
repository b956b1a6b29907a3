/*
 * tokenize.c -- the shared tokenizer: a hand-written byte scanner.
 *
 * Conventions (CoNLL-2003, since the entities model was trained on them):
 * abbreviations and letter-period chains keep their period ("U.S.", "Corp.");
 * numbers with separators are one token ("85,810", "1996-08-22", "10:30");
 * clitics split ("Renault" + "'s", "do" + "n't") but "O'Neil" stays whole;
 * hyphenated words are one token; quotes, brackets and dashes stand alone;
 * "..." and "…" are one token.  Sentences are found afterwards by
 * sentences.c, one block at a time.
 *
 * ASCII bytes are classified through a table; only non-ASCII characters are
 * decoded and looked up in utf8proc.  Plain ASCII words followed by a space
 * or simple punctuation (most tokens) take a fast path, fast_token(), that
 * reads eight bytes a step; everything else goes through scan_token().  The
 * two give the same tokens (checked on the bench documents and random text
 * while writing this; keep them in step when changing either).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "text/abbrev.h"
#include "text/chars.h"
#include "text/sentences.h"
#include "text/tokenize.h"
#include "util/grow.h"

#define ALNUM (ANN_CC_LETTER | ANN_CC_DIGIT)

/* The text of one block: scanning never looks at or past lim. */
typedef struct scanner {
    const unsigned char *s;
    size_t start; /* the block's first byte */
    size_t lim;
    unsigned seen; /* classes of the last word scanned, 0 if not known */
    int depth;     /* nesting of scan_word() joining "U.S.-based" */
} scanner;

/* How many abbreviation-hyphen joins one token may chain ("U.S.-led"); the
 * bound keeps the recursion shallow on input like "A.B.-A.B.-A.B.-...". */
#define MAX_JOIN_DEPTH 4

static inline unsigned cls(const scanner *sc, size_t i, size_t *n)
{
    return ann_chars_class_at(sc->s, sc->lim, i, n);
}

/* Class of the character ending just before i (0 at the text start). */
static unsigned cls_before(const scanner *sc, size_t i)
{
    if (i == 0)
        return 0;
    if (sc->s[i - 1] < 0x80)
        return ann_char_class(sc->s[i - 1]);
    size_t n;
    return ann_char_class(ann_chars_decode_prev(sc->s, i, &n));
}

/* Length of an apostrophe (' or U+2019) at i, else 0. */
static size_t apostrophe_at(const scanner *sc, size_t i)
{
    if (i >= sc->lim)
        return 0;
    if (sc->s[i] == '\'')
        return 1;
    if (sc->s[i] == 0xE2 && i + 2 < sc->lim && sc->s[i + 1] == 0x80 && sc->s[i + 2] == 0x99)
        return 3;
    return 0;
}

static int lower_ascii(unsigned char c)
{
    return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

/* Whether an apostrophe at i closes a quotation: one not followed by a
 * letter ("'s'" is a quoted s, "I'd've" two clitics). */
static int quote_closes_at(const scanner *sc, size_t i)
{
    size_t a = apostrophe_at(sc, i), n;
    return a != 0 && !(cls(sc, i + a, &n) & ANN_CC_LETTER);
}

/* Whether the letters s[a..b) form an English clitic that follows an
 * apostrophe: 's 're 've 'll 'd 'm (any case). */
static int is_clitic(const unsigned char *s, size_t a, size_t b)
{
    size_t n = b - a;
    if (n == 1) {
        int c = lower_ascii(s[a]);
        return c == 's' || c == 'd' || c == 'm';
    }
    if (n == 2) {
        int c0 = lower_ascii(s[a]), c1 = lower_ascii(s[a + 1]);
        return (c0 == 'r' && c1 == 'e') || (c0 == 'v' && c1 == 'e') || (c0 == 'l' && c1 == 'l');
    }
    return 0;
}

/* End of the run of letters starting at i. */
static size_t letters_end(const scanner *sc, size_t i)
{
    size_t n;
    while (i < sc->lim && (cls(sc, i, &n) & ANN_CC_LETTER))
        i += n;
    return i;
}

/* "n't" (or "n’t", any case) at i, not followed by a letter or digit:
 * returns its length, else 0. */
static size_t nt_at(const scanner *sc, size_t i)
{
    if (i >= sc->lim || lower_ascii(sc->s[i]) != 'n')
        return 0;
    size_t a = apostrophe_at(sc, i + 1);
    if (a == 0 || i + 1 + a >= sc->lim || lower_ascii(sc->s[i + 1 + a]) != 't')
        return 0;
    size_t e = i + 2 + a, n;
    if (cls(sc, e, &n) & ALNUM)
        return 0;
    return e - i;
}

/* An e-mail address starting at i: returns its end, or 0. */
static size_t email_at(const scanner *sc, size_t i)
{
    const unsigned char *s = sc->s;
    size_t j = i;
    /* The local part is at most 64 bytes (RFC 5321); the bound also keeps
     * "ab.ab.ab...." from being rescanned at every word. */
    size_t cap = sc->lim - i > 64 ? i + 64 : sc->lim;
    while (j < cap && (((ann_char_class(s[j]) & ALNUM) && s[j] < 0x80) || s[j] == '.' ||
                       s[j] == '_' || s[j] == '+' || s[j] == '-' || s[j] == '%'))
        j++;
    if (j == i || j >= sc->lim || s[j] != '@')
        return 0;
    j++;
    size_t dots = 0, last_ok = 0;
    size_t dcap = sc->lim - j > 255 ? j + 255 : sc->lim;
    while (j < dcap) {
        unsigned char c = s[j];
        if (c < 0x80 && (ann_char_class(c) & ALNUM)) {
            j++;
            if (dots > 0)
                last_ok = j;
        } else if (c == '-') {
            j++;
        } else if (c == '.' && j + 1 < sc->lim && s[j + 1] < 0x80 &&
                   (ann_char_class(s[j + 1]) & ALNUM)) {
            dots++;
            j++;
        } else {
            break;
        }
    }
    return dots > 0 ? last_ok : 0;
}

static int has_prefix(const scanner *sc, size_t i, const char *p)
{
    size_t n = strlen(p);
    return i + n <= sc->lim && memcmp(sc->s + i, p, n) == 0;
}

/* A URL starting at i (http://, https://, www.): returns its end, or 0.  It
 * runs to white space or a non-ASCII character and drops trailing
 * punctuation, which belongs to the sentence. */
static size_t url_at(const scanner *sc, size_t i)
{
    size_t j;
    if (has_prefix(sc, i, "http://"))
        j = i + 7;
    else if (has_prefix(sc, i, "https://"))
        j = i + 8;
    else if (has_prefix(sc, i, "www."))
        j = i + 4;
    else
        return 0;
    size_t body = j;
    while (j < sc->lim && sc->s[j] > 0x20 && sc->s[j] < 0x7F && sc->s[j] != '"' &&
           sc->s[j] != '<' && sc->s[j] != '>')
        j++;
    while (j > body && strchr(".,;:!?)]}'", sc->s[j - 1]) != NULL)
        j--;
    return j > body ? j : 0;
}

/* A chain of single letters each followed by a period ("U.S.", "e.g.",
 * "J.") starting at i: returns the number of letter-period pairs and stores
 * the end in *end. */
static size_t letter_chain(const scanner *sc, size_t i, size_t *end)
{
    size_t pairs = 0, n;
    while (i < sc->lim) {
        unsigned c = cls(sc, i, &n);
        if (!(c & ANN_CC_LETTER) || (c & ANN_CC_MARK))
            break;
        if (i + n >= sc->lim || sc->s[i + n] != '.')
            break;
        pairs++;
        i += n + 1;
        *end = i;
    }
    return pairs;
}

/* Whether the abbreviation "No" before a period is really one: only when a
 * number follows ("No. 1"). */
static int number_follows(const scanner *sc, size_t i)
{
    while (i < sc->lim && sc->s[i] == ' ')
        i++;
    return i < sc->lim && sc->s[i] >= '0' && sc->s[i] <= '9';
}

/* Whether only blanks separate i from the start of its line or block. */
static int at_line_start(const scanner *sc, size_t i)
{
    while (i > sc->start && (sc->s[i - 1] == ' ' || sc->s[i - 1] == '\t'))
        i--;
    return i == sc->start || sc->s[i - 1] == '\n';
}

static int all_upper_ascii(const unsigned char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] < 'A' || s[i] > 'Z')
            return 0;
    return 1;
}

/* A word, number or alphanumeric mix starting at i (a letter or digit). */
static size_t scan_word(scanner *sc, size_t i, uint16_t *kind)
{
    const unsigned char *s = sc->s;
    size_t n, end;

    unsigned char b0 = s[i];
    if (b0 == 'h' || b0 == 'w') {
        size_t u = url_at(sc, i);
        if (u) {
            *kind = ANN_TOK_OTHER;
            return u;
        }
    }
    if (b0 == 'n' || b0 == 'N') {
        size_t nt = nt_at(sc, i);
        if (nt && (cls_before(sc, i) & ANN_CC_LETTER)) {
            *kind = ANN_TOK_WORD;
            return i + nt;
        }
    }
    size_t pairs = 0;
    unsigned first = cls(sc, i, &n);
    if (i + n < sc->lim && s[i + n] == '.')
        pairs = letter_chain(sc, i, &end);
    if (pairs >= 2) {
        *kind = ANN_TOK_WORD;
        /* "U.S.-based" is one hyphenated word */
        if (sc->depth < MAX_JOIN_DEPTH && end + 1 < sc->lim && s[end] == '-' &&
            (cls(sc, end + 1, &n) & ALNUM)) {
            uint16_t k2;
            sc->depth++;
            size_t e2 = scan_word(sc, end + 1, &k2);
            sc->depth--;
            sc->seen = 0;
            return e2;
        }
        return end;
    }
    if (pairs == 1 && (first & ANN_CC_UPPER)) {
        /* A single capital initial, "J." -- unless the letter is the start of
         * something longer such as "A.320"; letter_chain() saw a period. */
        *kind = ANN_TOK_WORD;
        return end;
    }

    unsigned seen = 0; /* union of the classes taken */
    size_t j = i;
    unsigned last = 0; /* class of the last character taken */
    for (;;) {
        while (j < sc->lim) {
            unsigned c;
            if (s[j] < 0x80) {
                /* the common case, kept tight */
                c = ann_chars_ascii[s[j]];
                if (!(c & ALNUM))
                    break;
                j++;
            } else {
                c = ann_chars_class_slow(s, sc->lim, j, &n);
                if (!(c & ALNUM))
                    break;
                j += n;
            }
            seen |= c;
            last = c;
        }
        if (j >= sc->lim)
            break;
        unsigned char b = s[j];
        if (b < 0x80 && (ann_chars_ascii[b] & ANN_CC_SPACE))
            break; /* the common end of a word */
        size_t a;
        if (b == '-' || (b == 0xE2 && j + 2 < sc->lim && s[j + 1] == 0x80 &&
                         (s[j + 2] == 0x90 || s[j + 2] == 0x91))) {
            /* Inner hyphen (or U+2010/U+2011) between letters or digits. */
            size_t h = b == '-' ? 1 : 3;
            if (cls(sc, j + h, &n) & ALNUM) {
                j += h;
                continue;
            }
            if (b == '-' && (j + 1 == sc->lim || s[j + 1] == ' ' || s[j + 1] == '\n')) {
                j++; /* a suspended hyphen keeps to its word: "multi- ethnic" */
                goto done;
            }
            break;
        }
        if (b == ',' || b == '.' || b == ':' || b == '/') {
            /* A separator inside a number: 85,810  3.5  10:30  1/2. */
            if ((last & ANN_CC_DIGIT) && j + 1 < sc->lim && s[j + 1] >= '0' && s[j + 1] <= '9') {
                j++;
                continue;
            }
            /* "john.smith@..." -- but not the common "word. Next" */
            if (b == '.' && j + 1 < sc->lim && (ann_chars_ascii[s[j + 1]] & ALNUM))
                goto maybe_email;
            break;
        }
        if ((b == '\'' || b == 0xE2) && (a = apostrophe_at(sc, j)) != 0) {
            if (!(last & ANN_CC_LETTER))
                break; /* 1990's: "1990" + "'s" */
            size_t k = j + a, e = letters_end(sc, k);
            if (e == k)
                break; /* companies' */
            if (!(cls(sc, e, &n) & ANN_CC_DIGIT)) {
                if (is_clitic(s, k, e))
                    break; /* Renault's, we're */
                if (e - k == 1 && lower_ascii(s[k]) == 't' && j > i + 1 &&
                    lower_ascii(s[j - 1]) == 'n') {
                    j--; /* don't: "do" + "n't" */
                    break;
                }
            }
            j = k; /* O'Neil */
            continue;
        }
        if (b == '&') {
            /* AT&T, S&P */
            if ((last & ANN_CC_UPPER) && (cls(sc, j + 1, &n) & ANN_CC_UPPER)) {
                j++;
                continue;
            }
            break;
        }
        if (b == '@' || b == '_' || b == '+')
            goto maybe_email;
        break;
    }
    goto done;

maybe_email : {
    size_t e = email_at(sc, i);
    if (e) {
        *kind = ANN_TOK_OTHER;
        return e;
    }
}

done:;
    sc->seen = seen;
    int has_letter = (seen & ANN_CC_LETTER) != 0, has_digit = (seen & ANN_CC_DIGIT) != 0;
    if (j < sc->lim && s[j] == '.' && has_letter && !has_digit) {
        ann_abbrev_kind k = ann_abbrev_lookup((const char *)s + i, j - i);
        if (k != ANN_ABBR_NONE && (k != ANN_ABBR_NUMERO || number_follows(sc, j + 1))) {
            j++;
            /* "Mo.-based" is one hyphenated word */
            if (sc->depth < MAX_JOIN_DEPTH && j + 1 < sc->lim && s[j] == '-' &&
                (cls(sc, j + 1, &n) & ALNUM)) {
                uint16_t k2;
                sc->depth++;
                j = scan_word(sc, j + 1, &k2);
                sc->depth--;
                sc->seen = 0;
                *kind = ANN_TOK_WORD;
                return j;
            }
        }
    } else if (j < sc->lim && (s[j] == '.' || s[j] == '=') && has_digit && !has_letter &&
               j - i <= 3 && (j + 1 == sc->lim || s[j + 1] == ' ') && at_line_start(sc, i)) {
        j++; /* a rank opening a line of results: "1. Michelle Freeman", "1= Igor" */
    } else if (j < sc->lim && s[j] == '$' && has_letter && !has_digit && j - i <= 3 &&
               all_upper_ascii(s + i, j - i)) {
        *kind = ANN_TOK_SYMBOL; /* C$ US$ HK$ */
        sc->seen = seen | ANN_CC_SYMBOL;
        return j + 1;
    }
    if (has_letter && has_digit)
        *kind = ANN_TOK_OTHER;
    else if (has_digit)
        *kind = ANN_TOK_NUMBER;
    else
        *kind = ANN_TOK_WORD;
    return j;
}

/* One token starting at i, which is not white space.  Returns its end. */
static size_t scan_token(scanner *sc, size_t i, uint16_t *kind)
{
    const unsigned char *s = sc->s;
    size_t n, a;
    unsigned c = cls(sc, i, &n);

    if (c & ALNUM)
        return scan_word(sc, i, kind);

    if (s[i] == '.') {
        /* .5 is a number when nothing alphanumeric precedes it */
        if (i + 1 < sc->lim && s[i + 1] >= '0' && s[i + 1] <= '9' && !(cls_before(sc, i) & ALNUM)) {
            size_t e = scan_word(sc, i + 1, kind);
            if (*kind == ANN_TOK_NUMBER)
                return e;
            sc->seen = 0;
        }
        size_t j = i;
        while (j < sc->lim && s[j] == '.')
            j++;
        *kind = ANN_TOK_PUNCT;
        return j; /* "." or an ellipsis "..." */
    }
    if ((s[i] == '+' || s[i] == '-') && i + 1 < sc->lim && s[i + 1] >= '0' && s[i + 1] <= '9' &&
        !(cls_before(sc, i) & ALNUM)) {
        /* a signed number: +44, -0.5 */
        size_t e = scan_word(sc, i + 1, kind);
        if (*kind == ANN_TOK_NUMBER)
            return e;
        sc->seen = 0;
    }
    if (s[i] == '-' || s[i] == '`') {
        /* "--" and "``" are one token */
        size_t j = i;
        while (j < sc->lim && s[j] == s[i])
            j++;
        *kind = ANN_TOK_PUNCT;
        return j;
    }
    if ((a = apostrophe_at(sc, i)) != 0) {
        unsigned before = cls_before(sc, i);
        size_t k = i + a, e = letters_end(sc, k);
        /* A clitic split off the word before it: 's 're 've 'll 'd 'm.  It
         * may also follow a space, as in text that was tokenized before. */
        if (e > k && ((before & (ALNUM | ANN_CC_SPACE)) || (i > 0 && s[i - 1] == '.')) &&
            is_clitic(s, k, e) && !(cls(sc, e, &n) & ALNUM) && !quote_closes_at(sc, e)) {
            *kind = ANN_TOK_WORD;
            return e;
        }
        /* '90s, ’96: the apostrophe stands for the century. */
        if (!(before & ALNUM) && k + 2 <= sc->lim && s[k] >= '0' && s[k] <= '9' &&
            k + 1 < sc->lim && s[k + 1] >= '0' && s[k + 1] <= '9' &&
            !(k + 2 < sc->lim && s[k + 2] >= '0' && s[k + 2] <= '9')) {
            uint16_t kk;
            size_t w = scan_word(sc, k, &kk);
            *kind = kk;
            return w;
        }
        *kind = ANN_TOK_PUNCT;
        return i + a;
    }
    if (c & ANN_CC_PUNCT)
        *kind = ANN_TOK_PUNCT;
    else if (c & ANN_CC_SYMBOL)
        *kind = ANN_TOK_SYMBOL;
    else
        *kind = ANN_TOK_OTHER;
    return i + n;
}

/* Flags that depend on the token's own characters. */
static uint16_t char_flags(const scanner *sc, size_t a, size_t b)
{
    uint16_t f = 0;
    size_t n;
    unsigned seen = 0;
    if (cls(sc, a, &n) & ANN_CC_UPPER)
        f |= ANN_TOKF_UPPER_INIT;
    for (size_t i = a; i < b;) {
        if (sc->s[i] < 0x80) {
            seen |= ann_chars_ascii[sc->s[i]];
            i++;
        } else {
            seen |= ann_chars_class_slow(sc->s, sc->lim, i, &n);
            i += n;
        }
    }
    if (seen & ANN_CC_DIGIT)
        f |= ANN_TOKF_HAS_DIGIT;
    if ((seen & ANN_CC_UPPER) && !(seen & ANN_CC_LOWER))
        f |= ANN_TOKF_ALL_UPPER;
    return f;
}

/* Bytes that end a plain ASCII word without ever joining it to more. */
static int plain_end(unsigned char b, unsigned seen)
{
    switch (b) {
    case ' ':
    case '\n':
    case '\t':
    case '\r':
    case ';':
    case ')':
    case ']':
    case '!':
    case '?':
    case '"':
        return 1;
    case ',':
        return !(seen & ANN_CC_DIGIT); /* 85,810 */
    default:
        return 0;
    }
}

#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define ANN_SWAR 1
#endif

#ifdef ANN_SWAR
/* Eight bytes at a time ("SIMD within a register"): for each byte of v
 * whose value lies in [lo, hi], the byte's top bit in the result.  v must
 * have its top bits cleared; the sums then never carry into the next
 * byte. */
#define SWAR_ONES 0x0101010101010101ull
#define SWAR_HIGH 0x8080808080808080ull
static inline uint64_t swar_range(uint64_t v7, unsigned lo, unsigned hi)
{
    uint64_t ge = (v7 + SWAR_ONES * (0x80u - lo)) & SWAR_HIGH;
    uint64_t gt = (v7 + SWAR_ONES * (0x7Fu - hi)) & SWAR_HIGH;
    return ge & ~gt;
}
#endif

/* End of the run of ASCII letters and digits from i; the union of their
 * classes goes to *seen.  The common inner loop of the tokenizer, so it
 * looks at eight bytes a step where it can: the word's end then costs one
 * branch instead of one per byte. */
static inline size_t ascii_word_end(const unsigned char *s, size_t j, size_t lim, unsigned *seen)
{
    unsigned acc = 0;
#ifdef ANN_SWAR
    while (j + 8 <= lim) {
        uint64_t v;
        memcpy(&v, s + j, 8);
        uint64_t v7 = v & ~SWAR_HIGH;
        uint64_t digit = swar_range(v7, '0', '9'), upper = swar_range(v7, 'A', 'Z');
        uint64_t lower = swar_range(v7, 'a', 'z');
        uint64_t alnum = (digit | upper | lower) & ~(v & SWAR_HIGH);
        uint64_t stop = ~alnum & SWAR_HIGH;
        uint64_t keep = ~0ull;
        unsigned take = 8;
        if (stop != 0) {
            take = (unsigned)__builtin_ctzll(stop) >> 3;
            keep = take ? (1ull << (take * 8)) - 1 : 0;
        }
        if (digit & keep)
            acc |= ANN_CC_DIGIT;
        if (upper & keep)
            acc |= ANN_CC_LETTER | ANN_CC_UPPER;
        if (lower & keep)
            acc |= ANN_CC_LETTER | ANN_CC_LOWER;
        j += take;
        if (take < 8) {
            *seen = acc;
            return j;
        }
    }
#endif
    while (j < lim && (ann_chars_ascii[s[j]] & ALNUM))
        acc |= ann_chars_ascii[s[j++]];
    *seen = acc;
    return j;
}

/* The common cases without the full scanner: a plain ASCII word or number
 * followed by white space or simple punctuation, or one ASCII punctuation
 * or symbol character that never joins anything.  Gives the same tokens
 * as scan_token(), only faster; returns 0 when the full scanner must
 * decide. */
static size_t fast_token(scanner *sc, size_t i, uint16_t *kind)
{
    const unsigned char *s = sc->s;
    unsigned char b = s[i];
    if (b >= 0x80)
        return 0;
    unsigned c = ann_chars_ascii[b];
    if (c & ALNUM) {
        unsigned seen = 0;
        size_t j = ascii_word_end(s, i, sc->lim, &seen);
        if (j < sc->lim && !plain_end(s[j], seen))
            return 0;
        sc->seen = seen;
        if ((seen & ANN_CC_LETTER) && (seen & ANN_CC_DIGIT))
            *kind = ANN_TOK_OTHER;
        else if (seen & ANN_CC_DIGIT)
            *kind = ANN_TOK_NUMBER;
        else
            *kind = ANN_TOK_WORD;
        return j;
    }
    switch (b) {
    case '.':
    case '-':
    case '+':
    case '`':
    case '\'':
        return 0;
    default:
        break;
    }
    if (c & ANN_CC_PUNCT)
        *kind = ANN_TOK_PUNCT;
    else if (c & ANN_CC_SYMBOL)
        *kind = ANN_TOK_SYMBOL;
    else
        return 0;
    return i + 1;
}

typedef struct tok_vec {
    ann_token *v;
    size_t n, cap;
    uint32_t *cand; /* tokens of the current block the splitter must see */
    size_t n_cand, cap_cand;
} tok_vec;

/* Whether the sentence splitter needs to look at a token: a possible end
 * (". ! ? …", "Corp.") or a double quote, whose count it keeps. */
static int splitter_needs(const unsigned char *s, size_t a, size_t b, uint16_t kind)
{
    unsigned char c = s[a];
    if (c == '.' || c == '!' || c == '?' || c == '"' || c == 0xE2)
        return 1;
    return kind == ANN_TOK_WORD && s[b - 1] == '.';
}

static int cand_push(tok_vec *t, size_t k)
{
    uint32_t *g = ann_grow(t->cand, t->n_cand, &t->cap_cand, sizeof *g, 64);
    if (g == NULL)
        return ANN_ENOMEM;
    t->cand = g;
    t->cand[t->n_cand++] = (uint32_t)k;
    return ANN_OK;
}

static int tok_push(tok_vec *t, ann_token tok)
{
    ann_token *g = ann_grow(t->v, t->n, &t->cap, sizeof *g, 256);
    if (g == NULL)
        return ANN_ENOMEM;
    t->v = g;
    t->v[t->n++] = tok;
    return ANN_OK;
}

/* Tokenizes one block [start, end) and appends to *t; with line_breaks the
 * last token of each line goes to the splitter. */
static int tokenize_block(const unsigned char *s, size_t start, size_t end, int line_breaks,
                          tok_vec *t)
{
    scanner sc = {s, start, end, 0, 0};
    size_t i = start, n;
    int first = 1, newline = 0;
    size_t block_first = t->n;
    int space = (cls_before(&sc, i) & ANN_CC_SPACE) != 0;
    while (i < end) {
        if (s[i] < 0x80) {
            if (ann_chars_ascii[s[i]] & ANN_CC_SPACE) {
                newline |= s[i] == '\n';
                i++;
                space = 1;
                continue;
            }
            if (s[i] < 0x20 || s[i] == 0x7F) {
                i++; /* control characters are not tokens */
                continue;
            }
        } else if (cls(&sc, i, &n) & ANN_CC_SPACE) {
            i += n;
            space = 1;
            continue;
        }
        uint16_t kind = ANN_TOK_OTHER;
        sc.seen = 0;
        size_t e = fast_token(&sc, i, &kind);
        if (e == 0)
            e = scan_token(&sc, i, &kind);
        if (e <= i)
            e = i + 1; /* cannot happen; guarantees progress */
        uint16_t f;
        if (sc.seen != 0) {
            /* scan_word() saw every character: no second pass */
            f = 0;
            if (cls(&sc, i, &n) & ANN_CC_UPPER)
                f |= ANN_TOKF_UPPER_INIT;
            if (sc.seen & ANN_CC_DIGIT)
                f |= ANN_TOKF_HAS_DIGIT;
            if ((sc.seen & ANN_CC_UPPER) && !(sc.seen & ANN_CC_LOWER))
                f |= ANN_TOKF_ALL_UPPER;
        } else if (e == i + 1 && s[i] < 0x80) {
            f = 0; /* one ASCII punctuation or symbol character */
        } else {
            f = char_flags(&sc, i, e);
        }
        if (space)
            f |= ANN_TOKF_SPACE_BEFORE;
        space = 0;
        if (first)
            f |= ANN_TOKF_PARA_START;
        first = 0;
        /* the last token of a line may end a sentence by the line break */
        if (newline && line_breaks && t->n > block_first &&
            (t->n_cand == 0 || t->cand[t->n_cand - 1] != t->n - 1) &&
            cand_push(t, t->n - 1) != ANN_OK)
            return ANN_ENOMEM;
        newline = 0;
        if (splitter_needs(s, i, e, kind) && cand_push(t, t->n) != ANN_OK)
            return ANN_ENOMEM;
        if (tok_push(t, (ann_token){(uint32_t)i, (uint32_t)e, kind, f, 0}) != ANN_OK)
            return ANN_ENOMEM;
        i = e;
    }
    return ANN_OK;
}

int ann_tokenize(const char *text, size_t len, const ann_region *blocks, size_t n_blocks,
                 ann_tokenized *out)
{
    return ann_tokenize_lines(text, len, blocks, n_blocks, 1, out);
}

int ann_tokenize_lines(const char *text, size_t len, const ann_region *blocks, size_t n_blocks,
                       int line_breaks, ann_tokenized *out)
{
    memset(out, 0, sizeof *out);
    if (len > UINT32_MAX)
        return ANN_EINVAL; /* offsets are 32-bit in the ABI */
    ann_region *own = NULL;
    if (blocks == NULL) {
        size_t nb = ann_split_paragraphs(text, len, &own);
        if (nb == (size_t)-1)
            return ANN_ENOMEM;
        blocks = own;
        n_blocks = nb;
    }
    const unsigned char *s = (const unsigned char *)text;
    tok_vec t = {NULL, 0, 0, NULL, 0, 0};
    /* English prose averages about five bytes a token: start just above
     * so the array is seldom copied. */
    t.cap = len / 4 + 64;
    t.v = malloc(t.cap * sizeof *t.v);
    if (t.v == NULL)
        t.cap = 0;
    ann_region *paras = malloc((n_blocks ? n_blocks : 1) * sizeof *paras);
    ann_sentence_vec sv = {NULL, 0, 0};
    int rc = ANN_ENOMEM;
    if (paras == NULL)
        goto fail;
    for (size_t b = 0; b < n_blocks; b++) {
        size_t bs = blocks[b].start, be = blocks[b].end;
        if (be > len)
            be = len;
        if (bs > be)
            bs = be;
        size_t first = t.n;
        t.n_cand = 0;
        if (tokenize_block(s, bs, be, line_breaks, &t) != ANN_OK)
            goto fail;
        paras[b] = (ann_region){(uint32_t)bs, (uint32_t)be, (uint32_t)first, (uint32_t)t.n};
        if (ann_split_sentences(text, t.v, first, t.n, t.cand, t.n_cand, &sv) != ANN_OK)
            goto fail;
    }
    free(own);
    free(t.cand);
    if (t.cap > t.n + t.n / 16 + 64) {
        /* give back what the first estimate over-reserved */
        ann_token *g = realloc(t.v, (t.n ? t.n : 1) * sizeof *g);
        if (g != NULL)
            t.v = g;
    }
    out->tokens = t.v;
    out->n_tokens = t.n;
    out->sentences = sv.v;
    out->n_sentences = sv.n;
    out->paragraphs = paras;
    out->n_paragraphs = n_blocks;
    return ANN_OK;
fail:
    free(own);
    free(t.cand);
    free(t.v);
    free(sv.v);
    free(paras);
    return rc;
}

void ann_tokenized_free(ann_tokenized *t)
{
    if (t == NULL)
        return;
    free(t->tokens);
    free(t->sentences);
    free(t->paragraphs);
    memset(t, 0, sizeof *t);
}
