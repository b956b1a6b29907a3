/*
 * rules_parse.c -- the rule file format: one statement per line.
 *
 *   # a comment
 *   layer: titles                    (optional; else the file's name)
 *   needs: entities                  (layers whose spans patterns refer to)
 *   phrases PRODUCT: iPhone, Galaxy Note, Pixel 7
 *   phrases PRODUCT ignore-case maker=Apple:
 *       iPad Pro                     (indented lines: one phrase each)
 *   phrases PRODUCT from products.txt
 *   pattern TITLE: [CEO | chairman | president] holder=<PER>
 *   query LINK: (link_text) @link    (a tree-sitter query; every capture
 *   query: (atx_heading (inline) @HEADING)   is a span: the rule's label,
 *   query HEADING:                           else the capture's name)
 *       (setext_heading                (indented lines: one query)
 *         (paragraph (inline) @h))
 *
 * Every mistake stops the load with "FILE:LINE:COL: what was expected",
 * so open() fails before any document is read.
 */
#include "rules.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Where a line of an indented query starts, to report a mistake in it. */
typedef struct rp_qline {
    unsigned line; /* the file's line */
    size_t col;    /* the column of its first byte */
    size_t off;    /* where it starts in the query text */
} rp_qline;

typedef struct rp {
    const ann_host *host;
    const char *path;
    rules_file *f;
    unsigned line;
    const char *ln; /* the line */
    size_t len;
    char *err;
    size_t errlen;
    int block;   /* rule index of an open indented phrase block, or -1 */
    int qblock;  /* rule index of an open indented query, or -1 */
    char *qtext; /* its lines so far, each ending in '\n'; owned */
    size_t qlen, qcap;
    rp_qline *qlines; /* owned, n_qlines of them */
    size_t n_qlines, cap_qlines;
} rp;

static int rp_fail(rp *p, size_t col, const char *fmt, ...) ANN_PRINTF(3, 4);
static int rp_fail(rp *p, size_t col, const char *fmt, ...)
{
    char msg[300];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    snprintf(p->err, p->errlen, "%s:%u:%zu: %s", p->path, p->line, col, msg);
    return ANN_EINVAL;
}

static char *rp_dup(const char *s, size_t n)
{
    char *c = malloc(n + 1);
    if (c) {
        memcpy(c, s, n);
        c[n] = '\0';
    }
    return c;
}

static int rp_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\r';
}

static int rp_name_char(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-' || c == '.';
}

/* Skips blanks from *i; returns the length of the name there. */
/* Whether s[0..n) may name a layer: the host's plugin name rule, checked
 * here so that a mistake gets its line and column. */
static int rules_layer_name_ok(const char *s, size_t n)
{
    if (n == 0 || n > 64 || s[0] < 'a' || s[0] > 'z')
        return 0;
    for (size_t i = 1; i < n; i++)
        if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '_'))
            return 0;
    return 1;
}

static size_t rp_name(const rp *p, size_t *i)
{
    while (*i < p->len && rp_blank(p->ln[*i]))
        (*i)++;
    size_t s = *i;
    while (*i < p->len && rp_name_char(p->ln[*i]))
        (*i)++;
    return *i - s;
}

static const char *rp_found(const rp *p, size_t i, char *buf, size_t n)
{
    while (i < p->len && rp_blank(p->ln[i]))
        i++;
    if (i >= p->len)
        return "the end of the line";
    size_t k = 0;
    buf[k++] = '\'';
    while (i < p->len && k < n - 2 && !rp_blank(p->ln[i]))
        buf[k++] = p->ln[i++];
    buf[k++] = '\'';
    buf[k] = '\0';
    return buf;
}

static char *rules_read_file(const char *path, size_t *len)
{
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    while (buf) {
        size_t got = fread(buf + n, 1, cap - n - 1, fp);
        n += got;
        if (n + 1 < cap)
            break;
        char *q = realloc(buf, cap * 2);
        if (!q) {
            free(buf);
            buf = NULL;
            break;
        }
        buf = q;
        cap *= 2;
    }
    int bad = ferror(fp);
    fclose(fp);
    if (!buf || bad) {
        free(buf);
        return NULL;
    }
    buf[n] = '\0';
    *len = n;
    return buf;
}

