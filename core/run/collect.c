/*
 * collect.c -- the run's tally, labels and ordered stream (see collect.h).
 */
#include "run/collect.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "write/json.h"

int ann_collect_init(ann_collect *c, const ann_plugin_set *set, size_t n_files, int streaming)
{
    memset(c, 0, sizeof *c);
    c->n_files = n_files;
    int rc = ann_tally_init(&c->tally, set->n);
    size_t n_labels = 0;
    for (size_t p = 0; p < set->n; p++)
        n_labels += set->items[p].n_labels;
    c->n_labels = n_labels;
    c->label_seen = calloc(n_labels + 1, 1);
    if (streaming)
        c->slots = calloc(n_files + 1, sizeof *c->slots);
    if (rc == ANN_OK && (!c->label_seen || (streaming && !c->slots)))
        rc = ANN_ENOMEM;
    return rc;
}

void ann_collect_free(ann_collect *c)
{
    if (c->slots) {
        for (size_t i = 0; i < c->n_files; i++)
            free(c->slots[i].data);
        free(c->slots);
    }
    free(c->label_seen);
    ann_tally_free(&c->tally);
    memset(c, 0, sizeof *c);
}

/* Prints the finished slots in input order. */
static void flush_stream(ann_collect *c)
{
    while (c->next_out < c->n_files && c->slots[c->next_out].done) {
        ann_collect_slot *s = &c->slots[c->next_out];
        if (s->data && !c->out_error) {
            int rc = c->out_file ? ann_atomic_write(c->out_file, s->data, s->len)
                                 : fwrite(s->data, 1, s->len, stdout) != s->len || fflush(stdout) != 0;
            if (rc != 0) {
                c->out_error = 1;
                c->out_errno = errno;
            }
        }
        free(s->data);
        s->data = NULL;
        c->next_out++;
    }
}

/* The answer to a --stdin line whose worker gave nothing back (it died
 * outside any plugin, or none could start); the reason is on stderr.
 * Caller frees with free(); NULL when memory ran out. */
static char *error_record(const ann_record *rec, size_t *len)
{
    ann_buf b = ANN_BUF_INIT;
    ann_json_error_record(&b, rec->id_json, rec->line,
                          rec->error ? rec->error
                                     : "not annotated: its worker failed (see standard error)");
    return ann_buf_steal(&b, len);
}

void ann_collect_document(ann_collect *c, size_t i, int written, size_t n_failed, char *data,
                          size_t len, uint64_t bytes)
{
    c->tally.finished++;
    if (!written)
        c->tally.failed++;
    else if (n_failed)
        c->tally.partial++;
    if (c->records && i < c->n_files && !data)
        data = error_record(&c->records[i], &len);
    if (c->slots && i < c->n_files) {
        /* Half the output of a failed document is never printed; a
         * record's answer to a failure is. */
        int keep = written || c->records;
        c->slots[i].data = keep ? data : NULL;
        c->slots[i].len = keep ? len : 0;
        c->slots[i].done = 1;
        if (!keep)
            free(data);
        flush_stream(c);
    } else {
        free(data);
    }
    if (c->on_done)
        c->on_done(c->on_done_ctx, bytes);
}

void ann_collect_labels(ann_collect *c, const unsigned char *seen)
{
    for (size_t k = 0; k < c->n_labels; k++)
        c->label_seen[k] |= seen[k];
}
