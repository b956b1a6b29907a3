/*
 * qt_attr.h -- what the files of the attribution share.
 *
 *   qt_cue.c        cue verbs and the words around them
 *   qt_clause.c     the clause next to a quotation and the subject of its cue
 *   qt_before.c     the patterns of the clause before a quotation
 *   qt_after.c      the patterns of the clause after it
 *   qt_attribute.c  qt_attribute(): both clauses, then the document-level
 *                   rules (split quotations, quotation paragraphs ...)
 *
 * Token arrays are the caller's; every function reads t (the text view)
 * and the tokens only, and writes only the qt_quote and qt_found it is
 * given.
 */
#ifndef QT_ATTR_H
#define QT_ATTR_H

#include "qt.h"

#define QT_MAX_TOKS 96      /* tokens read on one side of a quotation */
#define QT_BEFORE_BYTES 600 /* bytes read before it */
#define QT_AFTER_BYTES 300  /* bytes read after it */

/* What one clause (before or after the quotation) gave. */
typedef struct qt_found {
    int cue;      /* index of the cue token, -1: none */
    int adjacent; /* the cue clause ends right before the quotation */
    int resolved; /* a speaker was found */
} qt_found;

/* ---- cue words (qt_cue.c) --------------------------------------------------- */

/* Whether token k is a cue verb; next is the token after it (or NULL);
 * `opens`: k opens the clause, where a capitalised cue counts (Added X:). */
int qt_tok_cue(const char *t, const qt_tok *k, const qt_tok *next, int opens);
/* Whether token i of toks[0, n) is a cue verb (qt_tok_cue) and no noun. */
int qt_cue_at(const char *t, const qt_tok *toks, size_t n, size_t i, int opens);
/* Whether word token k is a participle in -ing (saying, telling). */
int qt_is_participle(const char *t, const qt_tok *k);
/* Whether word token k may stand between a subject and its cue (also,
 * later, has ...; and, but, who and told too). */
int qt_is_aux(const char *t, const qt_tok *k);
/* qt_is_aux, but not the words that join clauses (and, but, who, told):
 * what may stand right next to a cue in its own clause. */
int qt_is_cue_modifier(const char *t, const qt_tok *k);
/* Whether lower-case word token k opens a subordinate clause (after, when ...). */
int qt_is_subordinator(const char *t, const qt_tok *k);
/* Whether word token k is one of the NULL-ended lower-case words (any
 * case in the text, as qt_tok_is). */
int qt_tok_in(const char *t, const qt_tok *k, const char *const *words);
/* Whether lower-case word token k names what a person says (reply,
 * answer, remark, exclamation ...): was Edmund's only reply. */
int qt_speech_noun(const char *t, const qt_tok *k);
/* Length of the possessive ending of word token k ('s, ’s), 0 if none. */
size_t qt_possessive_len(const char *t, const qt_tok *k);
/* Whether a segment opened by word token k may be a subject. */
int qt_may_open_subject(const char *t, const qt_tok *k);
/* Whether word token k is a form of "be" before a passive (was asked). */
int qt_passive_aux(const char *t, const qt_tok *k);

/* ---- clauses and subjects (qt_clause.c) ------------------------------------- */

/* Whether quotation q is a short capitalised title in the writer's sentence. */
int qt_title_check(const qt_doc *d, const qt_quote *q);
/* qt_title_check, as found for q by qt_attribute before it starts. */
int qt_is_title_quote(const qt_quote *q);
/* qt_lex over t[a, b) without title quotations. */
size_t qt_lex_clause(const qt_doc *d, size_t a, size_t b, qt_tok *out, size_t cap);
/* The tokens of the end of t[a, b), at most cap; with `clause`, as
 * qt_lex_clause. */
size_t qt_lex_end(const qt_doc *d, size_t a, size_t b, qt_tok *out, size_t cap, int clause);
/* Resolves the subject phrase toks[a, b), split at commas and dashes, for
 * q; returns 1 and sets q's speaker on success, else leaves q untouched. */
int qt_subject(const qt_doc *d, qt_quote *q, const qt_tok *toks, size_t a, size_t b);
/* Sets q's cue to token k. */
void qt_set_cue(qt_quote *q, const qt_tok *k, int after, int adjacent);
/* End of the subject after a cue at index c of toks[0, n). */
size_t qt_subject_after(const char *t, const qt_tok *toks, size_t n, size_t c);
/* The subject of an inverted cue at index c (said X), up to e. */
int qt_inverted_subject(const qt_doc *d, qt_quote *q, const qt_tok *toks, size_t e, size_t c);
/* The subject of the writer's sentence around t[a, b) (Cruz blamed ...). */
int qt_clause_subject(const qt_doc *d, qt_quote *q, size_t a, size_t b);
/* The subject opening the clause toks[w, n), followed by its verb. */
int qt_opening_subject(const qt_doc *d, qt_quote *q, const qt_tok *toks, size_t n, size_t w);

/* ---- the two clauses (qt_before.c, qt_after.c) ------------------------------ */

/* Reads the clause t[a, b) before quotation q (after it): fills *f and,
 * when a subject resolves, q's speaker; the cue fields of q when a cue is
 * found. */
void qt_before(const qt_doc *d, qt_quote *q, size_t a, size_t b, qt_found *f);
void qt_after(const qt_doc *d, qt_quote *q, size_t a, size_t b, qt_found *f);

#endif
