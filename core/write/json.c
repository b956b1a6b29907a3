#include "write/json.h"

#include <string.h>

#include "util/utf8.h"

int ann_json_string(ann_buf *b, const char *s, size_t len)
{
    static const char hex[] = "0123456789abcdef";
    const unsigned char *u = (const unsigned char *)s;
    ann_buf_putc(b, '"');
    size_t run = 0; /* start of the bytes not yet copied */
    size_t i = 0;
    while (i < len) {
        unsigned char c = u[i];
        const char *esc = NULL;
        char ubuf[7];
        size_t skip = 1;
        if (c == '"')
            esc = "\\\"";
        else if (c == '\\')
            esc = "\\\\";
        else if (c == '\n')
            esc = "\\n";
        else if (c == '\t')
            esc = "\\t";
        else if (c == '\r')
            esc = "\\r";
        else if (c == '\b')
            esc = "\\b";
        else if (c == '\f')
            esc = "\\f";
        else if (c < 0x20) {
            memcpy(ubuf, "\\u00", 4);
            ubuf[4] = hex[c >> 4];
            ubuf[5] = hex[c & 15];
            ubuf[6] = '\0';
            esc = ubuf;
        } else if (c >= 0x80) {
            /* Copy a valid sequence as is; replace a broken byte. */
            size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
            if (n <= len - i && ann_utf8_check(u + i, n) == n) {
                i += n;
                continue;
            }
            esc = "\xEF\xBF\xBD";
        }
        if (!esc) {
            i++;
            continue;
        }
        ann_buf_append(b, s + run, i - run);
        ann_buf_puts(b, esc);
        i += skip;
        run = i;
    }
    ann_buf_append(b, s + run, len - run);
    return ann_buf_putc(b, '"');
}

static void jstr(ann_buf *b, const char *s)
{
    if (s)
        ann_json_string(b, s, strlen(s));
    else
        ann_buf_puts(b, "null");
}

static void render_span(const ann_result *r, const ann_out_span *s, ann_buf *b)
{
    ann_buf_puts(b, "{\"id\":");
    ann_buf_put_uint(b, (unsigned)s->id);
    ann_buf_puts(b, ",\"start\":");
    ann_buf_put_uint(b, s->start);
    ann_buf_puts(b, ",\"end\":");
    ann_buf_put_uint(b, s->end);
    ann_buf_puts(b, ",\"layer\":");
    jstr(b, s->layer);
    ann_buf_puts(b, ",\"label\":");
    jstr(b, s->label);
    ann_buf_puts(b, ",\"text\":");
    if (r->bytes && s->start <= s->end && s->end <= r->size)
        ann_json_string(b, (const char *)r->bytes + s->start, s->end - s->start);
    else
        ann_buf_puts(b, "null");
    ann_buf_puts(b, ",\"attrs\":{");
    for (size_t i = 0; i < s->n_attrs; i++) {
        if (i)
            ann_buf_putc(b, ',');
        jstr(b, s->attrs[i].key);
        ann_buf_putc(b, ':');
        jstr(b, s->attrs[i].value ? s->attrs[i].value : "");
    }
    ann_buf_puts(b, "},\"links\":[");
    for (size_t i = 0; i < s->n_links; i++) {
        if (i)
            ann_buf_putc(b, ',');
        ann_buf_puts(b, "{\"role\":");
        jstr(b, s->links[i].role);
        ann_buf_puts(b, ",\"target\":");
        ann_buf_put_uint(b, (unsigned)s->links[i].target);
        ann_buf_putc(b, '}');
    }
    ann_buf_puts(b, "]}");
}

/* {"k1":v1,"k2":v2}, after a comma unless it is the first of its array;
 * the keys are plain ASCII. */
static void pair_object(ann_buf *b, int comma, const char *k1, const char *v1, const char *k2,
                        const char *v2)
{
    ann_buf_printf(b, "%s{\"%s\":", comma ? "," : "", k1);
    jstr(b, v1);
    ann_buf_printf(b, ",\"%s\":", k2);
    jstr(b, v2);
    ann_buf_putc(b, '}');
}

