#include "load/loader.h"

#include <dirent.h>
#include <dlfcn.h>
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/buf.h"
#include "util/grow.h"

/* What open() gets as its context: the plugin and room for its message. */

/* The fields of an ABI-1 descriptor end with close(). */
#define ANN_PLUGIN_MIN_SIZE (offsetof(ann_plugin, close) + sizeof(void (*)(void *)))
/* An ABI 2 descriptor reaches through `subsumes`. */
#define ANN_PLUGIN_V2_SIZE (offsetof(ann_plugin, subsumes) + sizeof(const char *const *))

static char *xstrdup(const char *s)
{
    if (!s)
        return NULL;
    size_t n = strlen(s) + 1;
    char *p = malloc(n);
    if (p)
        memcpy(p, s, n);
    return p;
}

/* realpath() of dir, or a copy of dir when it does not resolve. */
static char *resolve(const char *dir)
{
    char *r = realpath(dir, NULL);
    return r ? r : xstrdup(dir);
}

static int same_dir(const char *a, const char *b)
{
    char *ra = resolve(a), *rb = resolve(b);
    int same = ra && rb && strcmp(ra, rb) == 0;
    free(ra);
    free(rb);
    return same;
}

int ann_in_build_tree(void)
{
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0)
        return 0;
    exe[n] = '\0';
    char *build = resolve(ANN_ABS_BUILDDIR);
    if (!build)
        return 0;
    /* The program, or a test program, somewhere below the build folder. */
    size_t bl = strlen(build);
    int inside = strncmp(exe, build, bl) == 0 && exe[bl] == '/';
    free(build);
    return inside;
}

int ann_search_path(const char *const *cli_dirs, size_t n_cli, ann_strlist *out)
{
    for (size_t i = 0; i < n_cli; i++)
        if (ann_strlist_add(out, cli_dirs[i]) != 0)
            return -1;
    const char *env = getenv("ANNOTATE_PLUGIN_PATH");
    if (env) {
        const char *p = env;
        while (*p) {
            const char *colon = strchr(p, ':');
            size_t len = colon ? (size_t)(colon - p) : strlen(p);
            if (len > 0) {
                char *dir = malloc(len + 1);
                if (!dir)
                    return -1;
                memcpy(dir, p, len);
                dir[len] = '\0';
                int rc = ann_strlist_add(out, dir);
                free(dir);
                if (rc != 0)
                    return -1;
            }
            p += len;
            if (*p == ':')
                p++;
        }
    }
    if (ann_in_build_tree())
        return ann_strlist_add(out, ANN_ABS_BUILDDIR "/plugins/.libs");
    return ann_strlist_add(out, ANN_PKGLIBDIR);
}

int ann_plugin_name_ok(const char *s, size_t n)
{
    if (n == 0 || n > ANN_NAME_MAX || s[0] < 'a' || s[0] > 'z')
        return 0;
    for (size_t i = 1; i < n; i++) {
        char c = s[i];
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'))
            return 0;
    }
    return 1;
}

/* Where a plugin found in `dir` keeps its data. */
static char *data_dir_for(const char *dir, const char *name)
{
    ann_buf b = ANN_BUF_INIT;
    if (same_dir(dir, ANN_ABS_BUILDDIR "/plugins/.libs"))
        ann_buf_printf(&b, "%s/plugins/%s", ANN_ABS_SRCDIR, name);
    else if (same_dir(dir, ANN_PKGLIBDIR))
        ann_buf_printf(&b, "%s/%s", ANN_PKGDATADIR, name);
    else
        ann_buf_puts(&b, dir);
    if (b.failed) {
        ann_buf_free(&b);
        return NULL;
    }
    return ann_buf_steal(&b, NULL);
}

static int found_cmp(const void *a, const void *b)
{
    return strcmp(((const ann_found *)a)->name, ((const ann_found *)b)->name);
}

static int is_shipped_dir(const char *dir)
{
    return same_dir(dir, ANN_ABS_BUILDDIR "/plugins/.libs") || same_dir(dir, ANN_PKGLIBDIR);
}

/* "DIR/NAME.so", or NULL when memory runs out.  dlopen() searches the
 * system for a name without a slash, so the folder is always written. */
static char *plugin_file(const char *dir, const char *name, size_t len)
{
    ann_buf file = ANN_BUF_INIT;
    ann_buf_printf(&file, "%s%s%.*s.so", dir, dir[0] && dir[strlen(dir) - 1] == '/' ? "" : "/",
                   (int)len, name);
    if (file.failed) {
        ann_buf_free(&file);
        return NULL;
    }
    return ann_buf_steal(&file, NULL);
}

static int is_present(const char *file)
{
    struct stat st;
    return stat(file, &st) == 0;
}

/* The shipped NAME.so that a plugin found in path->items[at] hides: the one
 * in a shipped folder later on the path.  *out is NULL when there is none;
 * returns -1 when memory runs out. */
