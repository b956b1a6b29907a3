/*
 * doc.h -- the document context behind every ann_host call a plugin makes
 * while annotating, and the step from plugin spans to an ann_result.
 *
 * One ann_doc belongs to one worker and is reused document after document:
 *   ann_doc_init ... (ann_doc_begin, ann_doc_run_plugin*, ann_doc_result,
 *   ann_doc_end)* ... ann_doc_free
 */
#ifndef ANN_RUN_DOC_H
#define ANN_RUN_DOC_H

#include <stddef.h>

#include "annotate/plugin.h"
#include "load/loader.h"
#include "model/result.h"
#include "read/reader.h"
#include "spans/merge.h"
#include "spans/store.h"
#include "text/tokenize.h"
#include "util/arena.h"
#include "util/buf.h"

struct ann_doc {
    const ann_plugin_set *plugins; /* borrowed for the doc's lifetime */
    ann_arena arena;               /* spans, scratch, result: reset per document */
    ann_span_store store;
    size_t current; /* index of the plugin being run */

    /* Per document, borrowed between ann_doc_begin() and ann_doc_end(). */
    const char *path;
    const ann_textdoc *td;
    ann_tokenized *tok; /* its token array may be traded, see tokens_v2 */
    const char *reference_date;
    uint32_t *undeclared; /* borrowed, one per plugin, or NULL: set by
                             host->spans() when the plugin asks for a layer
                             missing from its needs: 1 + that layer's plugin
                             index, or UINT32_MAX for a layer not loaded */
    const char *reference_date_source; /* where the host found reference_date
                                          when not in the run's options
                                          ("front-matter"); NULL: the option */

    ann_attr *meta; /* owned array; strings in the arena */
    size_t n_meta, cap_meta;
    char error[512]; /* the current plugin's doc_error() */
    int emit_failed; /* the host could not store a span (ANN_ENOMEM):
                                      the document fails */
    /* ABI 2 views of the tokenizer's arrays, built on first use; in the arena.
     * Once tokens_v2 is built the tokenizer's ABI 1 array is freed (at once,
     * or after the current plugin when it was lent to it): holding both would
     * cost 44 bytes a token.  tokens_v1 is then rebuilt from tokens_v2 in the
     * arena if a later plugin or the result asks for it. */
    ann_token_v2 *tokens_v2;
    ann_token *tokens_v1; /* in the arena, or NULL */
    int v1_lent;          /* the current plugin holds tok->tokens */
    ann_region_v2 *sentences_v2, *paragraphs_v2;
    struct ann_syntax *syntax; /* ABI 4 trees, parsed on first ask; owned,
                                  freed by ann_doc_end() */
    struct ann_parsers *parsers; /* borrowed: the worker's parsers, which the
                                    trees are parsed with and which outlive
                                    the doc; NULL: a set per document */
    size_t refused;  /* emits refused in this document */
    int skip_tokens; /* ann_doc_result() leaves out the tokens (the
                                      writer reads none); 0 after ann_doc_init() */

    /* Labels seen over all documents of this worker: label_seen[label_base[p] + k]
     * is set when plugin p emitted its k-th declared label. */
    unsigned char *label_seen; /* owned */
    size_t *label_base;        /* owned, n plugins + 1 */
    unsigned char *subsumes;   /* owned, n x n: ann_merge_rules of the set */

    /* When not NULL, warnings and refused spans are appended here instead of
     * going to stderr (tests read them). */
    ann_buf *log;
    struct ann_once *once; /* borrowed: the run's notes said (once.h), or NULL */
};

/* The host function table handed to every plugin's open() (run/host.c). */
#include "run/host.h"

/* Prepares a document context for the plugins of `set` (borrowed until
 * ann_doc_free()).  Returns ANN_OK or ANN_ENOMEM. */
int ann_doc_init(ann_doc *d, const ann_plugin_set *set);
void ann_doc_free(ann_doc *d);

/* Starts a document.  All arguments are borrowed until ann_doc_end(); the
 * doc may free tok->tokens (setting it NULL) once plugins have asked for the
 * ABI 2 tokens, so the caller still frees tok with ann_tokenized_free(). */
void ann_doc_begin(ann_doc *d, const char *path, const ann_textdoc *td, ann_tokenized *tok,
                   const char *reference_date);

/* The ABI 1 tokens of the document (the tokenizer's, or rebuilt from the
 * ABI 2 ones), borrowed until ann_doc_end(); NULL when there are none or
 * memory ran out.  Sets *n. */
const ann_token *ann_doc_tokens_v1(ann_doc *d, size_t *n);

/* Runs plugin i (index in the set) over the document.  Returns what its
 * annotate() returned; on failure d->error holds its message. */
int ann_doc_run_plugin(ann_doc *d, size_t i);

/* Merges the spans of all layers with `policy`, maps them to original-file
 * offsets and fills *out (its tokens too unless d->skip_tokens).  Everything in *out lives in the doc's arena,
 * borrowed until ann_doc_end().  Returns ANN_OK or ANN_ENOMEM. */
int ann_doc_result(ann_doc *d, ann_merge_policy policy, ann_result *out);

/* Ends the document and gives its memory back. */
void ann_doc_end(ann_doc *d);

#endif
