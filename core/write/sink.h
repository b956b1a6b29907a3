/*
 * sink.h -- where a writer's files go (the ann_sink of write/writer.h).
 *
 * A document's files are collected in memory while its writer runs and
 * committed only when the whole document succeeded: each is then written
 * atomically into the output folder, or, when streaming (-o -), kept as one
 * block the run loop prints in input order.
 */
#ifndef ANN_RUN_SINK_H
#define ANN_RUN_SINK_H

#include <stddef.h>

#include "util/buf.h"
#include "write/writer.h"

typedef struct ann_sink_file {
    char *name; /* file name inside the output folder, owned */
    ann_buf data;
} ann_sink_file;

struct ann_sink {
    const char *outdir;   /* borrowed; NULL when streaming to stdout */
    const char *doc_path; /* borrowed; names the document's output files */
    const char *stem;     /* borrowed like doc_path, set after
                             ann_sink_begin(): the output name without the
                             writer's extension ("sub/a", util/outname.h);
                             NULL: doc_path's base name less its extension */
    int sync;             /* fsync each file before its rename (--sync);
                             the caller flushes the folders at the end */
    int per_run;          /* ann_sink_put_file() allowed (writer->finish) */
    ann_sink_file *files; /* owned, collected since the last commit */
    size_t n_files, cap_files;
    ann_buf stream; /* streaming: the document's output */
};

/* Starts a sink; outdir NULL streams.  Both strings are borrowed until
 * ann_sink_free(). */
void ann_sink_init(ann_sink *s, const char *outdir);

/* Names the document the next ann_sink_put() calls belong to (borrowed
 * until the next call or the commit), and forgets uncommitted output. */
void ann_sink_begin(ann_sink *s, const char *doc_path);

/* Writes the collected files atomically into the output folder.  Returns
 * ANN_OK, or ANN_EIO with "FILE: reason" in err.  When streaming, nothing is
 * written: the output stays in s->stream for the caller. */
int ann_sink_commit(ann_sink *s, char *err, size_t errlen);

void ann_sink_free(ann_sink *s);

/* The output file name for document `doc_path` and extension `ext`: its base
 * name with the last extension dropped, plus ext ("a/b.txt", ".ann.json" ->
 * "b.ann.json").  Caller frees with free(); NULL when memory runs out. */
char *ann_output_name(const char *doc_path, const char *ext);

#endif
