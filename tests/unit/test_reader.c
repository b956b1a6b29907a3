/*
 * test_reader.c -- the readers: strict UTF-8, BOM, CRLF, and the text view
 * and offset map of Markdown and HTML.
 *
 * Offsets in error messages are those of the first byte of the ill-formed
 * sequence, counted in the original file (a BOM included).  A span of the
 * view maps back to the smallest original range covering its characters.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "read/reader.h"

/* ---- UTF-8 validation -------------------------------------------------- */

typedef struct utf8_case {
    const char *bytes;
    size_t len;
    int rc;
    const char *msg; /* expected error message, NULL when rc is ANN_OK */
} utf8_case;

#define B(s) s, sizeof(s) - 1

static const utf8_case utf8_cases[] = {
    {B("plain ASCII"), ANN_OK, NULL},
    {B("caf\xC3\xA9"), ANN_OK, NULL},            /* 2 bytes */
    {B("\xE2\x82\xAC 5"), ANN_OK, NULL},         /* 3 bytes */
    {B("smile \xF0\x9F\x98\x80"), ANN_OK, NULL}, /* 4 bytes */
    {B("\xF4\x8F\xBF\xBF"), ANN_OK, NULL},       /* U+10FFFF */
    {B("\xEF\xBF\xBF"), ANN_OK, NULL},           /* U+FFFF is well-formed */
    {B("\xED\x9F\xBF"), ANN_OK, NULL},           /* U+D7FF, just below surrogates */
    {B(""), ANN_OK, NULL},
    {B("ab\xC0\xAF"), ANN_EINVAL, "t.txt: invalid UTF-8 at byte 2"},           /* overlong '/' */
    {B("\xC1\xBF"), ANN_EINVAL, "t.txt: invalid UTF-8 at byte 0"},             /* overlong */
    {B("xy\xE0\x80\xAF"), ANN_EINVAL, "t.txt: invalid UTF-8 at byte 2"},       /* 3-byte overlong */
    {B("\xF0\x80\x80\xAF"), ANN_EINVAL, "t.txt: invalid UTF-8 at byte 0"},     /* 4-byte overlong */
    {B("x\xED\xA0\x80"), ANN_EINVAL, "t.txt: invalid UTF-8 at byte 1"},        /* surrogate D800 */
    {B("\xED\xBF\xBF"), ANN_EINVAL, "t.txt: invalid UTF-8 at byte 0"},         /* surrogate DFFF */
    {B("abcd\xF4\x90\x80\x80"), ANN_EINVAL, "t.txt: invalid UTF-8 at byte 4"}, /* > U+10FFFF */
    {B("\xF5\x80\x80\x80"), ANN_EINVAL, "t.txt: invalid UTF-8 at byte 0"},
    {B("abc\xE2\x82"), ANN_EINVAL, "t.txt: invalid UTF-8 at byte 3"}, /* cut at EOF */
    {B("abc\xF0\x9F\x98"), ANN_EINVAL, "t.txt: invalid UTF-8 at byte 3"},
    {B("ab\xC3"), ANN_EINVAL, "t.txt: invalid UTF-8 at byte 2"},
    {B("\xE2\x82x"), ANN_EINVAL, "t.txt: invalid UTF-8 at byte 0"}, /* cut inside */
    {B("ab\x80"), ANN_EINVAL, "t.txt: invalid UTF-8 at byte 2"},    /* lone continuation */
    {B("0123456789\xBF"), ANN_EINVAL, "t.txt: invalid UTF-8 at byte 10"},
    {B("\xFF"), ANN_EINVAL, "t.txt: invalid UTF-8 at byte 0"},
    {B("hello, world, more than eight bytes \xFE"), ANN_EINVAL, "t.txt: invalid UTF-8 at byte 36"},
    {B("0123456789abcdef\0world"), ANN_EINVAL, "t.txt: NUL byte at byte 16"},
    {B("\0"), ANN_EINVAL, "t.txt: NUL byte at byte 0"},
    {B("\xEF\xBB\xBF"
       "ab\xC0"),
     ANN_EINVAL, "t.txt: invalid UTF-8 at byte 5"}, /* after a BOM */
};

START_TEST(test_utf8)
{
    const utf8_case *c = &utf8_cases[_i];
    ann_textdoc d;
    char err[128] = "";
    int rc = ann_read_memory("t.txt", (const unsigned char *)c->bytes, c->len, ANN_FORMAT_AUTO, &d,
                             err, sizeof err);
    ck_assert_msg(rc == c->rc, "case %d: rc %d, want %d (%s)", _i, rc, c->rc, err);
    if (c->msg != NULL) {
        ck_assert_str_eq(err, c->msg);
        ck_assert_ptr_null(d.bytes);
        ck_assert_ptr_null(d.view);
    } else {
        ck_assert_str_eq(d.reader, "text");
        ck_assert_ptr_nonnull(d.view);
        ann_textdoc_free(&d);
    }
}
END_TEST

