/* markup.c -- see markup.h. */
#include "write/markup.h"

#include <string.h>

static int put_escaped(ann_buf *b, const char *s, size_t len, int quotes)
{
    size_t run = 0; /* start of the pending run of plain bytes */
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        const char *rep = NULL;
        switch (c) {
        case '&':
            rep = "&amp;";
            break;
        case '<':
            rep = "&lt;";
            break;
        case '>':
            rep = "&gt;";
            break;
        case '"':
            rep = quotes ? "&quot;" : NULL;
            break;
        case '\'':
            rep = quotes ? "&#39;" : NULL;
            break;
        default:
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
                rep = "\xEF\xBF\xBD";
        }
        if (!rep)
            continue;
        ann_buf_append(b, s + run, i - run);
        ann_buf_puts(b, rep);
        run = i + 1;
    }
    return ann_buf_append(b, s + run, len - run);
}

int ann_buf_put_xml(ann_buf *b, const char *s, size_t len)
{
    return put_escaped(b, s, len, 1);
}

int ann_buf_put_xml_text(ann_buf *b, const char *s, size_t len)
{
    return put_escaped(b, s, len, 0);
}

const char *ann_span_attr(const ann_out_span *s, const char *key)
{
    for (size_t i = 0; i < s->n_attrs; i++)
        if (strcmp(s->attrs[i].key, key) == 0)
            return s->attrs[i].value;
    return NULL;
}

const char *ann_result_meta(const ann_result *r, const char *key)
{
    for (size_t i = 0; i < r->n_meta; i++)
        if (strcmp(r->meta[i].key, key) == 0)
            return r->meta[i].value;
    return NULL;
}

size_t ann_utf8_count(const unsigned char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        n += (s[i] & 0xC0) != 0x80;
    return n;
}

size_t ann_result_find_id(const ann_result *r, uint32_t id)
{
    for (size_t i = 0; i < r->n_spans; i++)
        if (r->spans[i].id == id)
            return i;
    return (size_t)-1;
}

int ann_buf_put_json(ann_buf *b, const char *s, size_t len)
{
    ann_buf_putc(b, '"');
    size_t run = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c != '"' && c != '\\' && c != '<')
            continue;
        ann_buf_append(b, s + run, i - run);
        switch (c) {
        case '"':
            ann_buf_puts(b, "\\\"");
            break;
        case '\\':
            ann_buf_puts(b, "\\\\");
            break;
        case '\n':
            ann_buf_puts(b, "\\n");
            break;
        case '\t':
            ann_buf_puts(b, "\\t");
            break;
        case '\r':
            ann_buf_puts(b, "\\r");
            break;
        default:
            ann_buf_printf(b, "\\u%04x", c);
        }
        run = i + 1;
    }
    ann_buf_append(b, s + run, len - run);
    return ann_buf_putc(b, '"');
}
