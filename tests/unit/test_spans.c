/*
 * test_spans.c -- the span store, emit validation and the merge, written
 * from issue 2 and DESIGN.md ("Spans and the merge"):
 *   order: start ascending, longer first, then layer (plugin) order, label;
 *   exact duplicates dropped; default policy drops a numbers span inside a
 *   dates span labelled DATE, TIME, DURATION or SET; --merge all keeps all.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "spans/merge.h"
#include "spans/store.h"
#include "spans/validate.h"
#include "util/arena.h"

/* ---- merge ------------------------------------------------------------- */

typedef struct m_in {
    unsigned id;
    size_t start, end;
    const char *layer; /* rank: numbers 0, dates 1, entities 2 */
    const char *label;
    const char *attr; /* value of attribute "v", or NULL for none */
} m_in;

static size_t rank_of(const char *layer)
{
    if (strcmp(layer, "numbers") == 0)
        return 0;
    if (strcmp(layer, "dates") == 0)
        return 1;
    return 2;
}

/* The rule dates declares (subsumes = {"numbers"}): rank 1 takes rank 0. */
static const unsigned char test_subsumes[16] = {[1 * 4 + 0] = 1};
static const ann_merge_rules test_rules = {4, test_subsumes};

typedef struct m_case {
    const char *name;
    ann_merge_policy policy;
    m_in in[8];
    size_t n_in;
    unsigned expect[8]; /* ids in output order */
    size_t n_expect;
} m_case;

static const m_case merge_cases[] = {
    {"order: start, longer first, layer order, label",
     ANN_MERGE_ALL,
     {{1, 10, 12, "entities", "PER", NULL},
      {2, 0, 4, "dates", "DATE", NULL},
      {3, 0, 9, "entities", "ORG", NULL},
      {4, 0, 4, "numbers", "CARDINAL", NULL},
      {5, 10, 12, "entities", "LOC", NULL}},
     5,
     {3, 4, 2, 5, 1},
     5},
    {"exact duplicate dropped, lowest id kept",
     ANN_MERGE_ALL,
     {{7, 3, 8, "entities", "ORG", NULL},
      {2, 3, 8, "entities", "ORG", NULL},
      {5, 3, 8, "entities", "ORG", NULL}},
     3,
     {2},
     1},
    {"same extent, other label or layer or attrs: kept",
     ANN_MERGE_ALL,
     {{1, 3, 8, "entities", "ORG", NULL},
      {2, 3, 8, "entities", "PER", NULL},
      {3, 3, 8, "dates", "ORG", NULL},
      {4, 3, 8, "entities", "ORG", "x"}},
     4,
     {3, 1, 4, 2},
     4},
    {"default: number inside DATE dropped",
     ANN_MERGE_DEFAULT,
     {{1, 0, 16, "dates", "DATE", NULL},
      {2, 9, 11, "numbers", "CARDINAL", NULL},
      {3, 12, 16, "numbers", "CARDINAL", NULL}},
     3,
     {1},
     1},
    {"default: inside TIME, DURATION and SET dropped too",
     ANN_MERGE_DEFAULT,
     {{1, 0, 5, "dates", "TIME", NULL},
      {2, 0, 1, "numbers", "CARDINAL", NULL},
      {3, 10, 17, "dates", "DURATION", NULL},
      {4, 10, 11, "numbers", "CARDINAL", NULL},
      {5, 20, 30, "dates", "SET", NULL},
      {6, 25, 30, "numbers", "CARDINAL", NULL}},
     6,
     {1, 3, 5},
     3},
    {"default: same extent as the date: dropped",
     ANN_MERGE_DEFAULT,
     {{1, 4, 8, "numbers", "CARDINAL", NULL}, {2, 4, 8, "dates", "DATE", NULL}},
     2,
     {2},
     1},
    {"default: partial overlap and layers without the rule kept",
     ANN_MERGE_DEFAULT,
     {{1, 0, 10, "dates", "DATE", NULL},
      {2, 8, 14, "numbers", "CARDINAL", NULL},
      {3, 20, 30, "quotes", "QUOTE", NULL},
      {4, 22, 24, "numbers", "CARDINAL", NULL},
      {5, 40, 50, "entities", "DATE", NULL},
      {6, 42, 44, "numbers", "CARDINAL", NULL}},
     6,
     {1, 2, 3, 4, 5, 6},
     6},
    {"default: a long earlier date still covers",
     ANN_MERGE_DEFAULT,
     {{1, 0, 100, "dates", "DATE", NULL},
      {2, 5, 10, "dates", "DATE", NULL},
      {3, 50, 60, "numbers", "CARDINAL", NULL}},
     3,
     {1, 2},
     2},
    {"all: numbers inside dates kept",
     ANN_MERGE_ALL,
     {{1, 0, 16, "dates", "DATE", NULL}, {2, 9, 11, "numbers", "CARDINAL", NULL}},
     2,
     {1, 2},
     2},
};

