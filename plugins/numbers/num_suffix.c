/*
 * num_suffix.c -- what follows a number: attached suffixes (21st, 3bn, 5km,
 * 30°C), scale words, percent words, currency words and codes, and units
 * with their canonical symbols (square/cubic/metric, per hour, degrees).
 */
#include "num_amount.h"

typedef struct cur_adj {
    const char *text;
    const char *iso;
} cur_adj;

/* Adjectives that name the country of a currency word: "Canadian dollars". */
static const cur_adj num_cur_adjs[] = {
    {"U.S.", "USD"},       {"US", "USD"},          {"American", "USD"},
    {"Canadian", "CAD"},   {"Australian", "AUD"},  {"Singapore", "SGD"},
    {"Hong Kong", "HKD"},  {"New Zealand", "NZD"}, {"Taiwan", "TWD"},
    {"Taiwanese", "TWD"},  {"Mexican", "MXN"},     {"Swiss", "CHF"},
    {"Japanese", "JPY"},   {"Chinese", "CNY"},     {"Indian", "INR"},
    {"Brazilian", "BRL"},  {"Russian", "RUB"},     {"South African", "ZAR"},
    {"Argentine", "ARS"},  {"Chilean", "CLP"},     {"Colombian", "COP"},
    {"Philippine", "PHP"}, {"Egyptian", "EGP"},    {"Pakistani", "PKR"},
    {"Turkish", "TRY"},    {"Jamaican", "JMD"},    {"Zimbabwean", "ZWL"},
};

/* Square/cubic + a length unit: the area or volume symbol. */
static const char *unit_power(const char *sym, int power)
{
    static const char *const sq[][3] = {
        {"km", "km²", "km³"}, {"m", "m²", "m³"},    {"cm", "cm²", "cm³"}, {"mi", "mi²", "mi³"},
        {"ft", "ft²", "ft³"}, {"in", "in²", "in³"}, {"yd", "yd²", "yd³"}};
    for (size_t i = 0; i < sizeof sq / sizeof sq[0]; i++)
        if (strcmp(sq[i][0], sym) == 0)
            return sq[i][power - 1];
    return NULL;
}

/* "3 hundred", "3 hundred and 21": hundreds over digits.  The hundred is
 * no scale, so "3 hundred thousand" still takes its scale word. */
static bool hundred_after_digits(const scan *s, amt *a, size_t we)
{
    if (a->words || a->scale != 0 || !a->has_v || a->v.neg || a->frac || a->v.exp < 0 ||
        a->v.nd + a->v.exp > 2 || !num_dec_shift(&a->v, 2))
        return false;
    a->e = we;
    a->plain = false;
    size_t ws2, we2;
    const num_word *n = next_word(s, we, &ws2, &we2);
    if (n && n->cls == NW_AND) {
        size_t q = skip_ws(s, we2);
        if (q != NOPOS && q > we2 && is_dig(at(s, q)) && at(s, q) != '0') {
            unsigned x = (unsigned)(at(s, q) - '0');
            size_t r = q + 1;
            if (is_dig(at(s, r)))
                x = x * 10 + (unsigned)(at(s, r++) - '0');
            num_dec add;
            num_dec_from_u64(&add, x);
            if (!is_dig(at(s, r)) && at(s, r) != '.' && at(s, r) != ',' &&
                !next_is_wordch(s, r) && num_dec_add(&a->v, &add))
                a->e = r;
        }
    }
    a->pre = a->v;
    return true;
}

/* What a word after a number makes of it.  SUF_MORE: a scale word was
 * taken and more may follow; SUF_DONE: finished (a label may be set);
 * SUF_NONE: the word says nothing, look at symbols. */
enum { SUF_NONE, SUF_DONE, SUF_MORE };