/* ---- plain text -------------------------------------------------------- */

START_TEST(test_bom)
{
    static const char in[] = "\xEF\xBB\xBFHello world.\n";
    ann_textdoc d;
    char err[128];
    ck_assert_int_eq(ann_read_memory("b.txt", (const unsigned char *)in, sizeof in - 1,
                                     ANN_FORMAT_AUTO, &d, err, sizeof err),
                     ANN_OK);
    ck_assert_str_eq(d.view, "Hello world.\n");
    ck_assert_uint_eq(d.view_len, 13);
    ck_assert_uint_eq(d.size, sizeof in - 1); /* the whole file, BOM included */
    ck_assert_uint_eq(ann_textdoc_to_orig(&d, 0, 0), 3);
    ck_assert_uint_eq(ann_textdoc_to_orig(&d, 5, 1), 8); /* end of "Hello" */
    ck_assert_uint_eq(d.n_blocks, 1);
    ck_assert_uint_eq(d.blocks[0].start, 0);
    ck_assert_uint_eq(d.blocks[0].end, 12);
    ann_textdoc_free(&d);
    ann_textdoc_free(&d); /* safe twice */
}
END_TEST

START_TEST(test_crlf)
{
    static const char in[] = "One line.\r\nSame paragraph.\r\n\r\nTwo.\r\n \r\n\r\nThree\r\n";
    ann_textdoc d;
    char err[128];
    ck_assert_int_eq(ann_read_memory("c.txt", (const unsigned char *)in, sizeof in - 1,
                                     ANN_FORMAT_TEXT, &d, err, sizeof err),
                     ANN_OK);
    ck_assert_uint_eq(d.n_blocks, 3);
    const char *want[] = {"One line.\r\nSame paragraph.", "Two.", "Three"};
    for (size_t i = 0; i < 3; i++) {
        size_t l = d.blocks[i].end - d.blocks[i].start;
        ck_assert_uint_eq(l, strlen(want[i]));
        ck_assert(memcmp(d.view + d.blocks[i].start, want[i], l) == 0);
    }
    ann_textdoc_free(&d);
}
END_TEST

START_TEST(test_file)
{
    char path[] = "/tmp/ann-test-reader-XXXXXX";
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    static const char bad[] = "good text\nthen \xED\xA0\x80 bad";
    ck_assert_int_eq(write(fd, bad, sizeof bad - 1), (ssize_t)(sizeof bad - 1));
    close(fd);
    ann_textdoc d;
    char err[512], want[600];
    ck_assert_int_eq(ann_read_file(path, ANN_FORMAT_AUTO, &d, err, sizeof err), ANN_EINVAL);
    snprintf(want, sizeof want, "%s: invalid UTF-8 at byte 15", path);
    ck_assert_str_eq(err, want);
    unlink(path);

    ck_assert_int_eq(ann_read_file(path, ANN_FORMAT_AUTO, &d, err, sizeof err), ANN_EIO);
    snprintf(want, sizeof want, "%s: cannot read: No such file or directory", path);
    ck_assert_str_eq(err, want);
    ck_assert_ptr_null(d.view);

    ck_assert_int_eq(ann_read_file("/tmp", ANN_FORMAT_AUTO, &d, err, sizeof err), ANN_EIO);
    ck_assert_str_eq(err, "/tmp: cannot read: Is a directory");
}
END_TEST

/* --max-doc-size: a file above the limit is refused by name and size before
 * it is read; at the limit it is read, and plain text is viewed in place. */
START_TEST(test_max_size)
{
    char path[] = "/tmp/ann-test-reader-XXXXXX";
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    static const char text[] = "ten bytes\n";
    ck_assert_int_eq(write(fd, text, 10), 10);
    close(fd);
    ann_textdoc d;
    char err[512], want[600];
    ck_assert_int_eq(ann_read_file_max(path, ANN_FORMAT_TEXT, 9, &d, err, sizeof err), ANN_EINVAL);
    snprintf(want, sizeof want, "%s: too large: 10 bytes (0.0 MB), over --max-doc-size (0.0 MB)",
             path);
    ck_assert_str_eq(err, want);
    ck_assert_ptr_null(d.view);
    ck_assert_int_eq(ann_read_file_max(path, ANN_FORMAT_TEXT, 10, &d, err, sizeof err), ANN_OK);
    ck_assert_uint_eq(d.view_len, 10);
    ck_assert_int_eq(d.view_in_bytes, 1);
    ck_assert_ptr_eq(d.view, (char *)d.bytes);
    ck_assert_int_eq(d.view[10], '\0');
    ann_textdoc_free(&d);
    unlink(path);
}
END_TEST

