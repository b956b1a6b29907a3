/*
 * check_view.c -- unit tests of the pieces behind the writers and `view`:
 * the nesting walker, escaping, word wrapping, the progress line, brat's
 * code-point offsets and line-split fragments, and the loader's checks.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "test_sink.h"
#include "util/buf.h"
#include "read/reader.h"
#include "view/load.h"
#include "util/progress.h"
#include "view/term.h"
#include "write/markup.h"
#include "write/nest.h"
#include "write/html.h"
#include "write/text.h"

extern const ann_writer ann_writer_brat, ann_writer_timeml;

/* A result over `text` with the given spans; ids are 1.. in order. */
static ann_result make_result(const char *text, ann_out_span *spans, size_t n)
{
    ann_result r;
    memset(&r, 0, sizeof r);
    r.path = "doc.txt";
    r.bytes = (const unsigned char *)text;
    r.size = strlen(text);
    r.spans = spans;
    r.n_spans = n;
    for (size_t i = 0; i < n; i++)
        spans[i].id = (uint32_t)(i + 1);
    return r;
}

/* clang-format off */
#define SPAN(s, e, layer, label) {0, s, e, layer, label, NULL, 0, NULL, 0}
/* clang-format on */

/* r rendered by fn (ann_text_render, ann_html_render) as a string; caller
 * frees. */
static char *render(int (*fn)(const ann_result *, const unsigned char *, ann_buf *),
                    const ann_result *r)
{
    ann_buf b = ANN_BUF_INIT;
    ck_assert_int_eq(fn(r, NULL, &b), ANN_OK);
    ann_buf_putc(&b, '\0');
    return ann_buf_steal(&b, NULL);
}

/* Renders with the text writer's brackets. */
static char *brackets(const ann_result *r)
{
    return render(ann_text_render, r);
}

START_TEST(nest_plain_and_nested)
{
    ann_out_span s[] = {SPAN(0, 11, "entities", "PER"), SPAN(5, 7, "numbers", "X")};
    ann_result r = make_result("Luca de Meo said", s, 2);
    char *out = brackets(&r);
    ck_assert_str_eq(out, "[Luca [de]X Meo]PER said");
    free(out);
}
END_TEST

START_TEST(nest_unsorted_same_start)
{
    /* Given shorter first: the walker still opens the longer one outside. */
    ann_out_span s[] = {SPAN(0, 2, "numbers", "CARDINAL"), SPAN(0, 8, "dates", "DURATION")};
    ann_result r = make_result("20 years ago", s, 2);
    char *out = brackets(&r);
    ck_assert_str_eq(out, "[[20]CARDINAL years]DURATION ago");
    free(out);
}
END_TEST

START_TEST(nest_crossing_is_cut)
{
    ann_out_span s[] = {SPAN(0, 6, "a", "A"), SPAN(3, 9, "b", "B")};
    ann_result r = make_result("abcdefghij", s, 2);
    char *out = brackets(&r);
    ck_assert_str_eq(out, "[abc[def]B+]A[+ghi]Bj");
    free(out);
}
END_TEST

START_TEST(nest_empty_and_whole)
{
    ann_out_span s[] = {SPAN(0, 4, "a", "A"), SPAN(2, 2, "b", "E"), SPAN(4, 4, "b", "Z")};
    ann_result r = make_result("abcd", s, 3);
    char *out = brackets(&r);
    ck_assert_str_eq(out, "[ab[]Ecd]A[]Z");
    free(out);
}
END_TEST

START_TEST(nest_filter)
{
    ann_out_span s[] = {SPAN(0, 4, "a", "A"), SPAN(1, 2, "b", "B")};
    ann_result r = make_result("abcd", s, 2);
    unsigned char keep[] = {0, 1};
    ann_buf b = ANN_BUF_INIT;
    ck_assert_int_eq(ann_text_render(&r, keep, &b), ANN_OK);
    ck_assert_str_eq(b.data, "a[b]Bcd");
    ann_buf_free(&b);
}
END_TEST

