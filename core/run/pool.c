/*
 * pool.c -- the parent's bookkeeping of the worker processes (see pool.h).
 */
#include "run/pool.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "run/document.h"
#include "run/wire.h"
#include "run/worker.h"

/* Documents handed to a worker ahead: the one it works on and the next
 * ones, so it never waits for the parent between two documents even when
 * the parent is slow to be scheduled on a busy machine. */
#define POOL_DEPTH 4

typedef struct pool_worker {
    pid_t pid;                /* 0: no process in this slot */
    int job_fd;               /* socket to the worker (send with MSG_NOSIGNAL) */
    int result_fd;            /* pipe from the worker */
    size_t queue[POOL_DEPTH]; /* documents sent, oldest first: queue[0] is in hand */
    size_t n_queued;
    double started; /* when queue[0] was started, as far as we know */
    int retiring;   /* said it exits after its last result */
} pool_worker;

/* A document that failed a plugin in an earlier attempt. */
typedef struct pool_doc {
    ann_layer_failure *skip; /* owned, NULL until the first failure */
    uint32_t n_skip;
    int done;     /* finished, written or not */
    double limit; /* seconds it may take; 0 until first asked (doc_limit) */
} pool_doc;

typedef struct pool {
    const ann_plugin_set *set;
    const ann_run_opts *o;
    ann_collect *c;
    size_t max_memory;
    pool_worker *w;
    unsigned n_workers;
    atomic_int *running; /* shared with the workers: one slot each */
    atomic_int *near_limit; /* the same page, after running: one slot each
                               (memguard.h) */
    pool_doc *docs;      /* n_files */
    size_t next_fresh;   /* next document never handed out */
    size_t *redo;        /* stack of documents to hand out again, first */
    size_t n_redo;
    size_t remaining; /* documents not finished */
    /* A result's fixed part (wire.h) as read, and its arrays copied out
     * (seen points into msg). */
    char *msg;
    size_t msg_len;
    double *sec;
    uint64_t *spans;
    const unsigned char *seen;
} pool;