static rules_rule *rp_new_rule(rp *p, rules_kind kind)
{
    rules_rule *r = realloc(p->f->rules, (p->f->n_rules + 1) * sizeof *r);
    if (!r)
        return NULL;
    p->f->rules = r;
    r = &p->f->rules[p->f->n_rules++];
    memset(r, 0, sizeof *r);
    r->kind = kind;
    r->line = p->line;
    return r;
}

static int rp_add_attr(rules_rule *r, const char *k, size_t kl, const char *v, size_t vl)
{
    ann_attr *a = realloc(r->attrs, (r->n_attrs + 1) * sizeof *a);
    if (!a)
        return ANN_ENOMEM;
    r->attrs = a;
    a[r->n_attrs].key = rp_dup(k, kl);
    a[r->n_attrs].value = rp_dup(v, vl);
    r->n_attrs++;
    return a[r->n_attrs - 1].key && a[r->n_attrs - 1].value ? ANN_OK : ANN_ENOMEM;
}

static rules_phrases **rp_table(rp *p, int fold)
{
    rules_phrases **t = fold ? &p->f->folded : &p->f->exact;
    if (!*t)
        *t = rules_phrases_new(p->host, fold);
    return *t ? t : NULL;
}

static int rp_phrase(rp *p, int fold, const char *s, size_t n, uint32_t rule, size_t col)
{
    rules_phrases **t = rp_table(p, fold);
    if (!t)
        return ANN_ENOMEM;
    int rc = rules_phrases_add(*t, s, n, rule);
    if (rc == ANN_EINVAL)
        return rp_fail(p, col, "expected a phrase, found an empty one (two commas in a row?)");
    return rc;
}

/* phrases from FILE: one phrase a line, relative to the rule file. */
static int rp_phrase_file(rp *p, int fold, const char *name, size_t nlen, uint32_t rule, size_t col)
{
    char full[4096];
    const char *slash = strrchr(p->path, '/');
    if (name[0] != '/' && slash)
        snprintf(full, sizeof full, "%.*s/%.*s", (int)(slash - p->path), p->path, (int)nlen, name);
    else
        snprintf(full, sizeof full, "%.*s", (int)nlen, name);
    size_t len;
    char *text = rules_read_file(full, &len);
    if (!text)
        return rp_fail(p, col, "cannot read the phrase file '%s': %s", full, strerror(errno));
    size_t lines = 0;
    for (const char *q = text; (q = memchr(q, '\n', (size_t)(text + len - q))) != NULL; q++)
        lines++;
    rules_phrases **t = rp_table(p, fold);
    int rc = t ? rules_phrases_reserve(*t, lines + 1) : ANN_ENOMEM;
    for (size_t i = 0; i < len && rc == ANN_OK;) {
        const char *e = memchr(text + i, '\n', len - i);
        size_t end = e ? (size_t)(e - text) : len;
        size_t a = i, b = end;
        while (a < b && rp_blank(text[a]))
            a++;
        while (b > a && rp_blank(text[b - 1]))
            b--;
        if (b > a && text[a] != '#')
            rc = rules_phrases_add(*t, text + a, b - a, rule);
        i = end + 1;
    }
    free(text);
    return rc == ANN_EINVAL ? ANN_OK : rc;
}

/* Whether name[0..n) can be a label: the host's rule, checked here so a
 * capture name gets its line and column. */
static int rp_label_ok(const char *name, size_t n)
{
    if (n == 0 || n > 64)
        return 0;
    for (size_t k = 0; k < n; k++)
        if (!rp_name_char(name[k]))
            return 0;
    return 1;
}

/* Compiles the query of rule idx, src[0..len), whose lines start as lines[]
 * says; a mistake is reported at its line and column. */
