/*
 * sentences.c -- where sentences end, decided on tokens.
 *
 * A sentence ends after ".", "!", "?", "..." or "…" (and the closing quotes
 * or brackets glued to it) when white space and a capital letter, a digit or
 * an opening quote or bracket follow; and always at the end of a block.  A
 * token that keeps its period ("Corp.", "U.S.", "J.") ends one only when its
 * kind allows: never after a title ("Mr."), after an initial, "Corp." or
 * "U.S." only before a word that usually starts a sentence ("The", "That").
 */
#include "text/sentences.h"

#include <stdlib.h>
#include <string.h>

#include "text/abbrev.h"
#include "text/chars.h"
#include "text/linebreak.h"
#include "util/grow.h"

typedef struct lit {
    const char *s;
    size_t n;
} lit;

/* clang-format off */
#define LIT(x) {x, sizeof(x) - 1}
/* clang-format on */

static int tok_eq(const char *text, const ann_token *t, lit l)
{
    return t->end - t->start == l.n && memcmp(text + t->start, l.s, l.n) == 0;
}

static int tok_in(const char *text, const ann_token *t, const lit *list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (tok_eq(text, t, list[i]))
            return 1;
    return 0;
}

/* Closing quotes and brackets that stay with the sentence they follow. */
static int is_closer(const char *text, const ann_token *t)
{
    static const lit closers[] = {
        LIT("\""),           LIT("'"),        LIT(")"), LIT("]"), LIT("}"), LIT("\xE2\x80\x9D"),
        LIT("\xE2\x80\x99"), LIT("\xC2\xBB"), LIT("''")};
    unsigned char c = (unsigned char)text[t->start];
    if (c != '"' && c != '\'' && c != ')' && c != ']' && c != '}' && c != 0xE2 && c != 0xC2)
        return 0; /* the common case: a comma, a period */
    return tok_in(text, t, closers, sizeof closers / sizeof closers[0]);
}

/* Tokens that may open a sentence besides capitals and digits. */
static int is_opener(const char *text, const ann_token *t)
{
    static const lit openers[] = {
        LIT("\""),           LIT("'"),        LIT("("),  LIT("["), LIT("\xE2\x80\x9C"),
        LIT("\xE2\x80\x98"), LIT("\xC2\xAB"), LIT("``"), LIT("`")};
    return tok_in(text, t, openers, sizeof openers / sizeof openers[0]);
}

typedef enum term_kind { TERM_NONE, TERM_PLAIN, TERM_ABBREV } term_kind;

/* Whether t can end a sentence; for a word keeping its period, its
 * abbreviation kind goes to *ak. */
static term_kind terminator(const char *text, const ann_token *t, ann_abbrev_kind *ak)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t len = t->end - t->start;
    if (t->kind == ANN_TOK_PUNCT) {
        unsigned char c = s[t->start];
        if (c == '.' || c == '!' || c == '?')
            return TERM_PLAIN;
        if (tok_eq(text, t, (lit)LIT("\xE2\x80\xA6")))
            return TERM_PLAIN;
        return TERM_NONE;
    }
    if (t->kind == ANN_TOK_WORD && len >= 2 && s[t->end - 1] == '.') {
        const char *w = text + t->start;
        size_t wl = len - 1;
        ann_abbrev_kind k = ann_abbrev_lookup(w, wl);
        if (k == ANN_ABBR_NONE) {
            /* a letter-period chain (U.S.) or an initial (J.) */
            size_t n;
            ann_chars_decode(s, t->end, t->start, &n);
            k = n == wl ? ANN_ABBR_INITIAL : ANN_ABBR_OTHER;
        }
        *ak = k;
        return TERM_ABBREV;
    }
    return TERM_NONE;
}

static int starts_upper_or_digit(const ann_token *t)
{
    return (t->flags & (ANN_TOKF_UPPER_INIT)) || t->kind == ANN_TOK_NUMBER ||
           (t->flags & ANN_TOKF_HAS_DIGIT);
}

/* Whether a sentence ends after tok[k] (plus closers up to tok[c-1]) with
 * tok[c] the next token. */
static int boundary(const char *text, const ann_token *tok, size_t k, size_t c)
{
    const ann_token *t = &tok[k];
    ann_abbrev_kind ak = ANN_ABBR_NONE;
    term_kind tk = terminator(text, t, &ak);
    if (tk == TERM_NONE)
        return 0;
    const ann_token *nx = &tok[c];
    if (!(nx->flags & ANN_TOKF_SPACE_BEFORE))
        return 0;
    int opener = is_opener(text, nx);
    if (!starts_upper_or_digit(nx) && !opener)
        return 0;
    if (tk == TERM_PLAIN)
        return 1;
    switch (ak) {
    case ANN_ABBR_TITLE:
    case ANN_ABBR_NUMERO:
        return 0;
    case ANN_ABBR_INITIAL:
        return ann_is_sentence_starter(text + nx->start, nx->end - nx->start);
    case ANN_ABBR_MONTH:
        if (nx->kind == ANN_TOK_NUMBER)
            return 0;
        return ann_is_sentence_starter(text + nx->start, nx->end - nx->start);
    default:
        return opener && !(nx->kind == ANN_TOK_PUNCT && text[nx->start] == '(')
                   ? 1
                   : ann_is_sentence_starter(text + nx->start, nx->end - nx->start);
    }
}

