/*
 * ent_decode.h -- the BILOU tag set, its sequence constraints, Viterbi
 * decoding, and conversion between tag sequences and entity spans.
 *
 * Tag 0 is O; entity type k (ENT_PER..ENT_MISC) at position p (B, I, L, U)
 * is tag 1 + 4k + p.  Legal sequences: after O, L-x or U-x (and at the start)
 * come O, B-y or U-y; after B-x or I-x come I-x or L-x; the last tag is O,
 * L-x or U-x.
 */
#ifndef ENT_DECODE_H
#define ENT_DECODE_H

#include <stddef.h>
#include <stdint.h>

enum { ENT_PER, ENT_ORG, ENT_LOC, ENT_MISC, ENT_N_TYPES };
enum { ENT_B, ENT_I, ENT_L, ENT_U };
#define ENT_N_TAGS (1 + 4 * ENT_N_TYPES)

extern const char *const ent_type_names[ENT_N_TYPES];

static inline int ent_tag(int type, int pos)
{
    return 1 + 4 * type + pos;
}
static inline int ent_tag_type(int tag)
{
    return tag ? (tag - 1) / 4 : -1;
}
static inline int ent_tag_pos(int tag)
{
    return tag ? (tag - 1) % 4 : -1;
}

/* 1 if tag `next` may follow `prev` (prev < 0: sentence start; next < 0:
 * sentence end), else 0. */
int ent_tag_allowed(int prev, int next);

/* Parses "PER" etc.; -1 if unknown. */
int ent_type_parse(const char *s, size_t len);

/* Best legal tag sequence.  emit[i * ENT_N_TAGS + t] is the score of tag t
 * at token i; trans[(p + 1) * ENT_N_TAGS + t] the score of t after p
 * (row 0: after the start).  work: ent_viterbi_work(n) bytes, aligned for
 * float.  Writes n tags to out.  Of paths scoring the same, the first in
 * the order the decoder compares them wins, so the result is a function of
 * the scores alone. */
void ent_viterbi(const float *emit, size_t n, const float *trans, void *work, uint8_t *out);

/* Bytes of work memory ent_viterbi() needs for n tokens; the work of
 * tokens [b, n) of a longer sequence starts ent_viterbi_work(b) bytes in. */
size_t ent_viterbi_work(size_t n);

/* The transitions regrouped for the decoder, to prepare once for many
 * sentences.  Borrows the trans it was prepared from. */
#define ENT_VITERBI_SOURCES (1 + 2 * ENT_N_TYPES) /* O, L-x, U-x */
typedef struct ent_vtrans {
    float to_b[ENT_VITERBI_SOURCES][ENT_N_TYPES]; /* from each closed tag to B-x */
    float to_u[ENT_VITERBI_SOURCES][ENT_N_TYPES]; /* ... to U-x */
    float to_o[ENT_VITERBI_SOURCES];              /* ... to O */
    float bi[ENT_N_TYPES], ii[ENT_N_TYPES];       /* B-x, I-x to I-x */
    float bl[ENT_N_TYPES], il[ENT_N_TYPES];       /* B-x, I-x to L-x */
    float start_b[ENT_N_TYPES], start_u[ENT_N_TYPES], start_o;
    /* into each tag from O, from L-x and from U-x (x by lane) */
    float from_o[ENT_N_TAGS], from_l[ENT_N_TAGS][ENT_N_TYPES], from_u[ENT_N_TAGS][ENT_N_TYPES];
    const float *trans;
} ent_vtrans;

void ent_viterbi_prepare(ent_vtrans *vt, const float *trans);

/* ent_viterbi() with the transitions of vt. */
void ent_viterbi_with(const ent_vtrans *vt, const float *emit, size_t n, void *work, uint8_t *out);

/* The same where work already holds what a decode of the same n tokens
 * kept for tokens [0, from), whose emissions have not changed since: only
 * the tokens from `from` on are scored again (the document's second pass,
 * whose history features change a few tokens of a sentence).  The tags are
 * those of decoding afresh. */
void ent_viterbi_resume(const ent_vtrans *vt, const float *emit, size_t n, void *work,
                        size_t from, uint8_t *out);

/* An entity: tokens [begin, end) of type. */
typedef struct ent_span {
    uint32_t begin, end;
    int type;
} ent_span;

/* The end (exclusive) of the entity whose first tag is tags[i], i < n and
 * tags[i] not O.  An illegal sequence is read leniently: a B or I closes at
 * the next tag that does not continue it. */
size_t ent_span_end(const uint8_t *tags, size_t i, size_t n);

/* Entity spans of a tag sequence, read as ent_span_end() reads them.  Writes
 * at most cap spans; returns how many there are. */
size_t ent_tags_to_spans(const uint8_t *tags, size_t n, ent_span *out, size_t cap);

/* Tags of n tokens from BIO-style labels: types[i] is the entity type of
 * token i (-1: O) and begins[i] says it starts a new entity (B-).  A token
 * whose type differs from its predecessor's also starts one (so IOB1 and IO
 * data read right). */
void ent_tags_from_bio(const int *types, const uint8_t *begins, size_t n, uint8_t *out);

#endif
