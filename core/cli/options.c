/*
 * options.c -- parsing the command line of `annotate` into ann_cli_opts,
 * and the --help text.
 */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "annotate/plugin.h"
#include "cli/options.h"
#include "run/run.h"
#include "util/buf.h"
#include "util/shard.h"
#include "util/ymd.h"
#include "write/writer.h"

/* Where to report bugs, ending every --help. */
#define ANN_BUG_REPORT_LINE                                                       \
    "\nReport bugs on the annotate issue tracker, with the output of 'annotate\n" \
    "--version' and the command line (README.md, \"Reporting bugs\").\n"

/* Under the version line of --version. */
#define ANN_COPYRIGHT_LINES                      \
    "Copyright (C) 2026 the annotate authors.\n" \
    "Licence: MIT (the LICENSE file); there is NO WARRANTY, to the extent permitted by law.\n"

static void usage(FILE *f)
{
    fputs("usage: annotate [options] FILE|DIR...\n"
          "       annotate [options] --stdin   (or -: JSON Lines records in and out)\n"
          "       annotate plugins [-P DIR] [-p LIST] [-O PLUGIN.KEY=VALUE]\n"
          "       annotate view FILE.ann.json...\n"
          "       annotate stats FILE.ann.json...\n"
          "       annotate new-plugin NAME [DIR]\n"
          "\n"
          "Annotates English documents (.txt, .md, .html) with plugins and writes one\n"
          "merged file per input.  A folder stands for every document below it.\n"
          "\n"
          "Options:\n"
          "  -p, --plugins LIST          plugins to run, comma-separated (default: all found;\n"
          "                              repeatable); each NAME:PATH is an instance of NAME\n"
          "                              of its own with NAME.file=PATH, so\n"
          "                              -p rules:a.rules -p rules:b.rules gives two layers\n"
          "                              (a comma in PATH stays unless a name follows it)\n"
          "  -P, --plugin-path DIR       look for plugins in DIR first (repeatable)\n"
          "      --trust-plugin-path     load plugins from folders that others can write to\n"
          "  -O, --option PLUGIN.KEY=VALUE\n"
          "                              set a plugin option (repeatable; see 'annotate plugins')\n"
          "  -o, --output DIR|FILE.jsonl|-\n"
          "                              output folder (default: annotations); with -f jsonl\n"
          "                              a FILE.jsonl gets the whole run in one file; '-'\n"
          "                              for stdout (documents kept apart: json gives JSON\n"
          "                              Lines, text and conll a first line naming each)\n"
          "      --stdin                 read JSON Lines records {\"id\", \"text\", \"format\":\n"
          "                              txt|md|html, \"reference_date\"} from standard input\n"
          "                              and write one JSON line per record, in order, with\n"
          "                              its id, or {\"id\",\"line\",\"error\"}; '-' as the only\n"
          "                              operand does the same\n"
          "  -f, --format FMT            output format (default: json, jsonl with -o -):\n",
          f);
    const ann_writer *w = ann_writer_list();
    for (size_t i = 0; w && w[i].name; i++)
        fprintf(f, "                                %-8s %s\n", w[i].name, w[i].description);
    fprintf(f,
            "  -j, --jobs N                workers (default: number of cores)\n"
            "      --no-isolate            run the plugins in threads of this process (for\n"
            "                              debugging: a plugin crash or hang stops the run)\n"
            "      --timeout SEC           per document, plus a second per MB of it; a worker\n"
            "                              that takes longer is killed and the running\n"
            "                              plugin's layer fails (default: 60, 0: none)\n"
            "      --max-memory MB         address space of each worker (default: RAM / jobs,\n"
            "                              at least 1024; 0: no limit)\n"
            "      --include GLOB          annotate only the documents whose path below the\n"
            "                              folder argument matches GLOB (repeatable; '*'\n"
            "                              also matches '/', so '*.md' takes sub/a.md)\n"
            "      --exclude GLOB          leave out the documents whose path matches GLOB\n"
            "      --skip-existing         skip documents whose outputs are already in the\n"
            "                              output folder, whole and newer than the document\n"
            "                              (to resume a run that stopped)\n"
            "      --follow                follow symbolic links below folder arguments\n"
            "                              (each folder and file is still read once)\n"
            "      --shard K/N             annotate only the documents of shard K of N\n"
            "                              (1 <= K <= N), placed by a hash of their path\n"
            "                              below the folder argument: N runs with the same\n"
            "                              arguments take every document once\n"
            "      --shard slurm           K and N from the task of a Slurm job array\n"
            "                              ($SLURM_ARRAY_TASK_ID, _MIN, _STEP, _COUNT)\n"
            "      --sync, --no-sync       flush each output file to the disk before it\n"
            "                              replaces the old one (default: %s)\n",
            ANN_CLI_SYNC_DEFAULT ? "--sync" : "--no-sync");
    fputs(
        "      --reference-date YYYY-MM-DD\n"
        "                              anchor for relative dates (\"yesterday\")\n"
        "      --merge POLICY          cross-layer merge policy: default (the plugins' subsumes\n"
        "                              rules: a number inside a date belongs to the date)\n"
        "                              or all (keep every span)\n"
        "      --max-doc-size MB       refuse a document larger than MB megabytes (default: 256)\n"
        "  -q, --quiet                 no summary line\n"
        "      --timings               print the CPU and wall seconds and the MB/s of each\n"
        "                              plugin and of the host\n"
        "  -h, --help                  show this help\n"
        "  -V, --version               show the version\n"
        "\n"
        "Plugins are searched in the -P folders, then $ANNOTATE_PLUGIN_PATH\n"
        "(colon-separated), then " ANN_PKGLIBDIR "\n"
        "(or the build tree's plugins when annotate runs from its build tree).\n"
        "Loading a plugin runs its code: only the plugins a run needs are loaded.\n"
        "Exit status: 0 ok, 1 some document failed, 2 usage or configuration error.\n"
        "\n"
        "'annotate view --help', 'annotate stats --help' and 'annotate plugins --help'\n"
        "describe the other commands; the manual is 'man annotate'.\n" ANN_BUG_REPORT_LINE,
        f);
}