static int rp_query(rp *p, uint32_t idx, const char *src, size_t len, const rp_qline *lines,
                    size_t n_lines)
{
    rules_rule *r = &p->f->rules[idx];
    char msg[300];
    size_t off = 0;
    int rc = rules_query_compile(p->host, src, len, &r->query, &off, msg, sizeof msg);
    size_t k = 0;
    while (k + 1 < n_lines && lines[k + 1].off <= off)
        k++;
    p->line = lines[k].line;
    if (rc == ANN_EINVAL)
        return rp_fail(p, lines[k].col + (off - lines[k].off), "%s", msg);
    if (rc != ANN_OK)
        return rc;
    size_t marks = 0;
    for (size_t c = 0; c < rules_query_capture_count(r->query); c++) {
        size_t n;
        const char *name = rules_query_capture(r->query, c, &n);
        if (n > 0 && name[0] == '_')
            continue;
        marks++;
        if (r->label || rp_label_ok(name, n))
            continue;
        /* Report it where it is written. */
        const char *at = src;
        while ((at = memchr(at, '@', (size_t)(src + len - at))) != NULL &&
               !(strncmp(at + 1, name, n) == 0 && !rp_name_char(at[1 + n])))
            at++;
        off = at ? (size_t)(at - src) : 0;
        for (k = 0; k + 1 < n_lines && lines[k + 1].off <= off;)
            k++;
        p->line = lines[k].line;
        return rp_fail(p, lines[k].col + (off - lines[k].off),
                       "the capture @%.*s names the label of its marks: expected 1 to 64 letters, "
                       "digits, '_', '-' or '.' (or give the rule a label: query LABEL: ...)",
                       (int)n, name);
    }
    if (marks == 0) {
        p->line = lines[0].line;
        return rp_fail(p, lines[0].col,
                       "the query captures nothing to mark: add @NAME after a node (captures "
                       "named @_... only serve predicates)");
    }
    p->f->n_queries++;
    return ANN_OK;
}

/* Ends the open indented query, if any: compiles it. */
static int rp_query_end(rp *p)
{
    if (p->qblock < 0)
        return ANN_OK;
    uint32_t idx = (uint32_t)p->qblock;
    p->qblock = -1;
    unsigned here = p->line;
    int rc;
    if (p->n_qlines == 0) {
        p->line = p->f->rules[idx].line;
        rc = rp_fail(p, 1, "expected the query on indented lines after 'query ...:', found none");
    } else {
        rc = rp_query(p, idx, p->qtext, p->qlen, p->qlines, p->n_qlines);
    }
    if (rc == ANN_OK)
        p->line = here;
    p->qlen = 0;
    p->n_qlines = 0;
    return rc;
}

/* Appends line[i..end) of an indented query. */
static int rp_query_line(rp *p, size_t i, size_t end)
{
    size_t need = p->qlen + (end - i) + 2;
    if (need > p->qcap) {
        size_t cap = need * 2;
        char *t = realloc(p->qtext, cap);
        if (!t)
            return ANN_ENOMEM;
        p->qtext = t;
        p->qcap = cap;
    }
    if (p->n_qlines == p->cap_qlines) {
        size_t cap = p->cap_qlines ? 2 * p->cap_qlines : 8;
        rp_qline *l = realloc(p->qlines, cap * sizeof *l);
        if (!l)
            return ANN_ENOMEM;
        p->qlines = l;
        p->cap_qlines = cap;
    }
    p->qlines[p->n_qlines++] = (rp_qline){p->line, i + 1, p->qlen};
    memcpy(p->qtext + p->qlen, p->ln + i, end - i);
    p->qlen += end - i;
    p->qtext[p->qlen++] = '\n';
    return ANN_OK;
}

static const char *rp_kind_name(rules_kind kind)
{
    return kind == RULES_PHRASES ? "phrases" : kind == RULES_PATTERN ? "pattern" : "query";
}

/* "phrases LABEL ...", "pattern LABEL ...", "query [LABEL] ...": the label,
 * attributes, flags. */
