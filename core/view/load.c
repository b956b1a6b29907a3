/*
 * load.c -- see load.h.  jansson parses; every field is checked here so a
 * broken file gets a message that says where it is broken, e.g.
 * "x.ann.json: spans[3].end: 9000 is past the document's end (3137 bytes)".
 */
#include "view/load.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <jansson.h>

#include "util/fs.h"
#include "util/sha256.h"

struct ann_loaded {
    ann_result r;
    json_t *root; /* owns every string the result borrows */
    ann_out_span *spans;
    ann_attr *attrs; /* all spans' attributes, then meta entries */
    ann_link *links;
    ann_out_plugin *plugins;
    ann_out_failure *failed;
    const char **texts;
    unsigned char *bytes;
    char *doc_path;
};

static void fail(char *err, size_t errlen, const char *path, const char *fmt, ...) ANN_PRINTF(4, 5);

static void fail(char *err, size_t errlen, const char *path, const char *fmt, ...)
{
    int n = snprintf(err, errlen, "%s: ", path);
    if (n < 0 || (size_t)n >= errlen)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err + n, errlen - (size_t)n, fmt, ap);
    va_end(ap);
}

typedef struct ctx {
    const char *path;   /* names the annotation in messages */
    const char *dir;    /* the annotation file's folder ("." for stdin) */
    const char *source; /* --source DIR, or NULL */
    char *err;
    size_t errlen;
} ctx;

/* The string member `key` of obj; NULL (with err set) when it is missing and
 * required or is not a string. */
static const char *get_str(ctx *c, json_t *obj, const char *where, const char *key, int required,
                           int *bad)
{
    json_t *v = json_object_get(obj, key);
    if (!v) {
        if (required) {
            fail(c->err, c->errlen, c->path, "%s: \"%s\" is missing", where, key);
            *bad = 1;
        }
        return NULL;
    }
    if (!json_is_string(v)) {
        fail(c->err, c->errlen, c->path, "%s.%s: expected a string", where, key);
        *bad = 1;
        return NULL;
    }
    return json_string_value(v);
}

/* The non-negative integer member `key` of obj. */
static int get_uint(ctx *c, json_t *obj, const char *where, const char *key, json_int_t max,
                    size_t *out)
{
    json_t *v = json_object_get(obj, key);
    if (!v) {
        fail(c->err, c->errlen, c->path, "%s: \"%s\" is missing", where, key);
        return -1;
    }
    if (!json_is_integer(v) || json_integer_value(v) < 0 || json_integer_value(v) > max) {
        fail(c->err, c->errlen, c->path, "%s.%s: expected an integer from 0 to %lld", where, key,
             (long long)max);
        return -1;
    }
    *out = (size_t)json_integer_value(v);
    return 0;
}

static int is_hex64(const char *s)
{
    size_t i = 0;
    for (; s[i]; i++)
        if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
            return 0;
    return i == 64;
}

static int parse_document(ctx *c, ann_loaded *l)
{
    json_t *d = json_object_get(l->root, "document");
    int bad = 0;
    if (!json_is_object(d)) {
        fail(c->err, c->errlen, c->path, "\"document\" is missing or not an object");
        return -1;
    }
    l->r.path = get_str(c, d, "document", "path", 1, &bad);
    if (!bad)
        l->r.abs_path = get_str(c, d, "document", "absolute_path", 0, &bad);
    if (!bad)
        l->r.rel_path = get_str(c, d, "document", "relative_path", 0, &bad);
    if (bad)
        return -1;
    if (!l->r.path[0]) {
        fail(c->err, c->errlen, c->path, "document.path is empty");
        return -1;
    }
    if (get_uint(c, d, "document", "size", (json_int_t)UINT32_MAX, &l->r.size))
        return -1;
    const char *sha = get_str(c, d, "document", "sha256", 1, &bad);
    if (bad)
        return -1;
    if (!is_hex64(sha)) {
        fail(c->err, c->errlen, c->path, "document.sha256: expected 64 lowercase hex digits");
        return -1;
    }
    memcpy(l->r.sha256, sha, 65);
    l->r.reader = get_str(c, d, "document", "reader", 0, &bad);
    if (bad)
        return -1;
    if (!l->r.reader)
        l->r.reader = "text";
    return 0;
}