void ann_cli_plugins_usage(FILE *f)
{
    fputs("usage: annotate plugins [-P DIR] [-p LIST] [-O PLUGIN.KEY=VALUE] [--trust-plugin-path]\n"
          "\n"
          "Lists every plugin on the plugin path: its version, labels, the layers it\n"
          "needs, its options with their defaults, its file and data folder, and the\n"
          "shipped plugin it shadows when one of the same name is found earlier on the\n"
          "path.  A file that does not load is named and the others are still listed\n"
          "(exit 1).\n"
          "\n"
          "  -P, --plugin-path DIR       look for plugins in DIR first (repeatable)\n"
          "  -p, --plugins LIST          also open these plugins, so a bad option or\n"
          "                              model shows (exit 2)\n"
          "  -O, --option PLUGIN.KEY=VALUE\n"
          "                              set an option and open the plugins with it\n"
          "      --trust-plugin-path     load plugins from folders that others can write to\n"
          "  -h, --help                  show this help\n"
          "\n"
          "The path: the -P folders, then $ANNOTATE_PLUGIN_PATH, then " ANN_PKGLIBDIR
          ".\n" ANN_BUG_REPORT_LINE,
          f);
}

/* -o FILE.jsonl: the name ends so and no folder has it. */
static int names_jsonl_file(const char *output)
{
    size_t n = strlen(output);
    struct stat st;
    return n > 6 && strcmp(output + n - 6, ".jsonl") == 0 &&
           !(stat(output, &st) == 0 && S_ISDIR(st.st_mode));
}

int ann_cli_output_is_file(const ann_cli_opts *o)
{
    return strcmp(o->format, "jsonl") == 0 && names_jsonl_file(o->output);
}

int ann_cli_usage_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("annotate: ", stderr);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputs("\nTry 'annotate --help'.\n", stderr);
    return 2;
}

enum {
    OPT_REFDATE = 256,
    OPT_MERGE,
    OPT_TIMINGS,
    OPT_FOLLOW,
    OPT_SHARD,
    OPT_SYNC,
    OPT_NO_SYNC,
    OPT_NO_ISOLATE,
    OPT_TIMEOUT,
    OPT_MAX_MEMORY,
    OPT_TRUST_PATH,
    OPT_MAXDOC,
    OPT_INCLUDE,
    OPT_EXCLUDE,
    OPT_SKIP_EXISTING,
    OPT_STDIN
};

static const struct option long_options[] = {
    {"plugins", required_argument, NULL, 'p'},
    {"plugin-path", required_argument, NULL, 'P'},
    {"trust-plugin-path", no_argument, NULL, OPT_TRUST_PATH},
    {"option", required_argument, NULL, 'O'},
    {"output", required_argument, NULL, 'o'},
    {"format", required_argument, NULL, 'f'},
    {"jobs", required_argument, NULL, 'j'},
    {"reference-date", required_argument, NULL, OPT_REFDATE},
    {"merge", required_argument, NULL, OPT_MERGE},
    {"max-doc-size", required_argument, NULL, OPT_MAXDOC},
    {"quiet", no_argument, NULL, 'q'},
    {"timings", no_argument, NULL, OPT_TIMINGS},
    {"follow", no_argument, NULL, OPT_FOLLOW},
    {"include", required_argument, NULL, OPT_INCLUDE},
    {"exclude", required_argument, NULL, OPT_EXCLUDE},
    {"skip-existing", no_argument, NULL, OPT_SKIP_EXISTING},
    {"shard", required_argument, NULL, OPT_SHARD},
    {"sync", no_argument, NULL, OPT_SYNC},
    {"no-sync", no_argument, NULL, OPT_NO_SYNC},
    {"no-isolate", no_argument, NULL, OPT_NO_ISOLATE},
    {"timeout", required_argument, NULL, OPT_TIMEOUT},
    {"max-memory", required_argument, NULL, OPT_MAX_MEMORY},
    {"stdin", no_argument, NULL, OPT_STDIN},
    {"help", no_argument, NULL, 'h'},
    {"version", no_argument, NULL, 'V'},
    {NULL, 0, NULL, 0},
};

