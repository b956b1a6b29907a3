/*
 * ts_budget.h -- a deterministic work limit for tree-sitter parses
 * (internal to core/read).
 *
 * A wall-clock timeout makes a file's result depend on how busy the machine
 * is.  Instead the grammar's external scanner is wrapped and every call to
 * it is charged to a budget proportional to the input's size; when the
 * budget is spent the parser's cancellation flag is raised and the parse
 * gives up.  The same input always spends the same amount, so it always
 * gives the same result.  The charge of a scanner state restore is the
 * state's size, and for the HTML grammar also its open-tag count: restoring
 * a deep tag stack is where pathological nesting spends its time.
 */
#ifndef ANN_READ_TS_BUDGET_H
#define ANN_READ_TS_BUDGET_H

#include <stddef.h>
#include <stdint.h>

#include <tree_sitter/api.h>

/* Which grammar's scanner state layout to charge for (see above). */
typedef enum ann_ts_grammar { ANN_TS_MARKDOWN, ANN_TS_HTML } ann_ts_grammar;

typedef struct ann_ts_budget ann_ts_budget; /* opaque; one per parser */

/* Sets `lang` on parser p with its external scanner wrapped to charge the
 * returned budget.  The budget must outlive the parser and every tree it
 * parses: free it with ann_ts_budget_free() after ts_parser_delete() and
 * ts_tree_delete().  Returns NULL when memory runs out or the language
 * does not fit the library. */
ann_ts_budget *ann_ts_budget_attach(TSParser *p, const TSLanguage *lang, ann_ts_grammar g);

/* Makes the next parse of `bytes` bytes start with a full budget (and sets
 * the backstop below). */
void ann_ts_budget_reset(ann_ts_budget *b, size_t bytes);

/* True when the last parse was stopped because its budget was spent; a
 * NULL tree without it means the backstop stopped the parse. */
int ann_ts_budget_spent(const ann_ts_budget *b);

/* Units charged so far in this parse (for the tests and calibration). */
uint64_t ann_ts_budget_used(const ann_ts_budget *b);

void ann_ts_budget_free(ann_ts_budget *b);

/* The budget of a parse of `bytes` bytes, in scanner units.  Ordinary
 * documents spend under 20 units a byte (measured on Markdown and HTML
 * files, see the report of issue 13); the margin is wide because a parse
 * that runs out fails the whole document. */
static inline uint64_t ann_ts_budget_for(size_t bytes)
{
    return 50000000u + (uint64_t)bytes * 200u;
}

/* The wall-clock backstop of a parse, in microseconds.  Some inputs make
 * tree-sitter itself slow (comparing ambiguous subtrees, e.g. "![a]"
 * repeated), which no scanner call sees; this stops them.  It is set far
 * above what the budget allows an ordinary file, so only such inputs can
 * meet it, and the message then says a time limit was reached. */
static inline uint64_t ann_ts_backstop_us(size_t bytes)
{
    return 20000000u + (uint64_t)bytes * 20u;
}

#endif