/* Reads the array `key` of objects (absent: none), each by `one` into its
 * item of a new array of elem-byte items: *out (the caller frees it, even
 * after a failure) and *n.  Returns 0, or -1 with c->err set. */
static int parse_records(ctx *c, json_t *root, const char *key, size_t elem, void **out, size_t *n,
                         int (*one)(ctx *c, json_t *obj, const char *where, void *item))
{
    json_t *a = json_object_get(root, key);
    if (!a)
        return 0;
    if (!json_is_array(a)) {
        fail(c->err, c->errlen, c->path, "\"%s\" is not an array", key);
        return -1;
    }
    unsigned char *items = calloc(json_array_size(a) + 1, elem);
    *out = items;
    if (!items) {
        fail(c->err, c->errlen, c->path, "out of memory");
        return -1;
    }
    size_t i;
    json_t *obj;
    json_array_foreach(a, i, obj) {
        char where[48];
        snprintf(where, sizeof where, "%s[%zu]", key, i);
        if (!json_is_object(obj)) {
            fail(c->err, c->errlen, c->path, "%s: expected an object", where);
            return -1;
        }
        if (one(c, obj, where, items + i * elem))
            return -1;
    }
    *n = json_array_size(a);
    return 0;
}

static int parse_plugin(ctx *c, json_t *obj, const char *where, void *item)
{
    ann_out_plugin *p = item;
    int bad = 0;
    p->name = get_str(c, obj, where, "name", 1, &bad);
    if (!bad)
        p->version = get_str(c, obj, where, "version", 0, &bad);
    if (!p->version)
        p->version = "";
    if (!bad)
        p->plugin = get_str(c, obj, where, "plugin", 0, &bad);
    return bad ? -1 : 0;
}

/* A layer left out because its plugin failed on this document. */
static int parse_failure(ctx *c, json_t *obj, const char *where, void *item)
{
    ann_out_failure *f = item;
    int bad = 0;
    f->plugin = get_str(c, obj, where, "plugin", 1, &bad);
    if (!bad)
        f->reason = get_str(c, obj, where, "reason", 1, &bad);
    return bad ? -1 : 0;
}

static int parse_plugins(ctx *c, ann_loaded *l)
{
    void *items = NULL;
    int rc = parse_records(c, l->root, "plugins", sizeof *l->plugins, &items, &l->r.n_plugins,
                           parse_plugin);
    l->plugins = items;
    l->r.plugins = l->plugins;
    return rc;
}

/* Absent when every plugin succeeded. */
static int parse_failed(ctx *c, ann_loaded *l)
{
    void *items = NULL;
    int rc = parse_records(c, l->root, "failed", sizeof *l->failed, &items, &l->r.n_failed,
                           parse_failure);
    l->failed = items;
    l->r.failed = l->failed;
    return rc;
}

/* Counts attributes and links of all spans, and meta entries, to allocate
 * each kind once. */
static int count_all(ctx *c, json_t *spans, json_t *meta, size_t *n_attrs, size_t *n_links)
{
    size_t i;
    json_t *s;
    *n_attrs = meta ? json_object_size(meta) : 0;
    *n_links = 0;
    json_array_foreach(spans, i, s) {
        if (!json_is_object(s)) {
            fail(c->err, c->errlen, c->path, "spans[%zu]: expected an object", i);
            return -1;
        }
        json_t *a = json_object_get(s, "attrs"), *k = json_object_get(s, "links");
        if (a && !json_is_object(a)) {
            fail(c->err, c->errlen, c->path, "spans[%zu].attrs: expected an object", i);
            return -1;
        }
        if (k && !json_is_array(k)) {
            fail(c->err, c->errlen, c->path, "spans[%zu].links: expected an array", i);
            return -1;
        }
        *n_attrs += a ? json_object_size(a) : 0;
        *n_links += k ? json_array_size(k) : 0;
    }
    return 0;
}

