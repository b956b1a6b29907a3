/*
 * fs.h -- the file system chores of a run: output folders, atomic writes,
 * and expanding folder arguments into the documents below them.
 */
#ifndef ANN_UTIL_FS_H
#define ANN_UTIL_FS_H

#include <stddef.h>

/* Creates `dir` and its missing parents (like mkdir -p).  Returns 0, or -1
 * with errno set. */
int ann_mkdir_p(const char *dir);

/* Writes data[0..len) to `path` atomically: a temporary file in the same
 * folder is written, then renamed over `path`, so a reader never sees half a
 * file.  Returns 0, or -1 with errno set (the temporary file is removed). */
int ann_write_atomic(const char *path, const void *data, size_t len);

/* Reads all of file descriptor fd into *data (malloc'ed, caller frees with
 * free()) with a NUL after the *size bytes read.  Returns 0, or an errno
 * value with *data untouched. */
int ann_read_fd(int fd, unsigned char **data, size_t *size);

/* The same for the file at `path`. */
int ann_read_path(const char *path, unsigned char **data, size_t *size);

/* True when `name` ends in one of the document extensions annotate reads
 * (.txt .md .markdown .html .htm, case-insensitive). */
int ann_is_document_name(const char *name);

/* A growable list of owned strings. */
typedef struct ann_strlist {
    char **items; /* each caller frees with ann_strlist_free() */
    size_t n, cap;
} ann_strlist;

/* Appends a copy of s.  Returns 0, or -1 when memory runs out. */
int ann_strlist_add(ann_strlist *l, const char *s);
void ann_strlist_free(ann_strlist *l);

/* Appends every document file below folder `dir` (recursively, hidden
 * entries skipped), sorted by path.  Returns 0, or -1 with errno set; the
 * failing path is copied to errpath (errlen bytes). */
int ann_collect_documents(const char *dir, ann_strlist *out, char *errpath, size_t errlen);

#endif
