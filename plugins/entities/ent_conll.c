/* ent_conll.c -- see ent_conll.h. */
#include "ent_conll.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ent_decode.h"
#include "run/host.h"

void ent_corpus_free(ent_corpus *c)
{
    free(c->buf);
    free(c->words);
    free(c->lens);
    free(c->gold);
    free(c->sent);
    free(c->doc_sent);
    free(c->rsent);
    memset(c, 0, sizeof *c);
}

static char *slurp(const char *path, size_t *len, char *err, size_t errlen)
{
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    long size;
    if (!f) {
        snprintf(err, errlen, "cannot open %s: %s", path, strerror(errno));
        return NULL;
    }
    if (fseek(f, 0, SEEK_END) == 0 && (size = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0 &&
        (buf = malloc((size_t)size + 1)) && fread(buf, 1, (size_t)size, f) == (size_t)size) {
        buf[size] = '\0';
        *len = (size_t)size;
    } else {
        snprintf(err, errlen, "cannot read %s", path);
        free(buf);
        buf = NULL;
    }
    fclose(f);
    return buf;
}

int ent_corpus_read(ent_corpus *c, const char *path, char *err, size_t errlen)
{
    size_t len, lines = 1;
    memset(c, 0, sizeof *c);
    if (!(c->buf = slurp(path, &len, err, errlen)))
        return -1;
    for (size_t i = 0; i < len; i++)
        lines += c->buf[i] == '\n';

    int *types = malloc(lines * sizeof *types);
    uint8_t *begins = malloc(lines);
    c->words = malloc(lines * sizeof *c->words);
    c->lens = malloc(lines * sizeof *c->lens);
    c->gold = malloc(lines);
    c->sent = malloc((lines + 2) * sizeof *c->sent);
    c->doc_sent = malloc((lines + 2) * sizeof *c->doc_sent);
    if (!types || !begins || !c->words || !c->lens || !c->gold || !c->sent || !c->doc_sent) {
        snprintf(err, errlen, "out of memory reading %s", path);
        goto fail;
    }

    size_t nt = 0, ns = 0, nd = 0, sent_begin = 0;
    int doc_open = 0;
    char *line = c->buf;
    while (line && *line) {
        char *nl = strchr(line, '\n');
        if (nl)
            *nl = '\0';
        size_t ll = strlen(line);
        if (ll && line[ll - 1] == '\r')
            line[--ll] = '\0';
        char *cols[16];
        int nc = 0;
        for (char *save = NULL, *t = strtok_r(line, " \t", &save); t && nc < 16;
             t = strtok_r(NULL, " \t", &save))
            cols[nc++] = t;
        int docstart = nc > 0 && strcmp(cols[0], "-DOCSTART-") == 0;
        if (nc == 0 || docstart) {
            if (nt > sent_begin) {
                if (!doc_open) {
                    c->doc_sent[nd++] = ns;
                    doc_open = 1;
                }
                c->sent[ns++] = (uint32_t)sent_begin;
                sent_begin = nt;
            }
            if (docstart)
                doc_open = 0;
        } else {
            const char *tag = nc > 1 ? cols[nc - 1] : NULL;
            c->words[nt] = cols[0];
            c->lens[nt] = (uint32_t)strlen(cols[0]);
            types[nt] = -1;
            begins[nt] = 0;
            if (tag && strlen(tag) > 2 &&
                (tag[0] == 'B' || tag[0] == 'I' || tag[0] == 'S' || tag[0] == 'E' ||
                 tag[0] == 'U' || tag[0] == 'L') &&
                tag[1] == '-') {
                types[nt] = ent_type_parse(tag + 2, strlen(tag + 2));
                begins[nt] = tag[0] == 'B' || tag[0] == 'S' || tag[0] == 'U';
            }
            nt++;
        }
        line = nl ? nl + 1 : NULL;
    }
    if (nt > sent_begin) {
        if (!doc_open)
            c->doc_sent[nd++] = ns;
        c->sent[ns++] = (uint32_t)sent_begin;
    }
    c->sent[ns] = (uint32_t)nt;
    c->doc_sent[nd] = ns;
    c->n_tokens = nt;
    c->n_sents = ns;
    c->n_docs = nd;
    /* Converted per sentence: an entity never crosses a sentence break. */
    for (size_t s = 0; s < ns; s++) {
        size_t b = c->sent[s], e = c->sent[s + 1];
        ent_tags_from_bio(types + b, begins + b, e - b, c->gold + b);
    }
    c->rsent = malloc((ns + nd + 1) * sizeof *c->rsent);
    if (!c->rsent) {
        snprintf(err, errlen, "out of memory reading %s", path);
        goto fail;
    }
    for (size_t d = 0; d < nd; d++) {
        uint32_t *r = c->rsent + c->doc_sent[d] + d;
        uint32_t base = c->sent[c->doc_sent[d]];
        for (size_t s = c->doc_sent[d]; s <= c->doc_sent[d + 1]; s++)
            r[s - c->doc_sent[d]] = c->sent[s] - base;
    }
    free(types);
    free(begins);
    return 0;
fail:
    free(types);
    free(begins);
    ent_corpus_free(c);
    return -1;
}

void ent_corpus_doc(const ent_corpus *c, size_t d, ent_doc *out, size_t *first)
{
    size_t s0 = c->doc_sent[d], s1 = c->doc_sent[d + 1];
    size_t t0 = c->sent[s0];
    out->n_tokens = c->sent[s1] - t0;
    out->text = c->words + t0;
    out->len = c->lens + t0;
    out->n_sents = s1 - s0;
    out->sent = c->rsent + s0 + d;
    out->host = &ann_host_table; /* the tools analyse words as the plugin does in annotate */
    out->lex = NULL;
    if (first)
        *first = t0;
}
