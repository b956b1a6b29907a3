/*
 * rules_phrase.c -- phrase tables: a trie over chunks of text.
 *
 * A phrase is cut at white space into chunks ("Galaxy Note 7" is three).  A
 * chunk is the text of one or more document tokens written without space
 * between them ("U.S." or "Smith," or "A320"), so the table needs no
 * tokenizer of its own and agrees with the host's on every phrase: a chunk
 * matches the text from a token's start to a later token's end when no white
 * space lies inside.  Chunks are interned in one hash table (id per distinct
 * chunk); the trie's edges are a second hash table keyed by (node, chunk).
 * Both use open addressing with linear probing, so a million phrases cost a
 * few arrays and no allocation per phrase.
 *
 * Matching from a token is one chunk lookup per token of the glued run at
 * that point, then one edge lookup; the walk continues only at white space,
 * so it is linear in the length of the longest phrase.
 */
#include "rules.h"

#include <stdlib.h>
#include <string.h>

typedef struct rules_chunk {
    uint64_t hash;
    uint32_t off, len; /* in the arena */
} rules_chunk;

typedef struct rules_edge {
    uint64_t key;   /* node << 32 | chunk */
    uint32_t child; /* 0: empty slot (node 0 is the root, never a child) */
} rules_edge;

struct rules_phrases {
    const ann_host *host;
    int fold;
    char *arena;
    size_t arena_len, arena_cap;
    rules_chunk *chunks;
    size_t n_chunks, chunks_cap;
    uint32_t *chunk_slots; /* chunk id + 1, 0 empty */
    size_t chunk_mask;
    rules_edge *edges;
    size_t n_edges, edge_mask;
    uint8_t *first;      /* per chunk: whether some phrase starts with it */
    uint64_t *bloom;     /* bits set by the hashes of first chunks (rules_phrases_seal) */
    size_t bloom_mask;   /* in bits */
    uint32_t *node_rule; /* rule + 1, 0 when no phrase ends here */
    size_t n_nodes, nodes_cap;
    size_t n_phrases;
};

static int rules_grow(void **p, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap)
        return ANN_OK;
    size_t c = *cap ? *cap : 64;
    while (c < need)
        c *= 2;
    void *q = realloc(*p, c * elem);
    if (!q)
        return ANN_ENOMEM;
    *p = q;
    *cap = c;
    return ANN_OK;
}

rules_phrases *rules_phrases_new(const ann_host *host, int fold)
{
    rules_phrases *t = calloc(1, sizeof *t);
    if (!t)
        return NULL;
    t->host = host;
    t->fold = fold;
    t->chunk_mask = 1023;
    t->edge_mask = 1023;
    t->chunk_slots = calloc(t->chunk_mask + 1, sizeof *t->chunk_slots);
    t->edges = calloc(t->edge_mask + 1, sizeof *t->edges);
    t->node_rule = calloc(64, sizeof *t->node_rule);
    t->nodes_cap = 64;
    t->n_nodes = 1;
    if (!t->chunk_slots || !t->edges || !t->node_rule) {
        rules_phrases_free(t);
        return NULL;
    }
    return t;
}

void rules_phrases_free(rules_phrases *t)
{
    if (!t)
        return;
    free(t->arena);
    free(t->chunks);
    free(t->chunk_slots);
    free(t->first);
    free(t->bloom);
    free(t->edges);
    free(t->node_rule);
    free(t);
}

size_t rules_phrases_count(const rules_phrases *t)
{
    return t->n_phrases;
}

/* The id of chunk s[0..len) with hash h, or -1. */
static int64_t rules_chunk_find(const rules_phrases *t, const char *s, size_t len, uint64_t h)
{
    for (size_t i = (size_t)h & t->chunk_mask;; i = (i + 1) & t->chunk_mask) {
        uint32_t id = t->chunk_slots[i];
        if (!id)
            return -1;
        const rules_chunk *c = &t->chunks[id - 1];
        if (c->hash == h && rules_text_eq(t->host, t->arena + c->off, c->len, s, len, t->fold))
            return id - 1;
    }
}

static int rules_chunk_rehash(rules_phrases *t)
{
    size_t mask = t->chunk_mask * 2 + 1;
    uint32_t *slots = calloc(mask + 1, sizeof *slots);
    if (!slots)
        return ANN_ENOMEM;
    for (size_t id = 0; id < t->n_chunks; id++) {
        size_t i = (size_t)t->chunks[id].hash & mask;
        while (slots[i])
            i = (i + 1) & mask;
        slots[i] = (uint32_t)id + 1;
    }
    free(t->chunk_slots);
    t->chunk_slots = slots;
    t->chunk_mask = mask;
    return ANN_OK;
}

