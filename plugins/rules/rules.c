/*
 * rules.c -- the rules plugin: annotators written as rule files, not C.
 *
 * open() reads every file named by -O rules.file=PATH[,PATH...] (the option
 * may be repeated; -p rules:PATH gives it too), checks and
 * compiles it (phrase tables, pattern programs) and fails with
 * "FILE:LINE:COL: ..." on the first mistake, before any document is read.
 * Without a rule file the plugin loads and emits nothing, so running "all
 * plugins" stays as it was.
 *
 * Labels, needs and layer (host ABI 3).  A rule file's labels, the layers
 * its "needs:" line reads and its "layer:" name are only known in open(),
 * so open() declares them to the host: spans carry the rule's own label,
 * the host runs the needed plugins first, and the layer is the files'
 * layer name.  When the files name different layers the plugin's layer
 * stays "rules" and each span carries its file's layer in the attribute
 * "layer".
 *
 * Structure queries (host ABI 4) run over the syntax trees the host hands
 * out for Markdown and HTML documents; a plain-text document has none, and
 * the plugin says once per run (host->run_note) that it skips them there.
 */
#include "rules.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct rules_state {
    rules_file *files;
    size_t n_files;
    const char **needs; /* the files' needs, each once, NULL-terminated;
                           the array owned, the names borrowed from files */
    size_t n_needs;
    size_t skip_attrs; /* 1 when the layer attribute is left off (one layer) */
    size_t n_queries;  /* query rules over all files */
} rules_state;

static void rules_close(void *state)
{
    rules_state *s = state;
    if (!s)
        return;
    for (size_t k = 0; k < s->n_files; k++)
        rules_file_free(&s->files[k]);
    free(s->files);
    free(s->needs);
    free(s);
}

/* Declares the labels, needs and layer of the loaded files (see the top). */
static int rules_declare(const ann_host *host, ann_open_ctx *ctx, rules_state *s)
{
    int rc = ANN_OK;
    int one_layer = s->n_files > 0;
    for (size_t k = 0; k < s->n_files; k++) {
        const rules_file *f = &s->files[k];
        one_layer &= strcmp(f->layer, s->files[0].layer) == 0;
        for (size_t r = 0; rc == ANN_OK && r < f->n_rules; r++) {
            const rules_rule *rule = &f->rules[r];
            if (rule->label) {
                rc = host->declare_label(ctx, rule->label);
                continue;
            }
            /* A query without a label: its captures name its marks. */
            for (size_t c = 0; rc == ANN_OK && c < rules_query_capture_count(rule->query); c++) {
                size_t n;
                const char *name = rules_query_capture(rule->query, c, &n);
                char label[80];
                if (n == 0 || name[0] == '_' || n >= sizeof label)
                    continue;
                memcpy(label, name, n);
                label[n] = '\0';
                rc = host->declare_label(ctx, label);
            }
        }
        s->n_queries += f->n_queries;
        for (size_t n = 0; rc == ANN_OK && n < f->n_needs; n++) {
            size_t seen = 0;
            while (seen < s->n_needs && strcmp(s->needs[seen], f->needs[n]) != 0)
                seen++;
            if (seen < s->n_needs)
                continue;
            const char **v = realloc(s->needs, (s->n_needs + 2) * sizeof *v);
            if (!v)
                return ANN_ENOMEM;
            s->needs = v;
            v[s->n_needs++] = f->needs[n];
            v[s->n_needs] = NULL;
            rc = host->declare_need(ctx, f->needs[n]);
        }
    }
    if (rc == ANN_OK && one_layer) {
        rc = host->set_layer(ctx, s->files[0].layer);
        s->skip_attrs = 1;
    }
    return rc;
}

/* Loads the files of one option value, PATH[,PATH...], into s.  A value
 * that names a file as a whole is that file, commas and all (-p
 * rules:PATH keeps a comma in PATH). */