static int parse_attrs(ctx *c, json_t *obj, const char *where, ann_attr *out)
{
    const char *key;
    json_t *v;
    size_t n = 0;
    json_object_foreach(obj, key, v) {
        if (!json_is_string(v)) {
            fail(c->err, c->errlen, c->path, "%s.%s: expected a string", where, key);
            return -1;
        }
        out[n].key = key;
        out[n].value = json_string_value(v);
        n++;
    }
    return 0;
}

static int parse_span(ctx *c, ann_loaded *l, json_t *s, size_t i, size_t *attr_at, size_t *link_at)
{
    char where[40];
    snprintf(where, sizeof where, "spans[%zu]", i);
    ann_out_span *o = &l->spans[i];
    size_t id, v;
    int bad = 0;
    if (get_uint(c, s, where, "id", (json_int_t)UINT32_MAX, &id))
        return -1;
    o->id = (uint32_t)id;
    if (get_uint(c, s, where, "start", (json_int_t)UINT32_MAX, &o->start) ||
        get_uint(c, s, where, "end", (json_int_t)UINT32_MAX, &o->end))
        return -1;
    if (o->start > o->end) {
        fail(c->err, c->errlen, c->path, "%s: start %zu is after end %zu", where, o->start, o->end);
        return -1;
    }
    if (o->end > l->r.size) {
        fail(c->err, c->errlen, c->path, "%s.end: %zu is past the document's end (%zu bytes)",
             where, o->end, l->r.size);
        return -1;
    }
    o->layer = get_str(c, s, where, "layer", 1, &bad);
    if (!bad)
        o->label = get_str(c, s, where, "label", 1, &bad);
    if (!bad)
        l->texts[i] = get_str(c, s, where, "text", 0, &bad);
    if (bad)
        return -1;
    json_t *a = json_object_get(s, "attrs");
    if (a) {
        char w[64];
        snprintf(w, sizeof w, "%s.attrs", where);
        o->attrs = l->attrs + *attr_at;
        o->n_attrs = json_object_size(a);
        if (parse_attrs(c, a, w, l->attrs + *attr_at))
            return -1;
        *attr_at += o->n_attrs;
    }
    json_t *k = json_object_get(s, "links");
    size_t j;
    json_t *link;
    o->links = l->links + *link_at;
    json_array_foreach(k, j, link) {
        char w[96];
        snprintf(w, sizeof w, "%s.links[%zu]", where, j);
        if (!json_is_object(link)) {
            fail(c->err, c->errlen, c->path, "%s: expected an object", w);
            return -1;
        }
        ann_link *out = &l->links[*link_at];
        out->role = get_str(c, link, w, "role", 1, &bad);
        if (bad || get_uint(c, link, w, "target", (json_int_t)UINT32_MAX, &v))
            return -1;
        out->target = (uint32_t)v;
        (*link_at)++;
        o->n_links++;
    }
    return 0;
}

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

static int find_u32(const uint32_t *sorted, size_t n, uint32_t v)
{
    return bsearch(&v, sorted, n, sizeof v, cmp_u32) != NULL;
}

