/*
 * textview.h -- a result seen through its reader's text view.
 *
 * A Markdown or HTML document is shown, and written to the exchange formats,
 * as the prose its reader made of it (the text the plugins read: no markup,
 * references decoded), in blocks that know whether they were headings, list
 * items or table cells.  A plain-text document is its own view.  The spans
 * and tokens are moved onto the view; each span keeps its index, so the
 * original offsets stay at hand for tooltips and notes.
 */
#ifndef ANN_WRITE_TEXTVIEW_H
#define ANN_WRITE_TEXTVIEW_H

#include <stddef.h>

#include "model/result.h"
#include "read/reader.h"
#include "write/nest.h"
#include "write/writer.h"

typedef struct ann_textview {
    /* The result in view offsets: bytes is the view; spans[i] is the
     * source's spans[i] moved; tokens too; everything else is borrowed from
     * the source result. */
    ann_result r;
    const ann_result *orig; /* borrowed: the result in file offsets */
    /* The blocks to show, in order, with their styles.  prose 0: a plain
     * text, whose blocks are its paragraphs, each shown with its own line
     * breaks (one block over everything for a result with no source). */
    const ann_region *blocks;
    const ann_block_style *styles; /* n_blocks entries, or NULL: paragraphs */
    size_t n_blocks;
    int prose;
    /* Owned. */
    ann_out_span *spans;
    ann_out_token *tokens;
    ann_region whole;
    size_t *order; /* span indexes sorted by view start, then longer first */
} ann_textview;

/* Builds tv over r (borrowed until ann_textview_free()).  Returns ANN_OK or
 * ANN_ENOMEM; free with ann_textview_free() in both cases. */
int ann_textview_init(ann_textview *tv, const ann_result *r);
void ann_textview_free(ann_textview *tv);

/* Calls write(view, sink) on r moved onto its text view: how the exchange
 * writers write prose.  Returns what write returned, or ANN_ENOMEM. */
int ann_textview_write(const ann_result *r, ann_sink *sink,
                       int (*write)(const ann_result *view, ann_sink *sink));

/* The style of block b (a paragraph when the reader gave none). */
ann_block_style ann_textview_style(const ann_textview *tv, size_t b);

/* What a renderer does around each block; nest handles the spans inside it
 * (offsets are view offsets into tv->r.bytes, span indexes those of r). */
typedef struct ann_block_ops {
    int (*begin)(void *ctx, size_t block);
    int (*end)(void *ctx, size_t block);
    ann_nest_ops nest;
} ann_block_ops;

/* Walks the blocks in order, each with the kept spans (keep: n_spans flags,
 * or NULL) that touch it, cut at its edges.  Text between blocks (the
 * separators and trimmed white space) is not shown, nor a span lying wholly
 * in it.  Stops at and returns the first non-zero callback result. */
int ann_textview_walk(const ann_textview *tv, const unsigned char *keep, const ann_block_ops *ops,
                      void *ctx);

#endif
