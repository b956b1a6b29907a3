/*
 * test_outname.c -- output names (issue 13, item 4): the stem each
 * document's outputs take, the extension kept where two documents would
 * share a name, a clash that remains refused; and which file names the
 * stale temporary file cleanup takes for ours.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "util/fs.h"
#include "util/outname.h"

typedef struct stem_case {
    const char *names[6]; /* NULL-terminated */
    const char *stems[6]; /* expected; "!" for a refused clash */
} stem_case;

static const stem_case stem_cases[] = {
    {{"a.txt", NULL}, {"a"}},
    {{"sub/a.txt", "a.txt", NULL}, {"sub/a", "a"}},
    {{"a.txt", "a.md", "sub/a.txt", NULL}, {"a.txt", "a.md", "sub/a"}},
    {{"a.txt", "a.txt", "b.md", NULL}, {"!", "!", "b"}},          /* x/a.txt, y/a.txt */
    {{"a.txt", "a.md", "a.txt.md", NULL}, {"!", "a.md", "!"}},    /* kept a.txt meets a.txt(.md) */
    {{".hidden", "v1.2/notes", NULL}, {".hidden", "v1.2/notes"}}, /* no extension to drop */
    {{"r.v2.txt", "r.v2.md", "r.v3.txt", NULL}, {"r.v2.txt", "r.v2.md", "r.v3"}},
};

START_TEST(test_stems)
{
    const stem_case *c = &stem_cases[_i];
    size_t n = 0;
    while (c->names[n])
        n++;
    char *stems[6];
    ck_assert_int_eq(ann_output_stems(c->names, n, stems), 0);
    for (size_t i = 0; i < n; i++) {
        if (strcmp(c->stems[i], "!") == 0)
            ck_assert_msg(stems[i] == NULL, "case %d: %s should clash, got %s", _i, c->names[i],
                          stems[i]);
        else
            ck_assert_msg(stems[i] && strcmp(stems[i], c->stems[i]) == 0,
                          "case %d: %s gave %s, expected %s", _i, c->names[i],
                          stems[i] ? stems[i] : "(clash)", c->stems[i]);
        free(stems[i]);
    }
}
END_TEST

typedef struct temp_case {
    const char *name;
    long pid; /* 0: not one of ours */
} temp_case;

static const temp_case temp_cases[] = {
    {".annotate.4242-7f3a2b1c0700-0.tmp", 4242},
    {".a.ann.json.17-1-12.tmp", 17}, /* older versions kept the target's name */
    {".x.y.z.99-abc-1.tmp", 99},
    {".annotate.x-7f3a-0.tmp", 0}, /* no pid */
    {"annotate.12-7f3a-0.tmp", 0}, /* not hidden */
    {"..12-7f-0.tmp", 0},          /* no name part */
    {".annotate.12-7f-0.tmpx", 0},
    {".annotate.12-7g-0.tmp", 0},          /* not hex */
    {".annotate.12-7f.tmp", 0},            /* no attempt number */
    {".annotate.12345678901-7f-0.tmp", 0}, /* no pid is that long */
    {".annotate.lock", 0},
};

START_TEST(test_temp_names)
{
    const temp_case *c = &temp_cases[_i];
    ck_assert_msg(ann_temp_name_pid(c->name) == c->pid, "%s: pid %ld, expected %ld", c->name,
                  ann_temp_name_pid(c->name), c->pid);
}
END_TEST

/* The document's path as the annotation file records it, relative to the
 * file's folder (issue 18). */
typedef struct rel_case {
    const char *from, *to, *want; /* want NULL: refused */
} rel_case;

static const rel_case rel_cases[] = {
    {"/w/ann", "/w/docs/a.txt", "../docs/a.txt"},
    {"/w/ann/sub", "/w/docs/sub/b.md", "../../docs/sub/b.md"},
    {"/w/docs", "/w/docs/a.txt", "a.txt"},
    {"/w/docs/", "/w/docs/a.txt", "a.txt"},        /* a trailing slash */
    {"/w/doc", "/w/docs/a.txt", "../docs/a.txt"},  /* a prefix is not a folder */
    {"/w/docs2", "/w/docs/a.txt", "../docs/a.txt"},
    {"/", "/a.txt", "a.txt"},
    {"/tmp/x", "/home/u/a.txt", "../../home/u/a.txt"},
    {"w/ann", "/w/a.txt", NULL}, /* both must be absolute */
    {"/w/ann", "a.txt", NULL},
};

START_TEST(test_relative)
{
    const rel_case *c = &rel_cases[_i];
    char *got = ann_path_relative(c->from, c->to);
    if (!c->want)
        ck_assert_msg(!got, "%s -> %s: %s, expected NULL", c->from, c->to, got);
    else
        ck_assert_msg(got && strcmp(got, c->want) == 0, "%s -> %s: %s, expected %s", c->from,
                      c->to, got ? got : "NULL", c->want);
    free(got);
}
END_TEST

static Suite *outname_suite(void)
{
    Suite *s = suite_create("outname");
    TCase *tc = tcase_create("names");
    tcase_add_loop_test(tc, test_stems, 0, (int)(sizeof stem_cases / sizeof stem_cases[0]));
    tcase_add_loop_test(tc, test_temp_names, 0, (int)(sizeof temp_cases / sizeof temp_cases[0]));
    tcase_add_loop_test(tc, test_relative, 0, (int)(sizeof rel_cases / sizeof rel_cases[0]));
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(outname_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
