/*
 * rules.h -- the shared types of the rules plugin.
 *
 * A rule file is parsed once, in open(), into a rules_file: its layer name,
 * the layers it needs, its rules, one phrase table for its case-sensitive
 * phrases, one for its case-insensitive ones, and one compiled program per
 * token pattern.  Everything here is read-only after open(), so annotate_v2()
 * may run on many threads over the same rules_file.
 *
 * Modules:
 *   rules_parse.c    the file format (lines, statements, error messages)
 *   rules_pattern.c  the pattern language: parser and compiler to a program
 *   rules_vm.c       runs a program over a document's tokens (Pike VM)
 *   rules_phrase.c   phrase tables: token-chunk trie, longest match
 *   rules_query.c    structure queries: tree-sitter queries (host ABI 4)
 *   rules_text.c     token text services: case folding, shapes, hashing
 *   rules.c          the plugin: options, open, annotate_v2, close
 */
#ifndef ANN_RULES_H
#define ANN_RULES_H

#include <annotate/plugin.h>

#include <stddef.h>
#include <stdint.h>

/* The label the constant descriptor lists (what `annotate plugins` shows);
 * a run with rule files declares the files' own labels instead (host ABI
 * 3, declare_label()), so no span carries it. */
#define RULES_LABEL "MATCH"

/* Most link roles one pattern may capture. */
#define RULES_MAX_LINKS 6
/* Capture slots of a thread: emit start, emit end, then one per link. */
#define RULES_MAX_SLOTS (2 + RULES_MAX_LINKS)
/* Longest program one pattern compiles to. */
#define RULES_MAX_PROGRAM 4096
/* Largest bound of a {m,n} repetition. */
#define RULES_MAX_REPEAT 16

/* ---- text services ---------------------------------------------------------- */

/* Appends the case fold (fold != 0) or the bytes of s[0..len) to a hash:
 * the same hash for a phrase key and for the matching document text. */
uint64_t rules_hash(const ann_host *host, const char *s, size_t len, int fold);

/* Whether a[0..alen) equals b[0..blen), both folded when fold != 0. */
int rules_text_eq(const ann_host *host, const char *a, size_t alen, const char *b, size_t blen,
                  int fold);

/* Whether the shape of s[0..len) is `shape` (X upper, x lower, d digit,
 * other characters as themselves, runs of one class cut at 4). */
int rules_shape_is(const ann_host *host, const char *s, size_t len, const char *shape);

/* Character classes of `is:NAME` token tests. */
typedef enum rules_class {
    RULES_IS_ALPHA,
    RULES_IS_DIGIT,
    RULES_IS_UPPER,
    RULES_IS_LOWER,
    RULES_IS_TITLE,
    RULES_IS_PUNCT,
    RULES_IS_ALNUM
} rules_class;

/* Whether every character of s[0..len) belongs to class c (title: the first
 * is upper case and the other letters lower case). */
int rules_class_is(const ann_host *host, const char *s, size_t len, rules_class c);

/* Grows arr, an array of *cap elements of `size` bytes in the document's
 * scratch memory (NULL with *cap 0 to start), to twice its capacity or
 * `first` elements; updates *cap.  The new array, or NULL when memory runs
 * out (arr stays valid). */
void *rules_scratch_more(const ann_host *host, ann_doc *doc, void *arr, size_t *cap, size_t size,
                         size_t first);

/* ---- phrase tables ---------------------------------------------------------- */

typedef struct rules_phrases rules_phrases;

/* An empty table; fold != 0 makes it case-insensitive.  Caller frees with
 * rules_phrases_free().  NULL when memory runs out. */
rules_phrases *rules_phrases_new(const ann_host *host, int fold);
void rules_phrases_free(rules_phrases *t);

/* Adds phrase p[0..len) for rule `rule` (white space separates chunks; runs
 * of it count as one).  Copies.  A phrase already present keeps its first
 * rule.  ANN_OK, ANN_EINVAL for a phrase with no characters, or ANN_ENOMEM. */
int rules_phrases_add(rules_phrases *t, const char *p, size_t len, uint32_t rule);

size_t rules_phrases_count(const rules_phrases *t);

/* Makes room for about n more phrases at once.  ANN_OK or ANN_ENOMEM. */
int rules_phrases_reserve(rules_phrases *t, size_t n);

/* Builds the quick test of first chunks; call once after the last add.
 * ANN_OK or ANN_ENOMEM. */
int rules_phrases_seal(rules_phrases *t);

/* The longest phrase starting at token `at`: returns the token one past its
 * end and stores its rule in *rule, or returns `at` when none starts there. */
