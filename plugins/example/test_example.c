/*
 * test_example.c -- unit tests of the example plugin against the mock host.
 *
 * The tables are written from what e-mail addresses and URLs look like in
 * running text, not from the scanner: each row is a sentence, the exact text
 * the plugin should mark, and its normalized form.
 */
#include <check.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "annotate/plugin.h"
#include "mock/emit_fault.h"
#include "mock/mock_host.h"

const ann_plugin *ann_plugin_example(void);

/* Opens the plugin with the given options, runs it on text and returns the
 * document; caller frees with mock_doc_free() and mock_plugin_close(). */
static mock_doc *run(const char *text, const char *const *opts, mock_plugin **pp)
{
    mock_plugin *p = mock_plugin_open(ann_plugin_example(), opts, NULL);
    ck_assert_msg(p != NULL, "open failed: %s", mock_last_error());
    mock_doc *d = mock_doc_new(text);
    ck_assert_ptr_nonnull(d);
    ck_assert_int_eq(mock_doc_run(d, p), ANN_OK);
    ck_assert_uint_eq(mock_doc_refused(d), 0);
    *pp = p;
    return d;
}

/* ---- positives ------------------------------------------------------------- */

typedef struct found_case {
    const char *text;
    const char *label;
    const char *match;      /* exact text of the one expected span */
    const char *normalized; /* expected attribute */
} found_case;

