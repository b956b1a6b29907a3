/*
 * test_dt_work.c -- the dates plugin's own per-document arrays (dt_work.c)
 * and the tokenizer that fills them (dt_lex.c): growing, the pool of spare
 * sets between documents and threads, and that a document's spans never
 * depend on the documents the plugin saw before it.  The tokenizer cases
 * are the places its fast paths end: the last sixteen bytes of a text,
 * words of eight and of more than sixteen letters, a token across the
 * 1,024-byte stretch between checks of the arrays' room, and words that
 * share their first four letters (the key a token keeps) with a word the
 * rules look for.
 */
#include <check.h>
#include <pthread.h>
#include <sched.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "annotate/plugin.h"
#include "dt_work.h"
#include "mock/mock_host.h"

const ann_plugin *ann_plugin_dates(void);

#define REF "2023-02-07"

/* ---- dt_work_grow ------------------------------------------------------------------------ */

START_TEST(test_grow_keeps_and_doubles)
{
    size_t cap = 0;
    int *a = dt_work_grow(NULL, &cap, 10, sizeof *a);
    ck_assert_ptr_nonnull(a);
    ck_assert_uint_ge(cap, 10);
    for (int i = 0; i < 10; i++)
        a[i] = i * 7;
    size_t old = cap;
    int *same = dt_work_grow(a, &cap, old, sizeof *a);
    ck_assert_ptr_eq(same, a); /* room enough: the same array */
    ck_assert_uint_eq(cap, old);
    int *b = dt_work_grow(a, &cap, old + 1, sizeof *b);
    ck_assert_ptr_nonnull(b);
    ck_assert_uint_ge(cap, 2 * old); /* at least doubled */
    for (int i = 0; i < 10; i++)
        ck_assert_int_eq(b[i], i * 7); /* the kept elements */
    size_t before = cap;
    ck_assert_ptr_null(dt_work_grow(b, &cap, SIZE_MAX / 2, sizeof *b));
    ck_assert_uint_eq(cap, before); /* a failed growth changes nothing */
    ck_assert_int_eq(b[9], 63);
    free(b);
}
END_TEST

/* ---- dt_format_ymd: what snprintf("%04d-%02d-%02d") writes ---------------------------- */

START_TEST(test_format_ymd)
{
    static const dt_ymd days[] = {{2023, 2, 7}, {1999, 12, 31}, {0, 1, 1},     {9999, 9, 9},
                                  {10000, 1, 1}, {-5, 3, 4},    {2023, 100, 1}, {987, 7, 30}};
    for (size_t i = 0; i < sizeof days / sizeof days[0]; i++) {
        for (size_t cap = 1; cap <= 16; cap++) {
            char got[16], want[16];
            memset(got, '#', sizeof got);
            memset(want, '#', sizeof want);
            dt_format_ymd(got, cap, days[i]);
            snprintf(want, cap, "%04d-%02d-%02d", days[i].y, days[i].m, days[i].d);
            ck_assert_msg(memcmp(got, want, sizeof got) == 0, "%d-%d-%d in %zu bytes: %.*s",
                          days[i].y, days[i].m, days[i].d, cap, (int)cap, got);
        }
    }
}
END_TEST

/* ---- the pool ---------------------------------------------------------------------------- */

START_TEST(test_pool_hands_back_the_same_set)
{
    dt_pool p;
    dt_pool_init(&p);
    dt_work *w = dt_pool_take(&p);
    ck_assert_ptr_nonnull(w);
    ck_assert_uint_eq(w->tok_cap, 0); /* a new set is empty */
    w->toks = dt_work_grow(w->toks, &w->tok_cap, 100, sizeof *w->toks);
    ck_assert_ptr_nonnull(w->toks);
    dt_pool_give(&p, w);
    dt_work *again = dt_pool_take(&p);
    ck_assert_ptr_eq(again, w);
    ck_assert_uint_ge(again->tok_cap, 100); /* kept, not cleared */
    /* a second set while the first is out is another one */
    dt_work *other = dt_pool_take(&p);
    ck_assert_ptr_nonnull(other);
    ck_assert_ptr_ne(other, again);
    dt_pool_give(&p, again);
    dt_pool_give(&p, other);
    dt_pool_give(&p, NULL); /* ignored */
    dt_pool_free(&p);
}
END_TEST

START_TEST(test_pool_sheds_large_arrays)
{
    dt_pool p;
    dt_pool_init(&p);
    dt_work *w = dt_pool_take(&p);
    size_t big = DT_WORK_KEEP / sizeof *w->toks + 1;
    w->toks = dt_work_grow(w->toks, &w->tok_cap, big, sizeof *w->toks);
    w->trig = dt_work_grow(w->trig, &w->trig_cap, 16, sizeof *w->trig);
    ck_assert_ptr_nonnull(w->toks);
    ck_assert_ptr_nonnull(w->trig);
    dt_pool_give(&p, w);
    dt_work *again = dt_pool_take(&p);
    ck_assert_ptr_eq(again, w);
    ck_assert_ptr_null(again->toks); /* one large document pins nothing */
    ck_assert_uint_eq(again->tok_cap, 0);
    ck_assert_ptr_nonnull(again->trig); /* a small array stays */
    dt_pool_give(&p, again);
    dt_pool_free(&p);
}
END_TEST

