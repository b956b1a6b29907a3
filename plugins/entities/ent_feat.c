/* ent_feat.c -- see ent_feat.h. */
#include "ent_feat.h"

#include <string.h>

/* Stand-ins for the words beyond the sentence edges. */
#define BOS_HASH 0x5bd1e9955bd1e995ull
#define EOS_HASH 0x2545f4914f6cdd1dull

static size_t table_cap(size_t n_tokens)
{
    size_t cap = 16;
    while (cap < n_tokens * 2)
        cap <<= 1;
    return cap;
}

#define ALIGN16(x) (((x) + 15) & ~(size_t)15)

size_t ent_prep_size(size_t n_tokens)
{
    return ALIGN16(n_tokens * sizeof(ent_tokinfo)) + ALIGN16(n_tokens * sizeof(uint32_t)) +
           ALIGN16(n_tokens) + table_cap(n_tokens) * (sizeof(ent_dword) + sizeof(ent_dpair)) +
           2 * table_cap(n_tokens) * sizeof(uint64_t);
}

/* The tables' keys live apart from their entries, so a document clears
 * 16 bytes a slot and an entry is cleared when its key first comes. */
static uint32_t word_slot(ent_prep *p, uint64_t key)
{
    size_t m = p->cap - 1, i = (size_t)(key ^ (key >> 29)) & m;
    while (p->word_key[i] && p->word_key[i] != key)
        i = (i + 1) & m;
    if (!p->word_key[i]) {
        p->word_key[i] = key;
        memset(&p->words[i], 0, sizeof p->words[i]);
    }
    return (uint32_t)i;
}

static uint32_t pair_slot(ent_prep *p, uint64_t key)
{
    size_t m = p->cap - 1, i = (size_t)(key ^ (key >> 29)) & m;
    key |= 1; /* 0 marks an empty slot */
    while (p->pair_key[i] && p->pair_key[i] != key)
        i = (i + 1) & m;
    if (!p->pair_key[i]) {
        p->pair_key[i] = key;
        memset(&p->pairs[i], 0, sizeof p->pairs[i]);
    }
    return (uint32_t)i;
}

/* Lists of names match only where the phrase starts with a capitalised word
 * (lowercase "turkey" is no country); the others match in any case. */
static int needs_cap(int list)
{
    return list != ENT_GAZ_CORPSUFFIX && list != ENT_GAZ_TITLE && list != ENT_GAZ_LOWERCASE;
}

/* The index of the lowest set bit of v (not 0). */
static int lowest_bit(uint32_t v)
{
#if defined(__GNUC__) || defined(__clang__)
    return __builtin_ctz(v);
#else
    int k = 0;
    while (!(v & 1u)) {
        v >>= 1;
        k++;
    }
    return k;
#endif
}

/* The gazetteer's answer for phrase hash h, from the document's cache of
 * answers where it has one for gaz. */
static uint32_t phrase_lookup(const ent_prep *p, const ent_gaz *gaz, uint64_t h)
{
    ent_lex *lex = p->doc->lex;
    return lex && ent_lex_gaz(lex) == gaz ? ent_lex_phrase(lex, h) : ent_gaz_lookup(gaz, h);
}

