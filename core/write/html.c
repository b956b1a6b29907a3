/*
 * html.c -- the `html` writer: one self-contained page per document.
 *
 * The document is its text view (textview.h): a plain text shows its
 * paragraphs with their own line breaks (white-space: pre-wrap); a Markdown or HTML document shows
 * its prose in blocks, headings as headings, list items with their bullets
 * or numbers and table cells in a table.  Each span piece (see nest.h;
 * overlapping spans, and spans running over a block's edge, are cut into
 * nested pieces) is a focusable <mark> carrying its label as a visible tag,
 * so labels never rely on colour alone; its tooltip and the details panel
 * give its byte offsets in the original file.  The span details travel once, as JSON in a <script> element; a
 * small inline script shows them in a live region on hover, focus or tap,
 * highlights a quote's speaker, and toggles layers.
 */
#include "write/html.h"

#include <stdlib.h>
#include <string.h>

#include "write/markup.h"
#include "write/nest.h"
#include "write/palette.h"
#include "write/textview.h"
#include "write/writer.h"

/* Distinct strings in order of first appearance, with a count each. */
typedef struct str_set {
    const char **s;
    size_t *count;
    size_t n;
} str_set;

static size_t set_index(const str_set *set, const char *s)
{
    for (size_t i = 0; i < set->n; i++)
        if (strcmp(set->s[i], s) == 0)
            return i;
    return (size_t)-1;
}

/* Adds s (capacity was reserved by the caller). */
static size_t set_add(str_set *set, const char *s)
{
    size_t i = set_index(set, s);
    if (i == (size_t)-1) {
        i = set->n++;
        set->s[i] = s;
        set->count[i] = 0;
    }
    set->count[i]++;
    return i;
}

typedef struct page {
    const ann_result *r;    /* in view offsets (textview.h) */
    const ann_result *orig; /* the same in file offsets */
    const ann_textview *tv;
    const unsigned char *keep;
    ann_buf *out;
    str_set layers, labels;
    size_t *label_layer; /* per label index: its layer index */
    /* Block layout: the previous block's style, and in a table the row open
     * and the next column. */
    ann_block_style prev;
    int have_prev, in_table;
    uint32_t row, col;
    const char *cell_end; /* the open cell's end tag, NULL when none */
} page;