START_TEST(test_merge_table)
{
    const m_case *c = &merge_cases[_i];
    ann_arena arena = ANN_ARENA_INIT;
    ann_merge_item items[8];
    ann_attr attrs[8];
    memset(items, 0, sizeof items);
    for (size_t i = 0; i < c->n_in; i++) {
        items[i].span.id = c->in[i].id;
        items[i].span.start = c->in[i].start;
        items[i].span.end = c->in[i].end;
        items[i].span.layer = c->in[i].layer;
        items[i].span.label = c->in[i].label;
        if (c->in[i].attr) {
            attrs[i].key = "v";
            attrs[i].value = c->in[i].attr;
            items[i].span.attrs = &attrs[i];
            items[i].span.n_attrs = 1;
        }
        items[i].rank = rank_of(c->in[i].layer);
    }
    size_t n = 99;
    ck_assert_int_eq(ann_merge(items, c->n_in, c->policy, &test_rules, &arena, &n), ANN_OK);
    ck_assert_msg(n == c->n_expect, "%s: %zu spans, expected %zu", c->name, n, c->n_expect);
    for (size_t i = 0; i < n; i++)
        ck_assert_msg(items[i].span.id == c->expect[i], "%s: position %zu has id %u, expected %u",
                      c->name, i, items[i].span.id, c->expect[i]);
    ann_arena_free(&arena);
}
END_TEST

START_TEST(test_merge_is_deterministic)
{
    /* Any input order gives the same output. */
    static const m_in in[] = {{1, 5, 9, "entities", "ORG", NULL},
                              {2, 5, 9, "numbers", "CARDINAL", NULL},
                              {3, 0, 20, "dates", "DATE", NULL},
                              {4, 5, 12, "entities", "PER", NULL}};
    unsigned first[4] = {0};
    for (unsigned rot = 0; rot < 4; rot++) {
        ann_arena arena = ANN_ARENA_INIT;
        ann_merge_item items[4];
        memset(items, 0, sizeof items);
        for (unsigned i = 0; i < 4; i++) {
            const m_in *s = &in[(i + rot) % 4];
            items[i].span.id = s->id;
            items[i].span.start = s->start;
            items[i].span.end = s->end;
            items[i].span.layer = s->layer;
            items[i].span.label = s->label;
            items[i].rank = rank_of(s->layer);
        }
        size_t n;
        ck_assert_int_eq(ann_merge(items, 4, ANN_MERGE_ALL, &test_rules, &arena, &n), ANN_OK);
        ck_assert_uint_eq(n, 4);
        for (unsigned i = 0; i < 4; i++) {
            if (rot == 0)
                first[i] = items[i].span.id;
            else
                ck_assert_uint_eq(items[i].span.id, first[i]);
        }
        ann_arena_free(&arena);
    }
    ck_assert_uint_eq(first[0], 3);
}
END_TEST

