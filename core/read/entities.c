/*
 * entities.c -- HTML character references.
 *
 * The named table is a common subset of the HTML standard's list (Latin-1,
 * typographic punctuation, a few symbols and Greek letters): facts, written
 * out for this project.  It is sorted by name for bsearch().
 */
#include "read/entities.h"

#include <stdlib.h>
#include <string.h>

typedef struct named {
    const char *name;
    const char *utf8;
} named;

static const named table[] = {
    {"AElig", "\xC3\x86"},
    {"Aacute", "\xC3\x81"},
    {"Acirc", "\xC3\x82"},
    {"Agrave", "\xC3\x80"},
    {"Alpha", "\xCE\x91"},
    {"Aring", "\xC3\x85"},
    {"Atilde", "\xC3\x83"},
    {"Auml", "\xC3\x84"},
    {"Beta", "\xCE\x92"},
    {"Ccedil", "\xC3\x87"},
    {"Dagger", "\xE2\x80\xA1"},
    {"Delta", "\xCE\x94"},
    {"ETH", "\xC3\x90"},
    {"Eacute", "\xC3\x89"},
    {"Ecirc", "\xC3\x8A"},
    {"Egrave", "\xC3\x88"},
    {"Euml", "\xC3\x8B"},
    {"Gamma", "\xCE\x93"},
    {"Iacute", "\xC3\x8D"},
    {"Icirc", "\xC3\x8E"},
    {"Igrave", "\xC3\x8C"},
    {"Iuml", "\xC3\x8F"},
    {"Ntilde", "\xC3\x91"},
    {"OElig", "\xC5\x92"},
    {"Oacute", "\xC3\x93"},
    {"Ocirc", "\xC3\x94"},
    {"Ograve", "\xC3\x92"},
    {"Omega", "\xCE\xA9"},
    {"Oslash", "\xC3\x98"},
    {"Otilde", "\xC3\x95"},
    {"Ouml", "\xC3\x96"},
    {"Prime", "\xE2\x80\xB3"},
    {"Scaron", "\xC5\xA0"},
    {"THORN", "\xC3\x9E"},
    {"Uacute", "\xC3\x9A"},
    {"Ucirc", "\xC3\x9B"},
    {"Ugrave", "\xC3\x99"},
    {"Uuml", "\xC3\x9C"},
    {"Yacute", "\xC3\x9D"},
    {"Yuml", "\xC5\xB8"},
    {"aacute", "\xC3\xA1"},
    {"acirc", "\xC3\xA2"},
    {"acute", "\xC2\xB4"},
    {"aelig", "\xC3\xA6"},
    {"agrave", "\xC3\xA0"},
    {"alpha", "\xCE\xB1"},
    {"amp", "\x26"},
    {"apos", "\x27"},
    {"aring", "\xC3\xA5"},
    {"asymp", "\xE2\x89\x88"},
    {"atilde", "\xC3\xA3"},
    {"auml", "\xC3\xA4"},
    {"bdquo", "\xE2\x80\x9E"},
    {"beta", "\xCE\xB2"},
    {"brvbar", "\xC2\xA6"},
    {"bull", "\xE2\x80\xA2"},
    {"ccedil", "\xC3\xA7"},
    {"cedil", "\xC2\xB8"},
    {"cent", "\xC2\xA2"},
    {"circ", "\xCB\x86"},
    {"copy", "\xC2\xA9"},
    {"curren", "\xC2\xA4"},
    {"dagger", "\xE2\x80\xA0"},
    {"darr", "\xE2\x86\x93"},
    {"deg", "\xC2\xB0"},
    {"delta", "\xCE\xB4"},
    {"divide", "\xC3\xB7"},
    {"eacute", "\xC3\xA9"},
    {"ecirc", "\xC3\xAA"},
    {"egrave", "\xC3\xA8"},
    {"emsp", "\xE2\x80\x83"},
    {"ensp", "\xE2\x80\x82"},
    {"epsilon", "\xCE\xB5"},
    {"eth", "\xC3\xB0"},
    {"euml", "\xC3\xAB"},
    {"euro", "\xE2\x82\xAC"},
    {"fnof", "\xC6\x92"},
    {"frac12", "\xC2\xBD"},
    {"frac14", "\xC2\xBC"},
    {"frac34", "\xC2\xBE"},
    {"gamma", "\xCE\xB3"},
    {"ge", "\xE2\x89\xA5"},
    {"gt", "\x3E"},
    {"harr", "\xE2\x86\x94"},
    {"hellip", "\xE2\x80\xA6"},
    {"iacute", "\xC3\xAD"},
    {"icirc", "\xC3\xAE"},
    {"iexcl", "\xC2\xA1"},
    {"igrave", "\xC3\xAC"},
    {"infin", "\xE2\x88\x9E"},
    {"iquest", "\xC2\xBF"},
    {"iuml", "\xC3\xAF"},
    {"lambda", "\xCE\xBB"},
    {"laquo", "\xC2\xAB"},
    {"larr", "\xE2\x86\x90"},
    {"ldquo", "\xE2\x80\x9C"},
    {"le", "\xE2\x89\xA4"},
    {"lrm", "\xE2\x80\x8E"},
    {"lsaquo", "\xE2\x80\xB9"},
    {"lsquo", "\xE2\x80\x98"},
    {"lt", "\x3C"},
    {"macr", "\xC2\xAF"},
    {"mdash", "\xE2\x80\x94"},
    {"micro", "\xC2\xB5"},
    {"middot", "\xC2\xB7"},
    {"minus", "\xE2\x88\x92"},
    {"mu", "\xCE\xBC"},
    {"nbsp", "\xC2\xA0"},
    {"ndash", "\xE2\x80\x93"},
    {"ne", "\xE2\x89\xA0"},
    {"not", "\xC2\xAC"},
    {"ntilde", "\xC3\xB1"},
    {"oacute", "\xC3\xB3"},
    {"ocirc", "\xC3\xB4"},
    {"oelig", "\xC5\x93"},
    {"ograve", "\xC3\xB2"},
    {"omega", "\xCF\x89"},
    {"ordf", "\xC2\xAA"},
    {"ordm", "\xC2\xBA"},
    {"oslash", "\xC3\xB8"},
    {"otilde", "\xC3\xB5"},
    {"ouml", "\xC3\xB6"},
    {"para", "\xC2\xB6"},
    {"permil", "\xE2\x80\xB0"},
    {"pi", "\xCF\x80"},
    {"plusmn", "\xC2\xB1"},
    {"pound", "\xC2\xA3"},
    {"prime", "\xE2\x80\xB2"},
    {"quot", "\x22"},
    {"raquo", "\xC2\xBB"},
    {"rarr", "\xE2\x86\x92"},
    {"rdquo", "\xE2\x80\x9D"},
    {"reg", "\xC2\xAE"},
    {"rlm", "\xE2\x80\x8F"},
    {"rsaquo", "\xE2\x80\xBA"},
    {"rsquo", "\xE2\x80\x99"},
    {"sbquo", "\xE2\x80\x9A"},
    {"scaron", "\xC5\xA1"},
    {"sect", "\xC2\xA7"},
    {"shy", "\xC2\xAD"},
    {"sigma", "\xCF\x83"},
    {"sup1", "\xC2\xB9"},
    {"sup2", "\xC2\xB2"},
    {"sup3", "\xC2\xB3"},
    {"szlig", "\xC3\x9F"},
    {"thinsp", "\xE2\x80\x89"},
    {"thorn", "\xC3\xBE"},
    {"tilde", "\xCB\x9C"},
    {"times", "\xC3\x97"},
    {"trade", "\xE2\x84\xA2"},
    {"uacute", "\xC3\xBA"},
    {"uarr", "\xE2\x86\x91"},
    {"ucirc", "\xC3\xBB"},
    {"ugrave", "\xC3\xB9"},
    {"uml", "\xC2\xA8"},
    {"uuml", "\xC3\xBC"},
    {"yacute", "\xC3\xBD"},
    {"yen", "\xC2\xA5"},
    {"yuml", "\xC3\xBF"},
    {"zwj", "\xE2\x80\x8D"},
    {"zwnj", "\xE2\x80\x8C"},
};

