/* notes.c -- see notes.h. */
#include "view/notes.h"

#include <string.h>

#include "write/markup.h"

int ann_note_wanted(const ann_out_span *s)
{
    return s->n_attrs > 0 || s->n_links > 0;
}

void ann_note_mark(unsigned n, ann_buf *out)
{
    static const char *const digit[] = {"\xE2\x81\xB0", "\xC2\xB9",     "\xC2\xB2",     "\xC2\xB3",
                                        "\xE2\x81\xB4", "\xE2\x81\xB5", "\xE2\x81\xB6", "\xE2\x81\xB7",
                                        "\xE2\x81\xB8", "\xE2\x81\xB9"};
    char d[16];
    int k = 0;
    do {
        d[k++] = (char)(n % 10);
        n /= 10;
    } while (n && k < (int)sizeof d);
    while (k-- > 0)
        ann_buf_puts(out, digit[(int)d[k]]);
}

/* Appends s[0..len) on one line (breaks and tabs become spaces), cut to
 * about max bytes at a character boundary with "…" after it. */
static void put_short(ann_buf *out, const char *s, size_t len, size_t max)
{
    size_t n = len;
    if (n > max) {
        n = max;
        while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
            n--;
    }
    for (size_t i = 0; i < n; i++)
        ann_buf_putc(out, s[i] == '\n' || s[i] == '\r' || s[i] == '\t' ? ' ' : s[i]);
    if (n < len)
        ann_buf_puts(out, "\xE2\x80\xA6");
}

static void put_span_text(ann_buf *out, const ann_result *r, const ann_out_span *s, size_t max)
{
    if (s->start <= s->end && s->end <= r->size)
        put_short(out, (const char *)r->bytes + s->start, s->end - s->start, max);
}

int ann_note_inline(const ann_result *r, size_t i, ann_buf *out)
{
    const ann_out_span *s = &r->spans[i];
    const char *value = ann_span_attr(s, "value");
    if (value) {
        ann_buf_printf(out, "=%s", value);
        const char *unit = ann_span_attr(s, "unit"), *cur = ann_span_attr(s, "currency");
        if (cur)
            ann_buf_printf(out, " %s", cur);
        if (unit)
            ann_buf_printf(out, " %s", unit);
    }
    for (size_t k = 0; k < s->n_links; k++) {
        size_t t = ann_result_find_id(r, s->links[k].target);
        ann_buf_puts(out, "\xE2\x86\x92");
        if (t == (size_t)-1)
            ann_buf_printf(out, "#%u", (unsigned)s->links[k].target);
        else
            put_span_text(out, r, &r->spans[t], 40);
    }
    return out->failed ? ANN_ENOMEM : ANN_OK;
}

/* Whether the text at s starts with a quotation mark of its own (a quote
 * span), which then needs no marks around it. */
static int starts_quoted(const ann_result *r, const ann_out_span *s)
{
    const unsigned char *t = r->bytes + s->start;
    size_t len = s->end <= r->size && s->start <= s->end ? s->end - s->start : 0;
    return (len >= 1 && (t[0] == '"' || t[0] == '\'')) ||
           (len >= 3 && t[0] == 0xE2 && t[1] == 0x80 && t[2] >= 0x98 && t[2] <= 0x9F) ||
           (len >= 2 && t[0] == 0xC2 && (t[1] == 0xAB || t[1] == 0xBB));
}

/* Whether a link of s has role `key`: then the attribute of that name (a
 * speaker's name) is what the link shows, and is not repeated. */
static int has_link_role(const ann_out_span *s, const char *key)
{
    for (size_t k = 0; k < s->n_links; k++)
        if (strcmp(s->links[k].role, key) == 0)
            return 1;
    return 0;
}

int ann_note_line(const ann_result *r, const ann_result *orig, size_t i, unsigned n,
                  ann_buf *out)
{
    const ann_out_span *s = &r->spans[i];
    int quoted = starts_quoted(r, s);
    ann_note_mark(n, out);
    ann_buf_printf(out, " %s %s", s->label, quoted ? "" : "\xE2\x80\x9C");
    put_span_text(out, r, s, 48);
    ann_buf_puts(out, quoted ? "" : "\xE2\x80\x9D");
    int shown = 0;
    for (size_t a = 0; a < s->n_attrs; a++) {
        if (has_link_role(s, s->attrs[a].key))
            continue;
        ann_buf_puts(out, shown++ ? ", " : ": ");
        ann_buf_printf(out, "%s=", s->attrs[a].key);
        put_short(out, s->attrs[a].value, strlen(s->attrs[a].value), 80);
    }
    for (size_t k = 0; k < s->n_links; k++) {
        size_t t = ann_result_find_id(r, s->links[k].target);
        ann_buf_printf(out, "; \xE2\x86\x92 %s: ", s->links[k].role);
        if (t == (size_t)-1) {
            ann_buf_printf(out, "span %u", (unsigned)s->links[k].target);
            continue;
        }
        put_span_text(out, r, &r->spans[t], 48);
        ann_buf_printf(out, " (%s)", r->spans[t].label);
    }
    const ann_out_span *o = &orig->spans[i];
    ann_buf_printf(out, " [bytes %zu\xE2\x80\x93%zu]", o->start, o->end);
    return out->failed ? ANN_ENOMEM : ANN_OK;
}
