/*
 * num_lex.c -- word and symbol tables of the numbers plugin (see num_lex.h).
 *
 * The lists are facts of English and of ISO 4217 / SI written out by hand.
 */
#include "num_lex.h"

#include <string.h>

#include "en_calendar.h"
#include "en_cardinals.h"
#include "en_ordinals.h"

/* clang-format off */
#define W(word, cls, v) {word, cls, 0, 0, v, NULL}
#define WF(word, cls, fl, v) {word, cls, fl, 0, v, NULL}
#define CUR(word, iso, minor) {word, NW_CUR, 0, minor, 0, iso}
#define UNIT(word, sym) {word, NW_UNITW, 0, 0, 0, sym}
#define FUNC(word) {word, NW_OTHER, NWF_FUNC, 0, 0, NULL}
/* clang-format on */

static const num_word num_words[] = {
    /* The cardinal and ordinal words come from plugins/common (en_cardinals,
     * en_ordinals); num_lex_init() adds them. */

    W("halves", NW_FRACS, 2),
    W("thirds", NW_FRACS, 3),
    W("quarters", NW_FRACS, 4),
    W("fourths", NW_FRACS, 4),
    W("fifths", NW_FRACS, 5),
    W("sixths", NW_FRACS, 6),
    W("sevenths", NW_FRACS, 7),
    W("eighths", NW_FRACS, 8),
    W("ninths", NW_FRACS, 9),
    W("tenths", NW_FRACS, 10),
    W("hundredths", NW_FRACS, 100),
    W("thousandths", NW_FRACS, 1000),
    W("half", NW_FRAC1, 2),
    W("quarter", NW_FRAC1, 4),

    W("several", NW_VAGUE, 0),
    W("few", NW_VAGUE, 0),
    W("lakh", NW_SCALE, 5),
    W("crore", NW_SCALE, 7),
    W("lakhs", NW_PLURAL, 5),
    W("crores", NW_PLURAL, 7),
    /* Plural scale words: "thousands of"; after a number (older usage:
     * "seven hundred millions") v is the power of ten. */
    W("dozens", NW_PLURAL, 0),
    W("hundreds", NW_PLURAL, 0),
    W("thousands", NW_PLURAL, 3),
    W("millions", NW_PLURAL, 6),
    W("billions", NW_PLURAL, 9),
    W("trillions", NW_PLURAL, 12),
    W("tens", NW_PLURAL, 0),

    WF("a", NW_A, NWF_FUNC, 0),
    WF("an", NW_A, NWF_FUNC, 0),
    W("and", NW_AND, 0),
    WF("to", NW_TO, NWF_FUNC, 0),
    WF("between", NW_BETWEEN, NWF_FUNC, 0),
    W("minus", NW_MINUS, 0),
    W("negative", NW_MINUS, 0),

    /* Modifiers kept inside the span, as OntoNotes does ("about 30"). */
    {"about", NW_MOD1, NWF_FUNC, 0, 0, "approx"},
    {"around", NW_MOD1, NWF_FUNC, 0, 0, "approx"},
    {"approximately", NW_MOD1, NWF_FUNC, 0, 0, "approx"},
    {"roughly", NW_MOD1, NWF_FUNC, 0, 0, "approx"},
    {"some", NW_MOD1, NWF_FUNC, 0, 0, "approx"},
    {"nearly", NW_MOD1, NWF_FUNC, 0, 0, "less_than"},
    {"almost", NW_MOD1, NWF_FUNC, 0, 0, "less_than"},
    {"over", NW_MOD1, NWF_FUNC, 0, 0, "more_than"},
    {"more", NW_MOD2, NWF_FUNC, 0, 0, "more_than"},
    {"less", NW_MOD2, NWF_FUNC, 0, 0, "less_than"},
    {"fewer", NW_MOD2, NWF_FUNC, 0, 0, "less_than"},
    {"at", NW_MOD2, NWF_FUNC, 0, 0, NULL},
    {"up", NW_MOD2, NWF_FUNC, 0, 0, "at_most"},

    W("percent", NW_PERCENT, 0),
    W("percents", NW_PERCENT, 0),
    W("point", NW_POINT, 0),
    WF("aged", NW_AGED, NWF_FUNC, 0),
    W("penultimate", NW_RELORD, 1),
    W("antepenultimate", NW_RELORD, 2),
    WF("next", NW_RELORD, NWF_ONEBLK, 1), /* only in "next to last"; "the next one" */
    W("pct", NW_PERCENT, 0),
    W("per", NW_PER, 0),
    W("percentage", NW_PCTG, 0),

    /* Currency words: the ISO code, and the minor-unit exponent for cents. */
    CUR("dollar", "USD", 0),
    CUR("dollars", "USD", 0),
    CUR("dlrs", "USD", 0),
    CUR("bucks", "USD", 0),
    CUR("stg", "GBP", 0),
    CUR("euro", "EUR", 0),
    CUR("euros", "EUR", 0),
    CUR("pound", "GBP", 0),
    CUR("pounds", "GBP", 0),
    CUR("sterling", "GBP", 0),
    CUR("yen", "JPY", 0),
    CUR("yuan", "CNY", 0),
    CUR("renminbi", "CNY", 0),
    CUR("rupee", "INR", 0),
    CUR("rupees", "INR", 0),
    CUR("cent", "USD", 2),
    CUR("cents", "USD", 2),
    CUR("penny", "GBP", 2),
    CUR("pence", "GBP", 2),
    CUR("franc", "CHF", 0),
    CUR("francs", "CHF", 0),
    CUR("rouble", "RUB", 0),
    CUR("roubles", "RUB", 0),
    CUR("ruble", "RUB", 0),
    CUR("rubles", "RUB", 0),
    CUR("peso", "MXN", 0),
    CUR("pesos", "MXN", 0),
    CUR("won", "KRW", 0),
    CUR("rand", "ZAR", 0),
    CUR("ringgit", "MYR", 0),
    CUR("baht", "THB", 0),
    CUR("lira", "TRY", 0),
    CUR("naira", "NGN", 0),
    CUR("shekel", "ILS", 0),
    CUR("shekels", "ILS", 0),
    CUR("krona", "SEK", 0),
    CUR("kronor", "SEK", 0),
    CUR("krone", "NOK", 0),
    CUR("kroner", "NOK", 0),
    CUR("reais", "BRL", 0),
    CUR("rupiah", "IDR", 0),
    CUR("dinar", "KWD", 0),
    CUR("dinars", "KWD", 0),
    CUR("dirham", "AED", 0),
    CUR("dirhams", "AED", 0),
    CUR("riyal", "SAR", 0),
    CUR("riyals", "SAR", 0),
    CUR("zloty", "PLN", 0),
    CUR("forint", "HUF", 0),
    CUR("quid", "GBP", 0),
    CUR("bitcoin", "BTC", 0),
    CUR("bitcoins", "BTC", 0),
    /* pre-euro currencies, frequent in older news */
    CUR("mark", "DEM", 0),
    CUR("marks", "DEM", 0),
    CUR("lire", "ITL", 0),
    CUR("guilder", "NLG", 0),
    CUR("guilders", "NLG", 0),
    CUR("peseta", "ESP", 0),
    CUR("pesetas", "ESP", 0),
    CUR("escudos", "PTE", 0),
    CUR("drachmas", "GRD", 0),

    /* Measurement words and their canonical symbols. */
    UNIT("kilometre", "km"),
    UNIT("kilometres", "km"),
    UNIT("kilometer", "km"),
    UNIT("kilometers", "km"),
    UNIT("metre", "m"),
    UNIT("metres", "m"),
    UNIT("meter", "m"),
    UNIT("meters", "m"),
    UNIT("centimetre", "cm"),
    UNIT("centimetres", "cm"),
    UNIT("centimeter", "cm"),
    UNIT("centimeters", "cm"),
    UNIT("millimetre", "mm"),
    UNIT("millimetres", "mm"),
    UNIT("millimeter", "mm"),
    UNIT("millimeters", "mm"),
    UNIT("mile", "mi"),
    UNIT("miles", "mi"),
    UNIT("foot", "ft"),
    UNIT("feet", "ft"),
    UNIT("inch", "in"),
    UNIT("inches", "in"),
    UNIT("yard", "yd"),
    UNIT("yards", "yd"),
    UNIT("kilogram", "kg"),
    UNIT("kilograms", "kg"),
    UNIT("kilogramme", "kg"),
    UNIT("kilogrammes", "kg"),
    UNIT("kilos", "kg"),
    UNIT("gram", "g"),
    UNIT("grams", "g"),
    UNIT("gramme", "g"),
    UNIT("grammes", "g"),
    UNIT("milligram", "mg"),
    UNIT("milligrams", "mg"),
    UNIT("tonne", "t"),
    UNIT("tonnes", "t"),
    UNIT("ton", "t"),
    UNIT("tons", "t"),
    UNIT("ounce", "oz"),
    UNIT("ounces", "oz"),
    UNIT("hectare", "ha"),
    UNIT("hectares", "ha"),
    UNIT("acre", "ac"),
    UNIT("acres", "ac"),
    UNIT("litre", "L"),
    UNIT("litres", "L"),
    UNIT("liter", "L"),
    UNIT("liters", "L"),
    UNIT("millilitre", "mL"),
    UNIT("millilitres", "mL"),
    UNIT("milliliter", "mL"),
    UNIT("milliliters", "mL"),
    UNIT("gallon", "gal"),
    UNIT("gallons", "gal"),
    UNIT("barrel", "bbl"),
    UNIT("barrels", "bbl"),
    UNIT("knot", "kn"),
    UNIT("knots", "kn"),
    UNIT("mph", "mph"),
    UNIT("kph", "km/h"),
    UNIT("celsius", "°C"),
    UNIT("celcius", "°C"),
    UNIT("farenheit", "°F"),
    UNIT("kelvin", "K"),
    UNIT("teaspoon", "tsp"),
    UNIT("teaspoons", "tsp"),
    UNIT("tablespoon", "tbsp"),
    UNIT("tablespoons", "tbsp"),
    UNIT("cup", "cup"),
    UNIT("cups", "cup"),
    UNIT("pint", "pt"),
    UNIT("pints", "pt"),
    UNIT("quart", "qt"),
    UNIT("quarts", "qt"),
    UNIT("stone", "st"),
    UNIT("bit", "bit"),
    UNIT("bits", "bit"),
    UNIT("fahrenheit", "°F"),
    UNIT("centigrade", "°C"),
    UNIT("watt", "W"),
    UNIT("watts", "W"),
    UNIT("kilowatt", "kW"),
    UNIT("kilowatts", "kW"),
    UNIT("megawatt", "MW"),
    UNIT("megawatts", "MW"),
    UNIT("gigawatt", "GW"),
    UNIT("gigawatts", "GW"),
    UNIT("terawatt", "TW"),
    UNIT("terawatts", "TW"),
    UNIT("kilowatt-hours", "kWh"),
    UNIT("megawatt-hours", "MWh"),
    UNIT("gigawatt-hours", "GWh"),
    UNIT("terawatt-hours", "TWh"),
    UNIT("joule", "J"),
    UNIT("joules", "J"),
    UNIT("calorie", "cal"),
    UNIT("calories", "cal"),
    UNIT("kilocalories", "kcal"),
    UNIT("horsepower", "hp"),
    UNIT("volt", "V"),
    UNIT("volts", "V"),
    UNIT("kilovolts", "kV"),
    UNIT("hertz", "Hz"),
    UNIT("megahertz", "MHz"),
    UNIT("gigahertz", "GHz"),
    UNIT("byte", "B"),
    UNIT("bytes", "B"),
    UNIT("kilobytes", "kB"),
    UNIT("megabytes", "MB"),
    UNIT("gigabytes", "GB"),
    UNIT("terabytes", "TB"),
    UNIT("petabytes", "PB"),
    WF("square", NW_UMOD, 0, 2),
    WF("sq", NW_UMOD, 0, 2),
    WF("cubic", NW_UMOD, 0, 3),
    WF("metric", NW_UMOD, 0, 1),
    WF("nautical", NW_UMOD, 0, 4),
    W("degree", NW_DEGREE, 0),
    W("degrees", NW_DEGREE, 0),
    W("deg", NW_DEGREE, 0),
    W("degs", NW_DEGREE, 0),

    /* Words after which a capitalised number is still a number: besides
     * these, the month and weekday names (en_calendar), added by
     * num_lex_init() with NWF_DATE | NWF_FUNC. */
    FUNC("in"),
    FUNC("by"),
    FUNC("on"),
    FUNC("for"),
    FUNC("from"),
    FUNC("since"),
    FUNC("until"),
    FUNC("after"),
    FUNC("before"),
    FUNC("of"),
    FUNC("with"),
    FUNC("only"),
    FUNC("just"),
    FUNC("all"),
    FUNC("but"),
    FUNC("like"),
    FUNC("under"),
    FUNC("within"),
    FUNC("through"),
    FUNC("during"),
    WF("another", NW_OTHER, NWF_FUNC | NWF_ONEBLK, 0),
    FUNC("than"),
    FUNC("least"),
    FUNC("most"),
    FUNC("as"),
    FUNC("are"),
    FUNC("were"),
    FUNC("was"),
    FUNC("is"),
    FUNC("these"),
    FUNC("those"),
    FUNC("its"),
    FUNC("their"),
    FUNC("our"),
    FUNC("his"),
    FUNC("her"),
    FUNC("my"),
    FUNC("your"),
    FUNC("top"),
    FUNC("it"),
    FUNC("we"),
    FUNC("they"),
    FUNC("there"),
    FUNC("here"),
    FUNC("then"),
    FUNC("when"),
    FUNC("while"),
    FUNC("if"),
    FUNC("so"),
    FUNC("yet"),
    FUNC("also"),
    FUNC("nor"),
    FUNC("into"),
    WF("each", NW_OTHER, NWF_FUNC | NWF_ONEBLK, 0),
    WF("every", NW_OTHER, NWF_FUNC | NWF_ONEBLK, 0),
    WF("the", NW_OTHER, NWF_FUNC | NWF_ONEBLK, 0),
    WF("no", NW_OTHER, NWF_ONEBLK, 0),
    WF("this", NW_OTHER, NWF_ONEBLK | NWF_FUNC, 0),
    WF("that", NW_OTHER, NWF_ONEBLK, 0),
    WF("any", NW_OTHER, NWF_ONEBLK, 0),
    WF("which", NW_OTHER, NWF_ONEBLK, 0),
    WF("someone", NW_OTHER, NWF_ONEBLK, 0),
    WF("last", NW_OTHER, NWF_ONEBLK, 0),
    WF("little", NW_OTHER, NWF_ONEBLK, 0),
    WF("ago", NW_OTHER, NWF_SECBLK, 0),
    WF("later", NW_OTHER, NWF_SECBLK, 0),
    WF("earlier", NW_OTHER, NWF_SECBLK, 0),
    WF("longer", NW_OTHER, NWF_SECBLK, 0),
    WF("or", NW_OTHER, NWF_SECBLK | NWF_FUNC, 0),
    WF("too", NW_OTHER, NWF_SECBLK, 0),
    WF("now", NW_OTHER, NWF_SECBLK, 0),
    WF("please", NW_OTHER, NWF_SECBLK, 0),
    WF("version", NW_OTHER, NWF_IDPRE, 0),
    WF("flight", NW_OTHER, NWF_IDPRE, 0),
    WF("route", NW_OTHER, NWF_IDPRE, 0),
    WF("model", NW_OTHER, NWF_IDPRE, 0),
    WF("room", NW_OTHER, NWF_IDPRE, 0),
    WF("gate", NW_OTHER, NWF_IDPRE, 0),
    WF("channel", NW_OTHER, NWF_IDPRE, 0),
    WF("platform", NW_OTHER, NWF_IDPRE, 0),
    WF("apartment", NW_OTHER, NWF_IDPRE, 0),
    WF("suite", NW_OTHER, NWF_IDPRE, 0),
    WF("v", NW_OTHER, NWF_IDPRE, 0),
    WF("iso", NW_OTHER, NWF_IDPRE, 0),
    WF("isbn", NW_OTHER, NWF_IDPRE, 0),
    WF("issn", NW_OTHER, NWF_IDPRE, 0),
};