typedef struct key {
    const char *s;
    size_t n;
} key;

static int cmp(const void *a, const void *b)
{
    const key *k = a;
    const named *e = b;
    size_t el = strlen(e->name);
    size_t m = k->n < el ? k->n : el;
    int c = memcmp(k->s, e->name, m);
    if (c != 0)
        return c;
    return k->n < el ? -1 : k->n > el ? 1 : 0;
}

size_t ann_read_utf8_encode(unsigned long cp, char *out)
{
    unsigned char *o = (unsigned char *)out;
    if (cp < 0x80) {
        o[0] = (unsigned char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (unsigned char)(0xC0 | (cp >> 6));
        o[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (unsigned char)(0xE0 | (cp >> 12));
        o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (unsigned char)(0xF0 | (cp >> 18));
    o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}

size_t ann_decode_entity(const char *s, size_t n, char out[8])
{
    if (n < 2 || s[0] != '&')
        return 0;
    s++;
    n--;
    if (s[n - 1] == ';')
        n--;
    if (n == 0)
        return 0;
    size_t len;
    if (s[0] == '#') {
        unsigned long cp = 0;
        size_t i = 1;
        int base = 10;
        if (i < n && (s[i] == 'x' || s[i] == 'X')) {
            base = 16;
            i++;
        }
        if (i == n)
            return 0;
        for (; i < n; i++) {
            int d;
            char c = s[i];
            if (c >= '0' && c <= '9')
                d = c - '0';
            else if (base == 16 && c >= 'a' && c <= 'f')
                d = c - 'a' + 10;
            else if (base == 16 && c >= 'A' && c <= 'F')
                d = c - 'A' + 10;
            else
                return 0;
            if (cp <= 0x10FFFF)
                cp = cp * (unsigned long)base + (unsigned long)d;
        }
        if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            cp = 0xFFFD;
        len = ann_read_utf8_encode(cp, out);
    } else {
        key k = {s, n};
        const named *e = bsearch(&k, table, sizeof table / sizeof table[0], sizeof table[0], cmp);
        if (e == NULL)
            return 0;
        len = strlen(e->utf8);
        memcpy(out, e->utf8, len);
    }
    out[len] = '\0';
    return len;
}
