/*
 * annotate-train-entities -- trains the entities tagger: an averaged
 * structured perceptron over BILOU tags with Viterbi decoding, on CoNLL
 * files, in two passes per document (local features, then local + history
 * features from the first pass's labels), as the plugin runs it.
 *
 *   annotate-train-entities --train train.txt [--train more.txt]
 *       [--dev valid.txt] [--gazetteers DIR] [--epochs N] [--bits B]
 *       [--seed S] [--word-dropout P] [--ensemble K] [--clusters FILE|none]
 *       [--class-dropout P] -o entities.model
 *   annotate-train-entities --train train.txt --cv K [options as above]
 *
 * The word classes of --clusters (default: clusters.txt among the
 * gazetteers, when there is one; from annotate-train-clusters) are stored
 * in the model with the gazetteers.  --class-dropout P leaves out all the
 * word classes of a token's window for a share P of the tokens in training
 * (drawn apart from --word-dropout), so the other weights are also learned
 * without them and the classes cannot take over what those say.
 *
 * With --dev, the model of the epoch scoring best there is written.  With
 * --ensemble K, K perceptrons are trained on different document orders and
 * their weights averaged.  Deterministic given --seed (it orders the
 * documents of each epoch and draws the word dropout).
 *
 * With --cv K, no model is written: the documents (-DOCSTART-) are dealt
 * into K folds (document k into fold k mod K), each fold is tagged by a
 * model trained on the other K - 1 for every epoch, and the F1 pooled over
 * the folds is printed per epoch with the best one.  This is how settings
 * are chosen without looking at a file reported as held out.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ent_conll.h"
#include "ent_decode.h"
#include "ent_feat.h"
#include "ent_gaz.h"
#include "ent_model.h"
#include "ent_score.h"
#include "ent_tagger.h"
#include "run/host.h"

enum { T = ENT_N_TAGS, TR = (ENT_N_TAGS + 1) * ENT_N_TAGS };

/* The weights being learned: current and summed for averaging (the lazy
 * trick: avg = w - u / c, where u sums c * delta). */
typedef struct learner {
    uint32_t bits;
    float *w;
    double *u;
    float tw[TR];
    double tu[TR];
    double c;
    uint64_t order_rng, drop_rng; /* seeded: document order, word dropout */
    size_t *order;                /* documents in this epoch's order */
} learner;

typedef struct trainer {
    learner *L; /* the one being trained */
    ent_gaz gaz;
    int passes;
    double dropout;       /* probability of leaving out a token's word features */
    double class_dropout; /* ... and the word classes of its window */
    /* per-document buffers sized for the largest document */
    void *prep_mem;
    uint32_t *feats; /* n x ENT_MAX_FEATS local features */
    uint8_t *nfeat;
    uint32_t *hfeats; /* same for history features */
    uint8_t *nhfeat;
    float *emit;
    uint8_t *bp, *pred1, *pred2;
    ent_histv *hv;
} trainer;

static void die(const char *msg)
{
    fprintf(stderr, "annotate-train-entities: %s\n", msg);
    exit(1);
}

static void *xcalloc(size_t n, size_t sz)
{
    void *p = calloc(n ? n : 1, sz);
    if (!p)
        die("out of memory");
    return p;
}

static uint64_t rng_next(uint64_t *s)
{
    uint64_t x = *s;
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    return *s = x;
}

/* Uniform in [0, 1). */
static double rng_unit(uint64_t *s)
{
    return (double)(rng_next(s) >> 11) * (1.0 / 9007199254740992.0);
}

static void score(const learner *L, const uint32_t *f, size_t nf, float *out, int add)
{
    if (!add)
        memset(out, 0, T * sizeof *out);
    for (size_t k = 0; k < nf; k++) {
        const float *row = L->w + (size_t)f[k] * T;
        for (int t = 0; t < T; t++)
            out[t] += row[t];
    }
}

static void upd(learner *L, const uint32_t *f, size_t nf, int tag, float d)
{
    for (size_t k = 0; k < nf; k++) {
        size_t i = (size_t)f[k] * T + (size_t)tag;
        L->w[i] += d;
        L->u[i] += L->c * d;
    }
}

static void upd_trans(learner *L, int prev, int tag, float d)
{
    size_t i = (size_t)(prev + 1) * T + (size_t)tag;
    L->tw[i] += d;
    L->tu[i] += L->c * d;
}