static const char style[] =
    "*{box-sizing:border-box}\n"
    "body{margin:0 auto;max-width:52rem;padding:1rem 1rem 12rem;font:1.05rem/1.6 system-ui,"
    "-apple-system,'Segoe UI',sans-serif;color:#111;background:#fff}\n"
    "h1{font-size:1.2rem;margin:0 0 .25rem;overflow-wrap:anywhere}\n"
    ".facts{margin:0 0 .75rem;color:#444;font-size:.9rem}\n"
    ".failed{margin:0 0 .75rem;padding:.4rem .6rem;border:2px solid #b00;border-radius:.4rem;"
    "background:#fee;color:#600}\n"
    ".legend{display:flex;flex-wrap:wrap;gap:.5rem;margin:0 0 1rem}\n"
    ".legend fieldset{border:1px solid #999;border-radius:.4rem;margin:0;padding:.2rem .6rem .4rem}\n"
    ".legend legend{font-weight:600;padding:0 .2rem}\n"
    ".legend label{cursor:pointer}\n"
    ".legend input{width:1.1rem;height:1.1rem;vertical-align:-.15rem}\n"
    ".legend ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.3rem}\n"
    ".legend li{font-size:.85rem;white-space:nowrap}\n"
    ".sw{display:inline-block;border:2px solid;border-radius:.3rem;padding:0 .3rem;"
    "font-weight:600}\n"
    ".doc{white-space:pre-wrap;overflow-wrap:anywhere;line-height:2.1;font-size:1.05rem}\n"
    ".doc p{margin:0 0 1rem}.doc.prose{white-space:normal}\n"
    ".prose p,.prose .li{margin:0 0 .7rem}\n"
    ".prose h1,.prose h2,.prose h3,.prose h4,.prose h5,.prose h6{line-height:1.8;"
    "margin:1.2rem 0 .5rem}\n"
    ".prose h1{font-size:1.7rem}.prose h2{font-size:1.45rem}.prose h3{font-size:1.25rem}"
    ".prose h4,.prose h5,.prose h6{font-size:1.1rem}\n"
    ".prose .title{font-size:.95rem;color:#444;border-bottom:1px solid #999}\n"
    ".prose .li{display:flex;gap:.5rem;margin-bottom:.2rem}\n"
    ".prose .li>.bl{flex:0 0 1.6rem;text-align:right;font-weight:600}\n"
    ".d2{margin-left:2rem}.d3{margin-left:4rem}.d4{margin-left:6rem}\n"
    ".prose .q{border-left:4px solid #888;padding-left:.8rem;color:#222}\n"
    ".prose table{border-collapse:collapse;margin:0 0 1rem}\n"
    ".prose td,.prose th{border:1px solid #777;padding:.1rem .5rem;vertical-align:top;"
    "text-align:left}\n"
    ".prose th{background:#eee}\n"
    "mark{color:inherit;border:1px solid;border-bottom-width:3px;border-radius:.25rem;"
    "padding:.1rem .1rem;-webkit-box-decoration-break:clone;box-decoration-break:clone;"
    "cursor:help}\n"
    "mark .t{font:700 .68rem/1 system-ui,sans-serif;margin-left:.15rem;padding:0 .15rem;"
    "border-radius:.2rem;background:#fff;vertical-align:.1rem;letter-spacing:.02em}\n"
    "mark:focus{outline:3px solid #000;outline-offset:1px}\n"
    "mark:focus:not(:focus-visible){outline:none}\n"
    "mark:focus-visible{outline:3px solid #000;outline-offset:1px}\n"
    "mark.hl{box-shadow:0 0 0 2px #000}\n"
    "mark.spk{box-shadow:0 0 0 3px #c00;outline:2px dashed #c00;outline-offset:3px}\n"
    ".info{position:fixed;left:0;right:0;bottom:0;max-height:40vh;overflow:auto;margin:0;"
    "padding:.6rem 1rem;background:#fff;border-top:3px solid #333;font-size:.95rem;"
    "box-shadow:0 -2px 8px rgba(0,0,0,.2)}\n"
    ".info dl{display:grid;grid-template-columns:max-content 1fr;gap:0 .8rem;margin:.3rem 0 0}\n"
    ".info dt{font-weight:600}.info dd{margin:0;overflow-wrap:anywhere}\n"
    ".info .txt{margin:.2rem 0;font-style:italic;overflow-wrap:anywhere}\n"
    "@media (max-width:40rem){body{font-size:1rem;padding:.6rem .6rem 14rem}"
    ".doc{line-height:2}}\n"
    "@media (prefers-reduced-motion:no-preference){mark{transition:box-shadow .1s}}\n";

/* Shows the details of a span (index i into the JSON list) in the live
 * region; #span-ID in the address focuses span ID, so a span can be linked. */
