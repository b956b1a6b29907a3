/*
 * num_words.c -- numbers written in words: cardinals up to the trillions
 * ("eighty-five thousand eight hundred and ten"), ordinals ("twenty-first"),
 * fractions ("two-thirds", "one and a half", "a quarter of"), "a dozen",
 * "half a million", "dozens", and the checks that keep "no one", "wait a
 * second" and "the first half" out.
 */
#include "num_amount.h"

enum { WL_START, WL_A, WL_UNIT, WL_TEEN, WL_TENS, WL_HUNDRED, WL_SCALE, WL_DOZEN, WL_END };

typedef struct wnum {
    size_t end;
    uint64_t total, cur;
    int last;
    int min_scale; /* scales must decrease: one million two thousand */
    bool ordinal;
    bool frac;
    uint64_t fn, fd;
    int frac_scale; /* "one million and a half": the half is of a million (10^6) */
    int nwords;
} wnum;

/* The denominator an ordinal word names as a fraction: "third" 3,
 * "hundredth" 100, "thousandth" 1000 (a scale ordinal's v is its power of
 * ten).  0 for "first" and "second", which name no fraction. */
static uint64_t ord_den(const num_word *e)
{
    if (e->cls == NW_FRAC1)
        return e->v;
    if (e->cls != NW_ORD)
        return 0;
    if (e->aux == NW_SCALE) {
        uint64_t d = 1;
        for (uint64_t i = 0; i < e->v && i < 18; i++)
            d *= 10;
        return d;
    }
    return e->v >= 3 && (e->v <= 10 || e->v == 100) ? e->v : 0;
}

/* A currency word after an amount without value ("several billion
 * dollars", with_of: "millions of dollars") makes it MONEY. */
static void money_after(const scan *s, amt *a, bool with_of)
{
    size_t ws, we;
    const num_word *c = next_word(s, a->e, &ws, &we);
    if (with_of) {
        if (!c || !word_is(s, ws, we, "of"))
            return;
        c = next_word(s, we, &ws, &we);
    }
    if (c && c->cls == NW_CUR && c->aux == 0 && lower_at(s, ws) &&
        !word_is(s, ws, we, "sterling")) {
        a->label = NUM_MONEY;
        a->cur = c->code;
        a->e = we;
    }
}

/* Is the next word "of"? */
static bool followed_by_of(const scan *s, size_t p)
{
    size_t ws, we;
    next_word(s, p, &ws, &we);
    return ws != NOPOS && word_is(s, ws, we, "of");
}

/* "a half", "one quarter", "one-third", "three quarters" at p: the value
 * as num/den and the end.  Singular denominators need numerator 1. */
static bool word_fraction(const scan *s, size_t p, uint64_t *fn, uint64_t *fd, size_t *end)
{
    size_t we;
    const num_word *e = is_alpha(at(s, p)) ? word_at(s, p, &we) : NULL;
    if (!e)
        return false;
    uint64_t num;
    if (e->cls == NW_A)
        num = 1;
    else if (e->cls == NW_UNIT || e->cls == NW_TEEN)
        num = e->v;
    else
        return false;
    size_t r = we, ws2, we2;
    const num_word *d;
    if (at(s, r) == '-' && is_alpha(at(s, r + 1))) {
        ws2 = r + 1;
        d = word_at(s, ws2, &we2);
    } else {
        d = next_word(s, r, &ws2, &we2);
    }
    if (!d)
        return false;
    if (num == 1 && ord_den(d)) {
        *fd = ord_den(d);
    } else if (num > 1 && d->cls == NW_FRACS) {
        *fd = d->v;
    } else {
        return false;
    }
    if (e->cls == NW_A && d->cls == NW_ORD)
        return false; /* "and a third" is too rare to outweigh "and a third party" */
    *fn = num;
    *end = we2;
    return true;
}

/* Parses a number in words starting with entry e at [p, we).  The state may
 * be preset (after "a": last = WL_A, cur = 1).  False if nothing numeric. */
