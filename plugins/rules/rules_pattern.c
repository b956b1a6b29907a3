/*
 * rules_pattern.c -- the token pattern language, parsed and compiled to a
 * program for the Pike VM of rules_vm.c.
 *
 *   CEO  "any"          a token with exactly this text
 *   lower:chairman      a token whose case fold is this
 *   shape:Xxxx          a token of this shape (X upper, x lower, d digit)
 *   is:upper            every character in a class (alpha digit upper lower
 *                       title punct alnum)
 *   kind:number         the tokenizer's kind (word number punct symbol other)
 *   any                 any one token
 *   <PER> <entities:PER>  a span of a needed layer, all its tokens
 *   holder=<PER>        the same, and the emitted span links to it as holder
 *   ( a | b c )         alternatives, grouped
 *   [ ... ]             the part to emit (the whole match when absent)
 *   x?  x*  x+  x{2}  x{1,3}   optional and repeated
 *
 * The parser builds a small tree first because a bounded repetition copies
 * its element's code m..n times; the compiler then writes Thompson-style
 * code: SPLIT for choices, JMP back for loops, SAVE around the [ ] part.
 */
#include "rules.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef enum { N_TOKEN, N_SPAN, N_SEQ, N_ALT, N_REPEAT, N_EMIT } rules_node_kind;

typedef struct rules_node {
    rules_node_kind kind;
    rules_inst inst; /* N_TOKEN, N_SPAN */
    int first, next; /* first child and next sibling, -1 none */
    int min, max;    /* N_REPEAT; max -1: unbounded */
} rules_node;

typedef struct rules_pp {
    const char *s;
    size_t len, i, col0;
    const char *const *needs;
    size_t n_needs;
    rules_program *prog;
    rules_node *nodes;
    size_t n_nodes, cap;
    char *err;
    size_t errlen;
    int failed;
} rules_pp;

static void pp_fail(rules_pp *p, const char *fmt, const char *what)
{
    if (p->failed)
        return;
    p->failed = 1;
    char msg[200];
    snprintf(msg, sizeof msg, fmt, what);
    snprintf(p->err, p->errlen, "%zu: %s", p->col0 + p->i, msg);
}

/* What is at the cursor, for "found ..." in messages. */
static const char *pp_here(rules_pp *p, char *buf, size_t n)
{
    if (p->i >= p->len)
        return "the end of the pattern";
    size_t k = 0;
    buf[k++] = '\'';
    while (p->i + k - 1 < p->len && k < n - 2 && p->s[p->i + k - 1] != ' ')
        buf[k] = p->s[p->i + k - 1], k++;
    buf[k++] = '\'';
    buf[k] = '\0';
    return buf;
}

static int pp_node(rules_pp *p, rules_node_kind kind)
{
    if (p->n_nodes == p->cap) {
        size_t c = p->cap ? p->cap * 2 : 16;
        rules_node *q = realloc(p->nodes, c * sizeof *q);
        if (!q) {
            pp_fail(p, "%s", "out of memory");
            return -1;
        }
        p->nodes = q;
        p->cap = c;
    }
    rules_node *n = &p->nodes[p->n_nodes];
    memset(n, 0, sizeof *n);
    n->kind = kind;
    n->first = n->next = -1;
    n->inst.slot = -1;
    return (int)p->n_nodes++;
}

static char *pp_keep(rules_pp *p, const char *s, size_t len)
{
    char **o = realloc(p->prog->owned, (p->prog->n_owned + 1) * sizeof *o);
    char *c = malloc(len + 1);
    if (!o || !c) {
        free(c);
        if (o)
            p->prog->owned = o;
        pp_fail(p, "%s", "out of memory");
        return NULL;
    }
    memcpy(c, s, len);
    c[len] = '\0';
    p->prog->owned = o;
    o[p->prog->n_owned++] = c;
    return c;
}

static void pp_space(rules_pp *p)
{
    while (p->i < p->len && (p->s[p->i] == ' ' || p->s[p->i] == '\t'))
        p->i++;
}

static int pp_special(char c)
{
    return c == ' ' || c == '\t' || strchr("()[]|<>?*+{}\"", c) != NULL;
}

