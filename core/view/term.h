/*
 * term.h -- the terminal rendering of `annotate view`: the document's text
 * view (write/textview.h) laid out as a document -- headings underlined,
 * list items with bullets or numbers, tables in aligned columns -- with the
 * spans in ANSI colours with label tags, or as plain brackets, wrapped to a
 * width, below a legend.
 */
#ifndef ANN_VIEW_TERM_H
#define ANN_VIEW_TERM_H

#include <stddef.h>

#include "model/result.h"
#include "util/buf.h"

/* How span attributes (normalised values, units, currencies) and links (a
 * quote's speaker) are shown. */
typedef enum ann_term_attrs {
    ANN_TERM_NOTES = 0, /* a number after the label, the note below the paragraph */
    ANN_TERM_INLINE,    /* after the label: [Monday]DATE=2023-02-06 */
    ANN_TERM_NONE       /* labels only */
} ann_term_attrs;

typedef struct ann_term_opts {
    int colour; /* ANSI colours (else [text]LABEL brackets) */
    int width;  /* wrap at this many columns; 0: no wrapping */
    int attrs;  /* ann_term_attrs */
    int legend; /* start with the legend */
} ann_term_opts;

/* Appends r's document to out with the kept spans (keep: n_spans flags, or
 * NULL).  Returns ANN_OK or ANN_ENOMEM. */
int ann_term_render(const ann_result *r, const unsigned char *keep, const ann_term_opts *o,
                    ann_buf *out);

/* Appends in[0..len) to out word-wrapped at `width` display columns,
 * keeping ANSI escape sequences (zero width) and the existing line breaks.
 * A line broken inside a coloured run is reset before the break and the
 * colour resumed after it, so no background bleeds to the line's end. */
int ann_term_wrap(const char *in, size_t len, int width, ann_buf *out);

/* Display columns of s[0..len), escape sequences not counted. */
size_t ann_term_width(const char *s, size_t len);

#endif
