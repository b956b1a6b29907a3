/*
 * html.c -- the HTML reader (tree-sitter HTML grammar).
 *
 * Prose is the text outside script, style, code, pre and the like; of the
 * head only the title is read.  Block elements (p, div, h1-h6, li, td, br,
 * blockquote, section, article, title, ...) end a block; inline elements (a,
 * b, i, em, span, strong, ...) do not, so "<b>Luca</b> de Meo" reads
 * "Luca de Meo".  Character references are decoded into non-copied map
 * segments.
 *
 * The grammar's text nodes leave out the white space around them, so white
 * space between two pieces of text in one block is copied back from the
 * original: the run that ends where the new text starts, or else the run
 * that starts where the previous text ended.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <tree_sitter/api.h>

#include "read/entities.h"
#include "read/formats.h"
#include "read/parsers_impl.h"
#include "read/syntax.h"
#include "read/ts_budget.h"
#include "read/view_builder.h"

const TSLanguage *tree_sitter_html(void);

/* Elements that change the style of the blocks inside them, in the order of
 * style_tags[]. */
enum { TAG_NONE, TAG_H, TAG_LIST, TAG_OL, TAG_LI, TAG_TABLE, TAG_THEAD, TAG_TR, TAG_CELL, TAG_TH,
       TAG_QUOTE };

/* One styled element being read: the style outside it and its children
 * counted so far (items of a list, rows of a table, cells of a row). */
typedef struct style_frame {
    ann_block_style outer;
    uint32_t n;
    uint8_t tag;
} style_frame;

#define MAX_STYLE_DEPTH 64

typedef struct html_ctx {
    ann_view_builder vb;
    const char *base;
    size_t skip;
    uint32_t last_end; /* end of the previous text in this block, 0 if none */
    int have_last;
    ann_block_style style; /* of the text being read */
    style_frame frames[MAX_STYLE_DEPTH];
    size_t n_frames;
    size_t overflow; /* styled elements nested past MAX_STYLE_DEPTH: unstyled */
    uint32_t groups; /* lists and tables so far */
    TSTreeCursor scratch; /* for looking at a node's children, reset per use */
} html_ctx;

/* Elements whose content is not prose. */
static const char *const skipped[] = {
    "script",   "style",  "code",   "pre",    "noscript", "template", "svg", "math",
    "textarea", "iframe", "object", "select", "kbd",      "samp",     "var", NULL};
/* Elements that start and end a block. */
static const char *const blockish[] = {
    "p",          "div",        "h1",       "h2",     "h3",     "h4",      "h5",      "h6",
    "li",         "ul",         "ol",       "dl",     "dt",     "dd",      "td",      "th",
    "tr",         "table",      "thead",    "tbody",  "tfoot",  "caption", "br",      "hr",
    "blockquote", "section",    "article",  "aside",  "header", "footer",  "nav",     "main",
    "figure",     "figcaption", "title",    "body",   "html",   "head",    "address", "details",
    "summary",    "form",       "fieldset", "legend", "option", "center",  "img",     "video",
    "audio",      "canvas",     NULL};

/* Elements that have no content. */
static const char *const void_elements[] = {"br",    "hr",     "img",   "input", "meta",
                                            "link",  "wbr",    "area",  "base",  "col",
                                            "embed", "source", "track", "param", NULL};

static int in_list(const char *name, const char *const *list)
{
    for (size_t i = 0; list[i] != NULL; i++)
        if (strcmp(name, list[i]) == 0)
            return 1;
    return 0;
}

/* Moves the cursor to the first named child of its node, or (none) leaves
 * it there and returns 0.  Children are walked with a cursor throughout:
 * ts_node_named_child(n, i) in a loop over i costs more than a step per
 * child. */
static int goto_first_named(TSTreeCursor *cur)
{
    if (!ts_tree_cursor_goto_first_child(cur))
        return 0;
    do {
        if (ts_node_is_named(ts_tree_cursor_current_node(cur)))
            return 1;
    } while (ts_tree_cursor_goto_next_sibling(cur));
    ts_tree_cursor_goto_parent(cur);
    return 0;
}