/* Ids must be unique and every link must point at one of them. */
static int check_ids(ctx *c, ann_loaded *l)
{
    size_t n = l->r.n_spans;
    uint32_t *ids = malloc((n + 1) * sizeof *ids);
    if (!ids) {
        fail(c->err, c->errlen, c->path, "out of memory");
        return -1;
    }
    for (size_t i = 0; i < n; i++)
        ids[i] = l->spans[i].id;
    qsort(ids, n, sizeof *ids, cmp_u32);
    int rc = 0;
    for (size_t i = 1; i < n && !rc; i++)
        if (ids[i] == ids[i - 1]) {
            fail(c->err, c->errlen, c->path, "span id %u is used twice", (unsigned)ids[i]);
            rc = -1;
        }
    for (size_t i = 0; i < n && !rc; i++)
        for (size_t k = 0; k < l->spans[i].n_links && !rc; k++)
            if (!find_u32(ids, n, l->spans[i].links[k].target)) {
                fail(c->err, c->errlen, c->path, "spans[%zu].links[%zu].target: no span has id %u",
                     i, k, (unsigned)l->spans[i].links[k].target);
                rc = -1;
            }
    free(ids);
    return rc;
}

static int parse_spans(ctx *c, ann_loaded *l)
{
    json_t *spans = json_object_get(l->root, "spans");
    json_t *meta = json_object_get(l->root, "meta");
    if (!json_is_array(spans)) {
        fail(c->err, c->errlen, c->path, "\"spans\" is missing or not an array");
        return -1;
    }
    if (meta && !json_is_object(meta)) {
        fail(c->err, c->errlen, c->path, "\"meta\" is not an object");
        return -1;
    }
    size_t n_attrs, n_links, n = json_array_size(spans);
    if (count_all(c, spans, meta, &n_attrs, &n_links))
        return -1;
    l->spans = calloc(n + 1, sizeof *l->spans);
    l->attrs = calloc(n_attrs + 1, sizeof *l->attrs);
    l->links = calloc(n_links + 1, sizeof *l->links);
    l->texts = calloc(n + 1, sizeof *l->texts);
    if (!l->spans || !l->attrs || !l->links || !l->texts) {
        fail(c->err, c->errlen, c->path, "out of memory");
        return -1;
    }
    size_t attr_at = 0, link_at = 0;
    if (meta) {
        if (parse_attrs(c, meta, "meta", l->attrs))
            return -1;
        l->r.meta = l->attrs;
        l->r.n_meta = json_object_size(meta);
        attr_at = l->r.n_meta;
    }
    size_t i;
    json_t *s;
    json_array_foreach(spans, i, s) {
        if (parse_span(c, l, s, i, &attr_at, &link_at))
            return -1;
    }
    l->r.spans = l->spans;
    l->r.n_spans = n;
    return check_ids(c, l);
}

/* The outcome of reading the recorded document. */
typedef enum doc_read { DOC_OK, DOC_ERRNO, DOC_NOT_REGULAR, DOC_OTHER_SIZE } doc_read;

/* Reads the file at `path` into *bytes (caller frees) when it is a regular
 * file of exactly `size` bytes.  The annotation names the file, and an
 * annotation can come from anyone: a device (/dev/zero never ends), a FIFO
 * (which would block) or a file of another size is not read at all, and
 * never more than size + 1 bytes are.  On DOC_ERRNO *e holds errno. */
static doc_read read_recorded(const char *path, size_t size, unsigned char **bytes, int *e)
{
    *bytes = NULL;
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) {
        *e = errno;
        return DOC_ERRNO;
    }
    struct stat st;
    doc_read rc = DOC_OK;
    if (fstat(fd, &st) != 0) {
        *e = errno;
        rc = DOC_ERRNO;
    } else if (!S_ISREG(st.st_mode)) {
        rc = DOC_NOT_REGULAR;
    } else if ((unsigned long long)st.st_size != (unsigned long long)size) {
        rc = DOC_OTHER_SIZE;
    }
    unsigned char *buf = rc == DOC_OK ? malloc(size + 1) : NULL;
    if (rc == DOC_OK && !buf) {
        *e = ENOMEM;
        rc = DOC_ERRNO;
    }
    size_t got = 0;
    while (rc == DOC_OK) {
        /* One byte past the size: a file that grew is a changed file. */
        ssize_t n = read(fd, buf + got, size + 1 - got);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            *e = errno;
            rc = DOC_ERRNO;
        } else if (n == 0 || (got += (size_t)n) > size) {
            break;
        }
    }
    close(fd);
    if (rc == DOC_OK && got != size)
        rc = DOC_OTHER_SIZE;
    if (rc != DOC_OK) {
        free(buf);
        return rc;
    }
    buf[size] = '\0';
    *bytes = buf;
    return DOC_OK;
}

