/* legend.c -- see legend.h. */
#include "view/legend.h"

#include <stdlib.h>
#include <string.h>

#include "write/palette.h"

/* One label of one layer, with its count. */
typedef struct entry {
    const char *layer, *label;
    size_t count;
} entry;

/* The distinct (layer, label) pairs of the kept spans in order of first
 * appearance; there are few, so a linear search per span is enough.
 * Caller frees; NULL when memory runs out. */
static entry *collect(const ann_result *r, const unsigned char *keep, size_t *n, int *links)
{
    entry *e = malloc((r->n_spans + 1) * sizeof *e);
    *n = 0;
    *links = 0;
    for (size_t i = 0; e && i < r->n_spans; i++) {
        const ann_out_span *s = &r->spans[i];
        if (keep && !keep[i])
            continue;
        *links |= s->n_links > 0;
        size_t k = 0;
        while (k < *n && (strcmp(e[k].layer, s->layer) != 0 || strcmp(e[k].label, s->label) != 0))
            k++;
        if (k == *n)
            e[(*n)++] = (entry){s->layer, s->label, 0};
        e[k].count++;
    }
    return e;
}

int ann_legend_render(const ann_result *r, const unsigned char *keep, const ann_term_opts *o,
                      ann_buf *out)
{
    size_t n;
    int links;
    entry *e = collect(r, keep, &n, &links);
    if (!e)
        return ANN_ENOMEM;
    for (size_t i = 0; i < n; i++) {
        int seen = 0;
        for (size_t j = 0; j < i && !seen; j++)
            seen = strcmp(e[j].layer, e[i].layer) == 0;
        if (seen)
            continue;
        ann_buf_printf(out, "%-9s", e[i].layer);
        for (size_t j = i; j < n; j++) {
            if (strcmp(e[j].layer, e[i].layer) != 0)
                continue;
            if (o->colour)
                ann_buf_printf(out, " \033[0;30;48;5;%dm\033[1m %s \033[0m %zu",
                               ann_palette_colour(e[j].label)->ansi_bg, e[j].label, e[j].count);
            else
                ann_buf_printf(out, " %s %zu", e[j].label, e[j].count);
        }
        ann_buf_putc(out, '\n');
    }
    free(e);
    if (o->attrs == ANN_TERM_NOTES)
        ann_buf_puts(out, "attributes: numbered notes below each paragraph");
    else if (o->attrs == ANN_TERM_INLINE)
        ann_buf_puts(out, "attributes: inline, [text]LABEL=VALUE");
    if (o->attrs != ANN_TERM_NONE && links)
        ann_buf_puts(out, "; speaker links: \xE2\x86\x92 SPEAKER");
    if (o->attrs != ANN_TERM_NONE)
        ann_buf_putc(out, '\n');
    ann_buf_putc(out, '\n');
    return out->failed ? ANN_ENOMEM : ANN_OK;
}