static int suffix_word(const scan *s, amt *a, const num_word *w, size_t ws, size_t we)
{
    switch (w->cls) {
    case NW_PLURAL:
    case NW_SCALE:
        if (w->v >= 3) {
            if (num_apply_scale(a, (int)w->v)) {
                a->e = we;
                return SUF_MORE;
            }
        }
        return SUF_DONE;
    case NW_HUNDRED:
        return hundred_after_digits(s, a, we) ? SUF_MORE : SUF_DONE;
    case NW_DOZEN:
        if (!a->words && a->scale == 0 && a->has_v && num_dec_mul_u32(&a->v, 12)) {
            a->plain = false;
            a->e = we;
            return SUF_MORE;
        }
        return SUF_DONE;
    case NW_PERCENT:
        if (a->cur_prefix)
            return SUF_DONE;
        a->label = NUM_PERCENT;
        a->e = we;
        return SUF_DONE;
    case NW_PER: {
        size_t ws3, we3;
        next_word(s, we, &ws3, &we3);
        if (!a->cur_prefix && ws3 != NOPOS &&
            (word_is(s, ws3, we3, "cent") || word_is(s, ws3, we3, "cents") ||
             word_is(s, ws3, we3, "centum"))) {
            a->label = NUM_PERCENT;
            a->e = we3;
        }
        return SUF_DONE;
    }
    case NW_PCTG: {
        size_t ws3, we3;
        next_word(s, we, &ws3, &we3);
        if (a->cur_prefix)
            return SUF_DONE;
        a->label = NUM_PERCENT; /* "thirty percentage", "5 percentage points" */
        a->e = we;
        if (ws3 != NOPOS && (word_is(s, ws3, we3, "point") || word_is(s, ws3, we3, "points"))) {
            a->e = we3;
            a->unit = "pp";
        }
        return SUF_DONE;
    }
    case NW_CUR:
        if (a->cur_prefix)
            return SUF_DONE;
        if (strcmp(w->code, "GBP") == 0 && (w->v == 0 && w->aux == 0) &&
            (word_is(s, ws, we, "pound") || word_is(s, ws, we, "pounds"))) {
            /* pounds: money with a scale word or "sterling", else weight */
            size_t ws3, we3;
            next_word(s, we, &ws3, &we3);
            bool sterling = ws3 != NOPOS && word_is(s, ws3, we3, "sterling");
            if (a->scale == 0 && !sterling) {
                a->label = NUM_QUANTITY;
                a->unit = "lb";
                a->e = we;
                return SUF_DONE;
            }
            if (sterling)
                we = we3;
        }
        if (word_is(s, ws, we, "sterling"))
            return SUF_DONE;
        /* "80 marks" in an exam; "50 million marks" is money */
        if (a->scale == 0 && (word_is(s, ws, we, "marks") || word_is(s, ws, we, "mark")))
            return SUF_DONE;
        if (w->aux && a->has_v) /* cents, pence */
            num_dec_shift(&a->v, -(int)w->aux);
        a->label = NUM_MONEY;
        a->cur = w->code;
        a->e = we;
        if (!w->aux)
            num_money_cents(s, a);
        return SUF_DONE;
    case NW_UNITW:
        a->label = NUM_QUANTITY;
        a->unit = w->code;
        a->e = we;
        num_unit_tail(s, a); /* miles per hour, 5 feet 2 inches */
        return SUF_DONE;
    case NW_UMOD: {
        size_t ws3, we3;
        if (at(s, we) == '.')
            we++; /* sq. ft. */
        const num_word *u = next_word(s, we, &ws3, &we3);
        const char *sym = u && u->cls == NW_UNITW ? u->code : NULL;
        if (!sym && ws3 != NOPOS) {
            /* sq km, sq ft */
            const num_sym *sy = num_sym_match(s->lx, s->t + ws3, s->n - ws3);
            if (sy && sy->kind == NS_UNIT && unit_power(sy->code, 2)) {
                sym = sy->code;
                we3 = ws3 + strlen(sy->s);
            }
        }
        if (!sym)
            return SUF_DONE;
        if (w->v == 2 || w->v == 3)
            sym = unit_power(sym, (int)w->v);
        else if (w->v == 4)
            sym = strcmp(sym, "mi") == 0 ? "nmi" : NULL;
        else if (w->v == 1)
            sym = strcmp(sym, "t") == 0 ? "t" : NULL;
        if (!sym)
            return SUF_DONE;
        a->label = NUM_QUANTITY;
        a->unit = sym;
        a->e = we3;
        num_unit_tail(s, a);
        return SUF_DONE;
    }
    case NW_DEGREE:
        num_degree_unit(s, a, we);
        return SUF_DONE;
    default:
        return SUF_NONE;
    }
}