/* "a/b" (just b when b is absolute or a is NULL), or NULL.  Caller frees. */
static char *joined(const char *a, const char *b)
{
    if (!b || !b[0])
        return NULL;
    return a && b[0] != '/' ? ann_path_join(a, b) : strdup(b);
}

/* Most places tried for one document. */
#define MAX_CANDIDATES 24

/* Adds path (taken over; NULL is skipped) to cand unless it is there. */
static void add_candidate(char **cand, size_t *n, char *path)
{
    for (size_t k = 0; path && k < *n; k++)
        if (strcmp(cand[k], path) == 0) {
            free(path);
            return;
        }
    if (path && *n < MAX_CANDIDATES)
        cand[(*n)++] = path;
    else
        free(path);
}

/* The places the document may be, most trusted first: relative to the
 * annotation file's folder, its absolute path, the path as typed (from the
 * current folder, then beside the annotation file and one folder up, as the
 * default output folder sits under where annotate ran), then below
 * --source DIR: the path as typed less 0, 1, 2... of its leading folders,
 * so DIR may be any folder on the document's way ("docs/sub/b.md" is
 * found as DIR/docs/sub/b.md, DIR/sub/b.md or DIR/b.md).  Fills cand
 * (caller frees each) and returns how many. */
static size_t candidates(const ctx *c, const ann_result *r, char *cand[MAX_CANDIDATES])
{
    size_t n = 0;
    add_candidate(cand, &n, joined(c->dir, r->rel_path));
    add_candidate(cand, &n, joined(NULL, r->abs_path));
    add_candidate(cand, &n, joined(NULL, r->path));
    add_candidate(cand, &n, joined(c->dir, r->path));
    char *up = ann_path_join(c->dir, "..");
    add_candidate(cand, &n, up ? joined(up, r->path) : NULL);
    free(up);
    for (const char *p = r->path; c->source && p; p = strchr(p, '/')) {
        while (*p == '/')
            p++;
        if (*p && strncmp(p, "../", 3) != 0 && strcmp(p, "..") != 0)
            add_candidate(cand, &n, ann_path_join(c->source, p));
    }
    return n;
}

/* Tries each place in turn and takes the first file of the recorded size
 * and SHA-256: an annotation folder copied elsewhere, or viewed from
 * another folder, still finds its document, and never a different one. */
static int load_document(ctx *c, ann_loaded *l)
{
    char *cand[MAX_CANDIDATES] = {NULL};
    size_t n = candidates(c, &l->r, cand);
    const char *changed = NULL, *why = "SHA-256", *irregular = NULL;
    int e = ENOENT;
    for (size_t i = 0; i < n && !l->bytes; i++) {
        int ei = 0;
        unsigned char *bytes = NULL;
        doc_read got = read_recorded(cand[i], l->r.size, &bytes, &ei);
        if (got == DOC_ERRNO) {
            if (ei != ENOENT && e == ENOENT)
                e = ei;
            continue;
        }
        if (got == DOC_NOT_REGULAR) {
            irregular = irregular ? irregular : cand[i];
            continue;
        }
        char sha[65] = "";
        if (got == DOC_OK)
            ann_sha256_hex(bytes, l->r.size, sha);
        if (got == DOC_OK && strcmp(sha, l->r.sha256) == 0) {
            l->bytes = bytes;
            l->doc_path = cand[i];
            cand[i] = NULL;
            break;
        }
        free(bytes);
        if (!changed) {
            changed = cand[i];
            why = got == DOC_OK ? "SHA-256" : "size";
        }
    }
    int rc = 0;
    if (!l->bytes) {
        rc = -1;
        if (changed)
            fail(c->err, c->errlen, c->path,
                 "the document %s has changed since it was annotated (%s differs); "
                 "annotate it again",
                 changed, why);
        else if (irregular)
            fail(c->err, c->errlen, c->path,
                 "the annotated document %s is not a regular file; it is not read", irregular);
        else
            fail(c->err, c->errlen, c->path,
                 "cannot read the annotated document %s (%s); view and stats need the original "
                 "file: give --source DIR, the folder that holds it",
                 l->r.path, strerror(e));
    }
    for (size_t i = 0; i < n; i++)
        free(cand[i]);
    l->r.bytes = l->bytes;
    return rc;
}

