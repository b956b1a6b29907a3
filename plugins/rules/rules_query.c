/*
 * rules_query.c -- structure queries: tree-sitter queries over the syntax
 * trees of Markdown and HTML documents (host ABI 4).
 *
 * A query is compiled at open() against each grammar the host reads with
 * (host->syntax_language()): Markdown's block and inline grammars and HTML's.
 * It applies to the trees of every grammar it compiles for, so
 * `(link_text) @LINK` runs on Markdown's inline trees and `(element) @E` on
 * HTML ones; a query that compiles for none is an error, reported where
 * tree-sitter got furthest.  The tree-sitter C API leaves predicates to its
 * caller: #eq?, #not-eq?, #match?, #not-match? and #any-of? are evaluated
 * here, on the source text of the captured nodes.
 */
#include "rules.h"

#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <tree_sitter/api.h>

static const char *const rq_grammars[RULES_GRAMMARS] = {"markdown", "markdown_inline", "html"};

typedef enum rq_op { RQ_EQ, RQ_MATCH, RQ_ANY_OF } rq_op;

/* One predicate of a pattern: capture `capture` tested against `other` (a
 * capture id, or -1) or the strings / the regular expression. */
typedef struct rq_pred {
    rq_op op;
    int negate;
    uint32_t capture;
    int32_t other;
    const char **strings; /* borrowed from the query, n_strings of them */
    size_t n_strings;
    regex_t re;
    int has_re;
} rq_pred;

typedef struct rq_compiled {
    TSQuery *query;
    rq_pred *preds;  /* all patterns' predicates, owned */
    uint32_t *first; /* per pattern: index of its first predicate; n_patterns + 1 */
    uint32_t n_patterns;
    uint32_t n_preds; /* preds[0..n_preds) may own strings and a regex */
} rq_compiled;

struct rules_query {
    rq_compiled g[RULES_GRAMMARS]; /* query NULL where it does not compile */
};

const char *rules_query_grammar(size_t g)
{
    return g < RULES_GRAMMARS ? rq_grammars[g] : NULL;
}

/* What tree-sitter's error means, said before the word where it stopped. */
static const char *rq_error_name(TSQueryError e)
{
    switch (e) {
    case TSQueryErrorSyntax:
        return "syntax error at";
    case TSQueryErrorNodeType:
        return "unknown node type";
    case TSQueryErrorField:
        return "unknown field";
    case TSQueryErrorCapture:
        return "unknown capture";
    case TSQueryErrorStructure:
        return "a node that cannot hold this child:";
    case TSQueryErrorLanguage:
        return "the grammar does not fit the tree-sitter library at";
    default:
        return "error at";
    }
}

/* The predicates of every pattern of c->query, checked.  ANN_OK, ANN_ENOMEM,
 * or ANN_EINVAL with the reason in err. */
