/*
 * test_host_v2.c -- the members ABI 2 added to the host table (ann_host,
 * annotate/plugin.h), called through the table as a plugin calls them:
 * UTF-8 decoding forwards and backwards, character classes, case folding,
 * growable scratch memory, emit_v2, the sized token and region arrays; and
 * a plugin built for ABI 1 that must still load and run through annotate().
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "load/loader.h"
#include "read/reader.h"
#include "run/doc.h"
#include "text/tokenize.h"

#define TEST_PLUGINS ANN_ABS_BUILDDIR "/tests/unit/plugins/.libs"

static const ann_host *const H = &ann_host_table;

/* ---- decode and decode_prev -------------------------------------------------- */

typedef struct decode_case {
    const char *what;
    const char *s;
    size_t len, i;
    uint32_t cp;
    size_t n;
} decode_case;

static const decode_case decode_cases[] = {
    {"ASCII", "A", 1, 0, 'A', 1},
    {"two bytes", "\xC3\xA9", 2, 0, 0xE9, 2},
    {"three bytes", "\xE2\x82\xAC", 3, 0, 0x20AC, 3},
    {"four bytes", "\xF0\x9F\x98\x80", 4, 0, 0x1F600, 4},
    {"mid-string", "a\xC3\xA9", 3, 1, 0xE9, 2},
    {"highest code point", "\xF4\x8F\xBF\xBF", 4, 0, 0x10FFFF, 4},
    {"overlong two bytes", "\xC0\xAF", 2, 0, 0xFFFD, 1},
    {"overlong C1", "\xC1\xBF", 2, 0, 0xFFFD, 1},
    {"overlong three bytes", "\xE0\x80\xAF", 3, 0, 0xFFFD, 1},
    {"overlong four bytes", "\xF0\x80\x80\xAF", 4, 0, 0xFFFD, 1},
    {"surrogate D800", "\xED\xA0\x80", 3, 0, 0xFFFD, 1},
    {"surrogate DFFF", "\xED\xBF\xBF", 3, 0, 0xFFFD, 1},
    {"past U+10FFFF", "\xF4\x90\x80\x80", 4, 0, 0xFFFD, 1},
    {"F5 lead", "\xF5\x80\x80\x80", 4, 0, 0xFFFD, 1},
    {"lone continuation", "\x80", 1, 0, 0xFFFD, 1},
    {"truncated two", "\xC3", 1, 0, 0xFFFD, 1},
    {"truncated three", "\xE2\x82", 2, 0, 0xFFFD, 1},
    {"truncated four", "\xF0\x9F\x98", 3, 0, 0xFFFD, 1},
    {"truncated by len", "\xE2\x82\xAC", 2, 0, 0xFFFD, 1},
    {"broken continuation", "\xE2\x41\xAC", 3, 0, 0xFFFD, 1},
};

static void expect_decoded(const decode_case *c, uint32_t cp, size_t n)
{
    ck_assert_msg(cp == c->cp && n == c->n, "%s: U+%04X length %zu, want U+%04X length %zu",
                  c->what, (unsigned)cp, n, (unsigned)c->cp, c->n);
}

START_TEST(test_decode)
{
    const decode_case *c = &decode_cases[_i];
    size_t n = 99;
    uint32_t cp = H->decode(c->s, c->len, c->i, &n);
    expect_decoded(c, cp, n);
}
END_TEST

static const decode_case decode_prev_cases[] = {
    {"ASCII", "ab", 2, 2, 'b', 1},
    {"two bytes", "a\xC3\xA9", 3, 3, 0xE9, 2},
    {"three bytes", "a\xE2\x82\xAC", 4, 4, 0x20AC, 3},
    {"four bytes", "\xF0\x9F\x98\x80", 4, 4, 0x1F600, 4},
    {"before a later character", "\xC3\xA9z", 3, 2, 0xE9, 2},
    {"lone continuation", "a\x80", 2, 2, 0xFFFD, 1},
    {"overlong", "\xC0\xAF", 2, 2, 0xFFFD, 1},
    {"surrogate", "\xED\xA0\x80", 3, 3, 0xFFFD, 1},
    {"truncated", "a\xE2\x82", 3, 3, 0xFFFD, 1},
    {"five continuations", "\x80\x80\x80\x80\x80", 5, 5, 0xFFFD, 1},
};

