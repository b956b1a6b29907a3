/*
 * eval_dates.c -- TempEval-3 style evaluation of the dates plugin.
 *
 *     eval_dates [--errors|--all] [--part choosing|reporting] [--doc NAME] [--data FILE.jsonl]
 *
 * Runs the plugin (through the mock host, so exactly as the host would run
 * it) over every document of a JSON Lines file whose objects hold `text`,
 * `dct` (the reference date) and gold `spans` (byte offsets start/end,
 * `label`, `value`).  Prints relaxed (overlap) and strict (same extent)
 * precision, recall and F1, value accuracy and type accuracy over the
 * relaxed matches, value F1 = value accuracy x relaxed F1, and a per-label
 * breakdown.  --errors lists misses, spurious spans, wrong values and
 * spans of the right value over another extent (EXTENT).
 *
 * The documents fall into two parts by the FNV-1a (32-bit) hash of their
 * name: low bit 0 is the choosing part, low bit 1 the reporting part.  Rules
 * are chosen by looking at the choosing part only; the reporting part is
 * only scored, so its figure says how a rule carries to text nobody looked
 * at.  Without --part the figures are printed for both parts and for all.
 * --part choosing|reporting (or the older --half 0|1) keeps one part.
 * --all lists the correct spans (OK) as well.  --doc NAME keeps one document.
 */
#include <jansson.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "annotate/plugin.h"
#include "mock/mock_host.h"

const ann_plugin *ann_plugin_dates(void);

#define N_LABELS 4
static const char *const k_labels[N_LABELS] = {"DATE", "TIME", "DURATION", "SET"};

typedef struct counts {
    long gold, sys, relaxed, strict, value_ok, type_ok;
    long gold_l[N_LABELS], sys_l[N_LABELS], match_gold_l[N_LABELS], match_sys_l[N_LABELS],
        value_ok_l[N_LABELS];
} counts;

static int label_idx(const char *l)
{
    for (int i = 0; i < N_LABELS; i++)
        if (l && strcmp(l, k_labels[i]) == 0)
            return i;
    return -1;
}

static double ratio(long a, long b)
{
    return b ? (double)a / (double)b : 0.0;
}

static double f1(double p, double r)
{
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
}

static void show(const char *text, size_t len, size_t s, size_t e, const char *what,
                 const char *fmt_extra)
{
    size_t a = s > 40 ? s - 40 : 0, b = e + 30 < len ? e + 30 : len;
    printf("  %-8s [%.*s] %s  | ", what, (int)(e - s), text + s, fmt_extra);
    for (size_t i = a; i < b; i++)
        putchar(text[i] == '\n' ? ' ' : text[i]);
    putchar('\n');
}

typedef struct gspan {
    size_t start, end;
    const char *label, *value;
    int matched; /* index of the system span, or -1 */
} gspan;

