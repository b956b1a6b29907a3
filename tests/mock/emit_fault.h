/*
 * emit_fault.h -- runs a plugin under the mock host with one emit_v2() call
 * answering an error, to test what the plugin does with a refused span
 * (ANN_EINVAL: go on) and with running out of memory (ANN_ENOMEM: stop and
 * return ANN_ENOMEM).  Test-only, header-only.
 *
 * The plugin is wrapped: a copy of its descriptor whose annotate_v2() hands
 * the real one a copy of the host table with emit_v2() replaced.  emit_v2()
 * has no context argument, so the run in progress is a file-level pointer:
 * one run at a time, on one thread (Check runs each test in its own
 * process).
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
    size_t calls;   /* emit_v2() calls the plugin made */
    size_t stored;  /* calls passed on to the mock host and stored */
    const ann_plugin *real;
    const ann_host *inner; /* the mock's table, during the run */
} emit_fault;

static emit_fault *emit_fault_run_now; /* the run in progress, or NULL */

static int emit_fault_emit_v2(ann_doc *doc, const ann_new_span_v2 *span, uint32_t *id)
{
    emit_fault *f = emit_fault_run_now;
    if (f->calls++ == f->fail_at)
        return f->answer;
    int rc = f->inner->emit_v2(doc, span, id);
    f->stored += rc == ANN_OK;
    return rc;
}

static int emit_fault_annotate_v2(const ann_host *host, void *state, ann_doc *doc)
{
    emit_fault *f = emit_fault_run_now;
    ann_host h = *host;
    h.emit_v2 = emit_fault_emit_v2;
    f->inner = host;
    return f->real->annotate_v2(&h, state, doc);
}

/* Runs plugin `real` (an ABI 2 plugin) on text with f's fault; f->calls and
 * f->stored tell what happened.  Returns what annotate_v2() returned. */
static inline int emit_fault_run(emit_fault *f, const ann_plugin *real, const char *text,
                                 const char *ref_date)
{
    ann_plugin wrapped = *real;
    wrapped.annotate_v2 = emit_fault_annotate_v2;
    f->real = real;
    f->calls = f->stored = 0;
    emit_fault_run_now = f;
    mock_plugin *p = mock_plugin_open(&wrapped, NULL, NULL);
    mock_doc *d = p ? mock_doc_new(text) : NULL;
    int rc = ANN_ERROR;
    if (d) {
        if (ref_date)
            mock_doc_set_reference_date(d, ref_date);
        rc = mock_doc_run(d, p);
    }
    mock_doc_free(d);
    if (p)
        mock_plugin_close(p);
    emit_fault_run_now = NULL;
    return rc;
}

/* Checks a plugin's answers to emit_v2() on a text where it emits `n`
 * spans (n >= 2): without a fault all n are stored; when the second is
 * refused the plugin goes on and stores the other n - 1; when the second
 * runs out of memory the plugin stops there and returns ANN_ENOMEM. */
static inline void emit_fault_check_answers(const ann_plugin *real, const char *text,
                                            const char *ref_date, size_t n)
{
    emit_fault f = {SIZE_MAX, ANN_OK, 0, 0, NULL, NULL};
    ck_assert_int_eq(emit_fault_run(&f, real, text, ref_date), ANN_OK);
    ck_assert_uint_eq(f.calls, n);
    ck_assert_uint_eq(f.stored, n);
    f = (emit_fault){1, ANN_EINVAL, 0, 0, NULL, NULL};
    ck_assert_int_eq(emit_fault_run(&f, real, text, ref_date), ANN_OK);
    ck_assert_uint_eq(f.calls, n);
    ck_assert_uint_eq(f.stored, n - 1);
    f = (emit_fault){1, ANN_ENOMEM, 0, 0, NULL, NULL};
    ck_assert_int_eq(emit_fault_run(&f, real, text, ref_date), ANN_ENOMEM);
    ck_assert_uint_eq(f.calls, 2);
    ck_assert_uint_eq(f.stored, 1);
}

#endif
