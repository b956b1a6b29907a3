/*
 * test_json.c -- the JSON writer (issue 2: "JSON writer (escaping, offsets)"):
 * strings escaped as JSON requires, non-ASCII kept as UTF-8, span "text"
 * exactly the original bytes at the span's byte offsets, the schema version
 * in the file, and JSONL one object per line.  Output is read back with
 * jansson, an independent parser.
 */
#include <check.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "util/buf.h"
#include "util/sha256.h"
#include "write/json.h"

typedef struct esc_case {
    const char *in;
    size_t len;
    const char *out;
} esc_case;

#define S(x) x, sizeof(x) - 1

static const esc_case esc_cases[] = {
    {S("plain"), "\"plain\""},
    {S(""), "\"\""},
    {S("say \"hi\""), "\"say \\\"hi\\\"\""},
    {S("back\\slash"), "\"back\\\\slash\""},
    {S("a\nb\tc\r"), "\"a\\nb\\tc\\r\""},
    {S("\b\f"), "\"\\b\\f\""},
    {S("\x01\x1f"), "\"\\u0001\\u001f\""},
    {S("nul\0byte"), "\"nul\\u0000byte\""},
    {S("G\xc3\xa9rard \xe2\x82\xac 5 \xf0\x9f\x98\x80"),
     "\"G\xc3\xa9rard \xe2\x82\xac 5 \xf0\x9f\x98\x80\""},
    {S("Renault\xe2\x80\x99s"), "\"Renault\xe2\x80\x99s\""},
    {S("del\x7f"), "\"del\x7f\""},
    {S("/slash/"), "\"/slash/\""},
    {S("bad\xff"), "\"bad\xef\xbf\xbd\""},
    {S("cut\xc3"), "\"cut\xef\xbf\xbd\""},
};

START_TEST(test_escape_table)
{
    const esc_case *c = &esc_cases[_i];
    ann_buf b = ANN_BUF_INIT;
    ck_assert_int_eq(ann_json_string(&b, c->in, c->len), ANN_OK);
    ck_assert_msg(b.len == strlen(c->out) && memcmp(b.data, c->out, b.len) == 0,
                  "case %d: got [%s], expected [%s]", _i, b.data, c->out);
    /* An independent parser reads it back (valid input round-trips). */
    json_error_t err;
    json_t *j = json_loadb(b.data, b.len, JSON_DECODE_ANY | JSON_ALLOW_NUL, &err);
    ck_assert_msg(j != NULL, "case %d: jansson: %s", _i, err.text);
    ck_assert(json_is_string(j));
    if (strstr(c->out, "\xef\xbf\xbd") == NULL) {
        ck_assert_uint_eq(json_string_length(j), c->len);
        ck_assert(memcmp(json_string_value(j), c->in, c->len) == 0);
    }
    json_decref(j);
    ann_buf_free(&b);
}
END_TEST

/* A document with quotes, a newline, a tab and non-ASCII inside spans. */
static const char doc_text[] = "He said \"\xc3\x87"
                               "a va\"\tto G\xc3\xa9rard\non 7 Feb.\n";

static void make_result(ann_result *r, ann_out_span *spans, ann_attr *attrs, ann_link *links,
                        ann_attr *meta, ann_out_plugin *plugins)
{
    memset(r, 0, sizeof *r);
    r->path = "dir/na\"me.txt";
    r->bytes = (const unsigned char *)doc_text;
    r->size = sizeof doc_text - 1;
    ann_sha256_hex(doc_text, r->size, r->sha256);
    r->reader = "text";
    meta[0].key = "reference_date";
    meta[0].value = "2023-02-07";
    r->meta = meta;
    r->n_meta = 1;
    plugins[0].name = "quotes";
    plugins[0].version = "1.0";
    plugins[0].plugin = NULL;
    /* a layer named otherwise than its plugin (rules, ABI 3 set_layer) */
    plugins[1].name = "entities";
    plugins[1].version = "2.0";
    plugins[1].plugin = "rules";
    r->plugins = plugins;
    r->n_plugins = 2;
    /* Ça va" : bytes 9..16 (Ç is 2 bytes) */
    memset(spans, 0, 3 * sizeof *spans);
    spans[0].id = 4;
    spans[0].start = 9;
    spans[0].end = 16;
    spans[0].layer = "quotes";
    spans[0].label = "QUOTE";
    links[0].role = "speaker";
    links[0].target = 9;
    spans[0].links = links;
    spans[0].n_links = 1;
    /* "Gérard\non" crosses a newline */
    spans[1].id = 9;
    spans[1].start = 20;
    spans[1].end = 30;
    spans[1].layer = "entities";
    spans[1].label = "PER";
    attrs[0].key = "norm";
    attrs[0].value = "G\xc3\xa9rard \"G\"";
    spans[1].attrs = attrs;
    spans[1].n_attrs = 1;
    spans[2].id = 10;
    spans[2].start = 0;
    spans[2].end = r->size;
    spans[2].layer = "entities";
    spans[2].label = "ALL";
    r->spans = spans;
    r->n_spans = 3;
}