static void eval_doc(json_t *doc, mock_plugin *p, counts *c, bool errors, bool all)
{
    const char *text = json_string_value(json_object_get(doc, "text"));
    const char *dct = json_string_value(json_object_get(doc, "dct"));
    const char *name = json_string_value(json_object_get(doc, "doc"));
    json_t *spans = json_object_get(doc, "spans");
    if (!text || !json_is_array(spans))
        return;
    size_t len = strlen(text);
    mock_doc *d = mock_doc_new_len(text, len);
    if (!d)
        return;
    if (dct)
        mock_doc_set_reference_date(d, dct);
    if (mock_doc_run(d, p) != ANN_OK)
        fprintf(stderr, "eval_dates: %s: %s\n", name ? name : "?", mock_last_error());
    size_t ns = 0;
    const ann_span *sys = mock_doc_spans(d, "dates", &ns);
    size_t ng = json_array_size(spans);
    gspan *g = calloc(ng ? ng : 1, sizeof *g);
    int *sys_match = malloc((ns ? ns : 1) * sizeof *sys_match);
    if (!g || !sys_match) {
        free(g);
        free(sys_match);
        mock_doc_free(d);
        return;
    }
    for (size_t i = 0; i < ng; i++) {
        json_t *o = json_array_get(spans, i);
        g[i].start = (size_t)json_integer_value(json_object_get(o, "start"));
        g[i].end = (size_t)json_integer_value(json_object_get(o, "end"));
        g[i].label = json_string_value(json_object_get(o, "label"));
        g[i].value = json_string_value(json_object_get(o, "value"));
        g[i].matched = -1;
    }
    for (size_t j = 0; j < ns; j++)
        sys_match[j] = -1;
    /* one-to-one matching: exact extents first, then the largest overlap */
    for (size_t i = 0; i < ng; i++)
        for (size_t j = 0; j < ns; j++)
            if (sys_match[j] < 0 && g[i].matched < 0 && sys[j].start == g[i].start &&
                sys[j].end == g[i].end) {
                g[i].matched = (int)j;
                sys_match[j] = (int)i;
            }
    for (size_t i = 0; i < ng; i++) {
        if (g[i].matched >= 0)
            continue;
        size_t best_ov = 0;
        int best = -1;
        for (size_t j = 0; j < ns; j++) {
            if (sys_match[j] >= 0)
                continue;
            size_t a = sys[j].start > g[i].start ? sys[j].start : g[i].start;
            size_t b = sys[j].end < g[i].end ? sys[j].end : g[i].end;
            if (b > a && b - a > best_ov) {
                best_ov = b - a;
                best = (int)j;
            }
        }
        if (best >= 0) {
            g[i].matched = best;
            sys_match[best] = (int)i;
        }
    }
    c->gold += (long)ng;
    c->sys += (long)ns;
    if (errors)
        printf("== %s (dct %s)\n", name ? name : "?", dct ? dct : "-");
    for (size_t i = 0; i < ng; i++) {
        int gl = label_idx(g[i].label);
        if (gl >= 0)
            c->gold_l[gl]++;
        if (g[i].matched < 0) {
            if (errors) {
                char extra[96];
                snprintf(extra, sizeof extra, "%s %s", g[i].label ? g[i].label : "?",
                         g[i].value ? g[i].value : "?");
                show(text, len, g[i].start, g[i].end, "MISS", extra);
            }
            continue;
        }
        const ann_span *s = &sys[g[i].matched];
        c->relaxed++;
        if (gl >= 0)
            c->match_gold_l[gl]++;
        if (s->start == g[i].start && s->end == g[i].end)
            c->strict++;
        const char *v = mock_span_attr(s, "value");
        bool vok = v && g[i].value && strcmp(v, g[i].value) == 0;
        bool tok = s->label && g[i].label && strcmp(s->label, g[i].label) == 0;
        c->value_ok += vok;
        c->type_ok += tok;
        if (gl >= 0 && vok)
            c->value_ok_l[gl]++;
        if (errors && (!vok || !tok)) {
            char extra[160];
            snprintf(extra, sizeof extra, "gold %s %s [%.*s] / sys %s %s", g[i].label,
                     g[i].value ? g[i].value : "?", (int)(g[i].end - g[i].start), text + g[i].start,
                     s->label, v ? v : "?");
            show(text, len, s->start, s->end, "VALUE", extra);
        } else if (errors && (s->start != g[i].start || s->end != g[i].end)) {
            /* right value, other extent: a strict error only */
            char extra[160];
            snprintf(extra, sizeof extra, "%s %s / gold [%.*s]", s->label, v ? v : "?",
                     (int)(g[i].end - g[i].start), text + g[i].start);
            show(text, len, s->start, s->end, "EXTENT", extra);
        } else if (all) {
            char extra[160];
            snprintf(extra, sizeof extra, "%s %s", s->label, v ? v : "?");
            show(text, len, s->start, s->end, "OK", extra);
        }
    }
    for (size_t j = 0; j < ns; j++) {
        int sl = label_idx(sys[j].label);
        if (sl >= 0) {
            c->sys_l[sl]++;
            if (sys_match[j] >= 0)
                c->match_sys_l[sl]++;
        }
        if (sys_match[j] < 0 && errors) {
            char extra[96];
            const char *v = mock_span_attr(&sys[j], "value");
            snprintf(extra, sizeof extra, "%s %s", sys[j].label, v ? v : "?");
            show(text, len, sys[j].start, sys[j].end, "SPURIOUS", extra);
        }
    }
    free(g);
    free(sys_match);
    mock_doc_free(d);
}

