/*
 * test_rules.c -- unit tests of the rules plugin against the mock host.
 *
 * Each table row is a small rule file written for the phenomenon, a
 * sentence of my own, and what should be marked.  Rule files are written
 * to a temporary folder, since the plugin reads them by path as it does in
 * a real run.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "annotate/plugin.h"
#include "load/loader.h"
#include "mock_host.h"

const ann_plugin *ann_plugin_rules(void);

static char tmpdir[] = "/tmp/test_rules.XXXXXX";

/* Writes text to NAME in the temporary folder; returns its path (static). */
static const char *write_file(const char *name, const char *text)
{
    static char path[512];
    snprintf(path, sizeof path, "%s/%s", tmpdir, name);
    FILE *f = fopen(path, "w");
    ck_assert_ptr_nonnull(f);
    fputs(text, f);
    fclose(f);
    return path;
}

/* Opens the plugin over rule text (NULL: no file); NULL when open fails. */
static mock_plugin *open_rules(const char *rules)
{
    char opt[600];
    if (!rules)
        return mock_plugin_open(ann_plugin_rules(), NULL, NULL);
    snprintf(opt, sizeof opt, "file=%s", write_file("t.rules", rules));
    const char *opts[] = {opt, NULL};
    return mock_plugin_open(ann_plugin_rules(), opts, NULL);
}

static mock_plugin *open_example(const char *name)
{
    char opt[600];
    snprintf(opt, sizeof opt, "file=%s/%s", RULES_EXAMPLES_DIR, name);
    const char *opts[] = {opt, NULL};
    mock_plugin *p = mock_plugin_open(ann_plugin_rules(), opts, NULL);
    ck_assert_msg(p != NULL, "open failed: %s", mock_last_error());
    return p;
}

/* Adds spans "LABEL:text" of the entities layer, each at the first place
 * its text occurs. */
static void add_entities(mock_doc *d, const char *const *ents)
{
    for (size_t k = 0; ents && ents[k]; k++) {
        const char *colon = strchr(ents[k], ':');
        char label[16];
        snprintf(label, sizeof label, "%.*s", (int)(colon - ents[k]), ents[k]);
        const char *at = strstr(mock_doc_text(d), colon + 1);
        ck_assert_msg(at != NULL, "entity '%s' not in the text", colon + 1);
        uint32_t s = (uint32_t)(at - mock_doc_text(d));
        mock_doc_add_span(d, "entities", s, s + (uint32_t)strlen(colon + 1), label);
    }
}

/* The spans of `layer` as "LABEL:text" joined by " | ", with a link
 * written as "LABEL:text>role=text". */
static void describe(mock_doc *d, const char *layer, char *out, size_t n)
{
    size_t count;
    const ann_span *s = mock_doc_spans(d, layer, &count);
    out[0] = '\0';
    const char *t = mock_doc_text(d);
    for (size_t i = 0; i < count; i++) {
        size_t l = strlen(out);
        snprintf(out + l, n - l, "%s%s:%.*s", i ? " | " : "", s[i].label,
                 (int)(s[i].end - s[i].start), t + s[i].start);
        for (size_t k = 0; k < s[i].n_links; k++) {
            const ann_span *tg = mock_doc_span_by_id(d, s[i].links[k].target);
            l = strlen(out);
            snprintf(out + l, n - l, ">%s=%.*s", s[i].links[k].role, (int)(tg->end - tg->start),
                     t + tg->start);
        }
    }
}

typedef struct match_case {
    const char *rules;
    const char *text;
    const char *const *entities; /* "PER:Carlos Ghosn", ... */
    const char *want;            /* describe()'s answer */
} match_case;

/* Runs the opened plugin p over text with the given entities, checks
 * describe()'s answer and closes p; `what` names the rules in a failure. */
static void check_run_as(mock_plugin *p, const char *what, const char *text, const char *reader,
                         const char *const *entities, const char *want)
{
    mock_doc *d = mock_doc_new_as(text, strlen(text), reader);
    ck_assert_msg(d != NULL, "%s", mock_last_error());
    add_entities(d, entities);
    ck_assert_int_eq(mock_doc_run(d, p), ANN_OK);
    ck_assert_uint_eq(mock_doc_refused(d), 0);
    char got[1024];
    describe(d, mock_plugin_layer(p), got, sizeof got);
    ck_assert_msg(strcmp(got, want) == 0, "rules:\n%s\ntext: %s\nwant: %s\ngot:  %s", what, text,
                  want, got);
    mock_doc_free(d);
    mock_plugin_close(p);
}

static void check_run(mock_plugin *p, const char *what, const char *text,
                      const char *const *entities, const char *want)
{
    check_run_as(p, what, text, "text", entities, want);
}

static void run_case(const match_case *c)
{
    mock_plugin *p = open_rules(c->rules);
    ck_assert_msg(p != NULL, "open failed: %s", mock_last_error());
    check_run(p, c->rules, c->text, c->entities, c->want);
}