/* Marks gazetteer matches, leftmost-longest per list. */
static void mark_gazetteers(ent_prep *p, const ent_gaz *gaz, size_t b, size_t e)
{
    /* Tokens ahead whose word pair is asked for early: pairs rarely
     * repeat, so their lookups are cache misses, best overlapped. */
    enum { AHEAD = 4 };
    ent_lex *lex = p->doc->lex && ent_lex_gaz(p->doc->lex) == gaz ? p->doc->lex : NULL;
    for (size_t i = b; i < e; i++) {
        if (lex && i + AHEAD + 1 < e)
            ent_lex_phrase_prefetch(
                lex, ent_gaz_step(ent_gaz_step(ENT_GAZ_SEED, p->tok[i + AHEAD].w.lower),
                                  p->tok[i + AHEAD + 1].w.lower));
        uint64_t h = ENT_GAZ_SEED;
        size_t maxlen = e - i < ENT_GAZ_MAX_TOKENS ? e - i : ENT_GAZ_MAX_TOKENS, probed = 0;
        uint32_t found[ENT_GAZ_MAX_TOKENS + 1], any = 0;
        int cap = (p->tok[i].w.flags & ENT_TF_CAP) != 0;
        /* Stop at the first token sequence that starts no phrase: most
         * words cost one probe.  found[] beyond `probed` is never read. */
        for (size_t l = 1; l <= maxlen; l++) {
            probed = l;
            h = ent_gaz_step(h, p->tok[i + l - 1].w.lower);
            if (l == 1) {
                /* Single words repeat within a document: probe the large
                 * table once per distinct word. */
                ent_dword *d = &p->words[p->tok[i].slot];
                if (!d->gaz_known) {
                    d->gaz1 = ent_gaz_lookup(gaz, h);
                    d->gaz_known = 1;
                }
                found[1] = d->gaz1;
            } else if (l == 2) {
                /* so do word pairs ("the company"); cached per pair */
                ent_dpair *d = &p->pairs[p->pair_slot[i]];
                if (!d->gaz_known) {
                    d->gaz2 = phrase_lookup(p, gaz, h);
                    d->gaz_known = 1;
                }
                found[2] = d->gaz2;
            } else {
                found[l] = phrase_lookup(p, gaz, h);
            }
            if (!found[l])
                break;
            any |= found[l];
        }
        /* Only the lists a phrase of which starts here, in list order. */
        for (uint32_t left = any & ((1u << ENT_GAZ_N_FEAT) - 1); left; left &= left - 1) {
            int list = lowest_bit(left);
            if (!cap && needs_cap(list))
                continue;
            /* "It" is no acronym of "information technology" */
            if (list == ENT_GAZ_ACRONYM && !(p->tok[i].w.flags & ENT_TF_ALLCAP))
                continue;
            if (p->tok[i].gaz[list])
                continue; /* inside an earlier match */
            for (size_t l = probed; l >= 1; l--) {
                if (!(found[l] & (1u << list)))
                    continue;
                for (size_t k = 0; k < l; k++) {
                    int pos = l == 1 ? ENT_U : k == 0 ? ENT_B : k + 1 == l ? ENT_L : ENT_I;
                    p->tok[i + k].gaz[list] = (uint8_t)(1 + pos);
                }
                break;
            }
        }
    }
}

/* Whether token t is a number alone ("2", "1-0", "3.5"), as in a results
 * row or a table cell. */
static int is_number(const ent_tokinfo *t)
{
    return (t->w.flags & (ENT_TF_DIGIT | ENT_TF_LETTER)) == ENT_TF_DIGIT;
}

/* The kind of line a sentence [b, e) is, from its length and the share of
 * its tokens that are numbers and of its words that are capitalised:
 * standings, results rows ("Leeds 2 Chelsea 1") and all-caps headlines are
 * not prose.  A CoNLL sentence is one such line.  The code is
 * length bucket * 12 + number-share bucket * 3 + capital-share bucket. */
static uint8_t line_kind(const ent_tokinfo *tok, size_t b, size_t e)
{
    size_t n = e - b, nums = 0, words = 0, caps = 0;
    for (size_t i = b; i < e; i++) {
        if (is_number(&tok[i]))
            nums++;
        if (tok[i].w.flags & ENT_TF_LETTER) {
            words++;
            if (tok[i].w.flags & (ENT_TF_CAP | ENT_TF_ALLCAP))
                caps++;
        }
    }
    unsigned lb = n <= 1 ? 0 : n <= 3 ? 1 : n <= 6 ? 2 : n <= 12 ? 3 : 4;
    unsigned db = !nums ? 0 : nums * 5 < n ? 1 : nums * 5 < 2 * n ? 2 : 3;
    unsigned cb = !words ? 0 : caps * 10 < words * 4 ? 0 : caps * 10 < words * 7 ? 1 : 2;
    return (uint8_t)(lb * 12 + db * 3 + cb);
}

