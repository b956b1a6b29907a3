/*
 * example.c -- the example plugin: e-mail addresses and URLs in prose.
 *
 * This file is the template plugin authors copy, so it shows every part of a
 * plugin on ABI 2 once: the descriptor with designated initializers, a
 * declared option, open/annotate_v2/close, the host's text services
 * (character classes, case folding), per-document scratch memory that grows,
 * and emitting spans with an attribute, checking what emit_v2() answers.
 *
 * Labels
 *   EMAIL  john.smith@example.com       normalized: the address lower-cased
 *   URL    https://Example.com/Path     normalized: scheme and host case-folded,
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
 *     the URL: "(see https://x.org/a_(b))" gives https://x.org/a_(b);
 *   - beyond ASCII, a space of any kind (U+00A0, U+2009, U+202F, U+3000 ...),
 *     a punctuation mark (curly quotes, dashes, guillemets, the ellipsis) or
 *     an invisible format character ends an address or URL, as a space
 *     would; letters, digits, marks and symbols do not, because IRIs such as
 *     https://de.wikipedia.org/wiki/Köln may hold them.
 *
 * Reentrancy: the host calls annotate_v2() on many threads at once with the
 * same state.  The state is written only in open(); annotate_v2() keeps
 * everything else in local variables and in the document's scratch memory.
 */
#include <annotate/plugin.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* What open() builds and annotate_v2() only reads.  On ABI 2 the host comes
 * with every annotate_v2() call, so the state need not keep it. */
typedef struct ex_state {
    int urls; /* option example.urls */
} ex_state;

/* ---- characters ------------------------------------------------------------ */

/* ASCII tests through ann_ascii_class(), which is inline and the same on
 * every machine (<ctype.h> depends on the locale).  It answers 0 for a byte
 * of 0x80 or more, so these also reject every byte of a non-ASCII
 * character: addresses and host names here are ASCII. */
static int ex_is_alpha(unsigned char c)
{
    return (ann_ascii_class(c) & ANN_CHAR_LETTER) != 0;
}

static int ex_is_alnum(unsigned char c)
{
    return (ann_ascii_class(c) & (ANN_CHAR_LETTER | ANN_CHAR_DIGIT)) != 0;
}

/* ASCII lower case, for matching the fixed scheme names. */
static char ex_lower(char c)
{
    return (ann_ascii_class((unsigned char)c) & ANN_CHAR_UPPER) ? (char)(c - 'A' + 'a') : c;
}

/* Whether a character of class bits cls (from the host) ends an address or
 * a URL the way an ASCII space does.  Class 0 covers the invisible format
 * characters (U+200B zero width space, the bidi controls), which no address
 * contains. */
static int ex_breaks(uint32_t cls)
{
    return cls == 0 || (cls & (ANN_CHAR_SPACE | ANN_CHAR_PUNCT)) != 0;
}

/* Whether the character at t[i] ends an address or URL.  ann_class_at()
 * decodes through the host, so every Unicode space and punctuation mark
 * counts, not only a few hand-picked byte patterns. */
static int ex_break_at(const ann_host *host, const char *t, size_t len, size_t i)
{
    size_t n;
    return ex_breaks(ann_class_at(host, t, len, i, &n));
}

/* Whether the non-ASCII character ending just before byte i (0 < i) ends an
 * address or URL (looked at from its end, for scanning backwards). */
