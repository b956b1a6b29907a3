/* md_ranges.c -- see md_ranges.h. */
#include "md_ranges.h"

static TSPoint rel_point(TSPoint p, TSPoint o)
{
    TSPoint r;
    r.row = p.row - o.row;
    r.column = p.row == o.row ? p.column - o.column : p.column;
    return r;
}

void ann_md_rebase_ranges(const TSRange *in, uint32_t n, TSRange *out)
{
    uint32_t from = in[0].start_byte;
    TSPoint origin = in[0].start_point; /* read before out[0] may overwrite it */
    for (uint32_t i = 0; i < n; i++) {
        TSRange r = in[i];
        r.start_byte -= from;
        r.end_byte -= from;
        r.start_point = rel_point(r.start_point, origin);
        r.end_point = rel_point(r.end_point, origin);
        out[i] = r;
    }
}
