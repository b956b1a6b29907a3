/*
 * view_builder.h -- building a text view and its offset map (internal to
 * core/read).  The Markdown and HTML readers walk their syntax trees and
 * append prose here; the builder keeps the map and the block regions.
 */
#ifndef ANN_READ_VIEW_BUILDER_H
#define ANN_READ_VIEW_BUILDER_H

#include <stddef.h>

#include "read/reader.h"
#include "util/buf.h"

typedef struct ann_view_builder {
    const unsigned char *orig; /* borrowed: the original file */
    size_t orig_len;
    ann_buf view;
    ann_segment *map;
    size_t n_map, cap_map;
    ann_region *blocks;
    ann_block_style *styles; /* one per block, grown with blocks */
    size_t n_blocks, cap_blocks;
    ann_block_style style;       /* what the reader is in now */
    ann_block_style block_style; /* the open block's: taken at its first text */
    int block_styled;            /* block_style is set */
    size_t block_start; /* view offset where the open block began */
    int need_break;     /* a block ended; separate the next text */
    int failed;         /* an allocation failed */
} ann_view_builder;

/* Starts a builder over orig[0..orig_len) (borrowed until the builder is
 * finished). */
void ann_vb_init(ann_view_builder *vb, const unsigned char *orig, size_t orig_len);

/* Appends orig[start..start+len) to the view, byte for byte. */
void ann_vb_copy(ann_view_builder *vb, size_t start, size_t len);

/* Appends text[0..n) (copied) standing for orig[start..start+orig_len), e.g.
 * a decoded "&amp;". */
void ann_vb_replace(ann_view_builder *vb, size_t start, size_t orig_len, const char *text,
                    size_t n);

/* Ends the current block: the next text starts a new one, separated in the
 * view by "\n\n" (a segment with orig_len 0) so sentences never join. */
void ann_vb_break(ann_view_builder *vb);

/* Sets what the text read from now on is (copied): a block takes the style
 * in effect when its first visible character arrives, so a reader sets the
 * style on entering an element and need not know which of the blocks inside
 * it holds text. */
void ann_vb_style(ann_view_builder *vb, const ann_block_style *style);

/* Moves the view, map, blocks and styles into d (which keeps bytes/size/reader).
 * Returns ANN_OK or ANN_ENOMEM; the builder is emptied either way. */
int ann_vb_finish(ann_view_builder *vb, ann_textdoc *d);

/* Frees whatever the builder holds. */
void ann_vb_free(ann_view_builder *vb);

#endif