/* More sets given back than the pool has slots: the extra ones are freed
 * (the sanitizer build sees a leak otherwise). */
START_TEST(test_pool_more_sets_than_slots)
{
    dt_pool p;
    dt_pool_init(&p);
    dt_work *w[DT_POOL_SLOTS + 3];
    for (size_t i = 0; i < sizeof w / sizeof w[0]; i++) {
        w[i] = dt_pool_take(&p);
        ck_assert_ptr_nonnull(w[i]);
    }
    for (size_t i = 0; i < sizeof w / sizeof w[0]; i++)
        dt_pool_give(&p, w[i]);
    dt_pool_free(&p);
}
END_TEST

typedef struct pool_run {
    dt_pool *pool;
    uint32_t id;
    int clashes;
} pool_run;

/* Takes a set, marks it as this thread's, lets the others run and checks
 * that the mark is still there: two threads never hold the same set. */
static void *pool_worker(void *arg)
{
    pool_run *r = arg;
    for (int k = 0; k < 2000; k++) {
        dt_work *w = dt_pool_take(r->pool);
        if (!w)
            continue;
        uint32_t *t = dt_work_grow(w->trig, &w->trig_cap, 1, sizeof *w->trig);
        if (!t) {
            dt_pool_give(r->pool, w);
            continue;
        }
        w->trig = t;
        w->trig[0] = r->id;
        sched_yield();
        if (w->trig[0] != r->id)
            r->clashes++;
        dt_pool_give(r->pool, w);
    }
    return NULL;
}

START_TEST(test_pool_threads)
{
    dt_pool p;
    dt_pool_init(&p);
    enum { N = 4 };
    pthread_t th[N];
    pool_run runs[N];
    for (uint32_t i = 0; i < N; i++) {
        runs[i] = (pool_run){&p, i + 1, 0};
        ck_assert_int_eq(pthread_create(&th[i], NULL, pool_worker, &runs[i]), 0);
    }
    for (int i = 0; i < N; i++) {
        pthread_join(th[i], NULL);
        ck_assert_int_eq(runs[i].clashes, 0);
    }
    dt_pool_free(&p);
}
END_TEST

/* ---- documents through the plugin -------------------------------------------------------- */

/* The spans of text as "start-end LABEL value;" lines; caller frees. */
static char *spans_of(mock_plugin *p, const char *text)
{
    mock_doc *d = mock_doc_new(text);
    ck_assert_ptr_nonnull(d);
    mock_doc_set_reference_date(d, REF);
    ck_assert_int_eq(mock_doc_run(d, p), ANN_OK);
    size_t n = 0;
    const ann_span *sp = mock_doc_spans(d, "dates", &n);
    size_t cap = 64 + n * 96, len = 0;
    char *out = malloc(cap);
    ck_assert_ptr_nonnull(out);
    out[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        const char *v = mock_span_attr(&sp[i], "value");
        int w = snprintf(out + len, cap - len, "%u-%u %s %s;", sp[i].start, sp[i].end,
                         sp[i].label, v ? v : "-");
        ck_assert(w > 0 && (size_t)w < cap - len);
        len += (size_t)w;
    }
    mock_doc_free(d);
    return out;
}

/* The spans of text from a plugin that saw no document before. */
static char *fresh_spans(const char *text)
{
    mock_plugin *p = mock_plugin_open(ann_plugin_dates(), NULL, NULL);
    ck_assert_ptr_nonnull(p);
    char *s = spans_of(p, text);
    mock_plugin_close(p);
    return s;
}

/* A long text of many expressions: its tokens, triggers and hits grow the
 * arrays far beyond what the short one needs.  Caller frees. */
static char *long_text(void)
{
    static const char *const piece[] = {
        "On March 3, 2021 the board met. ",   "Sales rose 4% in the third quarter. ",
        "Two years ago it was closed. ",      "He left on Monday and came back in 1998-2001. ",
        "Every week, about 3 days later, ", "the 1980s-90s and April 24 and 25, 1999. "};
    size_t cap = 200 * 64, len = 0;
    char *t = malloc(cap);
    ck_assert_ptr_nonnull(t);
    for (int k = 0; k < 200; k++) {
        const char *s = piece[k % 6];
        size_t n = strlen(s);
        ck_assert_uint_lt(len + n, cap);
        memcpy(t + len, s, n);
        len += n;
    }
    t[len] = '\0';
    return t;
}

