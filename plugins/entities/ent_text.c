/* ent_text.c -- see ent_text.h. */
#include "ent_text.h"

#include <string.h>

#include <utf8proc.h>

/* Tokens are analysed on at most this many bytes: longer ones are URLs or
 * noise, and their tail tells nothing the head does not. */
#define ENT_WORD_MAX 96

uint64_t ent_hash_bytes(const void *p, size_t n, uint64_t seed)
{
    const unsigned char *b = p;
    uint64_t h = 0xcbf29ce484222325ull ^ (seed * 0x9e3779b97f4a7c15ull);
    for (size_t i = 0; i < n; i++) {
        h ^= b[i];
        h *= 0x100000001b3ull;
    }
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ull;
    h ^= h >> 33;
    return h;
}

/* Decodes one code point at s[i..len); stores its byte length in *n.
 * Invalid bytes (and a character cut by the length limit) count as U+FFFD
 * of length 1, as the host's decoder answers. */
static int32_t next_cp(const ann_host *host, const char *s, size_t len, size_t i, size_t *n)
{
    if ((unsigned char)s[i] < 0x80) { /* most text is ASCII: no call */
        *n = 1;
        return (unsigned char)s[i];
    }
    return (int32_t)host->decode(s, len, i, n);
}

/* Folds typographic punctuation to the ASCII CoNLL uses. */
static int32_t fold_cp(int32_t c)
{
    switch (c) {
    case 0x2018:
    case 0x2019:
    case 0x201B:
    case 0x2032:
        return '\'';
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x2033:
        return '"';
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2212:
        return '-';
    case 0x00A0:
        return ' ';
    default:
        return c;
    }
}

enum { CL_UPPER, CL_LOWER, CL_DIGIT, CL_OTHER };

/* The shape class of a code point.  A letter without case (Lm, Lo: most
 * of CJK, Arabic, Hebrew) counts as lowercase, as it did when the model was
 * trained. */
static int cp_class(const ann_host *host, int32_t c)
{
    uint32_t cls = c < 0x80 ? ann_ascii_class((unsigned char)c) : host->char_class((uint32_t)c);
    if (cls & ANN_CHAR_UPPER)
        return CL_UPPER;
    if (cls & ANN_CHAR_LETTER)
        return CL_LOWER;
    if (cls & ANN_CHAR_DIGIT)
        return CL_DIGIT;
    return CL_OTHER;
}

static size_t put_cp(char *out, size_t pos, size_t cap, int32_t c)
{
    utf8proc_uint8_t tmp[4];
    if (c < 0x80) {
        if (pos + 1 >= cap)
            return pos;
        out[pos] = (char)c;
        return pos + 1;
    }
    utf8proc_ssize_t k = utf8proc_encode_char(c, tmp);
    if (k <= 0 || pos + (size_t)k >= cap)
        return pos;
    memcpy(out + pos, tmp, (size_t)k);
    return pos + (size_t)k;
}

size_t ent_word_lower(const ann_host *host, const char *s, size_t len, char *out, size_t cap)
{
    size_t pos = 0, n;
    if (len > ENT_WORD_MAX)
        len = ENT_WORD_MAX;
    for (size_t i = 0; i < len; i += n) {
        int32_t c = fold_cp(next_cp(host, s, len, i, &n));
        c = c < 128 ? ((c >= 'A' && c <= 'Z') ? c + 32 : c) : utf8proc_tolower(c);
        pos = put_cp(out, pos, cap, c);
    }
    if (cap)
        out[pos < cap ? pos : cap - 1] = '\0';
    return pos;
}

/* Where the two shapes of a word stand as they are written. */
typedef struct shape_state {
    size_t pos1, pos2; /* bytes written to each */
    char last;         /* the previous shape character */
    int same;          /* how many of it in a row */
} shape_state;

/* The shape character of the (folded) code point c of class cl. */
static char shape_char(int32_t c, int cl)
{
    switch (cl) {
    case CL_UPPER:
        return 'X';
    case CL_LOWER:
        return 'x';
    case CL_DIGIT:
        return 'd';
    default:
        return c < 128 ? (char)c : '*';
    }
}

/* Appends shape character ch to both shapes. */
static void shape_put(shape_state *st, char ch, char *out1, char *out2)
{
    /* Runs of the same class collapse, so "Renault" and "Ghosn" share
     * the shape "Xx"; punctuation is kept as is ("X.X.").  The finer
     * shape keeps two of a run: the collapsed one cannot tell an
     * acronym's plural ("EVs", "MPs": common nouns, "XXx") from a name
     * ("Renault", "Xxx"), nor "A" from "NATO". */
    int cls = ch == 'X' || ch == 'x' || ch == 'd';
    st->same = ch == st->last ? st->same + 1 : 1;
    st->last = ch;
    if (!cls || st->same <= 1)
        out1[st->pos1++] = ch;
    if (!cls || st->same <= 2)
        out2[st->pos2++] = ch;
}

