/*
 * reader.h -- turning a file into a document the plugins can read.
 *
 * A reader loads the file, validates it as UTF-8 and builds the text view
 * plugins see: for .txt the bytes themselves (after a BOM), for .md and .html
 * the prose only, parsed with tree-sitter.  It also keeps the offset map that
 * turns a text-view offset back into an offset of the original file.
 */
#ifndef ANN_READ_READER_H
#define ANN_READ_READER_H

#include <stddef.h>

#include "annotate/plugin.h"

/* One piece of the offset map.  The text view is the concatenation of the
 * segments in order.  A copied segment has view_len == orig_len and maps byte
 * for byte; any other (a decoded "&amp;", an inserted block separator with
 * orig_len 0) maps as a whole: offsets inside it go to its start or end. */
typedef struct ann_segment {
    size_t view_start, view_len;
    size_t orig_start, orig_len;
} ann_segment;

typedef enum ann_format {
    ANN_FORMAT_AUTO = 0, /* by extension: .md/.markdown, .html/.htm, else text */
    ANN_FORMAT_TEXT,
    ANN_FORMAT_MARKDOWN,
    ANN_FORMAT_HTML
} ann_format;

typedef struct ann_textdoc {
    unsigned char *bytes; /* the whole original file, owned */
    size_t size;
    const char *reader; /* static string: "text", "markdown", "html" */
    char *view;         /* NUL-terminated text view, owned unless view_in_bytes */
    size_t view_len;
    int view_in_bytes; /* view points into bytes (plain text): not freed apart */
    ann_segment *map;  /* owned; n_map entries, sorted by view_start */
    size_t n_map;
    ann_region *blocks; /* paragraphs/blocks of the view (tok_* zero), owned */
    size_t n_blocks;
} ann_textdoc;

/* Reads and parses `path`.  On failure returns ANN_EIO (unreadable) or
 * ANN_EINVAL (not UTF-8, a NUL byte, ...) and writes a message naming the
 * file and the byte offset to err (at most errlen bytes, NUL-terminated);
 * *out is then left zeroed.  On success the caller frees *out with
 * ann_textdoc_free(). */
int ann_read_file(const char *path, ann_format format, ann_textdoc *out, char *err, size_t errlen);

/* Same, but a file of more than max_size bytes (0: no limit) is refused
 * with ANN_EINVAL and a message naming it and its size. */
int ann_read_file_max(const char *path, ann_format format, size_t max_size, ann_textdoc *out,
                      char *err, size_t errlen);

/* Same, from memory (copies bytes); `name` is used in messages only. */
int ann_read_memory(const char *name, const unsigned char *bytes, size_t size, ann_format format,
                    ann_textdoc *out, char *err, size_t errlen);

/* Same, refusing more than max_size bytes (0: no limit) as
 * ann_read_file_max() does: a record of `annotate --stdin`. */
int ann_read_memory_max(const char *name, const unsigned char *bytes, size_t size,
                        ann_format format, size_t max_size, ann_textdoc *out, char *err,
                        size_t errlen);

/* Maps a text-view offset to an original-file offset.  is_end selects how an
 * offset inside a non-copied segment maps: to the segment's end (for a span
 * end) or its start (for a span start).  So a span always maps to the
 * smallest original range covering its characters: a span over a decoded
 * "&amp;" covers the whole reference, and an inserted block separator
 * (orig_len 0) maps to a single point. */
size_t ann_textdoc_to_orig(const ann_textdoc *d, size_t view_offset, int is_end);

/* Frees what ann_read_*() stored; safe on a zeroed struct. */
void ann_textdoc_free(ann_textdoc *d);

#endif
