/*
 * test_run.c -- the run loop end to end, in process, with the test plugins
 * words and pairs (issue 2: "Output is written atomically, one file per
 * input"; a bad document is reported, its output not written, the others
 * go on, exit status 1; -o - streams one JSON object per line), with worker
 * threads and with worker processes (issue 13: a plugin that fails on a
 * document fails only its layer, recorded under "failed").
 */
#include <check.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "load/loader.h"
#include "run/doc.h"
#include "run/once.h"
#include "run/run.h"
#include "write/sink.h"
#include "write/json.h"

#define TEST_PLUGINS ANN_ABS_BUILDDIR "/tests/unit/plugins/.libs"

typedef struct tdoc {
    const char *name;
    const char *text;
    int ok;             /* expected to be written */
    const char *failed; /* the layer expected under "failed", or NULL */
} tdoc;

static const tdoc docs[] = {
    {"one.txt", "Luca de Meo met \"G\xc3\xa9rard\" in Tokyo.\n\nThe Board agreed.\n", 1, NULL},
    {"two.txt",
     "\xef\xbb\xbf"
     "BOM first: Nissan and Renault\xe2\x80\x99s plan.\r\nNext line.\r\n",
     1, NULL},
    {"bad.txt", "Valid start \xc3\x28 then broken.\n", 0, NULL},
    /* pairs fails here: written with the words layer only */
    {"fail.txt", "This has FAILME inside.\n", 1, "pairs"},
    {"empty.txt", "", 1, NULL},
    {"three.txt", "Tab\tand \\ backslash, Zo\xc3\xab.\n", 1, NULL},
};
#define N_DOCS (sizeof docs / sizeof docs[0])

typedef struct run_env {
    char dir[64];
    char out[96];
    char *paths[N_DOCS];
    ann_strlist path;
    ann_plugin_set set;
} run_env;

static void env_open(run_env *e)
{
    memset(e, 0, sizeof *e);
    snprintf(e->dir, sizeof e->dir, "/tmp/ann-run-XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(e->dir));
    snprintf(e->out, sizeof e->out, "%s/out/nested", e->dir);
    for (size_t i = 0; i < N_DOCS; i++) {
        e->paths[i] = malloc(strlen(e->dir) + strlen(docs[i].name) + 2);
        sprintf(e->paths[i], "%s/%s", e->dir, docs[i].name);
        FILE *f = fopen(e->paths[i], "wb");
        ck_assert_ptr_nonnull(f);
        fwrite(docs[i].text, 1, strlen(docs[i].text), f);
        fclose(f);
    }
    char err[2048] = "";
    ann_strlist_add(&e->path, TEST_PLUGINS);
    ck_assert_msg(ann_select_plugins(&e->path, "pairs", &e->set, err, sizeof err) == ANN_OK, "%s",
                  err);
    ck_assert_msg(ann_open_plugins(&e->set, &ann_host_table, err, sizeof err) == ANN_OK, "%s", err);
}

static void env_close(run_env *e)
{
    ann_plugin_set_free(&e->set);
    ann_strlist_free(&e->path);
    for (size_t i = 0; i < N_DOCS; i++)
        free(e->paths[i]);
    char cmd[160];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", e->dir);
    ck_assert_int_eq(system(cmd), 0);
}

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    size_t got = fread(buf, 1, (size_t)n, f);
    fclose(f);
    buf[got] = '\0';
    if (len)
        *len = got;
    return buf;
}

