/*
 * linebreak.c -- single line breaks as sentence boundaries.
 *
 * News text puts its headline, byline ("By Jane Doe"), dateline ("LONDON
 * 1996-08-22") and table rows on lines of their own, without final
 * punctuation and with only a newline after them; read as one sentence with
 * the next line they make "Jane Doe\nLONDON" one name.  Prose hard-wrapped
 * at a fixed width must still read as one sentence, even where a line ends
 * before a capitalised word ("... said\nPresident Obama").  What tells the
 * two apart is the line itself:
 *   - a wrapped line fills the width, so it is long: a line shorter than
 *     ANN_SHORT_LINE characters stands alone;
 *   - a line whose letters are all capitals is a headline or a heading;
 *   - a line mostly of numbers is a table row;
 *   - a line ending in ":" introduces what follows (a table, a list);
 * unless the line ends with a word or mark that cannot end a sentence (a
 * comma, "of", "the", "and", ...): then the sentence goes on.
 *
 * ANN_SHORT_LINE was chosen on CoNLL-2003 train.txt only: of its lines
 * without final punctuation followed by a capitalised line, 76% are
 * shorter than 40 characters; the train documents' prose, re-wrapped at 60,
 * 70 and 80 columns, has no line under 45 characters that ends without
 * punctuation before a capital (at 50 columns, 14 in 18,000 lines under 40).
 */
#include "text/linebreak.h"

#include <string.h>

#define ANN_SHORT_LINE 40

int ann_line_break_after(const char *text, const ann_token *tok, size_t k)
{
    size_t a = tok[k].end, b = tok[k + 1].start;
    return b > a && memchr(text + a, '\n', b - a) != NULL;
}

/* Words after which a sentence goes on; lowercase, as wrapped prose has
 * them (a headline in capitals ending in "OF" is rare enough). */
static int is_continuation_word(const char *w, size_t n)
{
    static const char *const words[] = {
        "a",       "an",     "the",     "of",    "and",   "or",    "but",   "nor",    "to",
        "in",      "on",     "at",      "for",   "with",  "by",    "from",  "as",     "that",
        "than",    "into",   "onto",    "over",  "under", "about", "after", "before", "against",
        "between", "during", "without", "via",   "per",   "if",    "is",    "are",    "was",
        "were",    "be",     "been",    "has",   "have",  "had",   "will",  "would",  "could",
        "should",  "can",    "may",     "might", "must",  "who",   "which", "whose",  "whom",
        "where",   "when",   "while",   "its",   "their", "his",   "her",   "our",    "your",
        "my",      "this",   "these",   "those", "said",  "says",  "told",  "named",  "called"};
    if (n == 0 || n > 8)
        return 0;
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (strlen(words[i]) == n && memcmp(words[i], w, n) == 0)
            return 1;
    return 0;
}

/* Marks after which a line is continued: a comma, an open bracket, a
 * joining dash or ampersand. */
static int is_continuation_mark(const char *text, const ann_token *t)
{
    if (t->end - t->start != 1)
        return 0;
    switch (text[t->start]) {
    case ',':
    case ';':
    case '(':
    case '[':
    case '{':
    case '-':
    case '&':
    case '/':
    case '+':
        return 1;
    default:
        return 0;
    }
}

/* Characters (not bytes) in text[a, b): a line's width as a reader sees it. */
static size_t width(const char *text, size_t a, size_t b)
{
    size_t w = 0;
    for (size_t i = a; i < b; i++)
        w += ((unsigned char)text[i] & 0xC0) != 0x80;
    return w;
}

int ann_line_ends_sentence(const char *text, const ann_token *tok, size_t first, size_t k)
{
    const ann_token *last = &tok[k];
    if (is_continuation_mark(text, last))
        return 0;
    if (last->kind == ANN_TOK_WORD &&
        is_continuation_word(text + last->start, last->end - last->start))
        return 0;
    size_t a = k;
    while (a > first && !ann_line_break_after(text, tok, a - 1))
        a--;
    if (width(text, tok[a].start, last->end) < ANN_SHORT_LINE)
        return 1;
    if (last->end - last->start == 1 && text[last->start] == ':')
        return 1;
    size_t n = k + 1 - a, digits = 0, words = 0, upper = 0;
    for (size_t i = a; i <= k; i++) {
        if (tok[i].flags & ANN_TOKF_HAS_DIGIT)
            digits++;
        if (tok[i].kind == ANN_TOK_WORD) {
            words++;
            upper += (tok[i].flags & ANN_TOKF_ALL_UPPER) != 0;
        }
    }
    if (words >= 2 && upper == words)
        return 1;                          /* a headline or heading in capitals */
    return digits >= 2 && 3 * digits >= n; /* a table row */
}