START_TEST(test_merge_links)
{
    /* Span 4 links to 2 (a duplicate of 1) and to 3 (a number the default
     * policy drops): the first link now names 1, the second is gone. */
    ann_arena arena = ANN_ARENA_INIT;
    ann_link links[2] = {{"dup", 2}, {"num", 3}};
    ann_merge_item items[5];
    memset(items, 0, sizeof items);
    const struct {
        unsigned id;
        size_t s, e;
        const char *layer, *label;
    } in[] = {{1, 0, 4, "entities", "PER"},
              {2, 0, 4, "entities", "PER"},
              {3, 10, 12, "numbers", "CARDINAL"},
              {4, 20, 30, "quotes", "QUOTE"},
              {5, 8, 15, "dates", "DATE"}};
    for (size_t i = 0; i < 5; i++) {
        items[i].span.id = in[i].id;
        items[i].span.start = in[i].s;
        items[i].span.end = in[i].e;
        items[i].span.layer = in[i].layer;
        items[i].span.label = in[i].label;
        items[i].rank = i == 2 ? 0 : i == 4 ? 1 : i == 3 ? 3 : 2;
    }
    items[3].span.links = links;
    items[3].span.n_links = 2;
    size_t n;
    ck_assert_int_eq(ann_merge(items, 5, ANN_MERGE_DEFAULT, &test_rules, &arena, &n), ANN_OK);
    ck_assert_uint_eq(n, 3);
    const ann_out_span *q = NULL;
    for (size_t i = 0; i < n; i++)
        if (items[i].span.id == 4)
            q = &items[i].span;
    ck_assert_ptr_nonnull(q);
    ck_assert_uint_eq(q->n_links, 1);
    ck_assert_str_eq(q->links[0].role, "dup");
    ck_assert_uint_eq(q->links[0].target, 1);
    /* The caller's link array is left alone. */
    ck_assert_uint_eq(links[0].target, 2);
    ann_arena_free(&arena);
}
END_TEST

START_TEST(test_merge_policy_names)
{
    ann_merge_policy p = ANN_MERGE_ALL;
    ck_assert_int_eq(ann_merge_policy_parse("default", &p), 0);
    ck_assert_int_eq(p, ANN_MERGE_DEFAULT);
    ck_assert_int_eq(ann_merge_policy_parse("all", &p), 0);
    ck_assert_int_eq(p, ANN_MERGE_ALL);
    ck_assert_int_eq(ann_merge_policy_parse("none", &p), -1);
    ck_assert_int_eq(ann_merge_policy_parse("", &p), -1);
}
END_TEST

/* ---- store --------------------------------------------------------------- */

START_TEST(test_store_ids_and_order)
{
    ann_arena arena = ANN_ARENA_INIT;
    ann_span_store st;
    ck_assert_int_eq(ann_store_init(&st, &arena, 2), ANN_OK);
    const struct {
        size_t layer;
        uint32_t s, e;
    } in[] = {{0, 10, 12}, {0, 2, 4}, {1, 0, 3}, {0, 2, 9}, {0, 2, 4}};
    char key[] = "k", val[] = "v";
    ann_attr a = {key, val};
    for (size_t i = 0; i < 5; i++) {
        ann_new_span ns = {in[i].s, in[i].e, "L", &a, 1, NULL, 0};
        uint32_t id = 0;
        ck_assert_int_eq(ann_store_add(&st, in[i].layer, "x", "L", &ns, &id), ANN_OK);
        ck_assert_uint_eq(id, i + 1); /* ids count up across layers */
    }
    /* The store copied the attribute strings. */
    key[0] = 'Z'; // cppcheck-suppress unreadVariable
    val[0] = 'Z'; // cppcheck-suppress unreadVariable
    size_t n;
    const ann_span *v = ann_store_layer(&st, 0, &n);
    ck_assert_uint_eq(n, 4);
    /* start ascending, longer first, then emit order */
    const uint32_t expect[] = {4, 2, 5, 1};
    for (size_t i = 0; i < 4; i++)
        ck_assert_uint_eq(v[i].id, expect[i]);
    ck_assert_str_eq(v[0].attrs[0].key, "k");
    ck_assert_str_eq(v[0].attrs[0].value, "v");
    ck_assert(ann_store_has_id(&st, 5));
    ck_assert(!ann_store_has_id(&st, 6));
    ck_assert(!ann_store_has_id(&st, 0));
    ck_assert_uint_eq(ann_store_count(&st), 5);
    ann_store_reset(&st);
    ck_assert_uint_eq(ann_store_count(&st), 0);
    ck_assert(!ann_store_has_id(&st, 1));
    ann_store_free(&st);
    ann_arena_free(&arena);
}
END_TEST

/* ---- validation -------------------------------------------------------- */

/* "Gérard met Luca." : é is bytes 2..3 (C3 A9). */
static const char v_text[] = "G\xc3\xa9rard met Luca.";
static const char *const v_labels[] = {"PER", "ORG", NULL};

