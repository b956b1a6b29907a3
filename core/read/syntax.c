/*
 * syntax.c -- parsing a document's syntax trees again for the plugins
 * (see syntax.h), with the worker's parsers.  The Markdown inline trees are
 * parsed as the reader parses them (markdown.c): each inline node alone,
 * restricted to its own bytes minus its named children, which are block
 * continuations ("> ").
 */
#include "read/syntax.h"

#include <stdlib.h>
#include <string.h>

#include <tree_sitter/api.h>

#include "read/md_ranges.h"
#include "read/parsers_impl.h"
#include "read/ts_budget.h"
#include "util/grow.h"

const TSLanguage *tree_sitter_markdown(void);
const TSLanguage *tree_sitter_markdown_inline(void);
const TSLanguage *tree_sitter_html(void);

struct ann_syntax {
    ann_syntax_tree *trees; /* .tree owned: a TSTree * */
    size_t n, cap;
    ann_parsers *own; /* the parsers when none were lent (their budgets hold
                         the trees' languages): freed after the trees */
    const unsigned char *of; /* kept by a reader: the document's bytes */
    size_t next;             /* kept: the first tree not taken yet */
};

const void *ann_syntax_language(const char *grammar)
{
    if (grammar == NULL)
        return NULL;
    if (strcmp(grammar, "markdown") == 0)
        return tree_sitter_markdown();
    if (strcmp(grammar, "markdown_inline") == 0)
        return tree_sitter_markdown_inline();
    if (strcmp(grammar, "html") == 0)
        return tree_sitter_html();
    return NULL;
}

static int add_tree(ann_syntax *s, TSTree *t, const char *grammar, size_t offset)
{
    ann_syntax_tree *g = ann_grow(s->trees, s->n, &s->cap, sizeof *g, 8);
    if (g == NULL) {
        ts_tree_delete(t);
        return ANN_ENOMEM;
    }
    s->trees = g;
    ann_syntax_tree *e = &s->trees[s->n++];
    e->size = (uint32_t)sizeof *e;
    e->source_offset = (uint32_t)offset;
    e->grammar = grammar;
    e->language = ann_syntax_language(grammar);
    e->tree = t;
    return ANN_OK;
}

/* The parser of `slot` (made on first use), its budget reset for `bytes`
 * bytes; NULL when memory runs out or the grammar does not fit. */
static TSParser *budget_parser(ann_ts_slot *slot, const char *grammar, ann_ts_grammar g,
                               size_t bytes)
{
    int unfit;
    TSParser *p = ann_parsers_get(slot, ann_syntax_language(grammar), g, &unfit);
    if (p != NULL)
        ann_ts_budget_reset(slot->budget, bytes);
    return p;
}

/* The first tree a reader kept, taken out of `kept` (which then no longer
 * owns it; its inline trees follow from kept->next), when it is of
 * `grammar`; else NULL.  kept may be NULL. */
static TSTree *take_root(ann_syntax *kept, const char *grammar)
{
    if (kept == NULL || kept->n == 0 || strcmp(kept->trees[0].grammar, grammar) != 0)
        return NULL;
    TSTree *t = (TSTree *)kept->trees[0].tree;
    kept->trees[0].tree = NULL;
    kept->next = 1;
    return t;
}

/* A parse that stopped (NULL) would resume at the parser's next call: the
 * worker's next document. */
static TSTree *parse(TSParser *p, const char *text, uint32_t len)
{
    TSTree *t = ts_parser_parse_string(p, NULL, text, len);
    if (t == NULL)
        ts_parser_reset(p);
    return t;
}

/* The inline tree of the block node under the cursor (left there): its
 * bytes minus its named children, the points made relative to the node's
 * first range as the parse starts there. */
static int parse_inline(ann_syntax *s, ann_syntax *kept, ann_parsers *ps, TSParser *ip,
                        const char *base, size_t skip, TSTreeCursor *cur)
{
    if (ann_md_inline_ranges(cur, &ps->ranges) != 0)
        return ANN_ENOMEM;
    uint32_t m = ps->ranges.n;
    if (m == 0)
        return ANN_OK;
    TSRange *r = ps->ranges.buf;
    uint32_t from = r[0].start_byte, end = r[m - 1].end_byte;
    if (kept && kept->next < kept->n && kept->trees[kept->next].source_offset == skip + from) {
        /* The reader parsed this node (of this very block tree) with the
         * same ranges. */
        ann_syntax_tree *k = &kept->trees[kept->next++];
        int rc = add_tree(s, (TSTree *)k->tree, k->grammar, k->source_offset);
        k->tree = NULL;
        return rc;
    }
    ann_md_rebase_ranges(r, m, r);
    if (!ts_parser_set_included_ranges(ip, r, m))
        return ANN_OK; /* the reader copies such a node flat: no tree either */
    TSTree *t = parse(ip, base + from, end - from);
    if (t == NULL)
        return ANN_ERROR;
    return add_tree(s, t, "markdown_inline", skip + from);
}

