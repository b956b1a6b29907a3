/*
 * view_builder.c -- text view, offset map and blocks for the tree-sitter
 * readers.
 *
 * A block's region is trimmed of white space at both ends; a block holding
 * only white space is dropped (its text stays in the view, harmlessly).
 */
#include "read/view_builder.h"

#include <stdlib.h>
#include <string.h>

#include "util/grow.h"

void ann_vb_init(ann_view_builder *vb, const unsigned char *orig, size_t orig_len)
{
    memset(vb, 0, sizeof *vb);
    vb->orig = orig;
    vb->orig_len = orig_len;
    vb->view = (ann_buf)ANN_BUF_INIT;
}

static void add_segment(ann_view_builder *vb, size_t view_len, size_t orig_start, size_t orig_len,
                        int copied)
{
    if (vb->failed)
        return;
    size_t vs = vb->view.len - view_len;
    /* Extend the previous copied segment when this one continues it. */
    if (copied && vb->n_map > 0) {
        ann_segment *p = &vb->map[vb->n_map - 1];
        if (p->view_len == p->orig_len && p->view_start + p->view_len == vs &&
            p->orig_start + p->orig_len == orig_start) {
            p->view_len += view_len;
            p->orig_len += view_len;
            return;
        }
    }
    ann_segment *g = ann_grow(vb->map, vb->n_map, &vb->cap_map, sizeof *g, 64);
    if (g == NULL) {
        vb->failed = 1;
        return;
    }
    vb->map = g;
    vb->map[vb->n_map++] = (ann_segment){vs, view_len, orig_start, orig_len};
}

static int is_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* Closes the open block (if it holds anything but white space). */
static void close_block(ann_view_builder *vb)
{
    size_t a = vb->block_start, b = vb->view.len;
    const char *v = vb->view.data;
    while (a < b && is_space((unsigned char)v[a]))
        a++;
    while (b > a && is_space((unsigned char)v[b - 1]))
        b--;
    vb->block_start = vb->view.len;
    int styled = vb->block_styled;
    vb->block_styled = 0;
    if (a == b || vb->failed)
        return;
    size_t cap = vb->cap_blocks;
    ann_region *g = ann_grow(vb->blocks, vb->n_blocks, &cap, sizeof *g, 32);
    if (g == NULL) {
        vb->failed = 1;
        return;
    }
    vb->blocks = g;
    if (cap != vb->cap_blocks) {
        ann_block_style *st = realloc(vb->styles, cap * sizeof *st);
        if (st == NULL) {
            vb->failed = 1;
            return;
        }
        vb->styles = st;
        vb->cap_blocks = cap;
    }
    vb->styles[vb->n_blocks] = styled ? vb->block_style : vb->style;
    vb->blocks[vb->n_blocks++] = (ann_region){(uint32_t)a, (uint32_t)b, 0, 0};
}

/* The open block takes the current style with its first visible byte. */
static void note_text(ann_view_builder *vb, const char *s, size_t n)
{
    if (vb->block_styled)
        return;
    for (size_t i = 0; i < n; i++)
        if (!is_space((unsigned char)s[i])) {
            vb->block_style = vb->style;
            vb->block_styled = 1;
            return;
        }
}

void ann_vb_style(ann_view_builder *vb, const ann_block_style *style)
{
    vb->style = *style;
}

/* Before new text at orig offset `at`: insert the separator a break asked
 * for, once there is text before it. */
static void before_text(ann_view_builder *vb, size_t at)
{
    if (!vb->need_break)
        return;
    vb->need_break = 0;
    if (vb->view.len == 0)
        return;
    if (ann_buf_append(&vb->view, "\n\n", 2) != ANN_OK) {
        vb->failed = 1;
        return;
    }
    add_segment(vb, 2, at, 0, 0);
    vb->block_start = vb->view.len;
}

void ann_vb_copy(ann_view_builder *vb, size_t start, size_t len)
{
    if (len == 0 || vb->failed)
        return;
    before_text(vb, start);
    note_text(vb, (const char *)vb->orig + start, len);
    if (ann_buf_append(&vb->view, vb->orig + start, len) != ANN_OK) {
        vb->failed = 1;
        return;
    }
    add_segment(vb, len, start, len, 1);
}

void ann_vb_replace(ann_view_builder *vb, size_t start, size_t orig_len, const char *text, size_t n)
{
    if (vb->failed)
        return;
    before_text(vb, start);
    if (n == 0)
        return;
    note_text(vb, text, n);
    if (ann_buf_append(&vb->view, text, n) != ANN_OK) {
        vb->failed = 1;
        return;
    }
    add_segment(vb, n, start, orig_len, 0);
}

void ann_vb_break(ann_view_builder *vb)
{
    if (vb->need_break)
        return;
    close_block(vb);
    vb->need_break = 1;
}

int ann_vb_finish(ann_view_builder *vb, ann_textdoc *d)
{
    close_block(vb);
    if (vb->failed) {
        ann_vb_free(vb);
        return ANN_ENOMEM;
    }
    size_t len = 0;
    char *v = ann_buf_steal(&vb->view, &len);
    if (v == NULL) {
        v = calloc(1, 1);
        if (v == NULL) {
            ann_vb_free(vb);
            return ANN_ENOMEM;
        }
    }
    d->view = v;
    d->view_len = len;
    d->map = vb->map;
    d->n_map = vb->n_map;
    d->blocks = vb->blocks;
    d->n_blocks = vb->n_blocks;
    d->styles = vb->styles;
    vb->map = NULL;
    vb->blocks = NULL;
    vb->styles = NULL;
    ann_vb_free(vb);
    return ANN_OK;
}

void ann_vb_free(ann_view_builder *vb)
{
    ann_buf_free(&vb->view);
    free(vb->map);
    free(vb->blocks);
    free(vb->styles);
    vb->map = NULL;
    vb->blocks = NULL;
    vb->styles = NULL;
    vb->n_map = vb->n_blocks = 0;
}
