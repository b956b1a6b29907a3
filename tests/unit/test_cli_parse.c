/*
 * test_cli_parse.c -- the command line parser of `annotate` (issue 2: "the
 * CLI (bad arguments)"): usage errors give 2, --help and --version stop
 * with 0, good options land in the parsed struct.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/options.h"
#include "run/run.h"

typedef struct cli_case {
    const char *args[8]; /* after the program name, NULL-terminated */
    int rc;              /* 0 parsed, 2 usage error, -1 exit 0 */
} cli_case;

static const cli_case cli_cases[] = {
    {{"a.txt", NULL}, 0},
    {{"-j", "4", "-p", "dates,numbers", "a.txt", NULL}, 0},
    {{"--reference-date", "2024-02-29", "a.txt", NULL}, 0},
    {{"--reference-date", "2023-02-29", "a.txt", NULL}, 2}, /* not a leap year */
    {{"--reference-date", "1900-02-29", "a.txt", NULL}, 2}, /* nor is 1900 */
    {{"--reference-date", "2000-02-29", "a.txt", NULL}, 0},
    {{"--reference-date", "2023-04-31", "a.txt", NULL}, 2},
    {{"--reference-date", "2023-00-10", "a.txt", NULL}, 2},
    {{"--reference-date", "23-02-07", "a.txt", NULL}, 2},
    {{"--reference-date", "2023/02/07", "a.txt", NULL}, 2},
    {{"--reference-date", "2023-02-07x", "a.txt", NULL}, 2},
    {{"-j", "0", "a.txt", NULL}, 2},
    {{"-j", "-3", "a.txt", NULL}, 2},
    {{"-j", "2x", "a.txt", NULL}, 2},
    {{"-j", "", "a.txt", NULL}, 2},
    {{"-j", "99999", "a.txt", NULL}, 2},
    {{"--merge", "all", "a.txt", NULL}, 0},
    {{"--merge", "some", "a.txt", NULL}, 2},
    {{"--bogus", "a.txt", NULL}, 2},
    {{"-x", "a.txt", NULL}, 2},
    {{"a.txt", "-o", NULL}, 2}, /* missing argument */
    {{"-o", "", "a.txt", NULL}, 2},
    {{"--help", NULL}, -1},
    {{"-V", NULL}, -1},
    {{"a.txt", "--quiet", "--timings", NULL}, 0}, /* options after operands */
    /* issue 13: worker processes and their limits */
    {{"--no-isolate", "a.txt", NULL}, 0},
    {{"--timeout", "0", "a.txt", NULL}, 0},
    {{"--timeout", "-1", "a.txt", NULL}, 2},
    {{"--timeout", "1.5", "a.txt", NULL}, 2},
    {{"--timeout", "", "a.txt", NULL}, 2},
    {{"--max-memory", "512", "a.txt", NULL}, 0},
    {{"--max-memory", "0", "a.txt", NULL}, 0},
    {{"--max-memory", "2G", "a.txt", NULL}, 2},
    {{"--max-memory", "-8", "a.txt", NULL}, 2},
    {{"a.txt", "--max-memory", NULL}, 2},
};

START_TEST(test_cli_table)
{
    const cli_case *c = &cli_cases[_i];
    char *argv[10];
    int argc = 0;
    argv[argc++] = (char *)"annotate";
    for (size_t i = 0; c->args[i]; i++)
        argv[argc++] = (char *)c->args[i];
    argv[argc] = NULL;
    /* --help and --version print to stdout, errors to stderr: keep the log clean */
    ck_assert_ptr_nonnull(freopen("/dev/null", "w", stdout));
    ck_assert_ptr_nonnull(freopen("/dev/null", "w", stderr));
    ann_cli_opts o;
    int rc = ann_cli_parse(argc, argv, &o);
    ck_assert_msg(rc == c->rc, "case %d (%s ...): %d, expected %d", _i, c->args[0], rc, c->rc);
    if (rc == 0)
        ck_assert_msg(o.first_arg < argc, "case %d: no operand found", _i);
    ann_cli_opts_free(&o);
}
END_TEST

