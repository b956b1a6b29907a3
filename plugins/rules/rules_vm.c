/*
 * rules_vm.c -- runs a compiled pattern over a document's tokens.
 *
 * A Pike VM: every live thread is a program counter, the token where its
 * match started and its capture slots.  All threads step over one token
 * together, and two threads at the same program counter and position are
 * one (the first to arrive, which started earlier, stays), so each token
 * costs at most one step per instruction: time O(tokens x code), never
 * the exponential backtracking of a regex engine on (a|a)* or (a*)*.
 *
 * A <LABEL> element consumes a whole span of a needed layer, several tokens
 * at once: its thread is parked in a list for the token where the span
 * ends and joins the others there.  At each token the arriving threads are
 * taken in order of their start, and on a tie a parked one first: so the
 * leftmost match wins, and "source=<ORG> | is:title+" over the same words
 * keeps the reading with the span (and its link).
 *
 * Every match is a candidate keyed by its start; the longest one per start
 * is kept, and a left-to-right pass keeps the leftmost of overlapping ones.
 * Memory is O(tokens x slots) from the document's scratch.
 */
#include "rules.h"

#include <stdlib.h>
#include <string.h>

typedef struct vm_thread {
    int32_t pc;
    uint32_t start;
    int32_t slot[RULES_MAX_SLOTS];
} vm_thread;

typedef struct vm_parked {
    vm_thread t;
    int32_t next;
} vm_parked;

typedef struct vm {
    const ann_host *host;
    ann_doc *doc;
    const rules_patset *ps;
    const char *text;
    const ann_token_v2 *tok;
    size_t n_tok;
    const rules_span_index *spans;
    uint32_t *mark; /* per pc: position + 1 of the list holding it */
    vm_parked *parked;
    size_t n_parked, parked_cap;
    int32_t *parked_head; /* per position */
    vm_parked *sort;      /* the threads parked for one position, sorted */
    size_t sort_cap;
    uint32_t *cand_end;  /* per start: end of the longest match, 0 none */
    int32_t *cand_slot;  /* per start: its slots */
    uint32_t *cand_rule; /* per start: its rule */
    uint64_t hash;       /* folded rules_hash() of the token at hash_pos - 1 */
    uint32_t hash_pos;   /* 0: none yet */
} vm;

typedef struct vm_list {
    vm_thread *t;
    size_t n;
} vm_list;

/* The folded hash of the token at pos, computed once however many threads
 * and first words ask for it. */
static uint64_t vm_hash(vm *m, uint32_t pos)
{
    if (m->hash_pos != pos + 1) {
        const ann_token_v2 *t = &m->tok[pos];
        m->hash = rules_hash(m->host, m->text + t->start, t->end - t->start, 1);
        m->hash_pos = pos + 1;
    }
    return m->hash;
}

static int vm_test(vm *m, const rules_inst *in, uint32_t pos)
{
    const ann_token_v2 *t = &m->tok[pos];
    const char *s = m->text + t->start;
    size_t len = t->end - t->start;
    switch ((rules_test)in->test) {
    case RULES_T_ANY:
        return 1;
    case RULES_T_WORD:
        return len == in->len && memcmp(s, in->s, len) == 0;
    case RULES_T_LOWER:
        return vm_hash(m, pos) == in->hash && rules_text_eq(m->host, s, len, in->s, in->len, 1);
    case RULES_T_SHAPE:
        /* The tokenizer's flags reject most tokens without reading them. */
        if ((in->s[0] == 'X') != ((t->flags & ANN_TOKF_UPPER_INIT) != 0) &&
            (in->s[0] == 'X' || in->s[0] == 'x'))
            return 0;
        return rules_shape_is(m->host, s, len, in->s);
    case RULES_T_IS:
        /* Each class implies a flag of the tokenizer (all upper case: it has
         * an upper case letter and no lower case one). */
        if ((in->x == RULES_IS_UPPER && !(t->flags & ANN_TOKF_ALL_UPPER)) ||
            (in->x == RULES_IS_TITLE && !(t->flags & ANN_TOKF_UPPER_INIT)) ||
            (in->x == RULES_IS_DIGIT && !(t->flags & ANN_TOKF_HAS_DIGIT)) ||
            (in->x == RULES_IS_LOWER && (t->flags & (ANN_TOKF_UPPER_INIT | ANN_TOKF_ALL_UPPER))))
            return 0;
        return rules_class_is(m->host, s, len, (rules_class)in->x);
    case RULES_T_KIND:
        return t->kind == in->x;
    }
    return 0;
}