/* ---- phrase lists --------------------------------------------------------- */

static const match_case phrases[] = {
    /* inline list, case as written */
    {"phrases CAR: Leaf, Outlander\n", "The Leaf sold well; a leaf fell.", NULL, "CAR:Leaf"},
    /* ignore-case */
    {"phrases CAR ignore-case: Outlander\n", "OUTLANDER and outlander", NULL,
     "CAR:OUTLANDER | CAR:outlander"},
    /* token boundaries: no match inside a word */
    {"phrases CAR: Note\n", "Notebooks are not a Note.", NULL, "CAR:Note"},
    /* a phrase before punctuation glued to it */
    {"phrases CAR: Note\n", "He drove a Note, then a Note.", NULL, "CAR:Note | CAR:Note"},
    /* longest match wins, across both tables */
    {"phrases CAR: Outlander\nphrases CAR ignore-case: outlander phev\n",
     "the Outlander PHEV is new", NULL, "CAR:Outlander PHEV"},
    /* several spaces in the text are one */
    {"phrases ORG: Renault Group\n", "the Renault   Group said", NULL, "ORG:Renault   Group"},
    /* a chunk of several tokens: "U.S." and a hyphenated word */
    {"phrases X: U.S. Steel, Mercedes-Benz\n", "U.S. Steel and Mercedes-Benz", NULL,
     "X:U.S. Steel | X:Mercedes-Benz"},
    /* a prefix of a phrase alone does not match */
    {"phrases X: Eclipse Cross\n", "a solar Eclipse. Eclipse Cross", NULL, "X:Eclipse Cross"},
    /* non-ASCII case folding */
    {"phrases CITY ignore-case: Zürich, ΑΘΗΝΑ\n", "ZÜRICH and Αθηνα", NULL,
     "CITY:ZÜRICH | CITY:Αθηνα"},
    /* indented block, one phrase a line */
    {"phrases CAR:\n    Clio\n    Captur\n", "Clio, Captur, Zoe", NULL, "CAR:Clio | CAR:Captur"},
    /* attributes and label per rule */
    {"phrases CAR maker=Nissan: Leaf\nphrases CITY: Paris\n", "Leaf in Paris", NULL,
     "CAR:Leaf | CITY:Paris"},
};

START_TEST(test_phrases)
{
    run_case(&phrases[_i]);
}
END_TEST

START_TEST(test_phrase_attributes)
{
    mock_plugin *p = open_rules("layer: cars\nphrases CAR maker=Nissan: Leaf\n");
    ck_assert_ptr_nonnull(p);
    mock_doc *d = mock_doc_new("A Leaf.");
    ck_assert_int_eq(mock_doc_run(d, p), ANN_OK);
    /* The file's own layer and label, declared at open (host ABI 3). */
    ck_assert_str_eq(mock_plugin_layer(p), "cars");
    const ann_span *s = mock_doc_find_text(d, "cars", "Leaf");
    ck_assert_ptr_nonnull(s);
    ck_assert_str_eq(s->label, "CAR");
    ck_assert_ptr_null(mock_span_attr(s, "layer"));
    ck_assert_ptr_null(mock_span_attr(s, "label"));
    ck_assert_str_eq(mock_span_attr(s, "maker"), "Nissan");
    mock_doc_free(d);
    mock_plugin_close(p);
}
END_TEST

START_TEST(test_phrase_file)
{
    write_file("list.txt", "# models\nClio\n\n  Megane E-Tech  \n");
    mock_plugin *p = open_rules("phrases CAR from list.txt\n");
    ck_assert_msg(p != NULL, "%s", mock_last_error());
    mock_doc *d = mock_doc_new("The Megane E-Tech and the Clio.");
    ck_assert_int_eq(mock_doc_run(d, p), ANN_OK);
    char got[256];
    describe(d, "t", got, sizeof got);
    ck_assert_str_eq(got, "CAR:Megane E-Tech | CAR:Clio");
    mock_doc_free(d);
    mock_plugin_close(p);
}
END_TEST

/* ---- token patterns ------------------------------------------------------- */

static const char *const ghosn[] = {"PER:Carlos Ghosn", NULL};
static const char *const reuters[] = {"ORG:Reuters", "PER:Ghosn", NULL};

