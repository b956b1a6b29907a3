/*
 * term.h -- the terminal rendering of `annotate view`: coloured spans with
 * label tags, or plain brackets, wrapped to a width.
 */
#ifndef ANN_VIEW_TERM_H
#define ANN_VIEW_TERM_H

#include "model/result.h"
#include "util/buf.h"

/* Appends r's document to out with the kept spans (keep: n_spans flags, or
 * NULL) shown in ANSI colours (colour != 0) or as [text]LABEL brackets,
 * wrapped at `width` columns (0: no wrapping).  Returns ANN_OK or
 * ANN_ENOMEM. */
int ann_term_render(const ann_result *r, const unsigned char *keep, int colour, int width,
                    ann_buf *out);

/* Appends in[0..len) to out word-wrapped at `width` display columns,
 * keeping ANSI escape sequences (zero width) and the existing line breaks.
 * A line broken inside a coloured run is reset before the break and the
 * colour resumed after it, so no background bleeds to the line's end. */
int ann_term_wrap(const char *in, size_t len, int width, ann_buf *out);

#endif