static int rp_rule(rp *p, rules_kind kind, size_t i)
{
    char b[60];
    size_t at = i;
    size_t n = rp_name(p, &i);
    /* "query: ..." has no label: its captures name the marks. */
    int unlabelled = n == 0 && kind == RULES_QUERY && i < p->len && p->ln[i] == ':';
    if (n == 0 && !unlabelled)
        return rp_fail(p, at + 1 + (i > at ? i - at : 0),
                       "expected a label (letters, digits, _ or -) after '%s', found %s",
                       rp_kind_name(kind), rp_found(p, i, b, sizeof b));
    rules_rule *r = rp_new_rule(p, kind);
    if (!r || (!unlabelled && !(r->label = rp_dup(p->ln + i - n, n))))
        return ANN_ENOMEM;
    uint32_t idx = (uint32_t)(p->f->n_rules - 1);
    int fold = 0;
    for (;;) {
        size_t ks = i;
        size_t kl = rp_name(p, &i);
        ks = i - kl;
        if (kl == 0)
            break;
        if (kl == 11 && memcmp(p->ln + ks, "ignore-case", 11) == 0 && kind == RULES_PHRASES) {
            fold = 1;
            continue;
        }
        if (kl == 4 && memcmp(p->ln + ks, "from", 4) == 0 && kind == RULES_PHRASES) {
            while (i < p->len && rp_blank(p->ln[i]))
                i++;
            size_t fs = i, fe = p->len;
            while (fe > fs && rp_blank(p->ln[fe - 1]))
                fe--;
            if (fe == fs)
                return rp_fail(p, fs + 1, "expected a file name after 'from'");
            return rp_phrase_file(p, fold, p->ln + fs, fe - fs, idx, fs + 1);
        }
        if (i >= p->len || p->ln[i] != '=')
            return rp_fail(p, ks + 1, "expected key=value, %s'from FILE' or ':', found %s",
                           kind == RULES_PHRASES ? "'ignore-case', " : "",
                           rp_found(p, ks, b, sizeof b));
        size_t vs = ++i;
        while (i < p->len && !rp_blank(p->ln[i]) && p->ln[i] != ':')
            i++;
        if (i == vs)
            return rp_fail(p, vs + 1, "expected a value after '='");
        if (kl == 5 && memcmp(p->ln + ks, "layer", 5) == 0)
            return rp_fail(p, ks + 1,
                           "'%.*s' is set by the rule file itself: choose another attribute name",
                           (int)kl, p->ln + ks);
        if (rp_add_attr(r, p->ln + ks, kl, p->ln + vs, i - vs) != ANN_OK)
            return ANN_ENOMEM;
    }
    while (i < p->len && rp_blank(p->ln[i]))
        i++;
    if (i >= p->len || p->ln[i] != ':')
        return rp_fail(p, i + 1, "expected ':' after the label%s, found %s",
                       kind == RULES_PHRASES ? " (or 'from FILE')" : "",
                       rp_found(p, i, b, sizeof b));
    i++;
    while (i < p->len && rp_blank(p->ln[i]))
        i++;
    size_t end = p->len;
    while (end > i && rp_blank(p->ln[end - 1]))
        end--;
    if (kind == RULES_QUERY) {
        if (end == i) { /* the query follows on indented lines */
            p->qblock = (int)idx;
            return ANN_OK;
        }
        rp_qline one = {p->line, i + 1, 0};
        return rp_query(p, idx, p->ln + i, end - i, &one, 1);
    }
    if (kind == RULES_PATTERN) {
        if (end == i)
            return rp_fail(p, i + 1, "expected a pattern after ':'");
        char perr[240];
        int rc = rules_pattern_compile(p->ln + i, end - i, i + 1, (const char *const *)p->f->needs,
                                       p->f->n_needs, &r->prog, perr, sizeof perr);
        if (rc != ANN_OK) {
            /* perr is "COL: message". */
            char *colon = strchr(perr, ':');
            return rp_fail(p, (size_t)strtoul(perr, NULL, 10), "%s", colon ? colon + 2 : perr);
        }
        return ANN_OK;
    }
    if (end == i) { /* an indented block of phrases follows */
        p->block = (int)idx * 2 + fold;
        return ANN_OK;
    }
    while (i < end) {
        size_t s = i;
        while (i < end && p->ln[i] != ',')
            i++;
        size_t a = s, z = i;
        while (a < z && rp_blank(p->ln[a]))
            a++;
        while (z > a && rp_blank(p->ln[z - 1]))
            z--;
        int rc = rp_phrase(p, fold, p->ln + a, z - a, idx, a + 1);
        if (rc != ANN_OK)
            return rc;
        i++;
    }
    return ANN_OK;
}

