/*
 * outdir.h -- owning the output folder for the length of a run: an advisory
 * lock so two runs never write into one folder at once, and the removal of
 * the temporary files a killed run left there.
 */
#ifndef ANN_UTIL_OUTDIR_H
#define ANN_UTIL_OUTDIR_H

#include <stddef.h>

#include "util/walk.h"

/* Takes the lock on folder dir (created when missing): flock() on
 * dir/ANN_OUTDIR_MARK, which stays behind and marks the folder as
 * annotate's output for later walks.  Returns the lock's file descriptor
 * (release it with ann_outdir_unlock()), or -1 with errno set: EWOULDBLOCK
 * when another process holds it, *holder then naming its process id (0 when
 * unknown). */
int ann_outdir_lock(const char *dir, long *holder);
void ann_outdir_unlock(int fd);

/* Removes, below folder dir (symbolic links not followed), the temporary
 * files of ann_write_atomic() that belong to this user and name a process
 * that no longer exists.  Call it holding the lock, so that no live run of
 * another machine sharing the folder is writing.  Returns how many were
 * removed. */
size_t ann_outdir_clean(const char *dir);

#endif
