/*
 * test_jsonl_in.c -- the records of `annotate --stdin` (read/jsonl_in.h):
 * what each kind of line becomes, and the line reader over a pipe (long
 * lines skipped, CRLF, a last line without newline, readiness).
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "read/jsonl_in.h"
#include "read/reader.h"

typedef struct parse_case {
    const char *line;
    const char *error; /* substring of the error, or NULL: a document */
    const char *id_json;
    const char *name;
    int format;
    const char *text;
    const char *reference_date;
} parse_case;

static const parse_case cases[] = {
    {"{\"id\":7,\"text\":\"Hi.\"}", NULL, "7", "7", ANN_FORMAT_TEXT, "Hi.", ""},
    {"{\"id\":\"doc/1\",\"text\":\"a\\nb\",\"format\":\"md\"}", NULL, "\"doc/1\"", "doc/1",
     ANN_FORMAT_MARKDOWN, "a\nb", ""},
    {"{\"text\":\"<p>x</p>\",\"format\":\"html\",\"reference_date\":\"2024-02-29\"}", NULL, "null",
     "-", ANN_FORMAT_HTML, "<p>x</p>", "2024-02-29"},
    {"{\"id\":[1,{\"a\":true}],\"text\":\"\",\"extra\":1,\"format\":null}", NULL,
     "[1,{\"a\":true}]", "-", ANN_FORMAT_TEXT, "", ""},
    {"{\"id\":\"caf\\u00e9\",\"text\":\"\\u00e9t\\u00e9\"}", NULL, "\"caf\xc3\xa9\"", "caf\xc3\xa9",
     ANN_FORMAT_TEXT, "\xc3\xa9t\xc3\xa9", ""},
    {"", "blank line", "null", "-", 0, NULL, NULL},
    {"  \t ", "blank line", "null", "-", 0, NULL, NULL},
    {"{\"id\":1,\"text\":", "not JSON", "null", "-", 0, NULL, NULL},
    {"[1,2]", "not a JSON object", "null", "-", 0, NULL, NULL},
    {"\"text\"", "not JSON", "null", "-", 0, NULL, NULL},
    {"{\"id\":2}", "no \"text\" string", "2", "2", 0, NULL, NULL},
    {"{\"id\":3,\"text\":42}", "no \"text\" string", "3", "3", 0, NULL, NULL},
    {"{\"id\":4,\"text\":\"x\",\"format\":\"pdf\"}", "\"format\" must be", "4", "4", 0, NULL, NULL},
    {"{\"id\":5,\"text\":\"x\",\"format\":1}", "\"format\" must be", "5", "5", 0, NULL, NULL},
    {"{\"id\":6,\"text\":\"x\",\"reference_date\":\"2023-02-29\"}", "reference_date", "6", "6", 0,
     NULL, NULL},
    {"{\"id\":8,\"text\":\"x\",\"reference_date\":20230101}", "reference_date", "8", "8", 0, NULL,
     NULL},
    {"{\"id\":9,\"text\":\"a\\u0000b\"}", "not JSON", "null", "-", 0, NULL, NULL},
};

START_TEST(test_parse)
{
    const parse_case *c = &cases[_i];
    ann_record rec;
    ck_assert_int_eq(ann_record_parse(c->line, strlen(c->line), 12, &rec), 0);
    ck_assert_uint_eq(rec.line, 12);
    ck_assert_str_eq(rec.id_json, c->id_json);
    ck_assert_str_eq(rec.name, c->name);
    if (c->error) {
        ck_assert_msg(rec.error && strstr(rec.error, c->error), "line %s: error '%s', want '%s'",
                      c->line, rec.error ? rec.error : "(none)", c->error);
        ck_assert_ptr_null(rec.text);
    } else {
        ck_assert_msg(!rec.error, "line %s: error %s", c->line, rec.error);
        ck_assert_int_eq(rec.format, c->format);
        ck_assert_uint_eq(rec.size, strlen(c->text));
        ck_assert_mem_eq(rec.text, c->text, rec.size);
        ck_assert_str_eq(rec.reference_date, c->reference_date);
    }
    ann_record_free(&rec);
}
END_TEST

