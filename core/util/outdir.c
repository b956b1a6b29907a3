#include "util/outdir.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/fs.h"

int ann_outdir_lock(const char *dir, long *holder)
{
    *holder = 0;
    if (ann_mkdir_p(dir) != 0)
        return -1;
    char *path = ann_path_join(dir, ANN_OUTDIR_MARK);
    if (!path) {
        errno = ENOMEM;
        return -1;
    }
    int fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0666);
    /* Another user's lock file in a shared folder: flock() works on a file
     * opened for reading too. */
    if (fd < 0 && errno == EACCES)
        fd = open(path, O_RDONLY | O_CLOEXEC);
    free(path);
    if (fd < 0)
        return -1;
    if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
        int e = errno;
        char buf[32];
        ssize_t n = pread(fd, buf, sizeof buf - 1, 0);
        if (n > 0) {
            buf[n] = '\0';
            *holder = strtol(buf, NULL, 10);
        }
        close(fd);
        errno = e;
        return -1;
    }
    /* The holder's pid, only for the other run's message. */
    char buf[32];
    int n = snprintf(buf, sizeof buf, "%ld\n", (long)getpid());
    int written = ftruncate(fd, 0) == 0 && pwrite(fd, buf, (size_t)n, 0) == n;
    (void)written; /* the lock holds all the same; the message just lacks the pid */
    return fd;
}

void ann_outdir_unlock(int fd)
{
    if (fd >= 0)
        close(fd); /* closing releases the flock */
}

static int stale(const char *name, const struct stat *st)
{
    long pid = ann_temp_name_pid(name);
    if (pid <= 0 || !S_ISREG(st->st_mode) || st->st_uid != geteuid() || pid == (long)getpid())
        return 0;
    /* EPERM means the process exists under another user: not dead. */
    return kill((pid_t)pid, 0) != 0 && errno == ESRCH;
}

size_t ann_outdir_clean(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return 0;
    size_t removed = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        char *path = ann_path_join(dir, e->d_name);
        struct stat st;
        if (!path)
            break;
        if (lstat(path, &st) == 0) {
            if (S_ISDIR(st.st_mode))
                removed += ann_outdir_clean(path);
            else if (stale(e->d_name, &st) && unlink(path) == 0)
                removed++;
        }
        free(path);
    }
    closedir(d);
    return removed;
}
