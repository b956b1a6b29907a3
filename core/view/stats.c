/*
 * stats.c -- `annotate stats FILE.ann.json...`: span counts per layer and
 * label over all the files, and the most frequent entities.  The counts
 * come from the annotation files (each span carries its text); the
 * documents are read only to check, as `view` does, that each is still the
 * one annotated (size and SHA-256), so stale counts are not reported.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "view/commands.h"
#include "view/load.h"
#include "view/options.h"

static const char usage[] =
    "usage: annotate stats [--top N] [--source DIR] FILE.ann.json|FILE.jsonl|-...\n"
    "\n"
    "Counts the spans per layer and label over all the annotations given, and\n"
    "lists the most frequent entities.  Each document is read to check that it\n"
    "is still the one annotated (SHA-256).\n"
    "\n"
    "  --top N       how many of the most frequent entities to list (default 10)\n"
    "  --source DIR  look for the documents below DIR too (see annotate view --help)\n"
    "  -h, --help    show this help\n";

/* One (layer, label, text) occurrence; strings borrowed from a loaded file. */
typedef struct item {
    const char *layer, *label, *text;
} item;

static int cmp_label(const void *a, const void *b)
{
    const item *x = a, *y = b;
    int c = strcmp(x->layer, y->layer);
    return c ? c : strcmp(x->label, y->label);
}

static int cmp_entity(const void *a, const void *b)
{
    const item *x = a, *y = b;
    int c = strcmp(x->text, y->text);
    return c ? c : strcmp(x->label, y->label);
}

typedef struct counted {
    const item *it;
    size_t n;
} counted;

static int cmp_count(const void *a, const void *b)
{
    const counted *x = a, *y = b;
    if (x->n != y->n)
        return x->n > y->n ? -1 : 1;
    return cmp_entity(x->it, y->it);
}

/* Counts runs of equal items (by cmp) in the sorted array. */
static size_t runs(const item *items, size_t n, int (*cmp)(const void *, const void *),
                   counted *out)
{
    size_t k = 0;
    for (size_t i = 0; i < n;) {
        size_t j = i + 1;
        while (j < n && cmp(&items[i], &items[j]) == 0)
            j++;
        out[k++] = (counted){&items[i], j - i};
        i = j;
    }
    return k;
}

/* By plugin, then reason, so the reason shown is always the same one. */
static int cmp_failure(const void *a, const void *b)
{
    const item *x = a, *y = b;
    int c = strcmp(x->layer, y->layer);
    return c ? c : strcmp(x->text, y->text);
}

/* Documents with a failed layer, per plugin; items as for report(), with
 * the plugin as layer and the reason as text. */
static void report_failed(item *failed, size_t n, counted *c)
{
    if (n == 0)
        return;
    qsort(failed, n, sizeof *failed, cmp_failure);
    size_t k = runs(failed, n, cmp_label, c);
    printf("\nfailed layers (documents without them):\n");
    printf("%-12s %9s  %s\n", "plugin", "documents", "reason, e.g.");
    for (size_t i = 0; i < k; i++)
        printf("%-12s %9zu  %s\n", c[i].it->layer, c[i].n, c[i].it->text);
}

static void report(item *items, size_t n, item *failed, size_t n_failed, size_t n_files,
                   size_t top)
{
    counted *c = malloc((n + n_failed + 1) * sizeof *c);
    item *ents = malloc((n + 1) * sizeof *ents);
    if (!c || !ents) {
        fputs("annotate stats: out of memory\n", stderr);
        free(c);
        free(ents);
        return;
    }
    printf("%zu file%s, %zu spans\n\n", n_files, n_files == 1 ? "" : "s", n);
    qsort(items, n, sizeof *items, cmp_label);
    size_t k = runs(items, n, cmp_label, c);
    printf("%-12s %-12s %8s\n", "layer", "label", "spans");
    for (size_t i = 0; i < k; i++)
        printf("%-12s %-12s %8zu\n", c[i].it->layer, c[i].it->label, c[i].n);
    report_failed(failed, n_failed, c);

    size_t m = 0;
    for (size_t i = 0; i < n; i++)
        if (strcmp(items[i].layer, "entities") == 0)
            ents[m++] = items[i];
    qsort(ents, m, sizeof *ents, cmp_entity);
    k = runs(ents, m, cmp_entity, c);
    qsort(c, k, sizeof *c, cmp_count);
    if (k > 0)
        printf("\nmost frequent entities:\n");
    for (size_t i = 0; i < k && i < top; i++)
        printf("%8zu  %s (%s)\n", c[i].n, c[i].it->text, c[i].it->label);
    free(c);
    free(ents);
}

