/*
 * view_map.c -- the offset map between the text view and the original file,
 * both ways.
 *
 * View to original: a span of the view maps to the smallest range of the
 * original file covering its characters.  A start offset maps through the
 * segment that begins at or holds it, an end offset through the segment
 * that ends at or holds it; inside a non-copied segment (a decoded "&amp;")
 * a start goes to the segment's first original byte and an end to one past
 * its last.
 *
 * Original to view: the segments come in original order too (the readers
 * walk the file front to back), so their original ends never decrease and
 * both directions are a binary search.  Inserted separators (orig_len 0)
 * stand for no source bytes and are stepped over.
 */
#include "read/reader.h"

size_t ann_textdoc_to_orig(const ann_textdoc *d, size_t off, int is_end)
{
    if (d->n_map == 0)
        return off;
    /* Last segment whose view_start is <= off (for a start) or < off (for
     * an end, so an end on a boundary belongs to the segment before it). */
    size_t lo = 0, hi = d->n_map;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        size_t vs = d->map[mid].view_start;
        if (is_end ? vs < off : vs <= off)
            lo = mid;
        else
            hi = mid;
    }
    const ann_segment *s = &d->map[lo];
    if (off <= s->view_start)
        return s->orig_start;
    size_t rel = off - s->view_start;
    if (rel >= s->view_len)
        return s->orig_start + s->orig_len;
    if (s->view_len == s->orig_len)
        return s->orig_start + rel;
    return is_end ? s->orig_start + s->orig_len : s->orig_start;
}

/* A start: the first segment with source bytes that ends after off. */
static size_t start_to_view(const ann_textdoc *d, size_t off)
{
    size_t lo = 0, hi = d->n_map;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (d->map[mid].orig_start + d->map[mid].orig_len <= off)
            lo = mid + 1;
        else
            hi = mid;
    }
    while (lo < d->n_map && d->map[lo].orig_len == 0)
        lo++;
    if (lo == d->n_map)
        return d->view_len;
    const ann_segment *s = &d->map[lo];
    if (off <= s->orig_start || s->view_len != s->orig_len)
        return s->view_start;
    return s->view_start + (off - s->orig_start);
}

/* An end: the last segment with source bytes that starts before off. */
static size_t end_to_view(const ann_textdoc *d, size_t off)
{
    size_t lo = 0, hi = d->n_map;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (d->map[mid].orig_start < off)
            lo = mid + 1;
        else
            hi = mid;
    }
    while (lo > 0 && d->map[lo - 1].orig_len == 0)
        lo--;
    if (lo == 0)
        return 0;
    const ann_segment *s = &d->map[lo - 1];
    size_t rel = off - s->orig_start;
    if (rel >= s->orig_len || s->view_len != s->orig_len)
        return s->view_start + s->view_len;
    return s->view_start + rel;
}

size_t ann_textdoc_to_view(const ann_textdoc *d, size_t off, int is_end)
{
    if (d->n_map == 0)
        return off < d->view_len ? off : d->view_len;
    return is_end ? end_to_view(d, off) : start_to_view(d, off);
}
