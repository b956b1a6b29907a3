/*
 * num_scan.c -- one pass over the text view finding numeric expressions.
 *
 * The main loop (num_scan) skips bytes that cannot start a number: letters
 * inside words, punctuation, spaces.  At a digit, a currency sign or the
 * start of a word that the lexicon knows, it tries an expression:
 *
 *   expr    := [modifier] amount [range-tail]  |  "between" amount "and" amount
 *   amount  := [sign] [currency-prefix] numeral [fraction] [scale]* [suffix]
 *   numeral := digits | number words | ordinal | "a" hundred/dozen/scale | ...
 *   suffix  := % | percent words | currency word/code | unit
 *
 * Values are built with num_dec (exact decimal strings).  Everything lives on
 * the stack; the scanner never allocates.
 */
#include "num_scan.h"

#include <string.h>

#include "num_amount.h"

/* ---- white space beyond ASCII (num_text.h) ------------------------------ */

/* Is class k a space that breaks no line? */
static bool is_hspace_class(uint32_t k)
{
    return (k & (ANN_CHAR_SPACE | ANN_CHAR_NEWLINE)) == ANN_CHAR_SPACE;
}

size_t num_uni_space_len(const scan *s, size_t p)
{
    size_t l;
    return is_hspace_class(ann_class_at(s->host, s->t, s->n, p, &l)) ? l : 0;
}

size_t num_uni_space_len_before(const scan *s, size_t p)
{
    size_t l;
    return is_hspace_class(s->host->char_class(s->host->decode_prev(s->t, p, &l))) ? l : 0;
}

/* Length of a line break at p (LF, and the breaks of other encodings:
 * VT, FF, U+0085, U+2028, U+2029), 0 if none.  CR is a space, so CR LF
 * counts as one break. */
static size_t line_break_len(const scan *s, size_t p)
{
    unsigned char c = at(s, p);
    if (c < 0x80)
        return c == '\n' || c == '\v' || c == '\f';
    size_t l;
    return (ann_class_at(s->host, s->t, s->n, p, &l) & ANN_CHAR_NEWLINE) ? l : 0;
}

size_t num_skip_ws_from(const scan *s, size_t p, int nl)
{
    for (;;) {
        size_t l = space_len(s, p);
        if (l) {
            p += l;
            continue;
        }
        l = line_break_len(s, p);
        if (!l)
            return p;
        if (++nl > 1)
            return NOPOS;
        p += l;
    }
}

/* ---- digits ------------------------------------------------------------- */

/* A thousands separator at p followed by exactly three digits: its length. */
static size_t group_sep(const scan *s, size_t p)
{
    /* not U+0020: "in 12 000 cases" may be two numbers */
    size_t l = at(s, p) == ',' ? 1 : uni_space_len(s, p);
    if (!l)
        return 0;
    if (is_dig(at(s, p + l)) && is_dig(at(s, p + l + 1)) && is_dig(at(s, p + l + 2)) &&
        !is_dig(at(s, p + l + 3)))
        return l;
    return 0;
}

/* Digit groups joined by plain spaces at p (the space after the first
 * group): "40 000", "40 000 000".  Each group has three digits and the
 * chain is not a phone number ("555 123 4567") nor glued to a word.
 * Returns the end of the last group, or p when there is none. */
static size_t plain_space_groups(const scan *s, size_t start, size_t p)
{
    /* not in the middle of a list of numbers or a phone number, nor in the
     * cells of a table that lost its layout ("53. 6 258. 7") */
    size_t b = start;
    while (b > 0 && (at(s, b - 1) == ' ' || at(s, b - 1) == '\n'))
        b--;
    if (b < start && b > 0 && (is_dig(at(s, b - 1)) || at(s, b - 1) == '.'))
        return p;
    size_t q = p;
    while (at(s, q) == ' ' && is_dig(at(s, q + 1)) && is_dig(at(s, q + 2)) &&
           is_dig(at(s, q + 3)) && !is_dig(at(s, q + 4)))
        q += 4;
    if (q == p || next_is_wordch(s, q) || (at(s, q) == ' ' && is_dig(at(s, q + 1))) ||
        (at(s, q) == '.' && at(s, q + 1) == ' ' && is_dig(at(s, q + 2))) ||
        (at(s, q) == ' ' && is_upper(at(s, q + 1))))
        return p;
    return q;
}

/* Indian grouping at p (the first comma after one or two digits):
 * "12,34,567", "1,00,000": pairs, then a final group of three.  Returns the
 * end, or p when the digits are not grouped so. */
static size_t indian_groups(const scan *s, size_t p)
{
    size_t q = p;
    int pairs = 0;
    while (at(s, q) == ',' && is_dig(at(s, q + 1)) && is_dig(at(s, q + 2)) && at(s, q + 3) == ',') {
        q += 3;
        pairs++;
    }
    if (pairs == 0 || !is_dig(at(s, q + 1)) || !is_dig(at(s, q + 2)) || !is_dig(at(s, q + 3)) ||
        is_dig(at(s, q + 4)) || (at(s, q + 4) == ',' && is_dig(at(s, q + 5))))
        return p;
    return q + 4;
}

/* Appends the digits of [p, e) to d, skipping separators. */
static void push_digits(const scan *s, digits *d, size_t p, size_t e)
{
    for (size_t i = p; i < e; i++) {
        if (!is_dig(at(s, i)))
            continue;
        if (!num_dec_push_digit(&d->v, at(s, i) - '0'))
            d->bad = true;
        d->ndig++;
    }
}