/* Checks one output object against the document it came from. */
static void check_object(json_t *j, const tdoc *d, const char *path)
{
    ck_assert_str_eq(json_string_value(json_object_get(j, "schema")), "annotate/1.0");
    json_t *doc = json_object_get(j, "document");
    ck_assert_str_eq(json_string_value(json_object_get(doc, "path")), path);
    size_t size = strlen(d->text);
    ck_assert_int_eq(json_integer_value(json_object_get(doc, "size")), (json_int_t)size);
    ck_assert_uint_eq(strlen(json_string_value(json_object_get(doc, "sha256"))), 64);
    json_t *failed = json_object_get(j, "failed");
    if (d->failed) {
        ck_assert_msg(json_array_size(failed) == 1, "%s: expected one failed layer", d->name);
        json_t *f = json_array_get(failed, 0);
        ck_assert_str_eq(json_string_value(json_object_get(f, "plugin")), d->failed);
        ck_assert_ptr_nonnull(json_string_value(json_object_get(f, "reason")));
    } else {
        ck_assert_msg(failed == NULL, "%s: unexpected failed layers", d->name);
    }
    json_t *spans = json_object_get(j, "spans");
    ck_assert(json_is_array(spans));
    size_t prev_start = 0;
    for (size_t i = 0; i < json_array_size(spans); i++) {
        json_t *s = json_array_get(spans, i);
        size_t start = (size_t)json_integer_value(json_object_get(s, "start"));
        size_t end = (size_t)json_integer_value(json_object_get(s, "end"));
        ck_assert(start < end && end <= size);
        ck_assert(start >= prev_start); /* merged order */
        prev_start = start;
        if (d->failed)
            ck_assert_str_ne(json_string_value(json_object_get(s, "layer")), d->failed);
        json_t *t = json_object_get(s, "text");
        ck_assert_uint_eq(json_string_length(t), end - start);
        ck_assert_msg(memcmp(json_string_value(t), d->text + start, end - start) == 0,
                      "%s: span %zu text differs from the file's bytes", d->name, i);
        /* every link names a span of the document */
        json_t *links = json_object_get(s, "links");
        for (size_t l = 0; l < json_array_size(links); l++) {
            json_int_t target =
                json_integer_value(json_object_get(json_array_get(links, l), "target"));
            int found = 0;
            for (size_t k = 0; k < json_array_size(spans); k++)
                found |=
                    json_integer_value(json_object_get(json_array_get(spans, k), "id")) == target;
            ck_assert_msg(found, "%s: dangling link to %lld", d->name, (long long)target);
        }
    }
}

START_TEST(test_run_to_folder)
{
    run_env e;
    env_open(&e);
    ann_run_opts o;
    memset(&o, 0, sizeof o);
    o.files = (const char *const *)e.paths;
    o.n_files = N_DOCS;
    o.writer = ann_writer_find("json");
    o.outdir = e.out; /* does not exist yet: created */
    o.jobs = (unsigned)(_i % 3 + 1);
    o.isolate = _i >= 3;
    o.timeout_sec = 30;
    o.quiet = 1;
    ck_assert_int_eq(ann_run(&e.set, &o), 1); /* two documents fail */
    for (size_t i = 0; i < N_DOCS; i++) {
        char *name = ann_output_name(docs[i].name, ".ann.json");
        char out[256];
        snprintf(out, sizeof out, "%s/%s", e.out, name);
        free(name);
        size_t len;
        char *data = slurp(out, &len);
        if (!docs[i].ok) {
            ck_assert_msg(data == NULL, "%s: output written for a failed document", docs[i].name);
            continue;
        }
        ck_assert_msg(data != NULL, "%s: no output", out);
        json_error_t err;
        json_t *j = json_loadb(data, len, 0, &err);
        ck_assert_msg(j != NULL, "%s: %s", out, err.text);
        check_object(j, &docs[i], e.paths[i]);
        json_decref(j);
        free(data);
    }
    /* No temporary files are left behind. */
    char cmd[200];
    snprintf(cmd, sizeof cmd, "test -z \"$(ls -A '%s' | grep -v '\\.ann\\.json$')\"", e.out);
    ck_assert_int_eq(system(cmd), 0);
    env_close(&e);
}
END_TEST

START_TEST(test_run_stream)
{
    run_env e;
    env_open(&e);
    char capture[128];
    snprintf(capture, sizeof capture, "%s/stdout", e.dir);
    ck_assert_ptr_nonnull(freopen(capture, "w", stdout));
    ann_run_opts o;
    memset(&o, 0, sizeof o);
    o.files = (const char *const *)e.paths;
    o.n_files = N_DOCS;
    o.writer = ann_writer_find("jsonl");
    o.outdir = NULL;
    o.jobs = 3;
    o.isolate = _i;
    o.quiet = 1;
    ck_assert_int_eq(ann_run(&e.set, &o), 1);
    fflush(stdout);
    char *data = slurp(capture, NULL);
    ck_assert_ptr_nonnull(data);
    /* One line per written document, in input order. */
    char *save = NULL;
    char *line = strtok_r(data, "\n", &save);
    for (size_t i = 0; i < N_DOCS; i++) {
        if (!docs[i].ok)
            continue;
        ck_assert_msg(line != NULL, "missing line for %s", docs[i].name);
        json_error_t err;
        json_t *j = json_loads(line, 0, &err);
        ck_assert_msg(j != NULL, "%s: %s", docs[i].name, err.text);
        check_object(j, &docs[i], e.paths[i]);
        json_decref(j);
        line = strtok_r(NULL, "\n", &save);
    }
    ck_assert_msg(line == NULL, "extra output: %s", line);
    free(data);
    env_close(&e);
}
END_TEST