static const char script[] =
    "(function(){\n"
    "var S=JSON.parse(document.getElementById('spans').textContent);\n"
    "var info=document.getElementById('info'),doc=document.getElementById('doc');\n"
    "function pieces(i){return doc.querySelectorAll('mark[data-i=\"'+i+'\"]');}\n"
    "function mark(cls,i,on){var p=pieces(i);for(var k=0;k<p.length;k++)"
    "p[k].classList.toggle(cls,on);}\n"
    "function clear(){var o=doc.querySelectorAll('mark.hl,mark.spk');for(var k=0;k<o.length;k++)"
    "o[k].classList.remove('hl','spk');}\n"
    "function el(t,x){var e=document.createElement(t);e.textContent=x;return e;}\n"
    "function show(i){var s=S[i];clear();mark('hl',i,true);\n"
    " info.textContent='';info.appendChild(el('strong',s.label+' \\u00b7 '+s.layer));\n"
    " info.appendChild(el('div',s.text)).className='txt';\n"
    " var dl=document.createElement('dl');\n"
    " dl.appendChild(el('dt','bytes'));dl.appendChild(el('dd',s.start+'\\u2013'+s.end));\n"
    " if(s.src!==undefined){dl.appendChild(el('dt','source'));dl.appendChild(el('dd',s.src));}\n"
    " for(var k in s.attrs){dl.appendChild(el('dt',k));dl.appendChild(el('dd',s.attrs[k]));}\n"
    " s.links.forEach(function(l){dl.appendChild(el('dt','\\u2192 '+l.role));\n"
    "  var t=l.t>=0?S[l.t]:null;dl.appendChild(el('dd',t?t.text+' ('+t.label+')':'span '+l.id));\n"
    "  if(t)mark('spk',l.t,true);});\n"
    " if(dl.firstChild)info.appendChild(dl);}\n"
    "function target(e){var m=e.target.closest&&e.target.closest('mark[data-i]');"
    "return m&&!m.classList.contains('off')?m:null;}\n"
    "doc.addEventListener('mouseover',function(e){var m=target(e);if(m)show(+m.dataset.i);});\n"
    "doc.addEventListener('focusin',function(e){var m=target(e);if(m)show(+m.dataset.i);});\n"
    "doc.addEventListener('click',function(e){var m=target(e);if(m)show(+m.dataset.i);});\n"
    "var boxes=document.querySelectorAll('input[data-layer]');\n"
    "for(var k=0;k<boxes.length;k++)boxes[k].addEventListener('change',function(e){\n"
    " var y=e.target.dataset.layer,on=e.target.checked,p=doc.querySelectorAll('mark.'+y);\n"
    " for(var j=0;j<p.length;j++){p[j].classList.toggle('off',!on);\n"
    "  if(p[j].hasAttribute('tabindex'))p[j].tabIndex=on?0:-1;}});\n"
    "function go(){var m=/^#span-([0-9]+)$/.exec(location.hash);if(!m)return;\n"
    " var p=doc.querySelector('mark[data-id=\"'+m[1]+'\"]');if(p){p.focus();show(+p.dataset.i);}}\n"
    "window.addEventListener('hashchange',go);go();\n"
    "})();\n";

static void put_label_css(page *pg)
{
    ann_buf *b = pg->out;
    for (size_t i = 0; i < pg->labels.n; i++) {
        const ann_colour *c = ann_palette_colour(pg->labels.s[i]);
        ann_buf_printf(b,
                       ".l%zu{background:%s;border-color:%s}.l%zu .t,.l%zu.sw{color:%s}"
                       "mark.l%zu .t{border:1px solid %s}\n",
                       i, c->bg, c->border, i, i, c->border, i, c->border);
    }
    /* A layer switched off loses colour, border and tags, keeps its text. */
    ann_buf_puts(b, "mark.off{background:none;border-color:transparent;cursor:auto}"
                    "mark.off>.t{display:none}\n");
}

/* A document whose plugins failed lacks their layers: say so above the
 * legend, or the page would look complete. */
static void put_failed(ann_buf *b, const ann_result *r)
{
    if (!r->n_failed)
        return;
    ann_buf_printf(b, "<p class=\"failed\" role=\"alert\"><strong>%zu layer%s missing</strong>: ",
                   r->n_failed, r->n_failed == 1 ? "" : "s");
    for (size_t i = 0; i < r->n_failed; i++) {
        if (i)
            ann_buf_puts(b, "; ");
        ann_buf_put_xml(b, r->failed[i].plugin, strlen(r->failed[i].plugin));
        ann_buf_puts(b, " failed (");
        ann_buf_put_xml(b, r->failed[i].reason, strlen(r->failed[i].reason));
        ann_buf_putc(b, ')');
    }
    ann_buf_puts(b, "</p>\n");
}

