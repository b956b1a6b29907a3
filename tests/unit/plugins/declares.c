/* Test plugin of host ABI 3: its labels, the layer it reads and its layer
 * name come from its options and are declared in open().
 *   -O declares.labels=A,B   declare_label() each; spans get the first
 *   -O declares.need=LAYER   declare_need(); meta "declares.seen" counts
 *                            that layer's spans (0 when not allowed)
 *   -O declares.layer=NAME   set_layer()
 *   -O declares.file=NAME    stands in for a rule file (the option that -p
 *                            declares:NAME sets): set_layer(NAME) unless
 *                            layer is given, and the label NAME in capitals
 *                            unless labels are given
 *   -O declares.crash=NAME   the instance whose layer is NAME aborts in
 *                            annotate() (worker isolation of one instance)
 * Emits one span over the first token of the document. */
#include <annotate/plugin.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct dc_state {
    char label[80]; /* first declared label, or the descriptor's */
    char need[72];  /* empty: none */
    int crash;      /* abort() in annotate() */
} dc_state;

static int dc_open(const ann_host *host, ann_open_ctx *ctx, void **state)
{
    if (!ANN_HOST_HAS(host, set_layer)) {
        host->open_error(ctx, "the host is older than plugin ABI 3");
        return ANN_ERROR;
    }
    dc_state *st = calloc(1, sizeof *st);
    if (!st) {
        host->open_error(ctx, "out of memory");
        return ANN_ENOMEM;
    }
    snprintf(st->label, sizeof st->label, "DECL");
    const char *labels = host->option(ctx, "labels");
    const char *need = host->option(ctx, "need");
    const char *layer = host->option(ctx, "layer");
    const char *file = host->option(ctx, "file");
    char file_label[80] = "";
    if (file && !labels) {
        size_t k = 0;
        for (; k < sizeof file_label - 1 && file[k]; k++)
            file_label[k] =
                (char)(file[k] >= 'a' && file[k] <= 'z' ? file[k] - 'a' + 'A' : file[k]);
        file_label[k] = '\0';
        labels = file_label;
    }
    if (!layer)
        layer = file;
    const char *crash = host->option(ctx, "crash");
    st->crash = crash && layer && strcmp(crash, layer) == 0;
    int rc = ANN_OK;
    for (const char *p = labels; rc == ANN_OK && p && *p;) {
        size_t n = strcspn(p, ",");
        char one[80];
        snprintf(one, sizeof one, "%.*s", (int)(n < 79 ? n : 79), p);
        rc = host->declare_label(ctx, one);
        if (p == labels)
            snprintf(st->label, sizeof st->label, "%s", one);
        p += n + (p[n] == ',');
    }
    if (rc == ANN_OK && need) {
        snprintf(st->need, sizeof st->need, "%s", need);
        rc = host->declare_need(ctx, need);
    }
    if (rc == ANN_OK && layer)
        rc = host->set_layer(ctx, layer);
    if (rc != ANN_OK) {
        /* The host left its reason as the message. */
        free(st);
        return rc;
    }
    *state = st;
    return ANN_OK;
}

static void dc_close(void *state)
{
    free(state);
}

static int dc_annotate(const ann_host *host, void *state, ann_doc *doc)
{
    const dc_state *st = state;
    if (st->crash)
        abort();
    if (st->need[0]) {
        size_t n = 0;
        host->spans(doc, st->need, &n);
        char num[24];
        snprintf(num, sizeof num, "%zu", n);
        host->set_meta(doc, "declares.seen", num);
    }
    size_t n_tok;
    const ann_token_v2 *t = host->tokens_v2(doc, sizeof(ann_token_v2), &n_tok);
    if (!t || n_tok == 0)
        return ANN_OK;
    ann_new_span_v2 sp = ANN_NEW_SPAN_V2_INIT;
    sp.start = t[0].start;
    sp.end = t[0].end;
    sp.label = st->label;
    return host->emit_v2(doc, &sp, NULL) == ANN_ENOMEM ? ANN_ENOMEM : ANN_OK;
}

static const char *const dc_labels[] = {"DECL", NULL};

static const ann_option_decl dc_options[] = {
    {"labels", NULL, "labels to declare, comma-separated"},
    {"need", NULL, "a layer to declare as needed"},
    {"layer", NULL, "the layer name to declare"},
    {"file", NULL, "a layer name standing in for a rule file"},
    {"crash", NULL, "the layer whose instance aborts in annotate()"},
    {NULL, NULL, NULL},
};

static const ann_plugin dc_desc = {
    ANN_PLUGIN_HEADER,
    "declares",
    "0.0.1",
    "declares labels, a need and its layer in open() (ABI 3)",
    dc_labels,
    NULL,
    dc_options,
    dc_open,
    NULL,
    dc_close,
    dc_annotate,
    NULL,
};

ANN_PLUGIN_ENTRY(declares)
{
    return &dc_desc;
}