/* make_result() with the arrays it points into. */
typedef struct result_fixture {
    ann_result r;
    ann_out_span spans[3];
    ann_attr attrs[1], meta[1];
    ann_link links[1];
    ann_out_plugin plugins[2];
} result_fixture;

static void make_fixture(result_fixture *f)
{
    make_result(&f->r, f->spans, f->attrs, f->links, f->meta, f->plugins);
}

START_TEST(test_render_document)
{
    result_fixture f;
    make_fixture(&f);
    ann_result r = f.r;
    const ann_out_span *spans = f.spans;
    for (int one_line = 0; one_line <= 1; one_line++) {
        ann_buf b = ANN_BUF_INIT;
        ck_assert_int_eq(ann_json_render(&r, one_line, &b), ANN_OK);
        ck_assert_msg(b.len > 0 && b.data[b.len - 1] == '\n', "output ends in a newline");
        if (one_line)
            ck_assert_msg(memchr(b.data, '\n', b.len - 1) == NULL, "JSONL is one line");
        json_error_t err;
        json_t *j = json_loadb(b.data, b.len, 0, &err);
        ck_assert_msg(j != NULL, "jansson: %s at %d", err.text, err.position);
        ck_assert_str_eq(json_string_value(json_object_get(j, "schema")), "annotate/1.0");
        json_t *d = json_object_get(j, "document");
        ck_assert_str_eq(json_string_value(json_object_get(d, "path")), "dir/na\"me.txt");
        ck_assert_int_eq(json_integer_value(json_object_get(d, "size")), (json_int_t)r.size);
        ck_assert_str_eq(json_string_value(json_object_get(d, "sha256")), r.sha256);
        ck_assert_str_eq(json_string_value(json_object_get(d, "reader")), "text");
        ck_assert_str_eq(
            json_string_value(json_object_get(json_object_get(j, "meta"), "reference_date")),
            "2023-02-07");
        json_t *pl = json_object_get(j, "plugins");
        ck_assert_uint_eq(json_array_size(pl), 2);
        ck_assert_str_eq(json_string_value(json_object_get(json_array_get(pl, 1), "name")),
                         "entities");
        ck_assert_str_eq(json_string_value(json_object_get(json_array_get(pl, 1), "version")),
                         "2.0");
        ck_assert_str_eq(json_string_value(json_object_get(json_array_get(pl, 1), "plugin")),
                         "rules");
        ck_assert_ptr_null(json_object_get(json_array_get(pl, 0), "plugin"));
        json_t *sp = json_object_get(j, "spans");
        ck_assert_uint_eq(json_array_size(sp), 3);
        for (size_t i = 0; i < 3; i++) {
            json_t *s = json_array_get(sp, i);
            size_t start = (size_t)json_integer_value(json_object_get(s, "start"));
            size_t end = (size_t)json_integer_value(json_object_get(s, "end"));
            ck_assert_uint_eq(start, spans[i].start);
            ck_assert_uint_eq(end, spans[i].end);
            ck_assert_uint_eq(json_integer_value(json_object_get(s, "id")), spans[i].id);
            ck_assert_str_eq(json_string_value(json_object_get(s, "layer")), spans[i].layer);
            ck_assert_str_eq(json_string_value(json_object_get(s, "label")), spans[i].label);
            json_t *t = json_object_get(s, "text");
            /* "text" is exactly the file's bytes at [start, end). */
            ck_assert_uint_eq(json_string_length(t), end - start);
            ck_assert(memcmp(json_string_value(t), doc_text + start, end - start) == 0);
            ck_assert(json_is_object(json_object_get(s, "attrs")));
            ck_assert(json_is_array(json_object_get(s, "links")));
        }
        json_t *q = json_array_get(sp, 0);
        ck_assert_str_eq(json_string_value(json_object_get(q, "text")), "\xc3\x87"
                                                                        "a va\"");
        json_t *l = json_array_get(json_object_get(q, "links"), 0);
        ck_assert_str_eq(json_string_value(json_object_get(l, "role")), "speaker");
        ck_assert_int_eq(json_integer_value(json_object_get(l, "target")), 9);
        json_t *p = json_array_get(sp, 1);
        ck_assert_str_eq(json_string_value(json_object_get(json_object_get(p, "attrs"), "norm")),
                         "G\xc3\xa9rard \"G\"");
        ck_assert_str_eq(json_string_value(json_object_get(p, "text")), "G\xc3\xa9rard\non");
        json_decref(j);
        ann_buf_free(&b);
    }
}
END_TEST