void ent_prepare(ent_prep *p, const ent_doc *doc, const ent_gaz *gaz, uint32_t bits, void *mem)
{
    size_t n = doc->n_tokens;
    char *m = mem;
    p->doc = doc;
    p->cap = table_cap(n);
    p->bits = bits;
    p->tok = (void *)m;
    m += ALIGN16(n * sizeof(ent_tokinfo));
    p->pair_slot = (void *)m;
    m += ALIGN16(n * sizeof(uint32_t));
    p->line = (void *)m;
    m += ALIGN16(n);
    p->words = (void *)m;
    m += p->cap * sizeof(ent_dword);
    p->pairs = (void *)m;
    m += p->cap * sizeof(ent_dpair);
    p->word_key = (void *)m;
    m += p->cap * sizeof(uint64_t);
    p->pair_key = (void *)m;
    memset(p->word_key, 0, 2 * p->cap * sizeof *p->word_key);
    memset(p->tok, 0, n * sizeof *p->tok);

    for (size_t s = 0; s < doc->n_sents; s++) {
        size_t b = doc->sent[s], e = doc->sent[s + 1];
        int letters = 0, allcaps = 1;
        for (size_t i = b; i < e; i++) {
            ent_tokinfo *t = &p->tok[i];
            if (doc->lex) {
                const ent_lexeme *x = ent_lex_get(doc->lex, doc->host, doc->text[i], doc->len[i]);
                t->w = x->w;
                if (gaz && gaz == ent_lex_gaz(doc->lex)) {
                    /* the lookups below, answered by the cache */
                    ent_dword *d = &p->words[word_slot(p, t->w.lower)];
                    d->gaz1 = x->gaz1;
                    d->clus = x->clus;
                    d->gaz_known = d->clus_known = 1;
                }
            } else {
                ent_word_analyze(doc->host, doc->text[i], doc->len[i], &t->w);
            }
            t->sent = (uint32_t)s;
            if (t->w.flags & ENT_TF_LETTER) {
                letters++;
                if (!(t->w.flags & ENT_TF_ALLCAP))
                    allcaps = 0;
            }
        }
        uint8_t line = line_kind(p->tok, b, e);
        /* A headline or dateline ("BRUSSELS 1996-08-22") says nothing about
         * case; the first word of a sentence is capitalised anyway. */
        int seen_letter = 0;
        for (size_t i = b; i < e; i++) {
            ent_tokinfo *t = &p->tok[i];
            p->line[i] = line;
            if (letters && allcaps)
                t->ctx = ENT_CTX_HEADLINE;
            else
                t->ctx = seen_letter ? ENT_CTX_MID : ENT_CTX_INITIAL;
            if (t->w.flags & ENT_TF_LETTER)
                seen_letter = 1;
            t->slot = word_slot(p, t->w.lower);
            ent_dword *d = &p->words[t->slot];
            if (t->ctx == ENT_CTX_MID && (t->w.flags & ENT_TF_CAP))
                d->capmid++;
            if (t->w.flags & ENT_TF_LOWINIT)
                d->low++;
            if (gaz) {
                if (!d->clus_known) {
                    d->clus = ent_gaz_clusters(gaz, t->w.lower);
                    d->clus_known = 1;
                }
                t->clus = d->clus;
            }
        }
        for (size_t i = b; i < e; i++)
            p->pair_slot[i] =
                i + 1 < e ? pair_slot(p, ent_hash_mix(p->tok[i].w.lower, p->tok[i + 1].w.lower))
                          : UINT32_MAX;
        if (gaz)
            mark_gazetteers(p, gaz, b, e);
    }
    for (size_t i = 0; i < n; i++) {
        ent_tokinfo *t = &p->tok[i];
        const ent_dword *d = &p->words[t->slot];
        uint32_t capmid = d->capmid - (t->ctx == ENT_CTX_MID && (t->w.flags & ENT_TF_CAP));
        uint32_t low = d->low - ((t->w.flags & ENT_TF_LOWINIT) != 0);
        t->dc = (uint8_t)((capmid > 0) | ((low > 0) << 1));
    }
}

int ent_doc_is_text(const ent_doc *doc, size_t i, const char *s)
{
    size_t n = strlen(s);
    return doc->len[i] == n && memcmp(doc->text[i], s, n) == 0;
}

int ent_doc_is_word(const ent_doc *doc, size_t i, const char *lower)
{
    size_t n = strlen(lower), c;
    if (doc->len[i] != n)
        return 0;
    for (c = 0; c < n && (doc->text[i][c] | 0x20) == lower[c]; c++) {
    }
    return c == n;
}

/* Whether token i is an article ("the", "a", "an", any case). */
static int is_det(const ent_doc *doc, size_t i)
{
    return ent_doc_is_word(doc, i, "the") || ent_doc_is_word(doc, i, "a") ||
           ent_doc_is_word(doc, i, "an");
}