static const match_case patterns[] = {
    /* literal words */
    {"pattern X: joint venture\n", "a joint venture, a joint effort", NULL, "X:joint venture"},
    /* lower-case forms */
    {"pattern X: lower:joint lower:venture\n", "Joint Venture", NULL, "X:Joint Venture"},
    /* shapes */
    {"pattern YEAR: shape:dddd\n", "in 1999 and 12 and 20234", NULL, "YEAR:1999 | YEAR:20234"},
    /* runs of more than 4 are cut at 4: "Takao" is Xxxxx, "Kato" Xxxx */
    {"pattern NAME: shape:Xxxxx shape:Xxxx\n", "met Takao Kato today", NULL, "NAME:Takao Kato"},
    {"pattern NAME: shape:Xxxx\n", "Tokyo, Kato", NULL, "NAME:Kato"},
    {"pattern CODE: shape:Xddd\n", "the A320 and the B7", NULL, "CODE:A320"},
    /* character classes */
    {"pattern UP: is:upper+\n", "the CEO of BMW AG said", NULL, "UP:CEO | UP:BMW AG"},
    {"pattern T: is:title is:digit\n", "Model 3 and model 3", NULL, "T:Model 3"},
    /* kinds */
    {"pattern N: kind:number lower:percent\n", "rose 34 percent", NULL, "N:34 percent"},
    /* optional elements */
    {"pattern X: lower:chief lower:executive lower:officer?\n",
     "chief executive officer; chief executive", NULL,
     "X:chief executive officer | X:chief executive"},
    /* bounded repetition */
    {"pattern X: lower:very{2,3} good\n", "very good, very very good, very very very very good",
     NULL, "X:very very good | X:very very very good"},
    /* alternatives */
    {"pattern X: (CEO | chairman | president) of\n", "the president of the club", NULL,
     "X:president of"},
    /* any token, and a quoted word that is also a keyword */
    {"pattern X: between any and any\n", "between 3 and 4", NULL, "X:between 3 and 4"},
    {"pattern X: \"any\" more\n", "not any more", NULL, "X:any more"},
    /* the emitted part */
    {"pattern T: [lower:ceo] shape:Xxxx\n", "CEO Kato", NULL, "T:CEO"},
    /* a span of a needed layer, with a link */
    {"needs: entities\npattern TITLE: [(CEO | chairman)] holder=<PER>\n",
     "chairman Carlos Ghosn resigned", ghosn, "TITLE:chairman>holder=Carlos Ghosn"},
    {"needs: entities\npattern TITLE: [(CEO | chairman)] holder=<entities:PER>\n",
     "chairman Carlos Ghosn", ghosn, "TITLE:chairman>holder=Carlos Ghosn"},
    /* the span must have the label asked for */
    {"needs: entities\npattern TITLE: CEO <ORG>\n", "CEO Carlos Ghosn", ghosn, ""},
    /* one role, two alternatives */
    {"needs: entities\npattern SAY: according to (source=<PER> | source=<ORG>)\n",
     "according to Reuters, according to Ghosn", reuters,
     "SAY:according to Reuters>source=Reuters | SAY:according to Ghosn>source=Ghosn"},
    /* leftmost, then longest; matches do not overlap */
    {"pattern X: a b | a b c | b c d\n", "a b c d", NULL, "X:a b c"},
    {"pattern X: x+\n", "x x x", NULL, "X:x x x"},
    /* a pattern starting with a span */
    {"needs: entities\npattern SAID: [<PER>] said\n", "Carlos Ghosn said so", ghosn,
     "SAID:Carlos Ghosn"},
    /* the patterns of a file: leftmost, then longest, no overlap */
    {"pattern A: kind:number\npattern B: rose kind:number lower:percent\n",
     "it rose 34 percent, 12", NULL, "B:rose 34 percent | A:12"},
    /* two patterns with the same first test both start */
    {"pattern A: is:upper lower:said\npattern B: is:upper lower:rose\n", "BMW rose and VW said",
     NULL, "B:BMW rose | A:VW said"},
    /* a first word in any case starts a case-sensitive pattern only when it fits */
    {"pattern A: Rose kind:number\n", "rose 3 and Rose 4", NULL, "A:Rose 4"},
    /* no match of no token */
    {"pattern X: maybe?\n", "nothing here", NULL, ""},
};

START_TEST(test_patterns)
{
    run_case(&patterns[_i]);
}
END_TEST

/* Patterns that make a backtracking matcher exponential finish here on a
 * long document: the VM's cost is tokens x program. */
START_TEST(test_pathological)
{
    static const char *const pats[] = {
        "pattern X: (a | a)* b\n",
        "pattern X: (a*)* b\n",
        "pattern X: (a? ){12}a{12} b\n",
        "pattern X: (any | a){1,16} (any | a){1,16} b\n",
    };
    size_t n = 20000;
    char *text = malloc(2 * n + 1);
    for (size_t i = 0; i < n; i++)
        text[2 * i] = 'a', text[2 * i + 1] = ' ';
    text[2 * n] = '\0';
    for (size_t k = 0; k < sizeof pats / sizeof pats[0]; k++) {
        char rules[100];
        snprintf(rules, sizeof rules, "%s", pats[k]);
        /* "(a? ){12}" is not valid: write the classic a?^n a^n by hand. */
        if (k == 2)
            snprintf(rules, sizeof rules, "pattern X: a?{12} a{12} b\n");
        mock_plugin *p = open_rules(rules);
        ck_assert_msg(p != NULL, "%s: %s", rules, mock_last_error());
        mock_doc *d = mock_doc_new(text);
        ck_assert_int_eq(mock_doc_run(d, p), ANN_OK);
        size_t count;
        mock_doc_spans(d, "rules", &count);
        ck_assert_uint_eq(count, 0);
        mock_doc_free(d);
        mock_plugin_close(p);
    }
    free(text);
}
END_TEST

