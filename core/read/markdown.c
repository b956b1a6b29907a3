/*
 * markdown.c -- the Markdown reader: tree-sitter block grammar, then the
 * inline grammar over each inline node.
 *
 * As the grammar's README prescribes, the block tree is parsed first; each
 * of its `inline` nodes (and table cell) is then parsed with the inline
 * grammar restricted, with ts_parser_set_included_ranges(), to the node's
 * bytes minus its children (the block continuations such as "> ").
 *
 * Prose: paragraphs, headings, list items, block quotes, table cells.  Not
 * prose: code blocks, HTML blocks, link reference definitions, front matter,
 * code spans, link destinations and titles, images, autolinks, inline HTML.
 * Each block records what it was (heading, list item, table cell) for the
 * views.  Emphasis and link brackets are dropped, so "**Luca** de Meo" reads
 * "Luca de Meo"; character references and backslash escapes are decoded.
 */
#include <stdlib.h>
#include <string.h>
#include <stdio.h>

#include <tree_sitter/api.h>

#include "read/entities.h"
#include "read/formats.h"
#include "read/md_mask.h"
#include "read/md_ranges.h"
#include "read/parsers_impl.h"
#include "read/syntax.h"
#include "read/ts_budget.h"
#include "read/view_builder.h"

const TSLanguage *tree_sitter_markdown(void);
const TSLanguage *tree_sitter_markdown_inline(void);

typedef struct md_ctx {
    ann_view_builder vb;
    const char *base; /* the text after the BOM */
    uint32_t base_len;
    size_t skip; /* BOM length: view builder offsets are absolute */
    ann_parsers *ps; /* borrowed: parsers and scratch buffers */
    TSParser *inline_parser;
    ann_ts_budget *inline_budget; /* shared by all inline parses of the document */
    TSRange *ranges;              /* ps->ranges: included ranges of the inline node being read */
    TSRange *rel;                 /* ps->rel: the same, relative to the node's start */
    uint32_t n_ranges;
    uint32_t cursor; /* first range copy_text() still has to look at */
    uint32_t off;    /* where the inline node starts: its tree's offset 0 */
    int depth;       /* recursion depth of the walks */
    uint32_t groups; /* lists and tables so far (ann_block_style.group) */
    int keep;        /* the trees are kept for the plugins (parsers.h) */
    const unsigned char *doc; /* the document's bytes, which the kept trees are of */
    int failed;      /* out of memory */
    int timed_out;   /* a parse spent its budget (read/ts_budget.h) */
} md_ctx;

/* Deeper than this the walks stop recursing: inline nodes are copied
 * flat, block nodes are skipped.  Keeps the stack small on hostile input. */
#define MAX_WALK_DEPTH 200

/* The block grammar's scanner fails (it aborts the process) on containers
 * nested 256 deep, so such files are refused before parsing; this is the
 * limit, with room to spare. */
#define MAX_MD_NESTING 100

/* Offsets of a node of the inline tree, which was parsed from the inline
 * node's start only, in the text after the BOM. */
static uint32_t nstart(const md_ctx *c, TSNode n)
{
    return ts_node_start_byte(n) + c->off;
}

static uint32_t nend(const md_ctx *c, TSNode n)
{
    return ts_node_end_byte(n) + c->off;
}

static int type_is(TSNode n, const char *t)
{
    return strcmp(ts_node_type(n), t) == 0;
}

/* Copies base[a..b) intersected with the included ranges.  Text is copied
 * in order, so the ranges left behind are never looked at again. */
static void copy_text(md_ctx *c, uint32_t a, uint32_t b)
{
    while (c->cursor < c->n_ranges && c->ranges[c->cursor].end_byte <= a)
        c->cursor++;
    for (uint32_t i = c->cursor; i < c->n_ranges && a < b; i++) {
        if (c->ranges[i].start_byte >= b)
            break;
        uint32_t ra = c->ranges[i].start_byte, rb = c->ranges[i].end_byte;
        uint32_t x = a > ra ? a : ra, y = b < rb ? b : rb;
        if (x < y)
            ann_vb_copy(&c->vb, c->skip + x, y - x);
    }
}

static void replace(md_ctx *c, TSNode n, const char *text, size_t len)
{
    uint32_t a = nstart(c, n), b = nend(c, n);
    ann_vb_replace(&c->vb, c->skip + a, b - a, text, len);
}

static int is_link(const char *t)
{
    return strcmp(t, "inline_link") == 0 || strcmp(t, "full_reference_link") == 0 ||
           strcmp(t, "collapsed_reference_link") == 0 || strcmp(t, "shortcut_link") == 0;
}

