/*
 * test_loader.c -- the plugin loader and the document context, against
 * plugins built only for the tests (tests/unit/plugins/), most of them
 * broken on purpose (issue 2, item 7): wrong ABI, missing entry function,
 * failing open, unknown option, cyclic needs, a missing dependency, a plugin
 * emitting out-of-range spans.  Every loader message must name the file.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "load/loader.h"
#include "read/reader.h"
#include "run/doc.h"
#include "run/host.h"
#include "text/tokenize.h"

#define TEST_PLUGINS ANN_ABS_BUILDDIR "/tests/unit/plugins/.libs"

static void test_path(ann_strlist *path)
{
    memset(path, 0, sizeof *path);
    ck_assert_int_eq(ann_strlist_add(path, TEST_PLUGINS), 0);
}

/* ---- search path ---------------------------------------------------------- */

START_TEST(test_search_path_order)
{
    setenv("ANNOTATE_PLUGIN_PATH", "/env/one::/env/two:", 1);
    const char *cli[] = {"/cli/a", "/cli/b"};
    ann_strlist p = {0};
    ck_assert_int_eq(ann_search_path(cli, 2, &p), 0);
    ck_assert_uint_eq(p.n, 5);
    ck_assert_str_eq(p.items[0], "/cli/a");
    ck_assert_str_eq(p.items[1], "/cli/b");
    ck_assert_str_eq(p.items[2], "/env/one");
    ck_assert_str_eq(p.items[3], "/env/two");
    /* This test program runs from the build tree. */
    ck_assert(ann_in_build_tree());
    ck_assert_str_eq(p.items[4], ANN_ABS_BUILDDIR "/plugins/.libs");
    ann_strlist_free(&p);
    unsetenv("ANNOTATE_PLUGIN_PATH");
}
END_TEST

/* ---- plugin names ------------------------------------------------------------ */

/* The one rule of the loader and `annotate new-plugin`: [a-z][a-z0-9_]*, at
 * most ANN_NAME_MAX bytes. */
typedef struct name_case {
    const char *name;
    int ok;
} name_case;

static const name_case name_cases[] = {
    {"dates", 1}, {"a", 1},      {"x_1", 1},    {"ner2", 1},   {"", 0},       {"Dates", 0},
    {"dAtes", 0}, {"_dates", 0}, {"2dates", 0}, {"da-tes", 0}, {"da.tes", 0}, {"dat\xc3\xa9s", 0},
};

START_TEST(test_name_table)
{
    const name_case *c = &name_cases[_i];
    ck_assert_msg(ann_plugin_name_ok(c->name, strlen(c->name)) == c->ok, "'%s' should be %s",
                  c->name, c->ok ? "accepted" : "refused");
}
END_TEST

START_TEST(test_name_length)
{
    char name[ANN_NAME_MAX + 2];
    memset(name, 'n', sizeof name);
    ck_assert(ann_plugin_name_ok(name, ANN_NAME_MAX));
    ck_assert(!ann_plugin_name_ok(name, ANN_NAME_MAX + 1));
    /* Only the first n bytes count: a file name's ".so" is not part of it. */
    ck_assert(ann_plugin_name_ok("words.so", 5));
}
END_TEST

/* ---- loading one file ------------------------------------------------------- */

typedef struct load_case {
    const char *name;
    const char *expect[3]; /* substrings of the message, besides the file */
} load_case;

static const load_case load_cases[] = {
    {"wrongabi", {"built for plugin ABI 99, this annotate supports 1..4", NULL, NULL}},
    {"smallsize", {"descriptor is 16 bytes", NULL, NULL}},
    {"noentry", {"ann_plugin_noentry", "entry", NULL}},
    {"nosuchfile", {"cannot load", NULL, NULL}},
};

START_TEST(test_load_broken)
{
    const load_case *c = &load_cases[_i];
    char file[1024], err[1024] = "";
    snprintf(file, sizeof file, "%s/%s.so", TEST_PLUGINS, c->name);
    ann_loaded_plugin p;
    ck_assert_int_eq(ann_load_plugin(file, NULL, NULL, &p, err, sizeof err), ANN_ERROR);
    ck_assert_ptr_null(p.desc);
    ck_assert_msg(strncmp(err, file, strlen(file)) == 0,
                  "%s: message does not start with the file: %s", c->name, err);
    for (size_t i = 0; i < 3 && c->expect[i]; i++)
        ck_assert_msg(strstr(err, c->expect[i]) != NULL, "%s: '%s' lacks '%s'", c->name, err,
                      c->expect[i]);
}
END_TEST

START_TEST(test_load_not_a_shared_object)
{
    char dir[] = "/tmp/ann-loader-XXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(dir));
    char file[256], err[1024] = "";
    snprintf(file, sizeof file, "%s/junk.so", dir);
    FILE *f = fopen(file, "w");
    ck_assert_ptr_nonnull(f);
    fputs("this is not ELF\n", f);
    fclose(f);
    ann_loaded_plugin p;
    ck_assert_int_eq(ann_load_plugin(file, NULL, NULL, &p, err, sizeof err), ANN_ERROR);
    ck_assert_msg(strstr(err, file) == err, "message names the file: %s", err);
    unlink(file);
    rmdir(dir);
}
END_TEST

