/*
 * outname.h -- the names a run's outputs take inside the output folder.
 *
 * A document's outputs are named from its name below the folder argument it
 * came from (util/walk.h), so a folder's tree is mirrored: "sub/a.txt"
 * gives "sub/a.ann.json".  Where two documents would share a name that way
 * ("a.txt" and "a.md"), both keep their extension ("a.txt.ann.json",
 * "a.md.ann.json").
 */
#ifndef ANN_UTIL_OUTNAME_H
#define ANN_UTIL_OUTNAME_H

#include <stddef.h>

/* Sets stems[i] to the output stem of names[i] (the writer's extension is
 * appended to it): the name with its last extension dropped, or kept where
 * another name would get the same stem.  A stem that still collides is
 * NULL for every document that has it: those documents cannot be written
 * without one overwriting another.  Each stems[i] is malloc'ed, caller
 * frees with free().  Returns 0, or -1 when memory runs out (stems all
 * NULL). */
int ann_output_stems(const char *const *names, size_t n, char **stems);

#endif