static int ex_break_before(const ann_host *host, const char *t, size_t i)
{
    size_t n;
    return ex_breaks(host->char_class(host->decode_prev(t, i, &n)));
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
static int ex_word_start(const ann_host *host, const char *t, size_t i)
{
    if (i == 0)
        return 1;
    unsigned char p = (unsigned char)t[i - 1];
    if (p >= 0x80) /* after a curly quote or a dash yes, after a letter no */
        return ex_break_before(host, t, i);
    return !ex_is_alnum(p) && p != '.' && p != '-' && p != '_' && p != '@' && p != '/';
}

/* ---- e-mail addresses -------------------------------------------------------- */

/* Given the '@' at byte at, finds the address around it.  Does not look
 * before byte floor (the end of the previous match).  On success stores the
 * extent in *start and *end and returns 1. */
static int ex_match_email(const ann_host *host, const char *t, size_t len, size_t at, size_t floor,
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
    if (s > 0 && u[s - 1] >= 0x80 && !ex_break_before(host, t, s))
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
        if (n >= 0x80 && !ex_break_at(host, t, len, e))
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
static int ex_match_url(const ann_host *host, const char *t, size_t len, size_t i, size_t *end,
                        size_t *prefix, int *www)
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
            size_t n;
            if (ex_breaks(ann_class_at(host, t, len, e, &n)))
                break;
            e += n; /* a whole character: never stop inside one */
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
        if (ex_is_alnum(u[h]) || u[h] >= 0x80) /* a non-ASCII one is a letter of an IDN */
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

/* A string being built in the document's scratch memory.  Appending goes
 * through host->scratch_grow(), which grows the block in place while it is
 * the newest one and copies it otherwise.  Nothing has to be freed: the
 * host drops all of it when annotate_v2() returns. */
typedef struct ex_buf {
    char *p;
    size_t len, cap;
} ex_buf;

/* Appends s[0, n) to b (NUL-terminated after it).  Returns 0, or -1 when
 * memory runs out. */
static int ex_buf_put(const ann_host *host, ann_doc *doc, ex_buf *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        size_t cap = 2 * b->cap > b->len + n + 1 ? 2 * b->cap : b->len + n + 1;
        char *p = host->scratch_grow(doc, b->p, b->cap, cap);
        if (p == NULL)
            return -1;
        b->p = p;
        b->cap = cap;
    }
    memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = '\0';
    return 0;
}

/* Appends the case-folded form of s[0, n).  host->fold_text() folds every
 * script the same way (Unicode case folding) and leaves its result in
 * scratch memory too. */
static int ex_buf_put_folded(const ann_host *host, ann_doc *doc, ex_buf *b, const char *s, size_t n)
{
    size_t m;
    const char *f = host->fold_text(doc, s, n, &m);
    return f == NULL ? -1 : ex_buf_put(host, doc, b, f, m);
}

/* The normalized form of the match t[s, e) as a NUL-terminated string in the
 * document's scratch memory, or NULL when memory runs out. */
static const char *ex_normalize(const ann_host *host, ann_doc *doc, const char *t, size_t s,
                                size_t e, int is_url, size_t prefix, int www)
{
    ex_buf b = {NULL, 0, 0};
    if (!is_url) {
        /* Strictly only the domain is case-insensitive, but mail systems
         * treat the local part so too, and folding both is what makes two
         * spellings of one address compare equal. */
        return ex_buf_put_folded(host, doc, &b, t + s, e - s) == 0 ? b.p : NULL;
    }
    /* Fold the scheme and the host (after any "user@"), keep the user, the
     * path, the query and the fragment as written: they are case-sensitive. */
    size_t auth_end = s + prefix;
    while (auth_end < e && t[auth_end] != '/' && t[auth_end] != '?' && t[auth_end] != '#')
        auth_end++;
    size_t host_start = s + prefix;
    for (size_t k = s + prefix; k < auth_end; k++)
        if (t[k] == '@')
            host_start = k + 1;
    if ((www && ex_buf_put(host, doc, &b, "http://", strlen("http://")) < 0) ||
        ex_buf_put_folded(host, doc, &b, t + s, prefix) < 0 ||
        ex_buf_put(host, doc, &b, t + s + prefix, host_start - (s + prefix)) < 0 ||
        ex_buf_put_folded(host, doc, &b, t + host_start, auth_end - host_start) < 0 ||
        ex_buf_put(host, doc, &b, t + auth_end, e - auth_end) < 0)
        return NULL;
    return b.p;
}

/* ---- the plugin callbacks ------------------------------------------------------- */

/* Emits one match.  Returns ANN_OK to go on, or the status that must end
 * annotate_v2(). */
static int ex_emit(const ann_host *host, ann_doc *doc, const char *t, size_t s, size_t e,
                   int is_url, size_t prefix, int www)
{
    const char *norm = ex_normalize(host, doc, t, s, e, is_url, prefix, www);
    if (norm == NULL) {
        host->doc_error(doc, "out of memory");
        return ANN_ENOMEM;
    }
    ann_attr attr = {"normalized", norm};
    /* ANN_NEW_SPAN_V2_INIT sets the size field to this build's struct size:
     * a later host reads only the fields this plugin knows of. */
    ann_new_span_v2 span = ANN_NEW_SPAN_V2_INIT;
    span.start = (uint32_t)s;
    span.end = (uint32_t)e;
    span.label = is_url ? "URL" : "EMAIL";
    span.attrs = &attr;
    span.n_attrs = 1;
    /* The host copies the span, so attr and norm may go right away. */
    int rc = host->emit_v2(doc, &span, NULL);
    switch (rc) {
    case ANN_OK:
        return ANN_OK;
    case ANN_EINVAL:
        /* The host refused this span and reported why under the plugin's
         * name; the other matches are still worth emitting. */
        return ANN_OK;
    default:
        /* ANN_ENOMEM: the host has marked the document failed and keeps
         * nothing more of it, so stop. */
        return rc;
    }
}

static int ex_annotate(const ann_host *host, void *state, ann_doc *doc)
{
    const ex_state *st = state;
    size_t len = 0;
    const char *t = host->text(doc, &len);
    if (len > UINT32_MAX) {
        host->doc_error(doc, "document too large for 32-bit offsets");
        return ANN_EINVAL;
    }

    /* One pass from left to right.  floor is the end of the last match, so an
     * address inside a URL ("ftp://anonymous@ftp.example.org") is not also
     * reported as an e-mail address. */
    size_t floor = 0;
    for (size_t i = 0; i < len; i++) {
        char c = t[i];
        if (st->urls && (c == 'h' || c == 'H' || c == 'f' || c == 'F' || c == 'w' || c == 'W') &&
            ex_word_start(host, t, i)) {
            size_t e, prefix;
            int www;
            if (ex_match_url(host, t, len, i, &e, &prefix, &www)) {
                int rc = ex_emit(host, doc, t, i, e, 1, prefix, www);
                if (rc != ANN_OK)
                    return rc;
                floor = e;
                i = e - 1;
                continue;
            }
        }
        if (c == '@') {
            size_t s, e;
            if (ex_match_email(host, t, len, i, floor, &s, &e)) {
                int rc = ex_emit(host, doc, t, s, e, 0, 0, 0);
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
        host->open_error(ctx, "option urls: expected 1 or 0 (yes/no, true/false, on/off), got '%s'",
                         v);
        return ANN_EINVAL;
    }
    /* malloc is right here: the state lives for the whole run, longer
     * than any document's scratch memory. */
    ex_state *st = malloc(sizeof *st);
    if (st == NULL) {
        host->open_error(ctx, "out of memory");
        return ANN_ENOMEM;
    }
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

/* Designated initializers: each member is named, so the descriptor stays
 * right when members are added at its end, and the ones left out (needs,
 * annotate, subsumes) are NULL.  An ABI 2 plugin sets annotate_v2 and leaves
 * annotate NULL; the host calls annotate() only for version 1 plugins. */
static const ann_plugin ex_plugin = {
    .abi_version = ANN_ABI_VERSION,
    .size = (uint32_t)sizeof(ann_plugin),
    .name = "example",
    .version = "1.0.0",
    .description = "e-mail addresses and URLs (the template plugin)",
    .labels = ex_labels,
    .needs = NULL, /* reads no other layer */
    .options = ex_options,
    .open = ex_open,
    .annotate_v2 = ex_annotate,
    .close = ex_close,
    .subsumes = NULL, /* overrides no other layer in the merge */
};

/* The only exported symbol.  It runs nothing: the host may dlopen a plugin
 * just to list it. */
ANN_PLUGIN_ENTRY(example)
{
    return &ex_plugin;
}