/* Moves the cursor to the next named sibling, or (none) to the parent and
 * returns 0. */
static int goto_next_named(TSTreeCursor *cur)
{
    while (ts_tree_cursor_goto_next_sibling(cur))
        if (ts_node_is_named(ts_tree_cursor_current_node(cur)))
            return 1;
    ts_tree_cursor_goto_parent(cur);
    return 0;
}

/* Lower-cased tag name of an element (from its start tag) into buf.  The
 * name is the tag's first named child, and the tag the element's: one step
 * each with ts_node_named_child(n, 0); should the name not come first, the
 * rest of the tag is walked with a cursor. */
static void tag_name(html_ctx *c, TSNode el, char *buf, size_t size)
{
    buf[0] = '\0';
    TSNode tag = el;
    const char *t = ts_node_type(el);
    if (strcmp(t, "element") == 0 || strcmp(t, "script_element") == 0 ||
        strcmp(t, "style_element") == 0) {
        tag = ts_node_named_child(el, 0);
        if (ts_node_is_null(tag))
            return;
        t = ts_node_type(tag);
        if (strcmp(t, "start_tag") != 0 && strcmp(t, "self_closing_tag") != 0)
            return;
    }
    TSNode n = ts_node_named_child(tag, 0);
    if (ts_node_is_null(n))
        return;
    TSTreeCursor *cur = &c->scratch;
    if (strcmp(ts_node_type(n), "tag_name") != 0) {
        ts_tree_cursor_reset(cur, tag);
        goto_first_named(cur);
        do
            n = ts_tree_cursor_current_node(cur);
        while (strcmp(ts_node_type(n), "tag_name") != 0 && goto_next_named(cur));
        if (strcmp(ts_node_type(n), "tag_name") != 0)
            return;
    }
    uint32_t a = ts_node_start_byte(n), b = ts_node_end_byte(n), k = 0;
    for (; a < b && k + 1 < size; a++, k++)
        buf[k] = (char)tolower((unsigned char)c->base[a]);
    buf[k] = '\0';
}

static int style_tag(const char *name)
{
    static const struct {
        const char *name;
        int tag;
    } tags[] = {{"ul", TAG_LIST},  {"ol", TAG_OL},        {"menu", TAG_LIST}, {"li", TAG_LI},
                {"table", TAG_TABLE}, {"thead", TAG_THEAD}, {"tr", TAG_TR},     {"td", TAG_CELL},
                {"th", TAG_TH},    {"blockquote", TAG_QUOTE}};
    if (name[0] == 'h' && name[1] >= '1' && name[1] <= '6' && name[2] == '\0')
        return TAG_H;
    for (size_t i = 0; i < sizeof tags / sizeof tags[0]; i++)
        if (strcmp(name, tags[i].name) == 0)
            return tags[i].tag;
    return TAG_NONE;
}

/* The innermost open element with tag `tag` (or `alt`), or NULL. */
static style_frame *frame_of(html_ctx *c, int tag, int alt)
{
    for (size_t i = c->n_frames; i-- > 0;)
        if (c->frames[i].tag == tag || c->frames[i].tag == alt)
            return &c->frames[i];
    return NULL;
}

