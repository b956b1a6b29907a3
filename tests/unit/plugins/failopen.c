/* Test plugin: open() fails with a message. */
#include <annotate/plugin.h>

static int fo_open(const ann_host *host, ann_open_ctx *ctx, void **state)
{
    (void)state;
    host->open_error(ctx, "cannot read model %s", "missing.bin");
    return ANN_EIO;
}

static int fo_annotate(void *state, ann_doc *doc)
{
    (void)state;
    (void)doc;
    return ANN_OK;
}

static const char *const fo_labels[] = {"X", NULL};

static const ann_plugin fo_desc = {
    ANN_PLUGIN_HEADER,
    "failopen",
    "0.0.1",
    "open() always fails",
    fo_labels,
    NULL,
    NULL,
    fo_open,
    fo_annotate,
    NULL,
    NULL, /* annotate_v2: still the ABI 1 entry point */
    NULL,
};

ANN_PLUGIN_ENTRY(failopen)
{
    return &fo_desc;
}
