/*
 * test_textview.c -- the text view as the views and exchange formats see
 * it: original offsets mapped onto the view (markup dropped, references
 * decoded), the map's round trip, the block styles the readers record, and
 * the block walk that cuts spans at block edges.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "read/reader.h"
#include "util/buf.h"
#include "write/textview.h"

static void read_doc(ann_format f, const char *src, ann_textdoc *d)
{
    char err[256];
    ck_assert_int_eq(ann_read_memory("t", (const unsigned char *)src, strlen(src), f, d, err,
                                     sizeof err),
                     ANN_OK);
}

/* ---- original range -> view text ---------------------------------------- */

typedef struct map_case {
    ann_format format;
    const char *src;
    const char *orig; /* a substring of src (its first occurrence) */
    const char *view; /* what the view shows of it */
} map_case;

static const map_case map_cases[] = {
    {ANN_FORMAT_MARKDOWN, "**Luca** de Meo said so.\n", "**Luca** de Meo", "Luca de Meo"},
    {ANN_FORMAT_MARKDOWN, "Ask [Nissan](http://n.example) now.\n", "[Nissan](http://n.example)",
     "Nissan"},
    {ANN_FORMAT_MARKDOWN, "Renault &amp; Nissan\n", "&amp;", "&"},
    /* Cut inside a reference: the range grows to the whole of it. */
    {ANN_FORMAT_MARKDOWN, "Renault &amp; Nissan\n", "Renault &am", "Renault &"},
    {ANN_FORMAT_MARKDOWN, "Renault &amp; Nissan\n", "mp; Nissan", "& Nissan"},
    {ANN_FORMAT_MARKDOWN, "| a | b |\n|---|---|\n| Tokyo | 5 |\n", "Tokyo", "Tokyo"},
    {ANN_FORMAT_MARKDOWN, "# Title\n\nText.\n", "# ", ""}, /* markup only: empty */
    {ANN_FORMAT_HTML, "<p>Ma&#xef;a&#160;M&uuml;ller paid.</p>", "Ma&#xef;a&#160;M&uuml;ller",
     "Ma\xC3\xAF" "a\xC2\xA0M\xC3\xBCller"},
    {ANN_FORMAT_HTML, "<p>It cost &euro;600&nbsp;million.</p>", "&euro;600&nbsp;million",
     "\xE2\x82\xAC" "600\xC2\xA0million"},
    {ANN_FORMAT_HTML, "<p>See <a href=\"x\">Renault</a>.</p>", "<a href=\"x\">Renault</a>",
     "Renault"},
    {ANN_FORMAT_HTML, "<p>One</p><p>Two</p>", "<p>", ""},
    /* A range from one block into the next keeps the separator between. */
    {ANN_FORMAT_HTML, "<p>One</p><p>Two</p>", "One</p><p>Two", "One\n\nTwo"},
};

START_TEST(test_map_range)
{
    const map_case *c = &map_cases[_i];
    ann_textdoc d;
    read_doc(c->format, c->src, &d);
    size_t a = (size_t)(strstr(c->src, c->orig) - c->src), b = a + strlen(c->orig);
    size_t vs = ann_textdoc_to_view(&d, a, 0), ve = ann_textdoc_to_view(&d, b, 1);
    if (ve < vs)
        ve = vs;
    ck_assert_msg(ve - vs == strlen(c->view) && memcmp(d.view + vs, c->view, ve - vs) == 0,
                  "case %d: \"%s\" shows \"%.*s\", want \"%s\"", _i, c->orig, (int)(ve - vs),
                  d.view + vs, c->view);
    ann_textdoc_free(&d);
}
END_TEST

/* Every view offset comes back from the file: in copied text byte for
 * byte, a decoded reference as a whole. */
