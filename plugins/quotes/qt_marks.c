/*
 * qt_marks.c -- which characters are quotation marks, and what each may do.
 *
 * Marks: “ ” „ (double), ‘ ’ ‚ (single), " and ' (straight), « » and ‹ ›
 * (guillemets), `` and '' (TeX style).  Whether a mark may open or close a
 * quotation follows from its neighbours: an opening mark has space (or an
 * opening bracket, a dash, another mark) before it and a word after it, a
 * closing mark the reverse.
 *
 * The apostrophe traps are decided here, because ’ and ' are both the closing
 * single mark and the apostrophe:
 *   - between two letters it is an apostrophe: Renault’s, O’Neil, didn’t;
 *   - before a two-digit year it is an elision: ’90s, '16;
 *   - before the elided words em, n, cause, til, tis, twas ... it is an
 *     elision: ’em, rock ’n’ roll (the ’ after that n is one too);
 *   - after an s and before a lower-case word it is most likely the
 *     possessive of a plural (the companies’ plans): marked QT_WEAK, which
 *     the pairing never lets close a quotation.
 */
#include "qt.h"

#include <string.h>

/* First bytes that can start a mark: " ' ` and the lead bytes of U+00AB,
 * U+00BB (0xC2) and U+2018..U+203A (0xE2). */
static const unsigned char qt_lead[256] = {
    ['"'] = 1, ['\''] = 1, ['`'] = 1, [0xC2] = 1, [0xE2] = 1};

/* Code points of the typographic marks. */
enum {
    CP_LSQUO = 0x2018,
    CP_RSQUO = 0x2019,
    CP_SBQUO = 0x201A,
    CP_LDQUO = 0x201C,
    CP_RDQUO = 0x201D,
    CP_BDQUO = 0x201E,
    CP_LAQUO = 0xAB,
    CP_RAQUO = 0xBB,
    CP_LSAQUO = 0x2039,
    CP_RSAQUO = 0x203A
};

static int qt_is_mark_cp(uint32_t cp)
{
    return cp == '"' || cp == '\'' || cp == CP_LSQUO || cp == CP_RSQUO || cp == CP_SBQUO ||
           cp == CP_LDQUO || cp == CP_RDQUO || cp == CP_BDQUO || cp == CP_LAQUO || cp == CP_RAQUO ||
           cp == CP_LSAQUO || cp == CP_RSAQUO || cp == '`';
}

/* The character before a mark leaves room for an opening mark: nothing,
 * space, an opening bracket, a dash, a slash, or another mark. */
static int qt_left_open(const qt_text *x, uint32_t cp, size_t clen)
{
    if (clen == 0 || (qt_class(x, cp) & (ANN_CHAR_SPACE | ANN_CHAR_DASH)) || qt_is_mark_cp(cp))
        return 1;
    return cp == '(' || cp == '[' || cp == '{' || cp == '<' || cp == '-' || cp == '/';
}

/* The character after a mark fits a closing mark: nothing, space, sentence
 * punctuation, a closing bracket, a dash, an ellipsis, or another mark. */
static int qt_right_close(const qt_text *x, uint32_t cp, size_t clen)
{
    /* an ellipsis counts as part of the words: “… overall” and “... so…” */
    if (clen == 0 || (qt_class(x, cp) & (ANN_CHAR_SPACE | ANN_CHAR_DASH)) || qt_is_mark_cp(cp))
        return 1;
    return cp != 0 && strchr(".,;:!?)]}>-/*", (int)cp) != NULL;
}

/* Words that an apostrophe elides at their start ('em, 'n', 'cause ...),
 * lower case, ending at a non-letter. */
static const char *const qt_elided[] = {"em",  "n",     "cause", "cos",    "coz",  "til", "till",
                                        "tis", "twas",  "bout",  "round",  "nuff", "kay", "sup",
                                        "ol",  "twere", "neath", "gainst", NULL};

/* Whether t[i..) (just after an apostrophe) starts an elided word or a
 * two-digit year ('90s, '16). */