static bool m_is_million(const scan *s, size_t p);

/* What a hyphen joins to the number at p (the letter after it): "5-km",
 * "10-mile", "50-percent", "5-per-cent", "12-cent", "360-degree",
 * "3-year-old". */
static void hyphen_suffix(const scan *s, amt *a, size_t p)
{
    if (num_age_tail(s, a, p - 1))
        return;
    const num_sym *sy = num_sym_match(s->lx, s->t + p, s->n - p);
    size_t sl = sy ? strlen(sy->s) : 0;
    if (sy && sy->kind == NS_UNIT && sl >= 2) {
        a->label = NUM_QUANTITY;
        a->unit = sy->code;
        a->e = p + sl;
        return;
    }
    if (sy && sy->kind == NS_PERCENT && sl >= 3) {
        a->label = NUM_PERCENT;
        a->e = p + sl;
        return;
    }
    size_t we, we2;
    const num_word *u = word_at(s, p, &we);
    if (!u || !lower_at(s, p))
        return;
    switch (u->cls) {
    case NW_UNITW:
        a->label = NUM_QUANTITY;
        a->unit = u->code;
        a->e = we;
        num_unit_tail(s, a); /* 6-foot-2 */
        return;
    case NW_SCALE:
        if (num_apply_scale(a, (int)u->v)) /* a 12-million budget */
            a->e = we;
        return;
    case NW_PER:
        if (at(s, we) != '-' || !is_alpha(at(s, we + 1)))
            return;
        word_at(s, we + 1, &we2);
        if (word_is(s, we + 1, we2, "cent")) {
            a->label = NUM_PERCENT;
            a->e = we2;
        }
        return;
    case NW_DEGREE:
        num_degree_unit(s, a, we);
        return;
    case NW_CUR:
        /* a 12-cent stamp, a 10-dollar bill; "a 5-pound bag" is a weight */
        if (word_is(s, p, we, "pound") || word_is(s, p, we, "pounds") ||
            word_is(s, p, we, "mark") || word_is(s, p, we, "sterling"))
            return;
        if (u->aux && a->has_v)
            num_dec_shift(&a->v, -(int)u->aux);
        a->label = NUM_MONEY;
        a->cur = u->code;
        a->e = we;
        return;
    default:
        return;
    }
}

/* The unit symbol or unit word at p; its code and end, NULL if none. */
static const char *unit_sym_or_word(const scan *s, size_t p, size_t *end)
{
    const num_sym *sy = num_sym_match(s->lx, s->t + p, s->n - p);
    if (sy && sy->kind == NS_UNIT) {
        *end = p + strlen(sy->s);
        return sy->code;
    }
    const num_word *w = is_alpha(at(s, p)) ? word_at(s, p, end) : NULL;
    return w && w->cls == NW_UNITW ? w->code : NULL;
}

/* A symbol after a space that is no letter: "30 °C", "5 €", "20 (kg)". */
static void spaced_symbol(const scan *s, amt *a, size_t q)
{
    if (a->cur_prefix)
        return;
    size_t e;
    if (at(s, q) == '(') {
        /* not "paragraph 35 (g)": a letter in brackets numbers a clause */
        const char *u = unit_sym_or_word(s, q + 1, &e);
        if (u && at(s, e) == ')' && e - q > 2) {
            a->label = NUM_QUANTITY;
            a->unit = u;
            a->e = e + 1;
        }
        return;
    }
    const num_sym *sy = num_sym_match(s->lx, s->t + q, s->n - q);
    if (!sy)
        return;
    e = q + strlen(sy->s);
    if (sy->kind == NS_UNIT) {
        a->label = NUM_QUANTITY;
        a->unit = sy->code;
        a->e = e;
    } else if (sy->kind == NS_CUR && !is_dig(at(s, e)) && !is_dig(at(s, e + hspace_len(s, e)))) {
        a->label = NUM_MONEY;
        a->cur = sy->code;
        a->e = e;
    }
}