/* Words listed twice above (the later entry wins for lookups) are avoided by
 * construction; num_lex_init() rejects duplicates. */

static uint32_t lex_hash(const char *w, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) {
        h ^= (uint8_t)(w[i] | 0x20);
        h *= 16777619u;
    }
    return h;
}

static bool lex_eq(const char *key, const char *w, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        char c = w[i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c | 0x20);
        if (key[i] != c)
            return false;
    }
    return key[n] == '\0';
}

/* The numbers plugin's class of a shared number word's kind. */
static uint8_t class_of_kind(uint8_t kind)
{
    switch (kind) {
    case EN_NUM_ZERO:
        return NW_ZERO;
    case EN_NUM_UNIT:
        return NW_UNIT;
    case EN_NUM_TEEN:
        return NW_TEEN;
    case EN_NUM_TENS:
        return NW_TENS;
    case EN_NUM_HUNDRED:
        return NW_HUNDRED;
    case EN_NUM_SCALE:
        return NW_SCALE;
    default:
        return NW_DOZEN;
    }
}

/* A scale word's v is its power of ten (the grammar multiplies by powers);
 * every other number word's v is its value. */
static uint64_t value_of(uint8_t kind, uint64_t value)
{
    return kind == EN_NUM_SCALE ? en_power_of_ten(value) : value;
}