START_TEST(test_run_deterministic)
{
    /* -j 1 and -j 4, threads and processes, write the same bytes. */
    run_env e;
    env_open(&e);
    char *first[N_DOCS] = {NULL};
    for (unsigned jobs = 1; jobs <= 4; jobs += 3) {
        for (int isolate = 0; isolate < 2; isolate++) {
            ann_run_opts o;
            memset(&o, 0, sizeof o);
            o.files = (const char *const *)e.paths;
            o.n_files = N_DOCS;
            o.writer = ann_writer_find("json");
            o.outdir = e.out;
            o.jobs = jobs;
            o.isolate = isolate;
            o.quiet = 1;
            ann_run(&e.set, &o);
            for (size_t i = 0; i < N_DOCS; i++) {
                if (!docs[i].ok)
                    continue;
                char *name = ann_output_name(docs[i].name, ".ann.json");
                char out[256];
                snprintf(out, sizeof out, "%s/%s", e.out, name);
                free(name);
                char *data = slurp(out, NULL);
                ck_assert_ptr_nonnull(data);
                if (jobs == 1 && !isolate) {
                    first[i] = data;
                } else {
                    ck_assert_str_eq(data, first[i]);
                    free(data);
                }
            }
        }
    }
    for (size_t i = 0; i < N_DOCS; i++)
        free(first[i]);
    env_close(&e);
}
END_TEST

typedef struct name_case {
    const char *path, *ext, *expect;
} name_case;

static const name_case name_cases[] = {
    {"corpus/alliance-tokyo.txt", ".ann.json", "alliance-tokyo.ann.json"},
    {"a.b/c.md", ".ann.json", "c.ann.json"},
    {"noext", ".ann", "noext.ann"},
    {".hidden", ".x", ".hidden.x"},
    {"dir/page.tar.html", ".html", "page.tar.html"},
};

START_TEST(test_output_names)
{
    const name_case *c = &name_cases[_i];
    char *n = ann_output_name(c->path, c->ext);
    ck_assert_str_eq(n, c->expect);
    free(n);
}
END_TEST

/* A note about the run is said once: per plugin name and text, and across
 * processes forked after the table was made (the worker processes). */
START_TEST(test_once_per_run)
{
    ann_once *t = ann_once_new();
    ck_assert_ptr_nonnull(t);
    ck_assert_int_eq(ann_once_first(t, "rules", "skipped on plain text"), 1);
    ck_assert_int_eq(ann_once_first(t, "rules", "skipped on plain text"), 0);
    ck_assert_int_eq(ann_once_first(t, "outline", "skipped on plain text"), 1);
    ck_assert_int_eq(ann_once_first(t, "rules", "skipped on plain tex"), 1);
    pid_t pid = fork();
    ck_assert_int_ge(pid, 0);
    if (pid == 0)
        _exit(ann_once_first(t, "dates", "said in a worker") == 1 ? 0 : 1);
    int st = 0;
    ck_assert_int_eq(waitpid(pid, &st, 0), pid);
    ck_assert(WIFEXITED(st) && WEXITSTATUS(st) == 0);
    ck_assert_int_eq(ann_once_first(t, "dates", "said in a worker"), 0);
    /* Past a full table a note prints again rather than vanish. */
    char text[32];
    for (int k = 0; k < 600; k++) {
        snprintf(text, sizeof text, "note %d", k);
        ann_once_first(t, "many", text);
    }
    ck_assert_int_eq(ann_once_first(t, "many", "one more"), 1);
    ck_assert_int_eq(ann_once_first(t, "many", "one more"), 1);
    ann_once_free(t);
    ck_assert_int_eq(ann_once_first(NULL, "rules", "no table"), 1);
}
END_TEST

static Suite *run_suite(void)
{
    Suite *s = suite_create("run");
    TCase *tc = tcase_create("run");
    tcase_set_timeout(tc, 30);
    tcase_add_loop_test(tc, test_run_to_folder, 0, 6);
    tcase_add_loop_test(tc, test_run_stream, 0, 2);
    tcase_add_test(tc, test_run_deterministic);
    tcase_add_test(tc, test_once_per_run);
    tcase_add_loop_test(tc, test_output_names, 0, (int)(sizeof name_cases / sizeof name_cases[0]));
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(run_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
