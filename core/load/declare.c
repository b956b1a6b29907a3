#include "load/declare.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "load/loader.h"
#include "util/grow.h"

static int label_ok(const char *s)
{
    size_t n = strlen(s);
    if (n == 0 || n > ANN_LABEL_MAX)
        return 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '_' || c == '-' || c == '.'))
            return 0;
    }
    return 1;
}

/* Appends a copy of s to a NULL-terminated list unless it is there. */
static int add_unique(char ***list, size_t *n, size_t *cap, const char *s)
{
    for (size_t i = 0; i < *n; i++)
        if (strcmp((*list)[i], s) == 0)
            return ANN_OK;
    /* One more slot than entries, for the terminating NULL. */
    char **v = ann_grow(*list, *n + 1, cap, sizeof *v, 8);
    if (!v)
        return ANN_ENOMEM;
    *list = v;
    size_t len = strlen(s) + 1;
    char *copy = malloc(len);
    if (!copy)
        return ANN_ENOMEM;
    memcpy(copy, s, len);
    v[(*n)++] = copy;
    v[*n] = NULL;
    return ANN_OK;
}

int ann_declare_label(ann_declared *d, const char *label, char *why, size_t whylen)
{
    if (!label || !label_ok(label)) {
        snprintf(why, whylen,
                 "declare_label: '%s' is not a label (1 to %d ASCII letters, digits, '_', '-' "
                 "or '.')",
                 label ? label : "(null)", ANN_LABEL_MAX);
        return ANN_EINVAL;
    }
    return add_unique(&d->labels, &d->n_labels, &d->cap_labels, label);
}

int ann_declare_need(ann_declared *d, const char *layer, char *why, size_t whylen)
{
    if (!layer || !ann_plugin_name_ok(layer, strlen(layer))) {
        snprintf(why, whylen, "declare_need: '%s' is not a layer name",
                 layer ? layer : "(null)");
        return ANN_EINVAL;
    }
    size_t before = d->n_needs;
    int rc = add_unique(&d->needs, &d->n_needs, &d->cap_needs, layer);
    d->n_declared_needs += d->n_needs - before;
    return rc;
}

int ann_declare_layer(ann_declared *d, const char *layer, char *why, size_t whylen)
{
    if (!layer || !ann_plugin_name_ok(layer, strlen(layer))) {
        snprintf(why, whylen,
                 "set_layer: '%s' is not a layer name (a lower-case letter, then lower-case "
                 "letters, digits or '_', at most %d bytes)",
                 layer ? layer : "(null)", ANN_NAME_MAX);
        return ANN_EINVAL;
    }
    size_t len = strlen(layer) + 1;
    char *copy = malloc(len);
    if (!copy)
        return ANN_ENOMEM;
    memcpy(copy, layer, len);
    free(d->layer);
    d->layer = copy;
    return ANN_OK;
}

int ann_declare_apply(ann_loaded_plugin *p)
{
    ann_declared *d = &p->declared;
    /* The loader owns this copy of the descriptor (ann_loaded_plugin.desc). */
    ann_plugin *desc = (ann_plugin *)p->desc;
    if (d->n_labels) {
        desc->labels = (const char *const *)d->labels;
        p->n_labels = d->n_labels;
    }
    if (d->n_declared_needs) {
        /* The descriptor's own needs go in front, so they keep counting. */
        char **own = d->needs;
        size_t n_own = d->n_needs;
        d->needs = NULL;
        d->n_needs = d->cap_needs = 0;
        int rc = ANN_OK;
        for (size_t k = 0; rc == ANN_OK && desc->needs && desc->needs[k]; k++)
            rc = add_unique(&d->needs, &d->n_needs, &d->cap_needs, desc->needs[k]);
        for (size_t k = 0; rc == ANN_OK && k < n_own; k++)
            rc = add_unique(&d->needs, &d->n_needs, &d->cap_needs, own[k]);
        for (size_t k = 0; k < n_own; k++)
            free(own[k]);
        free(own);
        if (rc != ANN_OK)
            return rc;
        desc->needs = (const char *const *)d->needs;
    }
    if (d->layer) {
        free(p->name);
        p->name = d->layer;
        d->layer = NULL;
    }
    return ANN_OK;
}

void ann_declared_free(ann_declared *d)
{
    for (size_t i = 0; i < d->n_labels; i++)
        free(d->labels[i]);
    free(d->labels);
    for (size_t i = 0; i < d->n_needs; i++)
        free(d->needs[i]);
    free(d->needs);
    free(d->layer);
    memset(d, 0, sizeof *d);
}
