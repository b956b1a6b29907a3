/* Test plugin: needs the words layer and emits a PAIR over each two
 * consecutive words, linked to both ("first", "second").  Fails a document
 * that contains the word FAILME, to test a plugin error. */
#include <annotate/plugin.h>

#include <stdlib.h>
#include <string.h>

typedef struct pr_state {
    const ann_host *host;
} pr_state;

static int pr_open(const ann_host *host, ann_open_ctx *ctx, void **state)
{
    pr_state *st = malloc(sizeof *st);
    if (!st) {
        host->open_error(ctx, "out of memory");
        return ANN_ENOMEM;
    }
    st->host = host;
    *state = st;
    return ANN_OK;
}

static void pr_close(void *state)
{
    free(state);
}

static int pr_annotate(void *state, ann_doc *doc)
{
    const ann_host *h = ((const pr_state *)state)->host;
    size_t len, n;
    const char *text = h->text(doc, &len);
    const ann_span *w = h->spans(doc, "words", &n);
    for (size_t i = 0; i < n; i++) {
        if (w[i].end - w[i].start == 6 && memcmp(text + w[i].start, "FAILME", 6) == 0) {
            h->doc_error(doc, "found FAILME at byte %u", w[i].start);
            return ANN_ERROR;
        }
    }
    for (size_t i = 0; i + 1 < n; i++) {
        ann_link links[2] = {{"first", w[i].id}, {"second", w[i + 1].id}};
        ann_new_span s = {w[i].start, w[i + 1].end, "PAIR", NULL, 0, links, 2};
        h->emit(doc, &s, NULL);
    }
    return ANN_OK;
}

static const char *const pr_labels[] = {"PAIR", NULL};
static const char *const pr_needs[] = {"words", NULL};

static const ann_plugin pr_desc = {
    ANN_PLUGIN_HEADER,
    "pairs",
    "0.1",
    "pairs of consecutive words (test plugin)",
    pr_labels,
    pr_needs,
    NULL,
    pr_open,
    pr_annotate,
    pr_close,
    NULL, /* annotate_v2: still the ABI 1 entry point */
    NULL,
};

ANN_PLUGIN_ENTRY(pairs)
{
    return &pr_desc;
}