static const found_case found[] = {
    /* e-mail addresses */
    {"Write to press@renault.com for details.", "EMAIL", "press@renault.com", "press@renault.com"},
    {"Contact: John.Smith@Example.COM.", "EMAIL", "John.Smith@Example.COM",
     "john.smith@example.com"},
    {"mail first.last+tag@mail.example.co.uk, please", "EMAIL", "first.last+tag@mail.example.co.uk",
     "first.last+tag@mail.example.co.uk"},
    {"(jane_doe-99@sub-domain.example.org)", "EMAIL", "jane_doe-99@sub-domain.example.org",
     "jane_doe-99@sub-domain.example.org"},
    {"Is it a%b@example.net?", "EMAIL", "a%b@example.net", "a%b@example.net"},
    {"<info@nissan-global.com>", "EMAIL", "info@nissan-global.com", "info@nissan-global.com"},
    {"mailto:ir@renault.fr", "EMAIL", "ir@renault.fr", "ir@renault.fr"},
    {"\xe2\x80\x9c"
     "ceo@example.jp\xe2\x80\x9d",
     "EMAIL", "ceo@example.jp", "ceo@example.jp"},
    {"x@example.museum", "EMAIL", "x@example.museum", "x@example.museum"},
    {"Ask www.sales@example.com now", "EMAIL", "www.sales@example.com", "www.sales@example.com"},
    {"see..jo@example.org", "EMAIL", "jo@example.org", "jo@example.org"},
    /* URLs */
    {"See https://www.renault.com/en/news for more.", "URL", "https://www.renault.com/en/news",
     "https://www.renault.com/en/news"},
    {"Visit HTTP://Example.COM/Path/To?Q=A#Frag.", "URL", "HTTP://Example.COM/Path/To?Q=A#Frag",
     "http://example.com/Path/To?Q=A#Frag"},
    {"ftp://ftp.example.org/pub/file.tar.gz", "URL", "ftp://ftp.example.org/pub/file.tar.gz",
     "ftp://ftp.example.org/pub/file.tar.gz"},
    {"Go to www.Nissan-Global.com today", "URL", "www.Nissan-Global.com",
     "http://www.nissan-global.com"},
    {"(see https://en.wikipedia.org/wiki/Alliance_(business))", "URL",
     "https://en.wikipedia.org/wiki/Alliance_(business)",
     "https://en.wikipedia.org/wiki/Alliance_(business)"},
    {"(see https://example.com/a)", "URL", "https://example.com/a", "https://example.com/a"},
    {"Is it http://example.com/x?", "URL", "http://example.com/x", "http://example.com/x"},
    {"Sites: http://a.example.com, and more", "URL", "http://a.example.com",
     "http://a.example.com"},
    {"'https://example.com/q?a=1&b=2'", "URL", "https://example.com/q?a=1&b=2",
     "https://example.com/q?a=1&b=2"},
    {"https://example.com:8080/x;", "URL", "https://example.com:8080/x",
     "https://example.com:8080/x"},
    {"ftp://Anon@FTP.Example.org/", "URL", "ftp://Anon@FTP.Example.org/",
     "ftp://Anon@ftp.example.org/"},
    {"\xe2\x80\x9chttps://example.com/\xe2\x80\x9d", "URL", "https://example.com/",
     "https://example.com/"},
    {"at https://de.wikipedia.org/wiki/K\xc3\xb6ln\xe2\x80\xa6", "URL",
     "https://de.wikipedia.org/wiki/K\xc3\xb6ln", "https://de.wikipedia.org/wiki/K\xc3\xb6ln"},
    {"[ref](https://example.com/[1])", "URL", "https://example.com/[1]", "https://example.com/[1]"},
    {"https://example.com/a\xc2\xa0next", "URL", "https://example.com/a", "https://example.com/a"},
    /* Typesetting puts spaces other than U+0020 around addresses: a no-break
     * space after "to", a thin space (U+2009) or a narrow no-break space
     * (U+202F) before a colon or a closing guillemet, the ideographic space
     * (U+3000) in Japanese text.  Each ends the address as a space would. */
    {"Write to\xc2\xa0press@renault.com\xc2\xa0today", "EMAIL", "press@renault.com",
     "press@renault.com"},
    {"Courriel\xe2\x80\xaf: Presse@Renault.FR\xe2\x80\xaf!", "EMAIL", "Presse@Renault.FR",
     "presse@renault.fr"},
    {"\xc2\xab\xe2\x80\xafinfo@example.fr\xe2\x80\xaf\xc2\xbb", "EMAIL", "info@example.fr",
     "info@example.fr"},
    {"\xe9\x80\xa3\xe7\xb5\xa1\xe5\x85\x88\xe3\x80\x80ir@nissan.co.jp\xe3\x80\x80\xe3\x81\xbe\xe3\x81\xa7",
     "EMAIL", "ir@nissan.co.jp", "ir@nissan.co.jp"},
    {"see\xe2\x80\x89https://example.com/news\xe2\x80\x89"
     "for more",
     "URL", "https://example.com/news", "https://example.com/news"},
    {"site\xe2\x80\xaf: www.Example.fr/Actu\xe2\x80\xaf;", "URL", "www.Example.fr/Actu",
     "http://www.example.fr/Actu"},
    {"\xe3\x80\x80https://example.jp/\xe3\x80\x80", "URL", "https://example.jp/",
     "https://example.jp/"},
    /* A dash of any kind after an address is the sentence's, and so is a
     * zero width space (an invisible line-break hint). */
    {"mail jo@example.org\xe2\x80\x94or call", "EMAIL", "jo@example.org", "jo@example.org"},
    {"https://example.com/a\xe2\x80\x8b/b", "URL", "https://example.com/a",
     "https://example.com/a"},
    /* Letters beyond ASCII belong to an IRI: its path keeps them as written,
     * and its host name is case-folded like an ASCII one. */
    {"Voir https://fr.wikipedia.org/wiki/\xc3\x89lectricit\xc3\xa9 ici", "URL",
     "https://fr.wikipedia.org/wiki/\xc3\x89lectricit\xc3\xa9",
     "https://fr.wikipedia.org/wiki/\xc3\x89lectricit\xc3\xa9"},
    {"http://\xc3\x96"
     "BB.at/Fahrplan",
     "URL",
     "http://\xc3\x96"
     "BB.at/Fahrplan",
     "http://\xc3\xb6"
     "bb.at/Fahrplan"},
    {"https://\xd0\xbf\xd1\x80\xd0\xb8\xd0\xbc\xd0\xb5\xd1\x80.\xd1\x80\xd1\x84/", "URL",
     "https://\xd0\xbf\xd1\x80\xd0\xb8\xd0\xbc\xd0\xb5\xd1\x80.\xd1\x80\xd1\x84/",
     "https://\xd0\xbf\xd1\x80\xd0\xb8\xd0\xbc\xd0\xb5\xd1\x80.\xd1\x80\xd1\x84/"},
    /* A symbol is not a break: the euro sign stays in the path. */
    {"https://example.com/prix/\xe2\x82\xac"
     "10 now",
     "URL",
     "https://example.com/prix/\xe2\x82\xac"
     "10",
     "https://example.com/prix/\xe2\x82\xac"
     "10"},
};

START_TEST(test_found)
{
    const found_case *c = &found[_i];
    mock_plugin *p;
    mock_doc *d = run(c->text, NULL, &p);
    size_t n;
    const ann_span *s = mock_doc_spans(d, "example", &n);
    ck_assert_msg(n == 1, "'%s': expected 1 span, got %zu", c->text, n);
    const char *t = mock_doc_text(d);
    size_t len = strlen(c->match);
    ck_assert_msg(s[0].end - s[0].start == len && memcmp(t + s[0].start, c->match, len) == 0,
                  "'%s': expected '%s', got '%.*s'", c->text, c->match,
                  (int)(s[0].end - s[0].start), t + s[0].start);
    ck_assert_str_eq(s[0].label, c->label);
    ck_assert_pstr_eq(mock_span_attr(&s[0], "normalized"), c->normalized);
    mock_doc_free(d);
    mock_plugin_close(p);
}
END_TEST