static bool parse_words(const scan *s, size_t p, const num_word *e, size_t we, wnum *w)
{
    bool hyph = false;
    (void)p;
    for (;;) {
        bool took = false;
        int l = w->last;
        /* "one hundredth of", "one thousandth of": a fraction, not the ordinal */
        if (e && e->cls == NW_ORD && l == WL_UNIT && w->cur == 1 && w->nwords == 1 &&
            w->total == 0 && !hyph && ord_den(e) >= 100 && followed_by_of(s, we)) {
            w->frac = true;
            w->fn = 1;
            w->fd = ord_den(e);
            w->cur = 0;
            w->last = WL_END;
            w->end = we;
            w->nwords++;
            break;
        }
        if (e) {
            switch (e->cls) {
            case NW_ZERO:
                if (l == WL_START) {
                    w->cur = 0;
                    w->last = WL_END;
                    took = true;
                }
                break;
            case NW_UNIT:
            case NW_TEEN:
            case NW_TENS: {
                bool ok = false;
                if (l == WL_START)
                    ok = !hyph;
                else if (l == WL_TENS)
                    ok = e->cls == NW_UNIT; /* twenty-one, twenty one */
                else if (l == WL_HUNDRED || l == WL_SCALE)
                    ok = !hyph;
                if (ok) {
                    if (l == WL_SCALE || l == WL_START)
                        w->cur = e->v;
                    else
                        w->cur += e->v;
                    w->last = e->cls == NW_UNIT ? WL_UNIT : e->cls == NW_TEEN ? WL_TEEN : WL_TENS;
                    took = true;
                }
                break;
            }
            case NW_HUNDRED:
                /* one-hundred, fifteen-hundred */
                if ((!hyph || l != WL_A) && (l == WL_UNIT || l == WL_TEEN || l == WL_A) &&
                    w->cur > 0 && w->cur < 100) {
                    w->cur *= 100;
                    w->last = WL_HUNDRED;
                    took = true;
                }
                break;
            case NW_SCALE:
                if (!hyph && l != WL_START && l != WL_SCALE && l != WL_DOZEN &&
                    (int)e->v < w->min_scale && w->cur > 0) {
                    uint64_t m = 1;
                    for (uint64_t i = 0; i < e->v; i++)
                        m *= 10;
                    w->total += w->cur * m;
                    w->cur = 0;
                    w->min_scale = (int)e->v;
                    w->last = WL_SCALE;
                    took = true;
                }
                break;
            case NW_DOZEN:
                if (!hyph && (l == WL_UNIT || l == WL_TEEN || l == WL_A) && w->cur > 0 &&
                    w->cur < 100) {
                    w->cur *= 12;
                    w->last = WL_DOZEN;
                    took = true;
                }
                break;
            case NW_ORD: {
                int acts = e->aux;
                bool ok = false;
                if (l == WL_START && !hyph) {
                    if (acts == NW_SCALE) {
                        w->cur = 1;
                        for (uint64_t i = 0; i < e->v; i++)
                            w->cur *= 10;
                    } else {
                        w->cur = e->v;
                    }
                    ok = true;
                } else if (l == WL_TENS && acts == NW_UNIT) {
                    w->cur += e->v;
                    ok = true;
                } else if ((l == WL_HUNDRED || l == WL_SCALE) && !hyph &&
                           (acts == NW_UNIT || acts == NW_TEEN || acts == NW_TENS)) {
                    if (l == WL_SCALE)
                        w->cur = e->v;
                    else
                        w->cur += e->v;
                    ok = true;
                } else if ((l == WL_UNIT || l == WL_TEEN) && acts == NW_HUNDRED && !hyph &&
                           w->cur < 100) {
                    w->cur *= 100;
                    ok = true;
                } else if (l != WL_START && l != WL_SCALE && l != WL_A && acts == NW_SCALE &&
                           !hyph && (int)e->v < w->min_scale && w->cur > 0) {
                    uint64_t m = 1;
                    for (uint64_t i = 0; i < e->v; i++)
                        m *= 10;
                    w->total += w->cur * m;
                    w->cur = 0;
                    ok = true;
                }
                if (ok) {
                    w->ordinal = true;
                    w->last = WL_END;
                    took = true;
                }
                break;
            }
            default:
                break;
            }
        }
        /* Fractions written in words: one-third, two thirds, one half. */
        if (!took && e && (l == WL_UNIT || l == WL_TEEN || l == WL_TENS) && w->total == 0 &&
            w->cur < 100) {
            if (w->cur == 1 && w->nwords == 1 && ord_den(e)) {
                w->frac = true; /* one-third, one-thousandth */
                w->fn = 1;
                w->fd = ord_den(e);
                w->cur = 0;
                w->last = WL_END;
                took = true;
            } else if (w->cur > 1 && e->cls == NW_FRACS &&
                       (hyph || (e->v != 2 && e->v != 4) || followed_by_of(s, we))) {
                /* "two quarters" alone are half a year, "three quarters of" a fraction */
                w->frac = true;
                w->fn = w->cur;
                w->fd = e->v;
                w->cur = 0;
                w->last = WL_END;
                took = true;
            }
        }
        if (!took)
            break;
        w->end = we;
        w->nwords++;
        if (w->last == WL_END)
            break;
        /* The connector to the next word. */
        size_t r = we, ws2, we2;
        const num_word *e2;
        if (at(s, r) == '-' && is_alpha(at(s, r + 1))) {
            e2 = word_at(s, r + 1, &we2);
            if (!e2)
                break;
            e = e2;
            we = we2;
            hyph = true;
            continue;
        }
        e2 = next_word(s, r, &ws2, &we2);
        if (!e2 || !lower_at(s, ws2))
            break;
        if (e2->cls == NW_AND) {
            size_t ws3, we3;
            const num_word *e3 = next_word(s, we2, &ws3, &we3);
            int last = w->last;
            if (e3 && (last == WL_HUNDRED || last == WL_SCALE) &&
                (e3->cls == NW_UNIT || e3->cls == NW_TEEN || e3->cls == NW_TENS ||
                 (e3->cls == NW_ORD && e3->aux != NW_SCALE && e3->aux != NW_HUNDRED))) {
                e = e3;
                we = we3;
                hyph = false;
                continue;
            }
            /* one and a half, two and three-quarters */
            uint64_t fn, fd;
            size_t fe;
            if (ws3 != NOPOS && last != WL_A && last != WL_DOZEN &&
                word_fraction(s, ws3, &fn, &fd, &fe)) {
                if (last == WL_SCALE)
                    w->frac_scale = w->min_scale;
                w->frac = true;
                w->fn = fn;
                w->fd = fd;
                w->end = fe;
                w->last = WL_END;
            }
            break;
        }
        e = e2;
        we = we2;
        hyph = false;
    }
    return w->nwords > 0 && w->last != WL_A;
}