void num_parse_suffix(const scan *s, amt *a, size_t q)
{
    for (int round = 0; round < 3; round++) {
        size_t ws, we;
        unsigned char c = at(s, q);
        /* 16%, 16 % */
        if (c == '%') {
            a->label = NUM_PERCENT;
            a->e = q + 1;
            return;
        }
        size_t q2 = skip_ws(s, q);
        if (q2 == NOPOS)
            return;
        if (q2 > q && at(s, q2) == '%' && !a->words) {
            a->label = NUM_PERCENT;
            a->e = q2 + 1;
            return;
        }
        /* "5-km", "10-mile": a unit joined by a hyphen */
        if (c == '-' && is_alpha(at(s, q + 1)) && !a->cur_prefix && a->scale == 0) {
            hyphen_suffix(s, a, q + 1);
            return;
        }
        /* "$12-million" */
        if (c == '-' && is_alpha(at(s, q + 1)) && a->scale == 0) {
            const num_word *sc = word_at(s, q + 1, &we);
            if (sc && sc->cls == NW_SCALE && lower_at(s, q + 1) && num_apply_scale(a, (int)sc->v))
                a->e = we;
            return;
        }
        if (q2 == q)
            return;
        unsigned char d = at(s, q2);
        if (!is_alpha(d)) {
            spaced_symbol(s, a, q2);
            return;
        }
        const num_word *w = word_at(s, q2, &we);
        ws = q2;
        /* five years old: the age words are not in the word table */
        if (!w && round == 0 && (d == 'y' || d == 'm' || d == 'w' || d == 'd') &&
            num_age_tail(s, a, q))
            return;
        /* a quarter of a percent, three quarters of a mile */
        if (round == 0 && a->frac && !a->cur_prefix && word_is(s, ws, we, "of") &&
            num_of_a_unit(s, a, we))
            return;
        if (w && (lower_at(s, ws) ||
                  (w->cls == NW_UNITW && (w->code[0] == "\xc2\xb0"[0] || w->code[0] == 'K')))) {
            /* 17 Celsius, 300 Kelvin */
            int r = suffix_word(s, a, w, ws, we);
            if (r == SUF_MORE) {
                q = a->e;
                continue;
            }
            if (r == SUF_DONE)
                return;
        }
        /* Symbols and codes after a space: "200 GW", "5 million USD", "3 bn". */
        const num_sym *sy = num_sym_match(s->lx, s->t + q2, s->n - q2);
        unsigned char after = sy ? at(s, q2 + strlen(sy->s)) : 0;
        if (sy && sy->kind == NS_UNIT && strlen(sy->s) == 1 && !a->cur_prefix && !a->words &&
            (after == 0 || after == ' ' || after == ',' || after == ';' || after == ')' ||
             (after == '.' && !is_alpha(at(s, q2 + 2))))) {
            /* "1 m", "13 F" when the weather is the subject */
            bool temp = strcmp(sy->s, "C") == 0 || strcmp(sy->s, "F") == 0;
            if (temp ? num_weather_context(s, a->s)
                     : strcmp(sy->s, "g") == 0 || strcmp(sy->s, "L") == 0) {
                a->label = NUM_QUANTITY;
                a->unit = sy->code;
                a->e = q2 + 1;
            }
            return;
        }
        if (sy && sy->kind == NS_SCALE && sy->aux == 1 && !a->cur_prefix && !a->words &&
            lower_at(s, q2) && !m_is_million(s, q2 + 1)) {
            a->label = NUM_QUANTITY; /* 1 m x 1 m */
            a->unit = "m";
            a->e = q2 + 1;
            num_unit_tail(s, a);
            return;
        }
        if (sy && (strlen(sy->s) >= 2) && !(w && w->cls != NW_NONE && sy->kind != NS_CUR)) {
            if (sy->kind == NS_UNIT && !a->cur_prefix) {
                a->label = NUM_QUANTITY;
                a->unit = sy->code;
                a->e = q2 + strlen(sy->s);
                num_unit_tail(s, a);
            } else if (sy->kind == NS_CUR && !a->cur_prefix) {
                a->label = NUM_MONEY;
                a->cur = sy->code;
                a->e = q2 + strlen(sy->s);
                if (sy->v)
                    num_apply_scale(a, sy->v); /* 120 MEUR */
            } else if (sy->kind == NS_PERCENT && !a->cur_prefix) {
                a->label = NUM_PERCENT; /* 10.5 pc, 0.5 pp */
                a->e = q2 + strlen(sy->s);
                a->unit = sy->aux ? "pp" : NULL;
            } else if (sy->kind == NS_SCALE && sy->aux == 0 && num_apply_scale(a, sy->v)) {
                a->e = q2 + strlen(sy->s);
                q = a->e;
                continue;
            }
            return;
        }
        /* Canadian dollars, Hong Kong dollars */
        if (!a->cur_prefix && !lower_at(s, q2)) {
            for (size_t i = 0; i < sizeof num_cur_adjs / sizeof num_cur_adjs[0]; i++) {
                size_t l = strlen(num_cur_adjs[i].text);
                if (q2 + l > s->n || memcmp(s->t + q2, num_cur_adjs[i].text, l) != 0)
                    continue;
                size_t ws3, we3;
                const num_word *u = next_word(s, q2 + l, &ws3, &we3);
                if (u && u->cls == NW_CUR && lower_at(s, ws3) &&
                    !word_is(s, ws3, we3, "sterling")) {
                    if (u->aux && a->has_v) /* eight Canadian cents */
                        num_dec_shift(&a->v, -(int)u->aux);
                    a->label = NUM_MONEY;
                    a->cur = num_cur_adjs[i].iso;
                    a->e = we3;
                }
                return;
            }
        }
        return;
    }
}

