/* md_ranges.c -- see md_ranges.h. */
#include "md_ranges.h"

#include "util/grow.h"

int ann_md_ranges_room(ann_md_ranges *r, size_t n)
{
    while (r->cap < n) {
        TSRange *g = ann_grow(r->buf, r->cap, &r->cap, sizeof *g, 16);
        if (g == NULL)
            return -1;
        r->buf = g;
    }
    return 0;
}

static int push(ann_md_ranges *r, uint32_t a, TSPoint pa, uint32_t b, TSPoint pb)
{
    if (a >= b)
        return 0;
    if (ann_md_ranges_room(r, r->n + 1) != 0)
        return -1;
    r->buf[r->n++] = (TSRange){pa, pb, a, b};
    return 0;
}

int ann_md_inline_ranges(TSTreeCursor *cur, ann_md_ranges *r)
{
    TSNode node = ts_tree_cursor_current_node(cur);
    uint32_t pos = ts_node_start_byte(node);
    TSPoint pos_pt = ts_node_start_point(node);
    int rc = 0;
    r->n = 0;
    /* The anonymous children are punctuation the block grammar marks and
     * belong to the text; there may be many, so the walk is skipped when
     * there is no named child and stops after the last one. */
    uint32_t left = ts_node_named_child_count(node);
    if (left > 0 && ts_tree_cursor_goto_first_child(cur)) {
        do {
            TSNode ch = ts_tree_cursor_current_node(cur);
            if (!ts_node_is_named(ch))
                continue;
            rc = push(r, pos, pos_pt, ts_node_start_byte(ch), ts_node_start_point(ch));
            pos = ts_node_end_byte(ch);
            pos_pt = ts_node_end_point(ch);
            left--;
        } while (rc == 0 && left > 0 && ts_tree_cursor_goto_next_sibling(cur));
        ts_tree_cursor_goto_parent(cur);
    }
    if (rc == 0)
        rc = push(r, pos, pos_pt, ts_node_end_byte(node), ts_node_end_point(node));
    if (rc != 0)
        r->n = 0;
    return rc;
}

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
