/*
 * annotate/plugin.h -- the plugin ABI of annotate.
 *
 * This is the only header a plugin author needs.  A plugin is a shared object
 * that exports exactly one function,
 *
 *     const ann_plugin *ann_plugin_NAME(void);
 *
 * where NAME is the file name without its extension ("numbers.so" exports
 * ann_plugin_numbers).  Naming the entry after the file, as SQLite does for
 * its loadable extensions, lets many plugins be linked into one test binary.
 * Nothing may run at dlopen time: the entry only returns a pointer to a
 * constant descriptor.
 *
 * The plugin never links against the host.  Everything it may ask of the host
 * reaches it through the function table (ann_host) handed to open().  The
 * table only grows at its end; each member added after ABI 1 says which ABI
 * added it, and a plugin checks host->size before using a newer member.
 *
 * Offsets.  Every offset a plugin sees or emits is a byte offset into the
 * document's *text view*, end exclusive.  For plain text the view is the file
 * itself (after a UTF-8 BOM).  For Markdown and HTML it is the prose with the
 * markup removed; the host maps every span back to offsets in the original
 * file, so a plugin never needs to know which format it read.
 *
 * Threads.  The host annotates several documents at once.  open() and close()
 * run once per run on one thread; annotate() runs concurrently on many, with
 * the same state pointer.  So the state built in open() must be read-only
 * afterwards, and per-document memory comes from host->scratch().
 *
 * Ownership is stated at each declaration in one of three ways: "copies"
 * (the callee keeps its own copy), "borrowed until ..." (the pointer stays
 * valid until the named event), or "caller frees with ...".
 */
#ifndef ANNOTATE_PLUGIN_H
#define ANNOTATE_PLUGIN_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ABI version this header describes.  A host accepts descriptors whose
 * abi_version lies in [ANN_ABI_MIN, ANN_ABI_VERSION] of the host's header.
 *
 * ABI 2 appended, without moving anything of ABI 1: annotate_v2() (the host
 * reaches every callback), text services in the host table (UTF-8 decoding,
 * character classes, case folding, growable scratch memory), span, token and
 * region structs that carry their size, and the `subsumes` merge rule.  A
 * version 1 plugin still loads: the host calls its annotate() and never
 * reads past the size its descriptor declares.
 *
 * ABI 3 appended four open-time members to the host table, declare_label(),
 * declare_need(), set_layer() and option_at(): a plugin whose labels, needs
 * or layer name come from its options (rule files) declares them while it
 * opens, and reads every value of an option given several times.
 * The descriptor did not change, so ABI 1 and 2 plugins load as before.
 *
 * ABI 4 appended the document's syntax trees: syntax_language() (any time)
 * hands out the tree-sitter grammars the readers use, syntax_trees() the
 * trees of a Markdown or HTML document, source() the file's bytes they
 * were parsed from, and source_to_text() maps their byte offsets to the
 * text view.  A plugin that queries the trees links
 * libtree-sitter itself, never the host.  Nothing else changed. */
#define ANN_ABI_VERSION 4
#define ANN_ABI_MIN 1

#if defined(__GNUC__) || defined(__clang__)
#define ANN_PRINTF(fmt, args) __attribute__((format(printf, fmt, args)))
#define ANN_EXPORT __attribute__((visibility("default")))
#else
#define ANN_PRINTF(fmt, args)
#define ANN_EXPORT
#endif

/* Status codes returned by plugin callbacks and host functions. */
typedef enum ann_status {
    ANN_OK = 0,
    ANN_ERROR = -1,  /* generic failure; a message was reported */
    ANN_ENOMEM = -2, /* out of memory */
    ANN_EINVAL = -3, /* invalid argument (bad option value, bad span ...) */
    ANN_EIO = -4     /* a file could not be read */
} ann_status;

/* Opaque handles owned by the host. */
typedef struct ann_open_ctx ann_open_ctx; /* valid during open() only */
typedef struct ann_doc ann_doc;           /* valid during one annotate() call */

