/* Test plugin: needsghost needs the layer ghost. */
#include <annotate/plugin.h>

static int t_annotate(void *state, ann_doc *doc)
{
    (void)state;
    (void)doc;
    return ANN_OK;
}

static const char *const t_labels[] = {"X", NULL};
static const char *const t_needs[] = {"ghost", NULL};

static const ann_plugin t_desc = {
    ANN_PLUGIN_HEADER,
    "needsghost",
    "0.0.1",
    "needs ghost",
    t_labels,
    t_needs,
    NULL,
    NULL,
    t_annotate,
    NULL,
    NULL, /* annotate_v2: still the ABI 1 entry point */
    NULL,
};

ANN_PLUGIN_ENTRY(needsghost)
{
    return &t_desc;
}