/* Part of a document (0 choosing, 1 reporting) by the FNV-1a hash of its name. */
static int doc_half(const char *name)
{
    unsigned h = 2166136261u;
    for (const char *p = name ? name : ""; *p; p++)
        h = (h ^ (unsigned char)*p) * 16777619u;
    return (int)(h & 1u);
}

static const char *const k_part_names[2] = {"choosing part (FNV-1a of the name, low bit 0)",
                                             "reporting part (FNV-1a of the name, low bit 1)"};

static void counts_add(counts *a, const counts *b)
{
    a->gold += b->gold;
    a->sys += b->sys;
    a->relaxed += b->relaxed;
    a->strict += b->strict;
    a->value_ok += b->value_ok;
    a->type_ok += b->type_ok;
    for (int l = 0; l < N_LABELS; l++) {
        a->gold_l[l] += b->gold_l[l];
        a->sys_l[l] += b->sys_l[l];
        a->match_gold_l[l] += b->match_gold_l[l];
        a->match_sys_l[l] += b->match_sys_l[l];
        a->value_ok_l[l] += b->value_ok_l[l];
    }
}

/* The TE3 measures of one set of documents, under a heading. */
static void print_counts(const char *title, const counts *c, long docs)
{
    double rp = ratio(c->relaxed, c->sys), rr = ratio(c->relaxed, c->gold), rf = f1(rp, rr);
    double sp = ratio(c->strict, c->sys), sr = ratio(c->strict, c->gold), sf = f1(sp, sr);
    double vacc = ratio(c->value_ok, c->relaxed), tacc = ratio(c->type_ok, c->relaxed);
    printf("== %s\n", title);
    printf("documents %ld, gold %ld, system %ld\n", docs, c->gold, c->sys);
    printf("relaxed   P %.4f  R %.4f  F1 %.4f\n", rp, rr, rf);
    printf("strict    P %.4f  R %.4f  F1 %.4f\n", sp, sr, sf);
    printf("value accuracy %.4f   value F1 %.4f\n", vacc, vacc * rf);
    printf("type accuracy  %.4f\n", tacc);
    printf("per label (gold label for recall and value accuracy, system label for precision):\n");
    for (int l = 0; l < N_LABELS; l++) {
        double lp = ratio(c->match_sys_l[l], c->sys_l[l]), lr = ratio(c->match_gold_l[l], c->gold_l[l]);
        printf("  %-9s gold %4ld sys %4ld  P %.4f  R %.4f  F1 %.4f  value acc %.4f\n", k_labels[l],
               c->gold_l[l], c->sys_l[l], lp, lr, f1(lp, lr),
               ratio(c->value_ok_l[l], c->match_gold_l[l]));
    }
}

/* --text: prints what the plugin finds in one text (for looking at rules). */
static int show_one(const char *text, const char *ref)
{
    mock_plugin *p = mock_plugin_open(ann_plugin_dates(), NULL, NULL);
    if (!p)
        return 1;
    mock_doc *d = mock_doc_new(text);
    if (ref)
        mock_doc_set_reference_date(d, ref);
    int rc = mock_doc_run(d, p);
    size_t n = 0;
    const ann_span *s = mock_doc_spans(d, "dates", &n);
    printf("reference %s (%s)\n", mock_doc_meta(d, "reference_date"),
           mock_doc_meta(d, "reference_date_source"));
    for (size_t i = 0; i < n; i++) {
        const char *mod = mock_span_attr(&s[i], "mod"), *anchor = mock_span_attr(&s[i], "anchor");
        printf("%u-%u [%.*s] %s %s%s%s%s%s\n", s[i].start, s[i].end, (int)(s[i].end - s[i].start),
               text + s[i].start, s[i].label, mock_span_attr(&s[i], "value"), mod ? " mod=" : "",
               mod ? mod : "", anchor ? " anchor=" : "", anchor ? anchor : "");
    }
    mock_doc_free(d);
    mock_plugin_close(p);
    return rc == ANN_OK ? 0 : 1;
}