/* ---- Document structure ------------------------------------------------ */

/* Token kinds. */
enum {
    ANN_TOK_WORD = 1,   /* letters, possibly with inner hyphens/apostrophes/periods (U.S.) */
    ANN_TOK_NUMBER = 2, /* digits, with separators and decimals: 85,810  3.5  1/2 */
    ANN_TOK_PUNCT = 3,  /* punctuation, quotes, dashes, ellipses */
    ANN_TOK_SYMBOL = 4, /* other symbols: $ % & € ° ... */
    ANN_TOK_OTHER = 5   /* anything else, e.g. emoji, mixed alphanumerics (A320) */
};

/* Token flags (bit set). */
enum {
    ANN_TOKF_SPACE_BEFORE = 1u << 0, /* white space precedes the token */
    ANN_TOKF_SENT_START = 1u << 1,   /* first token of a sentence */
    ANN_TOKF_PARA_START = 1u << 2,   /* first token of a paragraph / block */
    ANN_TOKF_UPPER_INIT = 1u << 3,   /* first character is an uppercase letter */
    ANN_TOKF_ALL_UPPER = 1u << 4,    /* has letters, all uppercase */
    ANN_TOKF_HAS_DIGIT = 1u << 5     /* contains at least one digit */
};

/* One token: a byte range of the text view. */
typedef struct ann_token {
    uint32_t start;    /* byte offset, inclusive */
    uint32_t end;      /* byte offset, exclusive */
    uint16_t kind;     /* ANN_TOK_* */
    uint16_t flags;    /* ANN_TOKF_* */
    uint32_t sentence; /* index of the sentence holding the token */
} ann_token;

/* A sentence or a paragraph: a byte range and the tokens inside it. */
typedef struct ann_region {
    uint32_t start;     /* byte offset of the first token (or region start) */
    uint32_t end;       /* byte offset, exclusive */
    uint32_t tok_begin; /* index of the first token */
    uint32_t tok_end;   /* index one past the last token */
} ann_region;

/* ---- Spans --------------------------------------------------------------- */

/* A key/value attribute.  Both strings are UTF-8, NUL-terminated. */
typedef struct ann_attr {
    const char *key;
    const char *value;
} ann_attr;

/* A link from one span to another, e.g. a quote's "speaker". */
typedef struct ann_link {
    const char *role; /* e.g. "speaker" */
    uint32_t target;  /* id of the target span (see ann_span.id) */
} ann_link;

/* A span as a plugin reads it back from the host (earlier layers, or its own
 * layer so far).  All pointers are borrowed until annotate() returns. */
typedef struct ann_span {
    uint32_t id;         /* unique within the document, assigned by the host */
    uint32_t start, end; /* byte offsets in the text view */
    const char *layer;   /* name of the plugin that emitted it */
    const char *label;   /* one of that plugin's declared labels */
    const ann_attr *attrs;
    size_t n_attrs;
    const ann_link *links;
    size_t n_links;
} ann_span;

/* A span a plugin hands to host->emit().  The host copies every field and
 * string, so the caller may reuse or free the memory right after emit(). */
typedef struct ann_new_span {
    uint32_t start, end; /* byte offsets in the text view, start < end */
    const char *label;   /* must be one of the plugin's declared labels */
    const ann_attr *attrs;
    size_t n_attrs;
    const ann_link *links; /* targets must be ids of spans already emitted */
    size_t n_links;
} ann_new_span;

/* ---- ABI 2: structs that carry their size ------------------------------- */

/* A span a plugin hands to host->emit_v2().  `size` is sizeof the struct as
 * the plugin was built (ANN_NEW_SPAN_V2_INIT sets it), so later ABIs can
 * append fields and the host reads only what the plugin knows of.  The host
 * copies every field and string, as emit() does. */
