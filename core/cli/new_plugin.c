/*
 * new_plugin.c -- `annotate new-plugin NAME [DIR]`: scaffold a plugin that is
 * built out of annotate's tree.
 *
 * It writes four files into DIR (default ./annotate-NAME): NAME.c, a working
 * plugin that marks the words of a word list; test_NAME.c, a unit test that
 * plays the host itself (the mock host of annotate's own tests is not
 * installed); a GNU Makefile that finds the header with pkg-config; and a
 * README.  The templates are the string constants below, with every "@NAME@"
 * replaced by NAME.  They are kept in this file, not in data files, so the
 * command works from the build tree and when installed alike.
 *
 * It never overwrites: if any of the four files exists, nothing is written.
 */
#include "cli/commands.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "load/loader.h"

/* @NAME@.c: the plugin skeleton. */
static const char np_plugin_c[] =
    "/*\n"
    " * @NAME@.c -- the @NAME@ plugin for annotate.\n"
    " *\n"
    " * Made by `annotate new-plugin @NAME@` as a starting point.  As generated it\n"
    " * marks the words of a word list (option @NAME@.words, default \"annotate,plugin\")\n"
    " * with the label MATCH, comparing without regard to ASCII case.  Replace the\n"
    " * matching in @NAME@_annotate() with your own and keep the shape around it.\n"
    " *\n"
    " *     make                                   builds @NAME@.so\n"
    " *     make check                             runs test_@NAME@.c\n"
    " *     annotate -P . -p @NAME@ FILE.txt       runs it; -O @NAME@.words=a,b sets the list\n"
    " *\n"
    " * The rules a plugin lives by (annotate's doc/plugin-guide.md says more):\n"
    " *   - Export one symbol, ann_plugin_@NAME@; the Makefile hides everything\n"
    " *     else with -fvisibility=hidden, so keep your helpers static.\n"
    " *   - No global mutable state.  The host calls annotate() for many documents\n"
    " *     at once on several threads, all with the one state built by open().\n"
    " *     open() may write the state; afterwards it is read-only.\n"
    " *   - Memory for one document comes from host->scratch() and is freed by the\n"
    " *     host when annotate() returns; emit() copies the span and its strings.\n"
    " *   - Offsets are bytes of the text view, end exclusive; the host maps them\n"
    " *     back to the original file.\n"
    " */\n"
    "#include <annotate/plugin.h>\n"
    "\n"
    "#include <stdlib.h>\n"
    "#include <string.h>\n"
    "\n"
    "/* Built by open(), read by annotate(), freed by close(). */\n"
    "typedef struct @NAME@_state {\n"
    "    const ann_host *host; /* borrowed until close(): annotate() gets no host argument */\n"
    "    char *buf;            /* the option's value, copied, commas turned into NULs */\n"
    "    const char **words;   /* pointers into buf, NULL-terminated */\n"
    "} @NAME@_state;\n"
    "\n"
    "static char @NAME@_lower(char c)\n"
    "{\n"
    "    return (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;\n"
    "}\n"
    "\n"
    "/* The list entry equal to s[0, n) without regard to ASCII case, or NULL. */\n"
    "static const char *@NAME@_lookup(const @NAME@_state *st, const char *s, size_t n)\n"
    "{\n"
    "    for (const char **w = st->words; *w != NULL; w++) {\n"
    "        size_t k = 0;\n"
    "        while (k < n && (*w)[k] != '\\0' && @NAME@_lower((*w)[k]) == @NAME@_lower(s[k]))\n"
    "            k++;\n"
    "        if (k == n && (*w)[k] == '\\0')\n"
    "            return *w;\n"
    "    }\n"
    "    return NULL;\n"
    "}\n"
    "\n"
    "static int @NAME@_annotate(void *state, ann_doc *doc)\n"
    "{\n"
    "    const @NAME@_state *st = state;\n"
    "    const ann_host *host = st->host;\n"
    "    const char *text = host->text(doc, NULL);\n"
    "    size_t n = 0;\n"
    "    const ann_token *tok = host->tokens(doc, &n);\n"
    "\n"
    "    for (size_t i = 0; i < n; i++) {\n"
    "        if (tok[i].kind != ANN_TOK_WORD)\n"
    "            continue;\n"
    "        const char *word = @NAME@_lookup(st, text + tok[i].start, tok[i].end - tok[i].start);\n"
    "        if (word == NULL)\n"
    "            continue;\n"
    "        /* Stack memory is fine: emit() copies the span and its strings. */\n"
    "        ann_attr attr = {\"word\", word};\n"
    "        ann_new_span span = {tok[i].start, tok[i].end, \"MATCH\", &attr, 1, NULL, 0};\n"
    "        /* A refused span is reported by the host under our name; go on. */\n"
    "        (void)host->emit(doc, &span, NULL);\n"
    "    }\n"
    "    return ANN_OK;\n"
    "}\n"
    "\n"
    "static void @NAME@_close(void *state)\n"
    "{\n"
    "    @NAME@_state *st = state;\n"
    "    if (st == NULL)\n"
    "        return;\n"
    "    free(st->words);\n"
    "    free(st->buf);\n"
    "    free(st);\n"
    "}\n"
    "\n"
    "static int @NAME@_open(const ann_host *host, ann_open_ctx *ctx, void **state)\n"
    "{\n"
    "    /* The host accepts only declared options; checking their values is ours. */\n"
    "    const char *v = host->option(ctx, \"words\");\n"
    "    if (v == NULL || strspn(v, \",\") == strlen(v)) {\n"
    "        host->open_error(ctx, \"option words: give at least one word, e.g. -O @NAME@.words=alpha,beta\");\n"
    "        return ANN_EINVAL;\n"
    "    }\n"
    "\n"
    "    size_t len = strlen(v), n = 1;\n"
    "    for (size_t k = 0; k < len; k++)\n"
    "        n += v[k] == ',';\n"
    "    @NAME@_state *st = calloc(1, sizeof *st);\n"
    "    if (st == NULL)\n"
    "        goto nomem;\n"
    "    st->host = host;\n"
    "    st->buf = malloc(len + 1);\n"
    "    st->words = calloc(n + 1, sizeof *st->words);\n"
    "    if (st->buf == NULL || st->words == NULL)\n"
    "        goto nomem;\n"
    "    memcpy(st->buf, v, len + 1);\n"
    "\n"
    "    /* Split at commas, skipping empty entries (\"a,,b\"). */\n"
    "    size_t count = 0;\n"
    "    for (char *p = st->buf; p != NULL;) {\n"
    "        char *comma = strchr(p, ',');\n"
    "        if (comma != NULL)\n"
    "            *comma = '\\0';\n"
    "        if (*p != '\\0')\n"
    "            st->words[count++] = p;\n"
    "        p = comma != NULL ? comma + 1 : NULL;\n"
    "    }\n"
    "    *state = st;\n"
    "    return ANN_OK;\n"
    "\n"
    "nomem:\n"
    "    @NAME@_close(st);\n"
    "    host->open_error(ctx, \"out of memory\");\n"
    "    return ANN_ENOMEM;\n"
    "}\n"
    "\n"
    "static const char *const @NAME@_labels[] = {\"MATCH\", NULL};\n"
    "\n"
    "static const ann_option_decl @NAME@_options[] = {\n"
    "    {\"words\", \"annotate,plugin\", \"comma-separated words to mark (ASCII case ignored)\"},\n"
    "    {NULL, NULL, NULL},\n"
    "};\n"
    "\n"
    "static const ann_plugin @NAME@_plugin = {\n"
    "    ANN_PLUGIN_HEADER, /* ABI version and struct size: the host checks them first */\n"
    "    \"@NAME@\",          /* name and layer; must match the file name @NAME@.so */\n"
    "    \"0.1.0\",\n"
    "    \"marks the words of a word list (made by annotate new-plugin)\",\n"
    "    @NAME@_labels,\n"
    "    NULL, /* needs: e.g. (const char *const[]){\"entities\", NULL} to read that layer */\n"
    "    @NAME@_options,\n"
    "    @NAME@_open,\n"
    "    @NAME@_annotate,\n"
    "    @NAME@_close,\n"
    "    NULL, /* annotate_v2 */\n"
    "    NULL, /* subsumes */\n"
    "};\n"
    "\n"
    "/* The only exported symbol.  Nothing may run at load time: it only returns\n"
    " * the constant descriptor. */\n"
    "ANN_PLUGIN_ENTRY(@NAME@)\n"
    "{\n"
    "    return &@NAME@_plugin;\n"
    "}\n";