/* Entering element `name`: the style of the text inside it. */
static void style_enter(html_ctx *c, const char *name)
{
    int tag = style_tag(name);
    if (tag == TAG_NONE)
        return;
    if (c->n_frames == MAX_STYLE_DEPTH) {
        c->overflow++;
        return;
    }
    ann_block_style *st = &c->style;
    style_frame *list = frame_of(c, TAG_LIST, TAG_OL), *table = frame_of(c, TAG_TABLE, TAG_TABLE);
    style_frame *row = frame_of(c, TAG_TR, TAG_TR);
    c->frames[c->n_frames++] = (style_frame){*st, 0, (uint8_t)tag};
    switch (tag) {
    case TAG_H:
        st->kind = ANN_BLOCK_HEADING;
        st->level = (uint8_t)(name[1] - '0');
        break;
    case TAG_LIST:
    case TAG_OL:
        st->level = (uint8_t)(st->kind == ANN_BLOCK_ITEM && st->level < 255 ? st->level + 1 : 1);
        st->kind = ANN_BLOCK_ITEM;
        st->ordered = tag == TAG_OL;
        st->group = ++c->groups;
        st->item = 0;
        break;
    case TAG_LI:
        if (st->kind != ANN_BLOCK_ITEM || !list) { /* an item outside a list */
            st->kind = ANN_BLOCK_ITEM;
            st->level = 1;
            st->group = ++c->groups;
        }
        st->item = list ? ++list->n : 1;
        break;
    case TAG_TABLE:
        st->kind = ANN_BLOCK_CELL;
        st->group = ++c->groups;
        st->header = 0;
        break;
    case TAG_THEAD:
        st->header = 1;
        break;
    case TAG_TR:
        st->row = table ? table->n++ : 0;
        break;
    case TAG_CELL:
    case TAG_TH:
        st->kind = ANN_BLOCK_CELL;
        st->col = row ? row->n++ : 0;
        st->header = (uint8_t)(st->header || tag == TAG_TH);
        break;
    default: /* TAG_QUOTE */
        st->quote = (uint8_t)(st->quote < 255 ? st->quote + 1 : 255);
        break;
    }
    ann_vb_style(&c->vb, st);
}

/* Leaving element `name`: the style outside it again. */
static void style_leave(html_ctx *c, const char *name)
{
    if (style_tag(name) == TAG_NONE)
        return;
    if (c->overflow) {
        c->overflow--;
        return;
    }
    if (c->n_frames == 0)
        return;
    c->style = c->frames[--c->n_frames].outer;
    ann_vb_style(&c->vb, &c->style);
}

static void block_break(html_ctx *c)
{
    ann_vb_break(&c->vb);
    c->have_last = 0;
}

static int is_ws(char ch)
{
    return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\f';
}

/* Restores the white space between the previous text and text at a. */
static void gap_space(html_ctx *c, uint32_t a)
{
    if (!c->have_last || a <= c->last_end)
        return;
    uint32_t s = a;
    while (s > c->last_end && is_ws(c->base[s - 1]))
        s--;
    if (s < a) {
        ann_vb_copy(&c->vb, c->skip + s, a - s);
        return;
    }
    uint32_t e = c->last_end;
    while (e < a && is_ws(c->base[e]))
        e++;
    if (e > c->last_end)
        ann_vb_copy(&c->vb, c->skip + c->last_end, e - c->last_end);
}

/* Copies text base[a..b), trimmed of white space at both ends (which the
 * gap logic restores where it separates words). */
static void text_range(html_ctx *c, uint32_t a, uint32_t b)
{
    while (a < b && is_ws(c->base[a]))
        a++;
    while (b > a && is_ws(c->base[b - 1]))
        b--;
    if (a == b)
        return;
    gap_space(c, a);
    ann_vb_copy(&c->vb, c->skip + a, b - a);
    c->last_end = b;
    c->have_last = 1;
}

static void text(html_ctx *c, TSNode n)
{
    text_range(c, ts_node_start_byte(n), ts_node_end_byte(n));
}

static void entity(html_ctx *c, TSNode n)
{
    uint32_t a = ts_node_start_byte(n), b = ts_node_end_byte(n);
    char out[8];
    gap_space(c, a);
    size_t len = ann_decode_entity(c->base + a, b - a, out);
    if (len)
        ann_vb_replace(&c->vb, c->skip + a, b - a, out, len);
    else
        ann_vb_copy(&c->vb, c->skip + a, b - a);
    c->last_end = b;
    c->have_last = 1;
}

