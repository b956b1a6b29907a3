/*
 * walk.h -- turning the command line's files and folders into the list of
 * documents to annotate, each with the name its outputs take.
 *
 * Below a folder argument, symbolic links are not followed unless asked
 * (then each folder is entered once, by device and inode, so a link back up
 * the tree is no loop).  A folder that cannot be read is named and skipped;
 * the output folder, and any folder an earlier run wrote to (it holds
 * ANN_OUTDIR_MARK), is skipped.  A file met twice is listed once.
 */
#ifndef ANN_UTIL_WALK_H
#define ANN_UTIL_WALK_H

#include <stddef.h>
#include <sys/types.h>

#include "util/fs.h"

/* The file every output folder holds: the lock of util/outdir.h.  The walk
 * takes a folder holding it for annotate's own output. */
#define ANN_OUTDIR_MARK ".annotate.lock"

typedef struct ann_walk_set ann_walk_set; /* device and inode pairs seen */

typedef struct ann_walk {
    int follow;         /* follow symbolic links below folder arguments */
    const char *outdir; /* borrowed; skipped when met; NULL: none */
    ann_strlist paths;  /* documents, as they are opened (copies) */
    ann_strlist names;  /* names[i]: where paths[i] sits below its folder
                            argument ("sub/a.txt"), or a file argument's base
                            name; its outputs are named from it */
    ann_strlist notes;  /* warnings and errors, one message a line, for the
                            caller to print (copies) */
    size_t n_errors;    /* folders or entries that could not be read */
    ann_walk_set *seen; /* owned */
    int have_out;       /* the output folder exists: out_dev, out_ino */
    dev_t out_dev;
    ino_t out_ino;
} ann_walk;

/* Starts an empty walk; outdir is borrowed until ann_walk_free(). */
void ann_walk_init(ann_walk *w, const char *outdir, int follow);

/* Adds `arg`: a folder stands for the documents below it (sorted by path),
 * anything else is taken as given.  Problems become lines in w->notes.
 * Returns 0, or -1 when memory runs out. */
int ann_walk_add(ann_walk *w, const char *arg);

void ann_walk_free(ann_walk *w);

#endif