START_TEST(xml_escaping)
{
    ann_buf b = ANN_BUF_INIT;
    const char in[] = "<a href=\"x\">Tom's & \x01</a>";
    ann_buf_put_xml(&b, in, strlen(in));
    ck_assert_str_eq(b.data, "&lt;a href=&quot;x&quot;&gt;Tom&#39;s &amp; \xEF\xBF\xBD&lt;/a&gt;");
    ann_buf_reset(&b);
    ann_buf_put_xml_text(&b, in, strlen(in));
    ck_assert_str_eq(b.data, "&lt;a href=\"x\"&gt;Tom's &amp; \xEF\xBF\xBD&lt;/a&gt;");
    ann_buf_reset(&b);
    ann_buf_put_json(&b, "a\"b\\c\n</script>", 15);
    ck_assert_str_eq(b.data, "\"a\\\"b\\\\c\\n\\u003c/script>\"");
    ann_buf_free(&b);
}
END_TEST

START_TEST(wrap_words)
{
    ann_buf b = ANN_BUF_INIT;
    const char in[] = "aaa bbb ccc dddd\n\nee  ff ";
    ck_assert_int_eq(ann_term_wrap(in, strlen(in), 8, &b), ANN_OK);
    ck_assert_str_eq(b.data, "aaa bbb\nccc dddd\n\nee  ff");
    ann_buf_free(&b);
}
END_TEST

START_TEST(wrap_counts_columns_not_bytes)
{
    /* "é" is 2 bytes, 1 column; the escape codes take no column; a wide
     * CJK character takes two. */
    ann_buf b = ANN_BUF_INIT;
    const char in[] = "\033[0;30;48;5;224mcaf\xC3\xA9\033[0m \xE4\xB8\xAD\xE4\xB8\xAD x";
    ck_assert_int_eq(ann_term_wrap(in, strlen(in), 9, &b), ANN_OK);
    ck_assert_str_eq(b.data, "\033[0;30;48;5;224mcaf\xC3\xA9\033[0m \xE4\xB8\xAD\xE4\xB8\xAD\nx");
    ann_buf_free(&b);
}
END_TEST

START_TEST(wrap_resumes_colour)
{
    /* A break inside a coloured run resets before the newline and resumes. */
    ann_buf b = ANN_BUF_INIT;
    const char in[] = "\033[0;30;48;5;224maaaa bbbb\033[0m";
    ck_assert_int_eq(ann_term_wrap(in, strlen(in), 6, &b), ANN_OK);
    ck_assert_str_eq(b.data, "\033[0;30;48;5;224maaaa\033[0m\n\033[0;30;48;5;224mbbbb\033[0m");
    ann_buf_free(&b);
}
END_TEST

START_TEST(progress_line)
{
    char line[256];
    ann_progress_format(line, sizeof line, 80, 5, 10, 5000000, 10000000, 2.0);
    ck_assert_str_eq(line,
                     "[####################....................] 5/10 files  2.5 MB/s  ETA 0:02");
    ann_progress_format(line, sizeof line, 30, 0, 3, 0, 100, 0.7);
    ck_assert_str_eq(line, "0/3 files  0.0 MB/s  ETA ?");
    ann_progress_format(line, sizeof line, 60, 40, 40, 7200000000ull, 7200000000ull, 7300.0);
    ck_assert_ptr_nonnull(strstr(line, "40/40 files  1.0 MB/s  ETA 0:00"));
    ck_assert_int_lt((int)strlen(line), 60);
}
END_TEST

START_TEST(progress_quiet_when_not_a_tty)
{
    FILE *f = tmpfile();
    ck_assert_ptr_nonnull(f);
    ann_progress *p = ann_progress_new(f, 2, 10, 1);
    ck_assert_ptr_nonnull(p);
    usleep(600000);
    ann_progress_add(p, 5);
    ann_progress_add(p, 5);
    ann_progress_finish(p);
    ck_assert_int_eq((int)ftell(f), 0);
    fclose(f);
    ann_progress_add(NULL, 1); /* NULL is accepted */
    ann_progress_finish(NULL);
}
END_TEST

