/*
 * test_md_mask.c -- the Markdown reader's speed-ups must not change what it
 * reads: the masked copy parses into the same named block nodes at the same
 * offsets, the inline parse is skipped only where it would find nothing,
 * and parsers reused from document to document read as fresh ones do.  Nor
 * must the trees a reader keeps for the plugins (read/syntax.h) differ from
 * the trees parsed again, node for node, anonymous leaves and points
 * included; taking them parses nothing a second time.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <tree_sitter/api.h>

#include "read/md_mask.h"
#include "read/parsers_impl.h"
#include "read/reader.h"
#include "read/syntax.h"

const TSLanguage *tree_sitter_markdown(void);

/* The nodes of a tree, one "depth type start end" line each (with all,
 * the anonymous ones too, marked and with their points), written to f. */
static void write_nodes(FILE *f, const TSTree *t, int all)
{
    TSTreeCursor c = ts_tree_cursor_new(ts_tree_root_node(t));
    int depth = 0;
    for (;;) {
        TSNode n = ts_tree_cursor_current_node(&c);
        TSPoint a = ts_node_start_point(n), b = ts_node_end_point(n);
        if (all)
            fprintf(f, "%d %s %d %u %u %u:%u %u:%u\n", depth, ts_node_type(n),
                    ts_node_is_named(n), ts_node_start_byte(n), ts_node_end_byte(n), a.row,
                    a.column, b.row, b.column);
        else if (ts_node_is_named(n))
            fprintf(f, "%d %s %u %u\n", depth, ts_node_type(n), ts_node_start_byte(n),
                    ts_node_end_byte(n));
        if (ts_tree_cursor_goto_first_child(&c)) {
            depth++;
            continue;
        }
        while (!ts_tree_cursor_goto_next_sibling(&c)) {
            if (!ts_tree_cursor_goto_parent(&c))
                goto done;
            depth--;
        }
    }
done:
    ts_tree_cursor_delete(&c);
}

/* The nodes of a tree as write_nodes() writes them (caller frees). */
static char *tree_nodes(const TSTree *t, int all)
{
    char *out = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&out, &len);
    ck_assert_ptr_nonnull(f);
    write_nodes(f, t, all);
    fclose(f);
    return out;
}

/* Parses src as it is and masked; the named nodes must agree unless the
 * masked parse has an error (the reader then parses the text as it is).
 * Returns the number of bytes masked. */
static size_t check_same_tree(TSParser *p, const char *src)
{
    size_t n = strlen(src);
    char *m = malloc(n + 1);
    ck_assert_ptr_nonnull(m);
    size_t changed = ann_md_mask(src, n, m);
    ck_assert_uint_eq(strlen(src), n); /* the source is untouched */
    TSTree *a = ts_parser_parse_string(p, NULL, src, (uint32_t)n);
    TSTree *b = ts_parser_parse_string(p, NULL, m, (uint32_t)n);
    if (!ts_node_has_error(ts_tree_root_node(b))) {
        char *sa = tree_nodes(a, 0), *sb = tree_nodes(b, 0);
        ck_assert_msg(strcmp(sa, sb) == 0, "masked tree differs for:\n%s\n--- plain:\n%s--- masked:\n%s",
                      src, sa, sb);
        free(sa);
        free(sb);
    }
    ts_tree_delete(a);
    ts_tree_delete(b);
    free(m);
    return changed;
}

typedef struct mask_case {
    const char *src;
    const char *masked; /* expected copy */
} mask_case;

static const mask_case mask_cases[] = {
    /* prose: white space and punctuation inside the line become letters */
    {"The cat, it sat.\n", "Thexcatxxitxsatx\n"},
    /* indentation and trailing blanks stay */
    {"  two words  \n", "  twoxwords  \n"},
    /* after quote and list markers */
    {"> a b\n- c d\n1. e f\n", "> axb\n- cxd\n1. exf\n"},
    /* no letter first: heading, fence, thematic break, HTML, table */
    {"# a b\n", "# a b\n"},
    {"```\nx y\n```\n", "```\nxxy\n```\n"},
    {"* * *\n", "* * *\n"},
    {"<div>\na b\n", "<div>\naxb\n"},
    /* table rows, HTML ends, and fence marks inside a line are left */
    {"a | b\n", "a | b\n"},
    {"a --> b\n", "a --> b\n"},
    {"a ~~~ b\n", "a ~~~ b\n"},
    {"a `b` c\n", "a `b` c\n"},
    /* with a definition in the text only white space is masked, and no line
     * with a bracket nor the line after one holding ']' */
    {"[a]:\nb c\nd, e\n", "[a]:\nb c\nd,xe\n"},
    {"x [y] z\n\n[a]: /u\n", "x [y] z\n\n[a]: /u\n"},
    /* CR and CRLF end lines too */
    {"a b\rc d\r\ne f", "axb\rcxd\r\nexf"},
};