/* test_@NAME@.c: a unit test that plays the host. */
static const char np_test_c[] =
    "/*\n"
    " * test_@NAME@.c -- unit test of the @NAME@ plugin, without the annotate program.\n"
    " *\n"
    " * The plugin talks to the host only through the ann_host function table, so\n"
    " * a test can play the host: this file fills in a small table of its own (a\n"
    " * fixed text, tokens split at letters, an emit() that records spans) and\n"
    " * calls the plugin's callbacks directly.  annotate's own tests do the same\n"
    " * with a fuller mock host.  Change the cases when you change the plugin.\n"
    " *\n"
    " *     make check\n"
    " */\n"
    "#include <annotate/plugin.h>\n"
    "\n"
    "#include <stdarg.h>\n"
    "#include <stdio.h>\n"
    "#include <string.h>\n"
    "\n"
    "const ann_plugin *ann_plugin_@NAME@(void);\n"
    "\n"
    "/* The host's opaque types are ours to define here. */\n"
    "struct ann_open_ctx {\n"
    "    const char *words; /* value of the option \"words\", NULL for its default */\n"
    "};\n"
    "\n"
    "#define MAX_ITEMS 64\n"
    "\n"
    "struct ann_doc {\n"
    "    const char *text;\n"
    "    ann_token tokens[MAX_ITEMS];\n"
    "    size_t n_tokens;\n"
    "    ann_region all; /* one sentence, one paragraph */\n"
    "    struct {\n"
    "        uint32_t start, end;\n"
    "        char label[32], word[64];\n"
    "    } got[MAX_ITEMS];\n"
    "    size_t n_got;\n"
    "    unsigned char pool[4096]; /* scratch() memory */\n"
    "    size_t used;\n"
    "};\n"
    "\n"
    "static const char *t_option(ann_open_ctx *ctx, const char *key)\n"
    "{\n"
    "    if (strcmp(key, \"words\") == 0)\n"
    "        return ctx->words != NULL ? ctx->words : \"annotate,plugin\";\n"
    "    return NULL;\n"
    "}\n"
    "\n"
    "static const char *t_data_dir(ann_open_ctx *ctx)\n"
    "{\n"
    "    (void)ctx;\n"
    "    return \".\";\n"
    "}\n"
    "\n"
    "static void t_report(const char *fmt, va_list ap)\n"
    "{\n"
    "    fputs(\"  plugin says: \", stderr);\n"
    "    vfprintf(stderr, fmt, ap);\n"
    "    fputc('\\n', stderr);\n"
    "}\n"
    "\n"
    "static void t_open_error(ann_open_ctx *ctx, const char *fmt, ...)\n"
    "{\n"
    "    va_list ap;\n"
    "    (void)ctx;\n"
    "    va_start(ap, fmt);\n"
    "    t_report(fmt, ap);\n"
    "    va_end(ap);\n"
    "}\n"
    "\n"
    "static void t_doc_error(ann_doc *doc, const char *fmt, ...)\n"
    "{\n"
    "    va_list ap;\n"
    "    (void)doc;\n"
    "    va_start(ap, fmt);\n"
    "    t_report(fmt, ap);\n"
    "    va_end(ap);\n"
    "}\n"
    "\n"
    "static const char *t_text(ann_doc *doc, size_t *len)\n"
    "{\n"
    "    if (len != NULL)\n"
    "        *len = strlen(doc->text);\n"
    "    return doc->text;\n"
    "}\n"
    "\n"
    "static const char *t_path(ann_doc *doc)\n"
    "{\n"
    "    (void)doc;\n"
    "    return \"test\";\n"
    "}\n"
    "\n"
    "static const ann_token *t_tokens(ann_doc *doc, size_t *n)\n"
    "{\n"
    "    *n = doc->n_tokens;\n"
    "    return doc->tokens;\n"
    "}\n"
    "\n"
    "static const ann_region *t_regions(ann_doc *doc, size_t *n)\n"
    "{\n"
    "    *n = 1;\n"
    "    return &doc->all;\n"
    "}\n"
    "\n"
    "static const ann_span *t_spans(ann_doc *doc, const char *layer, size_t *n)\n"
    "{\n"
    "    (void)doc;\n"
    "    (void)layer;\n"
    "    *n = 0;\n"
    "    return NULL;\n"
    "}\n"
    "\n"
    "static int t_emit(ann_doc *doc, const ann_new_span *s, uint32_t *id)\n"
    "{\n"
    "    if (s->start >= s->end || s->end > strlen(doc->text) || doc->n_got == MAX_ITEMS)\n"
    "        return ANN_EINVAL;\n"
    "    doc->got[doc->n_got].start = s->start;\n"
    "    doc->got[doc->n_got].end = s->end;\n"
    "    snprintf(doc->got[doc->n_got].label, sizeof doc->got[0].label, \"%s\", s->label);\n"
    "    doc->got[doc->n_got].word[0] = '\\0';\n"
    "    for (size_t k = 0; k < s->n_attrs; k++)\n"
    "        if (strcmp(s->attrs[k].key, \"word\") == 0)\n"
    "            snprintf(doc->got[doc->n_got].word, sizeof doc->got[0].word, \"%s\", s->attrs[k].value);\n"
    "    if (id != NULL)\n"
    "        *id = (uint32_t)doc->n_got;\n"
    "    doc->n_got++;\n"
    "    return ANN_OK;\n"
    "}\n"
    "\n"
    "static void *t_scratch(ann_doc *doc, size_t size)\n"
    "{\n"
    "    size = (size + 15) & ~(size_t)15;\n"
    "    if (size > sizeof doc->pool - doc->used)\n"
    "        return NULL;\n"
    "    void *p = doc->pool + doc->used;\n"
    "    doc->used += size;\n"
    "    return p;\n"
    "}\n"
    "\n"
    "static int t_set_meta(ann_doc *doc, const char *key, const char *value)\n"
    "{\n"
    "    (void)doc;\n"
    "    (void)key;\n"
    "    (void)value;\n"
    "    return ANN_OK;\n"
    "}\n"
    "\n"
    "static const char *t_reference_date(ann_doc *doc)\n"
    "{\n"
    "    (void)doc;\n"
    "    return NULL;\n"
    "}\n"
    "\n"
    "static const ann_host t_host = {\n"
    "    ANN_ABI_VERSION, (uint32_t)sizeof(ann_host), t_option, t_data_dir, t_open_error, t_text, t_path,\n"
    "    t_tokens, t_regions, t_regions, t_spans, t_emit, t_scratch, t_set_meta, t_reference_date,\n"
    "    t_doc_error, t_doc_error,\n"
    "    NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, /* ABI 2: unused here */\n"
    "};\n"
    "\n"
    "/* A stand-in for the host's tokenizer: runs of ASCII letters are words, every\n"
    " * other non-space byte is a token of its own. */\n"
    "static void t_tokenize(ann_doc *doc)\n"
    "{\n"
    "    const char *t = doc->text;\n"
    "    size_t i = 0, len = strlen(t);\n"
    "    while (i < len && doc->n_tokens < MAX_ITEMS) {\n"
    "        size_t s = i;\n"
    "        int letter = (t[i] | 32) >= 'a' && (t[i] | 32) <= 'z';\n"
    "        if (t[i] == ' ') {\n"
    "            i++;\n"
    "            continue;\n"
    "        }\n"
    "        if (letter)\n"
    "            while (i < len && (t[i] | 32) >= 'a' && (t[i] | 32) <= 'z')\n"
    "                i++;\n"
    "        else\n"
    "            i++;\n"
    "        ann_token tok = {(uint32_t)s, (uint32_t)i, letter ? ANN_TOK_WORD : ANN_TOK_PUNCT, 0, 0};\n"
    "        doc->tokens[doc->n_tokens++] = tok;\n"
    "    }\n"
    "    doc->all.start = 0;\n"
    "    doc->all.end = (uint32_t)len;\n"
    "    doc->all.tok_begin = 0;\n"
    "    doc->all.tok_end = (uint32_t)doc->n_tokens;\n"
    "}\n"
    "\n"
    "static int failures;\n"
    "\n"
    "static void expect(int ok, const char *what)\n"
    "{\n"
    "    printf(\"%s: %s\\n\", ok ? \"PASS\" : \"FAIL\", what);\n"
    "    failures += !ok;\n"
    "}\n"
    "\n"
    "/* Runs the plugin with option words (NULL: default) over text; 0 when open fails. */\n"
    "static int run(const char *words, const char *text, ann_doc *doc)\n"
    "{\n"
    "    const ann_plugin *pl = ann_plugin_@NAME@();\n"
    "    ann_open_ctx ctx = {words};\n"
    "    void *state = NULL;\n"
    "    memset(doc, 0, sizeof *doc);\n"
    "    doc->text = text;\n"
    "    t_tokenize(doc);\n"
    "    if (pl->open(&t_host, &ctx, &state) != ANN_OK)\n"
    "        return 0;\n"
    "    int rc = pl->annotate(state, doc);\n"
    "    if (pl->close != NULL)\n"
    "        pl->close(state);\n"
    "    return rc == ANN_OK;\n"
    "}\n"
    "\n"
    "int main(void)\n"
    "{\n"
    "    static ann_doc doc; /* big: keep it off the stack */\n"
    "    const ann_plugin *pl = ann_plugin_@NAME@();\n"
    "\n"
    "    expect(pl->abi_version == ANN_ABI_VERSION && strcmp(pl->name, \"@NAME@\") == 0,\n"
    "           \"descriptor has our ABI and name\");\n"
    "\n"
    "    expect(run(\"alpha,beta\", \"Alpha, then beta; not alphabet.\", &doc), \"open and annotate succeed\");\n"
    "    expect(doc.n_got == 2, \"two words of the list are found\");\n"
    "    expect(doc.n_got >= 1 && doc.got[0].start == 0 && doc.got[0].end == 5 &&\n"
    "               strcmp(doc.got[0].word, \"alpha\") == 0 && strcmp(doc.got[0].label, \"MATCH\") == 0,\n"
    "           \"\\\"Alpha\\\" is marked, case ignored, with word=alpha\");\n"
    "    expect(doc.n_got >= 2 && doc.got[1].start == 12 && doc.got[1].end == 16, \"\\\"beta\\\" is marked\");\n"
    "\n"
    "    expect(run(NULL, \"A plugin for annotate.\", &doc) && doc.n_got == 2, \"the default list is used\");\n"
    "    expect(!run(\",,\", \"text\", &doc), \"an empty word list is refused at open\");\n"
    "\n"
    "    printf(\"%s\\n\", failures == 0 ? \"all passed\" : \"some failed\");\n"
    "    return failures == 0 ? 0 : 1;\n"
    "}\n";

