/* test_front_matter.c -- the reference date a Markdown file's front matter
 * gives (issue 18), from examples of how people write front matter. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "read/front_matter.h"
#include "util/ymd.h"

typedef struct fm_case {
    const char *doc;
    const char *want; /* NULL: no date */
} fm_case;

static const fm_case fm_cases[] = {
    {"---\ntitle: Hello\ndate: 2021-03-04\n---\n\nText.\n", "2021-03-04"},
    {"---\r\ndate: 2021-03-04\r\n---\r\n", "2021-03-04"},           /* CRLF */
    {"---\ndate: \"2019-12-31\"\n---\n", "2019-12-31"},               /* quoted */
    {"---\ndate: '2019-12-31'\n---\n", "2019-12-31"},
    {"---\ndate: 2020-02-29T08:30:00+01:00\n---\n", "2020-02-29"},  /* with a time */
    {"---\ndate: 2020-02-29 08:30\n---\n", "2020-02-29"},
    {"---\ntags: [a]\ndate:2018-07-01\n...\n", "2018-07-01"},       /* YAML's end mark */
    {"---   \ndate: 2018-07-01\n---\n", "2018-07-01"},               /* blanks after --- */
    {"---\ndate: 2021-02-29\n---\n", NULL},                          /* no such day */
    {"---\ndate: 2021-3-4\n---\n", NULL},                            /* not YYYY-MM-DD */
    {"---\ndate: 2021-03-045\n---\n", NULL},
    {"---\ndate: March 4, 2021\n---\n", NULL},
    {"---\nmeta:\n  date: 2021-03-04\n---\n", NULL},                 /* nested */
    {"---\nupdated: 2021-03-04\n---\n", NULL},                       /* another key */
    {"---\ntitle: x\n---\ndate: 2021-03-04\n", NULL},                /* after the block */
    {"# Title\n\ndate: 2021-03-04\n", NULL},                         /* no front matter */
    {"\n---\ndate: 2021-03-04\n---\n", NULL},                        /* not on line 1 */
    {"----\ndate: 2021-03-04\n----\n", NULL},
    {"---\ndate: 2021-03-04", "2021-03-04"},                         /* unclosed, at the end */
    {"", NULL},
};

START_TEST(test_front_matter)
{
    const fm_case *c = &fm_cases[_i];
    char got[11] = "";
    int found = ann_front_matter_date((const unsigned char *)c->doc, strlen(c->doc), got);
    if (!c->want)
        ck_assert_msg(!found, "case %d: found %s, expected none", _i, got);
    else
        ck_assert_msg(found && strcmp(got, c->want) == 0, "case %d: %s, expected %s", _i,
                      found ? got : "none", c->want);
}
END_TEST

static const struct {
    const char *s;
    int ok;
} ymd_cases[] = {
    {"2024-02-29", 1}, {"2023-02-29", 0}, {"1900-02-29", 0}, {"2000-02-29", 1}, {"2023-04-31", 0},
    {"2023-12-31", 1}, {"2023-13-01", 0}, {"0000-01-01", 0}, {"2023-1-01", 0},  {"2023/01/01", 0},
};

START_TEST(test_ymd)
{
    ck_assert_int_eq(ann_ymd_valid(ymd_cases[_i].s), ymd_cases[_i].ok);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("front_matter");
    TCase *tc = tcase_create("dates");
    tcase_add_loop_test(tc, test_front_matter, 0, (int)(sizeof fm_cases / sizeof fm_cases[0]));
    tcase_add_loop_test(tc, test_ymd, 0, (int)(sizeof ymd_cases / sizeof ymd_cases[0]));
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