static int shadowed_file(const ann_strlist *path, size_t at, const char *name, size_t len,
                         char **out)
{
    *out = NULL;
    if (is_shipped_dir(path->items[at]))
        return 0;
    for (size_t d = at + 1; d < path->n; d++) {
        if (!is_shipped_dir(path->items[d]))
            continue;
        char *file = plugin_file(path->items[d], name, len);
        if (!file)
            return -1;
        if (is_present(file)) {
            *out = file;
            return 0;
        }
        free(file);
    }
    return 0;
}

/* Fills *f for NAME (name[0..len)) found in path->items[at]. */
static int fill_found(ann_found *f, const ann_strlist *path, size_t at, const char *name,
                      size_t len)
{
    memset(f, 0, sizeof *f);
    f->name = malloc(len + 1);
    f->file = plugin_file(path->items[at], name, len);
    if (f->name) {
        memcpy(f->name, name, len);
        f->name[len] = '\0';
    }
    f->data_dir = f->name ? data_dir_for(path->items[at], f->name) : NULL;
    if (!f->name || !f->file || !f->data_dir ||
        shadowed_file(path, at, name, len, &f->shadows) != 0) {
        ann_found_free(f);
        return -1;
    }
    return 0;
}

void ann_found_free(ann_found *f)
{
    free(f->name);
    free(f->file);
    free(f->data_dir);
    free(f->shadows);
    memset(f, 0, sizeof *f);
}

void ann_warn_missing_dirs(const char *const *dirs, size_t n, ann_strlist *warnings)
{
    for (size_t i = 0; i < n && warnings; i++) {
        struct stat st;
        int found = stat(dirs[i], &st) == 0;
        if (found && S_ISDIR(st.st_mode))
            continue;
        ann_buf msg = ANN_BUF_INIT;
        ann_buf_printf(&msg, "-P %s: %s; no plugins are taken from it", dirs[i],
                       found ? "not a folder" : strerror(errno));
        if (!msg.failed)
            ann_strlist_add(warnings, msg.data);
        ann_buf_free(&msg);
    }
}

int ann_discover(const ann_strlist *path, ann_found_list *out)
{
    for (size_t d = 0; d < path->n; d++) {
        const char *dir = path->items[d];
        DIR *dh = opendir(dir);
        if (!dh)
            continue; /* a folder on the path need not exist */
        struct dirent *e;
        while ((e = readdir(dh)) != NULL) {
            size_t len = strlen(e->d_name);
            if (len < 4 || strcmp(e->d_name + len - 3, ".so") != 0)
                continue;
            if (!ann_plugin_name_ok(e->d_name, len - 3))
                continue;
            int seen = 0;
            for (size_t i = 0; i < out->n && !seen; i++)
                seen = strlen(out->items[i].name) == len - 3 &&
                       strncmp(out->items[i].name, e->d_name, len - 3) == 0;
            if (seen)
                continue; /* an earlier folder already had this plugin */
            ann_found *items = ann_grow(out->items, out->n, &out->cap, sizeof *items, 16);
            if (!items) {
                closedir(dh);
                return -1;
            }
            out->items = items;
            if (fill_found(&out->items[out->n], path, d, e->d_name, len - 3) != 0) {
                closedir(dh);
                return -1;
            }
            out->n++;
        }
        closedir(dh);
    }
    if (out->n > 1)
        qsort(out->items, out->n, sizeof *out->items, found_cmp);
    return 0;
}

int ann_find_plugin(const ann_strlist *path, const char *name, ann_found *out)
{
    memset(out, 0, sizeof *out);
    size_t len = strlen(name);
    if (!ann_plugin_name_ok(name, len))
        return 0; /* no file can have that name; and it keeps "../x" off the path */
    for (size_t d = 0; d < path->n; d++) {
        char *file = plugin_file(path->items[d], name, len);
        if (!file)
            return -1;
        int here = is_present(file);
        free(file);
        if (here)
            return fill_found(out, path, d, name, len) == 0 ? 1 : -1;
    }
    return 0;
}

void ann_found_list_free(ann_found_list *l)
{
    for (size_t i = 0; i < l->n; i++)
        ann_found_free(&l->items[i]);
    free(l->items);
    l->items = NULL;
    l->n = l->cap = 0;
}

/* Why a plugin file or folder with status st may not be trusted, or NULL. */
static const char *distrust(const struct stat *st, char *buf, size_t buflen)
{
    if (st->st_mode & S_IWOTH)
        return "is writable by everyone";
    if (st->st_uid != 0 && st->st_uid != geteuid()) {
        snprintf(buf, buflen, "is owned by user %lu, who is neither root nor you",
                 (unsigned long)st->st_uid);
        return buf;
    }
    return NULL;
}

/* Checks one folder; 0, or -1 with the message in err. */
static int check_dir(const char *file, const char *dir, char *err, size_t errlen)
{
    struct stat st;
    char buf[96];
    const char *why = stat(dir, &st) == 0 ? distrust(&st, buf, sizeof buf) : NULL;
    if (!why)
        return 0;
    snprintf(err, errlen,
             "%s: refused: its folder %s %s, so someone else could put code there that annotate "
             "would run; fix the folder or give --trust-plugin-path",
             file, dir, why);
    return -1;
}