/* Makefile (GNU make): pkg-config first, ANNOTATE_INCLUDE when given. */
static const char np_makefile[] =
    "# Makefile of the @NAME@ plugin for annotate (GNU make).\n"
    "#\n"
    "#   make              builds @NAME@.so\n"
    "#   make check        builds and runs the unit test test_@NAME@\n"
    "#   make install      copies @NAME@.so into annotate's plugin folder\n"
    "#\n"
    "# The header annotate/plugin.h is found with pkg-config (annotate-plugin.pc is\n"
    "# installed with annotate; set PKG_CONFIG_PATH if annotate lives under a\n"
    "# prefix pkg-config does not search).  Without an installed annotate, name the\n"
    "# folder that holds annotate/plugin.h, e.g. in annotate's source tree:\n"
    "#\n"
    "#   make ANNOTATE_INCLUDE=/path/to/annotate/core/include\n"
    "#\n"
    "# A plugin links nothing from annotate: the host hands it a function table.\n"
    "\n"
    "NAME = @NAME@\n"
    "CFLAGS ?= -O2 -g\n"
    "WARNINGS = -Wall -Wextra -Wmissing-prototypes\n"
    "\n"
    "ifdef ANNOTATE_INCLUDE\n"
    "ANNOTATE_CFLAGS = -I$(ANNOTATE_INCLUDE)\n"
    "else\n"
    "ANNOTATE_CFLAGS := $(shell pkg-config --cflags annotate-plugin 2>/dev/null || echo missing)\n"
    "ifeq ($(ANNOTATE_CFLAGS),missing)\n"
    "$(error annotate-plugin.pc not found: install annotate, set PKG_CONFIG_PATH, or run make ANNOTATE_INCLUDE=DIR)\n"
    "endif\n"
    "endif\n"
    "PLUGINDIR ?= $(shell pkg-config --variable=plugindir annotate-plugin 2>/dev/null)\n"
    "\n"
    "# -fvisibility=hidden: only ann_plugin_$(NAME), marked ANN_EXPORT, is visible.\n"
    "ALL_CFLAGS = -std=c11 $(WARNINGS) $(ANNOTATE_CFLAGS) $(CPPFLAGS) $(CFLAGS)\n"
    "\n"
    "all: $(NAME).so\n"
    "\n"
    "$(NAME).so: $(NAME).c\n"
    "\t$(CC) $(ALL_CFLAGS) -fPIC -fvisibility=hidden -shared -o $@ $(NAME).c $(LDFLAGS)\n"
    "\n"
    "test_$(NAME): test_$(NAME).c $(NAME).c\n"
    "\t$(CC) $(ALL_CFLAGS) -o $@ test_$(NAME).c $(NAME).c $(LDFLAGS)\n"
    "\n"
    "check: test_$(NAME)\n"
    "\t./test_$(NAME)\n"
    "\n"
    "install: $(NAME).so\n"
    "\t@test -n \"$(PLUGINDIR)\" || { echo \"no plugin folder: run make install PLUGINDIR=DIR\" >&2; exit 1; }\n"
    "\tmkdir -p \"$(DESTDIR)$(PLUGINDIR)\"\n"
    "\tcp $(NAME).so \"$(DESTDIR)$(PLUGINDIR)/\"\n"
    "\n"
    "clean:\n"
    "\trm -f $(NAME).so test_$(NAME)\n"
    "\n"
    ".PHONY: all check install clean\n";