/* Runs a writer into a fresh temporary folder; returns the folder. */
static char *run_writer(const ann_writer *w, const ann_result *r)
{
    char tmpl[] = "/tmp/check_view.XXXXXX";
    char *dir = mkdtemp(tmpl);
    ck_assert_ptr_nonnull(dir);
    ann_sink sink;
    test_sink_init(&sink, dir, r->path);
    ck_assert_int_eq(w->write(r, &sink), ANN_OK);
    return strdup(dir);
}

static char *read_all(const char *dir, const char *name)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "rb");
    ck_assert_ptr_nonnull(f);
    static char data[8192];
    size_t n = fread(data, 1, sizeof data - 1, f);
    data[n] = '\0';
    fclose(f);
    remove(path);
    return data;
}

START_TEST(brat_code_points_and_fragments)
{
    /* "né\nà b": the span covers "é\nà" (bytes 1..6): two fragments, the
     * line break skipped, offsets in code points. */
    ann_attr attrs[] = {{"value", "x\ty"}, {"mod", "APPROX"}, {"mod", "not-a-mod"}};
    ann_out_span s[] = {{0, 1, 6, "dates", "DATE", attrs, 3, NULL, 0}};
    ann_result r = make_result("n\xC3\xA9\n\xC3\xA0 b", s, 1);
    char *dir = run_writer(&ann_writer_brat, &r);
    ck_assert_str_eq(read_all(dir, "doc.ann"), "T1\tDATE 1 2;3 4\t\xC3\xA9 \xC3\xA0\n"
                                               "A1\tmod T1 APPROX\n"
                                               "#1\tAnnotatorNotes T1\tvalue=x y; mod=not-a-mod\n");
    ck_assert_str_eq(read_all(dir, "doc.txt"), "n\xC3\xA9\n\xC3\xA0 b");
    rmdir(dir);
    free(dir);
}
END_TEST

START_TEST(timeml_keeps_outermost)
{
    ann_attr v[] = {{"value", "2023-03"}};
    ann_out_span s[] = {{0, 0, 10, "dates", "DATE", v, 1, NULL, 0},
                        SPAN(6, 10, "dates", "DATE"),
                        SPAN(11, 14, "numbers", "CARDINAL"),
                        SPAN(15, 19, "dates", "DURATION")};
    ann_result r = make_result("March 2023 <3> ages!", s, 4);
    char *dir = run_writer(&ann_writer_timeml, &r);
    const char *tml = read_all(dir, "doc.tml");
    ck_assert_ptr_nonnull(strstr(tml, "<TEXT>\n<TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2023-03\" "
                                      "temporalFunction=\"false\" functionInDocument=\"NONE\">"
                                      "March 2023</TIMEX3> &lt;3&gt; <TIMEX3 tid=\"t2\" "
                                      "type=\"DURATION\" value=\"PX\""));
    ck_assert_ptr_nonnull(strstr(tml, "value=\"XXXX-XX-XX\" temporalFunction=\"false\" "
                                      "functionInDocument=\"CREATION_TIME\"></TIMEX3></DCT>"));
    ck_assert_ptr_null(strstr(tml, "t3"));
    rmdir(dir);
    free(dir);
}
END_TEST

/* Loads JSON text written to a temporary file; returns the error or "". */
static const char *load_error(const char *json)
{
    static char err[512];
    char path[] = "/tmp/check_view_XXXXXX";
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    ck_assert_int_eq((int)write(fd, json, strlen(json)), (int)strlen(json));
    close(fd);
    ann_loaded *l = NULL;
    err[0] = '\0';
    int rc = ann_load(path, 0, &l, err, sizeof err);
    ck_assert_int_eq(rc == ANN_OK, err[0] == '\0');
    ann_loaded_free(l);
    remove(path);
    const char *colon = strstr(err, ": ");
    return colon ? colon + 2 : err;
}

#define HEAD                                                                     \
    "{\"schema\":\"annotate/1.0\",\"document\":{\"path\":\"d.txt\",\"size\":10," \
    "\"sha256\":\""                                                              \
    "0000000000000000000000000000000000000000000000000000000000000000"           \
    "\",\"reader\":\"text\"},"