static int rp_header(rp *p, size_t i, int is_layer)
{
    char b[60];
    if (is_layer && p->f->n_rules)
        return rp_fail(p, 1, "the 'layer:' line must come before the rules");
    if (!is_layer && p->f->n_rules)
        return rp_fail(p, 1, "the 'needs:' line must come before the rules");
    for (;;) {
        size_t n = rp_name(p, &i);
        if (n == 0)
            return rp_fail(p, i + 1, "expected a layer name, found %s",
                           rp_found(p, i, b, sizeof b));
        const char *name = p->ln + i - n;
        if (!rules_layer_name_ok(name, n))
            return rp_fail(p, i - n + 1,
                           "'%.*s' is no layer name: expected a lower-case letter, then lower-case "
                           "letters, digits or '_' (at most 64)",
                           (int)n, name);
        char *copy = rp_dup(name, n);
        if (!copy)
            return ANN_ENOMEM;
        if (is_layer) {
            free(p->f->layer);
            p->f->layer = copy;
        } else {
            char **nd = realloc(p->f->needs, (p->f->n_needs + 1) * sizeof *nd);
            if (!nd) {
                free(copy);
                return ANN_ENOMEM;
            }
            p->f->needs = nd;
            nd[p->f->n_needs++] = copy;
        }
        while (i < p->len && rp_blank(p->ln[i]))
            i++;
        if (i >= p->len)
            return ANN_OK;
        if (is_layer || p->ln[i] != ',')
            return rp_fail(p, i + 1, "expected %s, found %s",
                           is_layer ? "the end of the line" : "',' or the end of the line",
                           rp_found(p, i, b, sizeof b));
        i++;
    }
}

static int rp_line(rp *p)
{
    size_t i = 0;
    while (i < p->len && rp_blank(p->ln[i]))
        i++;
    if (i == p->len || p->ln[i] == '#')
        return ANN_OK;
    if (i > 0 && p->qblock >= 0) {
        size_t end = p->len;
        while (end > i && rp_blank(p->ln[end - 1]))
            end--;
        return rp_query_line(p, i, end);
    }
    int rc = rp_query_end(p);
    if (rc != ANN_OK)
        return rc;
    if (i > 0 && p->block >= 0) {
        size_t end = p->len;
        while (end > i && rp_blank(p->ln[end - 1]))
            end--;
        return rp_phrase(p, p->block & 1, p->ln + i, end - i, (uint32_t)(p->block / 2), i + 1);
    }
    p->block = -1;
    if (i > 0)
        return rp_fail(p, i + 1,
                       "an indented line must follow 'phrases LABEL:' or 'query LABEL:' with "
                       "nothing after the ':'");
    size_t s = i, n = rp_name(p, &i);
    const char *w = p->ln + s;
    if (n == 5 && memcmp(w, "layer", 5) == 0 && i < p->len && p->ln[i] == ':')
        return rp_header(p, i + 1, 1);
    if (n == 5 && memcmp(w, "needs", 5) == 0 && i < p->len && p->ln[i] == ':')
        return rp_header(p, i + 1, 0);
    if (n == 7 && memcmp(w, "phrases", 7) == 0)
        return rp_rule(p, RULES_PHRASES, i);
    if (n == 7 && memcmp(w, "pattern", 7) == 0)
        return rp_rule(p, RULES_PATTERN, i);
    if (n == 5 && memcmp(w, "query", 5) == 0)
        return rp_rule(p, RULES_QUERY, i);
    char b[60];
    return rp_fail(p, 1, "expected 'layer:', 'needs:', 'phrases', 'pattern' or 'query', found %s",
                   rp_found(p, 0, b, sizeof b));
}

/* The layer named after the file when no 'layer:' line names it: its name
 * up to the first '.', in lower case, other characters as '_'. */