static int rq_predicates(rq_compiled *c, char *err, size_t errlen)
{
    const TSQuery *q = c->query;
    c->n_patterns = ts_query_pattern_count(q);
    c->first = calloc((size_t)c->n_patterns + 1, sizeof *c->first);
    size_t total = 0;
    for (uint32_t p = 0; p < c->n_patterns; p++) {
        uint32_t steps;
        ts_query_predicates_for_pattern(q, p, &steps);
        total += steps; /* more than the predicates: room enough */
    }
    c->preds = calloc(total ? total : 1, sizeof *c->preds);
    if (!c->first || !c->preds)
        return ANN_ENOMEM;
    uint32_t n = 0;
    for (uint32_t p = 0; p < c->n_patterns; p++) {
        c->first[p] = n;
        uint32_t steps;
        const TSQueryPredicateStep *st = ts_query_predicates_for_pattern(q, p, &steps);
        for (uint32_t i = 0; i < steps;) {
            uint32_t j = i;
            while (j < steps && st[j].type != TSQueryPredicateStepTypeDone)
                j++;
            /* st[i..j): the operator's name, then its arguments. */
            uint32_t len;
            const char *name = st[i].type == TSQueryPredicateStepTypeString
                                   ? ts_query_string_value_for_id(q, st[i].value_id, &len)
                                   : "";
            rq_pred *pr = &c->preds[n];
            c->n_preds = n + 1;
            pr->other = -1;
            pr->negate = strncmp(name, "not-", 4) == 0;
            const char *op = name + (pr->negate ? 4 : 0);
            int ok = j - i >= 3 && st[i + 1].type == TSQueryPredicateStepTypeCapture;
            if (strcmp(op, "eq?") == 0 && ok && j - i == 3) {
                pr->op = RQ_EQ;
            } else if (strcmp(op, "match?") == 0 && ok && j - i == 3 &&
                       st[i + 2].type == TSQueryPredicateStepTypeString) {
                pr->op = RQ_MATCH;
            } else if (strcmp(op, "any-of?") == 0 && ok && !pr->negate) {
                pr->op = RQ_ANY_OF;
            } else {
                snprintf(err, errlen,
                         "the predicate #%s takes arguments this plugin does not know: expected "
                         "#eq?, #not-eq?, #match?, #not-match? (@capture \"text\" or @capture), "
                         "or #any-of? (@capture \"text\" ...)",
                         name);
                return ANN_EINVAL;
            }
            pr->capture = st[i + 1].value_id;
            if (pr->op == RQ_EQ && st[i + 2].type == TSQueryPredicateStepTypeCapture) {
                pr->other = (int32_t)st[i + 2].value_id;
            } else {
                pr->n_strings = j - i - 2;
                pr->strings = calloc(pr->n_strings, sizeof *pr->strings);
                if (!pr->strings)
                    return ANN_ENOMEM;
                for (size_t k = 0; k < pr->n_strings; k++) {
                    if (st[i + 2 + k].type != TSQueryPredicateStepTypeString) {
                        snprintf(err, errlen, "#%s: expected strings after the capture", name);
                        return ANN_EINVAL;
                    }
                    pr->strings[k] = ts_query_string_value_for_id(q, st[i + 2 + k].value_id, &len);
                }
            }
            if (pr->op == RQ_MATCH) {
                int rc = regcomp(&pr->re, pr->strings[0], REG_EXTENDED | REG_NOSUB);
                if (rc != 0) {
                    char why[120];
                    regerror(rc, &pr->re, why, sizeof why);
                    snprintf(err, errlen, "#%s: the regular expression \"%s\" does not compile: %s",
                             name, pr->strings[0], why);
                    return ANN_EINVAL;
                }
                pr->has_re = 1;
            }
            n++;
            i = j + 1;
        }
    }
    c->first[c->n_patterns] = n;
    return ANN_OK;
}

static void rq_compiled_free(rq_compiled *c)
{
    for (uint32_t i = 0; i < c->n_preds; i++) {
        free(c->preds[i].strings);
        if (c->preds[i].has_re)
            regfree(&c->preds[i].re);
    }
    free(c->preds);
    free(c->first);
    if (c->query)
        ts_query_delete(c->query);
    memset(c, 0, sizeof *c);
}

static int rq_ident_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-' || c == '.' || c == '?' || c == '!';
}

/* The offset of the first field name ("name:") of the query that lang
 * does not have, or len when it has them all.  Checked before
 * ts_query_new(), whose unknown-field error path leaks memory in the
 * tree-sitter library (0.20, seen under LeakSanitizer); strings and
 * comments are skipped. */
static size_t rq_unknown_field(const TSLanguage *lang, const char *src, size_t len)
{
    for (size_t i = 0; i < len;) {
        char c = src[i];
        if (c == '"') {
            for (i++; i < len && src[i] != '"'; i++)
                if (src[i] == '\\')
                    i++;
            i++;
        } else if (c == ';') {
            while (i < len && src[i] != '\n')
                i++;
        } else if (rq_ident_char(c) && (i == 0 || (src[i - 1] != '@' && src[i - 1] != '#'))) {
            size_t a = i;
            while (i < len && rq_ident_char(src[i]))
                i++;
            if (i < len && src[i] == ':' &&
                ts_language_field_id_for_name(lang, src + a, (uint32_t)(i - a)) == 0)
                return a;
        } else if (c == '@' || c == '#') {
            for (i++; i < len && rq_ident_char(src[i]); i++)
                ;
        } else {
            i++;
        }
    }
    return len;
}