START_TEST(test_render_empty)
{
    ann_result r;
    memset(&r, 0, sizeof r);
    r.path = "empty.txt";
    r.bytes = (const unsigned char *)"";
    r.reader = "text";
    ann_sha256_hex("", 0, r.sha256);
    ann_buf b = ANN_BUF_INIT;
    ck_assert_int_eq(ann_json_render(&r, 1, &b), ANN_OK);
    json_error_t err;
    json_t *j = json_loadb(b.data, b.len, 0, &err);
    ck_assert_msg(j != NULL, "jansson: %s", err.text);
    ck_assert_uint_eq(json_array_size(json_object_get(j, "spans")), 0);
    ck_assert_uint_eq(json_object_size(json_object_get(j, "meta")), 0);
    /* SHA-256 of the empty string (FIPS 180-2 test vector). */
    ck_assert_str_eq(json_string_value(json_object_get(json_object_get(j, "document"), "sha256")),
                     "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    json_decref(j);
    ann_buf_free(&b);
}
END_TEST

/* A layer that failed is named with its reason, escaped like any string;
 * without one the key is absent, so clean output does not change. */
START_TEST(test_render_failed)
{
    result_fixture f;
    make_fixture(&f);
    ann_result r = f.r;
    ann_out_failure failed[2] = {{"entities", "SIGSEGV"},
                                 {"quotes", "needs \"entities\", which failed"}};
    for (size_t n = 0; n <= 2; n++) {
        r.failed = n ? failed : NULL;
        r.n_failed = n;
        ann_buf b = ANN_BUF_INIT;
        ck_assert_int_eq(ann_json_render(&r, 1, &b), ANN_OK);
        json_error_t err;
        json_t *j = json_loadb(b.data, b.len, 0, &err);
        ck_assert_msg(j != NULL, "jansson: %s", err.text);
        json_t *arr = json_object_get(j, "failed");
        if (n == 0) {
            ck_assert_ptr_null(arr);
        } else {
            ck_assert_uint_eq(json_array_size(arr), n);
            for (size_t i = 0; i < n; i++) {
                json_t *o = json_array_get(arr, i);
                ck_assert_uint_eq(json_object_size(o), 2);
                ck_assert_str_eq(json_string_value(json_object_get(o, "plugin")), failed[i].plugin);
                ck_assert_str_eq(json_string_value(json_object_get(o, "reason")), failed[i].reason);
            }
        }
        ck_assert_uint_eq(json_array_size(json_object_get(j, "spans")), 3);
        json_decref(j);
        ann_buf_free(&b);
    }
}
END_TEST

START_TEST(test_sha256_vector)
{
    char hex[65];
    ann_sha256_hex("abc", 3, hex);
    ck_assert_str_eq(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}
END_TEST

/* Offsets are written by hand, not by printf: the edges of the range and
 * each power of ten, against printf's own digits. */
START_TEST(test_put_uint)
{
    static const uint64_t v[] = {0, 9, 10, 99, 100, 4294967295u, 4294967296u,
                                 10000000000000000000u, UINT64_MAX};
    for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
        ann_buf got = ANN_BUF_INIT, want = ANN_BUF_INIT;
        ann_buf_putc(&got, '[');
        ck_assert_int_eq(ann_buf_put_uint(&got, v[i]), ANN_OK);
        ann_buf_putc(&got, ']');
        ann_buf_printf(&want, "[%llu]", (unsigned long long)v[i]);
        ck_assert_str_eq(got.data, want.data);
        ann_buf_free(&got);
        ann_buf_free(&want);
    }
}
END_TEST

START_TEST(test_registry)
{
    ck_assert_ptr_eq(ann_writer_find("json"), &ann_writer_json);
    ck_assert_ptr_eq(ann_writer_find("jsonl"), &ann_writer_jsonl);
    ck_assert_ptr_null(ann_writer_find("xml"));
    ck_assert_ptr_null(ann_writer_find(NULL));
    const ann_writer *w = ann_writer_list();
    size_t n = 0;
    int saw_json = 0;
    while (w[n].name) {
        saw_json |= strcmp(w[n].name, "json") == 0;
        ck_assert_ptr_eq(ann_writer_find(w[n].name)->write, w[n].write);
        n++;
    }
    ck_assert(saw_json);
    ck_assert_uint_ge(n, 2);
}
END_TEST

static Suite *json_suite(void)
{
    Suite *s = suite_create("json");
    TCase *tc = tcase_create("escape");
    tcase_add_loop_test(tc, test_escape_table, 0, (int)(sizeof esc_cases / sizeof esc_cases[0]));
    suite_add_tcase(s, tc);
    tc = tcase_create("render");
    tcase_add_test(tc, test_render_document);
    tcase_add_test(tc, test_render_empty);
    tcase_add_test(tc, test_render_failed);
    tcase_add_test(tc, test_sha256_vector);
    tcase_add_test(tc, test_put_uint);
    tcase_add_test(tc, test_registry);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(json_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