/* Appends e to the entries; false when they are full (a bug). */
static bool lex_add(num_lex *lx, num_word e)
{
    if (lx->nwords >= NUM_LEX_WORDS)
        return false;
    lx->words[lx->nwords++] = e;
    return true;
}

/* Collects the entries: the shared English tables in this plugin's
 * classes, then its own words. */
static bool lex_collect(num_lex *lx)
{
    size_t n;
    const en_number_word *card = en_cardinals(&n);
    for (size_t i = 0; i < n; i++) {
        uint8_t cls = class_of_kind(card[i].kind);
        if (!lex_add(lx, (num_word){card[i].word, cls, 0, 0, value_of(card[i].kind, card[i].value),
                                    NULL}))
            return false;
    }
    const en_ordinal_word *ord = en_ordinals(&n);
    for (size_t i = 0; i < n; i++) {
        /* aux: the class the ordinal acts as inside a number (twenty-first) */
        uint8_t acts = class_of_kind(ord[i].kind);
        if (!lex_add(lx, (num_word){ord[i].word, NW_ORD, 0, acts,
                                    value_of(ord[i].kind, ord[i].value), NULL}))
            return false;
    }
    const en_month_name *mon = en_months(&n);
    for (size_t i = 0; i < n; i++)
        if (!lex_add(lx, (num_word){mon[i].word, NW_OTHER, NWF_DATE | NWF_FUNC, 0, 0, NULL}))
            return false;
    const en_weekday_name *wd = en_weekdays(&n);
    for (size_t i = 0; i < n; i++)
        if (!lex_add(lx, (num_word){wd[i].word, NW_OTHER, NWF_DATE | NWF_FUNC, 0, 0, NULL}))
            return false;
    for (size_t i = 0; i < sizeof num_words / sizeof num_words[0]; i++)
        if (!lex_add(lx, num_words[i]))
            return false;
    return true;
}

