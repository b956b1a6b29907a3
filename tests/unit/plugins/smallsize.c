/* Test plugin: a descriptor that claims to be too small for ABI 1. */
#include <annotate/plugin.h>

static int ss_annotate(void *state, ann_doc *doc)
{
    (void)state;
    (void)doc;
    return ANN_OK;
}

static const char *const ss_labels[] = {"X", NULL};

static const ann_plugin ss_desc = {
    ANN_ABI_VERSION,
    16,
    "smallsize",
    "0.0.1",
    "descriptor size too small",
    ss_labels,
    NULL,
    NULL,
    NULL,
    ss_annotate,
    NULL,
    NULL, /* annotate_v2: still the ABI 1 entry point */
    NULL,
};

ANN_PLUGIN_ENTRY(smallsize)
{
    return &ss_desc;
}
