/*
 * test_common.c -- unit tests of the shared English word tables.
 *
 * The plugins build hash tables from these lists and refuse a word listed
 * twice, so the tests check what they rely on: lower-case ASCII words, no
 * word twice in a table, values that agree with the words' roles, and
 * complete calendars.  The value rows are written from English.
 */
#include <check.h>
#include <string.h>

#include "an_spares.h"
#include "en_calendar.h"
#include "en_cardinals.h"
#include "en_ordinals.h"

/* Whether w is non-empty lower-case ASCII (letters only). */
static int lower_word(const char *w)
{
    if (!*w)
        return 0;
    for (; *w; w++)
        if (*w < 'a' || *w > 'z')
            return 0;
    return 1;
}

START_TEST(cardinals_are_lowercase_and_unique)
{
    size_t n;
    const en_number_word *c = en_cardinals(&n);
    ck_assert_uint_gt(n, 0);
    for (size_t i = 0; i < n; i++) {
        ck_assert_msg(lower_word(c[i].word), "bad word %s", c[i].word);
        for (size_t j = i + 1; j < n; j++)
            ck_assert_str_ne(c[i].word, c[j].word);
    }
}
END_TEST

/* A word's value and kind: a row of the expected values. */
typedef struct value_case {
    const char *word;
    uint64_t value;
    uint8_t kind;
    int ordinal; /* looked up in en_ordinals, else in en_cardinals */
} value_case;

static const value_case k_value_cases[] = {
    {"zero", 0, EN_NUM_ZERO, 0},           {"seven", 7, EN_NUM_UNIT, 0},
    {"ten", 10, EN_NUM_TEEN, 0},           {"nineteen", 19, EN_NUM_TEEN, 0},
    {"forty", 40, EN_NUM_TENS, 0},         {"hundred", 100, EN_NUM_HUNDRED, 0},
    {"million", 1000000, EN_NUM_SCALE, 0}, {"trillion", 1000000000000ull, EN_NUM_SCALE, 0},
    {"dozen", 12, EN_NUM_DOZEN, 0},        {"first", 1, EN_NUM_UNIT, 1},
    {"second", 2, EN_NUM_UNIT, 1},         {"twelfth", 12, EN_NUM_TEEN, 1},
    {"thirtieth", 30, EN_NUM_TENS, 1},     {"hundredth", 100, EN_NUM_HUNDRED, 1},
    {"thousandth", 1000, EN_NUM_SCALE, 1},
};

START_TEST(word_values)
{
    const value_case *v = &k_value_cases[_i];
    size_t nc, no;
    const en_number_word *c = en_cardinals(&nc);
    const en_ordinal_word *o = en_ordinals(&no);
    size_t n = v->ordinal ? no : nc;
    size_t i = 0;
    while (i < n && strcmp(v->ordinal ? o[i].word : c[i].word, v->word) != 0)
        i++;
    ck_assert_msg(i < n, "%s missing", v->word);
    ck_assert_uint_eq(v->ordinal ? o[i].value : c[i].value, v->value);
    ck_assert_uint_eq(v->ordinal ? o[i].kind : c[i].kind, v->kind);
}
END_TEST

START_TEST(ordinals_increase_and_are_unique)
{
    size_t n;
    const en_ordinal_word *o = en_ordinals(&n);
    for (size_t i = 0; i < n; i++) {
        ck_assert_msg(lower_word(o[i].word), "bad word %s", o[i].word);
        if (i > 0)
            ck_assert_uint_gt(o[i].value, o[i - 1].value);
    }
}
END_TEST

/* The numbers plugin multiplies by the power of ten of a scale word. */
START_TEST(scale_words_are_powers_of_ten)
{
    ck_assert_uint_eq(en_power_of_ten(1000), 3);
    ck_assert_uint_eq(en_power_of_ten(1000000000000ull), 12);
    ck_assert_uint_eq(en_power_of_ten(1), 0);
    ck_assert_uint_eq(en_power_of_ten(12), 0);
    ck_assert_uint_eq(en_power_of_ten(2000), 0);
    size_t n;
    const en_number_word *c = en_cardinals(&n);
    for (size_t i = 0; i < n; i++)
        if (c[i].kind == EN_NUM_SCALE)
            ck_assert_uint_gt(en_power_of_ten(c[i].value), 0);
}
END_TEST

START_TEST(every_month_has_a_full_name)
{
    size_t n;
    const en_month_name *m = en_months(&n);
    int full[13] = {0};
    for (size_t i = 0; i < n; i++) {
        ck_assert_msg(lower_word(m[i].word), "bad word %s", m[i].word);
        ck_assert_int_ge(m[i].month, 1);
        ck_assert_int_le(m[i].month, 12);
        if (!m[i].abbrev)
            full[m[i].month]++;
        for (size_t j = i + 1; j < n; j++)
            ck_assert_str_ne(m[i].word, m[j].word);
    }
    for (int k = 1; k <= 12; k++)
        ck_assert_int_eq(full[k], 1);
}
END_TEST

START_TEST(weekdays_from_monday)
{
    size_t n;
    const en_weekday_name *w = en_weekdays(&n);
    ck_assert_uint_eq(n, 7);
    ck_assert_str_eq(w[0].word, "monday");
    ck_assert_str_eq(w[6].plural, "sundays");
    for (size_t i = 0; i < n; i++) {
        ck_assert_int_eq(w[i].day, (int)i + 1);
        size_t l = strlen(w[i].word);
        ck_assert_uint_eq(strlen(w[i].plural), l + 1);
        ck_assert_int_eq(strncmp(w[i].word, w[i].plural, l), 0);
    }
}
END_TEST

/* A plugin's spares: what is given back is taken again, never twice; a
 * full set of slots refuses (the caller frees), and the slot count asked
 * for is the limit, not the array's size. */
START_TEST(spares_keep_what_is_given_back)
{
    an_spares s;
    an_spares_init(&s, 2);
    int a, b, c;
    ck_assert_ptr_null(an_spares_take(&s));
    ck_assert_int_eq(an_spares_give(&s, &a), 1);
    ck_assert_int_eq(an_spares_give(&s, &b), 1);
    ck_assert_int_eq(an_spares_give(&s, &c), 0); /* two slots only */
    void *x = an_spares_take(&s), *y = an_spares_take(&s);
    ck_assert_ptr_nonnull(x);
    ck_assert_ptr_nonnull(y);
    ck_assert_ptr_ne(x, y);
    ck_assert((x == &a || x == &b) && (y == &a || y == &b));
    ck_assert_ptr_null(an_spares_take(&s));
    ck_assert_int_eq(an_spares_give(&s, &c), 1);
    ck_assert_ptr_eq(an_spares_drain(&s), &c);
    ck_assert_ptr_null(an_spares_drain(&s));
    an_spares_init(&s, 2 * AN_SPARES_MAX); /* capped at the array */
    ck_assert_uint_eq(s.n, AN_SPARES_MAX);
}
END_TEST

static Suite *common_suite(void)
{
    Suite *s = suite_create("common");
    TCase *tc = tcase_create("tables");
    tcase_add_test(tc, cardinals_are_lowercase_and_unique);
    tcase_add_loop_test(tc, word_values, 0, (int)(sizeof k_value_cases / sizeof k_value_cases[0]));
    tcase_add_test(tc, ordinals_increase_and_are_unique);
    tcase_add_test(tc, scale_words_are_powers_of_ten);
    tcase_add_test(tc, every_month_has_a_full_name);
    tcase_add_test(tc, weekdays_from_monday);
    tcase_add_test(tc, spares_keep_what_is_given_back);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(common_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? 0 : 1;
}