typedef struct ann_new_span_v2 {
    uint32_t size;         /* sizeof(ann_new_span_v2) of the plugin */
    uint32_t start, end;   /* byte offsets in the text view, start < end */
    const char *label;     /* must be one of the plugin's declared labels */
    const ann_attr *attrs; /* n_attrs pairs; a NULL value is stored as "" */
    size_t n_attrs;
    const ann_link *links; /* targets must be ids of spans already emitted */
    size_t n_links;
} ann_new_span_v2;

/* clang-format off */
#define ANN_NEW_SPAN_V2_INIT {(uint32_t)sizeof(ann_new_span_v2), 0, 0, NULL, NULL, 0, NULL, 0}
/* clang-format on */

/* One token, as host->tokens_v2() gives it.  `size` is the element size the
 * host laid the array out with, which is the size the plugin asked for. */
typedef struct ann_token_v2 {
    uint32_t size;      /* sizeof(ann_token_v2) the plugin asked for */
    uint32_t start;     /* byte offset, inclusive */
    uint32_t end;       /* byte offset, exclusive */
    uint16_t kind;      /* ANN_TOK_* */
    uint16_t flags;     /* ANN_TOKF_* */
    uint32_t sentence;  /* index of the sentence holding the token */
    uint32_t paragraph; /* index of the paragraph holding the token */
} ann_token_v2;

/* A sentence or a paragraph, as host->sentences_v2()/paragraphs_v2() give it. */
typedef struct ann_region_v2 {
    uint32_t size;      /* sizeof(ann_region_v2) the plugin asked for */
    uint32_t start;     /* byte offset of the first token (or region start) */
    uint32_t end;       /* byte offset, exclusive */
    uint32_t tok_begin; /* index of the first token */
    uint32_t tok_end;   /* index one past the last token */
} ann_region_v2;

/* ---- ABI 4: syntax trees ----------------------------------------------- */

/* One tree-sitter syntax tree of the document, as host->syntax_trees()
 * gives it.  A Markdown document has one tree of the block grammar
 * ("markdown") and one tree of the inline grammar ("markdown_inline") for
 * each inline node and table cell of it, in document order; an HTML
 * document has one tree ("html"); a plain-text document has none.
 * `language` and `tree` are a `const TSLanguage *` and a `const TSTree *`
 * of the tree-sitter C API (<tree_sitter/api.h>), typed void here so that
 * this header needs no tree-sitter.  A node's byte offsets plus
 * `source_offset` are offsets of the source file; host->source_to_text()
 * turns them into text-view offsets. */
typedef struct ann_syntax_tree {
    uint32_t size;          /* sizeof(ann_syntax_tree) the plugin asked for */
    uint32_t source_offset; /* the source byte where the tree's byte 0 lies */
    const char *grammar;    /* "markdown", "markdown_inline" or "html" */
    const void *language;   /* the grammar, as syntax_language(grammar) answers */
    const void *tree;       /* const TSTree *; read it, never edit or free it */
} ann_syntax_tree;

/* Character class bits answered by host->char_class() (ABI 2).  A code point
 * may have several (an uppercase letter is ANN_CHAR_LETTER|ANN_CHAR_UPPER). */
enum {
    ANN_CHAR_SPACE = 1u << 0,   /* Unicode White_Space: tab, newline, U+00A0, U+2009, U+202F, ... */
    ANN_CHAR_LETTER = 1u << 1,  /* L* */
    ANN_CHAR_UPPER = 1u << 2,   /* Lu, Lt */
    ANN_CHAR_LOWER = 1u << 3,   /* Ll */
    ANN_CHAR_DIGIT = 1u << 4,   /* Nd (0-9 and the decimal digits of other scripts) */
    ANN_CHAR_NUMBER = 1u << 5,  /* Nl, No: ½ ² Ⅳ */
    ANN_CHAR_MARK = 1u << 6,    /* M*: combining marks, part of the word before */
    ANN_CHAR_PUNCT = 1u << 7,   /* P* */
    ANN_CHAR_DASH = 1u << 8,    /* Pd: - – — */
    ANN_CHAR_QUOTE = 1u << 9,   /* quotation marks: " ' and Pi, Pf (“ ” ‘ ’ « ») */
    ANN_CHAR_SYMBOL = 1u << 10, /* S* */
    ANN_CHAR_CURRENCY = 1u << 11, /* Sc: $ € £ ¥ */
    ANN_CHAR_NEWLINE = 1u << 12   /* line breaks: LF, VT, FF, CR, U+0085, U+2028, U+2029 */
};