START_TEST(test_map_round_trip)
{
    const map_case *c = &map_cases[_i];
    ann_textdoc d;
    read_doc(c->format, c->src, &d);
    for (size_t k = 0; k < d.n_map; k++) {
        const ann_segment *s = &d.map[k];
        if (s->orig_len == 0)
            continue; /* an inserted separator stands for no byte */
        int copied = s->view_len == s->orig_len;
        for (size_t v = s->view_start; v <= s->view_start + s->view_len; v++) {
            int edge = v == s->view_start || v == s->view_start + s->view_len;
            if (!copied && !edge)
                continue;
            if (v < s->view_start + s->view_len)
                ck_assert_uint_eq(ann_textdoc_to_view(&d, ann_textdoc_to_orig(&d, v, 0), 0), v);
            if (v > s->view_start)
                ck_assert_uint_eq(ann_textdoc_to_view(&d, ann_textdoc_to_orig(&d, v, 1), 1), v);
        }
    }
    ann_textdoc_free(&d);
}
END_TEST

START_TEST(test_map_plain_text)
{
    ann_textdoc d;
    read_doc(ANN_FORMAT_TEXT, "\xEF\xBB\xBFHello", &d); /* the BOM is not in the view */
    ck_assert_uint_eq(ann_textdoc_to_view(&d, 3, 0), 0);
    ck_assert_uint_eq(ann_textdoc_to_view(&d, 8, 1), 5);
    ck_assert_uint_eq(ann_textdoc_to_view(&d, 0, 0), 0);
    ann_textdoc_free(&d);
}
END_TEST

/* ---- block styles ------------------------------------------------------- */

typedef struct style_case {
    ann_format format;
    const char *src;
    const char *text; /* the block's text */
    ann_block_style want;
} style_case;

#define ST(kind, level, ordered, header, quote, item, row, col)                                    \
    {kind, level, ordered, header, quote, item, 0, row, col}

static const char md_doc[] = "# Top\n\nPara.\n\n## Sub\n\n- one\n- two\n\n  more of two\n"
                             "  1. deep\n\n> quoted\n\n| H1 | H2 |\n|----|----|\n| a  |    |\n"
                             "| c  | d  |\n";
static const char html_doc[] =
    "<html><head><title>Page</title></head><body><h3>Three</h3><ol><li>first</li>"
    "<li><p>second</p><ul><li>inner</li></ul></li></ol><table><thead><tr><th>K</th><th>V</th>"
    "</tr></thead><tr><td>x</td><td>y</td></tr></table><blockquote><p>said</p></blockquote>"
    "</body></html>";

static const style_case style_cases[] = {
    {ANN_FORMAT_MARKDOWN, md_doc, "Top", ST(ANN_BLOCK_HEADING, 1, 0, 0, 0, 0, 0, 0)},
    {ANN_FORMAT_MARKDOWN, md_doc, "Para.", ST(ANN_BLOCK_PARAGRAPH, 0, 0, 0, 0, 0, 0, 0)},
    {ANN_FORMAT_MARKDOWN, md_doc, "Sub", ST(ANN_BLOCK_HEADING, 2, 0, 0, 0, 0, 0, 0)},
    {ANN_FORMAT_MARKDOWN, md_doc, "one", ST(ANN_BLOCK_ITEM, 1, 0, 0, 0, 1, 0, 0)},
    {ANN_FORMAT_MARKDOWN, md_doc, "two", ST(ANN_BLOCK_ITEM, 1, 0, 0, 0, 2, 0, 0)},
    {ANN_FORMAT_MARKDOWN, md_doc, "more of two", ST(ANN_BLOCK_ITEM, 1, 0, 0, 0, 2, 0, 0)},
    {ANN_FORMAT_MARKDOWN, md_doc, "deep", ST(ANN_BLOCK_ITEM, 2, 1, 0, 0, 1, 0, 0)},
    {ANN_FORMAT_MARKDOWN, md_doc, "quoted", ST(ANN_BLOCK_PARAGRAPH, 0, 0, 0, 1, 0, 0, 0)},
    {ANN_FORMAT_MARKDOWN, md_doc, "H2", ST(ANN_BLOCK_CELL, 0, 0, 1, 0, 0, 0, 1)},
    {ANN_FORMAT_MARKDOWN, md_doc, "a", ST(ANN_BLOCK_CELL, 0, 0, 0, 0, 0, 1, 0)},
    {ANN_FORMAT_MARKDOWN, md_doc, "d", ST(ANN_BLOCK_CELL, 0, 0, 0, 0, 0, 2, 1)},
    {ANN_FORMAT_HTML, html_doc, "Page", ST(ANN_BLOCK_TITLE, 0, 0, 0, 0, 0, 0, 0)},
    {ANN_FORMAT_HTML, html_doc, "Three", ST(ANN_BLOCK_HEADING, 3, 0, 0, 0, 0, 0, 0)},
    {ANN_FORMAT_HTML, html_doc, "first", ST(ANN_BLOCK_ITEM, 1, 1, 0, 0, 1, 0, 0)},
    {ANN_FORMAT_HTML, html_doc, "second", ST(ANN_BLOCK_ITEM, 1, 1, 0, 0, 2, 0, 0)},
    {ANN_FORMAT_HTML, html_doc, "inner", ST(ANN_BLOCK_ITEM, 2, 0, 0, 0, 1, 0, 0)},
    {ANN_FORMAT_HTML, html_doc, "V", ST(ANN_BLOCK_CELL, 0, 0, 1, 0, 0, 0, 1)},
    {ANN_FORMAT_HTML, html_doc, "y", ST(ANN_BLOCK_CELL, 0, 0, 0, 0, 0, 1, 1)},
    {ANN_FORMAT_HTML, html_doc, "said", ST(ANN_BLOCK_PARAGRAPH, 0, 0, 0, 1, 0, 0, 0)},
};