START_TEST(test_decode_prev)
{
    const decode_case *c = &decode_prev_cases[_i];
    size_t n = 99;
    uint32_t cp = H->decode_prev(c->s, c->i, &n);
    expect_decoded(c, cp, n);
}
END_TEST

/* Over well-formed text, a forward and a backward scan meet the same
 * characters; over any bytes, both always advance. */
START_TEST(test_decode_scans)
{
    static const char text[] = "Stra\xC3\x9F"
                               "e \xE2\x80\x9C\xE2\x82\xAC"
                               "5\xE2\x80\x9D \xF0\x9F\x98\x80!";
    size_t len = sizeof text - 1, i = 0, k = 0, n;
    uint32_t fwd[32];
    while (i < len) {
        fwd[k++] = H->decode(text, len, i, &n);
        ck_assert_uint_ne(fwd[k - 1], 0xFFFD);
        i += n;
    }
    ck_assert_uint_eq(i, len);
    while (i > 0) {
        uint32_t cp = H->decode_prev(text, i, &n);
        ck_assert_uint_gt(k, 0);
        ck_assert_uint_eq(cp, fwd[--k]);
        i -= n;
    }
    ck_assert_uint_eq(k, 0);

    unsigned seed = 12345;
    char junk[64];
    /* One assertion at the end: Check's per-assertion cost under the
     * sanitizers would otherwise dominate the test's time. */
    size_t bad = 0;
    for (int round = 0; round < 2000; round++) {
        for (size_t j = 0; j < sizeof junk; j++) {
            seed = seed * 1103515245u + 12345u;
            junk[j] = (char)(0x80 | (seed >> 16)); /* mostly lead and continuation bytes */
        }
        for (i = 0; i < sizeof junk; i += n ? n : 1) {
            H->decode(junk, sizeof junk, i, &n);
            bad += !(n >= 1 && n <= 4 && i + n <= sizeof junk);
        }
        for (i = sizeof junk; i > 0; i -= n && n <= i ? n : i) {
            H->decode_prev(junk, i, &n);
            bad += !(n >= 1 && n <= 4 && n <= i);
        }
    }
    ck_assert_uint_eq(bad, 0);
}
END_TEST

/* ---- char_class ------------------------------------------------------------------ */

START_TEST(test_char_class_ascii)
{
    for (unsigned c = 0; c < 0x80; c++)
        ck_assert_msg(H->char_class(c) == ann_ascii_class((unsigned char)c),
                      "byte 0x%02X: char_class %#x, ann_ascii_class %#x", c,
                      (unsigned)H->char_class(c), (unsigned)ann_ascii_class((unsigned char)c));
}
END_TEST

typedef struct class_case {
    uint32_t cp;
    uint32_t has;     /* bits that must be set */
    uint32_t has_not; /* bits that must not be */
} class_case;