/* ---- the examples ------------------------------------------------------- */

typedef struct example_case {
    const char *file;
    const char *text;
    const char *const *entities;
    const char *want;
} example_case;

static const char *const per_kato[] = {"PER:Takao Kato", "PER:Jean-Dominique Senard", NULL};
static const char *const per_gupta[] = {"PER:Ashwani Gupta", NULL};
static const char *const org_reuters[] = {"ORG:Reuters", "PER:Makoto Uchida", NULL};

static const example_case examples[] = {
    {"titles.rules", "Mitsubishi CEO Takao Kato met chairman Jean-Dominique Senard.", per_kato,
     "TITLE:CEO>holder=Takao Kato | TITLE:chairman>holder=Jean-Dominique Senard"},
    {"titles.rules", "Chief Executive Officer Ashwani Gupta spoke.", per_gupta,
     "TITLE:Chief Executive Officer>holder=Ashwani Gupta"},
    /* a title not followed by a person is not marked */
    {"titles.rules", "The CEO said nothing.", NULL, ""},
    {"attributions.rules", "Sales fell, according to Reuters, and rose according to Makoto Uchida.",
     org_reuters,
     "ATTRIBUTION:according to Reuters>source=Reuters | ATTRIBUTION:according to Makoto Uchida>source=Makoto Uchida"},
    /* a source the entities layer missed: capitalised words */
    {"attributions.rules", "It grew, according to the Japan Automobile Manufacturers Association.",
     NULL, "ATTRIBUTION:according to the Japan Automobile Manufacturers Association"},
    {"products.rules", "The Outlander PHEV outsold the Eclipse Cross and the Leaf.", NULL,
     "PRODUCT:Outlander PHEV | PRODUCT:Eclipse Cross | PRODUCT:Leaf"},
    {"products.rules", "A leaf, a note and a CLIO.", NULL, "PRODUCT:CLIO"},
};

START_TEST(test_examples)
{
    const example_case *c = &examples[_i];
    check_run(open_example(c->file), c->file, c->text, c->entities, c->want);
}
END_TEST

START_TEST(test_product_maker)
{
    mock_plugin *p = open_example("products.rules");
    mock_doc *d = mock_doc_new("the Leaf and the Qashqai");
    ck_assert_int_eq(mock_doc_run(d, p), ANN_OK);
    ck_assert_str_eq(mock_span_attr(mock_doc_find_text(d, "products", "Leaf"), "maker"), "Nissan");
    ck_assert_ptr_null(mock_span_attr(mock_doc_find_text(d, "products", "Qashqai"), "maker"));
    mock_doc_free(d);
    mock_plugin_close(p);
}
END_TEST

/* ---- structure queries ----------------------------------------------------- */

typedef struct query_case {
    const char *rules;
    const char *reader; /* "markdown", "html" or "text" */
    const char *text;
    const char *want;
} query_case;

static const query_case queries[] = {
    /* capture names as labels; heading markers are markup */
    {"query: (atx_heading (inline) @HEADING)\n", "markdown",
     "# Big news\n\nBody text.\n\n## Second part\n", "HEADING:Big news | HEADING:Second part"},
    /* the rule's label for every capture; link texts live in the inline trees */
    {"query LINK: (link_text) @x\n", "markdown",
     "See [the report](http://x.example) and [Nissan][n].\n\n[n]: http://n.example\n",
     "LINK:the report | LINK:Nissan"},
    /* emphasis inside a heading: the span covers the prose, markup dropped */
    {"query: (atx_heading (inline) @H)\n", "markdown", "# A *bold* title\n", "H:A bold title"},
    /* block-quote markers inside a paragraph are not text */
    {"query: (paragraph (inline) @P)\n", "markdown", "> one\n> two\n", "P:one\ntwo"},
    /* an empty link text is markup only: nothing */
    {"query LINK: (link_text) @x\n", "markdown", "An empty [](http://x.example) link.\n", ""},
    /* a node type of both Markdown grammars, captured once per place */
    {"query X: (inline) @x\n", "markdown", "Plain *words*.\n", "X:Plain words."},
    /* HTML: a predicate on a helper capture; the whole element is
     * captured, its tags map to nothing, its references are decoded */
    {"query: ((element (start_tag (tag_name) @_t)) @H (#match? @_t \"^h[1-6]$\"))\n", "html",
     "<h1>Big &amp; <b>small</b></h1><p>body</p><h3>Low</h3>", "H:Big & small | H:Low"},
    /* a (text) node stops at a reference or a child element */
    {"query: (element (start_tag (tag_name) @_t) (text) @H (#eq? @_t \"h1\"))\n", "html",
     "<h1>Big &amp; small</h1>", "H:Big | H:small"},
    {"query T: (element (start_tag (tag_name) @_t) (text) @x (#any-of? @_t \"b\" \"i\"))\n", "html",
     "<p><b>bold</b> and <i>it</i> and <u>u</u></p>", "T:bold | T:it"},
    {"query T: (element (start_tag (tag_name) @_t) (text) @x (#not-eq? @_t \"p\"))\n", "html",
     "<p>para <b>bold</b></p>", "T:bold"},
    {"query T: (element (start_tag (tag_name) @_t) (text) @x (#not-match? @_t \"^[bp]$\"))\n",
     "html", "<p>para <b>bold</b> <em>it</em></p>", "T:it"},
    /* #eq? between two captures: an element whose text is its tag name */
    {"query T: (element (start_tag (tag_name) @_t) (text) @x (#eq? @_t @x))\n", "html",
     "<p><b>b</b> <i>x</i></p>", "T:b"},
    /* an indented query over several lines */
    {"query TITLE:\n    (element\n      (start_tag (tag_name) @_t)\n      (text) @x\n"
     "      (#eq? @_t \"title\"))\n",
     "html", "<html><head><title>The page</title></head><body><p>x</p></body></html>",
     "TITLE:The page"},
    /* a query of one format finds nothing in the other */
    {"query: (atx_heading (inline) @H)\n", "html", "<h1>Title</h1>", ""},
    /* queries and phrases of one file together */
    {"phrases CAR: Leaf\nquery: (atx_heading (inline) @H)\n", "markdown", "# The Leaf\n\nA Leaf.\n",
     "H:The Leaf | CAR:Leaf | CAR:Leaf"},
};

