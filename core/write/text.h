/*
 * text.h -- inline bracket rendering, `[Luca de Meo]PER`, shared by the
 * `text` writer and the plain (uncoloured) terminal view.
 */
#ifndef ANN_WRITE_TEXT_H
#define ANN_WRITE_TEXT_H

#include "model/result.h"
#include "util/buf.h"

/* Appends r's document to out with every kept span (keep: n_spans flags, or
 * NULL for all) bracketed as [text]LABEL.  A span cut by an overlapping one
 * (see nest.h) shows as several pieces: a piece that goes on closes with
 * "]LABEL+" and the next piece opens with "[+".
 * Returns ANN_OK or ANN_ENOMEM. */
int ann_text_render(const ann_result *r, const unsigned char *keep, ann_buf *out);

#endif