START_TEST(load_checks)
{
    ck_assert_str_eq(load_error(HEAD "\"spans\":[]}"), "");
    ck_assert_str_eq(load_error(HEAD "\"spans\":[{\"id\":1,\"start\":0,\"end\":2,\"layer\":\"a\","
                                     "\"label\":\"B\",\"attrs\":{\"k\":\"v\"},\"links\":[]}]}"),
                     "");
    ck_assert_str_eq(load_error(HEAD "\"spans\":[{\"id\":1,\"start\":3,\"end\":2,\"layer\":\"a\","
                                     "\"label\":\"B\"}]}"),
                     "spans[0]: start 3 is after end 2");
    ck_assert_str_eq(load_error(HEAD "\"spans\":[{\"id\":1,\"start\":0,\"end\":2,\"layer\":\"a\","
                                     "\"label\":\"B\"},{\"id\":1,\"start\":0,\"end\":2,"
                                     "\"layer\":\"a\",\"label\":\"C\"}]}"),
                     "span id 1 is used twice");
    ck_assert_str_eq(load_error(HEAD "\"spans\":[{\"id\":1,\"start\":0,\"end\":2,\"layer\":\"a\","
                                     "\"label\":\"B\",\"links\":[{\"role\":\"speaker\","
                                     "\"target\":7}]}]}"),
                     "spans[0].links[0].target: no span has id 7");
    ck_assert_str_eq(load_error(HEAD "\"spans\":[{\"id\":1,\"start\":0,\"end\":2,\"layer\":\"a\","
                                     "\"label\":\"B\",\"attrs\":{\"value\":5}}]}"),
                     "spans[0].attrs.value: expected a string");
    ck_assert_str_eq(load_error(HEAD "\"spans\":[{\"id\":-1,\"start\":0,\"end\":2}]}"),
                     "spans[0].id: expected an integer from 0 to 4294967295");
    ck_assert_str_eq(load_error(HEAD "\"spans\":{}}"), "\"spans\" is missing or not an array");
    ck_assert_str_eq(load_error("{\"schema\":\"annotate/1.0\",\"spans\":[]}"),
                     "\"document\" is missing or not an object");
    ck_assert_str_eq(load_error(HEAD "\"failed\":[{\"plugin\":\"crash\"}],\"spans\":[]}"),
                     "failed[0]: \"reason\" is missing");
    ck_assert_str_eq(load_error(HEAD "\"failed\":{},\"spans\":[]}"), "\"failed\" is not an array");
}
END_TEST

/* The layers a plugin failed to make are read back, and shown: a warning
 * line before the terminal view, a notice on the page. */
START_TEST(load_failed_layers)
{
    char err[512];
    ann_loaded *l;
    ck_assert_int_eq(chdir(ANN_VIEW_FIXTURES "/../../.."), 0);
    ck_assert_int_eq(
        ann_load("tests/view/fixtures/failed.ann.json", ANN_LOAD_DOCUMENT, &l, err, sizeof err),
        ANN_OK);
    const ann_result *r = ann_loaded_result(l);
    ck_assert_uint_eq(r->n_failed, 2);
    ck_assert_str_eq(r->failed[0].plugin, "crash");
    ck_assert_str_eq(r->failed[0].reason, "SIGSEGV");
    ck_assert_str_eq(r->failed[1].reason, "needs crash, which failed");
    ann_term_opts o = {0, 0, ANN_TERM_NONE, 0};
    ann_buf b = ANN_BUF_INIT;
    ck_assert_int_eq(ann_term_render(r, NULL, &o, &b), ANN_OK);
    ann_buf_putc(&b, '\0');
    ck_assert_str_eq(b.data, "warning: layer crash missing, its plugin failed (SIGSEGV); layer hang "
                             "missing, its plugin failed (needs crash, which failed)\n\n"
                             "[Ana]WORD met [Bo]WORD in [Lyon]WORD.\n"
                             "[Then]WORD [SEGVME]WORD came.\n");
    ann_buf_free(&b);
    char *page = render(ann_html_render, r);
    ck_assert_ptr_nonnull(strstr(page, "<p class=\"failed\" role=\"alert\"><strong>2 layers "
                                       "missing</strong>: crash failed (SIGSEGV); hang failed "
                                       "(needs crash, which failed)</p>"));
    free(page);
    ann_loaded_free(l);
}
END_TEST

