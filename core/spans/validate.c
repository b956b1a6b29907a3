#include "spans/validate.h"

#include <stdio.h>
#include <string.h>

#include "util/utf8.h"

static int valid_string(const char *s)
{
    if (!s)
        return 0;
    size_t n = strlen(s);
    return ann_utf8_check((const unsigned char *)s, n) == n;
}

const char *ann_span_check(const char *text, size_t len, const ann_plugin *desc,
                           const ann_span_store *store, const ann_new_span *span, char *why,
                           size_t whylen)
{
    const unsigned char *t = (const unsigned char *)text;
    if (!span) {
        snprintf(why, whylen, "no span given");
        return NULL;
    }
    if (span->start >= span->end) {
        snprintf(why, whylen, "empty or reversed (start must be < end)");
        return NULL;
    }
    if (span->end > len) {
        snprintf(why, whylen, "out of bounds (the text is %zu bytes)", len);
        return NULL;
    }
    if (!ann_utf8_is_boundary(t, len, span->start) || !ann_utf8_is_boundary(t, len, span->end)) {
        snprintf(why, whylen, "not on a UTF-8 character boundary");
        return NULL;
    }
    const char *label = NULL;
    for (size_t i = 0; span->label && desc->labels[i] && !label; i++)
        if (strcmp(desc->labels[i], span->label) == 0)
            label = desc->labels[i];
    if (!label) {
        snprintf(why, whylen, "label '%s' is not declared by the plugin",
                 span->label ? span->label : "(null)");
        return NULL;
    }
    if (span->n_attrs && !span->attrs) {
        snprintf(why, whylen, "n_attrs is %zu but attrs is NULL", span->n_attrs);
        return NULL;
    }
    for (size_t i = 0; i < span->n_attrs; i++) {
        const ann_attr *a = &span->attrs[i];
        if (!a->key || !a->key[0] || !valid_string(a->key)) {
            snprintf(why, whylen, "attribute %zu has an empty or non-UTF-8 key", i);
            return NULL;
        }
        if (a->value && !valid_string(a->value)) {
            snprintf(why, whylen, "attribute '%s' is not valid UTF-8", a->key);
            return NULL;
        }
    }
    if (span->n_links && !span->links) {
        snprintf(why, whylen, "n_links is %zu but links is NULL", span->n_links);
        return NULL;
    }
    for (size_t i = 0; i < span->n_links; i++) {
        const ann_link *l = &span->links[i];
        if (!l->role || !l->role[0] || !valid_string(l->role)) {
            snprintf(why, whylen, "link %zu has an empty or non-UTF-8 role", i);
            return NULL;
        }
        if (!ann_store_has_id(store, l->target)) {
            snprintf(why, whylen, "link '%s' targets span %u, which does not exist", l->role,
                     (unsigned)l->target);
            return NULL;
        }
    }
    return label;
}