/* A copy of the folder part of path ("." when there is none). */
static char *dir_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        return xstrdup(".");
    size_t n = slash == path ? 1 : (size_t)(slash - path);
    char *d = malloc(n + 1);
    if (d) {
        memcpy(d, path, n);
        d[n] = '\0';
    }
    return d;
}

int ann_check_plugin_file(const char *file, char *err, size_t errlen)
{
    struct stat st;
    char buf[96];
    if (stat(file, &st) != 0)
        return 0; /* loading it will say what is wrong */
    const char *why = distrust(&st, buf, sizeof buf);
    if (why) {
        snprintf(err, errlen,
                 "%s: refused: the file %s, so someone else could change the code annotate would "
                 "run; fix it or give --trust-plugin-path",
                 file, why);
        return -1;
    }
    char *dir = dir_of(file);
    char *real = realpath(file, NULL);
    char *real_dir = real ? dir_of(real) : NULL;
    int rc = 0;
    if (!dir || (real && !real_dir)) {
        snprintf(err, errlen, "%s: out of memory", file);
        rc = -1;
    } else {
        rc = check_dir(file, dir, err, errlen);
        if (rc == 0 && real_dir && !same_dir(dir, real_dir))
            rc = check_dir(file, real_dir, err, errlen);
    }
    free(dir);
    free(real);
    free(real_dir);
    return rc;
}

/* The checks every descriptor passes, linked in or loaded. */
static int check_desc(const ann_plugin *d, const char *file, const char *name, char *err,
                      size_t errlen)
{
    if (!d) {
        snprintf(err, errlen, "%s: ann_plugin_%s() returned no descriptor", file,
                 name ? name : "?");
        return ANN_ERROR;
    }
    if (d->abi_version < ANN_ABI_MIN || d->abi_version > ANN_ABI_VERSION) {
        snprintf(err, errlen, "%s: built for plugin ABI %u, this annotate supports %u..%u", file,
                 (unsigned)d->abi_version, (unsigned)ANN_ABI_MIN, (unsigned)ANN_ABI_VERSION);
        return ANN_ERROR;
    }
    if (d->size < ANN_PLUGIN_MIN_SIZE) {
        snprintf(err, errlen, "%s: descriptor is %u bytes, plugin ABI %u needs at least %u", file,
                 (unsigned)d->size, (unsigned)d->abi_version, (unsigned)ANN_PLUGIN_MIN_SIZE);
        return ANN_ERROR;
    }
    if (!d->name || (name && strcmp(d->name, name) != 0)) {
        snprintf(err, errlen, "%s: descriptor names the plugin '%s', the file says '%s'", file,
                 d->name ? d->name : "(null)", name ? name : "?");
        return ANN_ERROR;
    }
    if (!ann_plugin_name_ok(d->name, strlen(d->name))) {
        snprintf(err, errlen, "%s: '%s' is not a valid plugin name", file, d->name);
        return ANN_ERROR;
    }
    if (d->abi_version >= 2 && d->size < ANN_PLUGIN_V2_SIZE) {
        snprintf(err, errlen, "%s: descriptor is %u bytes, plugin ABI %u needs at least %u", file,
                 (unsigned)d->size, (unsigned)d->abi_version, (unsigned)ANN_PLUGIN_V2_SIZE);
        return ANN_ERROR;
    }
    /* Only read what the plugin's own ABI has: a version 1 descriptor ends
     * at close(). */
    int has_v2 = d->abi_version >= 2 && d->annotate_v2;
    if (!d->version || !d->labels || !d->labels[0] || (!d->annotate && !has_v2)) {
        snprintf(err, errlen, "%s: descriptor lacks %s", file,
                 !d->version                   ? "a version"
                 : !d->labels || !d->labels[0] ? "labels"
                                               : "an annotate() function");
        return ANN_ERROR;
    }
    return ANN_OK;
}

/* A copy of the descriptor as this host's header lays it out: the fields
 * the plugin's ABI does not have are zero, so the rest of the host reads
 * every member without looking at versions again.  Caller frees. */
static ann_plugin *copy_desc(const ann_plugin *d)
{
    ann_plugin *c = calloc(1, sizeof *c);
    if (!c)
        return NULL;
    memcpy(c, d, d->abi_version >= 2 ? ANN_PLUGIN_V2_SIZE : ANN_PLUGIN_MIN_SIZE);
    return c;
}

