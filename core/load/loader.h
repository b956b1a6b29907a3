/*
 * loader.h -- finding, loading, checking, ordering and opening plugins.
 *
 * A plugin is NAME.so exporting ann_plugin_NAME.  The search path is, in
 * order: the -P folders, $ANNOTATE_PLUGIN_PATH (colon-separated), then the
 * build tree's plugins/.libs when the running program lives in the build
 * tree, else $(pkglibdir).  The first folder holding NAME.so wins.
 *
 * Loading a plugin runs its code (its constructors run at dlopen()), so
 * only the plugins a run needs are opened, by name, and a plugin file is
 * refused when it, or the folder it is found in, is writable by everyone or
 * owned by another user than root or the one running annotate, unless the
 * policy trusts the path (--trust-plugin-path).  A plugin earlier on the path
 * than a shipped one of the same name shadows it; that gets a warning.
 *
 * Every failure here is a configuration error: the caller prints the message
 * (which names the plugin file) and stops with exit status 2.
 */
#ifndef ANN_LOAD_LOADER_H
#define ANN_LOAD_LOADER_H

#include <stddef.h>

#include "annotate/plugin.h"
#include "load/declare.h"
#include "util/fs.h"

/* One loaded plugin. */
typedef struct ann_loaded_plugin {
    char *name;             /* owned; desc->name, or the layer set_layer() declared */
    char *file;             /* path of the shared object, owned */
    char *data_dir;         /* what host->data_dir() answers, owned */
    char *instance;         /* owned; the PATH of -p NAME:PATH when this is
                                 that item's own instance (its option `file`),
                                 or NULL */
    void *handle;           /* dlopen() handle, NULL for a linked-in plugin */
    const ann_plugin *desc; /* owned copy of the plugin's descriptor, laid out as
                                 this host's header has it: members past the
                                 plugin's ABI are zero */
    size_t n_options;       /* declared options */
    char **values;          /* n_options entries: the last -O value (owned) or NULL */
    ann_strlist *given;     /* n_options lists: every -O value in order (owned) */
    void *state;            /* from desc->open() */
    int opened;             /* open() succeeded; close() is due */
    size_t n_labels;        /* declared labels */
    ann_declared declared;  /* what open() declared (ABI 3); desc->labels and
                                 desc->needs may point into it once applied */
} ann_loaded_plugin;

/* Plugins in run order (every plugin after the ones it needs). */
typedef struct ann_plugin_set {
    ann_loaded_plugin *items; /* owned; free with ann_plugin_set_free() */
    size_t n;
    const ann_host *host; /* the table open() was given; borrowed */
} ann_plugin_set;

/* A NAME.so file found on the search path (not loaded yet). */
typedef struct ann_found {
    char *name;     /* owned */
    char *file;     /* owned */
    char *data_dir; /* owned */
    char *shadows;  /* owned; the shipped NAME.so this one hides, or NULL */
} ann_found;

/* How plugins are looked for and where the warnings go. */
typedef struct ann_load_policy {
    int trust_path;               /* --trust-plugin-path: no ownership checks */
    ann_strlist *warnings;        /* borrowed; one message per entry; NULL drops them */
    const ann_strlist *instances; /* borrowed; NULL: none.  "NAME:PATH" items
                                     of -p: each opens its own instance of
                                     NAME (see ann_select_with_policy()) */
} ann_load_policy;

typedef struct ann_found_list {
    ann_found *items; /* owned; free with ann_found_list_free() */
    size_t n, cap;
} ann_found_list;

/* The longest plugin name, in bytes. */
#define ANN_NAME_MAX 64

/* Whether s[0..n) is a plugin name: a lower-case ASCII letter, then
 * lower-case letters, digits or '_', at most ANN_NAME_MAX bytes.  A name is
 * the file NAME.so, the C identifier ann_plugin_NAME, the layer name in the
 * output and the NAME of -O NAME.KEY=VALUE, so the loader and `annotate
 * new-plugin` hold it to this one rule. */
int ann_plugin_name_ok(const char *s, size_t n);

/* Builds the search path: copies of cli_dirs[0..n_cli), the folders of
 * $ANNOTATE_PLUGIN_PATH, then the build tree's or the installed plugin
 * folder.  Returns 0, or -1 when memory runs out. */
int ann_search_path(const char *const *cli_dirs, size_t n_cli, ann_strlist *out);

/* True when the running program lives inside the build tree (so plugins are
 * taken from ANN_ABS_BUILDDIR/plugins/.libs, data from the source tree). */
int ann_in_build_tree(void);

/* Appends a warning to `warnings` for each of dirs[0..n) that is not a
 * folder (the -P folders: a typo there would go unnoticed). */
void ann_warn_missing_dirs(const char *const *dirs, size_t n, ann_strlist *warnings);

/* Lists the NAME.so files in the folders of `path`, first folder winning for
 * a name, sorted by name, with the shipped plugin each one shadows.  Folders
 * that do not exist are skipped.  Nothing is loaded.  Returns 0, or -1 when
 * memory runs out. */
int ann_discover(const ann_strlist *path, ann_found_list *out);

/* Looks for NAME.so alone in the folders of `path`; the first wins.  Returns
 * 1 with *out filled (free with ann_found_free()), 0 when no folder holds
 * it, or -1 when memory runs out. */