/* ---- negatives: nothing of the label may be found ---------------------------- */

typedef struct absent_case {
    const char *text;
    const char *label;
} absent_case;

static const absent_case absent[] = {
    {"The meeting is @ noon.", "EMAIL"},
    {"Follow @renault_group on social media.", "EMAIL"},
    {"user@localhost is a local account", "EMAIL"},
    {"Shares rose 3@4 percent.", "EMAIL"},
    {"a@b.c is too short a domain", "EMAIL"},
    {"root@192.168.0.1 is an address literal", "EMAIL"},
    {"bad@-example.com", "EMAIL"},
    {"bad@example-.com", "EMAIL"},
    {"john.@example.com", "EMAIL"},
    {"name@example.com2", "EMAIL"},
    {"jos\xc3\xa9@example.com", "EMAIL"},
    {"\xc3\xa9mile@example.com", "EMAIL"},
    {"a@b@example.com", "EMAIL"},
    {"In 2019, Renault and Nissan signed it.", "EMAIL"},
    {"The alliance, formed in 1999, is strong.", "URL"},
    {"http:// is only a scheme", "URL"},
    {"Type www. followed by a name.", "URL"},
    {"www.example without a dot after", "URL"},
    {"The file is in the www. folder", "URL"},
    {"xhttp://example.com is not a URL start", "URL"},
    {"mailto:ir@renault.fr is not a web URL", "URL"},
    {"https is secure; ftp is old; www is the web.", "URL"},
    {"Jean-Dominique Senard and Makoto Uchida", "URL"},
    {"smtp://mail.example.com has another scheme", "URL"},
    {"https://.", "URL"},
    /* An address is ASCII: a letter of another script right before or after
     * it makes it part of a word that is no address ("Zoë@..." is no local
     * part, "a@b.comé" no domain), whatever the script. */
    {"Zo\xc3\xab@example.com", "EMAIL"},
    {"\xce\xb1\xce\xb2@example.com", "EMAIL"},
    {"info@example.com\xc3\xa9", "EMAIL"},
    {"info@example.\xd1\x80\xd1\x84", "EMAIL"},
    /* A URL scheme glued to a word of another script does not start a URL. */
    {"\xc3\xa9https://example.com", "URL"},
    {"\xd0\xb6www.example.com", "URL"},
};

START_TEST(test_absent)
{
    const absent_case *c = &absent[_i];
    mock_plugin *p;
    mock_doc *d = run(c->text, NULL, &p);
    size_t n;
    const ann_span *s = mock_doc_spans(d, "example", &n);
    for (size_t k = 0; k < n; k++)
        ck_assert_msg(strcmp(s[k].label, c->label) != 0, "'%s': unexpected %s '%.*s'", c->text,
                      s[k].label, (int)(s[k].end - s[k].start), mock_doc_text(d) + s[k].start);
    mock_doc_free(d);
    mock_plugin_close(p);
}
END_TEST

/* ---- several in one text, and no address inside a URL ------------------------- */

START_TEST(test_mixed)
{
    static const char text[] = "Mail a@example.com or see https://example.org/x, then "
                               "ftp://anonymous@ftp.example.org/pub and b@example.net.";
    static const struct {
        const char *match, *label;
    } want[] = {
        {"a@example.com", "EMAIL"},
        {"https://example.org/x", "URL"},
        {"ftp://anonymous@ftp.example.org/pub", "URL"},
        {"b@example.net", "EMAIL"},
    };
    mock_plugin *p;
    mock_doc *d = run(text, NULL, &p);
    size_t n;
    const ann_span *s = mock_doc_spans(d, "example", &n);
    ck_assert_uint_eq(n, sizeof want / sizeof want[0]);
    for (size_t k = 0; k < n; k++) {
        size_t len = strlen(want[k].match);
        ck_assert_uint_eq(s[k].end - s[k].start, len);
        ck_assert_int_eq(memcmp(text + s[k].start, want[k].match, len), 0);
        ck_assert_str_eq(s[k].label, want[k].label);
    }
    mock_doc_free(d);
    mock_plugin_close(p);
}
END_TEST

/* ---- the option --------------------------------------------------------------- */

START_TEST(test_option_urls_off)
{
    static const char *const opts[] = {"urls=0", NULL};
    mock_plugin *p;
    mock_doc *d = run("See https://example.org/ or write to a@example.com.", opts, &p);
    size_t n;
    const ann_span *s = mock_doc_spans(d, "example", &n);
    ck_assert_uint_eq(n, 1);
    ck_assert_str_eq(s[0].label, "EMAIL");
    mock_doc_free(d);
    mock_plugin_close(p);
}
END_TEST