/* Reads digits with grouping, a decimal part and an exponent at p. */
static void read_digits(const scan *s, size_t p, digits *d)
{
    memset(d, 0, sizeof *d);
    size_t q = p;
    d->lead0 = at(s, q) == '0' && is_dig(at(s, q + 1));
    while (is_dig(at(s, q))) {
        if (!num_dec_push_digit(&d->v, at(s, q) - '0'))
            d->bad = true;
        d->ndig++;
        q++;
    }
    size_t g;
    if (d->ndig >= 1 && d->ndig <= 2 && at(s, q) == ',' && (g = indian_groups(s, q)) != q) {
        push_digits(s, d, q, g);
        q = g;
        d->sep = true;
    } else if (d->ndig >= 1 && d->ndig <= 3 && !d->lead0 && at(s, q) == ' ' &&
               (g = plain_space_groups(s, p, q)) != q) {
        push_digits(s, d, q, g);
        q = g;
        d->sep = true;
    } else if (d->ndig >= 1 && d->ndig <= 3) {
        size_t l;
        while ((l = group_sep(s, q)) != 0) {
            for (int i = 0; i < 3; i++)
                if (!num_dec_push_digit(&d->v, at(s, q + l + (size_t)i) - '0'))
                    d->bad = true;
            d->ndig += 3;
            q += l + 3;
            d->sep = true;
        }
    }
    if (at(s, q) == '.' && is_dig(at(s, q + 1))) {
        q++;
        d->dec = true;
        while (is_dig(at(s, q))) {
            if (!num_dec_push_digit(&d->v, at(s, q) - '0'))
                d->bad = true;
            d->v.exp--;
            q++;
        }
        if (at(s, q) == '.' && is_dig(at(s, q + 1)))
            d->bad = true; /* 2.3.1, 192.168.0.1 */
    }
    /* 1.5e6, 3E-5: only when the exponent ends the token. */
    unsigned char c = at(s, q);
    if ((c == 'e' || c == 'E') && d->ndig > 0) {
        size_t r = q + 1;
        bool neg = false;
        if (at(s, r) == '-' || at(s, r) == '+') {
            neg = at(s, r) == '-';
            r++;
        }
        int x = 0, nx = 0;
        while (is_dig(at(s, r)) && nx < 4) {
            x = x * 10 + (at(s, r) - '0');
            nx++;
            r++;
        }
        if (nx > 0 && nx < 4 && !next_is_wordch(s, r) && (d->dec || neg || at(s, q + 1) == '+')) {
            if (!num_dec_shift(&d->v, neg ? -x : x))
                d->bad = true;
            q = r;
        }
    }
    d->end = q;
    if (d->ndig >= 10 && !d->sep && !d->dec)
        d->bad = true; /* account, ISBN, phone: not a quantity */
}

/* A vulgar fraction character at p (½ ¼ ¾ ⅓ ...): its length and value. */
static size_t vulgar(const scan *s, size_t p, uint64_t *num, uint64_t *den)
{
    unsigned char c = at(s, p), c1 = at(s, p + 1), c2 = at(s, p + 2);
    if (c == 0xC2 && (c1 == 0xBC || c1 == 0xBD || c1 == 0xBE)) {
        *num = c1 == 0xBE ? 3 : 1;
        *den = c1 == 0xBD ? 2 : 4;
        return 2;
    }
    if (c == 0xE2 && c1 == 0x85 && c2 >= 0x93 && c2 <= 0x9E) {
        static const uint8_t nd[][2] = {{1, 3}, {2, 3}, {1, 5}, {2, 5}, {3, 5}, {4, 5},
                                        {1, 6}, {5, 6}, {1, 8}, {3, 8}, {5, 8}, {7, 8}};
        *num = nd[c2 - 0x93][0];
        *den = nd[c2 - 0x93][1];
        return 3;
    }
    return 0;
}

static bool dec_to_u64(const num_dec *v, uint64_t *out)
{
    if (v->exp < 0 || v->nd + v->exp > 18)
        return false;
    uint64_t x = 0;
    for (int i = 0; i < v->nd; i++)
        x = x * 10 + (uint64_t)(v->d[i] - '0');
    for (int i = 0; i < v->exp; i++)
        x *= 10;
    *out = x;
    return true;
}

/* A fraction in digits at p, "3/4", "7/16": numerator below a common
 * denominator (2-10, 12, 16, 32, 64, 100), and not part of a date (1/2/2020)
 * or a longer token.  Stores the parts and the end. */
static bool simple_fraction(const scan *s, size_t p, uint64_t *num, uint64_t *den, size_t *end)
{
    digits d1, d2;
    read_digits(s, p, &d1);
    if (at(s, d1.end) != '/' || !is_dig(at(s, d1.end + 1)))
        return false;
    read_digits(s, d1.end + 1, &d2);
    /* 1/8th, 7/10ths: the denominator's ordinal suffix */
    size_t e = d2.end;
    unsigned char c0 = at(s, e), c1 = at(s, e + 1);
    if ((c0 == 't' && c1 == 'h') || (c0 == 'r' && c1 == 'd') || (c0 == 'n' && c1 == 'd'))
        e += 2 + (at(s, e + 2) == 's');
    if (d1.sep || d1.dec || d1.bad || d1.lead0 || d2.sep || d2.dec || d2.bad || d2.lead0 ||
        at(s, d2.end) == '/' || next_is_wordch(s, e) || !dec_to_u64(&d1.v, num) ||
        !dec_to_u64(&d2.v, den))
        return false;
    uint64_t n = *num, m = *den;
    *end = e;
    return n < m && m > 1 && (m <= 10 || m == 12 || m == 16 || m == 32 || m == 64 || m == 100);
}

