/*
 * writer.h -- output formats.
 *
 * A writer renders one ann_result into memory and hands each finished file
 * to a sink; the run loop's sink writes it atomically (temporary file in the
 * same folder, then rename) or streams it to stdout for `-o -`.  So no writer
 * ever opens a file itself and none can leave a half-written one behind.
 */
#ifndef ANN_WRITE_WRITER_H
#define ANN_WRITE_WRITER_H

#include <stddef.h>

#include "model/result.h"
#include "util/buf.h"

typedef struct ann_sink ann_sink;

/* Delivers one output file of the current document: its name is the
 * document's base name (extension dropped) + `ext`, e.g. ".ann.json".
 * Copies data.  Returns ANN_OK or an error code (the sink reports it). */
int ann_sink_put(ann_sink *sink, const char *ext, const char *data, size_t len);

/* The same, taking the contents of *b instead of a copy (a large document's
 * output is then held once); *b is left empty or as it was, and the caller
 * still frees it with ann_buf_free(). */
int ann_sink_put_buf(ann_sink *sink, const char *ext, ann_buf *b);

/* Delivers a per-run file named `filename` in the output folder (brat's
 * annotation.conf).  Copies data.  Refused (ANN_EINVAL) when streaming. */
int ann_sink_put_file(ann_sink *sink, const char *filename, const char *data, size_t len);

/* When the sink streams (-o -), appends before, the document's path and
 * after to b, so that documents stay apart on one standard output (text:
 * "==> PATH <==", conll: "# newdoc id = PATH"); control characters in the
 * path become '?' so the mark stays one line.  Writes nothing to a folder.
 * Returns ANN_OK or ANN_ENOMEM. */
int ann_sink_mark_document(const ann_sink *sink, ann_buf *b, const char *before, const char *path,
                           const char *after);

/* The labels seen in a run, per layer, for writers that emit a
 * configuration once per run (brat's annotation.conf, visual.conf). */
typedef struct ann_label_decl {
    const char *layer;
    const char *label;
} ann_label_decl;

typedef struct ann_writer {
    const char *name;        /* as given to -f */
    const char *description; /* one line for --help */
    int streamable;          /* can write to stdout with -o - */
    /* Render one document; call ann_sink_put() for each file it makes. */
    int (*write)(const ann_result *r, ann_sink *sink);
    /* Optional, once after all documents, for per-run files written with
     * ann_sink_put_file(); not called when streaming to stdout. */
    int (*finish)(const ann_label_decl *labels, size_t n_labels, ann_sink *sink);
    /* Reads ann_result's tokens.  They cost more than the text (24 bytes a
     * token), so the run builds them only for a writer that says so. */
    int needs_tokens;
} ann_writer;

/* The writer called `name`, or NULL. */
const ann_writer *ann_writer_find(const char *name);

/* All writers, ended by a NULL name. */
const ann_writer *ann_writer_list(void);

#endif