/* Checks root (the loaded file takes it over) as an annotation; loads its
 * document too with ANN_LOAD_DOCUMENT.  Returns 0, or -1 with c->err set
 * (*l is then still the caller's to free). */
static int load_root(ctx *c, ann_loaded *l, json_t *root, int flags)
{
    l->root = root;
    if (!json_is_object(l->root)) {
        fail(c->err, c->errlen, c->path, "not an annotation file: the top level is not an object");
        return -1;
    }
    json_t *schema = json_object_get(l->root, "schema");
    if (!json_is_string(schema) || strncmp(json_string_value(schema), "annotate/1.", 11) != 0) {
        fail(c->err, c->errlen, c->path,
             "not an annotation file: \"schema\" should be "
             "\"annotate/1.x\"%s",
             json_is_string(schema) ? ", this version is not supported" : "");
        return -1;
    }
    if (parse_document(c, l) || parse_plugins(c, l) || parse_failed(c, l) || parse_spans(c, l))
        return -1;
    if ((flags & ANN_LOAD_DOCUMENT) && load_document(c, l))
        return -1;
    return 0;
}

/* The folder of file `path`, for relative_path.  Caller frees. */
static char *folder_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        return strdup(".");
    return strndup(path, slash == path ? 1 : (size_t)(slash - path));
}

int ann_load(const char *path, int flags, ann_loaded **out, char *err, size_t errlen)
{
    return ann_load_from(path, flags, NULL, out, err, errlen);
}

int ann_load_from(const char *path, int flags, const char *source_dir, ann_loaded **out,
                  char *err, size_t errlen)
{
    *out = NULL;
    char *dir = folder_of(path);
    ann_loaded *l = calloc(1, sizeof *l);
    if (!l || !dir) {
        fail(err, errlen, path, "out of memory");
        free(dir);
        free(l);
        return ANN_ENOMEM;
    }
    ctx c = {path, dir, source_dir, err, errlen};
    json_error_t jerr;
    json_t *root = json_load_file(path, JSON_REJECT_DUPLICATES, &jerr);
    int rc = ANN_EINVAL;
    if (!root) {
        if (jerr.line < 0)
            fail(err, errlen, path, "%s", jerr.text);
        else
            fail(err, errlen, path, "line %d, column %d: not valid JSON: %s", jerr.line,
                 jerr.column, jerr.text);
    } else if (load_root(&c, l, root, flags) == 0) {
        *out = l;
        l = NULL;
        rc = ANN_OK;
    }
    ann_loaded_free(l);
    free(dir);
    return rc;
}

/* Appends l to the list; frees it when memory runs out.  Returns 0 or -1. */
static int list_add(ann_loaded_list *list, ann_loaded *l)
{
    if (list->n == list->cap) {
        size_t cap = list->cap ? list->cap * 2 : 8;
        ann_loaded **items = realloc(list->items, cap * sizeof *items);
        if (!items) {
            ann_loaded_free(l);
            return -1;
        }
        list->items = items;
        list->cap = cap;
    }
    list->items[list->n++] = l;
    return 0;
}

/* One annotation of a stream, the one at byte *off of data[0..len): parsed
 * and appended to list, or its message appended to errors.  Moves *off
 * past it (past its line when it is broken, so the next line is read).
 * Returns -1 only when memory runs out. */