int main(int argc, char **argv)
{
    const char *data = NULL, *one = NULL, *ref = NULL, *only = NULL;
    bool errors = false, all = false;
    int half = -1;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--errors"))
            errors = true;
        else if (!strcmp(argv[i], "--all"))
            all = true; /* --errors plus the correct spans (OK) */
        else if (!strcmp(argv[i], "--data") && i + 1 < argc)
            data = argv[++i];
        else if (!strcmp(argv[i], "--half") && i + 1 < argc)
            half = atoi(argv[++i]) & 1;
        else if (!strcmp(argv[i], "--part") && i + 1 < argc) {
            const char *w = argv[++i];
            half = !strcmp(w, "choosing") ? 0 : !strcmp(w, "reporting") ? 1 : -2;
            if (half == -2) {
                fprintf(stderr, "eval_dates: --part is choosing or reporting, not %s\n", w);
                return 2;
            }
        }
        else if (!strcmp(argv[i], "--doc") && i + 1 < argc)
            only = argv[++i];
        else if (!strcmp(argv[i], "--text") && i + 1 < argc)
            one = argv[++i];
        else if (!strcmp(argv[i], "--ref") && i + 1 < argc)
            ref = argv[++i];
        else {
            fprintf(
                stderr,
                "usage: %s [--errors|--all] [--part choosing|reporting] [--doc NAME] [--data FILE.jsonl] | --text TEXT [--ref YYYY-MM-DD]\n",
                argv[0]);
            return 2;
        }
    }
    if (one)
        return show_one(one, ref);
    if (!data)
        data = ANN_ABS_SRCDIR "/../shared/data/dates/tbaq.jsonl";
    FILE *f = fopen(data, "r");
    if (!f) {
        fprintf(stderr, "eval_dates: cannot open %s (give --data FILE.jsonl)\n", data);
        return 1;
    }
    mock_plugin *p = mock_plugin_open(ann_plugin_dates(), NULL, NULL);
    if (!p) {
        fprintf(stderr, "eval_dates: open failed: %s\n", mock_last_error());
        fclose(f);
        return 1;
    }
    counts c[2];
    memset(c, 0, sizeof c);
    long docs[2] = {0, 0};
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    while ((n = getline(&line, &cap, f)) > 0) {
        json_error_t err;
        json_t *doc = json_loadb(line, (size_t)n, 0, &err);
        if (!doc) {
            fprintf(stderr, "eval_dates: %s:%d: %s\n", data, err.line, err.text);
            continue;
        }
        const char *name = json_string_value(json_object_get(doc, "doc"));
        int part = doc_half(name);
        if ((half < 0 || part == half) && (!only || (name && !strcmp(name, only)))) {
            eval_doc(doc, p, &c[part], errors || all, all);
            docs[part]++;
        }
        json_decref(doc);
    }
    free(line);
    fclose(f);
    mock_plugin_close(p);

    if (half >= 0) {
        print_counts(k_part_names[half], &c[half], docs[half]);
        return 0;
    }
    counts sum = c[0];
    counts_add(&sum, &c[1]);
    print_counts("all documents", &sum, docs[0] + docs[1]);
    for (int i = 0; i < 2; i++)
        if (docs[i])
            print_counts(k_part_names[i], &c[i], docs[i]);
    return 0;
}
