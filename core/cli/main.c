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
#include <unistd.h>

#include "annotate/plugin.h"
#include "cli/commands.h"
#include "cli/options.h"
#include "cli/select.h"
#include "load/loader.h"
#include "run/doc.h"
#include "run/run.h"
#include "run/stream.h"
#include "write/sink.h"
#include "util/buf.h"
#include "util/fs.h"
#include "util/outdir.h"
#include "util/outname.h"
#include "util/shard.h"
#include "util/walk.h"
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

/* Prints the loader's warnings and empties the list. */
static void print_warnings(ann_strlist *warnings)
{
    for (size_t i = 0; i < warnings->n; i++)
        fprintf(stderr, "annotate: warning: %s\n", warnings->items[i]);
    ann_strlist_free(warnings);
}

/* Selects the plugins of o->plugins (all when NULL) on `path`, applies the
 * -O options and opens them with the host table.  Returns 0 and leaves them
 * in *set (caller frees with ann_plugin_set_free()), or 2 after printing
 * what failed. */
static int open_selected(const ann_cli_opts *o, const ann_strlist *path, ann_plugin_set *set)
{
    ann_strlist warnings = {0};
    ann_load_policy policy = {o->trust_plugin_path, &warnings, &o->instances};
    char err[2048];
    int rc = ann_select_with_policy(&policy, path, o->plugins, set, err, sizeof err);
    print_warnings(&warnings);
    if (rc == ANN_OK)
        rc = ann_open_settle_with(&policy, path, set, &o->options, &ann_host_table, err,
                                  sizeof err);
    print_warnings(&warnings);
    if (rc != ANN_OK) {
        fprintf(stderr, "annotate: %s\n", err);
        return 2;
    }
    return 0;
}

/* annotate plugins: every plugin on the path, loaded and described.  With
 * -O (or -p) the plugins are opened too, so a bad option or model shows. */
static int cmd_plugins(const ann_cli_opts *o)
{
    ann_strlist path = {0};
    ann_strlist warnings = {0};
    ann_found_list found = {0};
    int status = 0;
    if (ann_search_path((const char *const *)o->plugin_path.items, o->plugin_path.n, &path) != 0 ||
        ann_discover(&path, &found) != 0) {
        fprintf(stderr, "annotate: out of memory\n");
        status = 1;
        goto out;
    }
    ann_warn_missing_dirs((const char *const *)o->plugin_path.items, o->plugin_path.n, &warnings);
    print_warnings(&warnings);
    printf("Plugin path:");
    for (size_t i = 0; i < path.n; i++)
        printf(" %s", path.items[i]);
    printf("\n");
    if (found.n == 0)
        printf("No plugins found.\n");
    for (size_t i = 0; i < found.n; i++) {
        const ann_found *f = &found.items[i];
        ann_loaded_plugin p;
        char err[1024];
        /* A file that does not load is named and skipped: the others are
         * still listed. */
        if ((!o->trust_plugin_path && ann_check_plugin_file(f->file, err, sizeof err) != 0) ||
            ann_load_plugin(f->file, f->name, f->data_dir, &p, err, sizeof err) != ANN_OK) {
            fprintf(stderr, "annotate: %s\n", err);
            status = 1;
            continue;
        }
        printf("\n%s %s - %s\n", p.name, p.desc->version,
               p.desc->description ? p.desc->description : "");
        print_list("labels:", p.desc->labels);
        print_list("needs:", p.desc->needs);
        if (p.desc->subsumes && p.desc->subsumes[0])
            print_list("subsumes:", p.desc->subsumes);
        if (p.n_options == 0)
            printf("  %-12s -\n", "options:");
        for (size_t k = 0; k < p.n_options; k++) {
            const ann_option_decl *d = &p.desc->options[k];
            printf("  %-12s %s.%s=%s  %s\n", k ? "" : "options:", p.name, d->key,
                   d->default_value ? d->default_value : "", d->help ? d->help : "");
        }
        printf("  %-12s %s\n", "file:", p.file);
        if (f->shadows)
            printf("  %-12s %s (the shipped plugin of that name)\n", "shadows:", f->shadows);
        printf("  %-12s %s\n", "data:", p.data_dir);
        ann_loaded_plugin_free(&p);
    }
    if (o->options.n > 0 || o->plugins) {
        fflush(stdout);
        ann_plugin_set set = {0};
        if (open_selected(o, &path, &set) != 0)
            status = 2;
        ann_plugin_set_free(&set);
    }
out:
    ann_found_list_free(&found);
    ann_strlist_free(&path);
    return status;
}