/* Adds thread t, at program counter pc, at position pos to list l,
 * following jumps, splits and saves; a program counter already in the list
 * is not added twice.  The thread is copied only where it lands or a save
 * changes it: this runs for every thread at every token. */
static void vm_add(vm *m, vm_list *l, int32_t pc, const vm_thread *t, uint32_t pos)
{
    for (;;) {
        if (m->mark[pc] == pos + 1)
            return;
        m->mark[pc] = pos + 1;
        const rules_inst *in = &m->ps->code[pc];
        switch ((rules_op)in->op) {
        case RULES_OP_JMP:
            pc = in->x;
            continue;
        case RULES_OP_SPLIT:
            vm_add(m, l, in->x, t, pos);
            pc = in->y;
            continue;
        case RULES_OP_SAVE: {
            vm_thread u = *t;
            u.slot[in->slot] = (int32_t)pos;
            vm_add(m, l, pc + 1, &u, pos);
            return;
        }
        default: {
            vm_thread *o = &l->t[l->n++];
            *o = *t;
            o->pc = pc;
            return;
        }
        }
    }
}

static int vm_park(vm *m, const vm_thread *t, uint32_t pos)
{
    if (m->n_parked == m->parked_cap) {
        vm_parked *q =
            rules_scratch_more(m->host, m->doc, m->parked, &m->parked_cap, sizeof *q, 64);
        if (!q)
            return ANN_ENOMEM;
        m->parked = q;
    }
    m->parked[m->n_parked] = (vm_parked){*t, m->parked_head[pos]};
    m->parked_head[pos] = (int32_t)m->n_parked++;
    return ANN_OK;
}

/* Steps the threads of cur over the token at pos: a thread that passes a
 * token test goes to nxt (not yet closed over jumps: see vm_gather), one
 * that consumes a span is parked. */
static int vm_step(vm *m, const vm_list *cur, vm_list *nxt, uint32_t pos)
{
    const size_t ns = RULES_MAX_SLOTS;
    for (size_t k = 0; k < cur->n; k++) {
        /* Read in place: most threads fail their test and are never copied. */
        const vm_thread *t = &cur->t[k];
        const rules_inst *in = &m->ps->code[t->pc];
        if (in->op == RULES_OP_MATCH) {
            int32_t s = in->y ? t->slot[0] : (int32_t)t->start;
            int32_t e = in->y ? t->slot[1] : (int32_t)pos;
            if (e > s && pos > m->cand_end[t->start]) {
                int32_t *c = &m->cand_slot[t->start * ns];
                m->cand_end[t->start] = pos;
                m->cand_rule[t->start] = (uint32_t)in->x;
                memcpy(c, t->slot, ns * sizeof *t->slot);
                c[0] = s;
                c[1] = e;
            }
            continue;
        }
        if (pos >= m->n_tok)
            continue;
        if (in->op == RULES_OP_TOKEN) {
            if (vm_test(m, in, pos)) {
                vm_thread *o = &nxt->t[nxt->n++];
                *o = *t;
                o->pc++;
            }
            continue;
        }
        /* RULES_OP_SPAN */
        for (int32_t r = m->spans->first[pos]; r >= 0; r = m->spans->refs[r].next) {
            const rules_span_ref *ref = &m->spans->refs[r];
            if (strcmp(ref->label, in->s) != 0 || strcmp(ref->layer, in->layer) != 0)
                continue;
            vm_thread u = *t;
            u.pc++;
            if (in->slot >= 0)
                u.slot[in->slot] = (int32_t)ref->id + 1;
            if (vm_park(m, &u, ref->tok_end) != ANN_OK)
                return ANN_ENOMEM;
        }
    }
    return ANN_OK;
}