/* "1 over 3" after the integer d ending at q: a fraction when a whole
 * number follows "over" and no noun after it makes "over" a preposition
 * ("won 5 over 30 years").  Sets a. */
static bool over_fraction(const scan *s, amt *a, const digits *d, size_t q)
{
    size_t ws, we, ws2, we2;
    size_t l = hspace_len(s, q);
    if (!l || at(s, q + l) != 'o' || at(s, q + l + 1) != 'v')
        return false; /* most numbers: no "over" after them */
    next_word(s, q, &ws, &we);
    if (ws == NOPOS || !word_is(s, ws, we, "over"))
        return false;
    size_t r = skip_ws(s, we);
    if (r == NOPOS || r == we || !is_dig(at(s, r)))
        return false;
    digits d2;
    read_digits(s, r, &d2);
    uint64_t num, den;
    if (d2.sep || d2.dec || d2.bad || d2.lead0 || d2.ndig > 6 || d->ndig > 6 ||
        next_is_wordch(s, d2.end) || !dec_to_u64(&d->v, &num) || !dec_to_u64(&d2.v, &den) ||
        den == 0)
        return false;
    const num_word *n = next_word(s, d2.end, &ws2, &we2);
    if (ws2 != NOPOS && lower_at(s, ws2) && !(n && (n->cls == NW_AND || word_is(s, ws2, we2, "of"))))
        return false;
    if (!num_set_fraction(a, 0, num, den))
        return false;
    a->plain = false;
    a->e = d2.end;
    return true;
}

/* Parses a numeral made of digits at p (sign and currency already read). */
static bool parse_digit_numeral(const scan *s, size_t p, amt *a)
{
    digits d;
    read_digits(s, p, &d);
    if (d.bad || d.lead0) {
        a->skip = true;
        a->skip_to = skip_chain(s, p);
        return false;
    }
    a->v = d.v;
    a->v.neg = a->neg;
    a->has_v = true;
    a->plain = !d.sep && !a->cur_prefix && !a->neg;
    size_t q = d.end;
    a->e = q;
    unsigned char c = at(s, q);
    /* 10:30, 1/2/2020, 24/7 */
    if (c == ':' && is_dig(at(s, q + 1))) {
        a->skip = true;
        a->skip_to = skip_chain(s, p);
        return false;
    }
    if (c == '/' && is_dig(at(s, q + 1))) {
        uint64_t fn, fd;
        size_t fe;
        if (d.sep || d.dec || !simple_fraction(s, p, &fn, &fd, &fe)) {
            a->skip = true;
            a->skip_to = skip_chain(s, p);
            return false;
        }
        num_set_fraction(a, 0, fn, fd);
        a->plain = false;
        a->e = fe;
        return true;
    }
    /* 2½, 2 ½, 2 1/2 */
    uint64_t vn, vd;
    size_t vl = vulgar(s, q, &vn, &vd);
    size_t q2 = skip_ws(s, q);
    if (!vl && q2 != NOPOS && q2 > q && q2 - q <= 3)
        vl = vulgar(s, q2, &vn, &vd), q = vl ? q2 : q;
    if (vl) {
        uint64_t whole;
        if (!d.dec && !d.sep && dec_to_u64(&d.v, &whole) && num_set_fraction(a, whole, vn, vd)) {
            a->plain = false;
            a->e = q + vl;
            return true;
        }
        q = d.end;
    }
    /* 2 1/2, $19 7/16 (share prices) */
    uint64_t whole, num, den;
    size_t fe;
    if (q2 != NOPOS && q2 > d.end && hspace_len_before(s, q2) && !d.dec && !d.sep &&
        is_dig(at(s, q2)) && simple_fraction(s, q2, &num, &den, &fe) && dec_to_u64(&d.v, &whole) &&
        num_set_fraction(a, whole, num, den)) {
        a->plain = false;
        a->e = fe;
        return true;
    }
    /* 1 over 3 */
    if (!d.dec && !d.sep && over_fraction(s, a, &d, d.end))
        return true;
    a->pre = a->v;
    /* 1980's, the 70’s: decades belong to dates */
    size_t al = at(s, q) == '\''                                                     ? 1
                : (at(s, q) == 0xE2 && at(s, q + 1) == 0x80 && at(s, q + 2) == 0x99) ? 3
                                                                                     : 0;
    if (al && at(s, q + al) == 's' && !next_is_wordch(s, q + al + 1) && !d.dec && !d.sep &&
        d.ndig >= 2 && at(s, q - 1) == '0') {
        a->skip = true;
        a->skip_to = q + al + 1;
        return false;
    }
    if (!num_attached_suffix(s, a, &d, &q)) {
        a->skip = true;
        a->skip_to = skip_chain(s, p);
        return false;
    }
    if (a->label != NUM_CARDINAL)
        a->plain = false;
    return true;
}

/* Parses one amount at p.  False when there is none (a->skip may then ask
 * to skip an identifier). */
