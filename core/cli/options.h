/*
 * options.h -- the command line of `annotate` parsed into one struct, kept
 * apart from main() so the CLI tests can parse without running anything.
 */
#ifndef ANN_CLI_OPTIONS_H
#define ANN_CLI_OPTIONS_H

#include <stdio.h>

#include "annotate/plugin.h"
#include "spans/merge.h"
#include "util/fs.h"

/* Whether outputs are flushed to the disk (fsync) unless --sync or
 * --no-sync says otherwise.  Off: on the bench corpus (4760 files) the
 * fsyncs made a run 20-55% slower (README, "Writes"), and the rename alone
 * already keeps half files from readers and from killed runs. */
#define ANN_CLI_SYNC_DEFAULT 0

typedef struct ann_cli_opts {
    const char *plugins;        /* the -p lists joined by commas, NAME:PATH
                                   items as NAME; points into plugins_buf;
                                   NULL: all */
    char *plugins_buf;          /* owned; free with ann_cli_opts_free() */
    ann_strlist plugin_path;    /* -P DIRs (copies) */
    ann_strlist options;        /* -O specs (copies) */
    ann_strlist instances;      /* the NAME:PATH items of -p (copies), in
                                   order: one plugin instance each */
    const char *output;         /* -o, borrowed; "-" streams */
    int output_given;           /* -o was on the command line */
    int stdin_records;          /* --stdin (or the operand "-"): JSON Lines
                                   records in, one answer each out */
    const char *format;         /* -f, borrowed */
    unsigned jobs;              /* -j; 0: number of cores */
    int no_isolate;             /* --no-isolate: threads, not worker processes */
    unsigned timeout;           /* --timeout seconds per document; 0: none */
    size_t max_memory_mb;       /* --max-memory; ANN_MEMORY_DEFAULT or _NONE (run/run.h) */
    const char *reference_date; /* borrowed, validated */
    unsigned max_doc_mb;        /* --max-doc-size, in MB (1024 * 1024 bytes) */
    ann_merge_policy merge;
    int quiet, timings;
    int follow;                /* --follow: symbolic links below folders */
    ann_strlist include;       /* --include GLOBs (copies); none: every document */
    ann_strlist exclude;       /* --exclude GLOBs (copies) */
    int skip_existing;         /* --skip-existing: resume a stopped run */
    unsigned shard_k, shard_n; /* --shard K/N (util/shard.h); 0/0: all documents */
    int sync;                  /* --sync / --no-sync: durable writes */
    int trust_plugin_path;     /* --trust-plugin-path */
    int first_arg;             /* index of the first operand in argv */
} ann_cli_opts;

/* True when -o names one JSON Lines file for the whole run rather than a
 * folder: the format is jsonl, the name ends in ".jsonl" and no folder has
 * that name. */
int ann_cli_output_is_file(const ann_cli_opts *o);

/* Prints the help of `annotate plugins` to f. */
void ann_cli_plugins_usage(FILE *f);

/* Parses argv; returns 0, 2 after printing a usage error, or -1 when the
 * program should exit 0 (--help or --version printed).  Caller frees *o
 * with ann_cli_opts_free() in every case. */
int ann_cli_parse(int argc, char **argv, ann_cli_opts *o);
void ann_cli_opts_free(ann_cli_opts *o);

/* Prints "annotate: MESSAGE" and a hint to try --help on stderr; returns 2. */
int ann_cli_usage_error(const char *fmt, ...) ANN_PRINTF(1, 2);

/* True for a real calendar date written YYYY-MM-DD. */
int ann_cli_valid_date(const char *s);

#endif
