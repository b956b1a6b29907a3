/*
 * options.h -- the little argument parsing `view` and `stats` share:
 * "--name VALUE" or "--name=VALUE", and comma-separated name lists.
 */
#ifndef ANN_VIEW_OPTIONS_H
#define ANN_VIEW_OPTIONS_H

#include <stddef.h>

/* If argv[*i] is option `name` taking a value, stores the value (borrowed
 * from argv) in *value, advances *i past it and returns 1; returns -1 when
 * the value is missing; 0 when argv[*i] is another argument. */
int ann_opt_value(int argc, char **argv, int *i, const char *name, const char **value);

/* True when `s` is one of the comma-separated names in `list`. */
int ann_opt_in_list(const char *list, const char *s);

#endif