/* ---- Markdown and HTML: view, blocks and map --------------------------- */

typedef struct view_case {
    const char *name; /* the extension picks the reader */
    const char *in;
    const char *view; /* the whole expected text view */
    size_t n_blocks;
    /* spans to map back: a piece of the view and the original bytes its
     * characters cover */
    const char *span[3];
    const char *orig[3];
} view_case;

static const view_case view_cases[] = {
    {"a.md",
     "# Title\n\n**Luca** de Meo said.\n",
     "Title\n\nLuca de Meo said.",
     2,
     {"Luca de Meo", "Title", "said."},
     {"Luca** de Meo", "Title", "said."}},
    {"b.md",
     "Tom &amp; Jerry *met* [Nissan](http://nissan.com \"N\") `code` here.\n",
     "Tom & Jerry met Nissan  here.",
     1,
     {"& Jerry", "met Nissan", "Tom &"},
     {"&amp; Jerry", "met* [Nissan", "Tom &amp;"}},
    {"c.md",
     "---\ntitle: front\n---\nText one.\n\n```\ncode block\n```\n\n> quoted\n> more\n",
     "Text one.\n\nquoted\nmore",
     2,
     {"quoted\nmore", "one", NULL},
     {"quoted\n> more", "one", NULL}},
    {"d.md",
     "- item one\n- item \\*two\\*\n\n<div>html block</div>\n\n| A | B |\n|---|---|\n| x | y |\n",
     "item one\n\nitem *two*\n\nA \n\nB \n\nx \n\ny ",
     6,
     {"*two*", "item one", NULL},
     {"\\*two\\*", "item one", NULL}},
    {"e.md",
     "\xEF\xBB\xBF"
     "Caf\xC3\xA9 &eacute; &#8217; ok\n",
     "Caf\xC3\xA9 \xC3\xA9 \xE2\x80\x99 ok",
     1,
     {"Caf\xC3\xA9", "\xC3\xA9 \xE2\x80\x99", NULL},
     {"Caf\xC3\xA9", "&eacute; &#8217;", NULL}},
    {"a.html",
     "<html><head><title>The T</title><style>p{}</style></head><body><p><b>Luca</b> de Meo "
     "&amp; Co</p><script>var x=\"<p>no</p>\";</script><div>Second &#8217;s</div></body></html>",
     "The T\n\nLuca de Meo & Co\n\nSecond \xE2\x80\x99s",
     3,
     {"Luca de Meo", "& Co", "\xE2\x80\x99s"},
     {"Luca</b> de Meo", "&amp; Co", "&#8217;s"}},
    {"b.htm",
     "<p>One<br>Two <code>x()</code> <a href=\"u\">link</a> G&eacute;rard</p><pre>pre</pre>"
     "<ul><li>a</li><li>b &unknown; c</li></ul><!-- comment -->",
     "One\n\nTwo link G\xC3\xA9rard\n\na\n\nb &unknown; c",
     4,
     {"link G\xC3\xA9rard", "b &unknown; c", NULL},
     {"link</a> G&eacute;rard", "b &unknown; c", NULL}},
    {"f.md",
     "Setext Title\r\n============\r\n\r\nSee [the docs][ref] and [ref] and <http://auto.link> and "
     "![alt text](img.png) ok.  \r\nHard break <span>inline html</span> here.\r\n\r\n1. first\r\n"
     "   - nested *item*\r\n\r\n[ref]: http://example.com \"Title\"\r\n\r\n    indented code\r\n\r\n"
     "Last ~~struck~~ line.\r\n",
     "Setext Title\n\nSee the docs and ref and  and  ok.\nHard break inline html here.\n\nfirst\n\n"
     "nested item\n\nLast struck line.",
     5,
     {"the docs", "inline html here", "struck line"},
     {"the docs", "inline html</span> here", "struck~~ line"}},
    {"c.html",
     "<table><tr><td>Cell &nbsp;one</td><td>two<br/>three</td></tr></table><p>a<i>b</i>c <em>d</em></p>",
     "Cell \xC2\xA0one\n\ntwo\n\nthree\n\nabc d",
     4,
     {"abc d", "\xC2\xA0one", NULL},
     {"a<i>b</i>c <em>d", "&nbsp;one", NULL}},
    {"d.html",
     "<div>Next&#xZZ; more &bogus; x &amp y</div>",
     "Next&#xZZ; more &bogus; x & y",
     1,
     {"more", "& y", NULL},
     {"more", "&amp y", NULL}},
    {"e.html",
     "<p>A movie & a horse. Toprak's score, the film's <b>sound</b></p>",
     "A movie & a horse. Toprak's score, the film's sound",
     1,
     {"Toprak's score", "& a horse", NULL},
     {"Toprak's score", "& a horse", NULL}},
};