START_TEST(test_option_bad_value)
{
    static const char *const opts[] = {"urls=maybe", NULL};
    mock_plugin *p = mock_plugin_open(ann_plugin_example(), opts, NULL);
    ck_assert_ptr_null(p);
    ck_assert_msg(strstr(mock_last_error(), "urls") != NULL, "message does not name the option: %s",
                  mock_last_error());
}
END_TEST

START_TEST(test_empty_document)
{
    mock_plugin *p;
    mock_doc *d = run("", NULL, &p);
    size_t n;
    (void)mock_doc_spans(d, "example", &n);
    ck_assert_uint_eq(n, 0);
    mock_doc_free(d);
    mock_plugin_close(p);
}
END_TEST

START_TEST(test_descriptor)
{
    const ann_plugin *pl = ann_plugin_example();
    ck_assert_uint_eq(pl->abi_version, ANN_ABI_VERSION);
    ck_assert_uint_eq(pl->size, sizeof(ann_plugin));
    ck_assert_str_eq(pl->name, "example");
    /* An ABI 2 plugin: the host must call annotate_v2(), never annotate(). */
    ck_assert_ptr_null(pl->annotate);
    ck_assert_ptr_nonnull(pl->annotate_v2);
    ck_assert_ptr_nonnull(pl->options);
    ck_assert_str_eq(pl->options[0].key, "urls");
    ck_assert_ptr_null(pl->options[1].key);
}
END_TEST

/* ---- what the plugin does with emit_v2()'s answer ----------------------------- */

/* A refused span is the host's to report: the other matches still count.
 * Out of memory fails the document: no more emits, and the status is
 * passed on to the host. */
START_TEST(test_emit_answers)
{
    emit_fault_check_answers(ann_plugin_example(), NULL,
                             "a@example.com, https://example.org/ and b@example.net", NULL, 3);
}
END_TEST

/* ---- reentrancy: one opened plugin, several threads ---------------------------- */

/* The host runs annotate() on many threads with one state.  Each thread here
 * annotates its own documents, again and again, and checks that it gets back
 * its own address: a static buffer or a state written during annotate()
 * would mix them up. */
typedef struct thread_job {
    mock_plugin *p;
    int index;
    int bad; /* runs whose result was wrong */
} thread_job;

static void *thread_main(void *arg)
{
    thread_job *job = arg;
    char text[128], want[64];
    snprintf(want, sizeof want, "user%d@example%d.org", job->index, job->index);
    snprintf(text, sizeof text,
             "Write to User%d@Example%d.ORG or see https://Site%d.example.com/x.", job->index,
             job->index, job->index);
    for (int round = 0; round < 200; round++) {
        mock_doc *d = mock_doc_new(text);
        size_t n = 0;
        const ann_span *s = NULL;
        if (d != NULL && mock_doc_run(d, job->p) == ANN_OK)
            s = mock_doc_spans(d, "example", &n);
        const char *norm = n == 2 ? mock_span_attr(&s[0], "normalized") : NULL;
        if (norm == NULL || strcmp(norm, want) != 0)
            job->bad++;
        mock_doc_free(d);
    }
    return NULL;
}

START_TEST(test_threads)
{
    enum { N_THREADS = 4 };
    mock_plugin *p = mock_plugin_open(ann_plugin_example(), NULL, NULL);
    ck_assert_ptr_nonnull(p);
    pthread_t th[N_THREADS];
    thread_job jobs[N_THREADS];
    for (int i = 0; i < N_THREADS; i++) {
        jobs[i] = (thread_job){p, i, 0};
        ck_assert_int_eq(pthread_create(&th[i], NULL, thread_main, &jobs[i]), 0);
    }
    for (int i = 0; i < N_THREADS; i++) {
        pthread_join(th[i], NULL);
        ck_assert_msg(jobs[i].bad == 0, "thread %d: %d wrong runs", i, jobs[i].bad);
    }
    mock_plugin_close(p);
}
END_TEST

static Suite *example_suite(void)
{
    Suite *s = suite_create("example");
    TCase *tc = tcase_create("core");
    tcase_add_loop_test(tc, test_found, 0, (int)(sizeof found / sizeof found[0]));
    tcase_add_loop_test(tc, test_absent, 0, (int)(sizeof absent / sizeof absent[0]));
    tcase_add_test(tc, test_mixed);
    tcase_add_test(tc, test_option_urls_off);
    tcase_add_test(tc, test_option_bad_value);
    tcase_add_test(tc, test_empty_document);
    tcase_add_test(tc, test_descriptor);
    tcase_add_test(tc, test_emit_answers);
    tcase_add_test(tc, test_threads);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(example_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
