/*
 * rules_patset.c -- all the patterns of a rule file as one program, with an
 * index of where each may start.
 *
 * Running fifty patterns one after another reads the document fifty times,
 * and trying each pattern at every token costs a test per pattern per
 * token.  Most patterns start with a word ("according", "CEO"), so the
 * index maps the folded hash of such first words to the patterns; the
 * others are listed under the token kinds their first element can match
 * (is:digit never starts on a word).  At a token the VM starts only the
 * patterns the index names, and the first test still decides.
 */
#include "rules.h"

#include <stdlib.h>
#include <string.h>

#define KINDS_ALL 0x3Eu /* bits 1..5: ANN_TOK_WORD .. ANN_TOK_OTHER */
#define K(x) (1u << (x))

/* The token kinds a first test can match, or 0 for a word test (indexed
 * by its text instead). */
static unsigned rules_first_kinds(const rules_inst *in)
{
    if (in->op != RULES_OP_TOKEN)
        return KINDS_ALL; /* a span or an empty match */
    switch ((rules_test)in->test) {
    case RULES_T_WORD:
    case RULES_T_LOWER:
        return 0;
    case RULES_T_KIND:
        return K(in->x);
    case RULES_T_IS:
        switch ((rules_class)in->x) {
        case RULES_IS_DIGIT:
            return K(ANN_TOK_NUMBER) | K(ANN_TOK_OTHER);
        case RULES_IS_PUNCT:
            return K(ANN_TOK_PUNCT) | K(ANN_TOK_SYMBOL) | K(ANN_TOK_OTHER);
        case RULES_IS_ALNUM:
            return K(ANN_TOK_WORD) | K(ANN_TOK_NUMBER) | K(ANN_TOK_OTHER);
        default:
            return K(ANN_TOK_WORD) | K(ANN_TOK_OTHER);
        }
    case RULES_T_SHAPE:
        if (in->s[0] == 'X' || in->s[0] == 'x')
            return K(ANN_TOK_WORD) | K(ANN_TOK_OTHER);
        if (in->s[0] == 'd')
            return K(ANN_TOK_NUMBER) | K(ANN_TOK_OTHER);
        return KINDS_ALL;
    default:
        return KINDS_ALL;
    }
}

/* The instructions a thread started at pc can test first: follows jumps,
 * splits and saves.  Stores their pcs in out (at most n of them). */
static size_t rules_first(const rules_inst *code, size_t n, uint32_t pc, uint8_t *seen,
                          uint32_t *out)
{
    size_t k = 0, top = 0;
    uint32_t *stack = malloc(n * sizeof *stack);
    if (!stack)
        return (size_t)-1;
    memset(seen, 0, n);
    stack[top++] = pc;
    while (top) {
        uint32_t at = stack[--top];
        if (seen[at])
            continue;
        seen[at] = 1;
        const rules_inst *in = &code[at];
        if (in->op == RULES_OP_JMP)
            stack[top++] = (uint32_t)in->x;
        else if (in->op == RULES_OP_SPLIT) {
            stack[top++] = (uint32_t)in->y;
            stack[top++] = (uint32_t)in->x;
        } else if (in->op == RULES_OP_SAVE)
            stack[top++] = at + 1;
        else
            out[k++] = at;
    }
    free(stack);
    return k;
}

static int rules_lit_cmp(const void *a, const void *b)
{
    const rules_lit *x = a, *y = b;
    if (x->hash != y->hash)
        return x->hash < y->hash ? -1 : 1;
    return x->entry < y->entry ? -1 : x->entry > y->entry;
}

/* Keys the folded first two bytes of first word s[0..len) in lit_pairs,
 * or sets lit_any when they are not both ASCII once folded. */
static void rules_pair_key(const ann_host *host, rules_patset *ps, const char *s, size_t len)
{
    uint32_t c[2] = {0, 0};
    size_t i = 0;
    for (int k = 0; k < 2 && i < len; k++) {
        size_t n;
        c[k] = host->fold_case(host->decode(s, len, i, &n));
        i += n;
    }
    if (c[0] >= 0x80 || c[1] >= 0x80 || c[0] == 0) {
        ps->lit_any = 1;
        return;
    }
    uint32_t key = c[0] << 8 | c[1];
    ps->lit_pairs[key / 64] |= 1ull << (key % 64);
}