/* A whole number from min (>= 0) to max, or -1. */
static long parse_count(const char *s, long min, long max)
{
    char *end;
    errno = 0;
    long n = strtol(s, &end, 10);
    if (errno || *end || end == s || n < min || n > max)
        return -1;
    return n;
}

/* Parses argv into *o.  Returns 0, 2 after a usage error, or -1 when the
 * program should stop with status 0 (--help, --version). */
/* Whether s starts an item of a -p list: a plugin name (a lower-case
 * letter, then lower-case letters, digits or '_') ended by ',', ':' or the
 * end. */
static int starts_item(const char *s)
{
    if (!(*s >= 'a' && *s <= 'z'))
        return 0;
    while ((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '_')
        s++;
    return *s == '\0' || *s == ',' || *s == ':';
}

/* Adds one -p LIST to o->plugins_buf.  An item NAME:PATH selects NAME and
 * is kept in o->instances: it opens an instance of NAME of its own, with
 * the option NAME.file=PATH (the rules plugin's rule file: one layer per
 * file).  A comma in PATH stays in it unless what follows reads as the next
 * item (a plugin name), so "rules:a,b.rules" is one file and
 * "rules:a.rules,dates" two items.  -p may be repeated. */
static int add_plugins(ann_cli_opts *o, const char *list)
{
    ann_buf names = ANN_BUF_INIT;
    if (o->plugins_buf)
        ann_buf_puts(&names, o->plugins_buf);
    for (const char *p = list; *p;) {
        size_t n = strcspn(p, ",");
        size_t colon = strcspn(p, ":");
        while (colon < n && p[n] == ',' && !starts_item(p + n + 1))
            n += 1 + strcspn(p + n + 1, ",");
        size_t name_len = colon < n ? colon : n;
        ann_buf_printf(&names, "%s%.*s", names.len ? "," : "", (int)name_len, p);
        if (colon < n) {
            ann_buf opt = ANN_BUF_INIT;
            ann_buf_printf(&opt, "%.*s", (int)n, p);
            int rc = opt.failed ? -1 : ann_strlist_add(&o->instances, opt.data);
            ann_buf_free(&opt);
            if (rc != 0) {
                ann_buf_free(&names);
                return -1;
            }
        }
        p += n + (p[n] == ',');
    }
    if (names.failed) {
        ann_buf_free(&names);
        return -1;
    }
    free(o->plugins_buf);
    o->plugins_buf = ann_buf_steal(&names, NULL);
    if (!o->plugins_buf)
        o->plugins_buf = calloc(1, 1);
    return o->plugins_buf ? 0 : -1;
}

int ann_cli_parse(int argc, char **argv, ann_cli_opts *o)
{
    memset(o, 0, sizeof *o);
    o->format = NULL; /* json, or jsonl when streaming: decided after parsing */
    o->output = "annotations";
    o->merge = ANN_MERGE_DEFAULT;
    o->sync = ANN_CLI_SYNC_DEFAULT;
    o->timeout = 60;
    o->max_memory_mb = ANN_MEMORY_DEFAULT;
    o->max_doc_mb = 256;
    optind = 0; /* full reinitialisation: ann_cli_parse may run twice */
    opterr = 0;
    int c;
    while ((c = getopt_long(argc, argv, ":p:P:O:o:f:j:qhV", long_options, NULL)) != -1) {
        switch (c) {
        case 'p':
            if (add_plugins(o, optarg) != 0)
                return ann_cli_usage_error("out of memory");
            o->plugins = o->plugins_buf;
            break;
        case 'P':
            if (ann_strlist_add(&o->plugin_path, optarg) != 0)
                return ann_cli_usage_error("out of memory");
            break;
        case 'O':
            if (ann_strlist_add(&o->options, optarg) != 0)
                return ann_cli_usage_error("out of memory");
            break;
        case 'o':
            if (!optarg[0])
                return ann_cli_usage_error("-o needs a folder or '-'");
            o->output = optarg;
            o->output_given = 1;
            break;
        case OPT_STDIN:
            o->stdin_records = 1;
            break;
        case 'f':
            o->format = optarg;
            break;
        case 'j': {
            long n = parse_count(optarg, 1, 1024);
            if (n < 0)
                return ann_cli_usage_error("-j %s: expected a number of threads from 1 to 1024",
                                           optarg);
            o->jobs = (unsigned)n;
            break;
        }
        case OPT_MAXDOC: {
            long n = parse_count(optarg, 1, 4095);
            if (n < 0)
                return ann_cli_usage_error(
                    "--max-doc-size %s: expected a size in MB from 1 to 4095", optarg);
            o->max_doc_mb = (unsigned)n;
            break;
        }
        case OPT_REFDATE:
            if (!ann_cli_valid_date(optarg))
                return ann_cli_usage_error(
                    "--reference-date %s: expected a real date as YYYY-MM-DD", optarg);
            o->reference_date = optarg;
            break;
        case OPT_MERGE:
            if (ann_merge_policy_parse(optarg, &o->merge) != 0) {
                fprintf(stderr, "annotate: --merge %s: unknown policy (valid: %s)\n", optarg,
                        ann_merge_policy_names());
                return 2;
            }
            break;
        case 'q':
            o->quiet = 1;
            break;
        case OPT_TIMINGS:
            o->timings = 1;
            break;
        case OPT_FOLLOW:
            o->follow = 1;
            break;
        case OPT_INCLUDE:
        case OPT_EXCLUDE:
            if (!optarg[0])
                return ann_cli_usage_error("--%s needs a pattern",
                                           c == OPT_INCLUDE ? "include" : "exclude");
            if (ann_strlist_add(c == OPT_INCLUDE ? &o->include : &o->exclude, optarg) != 0)
                return ann_cli_usage_error("out of memory");
            break;
        case OPT_SKIP_EXISTING:
            o->skip_existing = 1;
            break;
        case OPT_SHARD:
            if (strcmp(optarg, "slurm") == 0) {
                char why[256];
                if (ann_shard_slurm(getenv, &o->shard_k, &o->shard_n, why, sizeof why) != 0)
                    return ann_cli_usage_error("--shard slurm: %s", why);
            } else if (ann_shard_parse(optarg, &o->shard_k, &o->shard_n) != 0) {
                return ann_cli_usage_error(
                    "--shard %s: expected K/N with 1 <= K <= N <= %u, or slurm", optarg,
                    ANN_SHARD_MAX);
            }
            break;
        case OPT_SYNC:
            o->sync = 1;
            break;
        case OPT_NO_SYNC:
            o->sync = 0;
            break;
        case OPT_NO_ISOLATE:
            o->no_isolate = 1;
            break;
        case OPT_TIMEOUT: {
            long n = parse_count(optarg, 0, 1000000);
            if (n < 0)
                return ann_cli_usage_error(
                    "--timeout %s: expected seconds from 0 (none) to 1000000", optarg);
            o->timeout = (unsigned)n;
            break;
        }
        case OPT_MAX_MEMORY: {
            long n = parse_count(optarg, 0, 1L << 30);
            if (n < 0)
                return ann_cli_usage_error("--max-memory %s: expected megabytes, 0 for no limit",
                                           optarg);
            o->max_memory_mb = n == 0 ? ANN_MEMORY_NONE : (size_t)n;
            break;
        }
        case OPT_TRUST_PATH:
            o->trust_plugin_path = 1;
            break;
        case 'h':
            usage(stdout);
            return -1;
        case 'V':
            printf("annotate %s (plugin ABI %d..%d)\n" ANN_COPYRIGHT_LINES, PACKAGE_VERSION,
                   ANN_ABI_MIN, ANN_ABI_VERSION);
            return -1;
        case ':':
            return ann_cli_usage_error("option %s needs an argument", argv[optind - 1]);
        default:
            return ann_cli_usage_error("unknown option %s", argv[optind - 1]);
        }
    }
    /* A stream of documents is only parseable one object per line; so is
     * one file for the whole run. */
    if (!o->format)
        o->format = strcmp(o->output, "-") == 0 || names_jsonl_file(o->output) || o->stdin_records
                        ? "jsonl"
                        : "json";
    o->first_arg = optind;
    return 0;
}

int ann_cli_valid_date(const char *s)
{
    return ann_ymd_valid(s);
}

void ann_cli_opts_free(ann_cli_opts *o)
{
    ann_strlist_free(&o->plugin_path);
    ann_strlist_free(&o->options);
    ann_strlist_free(&o->instances);
    free(o->plugins_buf);
    o->plugins_buf = NULL;
    o->plugins = NULL;
    ann_strlist_free(&o->include);
    ann_strlist_free(&o->exclude);
}
