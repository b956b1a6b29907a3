/*
 * json.h -- the JSON and JSON Lines writers (-f json, -f jsonl).
 *
 * Schema "annotate/1.0":
 *   {["id":..,] "schema":"annotate/1.0",
 *    "document":{"path":..,["absolute_path":..,"relative_path":..,]
 *                "size":N,"sha256":"..","reader":"text"},
 *    "meta":{..}, "plugins":[{"name":..,"version":..}],
 *    "spans":[{"id","start","end","layer","label","text","attrs":{..},
 *              "links":[{"role","target"}]}]}
 * Offsets are bytes of the original file; "text" is exactly those bytes.
 * "id" is there only for a record of `annotate --stdin`: its id as given.
 */
#ifndef ANN_WRITE_JSON_H
#define ANN_WRITE_JSON_H

#include <stddef.h>

#include "model/result.h"
#include "util/buf.h"
#include "write/writer.h"

/* Appends s[0..len) to b as a JSON string literal, quotes included: '"',
 * '\\' and control characters are escaped, everything else (UTF-8 included)
 * is copied.  A byte that is not part of valid UTF-8 becomes U+FFFD so the
 * output always stays valid JSON.  Returns ANN_OK or ANN_ENOMEM. */
int ann_json_string(ann_buf *b, const char *s, size_t len);

/* Appends the whole document r to b: one line ending in '\n' when
 * one_line, else indented with one span per line.  Returns ANN_OK or
 * ANN_ENOMEM. */
int ann_json_render(const ann_result *r, int one_line, ann_buf *b);

/* Appends the answer of `annotate --stdin` to an input line that gave no
 * document: {"id":ID,"line":N,"error":"MSG"} and '\n'.  id_json is the
 * record's id as JSON text (NULL: null); msg is copied, escaped.  Returns
 * ANN_OK or ANN_ENOMEM. */
int ann_json_error_record(ann_buf *b, const char *id_json, size_t line, const char *msg);

extern const ann_writer ann_writer_json;  /* NAME.ann.json */
extern const ann_writer ann_writer_jsonl; /* NAME.ann.jsonl, one line */

#endif