static int qt_elision_after(const qt_text *x, size_t end, size_t i)
{
    const char *t = x->s;
    if (i + 1 < end && qt_is_ascii_digit(t[i]) && qt_is_ascii_digit(t[i + 1]) &&
        (i + 2 >= end || !qt_is_ascii_digit(t[i + 2])))
        return 1;
    size_t n = 0;
    while (i + n < end && n < 8 &&
           ((t[i + n] >= 'a' && t[i + n] <= 'z') || (t[i + n] >= 'A' && t[i + n] <= 'Z')))
        n++;
    if (n == 0 || n >= 8)
        return 0;
    if (i + n < end) {
        size_t cl;
        if (qt_class(x, qt_cp_at(x, end, i + n, &cl)) & QT_WORD)
            return 0;
    }
    for (size_t k = 0; qt_elided[k]; k++) {
        size_t m = strlen(qt_elided[k]);
        if (m != n)
            continue;
        size_t j = 0;
        while (j < n && qt_lower(t[i + j]) == qt_elided[k][j])
            j++;
        if (j == n)
            return 1;
    }
    return 0;
}

/* Whether the apostrophe at t[i] closes the elision ’n’ (rock ’n’ roll):
 * the word before it is a single n that itself follows an apostrophe. */
static int qt_closes_n(const qt_text *x, size_t lo, size_t i)
{
    if (i < lo + 2 || qt_lower(x->s[i - 1]) != 'n')
        return 0;
    size_t cl;
    uint32_t cp = qt_cp_before(x, lo, i - 1, &cl);
    return cl > 0 && (cp == '\'' || cp == CP_RSQUO || cp == CP_LSQUO);
}

/* Classifies an apostrophe-like single mark (’ ' ‘).  prev/next are the
 * neighbouring characters (lengths pl/nl; 0 when outside the paragraph). */
static uint8_t qt_single_role(const qt_text *x, size_t lo, size_t end, size_t pos, size_t mlen,
                              uint32_t cp, uint32_t prev, size_t pl, uint32_t next, size_t nl)
{
    uint32_t pc = pl ? qt_class(x, prev) : 0, nc = nl ? qt_class(x, next) : 0;
    int lopen = qt_left_open(x, prev, pl), rclose = qt_right_close(x, next, nl);
    if ((pc & QT_WORD) && (nc & QT_LETTER))
        return 0; /* inside a word: Renault’s, O’Neil */
    if (lopen && qt_elision_after(x, end, pos + mlen))
        return 0; /* ’90s, ’em, ’n’ */
    if (qt_closes_n(x, lo, pos))
        return 0;
    /* both neighbours fit either role (a dash on one side): the side
     * that is not white space is the quoted text */
    int pspace = pl == 0 || (pc & ANN_CHAR_SPACE), nspace = nl == 0 || (nc & ANN_CHAR_SPACE);
    if (cp == CP_LSQUO) {
        if (!rclose)
            return QT_OPEN;
        if (!lopen)
            return QT_CLOSE;
        return (pspace && nspace) ? 0 : nspace ? QT_CLOSE : QT_OPEN;
    }
    if (lopen && !rclose)
        return QT_OPEN;
    if (!lopen && rclose) {
        /* s’ + space + lower-case word: the possessive of a plural */
        if ((prev == 's' || prev == 'S') && (nc & ANN_CHAR_SPACE)) {
            size_t j = pos + mlen + nl, cl;
            while (j < end && (qt_class(x, qt_cp_at(x, end, j, &cl)) & ANN_CHAR_SPACE))
                j += cl;
            if (j < end && x->s[j] >= 'a' && x->s[j] <= 'z')
                return QT_CLOSE | QT_WEAK;
        }
        return QT_CLOSE;
    }
    if (lopen && rclose)
        return (pspace && nspace) ? 0 : nspace ? QT_CLOSE : QT_OPEN;
    return QT_OPEN | QT_CLOSE;
}

/* A curly mark with room on both sides: none between two spaces; else it
 * faces the side without space (followed by space: closing). */
static uint8_t qt_flank(const qt_text *x, uint32_t prev, size_t pl, uint32_t next, size_t nl,
                        uint8_t if_nspace, uint8_t if_pspace)
{
    int pspace = pl == 0 || (qt_class(x, prev) & ANN_CHAR_SPACE);
    int nspace = nl == 0 || (qt_class(x, next) & ANN_CHAR_SPACE);
    if (pspace && nspace)
        return 0;
    return nspace ? if_nspace : if_pspace;
}