/* A word: up to a special character, or an '=' that starts "=<". */
static size_t pp_word(rules_pp *p)
{
    size_t s = p->i;
    while (p->i < p->len && !pp_special(p->s[p->i]) &&
           !(p->s[p->i] == '=' && p->i + 1 < p->len && p->s[p->i + 1] == '<'))
        p->i++;
    return p->i - s;
}

static int pp_alt(rules_pp *p);

static void pp_append(rules_pp *p, int parent, int child)
{
    int *at = &p->nodes[parent].first;
    while (*at >= 0)
        at = &p->nodes[*at].next;
    *at = child;
}

/* <LABEL> or <layer:LABEL>, the cursor on '<'. */
static int pp_span(rules_pp *p, int slot)
{
    p->i++;
    size_t s = p->i;
    while (p->i < p->len && p->s[p->i] != '>' && p->s[p->i] != ' ')
        p->i++;
    if (p->i >= p->len || p->s[p->i] != '>') {
        char b[40];
        pp_fail(p, "expected '>' to close the span reference, found %s", pp_here(p, b, sizeof b));
        return -1;
    }
    const char *ref = p->s + s;
    size_t rlen = p->i - s;
    p->i++;
    const char *colon = memchr(ref, ':', rlen);
    const char *layer = NULL;
    if (p->n_needs == 0) {
        p->i = s - 1;
        pp_fail(p, "%s",
                "a <LABEL> refers to a span of another layer: add a line 'needs: LAYER' above");
        return -1;
    }
    if (colon) {
        for (size_t k = 0; k < p->n_needs && !layer; k++)
            if (strlen(p->needs[k]) == (size_t)(colon - ref) &&
                memcmp(p->needs[k], ref, (size_t)(colon - ref)) == 0)
                layer = p->needs[k];
        if (!layer) {
            p->i = s;
            pp_fail(p, "%s",
                    "unknown layer before ':': it must be one of the file's 'needs:' layers");
            return -1;
        }
        rlen -= (size_t)(colon + 1 - ref);
        ref = colon + 1;
    } else {
        layer = p->needs[0];
    }
    if (rlen == 0) {
        p->i = s;
        pp_fail(p, "%s", "expected a label inside < >, such as <PER>");
        return -1;
    }
    int n = pp_node(p, N_SPAN);
    if (n < 0)
        return -1;
    const char *label = pp_keep(p, ref, rlen);
    if (!label)
        return -1;
    p->nodes[n].inst = (rules_inst){
        .op = RULES_OP_SPAN, .slot = (int16_t)slot, .s = label, .len = rlen, .layer = layer};
    return n;
}

static const char *const pp_classes[] = {"alpha", "digit", "upper", "lower",
                                         "title", "punct", "alnum", NULL};
static const char *const pp_kinds[] = {"", "word", "number", "punct", "symbol", "other", NULL};

static int pp_lookup(const char *const *names, const char *s, size_t len)
{
    for (int k = 0; names[k]; k++)
        if (strlen(names[k]) == len && memcmp(names[k], s, len) == 0)
            return k;
    return -1;
}

static int pp_token(rules_pp *p, rules_test test, const char *s, size_t len, int32_t val)
{
    int n = pp_node(p, N_TOKEN);
    if (n < 0)
        return -1;
    const char *c = len ? pp_keep(p, s, len) : "";
    if (!c)
        return -1;
    p->nodes[n].inst = (rules_inst){
        .op = RULES_OP_TOKEN, .test = (uint8_t)test, .slot = -1, .x = val, .s = c, .len = len};
    return n;
}