/* Expands folders into their documents (util/walk.h) and prints what the
 * walk had to say.  Returns 0, or 1 when memory ran out (reported). */
static int collect_inputs(const ann_cli_opts *o, int argc, char **argv, int streaming, ann_walk *w)
{
    ann_walk_init(w, streaming ? NULL : o->output, o->follow);
    int rc = 0;
    for (int i = 0; i < argc && rc == 0; i++)
        rc = ann_walk_add(w, argv[i]);
    for (size_t i = 0; i < w->notes.n; i++)
        fprintf(stderr, "annotate: %s\n", w->notes.items[i]);
    if (rc != 0)
        fprintf(stderr, "annotate: out of memory\n");
    return rc != 0;
}

/* Names every document's outputs (util/outname.h) into `files` and
 * `stems`, and keeps those with mine[i] set (all when mine is NULL); a kept
 * document whose outputs would overwrite another's is reported and left
 * out, counted in *n_clash.  The names are chosen over the whole walk, so
 * that each --shard names a document as one run over all would.  Returns
 * 0, or 1 when memory ran out (reported). */
static int name_outputs(ann_walk *w, const unsigned char *mine, ann_strlist *files,
                        ann_strlist *stems, size_t *n_clash)
{
    size_t n = w->paths.n;
    char **st = calloc(n ? n : 1, sizeof *st);
    if (!st || ann_output_stems((const char *const *)w->names.items, n, st) != 0) {
        free(st);
        fprintf(stderr, "annotate: out of memory\n");
        return 1;
    }
    /* The lists take over the strings: w->paths keeps its array, emptied. */
    files->items = w->paths.items;
    files->n = files->cap = n;
    w->paths.items = NULL;
    w->paths.n = w->paths.cap = 0;
    stems->items = st;
    stems->n = stems->cap = n;
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (mine && !mine[i]) {
            free(files->items[i]);
            free(st[i]);
            continue;
        }
        if (!st[i]) {
            fprintf(stderr,
                    "annotate: %s: another input has the same output name (%s); not annotated\n",
                    files->items[i], w->names.items[i]);
            free(files->items[i]);
            (*n_clash)++;
            continue;
        }
        files->items[k] = files->items[i];
        st[k] = st[i];
        k++;
    }
    files->n = stems->n = k;
    return 0;
}

/* Flushes the output folder and its mirrored subfolders, so the renames
 * of the run are on the disk too (--sync): once per folder at the end
 * rather than once per file.  Returns 0, or 1 (reported). */
static int sync_folders(const char *outdir, const ann_strlist *stems)
{
    int rc = 0;
    const char *prev = NULL;
    size_t prev_len = 0;
    if (ann_fsync_dir(outdir) != 0) {
        fprintf(stderr, "annotate: %s: cannot flush the folder: %s\n", outdir, strerror(errno));
        rc = 1;
    }
    /* stems are in walk order, so the files of one folder come together */
    for (size_t i = 0; i < stems->n; i++) {
        const char *slash = strrchr(stems->items[i], '/');
        size_t len = slash ? (size_t)(slash - stems->items[i]) : 0;
        if (len == 0 || (prev && len == prev_len && memcmp(prev, stems->items[i], len) == 0))
            continue;
        prev = stems->items[i];
        prev_len = len;
        char dir[PATH_MAX];
        if (snprintf(dir, sizeof dir, "%s/%.*s", outdir, (int)len, stems->items[i]) >=
            (int)sizeof dir)
            continue;
        if (ann_fsync_dir(dir) != 0 && errno != ENOENT) {
            fprintf(stderr, "annotate: %s: cannot flush the folder: %s\n", dir, strerror(errno));
            rc = 1;
        }
    }
    return rc;
}

/* Locks the output folder for this run and removes what killed runs left
 * there.  Returns the lock (ann_outdir_unlock()), or -1 (reported). */
static int own_outdir(const ann_cli_opts *o)
{
    long holder = 0;
    int fd = ann_outdir_lock(o->output, &holder);
    if (fd < 0) {
        if (errno == EWOULDBLOCK && holder > 0)
            fprintf(stderr,
                    "annotate: %s: another annotate run (process %ld) is writing there; "
                    "wait for it or give another -o\n",
                    o->output, holder);
        else if (errno == EWOULDBLOCK)
            fprintf(stderr,
                    "annotate: %s: another annotate run is writing there; "
                    "wait for it or give another -o\n",
                    o->output);
        else
            fprintf(stderr, "annotate: %s: cannot create or lock the output folder: %s\n",
                    o->output, strerror(errno));
        return -1;
    }
    size_t removed = ann_outdir_clean(o->output);
    if (removed && !o->quiet)
        fprintf(stderr, "annotate: %s: removed %zu temporary file%s left by killed runs\n",
                o->output, removed, removed == 1 ? "" : "s");
    return fd;
}