/* README.md: how to build, test, load and change it. */
static const char np_readme[] =
    "# @NAME@: a plugin for annotate\n"
    "\n"
    "Made by `annotate new-plugin @NAME@`.  As generated, it marks the words of a\n"
    "word list with the label `MATCH` (attribute `word`: the list entry).  It is a\n"
    "starting point: put your own detection into `@NAME@_annotate()` in `@NAME@.c`.\n"
    "\n"
    "## Build, test, run\n"
    "\n"
    "    make                      # builds @NAME@.so (header found with pkg-config annotate-plugin)\n"
    "    make check                # runs test_@NAME@.c, a unit test that plays the host itself\n"
    "    annotate plugins -P .     # the plugin is listed\n"
    "    annotate -P . -p @NAME@ -O @NAME@.words=alliance,board -o out FILE.txt\n"
    "\n"
    "Without an installed annotate, point the build at the header in annotate's\n"
    "source tree: `make ANNOTATE_INCLUDE=/path/to/annotate/core/include`.\n"
    "`make install` copies `@NAME@.so` into annotate's plugin folder (from\n"
    "`pkg-config --variable=plugindir annotate-plugin`), after which `-P` is not needed;\n"
    "`ANNOTATE_PLUGIN_PATH` is the other way to point annotate at a folder.\n"
    "\n"
    "## Options\n"
    "\n"
    "| option | default | meaning |\n"
    "|---|---|---|\n"
    "| `@NAME@.words` | `annotate,plugin` | comma-separated words to mark, ASCII case ignored |\n"
    "\n"
    "## Things to keep when you change it\n"
    "\n"
    "- The shared object is `@NAME@.so` and exports one function, `ann_plugin_@NAME@`:\n"
    "  the host derives the entry's name from the file name.  Renaming means both.\n"
    "- `open()` builds the state and is the only place that writes it.  `annotate()`\n"
    "  runs on several threads at once with that state, so it keeps everything else\n"
    "  in locals or in `host->scratch()` memory (freed by the host afterwards).\n"
    "- `emit()` copies the span and its strings.  Spans are byte offsets into the\n"
    "  text view, end exclusive, on UTF-8 character boundaries, with a declared label.\n"
    "- Report failures with `host->open_error()` / `host->doc_error()` and return an\n"
    "  error code; never exit or print.\n"
    "- To read another plugin's spans, list it in `needs` and call `host->spans()`.\n"
    "\n"
    "annotate's `doc/plugin-guide.md` explains the ABI, versioning and testing.\n";

