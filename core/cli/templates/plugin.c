/*
 * @NAME@.c -- the @NAME@ plugin for annotate.
 *
 * Made by `annotate new-plugin @NAME@` as a starting point.  As generated it
 * marks the words of a word list (option @NAME@.words, default
 * "annotate,plugin") with the label MATCH, comparing without regard to case
 * ("Élan" matches "élan").  Replace the matching in @NAME@_annotate() with
 * your own and keep the shape around it.
 *
 *     make                                   builds @NAME@.so
 *     make check                             runs test_@NAME@.c on the mock host
 *     annotate -P . -p @NAME@ FILE.txt       runs it; -O @NAME@.words=a,b sets the list
 *
 * The rules a plugin lives by (annotate's doc/plugin-guide.md says more):
 *   - Export one symbol, ann_plugin_@NAME@; the Makefile hides everything
 *     else with -fvisibility=hidden, so keep your helpers static.
 *   - No global mutable state.  The host calls annotate_v2() for many
 *     documents at once on several threads, all with the one state built by
 *     open().  open() may write the state; afterwards it is read-only.
 *   - Memory for one document comes from host->scratch() and is freed by the
 *     host when annotate_v2() returns; emit_v2() copies the span and its
 *     strings.
 *   - Offsets are bytes of the text view, end exclusive, on UTF-8 character
 *     boundaries; the host maps them back to the original file.
 *   - Characters: the host decodes UTF-8 (decode), classifies (char_class,
 *     or the inline ann_class_at) and case-folds (fold_case, fold_text), so a
 *     plugin needs no Unicode tables of its own.
 */
#include <annotate/plugin.h>

#include <stdlib.h>
#include <string.h>

/* Built by open(), read by annotate_v2(), freed by close(). */
typedef struct @NAME@_state {
    char *buf;          /* the option's value, copied, commas turned into NULs */
    const char **words; /* pointers into buf, NULL-terminated */
} @NAME@_state;

/* Whether s[0, n) and word are the same text once both are case-folded,
 * character by character (simple folding: 'É' -> 'é', 'Σ' -> 'σ'). */
static int @NAME@_same(const ann_host *host, const char *s, size_t n, const char *word)
{
    size_t wlen = strlen(word), i = 0, j = 0;
    while (i < n && j < wlen) {
        size_t a, b;
        uint32_t c = host->decode(s, n, i, &a);
        uint32_t d = host->decode(word, wlen, j, &b);
        if (c != d && host->fold_case(c) != host->fold_case(d))
            return 0;
        i += a;
        j += b;
    }
    return i == n && j == wlen;
}

/* The list entry matching s[0, n), or NULL. */
static const char *@NAME@_lookup(const ann_host *host, const @NAME@_state *st, const char *s, size_t n)
{
    for (const char **w = st->words; *w != NULL; w++)
        if (@NAME@_same(host, s, n, *w))
            return *w;
    return NULL;
}

static int @NAME@_annotate(const ann_host *host, void *state, ann_doc *doc)
{
    const @NAME@_state *st = state;
    size_t len = 0, n = 0;
    const char *text = host->text(doc, &len);
    /* Pass the size of the struct this file was built with: a newer host
     * lays the array out with that size. */
    const ann_token_v2 *tok = host->tokens_v2(doc, sizeof(ann_token_v2), &n);

    for (size_t i = 0; i < n; i++) {
        if (tok[i].kind != ANN_TOK_WORD)
            continue;
        const char *word = @NAME@_lookup(host, st, text + tok[i].start, tok[i].end - tok[i].start);
        if (word == NULL)
            continue;
        size_t clen;
        int upper = (ann_class_at(host, text, len, tok[i].start, &clen) & ANN_CHAR_UPPER) != 0;
        /* Stack memory is fine: emit_v2() copies the span and its strings. */
        ann_attr attrs[] = {{"word", word}, {"capitalized", upper ? "yes" : "no"}};
        ann_new_span_v2 span = ANN_NEW_SPAN_V2_INIT;
        span.start = tok[i].start;
        span.end = tok[i].end;
        span.label = "MATCH";
        span.attrs = attrs;
        span.n_attrs = sizeof attrs / sizeof attrs[0];
        int rc = host->emit_v2(doc, &span, NULL);
        /* Out of memory: the host could not keep the span, and the document
         * fails whatever we do; stop.  ANN_EINVAL: the host refused this one
         * span and reported why under our name; go on with the next. */
        if (rc == ANN_ENOMEM)
            return rc;
    }
    return ANN_OK;
}

static void @NAME@_close(void *state)
{
    @NAME@_state *st = state;
    if (st == NULL)
        return;
    free(st->words);
    free(st->buf);
    free(st);
}

static int @NAME@_open(const ann_host *host, ann_open_ctx *ctx, void **state)
{
    /* The host accepts only declared options; checking their values is ours. */
    const char *v = host->option(ctx, "words");
    if (v == NULL || strspn(v, ",") == strlen(v)) {
        host->open_error(ctx, "option words: give at least one word, e.g. -O @NAME@.words=alpha,beta");
        return ANN_EINVAL;
    }

    size_t len = strlen(v), n = 1;
    for (size_t k = 0; k < len; k++)
        n += v[k] == ',';
    @NAME@_state *st = calloc(1, sizeof *st);
    if (st == NULL)
        goto nomem;
    st->buf = malloc(len + 1);
    st->words = calloc(n + 1, sizeof *st->words);
    if (st->buf == NULL || st->words == NULL)
        goto nomem;
    memcpy(st->buf, v, len + 1);

    /* Split at commas, skipping empty entries ("a,,b"). */
    size_t count = 0;
    for (char *p = st->buf; p != NULL;) {
        char *comma = strchr(p, ',');
        if (comma != NULL)
            *comma = '\0';
        if (*p != '\0')
            st->words[count++] = p;
        p = comma != NULL ? comma + 1 : NULL;
    }
    *state = st;
    return ANN_OK;

nomem:
    @NAME@_close(st);
    host->open_error(ctx, "out of memory");
    return ANN_ENOMEM;
}

static const char *const @NAME@_labels[] = {"MATCH", NULL};

static const ann_option_decl @NAME@_options[] = {
    {"words", "annotate,plugin", "comma-separated words to mark (case ignored)"},
    {NULL, NULL, NULL},
};

static const ann_plugin @NAME@_plugin = {
    ANN_PLUGIN_HEADER, /* ABI version and struct size: the host checks them first */
    "@NAME@",          /* name and layer; must match the file name @NAME@.so */
    "0.1.0",
    "marks the words of a word list (made by annotate new-plugin)",
    @NAME@_labels,
    NULL, /* needs: e.g. (const char *const[]){"entities", NULL} to read that layer */
    @NAME@_options,
    @NAME@_open,
    NULL, /* annotate: the ABI 1 entry, which gets no host; annotate_v2 replaces it */
    @NAME@_close,
    @NAME@_annotate, /* annotate_v2 */
    NULL,            /* subsumes: layers whose spans inside ours the default merge drops */
};

/* The only exported symbol.  Nothing may run at load time: it only returns
 * the constant descriptor. */
ANN_PLUGIN_ENTRY(@NAME@)
{
    return &@NAME@_plugin;
}