static void walk_inline(md_ctx *c, TSTreeCursor *cur);

/* One named child of an inline node; the cursor is on it and is left
 * there. */
static void inline_child(md_ctx *c, TSTreeCursor *cur)
{
    TSNode ch = ts_tree_cursor_current_node(cur);
    const char *t = ts_node_type(ch);
    uint32_t a = nstart(c, ch), b = nend(c, ch);
    if (strcmp(t, "backslash_escape") == 0) {
        /* "\*" reads "*" */
        if (b - a >= 2)
            ann_vb_replace(&c->vb, c->skip + a, b - a, c->base + a + 1, b - a - 1);
    } else if (strcmp(t, "entity_reference") == 0 ||
               strcmp(t, "numeric_character_reference") == 0) {
        char out[8];
        size_t n = ann_decode_entity(c->base + a, b - a, out);
        if (n)
            replace(c, ch, out, n);
        else
            copy_text(c, a, b);
    } else if (strcmp(t, "hard_line_break") == 0) {
        replace(c, ch, "\n", 1);
    } else if (is_link(t)) {
        /* only the link text is prose */
        if (ts_tree_cursor_goto_first_child(cur)) {
            do {
                TSNode x = ts_tree_cursor_current_node(cur);
                if (ts_node_is_named(x) && type_is(x, "link_text"))
                    walk_inline(c, cur);
            } while (ts_tree_cursor_goto_next_sibling(cur));
            ts_tree_cursor_goto_parent(cur);
        }
    } else if (strcmp(t, "emphasis_delimiter") == 0 || strcmp(t, "code_span") == 0 ||
               strcmp(t, "code_span_delimiter") == 0 || strcmp(t, "link_destination") == 0 ||
               strcmp(t, "link_title") == 0 || strcmp(t, "link_label") == 0 ||
               strcmp(t, "html_tag") == 0 || strcmp(t, "uri_autolink") == 0 ||
               strcmp(t, "email_autolink") == 0 || strcmp(t, "image") == 0 ||
               strcmp(t, "latex_block") == 0 || strcmp(t, "latex_span_delimiter") == 0) {
        /* markup or not prose */
    } else {
        walk_inline(c, cur); /* emphasis, strong_emphasis, strikethrough, ... */
    }
}

/* Text of the node under the cursor = the gaps between its named children
 * plus what those children contribute.  The cursor is left on the node. */
static void walk_inline(md_ctx *c, TSTreeCursor *cur)
{
    TSNode node = ts_tree_cursor_current_node(cur);
    uint32_t pos = nstart(c, node);
    if (c->depth >= MAX_WALK_DEPTH) {
        copy_text(c, pos, nend(c, node));
        return;
    }
    c->depth++;
    if (ts_tree_cursor_goto_first_child(cur)) {
        do {
            TSNode ch = ts_tree_cursor_current_node(cur);
            if (!ts_node_is_named(ch))
                continue;
            copy_text(c, pos, nstart(c, ch));
            inline_child(c, cur);
            pos = nend(c, ch);
        } while (ts_tree_cursor_goto_next_sibling(cur));
        ts_tree_cursor_goto_parent(cur);
    }
    copy_text(c, pos, nend(c, node));
    c->depth--;
}

static int is_blank_or_eol(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Whether the included ranges hold what can start inline markup, and so
 * whether the inline grammar could find anything to remove: code spans
 * (`), links and images ([), HTML and autolinks (<), escapes (\\), a hard
 * line break (two spaces before a line end); emphasis only from a run of
 * '*' or '_' that touches a non-blank character (a run with white space on
 * both sides can neither open nor close it); a character reference only as
 * '&', letters, digits or '#', then ';'; the paired extensions
 * strikethrough (~) and LaTeX ($) only with two of their mark.  A lone '!'
 * or ']' starts nothing.  At a range's edge the grammar would read on in
 * the next range, so there the test assumes the worst.  Most prose
 * paragraphs hold none of these and skip the inline parse. */
static int has_inline_markup(const md_ctx *c)
{
    unsigned tildes = 0, dollars = 0;
    const unsigned char *base = (const unsigned char *)c->base;
    for (uint32_t i = 0; i < c->n_ranges; i++) {
        const unsigned char *s = base + c->ranges[i].start_byte;
        const unsigned char *e = base + c->ranges[i].end_byte;
        for (const unsigned char *p = s; p < e; p++) {
            const unsigned char *q;
            switch (*p) {
            case '`':
            case '[':
            case '<':
            case '\\':
                return 1;
            case '*':
            case '_':
                q = p;
                while (q < e && *q == *p)
                    q++;
                if (p == s || q == e || !is_blank_or_eol(p[-1]) || !is_blank_or_eol(*q))
                    return 1;
                p = q - 1;
                break;
            case '~':
                tildes++;
                break;
            case '$':
                dollars++;
                break;
            case '&':
                q = p + 1;
                while (q < e && ((unsigned)((*q | 32) - 'a') < 26u ||
                                 (unsigned)(*q - '0') < 10u || *q == '#'))
                    q++;
                if (q == e || (*q == ';' && q > p + 1))
                    return 1;
                break;
            case '\n':
            case '\r':
                /* two spaces, or a tab, before a line end: the grammar
                 * reads a hard line break */
                q = p;
                if (*p == '\n' && q > base && q[-1] == '\r')
                    q--;
                if (q - base >= 1 && q[-1] == '\t')
                    return 1;
                if (q - base >= 2 && q[-1] == ' ' && (q[-2] == ' ' || q[-2] == '\t'))
                    return 1;
                break;
            default:
                break;
            }
        }
    }
    return tildes >= 2 || dollars >= 2;
}