/* The files written, in order: name pattern and template. */
static const struct np_file {
    const char *pattern; /* file name, "@NAME@" replaced */
    const char *text;
} np_files[] = {
    {"@NAME@.c", np_plugin_c},
    {"test_@NAME@.c", np_test_c},
    {"Makefile", np_makefile},
    {"README.md", np_readme},
};

#define NP_N_FILES (sizeof np_files / sizeof np_files[0])

static void np_usage(FILE *out)
{
    fputs("usage: annotate new-plugin NAME [DIR]\n"
          "Writes DIR (default ./annotate-NAME) with NAME.c, a plugin that builds and loads,\n"
          "test_NAME.c, a Makefile (pkg-config annotate-plugin, or ANNOTATE_INCLUDE=DIR) and a\n"
          "README.md.  NAME is a lower-case letter followed by lower-case letters, digits or '_'.\n"
          "Existing files are never overwritten.\n",
          out);
}

/* tmpl with every "@NAME@" replaced by name.  Caller frees with free(). */
static char *np_expand(const char *tmpl, const char *name)
{
    static const char key[] = "@NAME@";
    size_t klen = sizeof key - 1, nlen = strlen(name), count = 0;
    for (const char *p = strstr(tmpl, key); p != NULL; p = strstr(p + klen, key))
        count++;
    size_t size = strlen(tmpl) + count * nlen + 1; /* names are short: no overflow */
    char *out = malloc(size);
    if (out == NULL)
        return NULL;
    char *o = out;
    const char *p = tmpl;
    for (const char *hit = strstr(p, key); hit != NULL; hit = strstr(p, key)) {
        memcpy(o, p, (size_t)(hit - p));
        o += hit - p;
        memcpy(o, name, nlen);
        o += nlen;
        p = hit + klen;
    }
    strcpy(o, p);
    return out;
}