START_TEST(test_load_good)
{
    char err[1024] = "";
    ann_loaded_plugin p;
    ck_assert_int_eq(ann_load_plugin(TEST_PLUGINS "/words.so", NULL, NULL, &p, err, sizeof err),
                     ANN_OK);
    ck_assert_str_eq(p.name, "words");
    ck_assert_str_eq(p.desc->version, "1.2.3");
    ck_assert_uint_eq(p.n_options, 2);
    ck_assert_uint_eq(p.n_labels, 1);
    /* Out of the build tree's plugin folder, data comes from the .so's folder. */
    ck_assert_str_eq(p.data_dir, TEST_PLUGINS);
    ann_loaded_plugin_free(&p);
}
END_TEST

START_TEST(test_data_dir_in_build_tree)
{
    /* Plugins from the build tree's plugins/.libs read their data from the
     * source tree's plugins/NAME. */
    ann_strlist path = {0};
    ann_strlist_add(&path, ANN_ABS_BUILDDIR "/plugins/.libs");
    ann_found_list found = {0};
    ck_assert_int_eq(ann_discover(&path, &found), 0);
    for (size_t i = 0; i < found.n; i++) {
        char want[1024];
        snprintf(want, sizeof want, "%s/plugins/%s", ANN_ABS_SRCDIR, found.items[i].name);
        ck_assert_str_eq(found.items[i].data_dir, want);
    }
    ann_found_list_free(&found);
    ann_strlist_free(&path);
}
END_TEST

static int lk_annotate(void *state, ann_doc *doc)
{
    (void)state;
    (void)doc;
    return ANN_OK;
}

static const char *const lk_labels[] = {"X", NULL};

START_TEST(test_load_linked)
{
    /* A descriptor linked into the program passes the same checks. */
    ann_plugin d = {ANN_PLUGIN_HEADER, "linked", "1",  "linked in", lk_labels, NULL, NULL, NULL,
                    lk_annotate,       NULL,     NULL, NULL};
    ann_loaded_plugin p;
    char err[512] = "";
    ck_assert_int_eq(ann_load_linked(&d, "/data", &p, err, sizeof err), ANN_OK);
    ck_assert_str_eq(p.name, "linked");
    ck_assert_str_eq(p.data_dir, "/data");
    ann_loaded_plugin_free(&p);
    d.abi_version = 7;
    ck_assert_int_eq(ann_load_linked(&d, NULL, &p, err, sizeof err), ANN_ERROR);
    ck_assert_msg(strstr(err, "built for plugin ABI 7"), "%s", err);
    d.abi_version = ANN_ABI_VERSION;
    d.annotate = NULL;
    ck_assert_int_eq(ann_load_linked(&d, NULL, &p, err, sizeof err), ANN_ERROR);
    ck_assert_msg(strstr(err, "annotate()"), "%s", err);
}
END_TEST

/* ---- selecting and ordering ----------------------------------------------- */

typedef struct select_case {
    const char *list;
    int ok;
    const char *expect[3]; /* ok: plugin order; else substrings of the error */
} select_case;

static const select_case select_cases[] = {
    {"words", 1, {"words", NULL, NULL}},
    {"pairs", 1, {"words", "pairs", NULL}},       /* its need is pulled in, first */
    {"pairs,words", 1, {"words", "pairs", NULL}}, /* and ordered before it */
    {"cyca", 0, {"cycle", "cyca", "cycb"}},
    {"cycb,words", 0, {"cycle", "cyca", "cycb"}},
    {"needsghost", 0, {"needsghost", "ghost", NULL}},
    {"nosuchplugin", 0, {"nosuchplugin", NULL, NULL}},
    {"wrongabi", 0, {"wrongabi.so: built for plugin ABI 99", NULL, NULL}},
    {"words,,pairs", 0, {"plugin list", NULL, NULL}},
};

START_TEST(test_select_table)
{
    const select_case *c = &select_cases[_i];
    ann_strlist path;
    test_path(&path);
    ann_plugin_set set;
    char err[2048] = "";
    int rc = ann_select_plugins(&path, c->list, &set, err, sizeof err);
    if (c->ok) {
        ck_assert_msg(rc == ANN_OK, "%s: %s", c->list, err);
        size_t n = 0;
        while (n < 3 && c->expect[n])
            n++;
        ck_assert_uint_eq(set.n, n);
        for (size_t i = 0; i < n; i++)
            ck_assert_str_eq(set.items[i].name, c->expect[i]);
    } else {
        ck_assert_msg(rc != ANN_OK, "%s: accepted", c->list);
        ck_assert_uint_eq(set.n, 0);
        for (size_t i = 0; i < 3 && c->expect[i]; i++)
            ck_assert_msg(strstr(err, c->expect[i]) != NULL, "%s: '%s' lacks '%s'", c->list, err,
                          c->expect[i]);
    }
    ann_plugin_set_free(&set);
    ann_strlist_free(&path);
}
END_TEST

