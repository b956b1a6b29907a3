/*
 * view.c -- `annotate view FILE.ann.json...`: shows annotation files in the
 * terminal (coloured on a terminal unless NO_COLOR is set, plain brackets
 * otherwise), optionally filtered by layer and label, or writes the HTML
 * page with --html.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "read/reader.h"
#include "util/buf.h"
#include "util/fs.h"
#include "util/outname.h"
#include "view/commands.h"
#include "view/load.h"
#include "view/options.h"
#include "view/term.h"
#include "write/html.h"

static const char usage[] =
    "usage: annotate view [options] FILE.ann.json|FILE.jsonl|-...\n"
    "\n"
    "Shows annotation files in the terminal, or writes them as HTML pages.  A\n"
    "file may hold one annotation or several (JSON Lines, as -f jsonl writes);\n"
    "'-' reads them from standard input (annotate -o - DOCS | annotate view -).\n"
    "Each annotated document is read too, and must be unchanged (SHA-256).\n"
    "\n"
    "  --layers LIST      show only these layers (comma-separated)\n"
    "  --labels LIST      show only these labels (comma-separated)\n"
    "  --html OUT         write the HTML page to OUT instead (a folder, created\n"
    "                     when missing, when there are several documents: one\n"
    "                     NAME.html each, the extension kept where two share a\n"
    "                     name)\n"
    "  --source DIR       look for the documents below DIR too, when they are\n"
    "                     neither where the annotation file says nor at the\n"
    "                     recorded path relative to it\n"
    "  --color WHEN       auto (default: on a terminal, unless NO_COLOR is set),\n"
    "                     always or never\n"
    "  --width N          wrap at N columns (default: the terminal's, $COLUMNS, 80;\n"
    "                     0: no wrapping)\n"
    "  --attrs FORM       how values, units, currencies and speakers are shown:\n"
    "                     notes (default: numbered notes below each paragraph),\n"
    "                     inline ([Monday]DATE=2023-02-06) or none\n"
    "  --no-legend        leave out the legend of layers and labels\n"
    "  -h, --help         show this help\n";

typedef struct view_opts {
    const char *layers, *labels, *html, *source;
    int colour, width;
    int attrs, legend; /* ann_term_opts */
} view_opts;

static int terminal_width(void)
{
    struct winsize ws;
    if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
        return ws.ws_col;
    const char *env = getenv("COLUMNS");
    if (env && atoi(env) > 0)
        return atoi(env);
    return 80;
}

/* The page of one document: `out` itself, or out/STEM.html for several
 * (`stem` from page_stems()).  Caller frees with free(). */
static char *html_path(const char *out, const char *stem)
{
    if (!stem)
        return strdup(out);
    size_t n = strlen(out) + strlen(stem) + 7;
    char *p = malloc(n);
    if (p)
        snprintf(p, n, "%s/%s.html", out, stem);
    return p;
}

/* The page names of several documents, as annotate names outputs: the
 * document's base name without its extension, or with it where two would
 * share a name (a.md and a.html).  A name that still clashes is NULL for
 * each document that has it: those pages are not written rather than one
 * overwriting another.  Each stems[i] is freed by the caller with free().
 * Returns 0, or -1 when memory runs out. */
static int page_stems(const ann_loaded_list *list, char **stems)
{
    const char **bases = malloc((list->n + 1) * sizeof *bases);
    if (!bases)
        return -1;
    for (size_t i = 0; i < list->n; i++) {
        const char *path = ann_loaded_result(list->items[i])->path;
        const char *slash = strrchr(path, '/');
        bases[i] = slash ? slash + 1 : path;
    }
    int rc = ann_output_stems(bases, list->n, stems);
    free(bases);
    return rc;
}

/* Reads the document again, as the run did, for its text view: the views
 * show a Markdown or HTML document's prose, not its markup.  The bytes are
 * those whose SHA-256 ann_load() checked.  On failure (a reader name this
 * version does not know) the views fall back to the bytes, with a warning. */
static void attach_source(const char *path, ann_result *r, ann_textdoc *td)
{
    char err[512];
    ann_format f = ann_format_of_reader(r->reader);
    if (f == ANN_FORMAT_AUTO) {
        fprintf(stderr,
                "annotate view: %s: unknown reader \"%s\": the document is shown as it is\n", path,
                r->reader ? r->reader : "");
        return;
    }
    if (ann_read_memory(r->path, r->bytes, r->size, f, td, err, sizeof err) != ANN_OK) {
        fprintf(stderr, "annotate view: %s: %s; the document is shown as it is\n", path, err);
        return;
    }
    r->source = td;
}

/* Shows (or writes the page of) one loaded annotation; `name` is its file,
 * `page_stem` its page's name when several go to an --html folder. */
