/*
 * worker.c -- the child loop of a worker process (see worker.h).
 */
#include "run/worker.h"

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

#include "run/document.h"
#include "run/memguard.h"
#include "run/wire.h"
#include "util/buf.h"

#if defined(__SANITIZE_ADDRESS__)
#define WORKER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define WORKER_ASAN 1
#endif
#endif
#ifndef WORKER_ASAN
#define WORKER_ASAN 0
#endif

int ann_worker_can_limit_memory(void)
{
    return !WORKER_ASAN;
}

/* The result message of one document (wire.h), in one buffer so that it
 * goes out with one write.  The tally is sent as a delta and cleared. */
static int send_result(ann_runner *r, int fd, size_t doc, const ann_doc_outcome *out, int retiring)
{
    const ann_plugin_set *set = r->set;
    size_t n_labels = r->doc.label_base[set->n];
    wire_result h;
    memset(&h, 0, sizeof h);
    h.doc = (uint32_t)doc;
    h.written = (uint32_t)out->written;
    h.n_failed = (uint32_t)out->n_failed;
    h.retiring = (uint32_t)retiring;
    h.bytes = r->tally.bytes;
    h.host_sec = r->tally.host_sec;
    h.host_cpu = r->tally.host_cpu;
    h.today = (uint32_t)r->tally.today;
    /* Streamed output only exists for a written document, or as the
     * error record that answers a --stdin line. */
    h.stream_len = (out->written || r->o->records) && !r->o->outdir ? r->sink.stream.len : 0;
    ann_buf b = ANN_BUF_INIT;
    ann_buf_append(&b, &h, sizeof h);
    ann_buf_append(&b, r->tally.plugin_sec, set->n * sizeof *r->tally.plugin_sec);
    ann_buf_append(&b, r->tally.plugin_cpu, set->n * sizeof *r->tally.plugin_cpu);
    ann_buf_append(&b, r->tally.span_count, set->n * sizeof *r->tally.span_count);
    ann_buf_append(&b, r->tally.undeclared, set->n * sizeof *r->tally.undeclared);
    ann_buf_append(&b, r->doc.label_seen, n_labels);
    if (h.stream_len)
        ann_buf_append(&b, r->sink.stream.data, h.stream_len);
    int rc = b.failed ? -1 : ann_wire_write(fd, b.data, b.len);
    ann_buf_free(&b);
    ann_tally_clear(&r->tally);
    return rc;
}

_Noreturn void ann_worker_main(const ann_worker_args *a)
{
#ifdef __linux__
    /* A worker outliving a killed parent would go on burning a core. */
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != a->parent) /* it died before the line above */
        _exit(3);
#endif
    size_t limit_mb = 0;
    if (a->max_memory && !WORKER_ASAN) {
        struct rlimit lim = {(rlim_t)a->max_memory, (rlim_t)a->max_memory};
        if (setrlimit(RLIMIT_AS, &lim) != 0)
            ann_run_report("warning: cannot limit a worker's memory: %s", strerror(errno));
        else
            limit_mb = a->max_memory >> 20;
        if (limit_mb && ann_memguard_install(a->max_memory, a->near_limit) != 0)
            ann_run_report("warning: a worker cannot watch for running out of memory");
    }
    ann_runner r;
    int status = 0;
    if (ann_runner_init(&r, a->set, a->o) != ANN_OK) {
        ann_run_report("a worker cannot start: out of memory");
        status = 3;
        goto out;
    }
    r.running = a->running;
    r.memory_limit_mb = limit_mb;
    ann_layer_failure *skip = calloc(a->set->n + 1, sizeof *skip);
    if (!skip) {
        status = 3;
        goto out;
    }
    for (;;) {
        wire_job job;
        if (ann_wire_read(a->job_fd, &job, sizeof job) != 0)
            break; /* the parent closed the pipe: no more work */
        if (job.n_skip > a->set->n ||
            ann_wire_read(a->job_fd, skip, job.n_skip * sizeof *skip) != 0)
            break;
        ann_doc_outcome out;
        ann_runner_document(&r, job.doc, skip, job.n_skip, &out);
        int retiring = out.plugin_errors > 0;
        if (send_result(&r, a->result_fd, job.doc, &out, retiring) != 0 || retiring)
            break;
    }
    free(skip);
out:
    ann_runner_free(&r);
    _exit(status);
}
