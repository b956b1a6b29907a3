/*
 * html.h -- the self-contained HTML page of one annotated document, used by
 * the `html` writer and by `annotate view --html`.
 */
#ifndef ANN_WRITE_HTML_H
#define ANN_WRITE_HTML_H

#include "model/result.h"
#include "util/buf.h"

/* Appends the page for r to out, showing the spans flagged in keep (n_spans
 * flags, or NULL for all).  The page needs no network and no other file:
 * styles, script and data are inline.  Returns ANN_OK or ANN_ENOMEM. */
int ann_html_render(const ann_result *r, const unsigned char *keep, ann_buf *out);

#endif