/* --skip-existing: drops from files and stems (in step) the documents
 * whose outputs are all in the output folder already, and says how many.
 * Returns 0, or -1 with *status set when the writer's outputs cannot be
 * known (reported). */
static int skip_done(const ann_cli_opts *o, const ann_writer *writer, ann_strlist *files,
                     ann_strlist *stems, int *status)
{
    ann_strlist exts = {0};
    if (ann_select_output_exts(writer, &exts) != 0) {
        fprintf(stderr, "annotate: --skip-existing: cannot tell the files -f %s writes\n",
                writer->name);
        ann_strlist_free(&exts);
        *status = 2;
        return -1;
    }
    size_t k = 0;
    for (size_t i = 0; i < files->n; i++) {
        if (ann_select_outputs_done(o->output, stems->items[i], &exts, files->items[i])) {
            free(files->items[i]);
            free(stems->items[i]);
            continue;
        }
        files->items[k] = files->items[i];
        stems->items[k] = stems->items[i];
        k++;
    }
    if (k < files->n && !o->quiet)
        fprintf(stderr, "annotate: --skip-existing: %zu document%s already annotated in %s\n",
                files->n - k, files->n - k == 1 ? "" : "s", o->output);
    files->n = stems->n = k;
    ann_strlist_free(&exts);
    return 0;
}

/* The options of a run, as the CLI gives them to ann_run(); files,
 * outdir and names are set by the caller. */
static void run_options(const ann_cli_opts *o, const ann_writer *writer, ann_run_opts *ro)
{
    memset(ro, 0, sizeof *ro);
    ro->writer = writer;
    ro->sync = o->sync;
    ro->jobs = o->jobs;
    ro->isolate = !o->no_isolate;
    ro->timeout_sec = o->timeout;
    ro->max_memory_mb = o->max_memory_mb;
    ro->merge = o->merge;
    ro->reference_date = o->reference_date;
    ro->max_doc_size = (size_t)o->max_doc_mb * 1024 * 1024;
    ro->quiet = o->quiet;
    ro->timings = o->timings;
    ro->progress = !o->quiet;
}

/* Opens the selected plugins on the search path.  Returns 0, or 2
 * (reported); the caller frees *path and *set in both cases. */
static int open_plugins(const ann_cli_opts *o, ann_strlist *path, ann_plugin_set *set)
{
    ann_strlist warnings = {0};
    if (ann_search_path((const char *const *)o->plugin_path.items, o->plugin_path.n, path) != 0) {
        fprintf(stderr, "annotate: out of memory\n");
        return 2;
    }
    ann_warn_missing_dirs((const char *const *)o->plugin_path.items, o->plugin_path.n, &warnings);
    print_warnings(&warnings);
    return open_selected(o, path, set);
}

/* annotate --stdin: JSON Lines records in, one JSON line each out
 * (run/stream.h). */