START_TEST(test_mask_cases)
{
    const mask_case *c = &mask_cases[_i];
    size_t n = strlen(c->src);
    char *m = calloc(1, n + 1);
    ck_assert_ptr_nonnull(m);
    ann_md_mask(c->src, n, m);
    ck_assert_str_eq(m, c->masked);
    free(m);
    TSParser *p = ts_parser_new();
    ts_parser_set_language(p, tree_sitter_markdown());
    check_same_tree(p, c->src);
    ts_parser_delete(p);
}
END_TEST

/* Documents made of Markdown's pieces at random (a fixed seed): the named
 * nodes must agree on every one. */
START_TEST(test_mask_random_documents)
{
    static const char *const pieces[] = {
        "word", "The", "1984", "2.", "3)", "AT&T", "&amp;", "&#35;", " ", "  ", "\t", "*", "**", " * ",
        "_", "~", "~~", "$", "!", "]", "[", "[a]", "[a](b)", "![i](u)", "`", "<b>", "<http://x.y>",
        "\\", "\n", "\n\n", "  \n", "\r\n", "> ", "- ", "* ", "+ ", "1. ", "    ", "# ", "---", "===",
        "|", "| a | b |\n|---|---|\n", "```\n", "~~~\n", "[a]: /url 'title'\n", "[a]:\n", "'",
        "\"", "(", ")", ":", "-->", "<div>\n", "\xC3\xA9", ",", ".", "+++\n", "---\n", "a_b"};
    static const char *const words[] = {"word ", "the ", "and, ", "of. ", "a\n", "Some\n\n"};
    unsigned seed = 16;
    TSParser *p = ts_parser_new();
    ts_parser_set_language(p, tree_sitter_markdown());
    char doc[4096];
    size_t masked = 0;
    for (int d = 0; d < 400; d++) {
        size_t len = 0;
        seed = seed * 1103515245u + 12345u;
        int pieces_n = 5 + (int)((seed >> 16) % 100);
        for (int k = 0; k < pieces_n; k++) {
            seed = seed * 1103515245u + 12345u;
            unsigned r = seed >> 16;
            const char *s = (r & 1) ? pieces[(r >> 1) % (sizeof pieces / sizeof *pieces)]
                                    : words[(r >> 1) % (sizeof words / sizeof *words)];
            size_t l = strlen(s);
            if (len + l >= sizeof doc)
                break;
            memcpy(doc + len, s, l);
            len += l;
        }
        doc[len] = '\0';
        masked += check_same_tree(p, doc);
    }
    ck_assert_uint_gt(masked, 0);
    ts_parser_delete(p);
}
END_TEST

/* The view of src read as Markdown (caller frees). */
static char *md_view(ann_parsers *ps, const char *src)
{
    ann_textdoc d;
    char err[256];
    ck_assert_int_eq(ann_read_memory_with(ps, "t.md", (const unsigned char *)src, strlen(src),
                                          ANN_FORMAT_AUTO, 0, &d, err, sizeof err),
                     ANN_OK);
    char *v = strndup(d.view, d.view_len);
    ann_textdoc_free(&d);
    return v;
}

typedef struct view_case {
    const char *src, *view;
} view_case;

/* Inline content the skip must leave to the grammar, and content it may
 * copy as it is. */
static const view_case view_cases[] = {
    {"a * b * c\n", "a * b * c"},             /* '*' between blanks: no emphasis */
    {"a *b* c\n", "a b c"},                   /* emphasis */
    {"AT&T and R&D\n", "AT&T and R&D"},       /* '&' starting no reference */
    {"caf&eacute; &#35;1\n", "caf\xC3\xA9 #1"}, /* references decoded */
    {"5 ~ 6 $ 7 ! ] 8\n", "5 ~ 6 $ 7 ! ] 8"}, /* lone marks */
    {"a\t\nb\n", "a\nb"},                     /* a tab before the line end: a hard break */
    {"a  \nb\n", "a\nb"},                     /* two spaces: a hard break */
    {"- one, two\n- three.\n", "one, two\n\nthree."},
};

START_TEST(test_inline_skip)
{
    const view_case *c = &view_cases[_i];
    char *v = md_view(NULL, c->src);
    ck_assert_str_eq(v, c->view);
    free(v);
}
END_TEST

/* A reused set of parsers reads each document as a fresh set does, also
 * after a document the parser refused and after an HTML document. */
