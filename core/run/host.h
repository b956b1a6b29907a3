/*
 * host.h -- the host function table handed to every plugin's open().
 */
#ifndef ANN_RUN_HOST_H
#define ANN_RUN_HOST_H

#include "annotate/plugin.h"

/* Static and read-only: shared by every plugin and every worker. */
extern const ann_host ann_host_table;

#endif