static int fill_loaded(ann_loaded_plugin *out, const ann_plugin *d, const char *file,
                       const char *data_dir, char *err, size_t errlen)
{
    out->desc = copy_desc(d);
    if (!out->desc) {
        snprintf(err, errlen, "%s: out of memory", file);
        return ANN_ERROR;
    }
    out->name = xstrdup(d->name);
    out->file = xstrdup(file);
    if (data_dir) {
        out->data_dir = xstrdup(data_dir);
    } else {
        const char *slash = strrchr(file, '/');
        out->data_dir = slash ? malloc((size_t)(slash - file) + 1) : xstrdup(".");
        if (slash && out->data_dir) {
            memcpy(out->data_dir, file, (size_t)(slash - file));
            out->data_dir[slash - file] = '\0';
        }
    }
    while (d->options && d->options[out->n_options].key)
        out->n_options++;
    while (d->labels[out->n_labels])
        out->n_labels++;
    out->values = out->n_options ? calloc(out->n_options, sizeof *out->values) : NULL;
    out->given = out->n_options ? calloc(out->n_options, sizeof *out->given) : NULL;
    if (!out->name || !out->file || !out->data_dir ||
        (out->n_options && (!out->values || !out->given))) {
        snprintf(err, errlen, "%s: out of memory", file);
        return ANN_ENOMEM;
    }
    return ANN_OK;
}

int ann_load_plugin(const char *file, const char *name, const char *data_dir,
                    ann_loaded_plugin *out, char *err, size_t errlen)
{
    memset(out, 0, sizeof *out);
    char namebuf[ANN_NAME_MAX + 1];
    if (!name) {
        const char *base = strrchr(file, '/');
        base = base ? base + 1 : file;
        size_t len = strlen(base);
        if (len > 3 && strcmp(base + len - 3, ".so") == 0)
            len -= 3;
        if (!ann_plugin_name_ok(base, len)) {
            snprintf(err, errlen, "%s: not a plugin file name (NAME.so)", file);
            return ANN_ERROR;
        }
        memcpy(namebuf, base, len);
        namebuf[len] = '\0';
        name = namebuf;
    }
    void *h = dlopen(file, RTLD_NOW | RTLD_LOCAL);
    if (!h) {
        const char *why = dlerror();
        snprintf(err, errlen, "%s: cannot load: %s", file, why ? why : "unknown error");
        return ANN_ERROR;
    }
    char sym[96];
    snprintf(sym, sizeof sym, "ann_plugin_%s", name);
    dlerror();
    void *addr = dlsym(h, sym);
    if (!addr) {
        snprintf(err, errlen,
                 "%s: no entry function %s() (a plugin NAME.so exports ann_plugin_NAME)", file,
                 sym);
        dlclose(h);
        return ANN_ERROR;
    }
    const ann_plugin *(*entry)(void);
    /* POSIX guarantees that a data pointer from dlsym() converts to a
     * function pointer; memcpy keeps the compiler quiet about it. */
    memcpy(&entry, &addr, sizeof entry);
    const ann_plugin *d = entry();
    int rc = check_desc(d, file, name, err, errlen);
    if (rc == ANN_OK)
        rc = fill_loaded(out, d, file, data_dir, err, errlen);
    if (rc != ANN_OK) {
        out->handle = NULL;
        ann_loaded_plugin_free(out);
        dlclose(h);
        return ANN_ERROR;
    }
    out->handle = h;
    return ANN_OK;
}

int ann_load_linked(const ann_plugin *desc, const char *data_dir, ann_loaded_plugin *out, char *err,
                    size_t errlen)
{
    memset(out, 0, sizeof *out);
    const char *name = desc && desc->name ? desc->name : "?";
    char file[96];
    snprintf(file, sizeof file, "(linked) %s", name);
    int rc = check_desc(desc, file, NULL, err, errlen);
    if (rc == ANN_OK)
        rc = fill_loaded(out, desc, file, data_dir ? data_dir : ".", err, errlen);
    if (rc != ANN_OK) {
        ann_loaded_plugin_free(out);
        return ANN_ERROR;
    }
    return ANN_OK;
}

void ann_loaded_plugin_free(ann_loaded_plugin *p)
{
    if (p->opened && p->desc->close)
        p->desc->close(p->state);
    p->opened = 0;
    free((void *)p->desc);
    ann_declared_free(&p->declared);
    for (size_t i = 0; i < p->n_options && p->values; i++)
        free(p->values[i]);
    free(p->values);
    for (size_t i = 0; i < p->n_options && p->given; i++)
        ann_strlist_free(&p->given[i]);
    free(p->given);
    free(p->name);
    free(p->file);
    free(p->data_dir);
    free(p->instance);
    if (p->handle)
        dlclose(p->handle);
    memset(p, 0, sizeof *p);
}

static size_t set_index(const ann_plugin_set *set, const char *name)
{
    for (size_t i = 0; i < set->n; i++)
        if (strcmp(set->items[i].name, name) == 0)
            return i;
    return (size_t)-1;
}