START_TEST(test_cli_values)
{
    char *argv[] = {(char *)"annotate",
                    (char *)"-P",
                    (char *)"/p1",
                    (char *)"--plugin-path=/p2",
                    (char *)"-O",
                    (char *)"dates.x=1",
                    (char *)"-o",
                    (char *)"-",
                    (char *)"-f",
                    (char *)"jsonl",
                    (char *)"-j3",
                    (char *)"--reference-date=2023-02-07",
                    (char *)"--merge=all",
                    (char *)"-q",
                    (char *)"one.txt",
                    (char *)"two.md",
                    NULL};
    int argc = (int)(sizeof argv / sizeof argv[0]) - 1;
    ann_cli_opts o;
    ck_assert_int_eq(ann_cli_parse(argc, argv, &o), 0);
    ck_assert_uint_eq(o.plugin_path.n, 2);
    ck_assert_str_eq(o.plugin_path.items[0], "/p1");
    ck_assert_str_eq(o.plugin_path.items[1], "/p2");
    ck_assert_uint_eq(o.options.n, 1);
    ck_assert_str_eq(o.options.items[0], "dates.x=1");
    ck_assert_str_eq(o.output, "-");
    ck_assert_str_eq(o.format, "jsonl");
    ck_assert_uint_eq(o.jobs, 3);
    ck_assert_str_eq(o.reference_date, "2023-02-07");
    ck_assert_int_eq(o.merge, ANN_MERGE_ALL);
    ck_assert_int_eq(o.quiet, 1);
    ck_assert_int_eq(o.timings, 0);
    ck_assert_int_eq(argc - o.first_arg, 2);
    ck_assert_str_eq(argv[o.first_arg], "one.txt");
    ann_cli_opts_free(&o);

    /* Defaults */
    char *argv2[] = {(char *)"annotate", (char *)"x.txt", NULL};
    ck_assert_int_eq(ann_cli_parse(2, argv2, &o), 0);
    ck_assert_str_eq(o.output, "annotations");
    ck_assert_str_eq(o.format, "json");
    ck_assert_uint_eq(o.jobs, 0);
    ck_assert_ptr_null(o.plugins);
    ck_assert_ptr_null(o.reference_date);
    ck_assert_int_eq(o.merge, ANN_MERGE_DEFAULT);
    ck_assert_int_eq(o.no_isolate, 0);
    ck_assert_uint_eq(o.timeout, 60);
    ck_assert_uint_eq(o.max_memory_mb, ANN_MEMORY_DEFAULT);
    ann_cli_opts_free(&o);

    /* The limits, and 0 for none. */
    char *argv4[] = {(char *)"annotate",
                     (char *)"--no-isolate",
                     (char *)"--timeout=7",
                     (char *)"--max-memory",
                     (char *)"300",
                     (char *)"x.txt",
                     NULL};
    ck_assert_int_eq(ann_cli_parse(6, argv4, &o), 0);
    ck_assert_int_eq(o.no_isolate, 1);
    ck_assert_uint_eq(o.timeout, 7);
    ck_assert_uint_eq(o.max_memory_mb, 300);
    ann_cli_opts_free(&o);
    char *argv5[] = {(char *)"annotate", (char *)"--timeout=0", (char *)"--max-memory=0",
                     (char *)"x.txt", NULL};
    ck_assert_int_eq(ann_cli_parse(4, argv5, &o), 0);
    ck_assert_uint_eq(o.timeout, 0);
    ck_assert_uint_eq(o.max_memory_mb, ANN_MEMORY_NONE);
    ann_cli_opts_free(&o);

    /* Streaming to stdout defaults to one JSON object per line. */
    char *argv3[] = {(char *)"annotate", (char *)"-o", (char *)"-", (char *)"x.txt", NULL};
    ck_assert_int_eq(ann_cli_parse(4, argv3, &o), 0);
    ck_assert_str_eq(o.format, "jsonl");
    ann_cli_opts_free(&o);
}
END_TEST

/* -p is repeatable, and an item NAME:PATH selects NAME and is kept, in
 * command-line order, as an instance of its own (not among the -O
 * options).  A comma in PATH stays in it unless a plugin name follows it. */
START_TEST(test_cli_plugin_paths)
{
    char *argv[] = {(char *)"annotate",
                    (char *)"-O",
                    (char *)"rules.file=a.rules",
                    (char *)"-p",
                    (char *)"entities,rules:b.rules",
                    (char *)"--plugins=rules:dir/c,d.rules",
                    (char *)"-O",
                    (char *)"rules.file=e.rules",
                    (char *)"-p",
                    (char *)"rules:f.rules,dates,rules:g,,h.rules:x,Y.rules",
                    (char *)"x.txt",
                    NULL};
    int argc = (int)(sizeof argv / sizeof argv[0]) - 1;
    ann_cli_opts o;
    ck_assert_int_eq(ann_cli_parse(argc, argv, &o), 0);
    ck_assert_str_eq(o.plugins, "entities,rules,rules,rules,dates,rules");
    ck_assert_uint_eq(o.options.n, 2);
    ck_assert_str_eq(o.options.items[0], "rules.file=a.rules");
    ck_assert_str_eq(o.options.items[1], "rules.file=e.rules");
    ck_assert_uint_eq(o.instances.n, 4);
    ck_assert_str_eq(o.instances.items[0], "rules:b.rules");
    ck_assert_str_eq(o.instances.items[1], "rules:dir/c,d.rules");
    ck_assert_str_eq(o.instances.items[2], "rules:f.rules");
    ck_assert_str_eq(o.instances.items[3], "rules:g,,h.rules:x,Y.rules");
    ann_cli_opts_free(&o);
}
END_TEST

static Suite *cli_suite(void)
{
    Suite *s = suite_create("cli");
    TCase *tc = tcase_create("parse");
    tcase_add_loop_test(tc, test_cli_table, 0, (int)(sizeof cli_cases / sizeof cli_cases[0]));
    tcase_add_test(tc, test_cli_values);
    tcase_add_test(tc, test_cli_plugin_paths);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(cli_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