START_TEST(load_fixture_with_document)
{
    char err[512];
    ann_loaded *l;
    /* The fixture names its document relative to the source tree. */
    ck_assert_int_eq(chdir(ANN_VIEW_FIXTURES "/../../.."), 0);
    ck_assert_int_eq(ann_load("tests/view/fixtures/alliance-tokyo.ann.json", ANN_LOAD_DOCUMENT, &l,
                              err, sizeof err),
                     ANN_OK);
    const ann_result *r = ann_loaded_result(l);
    ck_assert_uint_eq(r->n_spans, 35);
    ck_assert_str_eq(r->reader, "text");
    ck_assert_uint_eq(r->n_plugins, 5);
    ck_assert_str_eq(ann_result_meta(r, "reference_date"), "2023-02-07");
    /* Every recorded text matches the document bytes at its offsets. */
    for (size_t i = 0; i < r->n_spans; i++) {
        const char *t = ann_loaded_span_text(l, i);
        ck_assert_uint_eq(strlen(t), r->spans[i].end - r->spans[i].start);
        ck_assert_int_eq(memcmp(t, r->bytes + r->spans[i].start, strlen(t)), 0);
    }
    const ann_out_span *q = &r->spans[17];
    ck_assert_str_eq(q->label, "QUOTE");
    ck_assert_uint_eq(q->n_links, 1);
    ck_assert_str_eq(r->spans[ann_result_find_id(r, q->links[0].target)].label, "PER");
    ann_loaded_free(l);
}
END_TEST

/* ---- the text view of Markdown and HTML --------------------------------- */

/* A result over src read with format f (td holds its view); spans in file
 * offsets. */
static ann_result view_result(const char *src, ann_format f, ann_textdoc *td, ann_out_span *spans,
                              size_t n)
{
    char err[256];
    ck_assert_int_eq(ann_read_memory("t", (const unsigned char *)src, strlen(src), f, td, err,
                                     sizeof err),
                     ANN_OK);
    ann_result r = make_result(src, spans, n);
    r.reader = td->reader;
    r.source = td;
    return r;
}

static char *page_of(const ann_result *r)
{
    return render(ann_html_render, r);
}

/* Two paragraphs of one HTML cell stay in one cell; a cell left empty in
 * the source keeps its column. */
START_TEST(html_table_cells)
{
    ann_textdoc td;
    ann_result r = view_result("<table><tr><th>K</th><th>V</th><th>W</th></tr><tr><td><p>a</p>"
                               "<p>b</p></td><td></td><td>c</td></tr></table>",
                               ANN_FORMAT_HTML, &td, NULL, 0);
    char *page = page_of(&r);
    ck_assert_ptr_nonnull(strstr(page, "<tr><th>K</th><th>V</th><th>W</th></tr>\n"
                                       "<tr><td>a<br>b</td><td></td><td>c</td></tr>\n</table>"));
    free(page);
    ann_textdoc_free(&td);
}
END_TEST

/* Markdown shows as prose: a heading, bullets, no markup; a span's tooltip
 * gives its bytes in the file. */
START_TEST(html_markdown_prose)
{
    static const char src[] = "# Big **news**\n\n- one &amp; two\n- [three](http://x)\n";
    ann_out_span s[] = {SPAN(8, 16, "entities", "MISC")}; /* "**news**" */
    ann_textdoc td;
    ann_result r = view_result(src, ANN_FORMAT_MARKDOWN, &td, s, 1);
    char *page = page_of(&r);
    ck_assert_ptr_nonnull(strstr(page, "<h1 class=\"blk\">Big <mark "));
    ck_assert_ptr_nonnull(strstr(page, "MISC (entities) \xC2\xB7 bytes 8\xE2\x80\x93" "16\">news<"));
    ck_assert_ptr_nonnull(strstr(page, "\xE2\x80\xA2</span><span>one &amp; two</span></div>"));
    ck_assert_ptr_nonnull(strstr(page, "<span>three</span>"));
    /* The document, not the span data (which gives the source bytes). */
    char *end = strstr(page, "</main>");
    ck_assert_ptr_nonnull(end);
    *end = '\0';
    ck_assert_ptr_null(strstr(page, "**"));
    ck_assert_ptr_null(strstr(page, "http://x"));
    free(page);
    ann_textdoc_free(&td);
}
END_TEST