static void put_header(page *pg)
{
    const ann_result *r = pg->r;
    ann_buf *b = pg->out;
    ann_buf_puts(b, "<header>\n<h1>");
    ann_buf_put_xml(b, r->path, strlen(r->path));
    ann_buf_puts(b, "</h1>\n<p class=\"facts\">");
    size_t shown = 0;
    for (size_t i = 0; i < r->n_spans; i++)
        shown += !pg->keep || pg->keep[i];
    ann_buf_printf(b, "%zu spans", shown);
    const char *ref = ann_result_meta(r, "reference_date");
    if (ref) {
        ann_buf_puts(b, " \xC2\xB7 reference date ");
        ann_buf_put_xml(b, ref, strlen(ref));
    }
    for (size_t i = 0; i < r->n_plugins; i++) {
        ann_buf_puts(b, i ? ", " : " \xC2\xB7 plugins: ");
        ann_buf_put_xml(b, r->plugins[i].name, strlen(r->plugins[i].name));
        ann_buf_putc(b, ' ');
        ann_buf_put_xml(b, r->plugins[i].version, strlen(r->plugins[i].version));
    }
    ann_buf_puts(b, "</p>\n");
    put_failed(b, r);
    ann_buf_puts(b, "<nav class=\"legend\" aria-label=\"Layers and labels\">\n");
    for (size_t y = 0; y < pg->layers.n; y++) {
        const char *layer = pg->layers.s[y];
        ann_buf_printf(b,
                       "<fieldset><legend><label><input type=\"checkbox\" checked "
                       "data-layer=\"y%zu\"> ",
                       y);
        ann_buf_put_xml(b, layer, strlen(layer));
        ann_buf_puts(b, "</label></legend><ul>");
        for (size_t l = 0; l < pg->labels.n; l++) {
            if (pg->label_layer[l] != y)
                continue;
            ann_buf_printf(b, "<li><span class=\"sw l%zu\">", l);
            ann_buf_put_xml(b, pg->labels.s[l], strlen(pg->labels.s[l]));
            ann_buf_printf(b, "</span> %zu</li>", pg->labels.count[l]);
        }
        ann_buf_puts(b, "</ul></fieldset>\n");
    }
    ann_buf_puts(b, "</nav>\n</header>\n");
}

static int on_text(void *p, size_t start, size_t end)
{
    page *pg = p;
    return ann_buf_put_xml_text(pg->out, (const char *)pg->r->bytes + start, end - start);
}

static int on_open(void *p, size_t i, int continued)
{
    page *pg = p;
    const ann_out_span *s = &pg->r->spans[i];
    ann_buf *b = pg->out;
    size_t l = set_index(&pg->labels, s->label);
    ann_buf_printf(b, "<mark class=\"l%zu y%zu\" data-i=\"%zu\" data-id=\"%u\"", l,
                   pg->label_layer[l], i, (unsigned)s->id);
    /* Only the first piece of a cut span is a tab stop. */
    if (!continued)
        ann_buf_puts(b, " tabindex=\"0\"");
    ann_buf_puts(b, " title=\"");
    ann_buf_put_xml(b, s->label, strlen(s->label));
    ann_buf_puts(b, " (");
    ann_buf_put_xml(b, s->layer, strlen(s->layer));
    ann_buf_putc(b, ')');
    for (size_t a = 0; a < s->n_attrs; a++) {
        ann_buf_puts(b, a ? ", " : ": ");
        ann_buf_put_xml(b, s->attrs[a].key, strlen(s->attrs[a].key));
        ann_buf_putc(b, '=');
        ann_buf_put_xml(b, s->attrs[a].value, strlen(s->attrs[a].value));
    }
    const ann_out_span *o = &pg->orig->spans[i];
    ann_buf_printf(b, " \xC2\xB7 bytes %zu\xE2\x80\x93%zu", o->start, o->end);
    return ann_buf_puts(b, "\">");
}

