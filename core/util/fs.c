#include "util/fs.h"

#include <dirent.h>
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

int ann_write_atomic(const char *path, const void *data, size_t len)
{
    size_t plen = strlen(path);
    const char *slash = strrchr(path, '/');
    size_t dlen = slash ? (size_t)(slash - path) + 1 : 0;
    /* ".NAME.PID-THREAD-N.tmp" in the same folder, so rename() stays on one
     * file system.  open(O_EXCL) rather than mkstemp(): the file gets the
     * ordinary mode (0666 less the umask) without touching the process-wide
     * umask, which other threads share. */
    size_t cap = plen + 80;
    char *tmp = malloc(cap);
    if (!tmp)
        return -1;
    int fd = -1;
    for (unsigned attempt = 0; attempt < 100 && fd < 0; attempt++) {
        snprintf(tmp, cap, "%.*s.%s.%ld-%lx-%u.tmp", (int)dlen, path, path + dlen, (long)getpid(),
                 (unsigned long)pthread_self(), attempt);
        fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (fd < 0 && errno != EEXIST)
            break;
    }
    if (fd < 0) {
        int e = errno;
        free(tmp);
        errno = e;
        return -1;
    }
    const char *p = data;
    size_t left = len;
    while (left > 0) {
        ssize_t n = write(fd, p, left);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            goto fail;
        }
        p += n;
        left -= (size_t)n;
    }
    if (close(fd) != 0) {
        fd = -1;
        goto fail;
    }
    fd = -1;
    if (rename(tmp, path) != 0)
        goto fail;
    free(tmp);
    return 0;
fail: {
    int e = errno;
    if (fd >= 0)
        close(fd);
    unlink(tmp);
    free(tmp);
    errno = e;
    return -1;
}
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

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int collect(const char *dir, ann_strlist *out, char *errpath, size_t errlen)
{
    DIR *d = opendir(dir);
    if (!d) {
        snprintf(errpath, errlen, "%s", dir);
        return -1;
    }
    ann_strlist subdirs = {0};
    int rc = 0;
    struct dirent *e;
    size_t dlen = strlen(dir);
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        size_t len = dlen + 1 + strlen(e->d_name) + 1;
        char *path = malloc(len);
        if (!path) {
            rc = -1;
            break;
        }
        if (dlen > 0 && dir[dlen - 1] == '/')
            snprintf(path, len, "%s%s", dir, e->d_name);
        else
            snprintf(path, len, "%s/%s", dir, e->d_name);
        struct stat st;
        if (stat(path, &st) == 0) {
            if (S_ISDIR(st.st_mode))
                rc = ann_strlist_add(&subdirs, path);
            else if (S_ISREG(st.st_mode) && ann_is_document_name(e->d_name))
                rc = ann_strlist_add(out, path);
        }
        free(path);
        if (rc != 0)
            break;
    }
    closedir(d);
    for (size_t i = 0; rc == 0 && i < subdirs.n; i++)
        rc = collect(subdirs.items[i], out, errpath, errlen);
    ann_strlist_free(&subdirs);
    return rc;
}

int ann_collect_documents(const char *dir, ann_strlist *out, char *errpath, size_t errlen)
{
    size_t first = out->n;
    int rc = collect(dir, out, errpath, errlen);
    if (rc == 0 && out->n > first)
        qsort(out->items + first, out->n - first, sizeof *out->items, cmp_str);
    return rc;
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
