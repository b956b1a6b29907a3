#include "util/walk.h"

#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "annotate/plugin.h"
#include "util/grow.h"

/* The files and folders met so far, by device and inode: open addressing,
 * grown at half full.  A hash rather than a list because a corpus folder
 * holds tens of thousands of files. */
typedef struct walk_id {
    dev_t dev;
    ino_t ino;
    int used;
} walk_id;

struct ann_walk_set {
    walk_id *slots;
    size_t cap, n; /* cap is a power of two */
};

static size_t id_hash(dev_t dev, ino_t ino)
{
    uint64_t h = (uint64_t)ino * 0x9E3779B97F4A7C15u ^ (uint64_t)dev * 0xC2B2AE3D27D4EB4Fu;
    return (size_t)(h ^ (h >> 31));
}

static void set_place(walk_id *slots, size_t cap, walk_id id)
{
    size_t j = id_hash(id.dev, id.ino) & (cap - 1);
    while (slots[j].used)
        j = (j + 1) & (cap - 1);
    slots[j] = id;
}

/* Returns 1 when (dev, ino) is new (and now recorded), 0 when it was met
 * before, -1 when memory runs out. */
static int set_add(ann_walk_set *s, dev_t dev, ino_t ino)
{
    if (2 * (s->n + 1) > s->cap) {
        size_t ncap = s->cap ? 2 * s->cap : 64;
        walk_id *ns = calloc(ncap, sizeof *ns);
        if (!ns)
            return -1;
        for (size_t i = 0; i < s->cap; i++)
            if (s->slots[i].used)
                set_place(ns, ncap, s->slots[i]);
        free(s->slots);
        s->slots = ns;
        s->cap = ncap;
    }
    for (size_t j = id_hash(dev, ino) & (s->cap - 1); s->slots[j].used; j = (j + 1) & (s->cap - 1))
        if (s->slots[j].dev == dev && s->slots[j].ino == ino)
            return 0;
    walk_id id = {dev, ino, 1};
    set_place(s->slots, s->cap, id);
    s->n++;
    return 1;
}

void ann_walk_init(ann_walk *w, const char *outdir, int follow)
{
    memset(w, 0, sizeof *w);
    w->follow = follow;
    w->outdir = outdir;
    struct stat st;
    if (outdir && stat(outdir, &st) == 0 && S_ISDIR(st.st_mode)) {
        w->have_out = 1;
        w->out_dev = st.st_dev;
        w->out_ino = st.st_ino;
    }
}

void ann_walk_free(ann_walk *w)
{
    ann_strlist_free(&w->paths);
    ann_strlist_free(&w->names);
    ann_strlist_free(&w->notes);
    if (w->seen)
        free(w->seen->slots);
    free(w->seen);
    w->seen = NULL;
}