size_t ent_appositive_head(const ent_prep *p, size_t c, size_t e)
{
    const ent_doc *doc = p->doc;
    if (c + 2 >= e || !ent_doc_is_text(doc, c, ",") || !is_det(doc, c + 1))
        return 0;
    size_t head = 0;
    for (size_t j = c + 2; j < e && j < c + 6 && (p->tok[j].w.flags & ENT_TF_LETTER); j++)
        if (p->tok[j].w.flags & ENT_TF_LOWINIT)
            head = j;
    return head;
}

static inline uint32_t bucket(uint64_t h, uint32_t bits)
{
    h ^= h >> 31;
    h *= 0x9e3779b97f4a7c15ull;
    return (uint32_t)(h >> (64 - bits));
}

/* Appends the bucket of feature (template id, value[s]) to out[k++]; used
 * inside the extractors, which name their output `out`, count `k` and the
 * log2 of the bucket count `bits`. */
#define F1(id, a) (out[k++] = bucket(ent_hash_mix((id)*0x100000001b3ull, (a)), bits))
#define F2(id, a, b) \
    (out[k++] = bucket(ent_hash_mix(ent_hash_mix((id)*0x100000001b3ull, (a)), (b)), bits))

/* The case flags some features pair with. */
static uint32_t case_flags(const ent_tokinfo *t)
{
    return t->w.flags & (ENT_TF_CAP | ENT_TF_ALLCAP | ENT_TF_LOWINIT);
}

/* Word classes learned from unlabeled text, of the word (rel 0) and of its
 * neighbours (rel -1, +1), at each granularity: they stand in for words the
 * labelled data never showed, so they survive word dropout. */
static size_t unit_clusters(const ent_tokinfo *t, int rel, uint32_t bits, uint32_t *out)
{
    size_t k = 0;
    if (!t->clus)
        return 0;
    for (int l = 0; l < ENT_CLUSTER_LEVELS; l++)
        F2(110 + 3 * l + (rel + 1),
           (t->clus >> (ENT_CLUSTER_BITS * l)) & ((1u << ENT_CLUSTER_BITS) - 1), 0);
    return k;
}

/* The features of the word itself that read nothing but its own token. */
static size_t unit_self(const ent_tokinfo *t, int drop, uint32_t bits, uint32_t *out)
{
    size_t k = 0;
    uint64_t sh = t->w.shape;
    uint32_t caseflags = case_flags(t);
    F1(1, 0);
    if (!(drop & ENT_DROP_WORD)) {
        F1(2, t->w.form);
        F1(3, t->w.lower);
        for (int a = 0; a < ENT_AFFIX_MAX; a++) {
            F1(10 + a, t->w.prefix[a]);
            F1(20 + a, t->w.suffix[a]);
        }
        F2(37, t->ctx, t->w.lower);
        if (t->ctx != ENT_CTX_MID)
            F2(92, t->dc, t->w.lower);
    }
    F1(30, sh);
    F2(36, t->ctx, sh);
    F2(41, t->w.n_chars < 8 ? t->w.n_chars : 8, sh);
    /* The finer shape ("EVs" XXx, "Renault" Xxx), here alone; beside its
     * neighbours' in ent_feat_conj(). */
    F1(42, t->w.shape2);
    for (int l = 0; l < ENT_GAZ_N_FEAT; l++)
        if (t->gaz[l]) {
            F1(50 + l, t->gaz[l]);
            F2(60 + l, t->gaz[l], caseflags);
        }
    /* Which lists hold the word together: "Renault" is both a first name
     * and a company, and such words behave like neither alone. */
    uint64_t lists = 0;
    for (int l = 0; l < ENT_GAZ_N_FEAT; l++)
        lists = lists * 5 + t->gaz[l];
    if (lists)
        F1(94, lists);
    /* A capitalised common word is a name mostly mid-sentence. */
    if (t->gaz[ENT_GAZ_LOWERCASE])
        F1(96, t->ctx * 64u + caseflags);
    /* ... and the lists holding it, with where it stands: a common word
     * at the start of a sentence that no list of names holds ("Added",
     * "Asked", "Meanwhile") is capitalised only by position, while one
     * that is also a first name or a place ("Rose", "Split") may be a
     * name anywhere. */
    if (lists)
        F2(97, lists, t->ctx);
    if (!(drop & ENT_DROP_CLASSES)) {
        k += unit_clusters(t, 0, bits, out + k);
        if (t->clus)
            F2(120, t->clus & ((1u << (ENT_CLUSTER_BITS * ENT_CLUSTER_LEVELS)) - 1), caseflags);
    }
    F2(90, t->dc, t->ctx * 64u + caseflags);
    F2(91, t->dc, sh);
    return k;
}