/* Parses the inline node (or table cell) under the cursor, which is left
 * there. */
static void read_inline(md_ctx *c, TSTreeCursor *cur)
{
    ann_parsers *ps = c->ps;
    c->n_ranges = 0;
    c->cursor = 0;
    if (ann_md_inline_ranges(cur, &ps->ranges) != 0 ||
        ann_md_ranges_room(&ps->rel, ps->ranges.n) != 0) {
        c->failed = 1;
        return;
    }
    c->ranges = ps->ranges.buf;
    c->rel = ps->rel.buf;
    c->n_ranges = ps->ranges.n;
    if (c->n_ranges == 0)
        return;
    if (!has_inline_markup(c)) {
        /* plain prose: the inline grammar would find nothing to remove */
        for (uint32_t i = 0; i < c->n_ranges; i++)
            ann_vb_copy(&c->vb, c->skip + c->ranges[i].start_byte,
                        c->ranges[i].end_byte - c->ranges[i].start_byte);
        return;
    }
    /* Parse only the node's own bytes: handing the parser the whole
     * document with included ranges costs time in proportion to the
     * document for every paragraph. */
    uint32_t from = c->ranges[0].start_byte, to = c->ranges[c->n_ranges - 1].end_byte;
    ann_md_rebase_ranges(c->ranges, c->n_ranges, c->rel);
    c->off = from;
    if (!ts_parser_set_included_ranges(c->inline_parser, c->rel, c->n_ranges)) {
        copy_text(c, from, to);
        return;
    }
    TSTree *tree = ts_parser_parse_string(c->inline_parser, NULL, c->base + from, to - from);
    if (tree == NULL) {
        c->timed_out = 1;
        return;
    }
    TSTreeCursor icur = ts_tree_cursor_new(ts_tree_root_node(tree));
    walk_inline(c, &icur);
    ts_tree_cursor_delete(&icur);
    if (!c->keep)
        ts_tree_delete(tree);
    else if (ann_syntax_keep(c->ps, c->doc, tree, "markdown_inline", c->skip + from) != ANN_OK)
        c->failed = 1;
}

/* The first nonzero value(type) over the named children of the node
 * under the cursor, 0 if none; the cursor is left on the node.  Reads the
 * marker of a heading or a list item. */
static int child_value(TSTreeCursor *cur, int (*value)(const char *type))
{
    int v = 0;
    if (!ts_tree_cursor_goto_first_child(cur))
        return 0;
    do {
        TSNode ch = ts_tree_cursor_current_node(cur);
        if (ts_node_is_named(ch))
            v = value(ts_node_type(ch));
    } while (v == 0 && ts_tree_cursor_goto_next_sibling(cur));
    ts_tree_cursor_goto_parent(cur);
    return v;
}

/* The heading level a heading marker names, 0 for another node. */
static int heading_marker(const char *t)
{
    if (strncmp(t, "atx_h", 5) == 0 && t[5] >= '1' && t[5] <= '6')
        return t[5] - '0';
    if (strcmp(t, "setext_h1_underline") == 0)
        return 1;
    if (strcmp(t, "setext_h2_underline") == 0)
        return 2;
    return 0;
}

/* Whether a list marker is a number ("1." or "1)"). */
static int ordered_marker(const char *t)
{
    return strcmp(t, "list_marker_dot") == 0 || strcmp(t, "list_marker_parenthesis") == 0;
}