static int note(ann_walk *w, const char *fmt, ...) ANN_PRINTF(2, 3);
static int note(ann_walk *w, const char *fmt, ...)
{
    char line[4096 + 256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    return ann_strlist_add(&w->notes, line);
}

/* A document found below one folder argument. */
typedef struct walk_found {
    char *path; /* owned */
    dev_t dev;
    ino_t ino;
} walk_found;

typedef struct walk_ctx {
    ann_walk *w;
    walk_found *v; /* owned */
    size_t n, cap;
    size_t links; /* symbolic links left alone (no --follow) */
} walk_ctx;

enum { WALK_OK = 0, WALK_OUTPUT = 1, WALK_UNREADABLE = 2, WALK_NOMEM = -1 };

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int cmp_found(const void *a, const void *b)
{
    return strcmp(((const walk_found *)a)->path, ((const walk_found *)b)->path);
}

static int is_outdir(const ann_walk *w, const struct stat *st)
{
    return w->have_out && st->st_dev == w->out_dev && st->st_ino == w->out_ino;
}

/* The entry names of folder dir, hidden ones left out, sorted so the walk
 * (and which of two paths to one folder is taken) does not depend on the
 * order the file system lists them in.  *marked tells the folder holds
 * ANN_OUTDIR_MARK. */
static int list_dir(walk_ctx *c, const char *dir, ann_strlist *names, int *marked)
{
    DIR *d = opendir(dir);
    if (!d) {
        c->w->n_errors++;
        return note(c->w, "%s: cannot read the folder: %s; skipped", dir, strerror(errno))
                   ? WALK_NOMEM
                   : WALK_UNREADABLE;
    }
    *marked = 0;
    int rc = WALK_OK;
    for (;;) {
        errno = 0;
        struct dirent *e = readdir(d);
        if (!e) {
            if (errno != 0) {
                c->w->n_errors++;
                rc = note(c->w, "%s: cannot read the folder: %s; skipped", dir, strerror(errno))
                         ? WALK_NOMEM
                         : WALK_UNREADABLE;
            }
            break;
        }
        if (strcmp(e->d_name, ANN_OUTDIR_MARK) == 0)
            *marked = 1;
        if (e->d_name[0] == '.')
            continue;
        if (ann_strlist_add(names, e->d_name) != 0) {
            rc = WALK_NOMEM;
            break;
        }
    }
    closedir(d);
    if (rc == WALK_OK && names->n > 1)
        qsort(names->items, names->n, sizeof *names->items, cmp_str);
    return rc;
}

static int walk_dir(walk_ctx *c, const char *dir)
{
    ann_strlist names = {0};
    int marked = 0;
    int rc = list_dir(c, dir, &names, &marked);
    if (rc == WALK_OK && marked)
        rc = WALK_OUTPUT;
    for (size_t i = 0; rc == WALK_OK && i < names.n; i++) {
        char *path = ann_path_join(dir, names.items[i]);
        if (!path) {
            rc = WALK_NOMEM;
            break;
        }
        struct stat st;
        int r = c->w->follow ? stat(path, &st) : lstat(path, &st);
        if (r != 0) {
            c->w->n_errors++;
            if (note(c->w, "%s: %s; skipped", path, strerror(errno)) != 0)
                rc = WALK_NOMEM;
        } else if (S_ISLNK(st.st_mode)) {
            c->links++;
        } else if (S_ISDIR(st.st_mode)) {
            int fresh = is_outdir(c->w, &st) ? 0 : set_add(c->w->seen, st.st_dev, st.st_ino);
            if (fresh < 0)
                rc = WALK_NOMEM;
            else if (fresh && walk_dir(c, path) == WALK_NOMEM)
                rc = WALK_NOMEM;
        } else if (S_ISREG(st.st_mode) && ann_is_document_name(names.items[i])) {
            walk_found *v = ann_grow(c->v, c->n, &c->cap, sizeof *v, 64);
            if (!v) {
                rc = WALK_NOMEM;
            } else {
                c->v = v;
                c->v[c->n++] = (walk_found){path, st.st_dev, st.st_ino};
                path = NULL;
            }
        }
        free(path);
    }
    ann_strlist_free(&names);
    return rc;
}

/* Appends path with output name `name` unless its file was met before.
 * Returns 1 added, 0 a repeat, -1 out of memory. */
static int add_document(ann_walk *w, const char *path, const char *name, const struct stat *st)
{
    if (st) {
        int fresh = set_add(w->seen, st->st_dev, st->st_ino);
        if (fresh <= 0)
            return fresh;
    }
    if (ann_strlist_add(&w->paths, path) != 0)
        return -1;
    if (ann_strlist_add(&w->names, name) != 0) {
        free(w->paths.items[--w->paths.n]);
        return -1;
    }
    return 1;
}

static int add_folder(ann_walk *w, const char *arg, const struct stat *st)
{
    if (is_outdir(w, st))
        return note(w, "%s: the output folder; skipped (name its files to annotate them)", arg);
    int fresh = set_add(w->seen, st->st_dev, st->st_ino);
    if (fresh <= 0)
        return fresh; /* given twice, or inside a folder given before */
    walk_ctx c;
    memset(&c, 0, sizeof c);
    c.w = w;
    int rc = walk_dir(&c, arg);
    size_t found = c.n; /* before repeats are dropped: those are documents too */
    size_t skip = strlen(arg);
    if (skip > 0 && arg[skip - 1] != '/')
        skip++;
    if (c.n > 1)
        qsort(c.v, c.n, sizeof *c.v, cmp_found);
    for (size_t i = 0; rc != WALK_NOMEM && i < c.n; i++) {
        struct stat id;
        id.st_dev = c.v[i].dev;
        id.st_ino = c.v[i].ino;
        if (add_document(w, c.v[i].path, c.v[i].path + skip, &id) < 0)
            rc = WALK_NOMEM;
    }
    for (size_t i = 0; i < c.n; i++)
        free(c.v[i].path);
    free(c.v);
    if (rc == WALK_NOMEM)
        return -1;
    if (rc == WALK_OUTPUT)
        return note(w,
                    "%s: holds annotate's output (%s); skipped (name its files to annotate them)",
                    arg, ANN_OUTDIR_MARK);
    if (rc == WALK_OK && found == 0) {
        if (c.links)
            return note(w,
                        "warning: %s holds no document (.txt .md .markdown .html .htm); "
                        "%zu symbolic link%s not followed (--follow follows them)",
                        arg, c.links, c.links == 1 ? "" : "s");
        return note(w, "warning: %s holds no document (.txt .md .markdown .html .htm)", arg);
    }
    return 0;
}

int ann_walk_add(ann_walk *w, const char *arg)
{
    if (!w->seen) {
        w->seen = calloc(1, sizeof *w->seen);
        if (!w->seen)
            return -1;
    }
    struct stat st;
    if (stat(arg, &st) != 0) {
        /* Taken as given: reading it fails later, naming it. */
        return add_document(w, arg, arg, NULL) < 0 ? -1 : 0;
    }
    if (S_ISDIR(st.st_mode))
        return add_folder(w, arg, &st);
    const char *base = strrchr(arg, '/');
    return add_document(w, arg, base ? base + 1 : arg, &st) < 0 ? -1 : 0;
}