static int pp_atom(rules_pp *p)
{
    char b[40];
    pp_space(p);
    if (p->i >= p->len) {
        pp_fail(p, "%s", "expected a word, ( or <LABEL>, found the end of the pattern");
        return -1;
    }
    char c = p->s[p->i];
    if (c == '(' || c == '[') {
        char close = c == '(' ? ')' : ']';
        size_t open_at = p->i++;
        if (c == '[' && p->prog->has_emit) {
            p->i = open_at;
            pp_fail(p, "%s", "a pattern has at most one [ ] part to emit");
            return -1;
        }
        if (c == '[')
            p->prog->has_emit = 1;
        int inner = pp_alt(p);
        if (inner < 0)
            return -1;
        pp_space(p);
        if (p->i >= p->len || p->s[p->i] != close) {
            char want[60];
            snprintf(want, sizeof want, "expected '%c' or '|', found %%s", close);
            pp_fail(p, want, pp_here(p, b, sizeof b));
            return -1;
        }
        p->i++;
        if (c == '(')
            return inner;
        int n = pp_node(p, N_EMIT);
        if (n >= 0)
            p->nodes[n].first = inner;
        return n;
    }
    if (c == '<')
        return pp_span(p, -1);
    if (c == '"') {
        size_t s = ++p->i;
        while (p->i < p->len && p->s[p->i] != '"')
            p->i++;
        if (p->i >= p->len || p->i == s) {
            p->i = s - 1;
            pp_fail(p, "%s",
                    p->i + 1 >= p->len || p->s[s] != '"' ? "expected a closing '\"' on this line"
                                                         : "expected a word between the quotes");
            return -1;
        }
        p->i++;
        return pp_token(p, RULES_T_WORD, p->s + s, p->i - 1 - s, 0);
    }
    size_t start = p->i;
    size_t len = pp_word(p);
    if (len == 0) {
        pp_fail(p, "expected a word, ( [ or <LABEL>, found %s", pp_here(p, b, sizeof b));
        return -1;
    }
    const char *w = p->s + start;
    if (p->i + 1 < p->len && p->s[p->i] == '=' && p->s[p->i + 1] == '<') {
        /* role=<LABEL>: one slot per distinct role. */
        size_t slot = 0;
        while (slot < p->prog->n_slots - 2 &&
               !(strlen(p->prog->roles[slot]) == len && memcmp(p->prog->roles[slot], w, len) == 0))
            slot++;
        if (slot == p->prog->n_slots - 2) {
            if (slot == RULES_MAX_LINKS) {
                p->i = start;
                pp_fail(p, "%s", "too many link names in one pattern (at most 6)");
                return -1;
            }
            char *role = malloc(len + 1);
            if (!role) {
                pp_fail(p, "%s", "out of memory");
                return -1;
            }
            memcpy(role, w, len);
            role[len] = '\0';
            p->prog->roles[slot] = role;
            p->prog->n_slots++;
        }
        p->i++;
        return pp_span(p, (int)(2 + slot));
    }
    const char *colon = memchr(w, ':', len);
    if (colon) {
        size_t plen = (size_t)(colon - w);
        const char *v = colon + 1;
        size_t vlen = len - plen - 1;
        if (plen == 5 && memcmp(w, "lower", 5) == 0)
            return vlen
                       ? pp_token(p, RULES_T_LOWER, v, vlen, 0)
                       : (p->i = start + 6, pp_fail(p, "%s", "expected a word after 'lower:'"), -1);
        if (plen == 5 && memcmp(w, "shape", 5) == 0)
            return vlen ? pp_token(p, RULES_T_SHAPE, v, vlen, 0)
                        : (p->i = start + 6,
                           pp_fail(p, "%s", "expected a shape such as Xxxx or dddd after 'shape:'"),
                           -1);
        if (plen == 2 && memcmp(w, "is", 2) == 0) {
            int k = pp_lookup(pp_classes, v, vlen);
            if (k < 0) {
                p->i = start + 3;
                pp_fail(
                    p, "%s",
                    "expected one of alpha, digit, upper, lower, title, punct, alnum after 'is:'");
                return -1;
            }
            return pp_token(p, RULES_T_IS, "", 0, k);
        }
        if (plen == 4 && memcmp(w, "kind", 4) == 0) {
            int k = pp_lookup(pp_kinds, v, vlen);
            if (k <= 0) {
                p->i = start + 5;
                pp_fail(p, "%s",
                        "expected one of word, number, punct, symbol, other after 'kind:'");
                return -1;
            }
            return pp_token(p, RULES_T_KIND, "", 0, k);
        }
        /* Any other "x:y" ("10:30") is a word. */
    }
    if (len == 3 && memcmp(w, "any", 3) == 0)
        return pp_token(p, RULES_T_ANY, "", 0, 0);
    return pp_token(p, RULES_T_WORD, w, len, 0);
}