START_TEST(test_first_on_path_wins)
{
    /* A folder earlier on the path holding another words.so (here: a link to
     * pairs.so, so the entry does not match) shadows the later one. */
    char dir[] = "/tmp/ann-loader-XXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(dir));
    char link[256];
    snprintf(link, sizeof link, "%s/words.so", dir);
    ck_assert_int_eq(symlink(TEST_PLUGINS "/pairs.so", link), 0);
    ann_strlist path = {0};
    ann_strlist_add(&path, dir);
    ann_strlist_add(&path, TEST_PLUGINS);
    ann_found_list found = {0};
    ck_assert_int_eq(ann_discover(&path, &found), 0);
    const ann_found *w = NULL;
    for (size_t i = 0; i < found.n; i++)
        if (strcmp(found.items[i].name, "words") == 0)
            w = &found.items[i];
    ck_assert_ptr_nonnull(w);
    ck_assert_str_eq(w->file, link);
    ann_plugin_set set;
    char err[2048] = "";
    ck_assert_int_ne(ann_select_plugins(&path, "words", &set, err, sizeof err), ANN_OK);
    ck_assert_msg(strstr(err, link) != NULL, "error names the shadowing file: %s", err);
    ann_found_list_free(&found);
    ann_strlist_free(&path);
    unlink(link);
    rmdir(dir);
}
END_TEST

/* ---- options ------------------------------------------------------------------ */

typedef struct opt_case {
    const char *spec;
    int ok;
    const char *expect; /* substring of the message */
} opt_case;

static const opt_case opt_cases[] = {
    {"words.mode=all", 1, NULL},
    {"words.min=", 1, NULL},
    {"words.bogus=1", 0, "valid keys: mode, min"},
    {"nope.mode=1", 0, "nope"},
    {"words", 0, "PLUGIN.KEY=VALUE"},
    {"words.mode", 0, "PLUGIN.KEY=VALUE"},
    {".mode=1", 0, "PLUGIN.KEY=VALUE"},
    {"words.=1", 0, "PLUGIN.KEY=VALUE"},
    {"pairs.x=1", 0, "no options"},
};

START_TEST(test_option_table)
{
    const opt_case *c = &opt_cases[_i];
    ann_strlist path;
    test_path(&path);
    ann_plugin_set set;
    char err[2048] = "";
    ck_assert_int_eq(ann_select_plugins(&path, "pairs", &set, err, sizeof err), ANN_OK);
    int rc = ann_set_option(&set, c->spec, err, sizeof err);
    if (c->ok) {
        ck_assert_msg(rc == ANN_OK, "%s: %s", c->spec, err);
    } else {
        ck_assert_msg(rc == ANN_EINVAL, "%s: accepted", c->spec);
        ck_assert_msg(strstr(err, c->expect) != NULL, "%s: '%s' lacks '%s'", c->spec, err,
                      c->expect);
    }
    ann_plugin_set_free(&set);
    ann_strlist_free(&path);
}
END_TEST

START_TEST(test_open_failures)
{
    ann_strlist path;
    test_path(&path);
    ann_plugin_set set;
    char err[2048] = "";
    /* failopen's open() reports a reason: it comes with the file name. */
    ck_assert_int_eq(ann_select_plugins(&path, "words,failopen", &set, err, sizeof err), ANN_OK);
    ck_assert_int_eq(ann_open_plugins(&set, &ann_host_table, err, sizeof err), ANN_ERROR);
    ck_assert_msg(strstr(err, TEST_PLUGINS "/failopen.so") == err, "names the file: %s", err);
    ck_assert_msg(strstr(err, "cannot read model missing.bin") != NULL, "has the reason: %s", err);
    ck_assert(!set.items[0].opened); /* words was closed again */
    ann_plugin_set_free(&set);

    /* An option value the plugin rejects in open(). */
    ck_assert_int_eq(ann_select_plugins(&path, "words", &set, err, sizeof err), ANN_OK);
    ck_assert_int_eq(ann_set_option(&set, "words.mode=loud", err, sizeof err), ANN_OK);
    ck_assert_int_eq(ann_open_plugins(&set, &ann_host_table, err, sizeof err), ANN_ERROR);
    ck_assert_msg(strstr(err, "words.so") && strstr(err, "loud"), "%s", err);
    ann_plugin_set_free(&set);
    ann_strlist_free(&path);
}
END_TEST

/* ---- what a plugin declares in open() (ABI 3) ------------------------------ */

/* Selects `list`, applies the options and opens with ann_open_settle(). */
static int settle(ann_strlist *path, const char *list, const char *const *opts,
                  ann_plugin_set *set, char *err, size_t errlen)
{
    const ann_load_policy policy = {0, NULL, NULL};
    int rc = ann_select_with_policy(&policy, path, list, set, err, errlen);
    for (size_t i = 0; rc == ANN_OK && opts && opts[i]; i++)
        rc = ann_set_option(set, opts[i], err, errlen);
    if (rc == ANN_OK)
        rc = ann_open_settle(&policy, path, set, &ann_host_table, err, errlen);
    return rc;
}

