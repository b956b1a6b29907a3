/*
 * select.h -- which of the walked documents a run takes: --include and
 * --exclude patterns, and --skip-existing to resume a run that stopped.
 */
#ifndef ANN_CLI_SELECT_H
#define ANN_CLI_SELECT_H

#include <stddef.h>

#include "util/fs.h"
#include "util/walk.h"
#include "write/writer.h"

/* Drops from w (paths and names together) each document whose name below
 * its folder argument (util/walk.h; a file argument's base name) matches
 * none of the include patterns, when there are any, or one of the exclude
 * patterns.  The patterns are fnmatch(3) globs without FNM_PATHNAME, so
 * "*.md" matches "sub/a.md" too.  Both lists are borrowed for the call.
 * Returns how many documents were dropped. */
size_t ann_select_filter(ann_walk *w, const ann_strlist *include, const ann_strlist *exclude);

/* The endings writer w gives one document's output files (".ann.json";
 * brat: ".txt", ".ann"), found by rendering an empty document into a sink
 * that is never committed, so no writer has to list them twice.  Appends
 * copies to *exts.  Returns 0, or -1 when the writer failed on it or
 * memory ran out. */
int ann_select_output_exts(const ann_writer *w, ann_strlist *exts);

/* True when each output file of a document, outdir/stem + exts[i], is a
 * regular file modified no earlier than the document `doc`.  Outputs are
 * renamed into place whole (util/fs.h), so one that exists is complete;
 * one older than its document is stale. */
int ann_select_outputs_done(const char *outdir, const char *stem, const ann_strlist *exts,
                            const char *doc);

#endif