static int on_close(void *p, size_t i, int finished)
{
    page *pg = p;
    ann_buf *b = pg->out;
    /* The tag goes on the last piece only, like the label after "]" in the
     * text format; a space before it keeps screen readers from gluing it to
     * the word. */
    if (finished) {
        ann_buf_puts(b, "<span class=\"t\"><span class=\"vh\"> </span>");
        ann_buf_put_xml(b, pg->r->spans[i].label, strlen(pg->r->spans[i].label));
        ann_buf_puts(b, "</span>");
    }
    return ann_buf_puts(b, "</mark>");
}

/* ---- blocks of a Markdown or HTML document ------------------------------ */

static int same_item(const ann_block_style *a, const ann_block_style *b)
{
    return a->kind == ANN_BLOCK_ITEM && b->kind == ANN_BLOCK_ITEM && a->group == b->group &&
           a->item == b->item && a->level == b->level;
}

/* A cell stays open after its block: a second block of the same cell (an
 * HTML cell holding two paragraphs) goes on inside it. */
static void close_cell(page *pg)
{
    if (pg->cell_end)
        ann_buf_puts(pg->out, pg->cell_end);
    pg->cell_end = NULL;
}

static void close_table(page *pg)
{
    close_cell(pg);
    if (pg->in_table)
        ann_buf_puts(pg->out, "</tr>\n</table>\n");
    pg->in_table = 0;
}

/* Opens a cell of a table, opening the table or a new row first; columns
 * with no text (skipped by the reader) get empty cells. */
static void open_cell(page *pg, const ann_block_style *st)
{
    ann_buf *b = pg->out;
    if (pg->cell_end && pg->prev.group == st->group && pg->prev.row == st->row &&
        pg->prev.col == st->col) {
        ann_buf_puts(b, "<br>");
        return;
    }
    close_cell(pg);
    if (pg->in_table && pg->prev.group != st->group)
        close_table(pg);
    if (!pg->in_table) {
        ann_buf_puts(b, "<table>\n<tr>");
        pg->in_table = 1;
        pg->row = st->row;
        pg->col = 0;
    } else if (st->row != pg->row) {
        ann_buf_puts(b, "</tr>\n<tr>");
        pg->row = st->row;
        pg->col = 0;
    }
    for (; pg->col < st->col && pg->col < 1000; pg->col++)
        ann_buf_puts(b, st->header ? "<th></th>" : "<td></td>");
    ann_buf_puts(b, st->header ? "<th>" : "<td>");
    pg->cell_end = st->header ? "</th>" : "</td>";
    pg->col = st->col + 1;
}

static int block_begin(void *p, size_t blk)
{
    page *pg = p;
    ann_buf *b = pg->out;
    ann_block_style st = ann_textview_style(pg->tv, blk);
    if (st.kind != ANN_BLOCK_CELL)
        close_table(pg);
    const char *q = st.quote ? " q" : "";
    switch (st.kind) {
    case ANN_BLOCK_HEADING:
        ann_buf_printf(b, "<h%d class=\"blk%s\">", st.level >= 1 && st.level <= 6 ? st.level : 6,
                       q);
        break;
    case ANN_BLOCK_TITLE:
        ann_buf_puts(b, "<p class=\"title\">");
        break;
    case ANN_BLOCK_ITEM: {
        unsigned depth = st.level < 4 ? st.level : 4;
        ann_buf_printf(b, "<div class=\"li d%u%s\"><span class=\"bl\" aria-hidden=\"true\">",
                       depth, q);
        /* A second paragraph of the same item has no bullet of its own. */
        int more = pg->have_prev && same_item(&pg->prev, &st);
        if (!more && st.ordered)
            ann_buf_printf(b, "%u.", (unsigned)st.item);
        else if (!more)
            ann_buf_puts(b, depth % 2 ? "\xE2\x80\xA2" : "\xE2\x97\xA6");
        ann_buf_puts(b, "</span><span>");
        break;
    }
    case ANN_BLOCK_CELL:
        open_cell(pg, &st);
        break;
    default:
        ann_buf_printf(b, "<p%s>", st.quote ? " class=\"q\"" : "");
        break;
    }
    pg->prev = st;
    pg->have_prev = 1;
    return b->failed ? ANN_ENOMEM : ANN_OK;
}

