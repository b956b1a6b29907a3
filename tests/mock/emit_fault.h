/*
 * emit_fault.h -- runs a plugin under the mock host with a host service
 * failing on purpose, to test what the plugin does with it:
 *   - one emit_v2() call answering an error: a refused span (ANN_EINVAL)
 *     means go on, running out of memory (ANN_ENOMEM) means stop and return
 *     ANN_ENOMEM;
 *   - scratch_grow() answering NULL;
 *   - open() seeing an ABI 1 host table (one without the text services).
 * Test-only, header-only.
 *
 * The plugin is wrapped: a copy of its descriptor whose open() and
 * annotate_v2() hand the real ones a copy of the host table with the
 * services replaced.  The host services have no context argument, so the
 * fault in force is a file-level pointer: one wrapped plugin at a time, on
 * one thread (Check runs each test in its own process).
 */
#ifndef EMIT_FAULT_H
#define EMIT_FAULT_H

#include <check.h>
#include <stddef.h>
#include <stdint.h>

#include "annotate/plugin.h"
#include "mock_host.h"

typedef struct emit_fault {
    size_t fail_at; /* the emit_v2() call (from 0) that fails; SIZE_MAX: none */
    int answer;     /* what that call answers */
    int fail_grow;  /* nonzero: scratch_grow() answers NULL */
    int old_host;   /* nonzero: open() sees an ABI 1 host table */
    size_t calls;   /* emit_v2() calls the plugin made */
    size_t stored;  /* calls passed on to the mock host and stored */
    const ann_plugin *real;
    const ann_host *inner; /* the mock's table, during a run */
    ann_plugin wrapped;    /* the descriptor the mock host opens */
} emit_fault;

/* No fault: every emit_v2() is passed on. */
#define EMIT_FAULT_NONE                       \
    {                                         \
        .fail_at = SIZE_MAX, .answer = ANN_OK \
    }

static emit_fault *emit_fault_run_now; /* the wrapped plugin's fault, or NULL */

static int emit_fault_emit_v2(ann_doc *doc, const ann_new_span_v2 *span, uint32_t *id)
{
    emit_fault *f = emit_fault_run_now;
    if (f->calls++ == f->fail_at)
        return f->answer;
    int rc = f->inner->emit_v2(doc, span, id);
    f->stored += rc == ANN_OK;
    return rc;
}

static void *emit_fault_scratch_grow(ann_doc *doc, void *ptr, size_t old_size, size_t new_size)
{
    emit_fault *f = emit_fault_run_now;
    if (f->fail_grow)
        return NULL;
    return f->inner->scratch_grow(doc, ptr, old_size, new_size);
}

static int emit_fault_open_real(const ann_host *host, ann_open_ctx *ctx, void **state)
{
    emit_fault *f = emit_fault_run_now;
    ann_host v1 = *host; /* an ABI 1 table ends before decode */
    v1.size = (uint32_t)offsetof(ann_host, decode);
    return f->real->open(f->old_host ? &v1 : host, ctx, state);
}

static int emit_fault_annotate_v2(const ann_host *host, void *state, ann_doc *doc)
{
    emit_fault *f = emit_fault_run_now;
    ann_host h = *host;
    h.emit_v2 = emit_fault_emit_v2;
    h.scratch_grow = emit_fault_scratch_grow;
    f->inner = host;
    return f->real->annotate_v2(&h, state, doc);
}

/* Opens plugin `real` (an ABI 2 plugin) wrapped with f's fault, as
 * mock_plugin_open() does; f must outlive the plugin, which the caller
 * closes with emit_fault_close().  f->calls and f->stored count from 0 for
 * the plugin's whole life. */
static inline mock_plugin *emit_fault_open(emit_fault *f, const ann_plugin *real,
                                           const char *const *options, const char *data_dir)
{
    f->real = real;
    f->calls = f->stored = 0;
    f->wrapped = *real;
    if (real->open)
        f->wrapped.open = emit_fault_open_real;
    f->wrapped.annotate_v2 = emit_fault_annotate_v2;
    emit_fault_run_now = f;
    return mock_plugin_open(&f->wrapped, options, data_dir);
}

static inline void emit_fault_close(mock_plugin *p)
{
    if (p)
        mock_plugin_close(p);
    emit_fault_run_now = NULL;
}

/* Runs plugin `real` (data in data_dir, or NULL) on text with f's fault; f->calls and f->stored tell
 * what happened.  Returns what annotate_v2() returned. */
static inline int emit_fault_run(emit_fault *f, const ann_plugin *real, const char *data_dir,
                                 const char *text, const char *ref_date)
{
    mock_plugin *p = emit_fault_open(f, real, NULL, data_dir);
    mock_doc *d = p ? mock_doc_new(text) : NULL;
    int rc = ANN_ERROR;
    if (d) {
        if (ref_date)
            mock_doc_set_reference_date(d, ref_date);
        rc = mock_doc_run(d, p);
    }
    mock_doc_free(d);
    emit_fault_close(p);
    return rc;
}

/* Checks a plugin's answers to emit_v2() on a text where it emits `n`
 * spans (n >= 2): without a fault all n are stored; when the second is
 * refused the plugin goes on and stores the other n - 1; when the second
 * runs out of memory the plugin stops there and returns ANN_ENOMEM. */
static inline void emit_fault_check_answers(const ann_plugin *real, const char *data_dir,
                                            const char *text, const char *ref_date, size_t n)
{
    emit_fault f = EMIT_FAULT_NONE;
    ck_assert_int_eq(emit_fault_run(&f, real, data_dir, text, ref_date), ANN_OK);
    ck_assert_uint_eq(f.calls, n);
    ck_assert_uint_eq(f.stored, n);
    f = (emit_fault){.fail_at = 1, .answer = ANN_EINVAL};
    ck_assert_int_eq(emit_fault_run(&f, real, data_dir, text, ref_date), ANN_OK);
    ck_assert_uint_eq(f.calls, n);
    ck_assert_uint_eq(f.stored, n - 1);
    f = (emit_fault){.fail_at = 1, .answer = ANN_ENOMEM};
    ck_assert_int_eq(emit_fault_run(&f, real, data_dir, text, ref_date), ANN_ENOMEM);
    ck_assert_uint_eq(f.calls, 2);
    ck_assert_uint_eq(f.stored, 1);
}

#endif