/* The length of a prime (' or U+2032) at p, 0 if none. */
static size_t prime_len(const scan *s, size_t p)
{
    if (at(s, p) == '\'')
        return 1;
    return at(s, p) == 0xE2 && at(s, p + 1) == 0x80 && at(s, p + 2) == 0xB2 ? 3 : 0;
}

/* The length of a double prime (", '', U+2033 or a closing quote) at p. */
static size_t double_prime_len(const scan *s, size_t p)
{
    if (at(s, p) == '"')
        return 1;
    if (at(s, p) == '\'' && at(s, p + 1) == '\'')
        return 2;
    if (at(s, p) == 0xE2 && at(s, p + 1) == 0x80 && (at(s, p + 2) == 0xB3 || at(s, p + 2) == 0x9D))
        return 3;
    return 0;
}

/* 5'11": feet and inches, one span with the value in inches. */
static bool feet_inches(const scan *s, amt *a, const digits *d, size_t *q)
{
    size_t p = *q, l = prime_len(s, p);
    if (!l || d->dec || d->sep || d->ndig > 1 || a->cur_prefix || !is_dig(at(s, p + l)))
        return false;
    unsigned in = (unsigned)(at(s, p + l) - '0');
    size_t r = p + l + 1;
    if (is_dig(at(s, r)))
        in = in * 10 + (unsigned)(at(s, r++) - '0');
    size_t dl = double_prime_len(s, r);
    num_dec add;
    num_dec_from_u64(&add, in);
    if (in >= 12 || !dl || next_is_wordch(s, r + dl) || !num_dec_mul_u32(&a->v, 12) ||
        !num_dec_add(&a->v, &add))
        return false;
    a->label = NUM_QUANTITY;
    a->unit = "in";
    *q = r + dl;
    a->e = *q;
    return true;
}

/* Is the amount at p written after a capitalised word inside a sentence
 * (a name: "Boeing 777F")? */
static bool after_name(const scan *s, size_t p)
{
    size_t pws;
    const num_word *pw = prev_word(s, p, &pws);
    if (pws == NOPOS || !is_upper(at(s, pws)) || (pw && (pw->flags & (NWF_FUNC | NWF_DATE))))
        return false;
    return !sentence_initial(s, pws) || is_upper(at(s, pws + 1));
}

/* Reads letters attached to digits ("21st", "3bn", "5km", "30°C").  Returns
 * false when they make the token an identifier (A320 is caught earlier;
 * this catches 5G, 3D, 1990s). */
/* "3m people", "1.5m barrels", "2m of": an attached m without a currency
 * means million when a plural noun, a unit, a currency or "of" follows;
 * otherwise ("100m sprint", "2m tall") it is metres. */
static bool m_is_million(const scan *s, size_t p)
{
    size_t ws, we;
    const num_word *w = next_word(s, p, &ws, &we);
    if (ws == NOPOS || !lower_at(s, ws))
        return false;
    if (w && (w->cls == NW_UNITW || w->cls == NW_CUR || w->cls == NW_UMOD))
        return true;
    if (word_is(s, ws, we, "of") || word_is(s, ws, we, "people") ||
        word_is(s, ws, we, "children") || word_is(s, ws, we, "men") || word_is(s, ws, we, "women"))
        return true;
    return !w && we - ws >= 4 && at(s, we - 1) == 's' && at(s, we - 2) != 's';
}