static char *term_of(const ann_result *r, int attrs)
{
    ann_term_opts o = {0, 0, attrs, 0};
    ann_buf b = ANN_BUF_INIT;
    ck_assert_int_eq(ann_term_render(r, NULL, &o, &b), ANN_OK);
    ann_buf_putc(&b, '\0');
    return ann_buf_steal(&b, NULL);
}

/* Values with their currency, and a quote's speaker, inline or as notes. */
START_TEST(term_attribute_forms)
{
    static const char src[] = "<p>&ldquo;Fine,&rdquo; said <b>Bob</b>. He paid 5 euros.</p>";
    static const ann_attr money[] = {{"value", "5"}, {"currency", "EUR"}};
    static const ann_attr quote[] = {{"kind", "direct"}, {"speaker", "Bob"}};
    static const ann_link spk[] = {{"speaker", 2}};
    ann_out_span s[] = {
        {0, 3, 22, "quotes", "QUOTE", quote, 2, spk, 1},
        {0, 31, 34, "entities", "PER", NULL, 0, NULL, 0},
        {0, 48, 55, "numbers", "MONEY", money, 2, NULL, 0},
    };
    ann_textdoc td;
    ann_result r = view_result(src, ANN_FORMAT_HTML, &td, s, 3);
    char *in = term_of(&r, ANN_TERM_INLINE);
    ck_assert_str_eq(in, "[\xE2\x80\x9C" "Fine,\xE2\x80\x9D]QUOTE\xE2\x86\x92" "Bob said [Bob]PER. "
                         "He paid [5 euros]MONEY=5 EUR.\n");
    free(in);
    char *notes = term_of(&r, ANN_TERM_NOTES);
    ck_assert_str_eq(notes,
                     "[\xE2\x80\x9C" "Fine,\xE2\x80\x9D]QUOTE\xC2\xB9 said [Bob]PER. He paid "
                     "[5 euros]MONEY\xC2\xB2.\n"
                     "  \xC2\xB9 QUOTE \xE2\x80\x9C" "Fine,\xE2\x80\x9D: kind=direct; \xE2\x86\x92 "
                     "speaker: Bob (PER) [bytes 3\xE2\x80\x93" "22]\n"
                     "  \xC2\xB2 MONEY \xE2\x80\x9C" "5 euros\xE2\x80\x9D: value=5, currency=EUR "
                     "[bytes 48\xE2\x80\x93" "55]\n");
    free(notes);
    ann_textdoc_free(&td);
}
END_TEST


static Suite *suite(void)
{
    Suite *s = suite_create("view");
    TCase *t = tcase_create("nest");
    tcase_add_test(t, nest_plain_and_nested);
    tcase_add_test(t, nest_unsorted_same_start);
    tcase_add_test(t, nest_crossing_is_cut);
    tcase_add_test(t, nest_empty_and_whole);
    tcase_add_test(t, nest_filter);
    suite_add_tcase(s, t);
    t = tcase_create("text");
    tcase_add_test(t, xml_escaping);
    tcase_add_test(t, wrap_words);
    tcase_add_test(t, wrap_counts_columns_not_bytes);
    tcase_add_test(t, wrap_resumes_colour);
    suite_add_tcase(s, t);
    t = tcase_create("progress");
    tcase_add_test(t, progress_line);
    tcase_add_test(t, progress_quiet_when_not_a_tty);
    suite_add_tcase(s, t);
    t = tcase_create("writers");
    tcase_add_test(t, brat_code_points_and_fragments);
    tcase_add_test(t, timeml_keeps_outermost);
    tcase_add_test(t, html_table_cells);
    tcase_add_test(t, html_markdown_prose);
    tcase_add_test(t, term_attribute_forms);
    suite_add_tcase(s, t);
    t = tcase_create("load");
    tcase_add_test(t, load_checks);
    tcase_add_test(t, load_fixture_with_document);
    tcase_add_test(t, load_failed_layers);
    suite_add_tcase(s, t);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