static const class_case class_cases[] = {
    {0x00A0, ANN_CHAR_SPACE, ANN_CHAR_NEWLINE | ANN_CHAR_PUNCT},   /* no-break space */
    {0x2009, ANN_CHAR_SPACE, ANN_CHAR_NEWLINE},                    /* thin space */
    {0x202F, ANN_CHAR_SPACE, ANN_CHAR_NEWLINE},                    /* narrow no-break space */
    {0x2028, ANN_CHAR_SPACE | ANN_CHAR_NEWLINE, 0},                /* line separator */
    {0x0085, ANN_CHAR_NEWLINE, 0},                                 /* next line */
    {0x00E9, ANN_CHAR_LETTER | ANN_CHAR_LOWER, ANN_CHAR_UPPER},    /* é */
    {0x00C9, ANN_CHAR_LETTER | ANN_CHAR_UPPER, ANN_CHAR_LOWER},    /* É */
    {0x00DF, ANN_CHAR_LETTER | ANN_CHAR_LOWER, ANN_CHAR_UPPER},    /* ß */
    {0x03A3, ANN_CHAR_LETTER | ANN_CHAR_UPPER, 0},                 /* Σ */
    {0x01C5, ANN_CHAR_LETTER | ANN_CHAR_UPPER, ANN_CHAR_LOWER},    /* ǅ, titlecase */
    {0x4E2D, ANN_CHAR_LETTER, ANN_CHAR_UPPER | ANN_CHAR_LOWER},    /* 中 */
    {0x0661, ANN_CHAR_DIGIT, ANN_CHAR_NUMBER | ANN_CHAR_LETTER},   /* Arabic-Indic one */
    {0xFF15, ANN_CHAR_DIGIT, ANN_CHAR_LETTER},                     /* fullwidth five */
    {0x00BD, ANN_CHAR_NUMBER, ANN_CHAR_DIGIT},                     /* ½ */
    {0x2163, ANN_CHAR_NUMBER, ANN_CHAR_DIGIT},                     /* Ⅳ */
    {0x0301, ANN_CHAR_MARK, ANN_CHAR_LETTER},                      /* combining acute */
    {0x2010, ANN_CHAR_PUNCT | ANN_CHAR_DASH, 0},                   /* hyphen */
    {0x2013, ANN_CHAR_PUNCT | ANN_CHAR_DASH, ANN_CHAR_QUOTE},      /* – */
    {0x2014, ANN_CHAR_PUNCT | ANN_CHAR_DASH, 0},                   /* — */
    {0x201C, ANN_CHAR_PUNCT | ANN_CHAR_QUOTE, ANN_CHAR_DASH},      /* “ */
    {0x201D, ANN_CHAR_PUNCT | ANN_CHAR_QUOTE, 0},                  /* ” */
    {0x2018, ANN_CHAR_PUNCT | ANN_CHAR_QUOTE, 0},                  /* ‘ */
    {0x00AB, ANN_CHAR_PUNCT | ANN_CHAR_QUOTE, 0},                  /* « */
    {0x00BB, ANN_CHAR_PUNCT | ANN_CHAR_QUOTE, 0},                  /* » */
    {0x20AC, ANN_CHAR_SYMBOL | ANN_CHAR_CURRENCY, ANN_CHAR_PUNCT}, /* € */
    {0x00A3, ANN_CHAR_SYMBOL | ANN_CHAR_CURRENCY, 0},              /* £ */
    {0x00A5, ANN_CHAR_SYMBOL | ANN_CHAR_CURRENCY, 0},              /* ¥ */
    {0x00B0, ANN_CHAR_SYMBOL, ANN_CHAR_CURRENCY},                  /* ° */
    {0x0378, 0, ~0u},                                              /* unassigned */
};

START_TEST(test_char_class)
{
    const class_case *c = &class_cases[_i];
    uint32_t got = H->char_class(c->cp);
    ck_assert_msg((got & c->has) == c->has && (got & c->has_not) == 0,
                  "U+%04X: class %#x, must have %#x and not %#x", (unsigned)c->cp, (unsigned)got,
                  (unsigned)c->has, (unsigned)c->has_not);
}
END_TEST

/* The inline helper: ASCII on its own, the rest through the table. */
START_TEST(test_class_at)
{
    static const char s[] = "a\xE2\x82\xAC\xC2\xA0";
    size_t len = sizeof s - 1, n;
    ck_assert_uint_eq(ann_class_at(H, s, len, 0, &n), ANN_CHAR_LETTER | ANN_CHAR_LOWER);
    ck_assert_uint_eq(n, 1);
    ck_assert_uint_eq(ann_class_at(H, s, len, 1, &n), H->char_class(0x20AC));
    ck_assert_uint_eq(n, 3);
    ck_assert(ann_class_at(H, s, len, 4, &n) & ANN_CHAR_SPACE);
    ck_assert_uint_eq(n, 2);
}
END_TEST

/* ---- fold_case ------------------------------------------------------------------- */

typedef struct fold_case {
    uint32_t cp, folded;
} fold_case;

/* Simple case folding: CaseFolding.txt status C and S only. */
static const fold_case fold_cases[] = {
    {'A', 'a'},         {'a', 'a'}, {'7', '7'}, {0x00C9, 0x00E9}, /* É */
    {0x03A3, 0x03C3},                                             /* Σ */
    {0x03C2, 0x03C3},                                             /* final ς folds with σ */
    {0x1E9E, 0x00DF},                                             /* ẞ: status S */
    {0x00DF, 0x00DF},                                             /* ß: full folding only (ss) */
    {0x0130, 0x0130},   /* İ: full (i + U+0307) and Turkic (T) folding only */
    {0x0131, 0x0131},   /* ı */
    {0x212A, 'k'},      /* Kelvin sign */
    {0x2126, 0x03C9},   /* Ohm sign */
    {0x01C5, 0x01C6},   /* ǅ */
    {0x1F88, 0x1F80},   /* ᾈ: status S */
    {0x10400, 0x10428}, /* Deseret */
    {0xFB00, 0xFB00},   /* ﬀ: full folding only */
};

