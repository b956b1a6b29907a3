/* Test plugins that misbehave on purpose, to test that the host contains
 * them (issue 13): each marks the document's first word SEEN, unless the
 * document holds its trigger word:
 *   crash  (SEGVME)   writes to an unmapped address: SIGSEGV
 *   aborts (ABORTME)  calls abort(): SIGABRT
 *   hang   (HANGME)   loops forever; it also needs the crash layer, to test
 *                     that a plugin needing a failed layer is left out
 *   hog    (HOGME)    allocates without bound until malloc fails, then
 *                     reports "out of memory"; the blocks are never touched
 *                     (address space, not RAM) and it gives up by itself at
 *                     64 GB so that a run without a limit cannot hurt;
 *          (HOGCRASH) the same, but it keeps the blocks and then crashes
 *                     (SIGSEGV), as a plugin that does not check malloc
 *                     would: the host should still say it ran out of memory.
 * One source, built four times with MISBEHAVE set to 1..4. */
#include <annotate/plugin.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define MB_CRASH 1
#define MB_ABORT 2
#define MB_HANG 3
#define MB_HOG 4

#if MISBEHAVE == MB_CRASH
#define MB_NAME "crash"
#define MB_TRIGGER "SEGVME"
#elif MISBEHAVE == MB_ABORT
#define MB_NAME "aborts"
#define MB_TRIGGER "ABORTME"
#elif MISBEHAVE == MB_HANG
#define MB_NAME "hang"
#define MB_TRIGGER "HANGME"
#elif MISBEHAVE == MB_HOG
#define MB_NAME "hog"
#define MB_TRIGGER "HOGME"
#else
#error "MISBEHAVE must be 1..4"
#endif

static int mb_open(const ann_host *host, ann_open_ctx *ctx, void **state)
{
    (void)ctx;
    *state = (void *)host;
    return ANN_OK;
}

static void mb_close(void *state)
{
    (void)state;
}

#if MISBEHAVE == MB_HOG
/* Allocates 16 MB blocks until malloc fails or 64 GB are reached.  Returns
 * the megabytes it got; frees them all unless `keep`.  The blocks are
 * chained through their first bytes, so only one page of each is ever
 * touched. */
static size_t hog(int keep)
{
    enum { BLOCK = 16 << 20, MAX = 4096 };
    void *chain = NULL, *b;
    size_t n = 0;
    while (n < MAX && (b = malloc(BLOCK)) != NULL) {
        *(void **)b = chain;
        chain = b;
        n++;
    }
    while (chain && !keep) {
        b = *(void **)chain;
        free(chain);
        chain = b;
    }
    return n * 16;
}
#endif

static int misbehave(const ann_host *h, ann_doc *doc)
{
#if MISBEHAVE == MB_CRASH
    (void)h;
    (void)doc;
    /* A byte store to an unmapped low address: a real SIGSEGV, and not a
     * null pointer, which UBSan would report and exit 1 on first. */
    volatile char *volatile nowhere = (volatile char *)(uintptr_t)16;
    *nowhere = 1;
#elif MISBEHAVE == MB_ABORT
    (void)h;
    (void)doc;
    abort();
#elif MISBEHAVE == MB_HANG
    (void)h;
    (void)doc;
    for (volatile unsigned long spin = 0;; spin++)
        ;
#else
    size_t mb = hog(0);
    if (mb < 64 * 1024) {
        h->doc_error(doc, "out of memory after %zu MB", mb);
        return ANN_ENOMEM;
    }
    h->doc_error(doc, "allocated %zu MB and no limit stopped it", mb);
#endif
    return ANN_ERROR;
}

static int mb_annotate(void *state, ann_doc *doc)
{
    const ann_host *h = state;
    size_t len, n;
    const char *text = h->text(doc, &len);
    const ann_token *t = h->tokens(doc, &n);
    size_t tl = strlen(MB_TRIGGER);
    for (size_t i = 0; i < n; i++)
        if (t[i].end - t[i].start == tl && memcmp(text + t[i].start, MB_TRIGGER, tl) == 0)
            return misbehave(h, doc);
#if MISBEHAVE == MB_HOG
    for (size_t i = 0; i < n; i++)
        if (t[i].end - t[i].start == 8 && memcmp(text + t[i].start, "HOGCRASH", 8) == 0 &&
            hog(1) < 64 * 1024) {
            volatile char *volatile nowhere = (volatile char *)(uintptr_t)16;
            *nowhere = 1;
        }
#endif
    for (size_t i = 0; i < n; i++) {
        if (t[i].kind == ANN_TOK_WORD) {
            ann_new_span s = {t[i].start, t[i].end, "SEEN", NULL, 0, NULL, 0};
            return h->emit(doc, &s, NULL);
        }
    }
    return ANN_OK;
}

static const char *const mb_labels[] = {"SEEN", NULL};
#if MISBEHAVE == MB_HANG
static const char *const mb_needs[] = {"crash", NULL};
#else
#define mb_needs NULL
#endif

static const ann_plugin mb_desc = {
    ANN_PLUGIN_HEADER,
    MB_NAME,
    "0.1",
    "misbehaves on " MB_TRIGGER " (test plugin)",
    mb_labels,
    mb_needs,
    NULL,
    mb_open,
    mb_annotate,
    mb_close,
    NULL, /* annotate_v2: the ABI 1 entry point is enough */
    NULL,
};

#if MISBEHAVE == MB_CRASH
ANN_PLUGIN_ENTRY(crash)
#elif MISBEHAVE == MB_ABORT
ANN_PLUGIN_ENTRY(aborts)
#elif MISBEHAVE == MB_HANG
ANN_PLUGIN_ENTRY(hang)
#else
ANN_PLUGIN_ENTRY(hog)
#endif
{
    return &mb_desc;
}