static bool lex_index_syms(num_lex *lx);

bool num_lex_init(num_lex *lx)
{
    memset(lx, 0, sizeof *lx);
    if (!lex_collect(lx) || !lex_index_syms(lx))
        return false;
    size_t n = lx->nwords;
    if (n >= NUM_LEX_SLOTS / 2)
        return false;
    for (size_t i = 0; i < n; i++) {
        const char *w = lx->words[i].w;
        size_t len = strlen(w);
        if (len > NUM_WORD_MAX) /* also keeps 1u << len inside 32 bits */
            return false;
        if (w[0] >= 'a' && w[0] <= 'z')
            lx->len_mask[w[0] - 'a'] |= 1u << len;
        switch (lx->words[i].cls) {
        case NW_AND:
        case NW_TO:
        case NW_PER:
        case NW_PCTG:
        case NW_PERCENT:
        case NW_CUR:
        case NW_UNITW:
        case NW_UMOD:
        case NW_DEGREE:
        case NW_OTHER:
        case NW_POINT:
        case NW_FRACS:
            break;
        default: {
            unsigned a = (unsigned)(w[0] - 'a'), b = len > 1 ? (unsigned)(w[1] - 'a') : 26u;
            if (a < 26 && b <= 26)
                lx->start_mask[a * 27 + b] |= 1u << len;
        }
        }
        uint32_t h = lex_hash(w, len) & (NUM_LEX_SLOTS - 1);
        while (lx->slot[h] != 0) {
            if (strcmp(lx->words[lx->slot[h] - 1].w, w) == 0) {
                /* Merge duplicates: the "or" entry needs both flags. */
                return false;
            }
            h = (h + 1) & (NUM_LEX_SLOTS - 1);
        }
        lx->slot[h] = (uint16_t)(i + 1);
    }
    return true;
}

