/*
 * fuzz_reader.c -- the readers (text, Markdown, HTML), their offset map and
 * the tokenizer, on any bytes.  The first byte picks the format, so one
 * corpus reaches all three readers.  Beyond memory errors it checks the
 * promises the rest of the host builds on: the view is NUL-terminated, every
 * token and region lies inside the view in order, and every view offset maps
 * into the original file without going backwards.
 */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "read/reader.h"
#include "text/tokenize.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    static const ann_format formats[] = {ANN_FORMAT_TEXT, ANN_FORMAT_MARKDOWN, ANN_FORMAT_HTML};
    ann_format format = formats[data[0] % 3];
    ann_textdoc td;
    char err[512];
    if (ann_read_memory("fuzz", data + 1, size - 1, format, &td, err, sizeof err) != ANN_OK)
        return 0;
    if (td.view[td.view_len] != '\0')
        abort();
    ann_tokenized tok;
    memset(&tok, 0, sizeof tok);
    if (ann_tokenize(td.view, td.view_len, td.n_blocks ? td.blocks : NULL, td.n_blocks, &tok) ==
        ANN_OK) {
        size_t prev_end = 0;
        for (size_t i = 0; i < tok.n_tokens; i++) {
            const ann_token *t = &tok.tokens[i];
            if (t->start >= t->end || t->end > td.view_len || t->start < prev_end ||
                t->sentence >= tok.n_sentences)
                abort();
            prev_end = t->end;
        }
        for (size_t i = 0; i < tok.n_sentences; i++)
            if (tok.sentences[i].tok_begin > tok.sentences[i].tok_end ||
                tok.sentences[i].tok_end > tok.n_tokens || tok.sentences[i].end > td.view_len)
                abort();
    }
    size_t prev = 0;
    for (size_t off = 0; off <= td.view_len; off++) {
        size_t o = ann_textdoc_to_orig(&td, off, 0);
        size_t e = ann_textdoc_to_orig(&td, off, 1);
        if (o > td.size || e > td.size || o < prev)
            abort();
        prev = o;
    }
    ann_tokenized_free(&tok);
    ann_textdoc_free(&td);
    return 0;
}