int rules_query_compile(const ann_host *host, const char *src, size_t len, rules_query **out,
                        size_t *err_off, char *err, size_t errlen)
{
    *out = NULL;
    *err_off = 0;
    if (!ANN_HOST_HAS(host, run_note)) {
        snprintf(err, errlen, "structure queries need a host of plugin ABI 4 or later");
        return ANN_EINVAL;
    }
    rules_query *rq = calloc(1, sizeof *rq);
    if (!rq)
        return ANN_ENOMEM;
    uint32_t best_off = 0;
    TSQueryError best_err = TSQueryErrorNone;
    int compiled = 0;
    for (size_t g = 0; g < RULES_GRAMMARS; g++) {
        const TSLanguage *lang = host->syntax_language(rq_grammars[g]);
        if (!lang)
            continue;
        uint32_t v = ts_language_version(lang);
        if (v < TREE_SITTER_MIN_COMPATIBLE_LANGUAGE_VERSION || v > TREE_SITTER_LANGUAGE_VERSION)
            continue;
        uint32_t off = (uint32_t)rq_unknown_field(lang, src, len);
        TSQueryError e = off < len ? TSQueryErrorField : TSQueryErrorNone;
        TSQuery *q = off < len ? NULL : ts_query_new(lang, src, (uint32_t)len, &off, &e);
        if (!q) {
            if (best_err == TSQueryErrorNone || off > best_off) {
                best_off = off;
                best_err = e;
            }
            continue;
        }
        rq->g[g].query = q;
        compiled++;
        int rc = rq_predicates(&rq->g[g], err, errlen);
        if (rc != ANN_OK) {
            rules_query_free(rq);
            return rc;
        }
    }
    if (!compiled) {
        rules_query_free(rq);
        if (best_err == TSQueryErrorNone) {
            snprintf(err, errlen,
                     "the host offers no Markdown or HTML grammar this plugin can use");
            return ANN_EINVAL;
        }
        /* The word at the error, for the message. */
        size_t a = best_off < len ? best_off : len, b = a;
        while (b < len && b - a < 40 && src[b] != ' ' && src[b] != ')' && src[b] != '(' &&
               src[b] != '\n')
            b++;
        *err_off = a;
        if (b > a)
            snprintf(err, errlen,
                     "tree-sitter query error: %s '%.*s' (for the Markdown and the HTML grammars)",
                     rq_error_name(best_err), (int)(b - a), src + a);
        else
            snprintf(err, errlen,
                     "tree-sitter query error: %s the end (for the Markdown and the HTML grammars)",
                     rq_error_name(best_err));
        return ANN_EINVAL;
    }
    *out = rq;
    return ANN_OK;
}

size_t rules_query_capture_count(const rules_query *rq)
{
    for (size_t g = 0; g < RULES_GRAMMARS; g++)
        if (rq->g[g].query)
            return ts_query_capture_count(rq->g[g].query);
    return 0;
}

const char *rules_query_capture(const rules_query *rq, size_t id, size_t *len)
{
    for (size_t g = 0; g < RULES_GRAMMARS; g++) {
        if (rq->g[g].query) {
            uint32_t n = 0;
            const char *s = ts_query_capture_name_for_id(rq->g[g].query, (uint32_t)id, &n);
            *len = n;
            return s;
        }
    }
    *len = 0;
    return NULL;
}

void rules_query_free(rules_query *rq)
{
    if (!rq)
        return;
    for (size_t g = 0; g < RULES_GRAMMARS; g++)
        rq_compiled_free(&rq->g[g]);
    free(rq);
}

