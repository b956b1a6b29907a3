/*
 * legend.h -- the legend at the top of the terminal view: each layer with
 * its labels (in their colours) and how many spans each has, and how
 * attributes and speaker links are shown below.
 */
#ifndef ANN_VIEW_LEGEND_H
#define ANN_VIEW_LEGEND_H

#include "model/result.h"
#include "util/buf.h"
#include "view/term.h"

/* Appends the legend of the kept spans of r (keep: n_spans flags or NULL),
 * one line per layer, ended by a blank line.  Returns ANN_OK or
 * ANN_ENOMEM. */
int ann_legend_render(const ann_result *r, const unsigned char *keep, const ann_term_opts *o,
                      ann_buf *out);

#endif
