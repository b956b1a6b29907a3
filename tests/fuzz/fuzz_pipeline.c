/*
 * fuzz_pipeline.c -- one document through the whole host with every shipped
 * plugin: reader, tokenizer, each plugin's annotate(), the span checks, the
 * merge and every writer.  The first byte picks the format, as in
 * fuzz_reader.c.  The plugins come from the build tree, loaded the way
 * `annotate` loads them.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "load/loader.h"
#include "read/reader.h"
#include "run/doc.h"
#include "text/tokenize.h"
#include "util/buf.h"
#include "write/sink.h"
#include "write/writer.h"

/* Loading and opening the plugins (the entities model alone takes tens of
 * milliseconds) once per process, not per input, is what makes the target
 * fast enough to fuzz; the fuzzer runs inputs one after another on one
 * thread, so this lazily built state is never shared between threads. */
typedef struct fuzz_env {
    int ready;
    ann_strlist path;
    ann_plugin_set set;
    ann_doc doc;
} fuzz_env;

static fuzz_env *env_get(void)
{
    static fuzz_env env;
    if (env.ready)
        return &env;
    char err[2048] = "";
    if (ann_search_path(NULL, 0, &env.path) != 0 ||
        ann_select_plugins(&env.path, "numbers,dates,entities,quotes,example", &env.set, err,
                           sizeof err) != ANN_OK ||
        ann_open_plugins(&env.set, &ann_host_table, err, sizeof err) != ANN_OK ||
        ann_doc_init(&env.doc, &env.set) != ANN_OK) {
        fprintf(stderr, "fuzz_pipeline: cannot set up the plugins: %s\n", err);
        abort();
    }
    /* Refused spans are expected on hostile input; keep stderr quiet. */
    static ann_buf log = ANN_BUF_INIT;
    env.doc.log = &log;
    env.ready = 1;
    return &env;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    fuzz_env *e = env_get();
    static const ann_format formats[] = {ANN_FORMAT_TEXT, ANN_FORMAT_MARKDOWN, ANN_FORMAT_HTML};
    ann_textdoc td;
    char err[512];
    if (ann_read_memory("fuzz", data + 1, size - 1, formats[data[0] % 3], &td, err, sizeof err) !=
        ANN_OK)
        return 0;
    ann_tokenized tok;
    memset(&tok, 0, sizeof tok);
    if (ann_tokenize(td.view, td.view_len, td.n_blocks ? td.blocks : NULL, td.n_blocks, &tok) !=
        ANN_OK) {
        ann_textdoc_free(&td);
        return 0;
    }
    ann_doc_begin(&e->doc, "fuzz.txt", &td, &tok, "2023-02-07");
    for (size_t p = 0; p < e->set.n; p++)
        ann_doc_run_plugin(&e->doc, p);
    ann_result res;
    if (ann_doc_result(&e->doc, ANN_MERGE_DEFAULT, &res) == ANN_OK) {
        for (const ann_writer *w = ann_writer_list(); w && w->name; w++) {
            ann_sink sink;
            ann_sink_init(&sink, NULL);
            ann_sink_begin(&sink, "fuzz.txt");
            w->write(&res, &sink);
            ann_sink_free(&sink);
        }
    }
    ann_buf_free(e->doc.log);
    ann_doc_end(&e->doc);
    ann_tokenized_free(&tok);
    ann_textdoc_free(&td);
    return 0;
}
