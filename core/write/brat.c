/*
 * brat.c -- the `brat` writer: standoff NAME.ann beside a copy NAME.txt.
 *
 * The .txt is the document's text view (write/textview.h): for Markdown and
 * HTML the prose the plugins read, not the markup.  NAME.source names the
 * file it came from and its SHA-256, since the .txt alone no longer shows.
 *
 * brat counts offsets in Unicode code points of the .txt, so byte offsets
 * are converted here.  A span holding a line break becomes a discontinuous
 * annotation with one fragment per line, since brat does not allow a
 * newline inside a fragment.
 *
 * brat attributes are binary or take one of a declared set of values, and
 * annotation.conf is written once per run without seeing the documents.  So
 * only attributes whose values are known in advance (TIMEX3 "mod", the
 * quote "kind") become A lines; free values such as a date's normalised
 * "value" or a quote's "speaker" name go into an AnnotatorNotes (#) line,
 * which brat shows on hover.  Links become R relations named after their
 * role ("speaker").
 */
#include <string.h>

#include "util/buf.h"
#include "write/markup.h"
#include "write/palette.h"
#include "write/textview.h"
#include "write/writer.h"

typedef struct enum_attr {
    const char *key;
    const char *const *values; /* NULL-terminated */
} enum_attr;

static const char *const mod_values[] = {"BEFORE",    "AFTER",     "ON_OR_BEFORE",  "ON_OR_AFTER",
                                         "LESS_THAN", "MORE_THAN", "EQUAL_OR_LESS", "EQUAL_OR_MORE",
                                         "START",     "MID",       "END",           "APPROX",
                                         NULL};
static const char *const kind_values[] = {"direct", "indirect", "mixed", "scare", NULL};

static const enum_attr enum_attrs[] = {
    {"mod", mod_values},
    {"kind", kind_values},
};

/* Relation types declared in annotation.conf (link roles). */
static const char *const relation_roles[] = {"speaker"};

/* True when (key, value) can be written as an A line. */
static int is_enum_attr(const char *key, const char *value)
{
    for (size_t i = 0; i < sizeof enum_attrs / sizeof enum_attrs[0]; i++) {
        if (strcmp(enum_attrs[i].key, key) != 0)
            continue;
        for (const char *const *v = enum_attrs[i].values; *v; v++)
            if (strcmp(*v, value) == 0)
                return 1;
    }
    return 0;
}

static int is_relation_role(const char *role)
{
    for (size_t i = 0; i < sizeof relation_roles / sizeof relation_roles[0]; i++)
        if (strcmp(relation_roles[i], role) == 0)
            return 1;
    return 0;
}

/* brat type names are made of letters, digits, '_' and '-'; anything else
 * becomes '_' so a label can never break the line format. */
static void put_type(ann_buf *b, const char *label)
{
    for (const char *p = label; *p; p++) {
        char c = *p;
        int ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                 c == '_' || c == '-';
        ann_buf_putc(b, ok ? c : '_');
    }
}

/* Notes and texts must stay on one line. */
static void put_one_line(ann_buf *b, const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        ann_buf_putc(b, s[i] == '\n' || s[i] == '\r' || s[i] == '\t' ? ' ' : s[i]);
}

/* The T line: fragments split at line breaks, code-point offsets. */
static void put_text_bound(ann_buf *b, const ann_result *r, const ann_out_span *s, size_t cp_start)
{
    const unsigned char *t = r->bytes;
    size_t cp = cp_start, frag_cp = cp_start; /* cp: code point index of byte i */
    int in_frag = 0, first = 1;
    ann_buf_printf(b, "T%u\t", (unsigned)s->id);
    put_type(b, s->label);
    for (size_t i = s->start; i <= s->end; i++) {
        if (i < s->end && (t[i] & 0xC0) == 0x80)
            continue;
        int brk = i == s->end || t[i] == '\n' || t[i] == '\r';
        if (brk && in_frag) {
            ann_buf_printf(b, "%s%zu %zu", first ? " " : ";", frag_cp, cp);
            first = in_frag = 0;
        } else if (!brk && !in_frag) {
            in_frag = 1;
            frag_cp = cp;
        }
        cp++;
    }
    ann_buf_putc(b, '\t');
    put_one_line(b, (const char *)t + s->start, s->end - s->start);
    ann_buf_putc(b, '\n');
}