/* The style of the blocks inside container `t` under the cursor (a child of
 * the node whose blocks have style *st); counts items and rows in *n, per
 * parent. */
static ann_block_style inner_style(md_ctx *c, const ann_block_style *st, TSTreeCursor *cur,
                                   const char *t, uint32_t *n)
{
    ann_block_style sub = *st;
    if (strcmp(t, "atx_heading") == 0 || strcmp(t, "setext_heading") == 0) {
        sub.kind = ANN_BLOCK_HEADING;
        sub.level = (uint8_t)child_value(cur, heading_marker);
    } else if (strcmp(t, "list") == 0) {
        sub.level = (uint8_t)(st->kind == ANN_BLOCK_ITEM && st->level < 255 ? st->level + 1 : 1);
        sub.kind = ANN_BLOCK_ITEM;
        sub.group = ++c->groups;
        sub.item = 0;
    } else if (strcmp(t, "list_item") == 0) {
        sub.item = ++*n;
        sub.ordered = (uint8_t)child_value(cur, ordered_marker);
    } else if (strcmp(t, "block_quote") == 0) {
        sub.quote = (uint8_t)(st->quote < 255 ? st->quote + 1 : 255);
    } else if (strcmp(t, "pipe_table") == 0) {
        sub.kind = ANN_BLOCK_CELL;
        sub.group = ++c->groups;
    } else if (strcmp(t, "pipe_table_header") == 0 || strcmp(t, "pipe_table_row") == 0) {
        sub.header = t[11] == 'h';
        sub.row = (*n)++;
    }
    return sub;
}

/* Reads the named children of the node under the cursor, whose blocks have
 * style *st; the cursor is left on the node. */
static void walk_block(md_ctx *c, TSTreeCursor *cur, const ann_block_style *st)
{
    if (c->depth >= MAX_WALK_DEPTH)
        return;
    if (!ts_tree_cursor_goto_first_child(cur))
        return;
    c->depth++;
    uint32_t n = 0; /* list items, table rows or cells of this node */
    do {
        TSNode ch = ts_tree_cursor_current_node(cur);
        if (!ts_node_is_named(ch))
            continue;
        const char *t = ts_node_type(ch);
        if (strcmp(t, "inline") == 0 || strcmp(t, "pipe_table_cell") == 0) {
            ann_block_style here = *st;
            if (t[0] == 'p')
                here.col = n++;
            ann_vb_break(&c->vb);
            ann_vb_style(&c->vb, &here);
            read_inline(c, cur);
            ann_vb_break(&c->vb);
        } else if (strcmp(t, "fenced_code_block") == 0 || strcmp(t, "indented_code_block") == 0 ||
                   strcmp(t, "html_block") == 0 || strcmp(t, "link_reference_definition") == 0 ||
                   strcmp(t, "minus_metadata") == 0 || strcmp(t, "plus_metadata") == 0 ||
                   strcmp(t, "thematic_break") == 0 || strcmp(t, "pipe_table_delimiter_row") == 0) {
            ann_vb_break(&c->vb);
        } else {
            ann_block_style sub = inner_style(c, st, cur, t, &n);
            walk_block(c, cur, &sub);
        }
    } while (!c->failed && !c->timed_out && ts_tree_cursor_goto_next_sibling(cur));
    ts_tree_cursor_goto_parent(cur);
    c->depth--;
}

/* Estimated container nesting of the deepest line: block quote markers,
 * list markers and every two columns of indentation in its prefix.  Errs on
 * the high side. */
static int nesting_too_deep(const char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        int depth = 0, cols = 0;
        for (;;) {
            if (i < len && (s[i] == ' ' || s[i] == '\t')) {
                cols += s[i] == '\t' ? 4 : 1;
                i++;
            } else if (i < len && s[i] == '>') {
                depth++;
                i++;
            } else if (i + 1 < len && (s[i] == '-' || s[i] == '*' || s[i] == '+') &&
                       (s[i + 1] == ' ' || s[i + 1] == '\t')) {
                depth++;
                i++;
            } else if (i < len && s[i] >= '0' && s[i] <= '9') {
                size_t j = i;
                while (j < len && j - i < 10 && s[j] >= '0' && s[j] <= '9')
                    j++;
                if (j + 1 < len && (s[j] == '.' || s[j] == ')') &&
                    (s[j + 1] == ' ' || s[j + 1] == '\t')) {
                    depth++;
                    i = j + 1;
                } else {
                    break;
                }
            } else {
                break;
            }
            if (depth + cols / 2 > MAX_MD_NESTING)
                return 1;
        }
        const char *nl = memchr(s + i, '\n', len - i);
        if (nl == NULL)
            break;
        i = (size_t)(nl - s) + 1;
    }
    return 0;
}

