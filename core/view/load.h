/*
 * load.h -- read an annotation file (.ann.json, schema annotate/1.x) back
 * into an ann_result, for `annotate view` and `annotate stats`.
 */
#ifndef ANN_VIEW_LOAD_H
#define ANN_VIEW_LOAD_H

#include <stddef.h>

#include "model/result.h"

typedef struct ann_loaded ann_loaded;

enum {
    ANN_LOAD_DOCUMENT = 1 /* also read the original document and check its SHA-256 */
};

/* Reads and checks the annotation file `path`.  With ANN_LOAD_DOCUMENT the
 * document named in it is read too (its path as written, else relative to
 * the annotation file's folder or that folder's parent) and must be a
 * regular file matching the recorded size and SHA-256; no more than the
 * recorded size (and one byte) is read.  On success *out holds the result (caller frees
 * with ann_loaded_free()) and ANN_OK is returned; on failure err receives a
 * one-line message naming the file and what is wrong. */
int ann_load(const char *path, int flags, ann_loaded **out, char *err, size_t errlen);

/* The result; borrowed until ann_loaded_free().  Without ANN_LOAD_DOCUMENT
 * r->bytes is NULL. */
const ann_result *ann_loaded_result(const ann_loaded *l);

/* The "text" recorded for span i (may be NULL).  Borrowed like the result. */
const char *ann_loaded_span_text(const ann_loaded *l, size_t i);

void ann_loaded_free(ann_loaded *l);

#endif
