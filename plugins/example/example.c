/*
 * example.c -- the example plugin: e-mail addresses and URLs in prose.
 *
 * This file is the template plugin authors copy, so it shows every part of a
 * plugin once: the descriptor, a declared option, open/annotate/close, the
 * per-document scratch memory, and emitting spans with an attribute.
 *
 * Labels
 *   EMAIL  john.smith@example.com       normalized: the address lower-cased
 *   URL    https://Example.com/Path     normalized: scheme and host lower-cased,
 *          www.example.org              "http://" put in front of www. forms
 *
 * Why scan bytes and not tokens: the shared tokenizer is built for words, so
 * it cuts "john.smith@example.com" into several tokens.  Addresses and URLs
 * are easier to find in the text view itself, which a plugin is free to read.
 *
 * What counts (chosen for prose, not the full RFC grammars):
 *   - an e-mail address is an ASCII local part of letters, digits and
 *     . _ % + - (no leading, trailing or doubled dot), an "@", and a domain of
 *     at least two dot-separated labels whose last label is two or more
 *     letters; a sentence's full stop after it is not part of it;
 *   - a URL starts with http://, https://, ftp:// or www. (any case) at the
 *     start of a word and runs to white space or a character that cannot be
 *     in a URL.  Punctuation at its end (. , ; : ! ? ' *) belongs to the
 *     sentence, and so does a closing bracket that has no opening one inside
 *     the URL: "(see https://x.org/a_(b))" gives https://x.org/a_(b).
 *
 * Reentrancy: the host calls annotate() on many threads at once with the same
 * state.  The state is written only in open(); annotate() keeps everything
 * else in local variables and in host->scratch() memory.
 */
#include <annotate/plugin.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* What open() builds and annotate() only reads. */
typedef struct ex_state {
    const ann_host *host; /* borrowed until close(): annotate() gets no host argument */
    int urls;             /* option example.urls */
} ex_state;

/* ---- characters ------------------------------------------------------------ */

/* Plain ASCII tests: <ctype.h> depends on the locale, and this plugin must
 * answer the same on every machine. */
