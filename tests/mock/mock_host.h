/*
 * mock_host.h -- the annotate host in process, for plugin unit tests.
 *
 * Plugin tests link the plugin's sources and this mock instead of running
 * the annotate program: no dlopen, no files.  Behind this small API is the
 * host's own code -- loader, function table, text reader, tokenizer, span
 * checks and store -- so a test sees exactly what `annotate` would do: a
 * refused span is refused here too, and host->spans() answers only for the
 * plugin's own layer and its `needs`.
 *
 * annotate's own tests link tests/mock/libmockhost.la; `make install` puts
 * the same mock in place for plugin authors as libannotate-mock with this
 * header as <annotate/mock_host.h> (pkg-config annotate-mock).
 *
 *     mock_plugin *p = mock_plugin_open(ann_plugin_numbers(), opts, NULL);
 *     mock_doc *d = mock_doc_new("It rose 34 percent.");
 *     ck_assert_int_eq(mock_doc_run(d, p), ANN_OK);
 *     const ann_span *s = mock_doc_find(d, "numbers", 8, 18);
 *     ck_assert_str_eq(mock_span_attr(s, "value"), "34");
 */
#ifndef ANN_TESTS_MOCK_HOST_H
#define ANN_TESTS_MOCK_HOST_H

#include <stddef.h>
#include <stdint.h>

#include "annotate/plugin.h"

typedef struct mock_plugin mock_plugin;
typedef struct mock_doc mock_doc;

/* Opens plugin `desc` with options given as "key=value" strings (NULL-ended
 * array, or NULL).  data_dir is what host->data_dir() answers (NULL: ".").
 * Returns NULL when open() fails; the message is then in mock_last_error().
 * Caller frees with mock_plugin_close(). */
mock_plugin *mock_plugin_open(const ann_plugin *desc, const char *const *options,
                              const char *data_dir);
void mock_plugin_close(mock_plugin *p);

/* The plugin's layer name: its name, or what it declared with set_layer()
 * when it opened.  Borrowed until mock_plugin_close(). */
const char *mock_plugin_layer(const mock_plugin *p);

struct ann_loaded_plugin;

/* The loaded plugin behind p, for tests of what open() declared.
 * Borrowed until mock_plugin_close(). */
const struct ann_loaded_plugin *mock_plugin_loaded(const mock_plugin *p);

/* The last message the plugin reported through open_error/doc_error/doc_warn,
 * or through a refused emit; "" when none.  Borrowed until the next call. */
const char *mock_last_error(void);

/* A document over a copy of `text`, read as a plain-text file (so it must be
 * UTF-8 without NUL bytes; a BOM is dropped) and tokenized as `annotate`
 * does.  NULL when the reader refuses it, with the reason in
 * mock_last_error().  Caller frees with mock_doc_free(). */
mock_doc *mock_doc_new(const char *text);
mock_doc *mock_doc_new_len(const char *text, size_t len);

/* The same, read by the reader named `reader`: "text", "markdown" or
 * "html", so that a plugin sees the text view and, through the host's
 * syntax_trees() (ABI 4), the syntax trees of that format. */
mock_doc *mock_doc_new_as(const char *text, size_t len, const char *reader);
void mock_doc_free(mock_doc *d);

/* What host->reference_date() answers (copied); NULL for none. */
void mock_doc_set_reference_date(mock_doc *d, const char *yyyy_mm_dd);

/* Adds a span of an earlier layer by hand, as if plugin `layer` had emitted
 * it (e.g. entities before quotes).  Copies the strings.  Returns its id, or
 * 0 (message in mock_last_error()) for a span that is empty, out of bounds
 * or not on character boundaries. */
uint32_t mock_doc_add_span(mock_doc *d, const char *layer, uint32_t start, uint32_t end,
                           const char *label);

/* Runs the opened plugin over the document; its spans are kept under the
 * plugin's name, so several plugins can run on one document in turn.
 * Returns what annotate() returned. */
int mock_doc_run(mock_doc *d, mock_plugin *p);

/* Spans of a layer, sorted by start, longer first.  A copy, borrowed until
 * the document is freed (so are the spans the functions below answer). */
const ann_span *mock_doc_spans(mock_doc *d, const char *layer, size_t *n);

/* The span of `layer` with exactly this extent, or NULL. */
const ann_span *mock_doc_find(mock_doc *d, const char *layer, uint32_t start, uint32_t end);

/* The span of `layer` whose text is exactly `text` (first such), or NULL. */
const ann_span *mock_doc_find_text(mock_doc *d, const char *layer, const char *text);

/* The span by id, or NULL. */
const ann_span *mock_doc_span_by_id(mock_doc *d, uint32_t id);

/* Value of attribute `key` of a span, or NULL. */
const char *mock_span_attr(const ann_span *s, const char *key);

/* A meta value set by a plugin with set_meta, or NULL. */
const char *mock_doc_meta(mock_doc *d, const char *key);

/* The document text and the shared tokens (for tokenizer-aware tests). */
const char *mock_doc_text(mock_doc *d);
const ann_token *mock_doc_tokens(mock_doc *d, size_t *n);

/* Reads a whole file (corpus articles, bench documents, model files) into
 * memory with a NUL after it; *len (if not NULL) receives its size.  Returns
 * NULL when it cannot be read.  Caller frees with free(). */
char *mock_read_file(const char *path, size_t *len);

/* Number of emits the host refused (bad bounds, label, link) so far. */
size_t mock_doc_refused(mock_doc *d);

#endif