START_TEST(test_declared_at_open)
{
    ann_strlist path;
    test_path(&path);
    ann_plugin_set set;
    char err[2048] = "";
    const char *const opts[] = {"declares.labels=CAP,OTHER,CAP", "declares.need=words",
                                "declares.layer=caps", NULL};
    ck_assert_msg(settle(&path, "declares", opts, &set, err, sizeof err) == ANN_OK, "%s", err);
    /* words was pulled in by the declared need and runs first. */
    ck_assert_uint_eq(set.n, 2);
    ck_assert_str_eq(set.items[0].name, "words");
    ck_assert(set.items[0].opened);
    const ann_loaded_plugin *p = &set.items[1];
    ck_assert_str_eq(p->name, "caps");
    ck_assert_str_eq(p->desc->name, "declares");
    /* The declared labels replace the descriptor's, each once. */
    ck_assert_uint_eq(p->n_labels, 2);
    ck_assert_str_eq(p->desc->labels[0], "CAP");
    ck_assert_str_eq(p->desc->labels[1], "OTHER");
    ck_assert_ptr_null(p->desc->labels[2]);
    ck_assert_str_eq(p->desc->needs[0], "words");
    ck_assert_ptr_null(p->desc->needs[1]);
    ann_plugin_set_free(&set);

    /* Nothing declared: the descriptor as it is. */
    ck_assert_msg(settle(&path, "declares", NULL, &set, err, sizeof err) == ANN_OK, "%s", err);
    ck_assert_uint_eq(set.n, 1);
    ck_assert_str_eq(set.items[0].name, "declares");
    ck_assert_str_eq(set.items[0].desc->labels[0], "DECL");
    ck_assert_ptr_null(set.items[0].desc->needs);
    ann_plugin_set_free(&set);
    ann_strlist_free(&path);
}
END_TEST

typedef struct declare_case {
    const char *opt;
    const char *expect;
} declare_case;

static const declare_case declare_cases[] = {
    {"declares.labels=OK,two words", "'two words' is not a label"},
    {"declares.labels=", NULL}, /* an empty list declares nothing: fine */
    {"declares.need=Words", "declare_need: 'Words' is not a layer name"},
    {"declares.need=ghost", "needs the layer 'ghost', but no ghost.so was found"},
    {"declares.layer=my-layer", "set_layer: 'my-layer' is not a layer name"},
    {"declares.layer=words", "the layer name 'words' is taken by"},
    {"declares.need=declares", NULL}, /* needing oneself is harmless */
};

START_TEST(test_declare_refused)
{
    const declare_case *c = &declare_cases[_i];
    ann_strlist path;
    test_path(&path);
    ann_plugin_set set;
    char err[2048] = "";
    const char *const opts[] = {c->opt, NULL};
    int rc = settle(&path, "words,declares", opts, &set, err, sizeof err);
    if (!c->expect) {
        ck_assert_msg(rc == ANN_OK, "%s: %s", c->opt, err);
    } else {
        ck_assert_msg(rc != ANN_OK, "%s: accepted", c->opt);
        ck_assert_msg(strstr(err, c->expect) != NULL, "%s: '%s' lacks '%s'", c->opt, err,
                      c->expect);
    }
    ann_plugin_set_free(&set);
    ann_strlist_free(&path);
}
END_TEST

/* The run's -O options reach a plugin pulled in by a need declared in
 * open(), before it opens; one for a plugin never selected is refused. */
START_TEST(test_options_of_pulled_in_plugin)
{
    static const struct {
        const char *opts[3];
        const char *expect; /* NULL: opens */
    } cases[] = {
        {{"declares.need=words", "words.mode=all", NULL}, NULL},
        {{"words.mode=loud", "declares.need=words", NULL},
         "option mode must be cap or all, not 'loud'"},
        {{"declares.need=words", "ghost.x=1", NULL}, "-O ghost.x=1: no plugin 'ghost' is selected"},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        ann_strlist path, opts = {0};
        test_path(&path);
        for (size_t i = 0; cases[k].opts[i]; i++)
            ck_assert_int_eq(ann_strlist_add(&opts, cases[k].opts[i]), 0);
        const ann_load_policy policy = {0, NULL, NULL};
        ann_plugin_set set;
        char err[2048] = "";
        int rc = ann_select_with_policy(&policy, &path, "declares", &set, err, sizeof err);
        ck_assert_int_eq(rc, ANN_OK);
        rc = ann_open_settle_with(&policy, &path, &set, &opts, &ann_host_table, err, sizeof err);
        if (!cases[k].expect) {
            ck_assert_msg(rc == ANN_OK, "%s", err);
            ck_assert_str_eq(set.items[0].name, "words");
            ck_assert_str_eq(set.items[0].values[0], "all");
        } else {
            ck_assert_msg(rc != ANN_OK && strstr(err, cases[k].expect), "case %zu: %s", k, err);
        }
        ann_plugin_set_free(&set);
        ann_strlist_free(&opts);
        ann_strlist_free(&path);
    }
}
END_TEST

/* Selects `list` with the -p items NAME:PATH in `inst` (NULL-ended) and
 * opens with the -O options `opts`. */
