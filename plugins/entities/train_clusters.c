/*
 * annotate-train-clusters -- word classes from unlabeled text, for the
 * entities tagger's cluster features.
 *
 *   annotate-train-clusters [--classes N[,N...]] [--min-count K]
 *       [--iterations I] -o clusters.txt FILE...
 *
 * Reads plain-text files, splits them with the host tokenizer (so words
 * are cut as the plugin sees them), lowercases and folds each word as the
 * tagger does, and partitions the words seen at least K times into N
 * classes by the exchange algorithm (Kneser and Ney 1993; Martin, Liermann
 * and Ney 1998): each word in turn moves to the class that most raises the
 * likelihood of a class bigram model, until few words move.  With several N
 * the partitions are computed independently, coarse to fine, and give the
 * tagger several granularities, as the prefixes of a Brown hierarchy do.
 * Words that share a class occur in similar contexts ("monday" with
 * "tuesday", "ghosn" with other surnames), which tells the tagger about
 * words its labelled data never showed.
 *
 * Output: one line per word, "word count class1 class2 ...", sorted by
 * count.  Deterministic: no randomness, ties go to the lower class.
 */
#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ent_text.h"
#include "read/reader.h"
#include "run/host.h"
#include "util/buf.h"
#include "util/fs.h"
#include "util/grow.h"
#include "text/tokenize.h"

#define MAX_LEVELS 4
#define MAX_WORD 64

enum { BOUNDARY = 0, RARE = 1 }; /* word ids with fixed meaning */

typedef struct vocab_entry {
    char *word; /* folded lowercase form (owned) */
    uint64_t count;
} vocab_entry;

typedef struct vocab {
    vocab_entry *e; /* by id */
    size_t n, cap;
    uint32_t *slot; /* hash table of ids + 1 */
    size_t slots;
} vocab;

static void die(const char *msg)
{
    fprintf(stderr, "annotate-train-clusters: %s\n", msg);
    exit(1); /* a tool's main path, not library code */
}

static void *xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q)
        die("out of memory");
    return q;
}

static uint64_t str_hash(const char *s)
{
    return ent_hash_bytes(s, strlen(s), 0x636c7573746572ull);
}

static void vocab_rehash(vocab *v)
{
    v->slots = v->slots ? v->slots * 2 : 1u << 16;
    free(v->slot);
    v->slot = calloc(v->slots, sizeof *v->slot);
    if (!v->slot)
        die("out of memory");
    for (size_t id = 0; id < v->n; id++) {
        size_t i = str_hash(v->e[id].word) & (v->slots - 1);
        while (v->slot[i])
            i = (i + 1) & (v->slots - 1);
        v->slot[i] = (uint32_t)id + 1;
    }
}

static uint32_t vocab_id(vocab *v, const char *w)
{
    if ((v->n + 1) * 2 > v->slots)
        vocab_rehash(v);
    size_t i = str_hash(w) & (v->slots - 1);
    while (v->slot[i]) {
        uint32_t id = v->slot[i] - 1;
        if (strcmp(v->e[id].word, w) == 0)
            return id;
        i = (i + 1) & (v->slots - 1);
    }
    vocab_entry *g = ann_grow(v->e, v->n, &v->cap, sizeof *v->e, 1024);
    if (!g)
        die("out of memory");
    v->e = g;
    v->e[v->n].word = strdup(w);
    if (!v->e[v->n].word)
        die("out of memory");
    v->e[v->n].count = 0;
    v->slot[i] = (uint32_t)v->n + 1;
    return (uint32_t)v->n++;
}

typedef struct stream {
    uint32_t *id;
    size_t n, cap;
} stream;

static void push(stream *s, uint32_t id)
{
    uint32_t *g = ann_grow(s->id, s->n, &s->cap, sizeof *s->id, 1u << 20);
    if (!g)
        die("out of memory");
    s->id = g;
    s->id[s->n++] = id;
}

