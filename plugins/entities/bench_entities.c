/*
 * bench_entities -- speed of the entities plugin through the mock host:
 * tokens per second of annotate() time (tokenisation excluded), on one
 * thread, over every file of a folder; also the model load time and the
 * peak resident memory.
 *
 *   bench_entities [-p 1|2] [-r ROUNDS] [-m MODEL] DIR
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "annotate/plugin.h"
#include "mock/mock_host.h"

const ann_plugin *ann_plugin_entities(void);

static double clock_s(clockid_t id)
{
    struct timespec ts;
    clock_gettime(id, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static double now(void)
{
    return clock_s(CLOCK_MONOTONIC);
}

/* CPU time of this thread: what "one core" means on a shared machine. */
static double cpu(void)
{
    return clock_s(CLOCK_THREAD_CPUTIME_ID);
}

int main(int argc, char **argv)
{
    const char *opts[3] = {"passes=2", NULL, NULL};
    char model_opt[4096];
    int rounds = 1;
    for (int ch; (ch = getopt(argc, argv, "p:r:m:")) != -1;) {
        if (ch == 'p')
            opts[0] = atoi(optarg) == 1 ? "passes=1" : "passes=2";
        else if (ch == 'm') {
            snprintf(model_opt, sizeof model_opt, "model=%s", optarg);
            opts[1] = model_opt;
        } else if (ch == 'r')
            rounds = atoi(optarg) > 0 ? atoi(optarg) : 1;
        else {
            fputs("usage: bench_entities [-p 1|2] [-r ROUNDS] [-m MODEL] DIR\n", stderr);
            return 2;
        }
    }
    if (optind >= argc) {
        fputs("usage: bench_entities [-p 1|2] [-r ROUNDS] [-m MODEL] DIR\n", stderr);
        return 2;
    }
    const char *dir = argv[optind];
    double t0 = now();
    mock_plugin *p =
        mock_plugin_open(ann_plugin_entities(), opts, ANN_ABS_SRCDIR "/plugins/entities");
    if (!p) {
        fprintf(stderr, "bench_entities: %s\n", mock_last_error());
        return 1;
    }
    double load = now() - t0;

    DIR *d = opendir(dir);
    if (!d) {
        fprintf(stderr, "bench_entities: cannot open %s (no bench documents: skipped)\n", dir);
        mock_plugin_close(p);
        return 0;
    }
    size_t files = 0, tokens = 0, spans = 0, bytes = 0;
    double busy = 0, busy_cpu = 0;
    for (struct dirent *e; (e = readdir(d));) {
        if (e->d_name[0] == '.')
            continue;
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        char *text = mock_read_file(path, NULL);
        if (!text)
            continue;
        mock_doc *doc = mock_doc_new(text);
        if (!doc) {
            free(text);
            continue;
        }
        size_t n, ns;
        mock_doc_tokens(doc, &n);
        for (int r = 0; r < rounds; r++) {
            double t1 = now(), c1 = cpu();
            if (mock_doc_run(doc, p) != ANN_OK)
                fprintf(stderr, "bench_entities: %s: %s\n", path, mock_last_error());
            busy += now() - t1;
            busy_cpu += cpu() - c1;
            tokens += n;
        }
        mock_doc_spans(doc, "entities", &ns);
        spans += ns;
        bytes += strlen(text);
        files++;
        mock_doc_free(doc);
        free(text);
    }
    closedir(d);
    mock_plugin_close(p);
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("entities (%s): %zu files, %.1f MB, %zu tokens x %d, %zu entities\n", opts[0], files,
           (double)bytes / 1e6, tokens / (size_t)rounds, rounds, spans);
    printf(
        "entities: model load %.1f ms; annotate %.3f s CPU (%.3f s wall) = %.2f M tokens per CPU second "
        "(%.2f M/s wall) on one thread; peak RSS %.1f MB\n",
        load * 1e3, busy_cpu, busy, busy_cpu > 0 ? (double)tokens / busy_cpu / 1e6 : 0.0,
        busy > 0 ? (double)tokens / busy / 1e6 : 0.0, (double)ru.ru_maxrss / 1024.0);
    return 0;
}
