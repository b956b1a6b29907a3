/*
 * formats.h -- the tree-sitter readers behind ann_read_*() (internal to
 * core/read).
 */
#ifndef ANN_READ_FORMATS_H
#define ANN_READ_FORMATS_H

#include <stddef.h>
#include <stdint.h>

#include "read/parsers.h"
#include "read/reader.h"

/* Build d->view, d->map and d->blocks from d->bytes[skip..d->size) (skip
 * is the length of a BOM) with the parsers of ps (borrowed for the call).
 * Return ANN_OK, or an error code after writing a message naming `name` to
 * err. */
int ann_read_markdown(ann_parsers *ps, ann_textdoc *d, size_t skip, const char *name, char *err,
                      size_t errlen);
int ann_read_html(ann_parsers *ps, ann_textdoc *d, size_t skip, const char *name, char *err,
                  size_t errlen);

#endif