int ann_order_plugins(ann_plugin_set *set, char *err, size_t errlen)
{
    size_t n = set->n;
    if (n == 0)
        return ANN_OK;
    for (size_t i = 0; i < n; i++) {
        const char *const *needs = set->items[i].desc->needs;
        for (size_t k = 0; needs && needs[k]; k++) {
            if (set_index(set, needs[k]) == (size_t)-1) {
                snprintf(
                    err, errlen,
                    "%s: plugin %s needs the layer '%s', but no plugin %s is selected or found",
                    set->items[i].file, set->items[i].name, needs[k], needs[k]);
                return ANN_ERROR;
            }
        }
    }
    /* Kahn's algorithm, always taking the earliest ready plugin so that the
     * order is deterministic and keeps the given order where it can. */
    ann_loaded_plugin *sorted = malloc(n * sizeof *sorted);
    unsigned char *done = calloc(n, 1);
    if (!sorted || !done) {
        free(sorted);
        free(done);
        snprintf(err, errlen, "out of memory");
        return ANN_ENOMEM;
    }
    size_t count = 0;
    while (count < n) {
        size_t pick = (size_t)-1;
        for (size_t i = 0; i < n && pick == (size_t)-1; i++) {
            if (done[i])
                continue;
            int ready = 1;
            const char *const *needs = set->items[i].desc->needs;
            for (size_t k = 0; needs && needs[k] && ready; k++) {
                size_t j = set_index(set, needs[k]);
                ready = done[j] || j == i; /* needing oneself is harmless */
            }
            if (ready)
                pick = i;
        }
        if (pick == (size_t)-1)
            break;
        done[pick] = 1;
        sorted[count++] = set->items[pick];
    }
    if (count < n) {
        /* Walk needs from an unfinished plugin until one repeats: a cycle. */
        size_t start = 0;
        while (done[start])
            start++;
        size_t *trail = malloc((n + 1) * sizeof *trail);
        ann_buf msg = ANN_BUF_INIT;
        if (trail) {
            size_t len = 0, cur = start;
            for (;;) {
                size_t seen = len;
                for (size_t t = 0; t < len; t++)
                    if (trail[t] == cur)
                        seen = t;
                if (seen < len) {
                    for (size_t t = seen; t < len; t++)
                        ann_buf_printf(&msg, "%s -> ", set->items[trail[t]].name);
                    ann_buf_puts(&msg, set->items[cur].name);
                    break;
                }
                trail[len++] = cur;
                const char *const *needs = set->items[cur].desc->needs;
                size_t next = cur;
                for (size_t k = 0; needs && needs[k]; k++) {
                    size_t j = set_index(set, needs[k]);
                    if (!done[j] && j != cur) {
                        next = j;
                        break;
                    }
                }
                if (next == cur)
                    break;
                cur = next;
            }
        }
        snprintf(err, errlen, "%s: plugins need each other in a cycle: %s", set->items[start].file,
                 msg.data ? msg.data : set->items[start].name);
        ann_buf_free(&msg);
        free(trail);
        free(sorted);
        free(done);
        return ANN_ERROR;
    }
    memcpy(set->items, sorted, n * sizeof *sorted);
    free(sorted);
    free(done);
    return ANN_OK;
}

/* What ann_select_with_policy() walks with. */
typedef struct selector {
    const ann_load_policy *policy;
    const ann_strlist *path;
    const ann_found_list *all; /* every plugin on the path, for "all"; else NULL */
    size_t cap;                /* of the set's items */
} selector;

static void warn(const selector *sel, const char *fmt, ...) ANN_PRINTF(2, 3);

static void warn(const selector *sel, const char *fmt, ...)
{
    if (!sel->policy->warnings)
        return;
    char msg[2048];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    ann_strlist_add(sel->policy->warnings, msg);
}

static void missing_plugin(const selector *sel, const char *name, const char *wanted_by, char *err,
                           size_t errlen)
{
    ann_buf dirs = ANN_BUF_INIT;
    for (size_t i = 0; i < sel->path->n; i++)
        ann_buf_printf(&dirs, "%s%s", i ? ":" : "", sel->path->items[i]);
    if (wanted_by)
        snprintf(err, errlen,
                 "plugin %s needs the layer '%s', but no %s.so was found on the plugin path (%s)",
                 wanted_by, name, name, dirs.data ? dirs.data : "");
    else
        snprintf(err, errlen,
                 "no plugin '%s': no %s.so on the plugin path (%s); see 'annotate plugins'", name,
                 name, dirs.data ? dirs.data : "");
    ann_buf_free(&dirs);
}

/* The index of the option `key` (key[0..klen)) of p, or p->n_options. */
static size_t option_index(const ann_loaded_plugin *p, const char *key, size_t klen)
{
    size_t i = 0;
    while (i < p->n_options && !(strlen(p->desc->options[i].key) == klen &&
                                 strncmp(p->desc->options[i].key, key, klen) == 0))
        i++;
    return i;
}

/* Gives option i of p one more value (copied): the last is its value. */
static int add_value(ann_loaded_plugin *p, size_t i, const char *value)
{
    char *v = xstrdup(value);
    if (!v || ann_strlist_add(&p->given[i], value) != 0) {
        free(v);
        return ANN_ENOMEM;
    }
    free(p->values[i]);
    p->values[i] = v;
    return ANN_OK;
}

