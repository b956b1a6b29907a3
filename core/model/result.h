/*
 * result.h -- one annotated document as every writer and viewer sees it.
 *
 * The run loop builds an ann_result after the merge; `annotate view` builds
 * the same structure from a .ann.json file.  Writers (json, jsonl, brat,
 * conll, timeml, html, text, terminal) only ever read it, so a writer never
 * knows whether the spans came from plugins or from a file.
 *
 * All offsets here are byte offsets into the ORIGINAL file (not the text
 * view), end exclusive.  Writers that need other units convert at the edge.
 */
#ifndef ANN_MODEL_RESULT_H
#define ANN_MODEL_RESULT_H

#include <stddef.h>
#include <stdint.h>

#include "annotate/plugin.h"

struct ann_textdoc; /* read/reader.h */

/* Version of the JSON document schema (doc/annotate.schema.json). */
#define ANN_SCHEMA_VERSION "1.0"

typedef struct ann_out_span {
    uint32_t id;       /* unique in the document; links refer to it */
    size_t start, end; /* original-file byte offsets */
    const char *layer; /* plugin name */
    const char *label;
    const ann_attr *attrs; /* n_attrs entries */
    size_t n_attrs;
    const ann_link *links; /* n_links entries; target is an id above */
    size_t n_links;
} ann_out_span;

typedef struct ann_out_token {
    size_t start, end; /* original-file byte offsets */
    uint16_t kind;     /* ANN_TOK_* */
    uint16_t flags;    /* ANN_TOKF_* */
    uint32_t sentence;
} ann_out_token;

typedef struct ann_out_plugin {
    const char *name; /* its layer: what the spans' layer names */
    const char *version;
    const char *plugin; /* the plugin's own name when it named its layer
                            otherwise (plugin ABI 3 set_layer), else NULL */
} ann_out_plugin;

/* A layer missing from the document because its plugin failed on it (it
 * crashed, hung, ran out of memory or returned an error) or needs a layer
 * that failed.  The other layers are still there. */
typedef struct ann_out_failure {
    const char *plugin; /* the plugin's name */
    const char *reason; /* "SIGSEGV", "timeout after 60 s", its message... */
} ann_out_failure;

/* Everything below is borrowed from whoever built the result (the run loop's
 * per-document arena, or the JSON reader's) and lives as long as it. */
typedef struct ann_result {
    const char *path;           /* document path as given by the user */
    const char *abs_path;       /* the same made absolute (symbolic links
                                   resolved); NULL when unknown */
    const char *rel_path;       /* relative to the annotation file's folder;
                                   NULL when unknown */
    const char *record_id;      /* the id of an `annotate --stdin` record as
                                   compact JSON, written first; NULL: none */
    const unsigned char *bytes; /* the original file, `size` bytes */
    size_t size;
    char sha256[65];    /* lowercase hex of the original bytes */
    const char *reader; /* "text", "markdown" or "html" */

    const ann_attr *meta; /* document facts: reference_date, ... */
    size_t n_meta;

    const ann_out_plugin *plugins; /* plugins that ran, in run order */
    size_t n_plugins;

    const ann_out_failure *failed; /* layers left out, in run order; may be NULL */
    size_t n_failed;

    const ann_out_span *spans; /* merged: start asc, longer first, layer order */
    size_t n_spans;

    /* Tokens and sentences, when available (the run loop has them, a result
     * read back from JSON may not: then tokens is NULL). */
    const ann_out_token *tokens;
    size_t n_tokens;

    /* The reader's text view of `bytes` (the prose the plugins read, its
     * blocks and the offset map), or NULL: then the views and exchange
     * formats show the bytes as they are (write/textview.h). */
    const struct ann_textdoc *source;
} ann_result;

#endif