/* Perceptron update of one sentence [b, e) of a document. */
static void update(trainer *tr, size_t b, size_t e, const uint8_t *gold, const uint8_t *pred,
                   int with_hist)
{
    learner *L = tr->L;
    for (size_t i = b; i < e; i++) {
        int pg = i > b ? gold[i - 1] : -1, pp = i > b ? pred[i - 1] : -1;
        if (gold[i] != pred[i]) {
            const uint32_t *f = tr->feats + i * ENT_MAX_FEATS;
            upd(L, f, tr->nfeat[i], gold[i], 1.0f);
            upd(L, f, tr->nfeat[i], pred[i], -1.0f);
            if (with_hist) {
                const uint32_t *h = tr->hfeats + i * ENT_MAX_FEATS;
                upd(L, h, tr->nhfeat[i], gold[i], 1.0f);
                upd(L, h, tr->nhfeat[i], pred[i], -1.0f);
            }
        }
        if (gold[i] != pred[i] || pg != pp) {
            upd_trans(L, pg, gold[i], 1.0f);
            upd_trans(L, pp, pred[i], -1.0f);
        }
    }
    L->c += 1;
}

static void train_doc(trainer *tr, const ent_doc *doc, const uint8_t *gold)
{
    learner *L = tr->L;
    ent_prep p;
    size_t n = doc->n_tokens;
    ent_prepare(&p, doc, &tr->gaz, L->bits, tr->prep_mem);
    for (size_t i = 0; i < n; i++) {
        int drop = tr->dropout > 0 && rng_unit(&L->drop_rng) < tr->dropout ? ENT_DROP_WORD : 0;
        if (tr->class_dropout > 0 && rng_unit(&L->drop_rng) < tr->class_dropout)
            drop |= ENT_DROP_CLASSES;
        tr->nfeat[i] = (uint8_t)ent_feat_local(&p, i, drop, tr->feats + i * ENT_MAX_FEATS);
    }

    for (size_t s = 0; s < doc->n_sents; s++) {
        size_t b = doc->sent[s], e = doc->sent[s + 1];
        for (size_t i = b; i < e; i++)
            score(L, tr->feats + i * ENT_MAX_FEATS, tr->nfeat[i], tr->emit + (i - b) * T, 0);
        ent_viterbi(tr->emit, e - b, L->tw, tr->bp, tr->pred1 + b);
        update(tr, b, e, gold, tr->pred1, 0);
    }
    if (tr->passes < 2)
        return;
    ent_hist_values(&p, tr->pred1, tr->hv);
    for (size_t i = 0; i < n; i++)
        tr->nhfeat[i] = (uint8_t)ent_feat_hist(&p, i, tr->hv, tr->hfeats + i * ENT_MAX_FEATS);
    for (size_t s = 0; s < doc->n_sents; s++) {
        size_t b = doc->sent[s], e = doc->sent[s + 1];
        for (size_t i = b; i < e; i++) {
            float *em = tr->emit + (i - b) * T;
            score(L, tr->feats + i * ENT_MAX_FEATS, tr->nfeat[i], em, 0);
            score(L, tr->hfeats + i * ENT_MAX_FEATS, tr->nhfeat[i], em, 1);
        }
        ent_viterbi(tr->emit, e - b, L->tw, tr->bp, tr->pred2 + b);
        update(tr, b, e, gold, tr->pred2, 1);
    }
}

/* The mean of the learners' averaged weights into w, tw: several
 * perceptrons trained on different document orders, averaged, are steadier
 * than one. */
static void average(const learner *Ls, int k, float *w, float *tw)
{
    size_t nw = ((size_t)1 << Ls[0].bits) * T;
    memset(w, 0, nw * sizeof *w);
    memset(tw, 0, TR * sizeof *tw);
    for (int j = 0; j < k; j++) {
        const learner *L = &Ls[j];
        double c = L->c > 0 ? L->c : 1;
        for (size_t i = 0; i < nw; i++)
            w[i] += (float)((L->w[i] - L->u[i] / c) / k);
        for (size_t i = 0; i < TR; i++)
            tw[i] += (float)((L->tw[i] - L->tu[i] / c) / k);
    }
}

/* The cross-validation fold of the k-th document (counted over the training
 * files in order): documents dealt round-robin, so each fold draws from the
 * whole span of dates and topics of the file. */
static int cv_fold(size_t k, int n_folds)
{
    return (int)(k % (size_t)n_folds);
}

/* Adds the counts of model m on document d of corpus c to *cnt. */
static void evaluate_doc(const ent_model *m, const ent_corpus *c, size_t d, int passes,
                         ent_counts *cnt)
{
    ent_doc doc;
    size_t first;
    ent_corpus_doc(c, d, &doc, &first);
    void *work = xcalloc(1, ent_tag_work_size(&doc));
    uint8_t *tags = xcalloc(doc.n_tokens + 1, 1);
    ent_tag_doc(m, &doc, passes, work, tags);
    for (size_t s = 0; s < doc.n_sents; s++)
        ent_counts_add(cnt, c->gold + first + doc.sent[s], tags + doc.sent[s],
                       doc.sent[s + 1] - doc.sent[s]);
    free(work);
    free(tags);
}