/* The shapes of s[0..len) into out1 (runs of one class collapsed) and out2
 * (runs cut to two characters), each of cap bytes, in one decoding pass. */
static void word_shapes(const ann_host *host, const char *s, size_t len, char *out1, char *out2,
                        size_t cap)
{
    size_t n;
    shape_state sh = {0, 0, 0, 0};
    if (len > ENT_WORD_MAX)
        len = ENT_WORD_MAX;
    for (size_t i = 0; i < len && sh.pos1 + 1 < cap && sh.pos2 + 1 < cap; i += n) {
        int32_t c = fold_cp(next_cp(host, s, len, i, &n));
        char ch = shape_char(c, cp_class(host, c));
        shape_put(&sh, ch, out1, out2);
    }
    if (cap)
        out1[sh.pos1] = out2[sh.pos2] = '\0';
}

void ent_word_shape(const ann_host *host, const char *s, size_t len, char *out, size_t cap)
{
    char fine[ENT_WORD_MAX + 8];
    word_shapes(host, s, len, out, fine, cap < sizeof fine ? cap : sizeof fine);
}

void ent_word_analyze(const ann_host *host, const char *s, size_t len, ent_word *w)
{
    char low[ENT_WORD_MAX * 4 + 8], fold[ENT_WORD_MAX * 4 + 8], shape[ENT_WORD_MAX + 8],
        shape2[ENT_WORD_MAX + 8];
    size_t cpos[ENT_WORD_MAX + 2]; /* byte offset of each code point in low */
    size_t n, lp = 0, fp = 0, nc = 0;
    int upper = 0, lower = 0, first = -1;

    memset(w, 0, sizeof *w);
    low[0] = fold[0] = '\0';
    if (len > ENT_WORD_MAX)
        len = ENT_WORD_MAX;
    size_t ascii = 0;
    while (ascii < len && (unsigned char)s[ascii] < 0x80)
        ascii++;
    if (ascii == len) {
        /* Most words: ASCII, which folding leaves alone and lowercasing
         * maps byte for byte, so one pass writes the forms and the shapes
         * that the general loop and word_shapes() write in two passes of
         * decoding.  The same bytes, so the same hashes. */
        shape_state sh = {0, 0, 0, 0};
        for (size_t i = 0; i < len; i++) {
            unsigned char c = (unsigned char)s[i];
            int cl = cp_class(host, c);
            if (first < 0 && (cl == CL_UPPER || cl == CL_LOWER))
                first = cl;
            upper += cl == CL_UPPER;
            lower += cl == CL_LOWER;
            if (cl == CL_DIGIT)
                w->flags |= ENT_TF_DIGIT;
            cpos[i] = i;
            fold[i] = (char)c;
            low[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
            shape_put(&sh, shape_char(c, cl), shape, shape2);
        }
        if (len && cp_class(host, (unsigned char)s[0]) == CL_LOWER)
            w->flags |= ENT_TF_LOWINIT;
        nc = fp = lp = len;
        shape[sh.pos1] = shape2[sh.pos2] = '\0';
    }
    for (size_t i = 0; i < len && ascii < len; i += n) {
        int32_t c = fold_cp(next_cp(host, s, len, i, &n));
        int cl = cp_class(host, c);
        int32_t lc = c < 128 ? ((c >= 'A' && c <= 'Z') ? c + 32 : c) : utf8proc_tolower(c);
        if (first < 0 && (cl == CL_UPPER || cl == CL_LOWER))
            first = cl;
        if (nc == 0 && cl == CL_LOWER)
            w->flags |= ENT_TF_LOWINIT;
        upper += cl == CL_UPPER;
        lower += cl == CL_LOWER;
        if (cl == CL_DIGIT)
            w->flags |= ENT_TF_DIGIT;
        cpos[nc++] = lp;
        fp = put_cp(fold, fp, sizeof fold, c);
        lp = put_cp(low, lp, sizeof low, lc);
    }
    cpos[nc] = lp;
    if (upper + lower)
        w->flags |= ENT_TF_LETTER;
    if (first == CL_UPPER)
        w->flags |= ENT_TF_CAP;
    if (upper && !lower)
        w->flags |= ENT_TF_ALLCAP;
    w->n_chars = (uint32_t)nc;

    w->form = ent_hash_bytes(fold, fp, 1);
    w->lower = ent_hash_bytes(low, lp, 2);
    if (ascii < len)
        word_shapes(host, s, len, shape, shape2, sizeof shape);
    w->shape = ent_hash_bytes(shape, strlen(shape), 3);
    w->shape2 = ent_hash_bytes(shape2, strlen(shape2), 4);
    for (size_t k = 1; k <= ENT_AFFIX_MAX; k++) {
        size_t m = k < nc ? k : nc; /* short words: the affix is the word */
        w->prefix[k - 1] = ent_hash_bytes(low, cpos[m], 10 + k);
        w->suffix[k - 1] = ent_hash_bytes(low + cpos[nc - m], lp - cpos[nc - m], 20 + k);
    }
}
