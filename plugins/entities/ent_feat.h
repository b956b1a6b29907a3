/*
 * ent_feat.h -- the feature extractor of the entities tagger.
 *
 * A document is prepared once (token analysis, sentence contexts, gazetteer
 * matches, document-level case evidence), then features are extracted per
 * token as bucket indices of the hashed weight table.  Two kinds exist:
 *   local features (window, affixes, shape, gazetteers, and the non-local
 *     but prediction-free "how is this word written elsewhere in the
 *     document" evidence), used by both passes;
 *   history features (second pass only): which entity type and tag the
 *     first pass gave the same word elsewhere in the document, outside the
 *     current sentence, and whether it put the same two-word sequence
 *     inside one entity there ("North America", "de Meo").
 */
#ifndef ENT_FEAT_H
#define ENT_FEAT_H

#include <stddef.h>
#include <stdint.h>

#include "ent_decode.h"
#include "ent_gaz.h"
#include "ent_lex.h"
#include "ent_text.h"

/* Identifies the feature set; stored in the model, bump it whenever a
 * feature changes so old models are refused instead of misread. */
#define ENT_FEATURESET_ID 20u

#define ENT_MAX_FEATS 96 /* local features can reach 91 */

/* A document as the tagger sees it.  All pointers are borrowed. */
typedef struct ent_doc {
    size_t n_tokens;
    const char *const *text; /* token i is text[i][0 .. len[i]) */
    const uint32_t *len;
    size_t n_sents;
    const uint32_t *sent; /* sentence s is tokens [sent[s], sent[s + 1]) */
    const ann_host *host; /* text services the words are analysed with (ent_text.h) */
    ent_lex *lex;         /* NULL, or where the words' analyses are cached (ent_lex.h) */
} ent_doc;                /* every pointer borrowed for as long as the ent_doc is used */

/* Sentence contexts of a token. */
enum { ENT_CTX_INITIAL, ENT_CTX_MID, ENT_CTX_HEADLINE };

typedef struct ent_tokinfo {
    ent_word w;
    uint32_t sent;
    uint32_t slot;               /* index of its word in the document table */
    uint8_t ctx;                 /* ENT_CTX_* */
    uint8_t dc;                  /* bit 0: written capitalised mid-sentence elsewhere;
                                bit 1: written lowercase elsewhere */
    uint8_t gaz[ENT_GAZ_N_FEAT]; /* 0, or 1 + position (B I L U) in a list match */
    uint32_t clus;               /* word classes (ent_gaz_clusters), 0: none */
} ent_tokinfo; /* the kind of line of its sentence is in ent_prep.line: no unit feature reads it */

/* Per-document word table: one entry per distinct lowercase form. */
typedef struct ent_dword { /* its key is in ent_prep.word_key */
    uint32_t capmid, low;      /* case evidence counts */
    uint32_t hist[ENT_N_TAGS]; /* first-pass tags of the word */
    uint32_t prose[ENT_N_TYPES]; /* ... their types where it stands mid-sentence in prose */
    uint32_t n_hist, n_prose;  /* the sums of hist and of prose */
    uint32_t gaz1;             /* gazetteer mask of the word alone */
    uint32_t gaz_known;        /* gaz1 is filled in */
    uint32_t clus;             /* word classes, once clus_known */
    uint32_t clus_known;
} ent_dword;

/* Per-document table of two-word sequences (a word and the next). */
typedef struct ent_dpair { /* its key is in ent_prep.pair_key */
    uint32_t joined[ENT_N_TYPES]; /* both words in one entity of the type */
    uint32_t split;               /* not */
    uint32_t n;                   /* the sum of joined and split */
    uint32_t gaz2;                /* gazetteer mask of the pair as a phrase */
    uint32_t gaz_known;           /* gaz2 is filled in */
} ent_dpair;

typedef struct ent_prep {
    const ent_doc *doc;
    ent_tokinfo *tok;    /* n_tokens */
    ent_dword *words;    /* table of cap entries (power of two) */
    ent_dpair *pairs;    /* table of cap entries */
    uint32_t *pair_slot; /* n_tokens: slot of (token, next token), or UINT32_MAX */
    uint8_t *line;       /* n_tokens: kind of line of its sentence (ent_feat.c: line_kind) */
    uint64_t *word_key, *pair_key; /* cap each: 0 empty, else the key (a pair's | 1) */
    size_t cap;
    uint32_t bits; /* log2 of the number of weight buckets */
} ent_prep;