size_t rules_phrases_longest(const rules_phrases *t, const char *text, const ann_token_v2 *tok,
                             size_t n_tok, size_t at, uint32_t *rule);

/* ---- token patterns --------------------------------------------------------- */

typedef enum rules_op {
    RULES_OP_TOKEN, /* test the token at the position, advance one */
    RULES_OP_SPAN,  /* a span of a needed layer starts here: jump past it */
    RULES_OP_SPLIT, /* go on at x and at y (x first) */
    RULES_OP_JMP,   /* go on at x */
    RULES_OP_SAVE,  /* slot x = the position */
    RULES_OP_MATCH
} rules_op;

typedef enum rules_test {
    RULES_T_ANY,
    RULES_T_WORD,
    RULES_T_LOWER,
    RULES_T_SHAPE,
    RULES_T_IS,
    RULES_T_KIND
} rules_test;

typedef struct rules_inst {
    uint8_t op;        /* rules_op */
    uint8_t test;      /* rules_test of a TOKEN */
    int16_t slot;      /* SAVE: the slot; SPAN: link slot or -1 */
    int32_t x, y;      /* jump targets; TOKEN is/kind value */
    const char *s;     /* TOKEN word/lower/shape text; SPAN label; in p->owned */
    size_t len;        /* length of s */
    const char *layer; /* SPAN: layer name, borrowed from the file's needs */
    uint64_t hash;     /* TOKEN lower: rules_hash() of s folded, set by the
                          patset, so most tokens fail on one comparison */
} rules_inst;

typedef struct rules_program {
    rules_inst *code;
    size_t n;
    size_t n_slots;               /* 2 + links */
    char *roles[RULES_MAX_LINKS]; /* link role of slot 2 + k, owned */
    int has_emit;                 /* whether the pattern has a [ ] part */
    char **owned;                 /* the strings the code points to */
    size_t n_owned;
} rules_program;

/* Compiles pattern src[0..len) (a line of a rule file; col0 is the column of
 * its first byte).  `needs` lists the layers a <LABEL> may refer to (the first
 * is used when the label names no layer).  On error returns ANN_EINVAL, writes
 * "COL: message" into err and leaves *out empty.  The caller frees with
 * rules_program_free(). */
int rules_pattern_compile(const char *src, size_t len, size_t col0, const char *const *needs,
                          size_t n_needs, rules_program *out, char *err, size_t errlen);
void rules_program_free(rules_program *p);

/* Every pattern of a file in one program, so that a document is read once
 * whatever the number of patterns, and an index saying which patterns may
 * start at a token: those whose first element is a word (looked up by the
 * token's folded text) and those whose first element fits the token's kind.
 * In the code, MATCH has x = the rule's index in the file, y = whether the
 * pattern has a [ ] part. */
typedef struct rules_entry {
    uint32_t pc;   /* where the pattern starts in code */
    uint32_t rule; /* index of its rule in the file */
    int32_t test;  /* the pattern's only first token test (a pc), or -1 */
    int32_t group; /* entries with the same first test share a group, or -1 */
} rules_entry;

typedef struct rules_lit {
    uint64_t hash;  /* folded hash of a possible first word */
    uint32_t entry; /* index into entries */
} rules_lit;

typedef struct rules_patset {
    rules_inst *code; /* owned; strings borrowed from the rules' programs */
    size_t n;
    rules_entry *entries;
    size_t n_entries;
    size_t n_groups;        /* distinct first tests */
    uint32_t *by_kind[6];   /* per ANN_TOK_* kind: entries to try on any such token */
    uint32_t *group_end[6]; /* by_kind[k][i]'s group ends before group_end[k][i] */
    size_t n_by_kind[6];
    rules_lit *lits; /* sorted by hash */
    size_t n_lits;
    uint32_t *lit_slots; /* open addressing: index + 1 of a hash's first lit */
    size_t lit_mask;
    /* The folded first two bytes of every first word, when both are ASCII
     * (a token's second byte 0 when it has one): a token whose ASCII first
     * two bytes are not here cannot start a word-led pattern, so its hash
     * is not computed.  Bit (b0 << 8 | b1). */
    uint64_t lit_pairs[65536 / 64];
    int lit_any; /* a first word not keyed there: every token is looked up */
} rules_patset;

/* Builds the set from the programs of rules[0..n) (those of kind pattern).
 * ANN_OK or ANN_ENOMEM; the caller frees with rules_patset_free(). */
typedef struct rules_rule rules_rule;
int rules_patset_build(const ann_host *host, const rules_rule *rules, size_t n, rules_patset *out);
void rules_patset_free(rules_patset *ps);