/* Interns chunk s[0..len); stores its id in *id. */
static int rules_chunk_intern(rules_phrases *t, const char *s, size_t len, uint32_t *id)
{
    uint64_t h = rules_hash(t->host, s, len, t->fold);
    int64_t found = rules_chunk_find(t, s, len, h);
    if (found >= 0) {
        *id = (uint32_t)found;
        return ANN_OK;
    }
    if ((t->n_chunks + 1) * 2 > t->chunk_mask && rules_chunk_rehash(t) != ANN_OK)
        return ANN_ENOMEM;
    size_t cap = t->chunks_cap;
    if (rules_grow((void **)&t->arena, &t->arena_cap, t->arena_len + len, 1) != ANN_OK ||
        rules_grow((void **)&t->chunks, &t->chunks_cap, t->n_chunks + 1, sizeof *t->chunks) !=
            ANN_OK)
        return ANN_ENOMEM;
    if (t->chunks_cap != cap) {
        uint8_t *f = realloc(t->first, t->chunks_cap);
        if (!f)
            return ANN_ENOMEM;
        t->first = f;
    }
    t->first[t->n_chunks] = 0;
    memcpy(t->arena + t->arena_len, s, len);
    t->chunks[t->n_chunks] = (rules_chunk){h, (uint32_t)t->arena_len, (uint32_t)len};
    t->arena_len += len;
    size_t i = (size_t)h & t->chunk_mask;
    while (t->chunk_slots[i])
        i = (i + 1) & t->chunk_mask;
    t->chunk_slots[i] = (uint32_t)t->n_chunks + 1;
    *id = (uint32_t)t->n_chunks++;
    return ANN_OK;
}

static size_t rules_edge_slot(uint64_t key, size_t mask)
{
    key ^= key >> 29;
    key *= 0xbf58476d1ce4e5b9ull;
    key ^= key >> 32;
    return (size_t)key & mask;
}

static uint32_t rules_edge_find(const rules_phrases *t, uint32_t node, uint32_t chunk)
{
    uint64_t key = (uint64_t)node << 32 | chunk;
    for (size_t i = rules_edge_slot(key, t->edge_mask);; i = (i + 1) & t->edge_mask) {
        if (!t->edges[i].child)
            return 0;
        if (t->edges[i].key == key)
            return t->edges[i].child;
    }
}

static int rules_edge_rehash(rules_phrases *t)
{
    size_t mask = t->edge_mask * 2 + 1;
    rules_edge *e = calloc(mask + 1, sizeof *e);
    if (!e)
        return ANN_ENOMEM;
    for (size_t k = 0; k <= t->edge_mask; k++) {
        if (!t->edges[k].child)
            continue;
        size_t i = rules_edge_slot(t->edges[k].key, mask);
        while (e[i].child)
            i = (i + 1) & mask;
        e[i] = t->edges[k];
    }
    free(t->edges);
    t->edges = e;
    t->edge_mask = mask;
    return ANN_OK;
}

/* The child of node along chunk, made when missing. */
static int rules_edge_child(rules_phrases *t, uint32_t node, uint32_t chunk, uint32_t *child)
{
    *child = rules_edge_find(t, node, chunk);
    if (*child)
        return ANN_OK;
    if ((t->n_edges + 1) * 2 > t->edge_mask && rules_edge_rehash(t) != ANN_OK)
        return ANN_ENOMEM;
    size_t cap = t->nodes_cap;
    if (rules_grow((void **)&t->node_rule, &t->nodes_cap, t->n_nodes + 1, sizeof *t->node_rule) !=
        ANN_OK)
        return ANN_ENOMEM;
    if (t->nodes_cap > cap)
        memset(t->node_rule + cap, 0, (t->nodes_cap - cap) * sizeof *t->node_rule);
    uint64_t key = (uint64_t)node << 32 | chunk;
    size_t i = rules_edge_slot(key, t->edge_mask);
    while (t->edges[i].child)
        i = (i + 1) & t->edge_mask;
    *child = (uint32_t)t->n_nodes++;
    t->edges[i] = (rules_edge){key, *child};
    t->n_edges++;
    return ANN_OK;
}