static int vm_by_start(const void *a, const void *b)
{
    const vm_parked *x = a, *y = b;
    if (x->t.start != y->t.start)
        return x->t.start < y->t.start ? -1 : 1;
    return x->next < y->next ? -1 : x->next > y->next; /* next holds the order parked */
}

/* Adds the threads arriving at pos to cur: the stepped ones (already in
 * order of start) merged with the parked ones sorted by start, parked first
 * on a tie. */
static int vm_gather(vm *m, const vm_list *stepped, vm_list *cur, uint32_t pos)
{
    if (m->parked_head[pos] < 0) { /* the common case: nothing parked here */
        for (size_t k = 0; k < stepped->n; k++)
            vm_add(m, cur, stepped->t[k].pc, &stepped->t[k], pos);
        return ANN_OK;
    }
    size_t n = 0;
    for (int32_t h = m->parked_head[pos]; h >= 0; h = m->parked[h].next)
        n++;
    if (n > m->sort_cap) {
        vm_parked *q =
            m->host->scratch_grow(m->doc, m->sort, m->sort_cap * sizeof *q, n * 2 * sizeof *q);
        if (!q)
            return ANN_ENOMEM;
        m->sort = q;
        m->sort_cap = n * 2;
    }
    size_t i = 0;
    for (int32_t h = m->parked_head[pos]; h >= 0; h = m->parked[h].next, i++)
        m->sort[i] = (vm_parked){m->parked[h].t, (int32_t)(n - i)}; /* parked last = listed first */
    qsort(m->sort, n, sizeof *m->sort, vm_by_start);
    size_t k = 0;
    for (i = 0; i < n; i++) {
        for (; k < stepped->n && stepped->t[k].start < m->sort[i].t.start; k++)
            vm_add(m, cur, stepped->t[k].pc, &stepped->t[k], pos);
        vm_add(m, cur, m->sort[i].t.pc, &m->sort[i].t, pos);
    }
    for (; k < stepped->n; k++)
        vm_add(m, cur, stepped->t[k].pc, &stepped->t[k], pos);
    return ANN_OK;
}

/* Whether token t may be a first word of a pattern: its folded first two
 * bytes are keyed (or cannot be keyed) in the index. */
static int vm_may_lead(const vm *m, const ann_token_v2 *t)
{
    if (m->ps->lit_any)
        return 1;
    const unsigned char *s = (const unsigned char *)m->text + t->start;
    unsigned b0 = s[0], b1 = t->end - t->start > 1 ? s[1] : 0;
    if (b0 >= 0x80 || b1 >= 0x80)
        return 1; /* folding may make ASCII of them */
    b0 += b0 - 'A' < 26u ? 'a' - 'A' : 0;
    b1 += b1 - 'A' < 26u ? 'a' - 'A' : 0;
    unsigned key = b0 << 8 | b1;
    return (m->ps->lit_pairs[key / 64] >> (key % 64)) & 1;
}

