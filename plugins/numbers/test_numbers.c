/*
 * test_numbers.c -- unit tests of the numbers plugin against the mock host.
 *
 * The phenomenon tables are in test_cases.h: each row lists every span the
 * plugin must emit for a sentence, so a spurious extra span fails the row as
 * surely as a missing one.  Further suites check the exact decimal arithmetic
 * and the bundled corpus (expected spans derived by reading the articles).
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "annotate/plugin.h"
#include "emit_fault.h"
#include "mock_host.h"
#include "num_dec.h"
#include "test_cases.h"

const ann_plugin *ann_plugin_numbers(void);

/* Runs the plugin on text.  Caller frees with mock_doc_free() and
 * mock_plugin_close(). */
static mock_doc *run(const char *text, mock_plugin **pp)
{
    mock_plugin *p = mock_plugin_open(ann_plugin_numbers(), NULL, NULL);
    ck_assert_msg(p != NULL, "open failed: %s", mock_last_error());
    mock_doc *d = mock_doc_new(text);
    ck_assert_ptr_nonnull(d);
    ck_assert_int_eq(mock_doc_run(d, p), ANN_OK);
    ck_assert_msg(mock_doc_refused(d) == 0, "host refused a span: %s", mock_last_error());
    *pp = p;
    return d;
}

/* Text of a span, for messages.  Borrowed until the next call. */
static const char *span_text(mock_doc *d, const ann_span *s)
{
    static char buf[256];
    size_t n = s->end - s->start;
    if (n >= sizeof buf)
        n = sizeof buf - 1;
    memcpy(buf, mock_doc_text(d) + s->start, n);
    buf[n] = '\0';
    return buf;
}

/* Lists all spans of the document into buf, for failure messages. */
static const char *describe(mock_doc *d, char *buf, size_t cap)
{
    size_t n = 0, o = 0;
    const ann_span *sp = mock_doc_spans(d, "numbers", &n);
    buf[0] = '\0';
    for (size_t i = 0; i < n && o < cap; i++) {
        o += (size_t)snprintf(buf + o, cap - o, "[%s|%s", span_text(d, &sp[i]), sp[i].label);
        for (size_t k = 0; k < sp[i].n_attrs && o < cap; k++)
            o += (size_t)snprintf(buf + o, cap - o, " %s=%s", sp[i].attrs[k].key,
                                  sp[i].attrs[k].value);
        if (o < cap)
            o += (size_t)snprintf(buf + o, cap - o, "] ");
    }
    return buf;
}

/* Checks one table row: the exact set of spans and all their attributes. */
static void check_case(const num_case *c)
{
    mock_plugin *p;
    mock_doc *d = run(c->input, &p);
    char got[2048];
    size_t want = 0;
    while (want < 4 && c->spans[want].text)
        want++;
    size_t n = 0;
    mock_doc_spans(d, "numbers", &n);
    ck_assert_msg(n == want, "\"%s\": want %zu spans, got %zu: %s", c->input, want, n,
                  describe(d, got, sizeof got));
    for (size_t i = 0; i < want; i++) {
        const exp_span *e = &c->spans[i];
        const ann_span *s = mock_doc_find_text(d, "numbers", e->text);
        ck_assert_msg(s != NULL, "\"%s\": no span \"%s\"; got %s", c->input, e->text,
                      describe(d, got, sizeof got));
        ck_assert_msg(strcmp(s->label, e->label) == 0, "\"%s\": \"%s\" is %s, want %s", c->input,
                      e->text, s->label, e->label);
        /* attributes: every expected one present and equal, no others */
        char attrs[256];
        snprintf(attrs, sizeof attrs, "%s", e->attrs);
        size_t nexp = 0;
        char *save = NULL;
        for (char *kv = strtok_r(attrs, " ", &save); kv; kv = strtok_r(NULL, " ", &save)) {
            char *eq = strchr(kv, '=');
            ck_assert_ptr_nonnull(eq);
            *eq = '\0';
            const char *v = mock_span_attr(s, kv);
            ck_assert_msg(v != NULL && strcmp(v, eq + 1) == 0, "\"%s\": \"%s\" %s=%s, want %s",
                          c->input, e->text, kv, v ? v : "(none)", eq + 1);
            nexp++;
        }
        ck_assert_msg(s->n_attrs == nexp, "\"%s\": \"%s\" has %zu attributes, want %zu: %s",
                      c->input, e->text, s->n_attrs, nexp, describe(d, got, sizeof got));
    }
    mock_doc_free(d);
    mock_plugin_close(p);
}