static int parse_markdown(ann_syntax *s, ann_syntax *kept, ann_parsers *ps, const char *base,
                          uint32_t len, size_t skip)
{
    /* The inline parses share one budget the size of the document, as the
     * reader's do. */
    TSParser *ip = budget_parser(&ps->md_inline, "markdown_inline", ANN_TS_MARKDOWN, len);
    if (ip == NULL)
        return ANN_ENOMEM;
    TSTree *block = take_root(kept, "markdown"); /* the text as it is: parsers.h */
    if (block == NULL) {
        kept = NULL; /* (no inline tree of the reader's fits another block tree) */
        TSParser *bp = budget_parser(&ps->md_block, "markdown", ANN_TS_MARKDOWN, len);
        if (bp == NULL)
            return ANN_ENOMEM;
        block = parse(bp, base, len);
    }
    int rc = block ? add_tree(s, block, "markdown", skip) : ANN_ERROR;
    if (rc == ANN_OK) {
        /* Every inline node and table cell, in document order. */
        TSTreeCursor cur = ts_tree_cursor_new(ts_tree_root_node(block));
        while (rc == ANN_OK) {
            TSNode n = ts_tree_cursor_current_node(&cur);
            const char *t = ts_node_type(n);
            int leaf = strcmp(t, "inline") == 0 || strcmp(t, "pipe_table_cell") == 0;
            if (leaf)
                rc = parse_inline(s, kept, ps, ip, base, skip, &cur);
            if (!leaf && ts_tree_cursor_goto_first_child(&cur))
                continue;
            int more = 1;
            while (more && !ts_tree_cursor_goto_next_sibling(&cur))
                more = ts_tree_cursor_goto_parent(&cur);
            if (!more)
                break;
        }
        ts_tree_cursor_delete(&cur);
    }
    return rc;
}

static int parse_html(ann_syntax *s, ann_syntax *kept, ann_parsers *ps, const char *base,
                      uint32_t len, size_t skip)
{
    TSTree *kept_tree = take_root(kept, "html");
    if (kept_tree != NULL)
        return add_tree(s, kept_tree, "html", skip);
    TSParser *p = budget_parser(&ps->html, "html", ANN_TS_HTML, len);
    if (p == NULL)
        return ANN_ENOMEM;
    TSTree *t = parse(p, base, len);
    return t ? add_tree(s, t, "html", skip) : ANN_ERROR;
}

int ann_syntax_parse(ann_parsers *ps, const ann_textdoc *td, ann_syntax **out)
{
    *out = NULL;
    ann_syntax *s = calloc(1, sizeof *s);
    if (s == NULL)
        return ANN_ENOMEM;
    if (ps == NULL && (ps = s->own = ann_parsers_new()) == NULL) {
        free(s);
        return ANN_ENOMEM;
    }
    ann_syntax *kept = ps->kept && ps->kept->of == td->bytes ? ps->kept : NULL;
    if (kept)
        ps->kept = NULL;
    size_t skip =
        td->size >= 3 && td->bytes[0] == 0xEF && td->bytes[1] == 0xBB && td->bytes[2] == 0xBF ? 3
                                                                                              : 0;
    const char *base = (const char *)td->bytes + skip;
    uint32_t len = (uint32_t)(td->size - skip);
    int rc = ANN_OK;
    if (td->reader && strcmp(td->reader, "markdown") == 0)
        rc = parse_markdown(s, kept, ps, base, len, skip);
    else if (td->reader && strcmp(td->reader, "html") == 0)
        rc = parse_html(s, kept, ps, base, len, skip);
    ann_syntax_free(kept); /* what was not taken: nothing unless a parse failed */
    if (rc != ANN_OK) {
        ann_syntax_free(s);
        return rc;
    }
    *out = s;
    return ANN_OK;
}

const ann_syntax_tree *ann_syntax_trees(const ann_syntax *s, size_t *n)
{
    *n = s->n;
    return s->trees;
}

void ann_syntax_free(ann_syntax *s)
{
    if (s == NULL)
        return;
    for (size_t i = 0; i < s->n; i++)
        if (s->trees[i].tree)
            ts_tree_delete((TSTree *)s->trees[i].tree);
    free(s->trees);
    ann_parsers_free(s->own);
    free(s);
}

int ann_syntax_keep(ann_parsers *ps, const unsigned char *doc, void *t, const char *grammar,
                    size_t offset)
{
    if (ps->kept && ps->kept->of != doc)
        ann_syntax_drop_kept(ps);
    if (ps->kept == NULL && (ps->kept = calloc(1, sizeof *ps->kept)) == NULL) {
        ts_tree_delete(t);
        return ANN_ENOMEM;
    }
    ps->kept->of = doc;
    return add_tree(ps->kept, t, grammar, offset);
}

void ann_syntax_drop_kept(ann_parsers *ps)
{
    if (ps == NULL)
        return;
    ann_syntax_free(ps->kept);
    ps->kept = NULL;
}