/* Entity-level F1 of model m on corpus c. */
static double evaluate(const ent_model *m, const ent_corpus *c, int passes, ent_counts *out)
{
    ent_counts cnt;
    memset(&cnt, 0, sizeof cnt);
    for (size_t d = 0; d < c->n_docs; d++)
        evaluate_doc(m, c, d, passes, &cnt);
    double p, r, f;
    ent_counts_prf(&cnt, -1, &p, &r, &f);
    if (out)
        *out = cnt;
    return f;
}

static void usage(void)
{
    fputs("usage: annotate-train-entities --train FILE [--train FILE]... [--dev FILE]\n"
          "           [--gazetteers DIR] [--epochs N] [--bits B] [--seed S] [--passes 1|2]\n"
          "           [--word-dropout P] [--ensemble K] [--clusters FILE|none]\n"
          "           [--class-dropout P]\n"
          "           -o MODEL | --cv K\n"
          "Trains the entities tagger on CoNLL files (word first, BIO label last) and\n"
          "writes a model for -O entities.model=MODEL.\n",
          stderr);
}

int main(int argc, char **argv)
{
    const char *train_files[16], *dev_file = NULL, *out = NULL, *clusters = NULL;
    /* The lists in the source tree, else the installed ones. */
    const char *gaz_dir = ANN_ABS_SRCDIR "/plugins/entities/gazetteer";
    if (access(gaz_dir, R_OK) != 0)
        gaz_dir = ANN_PKGDATADIR "/entities/gazetteer";
    int n_train = 0, epochs = 12, passes = 2;
    double dropout = 0.3, class_dropout = 0;
    int n_learners = 1, cv_k = 0;
    uint32_t bits = 19;
    uint64_t seed = 1;
    char err[1024];
    static const struct option opts[] = {{"train", required_argument, NULL, 't'},
                                         {"dev", required_argument, NULL, 'd'},
                                         {"gazetteers", required_argument, NULL, 'g'},
                                         {"epochs", required_argument, NULL, 'e'},
                                         {"bits", required_argument, NULL, 'b'},
                                         {"seed", required_argument, NULL, 's'},
                                         {"passes", required_argument, NULL, 'p'},
                                         {"output", required_argument, NULL, 'o'},
                                         {"word-dropout", required_argument, NULL, 'w'},
                                         {"ensemble", required_argument, NULL, 'k'},
                                         {"clusters", required_argument, NULL, 'c'},
                                         {"cv", required_argument, NULL, 'x'},
                                         {"class-dropout", required_argument, NULL, 'q'},
                                         {"help", no_argument, NULL, 'h'},
                                         {NULL, 0, NULL, 0}};
    for (int ch; (ch = getopt_long(argc, argv, "o:h", opts, NULL)) != -1;) {
        switch (ch) {
        case 'c':
            clusters = optarg;
            break;
        case 'x':
            cv_k = atoi(optarg);
            break;
        case 't':
            if (n_train < 16)
                train_files[n_train++] = optarg;
            break;
        case 'd':
            dev_file = optarg;
            break;
        case 'g':
            gaz_dir = optarg;
            break;
        case 'e':
            epochs = atoi(optarg);
            break;
        case 'b':
            bits = (uint32_t)atoi(optarg);
            break;
        case 's':
            seed = strtoull(optarg, NULL, 10);
            break;
        case 'p':
            passes = atoi(optarg);
            break;
        case 'w':
            dropout = atof(optarg);
            break;
        case 'q':
            class_dropout = atof(optarg);
            break;
        case 'k':
            n_learners = atoi(optarg);
            break;
        case 'o':
            out = optarg;
            break;
        case 'h':
            usage();
            return 0;
        default:
            usage();
            return 2;
        }
    }
    if (!n_train || (!out && !cv_k) || cv_k == 1 || cv_k < 0 || (cv_k && dev_file) || epochs < 1 || bits < ENT_MODEL_MIN_BITS || bits > ENT_MODEL_MAX_BITS ||
        passes < 1 || passes > 2 || n_learners < 1 || n_learners > 16) {
        usage();
        return 2;
    }

    trainer tr;
    memset(&tr, 0, sizeof tr);
    tr.passes = passes;
    tr.dropout = dropout;
    tr.class_dropout = class_dropout;
    if (ent_gaz_init(&tr.gaz, 1 << 17) < 0)
        die("out of memory");
    if (*gaz_dir) {
        for (int l = 0; l < ENT_GAZ_N; l++) {
            char path[4096];
            snprintf(path, sizeof path, "%s/%s.txt", gaz_dir, ent_gaz_list_names[l]);
            long k = ent_gaz_add_file(&tr.gaz, &ann_host_table, path, l, err, sizeof err);
            if (k < 0)
                die(err);
            fprintf(stderr, "gazetteer %-12s %6ld phrases\n", ent_gaz_list_names[l], k);
        }
    }
    char cpath[4096];
    if (!clusters && *gaz_dir) {
        snprintf(cpath, sizeof cpath, "%s/clusters.txt", gaz_dir);
        if (access(cpath, R_OK) == 0)
            clusters = cpath;
    }
    if (clusters && strcmp(clusters, "none") != 0) {
        long k = ent_gaz_add_clusters(&tr.gaz, &ann_host_table, clusters, err, sizeof err);
        if (k < 0)
            die(err);
        fprintf(stderr, "word classes of %ld words from %s\n", k, clusters);
    }

    ent_corpus train[16], dev;
    size_t n_docs = 0, max_doc = 1;
    for (int i = 0; i < n_train; i++) {
        if (ent_corpus_read(&train[i], train_files[i], err, sizeof err) < 0)
            die(err);
        n_docs += train[i].n_docs;
        fprintf(stderr, "train %s: %zu documents, %zu sentences, %zu tokens\n", train_files[i],
                train[i].n_docs, train[i].n_sents, train[i].n_tokens);
        for (size_t d = 0; d < train[i].n_docs; d++) {
            ent_doc doc;
            ent_corpus_doc(&train[i], d, &doc, NULL);
            if (doc.n_tokens > max_doc)
                max_doc = doc.n_tokens;
        }
    }
    if (dev_file && ent_corpus_read(&dev, dev_file, err, sizeof err) < 0)
        die(err);

    size_t nw = ((size_t)1 << bits) * T;
    learner *Ls = xcalloc((size_t)n_learners, sizeof *Ls);
    for (int j = 0; j < n_learners; j++) {
        Ls[j].bits = bits;
        Ls[j].w = xcalloc(nw, sizeof *Ls[j].w);
        Ls[j].u = xcalloc(nw, sizeof *Ls[j].u);
        Ls[j].order = xcalloc(n_docs, sizeof *Ls[j].order);
    }
    tr.prep_mem = xcalloc(1, ent_prep_size(max_doc + 1));
    tr.feats = xcalloc(max_doc * ENT_MAX_FEATS, sizeof *tr.feats);
    tr.hfeats = xcalloc(max_doc * ENT_MAX_FEATS, sizeof *tr.hfeats);
    tr.nfeat = xcalloc(max_doc, 1);
    tr.nhfeat = xcalloc(max_doc, 1);
    tr.emit = xcalloc(max_doc * T, sizeof *tr.emit);
    tr.bp = xcalloc(1, ent_viterbi_work(max_doc));
    tr.pred1 = xcalloc(max_doc, 1);
    tr.pred2 = xcalloc(max_doc, 1);
    tr.hv = xcalloc(max_doc, sizeof *tr.hv);

    float *avg = xcalloc(nw, sizeof *avg), tavg[TR];
    double best = -1;
    int best_epoch = 0;
    /* Cross-validation: the held-out fold's counts per epoch (both passes,
     * first pass), summed over the folds. */
    ent_counts *cv2 = xcalloc((size_t)epochs + 1, sizeof *cv2);
    ent_counts *cv1 = xcalloc((size_t)epochs + 1, sizeof *cv1);

    for (int fold = 0; fold < (cv_k ? cv_k : 1); fold++) {
        size_t n_in = 0; /* documents trained on in this fold */
        for (int j = 0; j < n_learners; j++) {
            learner *L = &Ls[j];
            memset(L->w, 0, nw * sizeof *L->w);
            memset(L->u, 0, nw * sizeof *L->u);
            memset(L->tw, 0, sizeof L->tw);
            memset(L->tu, 0, sizeof L->tu);
            L->c = 0;
            L->order_rng = (seed + (uint64_t)j) * 0x9e3779b97f4a7c15ull + 0x2545f4914f6cdd1dull;
            L->drop_rng = (seed + (uint64_t)j) * 0xbf58476d1ce4e5b9ull + 0x94d049bb133111ebull;
            /* Every document of every file but the held-out fold's, in a
             * seeded order per epoch. */
            n_in = 0;
            for (size_t i = 0, k = 0; i < (size_t)n_train; i++)
                for (size_t d = 0; d < train[i].n_docs; d++, k++)
                    if (!cv_k || cv_fold(k, cv_k) != fold)
                        L->order[n_in++] = i << 32 | d;
        }
        for (int ep = 1; ep <= epochs; ep++) {
            for (int l = 0; l < n_learners; l++) {
                learner *L = &Ls[l];
                size_t *order = L->order;
                tr.L = L;
                for (size_t i = n_in; i > 1; i--) {
                    size_t j = (size_t)(rng_next(&L->order_rng) % i);
                    size_t t = order[i - 1];
                    order[i - 1] = order[j];
                    order[j] = t;
                }
                for (size_t k = 0; k < n_in; k++) {
                    const ent_corpus *c = &train[order[k] >> 32];
                    ent_doc doc;
                    size_t first;
                    ent_corpus_doc(c, order[k] & 0xffffffffu, &doc, &first);
                    train_doc(&tr, &doc, c->gold + first);
                }
            }
            average(Ls, n_learners, avg, tavg);
            if (!dev_file && !cv_k) {
                fprintf(stderr, "epoch %d done\n", ep);
                if (ep == epochs &&
                    ent_model_save(out, bits, avg, tavg, &tr.gaz, err, sizeof err) < 0)
                    die(err);
                continue;
            }
            ent_model m;
            if (ent_model_quantize(&m, bits, avg, tavg) < 0)
                die("out of memory");
            m.gaz = tr.gaz; /* borrowed */
            if (cv_k) {
                for (size_t i = 0, k = 0; i < (size_t)n_train; i++)
                    for (size_t d = 0; d < train[i].n_docs; d++, k++)
                        if (cv_fold(k, cv_k) == fold) {
                            evaluate_doc(&m, &train[i], d, passes, &cv2[ep]);
                            if (passes > 1)
                                evaluate_doc(&m, &train[i], d, 1, &cv1[ep]);
                        }
                memset(&m.gaz, 0, sizeof m.gaz);
                ent_model_free(&m);
                continue;
            }
            double f1 = evaluate(&m, &dev, passes, NULL);
            double f0 = passes > 1 ? evaluate(&m, &dev, 1, NULL) : f1;
            memset(&m.gaz, 0, sizeof m.gaz);
            ent_model_free(&m);
            fprintf(stderr, "epoch %2d  dev F1 %.2f (first pass %.2f)%s\n", ep, f1, f0,
                    f1 > best ? "  *" : "");
            if (f1 > best) {
                best = f1;
                best_epoch = ep;
                if (ent_model_save(out, bits, avg, tavg, &tr.gaz, err, sizeof err) < 0)
                    die(err);
            }
        }
        if (cv_k)
            fprintf(stderr, "fold %d of %d done\n", fold + 1, cv_k);
    }
    if (cv_k) {
        /* Pooled over the folds, as if one model had tagged all of them. */
        for (int ep = 1; ep <= epochs; ep++) {
            double p, r, f, p1, r1, f1;
            ent_counts_prf(&cv2[ep], -1, &p, &r, &f);
            ent_counts_prf(&cv1[ep], -1, &p1, &r1, &f1);
            printf("cv epoch %2d  P %.2f  R %.2f  F1 %.2f  (first pass F1 %.2f)\n", ep, p, r, f,
                   passes > 1 ? f1 : f);
            if (f > best) {
                best = f;
                best_epoch = ep;
            }
        }
        printf("cv %d folds (document k in fold k mod %d): best epoch %d, F1 %.2f\n", cv_k, cv_k,
               best_epoch, best);
        if (best_epoch > 0)
            ent_counts_print(&cv2[best_epoch], stdout);
    } else if (dev_file)
        fprintf(stderr, "wrote %s from epoch %d (dev F1 %.2f)\n", out, best_epoch, best);
    else
        fprintf(stderr, "wrote %s\n", out);
    free(cv1);
    free(cv2);

    free(avg);
    for (int j = 0; j < n_learners; j++) {
        free(Ls[j].w);
        free(Ls[j].u);
        free(Ls[j].order);
    }
    free(Ls);
    free(tr.prep_mem);
    free(tr.feats);
    free(tr.hfeats);
    free(tr.nfeat);
    free(tr.nhfeat);
    free(tr.emit);
    free(tr.bp);
    free(tr.pred1);
    free(tr.pred2);
    free(tr.hv);
    ent_gaz_free(&tr.gaz);
    for (int i = 0; i < n_train; i++)
        ent_corpus_free(&train[i]);
    if (dev_file)
        ent_corpus_free(&dev);
    return 0;
}