/* Appends the words of a text file, a BOUNDARY after each sentence. */
static void read_text(const char *path, vocab *v, stream *s)
{
    ann_textdoc doc;
    ann_tokenized t;
    char err[1024];
    if (ann_read_file(path, ANN_FORMAT_TEXT, &doc, err, sizeof err) != ANN_OK)
        die(err);
    const char *text = doc.view;
    if (ann_tokenize(text, doc.view_len, NULL, 0, &t) != ANN_OK)
        die("out of memory");
    char w[MAX_WORD * 4];
    for (size_t i = 0; i < t.n_tokens; i++) {
        if (i > 0 && t.tokens[i].sentence != t.tokens[i - 1].sentence)
            push(s, BOUNDARY);
        size_t n = ent_word_lower(&ann_host_table, text + t.tokens[i].start,
                                  t.tokens[i].end - t.tokens[i].start, w, sizeof w);
        if (n == 0 || n >= MAX_WORD)
            continue;
        uint32_t id = vocab_id(v, w);
        v->e[id].count++;
        push(s, id);
    }
    push(s, BOUNDARY);
    ann_tokenized_free(&t);
    ann_textdoc_free(&doc);
}

/* Sparse bigram counts of the clustered words: for word w, its right
 * neighbours nb[off[w] .. off[w + 1]) with counts cnt[], and the same for
 * left neighbours. */
typedef struct adj {
    size_t *off;
    uint32_t *nb;
    uint32_t *cnt;
} adj;

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return (x > y) - (x < y);
}

static void build_adj(const uint64_t *pairs, size_t np, size_t nw, adj *a)
{
    a->off = calloc(nw + 1, sizeof *a->off);
    a->nb = xrealloc(NULL, np * sizeof *a->nb);
    a->cnt = xrealloc(NULL, np * sizeof *a->cnt);
    if (!a->off)
        die("out of memory");
    size_t k = 0;
    for (size_t i = 0; i < np;) {
        size_t j = i;
        while (j < np && pairs[j] == pairs[i])
            j++;
        uint32_t from = (uint32_t)(pairs[i] >> 32);
        a->nb[k] = (uint32_t)pairs[i];
        a->cnt[k] = (uint32_t)(j - i);
        a->off[from + 1]++;
        k++;
        i = j;
    }
    for (size_t w = 0; w < nw; w++)
        a->off[w + 1] += a->off[w];
}

/* x log x, tabulated for the small counts that dominate. */
#define XLX_N (1u << 20)
static double xlx(const double *tab, int64_t x)
{
    return x < (int64_t)XLX_N ? tab[x] : (double)x * log((double)x);
}

/* The exchange algorithm over nw words (ids 0..nw-1, counts cnt) into C
 * classes; writes cls[]. */