int ann_cmd_stats(int argc, char **argv)
{
    size_t top = 10;
    char **files = malloc((size_t)argc * sizeof *files);
    ann_loaded_list list = {0};
    const char *source = NULL;
    int n_files = 0, status = 0;
    if (!files)
        return 1;
    for (int i = 1; i < argc; i++) {
        const char *v;
        int m = ann_opt_value(argc, argv, &i, "--top", &v);
        char *end = NULL;
        if (m == 0 && (m = ann_opt_value(argc, argv, &i, "--source", &source)) > 0)
            continue;
        if (m > 0) {
            long t = strtol(v, &end, 10);
            if (!*v || *end || t < 0) {
                fprintf(stderr, "annotate stats: --top takes a number, not %s\n", v);
                status = 2;
                goto done;
            }
            top = (size_t)t;
        } else if (m < 0 || (argv[i][0] == '-' && argv[i][1])) {
            if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
                fputs(usage, stdout);
                goto done;
            }
            fprintf(stderr, "annotate stats: %s %s\n%s", argv[i],
                    m < 0 ? "needs a value" : "is not an option", usage);
            status = 2;
            goto done;
        } else {
            files[n_files++] = argv[i];
        }
    }
    if (n_files == 0) {
        fprintf(stderr, "annotate stats: no annotation file given\n%s", usage);
        status = 2;
        goto done;
    }
    size_t n_items = 0, n_failed = 0;
    for (int i = 0; i < n_files; i++) {
        ann_strlist errors = {0};
        int rc = ann_load_all(files[i], ANN_LOAD_DOCUMENT, source, &list, &errors);
        for (size_t k = 0; k < errors.n; k++)
            fprintf(stderr, "annotate stats: %s\n", errors.items[k]);
        ann_strlist_free(&errors);
        if (rc != ANN_OK)
            status = 1;
        if (rc == ANN_ENOMEM)
            goto done;
    }
    int n_loaded = (int)list.n;
    ann_loaded **loaded = list.items;
    for (int f = 0; f < n_loaded; f++) {
        n_items += ann_loaded_result(loaded[f])->n_spans;
        n_failed += ann_loaded_result(loaded[f])->n_failed;
    }
    item *items = malloc((n_items + n_failed + 1) * sizeof *items);
    if (!items) {
        status = 1;
        goto done;
    }
    /* Spans first, then the failures after them, with the plugin as the
     * layer (a document names a plugin at most once) and the reason as text. */
    size_t k = 0, m = n_items;
    for (int f = 0; f < n_loaded; f++) {
        const ann_result *r = ann_loaded_result(loaded[f]);
        for (size_t i = 0; i < r->n_spans; i++) {
            const char *t = ann_loaded_span_text(loaded[f], i);
            items[k++] = (item){r->spans[i].layer, r->spans[i].label, t ? t : "?"};
        }
        for (size_t i = 0; i < r->n_failed; i++)
            items[m++] = (item){r->failed[i].plugin, "", r->failed[i].reason};
    }
    report(items, k, items + n_items, n_failed, (size_t)n_loaded, top);
    free(items);
done:
    ann_loaded_list_free(&list);
    free(files);
    return status;
}