/* Whether the line break after tok[k], a token that is no terminator, ends
 * the sentence that began at tok[a]. */
static int line_boundary(const char *text, const ann_token *tok, size_t a, size_t k)
{
    if (!ann_line_break_after(text, tok, k))
        return 0;
    const ann_token *nx = &tok[k + 1];
    if (!starts_upper_or_digit(nx) && !is_opener(text, nx))
        return 0;
    return ann_line_ends_sentence(text, tok, a, k);
}

static int push(ann_sentence_vec *sv, ann_region r)
{
    ann_region *g = ann_grow(sv->v, sv->n, &sv->cap, sizeof *g, 64);
    if (g == NULL)
        return ANN_ENOMEM;
    sv->v = g;
    sv->v[sv->n++] = r;
    return ANN_OK;
}

static int close_sentence(ann_token *tok, size_t a, size_t b, ann_sentence_vec *sv)
{
    uint32_t idx = (uint32_t)sv->n;
    for (size_t i = a; i < b; i++)
        tok[i].sentence = idx;
    tok[a].flags |= ANN_TOKF_SENT_START;
    return push(sv, (ann_region){tok[a].start, tok[b - 1].end, (uint32_t)a, (uint32_t)b});
}

/* Cheap first test: could t end a sentence at all? */
static int may_end(const char *text, const ann_token *t)
{
    if (t->kind == ANN_TOK_PUNCT) {
        unsigned char c0 = (unsigned char)text[t->start];
        return c0 == '.' || c0 == '!' || c0 == '?' || c0 == 0xE2;
    }
    return t->kind == ANN_TOK_WORD && text[t->end - 1] == '.';
}

/* Straight double quotes carry no direction: count them within the block,
 * so a '"' met while a quotation is open closes it ("... very focused . \"
 * The match" keeps its quote in the first sentence even after a space). */
typedef struct quotes {
    int open;    /* a quotation is open */
    size_t upto; /* tokens before this index are counted */
} quotes;

static void count_quote(const char *text, const ann_token *tok, size_t k, quotes *q)
{
    if (k < q->upto)
        return;
    q->upto = k + 1;
    const ann_token *t = &tok[k];
    unsigned char c0 = (unsigned char)text[t->start];
    if (c0 == '"' && t->end - t->start == 1)
        q->open = !q->open;
    else if (c0 == 0xE2 && t->end - t->start == 3 && (unsigned char)text[t->start + 1] == 0x80) {
        unsigned char c2 = (unsigned char)text[t->start + 2];
        if (c2 == 0x9C)
            q->open = 1; /* \u201C */
        else if (c2 == 0x9D)
            q->open = 0; /* \u201D */
    }
}

/* Whether tok[c] closes what the terminator before it ends. */
static int closes(const char *text, const ann_token *t, const quotes *q)
{
    if (!(t->flags & ANN_TOKF_SPACE_BEFORE))
        return is_closer(text, t);
    /* after a space: only a quote that must be a closing one */
    unsigned char c0 = (unsigned char)text[t->start];
    if (c0 == '"' && t->end - t->start == 1)
        return q->open;
    return t->end - t->start == 3 && memcmp(text + t->start, "\xE2\x80\x9D", 3) == 0;
}

int ann_split_sentences(const char *text, ann_token *tok, size_t first, size_t last,
                        const uint32_t *cand, size_t n_cand, ann_sentence_vec *sv)
{
    size_t a = first;
    quotes q = {0, first};
    for (size_t ci = 0; ci < n_cand; ci++) {
        size_t k = cand[ci];
        if (k + 1 >= last)
            break; /* the block's end ends the sentence anyway */
        count_quote(text, tok, k, &q);
        size_t c = k + 1;
        if (may_end(text, &tok[k])) {
            /* closers glued to a possible terminator stay in its sentence */
            while (c < last && closes(text, &tok[c], &q)) {
                count_quote(text, tok, c, &q);
                c++;
            }
            if (c < last && boundary(text, tok, k, c)) {
                if (close_sentence(tok, a, c, sv) != ANN_OK)
                    return ANN_ENOMEM;
                a = c;
            }
        } else if (line_boundary(text, tok, a, k)) {
            if (close_sentence(tok, a, c, sv) != ANN_OK)
                return ANN_ENOMEM;
            a = c;
        }
    }
    if (a < last && close_sentence(tok, a, last, sv) != ANN_OK)
        return ANN_ENOMEM;
    return ANN_OK;
}
