/* text.c -- the `text` writer: the document's text view (write/textview.h)
 * with inline brackets. */
#include "write/text.h"

#include "write/nest.h"
#include "write/textview.h"
#include "write/writer.h"

typedef struct text_ctx {
    const ann_result *r;
    ann_buf *out;
} text_ctx;

static int on_text(void *p, size_t start, size_t end)
{
    text_ctx *c = p;
    return ann_buf_append(c->out, c->r->bytes + start, end - start);
}

static int on_open(void *p, size_t i, int continued)
{
    text_ctx *c = p;
    (void)i;
    return ann_buf_puts(c->out, continued ? "[+" : "[");
}

static int on_close(void *p, size_t i, int finished)
{
    text_ctx *c = p;
    return ann_buf_printf(c->out, "]%s%s", c->r->spans[i].label, finished ? "" : "+");
}

int ann_text_render(const ann_result *r, const unsigned char *keep, ann_buf *out)
{
    static const ann_nest_ops ops = {on_text, on_open, on_close};
    text_ctx c = {r, out};
    int rc = ann_nest_walk(r, keep, &ops, &c);
    if (rc == ANN_OK && out->failed)
        rc = ANN_ENOMEM;
    return rc;
}

static int write_view(const ann_result *r, ann_sink *sink)
{
    ann_buf b = ANN_BUF_INIT;
    int rc = ann_sink_mark_document(sink, &b, "==> ", r->path, " <==\n");
    size_t body = b.len;
    if (rc == ANN_OK)
        rc = ann_text_render(r, NULL, &b);
    /* On one stream, the next document's mark must start a line. */
    if (rc == ANN_OK && body > 0 && b.len > body && b.data[b.len - 1] != '\n')
        rc = ann_buf_putc(&b, '\n');
    if (rc == ANN_OK)
        rc = ann_sink_put(sink, ".ann.txt", b.data ? b.data : "", b.len);
    ann_buf_free(&b);
    return rc;
}

static int write_doc(const ann_result *r, ann_sink *sink)
{
    return ann_textview_write(r, sink, write_view);
}

const ann_writer ann_writer_text = {
    "text", "the document with inline brackets, [Luca de Meo]PER (.ann.txt)", 1, write_doc, NULL,
    0};