/* The instance of plugin `name` made for -p name:PATH, or NULL. */
static const ann_loaded_plugin *find_instance(const ann_plugin_set *set, const char *name,
                                              const char *instance)
{
    for (size_t i = 0; i < set->n; i++)
        if (set->items[i].instance && strcmp(set->items[i].instance, instance) == 0 &&
            strcmp(set->items[i].desc->name, name) == 0)
            return &set->items[i];
    return NULL;
}

/* Makes the plugin just loaded the instance of -p NAME:PATH: PATH is its
 * option `file`. */
static int make_instance(ann_loaded_plugin *p, const char *instance, char *err, size_t errlen)
{
    size_t k = option_index(p, "file", 4);
    if (k == p->n_options) {
        snprintf(err, errlen,
                 "-p %s:%s: plugin %s has no option 'file', which NAME:PATH gives; select it "
                 "with -p %s and set its options with -O",
                 p->desc->name, instance, p->desc->name, p->desc->name);
        return ANN_EINVAL;
    }
    p->instance = xstrdup(instance);
    if (!p->instance || add_value(p, k, instance) != ANN_OK) {
        snprintf(err, errlen, "out of memory");
        return ANN_ENOMEM;
    }
    return ANN_OK;
}

/* Adds plugin `name` to the set (checking and loading its file), unless it
 * is already there.  With `instance` (the PATH of -p name:PATH), adds that
 * item's own instance unless it is there.  With `tolerant`, a file that
 * does not load is a warning and is left out. */
static int add_plugin(ann_plugin_set *set, selector *sel, const char *name, const char *instance,
                      const char *wanted_by, int tolerant, char *err, size_t errlen)
{
    if (instance ? find_instance(set, name, instance) != NULL : set_index(set, name) != (size_t)-1)
        return ANN_OK;
    ann_found own = {0};
    const ann_found *f = NULL;
    if (sel->all) {
        for (size_t i = 0; i < sel->all->n && !f; i++)
            if (strcmp(sel->all->items[i].name, name) == 0)
                f = &sel->all->items[i];
    } else {
        int got = ann_find_plugin(sel->path, name, &own);
        if (got < 0) {
            snprintf(err, errlen, "out of memory");
            return ANN_ENOMEM;
        }
        f = got ? &own : NULL;
    }
    int rc = ANN_OK;
    if (!f) {
        missing_plugin(sel, name, wanted_by, err, errlen);
        rc = ANN_ERROR;
    } else if (!sel->policy->trust_path && ann_check_plugin_file(f->file, err, errlen) != 0) {
        rc = ANN_ERROR;
    } else {
        ann_loaded_plugin *items = ann_grow(set->items, set->n, &sel->cap, sizeof *items, 8);
        if (!items) {
            snprintf(err, errlen, "out of memory");
            rc = ANN_ENOMEM;
        } else {
            set->items = items;
            rc = ann_load_plugin(f->file, f->name, f->data_dir, &set->items[set->n], err, errlen);
            if (rc == ANN_OK) {
                set->n++;
                if (instance)
                    rc = make_instance(&set->items[set->n - 1], instance, err, errlen);
                if (f->shadows)
                    warn(sel, "%s shadows the shipped plugin %s: the one found first is used",
                         f->file, f->shadows);
            } else if (tolerant) {
                warn(sel, "%s; skipped", err);
                rc = ANN_OK;
            }
        }
    }
    ann_found_free(&own);
    return rc;
}

/* Adds what the plugins of the set need; the set grows while we walk it. */
static int pull_needs(ann_plugin_set *set, selector *sel, char *err, size_t errlen)
{
    int rc = ANN_OK;
    for (size_t i = 0; rc == ANN_OK && i < set->n; i++) {
        const char *const *needs = set->items[i].desc->needs;
        for (size_t k = 0; rc == ANN_OK && needs && needs[k]; k++) {
            char wanted_by[72];
            snprintf(wanted_by, sizeof wanted_by, "%s", set->items[i].name);
            rc = add_plugin(set, sel, needs[k], NULL, wanted_by, 0, err, errlen);
        }
    }
    return rc;
}

/* Adds a plugin the -p list names: the instances of its NAME:PATH items,
 * or else the plugin itself unless an instance of it is selected. */
static int add_named(ann_plugin_set *set, selector *sel, const char *name, char *err, size_t errlen)
{
    const ann_strlist *inst = sel->policy->instances;
    size_t nlen = strlen(name);
    int had = 0, rc = ANN_OK;
    for (size_t i = 0; rc == ANN_OK && inst && i < inst->n; i++) {
        const char *item = inst->items[i];
        if (strncmp(item, name, nlen) == 0 && item[nlen] == ':') {
            had = 1;
            rc = add_plugin(set, sel, name, item + nlen + 1, NULL, 0, err, errlen);
        }
    }
    for (size_t i = 0; !had && i < set->n; i++)
        had = strcmp(set->items[i].desc->name, name) == 0;
    return had ? rc : add_plugin(set, sel, name, NULL, NULL, 0, err, errlen);
}

