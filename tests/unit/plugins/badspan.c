/* Test plugin: emits one valid span (the first byte .. first space) and a
 * set of invalid ones the host must refuse without failing the document. */
#include <annotate/plugin.h>

#include <stdlib.h>
#include <string.h>

typedef struct bs_state {
    const ann_host *host;
} bs_state;

static int bs_open(const ann_host *host, ann_open_ctx *ctx, void **state)
{
    bs_state *st = malloc(sizeof *st);
    if (!st) {
        host->open_error(ctx, "out of memory");
        return ANN_ENOMEM;
    }
    st->host = host;
    *state = st;
    return ANN_OK;
}

static void bs_close(void *state)
{
    free(state);
}

static int bs_annotate(void *state, ann_doc *doc)
{
    const ann_host *h = ((bs_state *)state)->host;
    size_t len;
    const char *text = h->text(doc, &len);
    const char *sp = memchr(text, ' ', len);
    uint32_t first = sp ? (uint32_t)(sp - text) : (uint32_t)len;
    uint32_t id = 0;
    ann_new_span ok = {0, first, "GOOD", NULL, 0, NULL, 0};
    if (first > 0)
        h->emit(doc, &ok, &id);
    ann_new_span bad[] = {
        {0, (uint32_t)len + 5, "GOOD", NULL, 0, NULL, 0}, /* out of range */
        {3, 3, "GOOD", NULL, 0, NULL, 0},                 /* empty */
        {0, 1, "UNDECLARED", NULL, 0, NULL, 0},           /* label */
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        h->emit(doc, &bad[i], NULL);
    ann_link dangling = {"target", id + 1000};
    ann_new_span link = {0, first ? first : 1, "GOOD", NULL, 0, &dangling, 1};
    h->emit(doc, &link, NULL);
    return ANN_OK;
}

static const char *const bs_labels[] = {"GOOD", NULL};

static const ann_plugin bs_desc = {
    ANN_PLUGIN_HEADER,
    "badspan",
    "0.0.1",
    "emits invalid spans",
    bs_labels,
    NULL,
    NULL,
    bs_open,
    bs_annotate,
    bs_close,
    NULL, /* annotate_v2: still the ABI 1 entry point */
    NULL,
};

ANN_PLUGIN_ENTRY(badspan)
{
    return &bs_desc;
}
