/*
 * entities-tag -- prints a text file as the entities tagger sees it: one
 * token per line with its BILOU tag, sentences separated by blank lines
 * (tokens from the shared tokenizer, as in the plugin).  For looking into
 * errors on running text.
 *
 *   entities-tag [-m MODEL] [-p 1|2] FILE.txt
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ent_model.h"
#include "ent_tagger.h"
#include "read/reader.h"
#include "run/host.h"
#include "text/tokenize.h"

int main(int argc, char **argv)
{
    const char *model_path = ANN_ABS_SRCDIR "/plugins/entities/entities.model";
    int passes = 2;
    char err[1024];
    for (int ch; (ch = getopt(argc, argv, "m:p:")) != -1;) {
        if (ch == 'm')
            model_path = optarg;
        else if (ch == 'p')
            passes = atoi(optarg) == 1 ? 1 : 2;
        else
            return 2;
    }
    if (optind >= argc) {
        fputs("usage: entities-tag [-m MODEL] [-p 1|2] FILE.txt\n", stderr);
        return 2;
    }
    ann_textdoc doc;
    if (ann_read_file(argv[optind], ANN_FORMAT_TEXT, &doc, err, sizeof err) != ANN_OK) {
        fprintf(stderr, "entities-tag: %s\n", err);
        return 1;
    }
    const char *text = doc.view;
    ent_model m;
    if (ent_model_load(&m, model_path, err, sizeof err) < 0) {
        fprintf(stderr, "entities-tag: %s\n", err);
        ann_textdoc_free(&doc);
        return 1;
    }
    ann_tokenized t;
    if (ann_tokenize(text, doc.view_len, NULL, 0, &t) != ANN_OK)
        return 1;
    size_t n = t.n_tokens, ns = 0;
    const char **words = calloc(n + 1, sizeof *words);
    uint32_t *lens = calloc(n + 1, sizeof *lens), *sent = calloc(n + 2, sizeof *sent);
    uint8_t *tags = calloc(n + 1, 1);
    for (size_t i = 0; i < n; i++) {
        words[i] = text + t.tokens[i].start;
        lens[i] = t.tokens[i].end - t.tokens[i].start;
        if (i == 0 || t.tokens[i].sentence != t.tokens[i - 1].sentence)
            sent[ns++] = (uint32_t)i;
    }
    sent[ns] = (uint32_t)n;
    ent_doc d = {n, words, lens, ns, sent, &ann_host_table, NULL};
    void *work = malloc(ent_tag_work_size(&d));
    ent_tag_doc(&m, &d, passes, work, tags);
    static const char pos[] = "BILU";
    for (size_t s = 0; s < ns; s++) {
        for (size_t i = sent[s]; i < sent[s + 1]; i++) {
            if (tags[i])
                printf("%.*s %c-%s\n", (int)lens[i], words[i], pos[ent_tag_pos(tags[i])],
                       ent_type_names[ent_tag_type(tags[i])]);
            else
                printf("%.*s O\n", (int)lens[i], words[i]);
        }
        printf("\n");
    }
    free(work);
    free(words);
    free(lens);
    free(sent);
    free(tags);
    ann_tokenized_free(&t);
    ent_model_free(&m);
    ann_textdoc_free(&doc);
    return 0;
}