static int settle_instances(ann_strlist *path, const char *list, const char *const *inst,
                            const char *const *opts, ann_plugin_set *set, char *err,
                            size_t errlen)
{
    ann_strlist items = {0}, options = {0};
    for (size_t i = 0; inst && inst[i]; i++)
        ck_assert_int_eq(ann_strlist_add(&items, inst[i]), 0);
    for (size_t i = 0; opts && opts[i]; i++)
        ck_assert_int_eq(ann_strlist_add(&options, opts[i]), 0);
    const ann_load_policy policy = {0, NULL, &items};
    int rc = ann_select_with_policy(&policy, path, list, set, err, errlen);
    if (rc == ANN_OK)
        rc = ann_open_settle_with(&policy, path, set, &options, &ann_host_table, err, errlen);
    ann_strlist_free(&items);
    ann_strlist_free(&options);
    return rc;
}

/* Each -p NAME:PATH item is an instance of its own: the same shared
 * object, its own option `file` and open() state, its own layer. */
START_TEST(test_instances)
{
    static const struct {
        const char *list;
        const char *inst[4];
        const char *opts[3];
        const char *layers[4]; /* in run order; NULL-ended */
        const char *expect;    /* the error, or NULL */
    } cases[] = {
        /* one item: one layer, as before */
        {"declares", {"declares:alpha", NULL}, {NULL}, {"alpha", NULL}, NULL},
        /* two items: two layers, each with its own label */
        {"declares,declares", {"declares:alpha", "declares:beta", NULL}, {NULL},
         {"alpha", "beta", NULL}, NULL},
        /* the name alone adds nothing next to its items; an item twice is one */
        {"declares,words,declares", {"declares:b", "declares:a", "declares:b"}, {NULL},
         {"b", "a", "words", NULL}, NULL},
        /* needs: both instances run after the layer they need */
        {"declares", {"declares:alpha", "declares:beta", NULL}, {"declares.need=words", NULL},
         {"words", "alpha", "beta", NULL}, NULL},
        /* no items: the plugin once, under its own name */
        {"declares", {NULL}, {NULL}, {"declares", NULL}, NULL},
        /* -O reaches every instance, so both claim one layer */
        {"declares", {"declares:alpha", "declares:beta", NULL}, {"declares.layer=same", NULL},
         {NULL}, "-p declares:beta: the layer name 'same' is taken by -p declares:alpha"},
        {"words", {"words:x", NULL}, {NULL}, {NULL},
         "-p words:x: plugin words has no option 'file'"},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        ann_strlist path;
        test_path(&path);
        ann_plugin_set set;
        char err[2048] = "";
        int rc = settle_instances(&path, cases[k].list, cases[k].inst, cases[k].opts, &set, err,
                                  sizeof err);
        if (cases[k].expect) {
            ck_assert_msg(rc != ANN_OK && strstr(err, cases[k].expect), "case %zu: %s", k, err);
        } else {
            ck_assert_msg(rc == ANN_OK, "case %zu: %s", k, err);
            size_t n = 0;
            while (cases[k].layers[n])
                n++;
            ck_assert_uint_eq(set.n, n);
            for (size_t i = 0; i < n; i++) {
                const ann_loaded_plugin *p = &set.items[i];
                ck_assert_str_eq(p->name, cases[k].layers[i]);
                if (strcmp(p->desc->name, "declares") != 0 || !p->instance)
                    continue;
                /* its own file, label and state */
                ck_assert_str_eq(p->instance, p->name);
                ck_assert_str_eq(p->values[3], p->name);
                ck_assert_uint_eq(p->given[3].n, 1);
                ck_assert_ptr_ne(p->state, NULL);
                for (size_t j = 0; j < i; j++)
                    ck_assert_ptr_ne(p->state, set.items[j].state);
            }
        }
        ann_plugin_set_free(&set);
        ann_strlist_free(&path);
    }
}
END_TEST

/* An ABI 1 and an ABI 2 plugin open as before next to an ABI 3 one. */
START_TEST(test_old_plugins_with_declaring_one)
{
    ann_strlist path;
    test_path(&path);
    ann_plugin_set set;
    char err[2048] = "";
    const char *const opts[] = {"declares.labels=CAP", NULL};
    ck_assert_msg(settle(&path, "abione,pairs,declares", opts, &set, err, sizeof err) == ANN_OK,
                  "%s", err);
    ck_assert_uint_eq(set.n, 4); /* pairs needs words */
    for (size_t i = 0; i < set.n; i++)
        ck_assert(set.items[i].opened);
    ck_assert_str_eq(set.items[0].name, "abione");
    ck_assert_uint_eq(set.items[0].desc->abi_version, 1);
    /* Ordered by needs as before: words (pulled in) ahead of pairs. */
    ck_assert_str_eq(set.items[1].name, "declares");
    ck_assert_str_eq(set.items[1].desc->labels[0], "CAP");
    ck_assert_str_eq(set.items[2].name, "words");
    ck_assert_str_eq(set.items[3].name, "pairs");
    ann_plugin_set_free(&set);
    ann_strlist_free(&path);
}
END_TEST

/* ---- the document context ------------------------------------------------------ */

typedef struct run_fixture {
    ann_strlist path;
    ann_plugin_set set;
    ann_textdoc td;
    ann_tokenized tok;
    ann_doc doc;
    ann_buf log;
} run_fixture;