START_TEST(test_queries)
{
    const query_case *c = &queries[_i];
    mock_plugin *p = open_rules(c->rules);
    ck_assert_msg(p != NULL, "open failed: %s", mock_last_error());
    check_run_as(p, c->rules, c->text, c->reader, NULL, c->want);
}
END_TEST

/* A plain-text document has no syntax tree: the queries skip it, saying so
 * once, and the other rules still run. */
START_TEST(test_query_plain_text)
{
    mock_plugin *p = open_rules("phrases CAR: Leaf\nquery: (atx_heading (inline) @H)\n");
    ck_assert_ptr_nonnull(p);
    for (int k = 0; k < 2; k++) {
        mock_doc *d = mock_doc_new("# The Leaf\n");
        ck_assert_int_eq(mock_doc_run(d, p), ANN_OK);
        char got[256];
        describe(d, mock_plugin_layer(p), got, sizeof got);
        ck_assert_str_eq(got, "CAR:Leaf");
        if (k == 0)
            ck_assert_msg(strstr(mock_last_error(), "structure queries ('query' rules) skipped"),
                          "%s", mock_last_error());
        else
            ck_assert_msg(!strstr(mock_last_error(), "skipped"), "said twice: %s",
                          mock_last_error());
        mock_doc_free(d);
    }
    mock_plugin_close(p);
}
END_TEST

/* The structure examples, on documents of my own. */
static const query_case structure_examples[] = {
    {"markdown.rules", "markdown",
     "Intro\n=====\n\nRead [the *full* story](https://x.example) first.\n\n### Q&amp;A\n",
     "HEADING:Intro | LINK:the full story | HEADING:Q&A"},
    {"markdown.rules", "html", "<h1>Not Markdown</h1>", ""},
    {"html.rules", "html",
     "<html><head><title>Board &amp; you</title></head><body><H2>Q&amp;A <em>now</em></H2>"
     "<p>Text <a href=\"x\">link</a></p><h7>no</h7></body></html>",
     "TITLE:Board & you | HEADING:Q&A now"},
};

START_TEST(test_structure_examples)
{
    const query_case *c = &structure_examples[_i];
    check_run_as(open_example(c->rules), c->rules, c->text, c->reader, NULL, c->want);
}
END_TEST

/* ---- errors: every message names file, line and column -------------------- */

typedef struct error_case {
    const char *rules;
    const char *want; /* "LINE:COL: message" (after the path) */
} error_case;

