/*
 * wire.h -- the messages between the parent and its worker processes, on
 * two pipes per worker.  Both ends are the same program built at the same
 * time, so the structs go over as they are, with no encoding.
 *
 *   parent -> worker: a job: wire_job, then n_skip ann_layer_failure
 *   worker -> parent: a result: wire_result, then n_plugins doubles (seconds
 *                     in each plugin), n_plugins uint64_t (spans written per
 *                     plugin), n_labels bytes (labels seen so far, for
 *                     finish()), then stream_len bytes of output (-o -)
 */
#ifndef ANN_RUN_WIRE_H
#define ANN_RUN_WIRE_H

#include <stddef.h>
#include <stdint.h>

typedef struct wire_job {
    uint32_t doc;    /* index in the run's files */
    uint32_t n_skip; /* plugins to leave out, recorded as failed */
} wire_job;

typedef struct wire_result {
    uint32_t doc;
    uint32_t written;    /* the document was committed */
    uint32_t n_failed;   /* layers left out */
    uint32_t retiring;   /* the worker exits after this message */
    uint32_t today;      /* documents dated by the day of the run */
    uint64_t bytes;      /* input bytes */
    uint64_t stream_len; /* output bytes that follow (-o -) */
    double host_sec;
    double host_cpu;
} wire_result;

/* Writes or reads exactly len bytes, retrying after EINTR and short
 * transfers.  Return 0, or -1 (errno set; EPIPE-like end of file on read
 * gives -1 with errno 0). */
int ann_wire_write(int fd, const void *data, size_t len);
int ann_wire_read(int fd, void *data, size_t len);

#endif