static void exchange(size_t nw, const uint64_t *cnt, const adj *right, const adj *left, uint32_t C,
                     int iterations, const double *tab, uint32_t *cls)
{
    int64_t *N = calloc((size_t)C * C, sizeof *N), *NC = calloc(C, sizeof *NC);
    int64_t *R = calloc(C, sizeof *R), *L = calloc(C, sizeof *L);
    uint32_t *rc = xrealloc(NULL, C * sizeof *rc), *lc = xrealloc(NULL, C * sizeof *lc);
    if (!N || !NC || !R || !L)
        die("out of memory");
    /* Start: by frequency rank, round robin (ids are in frequency order).
     * The boundary and the rare words keep classes of their own. */
    for (size_t w = 0; w < nw; w++)
        cls[w] = (uint32_t)(w < 2 ? w : 2 + (w - 2) % (C - 2));
    for (size_t w = 0; w < nw; w++) {
        NC[cls[w]] += (int64_t)cnt[w];
        for (size_t k = right->off[w]; k < right->off[w + 1]; k++)
            N[(size_t)cls[w] * C + cls[right->nb[k]]] += right->cnt[k];
    }
    for (int it = 0; it < iterations; it++) {
        size_t moved = 0;
        for (size_t w = 2; w < nw; w++) {
            uint32_t a = cls[w];
            int64_t self = 0;
            size_t nr = 0, nl = 0;
            /* class counts of w's neighbours, without w itself */
            for (size_t k = right->off[w]; k < right->off[w + 1]; k++) {
                uint32_t v = right->nb[k], d = cls[v];
                if (v == w) {
                    self = right->cnt[k];
                    continue;
                }
                if (!R[d])
                    rc[nr++] = d;
                R[d] += right->cnt[k];
            }
            for (size_t k = left->off[w]; k < left->off[w + 1]; k++) {
                uint32_t v = left->nb[k], c = cls[v];
                if (v == w)
                    continue;
                if (!L[c])
                    lc[nl++] = c;
                L[c] += left->cnt[k];
            }
            /* take w out of class a */
            for (size_t j = 0; j < nr; j++)
                N[(size_t)a * C + rc[j]] -= R[rc[j]];
            for (size_t j = 0; j < nl; j++)
                N[(size_t)lc[j] * C + a] -= L[lc[j]];
            N[(size_t)a * C + a] -= self;
            NC[a] -= (int64_t)cnt[w];
            /* the gain of each class; the cell (k, k) takes R[k], L[k] and
             * the self bigrams together */
            double best = -INFINITY;
            uint32_t best_k = a;
            for (uint32_t k = 2; k < C; k++) {
                double g = 0;
                const int64_t *row = N + (size_t)k * C;
                for (size_t j = 0; j < nr; j++)
                    if (rc[j] != k)
                        g += xlx(tab, row[rc[j]] + R[rc[j]]) - xlx(tab, row[rc[j]]);
                for (size_t j = 0; j < nl; j++)
                    if (lc[j] != k) {
                        int64_t x = N[(size_t)lc[j] * C + k];
                        g += xlx(tab, x + L[lc[j]]) - xlx(tab, x);
                    }
                int64_t kk = row[k];
                g += xlx(tab, kk + R[k] + L[k] + self) - xlx(tab, kk);
                g -= 2 * (xlx(tab, NC[k] + (int64_t)cnt[w]) - xlx(tab, NC[k]));
                if (g > best + 1e-9) {
                    best = g;
                    best_k = k;
                }
            }
            uint32_t b = best_k;
            for (size_t j = 0; j < nr; j++)
                N[(size_t)b * C + rc[j]] += R[rc[j]];
            for (size_t j = 0; j < nl; j++)
                N[(size_t)lc[j] * C + b] += L[lc[j]];
            N[(size_t)b * C + b] += self;
            NC[b] += (int64_t)cnt[w];
            cls[w] = b;
            moved += b != a;
            for (size_t j = 0; j < nr; j++)
                R[rc[j]] = 0;
            for (size_t j = 0; j < nl; j++)
                L[lc[j]] = 0;
        }
        fprintf(stderr, "classes %u, iteration %d: %zu of %zu words moved\n", C, it + 1, moved,
                nw - 2);
        if (moved * 1000 < nw)
            break;
    }
    free(N);
    free(NC);
    free(R);
    free(L);
    free(rc);
    free(lc);
}

typedef struct ranked {
    uint64_t count;
    uint32_t id;
} ranked;

/* The fixed ids first, then by falling count, ties by id. */
static int by_count(const void *a, const void *b)
{
    const ranked *x = a, *y = b;
    if ((x->id < 2 || y->id < 2) || x->count == y->count)
        return (x->id > y->id) - (x->id < y->id);
    return x->count < y->count ? 1 : -1;
}

static void usage(void)
{
    fputs("usage: annotate-train-clusters [--classes N[,N...]] [--min-count K] [--iterations I]\n"
          "           -o clusters.txt FILE...\n"
          "Partitions the words of plain-text files into N classes of words used alike\n"
          "(exchange algorithm over word bigrams), for annotate-train-entities --clusters.\n",
          stderr);
}