START_TEST(test_parsers_reused)
{
    char deep[1200];
    size_t n = 0;
    for (int i = 0; i < 300; i++) {
        deep[n++] = '>';
        deep[n++] = ' ';
    }
    memcpy(deep + n, "x\n", 3);
    static const char *const docs[] = {"# Title\n\nSome *text* here.\n", "", "A | B\n--|--\n1 | 2\n",
                                       "> quote, with [a link](u).\n"};
    ann_parsers *ps = ann_parsers_new();
    ck_assert_ptr_nonnull(ps);
    for (int round = 0; round < 2; round++) {
        for (size_t i = 0; i < sizeof docs / sizeof *docs; i++) {
            char *fresh = md_view(NULL, docs[i]);
            char *reused = md_view(ps, docs[i]);
            ck_assert_str_eq(reused, fresh);
            free(fresh);
            free(reused);
        }
        ann_textdoc d;
        char err[256];
        ck_assert_int_eq(ann_read_memory_with(ps, "deep.md", (const unsigned char *)deep,
                                              strlen(deep), ANN_FORMAT_AUTO, 0, &d, err,
                                              sizeof err),
                         ANN_EINVAL);
        static const char html[] = "<p>Hello <b>world</b></p>";
        ck_assert_int_eq(ann_read_memory_with(ps, "h.html", (const unsigned char *)html,
                                              sizeof html - 1, ANN_FORMAT_AUTO, 0, &d, err,
                                              sizeof err),
                         ANN_OK);
        ck_assert_str_eq(d.view, "Hello world");
        ann_textdoc_free(&d);
    }
    ann_parsers_free(ps);
}
END_TEST

/* Reads src with ps (keeping trees when keep), takes the trees and dumps
 * them all; *view gets the text view (caller frees both). */
static char *trees_of(ann_parsers *ps, int keep, const char *name, const char *src, char **view)
{
    if (keep)
        ann_parsers_keep_trees(ps);
    ann_textdoc d;
    char err[256];
    ck_assert_int_eq(ann_read_memory_with(ps, name, (const unsigned char *)src, strlen(src),
                                          ANN_FORMAT_AUTO, 0, &d, err, sizeof err),
                     ANN_OK);
    ck_assert_int_eq(ps->kept != NULL, keep);
    ann_syntax *s = NULL;
    ck_assert_int_eq(ann_syntax_parse(ps, &d, &s), ANN_OK);
    ck_assert_ptr_null(ps->kept);
    size_t n;
    const ann_syntax_tree *t = ann_syntax_trees(s, &n);
    char *out = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&out, &len);
    ck_assert_ptr_nonnull(f);
    for (size_t i = 0; i < n; i++) {
        fprintf(f, "tree %s at %u\n", t[i].grammar, t[i].source_offset);
        ck_assert_ptr_eq(t[i].language, ann_syntax_language(t[i].grammar));
        write_nodes(f, t[i].tree, 1);
    }
    fclose(f);
    ann_syntax_free(s);
    *view = strdup(d.view);
    ann_textdoc_free(&d);
    return out;
}

static const struct {
    const char *name, *src;
} tree_docs[] = {
    {"prose.md", "# Title, here\n\nSome prose, with commas; and a stop.  Two lines\nof it.\n"},
    {"marks.md", "A *b* and **c**, `d` [e](f \"g\") &amp; \\* h  \nnext ~~i~~ <j>.\n"},
    {"quote.md", "> quoted, *lines*\n> go on, and on\n> > deeper `x`\n"},
    {"list.md", "- one, two\n- *three*\n  more text\n\n1. four\n2) five\n"},
    {"table.md", "| a, b | *c* |\n|---|:-:|\n| d | e `f` |\n"},
    {"defs.md", "[a]: /url 'title'\n\nSee [a], and [b][a].\n"},
    {"code.md", "```c\nint x, y;\n```\n\n    indented, code\n\n<div>\nhtml, block\n</div>\n"},
    {"bom.md", "\xEF\xBB\xBF# BOM, then\n\ntext *here*.\n"},
    {"deep.md", "- a\n  - b, c\n    > d *e*\n    > f\n"},
    {"page.html", "<html><head><title>T &amp; t</title></head><body><p>Hello, <b>world</b>."
                  "</p><ul><li>a</li></ul></body></html>"},
    {"broken.html", "<p>a </x></y> &amp b <div"},
};

