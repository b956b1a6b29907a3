/*
 * qt.h -- internal interfaces of the quotes plugin.
 *
 * The plugin is a pipeline of small modules, each in its own file:
 *
 *   qt_marks.c   which characters are quotation marks, and whether each one
 *                may open or close a quotation (the apostrophe traps live here)
 *   qt_pair.c    pairing marks into quotations inside paragraphs: nesting,
 *                stray closing marks, multi-paragraph quotations
 *   qt_lex.c     a small word lexer for the clauses around a quotation
 *   qt_cue.c, qt_clause.c, qt_before.c, qt_after.c, qt_attribute.c
 *                the attribution: cue verbs, the clauses around a quotation
 *                and their patterns ("..." X said, ...), see qt_attr.h
 *   qt_speaker.c from a cue's subject to a speaker: PER spans, pronouns,
 *                descriptions, capitalised names, the fullest name
 *   qt_characters.c, qt_roles.c, qt_memo.c, qt_names.c, qt_turns.c,
 *   qt_vocative.c, qt_gender.c, qt_narrator.c, qt_tally.c, qt_spoken.c
 *                fiction: characters and their names, lower-case roles,
 *                turn-taking, vocatives, genders, the narrator
 *   qt_wrap.c    whether the paragraphs are hard-wrapped lines
 *   qt_kind.c    direct, partial, title or scare
 *   quotes.c     the plugin glue: descriptor, options, annotate()
 *
 * Every offset is a byte offset into the document's text view.  Nothing here
 * keeps state between calls: all per-document data lives in a qt_doc the glue
 * builds on the stack, and in the document's scratch memory, which the host
 * frees when annotate() returns.
 */
#ifndef QT_H
#define QT_H

#include <stddef.h>
#include <stdint.h>

#include <annotate/plugin.h>

/* ---- characters (the host's text services) -------------------------------- */

/* The text the modules read, with the host that decodes and classifies its
 * characters.  Both borrowed until annotate() returns. */
typedef struct qt_text {
    const char *s; /* the text view, valid UTF-8 */
    size_t len;
    const ann_host *host; /* decode, decode_prev, char_class (ABI 2) */
} qt_text;

/* Class bits of a letter as the neighbour tests see it: a combining mark
 * belongs to the letter before it (Zoë written with U+0308). */
#define QT_LETTER (ANN_CHAR_LETTER | ANN_CHAR_MARK)
/* ... and of a character that may be part of a word. */
#define QT_WORD (QT_LETTER | ANN_CHAR_DIGIT)

/* Decodes the character at x->s[i] (i < end <= x->len), not reading past
 * end; stores its length in *n (1 for a byte that starts no character, which
 * gives U+FFFD).  ASCII inline, the rest through the host. */
static inline uint32_t qt_cp_at(const qt_text *x, size_t end, size_t i, size_t *n)
{
    unsigned char c = (unsigned char)x->s[i];
    if (c < 0x80) {
        *n = 1;
        return c;
    }
    return x->host->decode(x->s, end, i, n);
}

/* Decodes the character ending just before x->s[i], not looking before lo;
 * stores its length in *n.  Returns 0 (and *n = 0) when i <= lo. */
static inline uint32_t qt_cp_before(const qt_text *x, size_t lo, size_t i, size_t *n)
{
    if (i <= lo) {
        *n = 0;
        return 0;
    }
    unsigned char c = (unsigned char)x->s[i - 1];
    if (c < 0x80) {
        *n = 1;
        return c;
    }
    return x->host->decode_prev(x->s, i, n);
}

/* The ANN_CHAR_* bits of code point cp: ASCII inline, the rest through the
 * host. */
static inline uint32_t qt_class(const qt_text *x, uint32_t cp)
{
    return cp < 0x80 ? ann_ascii_class((unsigned char)cp) : x->host->char_class(cp);
}

/* Whether byte c is an ASCII digit (a two-digit year, a number word). */
static inline int qt_is_ascii_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* Lower-cases an ASCII byte, others unchanged: the word lists compared
 * against are ASCII, so no other character can match them anyway. */
