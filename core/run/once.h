/* once.h -- "said once per run", across worker processes.
 *
 * A note about the whole run (host->run_note) must come out once however
 * many documents ask and however many worker processes they run in.  The
 * table is one shared anonymous mapping made before the workers are forked,
 * so every process sees the same slots; a slot is claimed by an atomic
 * compare-and-swap of the text's hash, so two workers asking at once still
 * print once.  A full table (or none) errs toward printing. */
#ifndef ANN_RUN_ONCE_H
#define ANN_RUN_ONCE_H

#include <stddef.h>

typedef struct ann_once ann_once;

/* A new, empty table, or NULL when the mapping fails (then every note is
 * printed).  Caller frees with ann_once_free(). */
ann_once *ann_once_new(void);
void ann_once_free(ann_once *t);

/* 1 when (who, text) is new to the run and is now recorded; 0 when it was
 * said before.  A NULL or full table answers 1.  Borrows both strings. */
int ann_once_first(ann_once *t, const char *who, const char *text);

#endif