int ann_find_plugin(const ann_strlist *path, const char *name, ann_found *out);
void ann_found_free(ann_found *f);

/* May `file` be loaded?  Checks the file, the folder it is named in, and the
 * folder of the file a symbolic link leads to: none may be writable by
 * everyone or owned by a user other than root and the running user.
 * Returns 0, or -1 with "FILE: refused: REASON ..." in err. */
int ann_check_plugin_file(const char *file, char *err, size_t errlen);
void ann_found_list_free(ann_found_list *l);

/* Loads `file` and checks its descriptor: entry ann_plugin_NAME exists, ABI
 * within [ANN_ABI_MIN, ANN_ABI_VERSION], size large enough, name equal to
 * NAME, required fields present.  data_dir may be NULL (the file's folder).
 * On failure returns ANN_ERROR with a message naming the file in err, and
 * *out is left zeroed; on success the caller frees *out with
 * ann_loaded_plugin_free(). */
int ann_load_plugin(const char *file, const char *name, const char *data_dir,
                    ann_loaded_plugin *out, char *err, size_t errlen);

/* Wraps a descriptor linked into the program (tests, static builds) as a
 * loaded plugin; same checks as ann_load_plugin() minus dlopen. */
int ann_load_linked(const ann_plugin *desc, const char *data_dir, ann_loaded_plugin *out, char *err,
                    size_t errlen);

/* Closes (if opened), unloads and frees one plugin; safe on a zeroed one. */
void ann_loaded_plugin_free(ann_loaded_plugin *p);

/* Selects plugins: `list` is a comma-separated list of names, or NULL for
 * every plugin found.  The layers a selected plugin needs are added too.
 * Where `list` first names a plugin that has items NAME:PATH in
 * policy->instances, each such item is loaded as an instance of its own
 * (the same shared object, its own options and open() state) whose option
 * `file` is PATH, given before any -O option; one item given twice is one
 * instance, and a plugin without an option `file` is an error.  The name
 * alone then adds no further instance.  Each instance names its own layer
 * with set_layer() in open(); ann_open_settle() refuses two with one name.
 * Loads them and orders them by their needs (ties keep list order, or name
 * order for "all").  A named plugin is looked for as NAME.so only.  With
 * "all", a file that does not load is a warning and is skipped.  A plugin
 * file the policy refuses (ann_check_plugin_file()) is an error either way.
 * On failure (a plugin missing, refused or unloadable, a dependency cycle)
 * returns ANN_ERROR with a message in err. */
int ann_select_with_policy(const ann_load_policy *policy, const ann_strlist *path, const char *list,
                           ann_plugin_set *out, char *err, size_t errlen);

/* ann_select_with_policy() with the checks on and the warnings dropped. */
int ann_select_plugins(const ann_strlist *path, const char *list, ann_plugin_set *out, char *err,
                       size_t errlen);

/* Orders the plugins of `set` by needs in place (ties keep current order).
 * A missing dependency or a cycle gives ANN_ERROR and a message naming the
 * plugins. */
int ann_order_plugins(ann_plugin_set *set, char *err, size_t errlen);

/* Applies one "-O PLUGIN.KEY=VALUE" (copies the value) to every instance
 * of PLUGIN in the set.  The last value given for a key is its value;
 * every one is kept in order for host->option_at().  An unknown plugin or key is ANN_EINVAL with a
 * message naming the valid ones. */
int ann_set_option(ann_plugin_set *set, const char *spec, char *err, size_t errlen);

/* Opens every plugin not opened yet, in order, handing each the host table
 * (borrowed until ann_plugin_set_free()), and applies what each declared
 * during open() (ann_declare_apply()).  On the first failure closes the
 * ones opened, returns ANN_ERROR and writes "FILE: MESSAGE" to err.  The
 * set is not reordered: a run calls ann_open_settle(). */
int ann_open_plugins(ann_plugin_set *set, const ann_host *host, char *err, size_t errlen);

/* Opens the plugins of a selected set as a run needs them: ann_open_plugins(),
 * then the layers the plugins declared they need are selected, loaded and
 * opened too (as ann_select_with_policy() does for the descriptors' needs,
 * until nothing new is needed), no two plugins may have the same layer
 * name, and the set is ordered by needs again.  On failure returns an
 * error code with a message in err; the caller frees the set. */
int ann_open_settle(const ann_load_policy *policy, const ann_strlist *path, ann_plugin_set *set,
                    const ann_host *host, char *err, size_t errlen);

/* ann_open_settle() with the run's -O options (borrowed): each is applied
 * once its plugin is selected and before it opens, so a plugin pulled in by
 * a need declared in open() gets its options too.  One naming a plugin that
 * is never selected is ann_set_option()'s error. */
int ann_open_settle_with(const ann_load_policy *policy, const ann_strlist *path,
                         ann_plugin_set *set, const ann_strlist *options, const ann_host *host,
                         char *err, size_t errlen);

/* Closes and unloads every plugin and frees the set; safe on a zeroed one. */
void ann_plugin_set_free(ann_plugin_set *set);

/* What a plugin's open() sees behind its ann_open_ctx: the plugin being
 * opened and the message of host->open_error() (core/run/host.c). */
struct ann_open_ctx {
    ann_loaded_plugin *plugin; /* borrowed during open() */
    char message[512];
};

#endif