static bool parse_amount(const scan *s, size_t p, amt *a)
{
    memset(a, 0, sizeof *a);
    a->s = p;
    a->label = NUM_CARDINAL;
    size_t q = p;
    unsigned char c = at(s, q);
    /* signs: -4, −4, minus 4 */
    if (c == '-' || (c == 0xE2 && at(s, q + 1) == 0x88 && at(s, q + 2) == 0x92)) {
        size_t l = c == '-' ? 1 : 3;
        if (!is_dig(at(s, q + l)) && at(s, q + l) != '$')
            return false;
        a->neg = true;
        q += l;
    } else if (is_alpha(c)) {
        size_t we;
        const num_word *w = word_at(s, q, &we);
        if (w && w->cls == NW_MINUS && lower_at(s, q)) {
            size_t q2 = skip_ws(s, we);
            if (q2 == NOPOS || q2 == we)
                return false;
            if (!is_dig(at(s, q2))) {
                size_t we2;
                const num_word *n = is_alpha(at(s, q2)) ? word_at(s, q2, &we2) : NULL;
                if (!n || (n->cls != NW_UNIT && n->cls != NW_TEEN && n->cls != NW_TENS &&
                           n->cls != NW_ZERO))
                    return false;
            }
            a->neg = true;
            q = q2;
        }
    }
    /* currency before the number; '#' stands for the pound sign in older
     * wire text ("#89.7 million"), where it needs a scale or decimals */
    size_t cl;
    const char *cur = num_cur_prefix(s->t + q, s->n - q, &cl);
    bool hash = false;
    if (!cur && at(s, q) == '#' && is_dig(at(s, q + 1))) {
        cur = "GBP";
        cl = 1;
        hash = true;
    }
    if (cur && at(s, q) == 'd' && cl == 6)
        hash = true; /* "dollar 22.5 million", but not "the dollar 5 years ago" */
    if (cur) {
        size_t q2 = q + cl;
        q2 += hspace_len(s, q2);
        if (!is_dig(at(s, q2)) && !(at(s, q2) == '.' && is_dig(at(s, q2 + 1))))
            return false;
        if (q > 0 && is_alpha(at(s, q - 1)))
            return false;
        a->cur = cur;
        a->cur_prefix = true;
        a->label = NUM_MONEY;
        q = q2;
    }
    c = at(s, q);
    uint64_t vn, vd;
    size_t vl = vulgar(s, q, &vn, &vd);
    if (vl && !a->cur_prefix) {
        /* ½ standing alone */
        if (prev_is_wordch(s, q) || next_is_wordch(s, q + vl) || !num_set_fraction(a, 0, vn, vd))
            return false;
        a->e = q + vl;
        num_parse_suffix(s, a, a->e); /* ½ teaspoon */
        return true;
    }
    if (is_dig(c) || (c == '.' && is_dig(at(s, q + 1)))) {
        if (c == '.' && q > 0 && !a->cur_prefix && !a->neg &&
            (prev_is_wordch(s, q) || at(s, q - 1) == '.'))
            return false;
        if (!parse_digit_numeral(s, q, a))
            return false;
        if (a->frac)
            a->pre = a->v;
    } else if (is_alpha(c) && !a->cur_prefix) {
        size_t we;
        const num_word *w = word_at(s, q, &we);
        if (!w)
            return false;
        if (!num_parse_word_numeral(s, q, w, we, a))
            return false;
        if (a->plural || a->label == NUM_ORDINAL)
            return true;
        if (a->neg && a->has_v)
            a->v.neg = true;
    } else {
        return false;
    }
    if (a->label == NUM_ORDINAL || a->label == NUM_QUANTITY)
        return true;
    if (a->label != NUM_MONEY || a->cur_prefix)
        num_parse_suffix(s, a, a->e);
    if (hash && a->scale <= 0 && a->v.exp >= 0)
        return false; /* #1: a rank */
    return true;
}

/* ---- expressions and emission ------------------------------------------ */

/* The unit of a: its symbol, or a rate composed into buf ("m/ms"); the
 * usual rates keep their own symbols (mph, km/h, bbl/d). */
static const char *rate_unit(const amt *a, char *buf, size_t cap)
{
    if (!a->unit || !a->per)
        return a->unit;
    static const char *const named[][3] = {
        {"mi", "h", "mph"}, {"km", "h", "km/h"}, {"bbl", "d", "bbl/d"}, {"m", "s", "m/s"}};
    for (size_t i = 0; i < sizeof named / sizeof named[0]; i++)
        if (strcmp(a->unit, named[i][0]) == 0 && strcmp(a->per, named[i][1]) == 0)
            return named[i][2];
    size_t l1 = strlen(a->unit), l2 = strlen(a->per);
    if (l1 + l2 + 2 > cap)
        return a->unit;
    memcpy(buf, a->unit, l1);
    buf[l1] = '/';
    memcpy(buf + l1 + 1, a->per, l2 + 1);
    return buf;
}

/* Writes "p/q" (with a - for a negative value) into f, which holds 48 bytes. */
static void format_fraction(char *f, bool neg, uint64_t fn, uint64_t fd)
{
    char tmp[24];
    const uint64_t parts[2] = {fn, fd};
    if (neg)
        *f++ = '-';
    for (int k = 0; k < 2; k++) {
        uint64_t x = parts[k];
        int n = 0;
        do {
            tmp[n++] = (char)('0' + (int)(x % 10));
            x /= 10;
        } while (x > 0);
        while (n > 0)
            *f++ = tmp[--n];
        if (k == 0)
            *f++ = '/';
    }
    *f = '\0';
}