/* NAME.source: where the .txt came from, one "key<TAB>value" a line. */
static int put_source(const ann_result *r, ann_sink *sink)
{
    ann_buf b = ANN_BUF_INIT;
    ann_buf_puts(&b, "source\t");
    put_one_line(&b, r->path, strlen(r->path));
    ann_buf_printf(&b, "\nsha256\t%s\nreader\t%s\n", r->sha256, r->reader ? r->reader : "text");
    int rc = b.failed ? ANN_ENOMEM : ann_sink_put(sink, ".source", b.data, b.len);
    ann_buf_free(&b);
    return rc;
}

static int write_view(const ann_result *r, ann_sink *sink)
{
    ann_buf b = ANN_BUF_INIT;
    unsigned n_attr = 0, n_rel = 0, n_note = 0;
    /* Code-point offsets: walk the bytes once, spans in any order, so keep a
     * running (byte, code point) pair and restart when a span starts earlier. */
    size_t at_byte = 0, at_cp = 0;
    for (size_t i = 0; i < r->n_spans; i++) {
        const ann_out_span *s = &r->spans[i];
        if (s->start < at_byte)
            at_byte = at_cp = 0;
        at_cp += ann_utf8_count(r->bytes + at_byte, s->start - at_byte);
        at_byte = s->start;
        put_text_bound(&b, r, s, at_cp);
    }
    for (size_t i = 0; i < r->n_spans; i++) {
        const ann_out_span *s = &r->spans[i];
        int noted = 0;
        for (size_t a = 0; a < s->n_attrs; a++) {
            if (!is_enum_attr(s->attrs[a].key, s->attrs[a].value))
                continue;
            ann_buf_printf(&b, "A%u\t", ++n_attr);
            put_type(&b, s->attrs[a].key);
            ann_buf_printf(&b, " T%u ", (unsigned)s->id);
            put_type(&b, s->attrs[a].value);
            ann_buf_putc(&b, '\n');
        }
        for (size_t a = 0; a < s->n_attrs; a++) {
            if (is_enum_attr(s->attrs[a].key, s->attrs[a].value))
                continue;
            if (!noted)
                ann_buf_printf(&b, "#%u\tAnnotatorNotes T%u\t", ++n_note, (unsigned)s->id);
            else
                ann_buf_puts(&b, "; ");
            noted = 1;
            put_one_line(&b, s->attrs[a].key, strlen(s->attrs[a].key));
            ann_buf_putc(&b, '=');
            put_one_line(&b, s->attrs[a].value, strlen(s->attrs[a].value));
        }
        if (noted)
            ann_buf_putc(&b, '\n');
        for (size_t k = 0; k < s->n_links; k++) {
            if (!is_relation_role(s->links[k].role))
                continue;
            ann_buf_printf(&b, "R%u\t", ++n_rel);
            put_type(&b, s->links[k].role);
            ann_buf_printf(&b, " Arg1:T%u Arg2:T%u\n", (unsigned)s->id,
                           (unsigned)s->links[k].target);
        }
    }
    int rc = b.failed ? ANN_ENOMEM : ANN_OK;
    /* The .txt first: brat needs both, and the .ann names offsets into it. */
    if (rc == ANN_OK)
        rc = ann_sink_put(sink, ".txt", (const char *)r->bytes, r->size);
    if (rc == ANN_OK)
        rc = ann_sink_put(sink, ".ann", b.data ? b.data : "", b.len);
    ann_buf_free(&b);
    return rc;
}

static int write_doc(const ann_result *r, ann_sink *sink)
{
    int rc = ann_textview_write(r, sink, write_view);
    return rc == ANN_OK ? put_source(r, sink) : rc;
}

