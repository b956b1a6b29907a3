/*
 * fuzz_view.c -- the loader behind `annotate view` and `annotate stats` on
 * any bytes as an .ann.json file.  The loader reads a path, so each input is
 * written to one temporary file first.  It is loaded without the document:
 * the document side (paths the file names) is the view tests' job, and a
 * fuzzer must not be steered into opening files of the machine.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fuzz.h"
#include "view/load.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* One file per process, reused for every input; the PID keeps two
     * fuzzing jobs apart. */
    char path[64];
    snprintf(path, sizeof path, "/tmp/ann-fuzz-view-%ld.ann.json", (long)getpid());
    FILE *f = fopen(path, "wb");
    if (!f)
        abort();
    if (size && fwrite(data, 1, size, f) != size)
        abort();
    if (fclose(f) != 0)
        abort();
    ann_loaded *l = NULL;
    char err[1024];
    if (ann_load(path, 0, &l, err, sizeof err) == ANN_OK) {
        const ann_result *r = ann_loaded_result(l);
        for (size_t i = 0; i < r->n_spans; i++)
            (void)ann_loaded_span_text(l, i);
        ann_loaded_free(l);
    }
    unlink(path);
    return 0;
}