static int emit_amt(const scan *s, const amt *a, size_t start, const amt *hi, const char *mod,
                    num_match_fn fn, void *ctx)
{
    (void)s;
    static const char *const rel[] = {NULL, "end", "end-1", "end-2"};
    num_match m;
    const amt *last = hi ? hi : a;
    m.start = (uint32_t)start;
    m.end = (uint32_t)last->e;
    m.label = last->label;
    m.value[0] = m.range_min[0] = m.range_max[0] = m.fraction[0] = '\0';
    m.currency = last->cur;
    m.unit = rate_unit(last, m.unit_buf, sizeof m.unit_buf);
    m.mod = mod;
    m.kind = last->kind;
    m.relative = a->rel > 0 && a->rel < 4 ? rel[a->rel] : NULL;
    if (m.label != NUM_MONEY)
        m.currency = NULL;
    if (m.label != NUM_QUANTITY && !(m.label == NUM_PERCENT && m.unit && strcmp(m.unit, "pp") == 0))
        m.unit = NULL; /* a PERCENT keeps only "pp", percentage points */
    if (a->rel) {
        /* counted from the end: no value */
    } else if (hi) {
        if (!num_dec_format(&a->v, m.range_min) || !num_dec_format(&hi->v, m.range_max))
            m.range_min[0] = m.range_max[0] = '\0';
    } else if (a->has_v) {
        if (!num_dec_format(&a->v, m.value))
            m.value[0] = '\0';
        if (a->frac && a->scale == 0 && m.label != NUM_MONEY)
            format_fraction(m.fraction, a->v.neg, a->fn, a->fd);
    }
    return fn(ctx, &m);
}

/* Is the plain digit amount a at p a name or identifier by its context
 * (Windows 11, ISBN 978..., version 2, COVID 19)? */
static bool digits_are_name(const scan *s, const amt *a)
{
    size_t p = a->s;
    if (p == 0)
        return false;
    unsigned char c = at(s, p - 1);
    /* %20, %2F: URL escapes */
    if (c == '#' || c == '@' || c == '/' || c == ':' || c == '+' || c == '\\' || c == '=' ||
        c == '%')
        return true;
    /* ’90, '16: abbreviated years */
    if ((c == '\'' || (c == 0x99 && p >= 3 && at(s, p - 2) == 0x80 && at(s, p - 3) == 0xE2))) {
        size_t i = c == '\'' ? p - 1 : p - 3;
        if (i == 0 || !is_alpha(at(s, i - 1)))
            return true;
    }
    if (!a->plain || a->label != NUM_CARDINAL)
        return false;
    size_t sl = hspace_len_before(s, p);
    if (!sl)
        return false;
    /* No. 1 */
    size_t b = p - sl;
    if (b >= 3 && at(s, b - 1) == '.' && (at(s, b - 2) | 0x20) == 'o' &&
        (at(s, b - 3) | 0x20) == 'n' && (b == 3 || !is_alpha(at(s, b - 4))))
        return true;
    size_t pws;
    const num_word *pw = prev_word(s, p, &pws);
    if (pws == NOPOS)
        return false;
    if (pw && (pw->flags & NWF_IDPRE))
        return true;
    if (!is_upper(at(s, pws)))
        return false;
    if (pw && (pw->flags & (NWF_FUNC | NWF_DATE)))
        return false;
    /* "Blair 10 days ago": a count of time is not a model number */
    size_t nws, nwe;
    next_word(s, a->e, &nws, &nwe);
    if (nws != NOPOS) {
        static const char *const counts[] = {"days",    "weeks",   "months",  "years",     "hours",
                                             "minutes", "seconds", "decades", "centuries", "times"};
        for (size_t i = 0; i < sizeof counts / sizeof counts[0]; i++)
            if (word_is(s, nws, nwe, counts[i]))
                return false;
    }
    /* At a sentence start the capital says nothing: "Eat 4 to 6 ounces". */
    if (sentence_initial(s, pws) && !is_upper(at(s, pws + 1)))
        return false;
    return true;
}

/* A modifier at p ("about", "more than", "at least", "up to"): its value
 * and where the amount starts; NULL if none. */
static const char *modifier(const scan *s, const num_word *w, size_t we, size_t *amt_start)
{
    size_t ws2, we2;
    if (w->cls == NW_MOD1) {
        size_t q = skip_ws(s, we);
        if (q == NOPOS || q == we)
            return NULL;
        *amt_start = q;
        return w->code;
    }
    next_word(s, we, &ws2, &we2);
    if (ws2 == NOPOS)
        return NULL;
    const char *mod = NULL;
    if (w->code && strcmp(w->code, "at_most") == 0) {
        if (word_is(s, ws2, we2, "to"))
            mod = "at_most";
    } else if (w->code) {
        if (word_is(s, ws2, we2, "than"))
            mod = w->code;
    } else if (word_is(s, ws2, we2, "least")) {
        mod = "at_least";
    } else if (word_is(s, ws2, we2, "most")) {
        mod = "at_most";
    }
    if (!mod)
        return NULL;
    size_t q = skip_ws(s, we2);
    if (q == NOPOS || q == we2)
        return NULL;
    *amt_start = q;
    return mod;
}

/* May amount b close a range that a opens?  Adjusts a (inherits b's
 * scale, label, currency or unit) and returns true when a < b. */