static int rules_is_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

int rules_phrases_reserve(rules_phrases *t, size_t n)
{
    /* Two chunks a phrase is typical; growing the tables from their small
     * start would rehash them some twenty times on a million phrases. */
    while (t->chunk_mask < n * 2)
        if (rules_chunk_rehash(t) != ANN_OK)
            return ANN_ENOMEM;
    while (t->edge_mask < n * 4)
        if (rules_edge_rehash(t) != ANN_OK)
            return ANN_ENOMEM;
    size_t cap = t->nodes_cap;
    if (rules_grow((void **)&t->node_rule, &t->nodes_cap, n * 2, sizeof *t->node_rule) != ANN_OK)
        return ANN_ENOMEM;
    if (t->nodes_cap > cap)
        memset(t->node_rule + cap, 0, (t->nodes_cap - cap) * sizeof *t->node_rule);
    return ANN_OK;
}

int rules_phrases_add(rules_phrases *t, const char *p, size_t len, uint32_t rule)
{
    uint32_t node = 0;
    size_t i = 0;
    int any = 0;
    while (i < len) {
        while (i < len && rules_is_space((unsigned char)p[i]))
            i++;
        size_t s = i;
        while (i < len && !rules_is_space((unsigned char)p[i]))
            i++;
        if (i == s)
            break;
        uint32_t chunk;
        if (rules_chunk_intern(t, p + s, i - s, &chunk) != ANN_OK ||
            rules_edge_child(t, node, chunk, &node) != ANN_OK)
            return ANN_ENOMEM;
        if (!any)
            t->first[chunk] = 1;
        any = 1;
    }
    if (!any)
        return ANN_EINVAL;
    if (!t->node_rule[node]) {
        t->node_rule[node] = rule + 1;
        t->n_phrases++;
    }
    return ANN_OK;
}

/* The bloom bit of a hash: other bits than the table's slot. */
static size_t rules_bloom_bit(uint64_t h, size_t mask)
{
    return (size_t)(h >> 32 ^ h >> 13) & mask;
}

int rules_phrases_seal(rules_phrases *t)
{
    /* About 16 bits per first chunk: most tokens of a document start no
     * phrase, and this answers for them from a table that stays in cache,
     * without touching the chunk table. */
    size_t bits = 1024;
    while (bits < t->n_chunks * 16)
        bits *= 2;
    free(t->bloom);
    t->bloom = calloc(bits / 64, sizeof *t->bloom);
    if (!t->bloom)
        return ANN_ENOMEM;
    t->bloom_mask = bits - 1;
    for (size_t c = 0; c < t->n_chunks; c++)
        if (t->first[c]) {
            size_t b = rules_bloom_bit(t->chunks[c].hash, t->bloom_mask);
            t->bloom[b / 64] |= 1ull << (b % 64);
        }
    return ANN_OK;
}

size_t rules_phrases_longest(const rules_phrases *t, const char *text, const ann_token_v2 *tok,
                             size_t n_tok, size_t at, uint32_t *rule)
{
    size_t best = at;
    uint32_t node = 0;
    size_t i = at;
    while (i < n_tok) {
        /* The glued run tok[i..jmax]: a chunk may end at any of its tokens,
         * but only one ending at jmax can be followed by another chunk. */
        size_t jmax = i;
        while (jmax + 1 < n_tok && !(tok[jmax + 1].flags & ANN_TOKF_SPACE_BEFORE))
            jmax++;
        uint32_t next = 0;
        for (size_t j = i; j <= jmax; j++) {
            const char *s = text + tok[i].start;
            size_t len = tok[j].end - tok[i].start;
            uint64_t h = rules_hash(t->host, s, len, t->fold);
            if (node == 0 && t->bloom) {
                size_t b = rules_bloom_bit(h, t->bloom_mask);
                if (!(t->bloom[b / 64] >> (b % 64) & 1))
                    continue;
            }
            int64_t chunk = rules_chunk_find(t, s, len, h);
            if (chunk < 0)
                continue;
            uint32_t child = rules_edge_find(t, node, (uint32_t)chunk);
            if (!child)
                continue;
            if (t->node_rule[child]) {
                best = j + 1;
                *rule = t->node_rule[child] - 1;
            }
            if (j == jmax)
                next = child;
        }
        if (!next)
            break;
        node = next;
        i = jmax + 1;
    }
    return best;
}