/* ---- The host function table -------------------------------------------- */

typedef struct ann_host {
    uint32_t abi_version; /* ABI of the host */
    uint32_t size;        /* sizeof(ann_host) in the host */

    /* -- during open() ------------------------------------------------------ */

    /* Value of a declared option: the user's -O value, else the declared
     * default (which may be NULL).  Borrowed until close(). */
    const char *(*option)(ann_open_ctx *ctx, const char *key);

    /* Folder holding the plugin's data files (models, word lists): in the
     * build tree its source folder, when installed $(pkgdatadir)/NAME, for an
     * out-of-tree plugin the folder of its shared object.  Borrowed until
     * close(). */
    const char *(*data_dir)(ann_open_ctx *ctx);

    /* Report why open() fails; the host prints it with the plugin's file name.
     * Copies the formatted message. */
    void (*open_error)(ann_open_ctx *ctx, const char *fmt, ...) ANN_PRINTF(2, 3);

    /* -- during annotate() -------------------------------------------------- */

    /* The text view, NUL-terminated; *len (if not NULL) receives its length in
     * bytes.  Borrowed until annotate() returns. */
    const char *(*text)(ann_doc *doc, size_t *len);

    /* Path of the document as given on the command line.  Borrowed until
     * annotate() returns. */
    const char *(*path)(ann_doc *doc);

    /* Shared tokens, sentences and paragraphs, computed once per document.
     * *n receives the count.  Borrowed until annotate() returns. */
    const ann_token *(*tokens)(ann_doc *doc, size_t *n);
    const ann_region *(*sentences)(ann_doc *doc, size_t *n);
    const ann_region *(*paragraphs)(ann_doc *doc, size_t *n);

    /* Spans emitted so far by the plugin named `layer` (which must be one of
     * this plugin's `needs`, or the plugin itself), sorted by start, then
     * longer first.  *n receives the count; an unknown layer gives 0.
     * Borrowed until annotate() returns. */
    const ann_span *(*spans)(ann_doc *doc, const char *layer, size_t *n);

    /* Emit one span.  Copies everything.  On success returns ANN_OK and, if
     * id is not NULL, stores the new span's id.  A span out of bounds, not on
     * UTF-8 character boundaries, with an undeclared label or a dangling link
     * is refused with ANN_EINVAL and reported under the plugin's name; the
     * plugin may go on. */
    int (*emit)(ann_doc *doc, const ann_new_span *span, uint32_t *id);

    /* Per-document scratch memory, zeroed, aligned for any type.  The host
     * frees all of it when annotate() returns: never free it yourself.
     * Returns NULL when memory runs out. */
    void *(*scratch)(ann_doc *doc, size_t size);

    /* Record a document-level fact in the output's "meta" object, e.g.
     * ("reference_date", "2023-02-07").  Copies both strings.  Both must be
     * UTF-8: otherwise nothing is recorded, the host reports it and
     * ANN_EINVAL is returned. */
    int (*set_meta)(ann_doc *doc, const char *key, const char *value);

    /* The reference date given with --reference-date (YYYY-MM-DD), or NULL.
     * Borrowed until annotate() returns. */
    const char *(*reference_date)(ann_doc *doc);

    /* Report why annotate() fails for this document (return ANN_ERROR after
     * it), or a warning that does not fail it.  The host prints the message
     * with the plugin's name and the document's path.  Copies the message. */
    void (*doc_error)(ann_doc *doc, const char *fmt, ...) ANN_PRINTF(2, 3);
    void (*doc_warn)(ann_doc *doc, const char *fmt, ...) ANN_PRINTF(2, 3);

    /* -- ABI 2: text services (any time; they need no document) ---------- */

    /* Decodes the character at s[i] (i < len) and stores its length in
     * bytes in *n.  A byte that starts no well-formed sequence gives U+FFFD
     * with *n = 1, so a scan always advances.  Reentrant. */
    uint32_t (*decode)(const char *s, size_t len, size_t i, size_t *n);

    /* Decodes the character that ends just before s[i] (0 < i): *n gets its
     * length.  Reentrant. */
    uint32_t (*decode_prev)(const char *s, size_t i, size_t *n);

    /* The ANN_CHAR_* bits of a code point (0 for an unassigned one). */
    uint32_t (*char_class)(uint32_t cp);

    /* The simple case folding of a code point (Unicode CaseFolding.txt,
     * status C and S): 'A' -> 'a', 'Σ' -> 'σ', 'ẞ' -> 'ß'. */
    uint32_t (*fold_case)(uint32_t cp);

    /* -- ABI 2: during annotate() ----------------------------------------- */

    /* Case-folds s[0..len) (valid UTF-8) into the document's scratch
     * memory, NUL-terminated; *out_len (if not NULL) gets its length.
     * Returns NULL when memory runs out.  Borrowed until annotate() returns. */
    char *(*fold_text)(ann_doc *doc, const char *s, size_t len, size_t *out_len);

    /* Grows (or shrinks) a block from scratch() or scratch_grow() to
     * new_size bytes, keeping its first min(old_size, new_size) bytes and
     * zeroing the rest; ptr NULL allocates.  The old block must not be used
     * afterwards.  The newest block grows in place.  Returns NULL when
     * memory runs out (the old block stays valid).  Like scratch(), freed
     * by the host when annotate() returns. */
    void *(*scratch_grow)(ann_doc *doc, void *ptr, size_t old_size, size_t new_size);

    /* emit() for an ann_new_span_v2; the same checks and answers.  When the
     * host runs out of memory it answers ANN_ENOMEM and the document fails
     * (its other layers are still written): stop and return ANN_ENOMEM. */
    int (*emit_v2)(ann_doc *doc, const ann_new_span_v2 *span, uint32_t *id);

    /* Tokens, sentences and paragraphs with their sizes: pass
     * sizeof(ann_token_v2) or sizeof(ann_region_v2) as elem_size, and the
     * array is laid out with that element size.  NULL (and *n = 0) for an
     * element size the host does not know, or when memory runs out (the
     * host then fails the document, as for emit_v2: return ANN_ENOMEM).
     * Borrowed until annotate() returns. */
    const ann_token_v2 *(*tokens_v2)(ann_doc *doc, size_t elem_size, size_t *n);
    const ann_region_v2 *(*sentences_v2)(ann_doc *doc, size_t elem_size, size_t *n);
    const ann_region_v2 *(*paragraphs_v2)(ann_doc *doc, size_t elem_size, size_t *n);

    /* -- ABI 3: during open() --------------------------------------------- */

    /* Declares a label the plugin may emit, for a plugin whose labels come
     * from its options.  Copies the label: 1 to 64 ASCII letters, digits,
     * '_', '-' or '.'; declaring one twice is harmless.  When open()
     * succeeds, the declared labels *replace* the descriptor's `labels` for
     * the run (the descriptor's list is what `annotate plugins` shows).
     * Returns ANN_OK, ANN_EINVAL for a malformed label (its reason is then
     * the open() message unless open_error() is called after), ANN_ENOMEM. */
    int (*declare_label)(ann_open_ctx *ctx, const char *label);

    /* Declares a layer the plugin reads, in addition to the descriptor's
     * `needs`.  Copies the name.  When open() succeeds the host selects,
     * loads and opens that plugin if it is not selected yet, runs it first
     * and lets spans() read it, as for the descriptor's needs.  Answers as
     * declare_label() does; the name follows the plugin name rule. */
    int (*declare_need)(ann_open_ctx *ctx, const char *layer);

    /* Names the plugin's layer, instead of the plugin's name: the spans of
     * the run carry it, other plugins need it under it, and -O keeps the
     * plugin's name.  Copies the name, which follows the plugin name rule
     * and must not be another selected plugin's layer (the run then stops
     * with exit status 2).  Answers as declare_label() does. */
    int (*set_layer)(ann_open_ctx *ctx, const char *layer);

    /* For an option that may be given several times (-O rules.file=A
     * -O rules.file=B): the i-th value given for `key`, in command-line
     * order; with none given, i == 0 answers the declared default.  NULL
     * past the last one and for an undeclared key.  option() answers the
     * last value.  Borrowed until close(). */
    const char *(*option_at)(ann_open_ctx *ctx, const char *key, size_t i);

    /* -- ABI 4: syntax trees ---------------------------------------------- */

    /* The tree-sitter grammar the host reads `grammar` with ("markdown",
     * "markdown_inline", "html"), as a `const TSLanguage *`, or NULL for
     * another name.  Any time, so open() can compile queries with
     * ts_query_new() before any document.  Static: never freed.  A plugin
     * checks ts_language_version() against its own libtree-sitter. */
    const void *(*syntax_language)(const char *grammar);

    /* The syntax trees of the document (see ann_syntax_tree): pass
     * sizeof(ann_syntax_tree) as elem_size.  *n gets their count: 0 for a
     * plain-text document, with an answer that is not NULL.  The host
     * parses the source once per document, on the first call.  NULL (and
     * *n = 0) for an element size the host does not know, or when memory
     * runs out (the host then fails the document: return ANN_ENOMEM).
     * Borrowed until annotate() returns; the trees may be read by several
     * plugins, so never edit them. */
    const ann_syntax_tree *(*syntax_trees)(ann_doc *doc, size_t elem_size, size_t *n);

    /* The source file's bytes as read (a Markdown or HTML file with its
     * markup; a BOM included), NUL-terminated; *len (if not NULL) gets its
     * length.  What a node of a syntax tree spans is source[start +
     * source_offset .. end + source_offset).  Borrowed until annotate()
     * returns. */
    const char *(*source)(ann_doc *doc, size_t *len);

    /* Maps a byte offset of the source file to the text view: is_end 0
     * for a span's start (an offset inside markup moves forward to the
     * next text), 1 for its end (back to the end of the text before).  A
     * range of markup only thus maps to an empty one (end <= start). */
    size_t (*source_to_text)(ann_doc *doc, size_t source_offset, int is_end);

    /* A note about the run rather than this document ("query rules are
     * skipped on plain text"): the host prints it with the plugin's name,
     * once per run however many documents and worker processes say the
     * same text.  Copies the message. */
    void (*run_note)(ann_doc *doc, const char *fmt, ...) ANN_PRINTF(2, 3);
} ann_host;