static int rules_load_list(const ann_host *host, ann_open_ctx *ctx, rules_state *s,
                           const char *list)
{
    int whole = strchr(list, ',') != NULL && access(list, F_OK) == 0;
    for (const char *v = list; *v;) {
        size_t n = whole ? strlen(v) : strcspn(v, ",");
        char path[4096];
        if (n == 0 || n >= sizeof path) {
            host->open_error(ctx, "option file: expected PATH[,PATH...], got '%s'", list);
            return ANN_EINVAL;
        }
        memcpy(path, v, n);
        path[n] = '\0';
        rules_file *f = realloc(s->files, (s->n_files + 1) * sizeof *f);
        if (!f) {
            host->open_error(ctx, "out of memory");
            return ANN_ENOMEM;
        }
        s->files = f;
        char err[512];
        int rc = rules_file_load(host, path, &s->files[s->n_files], err, sizeof err);
        if (rc != ANN_OK) {
            host->open_error(ctx, "%s", err);
            return rc;
        }
        s->n_files++;
        v += n + (v[n] == ',');
    }
    return ANN_OK;
}

static int rules_open(const ann_host *host, ann_open_ctx *ctx, void **state)
{
    if (!ANN_HOST_HAS(host, tokens_v2) || !ANN_HOST_HAS(host, emit_v2) ||
        !ANN_HOST_HAS(host, option_at)) {
        host->open_error(ctx, "the host is older than plugin ABI 3");
        return ANN_ERROR;
    }
    rules_state *s = calloc(1, sizeof *s);
    if (!s) {
        host->open_error(ctx, "out of memory");
        return ANN_ENOMEM;
    }
    /* Every -O rules.file= (and -p rules:PATH) in order, each a list. */
    const char *given;
    for (size_t g = 0; (given = host->option_at(ctx, "file", g)) != NULL; g++) {
        int rc = rules_load_list(host, ctx, s, given);
        if (rc != ANN_OK) {
            rules_close(s);
            return rc;
        }
    }
    int rc = rules_declare(host, ctx, s);
    if (rc != ANN_OK) {
        /* The host left its reason as the message; memory is ours to say. */
        if (rc == ANN_ENOMEM)
            host->open_error(ctx, "out of memory");
        rules_close(s);
        return rc;
    }
    *state = s;
    return ANN_OK;
}

typedef struct rules_emitter {
    const ann_host *host;
    ann_doc *doc;
    const ann_token_v2 *tok;
    const rules_file *file;
    size_t skip_attrs; /* rules_state.skip_attrs */
} rules_emitter;

static int rules_emit(void *ctx, const rules_match *m)
{
    const rules_emitter *e = ctx;
    const rules_rule *rule = &e->file->rules[m->rule];
    ann_link links[RULES_MAX_LINKS];
    size_t n_links = 0;
    for (size_t k = 0; k + 2 < rule->prog.n_slots; k++)
        if (m->link[k])
            links[n_links++] = (ann_link){rule->prog.roles[k], (uint32_t)(m->link[k] - 1)};
    ann_new_span_v2 sp = ANN_NEW_SPAN_V2_INIT;
    sp.start = e->tok[m->tok_start].start;
    sp.end = e->tok[m->tok_end - 1].end;
    sp.label = rule->label;
    sp.attrs = rule->attrs + e->skip_attrs;
    sp.n_attrs = rule->n_attrs - e->skip_attrs;
    sp.links = n_links ? links : NULL;
    sp.n_links = n_links;
    int rc = e->host->emit_v2(e->doc, &sp, NULL);
    /* A refused span was reported by the host; only running out of memory
     * stops the document. */
    return rc == ANN_ENOMEM ? ANN_ENOMEM : ANN_OK;
}

/* Index of the spans of the needed layers by their first token. */
static int rules_index_spans(const ann_host *host, ann_doc *doc, const char *const *needs,
                             const ann_token_v2 *tok, size_t n_tok, rules_span_index *ix)
{
    size_t total = 0;
    for (size_t k = 0; needs[k]; k++) {
        size_t n;
        host->spans(doc, needs[k], &n);
        total += n;
    }
    ix->refs = host->scratch(doc, (total ? total : 1) * sizeof *ix->refs);
    ix->first = host->scratch(doc, (n_tok + 1) * sizeof *ix->first);
    if (!ix->refs || !ix->first)
        return ANN_ENOMEM;
    memset(ix->first, 0xff, (n_tok + 1) * sizeof *ix->first);
    size_t r = 0;
    for (size_t k = 0; needs[k]; k++) {
        size_t n;
        const ann_span *sp = host->spans(doc, needs[k], &n);
        for (size_t i = 0; i < n; i++) {
            /* The first token starting at or after the span, and the first
             * one starting at or after its end. */
            size_t lo = 0, hi = n_tok;
            while (lo < hi) {
                size_t mid = lo + (hi - lo) / 2;
                if (tok[mid].start < sp[i].start)
                    lo = mid + 1;
                else
                    hi = mid;
            }
            size_t a = lo, b = lo;
            while (b < n_tok && tok[b].start < sp[i].end)
                b++;
            if (a >= n_tok || tok[a].start != sp[i].start || b == a)
                continue; /* not on token boundaries: no pattern can use it */
            ix->refs[r] =
                (rules_span_ref){needs[k], sp[i].label, sp[i].id, (uint32_t)b, ix->first[a]};
            ix->first[a] = (int32_t)r++;
        }
    }
    return ANN_OK;
}

