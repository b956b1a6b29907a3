#include "util/fs.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/grow.h"

int ann_mkdir_p(const char *dir)
{
    size_t len = strlen(dir);
    char *p = malloc(len + 1);
    if (!p)
        return -1;
    memcpy(p, dir, len + 1);
    /* Create each prefix ending before a '/', then the whole path. */
    for (size_t i = 1; i <= len; i++) {
        if (i < len && p[i] != '/')
            continue;
        char saved = p[i];
        p[i] = '\0';
        if (mkdir(p, 0777) != 0 && errno != EEXIST) {
            int e = errno;
            free(p);
            errno = e;
            return -1;
        }
        p[i] = saved;
    }
    struct stat st;
    int rc = 0;
    if (stat(p, &st) != 0) {
        rc = -1;
    } else if (!S_ISDIR(st.st_mode)) {
        errno = ENOTDIR;
        rc = -1;
    }
    int e = errno;
    free(p);
    errno = e;
    return rc;
}

int ann_mkdir_parent(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash || slash == path)
        return 0;
    char *dir = strndup(path, (size_t)(slash - path));
    int rc = dir ? ann_mkdir_p(dir) : -1;
    free(dir);
    return rc;
}

int ann_write_atomic(const char *path, const void *data, size_t len)
{
    return ann_write_atomic_sync(path, data, len, 0);
}

