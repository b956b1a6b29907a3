/*
 * document.c -- one document through the pipeline, for a worker thread or a
 * worker process alike (see document.h), and the tally both add up.
 */
#include "run/document.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "read/front_matter.h"
#include "read/reader.h"
#include "util/fs.h"
#include "text/tokenize.h"
#include "write/json.h"

double ann_run_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

double ann_run_thread_cpu(void)
{
    struct timespec ts;
    if (clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts) != 0)
        return 0;
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

void ann_run_report(const char *fmt, ...)
{
    char line[2048];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    fprintf(stderr, "annotate: %s\n", line);
}

/* ---- the tally ------------------------------------------------------------ */

int ann_tally_init(ann_tally *t, size_t n_plugins)
{
    memset(t, 0, sizeof *t);
    t->n_plugins = n_plugins;
    t->plugin_sec = calloc(n_plugins + 1, sizeof *t->plugin_sec);
    t->plugin_cpu = calloc(n_plugins + 1, sizeof *t->plugin_cpu);
    t->span_count = calloc(n_plugins + 1, sizeof *t->span_count);
    t->undeclared = calloc(n_plugins + 1, sizeof *t->undeclared);
    return t->plugin_sec && t->plugin_cpu && t->span_count && t->undeclared ? ANN_OK : ANN_ENOMEM;
}

void ann_tally_add(ann_tally *dst, const ann_tally *src)
{
    for (size_t p = 0; p < dst->n_plugins && p < src->n_plugins; p++) {
        dst->plugin_sec[p] += src->plugin_sec[p];
        dst->plugin_cpu[p] += src->plugin_cpu[p];
        if (!dst->undeclared[p])
            dst->undeclared[p] = src->undeclared[p];
        dst->span_count[p] += src->span_count[p];
    }
    dst->host_sec += src->host_sec;
    dst->host_cpu += src->host_cpu;
    dst->today += src->today;
    dst->bytes += src->bytes;
    dst->finished += src->finished;
    dst->failed += src->failed;
    dst->partial += src->partial;
}

void ann_tally_clear(ann_tally *t)
{
    memset(t->plugin_sec, 0, (t->n_plugins + 1) * sizeof *t->plugin_sec);
    memset(t->plugin_cpu, 0, (t->n_plugins + 1) * sizeof *t->plugin_cpu);
    memset(t->undeclared, 0, (t->n_plugins + 1) * sizeof *t->undeclared);
    memset(t->span_count, 0, (t->n_plugins + 1) * sizeof *t->span_count);
    t->host_sec = 0;
    t->host_cpu = 0;
    t->today = 0;
    t->bytes = 0;
    t->finished = t->failed = t->partial = 0;
}

void ann_tally_free(ann_tally *t)
{
    free(t->plugin_sec);
    free(t->plugin_cpu);
    free(t->undeclared);
    free(t->span_count);
    memset(t, 0, sizeof *t);
}

/* ---- the runner ----------------------------------------------------------- */

int ann_runner_init(ann_runner *r, const ann_plugin_set *set, const ann_run_opts *o)
{
    memset(r, 0, sizeof *r);
    r->set = set;
    r->o = o;
    ann_sink_init(&r->sink, o->outdir);
    r->sink.sync = o->sync;
    r->failures = calloc(set->n + 1, sizeof *r->failures);
    int rc = ann_tally_init(&r->tally, set->n);
    if (rc == ANN_OK && !r->failures)
        rc = ANN_ENOMEM;
    if (rc == ANN_OK && (r->parsers = ann_parsers_new()) == NULL)
        rc = ANN_ENOMEM;
    if (rc == ANN_OK)
        rc = ann_doc_init(&r->doc, set);
    r->doc.undeclared = r->tally.undeclared;
    r->doc.parsers = r->parsers;
    r->doc.once = o->once;
    return rc;
}

void ann_runner_free(ann_runner *r)
{
    if (r->doc.plugins)
        ann_doc_free(&r->doc);
    ann_sink_free(&r->sink);
    ann_parsers_free(r->parsers);
    ann_tally_free(&r->tally);
    free(r->failures);
    memset(r, 0, sizeof *r);
}

static void set_running(ann_runner *r, int plugin)
{
    if (r->running)
        atomic_store_explicit(r->running, plugin, memory_order_relaxed);
}

static int layer_failed(const ann_runner *r, size_t p)
{
    for (size_t k = 0; k < r->n_failures; k++)
        if (r->failures[k].plugin == p)
            return 1;
    return 0;
}

static void add_failure(ann_runner *r, size_t p, const char *reason)
{
    ann_layer_failure *f = &r->failures[r->n_failures++];
    f->plugin = (uint32_t)p;
    /* Long messages are cut: the reason is a summary, stderr has it all. */
    snprintf(f->reason, sizeof f->reason, "%.*s", (int)sizeof f->reason - 1, reason);
}

/* The first layer plugin p needs that failed on this document, or NULL. */
static const char *failed_need(const ann_runner *r, size_t p)
{
    const ann_plugin_set *set = r->set;
    const char *const *needs = set->items[p].desc->needs;
    for (size_t k = 0; needs && needs[k]; k++)
        for (size_t q = 0; q < p; q++)
            if (strcmp(set->items[q].name, needs[k]) == 0 && layer_failed(r, q))
                return needs[k];
    return NULL;
}