/* dir/file as a new string.  Caller frees with free(). */
static char *np_join(const char *dir, const char *file)
{
    size_t n = strlen(dir) + 1 + strlen(file) + 1;
    char *out = malloc(n);
    if (out != NULL)
        snprintf(out, n, "%s/%s", dir, file);
    return out;
}

/* mkdir -p: creates dir and its missing parents.  0 or -1 with errno set. */
static int np_mkdirs(const char *dir)
{
    char *copy = malloc(strlen(dir) + 1);
    if (copy == NULL)
        return -1;
    strcpy(copy, dir);
    int rc = 0;
    for (char *p = copy + 1; rc == 0; p++) {
        if (*p != '/' && *p != '\0')
            continue;
        char saved = *p;
        *p = '\0';
        if (mkdir(copy, 0777) != 0 && errno != EEXIST)
            rc = -1;
        *p = saved;
        if (saved == '\0')
            break;
    }
    free(copy);
    if (rc == 0) {
        struct stat st;
        if (stat(dir, &st) != 0)
            return -1;
        if (!S_ISDIR(st.st_mode)) {
            errno = ENOTDIR;
            return -1;
        }
    }
    return rc;
}

/* Writes text to a file that must not exist yet (O_EXCL, so a file that
 * appeared since the check is not overwritten either).  0 or -1 with errno. */