int qt_next_mark(const qt_text *x, size_t lo, size_t end, size_t *pos, qt_mark *m)
{
    size_t i = *pos;
    const unsigned char *u = (const unsigned char *)x->s;
    for (; i < end; i++) {
        if (!qt_lead[u[i]])
            continue;
        size_t mlen;
        uint32_t cp = qt_cp_at(x, end, i, &mlen);
        if (!qt_is_mark_cp(cp))
            continue;
        uint8_t family = QT_FAM_DOUBLE;
        /* TeX style `` and '' are one mark each */
        if ((cp == '`' || cp == '\'') && i + 1 < end && u[i + 1] == u[i])
            mlen = 2;
        if (cp == CP_LSQUO || cp == CP_RSQUO || cp == CP_SBQUO || cp == CP_LSAQUO ||
            cp == CP_RSAQUO || ((cp == '\'' || cp == '`') && mlen == 1))
            family = QT_FAM_SINGLE;
        /* Neighbours, looking past adjacent marks: in ,’” the ” sees the
         * comma, in “‘Hello the ‘ sees what precedes the “. */
        size_t pl, nl = 0, back = i, fwd = i + mlen;
        uint32_t prev = qt_cp_before(x, lo, back, &pl);
        for (int k = 0; k < 3 && pl && qt_is_mark_cp(prev) && prev != '`'; k++) {
            back -= pl;
            prev = qt_cp_before(x, lo, back, &pl);
        }
        uint32_t next = 0;
        if (fwd < end)
            next = qt_cp_at(x, end, fwd, &nl);
        for (int k = 0; k < 3 && nl && qt_is_mark_cp(next) && next != '`'; k++) {
            fwd += nl;
            nl = 0;
            next = fwd < end ? qt_cp_at(x, end, fwd, &nl) : 0;
        }
        int lopen = qt_left_open(x, prev, pl), rclose = qt_right_close(x, next, nl);
        int next_letter = nl && (qt_class(x, next) & QT_LETTER);
        uint8_t role;
        if (pl && prev == '=') {
            role = 0; /* an attribute value in markup left in the text: x="y" */
        } else if (mlen == 2 && cp == '`') {
            role = QT_OPEN;
        } else if (mlen == 2 && cp == '\'') {
            role = lopen && !rclose ? 0 : QT_CLOSE;
        } else if (family == QT_FAM_SINGLE && cp != CP_SBQUO && cp != CP_LSAQUO &&
                   cp != CP_RSAQUO && cp != '`') {
            role = qt_single_role(x, lo, end, i, mlen, cp, prev, pl, next, nl);
        } else if (cp == '`') {
            role = next_letter ? QT_OPEN : 0;
        } else if (cp == CP_BDQUO || cp == CP_LAQUO || cp == CP_LSAQUO) {
            role = rclose && !lopen ? QT_CLOSE : QT_OPEN;
        } else if (cp == CP_SBQUO) {
            role = (lopen && next_letter) ? QT_OPEN : 0;
        } else if (cp == CP_RAQUO || cp == CP_RSAQUO) {
            role = lopen && !rclose ? QT_OPEN : QT_CLOSE;
        } else if (cp == CP_LDQUO) {
            role = !rclose  ? QT_OPEN
                   : !lopen ? QT_CLOSE
                            : qt_flank(x, prev, pl, next, nl, QT_CLOSE, QT_OPEN);
        } else if (cp == CP_RDQUO) {
            role = !lopen    ? QT_CLOSE
                   : !rclose ? QT_OPEN
                             : qt_flank(x, prev, pl, next, nl, QT_CLOSE, QT_OPEN);
        } else { /* straight double */
            /* between two spaces (or two words) it may do either: the
             * pairing decides (outreach,' " closes a quotation) */
            if (lopen == rclose)
                role = QT_OPEN | QT_CLOSE;
            else
                role = lopen ? QT_OPEN : QT_CLOSE;
        }
        m->pos = (uint32_t)i;
        m->len = (uint8_t)mlen;
        m->family = family;
        m->role = role;
        *pos = i + mlen;
        return 1;
    }
    *pos = end;
    return 0;
}