/* Checks the word "one" (a pronoun in "no one", "one another", "one's"). */
static bool one_is_number(const scan *s, size_t ws, size_t we)
{
    size_t pws;
    const num_word *pw = prev_word(s, ws, &pws);
    if (pw && (pw->flags & NWF_ONEBLK))
        return false;
    /* "a brilliant one", "a more progressive one": a determiner up to three
     * words back, not across a preposition ("the cost of one") */
    size_t i = ws;
    for (int k = 0; k < 3; k++) {
        size_t b;
        const num_word *w = prev_word(s, i, &b);
        if (b == NOPOS)
            break;
        if (w && (w->cls == NW_A || (k == 0 && (w->flags & NWF_ONEBLK))))
            return false;
        if (k > 0) {
            static const char *const dets[] = {"the",   "this", "another", "any", "each",
                                               "every", "its",  "his",     "her", "their",
                                               "our",   "my",   "your"};
            size_t e = b;
            while (is_alpha(at(s, e)))
                e++;
            for (size_t d = 0; d < sizeof dets / sizeof dets[0]; d++)
                if (word_is(s, b, e, dets[d]))
                    return false;
        }
        if (w && w->cls != NW_OTHER && w->cls != NW_MOD1 && w->cls != NW_MOD2)
            break;
        if (w && (w->flags & NWF_FUNC) && w->cls != NW_MOD1 && w->cls != NW_MOD2)
            break;
        i = b;
    }
    unsigned char c = at(s, we);
    if (c == '\'' || (c == 0xE2 && at(s, we + 1) == 0x80 && at(s, we + 2) == 0x99))
        return false;
    if (c == '-' && is_alpha(at(s, we + 1)))
        return false; /* one-time, one-off, one-on-one */
    if (ws > 0 && at(s, ws - 1) == '-')
        return false; /* one-to-one */
    size_t nws, nwe;
    next_word(s, we, &nws, &nwe);
    /* generic "one": one could, one must, one knew */
    static const char *const verbs[] = {"could",  "would", "should",  "must",  "might", "can",
                                        "cannot", "will",  "shall",   "knew",  "feels", "finds",
                                        "gets",   "sees",  "wonders", "needs", "ought"};
    for (size_t k = 0; nws != NOPOS && k < sizeof verbs / sizeof verbs[0]; k++)
        if (word_is(s, nws, nwe, verbs[k]))
            return false;
    if (nws != NOPOS && (word_is(s, nws, nwe, "another") || word_is(s, nws, nwe, "by") ||
                         word_is(s, nws, nwe, "who") || word_is(s, nws, nwe, "that") ||
                         word_is(s, nws, nwe, "which") || word_is(s, nws, nwe, "whose") ||
                         word_is(s, nws, nwe, "whom")))
        return false;
    return true;
}

