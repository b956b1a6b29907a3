/*
 * load.h -- read an annotation file (.ann.json, schema annotate/1.x) back
 * into an ann_result, for `annotate view` and `annotate stats`.
 */
#ifndef ANN_VIEW_LOAD_H
#define ANN_VIEW_LOAD_H

#include <stddef.h>

#include "model/result.h"
#include "util/fs.h"

typedef struct ann_loaded ann_loaded;

enum {
    ANN_LOAD_DOCUMENT = 1 /* also read the original document and check its SHA-256 */
};

/* Reads and checks the annotation file `path`.  With ANN_LOAD_DOCUMENT the
 * document named in it is read too and must be a regular file matching the
 * recorded size and SHA-256; no more than the recorded size (and one byte)
 * is read.  It is looked for, in turn, at its relative_path from the
 * annotation file's folder, its absolute_path, its path as written (from
 * the current folder, beside the annotation file, one folder up), and
 * below source_dir (NULL: none) by its path and its base name; the first
 * that matches is taken.  On success *out holds the result (caller frees
 * with ann_loaded_free()) and ANN_OK is returned; on failure err receives a
 * one-line message naming the file and what is wrong. */
int ann_load_from(const char *path, int flags, const char *source_dir, ann_loaded **out,
                  char *err, size_t errlen);

/* ann_load_from() without a source folder. */
int ann_load(const char *path, int flags, ann_loaded **out, char *err, size_t errlen);

/* Loaded annotations in order; each caller frees with
 * ann_loaded_list_free(). */
typedef struct ann_loaded_list {
    ann_loaded **items;
    size_t n, cap;
} ann_loaded_list;

/* Reads every annotation in `path` ("-": standard input): one JSON object,
 * or several one after another, as -f jsonl and -o - write them.  Each is
 * checked and its document found as by ann_load_from() (for standard
 * input relative paths start from the current folder).  The good ones are
 * appended to *list; a message for each that fails, naming PATH:LINE, to
 * *errors.  Returns ANN_OK when all loaded, ANN_EINVAL or ANN_EIO when one
 * failed (reported in *errors), ANN_ENOMEM. */
int ann_load_all(const char *path, int flags, const char *source_dir, ann_loaded_list *list,
                 ann_strlist *errors);
void ann_loaded_list_free(ann_loaded_list *list);

/* The result; borrowed until ann_loaded_free().  Without ANN_LOAD_DOCUMENT
 * r->bytes is NULL. */
const ann_result *ann_loaded_result(const ann_loaded *l);

/* The "text" recorded for span i (may be NULL).  Borrowed like the result. */
const char *ann_loaded_span_text(const ann_loaded *l, size_t i);

void ann_loaded_free(ann_loaded *l);

#endif