#define TABLE_TEST(name, table) \
    START_TEST(test_##name)     \
    {                           \
        check_case(&table[_i]); \
    }                           \
    END_TEST

TABLE_TEST(digits, cases_digits)
TABLE_TEST(words, cases_words)
TABLE_TEST(ordinals, cases_ordinals)
TABLE_TEST(fractions, cases_fractions)
TABLE_TEST(percent, cases_percent)
TABLE_TEST(money, cases_money)
TABLE_TEST(quantity, cases_quantity)
TABLE_TEST(ranges, cases_ranges)
TABLE_TEST(signs, cases_signs)
TABLE_TEST(negative, cases_negative)
TABLE_TEST(spaces, cases_spaces)
TABLE_TEST(wordch, cases_wordch)
TABLE_TEST(frac_words, cases_frac_words)
TABLE_TEST(over, cases_over)
TABLE_TEST(scale_abbr, cases_scale_abbr)
TABLE_TEST(mixed, cases_mixed)
TABLE_TEST(values, cases_values)
TABLE_TEST(ord_more, cases_ord_more)
TABLE_TEST(pct_more, cases_pct_more)
TABLE_TEST(money_more, cases_money_more)
TABLE_TEST(units_more, cases_units_more)
TABLE_TEST(temp, cases_temp)
TABLE_TEST(ages, cases_ages)
TABLE_TEST(nbsp, cases_nbsp)

/* ---- exact decimal arithmetic ------------------------------------------ */

typedef struct dec_case {
    const char *digits; /* integer digits */
    int shift;
    uint32_t mul;
    const char *want;
} dec_case;

static const dec_case dec_cases[] = {
    {"15", -1, 1, "1.5"},
    {"15", 8, 1, "1500000000"},
    {"42", 11, 1, "4200000000000"},
    {"25", -2, 1, "0.25"},
    {"250", -3, 1, "0.25"},
    {"0", 5, 1, "0"},
    {"5", -6, 1, "0.000005"},
    {"123456789012345678901234567890", 0, 1, "123456789012345678901234567890"},
    {"12", 0, 12, "144"},
    {"75", -2, 4, "3"},
};

START_TEST(test_dec)
{
    const dec_case *c = &dec_cases[_i];
    num_dec v;
    num_dec_from_u64(&v, 0);
    for (const char *p = c->digits; *p; p++)
        ck_assert(num_dec_push_digit(&v, *p - '0'));
    ck_assert(num_dec_shift(&v, c->shift));
    ck_assert(num_dec_mul_u32(&v, c->mul));
    char buf[NUM_DEC_TEXT];
    ck_assert(num_dec_format(&v, buf));
    ck_assert_str_eq(buf, c->want);
}
END_TEST

START_TEST(test_dec_add_ratio)
{
    num_dec a, b;
    char buf[NUM_DEC_TEXT];
    bool exact;
    num_dec_from_u64(&a, 1);
    ck_assert(num_dec_ratio(&b, 1, 2, &exact));
    ck_assert(exact);
    ck_assert(num_dec_add(&a, &b));
    ck_assert(num_dec_format(&a, buf));
    ck_assert_str_eq(buf, "1.5");
    ck_assert(num_dec_ratio(&b, 2, 3, &exact));
    ck_assert(!exact);
    ck_assert(num_dec_format(&b, buf));
    ck_assert_str_eq(buf, "0.666667");
    ck_assert(num_dec_ratio(&b, 1, 8, &exact));
    ck_assert(num_dec_format(&b, buf));
    ck_assert_str_eq(buf, "0.125");
    num_dec_from_u64(&a, 999);
    num_dec_from_u64(&b, 1);
    ck_assert(num_dec_add(&a, &b));
    ck_assert(num_dec_format(&a, buf));
    ck_assert_str_eq(buf, "1000");
    ck_assert_int_lt(num_dec_cmp(&b, &a), 0);
    ck_assert_int_gt(num_dec_cmp(&a, &b), 0);
}
END_TEST

/* ---- the bundled corpus ------------------------------------------------ */

typedef struct corpus_span {
    const char *text;
    const char *label;
    const char *value;
} corpus_span;

/* Derived by reading corpus/alliance-mitsubishi.txt, in text order. */
static const corpus_span corpus_mitsubishi[] = {
    {"1999", "CARDINAL", "1999"}, {"2018", "CARDINAL", "2018"}, {"first", "ORDINAL", "1"},
    {"two", "CARDINAL", "2"},     {"2027", "CARDINAL", "2027"}, {"2028", "CARDINAL", "2028"},
    {"30", "CARDINAL", "30"},     {"four", "CARDINAL", "4"},    {"16%", "PERCENT", "16"},
    {"2022", "CARDINAL", "2022"}, {"34%", "PERCENT", "34"},     {"2016", "CARDINAL", "2016"},
    {"one", "CARDINAL", "1"},     {NULL, NULL, NULL},
};

/* Derived by reading corpus/alliance-tokyo.txt ("the early 1990s" is a
 * decade, left to the dates plugin). */
static const corpus_span corpus_tokyo[] = {
    {"first", "ORDINAL", "1"},       {"first", "ORDINAL", "1"},    {"20", "CARDINAL", "20"},
    {"two", "CARDINAL", "2"},        {"2027", "CARDINAL", "2027"}, {"2028", "CARDINAL", "2028"},
    {"three", "CARDINAL", "3"},      {"four", "CARDINAL", "4"},    {"34 percent", "PERCENT", "34"},
    {"2016", "CARDINAL", "2016"},    {"four", "CARDINAL", "4"},    {"16 percent", "PERCENT", "16"},
    {"85,810", "CARDINAL", "85810"}, {"2022", "CARDINAL", "2022"}, {NULL, NULL, NULL},
};

static void check_corpus(const char *name, const corpus_span *want)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", NUM_CORPUS_DIR, name);
    char *text = mock_read_file(path, NULL);
    ck_assert_msg(text != NULL, "cannot read %s", path);
    mock_plugin *p;
    mock_doc *d = run(text, &p);
    size_t n = 0, nw = 0;
    const ann_span *sp = mock_doc_spans(d, "numbers", &n);
    char got[4096];
    while (want[nw].text)
        nw++;
    ck_assert_msg(n == nw, "%s: want %zu spans, got %zu: %s", name, nw, n,
                  describe(d, got, sizeof got));
    for (size_t i = 0; i < n; i++) {
        const char *t = span_text(d, &sp[i]);
        ck_assert_msg(strcmp(t, want[i].text) == 0, "%s: span %zu is \"%s\", want \"%s\"", name, i,
                      t, want[i].text);
        ck_assert_str_eq(sp[i].label, want[i].label);
        const char *v = mock_span_attr(&sp[i], "value");
        ck_assert_msg(v && strcmp(v, want[i].value) == 0, "%s: \"%s\" value %s, want %s", name, t,
                      v ? v : "(none)", want[i].value);
    }
    mock_doc_free(d);
    mock_plugin_close(p);
    free(text);
}