START_TEST(test_fold_case)
{
    const fold_case *c = &fold_cases[_i];
    uint32_t got = H->fold_case(c->cp);
    ck_assert_msg(got == c->folded, "U+%04X folds to U+%04X, want U+%04X", (unsigned)c->cp,
                  (unsigned)got, (unsigned)c->folded);
}
END_TEST

/* ---- a document context over one linked plugin ---------------------------------------- */

static int hv_annotate(const ann_host *host, void *state, ann_doc *doc)
{
    (void)host;
    (void)state;
    (void)doc;
    return ANN_OK;
}

static const char *const hv_labels[] = {"X", NULL};

static const ann_plugin hv_desc = {
    ANN_PLUGIN_HEADER,
    "hv",
    "0.0.1",
    "the plugin the host members are called for",
    hv_labels,
    NULL,
    NULL,
    NULL,
    NULL,
    NULL,
    hv_annotate,
    NULL,
};

typedef struct doc_fixture {
    ann_plugin_set set;
    ann_textdoc td;
    ann_tokenized tok;
    ann_doc doc;
    ann_buf log;
} doc_fixture;

/* Opens the plugins of f->set and begins a document over text, with the
 * first plugin as the one being run. */
static void fixture_begin(doc_fixture *f, const char *text)
{
    char err[1024] = "";
    ck_assert_msg(ann_open_plugins(&f->set, H, err, sizeof err) == ANN_OK, "%s", err);
    ck_assert_msg(ann_read_memory("mem.txt", (const unsigned char *)text, strlen(text),
                                  ANN_FORMAT_TEXT, &f->td, err, sizeof err) == ANN_OK,
                  "%s", err);
    ck_assert_int_eq(
        ann_tokenize(f->td.view, f->td.view_len, f->td.blocks, f->td.n_blocks, &f->tok), ANN_OK);
    ck_assert_int_eq(ann_doc_init(&f->doc, &f->set), ANN_OK);
    f->doc.log = &f->log;
    ann_doc_begin(&f->doc, "mem.txt", &f->td, &f->tok, NULL);
}

/* A document over text with hv as the plugin being run: the host members
 * can be called with &f->doc as they are from hv's annotate_v2(). */
static void fixture_open(doc_fixture *f, const char *text)
{
    memset(f, 0, sizeof *f);
    char err[1024] = "";
    f->set.items = calloc(1, sizeof *f->set.items);
    ck_assert_ptr_nonnull(f->set.items);
    ck_assert_msg(ann_load_linked(&hv_desc, NULL, &f->set.items[0], err, sizeof err) == ANN_OK,
                  "%s", err);
    f->set.n = 1;
    fixture_begin(f, text);
}

static void fixture_close(doc_fixture *f)
{
    ann_doc_end(&f->doc);
    ann_doc_free(&f->doc);
    ann_tokenized_free(&f->tok);
    ann_textdoc_free(&f->td);
    ann_plugin_set_free(&f->set);
    ann_buf_free(&f->log);
}

/* ---- fold_text ------------------------------------------------------------------- */

typedef struct fold_text_case {
    const char *in, *out;
} fold_text_case;

/* Full case folding, as for comparing words. */
static const fold_text_case fold_text_cases[] = {
    {"Stra\xC3\x9F"
     "e",
     "strasse"}, /* Straße */
    {"STRASSE", "strasse"},
    {"\xCE\xA3\xCE\x91\xCE\xA3", "\xCF\x83\xCE\xB1\xCF\x83"}, /* ΣΑΣ -> σασ */
    {"\xC4\xB0", "i\xCC\x87"},                                /* İ -> i + combining dot above */
    {"\xC3\x89LAN vital", "\xC3\xA9lan vital"},               /* ÉLAN */
    {"\xEF\xAC\x80", "ff"},                                   /* ﬀ */
    {"already folded 42", "already folded 42"},
    {"", ""},
};