/* Runs every plugin in order, leaving out the skipped and the failed ones and
 * those that need them.  Returns the number of plugins that returned an
 * error; ANN_ENOMEM from the host's own store fails only that layer too. */
static int run_plugins(ann_runner *r, const ann_layer_failure *skip, size_t n_skip,
                       double *tplugins, double *cplugins)
{
    const ann_plugin_set *set = r->set;
    ann_doc *d = &r->doc;
    int errors = 0;
    for (size_t p = 0; p < set->n; p++) {
        const ann_layer_failure *s = NULL;
        for (size_t k = 0; k < n_skip && !s; k++)
            if (skip[k].plugin == p)
                s = &skip[k];
        if (s) {
            add_failure(r, p, s->reason);
            continue;
        }
        const char *need = failed_need(r, p);
        if (need) {
            char why[ANN_REASON_MAX];
            snprintf(why, sizeof why, "needs %s, which failed", need);
            add_failure(r, p, why);
            continue;
        }
        size_t meta_before = d->n_meta;
        set_running(r, (int)p);
        double t1 = ann_run_now(), c1 = ann_run_thread_cpu();
        int rc = ann_doc_run_plugin(d, p);
        double dt = ann_run_now() - t1;
        double dc = ann_run_thread_cpu() - c1;
        r->tally.plugin_cpu[p] += dc;
        *cplugins += dc;
        set_running(r, -1);
        r->tally.plugin_sec[p] += dt;
        *tplugins += dt;
        if (rc != ANN_OK) {
            /* Under a limit, an allocation that failed most likely hit it:
             * name the option to raise. */
            char why[sizeof d->error + 64];
            if (rc == ANN_ENOMEM && r->memory_limit_mb)
                snprintf(why, sizeof why, "out of memory (--max-memory %zu MB): %s",
                         r->memory_limit_mb, d->error);
            else
                snprintf(why, sizeof why, "%s", d->error);
            ann_run_report("%s: plugin %s: %s; its layer is left out", d->path, set->items[p].name,
                           why);
            /* Half a layer would pass for a whole one: drop what it emitted
             * and the meta keys it added. */
            ann_store_clear_layer(&d->store, p);
            d->n_meta = meta_before;
            add_failure(r, p, why);
            errors++;
        }
    }
    return errors;
}

/* The failed layers as the writers see them, in the doc's arena. */
static int attach_failures(ann_runner *r, ann_result *res)
{
    if (!r->n_failures)
        return ANN_OK;
    /* Run order, whatever order they were found in. */
    ann_out_failure *f = ann_arena_alloc(&r->doc.arena, r->n_failures * sizeof *f);
    if (!f)
        return ANN_ENOMEM;
    size_t n = 0;
    for (size_t p = 0; p < r->set->n; p++)
        for (size_t k = 0; k < r->n_failures; k++)
            if (r->failures[k].plugin == p) {
                f[n].plugin = r->set->items[p].name;
                f[n].reason = r->failures[k].reason;
                n++;
            }
    res->failed = f;
    res->n_failed = n;
    return ANN_OK;
}

/* Where the annotation file will find document i from its own folder: the
 * absolute path into *abs and the path relative to that folder into *rel
 * (caller frees both with free(); NULL when unknown, e.g. no anchor). */
static void document_paths(const ann_run_opts *o, size_t i, char **abs, char **rel)
{
    *abs = realpath(o->files[i], NULL);
    *rel = NULL;
    if (!*abs || !o->anchor_dir)
        return;
    /* The file sits in the mirrored subfolder of its stem ("sub/a"). */
    const char *stem = o->out_names ? o->out_names[i] : NULL;
    const char *slash = stem ? strrchr(stem, '/') : NULL;
    size_t n = strlen(o->anchor_dir) + (slash ? (size_t)(slash - stem) : 0) + 2;
    char *dir = malloc(n);
    if (!dir)
        return;
    snprintf(dir, n, "%s%s%.*s", o->anchor_dir, slash ? "/" : "", slash ? (int)(slash - stem) : 0,
             slash ? stem : "");
    *rel = ann_path_relative(dir, *abs);
    free(dir);
}

/* Document i from its file, or from its --stdin record rec (NULL for a
 * file run), parsed with the runner's parsers.  Returns what
 * ann_read_file_max() returns, the message in err. */
static int read_document(ann_runner *r, size_t i, const ann_record *rec, ann_textdoc *td,
                         char *err, size_t errlen)
{
    const ann_run_opts *o = r->o;
    if (!rec)
        return ann_read_file_with(r->parsers, o->files[i], ANN_FORMAT_AUTO, o->max_doc_size, td,
                                  err, errlen);
    memset(td, 0, sizeof *td);
    if (rec->error) {
        snprintf(err, errlen, "%s", rec->error);
        return ANN_EINVAL;
    }
    return ann_read_memory_with(r->parsers, o->files[i], rec->text, rec->size,
                                (ann_format)rec->format, o->max_doc_size, td, err, errlen);
}