/* Bytes of memory ent_prepare() needs for a document of n tokens. */
size_t ent_prep_size(size_t n_tokens);

/* Prepares doc in mem (ent_prep_size() bytes, any content, aligned for any
 * type).  gaz may be NULL.  *p borrows doc, gaz and mem until it is no longer
 * used. */
void ent_prepare(ent_prep *p, const ent_doc *doc, const ent_gaz *gaz, uint32_t bits, void *mem);

/* What training leaves out of a token's features (0 at run time). */
enum {
    /* the features of the word itself (form, affixes), so the model also
     * learns to name words it has never seen from their context, shape,
     * gazetteers and classes */
    ENT_DROP_WORD = 1,
    /* every word class in the window, so the other weights are also
     * learned without them */
    ENT_DROP_CLASSES = 2
};

/* Local features of token i: writes at most ENT_MAX_FEATS bucket indices to
 * out and returns how many.  drop: ENT_DROP_* bits, training only. */
size_t ent_feat_local(const ent_prep *p, size_t i, int drop, uint32_t *out);

/* The local features split in two, so the tagger can cache the larger part
 * (ent_cache.h); ent_feat_local() is their union, in any order.
 *
 * Unit features: those of token i that read nothing but one token of the
 * window, the one at offset rel (-ENT_UNIT_REACH..ENT_UNIT_REACH) from i,
 * and there nothing but its ent_tokinfo other than `sent` and `slot` (its
 * word and the word's context codes: ctx, dc, gaz, clus and any field added
 * later).  So they are the same wherever equal tokinfos stand at the same
 * offset, and the tagger caches their summed weights per tokinfo.  t NULL
 * stands for a position beyond the sentence edge.  A feature that reads two
 * tokens, the sentence or the document belongs in ent_feat_conj().  Writes
 * at most ENT_MAX_FEATS bucket indices of the 2^bits to out; returns how
 * many. */
#define ENT_UNIT_REACH 2
size_t ent_feat_unit(const ent_tokinfo *t, int rel, int drop, uint32_t bits, uint32_t *out);

/* The other local features of token i (pairs of words, phrases beyond the
 * window).  Same output convention. */
size_t ent_feat_conj(const ent_prep *p, size_t i, int drop, uint32_t *out);

/* First-pass evidence about a token from the other sentences of its
 * document, as small codes (0: none). */
typedef struct ent_histv {
    uint8_t word; /* entity type of the word: majority or minority, or only O */
    uint8_t tag;  /* most frequent entity tag (with its B/I/L/U position) */
    uint8_t pair; /* the token and the next: inside one entity (type), or not */
    uint8_t multi; /* 1 + the type of most mentions of two or more words holding it */
    uint8_t prose; /* 1 + its most frequent type mid-sentence in prose lines */
} ent_histv;

/* Summarises the first pass's tags (n_tokens) for every token into
 * hv[0..n_tokens). */
void ent_hist_values(ent_prep *p, const uint8_t *tags, ent_histv *hv);

/* Whether token i of doc is exactly the text s (NUL-terminated). */
int ent_doc_is_text(const ent_doc *doc, size_t i, const char *s);

/* Whether token i of doc is the ASCII word `lower` (NUL-terminated, in
 * lowercase) in any case: "Had", "HAD" and "had" are "had". */
int ent_doc_is_word(const ent_doc *doc, size_t i, const char *lower);

/* The head noun of an appositive opened by the comma at token c, in a
 * sentence ending at token e: after ", the/a/an", the last lowercase word
 * among the next four words, before any punctuation ("Ampere, the EV and
 * software company founded by" gives "company").  Without a parser this
 * overshoots a shorter phrase ("the software company founded by" gives
 * "by").  Returns its token index, or 0 when there is none. */
size_t ent_appositive_head(const ent_prep *p, size_t c, size_t e);

/* History features of token i from the summaries hv; writes at most
 * ENT_MAX_FEATS bucket indices to out and returns how many. */
size_t ent_feat_hist(const ent_prep *p, size_t i, const ent_histv *hv, uint32_t *out);

#endif