/* How put_labels() writes a label line. */
enum { LINE_TYPE, LINE_NAMED, LINE_DRAWN };

/* Adds one line per distinct label of `layer` (NULL: of all layers). */
static void put_labels(ann_buf *b, const ann_label_decl *labels, size_t n, const char *layer,
                       const char *prefix, int how)
{
    for (size_t i = 0; i < n; i++) {
        if (layer && strcmp(labels[i].layer, layer) != 0)
            continue;
        int dup = 0;
        for (size_t j = 0; j < i && !dup; j++)
            dup = strcmp(labels[j].label, labels[i].label) == 0;
        if (dup)
            continue;
        ann_buf_puts(b, prefix);
        put_type(b, labels[i].label);
        if (how == LINE_NAMED) {
            ann_buf_puts(b, " | ");
            put_type(b, labels[i].label);
        } else if (how == LINE_DRAWN) {
            const ann_colour *c = ann_palette_colour(labels[i].label);
            ann_buf_printf(b, "\tbgColor:%s, borderColor:%s", c->bg, c->border);
        }
        ann_buf_putc(b, '\n');
    }
}

static int finish(const ann_label_decl *labels, size_t n, ann_sink *sink)
{
    ann_buf conf = ANN_BUF_INIT, vis = ANN_BUF_INIT;
    ann_buf_puts(&conf, "# annotation.conf written by annotate for the labels of this run.\n"
                        "[entities]\n");
    /* One abstract group (!layer) per layer, its labels indented below. */
    for (size_t i = 0; i < n; i++) {
        int seen = 0;
        for (size_t j = 0; j < i && !seen; j++)
            seen = strcmp(labels[j].layer, labels[i].layer) == 0;
        if (seen)
            continue;
        ann_buf_putc(&conf, '!');
        put_type(&conf, labels[i].layer);
        ann_buf_putc(&conf, '\n');
        put_labels(&conf, labels, n, labels[i].layer, "\t", LINE_TYPE);
    }
    /* Spans of different layers overlap freely in annotate's output. */
    ann_buf_puts(&conf,
                 "\n[relations]\n<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>\n");
    for (size_t i = 0; i < sizeof relation_roles / sizeof relation_roles[0]; i++)
        ann_buf_printf(&conf, "%s\tArg1:<ENTITY>, Arg2:<ENTITY>\n", relation_roles[i]);
    ann_buf_puts(&conf, "\n[events]\n\n[attributes]\n");
    for (size_t i = 0; i < sizeof enum_attrs / sizeof enum_attrs[0]; i++) {
        ann_buf_printf(&conf, "%s\tArg:<ENTITY>, Value:", enum_attrs[i].key);
        for (const char *const *v = enum_attrs[i].values; *v; v++)
            ann_buf_printf(&conf, "%s%s", v == enum_attrs[i].values ? "" : "|", *v);
        ann_buf_putc(&conf, '\n');
    }

    ann_buf_puts(&vis, "# visual.conf written by annotate: the same colours as the HTML view.\n"
                       "[labels]\n");
    put_labels(&vis, labels, n, NULL, "", LINE_NAMED);
    ann_buf_puts(&vis, "\n[drawing]\n");
    put_labels(&vis, labels, n, NULL, "", LINE_DRAWN);
    ann_buf_puts(&vis, "speaker\tcolor:#b71c1c, dashArray:3-3\n");

    int rc = conf.failed || vis.failed ? ANN_ENOMEM : ANN_OK;
    if (rc == ANN_OK)
        rc = ann_sink_put_file(sink, "annotation.conf", conf.data, conf.len);
    if (rc == ANN_OK)
        rc = ann_sink_put_file(sink, "visual.conf", vis.data, vis.len);
    ann_buf_free(&conf);
    ann_buf_free(&vis);
    return rc;
}

const ann_writer ann_writer_brat = {
    "brat", "brat standoff: NAME.ann beside the text NAME.txt, plus annotation.conf",
    0,      write_doc,
    finish, 0};