START_TEST(test_fold_text)
{
    const fold_text_case *c = &fold_text_cases[_i];
    doc_fixture f;
    fixture_open(&f, "x");
    size_t n = 99;
    char *got = H->fold_text(&f.doc, c->in, strlen(c->in), &n);
    ck_assert_ptr_nonnull(got);
    ck_assert_str_eq(got, c->out);
    ck_assert_uint_eq(n, strlen(c->out));
    ck_assert_ptr_null(H->fold_text(&f.doc, NULL, 1, &n));
    ck_assert_uint_eq(n, 0);
    fixture_close(&f);
}
END_TEST

/* ---- scratch_grow ----------------------------------------------------------------- */

static int all_zero(const unsigned char *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (p[i])
            return 0;
    return 1;
}

START_TEST(test_scratch_grow)
{
    doc_fixture f;
    fixture_open(&f, "x");
    ann_doc *d = &f.doc;

    unsigned char *a = H->scratch(d, 16);
    ck_assert_ptr_nonnull(a);
    memset(a, 'a', 16);
    /* The newest block grows where it is, its bytes kept, the rest zero. */
    unsigned char *b = H->scratch_grow(d, a, 16, 100);
    ck_assert_ptr_eq(b, a);
    ck_assert(memchr(b, 'a', 16) == b && b[15] == 'a');
    ck_assert(all_zero(b + 16, 84));

    /* Once another block follows it, growing copies. */
    unsigned char *c = H->scratch(d, 8);
    ck_assert_ptr_nonnull(c);
    memset(c, 'c', 8);
    unsigned char *e = H->scratch_grow(d, b, 100, 300);
    ck_assert_ptr_nonnull(e);
    ck_assert_ptr_ne(e, b);
    for (size_t i = 0; i < 16; i++)
        ck_assert_uint_eq(e[i], 'a');
    ck_assert(all_zero(e + 16, 284));
    ck_assert(c[0] == 'c' && c[7] == 'c'); /* the block in between is untouched */

    /* Shrinking keeps the first bytes; NULL allocates zeroed memory. */
    unsigned char *s = H->scratch_grow(d, e, 300, 10);
    ck_assert_ptr_eq(s, e);
    ck_assert_uint_eq(s[9], 'a');
    unsigned char *z = H->scratch_grow(d, NULL, 0, 40);
    ck_assert_ptr_nonnull(z);
    ck_assert(all_zero(z, 40));

    /* A buffer doubled step by step keeps every byte written. */
    size_t cap = 4;
    unsigned char *v = H->scratch(d, cap);
    for (size_t i = 0; i < 5000; i++) {
        if (i == cap) {
            v = H->scratch_grow(d, v, cap, cap * 2);
            ck_assert_ptr_nonnull(v);
            cap *= 2;
        }
        v[i] = (unsigned char)(i * 7);
    }
    for (size_t i = 0; i < 5000; i++)
        ck_assert_uint_eq(v[i], (unsigned char)(i * 7));
    fixture_close(&f);
}
END_TEST

/* ---- emit_v2 ---------------------------------------------------------------------- */