/* True when the host table has member M (a plugin built against a newer
 * header than the host's checks before calling a member of ABI 2 or later). */
#define ANN_HOST_HAS(host, M) \
    ((host)->size >= offsetof(ann_host, M) + sizeof((host)->M) && (host)->M != NULL)

/* The ANN_CHAR_* bits of an ASCII byte, inline: most text is ASCII, and
 * this keeps a call through the table off the hot path.  The host's
 * char_class() gives the same answer for every code point below 0x80. */
static inline uint32_t ann_ascii_class(unsigned char c)
{
    if (c >= 'a' && c <= 'z')
        return ANN_CHAR_LETTER | ANN_CHAR_LOWER;
    if (c >= 'A' && c <= 'Z')
        return ANN_CHAR_LETTER | ANN_CHAR_UPPER;
    if (c >= '0' && c <= '9')
        return ANN_CHAR_DIGIT;
    if (c == ' ' || c == '\t')
        return ANN_CHAR_SPACE;
    if (c >= '\n' && c <= '\r')
        return ANN_CHAR_SPACE | ANN_CHAR_NEWLINE;
    if (c == '"' || c == '\'')
        return ANN_CHAR_PUNCT | ANN_CHAR_QUOTE;
    if (c == '-')
        return ANN_CHAR_PUNCT | ANN_CHAR_DASH;
    if (c == '$')
        return ANN_CHAR_SYMBOL | ANN_CHAR_CURRENCY;
    if (c == '+' || c == '<' || c == '=' || c == '>' || c == '^' || c == '`' || c == '|' ||
        c == '~')
        return ANN_CHAR_SYMBOL;
    if (c > ' ' && c < 0x7F)
        return ANN_CHAR_PUNCT;
    return 0;
}