bool num_attached_suffix(const scan *s, amt *a, const digits *d, size_t *q)
{
    size_t p = *q;
    unsigned char c = at(s, p);
    if (c == 0xC2 && at(s, p + 1) == 0xB0 && !(is_alpha(at(s, p + 2)))) {
        /* 30° alone: degrees */
        a->label = NUM_QUANTITY;
        a->unit = "°";
        *q = p + 2;
        a->e = *q;
        return true;
    }
    if (feet_inches(s, a, d, q))
        return true;
    if (!is_alpha(c) && !(c >= 0x80 && num_sym_match(s->lx, s->t + p, s->n - p)))
        return !next_is_wordch(s, p);
    /* 50p: pence (not 720p, a video format) */
    if (c == 'p' && !next_is_wordch(s, p + 1) && !a->cur_prefix && !d->dec && d->ndig <= 2) {
        num_dec_shift(&a->v, -2);
        a->label = NUM_MONEY;
        a->cur = "GBP";
        *q = p + 1;
        a->e = *q;
        return true;
    }
    /* ordinal suffixes: 21st, 1,000th, 5TH */
    if (!d->dec && !a->cur_prefix) {
        unsigned char c1 = at(s, p + 1);
        bool upper = is_upper(c) && is_upper(c1);
        c |= 0x20;
        c1 |= 0x20;
        if ((upper || lower_at(s, p)) && !next_is_wordch(s, p + 2) &&
            ((c == 's' && c1 == 't') || (c == 'n' && c1 == 'd') || (c == 'r' && c1 == 'd') ||
             (c == 't' && c1 == 'h'))) {
            a->label = NUM_ORDINAL;
            *q = p + 2;
            a->e = *q;
            return true;
        }
        c = at(s, p);
        if (c == 's' && !next_is_wordch(s, p + 1))
            return false; /* 1990s, 80s: decades belong to dates */
    }
    const num_sym *sy = num_sym_match(s->lx, s->t + p, s->n - p);
    if (!sy)
        return false;
    size_t l = strlen(sy->s);
    /* 30C is a temperature, 3143C or 3C.5 a code */
    if (l == 1 && sy->kind == NS_UNIT &&
        (d->ndig > 3 || (at(s, p + 1) == '.' && next_is_wordch(s, p + 2)) ||
         after_name(s, a->s)))
        return false; /* Boeing 777F */
    switch (sy->kind) {
    case NS_UNIT:
        if (a->cur_prefix)
            return false;
        a->label = NUM_QUANTITY;
        a->unit = sy->code;
        break;
    case NS_CUR:
        if (a->cur_prefix)
            return false;
        a->label = NUM_MONEY;
        a->cur = sy->code;
        if (sy->v && !num_apply_scale(a, sy->v))
            return false;
        break;
    case NS_SCALE:
        if (sy->aux == 2 && !a->cur_prefix)
            return false; /* 4K, 2B */
        if (!a->cur_prefix && (sy->s[0] == 'k' || sy->s[0] == 'b') && d->ndig == 3 &&
            !d->dec && at(s, p - 3) == '4' && at(s, p - 2) == '0')
            return false; /* 401k, 403b: retirement plans */
        if (sy->s[0] == 'M' && !a->cur_prefix && d->ndig < 2 && !d->dec)
            return false; /* 3M: a name */
        if (sy->aux == 1 && !a->cur_prefix) {
            if (!m_is_million(s, p + 1)) {
                /* 100m sprint, 2m tall: metres */
                a->label = NUM_QUANTITY;
                a->unit = "m";
                break;
            }
        }
        if (!num_apply_scale(a, sy->v))
            return false;
        break;
    case NS_PERCENT: /* 5pc, 0.5pp */
        if (a->cur_prefix)
            return false;
        a->label = NUM_PERCENT;
        a->unit = sy->aux ? "pp" : NULL;
        break;
    default:
        return false;
    }
    *q = p + l;
    a->e = *q;
    return true;
}