size_t ent_feat_unit(const ent_tokinfo *t, int rel, int drop, uint32_t bits, uint32_t *out)
{
    size_t k = 0;
    switch (rel) {
    case 0:
        return unit_self(t, drop, bits, out);
    case -2:
        F1(6, t ? t->w.lower : BOS_HASH);
        return k;
    case 2:
        F1(7, t ? t->w.lower : EOS_HASH);
        return k;
    case -1:
    case 1:
        F1(rel < 0 ? 4 : 5, t ? t->w.lower : rel < 0 ? BOS_HASH : EOS_HASH);
        F1(rel < 0 ? 31 : 32, t ? t->w.shape : rel < 0 ? BOS_HASH : EOS_HASH);
        if (!t)
            return k;
        for (int l = 0; l < ENT_GAZ_N_FEAT; l++)
            if (t->gaz[l])
                F1((rel < 0 ? 70 : 80) + l, t->gaz[l]);
        if (!(drop & ENT_DROP_CLASSES))
            k += unit_clusters(t, rel, bits, out + k);
        return k;
    default:
        return 0;
    }
}

size_t ent_feat_conj(const ent_prep *p, size_t i, int drop, uint32_t *out)
{
    const ent_doc *doc = p->doc;
    const ent_tokinfo *t = &p->tok[i];
    const uint32_t bits = p->bits;
    size_t b = doc->sent[t->sent], e = doc->sent[t->sent + 1], k = 0;
    const ent_tokinfo *pv = i > b ? &p->tok[i - 1] : NULL;
    const ent_tokinfo *nx = i + 1 < e ? &p->tok[i + 1] : NULL;
    uint64_t lp = pv ? pv->w.lower : BOS_HASH, ln = nx ? nx->w.lower : EOS_HASH;
    uint64_t sp = pv ? pv->w.shape : BOS_HASH, sn = nx ? nx->w.shape : EOS_HASH;
    uint64_t sh = t->w.shape;

    if (!(drop & ENT_DROP_WORD)) {
        F2(8, lp, t->w.lower);
        F2(9, t->w.lower, ln);
        F2(39, sp, t->w.lower);
    }
    F2(33, sp, sh);
    F2(34, sh, sn);
    F2(35, ent_hash_mix(sp, sh), sn);
    F2(38, lp, sh);
    F2(40, ln, sh);
    /* The finer shape beside its neighbours': "Mitsubishi EVs" is a name
     * and a common noun, "Mitsubishi Motors" one name, and the collapsed
     * shapes ("Xx Xx") cannot tell them apart. */
    F2(43, pv ? pv->w.shape2 : BOS_HASH, t->w.shape2);
    F2(44, t->w.shape2, nx ? nx->w.shape2 : EOS_HASH);
    /* A first name is a person's when a capitalised word follows. */
    if (t->gaz[ENT_GAZ_FIRSTNAME])
        F2(95, t->gaz[ENT_GAZ_FIRSTNAME], nx ? nx->w.flags & (ENT_TF_CAP | ENT_TF_LETTER) : 99);
    /* The head of a lowercase phrase of two or three words after a
     * capitalised word: "Alpine performance brand", "ICE and hybrid
     * powertrain".  The next word (in the window above) is often a
     * modifier; the last word of the run, up to three words on, names
     * what kind of thing this is.  A run of one word adds nothing to the
     * window. */
    if ((t->w.flags & (ENT_TF_CAP | ENT_TF_ALLCAP)) && nx && (nx->w.flags & ENT_TF_LOWINIT)) {
        size_t j = i + 1;
        while (j + 1 < e && j < i + 3 && (p->tok[j + 1].w.flags & ENT_TF_LOWINIT))
            j++;
        if (j > i + 1)
            F2(45, p->tok[j].w.lower, t->w.shape);
    }
    /* The noun of an appositive beyond the window: "Ampere, the EV and
     * software company founded by ...", "Ssangyong, the South Korean
     * carmaker".  The approximation overshoots at times, so it is one noisy
     * feature among many, weighted by training like the others. */
    if (t->w.flags & (ENT_TF_CAP | ENT_TF_ALLCAP)) {
        size_t head = ent_appositive_head(p, i + 1, e);
        if (head)
            F2(46, p->tok[head].w.lower, sh);
    }
    return k;
}