/* Checks the word "second" (a unit of time in "wait a second", "a split
 * second", "30 second"; part of "second-hand"). */
static bool second_is_ordinal(const scan *s, size_t ws, size_t we)
{
    if (at(s, we) == '-') {
        size_t e2;
        if (is_alpha(at(s, we + 1))) {
            word_at(s, we + 1, &e2);
            if (word_is(s, we + 1, e2, "hand") || word_is(s, we + 1, e2, "guess") ||
                word_is(s, we + 1, e2, "rate") || word_is(s, we + 1, e2, "hander"))
                return false;
        }
    }
    size_t i = ws;
    for (size_t l; (l = hspace_len_before(s, i)) != 0;)
        i -= l;
    if (i > 0 && is_dig(at(s, i - 1)))
        return false;
    size_t pws;
    const num_word *pw = prev_word(s, ws, &pws);
    if (pws == NOPOS)
        return true;
    size_t pwe = pws;
    while (is_alpha(at(s, pwe)))
        pwe++;
    if (word_is(s, pws, pwe, "per") || word_is(s, pws, pwe, "split") ||
        word_is(s, pws, pwe, "one") || word_is(s, pws, pwe, "every") ||
        word_is(s, pws, pwe, "each") || word_is(s, pws, pwe, "single"))
        return false;
    if (pw && pw->cls == NW_A) {
        /* "26 cycles a second", "frames a second": a rate */
        size_t bws;
        prev_word(s, pws, &bws);
        if (bws != NOPOS && pws - bws > 5 && at(s, pws - 2) == 's' && at(s, pws - 3) != 's')
            return false;
        size_t j = pws;
        for (size_t l; (l = hspace_len_before(s, j)) != 0;)
            j -= l;
        if (j > 0 && is_dig(at(s, j - 1)))
            return false;
        size_t nws, nwe;
        const num_word *nw = next_word(s, we, &nws, &nwe);
        if (nws == NOPOS)
            return false; /* wait a second. */
        if (nw && (nw->flags & (NWF_SECBLK | NWF_FUNC)))
            return false;
        if (nw && (nw->cls == NW_AND || nw->cls == NW_TO || nw->cls == NW_MOD1))
            return false;
    }
    return true;
}

/* "half" on its own: "half of", "half the" but not "the first half". */
static bool half_alone(const scan *s, size_t ws, size_t we)
{
    if (at(s, we) == '-')
        return false;
    size_t pws;
    const num_word *pw = prev_word(s, ws, &pws);
    if (pw &&
        (pw->cls == NW_A || pw->cls == NW_ORD || pw->cls == NW_AND || (pw->flags & NWF_ONEBLK)))
        return false;
    if (pws != NOPOS) {
        size_t pwe = pws;
        while (is_alpha(at(s, pwe)))
            pwe++;
        if (word_is(s, pws, pwe, "other") || word_is(s, pws, pwe, "next") ||
            word_is(s, pws, pwe, "second"))
            return false;
    }
    size_t nws, nwe;
    next_word(s, we, &nws, &nwe);
    if (nws == NOPOS)
        return false;
    static const char *const after[] = {"of",   "the",  "its",   "their", "his", "her",  "our",
                                        "this", "that", "these", "those", "my",  "your", "all"};
    for (size_t i = 0; i < sizeof after / sizeof after[0]; i++)
        if (word_is(s, nws, nwe, after[i]))
            return true;
    return false;
}