/* Starts, at token pos, the patterns the index names for it. */
static void vm_seed(vm *m, vm_list *cur, uint32_t pos)
{
    const rules_patset *ps = m->ps;
    vm_thread seed = {.pc = 0, .start = pos};
    seed.slot[0] = seed.slot[1] = -1;
    const ann_token_v2 *t = &m->tok[pos];
    if (ps->n_lits && vm_may_lead(m, t)) {
        uint64_t h = vm_hash(m, pos);
        for (size_t s = (size_t)h & ps->lit_mask; ps->lit_slots[s]; s = (s + 1) & ps->lit_mask) {
            size_t i = ps->lit_slots[s] - 1;
            if (ps->lits[i].hash != h)
                continue;
            for (; i < ps->n_lits && ps->lits[i].hash == h; i++) {
                vm_add(m, cur, (int32_t)ps->entries[ps->lits[i].entry].pc, &seed, pos);
            }
            break;
        }
    }
    unsigned kind = t->kind >= 1 && t->kind <= 5 ? t->kind : ANN_TOK_OTHER;
    const uint32_t *list = ps->by_kind[kind];
    for (size_t k = 0; k < ps->n_by_kind[kind];) {
        const rules_entry *e = &ps->entries[list[k]];
        /* A thread that would fail its first test is not worth starting;
         * the entries of a group (one first test) are side by side, and a
         * failed test skips them all. */
        if (e->test >= 0 && !vm_test(m, &ps->code[e->test], pos)) {
            k = ps->group_end[kind][k];
            continue;
        }
        size_t end = e->test >= 0 ? ps->group_end[kind][k] : k + 1;
        for (; k < end; k++)
            vm_add(m, cur, (int32_t)ps->entries[list[k]].pc, &seed, pos);
    }
}

int rules_vm_run(const ann_host *host, ann_doc *doc, const rules_patset *ps, const char *text,
                 const ann_token_v2 *tok, size_t n_tok, const rules_span_index *spans,
                 int (*found)(void *ctx, const rules_match *mt), void *ctx)
{
    vm m = {.host = host,
            .doc = doc,
            .ps = ps,
            .text = text,
            .tok = tok,
            .n_tok = n_tok,
            .spans = spans};
    const size_t ns = RULES_MAX_SLOTS;
    m.mark = host->scratch(doc, ps->n * sizeof *m.mark);
    m.cand_rule = host->scratch(doc, (n_tok + 1) * sizeof *m.cand_rule);
    m.parked_head = host->scratch(doc, (n_tok + 1) * sizeof *m.parked_head);
    m.cand_end = host->scratch(doc, (n_tok + 1) * sizeof *m.cand_end);
    m.cand_slot = host->scratch(doc, (n_tok + 1) * ns * sizeof *m.cand_slot);
    vm_list cur = {host->scratch(doc, ps->n * sizeof(vm_thread)), 0};
    vm_list stepped = {host->scratch(doc, ps->n * sizeof(vm_thread)), 0};
    if (!m.cand_rule || !m.mark || !m.parked_head || !m.cand_end || !m.cand_slot || !cur.t ||
        !stepped.t)
        return ANN_ENOMEM;
    memset(m.parked_head, 0xff, (n_tok + 1) * sizeof *m.parked_head);
    for (uint32_t pos = 0; pos <= n_tok; pos++) {
        cur.n = 0;
        if (vm_gather(&m, &stepped, &cur, pos) != ANN_OK)
            return ANN_ENOMEM;
        if (pos < n_tok)
            vm_seed(&m, &cur, pos);
        stepped.n = 0;
        if (vm_step(&m, &cur, &stepped, pos) != ANN_OK)
            return ANN_ENOMEM;
    }
    const int32_t *slots =
        m.cand_slot; /* a plain pointer keeps cppcheck from a false objectIndex */
    for (size_t s = 0; s < n_tok;) {
        if (!m.cand_end[s]) {
            s++;
            continue;
        }
        const int32_t *sl = slots + s * ns;
        rules_match mt = {m.cand_rule[s], (uint32_t)sl[0], (uint32_t)sl[1], {0}};
        for (size_t k = 2; k < ns; k++)
            mt.link[k - 2] = sl[k];
        int rc = found(ctx, &mt);
        if (rc != ANN_OK)
            return rc;
        s = m.cand_end[s];
    }
    return ANN_OK;
}