static int cmd_stream(const ann_cli_opts *o, const ann_writer *writer, int argc)
{
    if (argc > 0)
        return ann_cli_usage_error("--stdin reads standard input: no FILE or DIR operands");
    if (o->output_given && strcmp(o->output, "-") != 0)
        return ann_cli_usage_error("--stdin writes to standard output: -o %s cannot be", o->output);
    if (strcmp(writer->name, "json") == 0)
        writer = ann_writer_find("jsonl");
    if (strcmp(writer->name, "jsonl") != 0)
        return ann_cli_usage_error("--stdin answers each line with one JSON line: -f %s cannot",
                                   writer->name);
    if (o->shard_n)
        return ann_cli_usage_error("--stdin takes no --shard: split the stream instead");
    ann_strlist path = {0};
    ann_plugin_set set = {0};
    int status = open_plugins(o, &path, &set);
    if (status == 0) {
        ann_run_opts ro;
        run_options(o, writer, &ro);
        ro.progress = 0;
        status = ann_run_stream(&set, &ro, STDIN_FILENO);
    }
    ann_plugin_set_free(&set);
    ann_strlist_free(&path);
    return status;
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
    if (o->stdin_records || (argc == 1 && strcmp(argv[0], "-") == 0))
        return cmd_stream(o, writer, o->stdin_records ? argc : 0);
    /* One file for the whole run is written as the stream is, in order. */
    int to_file = ann_cli_output_is_file(o);
    int streaming = strcmp(o->output, "-") == 0 || to_file;
    /* Several documents on one stdout: pretty JSON objects one after the
     * other are no JSON a parser reads back, one per line are. */
    if (streaming && strcmp(writer->name, "json") == 0)
        writer = ann_writer_find("jsonl");
    if (streaming && !writer->streamable) {
        fprintf(stderr, "annotate: -f %s cannot stream to standard output; give -o DIR\n",
                writer->name);
        return 2;
    }
    if (argc == 0)
        return ann_cli_usage_error("no input files");
    if (o->skip_existing && streaming)
        return ann_cli_usage_error("--skip-existing needs an output folder (-o DIR)");

    ann_walk walk;
    ann_strlist files = {0};
    ann_strlist stems = {0};
    ann_strlist path = {0};
    ann_plugin_set set = {0};
    int status = 0, lock = -1;
    size_t n_clash = 0;
    unsigned char *mine = NULL; /* --shard: mine[i] for walk.paths[i] */
    size_t n_filtered = 0;
    int walk_rc = collect_inputs(o, argc, argv, streaming, &walk);
    if (walk_rc == 0)
        n_filtered = ann_select_filter(&walk, &o->include, &o->exclude);
    if (walk_rc != 0 || (o->shard_n && walk.paths.n && !(mine = malloc(walk.paths.n)))) {
        if (o->shard_n && !mine)
            fprintf(stderr, "annotate: out of memory\n");
        status = 2;
        goto out;
    }
    if (mine &&
        ann_shard_mark((const char *const *)walk.names.items, walk.names.n, o->shard_k, o->shard_n,
                       mine) == 0 &&
        walk.n_errors == 0) {
        /* A small corpus leaves some shards of a job array empty: that is
         * no error, or the array would fail. */
        if (!o->quiet)
            fprintf(stderr, "annotate: shard %u/%u holds none of the %zu documents\n", o->shard_k,
                    o->shard_n, walk.paths.n);
        goto out;
    }
    if (!streaming && name_outputs(&walk, mine, &files, &stems, &n_clash) != 0) {
        status = 2;
        goto out;
    }
    if (streaming) {
        files = walk.paths;
        memset(&walk.paths, 0, sizeof walk.paths);
        size_t k = 0;
        for (size_t i = 0; i < files.n; i++) {
            if (mine && !mine[i])
                free(files.items[i]);
            else
                files.items[k++] = files.items[i];
        }
        files.n = k;
    }
    if (o->skip_existing && skip_done(o, writer, &files, &stems, &status) != 0)
        goto out;
    if (files.n == 0 && o->skip_existing && status == 0) {
        if (!o->quiet)
            fprintf(stderr, "annotate: nothing left to annotate; output in %s\n", o->output);
        status = walk.n_errors || n_clash ? 1 : 0;
        goto out;
    }
    if (files.n == 0) {
        if (walk.n_errors == 0 && n_clash == 0 && n_filtered)
            fprintf(stderr, "annotate: --include/--exclude left none of the %zu documents\n",
                    n_filtered);
        else if (walk.n_errors == 0 && n_clash == 0)
            fprintf(stderr, "annotate: no documents (.txt .md .markdown .html .htm) to annotate\n");
        status = walk.n_errors || n_clash ? 1 : 2;
        goto out;
    }
    status = open_plugins(o, &path, &set);
    if (status != 0)
        goto out;

    if (!streaming && (lock = own_outdir(o)) < 0) {
        status = 2;
        goto out;
    }
    ann_run_opts ro;
    run_options(o, writer, &ro);
    ro.files = (const char *const *)files.items;
    ro.n_files = files.n;
    ro.outdir = streaming ? NULL : o->output;
    ro.out_file = to_file ? o->output : NULL;
    ro.out_names = streaming ? NULL : (const char *const *)stems.items;
    status = ann_run(&set, &ro);
    if (!streaming && o->sync && sync_folders(o->output, &stems) != 0 && status == 0)
        status = 1;
    if (status == 0 && (walk.n_errors || n_clash))
        status = 1;
out:
    free(mine);
    ann_outdir_unlock(lock);
    ann_walk_free(&walk);
    ann_strlist_free(&stems);
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
    for (int i = 2; sub_plugins && i < argc && strcmp(argv[i], "--") != 0; i++)
        if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
            ann_cli_plugins_usage(stdout);
            return 0;
        }
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