/* "to last" after q ("second to last"): extends a->e past it when a counted
 * noun follows (see relative_ordinal). */
static bool counted_noun_after(const scan *s, size_t q);

static bool to_last(const scan *s, amt *a, size_t q)
{
    size_t ws, we, ws2, we2;
    const num_word *t = next_word(s, q, &ws, &we);
    if (ws != NOPOS && word_is(s, ws, we, "last") && counted_noun_after(s, we)) {
        a->e = we; /* the second last lap */
        a->has_v = false;
        return true;
    }
    if (!t || t->cls != NW_TO || !lower_at(s, ws))
        return false;
    next_word(s, we, &ws2, &we2);
    if (ws2 == NOPOS || !word_is(s, ws2, we2, "last") || !counted_noun_after(s, we2))
        return false;
    a->e = we2;
    a->has_v = false;
    return true;
}

/* Is the word after q a noun that can be counted, so that "last" before it
 * is an ordinal ("the last race")?  Not a time ("the last week" is a date),
 * not a number ("the last two"), not a function word or "of". */
static bool counted_noun_after(const scan *s, size_t q)
{
    size_t ws, we;
    const num_word *n = next_word(s, q, &ws, &we);
    if (ws == NOPOS || !lower_at(s, ws) || we - ws < 3)
        return false;
    if (n && (n->cls != NW_OTHER || (n->flags & (NWF_FUNC | NWF_DATE | NWF_SECBLK))))
        return false;
    static const char *const not_counted[] = {
        "week",   "weeks",  "weekend", "month",  "months", "year",    "years",  "day",
        "days",   "night",  "nights",  "decade", "decades", "century", "season", "hour",
        "hours",  "minute", "minutes", "few",    "couple", "several", "one",    "ones",
        "time",   "summer", "winter",  "spring", "autumn", "fall",    "quarter", "term",
        "and",    "was",    "were",    "had",    "has",    "have",    "will",   "not"};
    return !word_in(s, ws, we, not_counted, sizeof not_counted / sizeof not_counted[0]);
}

/* "the last race", "the penultimate stage", "the next to last lap": an
 * ordinal counted from the end, only before a counted noun and after a
 * determiner.  No value: a->rel holds the place from the end plus one. */
static bool relative_ordinal(const scan *s, size_t p, const num_word *e, size_t we, amt *a)
{
    if (!lower_at(s, p))
        return false;
    static const char *const dets[] = {"the", "its", "his", "her", "their", "our", "my", "your"};
    if (!prev_word_in(s, p, dets, sizeof dets / sizeof dets[0]))
        return false;
    a->label = NUM_ORDINAL;
    a->e = we;
    if (word_is(s, p, we, "next")) {
        if (!to_last(s, a, we))
            return false;
        a->rel = 2;
        return true;
    }
    if (!counted_noun_after(s, we))
        return false;
    a->rel = (int)e->v + 1;
    return true;
}

/* "two hundred point zero three": decimals read digit by digit after
 * "point" add to a->v. */
static void decimal_point(const scan *s, amt *a)
{
    size_t ws, we;
    size_t l = hspace_len(s, a->e);
    if (!l || at(s, a->e + l) != 'p')
        return; /* most numbers: no "point" after them */
    const num_word *pt = next_word(s, a->e, &ws, &we);
    if (!pt || pt->cls != NW_POINT || !lower_at(s, ws))
        return;
    num_dec frac;
    num_dec_from_u64(&frac, 0);
    size_t end = we, q = we;
    int n = 0;
    for (;;) {
        size_t ws2, we2;
        const num_word *d = next_word(s, q, &ws2, &we2);
        if (!d || (d->cls != NW_UNIT && d->cls != NW_ZERO) || !lower_at(s, ws2) || n >= 12)
            break;
        num_dec_push_digit(&frac, (int)d->v);
        frac.exp--;
        n++;
        end = q = we2;
    }
    if (n == 0 || !num_dec_add(&a->v, &frac))
        return;
    a->e = end;
}