static const error_case errors[] = {
    {"phrase CAR: Leaf\n",
     "1:1: expected 'layer:', 'needs:', 'phrases', 'pattern' or 'query', found 'phrase'"},
    {"# nothing\n", "1:1: expected at least one 'phrases', 'pattern' or 'query' line, found none"},
    {"phrases : Leaf\n",
     "1:9: expected a label (letters, digits, _ or -) after 'phrases', found ':'"},
    {"phrases CAR Leaf\n",
     "1:13: expected key=value, 'ignore-case', 'from FILE' or ':', found 'Leaf'"},
    {"phrases CAR maker=: Leaf\n", "1:19: expected a value after '='"},
    {"phrases CAR layer=x: Leaf\n",
     "1:13: 'layer' is set by the rule file itself: choose another attribute name"},
    {"phrases CAR: Leaf,, Note\n",
     "1:19: expected a phrase, found an empty one (two commas in a row?)"},
    {"phrases CAR from\n", "1:17: expected a file name after 'from'"},
    {"phrases CAR from missing.txt\n", "1:18: cannot read the phrase file"},
    {"  Leaf\n", "1:3: an indented line must follow 'phrases LABEL:' or 'query LABEL:' with "
                 "nothing after the ':'"},
    /* structure queries: tree-sitter's error where it stopped */
    {"query: (atx_headin (inline) @H)\n",
     "1:9: tree-sitter query error: unknown node type 'atx_headin' (for the Markdown and the HTML "
     "grammars)"},
    {"layer: x\nquery X:\n    (atx_heading\n      (inlin) @h)\n",
     "4:8: tree-sitter query error: unknown node type 'inlin'"},
    {"query X: (link_text @x\n", "1:21: tree-sitter query error: syntax error at '@x'"},
    {"query X: (atx_heading nope: (inline) @x)\n",
     "1:23: tree-sitter query error: unknown field 'nope:'"},
    {"query X: ((link_text) @x (#eq? @y \"a\"))\n",
     "1:33: tree-sitter query error: unknown capture"},
    {"query: (link_text) @_x\n",
     "1:8: the query captures nothing to mark: add @NAME after a node (captures named @_... only "
     "serve predicates)"},
    {"query: (link_text) @why?\n",
     "1:20: the capture @why? names the label of its marks: expected 1 to 64 letters, digits, '_', "
     "'-' or '.' (or give the rule a label: query LABEL: ...)"},
    {"query X: ((link_text) @x (#foo? @x \"a\"))\n",
     "1:10: the predicate #foo? takes arguments this plugin does not know: expected #eq?, "
     "#not-eq?, #match?, #not-match? (@capture \"text\" or @capture), or #any-of? (@capture "
     "\"text\" ...)"},
    {"query X: ((link_text) @x (#eq? @x))\n", "1:10: the predicate #eq? takes arguments"},
    {"query X: ((link_text) @x (#match? @x \"(\"))\n",
     "1:10: #match?: the regular expression \"(\" does not compile"},
    {"query X:\nphrases Y: a\n",
     "1:1: expected the query on indented lines after 'query ...:', found none"},
    {"query X: (link_text) @x\n  (inline) @y\n",
     "2:3: an indented line must follow 'phrases LABEL:' or 'query LABEL:'"},
    {"query X\n", "1:8: expected ':' after the label, found the end of the line"},
    {"phrases CAR: Leaf\nlayer: cars\n", "2:1: the 'layer:' line must come before the rules"},
    {"phrases CAR: Leaf\nneeds: entities\n", "2:1: the 'needs:' line must come before the rules"},
    {"layer: cars trucks\nphrases CAR: Leaf\n",
     "1:13: expected the end of the line, found 'trucks'"},
    {"layer:\n", "1:7: expected a layer name, found the end of the line"},
    {"needs: Dates\n",
     "1:8: 'Dates' is no layer name: expected a lower-case letter, then lower-case letters, "
     "digits or '_' (at most 64)"},
    {"layer: my-cars\nphrases CAR: Leaf\n",
     "1:8: 'my-cars' is no layer name: expected a lower-case letter, then lower-case letters, "
     "digits or '_' (at most 64)"},
    {"needs: entities; dates\n", "1:16: expected ',' or the end of the line, found ';'"},
    {"pattern X:\n", "1:11: expected a pattern after ':'"},
    {"pattern X Y\n", "1:11: expected key=value, 'from FILE' or ':', found 'Y'"},
    {"pattern X: (CEO | chairman\n", "1:27: expected ')' or '|', found the end of the pattern"},
    {"pattern X: CEO )\n", "1:16: found ')' with nothing open before it"},
    {"pattern X: ( )\n", "1:14: expected a word, ( [ or <LABEL>, found ')'"},
    {"pattern X: CEO <PER>\n",
     "1:16: a <LABEL> refers to a span of another layer: add a line 'needs: LAYER' above"},
    {"needs: entities\npattern X: <PER\n",
     "2:16: expected '>' to close the span reference, found the end of the pattern"},
    {"needs: entities\npattern X: <dates:DATE>\n",
     "2:13: unknown layer before ':': it must be one of the file's 'needs:' layers"},
    {"needs: entities\npattern X: <>\n", "2:13: expected a label inside < >, such as <PER>"},
    {"pattern X: [a] [b]\n", "1:16: a pattern has at most one [ ] part to emit"},
    {"pattern X: a{17}\n", "1:14: a repetition bound is at most 16 (use + or * for more)"},
    {"pattern X: a{3,1}\n", "1:13: expected {m,n} with 0 <= m <= n and n >= 1"},
    {"pattern X: a{2\n", "1:15: expected '}' or ',', found the end of the pattern"},
    {"pattern X: a{x}\n", "1:14: expected a number in { }, found 'x}'"},
    {"pattern X: is:big\n",
     "1:15: expected one of alpha, digit, upper, lower, title, punct, alnum after 'is:'"},
    {"pattern X: kind:noun\n",
     "1:17: expected one of word, number, punct, symbol, other after 'kind:'"},
    {"pattern X: lower:\n", "1:18: expected a word after 'lower:'"},
    {"pattern X: shape:\n", "1:18: expected a shape such as Xxxx or dddd after 'shape:'"},
    {"pattern X: \"any\n", "1:12: expected a closing '\"' on this line"},
    {"pattern X: \"\"\n", "1:12: expected a word between the quotes"},
    {"pattern X: a |\n", "1:15: expected a word, ( [ or <LABEL>, found the end of the pattern"},
    {"needs: entities\npattern X: a=<PER> b=<PER> c=<PER> d=<PER> e=<PER> f=<PER> g=<PER>\n",
     "2:60: too many link names in one pattern (at most 6)"},
};