/* A number of a {m,n} bound. */
static int pp_number(rules_pp *p, int *out)
{
    size_t s = p->i;
    int v = 0;
    while (p->i < p->len && p->s[p->i] >= '0' && p->s[p->i] <= '9' && v <= RULES_MAX_REPEAT)
        v = v * 10 + (p->s[p->i++] - '0');
    if (p->i == s) {
        char b[40];
        pp_fail(p, "expected a number in { }, found %s", pp_here(p, b, sizeof b));
        return -1;
    }
    if (v > RULES_MAX_REPEAT) {
        p->i = s;
        pp_fail(p, "%s", "a repetition bound is at most 16 (use + or * for more)");
        return -1;
    }
    *out = v;
    return 0;
}

static int pp_item(rules_pp *p)
{
    int a = pp_atom(p);
    if (a < 0)
        return -1;
    while (p->i < p->len && strchr("?*+{", p->s[p->i])) {
        char q = p->s[p->i];
        size_t at = p->i++;
        int min = q == '+' ? 1 : 0, max = q == '?' ? 1 : -1;
        if (q == '{') {
            if (pp_number(p, &min) < 0)
                return -1;
            max = min;
            if (p->i < p->len && p->s[p->i] == ',') {
                p->i++;
                if (pp_number(p, &max) < 0)
                    return -1;
            }
            if (p->i >= p->len || p->s[p->i] != '}') {
                char b[40];
                pp_fail(p, "expected '}' or ',', found %s", pp_here(p, b, sizeof b));
                return -1;
            }
            p->i++;
            if (max < min || max == 0) {
                p->i = at;
                pp_fail(p, "%s", "expected {m,n} with 0 <= m <= n and n >= 1");
                return -1;
            }
        }
        int r = pp_node(p, N_REPEAT);
        if (r < 0)
            return -1;
        p->nodes[r].first = a;
        p->nodes[r].min = min;
        p->nodes[r].max = max;
        a = r;
    }
    return a;
}

static int pp_seq(rules_pp *p)
{
    int seq = pp_node(p, N_SEQ);
    if (seq < 0)
        return -1;
    for (;;) {
        pp_space(p);
        if (p->i >= p->len || p->s[p->i] == '|' || p->s[p->i] == ')' || p->s[p->i] == ']')
            break;
        int it = pp_item(p);
        if (it < 0)
            return -1;
        pp_append(p, seq, it);
    }
    if (p->nodes[seq].first < 0) {
        char b[40];
        pp_fail(p, "expected a word, ( [ or <LABEL>, found %s", pp_here(p, b, sizeof b));
        return -1;
    }
    return seq;
}

static int pp_alt(rules_pp *p)
{
    int first = pp_seq(p);
    if (first < 0)
        return -1;
    pp_space(p);
    if (p->i >= p->len || p->s[p->i] != '|')
        return first;
    int alt = pp_node(p, N_ALT);
    if (alt < 0)
        return -1;
    pp_append(p, alt, first);
    while (p->i < p->len && p->s[p->i] == '|') {
        p->i++;
        int s = pp_seq(p);
        if (s < 0)
            return -1;
        pp_append(p, alt, s);
        pp_space(p);
    }
    return alt;
}

/* ---- code generation ----------------------------------------------------- */

static int cg_emit(rules_pp *p, rules_inst in)
{
    if (p->prog->n >= RULES_MAX_PROGRAM) {
        p->i = 0;
        pp_fail(p, "%s", "the pattern is too large once its repetitions are written out");
        return -1;
    }
    if (p->prog->n == 0 || (p->prog->n >= 16 && (p->prog->n & (p->prog->n - 1)) == 0)) {
        size_t c = p->prog->n ? p->prog->n * 2 : 16;
        rules_inst *q = realloc(p->prog->code, c * sizeof *q);
        if (!q) {
            pp_fail(p, "%s", "out of memory");
            return -1;
        }
        p->prog->code = q;
    }
    p->prog->code[p->prog->n] = in;
    return (int)p->prog->n++;
}

static int cg_node(rules_pp *p, int n);

static int cg_optional_chain(rules_pp *p, int child, int count)
{
    /* x{0,k}: each copy may be skipped to the end: SPLIT body, end. */
    int holes[RULES_MAX_REPEAT];
    for (int k = 0; k < count; k++) {
        holes[k] = cg_emit(p, (rules_inst){.op = RULES_OP_SPLIT, .slot = -1});
        if (holes[k] < 0)
            return -1;
        p->prog->code[holes[k]].x = (int32_t)p->prog->n;
        if (cg_node(p, child) < 0)
            return -1;
    }
    for (int k = 0; k < count; k++)
        p->prog->code[holes[k]].y = (int32_t)p->prog->n;
    return 0;
}

