/* Test plugin: reads the words layer without declaring it in needs (the
 * mistake issue 18 warns about), and a layer no plugin has, then marks the
 * first byte PEEK.  It gets no words either way. */
#include <annotate/plugin.h>

#include <stddef.h>

static int pk_annotate_v2(const ann_host *host, void *state, ann_doc *doc)
{
    (void)state;
    size_t n = 0, len = 0;
    host->text(doc, &len);
    host->spans(doc, "words", &n);
    host->spans(doc, "nowhere", &n);
    if (len == 0)
        return ANN_OK;
    ann_new_span_v2 sp = ANN_NEW_SPAN_V2_INIT;
    sp.start = 0;
    sp.end = 1;
    sp.label = "PEEK";
    return host->emit_v2(doc, &sp, NULL) == ANN_ENOMEM ? ANN_ENOMEM : ANN_OK;
}

static const char *const pk_labels[] = {"PEEK", NULL};

static const ann_plugin pk_desc = {
    ANN_PLUGIN_HEADER,
    .name = "peeks",
    .version = "0.1",
    .description = "reads a layer it does not need (test plugin)",
    .labels = pk_labels,
    .annotate_v2 = pk_annotate_v2,
};

ANN_PLUGIN_ENTRY(peeks)
{
    return &pk_desc;
}