START_TEST(test_errors)
{
    const error_case *c = &errors[_i];
    mock_plugin *p = open_rules(c->rules);
    ck_assert_msg(p == NULL, "%s: opened", c->rules);
    char want[400];
    snprintf(want, sizeof want, "%s/t.rules:%s", tmpdir, c->want);
    ck_assert_msg(strstr(mock_last_error(), want) != NULL, "rules: %s\nwant: %s\ngot:  %s",
                  c->rules, want, mock_last_error());
}
END_TEST

START_TEST(test_missing_file)
{
    const char *opts[] = {"file=/nonexistent/x.rules", NULL};
    ck_assert_ptr_null(mock_plugin_open(ann_plugin_rules(), opts, NULL));
    ck_assert_ptr_nonnull(
        strstr(mock_last_error(), "/nonexistent/x.rules: cannot read the rule file"));
}
END_TEST

/* ---- the plugin ----------------------------------------------------------- */

START_TEST(test_no_file_emits_nothing)
{
    mock_plugin *p = open_rules(NULL);
    ck_assert_ptr_nonnull(p);
    mock_doc *d = mock_doc_new("CEO Carlos Ghosn, according to Reuters.");
    ck_assert_int_eq(mock_doc_run(d, p), ANN_OK);
    size_t n;
    mock_doc_spans(d, "rules", &n);
    ck_assert_uint_eq(n, 0);
    mock_doc_free(d);
    mock_plugin_close(p);
}
END_TEST

START_TEST(test_two_files)
{
    char opt[700];
    snprintf(opt, sizeof opt, "file=%s/products.rules,%s/titles.rules", RULES_EXAMPLES_DIR,
             RULES_EXAMPLES_DIR);
    const char *opts[] = {opt, NULL};
    mock_plugin *p = mock_plugin_open(ann_plugin_rules(), opts, NULL);
    ck_assert_msg(p != NULL, "%s", mock_last_error());
    mock_doc *d = mock_doc_new("CEO Takao Kato showed the Outlander.");
    static const char *const kato[] = {"PER:Takao Kato", NULL};
    add_entities(d, kato);
    ck_assert_int_eq(mock_doc_run(d, p), ANN_OK);
    /* Two layers in one plugin: the layer stays "rules", the file's is an attribute. */
    ck_assert_str_eq(mock_plugin_layer(p), "rules");
    ck_assert_str_eq(mock_doc_find_text(d, "rules", "CEO")->label, "TITLE");
    ck_assert_str_eq(mock_span_attr(mock_doc_find_text(d, "rules", "CEO"), "layer"), "titles");
    ck_assert_str_eq(mock_span_attr(mock_doc_find_text(d, "rules", "Outlander"), "layer"),
                     "products");
    mock_doc_free(d);
    mock_plugin_close(p);
}
END_TEST

/* -O rules.file= given twice loads both files, as a comma list does. */
/* A file whose name holds a comma is read whole when it exists. */
START_TEST(test_comma_in_path)
{
    write_file("a,b.rules", "phrases CAR: Leaf\n");
    char opt[600];
    snprintf(opt, sizeof opt, "file=%s/a,b.rules", tmpdir);
    const char *opts[] = {opt, NULL};
    mock_plugin *p = mock_plugin_open(ann_plugin_rules(), opts, NULL);
    ck_assert_msg(p != NULL, "%s", mock_last_error());
    check_run(p, "a,b.rules", "A Leaf.", NULL, "CAR:Leaf");
}
END_TEST

START_TEST(test_repeated_option)
{
    char a[700], b[700];
    snprintf(a, sizeof a, "file=%s/products.rules", RULES_EXAMPLES_DIR);
    snprintf(b, sizeof b, "file=%s", write_file("cities.rules", "phrases CITY: Paris\n"));
    const char *opts[] = {a, b, NULL};
    mock_plugin *p = mock_plugin_open(ann_plugin_rules(), opts, NULL);
    ck_assert_msg(p != NULL, "%s", mock_last_error());
    ck_assert_str_eq(mock_plugin_layer(p), "rules");
    mock_doc *d = mock_doc_new("The Leaf in Paris.");
    ck_assert_int_eq(mock_doc_run(d, p), ANN_OK);
    char got[256];
    describe(d, "rules", got, sizeof got);
    ck_assert_str_eq(got, "PRODUCT:Leaf | CITY:Paris");
    mock_doc_free(d);
    mock_plugin_close(p);
}
END_TEST