int ann_atomic_open(ann_atomic *a, const char *path)
{
    a->fd = -1;
    a->path = path;
    const char *slash = strrchr(path, '/');
    size_t dlen = slash ? (size_t)(slash - path) + 1 : 0;
    /* The temporary name leaves the target's name out: a target name near
     * NAME_MAX would otherwise make it too long.  It sits in the same folder,
     * so rename() stays on one file system.  open(O_EXCL) rather than
     * mkstemp(): the file gets the ordinary mode (0666 less the umask)
     * without touching the process-wide umask, which other threads share. */
    size_t cap = dlen + sizeof ANN_TEMP_PREFIX + 80;
    a->tmp = malloc(cap);
    if (!a->tmp)
        return -1;
    for (unsigned attempt = 0; attempt < 100 && a->fd < 0; attempt++) {
        snprintf(a->tmp, cap, "%.*s" ANN_TEMP_PREFIX "%ld-%lx-%u.tmp", (int)dlen, path,
                 (long)getpid(), (unsigned long)pthread_self(), attempt);
        a->fd = open(a->tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (a->fd < 0 && errno != EEXIST)
            break;
    }
    if (a->fd < 0) {
        int e = errno;
        free(a->tmp);
        a->tmp = NULL;
        errno = e;
        return -1;
    }
    return 0;
}

int ann_atomic_write(ann_atomic *a, const void *data, size_t len)
{
    const char *p = data;
    while (len > 0) {
        ssize_t n = write(a->fd, p, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return -1;
        p += n;
        len -= (size_t)n;
    }
    return 0;
}

void ann_atomic_abort(ann_atomic *a)
{
    int e = errno;
    if (a->fd >= 0)
        close(a->fd);
    if (a->tmp)
        unlink(a->tmp);
    free(a->tmp);
    a->tmp = NULL;
    a->fd = -1;
    errno = e;
}

int ann_atomic_commit(ann_atomic *a, int sync)
{
    /* Without the fsync a crash soon after the rename can leave the new name
     * on an empty file: the rename may reach the disk before the data. */
    if (sync && fsync(a->fd) != 0) {
        ann_atomic_abort(a);
        return -1;
    }
    int rc = close(a->fd);
    a->fd = -1;
    if (rc != 0 || rename(a->tmp, a->path) != 0) {
        ann_atomic_abort(a);
        return -1;
    }
    free(a->tmp);
    a->tmp = NULL;
    return 0;
}

int ann_write_atomic_sync(const char *path, const void *data, size_t len, int sync)
{
    ann_atomic a;
    if (ann_atomic_open(&a, path) != 0)
        return -1;
    if (ann_atomic_write(&a, data, len) != 0) {
        ann_atomic_abort(&a);
        return -1;
    }
    return ann_atomic_commit(&a, sync);
}

char *ann_path_relative(const char *from_dir, const char *to)
{
    if (from_dir[0] != '/' || to[0] != '/')
        return NULL;
    /* The common leading folders, compared a whole component at a time. */
    size_t common = 0;
    for (size_t i = 0;; i++) {
        char f = from_dir[i], t = to[i];
        if ((f == '/' || f == '\0') && (t == '/' || t == '\0'))
            common = i;
        if (f == '\0' || t == '\0' || f != t)
            break;
    }
    size_t ups = 0;
    for (const char *p = from_dir + common; *p; p++)
        if (*p == '/' && p[1] && p[1] != '/')
            ups++;
    const char *rest = to + common;
    while (*rest == '/')
        rest++;
    size_t n = ups * 3 + strlen(rest) + 2;
    char *out = malloc(n);
    if (!out)
        return NULL;
    out[0] = '\0';
    for (size_t i = 0; i < ups; i++)
        strcat(out, "../");
    strcat(out, rest[0] ? rest : ".");
    return out;
}

int ann_fsync_dir(const char *dir)
{
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    int rc = fsync(fd);
    int e = errno;
    close(fd);
    errno = e;
    return rc;
}

/* Reads the decimal or hex digits ending just before end (s <= end), back
 * to the first non-digit; returns where they start, or NULL when none. */
static const char *digits_before(const char *s, const char *end, int hex)
{
    const char *p = end;
    while (p > s && (hex ? isxdigit((unsigned char)p[-1]) : isdigit((unsigned char)p[-1])))
        p--;
    return p < end ? p : NULL;
}

long ann_temp_name_pid(const char *name)
{
    /* ".X.PID-HEX-N.tmp": X is "annotate" now, the target's name in files
     * older runs left. */
    size_t n = strlen(name);
    if (n < 12 || name[0] != '.' || strcmp(name + n - 4, ".tmp") != 0)
        return 0;
    const char *end = name + n - 4;
    const char *p = digits_before(name, end, 0);
    if (!p || p == name || p[-1] != '-')
        return 0;
    end = p - 1;
    p = digits_before(name, end, 1);
    if (!p || end - p > 16 || p == name || p[-1] != '-')
        return 0;
    end = p - 1;
    p = digits_before(name, end, 0);
    if (!p || end - p > 9 || p - name < 3 || p[-1] != '.')
        return 0;
    long pid = strtol(p, NULL, 10);
    return pid > 0 ? pid : 0;
}

int ann_is_document_name(const char *name)
{
    static const char *const exts[] = {".txt", ".md", ".markdown", ".html", ".htm"};
    size_t n = strlen(name);
    for (size_t i = 0; i < sizeof exts / sizeof exts[0]; i++) {
        size_t e = strlen(exts[i]);
        if (n > e && strcasecmp(name + n - e, exts[i]) == 0)
            return 1;
    }
    return 0;
}

char *ann_path_join(const char *dir, const char *name)
{
    size_t dlen = strlen(dir), nlen = strlen(name);
    size_t slash = dlen > 0 && dir[dlen - 1] != '/';
    char *p = malloc(dlen + slash + nlen + 1);
    if (!p)
        return NULL;
    memcpy(p, dir, dlen);
    if (slash)
        p[dlen] = '/';
    memcpy(p + dlen + slash, name, nlen + 1);
    return p;
}

int ann_strlist_add(ann_strlist *l, const char *s)
{
    char **items = ann_grow(l->items, l->n, &l->cap, sizeof *items, 16);
    if (!items)
        return -1;
    l->items = items;
    size_t len = strlen(s);
    char *copy = malloc(len + 1);
    if (!copy)
        return -1;
    memcpy(copy, s, len + 1);
    l->items[l->n++] = copy;
    return 0;
}

void ann_strlist_free(ann_strlist *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->items[i]);
    free(l->items);
    l->items = NULL;
    l->n = l->cap = 0;
}

int ann_read_fd(int fd, unsigned char **data, size_t *size)
{
    /* A regular file is read in one go into a buffer of its size (+1 for
     * the NUL); pipes grow the buffer as they go. */
    struct stat st;
    size_t cap = 65536;
    if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0)
        cap = (size_t)st.st_size + 1;
    unsigned char *b = malloc(cap);
    size_t n = 0;
    if (b == NULL)
        return ENOMEM;
    for (;;) {
        if (n == cap) {
            unsigned char *g = realloc(b, cap * 2);
            if (g == NULL) {
                free(b);
                return ENOMEM;
            }
            b = g;
            cap *= 2;
        }
        ssize_t r = read(fd, b + n, cap - n);
        if (r < 0) {
            if (errno == EINTR)
                continue;
            int e = errno;
            free(b);
            return e;
        }
        if (r == 0)
            break;
        n += (size_t)r;
    }
    b[n] = '\0'; /* the loop ends on a read into free room, so n < cap */
    *data = b;
    *size = n;
    return 0;
}

int ann_read_path(const char *path, unsigned char **data, size_t *size)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return errno;
    int e = ann_read_fd(fd, data, size);
    close(fd);
    return e;
}
