/*
 * ent_conll.h -- reads CoNLL-format NER files (trainer and evaluation only):
 * one token per line, the word in the first column and its BIO label
 * (B-X, I-X or O; IOB1 and IO read right too) in the last; blank lines end
 * sentences and "-DOCSTART-" lines start documents.  Other columns (POS,
 * chunk) are ignored: the plugin never has them.
 */
#ifndef ENT_CONLL_H
#define ENT_CONLL_H

#include <stddef.h>
#include <stdint.h>

#include "ent_feat.h"

typedef struct ent_corpus {
    char *buf;          /* the file, words NUL-terminated in place */
    const char **words; /* n_tokens */
    uint32_t *lens;
    uint8_t *gold; /* BILOU tags */
    size_t n_tokens;
    size_t n_sents;
    uint32_t *sent; /* n_sents + 1 absolute token offsets */
    size_t n_docs;
    size_t *doc_sent; /* document d = sentences [doc_sent[d], doc_sent[d + 1]) */
    uint32_t *rsent;  /* per-document sentence offsets relative to the document */
} ent_corpus;

/* Reads path.  Returns 0, or -1 with a message in err.  Caller frees with
 * ent_corpus_free(). */
int ent_corpus_read(ent_corpus *c, const char *path, char *err, size_t errlen);
void ent_corpus_free(ent_corpus *c);

/* A view of document d; borrowed from c.  Its words are analysed with the
 * program's own host table, ann_host_table.  *first receives the index of
 * its first token in the corpus. */
void ent_corpus_doc(const ent_corpus *c, size_t d, ent_doc *out, size_t *first);

#endif