START_TEST(test_emit_v2)
{
    doc_fixture f;
    fixture_open(&f, "Le caf\xC3\xA9 ferme.");
    ann_doc *d = &f.doc;
    ann_attr attr = {"k", "v"};
    ann_new_span_v2 s = ANN_NEW_SPAN_V2_INIT;
    s.start = 3;
    s.end = 8;
    s.label = "X";
    s.attrs = &attr;
    s.n_attrs = 1;
    uint32_t id = 0;
    ck_assert_int_eq(H->emit_v2(d, &s, &id), ANN_OK);
    ck_assert_uint_ne(id, 0);

    /* A link to it, and a struct larger than this header's (a later ABI's). */
    struct {
        ann_new_span_v2 v2;
        uint64_t later_field;
    } big = {ANN_NEW_SPAN_V2_INIT, 42};
    ann_link link = {"to", id};
    big.v2.size = (uint32_t)sizeof big;
    big.v2.start = 0;
    big.v2.end = 2;
    big.v2.label = "X";
    big.v2.links = &link;
    big.v2.n_links = 1;
    ck_assert_int_eq(H->emit_v2(d, &big.v2, NULL), ANN_OK);

    /* Too small a size is refused before anything else is read. */
    ann_new_span_v2 small = s;
    small.size = (uint32_t)offsetof(ann_new_span_v2, n_links);
    ck_assert_int_eq(H->emit_v2(d, &small, NULL), ANN_EINVAL);
    small.size = 0;
    ck_assert_int_eq(H->emit_v2(d, &small, NULL), ANN_EINVAL);
    ck_assert_msg(f.log.data && strstr(f.log.data, "smaller than ABI 2"), "%s", f.log.data);

    /* The checks of emit(). */
    ann_new_span_v2 bad = s;
    bad.end = 7; /* inside é */
    ck_assert_int_eq(H->emit_v2(d, &bad, NULL), ANN_EINVAL);
    bad = s;
    bad.label = "Y";
    ck_assert_int_eq(H->emit_v2(d, &bad, NULL), ANN_EINVAL);
    bad = s;
    bad.end = 99;
    ck_assert_int_eq(H->emit_v2(d, &bad, NULL), ANN_EINVAL);
    ck_assert_int_eq(H->emit_v2(d, NULL, NULL), ANN_EINVAL);
    ck_assert_uint_eq(d->refused, 6);

    size_t n = 0;
    const ann_span *got = H->spans(d, "hv", &n);
    ck_assert_uint_eq(n, 2);
    ck_assert(got[0].start == 0 && got[0].end == 2 && got[0].n_links == 1 &&
              got[0].links[0].target == id);
    ck_assert(got[1].start == 3 && got[1].end == 8 && got[1].n_attrs == 1);
    ck_assert_str_eq(got[1].attrs[0].value, "v");
    fixture_close(&f);
}
END_TEST

/* ---- tokens_v2, sentences_v2, paragraphs_v2 --------------------------------------- */

static const char *const v2_texts[] = {
    "One sentence here. And a second one!\n\nA new paragraph, with \xC3\xA9t\xC3\xA9.\n\n\nLast one.",
    "No paragraph break at all. Two sentences.",
    "",
};

static void check_regions(const ann_region *r1, size_t n1, const ann_region_v2 *r2, size_t n2)
{
    ck_assert_uint_eq(n1, n2);
    for (size_t i = 0; i < n1; i++) {
        ck_assert_uint_eq(r2[i].size, sizeof(ann_region_v2));
        ck_assert(r2[i].start == r1[i].start && r2[i].end == r1[i].end &&
                  r2[i].tok_begin == r1[i].tok_begin && r2[i].tok_end == r1[i].tok_end);
    }
}

START_TEST(test_arrays_v2)
{
    doc_fixture f;
    fixture_open(&f, v2_texts[_i]);
    ann_doc *d = &f.doc;
    size_t n1, n2, np;
    const ann_token *t1 = H->tokens(d, &n1);
    const ann_token_v2 *t2 = H->tokens_v2(d, sizeof(ann_token_v2), &n2);
    const ann_region *p1 = H->paragraphs(d, &np);
    ck_assert_uint_eq(n1, n2);
    for (size_t i = 0; i < n1; i++) {
        ck_assert_uint_eq(t2[i].size, sizeof(ann_token_v2));
        ck_assert(t2[i].start == t1[i].start && t2[i].end == t1[i].end &&
                  t2[i].kind == t1[i].kind && t2[i].flags == t1[i].flags &&
                  t2[i].sentence == t1[i].sentence);
        /* The paragraph index names the paragraph holding the token. */
        ck_assert_uint_lt(t2[i].paragraph, np);
        const ann_region *para = &p1[t2[i].paragraph];
        ck_assert_uint_le(para->tok_begin, i);
        ck_assert_uint_gt(para->tok_end, i);
    }
    ck_assert_ptr_eq(H->tokens_v2(d, sizeof(ann_token_v2), &n2), t2); /* built once */

    const ann_region *s1 = H->sentences(d, &n1);
    const ann_region_v2 *s2 = H->sentences_v2(d, sizeof(ann_region_v2), &n2);
    check_regions(s1, n1, s2, n2);
    const ann_region_v2 *p2 = H->paragraphs_v2(d, sizeof(ann_region_v2), &n2);
    check_regions(p1, np, p2, n2);
    fixture_close(&f);
}
END_TEST