/* The head holds no prose but its title (RCDATA: text and references). */
static void head(html_ctx *c, TSNode h)
{
    char name[16];
    TSTreeCursor cur = ts_tree_cursor_new(h);
    if (!goto_first_named(&cur)) {
        ts_tree_cursor_delete(&cur);
        return;
    }
    do {
        TSNode el = ts_tree_cursor_current_node(&cur);
        if (strcmp(ts_node_type(el), "element") != 0)
            continue;
        tag_name(c, el, name, sizeof name);
        if (strcmp(name, "title") != 0)
            continue;
        block_break(c);
        static const ann_block_style title = {ANN_BLOCK_TITLE, 0, 0, 0, 0, 0, 0, 0, 0};
        ann_vb_style(&c->vb, &title);
        if (goto_first_named(&cur)) {
            do {
                TSNode t = ts_tree_cursor_current_node(&cur);
                if (strcmp(ts_node_type(t), "text") == 0)
                    text(c, t);
                else if (strcmp(ts_node_type(t), "entity") == 0)
                    entity(c, t);
            } while (goto_next_named(&cur)); /* back on el at the end */
        }
        block_break(c);
        ann_vb_style(&c->vb, &c->style);
    } while (goto_next_named(&cur));
    ts_tree_cursor_delete(&cur);
}

/* Whether the ERROR node under the cursor (left there) holds whole
 * elements (which are walked as such) rather than stray text and broken
 * tags (which are read flat). */
static int holds_elements(TSTreeCursor *cur, int depth)
{
    static const char *const kinds[] = {"element",   "script_element",   "style_element",
                                        "start_tag", "self_closing_tag", NULL};
    if (depth > 64)
        return 1; /* deeper errors are walked, without recursion */
    if (!goto_first_named(cur))
        return 0;
    int found = 0;
    do {
        const char *t = ts_node_type(ts_tree_cursor_current_node(cur));
        found = strcmp(t, "ERROR") == 0 ? holds_elements(cur, depth + 1) : in_list(t, kinds);
    } while (!found && goto_next_named(cur));
    if (found)
        ts_tree_cursor_goto_parent(cur);
    return found;
}

/* Reads the bytes of an ERROR node flat: anything from '<' to '>' is a
 * broken tag and dropped, character references are decoded, the rest is
 * text. */
static void error_text(html_ctx *c, TSNode n)
{
    uint32_t a = ts_node_start_byte(n), b = ts_node_end_byte(n);
    uint32_t run = a; /* start of the pending text */
    for (uint32_t i = a; i < b;) {
        char ch = c->base[i];
        if (ch == '<') {
            const char *gt = memchr(c->base + i, '>', b - i);
            if (gt == NULL)
                break;
            if (i > run)
                text_range(c, run, i);
            i = (uint32_t)(gt - c->base) + 1;
            run = i;
        } else if (ch == '&') {
            uint32_t e = i + 1;
            while (e < b && e - i < 32 && c->base[e] != ';' && c->base[e] != '&' &&
                   c->base[e] != '<' && !is_ws(c->base[e]))
                e++;
            if (e < b && c->base[e] == ';')
                e++;
            char out[8];
            size_t len = ann_decode_entity(c->base + i, e - i, out);
            if (len == 0) {
                i++;
                continue;
            }
            if (i > run)
                text_range(c, run, i);
            gap_space(c, i);
            ann_vb_replace(&c->vb, c->skip + i, e - i, out, len);
            c->last_end = e;
            c->have_last = 1;
            i = e;
            run = e;
        } else {
            i++;
        }
    }
    if (b > run)
        text_range(c, run, b);
}