START_TEST(test_styles)
{
    const style_case *c = &style_cases[_i];
    ann_textdoc d;
    read_doc(c->format, c->src, &d);
    ck_assert_ptr_nonnull(d.styles);
    size_t b = 0;
    while (b < d.n_blocks && (d.blocks[b].end - d.blocks[b].start != strlen(c->text) ||
                              memcmp(d.view + d.blocks[b].start, c->text, strlen(c->text)) != 0))
        b++;
    ck_assert_msg(b < d.n_blocks, "no block \"%s\"", c->text);
    const ann_block_style *g = &d.styles[b], *w = &c->want;
    ck_assert_msg(g->kind == w->kind && g->level == w->level && g->ordered == w->ordered &&
                      g->header == w->header && g->quote == w->quote && g->item == w->item &&
                      g->row == w->row && g->col == w->col,
                  "\"%s\": kind %d level %d ordered %d header %d quote %d item %u row %u col %u",
                  c->text, g->kind, g->level, g->ordered, g->header, g->quote, g->item, g->row,
                  g->col);
    ann_textdoc_free(&d);
}
END_TEST

/* Items of one list share a group, another list has another. */
START_TEST(test_style_groups)
{
    ann_textdoc d;
    read_doc(ANN_FORMAT_MARKDOWN, "- a\n- b\n\nText.\n\n1. c\n", &d);
    ck_assert_uint_eq(d.n_blocks, 4);
    ck_assert_uint_eq(d.styles[0].group, d.styles[1].group);
    ck_assert_uint_ne(d.styles[0].group, d.styles[3].group);
    ck_assert_int_eq(d.styles[2].kind, ANN_BLOCK_PARAGRAPH);
    ann_textdoc_free(&d);
}
END_TEST

/* ---- the block walk ----------------------------------------------------- */

typedef struct rec {
    const ann_result *r;
    ann_buf out;
} rec;

static int rec_text(void *p, size_t a, size_t b)
{
    rec *c = p;
    return ann_buf_append(&c->out, c->r->bytes + a, b - a);
}

static int rec_open(void *p, size_t i, int continued)
{
    rec *c = p;
    return ann_buf_printf(&c->out, continued ? "[+%zu:" : "[%zu:", i);
}

static int rec_close(void *p, size_t i, int finished)
{
    rec *c = p;
    return ann_buf_printf(&c->out, finished ? "]%zu" : "]%zu+", i);
}

static int rec_begin(void *p, size_t b)
{
    rec *c = p;
    return ann_buf_printf(&c->out, "<%zu>", b);
}

