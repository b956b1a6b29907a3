/* Test plugin: claims a plugin ABI this host does not support. */
#include <annotate/plugin.h>

static int wa_annotate(void *state, ann_doc *doc)
{
    (void)state;
    (void)doc;
    return ANN_OK;
}

static const char *const wa_labels[] = {"X", NULL};

static const ann_plugin wa_desc = {
    99,
    (uint32_t)sizeof(ann_plugin),
    "wrongabi",
    "0.0.1",
    "built for ABI 99",
    wa_labels,
    NULL,
    NULL,
    NULL,
    wa_annotate,
    NULL,
    NULL, /* annotate_v2: still the ABI 1 entry point */
    NULL,
};

ANN_PLUGIN_ENTRY(wrongabi)
{
    return &wa_desc;
}