static void fixture_open_as(run_fixture *f, const char *list, const char *option, const char *text,
                            const char *name, ann_format format)
{
    memset(f, 0, sizeof *f);
    char err[2048] = "";
    test_path(&f->path);
    ck_assert_msg(ann_select_plugins(&f->path, list, &f->set, err, sizeof err) == ANN_OK, "%s",
                  err);
    if (option)
        ck_assert_msg(ann_set_option(&f->set, option, err, sizeof err) == ANN_OK, "%s", err);
    ck_assert_msg(ann_open_plugins(&f->set, &ann_host_table, err, sizeof err) == ANN_OK, "%s", err);
    ck_assert_int_eq(ann_read_memory(name, (const unsigned char *)text, strlen(text), format,
                                     &f->td, err, sizeof err),
                     ANN_OK);
    ck_assert_int_eq(
        ann_tokenize(f->td.view, f->td.view_len, f->td.blocks, f->td.n_blocks, &f->tok), ANN_OK);
    ck_assert_int_eq(ann_doc_init(&f->doc, &f->set), ANN_OK);
    f->doc.log = &f->log;
    ann_doc_begin(&f->doc, name, &f->td, &f->tok, "2023-02-07");
}

static void fixture_open(run_fixture *f, const char *list, const char *option, const char *text)
{
    fixture_open_as(f, list, option, text, "mem.txt", ANN_FORMAT_TEXT);
}

static void fixture_close(run_fixture *f)
{
    ann_doc_end(&f->doc);
    ann_doc_free(&f->doc);
    ann_tokenized_free(&f->tok);
    ann_textdoc_free(&f->td);
    ann_plugin_set_free(&f->set);
    ann_strlist_free(&f->path);
    ann_buf_free(&f->log);
}

/* An ABI 4 plugin next to ABI 1, 2 and 3 ones: all open, and it reads the
 * trees of a Markdown document, an HTML one and none of a text. */
START_TEST(test_syntax_trees_abi4)
{
    ann_strlist path;
    test_path(&path);
    ann_plugin_set set;
    char err[2048] = "";
    ck_assert_msg(settle(&path, "abione,pairs,declares,trees", NULL, &set, err, sizeof err) ==
                      ANN_OK,
                  "%s", err);
    ck_assert_uint_eq(set.n, 5);
    for (size_t i = 0; i < set.n; i++)
        ck_assert(set.items[i].opened);
    ann_plugin_set_free(&set);
    ann_strlist_free(&path);

    static const struct {
        const char *name, *text;
        ann_format format;
        const char *count, *grammars, *last;
    } docs[] = {
        /* one block tree, an inline tree per heading, paragraph and cell */
        {"t.md", "# Title here\n\nSome *bold* text.\n\n> Quoted line\n", ANN_FORMAT_MARKDOWN, "4",
         "markdown,markdown_inline,markdown_inline,markdown_inline", "Quoted"},
        {"t.html", "<h1>Big &amp; small</h1><p>Body text</p>", ANN_FORMAT_HTML, "1", "html", "Big"},
        {"t.txt", "Just text.\n", ANN_FORMAT_TEXT, "0", "", NULL},
    };
    for (size_t k = 0; k < sizeof docs / sizeof docs[0]; k++) {
        run_fixture f;
        fixture_open_as(&f, "trees", NULL, docs[k].text, docs[k].name, docs[k].format);
        ck_assert_int_eq(ann_doc_run_plugin(&f.doc, 0), ANN_OK);
        ann_result r;
        ck_assert_int_eq(ann_doc_result(&f.doc, ANN_MERGE_DEFAULT, &r), ANN_OK);
        const char *count = NULL, *grammars = NULL, *last = NULL, *sized = NULL;
        for (size_t i = 0; i < r.n_meta; i++) {
            if (strcmp(r.meta[i].key, "trees.count") == 0)
                count = r.meta[i].value;
            else if (strcmp(r.meta[i].key, "trees.grammars") == 0)
                grammars = r.meta[i].value;
            else if (strcmp(r.meta[i].key, "trees.last") == 0)
                last = r.meta[i].value;
            else if (strcmp(r.meta[i].key, "trees.sized") == 0)
                sized = r.meta[i].value;
        }
        ck_assert_msg(count && strcmp(count, docs[k].count) == 0, "%s: count %s", docs[k].name,
                      count ? count : "(none)");
        ck_assert_str_eq(grammars, docs[k].grammars);
        ck_assert_str_eq(sized, "refused");
        if (docs[k].last) {
            ck_assert_msg(last && strcmp(last, docs[k].last) == 0, "%s: last '%s'", docs[k].name,
                          last ? last : "(none)");
            ck_assert_uint_eq(r.n_spans, 1);
        } else {
            ck_assert_ptr_null(last);
            ck_assert_uint_eq(r.n_spans, 0);
        }
        fixture_close(&f);
    }
}
END_TEST

/* Once a plugin takes the ABI 2 tokens the tokenizer's ABI 1 array is
 * given up (memory); an ABI 1 plugin after it and the result's tokens (for
 * the conll writer) still get the same tokens, rebuilt from the ABI 2 ones. */