START_TEST(test_corpus_mitsubishi)
{
    check_corpus("alliance-mitsubishi.txt", corpus_mitsubishi);
}
END_TEST

START_TEST(test_corpus_tokyo)
{
    check_corpus("alliance-tokyo.txt", corpus_tokyo);
}
END_TEST

/* Offsets are bytes and spans never cut a UTF-8 character: text around
 * multi-byte characters. */
START_TEST(test_offsets_utf8)
{
    mock_plugin *p;
    mock_doc *d = run("Caf\xc3\xa9 \xe2\x80\x9c"
                      "12\xe2\x80\x9d and \xe2\x82\xac"
                      "5",
                      &p);
    const ann_span *s = mock_doc_find_text(d, "numbers", "12");
    ck_assert_ptr_nonnull(s);
    ck_assert_uint_eq(s->start, 9);
    s = mock_doc_find_text(d, "numbers",
                           "\xe2\x82\xac"
                           "5");
    ck_assert_ptr_nonnull(s);
    ck_assert_str_eq(s->label, "MONEY");
    mock_doc_free(d);
    mock_plugin_close(p);
}
END_TEST

/* What the host answers to emit_v2(): a refused span is reported by the
 * host and the scan goes on; out of memory stops it with ANN_ENOMEM. */
START_TEST(test_emit_answers)
{
    emit_fault_check_answers(ann_plugin_numbers(), NULL, "We saw 3 cats, 4 dogs and 5 birds.", NULL,
                             3);
}
END_TEST