/* A --stdin record that gave no document still gets its line of output:
 * the error record replaces whatever the writer had begun. */
static void answer_failed_record(ann_runner *r, const ann_record *rec, const char *why)
{
    if (!rec)
        return;
    ann_buf_reset(&r->sink.stream);
    r->sink.stream.failed = 0;
    ann_json_error_record(&r->sink.stream, rec->id_json, rec->line, rec->error ? rec->error : why);
}

void ann_runner_document(ann_runner *r, size_t i, const ann_layer_failure *skip, size_t n_skip,
                         ann_doc_outcome *out)
{
    const ann_run_opts *o = r->o;
    const char *path = o->files[i];
    const ann_record *rec = o->records ? &o->records[i] : NULL;
    ann_textdoc td;
    ann_tokenized tok;
    memset(&tok, 0, sizeof tok);
    memset(out, 0, sizeof *out);
    char err[1024];
    err[0] = '\0';
    const char *why = err;
    double t0 = ann_run_now(), tplugins = 0;
    double c0 = ann_run_thread_cpu(), cplugins = 0;
    r->n_failures = 0;
    ann_sink_begin(&r->sink, path);
    r->sink.stem = o->out_names ? o->out_names[i] : NULL;

    set_running(r, -1);
    int rc = read_document(r, i, rec, &td, err, sizeof err);
    if (rc != ANN_OK) {
        if (rec)
            ann_run_report("standard input, line %zu: %s", rec->line, err);
        else
            ann_run_report("%s", err[0] ? err : path);
        /* The record's own copy says it without the name in front. */
        size_t plen = strlen(path);
        if (strncmp(err, path, plen) == 0 && err[plen] == ':' && err[plen + 1] == ' ')
            why = err + plen + 2;
        answer_failed_record(r, rec, why);
        r->tally.host_sec += ann_run_now() - t0;
        r->tally.host_cpu += ann_run_thread_cpu() - c0;
        return;
    }
    r->tally.bytes += td.size;
    /* HTML source lines are no layout: only its elements end blocks */
    rc = ann_tokenize_lines(td.view, td.view_len, td.n_blocks ? td.blocks : NULL, td.n_blocks,
                            strcmp(td.reader, "html") != 0, &tok);
    if (rc != ANN_OK) {
        why = "cannot tokenize: out of memory";
        ann_run_report("%s: %s", path, why);
        goto done;
    }
    /* The record's or the run's reference date first, then the document's own. */
    const char *ref = rec && rec->reference_date[0] ? rec->reference_date : o->reference_date;
    char front_date[11];
    int from_front = !ref && strcmp(td.reader, "markdown") == 0 &&
                     ann_front_matter_date(td.bytes, td.size, front_date);
    ann_doc_begin(&r->doc, path, &td, &tok, from_front ? front_date : ref);
    if (from_front)
        r->doc.reference_date_source = "front-matter";
    out->plugin_errors = run_plugins(r, skip, n_skip, &tplugins, &cplugins);
    out->n_failed = r->n_failures;
    ann_result res;
    char *abs_path = NULL, *rel_path = NULL;
    /* Only a writer that prints tokens (CoNLL) pays for copying them. */
    r->doc.skip_tokens = !o->writer->needs_tokens;
    rc = ann_doc_result(&r->doc, o->merge, &res);
    if (rc == ANN_OK)
        rc = attach_failures(r, &res);
    if (rc != ANN_OK) {
        why = "out of memory while merging spans";
        ann_run_report("%s: %s", path, why);
        goto done;
    }
    document_paths(o, i, &abs_path, &rel_path);
    res.abs_path = abs_path;
    res.rel_path = rel_path;
    res.record_id = rec ? rec->id_json : NULL;
    rc = o->writer->write(&res, &r->sink);
    free(abs_path);
    free(rel_path);
    if (rc != ANN_OK) {
        snprintf(err, sizeof err, "the %s writer failed (status %d)", o->writer->name, rc);
        ann_run_report("%s: %s", path, err);
        goto done;
    }
    rc = ann_sink_commit(&r->sink, err, sizeof err);
    if (rc != ANN_OK) {
        ann_run_report("%s: %s", path, err);
        goto done;
    }
    out->written = 1;
    for (size_t m = 0; m < res.n_meta; m++)
        if (strcmp(res.meta[m].key, "reference_date_source") == 0 && res.meta[m].value &&
            strcmp(res.meta[m].value, "today") == 0)
            r->tally.today++;
    for (size_t s = 0; s < res.n_spans; s++)
        for (size_t p = 0; p < r->set->n; p++)
            if (res.spans[s].layer == r->set->items[p].name) {
                r->tally.span_count[p]++;
                break;
            }
done:
    if (!out->written)
        answer_failed_record(r, rec, why);
    ann_doc_end(&r->doc);
    ann_tokenized_free(&tok);
    ann_textdoc_free(&td);
    r->tally.host_sec += ann_run_now() - t0 - tplugins;
    r->tally.host_cpu += ann_run_thread_cpu() - c0 - cplugins;
}