static int cg_node(rules_pp *p, int n)
{
    const rules_node *nd = &p->nodes[n];
    switch (nd->kind) {
    case N_TOKEN:
    case N_SPAN:
        return cg_emit(p, nd->inst) < 0 ? -1 : 0;
    case N_SEQ:
        for (int c = nd->first; c >= 0; c = p->nodes[c].next)
            if (cg_node(p, c) < 0)
                return -1;
        return 0;
    case N_EMIT:
        if (cg_emit(p, (rules_inst){.op = RULES_OP_SAVE, .slot = 0}) < 0 ||
            cg_node(p, nd->first) < 0 ||
            cg_emit(p, (rules_inst){.op = RULES_OP_SAVE, .slot = 1}) < 0)
            return -1;
        return 0;
    case N_ALT: {
        int jumps[64], nj = 0;
        for (int c = nd->first; c >= 0; c = p->nodes[c].next) {
            int split = -1;
            if (p->nodes[c].next >= 0 &&
                (split = cg_emit(p, (rules_inst){.op = RULES_OP_SPLIT, .slot = -1})) < 0)
                return -1;
            if (split >= 0)
                p->prog->code[split].x = (int32_t)p->prog->n;
            if (cg_node(p, c) < 0)
                return -1;
            if (p->nodes[c].next >= 0) {
                if (nj == 64) {
                    pp_fail(p, "%s", "at most 64 alternatives in one group");
                    return -1;
                }
                if ((jumps[nj++] = cg_emit(p, (rules_inst){.op = RULES_OP_JMP, .slot = -1})) < 0)
                    return -1;
                p->prog->code[split].y = (int32_t)p->prog->n;
            }
        }
        for (int k = 0; k < nj; k++)
            p->prog->code[jumps[k]].x = (int32_t)p->prog->n;
        return 0;
    }
    case N_REPEAT: {
        for (int k = 0; k < nd->min; k++)
            if (cg_node(p, nd->first) < 0)
                return -1;
        if (nd->max >= 0)
            return cg_optional_chain(p, nd->first, nd->max - nd->min);
        int loop = cg_emit(p, (rules_inst){.op = RULES_OP_SPLIT, .slot = -1});
        if (loop < 0)
            return -1;
        p->prog->code[loop].x = (int32_t)p->prog->n;
        if (cg_node(p, nd->first) < 0 ||
            cg_emit(p, (rules_inst){.op = RULES_OP_JMP, .slot = -1, .x = loop}) < 0)
            return -1;
        p->prog->code[loop].y = (int32_t)p->prog->n;
        return 0;
    }
    }
    return -1;
}

int rules_pattern_compile(const char *src, size_t len, size_t col0, const char *const *needs,
                          size_t n_needs, rules_program *out, char *err, size_t errlen)
{
    memset(out, 0, sizeof *out);
    out->n_slots = 2;
    rules_pp p = {.s = src,
                  .len = len,
                  .col0 = col0,
                  .needs = needs,
                  .n_needs = n_needs,
                  .prog = out,
                  .err = err,
                  .errlen = errlen};
    int root = pp_alt(&p);
    if (root >= 0 && p.i < p.len) {
        char b[40];
        pp_fail(&p,
                p.s[p.i] == ')' || p.s[p.i] == ']' ? "found %s with nothing open before it"
                                                   : "unexpected %s",
                pp_here(&p, b, sizeof b));
        root = -1;
    }
    int rc = root >= 0 && cg_node(&p, root) == 0 &&
                     cg_emit(&p, (rules_inst){.op = RULES_OP_MATCH, .slot = -1}) >= 0
                 ? ANN_OK
                 : ANN_EINVAL;
    free(p.nodes);
    if (rc != ANN_OK)
        rules_program_free(out);
    return rc;
}

void rules_program_free(rules_program *p)
{
    free(p->code);
    for (size_t k = 0; k < p->n_owned; k++)
        free(p->owned[k]);
    free(p->owned);
    for (size_t k = 0; k + 2 < p->n_slots; k++)
        free(p->roles[k]);
    memset(p, 0, sizeof *p);
}
