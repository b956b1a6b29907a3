/* Test plugin: the file is noentry.so but the entry is named after another
 * plugin, so ann_plugin_noentry is missing. */
#include <annotate/plugin.h>

static int ne_annotate(void *state, ann_doc *doc)
{
    (void)state;
    (void)doc;
    return ANN_OK;
}

static const char *const ne_labels[] = {"X", NULL};

static const ann_plugin ne_desc = {
    ANN_PLUGIN_HEADER,
    "somethingelse",
    "0.0.1",
    "misnamed entry",
    ne_labels,
    NULL,
    NULL,
    NULL,
    ne_annotate,
    NULL,
    NULL, /* annotate_v2: still the ABI 1 entry point */
    NULL,
};

ANN_PLUGIN_ENTRY(somethingelse)
{
    return &ne_desc;
}