const char *ann_signal_name(int sig, char *buf, size_t len)
{
    static const struct {
        int sig;
        const char *name;
    } names[] = {
        {SIGSEGV, "SIGSEGV"}, {SIGABRT, "SIGABRT"}, {SIGBUS, "SIGBUS"},   {SIGFPE, "SIGFPE"},
        {SIGILL, "SIGILL"},   {SIGKILL, "SIGKILL"}, {SIGTERM, "SIGTERM"}, {SIGTRAP, "SIGTRAP"},
        {SIGSYS, "SIGSYS"},   {SIGXCPU, "SIGXCPU"}, {SIGXFSZ, "SIGXFSZ"}, {SIGPIPE, "SIGPIPE"},
        {SIGINT, "SIGINT"},   {SIGHUP, "SIGHUP"},
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (names[i].sig == sig)
            return names[i].name;
    snprintf(buf, len, "signal %d", sig);
    return buf;
}

static int work_left(const pool *p)
{
    return p->n_redo > 0 || p->next_fresh < p->o->n_files;
}

static size_t take_work(pool *p)
{
    if (p->n_redo > 0)
        return p->redo[--p->n_redo];
    return p->next_fresh++;
}

/* Documents go back in front of the queue; pushed newest first so the
 * oldest comes out first (streaming waits for it). */
static void give_back(pool *p, const size_t *docs, size_t n)
{
    for (size_t k = n; k-- > 0;)
        p->redo[p->n_redo++] = docs[k];
}

static void close_fd(int *fd)
{
    if (*fd >= 0)
        close(*fd);
    *fd = -1;
}

/* Starts a worker process in slot k.  Returns 0 or -1 (reported). */
static int spawn(pool *p, unsigned k)
{
    pool_worker *w = &p->w[k];
    int job[2], res[2];
    if (socketpair(AF_UNIX, SOCK_STREAM, 0, job) != 0)
        goto fail;
    if (pipe(res) != 0) {
        close(job[0]);
        close(job[1]);
        goto fail;
    }
    atomic_store(&p->running[k], -1);
    atomic_store(&p->near_limit[k], 0);
    /* Whatever stdio holds would otherwise be written by parent and child. */
    fflush(stdout);
    fflush(stderr);
    pid_t parent = getpid();
    pid_t pid = fork();
    if (pid < 0) {
        close(job[0]);
        close(job[1]);
        close(res[0]);
        close(res[1]);
        goto fail;
    }
    if (pid == 0) {
        /* The child must not hold the other workers' pipes open, or the
         * parent would never see them close when those workers die. */
        for (unsigned j = 0; j < p->n_workers; j++) {
            if (p->w[j].pid) {
                close(p->w[j].job_fd);
                close(p->w[j].result_fd);
            }
        }
        close(job[0]);
        close(res[0]);
        ann_worker_args a = {p->set, p->o, job[1], res[1], &p->running[k], p->max_memory,
                               &p->near_limit[k], parent};
        ann_worker_main(&a);
    }
    close(job[1]);
    close(res[1]);
    w->pid = pid;
    w->job_fd = job[0];
    w->result_fd = res[0];
    w->n_queued = 0;
    w->retiring = 0;
    return 0;
fail:
    ann_run_report("cannot start a worker process: %s", strerror(errno));
    return -1;
}

static int send_job(pool_worker *w, const pool_doc *d, size_t doc)
{
    char msg[sizeof(wire_job) + 64 * sizeof(ann_layer_failure)];
    char *buf = msg;
    wire_job job = {(uint32_t)doc, d->n_skip};
    size_t len = sizeof job + d->n_skip * sizeof *d->skip;
    if (len > sizeof msg && !(buf = malloc(len)))
        return -1;
    memcpy(buf, &job, sizeof job);
    if (d->n_skip)
        memcpy(buf + sizeof job, d->skip, d->n_skip * sizeof *d->skip);
    int rc = 0;
    for (size_t off = 0; off < len;) {
        /* MSG_NOSIGNAL: a worker that just died must not take the parent
         * with it through SIGPIPE; its death is seen on the result pipe. */
        ssize_t n = send(w->job_fd, buf + off, len - off, MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            rc = -1;
            break;
        }
        off += (size_t)n;
    }
    if (buf != msg)
        free(buf);
    return rc;
}

/* Fills the worker's queue. */
static void dispatch(pool *p, pool_worker *w)
{
    while (!w->retiring && w->n_queued < POOL_DEPTH && work_left(p)) {
        size_t doc = take_work(p);
        if (send_job(w, &p->docs[doc], doc) != 0) {
            give_back(p, &doc, 1);
            return; /* the result pipe will tell what happened */
        }
        if (w->n_queued == 0)
            w->started = ann_run_now();
        w->queue[w->n_queued++] = doc;
    }
}

/* Document `doc` is finished: into the collector, once. */
static void finish_doc(pool *p, size_t doc, int written, size_t n_failed, char *data, size_t len,
                       uint64_t bytes)
{
    p->docs[doc].done = 1;
    p->remaining--;
    ann_collect_document(p->c, doc, written, n_failed, data, len, bytes);
}

static void pop_queue(pool_worker *w)
{
    memmove(w->queue, w->queue + 1, (w->n_queued - 1) * sizeof *w->queue);
    w->n_queued--;
    w->started = ann_run_now();
}

/* Reads one result from a worker.  Returns 0, or -1 when the pipe ended or
 * broke (the worker is gone). */
static int read_result(pool *p, pool_worker *w)
{
    size_t n = p->set->n;
    /* The fixed part in one read: one system call per document. */
    if (ann_wire_read(w->result_fd, p->msg, p->msg_len) != 0)
        return -1;
    wire_result h;
    memcpy(&h, p->msg, sizeof h);
    /* wall seconds of each plugin, then its CPU seconds, then its spans */
    memcpy(p->sec, p->msg + sizeof h, 2 * n * sizeof *p->sec);
    const char *at = p->msg + sizeof h + 2 * n * sizeof *p->sec;
    memcpy(p->spans, at, n * sizeof *p->spans);
    at += n * sizeof *p->spans;
    for (size_t k = 0; k < n; k++) {
        uint32_t u;
        memcpy(&u, at + k * sizeof u, sizeof u);
        if (u && !p->c->tally.undeclared[k])
            p->c->tally.undeclared[k] = u;
    }
    p->seen = (unsigned char *)at + n * sizeof(uint32_t);
    char *data = NULL;
    if (h.stream_len) {
        data = malloc(h.stream_len);
        if (!data || ann_wire_read(w->result_fd, data, h.stream_len) != 0) {
            free(data);
            return -1;
        }
    }
    if (w->n_queued == 0 || w->queue[0] != h.doc) {
        /* Cannot happen with a sane worker: treat it as a broken one. */
        free(data);
        return -1;
    }
    ann_tally *t = &p->c->tally;
    for (size_t k = 0; k < n; k++) {
        t->plugin_sec[k] += p->sec[k];
        t->plugin_cpu[k] += p->sec[n + k];
        t->span_count[k] += p->spans[k];
    }
    t->host_sec += h.host_sec;
    t->host_cpu += h.host_cpu;
    t->today += h.today;
    t->bytes += h.bytes;
    ann_collect_labels(p->c, p->seen);
    pop_queue(w);
    finish_doc(p, h.doc, (int)h.written, h.n_failed, data, (size_t)h.stream_len, h.bytes);
    if (h.retiring)
        w->retiring = 1;
    return 0;
}

/* Whether plugin q is already left out of document d. */
static int skipped(const pool_doc *d, int q)
{
    for (uint32_t k = 0; k < d->n_skip; k++)
        if ((int)d->skip[k].plugin == q)
            return 1;
    return 0;
}

/* Document `doc` lost its worker while plugin q (-1: none) ran, for `why`:
 * blame the plugin and do the document again without it, or give up. */
static void blame(pool *p, size_t doc, int q, const char *why)
{
    const char *path = p->o->files[doc];
    pool_doc *d = &p->docs[doc];
    if (q >= 0 && (size_t)q < p->set->n && !skipped(d, q)) {
        if (!d->skip)
            d->skip = calloc(p->set->n, sizeof *d->skip);
        if (d->skip) {
            ann_layer_failure *f = &d->skip[d->n_skip++];
            f->plugin = (uint32_t)q;
            snprintf(f->reason, sizeof f->reason, "%.*s", (int)sizeof f->reason - 1, why);
            ann_run_report("%s: plugin %s failed (%s); the document is done again without it", path,
                           p->set->items[q].name, why);
            give_back(p, &doc, 1);
            return;
        }
    }
    ann_run_report("%s: a worker failed (%s) outside any plugin; the document is not written", path,
                   why);
    finish_doc(p, doc, 0, 0, NULL, 0, 0);
}

/* The worker in slot k is gone or must go: reaps it and settles its
 * documents.  `why` is the reason when the parent killed it (a timeout). */
static void bury(pool *p, unsigned k, const char *why)
{
    pool_worker *w = &p->w[k];
    close_fd(&w->job_fd);
    close_fd(&w->result_fd);
    int status = 0;
    while (waitpid(w->pid, &status, 0) < 0 && errno == EINTR)
        ;
    w->pid = 0;
    if (w->n_queued == 0)
        return;
    int q = atomic_load(&p->running[k]);
    /* A retiring worker exits before it starts the documents queued after
     * its last result: those simply go back. */
    if (w->retiring && !why && WIFEXITED(status) && WEXITSTATUS(status) == 0) {
        give_back(p, w->queue, w->n_queued);
        w->n_queued = 0;
        return;
    }
    give_back(p, w->queue + 1, w->n_queued - 1);
    size_t doc = w->queue[0];
    w->n_queued = 0;
    char reason[ANN_REASON_MAX], sig[16];
    if (why)
        snprintf(reason, sizeof reason, "%s", why);
    else if (WIFSIGNALED(status) && atomic_load(&p->near_limit[k]))
        snprintf(reason, sizeof reason, "out of memory (--max-memory %zu MB): %s",
                 p->max_memory >> 20, ann_signal_name(WTERMSIG(status), sig, sizeof sig));
    else if (WIFSIGNALED(status))
        snprintf(reason, sizeof reason, "%s", ann_signal_name(WTERMSIG(status), sig, sizeof sig));
    else
        snprintf(reason, sizeof reason, "exited with status %d", WEXITSTATUS(status));
    blame(p, doc, q, reason);
}

/* The seconds document i may take: --timeout, plus one second per megabyte
 * of the file, so a large document is not cut off for its size alone (a
 * 100 MB article takes entities and quotes well over a minute). */
static double doc_limit(pool *p, size_t i)
{
    pool_doc *d = &p->docs[i];
    if (d->limit <= 0) {
        struct stat st;
        double mb = p->o->records                          ? (double)p->o->records[i].size / 1e6
                    : stat(p->o->files[i], &st) == 0 && st.st_size > 0 ? (double)st.st_size / 1e6
                                                                       : 0;
        d->limit = (double)p->o->timeout_sec + mb;
    }
    return d->limit;
}

/* Kills the workers whose document overran its time. */
static void enforce_timeout(pool *p, double now)
{
    if (!p->o->timeout_sec)
        return;
    for (unsigned k = 0; k < p->n_workers; k++) {
        pool_worker *w = &p->w[k];
        if (w->pid && w->n_queued && now - w->started >= doc_limit(p, w->queue[0])) {
            /* A result that arrived meanwhile is read first: the document
             * may be done and written. */
            int waiting = 0;
            if (ioctl(w->result_fd, FIONREAD, &waiting) == 0 && (size_t)waiting >= p->msg_len)
                continue;
            double limit = doc_limit(p, w->queue[0]);
            kill(w->pid, SIGKILL);
            char why[64];
            snprintf(why, sizeof why, "timeout after %.0f s", limit);
            bury(p, k, why);
        }
    }
}

/* Milliseconds poll() may sleep before the next deadline; -1: none. */
static int poll_wait(pool *p, double now)
{
    if (!p->o->timeout_sec)
        return -1;
    double first = -1;
    for (unsigned k = 0; k < p->n_workers; k++) {
        const pool_worker *w = &p->w[k];
        if (w->pid && w->n_queued) {
            double left = w->started + doc_limit(p, w->queue[0]) - now;
            if (first < 0 || left < first)
                first = left;
        }
    }
    if (first < 0)
        return -1;
    return first <= 0 ? 0 : (int)(first * 1000) + 1;
}

/* One round: start and feed workers, wait, read what came.  Returns -1 when
 * no worker can run. */
static int step(pool *p, struct pollfd *fds, unsigned *who)
{
    unsigned alive = 0;
    for (unsigned k = 0; k < p->n_workers; k++) {
        pool_worker *w = &p->w[k];
        if (!w->pid && work_left(p) && spawn(p, k) != 0)
            continue;
        if (w->pid) {
            dispatch(p, w);
            fds[alive].fd = w->result_fd;
            fds[alive].events = POLLIN;
            fds[alive].revents = 0;
            who[alive++] = k;
        }
    }
    if (alive == 0)
        return -1;
    int n = poll(fds, alive, poll_wait(p, ann_run_now()));
    if (n < 0 && errno != EINTR)
        return -1;
    for (unsigned i = 0; n > 0 && i < alive; i++) {
        if (!fds[i].revents)
            continue;
        /* Every result already waiting, for one wake-up. */
        pool_worker *w = &p->w[who[i]];
        int waiting;
        do {
            if (read_result(p, w) != 0) {
                bury(p, who[i], NULL);
                break;
            }
            waiting = 0;
            if (w->n_queued == 0 || ioctl(w->result_fd, FIONREAD, &waiting) != 0)
                waiting = 0;
        } while ((size_t)waiting >= p->msg_len);
    }
    enforce_timeout(p, ann_run_now());
    return 0;
}

static void pool_free(pool *p)
{
    for (unsigned k = 0; p->w && k < p->n_workers; k++) {
        pool_worker *w = &p->w[k];
        if (!w->pid)
            continue;
        /* End of the job stream: the worker finishes and exits.  One still
         * busy (the run was cut short) could hang in a plugin: stop it. */
        if (w->n_queued)
            kill(w->pid, SIGKILL);
        close_fd(&w->job_fd);
        close_fd(&w->result_fd);
        while (waitpid(w->pid, NULL, 0) < 0 && errno == EINTR)
            ;
    }
    for (size_t i = 0; p->docs && i < p->o->n_files; i++)
        free(p->docs[i].skip);
    free(p->docs);
    free(p->redo);
    free(p->w);
    free(p->sec);
    free(p->spans);
    free(p->msg);
    if (p->running)
        munmap(p->running, 2 * p->n_workers * sizeof *p->running);
}

int ann_pool_run(const ann_plugin_set *set, const ann_run_opts *o, unsigned jobs, size_t max_memory,
                 ann_collect *c)
{
    pool p;
    memset(&p, 0, sizeof p);
    p.set = set;
    p.o = o;
    p.c = c;
    p.max_memory = max_memory;
    p.n_workers = jobs;
    p.remaining = o->n_files;
    p.w = calloc(jobs, sizeof *p.w);
    p.docs = calloc(o->n_files + 1, sizeof *p.docs);
    p.redo = calloc(o->n_files + 1, sizeof *p.redo);
    p.sec = calloc(2 * set->n + 1, sizeof *p.sec);
    p.spans = calloc(set->n + 1, sizeof *p.spans);
    p.msg_len =
        sizeof(wire_result) + set->n * (2 * sizeof *p.sec + sizeof *p.spans + sizeof(uint32_t)) +
        c->n_labels;
    p.msg = malloc(p.msg_len);
    struct pollfd *fds = calloc(jobs, sizeof *fds);
    unsigned *who = calloc(jobs, sizeof *who);
    /* The one page the workers write and the parent reads after a death. */
    void *page = mmap(NULL, 2 * jobs * sizeof *p.running, PROT_READ | PROT_WRITE,
                      MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    p.running = page == MAP_FAILED ? NULL : page;
    p.near_limit = p.running ? p.running + jobs : NULL;
    int status = 0;
    if (!p.w || !p.docs || !p.redo || !p.sec || !p.spans || !p.msg || !fds || !who || !p.running) {
        ann_run_report("cannot set up the worker processes: out of memory");
        status = 1;
    }
    for (unsigned k = 0; p.w && k < jobs; k++) {
        p.w[k].job_fd = p.w[k].result_fd = -1;
    }
    while (status == 0 && p.remaining > 0) {
        if (step(&p, fds, who) != 0)
            status = 1;
    }
    /* Documents never done (no worker could start) count as failed. */
    for (size_t i = 0; p.docs && i < o->n_files; i++)
        if (!p.docs[i].done)
            finish_doc(&p, i, 0, 0, NULL, 0, 0);
    free(fds);
    free(who);
    pool_free(&p);
    return status;
}
