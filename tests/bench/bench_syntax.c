/*
 * bench_syntax.c -- hostile Markdown and HTML for the readers and the
 * syntax trees handed to plugins (read/syntax.h), at two sizes.
 *
 *     bench-syntax [SCALE]
 *
 * Each text is a node with a great many children, written here at two
 * sizes 4 times apart (SCALE, default 1, multiplies both).  For each size
 * it times, on this thread's CPU clock, reading the text with a worker's
 * parsers (ann_read_memory_with) and then parsing the trees a plugin asks
 * for (ann_syntax_parse), and prints the MB/s of both.  Linear work gives
 * about the same MB/s at both sizes (ratio about 1); a step that costs
 * more than O(1) per child (ts_node_named_child(n, i) in a loop over i,
 * ts_node_next_named_sibling, both more than a step in tree-sitter 0.20)
 * shows as a ratio well below 1 on the larger size.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "read/parsers.h"
#include "read/reader.h"
#include "read/syntax.h"

static double now_cpu(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* head, then `unit` n times, then tail (caller frees). */
static char *repeat(const char *head, const char *unit, size_t n, const char *tail, size_t *len)
{
    size_t h = strlen(head), u = strlen(unit), t = strlen(tail);
    char *s = malloc(h + u * n + t + 1);
    if (s == NULL)
        return NULL;
    memcpy(s, head, h);
    for (size_t i = 0; i < n; i++)
        memcpy(s + h + i * u, unit, u);
    memcpy(s + h + u * n, tail, t + 1);
    *len = h + u * n + t;
    return s;
}

typedef struct rates {
    double read, trees; /* MB/s */
    size_t bytes, trees_n;
} rates;

static int run(ann_parsers *ps, const char *name, ann_format f, const char *text, size_t len,
               rates *out)
{
    ann_textdoc td;
    char err[512];
    double t0 = now_cpu();
    int rc = ann_read_memory_with(ps, name, (const unsigned char *)text, len, f, 0, &td, err,
                                  sizeof err);
    double t1 = now_cpu();
    if (rc != ANN_OK) {
        fprintf(stderr, "bench-syntax: %s\n", err);
        return -1;
    }
    ann_syntax *s = NULL;
    rc = ann_syntax_parse(ps, &td, &s);
    double t2 = now_cpu();
    if (rc != ANN_OK) {
        fprintf(stderr, "bench-syntax: %s: the trees failed (%d)\n", name, rc);
        ann_textdoc_free(&td);
        return -1;
    }
    ann_syntax_trees(s, &out->trees_n);
    ann_syntax_free(s);
    ann_textdoc_free(&td);
    out->bytes = len;
    out->read = (double)len / 1e6 / (t1 - t0 > 1e-9 ? t1 - t0 : 1e-9);
    out->trees = (double)len / 1e6 / (t2 - t1 > 1e-9 ? t2 - t1 : 1e-9);
    return 0;
}

int main(int argc, char **argv)
{
    size_t scale = argc > 1 ? (size_t)strtoul(argv[1], NULL, 10) : 1;
    if (scale == 0)
        scale = 1;
    static const struct {
        const char *name;
        ann_format format;
        const char *head, *unit;
        size_t n; /* children at the small size */
        const char *tail;
    } texts[] = {
        /* an ERROR node with a child per stray end tag (html.c: whether it
         * holds elements) */
        {"html stray end tags", ANN_FORMAT_HTML, "", "</x>", 100000, "\n"},
        /* a head of many elements (html.c: the title is looked for) */
        {"html head elements", ANN_FORMAT_HTML, "<html><head>", "<meta a=b>", 25000,
         "<title>t</title></head><body><p>x</p></body></html>\n"},
        /* a title of many references */
        {"html title references", ANN_FORMAT_HTML, "<html><head><title>", "&amp; ", 50000,
         "</title></head><body><p>x</p></body></html>\n"},
        /* a tag of many attributes */
        {"html attributes", ANN_FORMAT_HTML, "<p", " a=b", 50000, ">x</p>\n"},
        /* a list of many items: many inline trees */
        {"markdown list items", ANN_FORMAT_MARKDOWN, "", "- a *b*\n", 25000, ""},
        /* a quoted paragraph of many lines: an inline node with a block
         * continuation child per line, so as many included ranges */
        {"markdown quoted lines", ANN_FORMAT_MARKDOWN, "> *a*\n", "> a\n", 2500, ""},
    };
    ann_parsers *ps = ann_parsers_new();
    if (ps == NULL)
        return 1;
    int rc = 0;
    for (size_t k = 0; k < sizeof texts / sizeof *texts && rc == 0; k++) {
        rates r[2];
        for (int z = 0; z < 2 && rc == 0; z++) {
            size_t len, n = texts[k].n * scale * (z ? 4 : 1);
            char *s = repeat(texts[k].head, texts[k].unit, n, texts[k].tail, &len);
            if (s == NULL || run(ps, texts[k].name, texts[k].format, s, len, &r[z]) != 0)
                rc = 1;
            free(s);
        }
        if (rc != 0)
            break;
        printf("syntax, hostile %s: %.2f MB / %.2f MB: read %.1f / %.1f MB/s (ratio %.2f), "
               "trees (%zu / %zu) %.1f / %.1f MB/s (ratio %.2f; linear: about 1)\n",
               texts[k].name, (double)r[0].bytes / 1e6, (double)r[1].bytes / 1e6, r[0].read,
               r[1].read, r[1].read / r[0].read, r[0].trees_n, r[1].trees_n, r[0].trees,
               r[1].trees, r[1].trees / r[0].trees);
        fflush(stdout);
    }
    ann_parsers_free(ps);
    return rc;
}