static int load_one(const char *path, const char *dir, const char *source, int flags,
                    const char *data, size_t len, size_t *off, ann_loaded_list *list,
                    ann_strlist *errors)
{
    size_t line = 1;
    for (size_t i = 0; i < *off; i++)
        line += data[i] == '\n';
    char name[1100], err[2048];
    /* A file of one annotation is named alone, as ann_load() names it. */
    const char *shown = strcmp(path, "-") ? path : "standard input";
    if (*off == 0)
        snprintf(name, sizeof name, "%s", shown);
    else
        snprintf(name, sizeof name, "%s:%zu", shown, line);
    json_error_t jerr;
    json_t *root = json_loadb(data + *off, len - *off,
                              JSON_DISABLE_EOF_CHECK | JSON_REJECT_DUPLICATES, &jerr);
    if (!root) {
        snprintf(err, sizeof err, "%s: column %d: not valid JSON: %s", name, jerr.column,
                 jerr.text);
        const char *nl = memchr(data + *off, '\n', len - *off);
        *off = nl ? (size_t)(nl - data) + 1 : len;
        return ann_strlist_add(errors, err);
    }
    *off += jerr.position;
    ann_loaded *l = calloc(1, sizeof *l);
    if (!l) {
        json_decref(root);
        return -1;
    }
    ctx c = {name, dir, source, err, sizeof err};
    if (load_root(&c, l, root, flags) != 0) {
        ann_loaded_free(l);
        return ann_strlist_add(errors, err);
    }
    return list_add(list, l);
}

int ann_load_all(const char *path, int flags, const char *source_dir, ann_loaded_list *list,
                 ann_strlist *errors)
{
    unsigned char *data = NULL;
    size_t len = 0;
    int e = strcmp(path, "-") == 0 ? ann_read_fd(0, &data, &len) : ann_read_path(path, &data, &len);
    char msg[1200];
    if (e != 0) {
        snprintf(msg, sizeof msg, "%s: %s", strcmp(path, "-") ? path : "standard input",
                 strerror(e));
        return ann_strlist_add(errors, msg) == 0 ? ANN_EIO : ANN_ENOMEM;
    }
    size_t before = list->n, failed = errors->n;
    char *dir = strcmp(path, "-") == 0 ? strdup(".") : folder_of(path);
    int rc = dir ? ANN_OK : ANN_ENOMEM;
    const char *text = (const char *)data;
    for (size_t off = 0; rc == ANN_OK;) {
        while (off < len && strchr(" \t\r\n", text[off]))
            off++;
        if (off >= len)
            break;
        if (load_one(path, dir, source_dir, flags, text, len, &off, list, errors) != 0)
            rc = ANN_ENOMEM;
    }
    if (rc == ANN_OK && list->n == before && errors->n == failed) {
        snprintf(msg, sizeof msg, "%s: no annotation in it",
                 strcmp(path, "-") ? path : "standard input");
        rc = ann_strlist_add(errors, msg) == 0 ? ANN_EINVAL : ANN_ENOMEM;
    }
    if (rc == ANN_OK && errors->n > failed)
        rc = ANN_EINVAL;
    free(dir);
    free(data);
    return rc;
}

void ann_loaded_list_free(ann_loaded_list *list)
{
    for (size_t i = 0; i < list->n; i++)
        ann_loaded_free(list->items[i]);
    free(list->items);
    memset(list, 0, sizeof *list);
}

const ann_result *ann_loaded_result(const ann_loaded *l)
{
    return &l->r;
}

const char *ann_loaded_span_text(const ann_loaded *l, size_t i)
{
    return i < l->r.n_spans ? l->texts[i] : NULL;
}

void ann_loaded_free(ann_loaded *l)
{
    if (!l)
        return;
    json_decref(l->root);
    free(l->spans);
    free(l->attrs);
    free(l->links);
    free(l->plugins);
    free(l->failed);
    free(l->texts);
    free(l->bytes);
    free(l->doc_path);
    free(l);
}
