/*
 * parsers.c -- see parsers.h.
 */
#include "read/parsers_impl.h"

#include "read/syntax.h"

#include <stdlib.h>

ann_parsers *ann_parsers_new(void)
{
    return calloc(1, sizeof(ann_parsers));
}

static void slot_free(ann_ts_slot *s)
{
    if (s->parser)
        ts_parser_delete(s->parser);
    ann_ts_budget_free(s->budget);
    s->parser = NULL;
    s->budget = NULL;
}

void ann_parsers_free(ann_parsers *ps)
{
    if (ps == NULL)
        return;
    ann_syntax_drop_kept(ps); /* before the budgets their grammars live in */
    slot_free(&ps->md_block);
    slot_free(&ps->md_inline);
    slot_free(&ps->html);
    free(ps->mask);
    free(ps->ranges.buf);
    free(ps->rel.buf);
    free(ps);
}

void ann_parsers_keep_trees(ann_parsers *ps)
{
    ps->keep_trees = 1;
}

TSParser *ann_parsers_get(ann_ts_slot *slot, const TSLanguage *lang, ann_ts_grammar g,
                          int *unfit)
{
    *unfit = 0;
    if (slot->parser)
        return slot->parser;
    TSParser *p = ts_parser_new();
    if (p == NULL)
        return NULL;
    ann_ts_budget *b = ann_ts_budget_attach(p, lang, g);
    if (b == NULL) {
        ts_parser_delete(p);
        *unfit = 1;
        return NULL;
    }
    slot->parser = p;
    slot->budget = b;
    return p;
}

int ann_parsers_mask_room(ann_parsers *ps, size_t n)
{
    if (n <= ps->mask_cap && ps->mask != NULL)
        return 0; /* an empty document gets a buffer too: never parse NULL */
    size_t cap = ps->mask_cap ? ps->mask_cap : 4096;
    while (cap < n)
        cap *= 2;
    char *m = realloc(ps->mask, cap);
    if (m == NULL)
        return -1;
    ps->mask = m;
    ps->mask_cap = cap;
    return 0;
}