/* Parses a numeral in words at p (entry e, word end we). */
bool num_parse_word_numeral(const scan *s, size_t p, const num_word *e, size_t we, amt *a)
{
    /* Capitalised number words inside a sentence are names: Formula One. */
    if (is_upper(at(s, p)) && !sentence_initial(s, p))
        return false;
    if (is_upper(at(s, p)) && we - p > 1 && is_upper(at(s, p + 1)))
        return false; /* ONE, TWO: headline or acronym */
    a->words = true;
    wnum w;
    memset(&w, 0, sizeof w);
    w.min_scale = 99;
    size_t ws2, we2;
    switch (e->cls) {
    case NW_A: {
        const num_word *n = next_word(s, we, &ws2, &we2);
        if (!n || !lower_at(s, ws2))
            return false;
        if (n->cls == NW_HUNDRED || n->cls == NW_SCALE || n->cls == NW_DOZEN) {
            w.last = WL_A;
            w.cur = 1;
            if (!parse_words(s, ws2, n, we2, &w))
                return false;
            break;
        }
        /* a half million, a half dozen */
        if (n->cls == NW_FRAC1 && n->v == 2) {
            size_t ws3, we3;
            const num_word *m = next_word(s, we2, &ws3, &we3);
            if (m && lower_at(s, ws3) && (m->cls == NW_SCALE || m->cls == NW_DOZEN)) {
                if (m->cls == NW_DOZEN) {
                    num_dec_from_u64(&a->v, 6);
                } else {
                    num_dec_from_u64(&a->v, 5);
                    num_dec_shift(&a->v, (int)m->v - 1);
                }
                a->has_v = true;
                a->e = we3;
                return true;
            }
        }
        /* a few hundred */
        if (n->cls == NW_VAGUE && word_is(s, ws2, we2, "few"))
            return num_parse_word_numeral(s, ws2, n, we2, a); /* a->s stays at "a" */
        /* a quarter of, a third of; a hundredth, a thousandth */
        uint64_t den = ord_den(n);
        if (den) {
            size_t ws3, we3;
            next_word(s, we2, &ws3, &we3);
            if (den < 100 && (ws3 == NOPOS || !word_is(s, ws3, we3, "of")))
                return false;
            if (!lower_at(s, ws2) || at(s, we2) == '-' || !num_set_fraction(a, 0, 1, den))
                return false;
            a->e = we2;
            return true;
        }
        return false;
    }
    case NW_FRAC1: {
        if (e->v != 2)
            return false;
        /* half a million, half a dozen; half million; half a percent */
        const num_word *n = next_word(s, we, &ws2, &we2);
        if (n && n->cls == NW_A && lower_at(s, ws2) && num_of_a_unit(s, a, we)) {
            num_set_fraction(a, 0, 1, 2);
            return true;
        }
        if (n && n->cls == NW_SCALE && lower_at(s, ws2)) {
            num_dec_from_u64(&a->v, 5);
            num_dec_shift(&a->v, (int)n->v - 1);
            a->has_v = true;
            a->e = we2;
            return true;
        }
        if (n && n->cls == NW_A) {
            size_t ws3, we3;
            const num_word *m = next_word(s, we2, &ws3, &we3);
            if (m && lower_at(s, ws3) &&
                (m->cls == NW_SCALE || m->cls == NW_DOZEN || m->cls == NW_HUNDRED)) {
                uint64_t x = m->cls == NW_DOZEN ? 12 : m->cls == NW_HUNDRED ? 100 : 0;
                if (x)
                    num_dec_from_u64(&a->v, x / 2);
                else {
                    num_dec_from_u64(&a->v, 5);
                    num_dec_shift(&a->v, (int)m->v - 1);
                }
                a->has_v = true;
                a->e = we3;
                return true;
            }
        }
        if (!half_alone(s, p, we))
            return false;
        num_set_fraction(a, 0, 1, 2);
        a->e = we;
        return true;
    }
    case NW_RELORD:
        return relative_ordinal(s, p, e, we, a);
    case NW_VAGUE: {
        /* several thousand, a few hundred, several hundred thousand */
        size_t e2 = we;
        const num_word *n = next_word(s, we, &ws2, &we2);
        while (n && lower_at(s, ws2) && (n->cls == NW_HUNDRED || n->cls == NW_SCALE)) {
            e2 = we2;
            n = next_word(s, we2, &ws2, &we2);
        }
        if (e2 == we)
            return false;
        a->plural = true;
        a->has_v = false;
        a->e = e2;
        money_after(s, a, false); /* several billion dollars */
        return true;
    }
    case NW_PLURAL: {
        /* dozens, hundreds of thousands, tens of millions: no value */
        size_t e2 = we;
        bool tens = word_is(s, p, we, "tens");
        const num_word *o = next_word(s, we, &ws2, &we2);
        if (o && word_is(s, ws2, we2, "of")) {
            size_t ws3, we3;
            const num_word *m = next_word(s, we2, &ws3, &we3);
            if (m && m->cls == NW_PLURAL && !word_is(s, ws3, we3, "tens") && lower_at(s, ws3)) {
                e2 = we3;
                tens = false;
            }
        }
        if (tens)
            return false;
        a->plural = true;
        a->has_v = false;
        a->e = e2;
        money_after(s, a, true); /* millions of dollars */
        return true;
    }
    default:
        break;
    }
    if (w.nwords == 0 && (e->cls == NW_HUNDRED || e->cls == NW_SCALE)) {
        /* "hundred and first", "thousand and one", "hundred percent": "hundred"
         * alone is no number */
        w.last = WL_A;
        w.cur = 1;
        if (!parse_words(s, p, e, we, &w))
            return false;
        size_t ws3, we3;
        const num_word *pc = next_word(s, w.end, &ws3, &we3);
        if (w.nwords < 2 && !(pc && pc->cls == NW_PERCENT && lower_at(s, ws3)))
            return false;
    } else if (w.nwords == 0) {
        if (e->cls == NW_DOZEN)
            return false;
        if (e->cls == NW_ZERO && at(s, we) == '-')
            return false; /* zero-coupon, zero-sum */
        if (!parse_words(s, p, e, we, &w))
            return false;
        if (w.nwords == 1 && e->cls == NW_UNIT && e->v == 1 && !w.frac && !one_is_number(s, p, we))
            return false;
        if (w.nwords == 1 && e->cls == NW_ORD && e->v == 2 && !second_is_ordinal(s, p, we))
            return false;
        if (w.nwords == 1 && e->cls == NW_ORD && e->v == 1 && at(s, we) == '-' &&
            is_alpha(at(s, we + 1))) {
            size_t e2;
            word_at(s, we + 1, &e2);
            if (word_is(s, we + 1, e2, "hand"))
                return false;
        }
    }
    uint64_t val = w.total + w.cur;
    a->e = w.end;
    if (w.ordinal) {
        a->label = NUM_ORDINAL;
        num_dec_from_u64(&a->v, val);
        a->has_v = true;
        if (w.nwords == 1 && (val == 2 || val == 3) && to_last(s, a, a->e))
            a->rel = (int)val; /* second to last */
        return true;
    }
    if (w.frac && w.frac_scale) {
        /* one million and a half: a half of the million */
        num_dec part;
        if (!num_dec_ratio(&part, w.fn, w.fd, NULL) || !num_dec_shift(&part, w.frac_scale))
            return false;
        num_dec_from_u64(&a->v, val);
        if (!num_dec_add(&a->v, &part))
            return false;
        a->has_v = true;
        a->pre = a->v;
        a->scale = -1;
        return true;
    }
    if (w.frac) {
        if (!num_set_fraction(a, val, w.fn, w.fd))
            return false;
        a->pre = a->v;
        return true;
    }
    num_dec_from_u64(&a->v, val);
    decimal_point(s, a);
    a->v.neg = a->neg;
    a->has_v = true;
    a->pre = a->v;
    if (w.min_scale != 99)
        a->scale = -1; /* the words held their own scale: no further scale word */
    return true;
}