START_TEST(test_tokens_traded_for_v2)
{
    run_fixture f;
    fixture_open(&f, "words", NULL, "Hello big world.\n\nSecond one, here.\n");
    size_t n = f.tok.n_tokens, n1 = 0, n2 = 0;
    ck_assert_uint_ge(n, 8);
    ann_token *before = malloc(n * sizeof *before);
    ck_assert_ptr_nonnull(before);
    memcpy(before, f.tok.tokens, n * sizeof *before);

    const ann_token_v2 *v2 = ann_host_table.tokens_v2(&f.doc, sizeof *v2, &n2);
    ck_assert_ptr_nonnull(v2);
    ck_assert_uint_eq(n2, n);
    ck_assert_ptr_null(f.tok.tokens);
    const ann_token *v1 = ann_host_table.tokens(&f.doc, &n1);
    ck_assert_ptr_nonnull(v1);
    ck_assert_uint_eq(n1, n);
    for (size_t i = 0; i < n; i++) {
        ck_assert_uint_eq(v1[i].start, before[i].start);
        ck_assert_uint_eq(v1[i].end, before[i].end);
        ck_assert_uint_eq(v1[i].kind, before[i].kind);
        ck_assert_uint_eq(v1[i].flags, before[i].flags);
        ck_assert_uint_eq(v1[i].sentence, before[i].sentence);
    }
    ann_result r;
    ck_assert_int_eq(ann_doc_result(&f.doc, ANN_MERGE_DEFAULT, &r), ANN_OK);
    ck_assert_uint_eq(r.n_tokens, n);
    ck_assert_uint_eq(r.tokens[n - 1].end, before[n - 1].end);
    f.doc.skip_tokens = 1; /* a writer that reads no tokens gets none */
    ck_assert_int_eq(ann_doc_result(&f.doc, ANN_MERGE_DEFAULT, &r), ANN_OK);
    ck_assert_uint_eq(r.n_tokens, 0);
    ck_assert_ptr_null(r.tokens);
    free(before);
    fixture_close(&f);
}
END_TEST

START_TEST(test_bad_spans_dropped)
{
    run_fixture f;
    fixture_open(&f, "badspan", NULL, "Hello world.\n");
    ck_assert_int_eq(ann_doc_run_plugin(&f.doc, 0), ANN_OK); /* not fatal */
    ck_assert_uint_eq(f.doc.refused, 4);
    ck_assert_ptr_nonnull(f.log.data);
    /* "annotate: PLUGIN: FILE: span [s,e) LABEL: reason" */
    ck_assert_msg(strstr(f.log.data, "annotate: badspan: mem.txt: span [0,18) GOOD: out of bounds"),
                  "%s", f.log.data);
    ck_assert_msg(strstr(f.log.data, "span [3,3)"), "%s", f.log.data);
    ck_assert_msg(strstr(f.log.data, "UNDECLARED"), "%s", f.log.data);
    ck_assert_msg(strstr(f.log.data, "does not exist"), "%s", f.log.data);
    ann_result r;
    ck_assert_int_eq(ann_doc_result(&f.doc, ANN_MERGE_DEFAULT, &r), ANN_OK);
    ck_assert_uint_eq(r.n_spans, 1);
    ck_assert_uint_eq(r.spans[0].start, 0);
    ck_assert_uint_eq(r.spans[0].end, 5);
    ck_assert_str_eq(r.spans[0].layer, "badspan");
    ck_assert_str_eq(r.meta[0].key, "reference_date");
    ck_assert_str_eq(r.meta[0].value, "2023-02-07");
    fixture_close(&f);
}
END_TEST

START_TEST(test_options_reach_plugin)
{
    const char *text = "Luca met the Board in Paris.\n";
    for (int all = 0; all <= 1; all++) {
        run_fixture f;
        fixture_open(&f, "words", all ? "words.mode=all" : NULL, text);
        ck_assert_int_eq(ann_doc_run_plugin(&f.doc, 0), ANN_OK);
        ann_result r;
        ck_assert_int_eq(ann_doc_result(&f.doc, ANN_MERGE_DEFAULT, &r), ANN_OK);
        /* cap: Luca, Board, Paris; all: also met, the, in */
        ck_assert_uint_eq(r.n_spans, all ? 6 : 3);
        ck_assert_uint_eq(r.spans[0].start, 0);
        ck_assert_uint_eq(r.spans[0].end, 4);
        ck_assert_str_eq(r.spans[0].attrs[0].key, "len");
        ck_assert_str_eq(r.spans[0].attrs[0].value, "4");
        int found = 0;
        for (size_t i = 0; i < r.n_meta; i++)
            found |= strcmp(r.meta[i].key, "words.mode") == 0 &&
                     strcmp(r.meta[i].value, all ? "all" : "cap") == 0;
        ck_assert(found);
        ck_assert_uint_eq(r.n_plugins, 1);
        ck_assert_str_eq(r.plugins[0].version, "1.2.3");
        fixture_close(&f);
    }
}
END_TEST