static int np_write_new(const char *path, const char *text)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0666);
    if (fd < 0)
        return -1;
    FILE *f = fdopen(fd, "w");
    if (f == NULL) {
        int e = errno;
        close(fd);
        errno = e;
        return -1;
    }
    size_t len = strlen(text);
    int ok = fwrite(text, 1, len, f) == len;
    int e = errno;
    if (fclose(f) != 0) {
        ok = 0;
        e = errno;
    }
    errno = e;
    return ok ? 0 : -1;
}

int ann_cmd_new_plugin(int argc, char **argv)
{
    const char *name = NULL, *dir = NULL;
    int only_args = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!only_args && (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0)) {
            np_usage(stdout);
            return 0;
        }
        if (!only_args && strcmp(a, "--") == 0) {
            only_args = 1;
        } else if (!only_args && a[0] == '-' && a[1] != '\0') {
            fprintf(stderr, "annotate new-plugin: unknown option '%s'\n", a);
            np_usage(stderr);
            return 2;
        } else if (name == NULL) {
            name = a;
        } else if (dir == NULL) {
            dir = a;
        } else {
            fprintf(stderr, "annotate new-plugin: too many arguments ('%s')\n", a);
            np_usage(stderr);
            return 2;
        }
    }
    if (name == NULL) {
        fprintf(stderr, "annotate new-plugin: missing NAME\n");
        np_usage(stderr);
        return 2;
    }
    if (!ann_plugin_name_ok(name, strlen(name))) {
        fprintf(stderr,
                "annotate new-plugin: invalid plugin name '%s': use a lower-case letter followed by lower-case "
                "letters, digits or '_' (at most %d characters); it becomes the file name NAME.so and the C "
                "function ann_plugin_NAME\n",
                name, ANN_NAME_MAX);
        return 2;
    }
    if (dir != NULL && dir[0] == '\0') {
        fprintf(stderr, "annotate new-plugin: empty DIR\n");
        return 2;
    }

    int status = 1;
    char *default_dir = NULL;
    char *paths[NP_N_FILES] = {NULL};
    char *texts[NP_N_FILES] = {NULL};
    size_t written = 0;

    if (dir == NULL) {
        default_dir = np_expand("annotate-@NAME@", name);
        if (default_dir == NULL)
            goto nomem;
        dir = default_dir;
    }
    for (size_t i = 0; i < NP_N_FILES; i++) {
        char *file = np_expand(np_files[i].pattern, name);
        paths[i] = file != NULL ? np_join(dir, file) : NULL;
        free(file);
        texts[i] = np_expand(np_files[i].text, name);
        if (paths[i] == NULL || texts[i] == NULL)
            goto nomem;
    }

    /* Check all four before writing any, so a refusal leaves nothing behind. */
    for (size_t i = 0; i < NP_N_FILES; i++) {
        struct stat st;
        if (lstat(paths[i], &st) == 0) {
            fprintf(stderr, "annotate new-plugin: %s already exists; nothing written (choose another DIR or NAME)\n",
                    paths[i]);
            goto out;
        }
    }
    if (np_mkdirs(dir) != 0) {
        fprintf(stderr, "annotate new-plugin: cannot create folder %s: %s\n", dir, strerror(errno));
        goto out;
    }
    for (; written < NP_N_FILES; written++) {
        if (np_write_new(paths[written], texts[written]) != 0) {
            fprintf(stderr, "annotate new-plugin: cannot write %s: %s\n", paths[written], strerror(errno));
            /* Take back what this run wrote; a file that existed stays (O_EXCL). */
            if (errno != EEXIST)
                unlink(paths[written]);
            for (size_t k = 0; k < written; k++)
                unlink(paths[k]);
            goto out;
        }
    }
    printf("created %s: %s.c test_%s.c Makefile README.md\n"
           "next:\n"
           "  cd %s && make && make check   (header: pkg-config annotate-plugin, or make ANNOTATE_INCLUDE=DIR)\n"
           "  annotate -P %s -p %s FILE.txt\n",
           dir, name, name, dir, dir, name);
    status = 0;
    goto out;

nomem:
    fprintf(stderr, "annotate new-plugin: out of memory\n");
out:
    for (size_t i = 0; i < NP_N_FILES; i++) {
        free(paths[i]);
        free(texts[i]);
    }
    free(default_dir);
    return status;
}