START_TEST(test_arrays_v2_unknown_size)
{
    doc_fixture f;
    fixture_open(&f, v2_texts[0]);
    ann_doc *d = &f.doc;
    const size_t sizes[] = {0, 1, sizeof(ann_token), sizeof(ann_token_v2) + 4, (size_t)-1};
    for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
        size_t n = 99;
        if (sizes[k] != sizeof(ann_token_v2)) {
            ck_assert_ptr_null(H->tokens_v2(d, sizes[k], &n));
            ck_assert_uint_eq(n, 0);
        }
        n = 99;
        if (sizes[k] != sizeof(ann_region_v2)) {
            ck_assert_ptr_null(H->sentences_v2(d, sizes[k], &n));
            ck_assert_uint_eq(n, 0);
            n = 99;
            ck_assert_ptr_null(H->paragraphs_v2(d, sizes[k], &n));
            ck_assert_uint_eq(n, 0);
        }
    }
    fixture_close(&f);
}
END_TEST

/* ---- a version 1 plugin ------------------------------------------------------------ */

START_TEST(test_abi1_plugin)
{
    char err[2048] = "";
    ann_strlist path = {0};
    ck_assert_int_eq(ann_strlist_add(&path, TEST_PLUGINS), 0);
    doc_fixture f;
    memset(&f, 0, sizeof f);
    ck_assert_msg(ann_select_plugins(&path, "abione", &f.set, err, sizeof err) == ANN_OK, "%s",
                  err);
    const ann_plugin *desc = f.set.items[0].desc;
    ck_assert_uint_eq(desc->abi_version, 1);
    ck_assert_uint_eq(desc->size, offsetof(ann_plugin, annotate_v2));
    /* The host's copy has zeros where ABI 1 had nothing. */
    ck_assert_ptr_null(desc->annotate_v2);
    ck_assert_ptr_null(desc->subsumes);
    ck_assert_ptr_nonnull(desc->annotate);
    fixture_begin(&f, "Three words here, and two.");
    ck_assert_msg(ann_doc_run_plugin(&f.doc, 0) == ANN_OK, "%s", f.doc.error);

    size_t n = 0;
    const ann_span *s = ann_store_layer(&f.doc.store, 0, &n);
    ck_assert_uint_eq(n, 5);
    ck_assert(s[0].start == 0 && s[0].end == 5);
    ck_assert_str_eq(s[0].label, "W");
    ck_assert_str_eq(s[0].layer, "abione");
    ck_assert_uint_eq(f.doc.n_meta, 1);
    ck_assert_str_eq(f.doc.meta[0].value, "5"); /* spans() answered its own layer */

    ann_result res;
    ck_assert_int_eq(ann_doc_result(&f.doc, ANN_MERGE_ALL, &res), ANN_OK);
    ck_assert_uint_eq(res.n_spans, 5);
    fixture_close(&f);
    ann_strlist_free(&path);
}
END_TEST

static Suite *host_v2_suite(void)
{
    Suite *s = suite_create("host_v2");
    TCase *tc = tcase_create("decode");
    tcase_add_loop_test(tc, test_decode, 0, sizeof decode_cases / sizeof decode_cases[0]);
    tcase_add_loop_test(tc, test_decode_prev, 0,
                        sizeof decode_prev_cases / sizeof decode_prev_cases[0]);
    tcase_add_test(tc, test_decode_scans);
    suite_add_tcase(s, tc);
    tc = tcase_create("char_class");
    tcase_add_test(tc, test_char_class_ascii);
    tcase_add_loop_test(tc, test_char_class, 0, sizeof class_cases / sizeof class_cases[0]);
    tcase_add_test(tc, test_class_at);
    suite_add_tcase(s, tc);
    tc = tcase_create("fold");
    tcase_add_loop_test(tc, test_fold_case, 0, sizeof fold_cases / sizeof fold_cases[0]);
    tcase_add_loop_test(tc, test_fold_text, 0, sizeof fold_text_cases / sizeof fold_text_cases[0]);
    suite_add_tcase(s, tc);
    tc = tcase_create("document");
    tcase_add_test(tc, test_scratch_grow);
    tcase_add_test(tc, test_emit_v2);
    tcase_add_loop_test(tc, test_arrays_v2, 0, sizeof v2_texts / sizeof v2_texts[0]);
    tcase_add_test(tc, test_arrays_v2_unknown_size);
    tcase_add_test(tc, test_abi1_plugin);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(host_v2_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
