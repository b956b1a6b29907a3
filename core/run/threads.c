/*
 * threads.c -- documents taken in turn by worker threads (see threads.h).
 */
#include "run/threads.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "run/document.h"

typedef struct thr_shared {
    const ann_run_opts *o;
    pthread_mutex_t lock; /* guards next and the collector */
    size_t next;          /* next document to take */
    ann_collect *c;
} thr_shared;

typedef struct thr_worker {
    thr_shared *sh;
    pthread_t thread;
    ann_runner runner;
} thr_worker;

static void *thr_main(void *arg)
{
    thr_worker *w = arg;
    thr_shared *sh = w->sh;
    for (;;) {
        pthread_mutex_lock(&sh->lock);
        size_t i = sh->next < sh->o->n_files ? sh->next++ : (size_t)-1;
        pthread_mutex_unlock(&sh->lock);
        if (i == (size_t)-1)
            break;
        uint64_t before = w->runner.tally.bytes;
        ann_doc_outcome out;
        ann_runner_document(&w->runner, i, NULL, 0, &out);
        char *data = NULL;
        size_t len = 0;
        if ((out.written || sh->o->records) && !sh->o->outdir && w->runner.sink.stream.len > 0)
            data = ann_buf_steal(&w->runner.sink.stream, &len);
        pthread_mutex_lock(&sh->lock);
        ann_collect_document(sh->c, i, out.written, out.n_failed, data, len,
                             w->runner.tally.bytes - before);
        pthread_mutex_unlock(&sh->lock);
    }
    return NULL;
}

int ann_threads_run(const ann_plugin_set *set, const ann_run_opts *o, unsigned jobs, ann_collect *c)
{
    thr_shared sh;
    memset(&sh, 0, sizeof sh);
    sh.o = o;
    sh.c = c;
    pthread_mutex_init(&sh.lock, NULL);
    thr_worker *w = calloc(jobs, sizeof *w);
    int status = w ? 0 : 1;
    unsigned ready = 0;
    for (; status == 0 && ready < jobs; ready++) {
        w[ready].sh = &sh;
        if (ann_runner_init(&w[ready].runner, set, o) != ANN_OK) {
            ann_runner_free(&w[ready].runner);
            status = 1;
            break;
        }
    }
    if (status != 0)
        ann_run_report("out of memory");
    /* The calling thread is worker 0; the others get threads of their own. */
    unsigned started = 0;
    for (unsigned t = 1; status == 0 && t < jobs; t++) {
        if (pthread_create(&w[t].thread, NULL, thr_main, &w[t]) != 0)
            break; /* fewer threads is fine: the rest do the work */
        started = t;
    }
    if (status == 0)
        thr_main(&w[0]);
    for (unsigned t = 1; t <= started; t++)
        pthread_join(w[t].thread, NULL);
    for (unsigned t = 0; t < ready; t++) {
        ann_tally_add(&c->tally, &w[t].runner.tally);
        ann_collect_labels(c, w[t].runner.doc.label_seen);
        ann_runner_free(&w[t].runner);
    }
    free(w);
    pthread_mutex_destroy(&sh.lock);
    return status;
}