static int rec_end(void *p, size_t b)
{
    rec *c = p;
    return ann_buf_printf(&c->out, "</%zu>", b);
}

/* The walk of tv recorded as <block>[span:text]span</block>; caller frees. */
static char *walk_string(const ann_textview *tv)
{
    rec c = {&tv->r, ANN_BUF_INIT};
    static const ann_block_ops ops = {rec_begin, rec_end, {rec_text, rec_open, rec_close}};
    ck_assert_int_eq(ann_textview_walk(tv, NULL, &ops, &c), ANN_OK);
    ann_buf_putc(&c.out, '\0');
    return ann_buf_steal(&c.out, NULL);
}

/* Spans given in file offsets come out on the prose; one that runs from a
 * block into the next is cut at the edges, and the separator between the
 * blocks is not shown. */
START_TEST(test_walk_blocks)
{
    static const char src[] = "<h1>Big &amp; Co</h1><p>Luca <b>de</b> Meo</p>";
    ann_textdoc d;
    read_doc(ANN_FORMAT_HTML, src, &d);
    const char *co = strstr(src, "Co</h1>"), *luca = strstr(src, "Luca"), *meo = strstr(src, "Meo");
    ann_out_span spans[] = {
        {1, (size_t)(co - src), (size_t)(luca - src) + 4, "t", "X", NULL, 0, NULL, 0},
        {2, (size_t)(luca - src), (size_t)(meo - src) + 3, "t", "PER", NULL, 0, NULL, 0},
        {3, (size_t)(strstr(src, "&amp;") - src), (size_t)(strstr(src, "&amp;") - src) + 5, "t",
         "AMP", NULL, 0, NULL, 0},
    };
    ann_result r;
    memset(&r, 0, sizeof r);
    r.path = "t.html";
    r.bytes = (const unsigned char *)src;
    r.size = sizeof src - 1;
    r.reader = "html";
    r.spans = spans;
    r.n_spans = 3;
    r.source = &d;
    ann_textview tv;
    ck_assert_int_eq(ann_textview_init(&tv, &r), ANN_OK);
    ck_assert_int_eq(tv.prose, 1);
    ck_assert_uint_eq(tv.r.spans[2].end - tv.r.spans[2].start, 1); /* "&" */
    char *got = walk_string(&tv);
    ck_assert_str_eq(got, "<0>Big [2:&]2 [0:Co]0+</0><1>[1:[+0:Luca]0 de Meo]1</1>");
    free(got);
    ann_textview_free(&tv);
    ann_textdoc_free(&d);
}
END_TEST

/* Without a source the bytes are the view, in one block. */
START_TEST(test_walk_no_source)
{
    static const char src[] = "a <b>c</b>";
    ann_out_span spans[] = {{1, 2, 5, "t", "X", NULL, 0, NULL, 0}};
    ann_result r;
    memset(&r, 0, sizeof r);
    r.path = "t";
    r.bytes = (const unsigned char *)src;
    r.size = sizeof src - 1;
    r.spans = spans;
    r.n_spans = 1;
    ann_textview tv;
    ck_assert_int_eq(ann_textview_init(&tv, &r), ANN_OK);
    char *got = walk_string(&tv);
    ck_assert_str_eq(got, "<0>a [0:<b>]0c</b></0>");
    free(got);
    ann_textview_free(&tv);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("textview");
    TCase *tc = tcase_create("core");
    tcase_add_loop_test(tc, test_map_range, 0, (int)(sizeof map_cases / sizeof map_cases[0]));
    tcase_add_loop_test(tc, test_map_round_trip, 0, (int)(sizeof map_cases / sizeof map_cases[0]));
    tcase_add_test(tc, test_map_plain_text);
    tcase_add_loop_test(tc, test_styles, 0, (int)(sizeof style_cases / sizeof style_cases[0]));
    tcase_add_test(tc, test_style_groups);
    tcase_add_test(tc, test_walk_blocks);
    tcase_add_test(tc, test_walk_no_source);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