static int block_end(void *p, size_t blk)
{
    page *pg = p;
    ann_block_style st = ann_textview_style(pg->tv, blk);
    switch (st.kind) {
    case ANN_BLOCK_HEADING:
        ann_buf_printf(pg->out, "</h%d>\n", st.level >= 1 && st.level <= 6 ? st.level : 6);
        break;
    case ANN_BLOCK_ITEM:
        ann_buf_puts(pg->out, "</span></div>\n");
        break;
    case ANN_BLOCK_CELL: /* closed by the next block (open_cell()) */
        break;
    default:
        ann_buf_puts(pg->out, "</p>\n");
        break;
    }
    return pg->out->failed ? ANN_ENOMEM : ANN_OK;
}

static void put_span_data(page *pg)
{
    const ann_result *r = pg->r;
    ann_buf *b = pg->out;
    ann_buf_puts(b, "<script type=\"application/json\" id=\"spans\">[");
    for (size_t i = 0; i < r->n_spans; i++) {
        const ann_out_span *s = &r->spans[i];
        ann_buf_puts(b, i ? ",\n{\"layer\":" : "\n{\"layer\":");
        ann_buf_put_json(b, s->layer, strlen(s->layer));
        ann_buf_puts(b, ",\"label\":");
        ann_buf_put_json(b, s->label, strlen(s->label));
        ann_buf_puts(b, ",\"text\":");
        size_t end = s->end <= r->size ? s->end : r->size;
        size_t start = s->start <= end ? s->start : end;
        ann_buf_put_json(b, (const char *)r->bytes + start, end - start);
        /* Where it is in the file, and the file's own bytes when the view
         * changed them (decoded references, dropped markup). */
        const ann_result *f = pg->orig;
        const ann_out_span *o = &f->spans[i];
        ann_buf_printf(b, ",\"start\":%zu,\"end\":%zu", o->start, o->end);
        if (o->end <= f->size && o->start <= o->end &&
            (o->end - o->start != end - start ||
             memcmp(f->bytes + o->start, r->bytes + start, end - start) != 0)) {
            ann_buf_puts(b, ",\"src\":");
            ann_buf_put_json(b, (const char *)f->bytes + o->start, o->end - o->start);
        }
        ann_buf_puts(b, ",\"attrs\":{");
        for (size_t a = 0; a < s->n_attrs; a++) {
            if (a)
                ann_buf_putc(b, ',');
            ann_buf_put_json(b, s->attrs[a].key, strlen(s->attrs[a].key));
            ann_buf_putc(b, ':');
            ann_buf_put_json(b, s->attrs[a].value, strlen(s->attrs[a].value));
        }
        ann_buf_puts(b, "},\"links\":[");
        for (size_t k = 0; k < s->n_links; k++) {
            size_t t = ann_result_find_id(r, s->links[k].target);
            if (t != (size_t)-1 && pg->keep && !pg->keep[t])
                t = (size_t)-1;
            ann_buf_puts(b, k ? ",{\"role\":" : "{\"role\":");
            ann_buf_put_json(b, s->links[k].role, strlen(s->links[k].role));
            ann_buf_printf(b, ",\"id\":%u,\"t\":%ld}", (unsigned)s->links[k].target,
                           t == (size_t)-1 ? -1L : (long)t);
        }
        ann_buf_puts(b, "]}");
    }
    ann_buf_puts(b, "]</script>\n");
}

