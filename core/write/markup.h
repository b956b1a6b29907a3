/*
 * markup.h -- small helpers the text-based writers share: XML escaping,
 * attribute lookup, code-point counting.
 */
#ifndef ANN_WRITE_MARKUP_H
#define ANN_WRITE_MARKUP_H

#include <stddef.h>

#include "model/result.h"
#include "util/buf.h"

/* Appends s[0..len) with & < > " ' escaped for XML/HTML text and attribute
 * values.  Bytes below 0x20 other than tab, newline and carriage return
 * (not allowed in XML 1.0) become U+FFFD. */
int ann_buf_put_xml(ann_buf *b, const char *s, size_t len);

/* The same for element content: only & < > are escaped, so quotes and
 * apostrophes stay as in the document (TimeML tools compare the text). */
int ann_buf_put_xml_text(ann_buf *b, const char *s, size_t len);

/* Appends s[0..len) as a JSON string with its quotes.  '<' is written as
 * \u003c so the text can sit inside an HTML <script> element. */
int ann_buf_put_json(ann_buf *b, const char *s, size_t len);

/* The value of attribute `key` of span s, or NULL.  Borrowed from s. */
const char *ann_span_attr(const ann_out_span *s, const char *key);

/* The value of meta entry `key` of r, or NULL.  Borrowed from r. */
const char *ann_result_meta(const ann_result *r, const char *key);

/* Number of Unicode code points in s[0..len) (counts lead bytes). */
size_t ann_utf8_count(const unsigned char *s, size_t len);

/* Index of the span with id `id` in r, or (size_t)-1. */
size_t ann_result_find_id(const ann_result *r, uint32_t id);

#endif