START_TEST(test_views)
{
    const view_case *c = &view_cases[_i];
    ann_textdoc d;
    char err[256] = "";
    int rc = ann_read_memory(c->name, (const unsigned char *)c->in, strlen(c->in), ANN_FORMAT_AUTO,
                             &d, err, sizeof err);
    ck_assert_msg(rc == ANN_OK, "%s: %s", c->name, err);
    ck_assert_msg(strcmp(d.view, c->view) == 0, "%s: view\n[%s]\nwant\n[%s]", c->name, d.view,
                  c->view);
    ck_assert_uint_eq(d.view_len, strlen(c->view));
    ck_assert_msg(d.n_blocks == c->n_blocks, "%s: %zu blocks, want %zu", c->name, d.n_blocks,
                  c->n_blocks);
    for (size_t b = 0; b < d.n_blocks; b++) {
        ck_assert_uint_lt(d.blocks[b].start, d.blocks[b].end);
        ck_assert_uint_le(d.blocks[b].end, d.view_len);
        if (b > 0)
            ck_assert_uint_gt(d.blocks[b].start, d.blocks[b - 1].end);
    }
    /* The map covers the view in order. */
    size_t v = 0;
    for (size_t m = 0; m < d.n_map; m++) {
        ck_assert_uint_eq(d.map[m].view_start, v);
        v += d.map[m].view_len;
    }
    ck_assert_uint_eq(v, d.view_len);
    for (size_t k = 0; k < 3 && c->span[k] != NULL; k++) {
        const char *at = strstr(d.view, c->span[k]);
        ck_assert_msg(at != NULL, "%s: span %s not in view", c->name, c->span[k]);
        size_t vs = (size_t)(at - d.view), ve = vs + strlen(c->span[k]);
        size_t os = ann_textdoc_to_orig(&d, vs, 0), oe = ann_textdoc_to_orig(&d, ve, 1);
        ck_assert_uint_le(os, oe);
        ck_assert_uint_le(oe, d.size);
        ck_assert_msg(oe - os == strlen(c->orig[k]) &&
                          memcmp(d.bytes + os, c->orig[k], oe - os) == 0,
                      "%s: span [%s] maps to [%.*s], want [%s]", c->name, c->span[k],
                      (int)(oe - os), (const char *)d.bytes + os, c->orig[k]);
    }
    ann_textdoc_free(&d);
}
END_TEST

START_TEST(test_format_override)
{
    static const char in[] = "**bold** text";
    ann_textdoc d;
    char err[128];
    ck_assert_int_eq(ann_read_memory("x.txt", (const unsigned char *)in, sizeof in - 1,
                                     ANN_FORMAT_MARKDOWN, &d, err, sizeof err),
                     ANN_OK);
    ck_assert_str_eq(d.reader, "markdown");
    ck_assert_str_eq(d.view, "bold text");
    ann_textdoc_free(&d);
    ck_assert_int_eq(ann_read_memory("x.MD", (const unsigned char *)in, sizeof in - 1,
                                     ANN_FORMAT_TEXT, &d, err, sizeof err),
                     ANN_OK);
    ck_assert_str_eq(d.reader, "text");
    ck_assert_str_eq(d.view, in);
    ann_textdoc_free(&d);
}
END_TEST

START_TEST(test_empty_docs)
{
    const char *names[] = {"e.txt", "e.md", "e.html"};
    for (size_t i = 0; i < 3; i++) {
        ann_textdoc d;
        char err[128];
        ck_assert_int_eq(ann_read_memory(names[i], (const unsigned char *)"", 0, ANN_FORMAT_AUTO,
                                         &d, err, sizeof err),
                         ANN_OK);
        ck_assert_ptr_nonnull(d.view);
        ck_assert_uint_eq(d.view_len, 0);
        ck_assert_uint_eq(d.n_blocks, 0);
        ann_textdoc_free(&d);
    }
}
END_TEST

