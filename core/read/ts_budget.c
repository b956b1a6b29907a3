/*
 * ts_budget.c -- see ts_budget.h.  Built with the grammars' parser.h on the
 * include path, for the layout of TSLanguage (language version 14, the
 * version of the fetched grammars).
 */
#include "read/ts_budget.h"

#include <stdlib.h>
#include <string.h>

/* parser.h leaves this to api.h when api.h came first, and this version of
 * api.h does not declare it. */
typedef uint16_t TSStateId;
#include <tree_sitter/parser.h>

/* The TSLanguage layout of parser.h, which the fetched grammars share. */
#define ANN_TS_LAYOUT_VERSION 14

struct ann_ts_budget {
    size_t cancel; /* the parser's cancellation flag */
    uint64_t used, limit;
    ann_ts_grammar grammar;
    TSParser *parser;       /* borrowed; the parser the budget is attached to */
    const TSLanguage *orig; /* the grammar as linked; static */
    TSLanguage lang;        /* a copy with the scanner calls below */
};

/* The scanner state tree-sitter holds: the grammar's own, and the budget. */
typedef struct wrapped {
    void *inner;
    ann_ts_budget *budget;
} wrapped;

/* tree-sitter calls create() with no argument from inside
 * ts_parser_set_language(); this hands it the budget for that one call on
 * this thread, and is NULL at all other times. */
static _Thread_local ann_ts_budget *attaching;

static void charge(ann_ts_budget *b, uint64_t units)
{
    b->used += units;
    if (b->used > b->limit)
        b->cancel = 1;
}

static void *w_create(void)
{
    wrapped *w = calloc(1, sizeof *w);
    if (!w)
        return NULL;
    w->budget = attaching;
    w->inner = w->budget->orig->external_scanner.create();
    return w;
}

static void w_destroy(void *payload)
{
    wrapped *w = payload;
    if (!w)
        return;
    w->budget->orig->external_scanner.destroy(w->inner);
    free(w);
}

static bool w_scan(void *payload, TSLexer *lexer, const bool *valid)
{
    wrapped *w = payload;
    charge(w->budget, 1);
    return w->budget->orig->external_scanner.scan(w->inner, lexer, valid);
}

static unsigned w_serialize(void *payload, char *buffer)
{
    wrapped *w = payload;
    unsigned n = w->budget->orig->external_scanner.serialize(w->inner, buffer);
    charge(w->budget, 1 + (uint64_t)n);
    return n;
}

static void w_deserialize(void *payload, const char *buffer, unsigned length)
{
    wrapped *w = payload;
    uint64_t units = 1 + (uint64_t)length;
    /* The HTML scanner's state starts with two 16-bit counts: the tags
     * written out, then all open tags; it rebuilds the whole stack. */
    if (w->budget->grammar == ANN_TS_HTML && length >= 4) {
        uint16_t open_tags;
        memcpy(&open_tags, buffer + 2, sizeof open_tags);
        units += open_tags;
    }
    charge(w->budget, units);
    w->budget->orig->external_scanner.deserialize(w->inner, buffer, length);
}

ann_ts_budget *ann_ts_budget_attach(TSParser *p, const TSLanguage *lang, ann_ts_grammar g)
{
    if (lang->version != ANN_TS_LAYOUT_VERSION || !lang->external_scanner.create)
        return NULL;
    ann_ts_budget *b = calloc(1, sizeof *b);
    if (!b)
        return NULL;
    b->grammar = g;
    b->parser = p;
    b->orig = lang;
    b->lang = *lang;
    b->lang.external_scanner.create = w_create;
    b->lang.external_scanner.destroy = w_destroy;
    b->lang.external_scanner.scan = w_scan;
    b->lang.external_scanner.serialize = w_serialize;
    b->lang.external_scanner.deserialize = w_deserialize;
    ann_ts_budget_reset(b, 0);
    attaching = b;
    int ok = ts_parser_set_language(p, &b->lang);
    attaching = NULL;
    if (!ok) {
        free(b);
        return NULL;
    }
    ts_parser_set_cancellation_flag(p, &b->cancel);
    return b;
}

void ann_ts_budget_reset(ann_ts_budget *b, size_t bytes)
{
    b->cancel = 0;
    b->used = 0;
    b->limit = ann_ts_budget_for(bytes);
    ts_parser_set_timeout_micros(b->parser, ann_ts_backstop_us(bytes));
}

int ann_ts_budget_spent(const ann_ts_budget *b)
{
    return b->cancel != 0;
}

uint64_t ann_ts_budget_used(const ann_ts_budget *b)
{
    return b->used;
}

void ann_ts_budget_free(ann_ts_budget *b)
{
    free(b);
}
