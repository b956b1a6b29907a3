/*
 * entities-eval -- CoNLL entity-level evaluation of the entities tagger:
 * precision, recall and F1 per label and overall (exact span and label), on
 * each CoNLL file given.
 *
 *   entities-eval [-m MODEL] [-p 1|2] [-o OUT] FILE...
 *
 * -o writes "word gold predicted" lines (BIO, conlleval's input) to OUT.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "ent_conll.h"
#include "ent_model.h"
#include "ent_score.h"
#include "ent_tagger.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* A BILOU tag as BIO ("B-PER", "I-ORG", "O") in buf. */
static const char *bio(uint8_t tag, char *buf)
{
    if (!tag)
        return "O";
    int pos = ent_tag_pos(tag);
    snprintf(buf, 8, "%c-%s", pos == ENT_B || pos == ENT_U ? 'B' : 'I',
             ent_type_names[ent_tag_type(tag)]);
    return buf;
}

int main(int argc, char **argv)
{
    const char *model_path = ANN_ABS_SRCDIR "/plugins/entities/entities.model";
    int passes = 2, rc = 0;
    FILE *out = NULL;
    char err[1024];
    for (int ch; (ch = getopt(argc, argv, "m:p:o:h")) != -1;) {
        switch (ch) {
        case 'm':
            model_path = optarg;
            break;
        case 'o':
            if (!(out = fopen(optarg, "w"))) {
                perror(optarg);
                return 1;
            }
            break;
        case 'p':
            passes = atoi(optarg) == 1 ? 1 : 2;
            break;
        default:
            fputs("usage: entities-eval [-m MODEL] [-p 1|2] [-o OUT] CONLL-FILE...\n", stderr);
            return 2;
        }
    }
    if (optind >= argc) {
        fputs("usage: entities-eval [-m MODEL] [-p 1|2] [-o OUT] CONLL-FILE...\n", stderr);
        return 2;
    }
    ent_model m;
    double t0 = now();
    if (ent_model_load(&m, model_path, err, sizeof err) < 0) {
        fprintf(stderr, "entities-eval: %s\n", err);
        return 1;
    }
    printf("model %s loaded in %.1f ms\n", model_path, (now() - t0) * 1e3);
    /* Tags as the plugin does, with the weights cache (the same tags). */
    ent_cache *cache = ent_cache_new(&m, 14);
    if (!cache) {
        fprintf(stderr, "entities-eval: out of memory\n");
        return 1;
    }
    for (int a = optind; a < argc; a++) {
        ent_corpus c;
        ent_counts cnt;
        memset(&cnt, 0, sizeof cnt);
        if (ent_corpus_read(&c, argv[a], err, sizeof err) < 0) {
            fprintf(stderr, "entities-eval: %s\n", err);
            rc = 1;
            continue;
        }
        double tag_time = 0;
        for (size_t d = 0; d < c.n_docs; d++) {
            ent_doc doc;
            size_t first;
            ent_corpus_doc(&c, d, &doc, &first);
            void *work = malloc(ent_tag_work_size(&doc));
            uint8_t *tags = malloc(doc.n_tokens + 1);
            if (!work || !tags) {
                fprintf(stderr, "entities-eval: out of memory\n");
                return 1;
            }
            double t1 = now();
            ent_tag_doc_cached(&m, cache, &doc, passes, work, tags);
            tag_time += now() - t1;
            for (size_t s = 0; s < doc.n_sents; s++) {
                ent_counts_add(&cnt, c.gold + first + doc.sent[s], tags + doc.sent[s],
                               doc.sent[s + 1] - doc.sent[s]);
                for (size_t i = doc.sent[s]; out && i < doc.sent[s + 1]; i++) {
                    char g[8], p[8];
                    fprintf(out, "%s %s %s\n", doc.text[i], bio(c.gold[first + i], g),
                            bio(tags[i], p));
                }
                if (out)
                    fputc('\n', out);
            }
            free(work);
            free(tags);
        }
        printf("\n%s: %zu documents, %zu tokens, %d pass%s, %.2f M tokens/s\n", argv[a], c.n_docs,
               c.n_tokens, passes, passes > 1 ? "es" : "",
               tag_time > 0 ? (double)c.n_tokens / tag_time / 1e6 : 0.0);
        ent_counts_print(&cnt, stdout);
        ent_corpus_free(&c);
    }
    ent_cache_free(cache);
    ent_model_free(&m);
    if (out)
        fclose(out);
    return rc;
}