static inline char qt_lower(char c)
{
    return (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
}

/* ---- quotation marks (qt_marks.c) ----------------------------------------- */

enum { QT_FAM_DOUBLE = 0, QT_FAM_SINGLE = 1 };
enum {
    QT_OPEN = 1u << 0,  /* may open a quotation */
    QT_CLOSE = 1u << 1, /* may close one */
    QT_WEAK = 1u << 2   /* a close that is more likely an apostrophe (companies' plans) */
};

typedef struct qt_mark {
    uint32_t pos;   /* byte offset of the mark */
    uint8_t len;    /* its length in bytes (1..3; 2 for `` and '') */
    uint8_t family; /* QT_FAM_* */
    uint8_t role;   /* QT_OPEN | QT_CLOSE | QT_WEAK; 0: not a quotation mark here */
} qt_mark;

/* Finds the next quotation-mark character in t[*pos, end) and classifies it
 * from its neighbours inside [lo, end) (lo, end: the paragraph).  Returns 1
 * and fills *m (role may be 0 for an apostrophe) and advances *pos past it;
 * returns 0 at end. */
int qt_next_mark(const qt_text *x, size_t lo, size_t end, size_t *pos, qt_mark *m);

/* ---- quotations (qt_pair.c) ------------------------------------------------ */

typedef struct qt_quote {
    uint32_t start, end;     /* the whole quotation, marks included */
    uint32_t inner_start;    /* first byte after the opening mark */
    uint32_t inner_end;      /* first byte of the closing mark */
    uint32_t para, end_para; /* paragraphs of the opening and closing marks */
    uint8_t family;          /* QT_FAM_* of the opening mark */
    uint8_t depth;           /* 0: outermost; 1: inside another quotation ... */
    /* filled by the attribution and kind passes */
    uint8_t kind;                /* QT_KIND_* */
    uint8_t cue_adjacent;        /* cue clause ends with ':' or ',' right before it */
    uint8_t cue_after;           /* the cue follows the quotation */
    uint8_t inherited;           /* speaker taken from a neighbouring quotation */
    uint32_t cue_start, cue_end; /* the cue verb, or 0,0 */
    uint32_t spk_start, spk_end; /* fullest name of the speaker in the text, or 0,0 */
    uint32_t spk_link;           /* entity span id of the cue mention, or UINT32_MAX */
    uint8_t spk_gender;          /* QT_GENDER_* of the speaker, when known */
    uint8_t by_pronoun;          /* the speaker was resolved from he / she */
    uint8_t title_like; /* a short capitalised title ("Going Viral,"), set by qt_attribute */
    uint8_t by_turn;    /* the speaker was taken from the alternation of a dialogue */
    uint8_t by_narration; /* a story: the subject of the narration just before */
} qt_quote;

enum { QT_GENDER_UNKNOWN = 0, QT_GENDER_MALE, QT_GENDER_FEMALE };

/* Gives q the speaker of quotation from: name, link and gender. */
static inline void qt_copy_speaker(qt_quote *q, const qt_quote *from)
{
    q->spk_start = from->spk_start;
    q->spk_end = from->spk_end;
    q->spk_link = from->spk_link;
    q->spk_gender = from->spk_gender;
}
enum { QT_KIND_NONE = 0, QT_KIND_DIRECT, QT_KIND_PARTIAL, QT_KIND_TITLE, QT_KIND_SCARE };

/* The document as the modules see it.  Everything borrowed from the host
 * until annotate() returns; quotes lives in the document's scratch memory. */
typedef struct qt_doc {
    qt_text text;
    ann_doc *doc;               /* for scratch memory */
    const ann_region_v2 *paras; /* paragraphs, sorted */
    size_t n_paras;
    const ann_span *ents; /* spans of the entities layer, sorted by start */
    size_t n_ents;
    qt_quote *quotes; /* sorted by start; host->scratch_grow() memory */
    size_t n_quotes, cap_quotes;
    size_t cur; /* index of the quotation being attributed */
    const struct qt_genders *genders; /* qt_genders_build(), or NULL */
    const struct qt_roles *roles;     /* qt_roles_build() in a story, or NULL */
    struct qt_memo *memo; /* qt_memo_build(), or NULL: written by the look-ups */
    const struct qt_names *names; /* qt_names_build(), or NULL */
    struct qt_spoken *spoken; /* qt_spoken_build(), or NULL: written by the look-ups */
    int story; /* a story told in dialogue (qt_is_dialogue), not news */
    int wrapped; /* paragraphs hard-wrapped at a fixed width (qt_is_wrapped) */
} qt_doc;

/* Fills d for the document doc (quotes.c): its text, paragraphs (one block
 * when the host gives none), the entities layer's spans, its quotations
 * and the per-document tables, ready for qt_attribute.  All borrowed from
 * the host or in doc's scratch memory, until annotate() returns.  Returns
 * ANN_OK or ANN_ENOMEM. */
int qt_doc_open(qt_doc *d, const ann_host *h, ann_doc *doc);

/* Pairs the marks of every paragraph into quotations, appending them to
 * d->quotes sorted by start, with depth set.  Returns ANN_OK or ANN_ENOMEM. */
int qt_find_quotes(qt_doc *d);

/* ---- words (qt_lex.c) ------------------------------------------------------ */

enum { QT_TOK_WORD = 1, QT_TOK_PUNCT = 2, QT_TOK_QUOTE = 3 };
enum { QT_TF_UPPER = 1u << 0, QT_TF_ALLCAPS = 1u << 1, QT_TF_SENT_END = 1u << 2 };

typedef struct qt_tok {
    uint32_t start, end;
    uint8_t type;  /* QT_TOK_* */
    uint8_t flags; /* QT_TF_*; SENT_END on '.', '?', '!' that end a sentence */
    char c;        /* the punctuation character for QT_TOK_PUNCT ('-' for dashes) */
} qt_tok;

/* Splits t[a, b) into at most cap tokens; returns how many were written.
 * A word may hold inner apostrophes, hyphens and periods (U.S.); a period
 * after a known abbreviation or an initial belongs to the word. */
size_t qt_lex(const qt_text *x, size_t a, size_t b, qt_tok *out, size_t cap);

/* Whether token k's text equals the lower-case ASCII word w, ignoring case. */
int qt_tok_is(const char *t, const qt_tok *k, const char *w);

/* ---- attribution (qt_cue.c, qt_attribute.c, qt_speaker.c) -------------------- */

/* Whether the word t[a, b) is a cue verb (said, told, added ...). */
int qt_is_cue_word(const char *t, size_t a, size_t b);

/* Attributes every outermost quotation of d: sets the cue_* and spk_* fields,
 * following the patterns of the issue, then the inheritance rules (split
 * quotations, consecutive quotation paragraphs). */
void qt_attribute(qt_doc *d);

/* Resolves a subject phrase to a speaker for the quotation q: PER span,
 * pronoun, description or capitalised name.  Sets q->spk_* on success and
 * returns 1; returns 0 (q untouched) when no speaker can be named. */
int qt_resolve_subject(const qt_doc *d, qt_quote *q, const qt_tok *toks, size_t n);

/* Resolves he (gender QT_GENDER_MALE) or she standing at byte `at` for q:
 * the most recent compatible PER before it (or, with no entities layer,
 * the latest speaker of that gender).  Sets q->spk_* and returns 1, or
 * returns 0 (q untouched). */
int qt_resolve_pronoun(const qt_doc *d, qt_quote *q, size_t at, uint8_t gender);

/* Whether the word t[a, b) of d also occurs mid-sentence (after a
 * lower-case word or a comma) near the quotation being attributed: a word
 * capitalised only where sentences start is no name (Fundraising was ...). */
int qt_mid_sentence(const qt_doc *d, size_t a, size_t b);

/* Whether word token k is a lower-case preposition (in, at, of ...). */
int qt_is_preposition(const char *t, const qt_tok *k);

/* Whether word token k is a role word or title (CEO, Sen., president ...). */
int qt_is_role_word(const char *t, const qt_tok *k);

/* Whether word token k is a lower-case noun for a body that speaks for a
 * person (campaign, office, administration, camp, team) or a group named
 * after one (supporters, aides, officials, lawyers ...): the Sanders
 * campaign said, Clinton's aides said. */
int qt_is_body_noun(const char *t, const qt_tok *k);

/* ---- forms of a name (qt_tally.c) ----------------------------------------- */

#define QT_TALLY_FORMS 16
/* Distinct byte strings t[a[k], b[k]) with their counts n[k]; total counts
 * every form added, also those past QT_TALLY_FORMS.  Zero-initialise. */
typedef struct qt_tally {
    uint32_t a[QT_TALLY_FORMS], b[QT_TALLY_FORMS], n[QT_TALLY_FORMS];
    uint32_t nf, total;
} qt_tally;

/* Counts the form t[a, b). */
void qt_tally_add(const char *t, qt_tally *y, uint32_t a, uint32_t b);

/* The index of the most counted form (y->nf > 0), the count of the
 * runner-up in *second. */
uint32_t qt_tally_best(const qt_tally *y, uint32_t *second);

/* ---- answers of name look-ups (qt_memo.c) ---------------------------------- */

/* FNV-1a of the bytes t[a, b). */
size_t qt_hash_bytes(const char *t, uint32_t a, uint32_t b);

/* The look-ups kept: qt_char_fullest; qt_char_titled_fullest, plus the
 * title's QT_GENDER_*. */
enum { QT_MEMO_FULLEST = 1, QT_MEMO_TITLED = 2 };

/* Builds d->memo (scratch memory).  Returns ANN_OK or ANN_ENOMEM. */
int qt_memo_build(qt_doc *d);

/* The answer kept for the look-up `kind` of the name t[a, b): returns 1
 * and stores it in *ra, *rb (ra == rb: the look-up found nothing), or
 * returns 0 when there is none (or no memo). */
int qt_memo_get(const qt_doc *d, uint8_t kind, uint32_t a, uint32_t b, uint32_t *ra, uint32_t *rb);

/* Keeps that answer (nothing when the memo is full or missing). */
void qt_memo_put(const qt_doc *d, uint8_t kind, uint32_t a, uint32_t b, uint32_t ra, uint32_t rb);

/* ---- PER spans by word (qt_names.c) ---------------------------------------- */

/* The words a PER span is found by: its first word and its last word (of
 * a name of two words or more, words split at white space), its whole
 * text. */
enum { QT_NAMES_FIRST = 0, QT_NAMES_LAST = 1, QT_NAMES_WHOLE = 2, QT_NAMES_KINDS = 3 };

typedef struct qt_name_key {
    uint32_t h; /* qt_hash_bytes() of the word, cut to 32 bits */
    uint32_t i; /* index of the span in d->ents */
} qt_name_key;

/* Builds d->names from d->ents (scratch memory).  Returns ANN_OK or
 * ANN_ENOMEM. */
int qt_names_build(qt_doc *d);

/* The PER spans whose `kind` word may be t[a, b): *n keys, in the order of
 * d->ents, borrowed until annotate() returns (NULL, *n == 0: none).  A
 * hash collision can add a span: callers compare the bytes. */
const qt_name_key *qt_names_find(const qt_doc *d, int kind, uint32_t a, uint32_t b, size_t *n);

/* ---- characters (qt_characters.c) ------------------------------------------ */

/* Cuts words the tagger glues before a name (Had, Said, Unfortunately ...)
 * off the name t[*a, *b); the last word always stays. */
void qt_name_trim(const qt_doc *d, uint32_t *a, uint32_t *b);

#define QT_NAME_TITLED 0x10u
/* When the name t[*a, b) opens with a title or has one right before it
 * (Mrs. Moore, Professor Godbole), moves *a to the title and returns
 * QT_NAME_TITLED | the QT_GENDER_* the title gives; else returns 0. */
uint8_t qt_name_title(const qt_doc *d, uint32_t *a, uint32_t b);

/* When the one-word name t[*a, b) follows "the" (said the Hatter), moves *a
 * to the article and returns 1: such a name is a role the text keeps. */
int qt_name_article(const qt_doc *d, uint32_t *a, uint32_t b);

/* Gender of the name t[a, b) from its first word: a title (Mr., Ms.) before
 * it, or its first name in qt_speaker.c's short lists. */
uint8_t qt_name_gender(const qt_doc *d, size_t a, size_t b);

/* A titled surname t[*a, *b) (Miss Quested, Mr. Crawford) of a title of
 * gender g: the character's fullest name "First Surname" of the PER spans
 * (Adela Quested), when one such form whose first name has that gender is
 * clearly the most frequent; else untouched. */
void qt_char_titled_fullest(const qt_doc *d, uint32_t *a, uint32_t *b, uint8_t g);

/* A one-word name t[*a, *b) that is a first name: the two-word form "W
 * Surname" of the entities' PER spans across the document, when one form
 * is clearly the most frequent (Bill -> Bill Gorton); else untouched. */
void qt_char_fullest(const qt_doc *d, uint32_t *a, uint32_t *b);

/* ---- lower-case titles as characters (qt_roles.c) -------------------------- */

/* Indexes every "Title Name" of the text (Count Orlak, Colonel Marsh) for
 * qt_char_role: d->roles, in scratch memory, built once per document.
 * Returns ANN_OK or ANN_ENOMEM. */
int qt_roles_build(qt_doc *d);

/* A role t[a, b) that is a title, lower-case or capitalised (the count
 * said, said the colonel, said the Major): the character written "Count Name" nearest before byte self,
 * else first after it, from d->roles (no index: none).  Stores that name
 * in t[*na, *nb) and returns 1, or returns 0.  One binary search; probes
 * (NULL: not counted) gets the number of index entries it compared. */
int qt_char_role(const qt_doc *d, uint32_t a, uint32_t b, uint32_t self, uint32_t *na,
                 uint32_t *nb, size_t *probes);

/* Whether the lower-case word t[a, b) is a role one person holds in a
 * scene (waiter, doctor, policeman, and the titles of qt_char_role): in a
 * story "said the waiter" names the waiter. */
int qt_plain_role(const char *t, uint32_t a, uint32_t b);

/* ---- genders of names (qt_gender.c) -------------------------------------- */

/* Builds d->genders from the pronouns after each PER mention (scratch
 * memory).  Returns ANN_OK (also when there is no PER span: no table) or
 * ANN_ENOMEM. */
int qt_genders_build(qt_doc *d);

/* The gender the narration gives the name t[a, b), or QT_GENDER_UNKNOWN. */
uint8_t qt_char_gender(const qt_doc *d, uint32_t a, uint32_t b);

/* ---- genders of the speakers so far (qt_spoken.c) -------------------------- */

/* Builds d->spoken, empty, in scratch memory (after qt_find_quotes).
 * Returns ANN_OK or ANN_ENOMEM. */
int qt_spoken_build(qt_doc *d);

/* The gender of the latest quotation before d->cur whose speaker is the
 * name t[a, b) (the same bytes) with a known gender; QT_GENDER_UNKNOWN if
 * none (or no table).  Valid while the quotations before d->cur no longer
 * change (qt_attribute's order: d->cur only grows, each quotation is final
 * once it moves on); enters the quotations up to d->cur first, each once. */
uint8_t qt_spoken_gender(const qt_doc *d, uint32_t a, uint32_t b);

/* The number of table slots the look-ups have compared so far: the work a
 * test counts. */
size_t qt_spoken_probes(const qt_doc *d);

/* ---- vocatives (qt_vocative.c) -------------------------------------------- */

/* The first name inside quotation q that calls someone (“Do not go,
 * Jane.”): stores its speaker form (title kept, else the fullest
 * first-name form) in t[*a, *b), its PER span's id in *link, and returns
 * 1; returns 0 if none. */
int qt_vocative(const qt_doc *d, const qt_quote *q, uint32_t *a, uint32_t *b, uint32_t *link);

/* ---- the narrator (qt_narrator.c) ----------------------------------------- */

/* Whether q's speaker is the narrator (the word "I" of "I said"). */
int qt_is_narrator(const qt_doc *d, const qt_quote *q);

/* The narrator's name in a first-person story: the vocative the other
 * characters use most, clearly ahead of the rest; stores its fullest form
 * in t[*a, *b) and returns 1, or returns 0 ("narrator").  When that form
 * is one word and the others also call the narrator by title and surname
 * (Mr. Barnes), stores the surname in t[*sa, *sb) (else *sa == *sb): the
 * name is then "first surname". */
int qt_narrator_name(const qt_doc *d, uint32_t *a, uint32_t *b, uint32_t *sa, uint32_t *sb);

/* ---- line breaks (qt_wrap.c) ---------------------------------------------- */

/* Whether d's paragraphs are hard-wrapped lines (a plain-text novel): a
 * line break inside a paragraph is then a space, not the end of a clause.
 * Reads d->paras. */
int qt_is_wrapped(const qt_doc *d);

/* ---- turn-taking (qt_turns.c) ---------------------------------------------- */

/* Whether d (its quotations found) reads as a story told in dialogue: many
 * paragraphs that open or end with a quotation. */
int qt_is_dialogue(const qt_doc *d);

/* After qt_attribute: in runs of dialogue paragraphs, a line with no cue of
 * its own goes to the speaker two lines back when the two lines before it
 * have two different speakers. */
void qt_turns(qt_doc *d);

/* After qt_turns, in a story: a line with no speaker before a line of
 * speaker B is B's addressee (B's vocative, else the nearest other
 * speaker after). */
void qt_turns_back(qt_doc *d);

/* ---- conversations (qt_convo.c) ------------------------------------------- */

/* Whether the speaker names t[a1, b1) and t[a2, b2) are one person:
 * QT_PERSON_SAME (the same bytes; a single word ending the other: Aziz,
 * Dr. Aziz), QT_PERSON_OTHER (other last words) or QT_PERSON_UNSURE (the
 * same last word, else different: Mary Crawford, Miss Crawford). */
enum { QT_PERSON_OTHER = 0, QT_PERSON_SAME = 1, QT_PERSON_UNSURE = 2 };
int qt_same_person(const char *t, uint32_t a1, uint32_t b1, uint32_t a2, uint32_t b2);

/* After qt_turns_back, in a story: a line without a cue inside a run of
 * dialogue (lines in consecutive paragraphs) takes the speaker the
 * alternation of the anchors around it gives (lines whose cue names the
 * speaker), when those anchors agree with two parties alternating. */
void qt_convo(qt_doc *d);

/* ---- kinds (qt_kind.c) ----------------------------------------------------- */

/* Sets q->kind for every quotation (after qt_attribute). */
void qt_classify(qt_doc *d);

#endif