START_TEST(test_links_and_needs)
{
    run_fixture f;
    fixture_open(&f, "pairs", NULL, "Luca met Carlos in Tokyo.\n");
    ck_assert_str_eq(f.set.items[0].name, "words");
    ck_assert_int_eq(ann_doc_run_plugin(&f.doc, 0), ANN_OK);
    ck_assert_int_eq(ann_doc_run_plugin(&f.doc, 1), ANN_OK);
    ck_assert_uint_eq(f.doc.refused, 0);
    ann_result r;
    ck_assert_int_eq(ann_doc_result(&f.doc, ANN_MERGE_DEFAULT, &r), ANN_OK);
    ck_assert_uint_eq(r.n_spans, 5); /* 3 words, 2 pairs */
    for (size_t i = 0; i < r.n_spans; i++) {
        if (strcmp(r.spans[i].layer, "pairs") != 0)
            continue;
        ck_assert_uint_eq(r.spans[i].n_links, 2);
        for (size_t l = 0; l < 2; l++) {
            const ann_out_span *t = NULL;
            for (size_t k = 0; k < r.n_spans; k++)
                if (r.spans[k].id == r.spans[i].links[l].target)
                    t = &r.spans[k];
            ck_assert_ptr_nonnull(t);
            ck_assert_str_eq(t->layer, "words");
        }
    }
    fixture_close(&f);
}
END_TEST

START_TEST(test_plugin_failure)
{
    run_fixture f;
    fixture_open(&f, "pairs", NULL, "Then FAILME happened.\n");
    ck_assert_int_eq(ann_doc_run_plugin(&f.doc, 0), ANN_OK);
    ck_assert_int_eq(ann_doc_run_plugin(&f.doc, 1), ANN_ERROR);
    ck_assert_msg(strstr(f.doc.error, "FAILME at byte 5"), "%s", f.doc.error);
    fixture_close(&f);
}
END_TEST

/* set_meta takes UTF-8 only (issue 13, item 7): a bad key or value is
 * refused with a message naming the plugin, not mended in the output. */
START_TEST(test_set_meta_refuses_bad_utf8)
{
    run_fixture f;
    fixture_open(&f, "words", NULL, "Luca met Carlos.\n");
    ck_assert_int_eq(ann_doc_run_plugin(&f.doc, 0), ANN_OK);
    const ann_host *h = &ann_host_table;
    ck_assert_int_eq(h->set_meta(&f.doc, "words.bad", "caf\xc3"), ANN_EINVAL);
    ck_assert_int_eq(h->set_meta(&f.doc, "k\xff", "fine"), ANN_EINVAL);
    ck_assert_int_eq(h->set_meta(&f.doc, "words.good", "caf\xc3\xa9"), ANN_OK);
    ck_assert_ptr_nonnull(f.log.data);
    ck_assert_msg(strstr(f.log.data,
                         "annotate: words: mem.txt: set_meta refused: the value is not valid "
                         "UTF-8 at byte 3"),
                  "%s", f.log.data);
    ck_assert_msg(strstr(f.log.data, "the key is not valid UTF-8 at byte 1"), "%s", f.log.data);
    ann_result r;
    ck_assert_int_eq(ann_doc_result(&f.doc, ANN_MERGE_DEFAULT, &r), ANN_OK);
    int good = 0;
    for (size_t i = 0; i < r.n_meta; i++) {
        ck_assert_str_ne(r.meta[i].key, "words.bad");
        good += strcmp(r.meta[i].key, "words.good") == 0;
    }
    ck_assert_int_eq(good, 1);
    fixture_close(&f);
}
END_TEST

static Suite *loader_suite(void)
{
    Suite *s = suite_create("loader");
    TCase *tc = tcase_create("load");
    tcase_add_test(tc, test_search_path_order);
    tcase_add_loop_test(tc, test_name_table, 0, (int)(sizeof name_cases / sizeof name_cases[0]));
    tcase_add_test(tc, test_name_length);
    tcase_add_loop_test(tc, test_load_broken, 0, (int)(sizeof load_cases / sizeof load_cases[0]));
    tcase_add_test(tc, test_load_not_a_shared_object);
    tcase_add_test(tc, test_load_good);
    tcase_add_test(tc, test_data_dir_in_build_tree);
    tcase_add_test(tc, test_load_linked);
    tcase_add_loop_test(tc, test_select_table, 0,
                        (int)(sizeof select_cases / sizeof select_cases[0]));
    tcase_add_test(tc, test_first_on_path_wins);
    tcase_add_loop_test(tc, test_option_table, 0, (int)(sizeof opt_cases / sizeof opt_cases[0]));
    tcase_add_test(tc, test_open_failures);
    tcase_add_test(tc, test_declared_at_open);
    tcase_add_loop_test(tc, test_declare_refused, 0,
                        (int)(sizeof declare_cases / sizeof declare_cases[0]));
    tcase_add_test(tc, test_old_plugins_with_declaring_one);
    tcase_add_test(tc, test_syntax_trees_abi4);
    tcase_add_test(tc, test_options_of_pulled_in_plugin);
    tcase_add_test(tc, test_instances);
    suite_add_tcase(s, tc);
    tc = tcase_create("document");
    tcase_add_test(tc, test_bad_spans_dropped);
    tcase_add_test(tc, test_tokens_traded_for_v2);
    tcase_add_test(tc, test_options_reach_plugin);
    tcase_add_test(tc, test_links_and_needs);
    tcase_add_test(tc, test_plugin_failure);
    tcase_add_test(tc, test_set_meta_refuses_bad_utf8);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(loader_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