int ann_json_render(const ann_result *r, int one_line, ann_buf *b)
{
    const char *nl = one_line ? "" : "\n";
    const char *ind = one_line ? "" : "  ";
    const char *ind2 = one_line ? "" : "    ";
    ann_buf_printf(b, "{%s%s", nl, ind);
    /* The id as the record gave it: JSON already, checked by jansson. */
    if (r->record_id)
        ann_buf_printf(b, "\"id\":%s,%s%s", r->record_id, nl, ind);
    ann_buf_printf(b, "\"schema\":\"annotate/%s\",%s%s\"document\":{\"path\":", ANN_SCHEMA_VERSION,
                   nl, ind);
    jstr(b, r->path);
    /* So the annotation file finds its document wherever it is viewed from
     * wherever it is; left out when unknown, as for a test's result. */
    if (r->abs_path) {
        ann_buf_puts(b, ",\"absolute_path\":");
        jstr(b, r->abs_path);
    }
    if (r->rel_path) {
        ann_buf_puts(b, ",\"relative_path\":");
        jstr(b, r->rel_path);
    }
    ann_buf_printf(b, ",\"size\":%zu,\"sha256\":", r->size);
    jstr(b, r->sha256);
    ann_buf_puts(b, ",\"reader\":");
    jstr(b, r->reader);
    ann_buf_printf(b, "},%s%s\"meta\":{", nl, ind);
    for (size_t i = 0; i < r->n_meta; i++) {
        if (i)
            ann_buf_putc(b, ',');
        jstr(b, r->meta[i].key);
        ann_buf_putc(b, ':');
        jstr(b, r->meta[i].value ? r->meta[i].value : "");
    }
    ann_buf_printf(b, "},%s%s\"plugins\":[", nl, ind);
    for (size_t i = 0; i < r->n_plugins; i++) {
        if (r->plugins[i].plugin) {
            /* a layer named by its plugin (the rules plugin's "titles") */
            ann_buf_printf(b, "%s{\"name\":", i > 0 ? "," : "");
            jstr(b, r->plugins[i].name);
            ann_buf_puts(b, ",\"plugin\":");
            jstr(b, r->plugins[i].plugin);
            ann_buf_puts(b, ",\"version\":");
            jstr(b, r->plugins[i].version);
            ann_buf_putc(b, '}');
            continue;
        }
        pair_object(b, i > 0, "name", r->plugins[i].name, "version", r->plugins[i].version);
    }
    ann_buf_puts(b, "],");
    /* Only when a layer is missing, so a clean run's output is unchanged. */
    if (r->n_failed) {
        ann_buf_printf(b, "%s%s\"failed\":[", nl, ind);
        for (size_t i = 0; i < r->n_failed; i++)
            pair_object(b, i > 0, "plugin", r->failed[i].plugin, "reason", r->failed[i].reason);
        ann_buf_puts(b, "],");
    }
    ann_buf_printf(b, "%s%s\"spans\":[", nl, ind);
    for (size_t i = 0; i < r->n_spans; i++) {
        if (i)
            ann_buf_putc(b, ',');
        ann_buf_puts(b, nl);
        ann_buf_puts(b, ind2);
        render_span(r, &r->spans[i], b);
    }
    if (r->n_spans)
        ann_buf_printf(b, "%s%s", nl, ind);
    ann_buf_puts(b, "]");
    ann_buf_printf(b, "%s}\n", nl);
    return b->failed ? ANN_ENOMEM : ANN_OK;
}

int ann_json_error_record(ann_buf *b, const char *id_json, size_t line, const char *msg)
{
    ann_buf_printf(b, "{\"id\":%s,\"line\":%zu,\"error\":", id_json ? id_json : "null", line);
    jstr(b, msg);
    ann_buf_puts(b, "}\n");
    return b->failed ? ANN_ENOMEM : ANN_OK;
}

static int write_json(const ann_result *r, ann_sink *sink)
{
    ann_buf b = ANN_BUF_INIT;
    int rc = ann_json_render(r, 0, &b);
    if (rc == ANN_OK)
        rc = ann_sink_put_buf(sink, ".ann.json", &b);
    ann_buf_free(&b);
    return rc;
}

static int write_jsonl(const ann_result *r, ann_sink *sink)
{
    ann_buf b = ANN_BUF_INIT;
    int rc = ann_json_render(r, 1, &b);
    if (rc == ANN_OK)
        rc = ann_sink_put_buf(sink, ".ann.jsonl", &b);
    ann_buf_free(&b);
    return rc;
}

const ann_writer ann_writer_json = {
    "json", "one JSON file per document, NAME.ann.json (default)", 1, write_json, NULL, 0};

const ann_writer ann_writer_jsonl = {
    "jsonl", "JSON Lines: one object per document on one line (for -o -)", 1, write_jsonl, NULL, 0};