int ann_read_markdown(ann_parsers *ps, ann_textdoc *d, size_t skip, const char *name, char *err,
                      size_t errlen)
{
    md_ctx c;
    memset(&c, 0, sizeof c);
    c.base = (const char *)d->bytes + skip;
    c.base_len = (uint32_t)(d->size - skip);
    c.skip = skip;
    c.ps = ps;
    c.keep = ps->keep_trees;
    c.doc = d->bytes;
    ann_vb_init(&c.vb, d->bytes, d->size);
    TSTree *tree = NULL;
    int rc = ANN_ENOMEM, unfit_b = 0, unfit_i = 0;
    TSParser *bp = ann_parsers_get(&ps->md_block, tree_sitter_markdown(), ANN_TS_MARKDOWN, &unfit_b);
    c.inline_parser = bp ? ann_parsers_get(&ps->md_inline, tree_sitter_markdown_inline(),
                                           ANN_TS_MARKDOWN, &unfit_i)
                         : NULL;
    if (unfit_b || unfit_i) {
        rc = ANN_ERROR;
        if (err != NULL && errlen > 0)
            snprintf(err, errlen, "%s: the Markdown grammar does not fit this tree-sitter library",
                     name);
        goto out;
    }
    if (c.inline_parser == NULL || ann_parsers_mask_room(ps, c.base_len) != 0)
        goto out;
    ann_ts_budget *budget = ps->md_block.budget;
    c.inline_budget = ps->md_inline.budget;
    if (nesting_too_deep(c.base, c.base_len)) {
        rc = ANN_EINVAL;
        if (err != NULL && errlen > 0)
            snprintf(err, errlen,
                     "%s: Markdown nested more than %d levels deep, which the parser cannot read",
                     name, MAX_MD_NESTING);
        goto out;
    }
    /* The inline parses of all paragraphs share one budget the size of the
     * document, as the block parse has one. */
    ann_ts_budget_reset(budget, c.base_len);
    ann_ts_budget_reset(c.inline_budget, c.base_len);
    if (c.keep) {
        /* the tree the plugins get: the text as it is (parsers.h) */
        tree = ts_parser_parse_string(bp, NULL, c.base, c.base_len);
        if (tree == NULL) {
            /* Read as without plugins asking for trees (the masked copy
             * may fit where the text does not); they get none, as when
             * the trees are parsed again. */
            ts_parser_reset(bp);
            ann_ts_budget_reset(budget, c.base_len);
            c.keep = 0;
        } else if (ann_syntax_keep(ps, d->bytes, tree, "markdown", skip) != ANN_OK) {
            tree = NULL; /* deleted */
            goto out;
        }
    }
    if (!c.keep) {
        ann_md_mask(c.base, c.base_len, ps->mask);
        tree = ts_parser_parse_string(bp, NULL, ps->mask, c.base_len);
        if (tree != NULL && ts_node_has_error(ts_tree_root_node(tree))) {
            /* Where the grammar fails it recovers by counting tokens and
             * bytes, which the mask changes: such a document is parsed as
             * it is. */
            ts_tree_delete(tree);
            ann_ts_budget_reset(budget, c.base_len);
            tree = ts_parser_parse_string(bp, NULL, c.base, c.base_len);
        }
    }
    if (tree != NULL) {
        static const ann_block_style paragraph = {0};
        TSTreeCursor cur = ts_tree_cursor_new(ts_tree_root_node(tree));
        walk_block(&c, &cur, &paragraph);
        ts_tree_cursor_delete(&cur);
    }
    if (tree == NULL || c.timed_out) {
        /* a stopped parse would resume at the next call */
        ts_parser_reset(bp);
        ts_parser_reset(c.inline_parser);
        rc = ANN_EINVAL;
        if (err != NULL && errlen > 0)
            snprintf(err, errlen,
                     "%s: the Markdown parser gave up: %s (too complex or too deeply nested)", name,
                     (ann_ts_budget_spent(budget) || ann_ts_budget_spent(c.inline_budget))
                         ? "the file needs more work than its size allows"
                         : "it ran past its time limit");
        goto out;
    }
    if (c.failed)
        goto out;
    rc = ann_vb_finish(&c.vb, d);
out:
    if (tree && !c.keep)
        ts_tree_delete(tree);
    if (rc != ANN_OK)
        ann_syntax_drop_kept(ps); /* the block tree too */
    ann_vb_free(&c.vb);
    return rc;
}