/* Acts on node n on the way down; returns whether to visit its children. */
static int enter(html_ctx *c, TSNode n)
{
    if (!ts_node_is_named(n))
        return 0;
    const char *t = ts_node_type(n);
    char name[16];
    if (strcmp(t, "element") == 0) {
        tag_name(c, n, name, sizeof name);
        if (strcmp(name, "head") == 0) {
            head(c, n);
            return 0;
        }
        if (in_list(name, skipped)) {
            if (strcmp(name, "pre") == 0)
                block_break(c);
            return 0;
        }
        /* A void element may hold the text after it ("<br>Two" parses as
         * an element holding "Two"): breaks before it only. */
        if (in_list(name, blockish))
            block_break(c);
        style_enter(c, name);
        return 1;
    }
    if (strcmp(t, "self_closing_tag") == 0) {
        tag_name(c, n, name, sizeof name);
        if (in_list(name, blockish))
            block_break(c);
        return 0;
    }
    if (strcmp(t, "text") == 0) {
        text(c, n);
        return 0;
    }
    if (strcmp(t, "entity") == 0) {
        entity(c, n);
        return 0;
    }
    if (strcmp(t, "ERROR") == 0) {
        /* Text the grammar could not place ("& a horse", "&#xZZ;") is
         * still text, copied whole with its stray quotes; an error holding
         * markup is walked like an element. */
        ts_tree_cursor_reset(&c->scratch, n);
        if (!holds_elements(&c->scratch, 0)) {
            error_text(c, n);
            return 0;
        }
        return 1;
    }
    /* document: descend; script/style elements, comments, doctype, tags:
     * not prose */
    return strcmp(t, "document") == 0;
}

/* Acts on an element on the way up, after its children. */
static void leave(html_ctx *c, TSNode n)
{
    if (!ts_node_is_named(n) || strcmp(ts_node_type(n), "element") != 0)
        return;
    char name[16];
    tag_name(c, n, name, sizeof name);
    if (in_list(name, blockish) && !in_list(name, void_elements))
        block_break(c);
    style_leave(c, name);
}

/* Visits the tree in document order with a cursor, not by recursion, so a
 * deeply nested page cannot exhaust the stack. */
static void walk(html_ctx *c, TSNode root)
{
    TSTreeCursor cur = ts_tree_cursor_new(root);
    c->scratch = ts_tree_cursor_new(root);
    for (;;) {
        TSNode n = ts_tree_cursor_current_node(&cur);
        if (enter(c, n) && ts_tree_cursor_goto_first_child(&cur))
            continue;
        leave(c, n);
        while (!ts_tree_cursor_goto_next_sibling(&cur)) {
            if (!ts_tree_cursor_goto_parent(&cur))
                goto done;
            leave(c, ts_tree_cursor_current_node(&cur));
        }
    }
done:
    ts_tree_cursor_delete(&cur);
    ts_tree_cursor_delete(&c->scratch);
}

int ann_read_html(ann_parsers *ps, ann_textdoc *d, size_t skip, const char *name, char *err,
                  size_t errlen)
{
    html_ctx c;
    memset(&c, 0, sizeof c);
    c.base = (const char *)d->bytes + skip;
    c.skip = skip;
    ann_vb_init(&c.vb, d->bytes, d->size);
    TSTree *tree = NULL;
    int rc = ANN_ENOMEM, unfit = 0;
    TSParser *p = ann_parsers_get(&ps->html, tree_sitter_html(), ANN_TS_HTML, &unfit);
    if (unfit) {
        rc = ANN_ERROR;
        if (err != NULL && errlen > 0)
            snprintf(err, errlen, "%s: the HTML grammar does not fit this tree-sitter library",
                     name);
        goto out;
    }
    if (p == NULL)
        goto out;
    ann_ts_budget *budget = ps->html.budget;
    ann_ts_budget_reset(budget, d->size - skip);
    tree = ts_parser_parse_string(p, NULL, c.base, (uint32_t)(d->size - skip));
    if (tree == NULL) {
        ts_parser_reset(p); /* a stopped parse would resume at the next call */
        rc = ANN_EINVAL;
        if (err != NULL && errlen > 0)
            snprintf(err, errlen,
                     "%s: the HTML parser gave up: %s (too complex or too deeply nested)", name,
                     ann_ts_budget_spent(budget) ? "the file needs more work than its size allows"
                                                 : "it ran past its time limit");
        goto out;
    }
    walk(&c, ts_tree_root_node(tree));
    rc = ann_vb_finish(&c.vb, d);
    if (rc == ANN_OK && ps->keep_trees) {
        rc = ann_syntax_keep(ps, d->bytes, tree, "html", skip); /* for the plugins */
        tree = NULL;
    }
out:
    if (tree)
        ts_tree_delete(tree);
    ann_vb_free(&c.vb);
    return rc;
}
