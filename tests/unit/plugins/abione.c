/* Test plugin: a plugin built against ABI 1, which the host must still load
 * and run through annotate().  The descriptor is laid out as ABI 1 had it --
 * a local copy of that struct, which ends at close() -- so the host must
 * read nothing past it.  It marks every word token W, through the ABI 1
 * members only (tokens, emit, spans), and records how many W spans it read
 * back from its own layer in the meta "abione.read". */
#include <annotate/plugin.h>

#include <stddef.h>
#include <stdio.h>

/* ann_plugin as ABI 1 declared it. */
typedef struct abi1_plugin {
    uint32_t abi_version;
    uint32_t size;
    const char *name;
    const char *version;
    const char *description;
    const char *const *labels;
    const char *const *needs;
    const ann_option_decl *options;
    int (*open)(const ann_host *host, ann_open_ctx *ctx, void **state);
    int (*annotate)(void *state, ann_doc *doc);
    void (*close)(void *state);
} abi1_plugin;

_Static_assert(sizeof(abi1_plugin) == offsetof(ann_plugin, annotate_v2),
               "ABI 2 appended to the descriptor without moving ABI 1's members");

static int a1_open(const ann_host *host, ann_open_ctx *ctx, void **state)
{
    (void)ctx;
    *state = (void *)host; /* all an ABI 1 annotate() has to reach the host */
    return ANN_OK;
}

static int a1_annotate(void *state, ann_doc *doc)
{
    const ann_host *h = state;
    size_t n = 0;
    const ann_token *t = h->tokens(doc, &n);
    for (size_t i = 0; i < n; i++) {
        if (t[i].kind != ANN_TOK_WORD)
            continue;
        ann_new_span s = {t[i].start, t[i].end, "W", NULL, 0, NULL, 0};
        if (h->emit(doc, &s, NULL) != ANN_OK) {
            h->doc_error(doc, "span [%u,%u) refused", (unsigned)t[i].start, (unsigned)t[i].end);
            return ANN_ERROR;
        }
    }
    size_t got = 0;
    h->spans(doc, "abione", &got);
    char num[24];
    snprintf(num, sizeof num, "%zu", got);
    return h->set_meta(doc, "abione.read", num);
}

static const char *const a1_labels[] = {"W", NULL};

static const abi1_plugin a1_desc = {
    1,
    (uint32_t)sizeof(abi1_plugin),
    "abione",
    "1.0.0",
    "word tokens, as an ABI 1 plugin (test plugin)",
    a1_labels,
    NULL,
    NULL,
    a1_open,
    a1_annotate,
    NULL,
};

/* The loader calls this through a pointer to `const ann_plugin *(void)`;
 * the object it returns is only as large as ABI 1's descriptor. */
ANN_EXPORT const abi1_plugin *ann_plugin_abione(void);
ANN_EXPORT const abi1_plugin *ann_plugin_abione(void)
{
    return &a1_desc;
}