static int rp_default_layer(rp *p)
{
    const char *base = strrchr(p->path, '/');
    base = base ? base + 1 : p->path;
    const char *dot = strchr(base, '.');
    size_t n = dot ? (size_t)(dot - base) : strlen(base);
    if (!(p->f->layer = rp_dup(base, n)))
        return ANN_ENOMEM;
    for (char *c = p->f->layer; *c; c++) {
        if (*c >= 'A' && *c <= 'Z')
            *c = (char)(*c - 'A' + 'a');
        else if (!((*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9')))
            *c = '_';
    }
    if (!rules_layer_name_ok(p->f->layer, n)) {
        p->line = 1;
        return rp_fail(p, 1, "the file name gives no layer name ('%s'): add a 'layer:' line",
                       p->f->layer);
    }
    return ANN_OK;
}

/* Puts "layer" in front of each rule's attributes (the plugin writes it
 * when its files name different layers) and seals the tables. */
static int rp_finish(rp *p)
{
    if (!p->f->layer && rp_default_layer(p) != ANN_OK)
        return p->f->layer ? ANN_EINVAL : ANN_ENOMEM;
    if (p->f->n_rules == 0) {
        p->line = 1;
        return rp_fail(p, 1,
                       "expected at least one 'phrases', 'pattern' or 'query' line, found none");
    }
    for (size_t k = 0; k < p->f->n_rules; k++) {
        rules_rule *r = &p->f->rules[k];
        ann_attr *a = malloc((r->n_attrs + 1) * sizeof *a);
        if (!a)
            return ANN_ENOMEM;
        a[0] = (ann_attr){rp_dup("layer", 5), rp_dup(p->f->layer, strlen(p->f->layer))};
        if (r->n_attrs)
            memcpy(a + 1, r->attrs, r->n_attrs * sizeof *a);
        free(r->attrs);
        r->attrs = a;
        r->n_attrs += 1;
        if (!a[0].key || !a[0].value)
            return ANN_ENOMEM;
    }
    if ((p->f->exact && rules_phrases_seal(p->f->exact) != ANN_OK) ||
        (p->f->folded && rules_phrases_seal(p->f->folded) != ANN_OK))
        return ANN_ENOMEM;
    return rules_patset_build(p->host, p->f->rules, p->f->n_rules, &p->f->patterns);
}

int rules_file_parse(const ann_host *host, const char *path, const char *text, size_t len,
                     rules_file *out, char *err, size_t errlen)
{
    memset(out, 0, sizeof *out);
    rp p = {.host = host,
            .path = path,
            .f = out,
            .err = err,
            .errlen = errlen,
            .block = -1,
            .qblock = -1};
    int rc = (out->path = rp_dup(path, strlen(path))) ? ANN_OK : ANN_ENOMEM;
    for (size_t i = 0; rc == ANN_OK && i < len;) {
        const char *e = memchr(text + i, '\n', len - i);
        size_t end = e ? (size_t)(e - text) : len;
        p.line++;
        p.ln = text + i;
        p.len = end - i;
        rc = rp_line(&p);
        i = end + 1;
    }
    if (rc == ANN_OK)
        rc = rp_query_end(&p);
    if (rc == ANN_OK)
        rc = rp_finish(&p);
    free(p.qtext);
    free(p.qlines);
    if (rc == ANN_ENOMEM)
        snprintf(err, errlen, "%s: out of memory", path);
    if (rc != ANN_OK)
        rules_file_free(out);
    return rc;
}

int rules_file_load(const ann_host *host, const char *path, rules_file *out, char *err,
                    size_t errlen)
{
    size_t len;
    char *text = rules_read_file(path, &len);
    if (!text) {
        memset(out, 0, sizeof *out);
        snprintf(err, errlen, "%s: cannot read the rule file: %s", path, strerror(errno));
        return ANN_EIO;
    }
    int rc = rules_file_parse(host, path, text, len, out, err, errlen);
    free(text);
    return rc;
}

void rules_file_free(rules_file *f)
{
    for (size_t k = 0; k < f->n_rules; k++) {
        rules_rule *r = &f->rules[k];
        free(r->label);
        for (size_t a = 0; a < r->n_attrs; a++) {
            free((char *)r->attrs[a].key);
            free((char *)r->attrs[a].value);
        }
        free(r->attrs);
        rules_program_free(&r->prog);
        rules_query_free(r->query);
    }
    free(f->rules);
    free(f->path);
    free(f->layer);
    for (size_t k = 0; k < f->n_needs; k++)
        free(f->needs[k]);
    free(f->needs);
    rules_phrases_free(f->exact);
    rules_phrases_free(f->folded);
    rules_patset_free(&f->patterns);
    memset(f, 0, sizeof *f);
}
