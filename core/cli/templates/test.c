/*
 * test_@NAME@.c -- unit test of the @NAME@ plugin, without the annotate program.
 *
 * It runs the plugin on annotate's mock host (libannotate-mock, installed
 * with annotate; pkg-config annotate-mock): the real host code in a library
 * -- the reader, the tokenizer, the checks every emitted span passes -- with
 * a small API to open a plugin, make a document from a string, run the
 * plugin and look at its spans.  So what passes here behaves the same in
 * `annotate`.  Change the cases when you change the plugin.
 *
 *     make check
 */
#include <annotate/mock_host.h>

#include <stdio.h>
#include <string.h>

const ann_plugin *ann_plugin_@NAME@(void);

static int failures;

static void expect(int ok, const char *what)
{
    printf("%s: %s\n", ok ? "PASS" : "FAIL", what);
    if (!ok && mock_last_error()[0] != '\0')
        printf("  last message from the host: %s\n", mock_last_error());
    failures += !ok;
}

/* Whether the MATCH span over exactly `text` exists with word=`word`. */
static int marked(mock_doc *d, const char *text, const char *word)
{
    const ann_span *s = mock_doc_find_text(d, "@NAME@", text);
    return s != NULL && strcmp(s->label, "MATCH") == 0 && mock_span_attr(s, "word") != NULL &&
           strcmp(mock_span_attr(s, "word"), word) == 0;
}

/* Opens the plugin with options (NULL-ended "key=value" strings, or NULL),
 * runs it over text and returns the document; NULL when open fails. */
static mock_doc *run(const char *const *options, const char *text)
{
    mock_plugin *p = mock_plugin_open(ann_plugin_@NAME@(), options, NULL);
    if (p == NULL)
        return NULL;
    mock_doc *d = mock_doc_new(text);
    if (d != NULL && mock_doc_run(d, p) != ANN_OK) {
        mock_doc_free(d);
        d = NULL;
    }
    mock_plugin_close(p);
    return d;
}

int main(void)
{
    const ann_plugin *pl = ann_plugin_@NAME@();
    expect(pl->abi_version == ANN_ABI_VERSION && strcmp(pl->name, "@NAME@") == 0,
           "descriptor has our ABI and name");

    static const char *const alpha_beta[] = {"words=alpha,beta", NULL};
    mock_doc *d = run(alpha_beta, "Alpha, then beta; not alphabet.");
    size_t n = 0;
    expect(d != NULL, "open and annotate succeed");
    if (d != NULL) {
        mock_doc_spans(d, "@NAME@", &n);
        expect(n == 2, "two words of the list are found, not the word inside \"alphabet\"");
        expect(marked(d, "Alpha", "alpha"), "\"Alpha\" is marked, case ignored, with word=alpha");
        expect(mock_span_attr(mock_doc_find(d, "@NAME@", 0, 5), "capitalized") != NULL &&
                   strcmp(mock_span_attr(mock_doc_find(d, "@NAME@", 0, 5), "capitalized"), "yes") == 0,
               "\"Alpha\" is capitalized");
        expect(marked(d, "beta", "beta"), "\"beta\" is marked");
        expect(mock_doc_refused(d) == 0, "the host refused no span");
        mock_doc_free(d);
    }

    static const char *const accented[] = {"words=élan,σοφία", NULL};
    d = run(accented, "ÉLAN and Σοφία, not elan.");
    expect(d != NULL && marked(d, "ÉLAN", "élan") && marked(d, "Σοφία", "σοφία") &&
               mock_doc_find_text(d, "@NAME@", "elan") == NULL,
           "case is folded beyond ASCII, accents are kept");
    mock_doc_free(d);

    d = run(NULL, "A plugin for annotate.");
    expect(d != NULL && mock_doc_spans(d, "@NAME@", &n) != NULL && n == 2, "the default list is used");
    mock_doc_free(d);

    static const char *const empty[] = {"words=,,", NULL};
    expect(mock_plugin_open(pl, empty, NULL) == NULL && strstr(mock_last_error(), "words") != NULL,
           "an empty word list is refused at open, naming the option");

    printf("%s\n", failures == 0 ? "all passed" : "some failed");
    return failures == 0 ? 0 : 1;
}