const num_word *num_lex_find(const num_lex *lx, const char *w, size_t n)
{
    if (n == 0 || n > NUM_WORD_MAX)
        return NULL;
    unsigned c0 = (unsigned)(w[0] | 0x20) - 'a';
    if (c0 >= 26 || !(lx->len_mask[c0] & (1u << n)))
        return NULL;
    uint32_t h = lex_hash(w, n) & (NUM_LEX_SLOTS - 1);
    while (lx->slot[h] != 0) {
        const num_word *e = &lx->words[lx->slot[h] - 1];
        if (lex_eq(e->w, w, n))
            return e;
        h = (h + 1) & (NUM_LEX_SLOTS - 1);
    }
    return NULL;
}

/* ---- symbols ------------------------------------------------------------ */

static const num_sym num_syms[] = {
    {"%", NS_PERCENT, 0, 0, NULL},
    {"pc", NS_PERCENT, 0, 0, NULL},
    {"pct", NS_PERCENT, 0, 0, NULL},
    {"pp", NS_PERCENT, 1, 0, NULL}, /* percentage points */
    {"ppt", NS_PERCENT, 1, 0, NULL},
    {"percent", NS_PERCENT, 0, 0, NULL},
    {"km/h", NS_UNIT, 0, 0, "km/h"},
    {"kph", NS_UNIT, 0, 0, "km/h"},
    {"kmh", NS_UNIT, 0, 0, "km/h"},
    {"kmph", NS_UNIT, 0, 0, "km/h"},
    {"km/hr", NS_UNIT, 0, 0, "km/h"},
    {"m/s2", NS_UNIT, 0, 0, "m/s²"},
    {"m/s²", NS_UNIT, 0, 0, "m/s²"},
    {"degC", NS_UNIT, 0, 0, "°C"},
    {"degF", NS_UNIT, 0, 0, "°F"},
    {"L", NS_UNIT, 0, 0, "L"},
    {"km²", NS_UNIT, 0, 0, "km²"},
    {"km2", NS_UNIT, 0, 0, "km²"},
    {"m²", NS_UNIT, 0, 0, "m²"},
    {"m2", NS_UNIT, 0, 0, "m²"},
    {"m³", NS_UNIT, 0, 0, "m³"},
    {"m/s", NS_UNIT, 0, 0, "m/s"},
    {"km", NS_UNIT, 0, 0, "km"},
    {"cm", NS_UNIT, 0, 0, "cm"},
    {"mm", NS_UNIT, 0, 0, "mm"},
    {"mi", NS_UNIT, 0, 0, "mi"},
    {"ft", NS_UNIT, 0, 0, "ft"},
    {"kgs", NS_UNIT, 0, 0, "kg"},
    {"kms", NS_UNIT, 0, 0, "km"},
    {"kg", NS_UNIT, 0, 0, "kg"},
    {"mg", NS_UNIT, 0, 0, "mg"},
    {"g", NS_UNIT, 0, 0, "g"},
    {"lbs", NS_UNIT, 0, 0, "lb"},
    {"lb", NS_UNIT, 0, 0, "lb"},
    {"oz", NS_UNIT, 0, 0, "oz"},
    {"ha", NS_UNIT, 0, 0, "ha"},
    {"ml", NS_UNIT, 0, 0, "mL"},
    {"mL", NS_UNIT, 0, 0, "mL"},
    {"gal", NS_UNIT, 0, 0, "gal"},
    {"bbl", NS_UNIT, 0, 0, "bbl"},
    {"bpd", NS_UNIT, 0, 0, "bbl/d"},
    {"mph", NS_UNIT, 0, 0, "mph"},
    {"mpg", NS_UNIT, 0, 0, "mpg"},
    {"l/100km", NS_UNIT, 0, 0, "L/100km"},
    {"g/l", NS_UNIT, 0, 0, "g/L"},
    {"g/L", NS_UNIT, 0, 0, "g/L"},
    {"mg/l", NS_UNIT, 0, 0, "mg/L"},
    {"mg/L", NS_UNIT, 0, 0, "mg/L"},
    {"mg/dL", NS_UNIT, 0, 0, "mg/dL"},
    {"L/100km", NS_UNIT, 0, 0, "L/100km"},
    {"tsp", NS_UNIT, 0, 0, "tsp"},
    {"tbsp", NS_UNIT, 0, 0, "tbsp"},
    {"°C", NS_UNIT, 0, 0, "°C"},
    {"°F", NS_UNIT, 0, 0, "°F"},
    {"ºC", NS_UNIT, 0, 0, "°C"},
    {"ºF", NS_UNIT, 0, 0, "°F"},
    /* 30C, 86F: only attached (a spaced symbol needs two characters) */
    {"C", NS_UNIT, 0, 0, "°C"},
    {"F", NS_UNIT, 0, 0, "°F"},
    {"℃", NS_UNIT, 0, 0, "°C"},
    {"℉", NS_UNIT, 0, 0, "°F"},
    {"kWh", NS_UNIT, 0, 0, "kWh"},
    {"MWh", NS_UNIT, 0, 0, "MWh"},
    {"GWh", NS_UNIT, 0, 0, "GWh"},
    {"TWh", NS_UNIT, 0, 0, "TWh"},
    {"kW", NS_UNIT, 0, 0, "kW"},
    {"MW", NS_UNIT, 0, 0, "MW"},
    {"GW", NS_UNIT, 0, 0, "GW"},
    {"TW", NS_UNIT, 0, 0, "TW"},
    {"W", NS_UNIT, 0, 0, "W"},
    {"kJ", NS_UNIT, 0, 0, "kJ"},
    {"MJ", NS_UNIT, 0, 0, "MJ"},
    {"GJ", NS_UNIT, 0, 0, "GJ"},
    {"kcal", NS_UNIT, 0, 0, "kcal"},
    {"hp", NS_UNIT, 0, 0, "hp"},
    {"kV", NS_UNIT, 0, 0, "kV"},
    {"Hz", NS_UNIT, 0, 0, "Hz"},
    {"kHz", NS_UNIT, 0, 0, "kHz"},
    {"MHz", NS_UNIT, 0, 0, "MHz"},
    {"GHz", NS_UNIT, 0, 0, "GHz"},
    {"KB", NS_UNIT, 0, 0, "kB"},
    {"kB", NS_UNIT, 0, 0, "kB"},
    {"MB", NS_UNIT, 0, 0, "MB"},
    {"GB", NS_UNIT, 0, 0, "GB"},
    {"TB", NS_UNIT, 0, 0, "TB"},
    {"PB", NS_UNIT, 0, 0, "PB"},
    {"kbps", NS_UNIT, 0, 0, "kbit/s"},
    {"Mbps", NS_UNIT, 0, 0, "Mbit/s"},
    {"Gbps", NS_UNIT, 0, 0, "Gbit/s"},
    /* Scale abbreviations; aux 1: only after a currency sign ($3m, £5k). */
    {"bn", NS_SCALE, 0, 9, NULL},
    {"tn", NS_SCALE, 0, 12, NULL},
    {"trn", NS_SCALE, 0, 12, NULL},
    {"mn", NS_SCALE, 0, 6, NULL},
    {"mln", NS_SCALE, 0, 6, NULL},
    {"bln", NS_SCALE, 0, 9, NULL},
    {"thousand", NS_SCALE, 0, 3, NULL},
    {"million", NS_SCALE, 0, 6, NULL},
    {"billion", NS_SCALE, 0, 9, NULL},
    {"trillion", NS_SCALE, 0, 12, NULL}, /* $100million */
    {"mil", NS_SCALE, 0, 6, NULL},
    {"mio", NS_SCALE, 0, 6, NULL},
    /* aux 1: "m" is metres without a currency unless a count follows
     * (num_suffix.c); aux 2: only after a currency sign ($5K, $2B: 4K and
     * 2B are a screen and a pencil); "k", "b", "M" also without one */
    {"m", NS_SCALE, 1, 6, NULL},
    {"M", NS_SCALE, 0, 6, NULL},
    {"k", NS_SCALE, 0, 3, NULL},
    {"K", NS_SCALE, 2, 3, NULL},
    {"b", NS_SCALE, 0, 9, NULL},
    {"B", NS_SCALE, 2, 9, NULL},
    /* currency signs after the amount ("5 €", "5€"), crypto-currencies
     * (no ISO code: their ticker), and amounts in millions or thousands of a
     * currency (v: the power of ten) */
    {"€", NS_CUR, 0, 0, "EUR"},
    {"£", NS_CUR, 0, 0, "GBP"},
    {"¥", NS_CUR, 0, 0, "JPY"},
    {"₹", NS_CUR, 0, 0, "INR"},
    {"BTC", NS_CUR, 0, 0, "BTC"},
    {"XBT", NS_CUR, 0, 0, "BTC"},
    {"ETH", NS_CUR, 0, 0, "ETH"},
    {"MEUR", NS_CUR, 0, 6, "EUR"},
    {"MUSD", NS_CUR, 0, 6, "USD"},
    {"kEUR", NS_CUR, 0, 3, "EUR"},
    {"kUSD", NS_CUR, 0, 3, "USD"},
    {"USD", NS_CUR, 0, 0, "USD"},
    {"EUR", NS_CUR, 0, 0, "EUR"},
    {"GBP", NS_CUR, 0, 0, "GBP"},
    {"JPY", NS_CUR, 0, 0, "JPY"},
    {"CNY", NS_CUR, 0, 0, "CNY"},
    {"RMB", NS_CUR, 0, 0, "CNY"},
    {"CHF", NS_CUR, 0, 0, "CHF"},
    {"CAD", NS_CUR, 0, 0, "CAD"},
    {"AUD", NS_CUR, 0, 0, "AUD"},
    {"INR", NS_CUR, 0, 0, "INR"},
    {"RUB", NS_CUR, 0, 0, "RUB"},
    {"BRL", NS_CUR, 0, 0, "BRL"},
    {"KRW", NS_CUR, 0, 0, "KRW"},
    {"HKD", NS_CUR, 0, 0, "HKD"},
    {"SGD", NS_CUR, 0, 0, "SGD"},
    {"SEK", NS_CUR, 0, 0, "SEK"},
    {"NOK", NS_CUR, 0, 0, "NOK"},
    {"DKK", NS_CUR, 0, 0, "DKK"},
    {"MXN", NS_CUR, 0, 0, "MXN"},
    {"ZAR", NS_CUR, 0, 0, "ZAR"},
    {"NZD", NS_CUR, 0, 0, "NZD"},
    {"TRY", NS_CUR, 0, 0, "TRY"},
    {"SAR", NS_CUR, 0, 0, "SAR"},
    {"AED", NS_CUR, 0, 0, "AED"},
    {"PLN", NS_CUR, 0, 0, "PLN"},
    {"ILS", NS_CUR, 0, 0, "ILS"},
};