/* The source text of node n, NUL-terminated in scratch memory. */
static const char *rq_text(const ann_host *host, ann_doc *doc, const char *src, size_t src_len,
                           size_t off, TSNode n, size_t *len)
{
    size_t a = ts_node_start_byte(n) + off, b = ts_node_end_byte(n) + off;
    if (b > src_len)
        b = src_len;
    if (a > b)
        a = b;
    char *t = host->scratch(doc, b - a + 1);
    if (t)
        memcpy(t, src + a, b - a);
    *len = b - a;
    return t;
}

/* The first node captured as `id` in match m, or a null node. */
static int rq_capture(const TSQueryMatch *m, uint32_t id, TSNode *out)
{
    for (uint16_t i = 0; i < m->capture_count; i++) {
        if (m->captures[i].index == id) {
            *out = m->captures[i].node;
            return 1;
        }
    }
    return 0;
}

/* Whether match m passes its pattern's predicates: 1, 0, or -1 when memory
 * runs out. */
static int rq_passes(const ann_host *host, ann_doc *doc, const rq_compiled *c,
                     const TSQueryMatch *m, const char *src, size_t src_len, size_t off)
{
    for (uint32_t k = c->first[m->pattern_index]; k < c->first[m->pattern_index + 1]; k++) {
        const rq_pred *pr = &c->preds[k];
        TSNode node;
        if (!rq_capture(m, pr->capture, &node))
            continue; /* an optional capture that is not there tests nothing */
        size_t len;
        const char *t = rq_text(host, doc, src, src_len, off, node, &len);
        if (!t)
            return -1;
        int yes = 0;
        if (pr->op == RQ_MATCH) {
            yes = regexec(&pr->re, t, 0, NULL, 0) == 0;
        } else if (pr->other >= 0) {
            TSNode o;
            size_t olen;
            const char *ot = rq_capture(m, (uint32_t)pr->other, &o)
                                 ? rq_text(host, doc, src, src_len, off, o, &olen)
                                 : NULL;
            yes = ot && olen == len && memcmp(ot, t, len) == 0;
        } else {
            for (size_t s = 0; s < pr->n_strings && !yes; s++)
                yes = strlen(pr->strings[s]) == len && memcmp(pr->strings[s], t, len) == 0;
        }
        if (yes == pr->negate)
            return 0;
    }
    return 1;
}

int rules_query_run(const ann_host *host, ann_doc *doc, const rules_query *rq,
                    const ann_syntax_tree *tree, const char *src, size_t src_len,
                    int (*found)(void *ctx, const char *capture, size_t capture_len, size_t start,
                                 size_t end),
                    void *ctx)
{
    size_t g = 0;
    while (g < RULES_GRAMMARS && strcmp(tree->grammar, rq_grammars[g]) != 0)
        g++;
    if (g == RULES_GRAMMARS || !rq->g[g].query)
        return ANN_OK;
    const rq_compiled *c = &rq->g[g];
    TSQueryCursor *cur = ts_query_cursor_new();
    if (!cur)
        return ANN_ENOMEM;
    ts_query_cursor_exec(cur, c->query, ts_tree_root_node((const TSTree *)tree->tree));
    int rc = ANN_OK;
    TSQueryMatch m;
    while (rc == ANN_OK && ts_query_cursor_next_match(cur, &m)) {
        int pass = rq_passes(host, doc, c, &m, src, src_len, tree->source_offset);
        if (pass < 0)
            rc = ANN_ENOMEM;
        for (uint16_t i = 0; pass > 0 && rc == ANN_OK && i < m.capture_count; i++) {
            uint32_t n;
            const char *name = ts_query_capture_name_for_id(c->query, m.captures[i].index, &n);
            if (n > 0 && name[0] == '_')
                continue; /* a helper capture, for predicates */
            rc = found(ctx, name, n, ts_node_start_byte(m.captures[i].node) + tree->source_offset,
                       ts_node_end_byte(m.captures[i].node) + tree->source_offset);
        }
    }
    ts_query_cursor_delete(cur);
    return rc;
}