static bool make_range(amt *a, amt *b, bool between)
{
    if (!a->has_v || !b->has_v || a->neg || b->neg || a->label == NUM_ORDINAL ||
        b->label == NUM_ORDINAL || a->words != b->words || a->plural || b->plural)
        return false;
    amt a2 = *a;
    if (a2.label == NUM_CARDINAL && b->label != NUM_CARDINAL) {
        /* 10-15 percent, 5 to 10 km: the first inherits the unit */
        a2.label = b->label;
        a2.cur = b->cur;
        a2.unit = b->unit;
    } else if (a2.label == NUM_MONEY && a2.cur_prefix && b->label == NUM_CARDINAL) {
        b->label = NUM_MONEY; /* $5-10 million */
        b->cur = a2.cur;
    } else if (a2.label != b->label) {
        return false;
    } else if (a2.label != NUM_CARDINAL && !a2.cur_prefix && !between) {
        return false; /* from 5% to 10%: two amounts, but "between 3% and 5%" is one */
    }
    if (a2.label == NUM_MONEY && b->cur && a2.cur && strcmp(a2.cur, b->cur) != 0)
        return false;
    if (a2.scale == 0 && b->scale > 0 && num_dec_cmp(&a2.pre, &b->pre) < 0) {
        if (!num_dec_shift(&a2.v, b->scale))
            return false;
        a2.scale = b->scale;
    }
    if (num_dec_cmp(&a2.v, &b->v) >= 0)
        return false;
    /* "from 299,000,000 pounds in 1894 to 312,000,000": not one range when
     * the ends differ by more than three orders of magnitude */
    if (a2.v.nd > 0 && (b->v.nd + b->v.exp) - (a2.v.nd + a2.v.exp) > 3)
        return false;
    *a = a2;
    return true;
}

/* Is b less than ten times a?  Bare numbers joined by "to" that differ
 * more ("skidded 1.74 to 123.5") are a change, not a range. */
static bool ratio_below_ten(const amt *a, const amt *b)
{
    num_dec x = a->v;
    if (!num_dec_mul_u32(&x, 10))
        return true;
    return num_dec_cmp(&b->v, &x) < 0;
}

/* Where a second amount closing a range with a would start: after a
 * hyphen or en dash (*dash), "to" (*to), or "and" after "between".
 * NOPOS if none. */
static size_t range_tail(const scan *s, const amt *a, bool between, bool *dash, bool *to)
{
    unsigned char c = at(s, a->e);
    size_t ws, we;
    if (between) {
        next_word(s, a->e, &ws, &we);
        return ws != NOPOS && word_is(s, ws, we, "and") ? skip_ws(s, we) : NOPOS;
    }
    if (c == '-' && (is_dig(at(s, a->e + 1)) || at(s, a->e + 1) == '$') && !a->words) {
        *dash = true;
        return a->e + 1;
    }
    if (c == 0xE2 && at(s, a->e + 1) == 0x80 && at(s, a->e + 2) == 0x93) {
        *dash = true; /* en dash */
        return a->e + 3;
    }
    const num_word *t = next_word(s, a->e, &ws, &we);
    if (t && t->cls == NW_TO && lower_at(s, ws)) {
        *to = true;
        return skip_ws(s, we);
    }
    if (ws == NOPOS && !a->words) {
        /* 10 – 15 */
        size_t q = skip_ws(s, a->e);
        if (q != NOPOS && at(s, q) == 0xE2 && at(s, q + 1) == 0x80 && at(s, q + 2) == 0x93) {
            *dash = true;
            return skip_ws(s, q + 3);
        }
    }
    return NOPOS;
}

/* Are a, a hyphen and the digits at r a phone number or a code
 * (555-1234, 978-3-16-148410-0, 07-12)? */
static bool code_chain(const scan *s, const amt *a, size_t r, const amt *b)
{
    if (a->words || !a->plain || at(s, a->e) != '-')
        return false;
    digits d1, d2;
    read_digits(s, a->s, &d1);
    read_digits(s, r, &d2);
    return (at(s, d2.end) == '-' && is_dig(at(s, d2.end + 1))) || (d1.ndig == 3 && d2.ndig == 4) ||
           d2.lead0 || b->skip;
}

/* "10 x 20 cm", "3 × 4 m", "10 by 20 feet": the first side of a dimension
 * takes the unit of the second (each side stays its own span). */
static void dimension_unit(const scan *s, amt *a, int depth)
{
    size_t q = skip_ws(s, a->e);
    if (q == NOPOS || q == a->e)
        return;
    size_t l = 0;
    if ((at(s, q) == 'x' || at(s, q) == 'X') && !next_is_wordch(s, q + 1))
        l = 1;
    else if (at(s, q) == 0xC3 && at(s, q + 1) == 0x97)
        l = 2; /* × */
    else if ((at(s, q) | 0x20) == 'b' && (at(s, q + 1) | 0x20) == 'y' && !next_is_wordch(s, q + 2))
        l = 2;
    if (!l)
        return;
    size_t r = skip_ws(s, q + l);
    if (r == NOPOS || r == q + l || !is_dig(at(s, r)))
        return;
    amt b;
    if (!parse_amount(s, r, &b))
        return;
    if (b.label == NUM_CARDINAL && b.has_v && !b.words && depth < 2)
        dimension_unit(s, &b, depth + 1); /* 5 x 5 x 5 m */
    /* lengths only, unscaled: "the first quarter of 1981 by 2.2 million barrels" is no
     * dimension */
    static const char *const lengths[] = {"mm", "cm", "m", "km", "in", "ft", "yd", "mi"};
    bool length = false;
    for (size_t i = 0; b.unit && i < sizeof lengths / sizeof lengths[0]; i++)
        length = length || strcmp(b.unit, lengths[i]) == 0;
    if (b.label != NUM_QUANTITY || !length || b.kind || b.per || b.scale != 0)
        return;
    a->label = NUM_QUANTITY;
    a->unit = b.unit;
}