/* Kept trees are the trees parsed again; the view is the same too. */
START_TEST(test_kept_trees_same)
{
    ann_parsers *fresh = ann_parsers_new(), *keeping = ann_parsers_new();
    ck_assert_ptr_nonnull(fresh);
    ck_assert_ptr_nonnull(keeping);
    char *v1, *v2;
    char *a = trees_of(fresh, 0, tree_docs[_i].name, tree_docs[_i].src, &v1);
    char *b = trees_of(keeping, 1, tree_docs[_i].name, tree_docs[_i].src, &v2);
    ck_assert_msg(strcmp(a, b) == 0, "%s: kept trees differ:\n%s\n--- kept:\n%s", tree_docs[_i].name, a,
                  b);
    ck_assert_str_eq(v1, v2);
    free(a);
    free(b);
    free(v1);
    free(v2);
    /* without a set lent, one is made for the trees */
    ann_textdoc d;
    char err[256];
    ck_assert_int_eq(ann_read_memory(tree_docs[_i].name, (const unsigned char *)tree_docs[_i].src,
                                     strlen(tree_docs[_i].src), ANN_FORMAT_AUTO, &d, err, sizeof err),
                     ANN_OK);
    ann_syntax *s = NULL;
    ck_assert_int_eq(ann_syntax_parse(NULL, &d, &s), ANN_OK);
    ann_syntax_free(s);
    ann_textdoc_free(&d);
    ann_parsers_free(fresh);
    ann_parsers_free(keeping);
}
END_TEST

/* The work budgets count the parsers' work: taking the kept trees of a
 * document whose every inline node holds markup (so the reader parsed
 * them all) parses nothing, neither the block tree nor an inline one. */
START_TEST(test_kept_trees_not_parsed_again)
{
    static const char src[] = "# A *b*\n\n> c `d`\n> e\n\n- [f](g)\n";
    ann_parsers *ps = ann_parsers_new();
    ck_assert_ptr_nonnull(ps);
    ann_parsers_keep_trees(ps);
    ann_textdoc d;
    char err[256];
    ck_assert_int_eq(ann_read_memory_with(ps, "k.md", (const unsigned char *)src, sizeof src - 1,
                                          ANN_FORMAT_AUTO, 0, &d, err, sizeof err),
                     ANN_OK);
    uint64_t block = ann_ts_budget_used(ps->md_block.budget);
    ck_assert_uint_gt(block, 0);
    ann_syntax *s = NULL;
    ck_assert_int_eq(ann_syntax_parse(ps, &d, &s), ANN_OK);
    size_t n;
    ann_syntax_trees(s, &n);
    ck_assert_uint_eq(n, 4); /* the block tree and three inline trees */
    ck_assert_uint_eq(ann_ts_budget_used(ps->md_block.budget), block);
    ck_assert_uint_eq(ann_ts_budget_used(ps->md_inline.budget), 0);
    ann_syntax_free(s);
    /* another document's trees are never taken */
    ann_textdoc d2;
    ck_assert_int_eq(ann_read_memory_with(ps, "k2.md", (const unsigned char *)src, sizeof src - 1,
                                          ANN_FORMAT_AUTO, 0, &d2, err, sizeof err),
                     ANN_OK);
    ck_assert_int_eq(ann_syntax_parse(ps, &d, &s), ANN_OK);
    ck_assert_ptr_nonnull(ps->kept); /* still d2's */
    ck_assert_uint_gt(ann_ts_budget_used(ps->md_inline.budget), 0);
    ann_syntax_free(s);
    ann_textdoc_free(&d2);
    ann_textdoc_free(&d);
    ann_parsers_free(ps); /* frees d2's kept trees */
}
END_TEST

/* Why the reader parses the text as it is when it keeps its trees: the
 * masked copy's block tree lacks the anonymous leaves of masked lines
 * (here the punctuation), though its named nodes are the same. */
START_TEST(test_masked_tree_lacks_leaves)
{
    static const char src[] = "Hello, world; and more.\n";
    size_t n = sizeof src - 1;
    char masked[sizeof src];
    ck_assert_uint_gt(ann_md_mask(src, n, masked), 0);
    TSParser *p = ts_parser_new();
    ts_parser_set_language(p, tree_sitter_markdown());
    TSTree *a = ts_parser_parse_string(p, NULL, src, (uint32_t)n);
    TSTree *b = ts_parser_parse_string(p, NULL, masked, (uint32_t)n);
    char *sa = tree_nodes(a, 1), *sb = tree_nodes(b, 1);
    ck_assert_str_ne(sa, sb);
    ck_assert_uint_lt(strlen(sb), strlen(sa));
    free(sa);
    free(sb);
    ts_tree_delete(a);
    ts_tree_delete(b);
    ts_parser_delete(p);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("md_mask");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 60);
    tcase_add_loop_test(tc, test_mask_cases, 0, sizeof mask_cases / sizeof *mask_cases);
    tcase_add_test(tc, test_mask_random_documents);
    tcase_add_loop_test(tc, test_inline_skip, 0, sizeof view_cases / sizeof *view_cases);
    tcase_add_test(tc, test_parsers_reused);
    tcase_add_loop_test(tc, test_kept_trees_same, 0, sizeof tree_docs / sizeof *tree_docs);
    tcase_add_test(tc, test_kept_trees_not_parsed_again);
    tcase_add_test(tc, test_masked_tree_lacks_leaves);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