int ann_select_with_policy(const ann_load_policy *policy, const ann_strlist *path, const char *list,
                           ann_plugin_set *out, char *err, size_t errlen)
{
    memset(out, 0, sizeof *out);
    ann_found_list found = {0};
    selector sel = {policy, path, NULL, 0};
    int rc = ANN_OK;
    if (!list) {
        if (ann_discover(path, &found) != 0) {
            ann_found_list_free(&found);
            snprintf(err, errlen, "out of memory");
            return ANN_ENOMEM;
        }
        sel.all = &found;
        for (size_t i = 0; i < found.n && rc == ANN_OK; i++)
            rc = add_plugin(out, &sel, found.items[i].name, NULL, NULL, 1, err, errlen);
        if (rc == ANN_OK && out->n == 0) {
            ann_buf dirs = ANN_BUF_INIT;
            for (size_t i = 0; i < path->n; i++)
                ann_buf_printf(&dirs, "%s%s", i ? ":" : "", path->items[i]);
            snprintf(err, errlen, "no plugins %s on the plugin path (%s); use -P DIR",
                     found.n ? "that load" : "found", dirs.data ? dirs.data : "");
            ann_buf_free(&dirs);
            rc = ANN_ERROR;
        }
    } else {
        const char *p = list;
        while (rc == ANN_OK && *p) {
            const char *comma = strchr(p, ',');
            size_t len = comma ? (size_t)(comma - p) : strlen(p);
            char name[72];
            if (len == 0 || len >= sizeof name) {
                snprintf(err, errlen, "bad plugin list '%s': expected NAME[,NAME...]", list);
                rc = ANN_EINVAL;
                break;
            }
            memcpy(name, p, len);
            name[len] = '\0';
            rc = add_named(out, &sel, name, err, errlen);
            p += len;
            if (*p == ',')
                p++;
        }
    }
    if (rc == ANN_OK)
        rc = pull_needs(out, &sel, err, errlen);
    if (rc == ANN_OK)
        rc = ann_order_plugins(out, err, errlen);
    ann_found_list_free(&found);
    if (rc != ANN_OK)
        ann_plugin_set_free(out);
    return rc;
}

int ann_select_plugins(const ann_strlist *path, const char *list, ann_plugin_set *out, char *err,
                       size_t errlen)
{
    const ann_load_policy strict = {0, NULL, NULL};
    return ann_select_with_policy(&strict, path, list, out, err, errlen);
}

int ann_set_option(ann_plugin_set *set, const char *spec, char *err, size_t errlen)
{
    const char *dot = strchr(spec, '.');
    const char *eq = strchr(spec, '=');
    if (!dot || !eq || dot > eq || dot == spec || eq == dot + 1) {
        snprintf(err, errlen, "-O %s: expected PLUGIN.KEY=VALUE", spec);
        return ANN_EINVAL;
    }
    size_t nlen = (size_t)(dot - spec);
    const char *key = dot + 1;
    size_t klen = (size_t)(eq - key);
    ann_loaded_plugin *p = NULL;
    for (size_t i = 0; i < set->n; i++) {
        ann_loaded_plugin *q = &set->items[i];
        if (strlen(q->desc->name) != nlen || strncmp(q->desc->name, spec, nlen) != 0)
            continue;
        p = q;
        size_t k = option_index(q, key, klen);
        if (k == q->n_options)
            break;
        if (add_value(q, k, eq + 1) != ANN_OK) {
            snprintf(err, errlen, "out of memory");
            return ANN_ENOMEM;
        }
    }
    if (!p) {
        ann_buf names = ANN_BUF_INIT;
        for (size_t i = 0; i < set->n; i++)
            ann_buf_printf(&names, "%s%s", i ? ", " : "", set->items[i].desc->name);
        snprintf(err, errlen, "-O %s: no plugin '%.*s' is selected (selected: %s)", spec, (int)nlen,
                 spec, names.data ? names.data : "none");
        ann_buf_free(&names);
        return ANN_EINVAL;
    }
    if (option_index(p, key, klen) < p->n_options)
        return ANN_OK;
    ann_buf keys = ANN_BUF_INIT;
    for (size_t i = 0; i < p->n_options; i++)
        ann_buf_printf(&keys, "%s%s", i ? ", " : "", p->desc->options[i].key);
    if (p->n_options)
        snprintf(err, errlen, "-O %s: plugin %s has no option '%.*s' (valid keys: %s)", spec,
                 p->desc->name, (int)klen, key, keys.data);
    else
        snprintf(err, errlen, "-O %s: plugin %s has no options", spec, p->desc->name);
    ann_buf_free(&keys);
    return ANN_EINVAL;
}