size_t ent_feat_local(const ent_prep *p, size_t i, int drop, uint32_t *out)
{
    const ent_doc *doc = p->doc;
    const ent_tokinfo *t = &p->tok[i];
    size_t b = doc->sent[t->sent], e = doc->sent[t->sent + 1], k = 0;
    for (int rel = -ENT_UNIT_REACH; rel <= ENT_UNIT_REACH; rel++) {
        size_t j = i + (size_t)(ptrdiff_t)rel;
        const ent_tokinfo *o = (rel < 0 ? i >= b + (size_t)-rel : j < e) ? &p->tok[j] : NULL;
        k += ent_feat_unit(o, rel, rel == 0 ? drop : drop & ENT_DROP_CLASSES, p->bits, out + k);
    }
    return k + ent_feat_conj(p, i, drop, out + k);
}

/* Whether token t counts as evidence for its word: lowercase words outside
 * entities ("us", "may") would drown the evidence for their capitalised
 * namesakes, and a capital at the start of a sentence or in a headline
 * says nothing. */
static int hist_counts(const ent_tokinfo *t, uint8_t tag)
{
    return tag || ((t->w.flags & ENT_TF_CAP) && t->ctx == ENT_CTX_MID);
}

/* Adds sign x the evidence of sentence [b, e) to the tables. */
static void hist_add(ent_prep *p, size_t b, size_t e, const uint8_t *tags, uint32_t sign)
{
    for (size_t i = b; i < e; i++) {
        const ent_tokinfo *t = &p->tok[i];
        ent_dword *w = &p->words[t->slot];
        if (hist_counts(t, tags[i])) {
            w->hist[tags[i]] += sign;
            w->n_hist += sign;
        }
        /* The surest evidence: a mention mid-sentence in a line of prose,
         * not a headline, a table or a results row. */
        if (tags[i] && t->ctx == ENT_CTX_MID && p->line[i] % 12u / 3u < 2) {
            w->prose[ent_tag_type(tags[i])] += sign;
            w->n_prose += sign;
        }
        if (p->pair_slot[i] == UINT32_MAX)
            continue;
        if (!hist_counts(&p->tok[i], tags[i]) && !hist_counts(&p->tok[i + 1], tags[i + 1]))
            continue;
        ent_dpair *d = &p->pairs[p->pair_slot[i]];
        int pos = ent_tag_pos(tags[i]);
        if (tags[i] && (pos == ENT_B || pos == ENT_I))
            d->joined[ent_tag_type(tags[i])] += sign;
        else
            d->split += sign;
        d->n += sign;
    }
}

/* The type with the largest count (the first of equal ones), or -1 when
 * all are 0. */
static int best_type(const uint32_t *type)
{
    int best = -1;
    for (int k = 0; k < ENT_N_TYPES; k++)
        if (type[k] && (best < 0 || type[k] > type[best]))
            best = k;
    return best;
}

/* Word summary: 0 none seen, else 1 + 2 * type + (type is the majority),
 * or 1 + 2 * ENT_N_TYPES when seen only outside entities.  *tag receives
 * the most frequent entity tag (0 if none). */
static uint8_t word_summary(const uint32_t *c, uint8_t *tag)
{
    uint32_t type[ENT_N_TYPES] = {0}, sum = c[0], best_tag = 0;
    for (int t = 1; t < ENT_N_TAGS; t++) {
        type[ent_tag_type(t)] += c[t];
        sum += c[t];
        if (c[t] && (!best_tag || c[t] > c[best_tag]))
            best_tag = (uint32_t)t;
    }
    *tag = (uint8_t)best_tag;
    int best = best_type(type);
    if (!sum)
        return 0;
    if (best < 0)
        return 1 + 2 * ENT_N_TYPES;
    return (uint8_t)(1 + 2 * best + (type[best] * 2 > sum));
}

/* The longer mentions' word: 0 when the word is in no mention of two or
 * more words, else 1 + the type of most such mentions.  A full form
 * ("Phoenix Copper Mines Ltd") says more about the short ones ("Phoenix")
 * than their own number does. */
static uint8_t multi_summary(const uint32_t *c)
{
    uint32_t type[ENT_N_TYPES] = {0};
    for (int t = 1; t < ENT_N_TAGS; t++)
        if (ent_tag_pos(t) != ENT_U)
            type[ent_tag_type(t)] += c[t];
    return (uint8_t)(best_type(type) + 1);
}

