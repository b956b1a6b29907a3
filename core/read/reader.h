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
#include <stdint.h>

#include "annotate/plugin.h"
#include "read/parsers.h"

/* One piece of the offset map.  The text view is the concatenation of the
 * segments in order.  A copied segment has view_len == orig_len and maps byte
 * for byte; any other (a decoded "&amp;", an inserted block separator with
 * orig_len 0) maps as a whole: offsets inside it go to its start or end. */
typedef struct ann_segment {
    size_t view_start, view_len;
    size_t orig_start, orig_len;
} ann_segment;

/* What a block of the view was in the source, so a view of the document can
 * show headings as headings, list items as list items and table cells in
 * their rows.  The plain-text reader leaves styles NULL (every block is a
 * paragraph). */
typedef enum ann_block_kind {
    ANN_BLOCK_PARAGRAPH = 0,
    ANN_BLOCK_HEADING, /* level: 1-6 */
    ANN_BLOCK_ITEM,    /* a list item's text; level: list depth from 1 */
    ANN_BLOCK_CELL,    /* a table cell: table, row, col */
    ANN_BLOCK_TITLE    /* an HTML page's <title> */
} ann_block_kind;

typedef struct ann_block_style {
    uint8_t kind;    /* ann_block_kind */
    uint8_t level;   /* heading level, list depth (capped at 255) */
    uint8_t ordered; /* ITEM: of a numbered list */
    uint8_t header;  /* CELL: a header cell (th, a pipe table's first row) */
    uint8_t quote;   /* depth of block quotes around the block */
    uint32_t item;   /* ITEM: the item's number in its list, from 1; a second
                        block of the same item repeats it (no new bullet) */
    uint32_t group;  /* ITEM: list serial; CELL: table serial (from 1) */
    uint32_t row, col; /* CELL: from 0 */
} ann_block_style;

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
    ann_block_style *styles; /* n_blocks entries, owned; NULL: all paragraphs */
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

/* ann_read_file_max() and ann_read_memory_max() with the worker's parsers
 * (borrowed for the call; one thread at a time), reused from document to
 * document instead of made for each; NULL makes them for this call. */
int ann_read_file_with(ann_parsers *ps, const char *path, ann_format format, size_t max_size,
                       ann_textdoc *out, char *err, size_t errlen);
int ann_read_memory_with(ann_parsers *ps, const char *name, const unsigned char *bytes,
                         size_t size, ann_format format, size_t max_size, ann_textdoc *out,
                         char *err, size_t errlen);

/* Maps a text-view offset to an original-file offset.  is_end selects how an
 * offset inside a non-copied segment maps: to the segment's end (for a span
 * end) or its start (for a span start).  So a span always maps to the
 * smallest original range covering its characters: a span over a decoded
 * "&amp;" covers the whole reference, and an inserted block separator
 * (orig_len 0) maps to a single point. */
size_t ann_textdoc_to_orig(const ann_textdoc *d, size_t view_offset, int is_end);

/* The other way: an original-file offset to a text-view offset.  A start
 * inside markup moves forward to the next view text, an end inside markup
 * back to the end of the previous one; inside a non-copied segment a start
 * goes to its view start and an end to its view end.  So a span mapped with
 * ann_textdoc_to_orig() comes back where it was, and a range made only of
 * markup comes back empty (end == start). */
size_t ann_textdoc_to_view(const ann_textdoc *d, size_t orig_offset, int is_end);

/* The format whose reader is called `reader` ("text", "markdown", "html",
 * as in ann_textdoc.reader and the annotation files); ANN_FORMAT_AUTO for
 * any other name. */
ann_format ann_format_of_reader(const char *reader);

/* Frees what ann_read_*() stored; safe on a zeroed struct. */
void ann_textdoc_free(ann_textdoc *d);

#endif
