/*
 * validate.h -- the checks every emitted span passes before the store
 * takes it.  A refused span is reported and dropped; the plugin goes on.
 */
#ifndef ANN_SPANS_VALIDATE_H
#define ANN_SPANS_VALIDATE_H

#include <stddef.h>

#include "annotate/plugin.h"
#include "spans/store.h"

/* Checks `span` against the text view text[0..len), the declared labels of
 * `desc`, and the ids in `store` (links must name spans already emitted).
 * Returns the declared label string (borrowed from desc) when the span is
 * valid, else NULL with the reason in why (whylen bytes). */
const char *ann_span_check(const char *text, size_t len, const ann_plugin *desc,
                           const ann_span_store *store, const ann_new_span *span, char *why,
                           size_t whylen);

#endif