static int view_one(const ann_loaded *l, const char *name, const view_opts *o, int several,
                    int first, const char *page_stem)
{
    ann_textdoc td;
    memset(&td, 0, sizeof td);
    ann_result loaded = *ann_loaded_result(l);
    attach_source(name, &loaded, &td);
    const ann_result *r = &loaded;
    unsigned char *keep = malloc(r->n_spans + 1);
    ann_buf b = ANN_BUF_INIT;
    int status = 1;
    if (!keep)
        goto done;
    size_t shown = 0;
    for (size_t i = 0; i < r->n_spans; i++) {
        keep[i] = (!o->layers || ann_opt_in_list(o->layers, r->spans[i].layer)) &&
                  (!o->labels || ann_opt_in_list(o->labels, r->spans[i].label));
        shown += keep[i];
    }
    if (o->html) {
        if (several && !page_stem) {
            fprintf(stderr,
                    "annotate view: %s: %s: its page would have the name of another document's "
                    "page; not written\n",
                    name, r->path);
            goto done;
        }
        char *out = html_path(o->html, several ? page_stem : NULL);
        if (!out || ann_html_render(r, keep, &b) != ANN_OK) {
            fprintf(stderr, "annotate view: %s: out of memory\n", name);
        } else if ((several ? ann_mkdir_p(o->html) : ann_mkdir_parent(out)) != 0) {
            fprintf(stderr, "annotate view: %s: cannot create the folder for %s: %s\n", name, out,
                    strerror(errno));
        } else if (ann_write_atomic(out, b.data ? b.data : "", b.len) != 0) {
            fprintf(stderr, "annotate view: %s: cannot write the page %s: %s\n", name, out,
                    strerror(errno));
        } else {
            status = 0;
        }
        free(out);
        goto done;
    }
    if (several) {
        ann_buf_printf(&b, "%s%s%s (%zu of %zu spans)%s\n\n", first ? "" : "\n",
                       o->colour ? "\033[1m" : "== ", r->path, shown, r->n_spans,
                       o->colour ? "\033[0m" : " ==");
    }
    ann_term_opts to = {o->colour, o->width, o->attrs, o->legend};
    if (ann_term_render(r, keep, &to, &b) != ANN_OK) {
        fprintf(stderr, "annotate view: %s: out of memory\n", name);
        goto done;
    }
    if (b.len && b.data[b.len - 1] != '\n')
        ann_buf_putc(&b, '\n');
    status = fwrite(b.data, 1, b.len, stdout) == b.len ? 0 : 1;
done:
    ann_buf_free(&b);
    free(keep);
    ann_textdoc_free(&td);
    return status;
}

/* Adds a copy of name to *out unless it is there already.  Returns 0 or -1. */
static int add_names(ann_strlist *out, const char *name)
{
    for (size_t i = 0; i < out->n; i++)
        if (strcmp(out->items[i], name) == 0)
            return 0;
    return ann_strlist_add(out, name);
}

/* Checks each name of --layers or --labels (`list`) against those the
 * loaded files have (`valid`): a misspelt name would otherwise just show
 * nothing.  Returns 0, or 2 after naming the unknown ones and the valid. */
static int check_names(const char *option, const char *what, const char *list,
                       const ann_strlist *valid)
{
    if (!list)
        return 0;
    int status = 0;
    for (const char *p = list; *p;) {
        const char *comma = strchr(p, ',');
        size_t len = comma ? (size_t)(comma - p) : strlen(p);
        int known = 0;
        for (size_t i = 0; i < valid->n && !known; i++)
            known = strlen(valid->items[i]) == len && strncmp(valid->items[i], p, len) == 0;
        if (!known) {
            fprintf(stderr, "annotate view: %s: no %s '%.*s' in these files (valid: ", option, what,
                    (int)len, p);
            for (size_t i = 0; i < valid->n; i++)
                fprintf(stderr, "%s%s", i ? ", " : "", valid->items[i]);
            fprintf(stderr, "%s)\n", valid->n ? "" : "none");
            status = 2;
        }
        if (!comma)
            break;
        p = comma + 1;
    }
    return status;
}

/* The layers (every plugin that ran, with spans or not) and labels of the
 * loaded annotations, for check_names(). */
static int known_names(const ann_loaded_list *list, ann_strlist *layers, ann_strlist *labels)
{
    int rc = 0;
    for (size_t f = 0; f < list->n && rc == 0; f++) {
        const ann_result *r = ann_loaded_result(list->items[f]);
        for (size_t i = 0; i < r->n_plugins && rc == 0; i++)
            rc = add_names(layers, r->plugins[i].name);
        for (size_t i = 0; i < r->n_spans && rc == 0; i++)
            rc = add_names(layers, r->spans[i].layer) || add_names(labels, r->spans[i].label);
    }
    return rc;
}

/* Loads every file (a bad one is named, the others still shown), checks the
 * filters, then shows each annotation; returns the exit status. */