static int rules_index(const ann_host *host, rules_patset *ps)
{
    uint8_t *seen = malloc(ps->n);
    uint32_t *first = malloc(ps->n * sizeof *first);
    size_t cap = 16;
    ps->lits = malloc(cap * sizeof *ps->lits);
    for (int k = 0; k < 6; k++)
        ps->by_kind[k] = malloc((ps->n_entries ? ps->n_entries : 1) * sizeof *ps->by_kind[k]);
    int rc = seen && first && ps->lits ? ANN_OK : ANN_ENOMEM;
    for (int k = 0; k < 6 && rc == ANN_OK; k++)
        if (!ps->by_kind[k])
            rc = ANN_ENOMEM;
    for (size_t e = 0; e < ps->n_entries && rc == ANN_OK; e++) {
        size_t nf = rules_first(ps->code, ps->n, ps->entries[e].pc, seen, first);
        if (nf == (size_t)-1) {
            rc = ANN_ENOMEM;
            break;
        }
        /* One first test: the VM may try it before starting a thread. */
        ps->entries[e].test =
            nf == 1 && ps->code[first[0]].op == RULES_OP_TOKEN ? (int32_t)first[0] : -1;
        if (ps->entries[e].test >= 0) {
            /* Ten patterns starting with is:upper test each token once. */
            const rules_inst *a = &ps->code[ps->entries[e].test];
            for (size_t o = 0; o < e && ps->entries[e].group < 0; o++) {
                const rules_inst *b =
                    ps->entries[o].test >= 0 ? &ps->code[ps->entries[o].test] : NULL;
                if (b && a->test == b->test && a->x == b->x && a->len == b->len &&
                    memcmp(a->s, b->s, a->len) == 0)
                    ps->entries[e].group = ps->entries[o].group;
            }
            if (ps->entries[e].group < 0)
                ps->entries[e].group = (int32_t)ps->n_groups++;
        }
        unsigned kinds = 0;
        for (size_t f = 0; f < nf; f++)
            kinds |= rules_first_kinds(&ps->code[first[f]]);
        if (kinds) {
            for (int k = 1; k < 6; k++)
                if (kinds & K(k))
                    ps->by_kind[k][ps->n_by_kind[k]++] = (uint32_t)e;
            continue;
        }
        for (size_t f = 0; f < nf; f++) {
            if (ps->n_lits == cap) {
                rules_lit *q = realloc(ps->lits, cap * 2 * sizeof *q);
                if (!q) {
                    rc = ANN_ENOMEM;
                    break;
                }
                ps->lits = q;
                cap *= 2;
            }
            const rules_inst *in = &ps->code[first[f]];
            ps->lits[ps->n_lits++] = (rules_lit){rules_hash(host, in->s, in->len, 1), (uint32_t)e};
            rules_pair_key(host, ps, in->s, in->len);
        }
    }
    free(seen);
    free(first);
    if (rc != ANN_OK)
        return rc;
    /* Entries of one first test side by side, so the VM tests once and
     * skips the rest of the group when it fails. */
    for (int k = 1; k < 6; k++)
        for (size_t i = 1; i < ps->n_by_kind[k]; i++) {
            uint32_t e = ps->by_kind[k][i];
            size_t j = i;
            for (; j > 0 && ps->entries[ps->by_kind[k][j - 1]].group > ps->entries[e].group; j--)
                ps->by_kind[k][j] = ps->by_kind[k][j - 1];
            ps->by_kind[k][j] = e;
        }
    for (int k = 1; k < 6; k++) {
        ps->group_end[k] = malloc((ps->n_by_kind[k] ? ps->n_by_kind[k] : 1) * sizeof(uint32_t));
        if (!ps->group_end[k])
            return ANN_ENOMEM;
        for (size_t i = ps->n_by_kind[k]; i-- > 0;) {
            const rules_entry *a = &ps->entries[ps->by_kind[k][i]];
            int same = i + 1 < ps->n_by_kind[k] && a->group >= 0 &&
                       ps->entries[ps->by_kind[k][i + 1]].group == a->group;
            ps->group_end[k][i] = same ? ps->group_end[k][i + 1] : (uint32_t)(i + 1);
        }
    }
    /* Lower-case tests compare hashes first (rules_vm.c). */
    for (size_t i = 0; i < ps->n; i++)
        if (ps->code[i].op == RULES_OP_TOKEN && ps->code[i].test == RULES_T_LOWER)
            ps->code[i].hash = rules_hash(host, ps->code[i].s, ps->code[i].len, 1);
    qsort(ps->lits, ps->n_lits, sizeof *ps->lits, rules_lit_cmp);
    /* One slot per distinct hash, pointing at its first lit. */
    size_t mask = 15;
    while (mask < ps->n_lits * 2)
        mask = mask * 2 + 1;
    ps->lit_mask = mask;
    ps->lit_slots = calloc(mask + 1, sizeof *ps->lit_slots);
    if (!ps->lit_slots)
        return ANN_ENOMEM;
    for (size_t i = 0; i < ps->n_lits; i++) {
        if (i > 0 && ps->lits[i].hash == ps->lits[i - 1].hash)
            continue;
        size_t s = (size_t)ps->lits[i].hash & mask;
        while (ps->lit_slots[s])
            s = (s + 1) & mask;
        ps->lit_slots[s] = (uint32_t)i + 1;
    }
    return ANN_OK;
}

int rules_patset_build(const ann_host *host, const rules_rule *rules, size_t n, rules_patset *out)
{
    memset(out, 0, sizeof *out);
    size_t total = 0, count = 0;
    for (size_t r = 0; r < n; r++)
        if (rules[r].kind == RULES_PATTERN) {
            total += rules[r].prog.n;
            count++;
        }
    if (!count)
        return ANN_OK;
    out->code = malloc(total * sizeof *out->code);
    out->entries = malloc(count * sizeof *out->entries);
    if (!out->code || !out->entries) {
        rules_patset_free(out);
        return ANN_ENOMEM;
    }
    for (size_t r = 0; r < n; r++) {
        if (rules[r].kind != RULES_PATTERN)
            continue;
        const rules_program *p = &rules[r].prog;
        uint32_t base = (uint32_t)out->n;
        out->entries[out->n_entries++] = (rules_entry){base, (uint32_t)r, -1, -1};
        for (size_t i = 0; i < p->n; i++) {
            rules_inst in = p->code[i];
            if (in.op == RULES_OP_JMP || in.op == RULES_OP_SPLIT) {
                in.x += (int32_t)base;
                in.y += (int32_t)base;
            } else if (in.op == RULES_OP_MATCH) {
                in.x = (int32_t)r;
                in.y = p->has_emit;
            }
            out->code[out->n++] = in;
        }
    }
    int rc = rules_index(host, out);
    if (rc != ANN_OK)
        rules_patset_free(out);
    return rc;
}

void rules_patset_free(rules_patset *ps)
{
    free(ps->code);
    free(ps->entries);
    for (int k = 0; k < 6; k++) {
        free(ps->by_kind[k]);
        free(ps->group_end[k]);
    }
    free(ps->lits);
    free(ps->lit_slots);
    memset(ps, 0, sizeof *ps);
}
