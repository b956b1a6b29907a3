/*
 * num_text.h -- byte-level helpers of the numbers scanner: character
 * classes, word boundaries, white space, the words around a position and
 * sentence starts.  All static inline: they sit on the hot path of every
 * module of the scanner, and a header keeps them in one place.
 *
 * Offsets are bytes into the text view; NOPOS means "none".  Nothing here
 * allocates or keeps state.
 */
#ifndef NUM_TEXT_H
#define NUM_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "num_lex.h"

#define NOPOS ((size_t)-1)

/* The text being scanned; all pointers borrowed for one num_scan() call. */
typedef struct scan {
    const num_lex *lx; /* the word index */
    const char *t;     /* text view bytes */
    size_t n;          /* their number */
} scan;

/* The byte at i, or 0 past the end: lets look-ahead code skip bounds checks. */
static inline unsigned char at(const scan *s, size_t i)
{
    return i < s->n ? (unsigned char)s->t[i] : 0;
}

static inline bool is_dig(unsigned char c)
{
    return (unsigned)(c - '0') < 10u;
}

static inline bool is_alpha(unsigned char c)
{
    return (unsigned)((c | 0x20) - 'a') < 26u;
}

static inline bool is_upper(unsigned char c)
{
    return (unsigned)(c - 'A') < 26u;
}

/* A UTF-8 lead byte of a letter block we meet in English text (Latin-1
 * supplement and extended Latin, Greek, Cyrillic). */
static inline bool is_letter_lead(unsigned char c)
{
    return (c >= 0xC3 && c <= 0xCA) || (c >= 0xCE && c <= 0xD4);
}

/* Is the character ending just before p part of a word (letter, digit, _)? */
static inline bool prev_is_wordch(const scan *s, size_t p)
{
    if (p == 0)
        return false;
    unsigned char c = at(s, p - 1);
    if (is_alpha(c) || is_dig(c) || c == '_')
        return true;
    if (c < 0x80)
        return false;
    size_t i = p - 1;
    while (i > 0 && (at(s, i) & 0xC0) == 0x80 && p - i < 4)
        i--;
    return is_letter_lead(at(s, i));
}

static inline bool next_is_wordch(const scan *s, size_t p)
{
    unsigned char c = at(s, p);
    return is_alpha(c) || is_dig(c) || c == '_' || is_letter_lead(c);
}

/* Length of a space-like character at p (space, tab, CR, NBSP, thin or
 * narrow no-break space), 0 if none.  Newlines are handled by skip_ws. */
static inline size_t space_len(const scan *s, size_t p)
{
    unsigned char c = at(s, p);
    if (c == ' ' || c == '\t' || c == '\r')
        return 1;
    if (c == 0xC2 && at(s, p + 1) == 0xA0)
        return 2;
    if (c == 0xE2 && at(s, p + 1) == 0x80 && (at(s, p + 2) == 0x89 || at(s, p + 2) == 0xAF))
        return 3;
    return 0;
}

/* Skips white space holding at most one line break.  Returns the position
 * after it (p itself when there is none), or NOPOS at a paragraph break. */
static inline size_t skip_ws(const scan *s, size_t p)
{
    int nl = 0;
    for (;;) {
        size_t l = space_len(s, p);
        if (l) {
            p += l;
            continue;
        }
        if (at(s, p) == '\n') {
            if (++nl > 1)
                return NOPOS;
            p++;
            continue;
        }
        return p;
    }
}

/* The lexicon entry of the ASCII word starting at p (end in *end), or NULL
 * when the word is unknown or runs on into digits or non-ASCII letters. */
static inline const num_word *word_at(const scan *s, size_t p, size_t *end)
{
    size_t e = p;
    while (e < s->n && is_alpha(at(s, e)))
        e++;
    *end = e;
    if (e == p || next_is_wordch(s, e))
        return NULL;
    return num_lex_find(s->lx, s->t + p, e - p);
}

/* The word after white space from p: its entry (or NULL), start and end.
 * *ws is NOPOS when no word follows. */
