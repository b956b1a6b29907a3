/*
 * main.c -- the annotate program: option parsing and subcommand dispatch.
 *
 * Exit status: 0 all went well, 1 some document failed, 2 usage or
 * configuration error (bad option, plugin that cannot load or open).
 */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "annotate/plugin.h"
#include "cli/commands.h"
#include "cli/options.h"
#include "load/loader.h"
#include "run/doc.h"
#include "run/run.h"
#include "run/sink.h"
#include "util/buf.h"
#include "util/fs.h"
#include "view/commands.h"
#include "write/writer.h"

static void print_list(const char *what, const char *const *items)
{
    printf("  %-12s", what);
    if (!items || !items[0])
        fputs(" -", stdout);
    for (size_t i = 0; items && items[i]; i++)
        printf("%s%s", i ? ", " : " ", items[i]);
    putchar('\n');
}

/* annotate plugins: every plugin on the path, loaded and described. */
static int cmd_plugins(const ann_cli_opts *o)
{
    ann_strlist path = {0};
    ann_found_list found = {0};
    int status = 0;
    if (ann_search_path((const char *const *)o->plugin_path.items, o->plugin_path.n, &path) != 0 ||
        ann_discover(&path, &found) != 0) {
        fprintf(stderr, "annotate: out of memory\n");
        status = 1;
        goto out;
    }
    printf("Plugin path:");
    for (size_t i = 0; i < path.n; i++)
        printf(" %s", path.items[i]);
    printf("\n");
    if (found.n == 0)
        printf("No plugins found.\n");
    for (size_t i = 0; i < found.n; i++) {
        ann_loaded_plugin p;
        char err[1024];
        if (ann_load_plugin(found.items[i].file, found.items[i].name, found.items[i].data_dir, &p,
                            err, sizeof err) != ANN_OK) {
            fprintf(stderr, "annotate: %s\n", err);
            status = 1;
            continue;
        }
        printf("\n%s %s - %s\n", p.name, p.desc->version,
               p.desc->description ? p.desc->description : "");
        print_list("labels:", p.desc->labels);
        print_list("needs:", p.desc->needs);
        if (p.n_options == 0)
            printf("  %-12s -\n", "options:");
        for (size_t k = 0; k < p.n_options; k++) {
            const ann_option_decl *d = &p.desc->options[k];
            printf("  %-12s %s.%s=%s  %s\n", k ? "" : "options:", p.name, d->key,
                   d->default_value ? d->default_value : "", d->help ? d->help : "");
        }
        printf("  %-12s %s\n", "file:", p.file);
        printf("  %-12s %s\n", "data:", p.data_dir);
        ann_loaded_plugin_free(&p);
    }
out:
    ann_found_list_free(&found);
    ann_strlist_free(&path);
    return status;
}

/* Expands folders into their documents; files are taken as given. */
static int collect_inputs(int argc, char **argv, ann_strlist *files)
{
    for (int i = 0; i < argc; i++) {
        struct stat st;
        if (stat(argv[i], &st) == 0 && S_ISDIR(st.st_mode)) {
            char errpath[PATH_MAX];
            if (ann_collect_documents(argv[i], files, errpath, sizeof errpath) != 0) {
                fprintf(stderr, "annotate: %s: %s\n", errpath, strerror(errno));
                return 1;
            }
        } else if (ann_strlist_add(files, argv[i]) != 0) {
            fprintf(stderr, "annotate: out of memory\n");
            return 1;
        }
    }
    return 0;
}

typedef struct name_ref {
    char *base; /* output base name, owned */
    const char *path;
} name_ref;

static int name_ref_cmp(const void *a, const void *b)
{
    const name_ref *x = a, *y = b;
    int c = strcmp(x->base, y->base);
    return c ? c : strcmp(x->path, y->path);
}

/* Two inputs with one base name ("a/x.txt", "b/x.md") write the same output
 * file; the later one wins.  Say so rather than lose one silently. */
static void warn_same_names(const ann_strlist *files)
{
    name_ref *refs = calloc(files->n ? files->n : 1, sizeof *refs);
    if (!refs)
        return;
    size_t n = 0;
    for (size_t i = 0; i < files->n; i++) {
        refs[n].base = ann_output_name(files->items[i], "");
        refs[n].path = files->items[i];
        if (refs[n].base)
            n++;
    }
    qsort(refs, n, sizeof *refs, name_ref_cmp);
    for (size_t i = 1; i < n; i++)
        if (strcmp(refs[i - 1].base, refs[i].base) == 0)
            fprintf(stderr, "annotate: warning: %s and %s have the same output name '%s': one overwrites the other\n",
                    refs[i - 1].path, refs[i].path, refs[i].base);
    for (size_t i = 0; i < n; i++)
        free(refs[i].base);
    free(refs);
}

