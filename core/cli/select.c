/*
 * select.c -- --include, --exclude and --skip-existing (see select.h).
 */
#include "cli/select.h"

#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "write/sink.h"

static int matches_any(const ann_strlist *globs, const char *name)
{
    for (size_t i = 0; i < globs->n; i++)
        if (fnmatch(globs->items[i], name, 0) == 0)
            return 1;
    return 0;
}

size_t ann_select_filter(ann_walk *w, const ann_strlist *include, const ann_strlist *exclude)
{
    size_t k = 0, n = w->paths.n;
    for (size_t i = 0; i < n; i++) {
        const char *name = w->names.items[i];
        if ((include->n && !matches_any(include, name)) || matches_any(exclude, name)) {
            free(w->paths.items[i]);
            free(w->names.items[i]);
            continue;
        }
        w->paths.items[k] = w->paths.items[i];
        w->names.items[k] = w->names.items[i];
        k++;
    }
    w->paths.n = w->names.n = k;
    return n - k;
}

int ann_select_output_exts(const ann_writer *w, ann_strlist *exts)
{
    static const unsigned char empty[1] = "";
    ann_result r;
    memset(&r, 0, sizeof r);
    r.path = "x.txt";
    r.bytes = empty;
    r.reader = "text";
    memset(r.sha256, '0', 64);
    /* A folder that is never written: the sink only collects names. */
    ann_sink s;
    ann_sink_init(&s, ".");
    ann_sink_begin(&s, r.path);
    s.stem = "x";
    int rc = w->write(&r, &s) == ANN_OK && s.n_files > 0 ? 0 : -1;
    for (size_t i = 0; rc == 0 && i < s.n_files; i++)
        rc = ann_strlist_add(exts, s.files[i].name + 1);
    ann_sink_free(&s);
    return rc;
}

int ann_select_outputs_done(const char *outdir, const char *stem, const ann_strlist *exts,
                            const char *doc)
{
    struct stat d;
    if (stat(doc, &d) != 0)
        return 0;
    for (size_t i = 0; i < exts->n; i++) {
        size_t n = strlen(outdir) + strlen(stem) + strlen(exts->items[i]) + 2;
        char *path = malloc(n);
        if (!path)
            return 0;
        snprintf(path, n, "%s/%s%s", outdir, stem, exts->items[i]);
        struct stat o;
        int ok = stat(path, &o) == 0 && S_ISREG(o.st_mode) &&
                 (o.st_mtim.tv_sec > d.st_mtim.tv_sec ||
                  (o.st_mtim.tv_sec == d.st_mtim.tv_sec && o.st_mtim.tv_nsec >= d.st_mtim.tv_nsec));
        free(path);
        if (!ok)
            return 0;
    }
    return 1;
}