static inline const num_word *next_word(const scan *s, size_t p, size_t *ws, size_t *we)
{
    size_t q = skip_ws(s, p);
    *ws = NOPOS;
    *we = p;
    if (q == NOPOS || q == p || !is_alpha(at(s, q)))
        return NULL;
    *ws = q;
    return word_at(s, q, we);
}

/* Is the word at p lower case (first letter)? */
static inline bool lower_at(const scan *s, size_t p)
{
    return !is_upper(at(s, p));
}

/* The word ending at or before p (skipping spaces): entry, start.  Only
 * looks back over plain spaces; NULL/NOPOS otherwise. */
static inline const num_word *prev_word(const scan *s, size_t p, size_t *ws)
{
    size_t i = p;
    *ws = NOPOS;
    while (i > 0 && (at(s, i - 1) == ' ' || at(s, i - 1) == '\t'))
        i--;
    if (i == p && p > 0 && is_alpha(at(s, p - 1)) == false)
        return NULL;
    size_t e = i;
    while (i > 0 && is_alpha(at(s, i - 1)))
        i--;
    if (i == e || prev_is_wordch(s, i))
        return NULL;
    *ws = i;
    return num_lex_find(s->lx, s->t + i, e - i);
}

/* Does a sentence start at p (only opening quotes/brackets and spaces
 * between p and the previous sentence end, line start or text start)? */
static inline bool sentence_initial(const scan *s, size_t p)
{
    size_t i = p;
    for (;;) {
        if (i == 0)
            return true;
        unsigned char c = at(s, i - 1);
        if (c == ' ' || c == '\t' || c == '"' || c == '\'' || c == '`' || c == '(' || c == '[') {
            i--;
            continue;
        }
        /* “ ‘ (E2 80 9C / 98) and em/en dash leads of headlines */
        if (i >= 3 && at(s, i - 3) == 0xE2 && at(s, i - 2) == 0x80 &&
            (c == 0x9C || c == 0x98 || c == 0x94 || c == 0x93)) {
            i -= 3;
            continue;
        }
        if (c == 0xA0 && i >= 2 && at(s, i - 2) == 0xC2) {
            i -= 2;
            continue;
        }
        if (c == '\n' || c == '\r' || c == '.' || c == '!' || c == '?' || c == ':' || c == ';')
            return true;
        /* closing quote after sentence punctuation: ." .” */
        if ((c == '"' || (i >= 3 && at(s, i - 3) == 0xE2 && (c == 0x9D || c == 0x99))) && i >= 2) {
            size_t j = c == '"' ? i - 1 : i - 3;
            unsigned char d = at(s, j - 1);
            return j > 0 && (d == '.' || d == '!' || d == '?');
        }
        return false;
    }
}

static inline bool word_is(const scan *s, size_t ws, size_t we, const char *w)
{
    size_t n = strlen(w);
    if (we - ws != n)
        return false;
    for (size_t i = 0; i < n; i++)
        if ((at(s, ws + i) | 0x20) != (unsigned char)w[i])
            return false;
    return true;
}

/* Skips an identifier-like chain of letters, digits and . - / : at p. */
static inline size_t skip_chain(const scan *s, size_t p)
{
    size_t q = p;
    for (;;) {
        unsigned char c = at(s, q);
        if (is_alpha(c) || is_dig(c) || c == '_')
            q++;
        else if ((c == '.' || c == '-' || c == '/' || c == ':') && (is_dig(at(s, q + 1)) || is_alpha(at(s, q + 1))))
            q++;
        else
            return q;
    }
}

/* Skips a phone number: digits with single spaces, hyphens, dots, brackets. */
static inline size_t skip_phone(const scan *s, size_t p)
{
    size_t q = p;
    for (;;) {
        unsigned char c = at(s, q);
        if (is_dig(c) || c == ')' || c == '(')
            q++;
        else if ((c == ' ' || c == '-' || c == '.') && (is_dig(at(s, q + 1)) || at(s, q + 1) == '('))
            q++;
        else
            return q;
    }
}

#endif