/* What open() declares: the files' labels replace MATCH, their needs are
 * added, and the file's name gives the layer when no layer: line does. */
START_TEST(test_declared)
{
    mock_plugin *p = open_rules("needs: entities\nphrases CAR: Leaf\npattern TITLE: [CEO] <PER>\n");
    ck_assert_msg(p != NULL, "%s", mock_last_error());
    const ann_loaded_plugin *lp = mock_plugin_loaded(p);
    ck_assert_str_eq(lp->name, "t");
    ck_assert_uint_eq(lp->n_labels, 2);
    ck_assert_str_eq(lp->desc->labels[0], "CAR");
    ck_assert_str_eq(lp->desc->labels[1], "TITLE");
    ck_assert_ptr_null(lp->desc->labels[2]);
    ck_assert_str_eq(lp->desc->needs[0], "entities");
    ck_assert_ptr_null(lp->desc->needs[1]);
    mock_plugin_close(p);
}
END_TEST

/* A file name that makes no layer name needs a layer: line. */
START_TEST(test_file_name_layer)
{
    char opt[600];
    snprintf(opt, sizeof opt, "file=%s", write_file("2024.rules", "phrases X: a\n"));
    const char *opts[] = {opt, NULL};
    ck_assert_ptr_null(mock_plugin_open(ann_plugin_rules(), opts, NULL));
    ck_assert_msg(strstr(mock_last_error(), "2024.rules:1:1: the file name gives no layer name "
                                            "('2024'): add a 'layer:' line") != NULL,
                  "%s", mock_last_error());
    snprintf(opt, sizeof opt, "file=%s", write_file("My-Cars.v2.rules", "phrases X: a\n"));
    mock_plugin *p = mock_plugin_open(ann_plugin_rules(), opts, NULL);
    ck_assert_msg(p != NULL, "%s", mock_last_error());
    ck_assert_str_eq(mock_plugin_layer(p), "my_cars");
    mock_plugin_close(p);
}
END_TEST

START_TEST(test_empty_document)
{
    mock_plugin *p = open_rules("phrases X: a\npattern Y: any*\n");
    ck_assert_ptr_nonnull(p);
    mock_doc *d = mock_doc_new("");
    ck_assert_int_eq(mock_doc_run(d, p), ANN_OK);
    mock_doc_free(d);
    mock_plugin_close(p);
}
END_TEST

START_TEST(test_descriptor)
{
    const ann_plugin *d = ann_plugin_rules();
    ck_assert_str_eq(d->name, "rules");
    ck_assert_str_eq(d->labels[0], "MATCH");
    ck_assert_ptr_null(d->labels[1]);
    ck_assert_ptr_null(d->needs); /* a rule file's needs: line declares them */
    ck_assert_ptr_nonnull(d->annotate_v2);
}
END_TEST

static Suite *rules_suite(void)
{
    Suite *s = suite_create("rules");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 60);
    tcase_add_loop_test(tc, test_phrases, 0, (int)(sizeof phrases / sizeof phrases[0]));
    tcase_add_test(tc, test_phrase_attributes);
    tcase_add_test(tc, test_phrase_file);
    tcase_add_loop_test(tc, test_patterns, 0, (int)(sizeof patterns / sizeof patterns[0]));
    tcase_add_test(tc, test_pathological);
    tcase_add_loop_test(tc, test_examples, 0, (int)(sizeof examples / sizeof examples[0]));
    tcase_add_test(tc, test_product_maker);
    tcase_add_loop_test(tc, test_structure_examples, 0,
                        (int)(sizeof structure_examples / sizeof structure_examples[0]));
    tcase_add_loop_test(tc, test_queries, 0, (int)(sizeof queries / sizeof queries[0]));
    tcase_add_test(tc, test_query_plain_text);
    tcase_add_loop_test(tc, test_errors, 0, (int)(sizeof errors / sizeof errors[0]));
    tcase_add_test(tc, test_missing_file);
    tcase_add_test(tc, test_no_file_emits_nothing);
    tcase_add_test(tc, test_two_files);
    tcase_add_test(tc, test_repeated_option);
    tcase_add_test(tc, test_comma_in_path);
    tcase_add_test(tc, test_declared);
    tcase_add_test(tc, test_file_name_layer);
    tcase_add_test(tc, test_empty_document);
    tcase_add_test(tc, test_descriptor);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    if (!mkdtemp(tmpdir)) {
        perror("mkdtemp");
        return 1;
    }
    SRunner *sr = srunner_create(rules_suite());
    srunner_set_fork_status(sr, CK_NOFORK);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
    if (system(cmd) != 0)
        failed++;
    return failed ? 1 : 0;
}