static int view_all(char **files, int n_files, const view_opts *o)
{
    ann_loaded_list list = {0};
    ann_strlist errors = {0}, layers = {0}, labels = {0};
    const char **names = NULL;
    char **stems = NULL; /* page names for --html with several documents */
    int status = 0;
    for (int i = 0; i < n_files; i++) {
        size_t before = list.n;
        int rc = ann_load_all(files[i], ANN_LOAD_DOCUMENT, o->source, &list, &errors);
        for (size_t k = 0; k < errors.n; k++)
            fprintf(stderr, "annotate view: %s\n", errors.items[k]);
        ann_strlist_free(&errors);
        if (rc == ANN_ENOMEM) {
            fprintf(stderr, "annotate view: out of memory\n");
            status = 1;
            goto out;
        }
        if (rc != ANN_OK)
            status = 1;
        const char **more = realloc(names, (list.n + 1) * sizeof *names);
        if (!more) {
            status = 1;
            goto out;
        }
        names = more;
        for (size_t k = before; k < list.n; k++)
            names[k] = files[i];
    }
    if (known_names(&list, &layers, &labels) != 0) {
        status = 1;
        goto out;
    }
    if (list.n > 0) {
        int bad = check_names("--layers", "layer", o->layers, &layers);
        bad |= check_names("--labels", "label", o->labels, &labels);
        if (bad) {
            status = 2;
            goto out;
        }
    }
    if (o->html && list.n > 1) {
        stems = calloc(list.n, sizeof *stems);
        if (!stems || page_stems(&list, stems) != 0) {
            fprintf(stderr, "annotate view: out of memory\n");
            status = 1;
            goto out;
        }
    }
    for (size_t i = 0; i < list.n; i++)
        if (view_one(list.items[i], names[i], o, list.n > 1, i == 0, stems ? stems[i] : NULL))
            status = 1;
out:
    for (size_t i = 0; stems && i < list.n; i++)
        free(stems[i]);
    free(stems);
    free(names);
    ann_strlist_free(&layers);
    ann_strlist_free(&labels);
    ann_loaded_list_free(&list);
    return status;
}

/* Settles colour and width, then shows each file; returns the exit status. */
static int view_files(char **files, int n_files, view_opts *o, const char *when, const char *width,
                      const char *attrs)
{
    static const char *const forms[] = {"notes", "inline", "none"};
    o->attrs = -1;
    for (int k = 0; k < 3; k++)
        if (strcmp(attrs, forms[k]) == 0)
            o->attrs = k; /* the order of ann_term_attrs */
    if (o->attrs < 0) {
        fprintf(stderr, "annotate view: --attrs takes notes, inline or none, not %s\n", attrs);
        return 2;
    }
    if (n_files == 0) {
        fprintf(stderr, "annotate view: no annotation file given\n%s", usage);
        return 2;
    }
    if (strcmp(when, "always") == 0) {
        o->colour = 1;
    } else if (strcmp(when, "never") == 0) {
        o->colour = 0;
    } else if (strcmp(when, "auto") == 0) {
        const char *nc = getenv("NO_COLOR");
        o->colour = isatty(STDOUT_FILENO) && !(nc && nc[0]);
    } else {
        fprintf(stderr, "annotate view: --color takes auto, always or never, not %s\n", when);
        return 2;
    }
    if (width) {
        char *end;
        long w = strtol(width, &end, 10);
        if (!*width || *end || w < 0 || w > 100000) {
            fprintf(stderr, "annotate view: --width takes a number of columns, not %s\n", width);
            return 2;
        }
        o->width = (int)w;
    } else {
        o->width = terminal_width();
    }
    return view_all(files, n_files, o);
}

int ann_cmd_view(int argc, char **argv)
{
    view_opts o = {NULL, NULL, NULL, NULL, -1, -1, ANN_TERM_NOTES, 1};
    const char *when = "auto", *width = NULL, *attrs = "notes";
    /* Files and options may come in any order; "--" ends the options. */
    char **files = malloc((size_t)argc * sizeof *files);
    int n_files = 0, options_done = 0;
    if (!files)
        return 1;
    for (int i = 1; i < argc; i++) {
        if (options_done || argv[i][0] != '-' || argv[i][1] == '\0') {
            files[n_files++] = argv[i];
            continue;
        }
        static const char *const names[] = {"--layers", "--labels", "--html", "--color",
                                            "--width",  "--source", "--attrs"};
        const char **targets[] = {&o.layers, &o.labels, &o.html, &when, &width, &o.source, &attrs};
        int m = 0;
        if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
            fputs(usage, stdout);
            free(files);
            return 0;
        }
        if (strcmp(argv[i], "--") == 0) {
            options_done = 1;
            continue;
        }
        if (strcmp(argv[i], "--no-legend") == 0) {
            o.legend = 0;
            continue;
        }
        for (size_t k = 0; k < sizeof names / sizeof names[0] && !m; k++)
            if ((m = ann_opt_value(argc, argv, &i, names[k], targets[k])) < 0) {
                fprintf(stderr, "annotate view: %s needs a value\n%s", names[k], usage);
                free(files);
                return 2;
            }
        if (m)
            continue;
        fprintf(stderr, "annotate view: unknown option %s\n%s", argv[i], usage);
        free(files);
        return 2;
    }
    int status = view_files(files, n_files, &o, when, width, attrs);
    free(files);
    return status;
}
