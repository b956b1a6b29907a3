/*
 * bench_dates.c -- throughput of the dates plugin's annotate() on one core.
 *
 *     bench_dates [DIR]     (default: ../shared/bench/docs beside the source tree)
 *
 * Loads every regular file of DIR into mock documents first (the shared
 * tokenizer runs there, outside the timing), then times annotate() alone
 * over all of them and prints MB/s.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "annotate/plugin.h"
#include "mock/mock_host.h"

const ann_plugin *ann_plugin_dates(void);

int main(int argc, char **argv)
{
    const char *dir = argc > 1 ? argv[1] : ANN_ABS_SRCDIR "/../shared/bench/docs";
    DIR *dh = opendir(dir);
    if (!dh) {
        fprintf(stderr, "bench_dates: cannot open %s\n", dir);
        return 1;
    }
    mock_plugin *p = mock_plugin_open(ann_plugin_dates(), NULL, NULL);
    if (!p) {
        fprintf(stderr, "bench_dates: %s\n", mock_last_error());
        closedir(dh);
        return 1;
    }
    size_t cap = 256, nd = 0, bytes = 0;
    mock_doc **docs = malloc(cap * sizeof *docs);
    if (!docs) {
        closedir(dh);
        mock_plugin_close(p);
        return 1;
    }
    struct dirent *de;
    while ((de = readdir(dh))) {
        if (de->d_name[0] == '.')
            continue;
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
        size_t len;
        char *text = mock_read_file(path, &len);
        if (!text)
            continue;
        mock_doc *d = mock_doc_new_len(text, len);
        free(text);
        if (!d)
            continue;
        if (nd == cap) {
            cap *= 2;
            mock_doc **nb = realloc(docs, cap * sizeof *docs);
            if (!nb)
                break;
            docs = nb;
        }
        docs[nd++] = d;
        bytes += len;
    }
    closedir(dh);
    /* CPU time of this thread: the machine is shared, wall time is not ours */
    struct timespec t0, t1, w0, w1;
    size_t spans = 0;
    /* page faults in the timed loop: fresh pages for large token arrays
     * cost the kernel's page clearing, not the plugin's code */
    struct rusage ru0, ru1;
    getrusage(RUSAGE_SELF, &ru0);
    clock_gettime(CLOCK_MONOTONIC, &w0);
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t0);
    for (size_t i = 0; i < nd; i++) {
        mock_doc_run(docs[i], p);
        size_t n;
        mock_doc_spans(docs[i], "dates", &n);
        spans += n;
    }
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t1);
    clock_gettime(CLOCK_MONOTONIC, &w1);
    getrusage(RUSAGE_SELF, &ru1);
    double s = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    double w = (double)(w1.tv_sec - w0.tv_sec) + (double)(w1.tv_nsec - w0.tv_nsec) / 1e9;
    printf(
        "dates: %zu documents, %.1f MB, %zu spans, annotate() %.3f s CPU (%.3f s wall), %.1f MB/s of CPU time"
        " (%ld minor page faults)\n",
        nd, (double)bytes / 1e6, spans, s, w, s > 0 ? (double)bytes / 1e6 / s : 0.0,
        ru1.ru_minflt - ru0.ru_minflt);
    for (size_t i = 0; i < nd; i++)
        mock_doc_free(docs[i]);
    free(docs);
    mock_plugin_close(p);
    return 0;
}