/* Hostile nesting must fail cleanly or read fine, never crash: the
 * Markdown scanner cannot take 256 nested containers, the walks must not
 * recurse once per level. */
START_TEST(test_deep_nesting)
{
    enum { DEPTH = 3000 };
    static char buf[DEPTH * 12 + 64];
    ann_textdoc d;
    char err[256];

    size_t n = 0;
    for (int i = 0; i < DEPTH; i++)
        n += (size_t)snprintf(buf + n, sizeof buf - n, "> ");
    n += (size_t)snprintf(buf + n, sizeof buf - n, "deep quote\n");
    ck_assert_int_eq(ann_read_memory("q.md", (const unsigned char *)buf, n, ANN_FORMAT_AUTO, &d,
                                     err, sizeof err),
                     ANN_EINVAL);
    ck_assert_msg(strncmp(err, "q.md: Markdown nested more than", 31) == 0, "%s", err);

    n = 0;
    for (int i = 0; i < DEPTH; i++)
        n += (size_t)snprintf(buf + n, sizeof buf - n, "<div>");
    n += (size_t)snprintf(buf + n, sizeof buf - n, "deep text");
    for (int i = 0; i < DEPTH; i++)
        n += (size_t)snprintf(buf + n, sizeof buf - n, "</div>");
    ck_assert_int_eq(ann_read_memory("q.html", (const unsigned char *)buf, n, ANN_FORMAT_AUTO, &d,
                                     err, sizeof err),
                     ANN_OK);
    ck_assert_str_eq(d.view, "deep text");
    ann_textdoc_free(&d);

    /* 50 nested quotes are fine */
    n = 0;
    for (int i = 0; i < 50; i++)
        n += (size_t)snprintf(buf + n, sizeof buf - n, "> ");
    n += (size_t)snprintf(buf + n, sizeof buf - n, "quoted *deep*\n");
    ck_assert_int_eq(ann_read_memory("r.md", (const unsigned char *)buf, n, ANN_FORMAT_AUTO, &d,
                                     err, sizeof err),
                     ANN_OK);
    ck_assert_str_eq(d.view, "quoted deep");
    ann_textdoc_free(&d);
}
END_TEST

/* The parse limit is a budget of work, not a clock (issue 13, item 7): an
 * 8000-deep <div> file, whose scanner work grows with the square of the
 * depth, is refused by the budget, with the same message on every run. */
START_TEST(test_deep_nesting_budget)
{
    enum { DEPTH = 8000 };
    size_t cap = DEPTH * 11 + 64, n = 0;
    char *buf = malloc(cap);
    ck_assert_ptr_nonnull(buf);
    for (int i = 0; i < DEPTH; i++)
        n += (size_t)snprintf(buf + n, cap - n, "<div>");
    n += (size_t)snprintf(buf + n, cap - n, "x");
    for (int i = 0; i < DEPTH; i++)
        n += (size_t)snprintf(buf + n, cap - n, "</div>");
    char first[256] = "";
    for (int run = 0; run < 2; run++) {
        ann_textdoc d;
        char err[256] = "";
        ck_assert_int_eq(ann_read_memory("deep.html", (const unsigned char *)buf, n,
                                         ANN_FORMAT_AUTO, &d, err, sizeof err),
                         ANN_EINVAL);
        ck_assert_msg(strstr(err, "needs more work than its size allows") != NULL, "%s", err);
        if (run == 0)
            snprintf(first, sizeof first, "%s", err);
        else
            ck_assert_str_eq(err, first);
    }
    free(buf);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("reader");
    TCase *tc = tcase_create("core");
    tcase_add_loop_test(tc, test_utf8, 0, (int)(sizeof utf8_cases / sizeof utf8_cases[0]));
    tcase_add_test(tc, test_bom);
    tcase_add_test(tc, test_crlf);
    tcase_add_test(tc, test_file);
    tcase_add_test(tc, test_max_size);
    tcase_add_loop_test(tc, test_views, 0, (int)(sizeof view_cases / sizeof view_cases[0]));
    tcase_add_test(tc, test_format_override);
    tcase_add_test(tc, test_empty_docs);
    suite_add_tcase(s, tc);
    /* Seconds of work on a busy machine (the scanner's work on deep nesting
     * grows with the square of the depth); the limit under test is not a clock. */
    TCase *slow = tcase_create("budget");
    tcase_set_timeout(slow, 120);
    tcase_add_test(slow, test_deep_nesting);
    tcase_add_test(slow, test_deep_nesting_budget);
    suite_add_tcase(s, slow);
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