typedef struct v_case {
    const char *name;
    uint32_t start, end;
    const char *label;
    const char *attr_key, *attr_value;
    uint32_t link_target; /* 0: no link */
    int valid;
    const char *reason; /* substring of the message */
} v_case;

static const v_case v_cases[] = {
    {"valid", 0, 7, "PER", NULL, NULL, 0, 1, NULL},
    {"valid up to the end", 12, 17, "PER", NULL, NULL, 0, 1, NULL},
    {"empty", 3, 3, "PER", NULL, NULL, 0, 0, "empty"},
    {"reversed", 5, 2, "PER", NULL, NULL, 0, 0, "start"},
    {"past the end", 12, 18, "PER", NULL, NULL, 0, 0, "out of bounds"},
    {"far past the end", 100, 200, "PER", NULL, NULL, 0, 0, "out of bounds"},
    {"start inside a character", 2, 7, "PER", NULL, NULL, 0, 0, "UTF-8"},
    {"end inside a character", 0, 2, "PER", NULL, NULL, 0, 0, "UTF-8"},
    {"undeclared label", 0, 7, "LOC", NULL, NULL, 0, 0, "not declared"},
    {"no label", 0, 7, NULL, NULL, NULL, 0, 0, "not declared"},
    {"attribute ok", 0, 7, "PER", "gender", "m", 0, 1, NULL},
    {"attribute with empty key", 0, 7, "PER", "", "m", 0, 0, "key"},
    {"attribute not UTF-8", 0, 7, "PER", "k", "\xff", 0, 0, "UTF-8"},
    {"link to an existing span", 0, 7, "PER", NULL, NULL, 1, 1, NULL},
    {"dangling link", 0, 7, "PER", NULL, NULL, 42, 0, "does not exist"},
};

START_TEST(test_validate_table)
{
    const v_case *c = &v_cases[_i];
    ann_plugin desc;
    memset(&desc, 0, sizeof desc);
    desc.name = "t";
    desc.labels = v_labels;
    ann_arena arena = ANN_ARENA_INIT;
    ann_span_store st;
    ck_assert_int_eq(ann_store_init(&st, &arena, 1), ANN_OK);
    ann_new_span first = {0, 1, "PER", NULL, 0, NULL, 0};
    ck_assert_int_eq(ann_store_add(&st, 0, "t", "PER", &first, NULL), ANN_OK); /* id 1 */

    ann_attr attr = {c->attr_key, c->attr_value};
    ann_link link = {"to", c->link_target};
    ann_new_span s = {c->start,
                      c->end,
                      c->label,
                      c->attr_key ? &attr : NULL,
                      c->attr_key ? 1 : 0,
                      c->link_target ? &link : NULL,
                      c->link_target ? 1 : 0};
    char why[256] = "";
    const char *label = ann_span_check(v_text, strlen(v_text), &desc, &st, &s, why, sizeof why);
    if (c->valid) {
        ck_assert_msg(label != NULL, "%s: refused: %s", c->name, why);
        /* The label handed back is the plugin's own declared string. */
        ck_assert_msg(label == v_labels[0] || label == v_labels[1], "%s: label not declared one",
                      c->name);
    } else {
        ck_assert_msg(label == NULL, "%s: accepted", c->name);
        ck_assert_msg(strstr(why, c->reason) != NULL, "%s: reason '%s' lacks '%s'", c->name, why,
                      c->reason);
    }
    ann_store_free(&st);
    ann_arena_free(&arena);
}
END_TEST

static Suite *spans_suite(void)
{
    Suite *s = suite_create("spans");
    TCase *tc = tcase_create("merge");
    tcase_add_loop_test(tc, test_merge_table, 0, (int)(sizeof merge_cases / sizeof merge_cases[0]));
    tcase_add_test(tc, test_merge_is_deterministic);
    tcase_add_test(tc, test_merge_links);
    tcase_add_test(tc, test_merge_policy_names);
    suite_add_tcase(s, tc);
    tc = tcase_create("store");
    tcase_add_test(tc, test_store_ids_and_order);
    suite_add_tcase(s, tc);
    tc = tcase_create("validate");
    tcase_add_loop_test(tc, test_validate_table, 0, (int)(sizeof v_cases / sizeof v_cases[0]));
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(spans_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