/* An amount after "aged" is an age in years. */
static void make_age(amt *a)
{
    if (a->label != NUM_CARDINAL)
        return;
    a->label = NUM_QUANTITY;
    a->unit = "year";
    a->kind = "age";
}

/* Tries an expression at p; on success emits it and stores the resume
 * position in *next.  Returns 1 matched, 0 not matched, <0 callback stop. */
static int try_expr(const scan *s, size_t p, size_t *next, num_match_fn fn, void *ctx, int *stop)
{
    const char *mod = NULL;
    size_t start = p, q = p;
    bool between = false, aged = false;
    *next = NOPOS;
    if (is_alpha(at(s, p))) {
        size_t we;
        const num_word *w = word_at(s, p, &we);
        if (w && (w->cls == NW_MOD1 || w->cls == NW_MOD2)) {
            size_t as;
            const char *m = modifier(s, w, we, &as);
            if (!m)
                return 0;
            if (!lower_at(s, p) && !sentence_initial(s, p))
                return 0;
            mod = m;
            q = as;
        } else if (w && w->cls == NW_AGED) {
            size_t q2 = skip_ws(s, we);
            if (q2 == NOPOS || q2 == we || (!lower_at(s, p) && !sentence_initial(s, p)))
                return 0;
            aged = true;
            q = q2;
        } else if (w && w->cls == NW_BETWEEN) {
            size_t q2 = skip_ws(s, we);
            if (q2 == NOPOS || q2 == we)
                return 0;
            between = true;
            q = q2;
        }
    }
    amt a;
    if (!parse_amount(s, q, &a)) {
        if (a.skip)
            *next = a.skip_to;
        return 0;
    }
    if (digits_are_name(s, &a)) {
        *next = a.s > 0 && at(s, a.s - 1) == '+' ? skip_phone(s, a.s) : skip_chain(s, a.s);
        return 0;
    }
    /* 555 1234 */
    if (a.plain && a.e - a.s == 3 && hspace_len(s, a.e)) {
        size_t r = a.e + hspace_len(s, a.e), k = 0;
        while (is_dig(at(s, r + k)))
            k++;
        size_t r2 = r + k + (k == 3 ? hspace_len(s, r + k) + (at(s, r + k) == '-') : 0), k2 = 0;
        while (r2 > r + k && is_dig(at(s, r2 + k2)))
            k2++;
        if ((k == 4 && !next_is_wordch(s, r + k)) || k2 == 4) {
            *next = skip_phone(s, a.s);
            return 0;
        }
    }
    /* (212) 555-1234 */
    if (!a.words && a.s > 0 && at(s, a.s - 1) == '(' && at(s, a.e) == ')' && a.e - a.s == 3 &&
        hspace_len(s, a.e + 1) && is_dig(at(s, a.e + 1 + hspace_len(s, a.e + 1)))) {
        *next = skip_phone(s, a.s);
        return 0;
    }
    if (mod && (a.label == NUM_ORDINAL || a.plural))
        return 0;
    if (aged && (a.label != NUM_CARDINAL || !a.has_v || a.neg || a.scale != 0))
        return 0;
    /* the modifier is an attribute, not part of the span (README) */
    if (!between)
        start = a.s;
    /* range tail */
    if (a.label != NUM_ORDINAL && !a.plural) {
        bool dash = false, to = false;
        size_t r = range_tail(s, &a, between, &dash, &to);
        if (r != NOPOS && r < s->n) {
            amt b;
            bool okb = parse_amount(s, r, &b);
            if (dash && code_chain(s, &a, r, &b)) {
                *next = skip_chain(s, a.s);
                return 0;
            }
            amt a0 = a;
            if (okb && !digits_are_name(s, &b) && b.s == r && make_range(&a, &b, between) &&
                !(to && b.label == NUM_CARDINAL && b.scale <= 0 && !ratio_below_ten(&a, &b))) {
                *next = b.e;
                if (aged) {
                    make_age(&b); /* aged 18 to 24 */
                    start = p;
                }
                int rc = emit_amt(s, &a, start, &b, mod, fn, ctx);
                if (rc)
                    *stop = rc;
                return 1;
            }
            a = a0;
            if (okb && dash && at(s, a.e) == '-' && !b.words && b.label != NUM_ORDINAL) {
                /* 3-2: a score or a pair, two numbers */
                int rc = emit_amt(s, &a, start, NULL, mod, fn, ctx);
                if (!rc)
                    rc = emit_amt(s, &b, b.s, NULL, NULL, fn, ctx);
                if (rc)
                    *stop = rc;
                *next = b.e;
                return 1;
            }
        }
    }
    if (between)
        start = a.s;
    if (aged) {
        make_age(&a); /* aged 45 */
        start = p;
    }
    if (a.label == NUM_CARDINAL && a.has_v && !a.words)
        dimension_unit(s, &a, 0); /* 10 x 20 cm */
    *next = a.e;
    int rc = emit_amt(s, &a, start, NULL, mod, fn, ctx);
    if (rc)
        *stop = rc;
    return 1;
}

