/*
 * bench_quotes.c -- throughput of the quotes plugin through the mock host.
 *
 *     bench_quotes DIR [PASSES]
 *
 * Reads every regular file of DIR, and for each one builds a mock document
 * (tokenizing is the host's work and is not timed), then times only
 * mock_doc_run() of the quotes plugin, on this thread's CPU clock.  There is
 * no entities layer, so the time is the plugin's own, including the
 * attribution fallback that looks for names itself.  Prints MB/s.
 *
 * Then two hostile texts, written here, each at two sizes 8 times apart;
 * the MB/s of both sizes should be about the same (linear work), not 8
 * times lower for the larger one:
 *   - a story of lines of "the count said" after lines naming Count Orlak:
 *     the lower-case title is looked up per quotation (qt_roles.c);
 *   - lines of Zorp told them the plan was "...," he said, with Zorp a PER
 *     span as the entities layer would give: "he" goes to Zorp, whose gender
 *     is looked up among the earlier quotations on every line (qt_spoken.c).
 *     A line "Yes." after each makes it a story, where the speaker is the
 *     mention as written: in news a fuller name is looked up in a window
 *     of the text for every line, a linear cost that hides this one.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "mock_host.h"

const ann_plugin *ann_plugin_quotes(void);

static double now_cpu(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* MB/s of the plugin on `lines` repetitions of `line`, with a PER span on
 * its first `per` bytes in each (0: none). */
static double hostile_rate(mock_plugin *p, const char *line, size_t per, size_t lines,
                           size_t *bytes)
{
    size_t n = strlen(line);
    char *text = malloc(lines * n + 1);
    if (!text)
        return 0;
    for (size_t k = 0; k < lines; k++)
        memcpy(text + k * n, line, n);
    text[lines * n] = '\0';
    *bytes = lines * n;
    mock_doc *d = mock_doc_new_len(text, lines * n);
    double secs = 0;
    for (size_t k = 0; d && per > 0 && k < lines; k++)
        mock_doc_add_span(d, "entities", (uint32_t)(k * n), (uint32_t)(k * n + per), "PER");
    if (d) {
        double t0 = now_cpu();
        mock_doc_run(d, p);
        secs = now_cpu() - t0;
        mock_doc_free(d);
    }
    free(text);
    return secs > 0 ? (double)*bytes / 1e6 / secs : 0.0;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: bench_quotes DIR [PASSES]\n");
        return 2;
    }
    int passes = argc > 2 ? atoi(argv[2]) : 1;
    if (passes < 1)
        passes = 1;
    DIR *dir = opendir(argv[1]);
    if (!dir) {
        perror(argv[1]);
        return 2;
    }
    mock_plugin *p = mock_plugin_open(ann_plugin_quotes(), NULL, NULL);
    if (!p) {
        fprintf(stderr, "bench_quotes: %s\n", mock_last_error());
        closedir(dir);
        return 1;
    }
    size_t bytes = 0, docs = 0, quotes = 0;
    double secs = 0;
    struct dirent *e;
    char path[4096];
    while ((e = readdir(dir)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        snprintf(path, sizeof path, "%s/%s", argv[1], e->d_name);
        size_t len;
        char *text = mock_read_file(path, &len);
        if (!text)
            continue;
        mock_doc *d = mock_doc_new_len(text, len);
        if (d) {
            for (int k = 0; k < passes; k++) {
                double t0 = now_cpu();
                mock_doc_run(d, p);
                secs += now_cpu() - t0;
                bytes += len;
            }
            size_t n;
            mock_doc_spans(d, "quotes", &n);
            quotes += n / (size_t)passes; /* each run adds its spans again */
            docs++;
            mock_doc_free(d);
        }
        free(text);
    }
    closedir(dir);
    printf("quotes: %zu documents, %.1f MB x %d passes, %zu quotes, %.3f s CPU, %.1f MB/s\n", docs,
           (double)bytes / passes / 1e6, passes, quotes, secs,
           secs > 0 ? (double)bytes / 1e6 / secs : 0.0);
    static const struct {
        const char *name, *line;
        size_t per;
    } hostile[] = {
        {"\"the count said\" story", "Count Orlak came in.\n\n\"Yes,\" said the count.\n\n", 0},
        {"\"he said\" of a name without gender",
         "Zorp told them the plan was \"a disaster,\" he said.\n\n\"Yes.\"\n\n", 4},
    };
    for (size_t k = 0; k < sizeof hostile / sizeof *hostile; k++) {
        size_t small_bytes, large_bytes;
        double small = hostile_rate(p, hostile[k].line, hostile[k].per, 4000, &small_bytes),
               large = hostile_rate(p, hostile[k].line, hostile[k].per, 32000, &large_bytes);
        printf("quotes, hostile %s: %.2f MB at %.1f MB/s, %.2f MB at %.1f MB/s "
               "(ratio %.2f; linear: about 1)\n",
               hostile[k].name, (double)small_bytes / 1e6, small, (double)large_bytes / 1e6, large,
               small > 0 ? large / small : 0.0);
    }
    mock_plugin_close(p);
    return 0;
}