/* Class bits of the character at s[i] (i < len), ASCII inline and the rest
 * through the host; *n gets the character's length in bytes. */
static inline uint32_t ann_class_at(const ann_host *host, const char *s, size_t len, size_t i,
                                    size_t *n)
{
    unsigned char c = (unsigned char)s[i];
    if (c < 0x80) {
        *n = 1;
        return ann_ascii_class(c);
    }
    return host->char_class(host->decode(s, len, i, n));
}

/* ---- The plugin descriptor --------------------------------------------- */

/* A declared option, set by the user as -O NAME.KEY=VALUE. */
typedef struct ann_option_decl {
    const char *key;           /* NULL ends the list */
    const char *default_value; /* may be NULL */
    const char *help;          /* one line, shown by `annotate plugins` */
} ann_option_decl;

typedef struct ann_plugin {
    uint32_t abi_version;           /* ANN_ABI_VERSION the plugin was built with */
    uint32_t size;                  /* sizeof(ann_plugin) the plugin was built with */
    const char *name;               /* also its layer name; matches the file name */
    const char *version;            /* the plugin's own version, e.g. "1.0.0" */
    const char *description;        /* one line */
    const char *const *labels;      /* NULL-terminated list of labels it emits */
    const char *const *needs;       /* NULL-terminated layers it reads, or NULL */
    const ann_option_decl *options; /* ended by key == NULL, or NULL */

    /* Build the plugin's shared read-only state.  `host` is borrowed until
     * close() returns.  On success store the state in *state (may be NULL)
     * and return ANN_OK; on failure call host->open_error() and return an
     * error code: the host then does not call close(). */
    int (*open)(const ann_host *host, ann_open_ctx *ctx, void **state);

    /* Annotate one document.  Reentrant: called concurrently with the same
     * state.  Return ANN_OK, or an error code after host->doc_error(). */
    int (*annotate)(void *state, ann_doc *doc);

    /* Free the state built by open().  May be NULL. */
    void (*close)(void *state);

    /* -- ABI 2 ------------------------------------------------------------- */

    /* Annotate one document, with the host table at hand, so a plugin needs
     * no state to reach the host.  Reentrant, like annotate().  An ABI 2
     * plugin sets this and leaves annotate NULL; when both are set the host
     * calls this one. */
    int (*annotate_v2)(const ann_host *host, void *state, ann_doc *doc);

    /* Layers this plugin's spans take precedence over in the default merge:
     * a span of a listed layer lying inside one of this plugin's spans is
     * dropped (dates lists "numbers": the 7 of "March 7" belongs to the
     * date).  NULL-terminated, or NULL.  `--merge all` keeps everything. */
    const char *const *subsumes;
} ann_plugin;

/* Declares the entry function of plugin NAME: write
 *     ANN_PLUGIN_ENTRY(numbers) { return &descriptor; }   */
#define ANN_PLUGIN_ENTRY(NAME)                            \
    ANN_EXPORT const ann_plugin *ann_plugin_##NAME(void); \
    ANN_EXPORT const ann_plugin *ann_plugin_##NAME(void)

/* Initialiser for the two leading fields of a descriptor. */
#define ANN_PLUGIN_HEADER ANN_ABI_VERSION, (uint32_t)sizeof(ann_plugin)

#ifdef __cplusplus
}
#endif

#endif /* ANNOTATE_PLUGIN_H */
