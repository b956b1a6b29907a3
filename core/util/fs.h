/*
 * fs.h -- the file system chores of a run: output folders, atomic writes,
 * and the shared string list (the folder walk is util/walk.h).
 */
#ifndef ANN_UTIL_FS_H
#define ANN_UTIL_FS_H

#include <stddef.h>

/* Creates `dir` and its missing parents (like mkdir -p).  Returns 0, or -1
 * with errno set. */
int ann_mkdir_p(const char *dir);

/* Creates the folder file `path` sits in, when it names one, and its
 * missing parents.  Returns 0, or -1 with errno set. */
int ann_mkdir_parent(const char *path);

/* Writes data[0..len) to `path` atomically: a temporary file in the same
 * folder is written, then renamed over `path`, so a reader never sees half a
 * file.  Returns 0, or -1 with errno set (the temporary file is removed). */
int ann_write_atomic(const char *path, const void *data, size_t len);

/* The same, and with sync set the file is flushed to the disk (fsync)
 * before the rename, so after a crash `path` holds the old or the new
 * content, never an empty file.  (The rename itself is durable once the
 * folder is flushed too: ann_fsync_dir().)  The temporary file is named
 * ANN_TEMP_PREFIX "PID-THREAD-N.tmp". */
int ann_write_atomic_sync(const char *path, const void *data, size_t len, int sync);
#define ANN_TEMP_PREFIX ".annotate."

/* A file written piece by piece and put in place only whole: the pieces go
 * to a temporary file beside `path` (named as ann_write_atomic_sync()
 * names them, so ann_outdir_clean() finds what a killed run left) that
 * ann_atomic_commit() renames over `path`. */
typedef struct ann_atomic {
    int fd;
    char *tmp;        /* owned */
    const char *path; /* borrowed until commit or abort */
} ann_atomic;

/* Creates the temporary file.  Returns 0, or -1 with errno set. */
int ann_atomic_open(ann_atomic *a, const char *path);
/* Appends data.  Returns 0, or -1 with errno set (then abort). */
int ann_atomic_write(ann_atomic *a, const void *data, size_t len);
/* Flushes (with sync) and renames the file over path; frees *a.  Returns 0,
 * or -1 with errno set, the temporary file removed. */
int ann_atomic_commit(ann_atomic *a, int sync);
/* Removes the temporary file and frees *a; keeps errno. */
void ann_atomic_abort(ann_atomic *a);

/* The relative path from folder from_dir to `to`, both absolute and
 * without "." or ".." parts ("/a/b", "/a/c/d" -> "../c/d").  Caller frees
 * with free(); NULL when one is not absolute or memory runs out. */
char *ann_path_relative(const char *from_dir, const char *to);

/* Flushes folder `dir` itself (its entries) to the disk.  Returns 0, or -1
 * with errno set. */
int ann_fsync_dir(const char *dir);

/* The process id in a temporary file name that ann_write_atomic() makes
 * (".annotate.PID-THREAD-N.tmp", or ".NAME.PID-THREAD-N.tmp" from older
 * versions), or 0 when `name` is not one. */
long ann_temp_name_pid(const char *name);

/* Reads all of file descriptor fd into *data (malloc'ed, caller frees with
 * free()) with a NUL after the *size bytes read.  Returns 0, or an errno
 * value with *data untouched. */
int ann_read_fd(int fd, unsigned char **data, size_t *size);

/* The same for the file at `path`. */
int ann_read_path(const char *path, unsigned char **data, size_t *size);

/* True when `name` ends in one of the document extensions annotate reads
 * (.txt .md .markdown .html .htm, case-insensitive). */
int ann_is_document_name(const char *name);

/* "dir/name" (no second slash when dir ends in one).  Caller frees with
 * free(); NULL when memory runs out. */
char *ann_path_join(const char *dir, const char *name);

/* A growable list of owned strings. */
typedef struct ann_strlist {
    char **items; /* each caller frees with ann_strlist_free() */
    size_t n, cap;
} ann_strlist;

/* Appends a copy of s.  Returns 0, or -1 when memory runs out. */
int ann_strlist_add(ann_strlist *l, const char *s);
void ann_strlist_free(ann_strlist *l);

#endif