/* The arrays are reused between documents without being cleared: what a
 * long document left in them must not change a short one's spans, in
 * either order. */
START_TEST(test_documents_independent)
{
    static const char *const shorts[] = {
        "It rose the previous week.",
        "Between 3 and 5 years later, on April 24 and 25, 1999, it closed.",
        "Sales rose on March 3",
        "",
    };
    char *big = long_text();
    mock_plugin *p = mock_plugin_open(ann_plugin_dates(), NULL, NULL);
    ck_assert_ptr_nonnull(p);
    char *big_fresh = fresh_spans(big);
    ck_assert_uint_gt(strlen(big_fresh), 64 * 20); /* well over 64 spans */
    for (size_t i = 0; i < sizeof shorts / sizeof shorts[0]; i++) {
        char *want = fresh_spans(shorts[i]);
        free(spans_of(p, big));
        char *after_big = spans_of(p, shorts[i]);
        ck_assert_str_eq(after_big, want);
        char *big_again = spans_of(p, big);
        ck_assert_str_eq(big_again, big_fresh);
        free(want);
        free(after_big);
        free(big_again);
    }
    free(big_fresh);
    mock_plugin_close(p);
    free(big);
}
END_TEST

typedef struct span_case {
    const char *text;
    const char *spans; /* spans_of()'s answer */
} span_case;

/* Where the tokenizer's fast paths end, and words that share the first
 * eight letters of a word the rules look for ("previously" is not
 * "previous"). */
static const span_case k_lex_cases[] = {
    /* the last sixteen bytes: a word and a number at the very end */
    {"Sales rose on March 3", "14-21 DATE 2023-03-03;"},
    {"It closed in March", "13-18 DATE 2023-03;"},
    {"Today", "0-5 DATE 2023-02-07;"},
    /* a word of more than sixteen letters before a date */
    {"Counterrevolutionaries met on March 3, 2021.", "30-43 DATE 2021-03-03;"},
    {"ABCDEFGHIJKLMNOPQRSTUVWXYZ March 3, 2021", "27-40 DATE 2021-03-03;"},
    /* four letters and more: the key holds the first four only */
    {"It rose the previous week.", "8-25 DATE 2023-W05;"},
    {"It rose previously week.", ""},
    {"It rose previouss week.", ""},
    {"It closed last week.", "10-19 DATE 2023-W05;"},
    {"It closed lasts week.", ""},
    {"It closed las week.", ""},
    {"It fell approximately three years ago.", "8-37 DATE 2020;"},
    {"It fell approximatelyy three years ago.", "23-38 DATE 2020;"},
    /* case: keys are lowercase */
    {"It was MONDAY and the Nineties.", "7-13 DATE 2023-02-06;18-30 DATE 199;"},
    /* a non-breaking space between the words of a date */
    {"It opened on 3\u00a0March\u00a02021.", "13-27 DATE 2021-03-03;"},
};

START_TEST(test_lex_edges)
{
    const span_case *k = &k_lex_cases[_i];
    char *got = fresh_spans(k->text);
    ck_assert_msg(strcmp(got, k->spans) == 0, "\"%s\": got \"%s\", want \"%s\"", k->text, got,
                  k->spans);
    free(got);
}
END_TEST

/* A date across byte 1,024, where the tokenizer checks the arrays' room
 * again, and one just before and after it. */
START_TEST(test_stretch_boundary)
{
    for (size_t pad = 1008; pad <= 1030; pad++) {
        char text[1100];
        memset(text, 'x', pad);
        for (size_t q = 5; q < pad; q += 6)
            text[q] = ' ';
        text[pad - 1] = ' ';
        strcpy(text + pad, "March 3, 2021 ends");
        char *got = fresh_spans(text);
        char want[64];
        snprintf(want, sizeof want, "%zu-%zu DATE 2021-03-03;", pad, pad + 13);
        ck_assert_msg(strcmp(got, want) == 0, "pad %zu: got \"%s\"", pad, got);
        free(got);
    }
}
END_TEST

static Suite *dt_work_suite(void)
{
    Suite *s = suite_create("dates_work");
    TCase *w = tcase_create("work");
    tcase_add_test(w, test_grow_keeps_and_doubles);
    tcase_add_test(w, test_format_ymd);
    tcase_add_test(w, test_pool_hands_back_the_same_set);
    tcase_add_test(w, test_pool_sheds_large_arrays);
    tcase_add_test(w, test_pool_more_sets_than_slots);
    tcase_add_test(w, test_pool_threads);
    suite_add_tcase(s, w);
    TCase *d = tcase_create("documents");
    tcase_add_test(d, test_documents_independent);
    tcase_add_loop_test(d, test_lex_edges, 0, (int)(sizeof k_lex_cases / sizeof k_lex_cases[0]));
    tcase_add_test(d, test_stretch_boundary);
    suite_add_tcase(s, d);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(dt_work_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