static int rules_phrases_run(const ann_host *host, ann_doc *doc, const rules_state *s,
                             const rules_file *f, const char *text, const ann_token_v2 *tok,
                             size_t n_tok)
{
    for (size_t i = 0; i < n_tok;) {
        uint32_t rule = 0, r2 = 0;
        size_t end = f->exact ? rules_phrases_longest(f->exact, text, tok, n_tok, i, &rule) : i;
        size_t end2 = f->folded ? rules_phrases_longest(f->folded, text, tok, n_tok, i, &r2) : i;
        if (end2 > end) {
            end = end2;
            rule = r2;
        }
        if (end == i) {
            i++;
            continue;
        }
        rules_emitter e = {host, doc, tok, f, s->skip_attrs};
        rules_match m = {rule, (uint32_t)i, (uint32_t)end, {0}};
        if (rules_emit(&e, &m) != ANN_OK)
            return ANN_ENOMEM;
        i = end;
    }
    return ANN_OK;
}

/* One capture of a query, kept until the rule's captures are all in. */
typedef struct rules_mark {
    uint32_t start, end; /* text view */
    const char *label;   /* the rule's, or the capture name in scratch */
} rules_mark;

typedef struct rules_marks {
    const ann_host *host;
    ann_doc *doc;
    const rules_rule *rule;
    rules_mark *v;
    size_t n, cap;
} rules_marks;

static int rules_mark_add(void *ctx, const char *capture, size_t capture_len, size_t start,
                          size_t end)
{
    rules_marks *mk = ctx;
    /* Markup only (an empty link text, a heading marker) maps to nothing. */
    size_t a = mk->host->source_to_text(mk->doc, start, 0);
    size_t b = mk->host->source_to_text(mk->doc, end, 1);
    if (b <= a)
        return ANN_OK;
    const char *label = mk->rule->label;
    if (!label) {
        char *l = mk->host->scratch(mk->doc, capture_len + 1);
        if (!l)
            return ANN_ENOMEM;
        memcpy(l, capture, capture_len);
        label = l;
    }
    if (mk->n == mk->cap) {
        rules_mark *v = rules_scratch_more(mk->host, mk->doc, mk->v, &mk->cap, sizeof *v, 32);
        if (!v)
            return ANN_ENOMEM;
        mk->v = v;
    }
    mk->v[mk->n++] = (rules_mark){(uint32_t)a, (uint32_t)b, label};
    return ANN_OK;
}

static int rules_mark_cmp(const void *x, const void *y)
{
    const rules_mark *a = x, *b = y;
    if (a->start != b->start)
        return a->start < b->start ? -1 : 1;
    if (a->end != b->end)
        return a->end > b->end ? -1 : 1;
    return strcmp(a->label, b->label);
}

/* The query rules of file f over the document's syntax trees: each rule's
 * captures, each place and label once (one node may be captured by several
 * matches, or by the block and the inline grammar). */
static int rules_queries_run(const ann_host *host, ann_doc *doc, const rules_state *s,
                             const rules_file *f, const ann_syntax_tree *trees, size_t n_trees)
{
    size_t src_len;
    const char *src = host->source(doc, &src_len);
    for (size_t r = 0; r < f->n_rules; r++) {
        const rules_rule *rule = &f->rules[r];
        if (rule->kind != RULES_QUERY)
            continue;
        rules_marks mk = {host, doc, rule, NULL, 0, 0};
        for (size_t t = 0; t < n_trees; t++)
            if (rules_query_run(host, doc, rule->query, &trees[t], src, src_len, rules_mark_add,
                                &mk) != ANN_OK)
                return ANN_ENOMEM;
        if (mk.n > 1)
            qsort(mk.v, mk.n, sizeof *mk.v, rules_mark_cmp);
        for (size_t i = 0; i < mk.n; i++) {
            if (i > 0 && rules_mark_cmp(&mk.v[i - 1], &mk.v[i]) == 0)
                continue;
            ann_new_span_v2 sp = ANN_NEW_SPAN_V2_INIT;
            sp.start = mk.v[i].start;
            sp.end = mk.v[i].end;
            sp.label = mk.v[i].label;
            sp.attrs = rule->attrs + s->skip_attrs;
            sp.n_attrs = rule->n_attrs - s->skip_attrs;
            if (host->emit_v2(doc, &sp, NULL) == ANN_ENOMEM)
                return ANN_ENOMEM;
        }
    }
    return ANN_OK;
}

