/* Test plugin: a small but well-behaved plugin for the loader, run and CLI
 * tests.  Emits WORD for each word token starting with a capital letter
 * (every word token with -O words.mode=all), with attribute "len" (bytes),
 * and records the mode in the document's meta. */
#include <annotate/plugin.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct wd_state {
    const ann_host *host;
    int all;
    unsigned min;
} wd_state;

static int wd_open(const ann_host *host, ann_open_ctx *ctx, void **state)
{
    const char *mode = host->option(ctx, "mode");
    const char *min = host->option(ctx, "min");
    if (!mode || (strcmp(mode, "cap") != 0 && strcmp(mode, "all") != 0)) {
        host->open_error(ctx, "option mode must be cap or all, not '%s'", mode ? mode : "");
        return ANN_EINVAL;
    }
    wd_state *st = malloc(sizeof *st);
    if (!st) {
        host->open_error(ctx, "out of memory");
        return ANN_ENOMEM;
    }
    st->host = host;
    st->all = strcmp(mode, "all") == 0;
    st->min = min ? (unsigned)atoi(min) : 1;
    *state = st;
    return ANN_OK;
}

static void wd_close(void *state)
{
    free(state);
}

static int wd_annotate(void *state, ann_doc *doc)
{
    const wd_state *st = state;
    const ann_host *h = st->host;
    size_t n;
    const ann_token *t = h->tokens(doc, &n);
    h->set_meta(doc, "words.mode", st->all ? "all" : "cap");
    for (size_t i = 0; i < n; i++) {
        if (t[i].kind != ANN_TOK_WORD)
            continue;
        if (!st->all && !(t[i].flags & ANN_TOKF_UPPER_INIT))
            continue;
        unsigned len = t[i].end - t[i].start;
        if (len < st->min)
            continue;
        char *num = h->scratch(doc, 16);
        if (!num)
            return ANN_ENOMEM;
        snprintf(num, 16, "%u", len);
        ann_attr a = {"len", num};
        ann_new_span s = {t[i].start, t[i].end, "WORD", &a, 1, NULL, 0};
        if (h->emit(doc, &s, NULL) != ANN_OK) {
            h->doc_error(doc, "the host refused span [%u,%u)", t[i].start, t[i].end);
            return ANN_ERROR;
        }
    }
    return ANN_OK;
}

static const char *const wd_labels[] = {"WORD", NULL};
static const ann_option_decl wd_options[] = {
    {"mode", "cap", "cap: capitalised words only; all: every word"},
    {"min", "1", "shortest word to mark, in bytes"},
    {NULL, NULL, NULL},
};

static const ann_plugin wd_desc = {
    ANN_PLUGIN_HEADER,
    "words",
    "1.2.3",
    "capitalised words (test plugin)",
    wd_labels,
    NULL,
    wd_options,
    wd_open,
    wd_annotate,
    wd_close,
    NULL, /* annotate_v2: still the ABI 1 entry point */
    NULL,
};

ANN_PLUGIN_ENTRY(words)
{
    return &wd_desc;
}