static bool is_alnum_byte(unsigned char c)
{
    return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

/* Groups the symbols by their first byte (a counting sort, stable). */
static bool lex_index_syms(num_lex *lx)
{
    size_t n = sizeof num_syms / sizeof num_syms[0];
    if (n > NUM_LEX_SYMS)
        return false;
    unsigned count[256] = {0};
    for (size_t i = 0; i < n; i++)
        count[(unsigned char)num_syms[i].s[0]]++;
    unsigned pos = 0;
    for (unsigned b = 0; b < 256; b++) {
        lx->sym_lo[b] = lx->sym_hi[b] = (uint8_t)pos;
        pos += count[b];
    }
    for (size_t i = 0; i < n; i++)
        lx->sym_order[lx->sym_hi[(unsigned char)num_syms[i].s[0]]++] = (uint8_t)i;
    return true;
}

const num_sym *num_sym_match(const num_lex *lx, const char *t, size_t n)
{
    const num_sym *best = NULL;
    size_t best_len = 0;
    if (n == 0)
        return NULL;
    unsigned b = (unsigned char)t[0];
    for (unsigned k = lx->sym_lo[b]; k < lx->sym_hi[b]; k++) {
        size_t i = lx->sym_order[k];
        size_t l = strlen(num_syms[i].s);
        if (l <= best_len || l > n || memcmp(t, num_syms[i].s, l) != 0)
            continue;
        /* A symbol ends at a word boundary: "km" but not "kms" or "kmh". */
        unsigned char last = (unsigned char)num_syms[i].s[l - 1];
        if (l < n && is_alnum_byte((unsigned char)t[l]) && is_alnum_byte(last))
            continue;
        best = &num_syms[i];
        best_len = l;
    }
    return best;
}

typedef struct cur_prefix {
    const char *s;
    const char *iso;
    bool needs_space; /* codes: "USD 5" (a space or nothing, but not a letter) */
} cur_prefix;

static const cur_prefix num_cur_prefixes[] = {
    {"US$", "USD", false},
    {"US $", "USD", false},
    {"U.S.$", "USD", false},
    {"C$", "CAD", false},
    {"CA$", "CAD", false},
    {"A$", "AUD", false},
    {"AU$", "AUD", false},
    {"NZ$", "NZD", false},
    {"HK$", "HKD", false},
    {"S$", "SGD", false},
    {"R$", "BRL", false},
    {"NT$", "TWD", false},
    {"Mex$", "MXN", false},
    {"$", "USD", false},
    {"RM", "MYR", true},
    {"Rp", "IDR", true},
    {"SFr", "CHF", true},
    {"DM", "DEM", true},
    {"€", "EUR", false},
    {"£", "GBP", false},
    {"¥", "JPY", false},
    {"₹", "INR", false},
    {"₩", "KRW", false},
    {"₽", "RUB", false},
    {"₺", "TRY", false},
    {"₪", "ILS", false},
    {"Rs.", "INR", false},
    {"Rs", "INR", true},
    /* wire-service abbreviations: "dlrs 50 million" */
    {"dlrs", "USD", true},
    {"Dlrs", "USD", true},
    {"dollar", "USD", true},
    {"USD", "USD", true},
    {"EUR", "EUR", true},
    {"GBP", "GBP", true},
    {"JPY", "JPY", true},
    {"CNY", "CNY", true},
    {"RMB", "CNY", true},
    {"rmb", "CNY", true},
    {"Rmb", "CNY", true},
    {"CHF", "CHF", true},
    {"CAD", "CAD", true},
    {"AUD", "AUD", true},
    {"INR", "INR", true},
    {"HKD", "HKD", true},
    {"SGD", "SGD", true},
    {"SEK", "SEK", true},
    {"NOK", "NOK", true},
    {"DKK", "DKK", true},
    {"KRW", "KRW", true},
    {"BRL", "BRL", true},
    {"ZAR", "ZAR", true},
    {"MXN", "MXN", true},
    {"NZD", "NZD", true},
    {"RUB", "RUB", true},
    {"NGN", "NGN", true},
    {"KES", "KES", true},
    {"PKR", "PKR", true},
};

const char *num_cur_prefix(const char *t, size_t n, size_t *len)
{
    if (n == 0)
        return NULL;
    /* Fast exit: every prefix starts with one of these bytes. */
    switch ((unsigned char)t[0]) {
    case '$':
    case 'U':
    case 'C':
    case 'A':
    case 'N':
    case 'H':
    case 'S':
    case 'R':
    case 'E':
    case 'G':
    case 'J':
    case 'I':
    case 'D':
    case 'K':
    case 'B':
    case 'Z':
    case 'M':
    case 'P':
    case 'd':
    case 'r':
    case 0xE2:
    case 0xC2:
        break;
    default:
        return NULL;
    }
    for (size_t i = 0; i < sizeof num_cur_prefixes / sizeof num_cur_prefixes[0]; i++) {
        const cur_prefix *c = &num_cur_prefixes[i];
        if (c->s[0] != t[0])
            continue;
        size_t l = strlen(c->s);
        if (l > n || memcmp(t, c->s, l) != 0)
            continue;
        if (c->needs_space) {
            /* "USD 5" or "USD5", never "USDA". */
            if (l < n && ((t[l] | 0x20) >= 'a' && (t[l] | 0x20) <= 'z'))
                continue;
        }
        *len = l;
        return c->iso;
    }
    return NULL;
}