static int cmd_annotate(const ann_cli_opts *o, int argc, char **argv)
{
    const ann_writer *writer = ann_writer_find(o->format);
    if (!writer) {
        ann_buf names = ANN_BUF_INIT;
        const ann_writer *w = ann_writer_list();
        for (size_t i = 0; w[i].name; i++)
            ann_buf_printf(&names, "%s%s", i ? ", " : "", w[i].name);
        fprintf(stderr, "annotate: -f %s: unknown format (valid: %s)\n", o->format,
                names.data ? names.data : "");
        ann_buf_free(&names);
        return 2;
    }
    int streaming = strcmp(o->output, "-") == 0;
    if (streaming && !writer->streamable) {
        fprintf(stderr, "annotate: -f %s cannot stream to standard output; give -o DIR\n",
                writer->name);
        return 2;
    }
    if (argc == 0)
        return ann_cli_usage_error("no input files");

    ann_strlist files = {0};
    ann_strlist path = {0};
    ann_plugin_set set = {0};
    char err[2048];
    int status = 0;
    if (collect_inputs(argc, argv, &files) != 0) {
        status = 2;
        goto out;
    }
    if (files.n == 0) {
        fprintf(stderr, "annotate: no documents (.txt .md .markdown .html .htm) in the given folders\n");
        status = 2;
        goto out;
    }
    if (!streaming)
        warn_same_names(&files);
    if (ann_search_path((const char *const *)o->plugin_path.items, o->plugin_path.n, &path) != 0) {
        fprintf(stderr, "annotate: out of memory\n");
        status = 2;
        goto out;
    }
    if (ann_select_plugins(&path, o->plugins, &set, err, sizeof err) != ANN_OK) {
        fprintf(stderr, "annotate: %s\n", err);
        status = 2;
        goto out;
    }
    for (size_t i = 0; i < o->options.n; i++) {
        if (ann_set_option(&set, o->options.items[i], err, sizeof err) != ANN_OK) {
            fprintf(stderr, "annotate: %s\n", err);
            status = 2;
            goto out;
        }
    }
    if (ann_open_plugins(&set, &ann_host_table, err, sizeof err) != ANN_OK) {
        fprintf(stderr, "annotate: %s\n", err);
        status = 2;
        goto out;
    }

    ann_run_opts ro;
    memset(&ro, 0, sizeof ro);
    ro.files = (const char *const *)files.items;
    ro.n_files = files.n;
    ro.writer = writer;
    ro.outdir = streaming ? NULL : o->output;
    ro.jobs = o->jobs;
    ro.merge = o->merge;
    ro.reference_date = o->reference_date;
    ro.max_doc_size = (size_t)o->max_doc_mb * 1024 * 1024;
    ro.quiet = o->quiet;
    ro.timings = o->timings;
    ro.progress = !o->quiet;
    status = ann_run(&set, &ro);
out:
    ann_plugin_set_free(&set);
    ann_strlist_free(&path);
    ann_strlist_free(&files);
    return status;
}

int main(int argc, char **argv)
{
    if (argc >= 2) {
        const char *cmd = argv[1];
        if (strcmp(cmd, "view") == 0)
            return ann_cmd_view(argc - 1, argv + 1);
        if (strcmp(cmd, "stats") == 0)
            return ann_cmd_stats(argc - 1, argv + 1);
        if (strcmp(cmd, "new-plugin") == 0)
            return ann_cmd_new_plugin(argc - 1, argv + 1);
    }
    int sub_plugins = argc >= 2 && strcmp(argv[1], "plugins") == 0;
    ann_cli_opts o;
    /* For `annotate plugins [-P DIR]` the options follow the subcommand. */
    int rc = sub_plugins ? ann_cli_parse(argc - 1, argv + 1, &o) : ann_cli_parse(argc, argv, &o);
    if (rc != 0) {
        ann_cli_opts_free(&o);
        return rc < 0 ? 0 : rc;
    }
    /* `annotate -P DIR plugins`: options may also come before the word, as
     * with git; a file really named "plugins" can be given as ./plugins. */
    if (!sub_plugins && argc - o.first_arg == 1 && strcmp(argv[o.first_arg], "plugins") == 0) {
        rc = cmd_plugins(&o);
        ann_cli_opts_free(&o);
        return rc;
    }
    if (sub_plugins) {
        if (o.first_arg < argc - 1) {
            ann_cli_opts_free(&o);
            return ann_cli_usage_error("plugins: unexpected argument %s", argv[o.first_arg + 1]);
        }
        rc = cmd_plugins(&o);
    } else {
        rc = cmd_annotate(&o, argc - o.first_arg, argv + o.first_arg);
    }
    ann_cli_opts_free(&o);
    return rc;
}