int ann_open_plugins(ann_plugin_set *set, const ann_host *host, char *err, size_t errlen)
{
    set->host = host;
    for (size_t i = 0; i < set->n; i++) {
        ann_loaded_plugin *p = &set->items[i];
        if (p->opened)
            continue;
        ann_open_ctx ctx;
        ctx.plugin = p;
        ctx.message[0] = '\0';
        void *state = NULL;
        int rc = p->desc->open ? p->desc->open(host, &ctx, &state) : ANN_OK;
        if (rc != ANN_OK) {
            ann_declared_free(&p->declared);
            snprintf(err, errlen, "%s: plugin %s failed to open: %s", p->file, p->name,
                     ctx.message[0] ? ctx.message : "no reason given");
            for (size_t k = 0; k < i; k++) {
                ann_loaded_plugin *q = &set->items[k];
                if (q->opened && q->desc->close)
                    q->desc->close(q->state);
                q->opened = 0;
                q->state = NULL;
            }
            return ANN_ERROR;
        }
        p->state = state;
        p->opened = 1;
        if (ann_declare_apply(p) != ANN_OK) {
            snprintf(err, errlen, "out of memory");
            return ANN_ENOMEM;
        }
    }
    return ANN_OK;
}

/* Whether the plugin an "-O PLUGIN.KEY=VALUE" names is in the set and not
 * opened yet (its options can still be set). */
static int option_target_waiting(const ann_plugin_set *set, const char *spec)
{
    const char *dot = strchr(spec, '.');
    size_t nlen = dot ? (size_t)(dot - spec) : strlen(spec);
    for (size_t i = 0; i < set->n; i++)
        if (!set->items[i].opened && strlen(set->items[i].desc->name) == nlen &&
            strncmp(set->items[i].desc->name, spec, nlen) == 0)
            return 1;
    return 0;
}

/* Applies the options not applied yet (done[i] == 0) whose plugin is now
 * selected and not opened; with `last`, every one left is applied, so one
 * naming no selected plugin gets ann_set_option()'s error. */
static int apply_waiting(ann_plugin_set *set, const ann_strlist *options, unsigned char *done,
                         int last, char *err, size_t errlen)
{
    for (size_t i = 0; options && i < options->n; i++) {
        if (done[i] || (!last && !option_target_waiting(set, options->items[i])))
            continue;
        done[i] = 1;
        int rc = ann_set_option(set, options->items[i], err, errlen);
        if (rc != ANN_OK)
            return rc;
    }
    return ANN_OK;
}

/* Names a plugin in a message: "-p rules:PATH" for the instance of an
 * item NAME:PATH (the file would not tell two instances apart), else
 * "FILE: plugin NAME". */
static const char *describe(const ann_loaded_plugin *p, char *buf, size_t len)
{
    if (p->instance)
        snprintf(buf, len, "-p %s:%s", p->desc->name, p->instance);
    else
        snprintf(buf, len, "%s: plugin %s", p->file, p->desc->name);
    return buf;
}

int ann_open_settle(const ann_load_policy *policy, const ann_strlist *path, ann_plugin_set *set,
                    const ann_host *host, char *err, size_t errlen)
{
    return ann_open_settle_with(policy, path, set, NULL, host, err, errlen);
}

int ann_open_settle_with(const ann_load_policy *policy, const ann_strlist *path,
                         ann_plugin_set *set, const ann_strlist *options, const ann_host *host,
                         char *err, size_t errlen)
{
    selector sel = {policy, path, NULL, set->n};
    unsigned char *done = options && options->n ? calloc(options->n, 1) : NULL;
    if (options && options->n && !done) {
        snprintf(err, errlen, "out of memory");
        return ANN_ENOMEM;
    }
    int rc = ANN_OK;
    /* A plugin pulled in may declare needs of its own when it opens; its
     * -O options are applied once it is selected, before it opens. */
    for (size_t before = 0; rc == ANN_OK && before != set->n;) {
        before = set->n;
        rc = apply_waiting(set, options, done, 0, err, errlen);
        if (rc == ANN_OK)
            rc = ann_open_plugins(set, host, err, errlen);
        if (rc == ANN_OK)
            rc = pull_needs(set, &sel, err, errlen);
    }
    if (rc == ANN_OK)
        rc = apply_waiting(set, options, done, 1, err, errlen);
    free(done);
    for (size_t i = 0; rc == ANN_OK && i < set->n; i++)
        for (size_t j = i + 1; rc == ANN_OK && j < set->n; j++)
            if (strcmp(set->items[i].name, set->items[j].name) == 0) {
                char a[1024], b[1024];
                snprintf(err, errlen, "%s: the layer name '%s' is taken by %s",
                         describe(&set->items[j], a, sizeof a), set->items[j].name,
                         describe(&set->items[i], b, sizeof b));
                rc = ANN_ERROR;
            }
    if (rc == ANN_OK)
        rc = ann_order_plugins(set, err, errlen);
    return rc;
}

void ann_plugin_set_free(ann_plugin_set *set)
{
    /* Close in reverse order: a plugin may still hold what it read from the
     * ones it needs. */
    for (size_t i = set->n; i-- > 0;)
        ann_loaded_plugin_free(&set->items[i]);
    free(set->items);
    set->items = NULL;
    set->n = 0;
}
