/* Test plugin of host ABI 4: it reads the document's syntax trees without
 * linking tree-sitter, as a plugin may when it only needs where the trees
 * lie.  open() checks syntax_language(); annotate() records in the meta
 * object
 *   trees.count      how many trees the document has
 *   trees.grammars   their grammars, comma-separated
 *   trees.last       the text-view word where the last tree starts
 *   trees.sized      "refused" when a wrong element size gets NULL
 * and emits one TREE span over that word. */
#include <annotate/plugin.h>

#include <stdio.h>
#include <string.h>

static int tr_open(const ann_host *host, ann_open_ctx *ctx, void **state)
{
    if (!ANN_HOST_HAS(host, source_to_text)) {
        host->open_error(ctx, "the host is older than plugin ABI 4");
        return ANN_ERROR;
    }
    if (!host->syntax_language("markdown") || !host->syntax_language("markdown_inline") ||
        !host->syntax_language("html") || host->syntax_language("python")) {
        host->open_error(ctx, "syntax_language() answers wrongly");
        return ANN_ERROR;
    }
    *state = NULL;
    return ANN_OK;
}

static int tr_annotate(const ann_host *host, void *state, ann_doc *doc)
{
    (void)state;
    size_t n = 0, bad_n = 1;
    const ann_syntax_tree *bad = host->syntax_trees(doc, sizeof(ann_syntax_tree) + 8, &bad_n);
    host->set_meta(doc, "trees.sized", bad == NULL && bad_n == 0 ? "refused" : "answered");
    const ann_syntax_tree *t = host->syntax_trees(doc, sizeof(ann_syntax_tree), &n);
    if (t == NULL)
        return ANN_ENOMEM;
    char buf[512];
    snprintf(buf, sizeof buf, "%zu", n);
    host->set_meta(doc, "trees.count", buf);
    size_t at = 0;
    for (size_t i = 0; i < n; i++) {
        int w = snprintf(buf + at, sizeof buf - at, "%s%s", i ? "," : "", t[i].grammar);
        if (w < 0 || (size_t)w >= sizeof buf - at)
            break;
        at += (size_t)w;
    }
    buf[at] = '\0';
    host->set_meta(doc, "trees.grammars", buf);
    if (n == 0)
        return ANN_OK;
    size_t len;
    const char *text = host->text(doc, &len);
    size_t a = host->source_to_text(doc, t[n - 1].source_offset, 0), b = a;
    while (b < len && text[b] != ' ' && text[b] != '\n')
        b++;
    snprintf(buf, sizeof buf, "%.*s", (int)(b - a), text + a);
    host->set_meta(doc, "trees.last", buf);
    if (b == a)
        return ANN_OK;
    ann_new_span_v2 sp = ANN_NEW_SPAN_V2_INIT;
    sp.start = (uint32_t)a;
    sp.end = (uint32_t)b;
    sp.label = "TREE";
    return host->emit_v2(doc, &sp, NULL) == ANN_ENOMEM ? ANN_ENOMEM : ANN_OK;
}

static const char *const tr_labels[] = {"TREE", NULL};

static const ann_plugin tr_desc = {
    .abi_version = ANN_ABI_VERSION,
    .size = (uint32_t)sizeof(ann_plugin),
    .name = "trees",
    .version = "0.0.1",
    .description = "reads the syntax trees (ABI 4)",
    .labels = tr_labels,
    .open = tr_open,
    .annotate_v2 = tr_annotate,
};

ANN_PLUGIN_ENTRY(trees)
{
    return &tr_desc;
}