/* Can the byte at p start an amount that is not a word? */
static bool sym_start(const scan *s, size_t p)
{
    unsigned char c = at(s, p);
    if (c == '$')
        return true;
    if (c == '#')
        return is_dig(at(s, p + 1));
    if (c == '-' || c == '.')
        return is_dig(at(s, p + 1)) || (c == '-' && at(s, p + 1) == '$');
    if (c == 0xC2) /* £ ¥ ¼ ½ ¾ */
        return at(s, p + 1) == 0xA3 || at(s, p + 1) == 0xA5 ||
               (at(s, p + 1) >= 0xBC && at(s, p + 1) <= 0xBE);
    if (c == 0xE2) /* € ₹ ₩ ₽ ₺ ₪, the minus sign, ⅓ .. ⅞ */
        return (at(s, p + 1) == 0x82 && at(s, p + 2) >= 0xA9 && at(s, p + 2) <= 0xBD) ||
               (at(s, p + 1) == 0x88 && at(s, p + 2) == 0x92) ||
               (at(s, p + 1) == 0x85 && at(s, p + 2) >= 0x93 && at(s, p + 2) <= 0x9E);
    return false;
}

/* The end of the run of ASCII letters at p.  Eight bytes at a time where
 * the compiler can find the first non-letter of a word (GCC and Clang,
 * little-endian): the loop over the letters of every word is the
 * scanner's hottest, and one step covering a short word saves its
 * mispredicted exit branch. */
static inline size_t letters_end(const char *text, size_t p, size_t len)
{
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    const uint64_t ones = 0x0101010101010101u, high = 0x8080808080808080u;
    while (p + 8 <= len) {
        uint64_t x;
        memcpy(&x, text + p, 8);
        /* per byte and without carries (y < 0x80): after folding the case
         * a letter is 0x61..0x7A, so y + 0x1F has its high bit and y + 0x05
         * has not; bytes >= 0x80 are no ASCII letters */
        uint64_t y = (x | 0x2020202020202020u) & ~high;
        uint64_t letter = (y + 0x1F * ones) & ~(y + 0x05 * ones) & ~x & high;
        uint64_t stop = ~letter & high;
        if (stop)
            return p + (size_t)(__builtin_ctzll(stop) >> 3);
        p += 8;
    }
#endif
    while (p < len && is_alpha((unsigned char)text[p]))
        p++;
    return p;
}

/* Byte classes for the main loop: 0 cannot start anything, 1 letter,
 * 2 digit, 3 may start a sign, currency or fraction ($ # - . and the lead
 * bytes of £ ¥ ½ € − ⅓). */
static const uint8_t num_byte_class[256] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 3, 3, 0, 0, 0, 0, 0, 0, 0, 0, 3, 3, 0, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 0, 0, 0, 0, 0, 0,
    0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
    0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
};

int num_scan(const ann_host *host, const num_lex *lx, const char *text, size_t len, num_match_fn fn,
             void *ctx)
{
    scan sc = {host, lx, text, len};
    const scan *s = &sc;
    size_t p = 0;
    int stop = 0;
    while (p < len) {
        while (p < len && num_byte_class[(unsigned char)text[p]] == 0)
            p++;
        if (p >= len)
            break;
        unsigned char c = (unsigned char)text[p];
        size_t next = NOPOS;
        if (is_alpha(c)) {
            size_t we = letters_end(text, p + 1, len);
            unsigned char pc = p > 0 ? (unsigned char)text[p - 1] : ' ';
            if ((pc >= 0x80 || num_byte_class[pc] == 1 || num_byte_class[pc] == 2 || pc == '_') &&
                prev_is_wordch(s, p)) {
                p = we;
                while (p < len &&
                       (is_alpha((unsigned char)text[p]) || is_dig((unsigned char)text[p])))
                    p++;
                continue;
            }
            bool cand = num_lex_may_start(lx, text + p, we - p);
            if (!cand && (is_upper(c) || c == 'd' || c == 'r') &&
                (we - p <= 4 || (c == 'd' && we - p == 6)) &&
                (at(s, we) == '$' || at(s, we) == '.' || is_dig(at(s, we)) ||
                 (hspace_len(s, we) && (is_dig(at(s, we + hspace_len(s, we))) ||
                                        at(s, we + hspace_len(s, we)) == '$')))) {
                size_t cl;
                cand = num_cur_prefix(text + p, len - p, &cl) != NULL;
            }
            if (cand && try_expr(s, p, &next, fn, ctx, &stop) && next != NOPOS && next > p) {
                if (stop)
                    return stop;
                p = next;
                continue;
            }
            if (stop)
                return stop;
            p = next != NOPOS && next > we ? next : we;
            continue;
        }
        if (is_dig(c)) {
            /* inside an identifier: A320, COVID-19, x86 */
            if (p > 0 && (prev_is_wordch(s, p) || ((at(s, p - 1) == '-' || at(s, p - 1) == '.') &&
                                                   p >= 2 && prev_is_wordch(s, p - 1)))) {
                p = skip_chain(s, p);
                continue;
            }
        } else if (!sym_start(s, p)) {
            p++;
            continue;
        } else if ((c == '-' || c == '.') && p > 0 && prev_is_wordch(s, p)) {
            p++;
            continue;
        }
        if (try_expr(s, p, &next, fn, ctx, &stop) && next != NOPOS && next > p) {
            if (stop)
                return stop;
            p = next;
            continue;
        }
        if (stop)
            return stop;
        if (next != NOPOS && next > p) {
            p = next;
        } else if (is_dig(c)) {
            p = skip_chain(s, p);
        } else {
            p++;
        }
    }
    return 0;
}