int main(int argc, char **argv)
{
    const char *out = NULL, *classes = "64,256,1024";
    long min_count = 3;
    int iterations = 15;
    static const struct option opts[] = {{"classes", required_argument, NULL, 'c'},
                                         {"min-count", required_argument, NULL, 'm'},
                                         {"iterations", required_argument, NULL, 'i'},
                                         {"output", required_argument, NULL, 'o'},
                                         {"help", no_argument, NULL, 'h'},
                                         {NULL, 0, NULL, 0}};
    for (int ch; (ch = getopt_long(argc, argv, "o:h", opts, NULL)) != -1;) {
        if (ch == 'c')
            classes = optarg;
        else if (ch == 'm')
            min_count = atol(optarg);
        else if (ch == 'i')
            iterations = atoi(optarg);
        else if (ch == 'o')
            out = optarg;
        else {
            usage();
            return ch == 'h' ? 0 : 2;
        }
    }
    uint32_t C[MAX_LEVELS];
    int levels = 0;
    for (const char *p = classes; *p && levels < MAX_LEVELS;) {
        char *end;
        long c = strtol(p, &end, 10);
        if (end == p || c < 4 || c > 4096) {
            usage();
            return 2;
        }
        C[levels++] = (uint32_t)c;
        p = *end == ',' ? end + 1 : end;
    }
    if (!out || optind >= argc || levels == 0 || min_count < 1 || iterations < 1) {
        usage();
        return 2;
    }

    vocab v;
    memset(&v, 0, sizeof v);
    vocab_id(&v, "<s>");
    vocab_id(&v, "<rare>");
    stream s = {NULL, 0, 0};
    push(&s, BOUNDARY);
    for (int i = optind; i < argc; i++)
        read_text(argv[i], &v, &s);

    /* Renumber: fixed ids, then the kept words by falling count; rare
     * words fold into RARE. */
    ranked *order = xrealloc(NULL, v.n * sizeof *order);
    uint32_t *newid = xrealloc(NULL, v.n * sizeof *newid);
    for (size_t i = 0; i < v.n; i++)
        order[i] = (ranked){v.e[i].count, (uint32_t)i};
    qsort(order, v.n, sizeof *order, by_count);
    size_t nw = 0;
    uint64_t *cnt = xrealloc(NULL, v.n * sizeof *cnt);
    for (size_t r = 0; r < v.n; r++) {
        uint32_t w = order[r].id;
        if (w >= 2 && v.e[w].count < (uint64_t)min_count) {
            newid[w] = RARE;
            continue;
        }
        newid[w] = (uint32_t)nw;
        cnt[nw++] = 0;
    }
    for (size_t i = 0; i < s.n; i++)
        cnt[newid[s.id[i]]]++;
    fprintf(stderr, "%zu tokens, %zu words, %zu seen at least %ld times\n", s.n, v.n - 2, nw - 2,
            min_count);

    uint64_t *pairs = xrealloc(NULL, (s.n ? s.n - 1 : 0) * sizeof *pairs);
    size_t np = 0;
    for (size_t i = 0; i + 1 < s.n; i++)
        pairs[np++] = (uint64_t)newid[s.id[i]] << 32 | newid[s.id[i + 1]];
    adj right, left;
    qsort(pairs, np, sizeof *pairs, cmp_u64);
    build_adj(pairs, np, nw, &right);
    for (size_t i = 0; i < np; i++)
        pairs[i] = pairs[i] << 32 | pairs[i] >> 32;
    qsort(pairs, np, sizeof *pairs, cmp_u64);
    build_adj(pairs, np, nw, &left);
    free(pairs);

    double *tab = xrealloc(NULL, XLX_N * sizeof *tab);
    tab[0] = 0;
    for (uint32_t x = 1; x < XLX_N; x++)
        tab[x] = x * log((double)x);
    uint32_t *cls[MAX_LEVELS];
    for (int l = 0; l < levels; l++) {
        cls[l] = xrealloc(NULL, nw * sizeof *cls[l]);
        exchange(nw, cnt, &right, &left, C[l], iterations, tab, cls[l]);
    }

    ann_buf b = ANN_BUF_INIT;
    int ok = 1;
    for (size_t r = 0; r < v.n && ok; r++) {
        uint32_t w = order[r].id, id = newid[w];
        if (w < 2 || id < 2)
            continue;
        ok = ann_buf_printf(&b, "%s %llu", v.e[w].word, (unsigned long long)cnt[id]) == 0;
        for (int l = 0; l < levels && ok; l++)
            ok = ann_buf_printf(&b, " %u", cls[l][id] - 2) == 0;
        ok = ok && ann_buf_putc(&b, '\n') == 0;
    }
    if (!ok)
        die("out of memory");
    if (ann_write_atomic(out, b.data, b.len) != 0) {
        fprintf(stderr, "annotate-train-clusters: cannot write %s: %s\n", out, strerror(errno));
        return 1;
    }
    ann_buf_free(&b);
    fprintf(stderr, "wrote %s\n", out);
    for (size_t i = 0; i < v.n; i++)
        free(v.e[i].word);
    free(v.e);
    free(v.slot);
    free(s.id);
    free(order);
    free(newid);
    free(cnt);
    free(tab);
    for (int l = 0; l < levels; l++)
        free(cls[l]);
    free(right.off);
    free(right.nb);
    free(right.cnt);
    free(left.off);
    free(left.nb);
    free(left.cnt);
    return 0;
}
