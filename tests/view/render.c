/*
 * render.c -- test driver: reads a .ann.json fixture and runs one writer
 * over it, writing the files into a folder, so the shell test can compare
 * them with the golden files.
 *
 *     render WRITER FIXTURE.ann.json OUTDIR
 *
 * It links the writers directly with the test sink (test_sink.c).  Results read from JSON have no tokens, so for
 * `conll` a deliberately simple tokenizer stands in for the real one: words
 * are runs of letters, digits and non-ASCII letters (with inner . , -
 * before an ASCII letter or digit), ’s after a word is a token, every other
 * character is a token of its own, and a sentence ends after . ! ? before white
 * space, or at a blank line.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test_sink.h"
#include "read/reader.h"
#include "view/load.h"
#include "write/writer.h"

extern const ann_writer ann_writer_brat, ann_writer_conll, ann_writer_timeml, ann_writer_html,
    ann_writer_text;

static int is_word_byte(unsigned char c)
{
    /* Non-ASCII counts as a letter; punct_len() catches the punctuation the
     * corpus uses first: curly quotes (E2 80 98..9D), dashes (E2 80 93/94). */
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

static size_t punct_len(const unsigned char *s, size_t i, size_t len)
{
    if (i + 2 < len && s[i] == 0xE2 && s[i + 1] == 0x80 &&
        (s[i + 2] == 0x93 || s[i + 2] == 0x94 || (s[i + 2] >= 0x98 && s[i + 2] <= 0x9D)))
        return 3;
    if (i + 1 < len && s[i] == 0xE2 && s[i + 1] == 0x82)
        return 3; /* € */
    return 0;
}

static ann_out_token *tokenize(const unsigned char *s, size_t len, size_t *n)
{
    ann_out_token *t = calloc(len + 1, sizeof *t);
    uint32_t sentence = 0;
    int end_sentence = 0;
    size_t i = 0;
    *n = 0;
    while (t && i < len) {
        if (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n') {
            if (s[i] == '\n' && i + 1 < len && s[i + 1] == '\n' && *n > 0)
                end_sentence = 1;
            i++;
            continue;
        }
        if (end_sentence) {
            sentence++;
            end_sentence = 0;
        }
        size_t start = i, p = punct_len(s, i, len);
        if (p) {
            i += p;
            /* ’s, ’re after a word stay one token, as in CoNLL-2003. */
            if (s[start + 2] == 0x99 && start > 0 && is_word_byte(s[start - 1]))
                while (i < len && s[i] < 0x80 && is_word_byte(s[i]))
                    i++;
        } else if (is_word_byte(s[i])) {
            while (
                i < len && !punct_len(s, i, len) &&
                (is_word_byte(s[i]) || ((s[i] == '.' || s[i] == ',' || s[i] == '-') &&
                                        i + 1 < len && s[i + 1] < 0x80 && is_word_byte(s[i + 1]))))
                i++;
        } else {
            i++;
        }
        ann_out_token *k = &t[(*n)++];
        k->start = start;
        k->end = i;
        k->sentence = sentence;
        if (i - start == 1 && (s[start] == '.' || s[start] == '!' || s[start] == '?') &&
            (i == len || s[i] == ' ' || s[i] == '\n'))
            end_sentence = 1;
    }
    return t;
}

int main(int argc, char **argv)
{
    if (argc != 4) {
        fputs("usage: render WRITER FIXTURE.ann.json OUTDIR\n", stderr);
        return 2;
    }
    const ann_writer *const all[] = {&ann_writer_brat, &ann_writer_conll, &ann_writer_timeml,
                                     &ann_writer_html, &ann_writer_text};
    const ann_writer *w = NULL;
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
        if (strcmp(all[i]->name, argv[1]) == 0)
            w = all[i];
    if (!w) {
        fprintf(stderr, "render: no writer %s\n", argv[1]);
        return 2;
    }
    char err[512];
    ann_loaded *l;
    if (ann_load(argv[2], ANN_LOAD_DOCUMENT, &l, err, sizeof err) != ANN_OK) {
        fprintf(stderr, "render: %s\n", err);
        return 1;
    }
    ann_result r = *ann_loaded_result(l);
    /* The document's text view, as the run loop and `view` have it; the
     * tokens are found in the view and mapped back to the file, as the run
     * loop does. */
    ann_textdoc td;
    if (ann_read_memory(r.path, r.bytes, r.size, ann_format_of_reader(r.reader), &td, err,
                        sizeof err) != ANN_OK) {
        fprintf(stderr, "render: %s\n", err);
        ann_loaded_free(l);
        return 1;
    }
    r.source = &td;
    ann_out_token *tokens = tokenize((const unsigned char *)td.view, td.view_len, &r.n_tokens);
    for (size_t t = 0; tokens && t < r.n_tokens; t++) {
        tokens[t].start = ann_textdoc_to_orig(&td, tokens[t].start, 0);
        tokens[t].end = ann_textdoc_to_orig(&td, tokens[t].end, 1);
    }
    r.tokens = tokens;

    ann_sink sink;
    test_sink_init(&sink, argv[3], r.path);

    int rc = w->write(&r, &sink);
    if (rc == ANN_OK && w->finish) {
        ann_label_decl *decl = calloc(r.n_spans + 1, sizeof *decl);
        size_t n = 0;
        for (size_t i = 0; decl && i < r.n_spans; i++) {
            int seen = 0;
            for (size_t k = 0; k < n && !seen; k++)
                seen = !strcmp(decl[k].layer, r.spans[i].layer) &&
                       !strcmp(decl[k].label, r.spans[i].label);
            if (!seen)
                decl[n++] = (ann_label_decl){r.spans[i].layer, r.spans[i].label};
        }
        rc = decl ? w->finish(decl, n, &sink) : ANN_ENOMEM;
        free(decl);
    }
    free(tokens);
    ann_textdoc_free(&td);
    ann_loaded_free(l);
    if (rc != ANN_OK)
        fprintf(stderr, "render: writer %s failed (%d)\n", w->name, rc);
    return rc == ANN_OK ? 0 : 1;
}