static int ex_is_alpha(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int ex_is_alnum(unsigned char c)
{
    return ex_is_alpha(c) || (c >= '0' && c <= '9');
}

static char ex_lower(char c)
{
    return (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
}

/* Length of a non-ASCII character at t[i] that ends an address or URL the
 * way a space would: no-break space, guillemets, U+2000..U+203F (typographic
 * spaces, dashes, curly quotes, ellipsis), the ideographic space and comma.
 * 0 for anything else, including letters, which IRIs may contain. */
static size_t ex_unicode_break(const char *t, size_t len, size_t i)
{
    const unsigned char *u = (const unsigned char *)t;
    if (i + 1 < len && u[i] == 0xC2 && (u[i + 1] == 0xA0 || u[i + 1] == 0xAB || u[i + 1] == 0xBB))
        return 2;
    if (i + 2 < len && u[i] == 0xE2 && u[i + 1] == 0x80)
        return 3;
    if (i + 2 < len && u[i] == 0xE3 && u[i + 1] == 0x80 && u[i + 2] <= 0x82)
        return 3;
    return 0;
}

/* Whether the character ending just before byte i is one of the breaks above
 * (looked at from its end, for scanning backwards). */
static int ex_unicode_break_before(const char *t, size_t len, size_t i)
{
    if (i >= 2 && ex_unicode_break(t, len, i - 2) == 2)
        return 1;
    return i >= 3 && ex_unicode_break(t, len, i - 3) == 3;
}

/* Characters RFC 3986 allows in a URL (unreserved, reserved and '%'). */
static int ex_is_url_ascii(unsigned char c)
{
    if (ex_is_alnum(c))
        return 1;
    return c != 0 && strchr("-._~:/?#[]@!$&'()*+,;=%", c) != NULL;
}

static int ex_is_local_char(unsigned char c)
{
    return ex_is_alnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
}

/* Whether a match may begin at byte i: at the start of the text or after a
 * character that cannot continue a word, a host name or a path.  This keeps
 * "xhttp://" and "foo.www.bar.com" from matching in the middle. */
static int ex_word_start(const char *t, size_t len, size_t i)
{
    if (i == 0)
        return 1;
    unsigned char p = (unsigned char)t[i - 1];
    if (p >= 0x80) /* after a curly quote or a dash yes, after a letter no */
        return ex_unicode_break_before(t, len, i);
    return !ex_is_alnum(p) && p != '.' && p != '-' && p != '_' && p != '@' && p != '/';
}

/* ---- e-mail addresses -------------------------------------------------------- */

/* Given the '@' at byte at, finds the address around it.  Does not look
 * before byte floor (the end of the previous match).  On success stores the
 * extent in *start and *end and returns 1. */
static int ex_match_email(const char *t, size_t len, size_t at, size_t floor,
                          size_t *start, size_t *end)
{
    const unsigned char *u = (const unsigned char *)t;

    /* Local part, scanned backwards. */
    size_t s = at;
    while (s > floor && ex_is_local_char(u[s - 1]))
        s--;
    /* An unquoted local part neither starts with a dot nor holds two in a
     * row, so such a dot is punctuation: start after it ("see..jo@x.org"
     * gives jo@x.org). */
    for (size_t k = at; k > s; k--)
        if (u[k - 1] == '.' && (k - 1 == s || u[k - 2] == '.')) {
            s = k;
            break;
        }
    if (s == at || u[at - 1] == '.')
        return 0;
    /* The local part is ASCII: "émile@example.com" must not give
     * "mile@example.com"... */
    if (s > 0 && u[s - 1] >= 0x80 && !ex_unicode_break_before(t, len, s))
        return 0;
    /* ...nor "a@b@example.com" a second address. */
    if (s > 0 && u[s - 1] == '@')
        return 0;

    /* Domain: labels of letters, digits and inner hyphens, separated by dots. */
    size_t e = at + 1, last_label = e, labels = 0, good_end = 0;
    for (;;) {
        size_t l = e;
        while (e < len && (ex_is_alnum(u[e]) || u[e] == '-'))
            e++;
        if (e == l || u[l] == '-' || u[e - 1] == '-')
            break;
        labels++;
        last_label = l;
        good_end = e;
        /* Continue only if a dot is followed by another label; a final dot
         * is the sentence's full stop. */
        if (e + 1 < len && u[e] == '.' && ex_is_alnum(u[e + 1]))
            e++;
        else
            break;
    }
    if (labels < 2)
        return 0;
    e = good_end;
    /* The top-level domain is letters only, two or more. */
    if (e - last_label < 2)
        return 0;
    for (size_t k = last_label; k < e; k++)
        if (!ex_is_alpha(u[k]))
            return 0;
    /* What follows must end the address: not "@", not a letter of another
     * script ("a@b.comé"), not a hyphen or dot continuing a broken label. */
    if (e < len) {
        unsigned char n = u[e];
        if (n == '@' || n == '-' || n == '_' || (n == '.' && e + 1 < len && u[e + 1] == '-'))
            return 0;
        if (n >= 0x80 && !ex_unicode_break(t, len, e))
            return 0;
    }
    *start = s;
    *end = e;
    return 1;
}

/* ---- URLs ---------------------------------------------------------------------- */

/* Length of a URL prefix (scheme and "://", or "www.") at byte i, any case;
 * *www is set for the www. form.  0 when there is none. */
static size_t ex_url_prefix(const char *t, size_t len, size_t i, int *www)
{
    static const char *const schemes[] = {"https://", "http://", "ftp://", "www.", NULL};
    for (size_t k = 0; schemes[k]; k++) {
        size_t n = strlen(schemes[k]);
        if (len - i < n)
            continue;
        size_t j = 0;
        while (j < n && ex_lower(t[i + j]) == schemes[k][j])
            j++;
        if (j == n) {
            *www = schemes[k][0] == 'w';
            return n;
        }
    }
    return 0;
}

/* Finds a URL starting at byte i.  On success stores its end in *end and the
 * length of its prefix in *prefix, and returns 1. */
static int ex_match_url(const char *t, size_t len, size_t i, size_t *end, size_t *prefix, int *www)
{
    const unsigned char *u = (const unsigned char *)t;
    size_t p = ex_url_prefix(t, len, i, www);
    if (p == 0)
        return 0;

    /* Run to the first character that cannot be in a URL.  Non-ASCII letters
     * are allowed: IRIs such as https://de.wikipedia.org/wiki/Köln exist. */
    size_t e = i + p;
    while (e < len) {
        if (u[e] < 0x80) {
            if (!ex_is_url_ascii(u[e]))
                break;
            e++;
        } else {
            if (ex_unicode_break(t, len, e))
                break;
            e++;
        }
    }

    /* Give back the sentence's punctuation.  A closing bracket stays only if
     * the URL opened one: count both kinds and drop unmatched closers. */
    for (;;) {
        if (e <= i + p)
            return 0;
        unsigned char c = u[e - 1];
        if (c == ')' || c == ']') {
            unsigned char open = c == ')' ? '(' : '[';
            long depth = 0;
            for (size_t k = i + p; k < e; k++)
                depth += (u[k] == open) - (u[k] == c);
            if (depth < 0) {
                e--;
                continue;
            }
            break;
        }
        if (strchr(".,;:!?'*", c) != NULL) { /* c is never NUL here */
            e--;
            continue;
        }
        break;
    }

    /* The host must have a letter or digit; the www. form needs one more
     * dot-separated label after "www." ("www.example" is not a URL). */
    size_t h = i + p, alnum = 0, dots = 0;
    while (h < e && u[h] != '/' && u[h] != '?' && u[h] != '#') {
        if (ex_is_alnum(u[h]) || u[h] >= 0x80)
            alnum++;
        /* "www.sales@example.com" is an e-mail address: the www. form has
         * no "user@" part in practice. */
        if (u[h] == '@' && *www)
            return 0;
        if (u[h] == '.' && h + 1 < e && ex_is_alnum(u[h + 1]))
            dots++;
        h++;
    }
    if (alnum == 0 || (*www && dots == 0))
        return 0;
    *end = e;
    *prefix = p;
    return 1;
}

/* ---- normalisation ------------------------------------------------------------- */

/* The normalized form of the match t[s, e) as a NUL-terminated string in the
 * document's scratch memory (freed by the host after annotate()), or NULL
 * when memory runs out. */
static char *ex_normalize(const ann_host *host, ann_doc *doc, const char *t, size_t s, size_t e,
                          int is_url, size_t prefix, int www)
{
    const char *http = "http://";
    size_t extra = (is_url && www) ? strlen(http) : 0;
    char *out = host->scratch(doc, extra + (e - s) + 1);
    if (out == NULL)
        return NULL;
    memcpy(out, http, extra);
    char *o = out + extra;
    if (!is_url) {
        /* Strictly only the domain is case-insensitive, but mail systems
         * treat the local part so too, and lower-casing both is what makes
         * two spellings of one address compare equal. */
        for (size_t k = s; k < e; k++)
            *o++ = ex_lower(t[k]);
    } else {
        /* Lower-case the scheme and the host (after any "user@"), keep the
         * path, query and fragment as written: they are case-sensitive. */
        size_t auth_end = s + prefix;
        while (auth_end < e && t[auth_end] != '/' && t[auth_end] != '?' && t[auth_end] != '#')
            auth_end++;
        size_t host_start = s + prefix;
        for (size_t k = s + prefix; k < auth_end; k++)
            if (t[k] == '@')
                host_start = k + 1;
        for (size_t k = s; k < e; k++) {
            int lower = k < s + prefix || (k >= host_start && k < auth_end);
            *o++ = lower ? ex_lower(t[k]) : t[k];
        }
    }
    *o = '\0';
    return out;
}

/* ---- the plugin callbacks ------------------------------------------------------- */

static int ex_emit(const ex_state *st, ann_doc *doc, const char *t, size_t s, size_t e,
                   int is_url, size_t prefix, int www)
{
    char *norm = ex_normalize(st->host, doc, t, s, e, is_url, prefix, www);
    if (norm == NULL) {
        st->host->doc_error(doc, "out of memory");
        return ANN_ENOMEM;
    }
    ann_attr attr = {"normalized", norm};
    ann_new_span span = {(uint32_t)s, (uint32_t)e, is_url ? "URL" : "EMAIL", &attr, 1, NULL, 0};
    /* The host copies the span, so attr and norm may go right away.  A refused
     * span is reported by the host and is not a reason to stop. */
    (void)st->host->emit(doc, &span, NULL);
    return ANN_OK;
}

static int ex_annotate(void *state, ann_doc *doc)
{
    const ex_state *st = state;
    size_t len = 0;
    const char *t = st->host->text(doc, &len);
    if (len > UINT32_MAX) {
        st->host->doc_error(doc, "document too large for 32-bit offsets");
        return ANN_EINVAL;
    }

    /* One pass from left to right.  floor is the end of the last match, so an
     * address inside a URL ("ftp://anonymous@ftp.example.org") is not also
     * reported as an e-mail address. */
    size_t floor = 0;
    for (size_t i = 0; i < len; i++) {
        char c = t[i];
        if (st->urls && (c == 'h' || c == 'H' || c == 'f' || c == 'F' || c == 'w' || c == 'W') &&
            ex_word_start(t, len, i)) {
            size_t e, prefix;
            int www;
            if (ex_match_url(t, len, i, &e, &prefix, &www)) {
                int rc = ex_emit(st, doc, t, i, e, 1, prefix, www);
                if (rc != ANN_OK)
                    return rc;
                floor = e;
                i = e - 1;
                continue;
            }
        }
        if (c == '@') {
            size_t s, e;
            if (ex_match_email(t, len, i, floor, &s, &e)) {
                int rc = ex_emit(st, doc, t, s, e, 0, 0, 0);
                if (rc != ANN_OK)
                    return rc;
                floor = e;
                i = e - 1;
            }
        }
    }
    return ANN_OK;
}

/* Reads a yes/no option.  Returns 0 or 1, or -1 for a value that is neither. */
static int ex_parse_bool(const char *v)
{
    static const char *const yes[] = {"1", "yes", "true", "on", NULL};
    static const char *const no[] = {"0", "no", "false", "off", NULL};
    for (size_t k = 0; yes[k]; k++)
        if (strcmp(v, yes[k]) == 0)
            return 1;
    for (size_t k = 0; no[k]; k++)
        if (strcmp(v, no[k]) == 0)
            return 0;
    return -1;
}

static int ex_open(const ann_host *host, ann_open_ctx *ctx, void **state)
{
    /* The host has checked that only declared options were given; their
     * values are ours to check.  A NULL value means the declared default. */
    const char *v = host->option(ctx, "urls");
    int urls = v ? ex_parse_bool(v) : 1;
    if (urls < 0) {
        host->open_error(ctx, "option urls: expected 1 or 0 (yes/no, true/false, on/off), got '%s'", v);
        return ANN_EINVAL;
    }
    ex_state *st = malloc(sizeof *st);
    if (st == NULL) {
        host->open_error(ctx, "out of memory");
        return ANN_ENOMEM;
    }
    st->host = host;
    st->urls = urls;
    *state = st;
    return ANN_OK;
}

static void ex_close(void *state)
{
    free(state);
}

/* ---- the descriptor --------------------------------------------------------------- */

static const char *const ex_labels[] = {"EMAIL", "URL", NULL};

static const ann_option_decl ex_options[] = {
    {"urls", "1", "find URLs too (1) or only e-mail addresses (0)"},
    {NULL, NULL, NULL},
};

static const ann_plugin ex_plugin = {
    ANN_PLUGIN_HEADER,
    "example",
    "1.0.0",
    "e-mail addresses and URLs (the template plugin)",
    ex_labels,
    NULL, /* needs no other layer */
    ex_options,
    ex_open,
    ex_annotate,
    ex_close,
    NULL, /* annotate_v2: still the ABI 1 entry point */
    NULL,
};

/* The only exported symbol.  It runs nothing: the host may dlopen a plugin
 * just to list it. */
ANN_PLUGIN_ENTRY(example)
{
    return &ex_plugin;
}