/* Empty and number-only documents, and text ending inside an expression. */
START_TEST(test_edges)
{
    static const char *const texts[] = {"",   "5",  "$",      "-", "one and a", "between 5 and",
                                        "1,", "3.", "twenty-"};
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        mock_plugin *p;
        mock_doc *d = run(texts[i], &p);
        mock_doc_free(d);
        mock_plugin_close(p);
    }
}
END_TEST

#define N(a) (int)(sizeof(a) / sizeof((a)[0]))

static Suite *numbers_suite(void)
{
    Suite *s = suite_create("numbers");
    struct {
        const char *name;
        const TTest *fn;
        int n;
    } groups[] = {
        {"digits", test_digits, N(cases_digits)},
        {"words", test_words, N(cases_words)},
        {"ordinals", test_ordinals, N(cases_ordinals)},
        {"fractions", test_fractions, N(cases_fractions)},
        {"percent", test_percent, N(cases_percent)},
        {"money", test_money, N(cases_money)},
        {"quantity", test_quantity, N(cases_quantity)},
        {"ranges", test_ranges, N(cases_ranges)},
        {"signs", test_signs, N(cases_signs)},
        {"negative", test_negative, N(cases_negative)},
        {"spaces", test_spaces, N(cases_spaces)},
        {"wordch", test_wordch, N(cases_wordch)},
        {"frac_words", test_frac_words, N(cases_frac_words)},
        {"over", test_over, N(cases_over)},
        {"scale_abbr", test_scale_abbr, N(cases_scale_abbr)},
        {"mixed", test_mixed, N(cases_mixed)},
        {"values", test_values, N(cases_values)},
        {"ord_more", test_ord_more, N(cases_ord_more)},
        {"pct_more", test_pct_more, N(cases_pct_more)},
        {"money_more", test_money_more, N(cases_money_more)},
        {"units_more", test_units_more, N(cases_units_more)},
        {"temp", test_temp, N(cases_temp)},
        {"ages", test_ages, N(cases_ages)},
        {"nbsp", test_nbsp, N(cases_nbsp)},
    };
    for (size_t i = 0; i < sizeof groups / sizeof groups[0]; i++) {
        TCase *tc = tcase_create(groups[i].name);
        tcase_add_loop_test(tc, groups[i].fn, 0, groups[i].n);
        suite_add_tcase(s, tc);
    }
    TCase *tc = tcase_create("decimal");
    tcase_add_loop_test(tc, test_dec, 0, N(dec_cases));
    tcase_add_test(tc, test_dec_add_ratio);
    suite_add_tcase(s, tc);
    tc = tcase_create("corpus");
    tcase_add_test(tc, test_corpus_mitsubishi);
    tcase_add_test(tc, test_corpus_tokyo);
    tcase_add_test(tc, test_offsets_utf8);
    tcase_add_test(tc, test_edges);
    tcase_add_test(tc, test_emit_answers);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(numbers_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
