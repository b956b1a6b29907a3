/*
 * timeml.c -- the `timeml` writer: the dates layer as TIMEX3 elements in a
 * TimeML 1.2.1 document, shaped like the TempEval-3 (TBAQ) files so the
 * TempEval-3 evaluation tools read it: DOCID, then the reference date as
 * the DCT TIMEX3 t0 (functionInDocument="CREATION_TIME"), then the text.
 *
 * The text is the document's text view (write/textview.h), so a Markdown or
 * HTML source gives prose, not escaped markup; a comment after the XML
 * declaration names the source file and its SHA-256.
 *
 * TimeML does not allow TIMEX3 elements to overlap or nest, so when date
 * spans overlap the outermost (first, longest) is kept.  A span without a
 * normalised value gets TimeML's "unknown" value of its type.
 */
#include <string.h>

#include "util/buf.h"
#include "write/markup.h"
#include "write/textview.h"
#include "write/writer.h"

static const char *unknown_value(const char *type)
{
    if (strcmp(type, "TIME") == 0)
        return "XXXX-XX-XXTXX:XX";
    if (strcmp(type, "DURATION") == 0)
        return "PX";
    if (strcmp(type, "SET") == 0)
        return "XXXX-WXX";
    return "XXXX-XX-XX";
}

static int is_timex_type(const char *label)
{
    return strcmp(label, "DATE") == 0 || strcmp(label, "TIME") == 0 ||
           strcmp(label, "DURATION") == 0 || strcmp(label, "SET") == 0;
}

static void put_attr(ann_buf *b, const char *name, const char *value)
{
    ann_buf_printf(b, " %s=\"", name);
    ann_buf_put_xml(b, value, strlen(value));
    ann_buf_putc(b, '"');
}

/* DOCID: the file's base name without its extension. */
static void put_docid(ann_buf *b, const char *path)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    const char *dot = strrchr(base, '.');
    size_t len = dot && dot != base ? (size_t)(dot - base) : strlen(base);
    ann_buf_put_xml(b, base, len);
}

/* A comment naming the source: "--" may not appear inside one. */
static void put_source(ann_buf *b, const ann_result *r)
{
    ann_buf_puts(b, "<!-- source: ");
    for (const char *p = r->path; *p; p++) {
        ann_buf_putc(b, *p);
        if (*p == '-' && p[1] == '-')
            ann_buf_putc(b, ' ');
    }
    ann_buf_printf(b, " sha256: %s -->\n", r->sha256);
}

static int write_view(const ann_result *r, ann_sink *sink)
{
    ann_buf b = ANN_BUF_INIT;
    const char *dct = ann_result_meta(r, "reference_date");
    ann_buf_puts(&b, "<?xml version=\"1.0\" ?>\n");
    put_source(&b, r);
    ann_buf_puts(&b,
                 "<TimeML xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
                 "xsi:noNamespaceSchemaLocation=\"http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd\">"
                 "\n\n<DOCID>");
    put_docid(&b, r->path);
    ann_buf_puts(&b, "</DOCID>\n\n<DCT><TIMEX3 tid=\"t0\" type=\"DATE\"");
    put_attr(&b, "value", dct ? dct : "XXXX-XX-XX");
    ann_buf_puts(&b, " temporalFunction=\"false\" functionInDocument=\"CREATION_TIME\">");
    if (dct)
        ann_buf_put_xml_text(&b, dct, strlen(dct));
    ann_buf_puts(&b, "</TIMEX3></DCT>\n\n<TEXT>\n");

    size_t at = 0;
    unsigned tid = 0;
    for (size_t i = 0; i < r->n_spans; i++) {
        const ann_out_span *s = &r->spans[i];
        if (strcmp(s->layer, "dates") != 0 || !is_timex_type(s->label) || s->start < at ||
            s->start >= s->end || s->end > r->size)
            continue;
        ann_buf_put_xml_text(&b, (const char *)r->bytes + at, s->start - at);
        ann_buf_printf(&b, "<TIMEX3 tid=\"t%u\"", ++tid);
        put_attr(&b, "type", s->label);
        const char *value = ann_span_attr(s, "value");
        put_attr(&b, "value", value ? value : unknown_value(s->label));
        static const char *const extra[] = {"mod", "quant", "freq"};
        for (size_t k = 0; k < sizeof extra / sizeof extra[0]; k++) {
            const char *v = ann_span_attr(s, extra[k]);
            if (v)
                put_attr(&b, extra[k], v);
        }
        ann_buf_puts(&b, " temporalFunction=\"false\" functionInDocument=\"NONE\">");
        ann_buf_put_xml_text(&b, (const char *)r->bytes + s->start, s->end - s->start);
        ann_buf_puts(&b, "</TIMEX3>");
        at = s->end;
    }
    ann_buf_put_xml_text(&b, (const char *)r->bytes + at, r->size - at);
    ann_buf_puts(&b, "\n</TEXT>\n\n</TimeML>\n");
    int rc = b.failed ? ANN_ENOMEM : ann_sink_put(sink, ".tml", b.data, b.len);
    ann_buf_free(&b);
    return rc;
}

static int write_doc(const ann_result *r, ann_sink *sink)
{
    return ann_textview_write(r, sink, write_view);
}

const ann_writer ann_writer_timeml = {
    "timeml", "TimeML: the dates layer as TIMEX3, reference date as DCT (.tml)", 0, write_doc, NULL,
    0};