int ann_html_render(const ann_result *r, const unsigned char *keep, ann_buf *out)
{
    size_t n = r->n_spans + 1;
    ann_textview tv;
    page pg;
    memset(&pg, 0, sizeof pg);
    pg.orig = r;
    pg.tv = &tv;
    pg.keep = keep;
    pg.out = out;
    int rc = ann_textview_init(&tv, r);
    pg.r = &tv.r;
    if (rc != ANN_OK)
        goto done;
    rc = ANN_ENOMEM;
    pg.layers.s = malloc(n * sizeof *pg.layers.s);
    pg.layers.count = malloc(n * sizeof *pg.layers.count);
    pg.labels.s = malloc(n * sizeof *pg.labels.s);
    pg.labels.count = malloc(n * sizeof *pg.labels.count);
    pg.label_layer = malloc(n * sizeof *pg.label_layer);
    if (!pg.layers.s || !pg.layers.count || !pg.labels.s || !pg.labels.count || !pg.label_layer)
        goto done;
    /* Layers in run order first, so the legend reads like the pipeline. */
    for (size_t i = 0; i < r->n_plugins; i++)
        for (size_t k = 0; k < r->n_spans; k++)
            if ((!keep || keep[k]) && strcmp(r->spans[k].layer, r->plugins[i].name) == 0) {
                if (set_index(&pg.layers, r->plugins[i].name) == (size_t)-1)
                    set_add(&pg.layers, r->plugins[i].name);
                break;
            }
    for (size_t k = 0; k < r->n_spans; k++) {
        if (keep && !keep[k])
            continue;
        if (set_index(&pg.layers, r->spans[k].layer) == (size_t)-1)
            set_add(&pg.layers, r->spans[k].layer);
        size_t l = set_add(&pg.labels, r->spans[k].label);
        /* A label shared by two layers is listed under the first. */
        if (pg.labels.count[l] == 1)
            pg.label_layer[l] = set_index(&pg.layers, r->spans[k].layer);
    }

    ann_buf_puts(out, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                      "style-src 'unsafe-inline'; script-src 'unsafe-inline'\">\n<title>");
    ann_buf_put_xml(out, r->path, strlen(r->path));
    ann_buf_puts(out, " \xE2\x80\x94 annotate</title>\n<style>\n");
    ann_buf_puts(out, style);
    ann_buf_puts(out, ".vh{position:absolute;width:1px;height:1px;overflow:hidden;"
                      "clip:rect(0 0 0 0)}\n");
    put_label_css(&pg);
    ann_buf_puts(out, "</style>\n</head>\n<body>\n");
    put_header(&pg);
    ann_buf_printf(out, "<main>\n<div class=\"doc%s\" id=\"doc\">", tv.prose ? " prose" : "");
    static const ann_block_ops ops = {block_begin, block_end, {on_text, on_open, on_close}};
    if ((rc = ann_textview_walk(&tv, keep, &ops, &pg)))
        goto done;
    close_table(&pg);
    ann_buf_puts(out, "</div>\n</main>\n<aside id=\"info\" class=\"info\" aria-live=\"polite\" "
                      "aria-label=\"Span details\">Hover, tap or Tab to a span to see its "
                      "layer, label and attributes.</aside>\n");
    put_span_data(&pg);
    ann_buf_puts(out, "<script>\n");
    ann_buf_puts(out, script);
    ann_buf_puts(out, "</script>\n</body>\n</html>\n");
    rc = out->failed ? ANN_ENOMEM : ANN_OK;
done:
    ann_textview_free(&tv);
    free(pg.layers.s);
    free(pg.layers.count);
    free(pg.labels.s);
    free(pg.labels.count);
    free(pg.label_layer);
    return rc;
}

static int write_doc(const ann_result *r, ann_sink *sink)
{
    ann_buf b = ANN_BUF_INIT;
    int rc = ann_html_render(r, NULL, &b);
    if (rc == ANN_OK)
        rc = ann_sink_put(sink, ".html", b.data, b.len);
    ann_buf_free(&b);
    return rc;
}

const ann_writer ann_writer_html = {
    "html", "one self-contained HTML page per document, colour per label (.html)",
    0,      write_doc,
    NULL,   0};
