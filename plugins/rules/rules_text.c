/*
 * rules_text.c -- what the matchers ask of a token's text: a hash and an
 * equality that may ignore case, its shape and its character class.
 *
 * ASCII is handled inline and everything else through the host's decode,
 * char_class and fold_case, so a phrase key and a document's text fold the
 * same way without copying either.
 */
#include "rules.h"

#include <string.h>

/* The next code point of s[*i..len), folded when asked; advances *i. */
static uint32_t rules_next(const ann_host *host, const char *s, size_t len, size_t *i, int fold)
{
    unsigned char c = (unsigned char)s[*i];
    if (c < 0x80) {
        (*i)++;
        if (fold && c >= 'A' && c <= 'Z')
            c = (unsigned char)(c - 'A' + 'a');
        return c;
    }
    size_t n;
    uint32_t cp = host->decode(s, len, *i, &n);
    *i += n;
    return fold ? host->fold_case(cp) : cp;
}

uint64_t rules_hash(const ann_host *host, const char *s, size_t len, int fold)
{
    uint64_t h = 1469598103934665603ull; /* FNV-1a over code points */
    const unsigned char *u = (const unsigned char *)s;
    for (size_t i = 0; i < len;) {
        uint32_t c = u[i];
        if (c < 0x80) { /* inline: this runs for every token */
            i++;
            if (fold && c - 'A' < 26u)
                c += 'a' - 'A';
        } else {
            c = rules_next(host, s, len, &i, fold);
        }
        h ^= c;
        h *= 1099511628211ull;
    }
    return h;
}

int rules_text_eq(const ann_host *host, const char *a, size_t alen, const char *b, size_t blen,
                  int fold)
{
    if (!fold)
        return alen == blen && memcmp(a, b, alen) == 0;
    size_t i = 0, j = 0;
    while (i < alen && j < blen)
        if (rules_next(host, a, alen, &i, fold) != rules_next(host, b, blen, &j, fold))
            return 0;
    return i == alen && j == blen;
}

static uint32_t rules_class_of(const ann_host *host, uint32_t cp)
{
    return cp < 0x80 ? ann_ascii_class((unsigned char)cp) : host->char_class(cp);
}

int rules_shape_is(const ann_host *host, const char *s, size_t len, const char *shape)
{
    size_t k = 0, run = 0;
    uint32_t prev = 0;
    for (size_t i = 0; i < len;) {
        size_t at = i;
        uint32_t cp = rules_next(host, s, len, &i, 0);
        uint32_t cls = rules_class_of(host, cp);
        uint32_t sh = (cls & ANN_CHAR_UPPER)   ? 'X'
                      : (cls & ANN_CHAR_LOWER) ? 'x'
                      : (cls & ANN_CHAR_DIGIT) ? 'd'
                                               : 0;
        if (!sh) {
            /* Any other character stands for itself: compare its bytes. */
            for (size_t b = at; b < i; b++, k++)
                if (shape[k] != s[b])
                    return 0;
            prev = 0;
            continue;
        }
        run = sh == prev ? run + 1 : 1;
        prev = sh;
        if (run > 4) /* "Washington" and "Paris" are both Xxxxx... cut at 4 */
            continue;
        if ((unsigned char)shape[k] != sh)
            return 0;
        k++;
    }
    return shape[k] == '\0';
}

int rules_class_is(const ann_host *host, const char *s, size_t len, rules_class c)
{
    if (len == 0)
        return 0;
    for (size_t i = 0; i < len;) {
        int first = i == 0;
        uint32_t cls = rules_class_of(host, rules_next(host, s, len, &i, 0));
        int ok;
        switch (c) {
        case RULES_IS_ALPHA:
            ok = (cls & (ANN_CHAR_LETTER | ANN_CHAR_MARK)) != 0;
            break;
        case RULES_IS_DIGIT:
            ok = (cls & ANN_CHAR_DIGIT) != 0;
            break;
        case RULES_IS_UPPER:
            ok = (cls & ANN_CHAR_UPPER) || !(cls & ANN_CHAR_LETTER);
            break;
        case RULES_IS_LOWER:
            ok = (cls & ANN_CHAR_LOWER) || !(cls & ANN_CHAR_LETTER);
            break;
        case RULES_IS_TITLE:
            ok = first ? (cls & ANN_CHAR_UPPER) != 0 : !(cls & ANN_CHAR_UPPER);
            break;
        case RULES_IS_PUNCT:
            ok = (cls & ANN_CHAR_PUNCT) != 0;
            break;
        default:
            ok = (cls & (ANN_CHAR_LETTER | ANN_CHAR_MARK | ANN_CHAR_DIGIT)) != 0;
            break;
        }
        if (!ok)
            return 0;
    }
    /* "123" is neither upper nor lower case: it has no letter. */
    if (c == RULES_IS_UPPER || c == RULES_IS_LOWER) {
        for (size_t i = 0; i < len;)
            if (rules_class_of(host, rules_next(host, s, len, &i, 0)) & ANN_CHAR_LETTER)
                return 1;
        return 0;
    }
    return 1;
}

void *rules_scratch_more(const ann_host *host, ann_doc *doc, void *arr, size_t *cap, size_t size,
                         size_t first)
{
    size_t n = *cap ? 2 * *cap : first;
    void *p = host->scratch_grow(doc, arr, *cap * size, n * size);
    if (p)
        *cap = n;
    return p;
}
