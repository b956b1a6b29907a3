/*
 * formats.h -- the tree-sitter readers behind ann_read_*() (internal to
 * core/read).
 */
#ifndef ANN_READ_FORMATS_H
#define ANN_READ_FORMATS_H

#include <stddef.h>
#include <stdint.h>

#include "read/reader.h"

/* Build d->view, d->map and d->blocks from d->bytes[skip..d->size) (skip
 * is the length of a BOM).  Return ANN_OK, or an error code after writing a
 * message naming `name` to err. */
/* Time a tree-sitter parse of `bytes` bytes may take before the reader
 * gives up on the file (tree-sitter's timeout, in microseconds).  Normal
 * text parses at megabytes a second; some pathological nesting is
 * quadratic in the grammars' scanners.  The budget is generous, since the
 * clock is the wall clock of a possibly busy machine. */
static inline uint64_t ann_parse_budget_us(size_t bytes)
{
    return 3000000u + (uint64_t)bytes * 5u;
}

int ann_read_markdown(ann_textdoc *d, size_t skip, const char *name, char *err, size_t errlen);
int ann_read_html(ann_textdoc *d, size_t skip, const char *name, char *err, size_t errlen);

#endif