/* 0 when the word is in no mention mid-sentence in prose, else 1 + the
 * type of most of those: a mention in running prose is surer than one in
 * a headline or a table, however many those are. */
static uint8_t prose_summary(const uint32_t *type)
{
    return (uint8_t)(best_type(type) + 1);
}

/* Pair summary: 0 none seen, 1 + type when mostly inside one entity of
 * that type, 1 + ENT_N_TYPES when mostly not. */
static uint8_t pair_summary(const ent_dpair *d)
{
    uint32_t joined = 0;
    int best = 0;
    for (int k = 0; k < ENT_N_TYPES; k++) {
        joined += d->joined[k];
        if (d->joined[k] > d->joined[best])
            best = k;
    }
    if (!joined && !d->split)
        return 0;
    return (uint8_t)(joined > d->split ? 1 + best : 1 + ENT_N_TYPES);
}

void ent_hist_values(ent_prep *p, const uint8_t *tags, ent_histv *hv)
{
    const ent_doc *doc = p->doc;
    /* Only the tokens' own slots hold anything (a table is 2 to 4 times as
     * large as the document). */
    for (size_t i = 0; i < doc->n_tokens; i++) {
        ent_dword *w = &p->words[p->tok[i].slot];
        memset(w->hist, 0, sizeof w->hist);
        memset(w->prose, 0, sizeof w->prose);
        w->n_hist = w->n_prose = 0;
        if (p->pair_slot[i] != UINT32_MAX) {
            ent_dpair *d = &p->pairs[p->pair_slot[i]];
            memset(d->joined, 0, sizeof d->joined);
            d->split = d->n = 0;
        }
    }
    for (size_t s = 0; s < doc->n_sents; s++)
        hist_add(p, doc->sent[s], doc->sent[s + 1], tags, 1);
    /* Evidence comes from other sentences only: take each sentence's own
     * labels out of the tables while its tokens are summarised. */
    for (size_t s = 0; s < doc->n_sents; s++) {
        size_t b = doc->sent[s], e = doc->sent[s + 1];
        hist_add(p, b, e, tags, (uint32_t)-1);
        /* Most words have no evidence from elsewhere ("the", "said"): all
         * their counts are 0, and so are their summaries. */
        for (size_t i = b; i < e; i++) {
            const ent_dword *w = &p->words[p->tok[i].slot];
            hv[i] = (ent_histv){0};
            if (w->n_hist) {
                hv[i].word = word_summary(w->hist, &hv[i].tag);
                hv[i].multi = multi_summary(w->hist);
            }
            if (w->n_prose)
                hv[i].prose = prose_summary(w->prose);
            if (p->pair_slot[i] != UINT32_MAX && p->pairs[p->pair_slot[i]].n)
                hv[i].pair = pair_summary(&p->pairs[p->pair_slot[i]]);
        }
        hist_add(p, b, e, tags, 1);
    }
}

size_t ent_feat_hist(const ent_prep *p, size_t i, const ent_histv *hv, uint32_t *out)
{
    const ent_tokinfo *t = &p->tok[i];
    const uint32_t bits = p->bits;
    const ent_doc *doc = p->doc;
    size_t b = doc->sent[t->sent], e = doc->sent[t->sent + 1], k = 0;
    uint32_t v = hv[i].word;
    uint32_t pn = hv[i].pair, pp = i > b ? hv[i - 1].pair : 0;
    if (v) {
        F1(100, v);
        F2(101, v, t->w.shape);
        F2(102, v, t->ctx);
        F1(105, hv[i].tag);
    }
    if (hv[i].multi) {
        F2(134, hv[i].multi, v);
        F2(135, hv[i].multi, t->w.shape);
    }
    if (hv[i].prose)
        F2(136, hv[i].prose, v);
    /* The neighbours' evidence, with their usual position in an entity: a
     * next word that usually begins one ("de" of "de Meo") says this word
     * is outside it ("Added de Meo"). */
    if (i > b && hv[i - 1].word) {
        F2(103, hv[i - 1].word, v);
        F2(108, hv[i - 1].tag, v);
    }
    if (i + 1 < e && hv[i + 1].word) {
        F2(104, hv[i + 1].word, v);
        F2(109, hv[i + 1].tag, v);
    }
    if (pn || pp) {
        F2(106, pp, pn);
        F2(107, pp * 8 + pn, v);
    }
    return k;
}