/* The structure queries of every file, or the note that a document
 * without syntax trees (plain text) skips them. */
static int rules_structure(const ann_host *host, ann_doc *doc, rules_state *s)
{
    size_t n_trees = 0;
    const ann_syntax_tree *trees = host->syntax_trees(doc, sizeof(ann_syntax_tree), &n_trees);
    if (!trees)
        return ANN_ENOMEM; /* the host failed the document and said why */
    if (n_trees == 0) {
        /* The host says it once per run, whatever the documents or workers. */
        host->run_note(doc, "structure queries ('query' rules) skipped on plain-text documents: "
                            "they have no Markdown or HTML structure");
        return ANN_OK;
    }
    for (size_t k = 0; k < s->n_files; k++)
        if (s->files[k].n_queries &&
            rules_queries_run(host, doc, s, &s->files[k], trees, n_trees) != ANN_OK)
            return ANN_ENOMEM;
    return ANN_OK;
}

static int rules_annotate(const ann_host *host, void *state, ann_doc *doc)
{
    rules_state *s = state;
    if (!s->n_files)
        return ANN_OK;
    if (s->n_queries && rules_structure(host, doc, s) != ANN_OK)
        return ANN_ENOMEM;
    size_t len, n_tok;
    const char *text = host->text(doc, &len);
    const ann_token_v2 *tok = host->tokens_v2(doc, sizeof(ann_token_v2), &n_tok);
    if (!tok || n_tok == 0)
        return ANN_OK;
    rules_span_index ix = {0};
    if (s->n_needs && rules_index_spans(host, doc, s->needs, tok, n_tok, &ix) != ANN_OK)
        return ANN_ENOMEM;
    for (size_t k = 0; k < s->n_files; k++) {
        const rules_file *f = &s->files[k];
        if ((f->exact || f->folded) && rules_phrases_run(host, doc, s, f, text, tok, n_tok) != ANN_OK)
            return ANN_ENOMEM;
        if (!f->patterns.n)
            continue;
        if (!ix.first) { /* no file reads another layer: an empty index */
            ix.first = host->scratch(doc, (n_tok + 1) * sizeof *ix.first);
            if (!ix.first)
                return ANN_ENOMEM;
            memset(ix.first, 0xff, (n_tok + 1) * sizeof *ix.first);
        }
        rules_emitter e = {host, doc, tok, f, s->skip_attrs};
        if (rules_vm_run(host, doc, &f->patterns, text, tok, n_tok, &ix, rules_emit, &e) != ANN_OK)
            return ANN_ENOMEM;
    }
    return ANN_OK;
}

static const char *const rules_labels[] = {RULES_LABEL, NULL};

static const ann_option_decl rules_options[] = {
    {"file", NULL,
     "rule file(s) to load into one layer: repeat the option, or separate them with commas; "
     "-p rules:PATH instead runs the plugin once per file, a layer each (see "
     "plugins/rules/README.md)"},
    {NULL, NULL, NULL},
};

static const ann_plugin rules_plugin = {
    .abi_version = ANN_ABI_VERSION,
    .size = (uint32_t)sizeof(ann_plugin),
    .name = "rules",
    .version = "0.3.0",
    .description = "phrase lists, token patterns and structure queries from rule files "
                   "(-p rules:PATH)",
    .labels = rules_labels,
    .needs = NULL,
    .options = rules_options,
    .open = rules_open,
    .annotate = NULL,
    .close = rules_close,
    .annotate_v2 = rules_annotate,
    .subsumes = NULL,
};

ANN_PLUGIN_ENTRY(rules)
{
    return &rules_plugin;
}
