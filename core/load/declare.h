/*
 * declare.h -- what a plugin declares while it opens (plugin ABI 3).
 *
 * A descriptor is a constant, but some plugins only know their labels, the
 * layers they read and the name of their layer once their options are read
 * (the rules plugin learns them from its rule files).  During open() such a
 * plugin calls host->declare_label(), declare_need() and set_layer(); the
 * host records the calls on the loaded plugin here, and when open() has
 * succeeded ann_declare_apply() folds them into the plugin's own copy of
 * its descriptor.  Everything downstream (span checks, needs ordering, the
 * spans() permission, label lists of the writers) reads that copy, so it
 * sees the declared values without knowing they were declared.
 */
#ifndef ANN_LOAD_DECLARE_H
#define ANN_LOAD_DECLARE_H

#include <stddef.h>

#include "annotate/plugin.h"

struct ann_loaded_plugin;

/* What one plugin declared during open(); all strings owned. */
typedef struct ann_declared {
    char **labels; /* NULL-terminated once applied; n_labels entries */
    size_t n_labels, cap_labels;
    char **needs; /* the descriptor's needs, then the declared ones, NULL-terminated */
    size_t n_needs, cap_needs;
    size_t n_declared_needs;
    char *layer; /* the declared layer name, or NULL */
} ann_declared;

/* The longest declared label, in bytes. */
#define ANN_LABEL_MAX 64

/* Records one declaration (copies the string).  Returns ANN_OK (a repeated
 * label or need is recorded once), ANN_EINVAL with a reason in why for a
 * malformed one, ANN_ENOMEM.  A label is 1..ANN_LABEL_MAX ASCII letters,
 * digits, '_', '-' or '.'; a need or layer follows ann_plugin_name_ok(). */
int ann_declare_label(ann_declared *d, const char *label, char *why, size_t whylen);
int ann_declare_need(ann_declared *d, const char *layer, char *why, size_t whylen);
int ann_declare_layer(ann_declared *d, const char *layer, char *why, size_t whylen);

/* After a successful open(): declared labels replace the descriptor's
 * list, declared needs are added to the descriptor's, and a declared layer
 * becomes the plugin's name.  Returns ANN_OK or ANN_ENOMEM. */
int ann_declare_apply(struct ann_loaded_plugin *p);

/* Frees what d holds; safe on a zeroed one. */
void ann_declared_free(ann_declared *d);

#endif