/* Spans of the needed layers indexed by their first token, built once per
 * document in scratch memory. */
typedef struct rules_span_ref {
    const char *layer, *label;
    uint32_t id;
    uint32_t tok_end; /* token one past the span */
    int32_t next;     /* next span starting at the same token, or -1 */
} rules_span_ref;

typedef struct rules_span_index {
    rules_span_ref *refs;
    int32_t *first; /* per token: first ref starting there, or -1 */
} rules_span_index;

/* One match of rule `rule`: tokens [tok_start, tok_end) for the span to
 * emit, and the span ids of its links by slot (id + 1; 0 = none). */
typedef struct rules_match {
    uint32_t rule;
    uint32_t tok_start, tok_end;
    int32_t link[RULES_MAX_LINKS];
} rules_match;

/* Calls found(ctx, m) for the leftmost-longest, non-overlapping matches of
 * the patterns of ps, in document order.  Time is O(tokens x code length)
 * at worst.  Memory comes from the document's scratch.  ANN_OK, ANN_ENOMEM,
 * or what found() returned when not ANN_OK. */
int rules_vm_run(const ann_host *host, ann_doc *doc, const rules_patset *ps, const char *text,
                 const ann_token_v2 *tok, size_t n_tok, const rules_span_index *spans,
                 int (*found)(void *ctx, const rules_match *m), void *ctx);

/* ---- structure queries ----------------------------------------------------- */

/* The grammars a query is compiled for: Markdown's block and inline
 * grammars, HTML's (host->syntax_language() names). */
#define RULES_GRAMMARS 3

typedef struct rules_query rules_query; /* read-only after compiling */

/* The name of grammar g (0 .. RULES_GRAMMARS-1). */
const char *rules_query_grammar(size_t g);

/* Compiles the tree-sitter query src[0..len) for every grammar of the host
 * it compiles for.  When it compiles for none, or a predicate is malformed,
 * returns ANN_EINVAL with the message in err and the byte of src where
 * tree-sitter stopped in *err_off.  The caller frees *out with
 * rules_query_free(). */
int rules_query_compile(const ann_host *host, const char *src, size_t len, rules_query **out,
                        size_t *err_off, char *err, size_t errlen);
void rules_query_free(rules_query *rq);

/* The query's captures by id: count, and name (not NUL-terminated, *len). */
size_t rules_query_capture_count(const rules_query *rq);
const char *rules_query_capture(const rules_query *rq, size_t id, size_t *len);

/* Runs the query over one syntax tree of the document if it was compiled
 * for the tree's grammar, and calls found() for each capture (not those
 * named "_...") of every match that passes its predicates, with source
 * offsets.  src[0..src_len) is host->source().  ANN_OK, ANN_ENOMEM, or
 * what found() returned when not ANN_OK. */
int rules_query_run(const ann_host *host, ann_doc *doc, const rules_query *rq,
                    const ann_syntax_tree *tree, const char *src, size_t src_len,
                    int (*found)(void *ctx, const char *capture, size_t capture_len, size_t start,
                                 size_t end),
                    void *ctx);

/* ---- rule files ------------------------------------------------------------- */

typedef enum rules_kind { RULES_PHRASES, RULES_PATTERN, RULES_QUERY } rules_kind;

struct rules_rule {
    rules_kind kind;
    char *label;     /* owned; NULL for a query labelled by its captures */
    ann_attr *attrs; /* owned, keys and values too; "layer" first */
    size_t n_attrs;
    rules_program prog; /* RULES_PATTERN */
    rules_query *query; /* RULES_QUERY, owned */
    unsigned line;
};

typedef struct rules_file {
    char *path;   /* owned */
    char *layer;  /* owned */
    char **needs; /* owned, n_needs entries, the names too */
    size_t n_needs;
    rules_rule *rules;
    size_t n_rules;
    rules_phrases *exact, *folded; /* NULL when the file has none */
    rules_patset patterns;         /* n == 0 when the file has none */
    size_t n_queries;              /* rules of kind RULES_QUERY */
} rules_file;

/* Reads and compiles the rule file at path.  On error returns an error
 * code and writes "PATH:LINE:COL: message" into err. */
int rules_file_load(const ann_host *host, const char *path, rules_file *out, char *err,
                    size_t errlen);

/* The same over a text in memory; `path` names it in messages and is the
 * folder that `from FILE` paths are relative to. */
int rules_file_parse(const ann_host *host, const char *path, const char *text, size_t len,
                     rules_file *out, char *err, size_t errlen);

void rules_file_free(rules_file *f);

#endif