/* Feeds `data` through a pipe and reads every record with a line limit. */
static size_t read_all(const char *data, size_t max_line, ann_record *out, size_t cap)
{
    int fds[2];
    ck_assert_int_eq(pipe(fds), 0);
    size_t len = strlen(data);
    ck_assert_int_eq(write(fds[1], data, len), (ssize_t)len);
    close(fds[1]);
    ann_jsonl_in in;
    ann_jsonl_in_init(&in, fds[0], max_line);
    size_t n = 0;
    for (;;) {
        ck_assert(ann_jsonl_ready(&in, 0));
        ann_record rec;
        int rc = ann_jsonl_next(&in, &rec);
        ck_assert_int_ge(rc, 0);
        if (rc == 0)
            break;
        ck_assert_uint_lt(n, cap);
        out[n++] = rec;
    }
    ann_jsonl_in_free(&in);
    close(fds[0]);
    return n;
}

START_TEST(test_lines)
{
    /* A line of 300 bytes against a limit of 100: skipped, counted, and the
     * reader goes on with the next one. */
    char data[1024];
    char longtext[301];
    memset(longtext, 'x', 300);
    longtext[300] = '\0';
    snprintf(data, sizeof data,
             "{\"id\":1,\"text\":\"one\"}\r\n{\"id\":2,\"text\":\"%s\"}\n\n"
             "{\"id\":3,\"text\":\"three\"}",
             longtext);
    ann_record r[8];
    size_t n = read_all(data, 100, r, 8);
    ck_assert_uint_eq(n, 4);
    ck_assert_str_eq(r[0].id_json, "1");
    ck_assert_ptr_null(r[0].error); /* the \r is no part of the JSON */
    ck_assert_uint_eq(r[1].line, 2);
    ck_assert_ptr_nonnull(strstr(r[1].error, "line longer than 100 bytes"));
    ck_assert_uint_eq(r[2].line, 3);
    ck_assert_ptr_nonnull(strstr(r[2].error, "blank line"));
    ck_assert_uint_eq(r[3].line, 4);
    ck_assert_str_eq(r[3].id_json, "3");
    ck_assert_uint_eq(r[3].size, 5);
    for (size_t i = 0; i < n; i++)
        ann_record_free(&r[i]);
}
END_TEST

START_TEST(test_not_ready)
{
    /* Half a line and the writer still there: not ready, so a batch stops
     * before it instead of waiting. */
    int fds[2];
    ck_assert_int_eq(pipe(fds), 0);
    ann_jsonl_in in;
    ann_jsonl_in_init(&in, fds[0], 1000);
    ck_assert(!ann_jsonl_ready(&in, 0));
    ck_assert_int_eq(write(fds[1], "{\"text\":\"a\"}\n{\"te", 17), 17);
    ck_assert(ann_jsonl_ready(&in, 0));
    ann_record rec;
    ck_assert_int_eq(ann_jsonl_next(&in, &rec), 1);
    ann_record_free(&rec);
    ck_assert(!ann_jsonl_ready(&in, 0));
    close(fds[1]);
    ck_assert(ann_jsonl_ready(&in, 0));
    ck_assert_int_eq(ann_jsonl_next(&in, &rec), 1);
    ck_assert_ptr_nonnull(strstr(rec.error, "not JSON"));
    ann_record_free(&rec);
    ck_assert_int_eq(ann_jsonl_next(&in, &rec), 0);
    ann_jsonl_in_free(&in);
    close(fds[0]);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("jsonl_in");
    TCase *tc = tcase_create("records");
    tcase_add_loop_test(tc, test_parse, 0, (int)(sizeof cases / sizeof cases[0]));
    tcase_add_test(tc, test_lines);
    tcase_add_test(tc, test_not_ready);
    suite_add_tcase(s, tc);
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
