/*
 * notes.h -- how the terminal view writes a span's attributes and links:
 * inline after its label, [Monday]DATE=2023-02-06, or as a numbered note
 * below its paragraph, "¹ DATE “Monday”: value=2023-02-06".
 */
#ifndef ANN_VIEW_NOTES_H
#define ANN_VIEW_NOTES_H

#include <stddef.h>

#include "model/result.h"
#include "util/buf.h"

/* Whether span s has attributes or links to show. */
int ann_note_wanted(const ann_out_span *s);

/* Appends the compact form of span i of r: "=VALUE" with a unit or currency
 * after it ("=600000000 EUR"), then "→TEXT" per link (a quote's speaker);
 * nothing for a span with neither.  Other attributes are left to the notes
 * form.  Returns ANN_OK or ANN_ENOMEM. */
int ann_note_inline(const ann_result *r, size_t i, ann_buf *out);

/* Appends note n for span i: its number, label and text, every attribute,
 * each link as "→ ROLE: TEXT (LABEL)", and its bytes in the original file
 * (orig: the result in file offsets, same span order).  No line break. */
int ann_note_line(const ann_result *r, const ann_result *orig, size_t i, unsigned n,
                  ann_buf *out);

/* Appends n as superscript digits (¹²³). */
void ann_note_mark(unsigned n, ann_buf *out);

#endif
