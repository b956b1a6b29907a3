/*
 * test_quotes.c -- Check tests for the quotes plugin, written from issue 6.
 *
 * The plugin runs in-process through the mock host.  Entity spans (PER) are
 * added by hand where a case needs them, so the tests do not depend on the
 * entities model.  Tables list the phenomenon, the text and what the issue
 * says must come out.
 */
#include <check.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "emit_fault.h"
#include "mock_host.h"
#include "qt.h"

const ann_plugin *ann_plugin_quotes(void);

static const char *const opts_all[] = {"all=1", NULL};

/* Runs the plugin over text; with all=1 when `all`.  Caller frees the doc. */
static mock_doc *run(const char *text, int all, const char *const *pers)
{
    mock_plugin *p = mock_plugin_open(ann_plugin_quotes(), all ? opts_all : NULL, NULL);
    ck_assert_msg(p != NULL, "open: %s", mock_last_error());
    mock_doc *d = mock_doc_new(text);
    ck_assert_ptr_nonnull(d);
    /* PER spans: every occurrence of each listed name, as the entities layer would */
    for (size_t k = 0; pers && pers[k]; k++) {
        size_t n = strlen(pers[k]);
        for (const char *s = strstr(text, pers[k]); s; s = strstr(s + n, pers[k]))
            mock_doc_add_span(d, "entities", (uint32_t)(s - text), (uint32_t)(s - text + n), "PER");
    }
    ck_assert_int_eq(mock_doc_run(d, p), ANN_OK);
    ck_assert_uint_eq(mock_doc_refused(d), 0);
    mock_plugin_close(p);
    return d;
}

/* ---- detection ---------------------------------------------------------------- */

typedef struct det_case {
    const char *name;
    const char *text;
    const char *quotes[4]; /* texts of the expected QUOTE spans (marks included), NULL-ended */
} det_case;

static const det_case det_cases[] = {
    {"curly double", "“We will win,” Smith said.", {"“We will win,”"}},
    {"straight double", "\"We will win,\" Smith said.", {"\"We will win,\""}},
    {"curly single", "‘We will win,’ Smith said.", {"‘We will win,’"}},
    {"straight single", "'We will win,' Smith said.", {"'We will win,'"}},
    {"guillemets", "«We will win», Smith said.", {"«We will win»"}},
    {"low-high", "„We will win“, Smith said.", {"„We will win“"}},
    {"TeX style", "``We will win,'' Smith said.", {"``We will win,''"}},
    {"single inside double",
     "“He told me ‘no way’ twice,” Smith said.",
     {"“He told me ‘no way’ twice,”", "‘no way’"}},
    {"double inside single",
     "‘He told me “no way” twice,’ Smith said.",
     {"‘He told me “no way” twice,’", "“no way”"}},
    {"straight inside straight kinds",
     "\"He said 'never' to us,\" Smith said.",
     {"\"He said 'never' to us,\"", "'never'"}},
    {"possessive inside a quote",
     "“Renault’s plans are fine,” Smith said.",
     {"“Renault’s plans are fine,”"}},
    {"decade elision inside single quotes", "‘It was the ’90s,’ she said.", {"‘It was the ’90s,’"}},
    {"rock n roll inside single quotes",
     "'We loved rock 'n' roll,' he said.",
     {"'We loved rock 'n' roll,'"}},
    {"name apostrophe inside single quotes", "‘O’Neil is right,’ he said.", {"‘O’Neil is right,’"}},
    {"em elision inside single quotes", "‘Show ’em the door,’ he said.", {"‘Show ’em the door,’"}},
    {"plural possessive inside single quotes",
     "‘The companies’ plans are bad,’ he said.",
     {"‘The companies’ plans are bad,’"}},
    {"apostrophes only",
     "Renault’s O’Neil loved ’90s rock ’n’ roll; show ’em the companies’ plans.",
     {NULL}},
    {"straight apostrophes only",
     "Renault's O'Neil loved '90s rock 'n' roll; show 'em the companies' plans.",
     {NULL}},
    {"multi-paragraph",
     "“We will win.\n\n“And they will lose,” Smith said.",
     {"“We will win.\n\n“And they will lose,”"}},
    {"unclosed stays in its paragraph",
     "“We will win.\n\nThen Smith gave “a speech” today.",
     {"“a speech”"}},
    {"unclosed, next paragraph plain", "“We will win.\n\nSmith left.", {NULL}},
    {"stray closing mark", "He left” and “came back,” Smith said.", {"“came back,”"}},
    {"stray straight mark", "It was 6\" long. “Fine,” Smith said.", {"“Fine,”"}},
    {"empty marks", "He typed \"\" and left.", {NULL}},
    {"ellipsis after the opening mark",
     "“… overall, I think we won,” Smith said.",
     {"“… overall, I think we won,”"}},
    {"dash before the closing mark", "“We will win—” Smith said.", {"“We will win—”"}},
    {"plural possessive before a no-break space",
     "‘The companies’\u00A0plans are bad,’ he said.",
     {"‘The companies’\u00A0plans are bad,’"}},
    {"plural possessive before a narrow no-break space",
     "‘The companies’\u202Fplans are bad,’ he said.",
     {"‘The companies’\u202Fplans are bad,’"}},
    {"continuation needs the same mark style",
     "\"Kevin was snoring.\n\n“Here he is,” she said.",
     {"“Here he is,”"}},
};

START_TEST(test_detection)
{
    const det_case *c = &det_cases[_i];
    mock_doc *d = run(c->text, 1, NULL);
    size_t n, want = 0;
    mock_doc_spans(d, "quotes", &n);
    while (want < 4 && c->quotes[want])
        want++;
    ck_assert_msg(n == want, "%s: %zu spans, want %zu", c->name, n, want);
    for (size_t k = 0; k < want; k++)
        ck_assert_msg(mock_doc_find_text(d, "quotes", c->quotes[k]) != NULL, "%s: missing %s",
                      c->name, c->quotes[k]);
    mock_doc_free(d);
}
END_TEST

/* ---- kinds --------------------------------------------------------------------- */

typedef struct kind_case {
    const char *name;
    const char *text;
    const char *quote;
    const char *kind; /* with all=1 */
    int by_default;   /* emitted without all=1 */
} kind_case;

static const kind_case kind_cases[] = {
    {"direct after cue", "“We will win,” Smith said.", "“We will win,”", "direct", 1},
    {"direct after colon", "Smith said: “We will win.”", "“We will win.”", "direct", 1},
    {"partial fragment", "Smith called the plan “a big deal” on Monday.", "“a big deal”", "partial",
     1},
    {"title", "He watched “Face the Nation” on Sunday.", "“Face the Nation”", "title", 0},
    {"scare quotes", "The so-called “experts” disagree.", "“experts”", "scare", 0},
    {"split second half is direct", "“We will win,” Smith said, “because we must.”",
     "“because we must.”", "direct", 1},
};

START_TEST(test_kinds)
{
    const kind_case *c = &kind_cases[_i];
    mock_doc *d = run(c->text, 1, NULL);
    const ann_span *s = mock_doc_find_text(d, "quotes", c->quote);
    ck_assert_msg(s != NULL, "%s: not found", c->name);
    ck_assert_str_eq(mock_span_attr(s, "kind"), c->kind);
    mock_doc_free(d);
    d = run(c->text, 0, NULL);
    s = mock_doc_find_text(d, "quotes", c->quote);
    ck_assert_msg((s != NULL) == c->by_default, "%s: emitted by default: %d", c->name, s != NULL);
    mock_doc_free(d);
}
END_TEST

START_TEST(test_nested_only_with_all)
{
    mock_doc *d = run("“He told me ‘no way’ twice,” Smith said.", 0, NULL);
    size_t n;
    mock_doc_spans(d, "quotes", &n);
    ck_assert_uint_eq(n, 1);
    mock_doc_free(d);
}
END_TEST

/* ---- attribution --------------------------------------------------------------- */

typedef struct attr_case {
    const char *name;
    const char *text;
    const char *pers[4]; /* PER mentions to add (every occurrence) */
    const char *quote;   /* the quotation checked */
    const char *speaker; /* expected speaker, NULL: none */
    int linked;          /* expects a speaker link to a PER span */
    const char *link_at; /* the linked mention's text, after this substring (or NULL: first) */
} attr_case;

/* Narration wrapped at a fixed width, as plain-text novels are: eight
 * paragraphs of two lines each, long enough for qt_is_wrapped. */
#define QT_WRAPPED_PROSE                                                       \
    "The rain had not stopped since morning, and the road to the mill\n"       \
    "was a river of mud that no cart would try before the evening.\n\n"        \
    "Nobody at the inn had seen the carrier, nor his boy, nor the grey\n"      \
    "horse that pulled the cart on the days when the carrier was sober.\n\n"   \
    "The kitchen smelt of onions and wet wool, and the fire smoked as\n"       \
    "it always did when the wind came from the hills behind the church.\n\n"   \
    "Outside, a dog barked at nothing for a while and then gave it up,\n"      \
    "and the only sound left was the water running off the thatch.\n\n"        \
    "The clock on the landing struck four, then five, and the lamps were\n"    \
    "lit one after another along the passage that led to the yard.\n\n"        \
    "Somebody had left a basket of apples by the door, and the cat slept\n"    \
    "in it as if it had been put there for no other purpose at all.\n\n"       \
    "The landlord counted his spoons twice over and found one missing,\n"     \
    "which he had expected, since the curate had dined there on Sunday.\n\n"   \
    "By six the yard was dark, and the puddles shone under the lamp that\n"    \
    "hung from the stable door, swinging a little whenever a gust came.\n\n"
static const attr_case attr_cases[] = {
    {"quote, X said", "“We will win,” Smith said.", {"Smith"}, "“We will win,”", "Smith", 1, NULL},
    {"quote, said X",
     "“We will win,” said John Smith.",
     {"John Smith"},
     "“We will win,”",
     "John Smith",
     1,
     NULL},
    {"a cue in a relative clause: the name it hangs on",
     "Ann Fry looked anxiously at Ned Pell, who said in a low voice, “We will win.”",
     {"Ann Fry", "Ned Pell"},
     "“We will win.”",
     "Ned Pell",
     1,
     NULL},
    {"a cue in a relative clause with its own adverbial",
     "Soon Ann Fry found her arm seized by Ned Pell, who in high spirits exclaimed, “We will win.”",
     {"Ann Fry", "Ned Pell"},
     "“We will win.”",
     "Ned Pell",
     1,
     NULL},
    {"a cue in a relative clause set off by commas",
     "Ann Fry waved to Ned Pell, who, on seeing the flag, cried, “We will win.”",
     {"Ann Fry", "Ned Pell"},
     "“We will win.”",
     "Ned Pell",
     1,
     NULL},
    {"X said: quote",
     "John Smith said: “We will win.”",
     {"John Smith"},
     "“We will win.”",
     "John Smith",
     1,
     NULL},
    {"Added X: quote",
     "Added Smith: “We will win.”",
     {"Smith"},
     "“We will win.”",
     "Smith",
     1,
     NULL},
    {"X, the CEO, said quote",
     "John Smith, the CEO, said “We will win.”",
     {"John Smith"},
     "“We will win.”",
     "John Smith",
     1,
     NULL},
    {"split quote around its cue",
     "“We will win,” Smith said. “They will lose.”",
     {"Smith"},
     "“They will lose.”",
     "Smith",
     1,
     NULL},
    {"consecutive quote paragraphs",
     "“We will win,” Smith said.\n\n“They will lose.”",
     {"Smith"},
     "“They will lose.”",
     "Smith",
     1,
     NULL},
    {"X continued: then a quote paragraph",
     "Mary Jones spoke first.\n\nJones continued:\n\n“They will lose.”",
     {"Mary Jones", "Jones"},
     "“They will lose.”",
     "Mary Jones",
     1,
     NULL},
    {"pronoun to the most recent PER",
     "Mary Jones spoke on Monday. “We will win,” she said.",
     {"Mary Jones"},
     "“We will win,”",
     "Mary Jones",
     1,
     NULL},
    {"pronoun skips an incompatible PER",
     "Mr. Brown met Mrs. Green. “We will win,” he said.",
     {"Brown", "Green"},
     "“We will win,”",
     "Mr. Brown", /* the title is part of a character (issue 20) */
     1,
     NULL},
    {"pronoun: gender from the first name",
     "Hillary Clinton met Donald Trump. “We will win,” she said.",
     {"Hillary Clinton", "Donald Trump"},
     "“We will win,”",
     "Hillary Clinton",
     1,
     NULL},
    {"pronoun: gender from the first name (he)",
     "Donald Trump met Hillary Clinton. “We will win,” he said.",
     {"Donald Trump", "Hillary Clinton"},
     "“We will win,”",
     "Donald Trump",
     1,
     NULL},
    {"pronoun without entities: the last speaker of that gender",
     "“We will win,” Hillary Clinton said. “You "
     "will lose,” Donald Trump said.\n\n“I disagree,” she said.",
     {NULL},
     "“I disagree,”",
     "Hillary Clinton",
     0,
     NULL},
    {"pronoun: a name an earlier line gave the other gender is skipped",
     "Blip waved. “Hello,” he said.\n\nZorp and Blip sat down. “Go on,” she said.",
     {"Blip", "Zorp"},
     "“Go on,”",
     "Zorp",
     1,
     NULL},
    {"pronoun: a first name used for both is no evidence",
     "Chris Smith met Donald Trump. “We will win,” she "
     "said.",
     {"Chris Smith", "Donald Trump"},
     "“We will win,”",
     "Chris Smith",
     1,
     NULL},
    {"description to a name with the abbreviated title",
     "Sen. Bernie Sanders (I-Vt.) spoke in Iowa.\n\n“We "
     "will win,” the Vermont senator said.",
     {"Bernie Sanders"},
     "“We will win,”",
     "Bernie Sanders",
     1,
     NULL},
    {"description to the named role",
     "CEO Luca de Meo spoke. “We will win,” the CEO said.",
     {"Luca de Meo"},
     "“We will win,”",
     "Luca de Meo",
     1,
     NULL},
    {"short name to fullest name",
     "CEO Luca de Meo spoke.\n\n“We will win,” de Meo said.",
     {"Luca de Meo", "de Meo"},
     "“We will win,”",
     "Luca de Meo",
     1,
     "said"},
    {"no PER span: capitalised name fallback",
     "Mitsubishi CEO Takao Kato spoke.\n\n“We will win,” Kato said.",
     {NULL},
     "“We will win,”",
     "Takao Kato",
     0,
     NULL},
    {"no PER span: role words are not the name",
     "“We will win,” Mitsubishi CEO Takao Kato said.",
     {NULL},
     "“We will win,”",
     "Takao Kato",
     0,
     NULL},
    {"no person: no speaker",
     "“We will win,” the letter reads.",
     {NULL},
     "“We will win,”",
     NULL,
     0,
     NULL},
    {"no cue: no speaker",
     "Smith left.\n\n“We will win.”",
     {"Smith"},
     "“We will win.”",
     NULL,
     0,
     NULL},
    {"appositive with a description",
     "“We will win,” Vann Newkirk, a writer for The Atlantic, said.",
     {NULL},
     "“We will win,”",
     "Vann Newkirk",
     0,
     NULL},
    {"a wrapped text: the name of an inverted cue on the next line",
     QT_WRAPPED_PROSE "“The road is closed, and the bridge with it,” said\n"
                      "Mrs. Fry, who had walked from the mill in the rain.",
     {"Mrs. Fry"},
     "“The road is closed, and the bridge with it,”",
     "Mrs. Fry",
     1,
     NULL},
    {"a wrapped text: a name over two lines is written with a space",
     QT_WRAPPED_PROSE "“The road is closed, and the bridge with it,” said Mrs.\n"
                      "Fry, who had walked from the mill in the rain.",
     {"Mrs.\nFry"},
     "“The road is closed, and the bridge with it,”",
     "Mrs. Fry",
     1,
     NULL},
    {"a wrapped text: the cue verb on the next line",
     QT_WRAPPED_PROSE "“Then we shall stay here until the morning,” Mr. Pell\n"
                      "answered, and sat down by the fire.",
     {"Mr. Pell"},
     "“Then we shall stay here until the morning,”",
     "Mr. Pell",
     1,
     NULL},
    {"a wrapped text: the cue of the clause before on the line above",
     QT_WRAPPED_PROSE "Ann Fry looked at the landlord for a long time, and Mr. Pell said\n"
                      "to her without a smile, “The spoon is in the curate's pocket.”",
     {"Mr. Pell", "Ann Fry"},
     "“The spoon is in the curate's pocket.”",
     "Mr. Pell",
     1,
     NULL},
    {"name after a dash at the end of a line",
     "“We will win.” ― Sonya Herridge\n“They will lose.” ― Pamela Padilla",
     {NULL},
     "“They will lose.”",
     "Pamela Padilla",
     0,
     NULL},
    {"colon without a cue verb",
     "Trump turned to the crowd: “We will win.”",
     {"Trump"},
     "“We will win.”",
     "Trump",
     1,
     NULL},
    {"participle cue: subject of the clause",
     "Trump attacked Clinton on Monday, saying, “She is unstable.”",
     {"Trump", "Clinton"},
     "“She is unstable.”",
     "Trump",
     1,
     NULL},
    {"name and an unlisted verb after the quote",
     "“We will win,” Blige sings to Clinton.",
     {"Blige", "Clinton"},
     "“We will win,”",
     "Blige",
     1,
     NULL},
    {"a name modifying a noun is no speaker",
     "“We will win,” one Clinton aide said.",
     {"Clinton"},
     "“We will win,”",
     NULL,
     0,
     NULL},
    {"prepositional phrase is no subject",
     "Trump, in Scotland, called it “a great thing.”",
     {"Trump"},
     "“a great thing.”",
     "Trump",
     1,
     NULL},
    /* possessives: s' before a lower-case word is no closing mark, and a
     * cue word after a possessive is no verb */
    {"s’ possessive in the appositive",
     "“We will win,” Jeff Weaver, Sanders’ campaign manager, said.",
     {NULL},
     "“We will win,”",
     "Jeff Weaver",
     0,
     NULL},
    {"cue word after a possessive is no cue",
     "Corey Lewandowski, Donald Trump’s fired campaign manager, ripped Comey for acting as “the judge and the "
     "jury” in the probe.",
     {NULL},
     "“the judge and the jury”",
     "Corey Lewandowski",
     0,
     NULL},
    {"cue word after a determiner is no cue",
     "Cruz blamed the law on “knuckleheaded politicians.” His comments came "
     "later.",
     {"Cruz"},
     "“knuckleheaded politicians.”",
     "Cruz",
     1,
     NULL},
    /* names */
    {"role word as a surname after a first name",
     "“We will win,” Amy Pope, a deputy adviser, said.",
     {NULL},
     "“We will win,”",
     "Amy Pope",
     0,
     NULL},
    {"place after a preposition is no name",
     "New Jersey Gov. Chris Christie, hoping to surge in New Hampshire, "
     "called Obama a “petulant child.”",
     {NULL},
     "“petulant child.”",
     "Chris Christie",
     0,
     NULL},
    {"dateline is no subject",
     "Washington (AFP) – Hillary Clinton has taken a swipe at Trump, saying that "
     "“bombastic comments” do harm.",
     {NULL},
     "“bombastic comments”",
     "Hillary Clinton",
     0,
     NULL},
    /* the subject phrase before a cue */
    {"relative clause after the name",
     "Michael Seaman, who lives outside the state capital, Sacramento, said he "
     "still “prays for a miracle.”",
     {NULL},
     "“prays for a miracle.”",
     "Michael Seaman",
     0,
     NULL},
    {"City, State after a description is no speaker",
     "“We will win,” a woman in Worcester, Massachusetts, told "
     "him.",
     {NULL},
     "“We will win,”",
     NULL,
     0,
     NULL},
    {"subject of a subordinate clause",
     "Clinton weighed in on Tuesday, hours after Sanders said he was "
     "“encouraged” by the plan.",
     {"Clinton", "Sanders"},
     "“encouraged”",
     "Sanders",
     1,
     NULL},
    {"subject of a subordinate clause with a description",
     "McCain spoke after Republican contender Donald Trump told a town hall that waterboarding is “peanuts.”",
     {NULL},
     "“peanuts.”",
     "Donald Trump",
     0,
     NULL},
    {"coordinated verb shares the sentence subject",
     "Thomas Massie used to support Rand Paul, but now said Trump "
     "had “the opportunity to unite us.”",
     {NULL},
     "“the opportunity to unite us.”",
     "Thomas Massie",
     0,
     NULL},
    /* no cue: the subject of the writer's sentence */
    {"partial quotation: subject of the sentence",
     "Voters cheered Cruz. Cruz blamed the law on “knuckleheaded "
     "politicians.”",
     {NULL},
     "“knuckleheaded politicians.”",
     "Cruz",
     0,
     NULL},
    {"partial quotation: after an opening adverbial",
     "On Monday, Cruz blamed the law on “knuckleheaded "
     "politicians.”",
     {NULL},
     "“knuckleheaded politicians.”",
     "Cruz",
     0,
     NULL},
    {"partial quotation: after a subordinate clause",
     "As the crowd began to chant, Silverman was joined by Al "
     "Franken and joked, “You are ridiculous.”",
     {NULL},
     "“You are ridiculous.”",
     "Silverman",
     0,
     NULL},
    {"participle after the quotation takes an object",
     "Voters asked Trump. Trump hailed the vote as "
     "“fantastic,” telling reporters in Scotland that it was good.",
     {NULL},
     "“fantastic,”",
     "Trump",
     0,
     NULL},
    {"one word opening a sentence is a name only if capitalised elsewhere",
     "Fundraising was “stagnant for a "
     "month,” he said.",
     {NULL},
     "“stagnant for a month,”",
     NULL,
     0,
     NULL},
    {"a name after a title after a preposition is no subject",
     "“We will win,” said the former aide to President "
     "George W. Bush.",
     {NULL},
     "“We will win,”",
     NULL,
     0,
     NULL},
    {"an age and a place after the name",
     "Cory James, 22, of Flint, Mich., said he hoped for a “surprise.”",
     {NULL},
     "“surprise.”",
     "Cory James",
     0,
     NULL},
    {"dotted initials are part of the name",
     "CBC Chairman G.K. Butterfield of North Carolina said he was "
     "“outraged” by it.",
     {NULL},
     "“outraged”",
     "G.K. Butterfield",
     0,
     NULL},
    {"a cue verb in the sentence before a quotation",
     "Luay Sami recalled his first trip from the airport. “I "
     "was scared.”",
     {NULL},
     "“I was scared.”",
     "Luay Sami",
     0,
     NULL},
    {"appositive in the sentence before a quotation",
     "Tom Coan, the attorney, argues that his client was "
     "innocent. “He never urged violence.”",
     {NULL},
     "“He never urged violence.”",
     "Tom Coan",
     0,
     NULL},
    {"lower-case participle before a quotation continues the speaker",
     "Cruz said there is “only one conservative who can win,” adding that it is why Trump “attacks us.”",
     {NULL},
     "“attacks us.”",
     "Cruz",
     0,
     NULL},
    /* the clause after the quotation */
    {"a period ends the writer's sentence",
     "Rubio said Trump is “unelectable now.” Ted Cruz called the group "
     "“abhorrent.”",
     {"Rubio", "Trump", "Ted Cruz"},
     "“unelectable now.”",
     "Rubio",
     1,
     NULL},
    {"a clause joined by and attributes nothing",
     "Cruz said he would make sand “glow in the dark,” and Trump "
     "vowed to “bomb the hell” out of them.",
     {NULL},
     "“glow in the dark,”",
     "Cruz",
     0,
     NULL},
    {"a clause joined by and, then a comma and the cue",
     "Couple exposure with a “candidate who is a lightning "
     "rod” and residents get nervous, said Christine Link.",
     {NULL},
     "“candidate who is a lightning rod”",
     "Christine Link",
     0,
     NULL},
    {"unknown verb in -ed before a name",
     "“This is fantastic!” beamed Donald Hartley of Madison.",
     {NULL},
     "“This is fantastic!”",
     "Donald Hartley",
     0,
     NULL},
    {"a name between a dash and a colon",
     "Pollsters agree - Carl Bialik: “Keep on contacting voters.”",
     {NULL},
     "“Keep on contacting voters.”",
     "Carl Bialik",
     0,
     NULL},
    {"went on as a cue",
     "“You know, it happens, right?” Donald Trump went on.",
     {NULL},
     "“You know, it happens, right?”",
     "Donald Trump",
     0,
     NULL},
    {"a name followed by of and a place",
     "However, as Archbishop Aris Shirvanian of the Armenian Patriarchate of "
     "Jerusalem told the AP, “We have suffered the same fate.”",
     {NULL},
     "“We have suffered the same fate.”",
     "Aris Shirvanian",
     0,
     NULL},
    {"says after a comma and before a name",
     "“These groups have been setting the table,” in contrast to earlier "
     "years, says Dante Scala.",
     {NULL},
     "“These groups have been setting the table,”",
     "Dante Scala",
     0,
     NULL},
    {"said after an appositive, before a day",
     "“He is right,” Michael Flynn, a top surrogate, said Thursday "
     "morning on Fox News.",
     {NULL},
     "“He is right,”",
     "Michael Flynn",
     0,
     NULL},
    {"told after a comma takes an object",
     "“We were wrong,” Jorge Ramos, 58, told AFP.",
     {NULL},
     "“We were wrong,”",
     "Jorge Ramos",
     0,
     NULL},
    {"the subject of a participle after with",
     "The debate went on, with Senator John McCain telling reporters "
     "he viewed Obama as “directly responsible.”",
     {NULL},
     "“directly responsible.”",
     "John McCain",
     0,
     NULL},
    {"a segment opened by a capitalised preposition",
     "“He is a circus act.” Of Carson, Eric Levine said: “He "
     "is nice.”",
     {NULL},
     "“He is nice.”",
     "Eric Levine",
     0,
     NULL},
    {"a subordinate clause in the chain is no subject",
     "When asked about Edward Snowden, which was seen as a "
     "failure, Bill de Blasio said, “I have not heard that.”",
     {"Edward Snowden", "Bill de Blasio"},
     "“I have not heard that.”",
     "Bill de Blasio",
     1,
     NULL},
    {"a participle in the chain is no subject",
     "Meanwhile, speaking to Joe Scarborough, Donald Trump said the "
     "system is “complex.”",
     {"Joe Scarborough", "Donald Trump"},
     "“complex.”",
     "Donald Trump",
     1,
     NULL},
    {"as X put it",
     "As John Cornyn, the No. 2 in the leadership, put it: “This person will not be confirmed.”",
     {NULL},
     "“This person will not be confirmed.”",
     "John Cornyn",
     0,
     NULL},
    {"participle: a title with of opens the sentence",
     "Former Secretary of State Madeleine Albright urged women "
     "to vote for Hillary Clinton, saying, “There is a special place in hell.”",
     {NULL},
     "“There is a special place in hell.”",
     "Madeleine Albright",
     0,
     NULL},
    {"subordinate clause past a bracket",
     "The furor reached the Capitol, where Senate Leader Harry Reid (D-Nev.) "
     "told reporters that “a pause is coming.”",
     {NULL},
     "“a pause is coming.”",
     "Harry Reid",
     0,
     NULL},
    {"an acronym after the is a speaker",
     "In a statement, the DNC said the actions were “completely "
     "unacceptable.”",
     {NULL},
     "“completely unacceptable.”",
     "DNC",
     0,
     NULL},
    {"capitalised words after the are an organisation",
     "The State Department acknowledged that “top secret” "
     "information was found.",
     {NULL},
     "“top secret”",
     "State Department",
     0,
     NULL},
    {"a long opening subordinate clause",
     "As the race has turned to primary contests in states with more diverse "
     "and younger Democratic electorates, Hillary Clinton has decried “systemic racism” again.",
     {NULL},
     "“systemic racism”",
     "Hillary Clinton",
     0,
     NULL},
    {"a participle without a subject continues the speaker",
     "Al Gore insisted it was “premature” to back her, "
     "while adding on climate matters, “I have no doubt.”",
     {NULL},
     "“I have no doubt.”",
     "Al Gore",
     0,
     NULL},
    {"a colon: the subject past an opening subordinate clause",
     "When Wallace died in 1998, President Bill "
     "Clinton released the following statement: “Hillary and I offer our condolences.”",
     {NULL},
     "“Hillary and I offer our condolences.”",
     "Bill Clinton",
     0,
     NULL},
    {"lower-case modifiers before a role word and a name",
     "The race tightened. Republican presidential nominee "
     "Donald Trump called it “a disaster.”",
     {NULL},
     "“a disaster.”",
     "Donald Trump",
     0,
     NULL},
    {"a capitalised auxiliary is a name",
     "From the rally to his call for a “deportation force,” George Will "
     "described him as a “caricature.”",
     {NULL},
     "“caricature.”",
     "George Will",
     0,
     NULL},
    {"pronoun inside the writer's sentence: its subject first",
     "Cruz spokesman Rick Tyler said that Ted Cruz has "
     "“guiding principles,” he said.",
     {"Rick Tyler", "Ted Cruz"},
     "“guiding principles,”",
     "Rick Tyler",
     1,
     NULL},
    /* paragraphs */
    {"a paragraph ending in a colon after an opening adverbial",
     "In response to the loss of life, Republican "
     "nominee Donald Trump issued the following statement:\n\n“Our prayers are with them.”",
     {NULL},
     "“Our prayers are with them.”",
     "Donald Trump",
     0,
     NULL},
    {"a quotation paragraph signed by a dash and a name",
     "The claims follow.\n\n“Boeing and GE pay zero "
     "taxes.”\n\n- Bernie Sanders.\n\nThis is a complex issue.",
     {NULL},
     "“Boeing and GE pay zero taxes.”",
     "Bernie Sanders",
     0,
     NULL},
    {"long attribution, then a quotation paragraph",
     "“We like them,” Adelson said during the interview in "
     "Macau, the world’s largest gambling hub, ahead of the opening of his new hotel in the former colony.\n\n"
     "“It changes every day.”",
     {NULL},
     "“It changes every day.”",
     "Adelson",
     0,
     NULL},
    /* a report of a report: the outer source, the one the writer cites */
    {"according to an outlet after the cue",
     "“We will win,” Sanders said, according to CNN.",
     {"Sanders"},
     "“We will win,”",
     "CNN",
     0,
     NULL},
    {"according to without a comma",
     "“We will win,” spokesman Jamal Ware said in a statement according to The "
     "Blaze.",
     {NULL},
     "“We will win,”",
     "Blaze",
     0,
     NULL},
    {"an outlet reported, after the quoted words",
     "Trump said: “There will always be exceptions,” the Times "
     "reported.",
     {"Trump"},
     "“There will always be exceptions,”",
     "Times",
     0,
     NULL},
    {"reports and the outlet, inverted",
     "“We are not welcome,” said Kristen Day, an activist, reports USA "
     "Today.",
     {NULL},
     "“We are not welcome,”",
     "USA Today",
     0,
     NULL},
    {"according to an outlet opening the sentence",
     "According to GMA News, Joey Salceda said the “ugliness of "
     "utterances” stood in contrast.",
     {NULL},
     "“ugliness of utterances”",
     "GMA News",
     0,
     NULL},
    {"according to opening a sentence with no cue",
     "According to the record, the plan was “a failure.”",
     {NULL},
     "“a failure.”",
     NULL,
     0,
     NULL},
    {"first reported by: the speaker stays",
     "“We need a debate,” Ash wrote in the email, which was first "
     "reported by The Associated Press.",
     {NULL},
     "“We need a debate,”",
     "Ash",
     0,
     NULL},
    {"as reported by: the speaker stays",
     "“God has a plan,” Carson noted in an interview, as reported by "
     "BuzzFeed News.",
     {NULL},
     "“God has a plan,”",
     "Carson",
     0,
     NULL},
    {"an organisation named News",
     "“The agents are busy,” Fox News reported.",
     {NULL},
     "“The agents are busy,”",
     "Fox News",
     0,
     NULL},
    {"an acronym alone speaks",
     "“The vote is close,” CNN reported.",
     {NULL},
     "“The vote is close,”",
     "CNN",
     0,
     NULL},
    {"a campaign speaks for itself",
     "The Sanders campaign said the tax would raise “billions a year.”",
     {NULL},
     "“billions a year.”",
     "Sanders campaign",
     0,
     NULL},
    {"an office speaks for itself",
     "“Nobody asked,” Ryan’s office said.",
     {NULL},
     "“Nobody asked,”",
     "Ryan’s office",
     0,
     NULL},
    {"a group named after a person speaks for itself",
     "“It was a mistake,” Clinton aides said.",
     {"Clinton"},
     "“It was a mistake,”",
     "Clinton aides",
     0,
     NULL},
    /* a paragraph that reports someone speaking introduces the next */
    {"a paragraph reporting speech, then a quotation paragraph",
     "Carter said that the United States would stay "
     "in the region.\n\n“This region is home to half the world.”",
     {"Carter"},
     "“This region is home to half the "
     "world.”",
     "Carter",
     1,
     NULL},
    {"a verb of speaking introduces a quotation paragraph",
     "Valastro praised the governor in Hudson on "
     "Monday.\n\n“We need someone who gets things done.”",
     {"Valastro"},
     "“We need someone who gets things done.”",
     "Valastro",
     1,
     NULL},
    {"a statement introduces a quotation paragraph",
     "At her direction, the DNC issued a statement on "
     "Monday.\n\n“We offer a deep apology.”",
     {NULL},
     "“We offer a deep apology.”",
     "DNC",
     0,
     NULL},
    /* a cue far from the quotation */
    {"a cue that ends the sentence",
     "The promise to “take our country back” appeals to older voters, said Alan "
     "Abramowitz, a demographer at Emory University.",
     {NULL},
     "“take our country back”",
     "Alan Abramowitz",
     0,
     NULL},
    {"a name after a description after an inverted cue",
     "The FBI did not find “ties of any consequence,” aside "
     "from a mosque, said the bureau’s director, James Comey, on Monday.",
     {NULL},
     "“ties of any consequence,”",
     "James Comey",
     0,
     NULL},
    {"a second quotation in the complement of the cue",
     "Ted Cruz says his “friend and colleague” Marco Rubio ran "
     "“an optimistic campaign.”",
     {NULL},
     "“an optimistic campaign.”",
     "Ted Cruz",
     0,
     NULL},
    {"not past a comma that ends the cue's clause",
     "In a clip that Judge Michael Mosman called “distasteful,” "
     "Pete Santilli expressed a desire to “shoot” her.",
     {NULL},
     "“shoot”",
     "Pete Santilli",
     0,
     NULL},
    {"a coordinated cue shares the speaker before it",
     "Kasich says he will tell him “no more nonsense” and tells "
     "the crowd he was the “first one” to say it.",
     {"Kasich"},
     "“first one”",
     "Kasich",
     1,
     NULL},
    {"a name between commas after the quoted words",
     "“Very good reporter,” Trump, the 2016 front-runner who leads "
     "the polls in South Carolina by a wide margin after his win in New Hampshire, said on Monday.",
     {NULL},
     "“Very good reporter,”",
     "Trump",
     0,
     NULL},
    {"a quotation ending its sentence keeps the next sentence's cue",
     "“It is sad,” Cruz told reporters. “It "
     "has no place in a campaign.” Ohio Gov. John Kasich said the same.",
     {NULL},
     "“It has no place in a campaign.”",
     "Cruz",
     0,
     NULL},
    {"an inverted cue right before the quotation",
     "Because of the calendar, explained Rosenberg, “it is hard to "
     "see how she gets airtime.”",
     {NULL},
     "“it is hard to see how she gets airtime.”",
     "Rosenberg",
     0,
     NULL},
    {"a participle with an object is no inversion",
     "Trump returned the compliment, telling Reuters, “We have "
     "been friends for a long time.”",
     {NULL},
     "“We have been friends for a long time.”",
     "Trump",
     0,
     NULL},
    {"a subordinate clause after the quotation has its own cue",
     "Jason Sims says he was “riding the fence” "
     "until Haley said she was backing Rubio.",
     {NULL},
     "“riding the fence”",
     "Jason Sims",
     0,
     NULL},
    {"a passive: the agent asked",
     "Rubio was asked by moderator Gerard Baker whether the plan would risk "
     "“adding another program.”",
     {NULL},
     "“adding another program.”",
     "Gerard Baker",
     0,
     NULL},
    {"a passive: the agent after the quotation",
     "The movement has been called “strategic ambiguity” by Joshua "
     "Hendrick, a professor at Loyola University.",
     {NULL},
     "“strategic ambiguity”",
     "Joshua Hendrick",
     0,
     NULL},
    {"as X puts it",
     "As Ruth Marcus puts it, Obama is making Republicans “an offer they can’t refuse.”",
     {NULL},
     "“an offer they can’t refuse.”",
     "Ruth Marcus",
     0,
     NULL},
    /* the subject phrase */
    {"a subordinate word ends an inverted subject",
     "“Anyone who refuses is a risk,” said Texas voter Dan "
     "Golvach when asked about Lindsey Graham.",
     {NULL},
     "“Anyone who refuses is a risk,”",
     "Dan Golvach",
     0,
     NULL},
    {"a sentence adverb is no name",
     "Finally, with the primary looming, Mayor Bill de Blasio intervened: if "
     "they meet, de Blasio tweeted, “I will help you.”",
     {NULL},
     "“I will help you.”",
     "Bill de Blasio",
     0,
     NULL},
    {"a clause joined by and, then its own subject",
     "The Times made the same claims in February, and Breitbart "
     "News responded: “The solution is not more gun control.”",
     {NULL},
     "“The solution is not more gun control.”",
     "Breitbart News",
     0,
     NULL},
    {"a title inside the subject does not end the clause",
     "Hemsley, the co-author of “Going Viral,” about the "
     "spread of news, said the days of “a unifying story” are gone.",
     {NULL},
     "“a unifying story”",
     "Hemsley",
     0,
     NULL},
    {"a name in quotation marks inside an appositive",
     "“We had better conventions,” delegate Bill Eastland, "
     "wearing “Ted Cruz” pins, said.",
     {NULL},
     "“We had better conventions,”",
     "Bill Eastland",
     0,
     NULL},
    {"a time after the name",
     "Senator Dianne Feinstein last week said Clinton was not “the originator” of the "
     "chains.",
     {NULL},
     "“the originator”",
     "Dianne Feinstein",
     0,
     NULL},
    {"a bracket after the name of a sentence subject",
     "Sen. Ted Cruz (R-Tex.), a candidate, tweeted a warning. "
     "“Remember in November.”",
     {NULL},
     "“Remember in November.”",
     "Ted Cruz",
     0,
     NULL},
    {"a determiner and an adjective before a name, unknown verb",
     "“France will always be France,” an angry "
     "Hollande retaliated.",
     {NULL},
     "“France will always be France,”",
     "Hollande",
     0,
     NULL},
    {"a plural noun after an adjective is no cue",
     "De Blasio called Trump a “blowhard,” and said his "
     "anti-Muslim remarks were priceless “propaganda” for terrorists.",
     {NULL},
     "“propaganda”",
     "De Blasio",
     0,
     NULL},
    {"lower-case nouns before a name",
     "Voters waited. Soviet dissident Milovan Djilas referred to the “New "
     "Class” of rulers.",
     {NULL},
     "“New Class”",
     "Milovan Djilas",
     0,
     NULL},
    {"the subject after the last comma of a long opening",
     "And in a turn that called to mind, for some, an old "
     "refrain, Mr. Cruz pledged to fight “today, tomorrow, forever.”",
     {NULL},
     "“today, tomorrow, forever.”",
     "Mr. Cruz",
     0,
     NULL},
    {"a participle: modifiers and a time before the verb",
     "Democratic candidate Sen. Bernie Sanders (I-Vt.) on "
     "Saturday criticized the accord, saying it goes “nowhere near far enough.”",
     {NULL},
     "“nowhere near far enough.”",
     "Bernie Sanders",
     0,
     NULL},
    {"a name opening a subordinate clause with a verb of speaking",
     "What that means is left to the voters, "
     "since Trump spoke only in bromides.\n\n“We have to be a lot tougher.”",
     {"Trump"},
     "“We have to be a lot tougher.”",
     "Trump",
     1,
     NULL},
    {"a reporting verb before the cue: the outer source",
     "Rep. Steve Israel said Clinton called on members to be "
     "“closely coordinated.”",
     {"Steve Israel", "Clinton"},
     "“closely coordinated.”",
     "Steve Israel",
     1,
     NULL},
    {"a reporting verb in a subordinate clause is not the outer source",
     "While not everything Trump says is "
     "true, Kathleen Jamieson said Trump is “telling his supporters what they want.”",
     {"Trump", "Kathleen Jamieson"},
     "“telling his supporters what they want.”",
     "Kathleen Jamieson",
     1,
     NULL},
    {"an infinitive after the quotation is no cue",
     "Voters met Kasich. Kasich says he was the “first one” to "
     "say it.",
     {"Kasich"},
     "“first one”",
     "Kasich",
     1,
     NULL},
    {"the outer source past a later quotation of the sentence",
     "Tim Canova said he was “not going anywhere” and "
     "added, “No comment,” The Miami Herald reported.",
     {NULL},
     "“not going anywhere”",
     "Miami Herald",
     0,
     NULL},
    {"a parenthetical inverted cue before the quotation",
     "The paradox of Nancy, says Carl Anthony, a historian "
     "at the library, is that she was “one of the most powerful first ladies.”",
     {NULL},
     "“one of the most powerful first ladies.”",
     "Carl Anthony",
     0,
     NULL},
    {"a hyphen after an abbreviation is no dateline",
     "James Zogby, the president of the D.C.-based Arab American "
     "Institute, said: “I do not think so.”",
     {NULL},
     "“I do not think so.”",
     "James Zogby",
     0,
     NULL},
    {"a sentence may open with a number",
     "For many, that candidate is Trump. 81-year-old Parker Eaton, a "
     "Republican who voted for Bill Clinton, said: “There is only one.”",
     {NULL},
     "“There is only one.”",
     "Parker Eaton",
     0,
     NULL},
    {"a paragraph about the last speaker between two quotation paragraphs",
     "“Cruz can win,” Richard Viguerie "
     "notes.\n\nViguerie is upbeat about the race.\n\n“He is the one with the best chance.”",
     {"Richard Viguerie", "Viguerie"},
     "“He is the one with the best chance.”",
     "Richard Viguerie",
     1,
     NULL},
    {"a paragraph about someone else between two quotation paragraphs",
     "“Cruz can win,” Richard Viguerie "
     "notes.\n\nTrump is upbeat about the race.\n\n“He is the one with the best chance.”",
     {"Richard Viguerie", "Trump"},
     "“He is the one with the best chance.”",
     NULL,
     0,
     NULL},
    {"a campaign after a name in s’",
     "Sanders’ campaign called the report a “rush to judgment.”",
     {"Sanders"},
     "“rush to judgment.”",
     "Sanders’ campaign",
     0,
     NULL},
    {"coordinated verbs in a subordinate clause",
     "There were sharper attacks, such as when Cruz knocked Rubio on "
     "trade and called him a “moderate.”",
     {"Cruz", "Rubio"},
     "“moderate.”",
     "Cruz",
     1,
     NULL},
    {"a participle after the sentence's other segments",
     "Ryan endorsed Trump in June, but only after deliberating, "
     "telling reporters in May that he was “not quite there yet.”",
     {"Ryan", "Trump"},
     "“not quite there yet.”",
     "Ryan",
     1,
     NULL},
    {"a plural noun after a lower-case word is no cue",
     "Sen. Bernie Sanders accused her of making racist remarks by "
     "using the term “superpredator” in the past.",
     {"Bernie Sanders"},
     "“superpredator”",
     "Bernie Sanders",
     1,
     NULL},
    {"a subordinate clause closed by a comma in the subject",
     "Donald Trump, while being interviewed on Fox and "
     "Friends, called it an act of “radical Islamic terrorism.”",
     {"Donald Trump"},
     "“radical Islamic terrorism.”",
     "Donald Trump",
     1,
     NULL},
    {"what X called",
     "Clinton called Sanders to congratulate him on what she called “an extraordinary campaign.”",
     {"Clinton", "Sanders"},
     "“an extraordinary campaign.”",
     "Clinton",
     1,
     NULL},
    {"after that, the complement of the cue before it",
     "Trump claimed on Tuesday that “Petraeus got in trouble "
     "for far less,” one of the prosecutors for David Petraeus said the cases were different.",
     {"Trump", "David Petraeus"},
     "“Petraeus got in trouble for far less,”",
     "Trump",
     1,
     NULL},
    {"after that, an inverted cue of its own still wins",
     "Comey cannot say that “from his perspective,” Corey "
     "Lewandowski added, saying it is up to the prosecutor.",
     {"Comey", "Corey Lewandowski"},
     "“from his perspective,”",
     "Corey Lewandowski",
     1,
     NULL},
    {"a name right before a colon",
     "The timing of the surge does not surprise Republican pollster Daron Shaw: "
     "“Lesser-known candidates have seen the biggest boost.”",
     {NULL},
     "“Lesser-known candidates have seen the biggest boost.”",
     "Daron Shaw",
     0,
     NULL},
    {"a spaced dash introduces the quotation",
     "Trump also embraced harsh interrogation techniques -- “I think "
     "waterboarding is peanuts.”",
     {"Trump"},
     "“I think waterboarding is peanuts.”",
     "Trump",
     1,
     NULL},
    {"a long paragraph before the quotation",
     "“Hillary is my choice,” Chris Shays said. People like Lindsey "
     "Graham (S.C.), Mark Kirk (Ill.) and Ben Sasse (Neb.) are on the list, as are Adam Kinzinger (Ill.), Richard "
     "Hanna (N.Y.), Carlos Curbelo (Fla.), Justin Amash (Mich.), Charlie Dent (Pa.), Susan Brooks (Ind.), Jeff "
     "Flake (Ariz.), Tom Rooney (Fla.), Mike Coffman (Colo.), Bob Dold (Ill.) and Scott Rigell (Va.). Sen. Susan "
     "Collins (Maine) joined the group this week, publishing an op-ed hammering his “unsuitability for office.”",
     {NULL},
     "“unsuitability for office.”",
     "Susan Collins",
     0,
     NULL},
    /* every Unicode space is a space next to a mark and between words: the
     * no-break space, the thin space, the narrow no-break space of French
     * typography */
    {"no-break space after a colon",
     "John Smith said:\u00A0“We will win.”",
     {"John Smith"},
     "“We will win.”",
     "John Smith",
     1,
     NULL},
    {"thin space after the closing mark",
     "“We will win,”\u2009Smith said.",
     {"Smith"},
     "“We will win,”",
     "Smith",
     1,
     NULL},
    {"narrow no-break spaces inside guillemets",
     "«\u202FWe will win,\u202F» said\u202FJohn Smith.",
     {"John Smith"},
     "«\u202FWe will win,\u202F»",
     "John Smith",
     1,
     NULL},
    {"no-break spaces between the words of the cue",
     "“We will win,”\u00A0Smith\u00A0said.",
     {"Smith"},
     "“We will win,”",
     "Smith",
     1,
     NULL},
    /* ---- fiction (issue 20): our own sentences --------------------------- */
    {"fiction cue verb, inverted, the title kept",
     "“Come in,” cried Mrs. Hale.",
     {"Hale"},
     "“Come in,”",
     "Mrs. Hale",
     1,
     NULL},
    {"Mrs. Hale is not Mr. Hale",
     "Mr. Hale nodded to his wife. “Not now,” murmured Mrs. Hale.",
     {"Hale"},
     "“Not now,”",
     "Mrs. Hale",
     1,
     "murmured"},
    {"fiction cue verb, rejoined",
     "“You are late,” rejoined Tom Rudd.",
     {"Tom Rudd"},
     "“You are late,”",
     "Tom Rudd",
     1,
     NULL},
    {"a cue in the middle: both parts",
     "Ann Fry came in. “Well,” said she, “I think so.”",
     {"Ann Fry"},
     "“I think so.”",
     "Ann Fry",
     1,
     NULL},
    {"a word glued before the name is cut",
     "Unfortunately Ellen was late. “Stay,” Ellen whispered.",
     {"Unfortunately Ellen", "Ellen"},
     "“Stay,”",
     "Ellen",
     1,
     NULL},
    {"a role after an inverted cue keeps its article",
     "“Off with the roses!” shouted the Gardener.",
     {NULL},
     "“Off with the roses!”",
     "the Gardener",
     0,
     NULL},
    {"a first name is the character's fullest name",
     "Ned Pell sat down. Ned Pell was tired.\n\n"
     "Ann Fry left.\n\nLater, at the mill:\n\n“Fine,” said Ned.",
     {"Ned Pell", "Ned", "Ann Fry"},
     "“Fine,”",
     "Ned Pell",
     1,
     NULL},
    {"turn-taking: the third line is the first speaker's",
     "“Where were you?” asked Ann Fry.\n\n“At the mill,” said Ned Pell.\n\n"
     "“All night?”\n\n“All night.”",
     {"Ann Fry", "Ned Pell"},
     "“All night?”",
     "Ann Fry",
     1,
     NULL},
    {"turn-taking: the fourth line is the second speaker's",
     "“Where were you?” asked Ann Fry.\n\n“At the mill,” said Ned Pell.\n\n"
     "“All night?”\n\n“All night.”",
     {"Ann Fry", "Ned Pell"},
     "“All night.”",
     "Ned Pell",
     1,
     NULL},
    {"turn-taking breaks at narration",
     "“Where were you?” asked Ann Fry.\n\n“At the mill,” said Ned Pell.\n\n"
     "The door opened.\n\n“Who is there?”",
     {"Ann Fry", "Ned Pell"},
     "“Who is there?”",
     NULL,
     0,
     NULL},
    {"a pronoun speaker by the gender the narration gives a name",
     "Ysolde Marr smiled, and she sat. Ysolde Marr wept, and she rose. Orrin Dask came in, "
     "and he bowed. Orrin Dask waited, and he smiled. “Now,” she said.",
     {"Ysolde Marr", "Orrin Dask"},
     "“Now,”",
     "Ysolde Marr",
     1,
     NULL},
    {"turn-taking needs two speakers (news: one speaker goes on)",
     "“We will win,” Smith said.\n\n“We will win again,” Smith said.\n\n“And again.”",
     {"Smith"},
     "“And again.”",
     "Smith",
     1,
     NULL},
};

/* Runs case c over text (c->text, or c->text after a prelude) and checks
 * its speaker and link. */
static void check_attr(const attr_case *c, const char *input)
{
    mock_doc *d = run(input, 0, c->pers);
    const ann_span *s = mock_doc_find_text(d, "quotes", c->quote);
    ck_assert_msg(s != NULL, "%s: quotation not found", c->name);
    const char *spk = mock_span_attr(s, "speaker");
    if (!c->speaker) {
        ck_assert_msg(spk == NULL, "%s: speaker %s, want none", c->name, spk);
        ck_assert_uint_eq(s->n_links, 0);
    } else {
        ck_assert_msg(spk && strcmp(spk, c->speaker) == 0, "%s: speaker %s, want %s", c->name,
                      spk ? spk : "(none)", c->speaker);
        ck_assert_uint_eq(s->n_links, c->linked ? 1 : 0);
    }
    if (c->linked && c->speaker) {
        ck_assert_str_eq(s->links[0].role, "speaker");
        const ann_span *t = mock_doc_span_by_id(d, s->links[0].target);
        ck_assert_ptr_nonnull(t);
        ck_assert_str_eq(t->label, "PER");
        if (c->link_at) { /* the mention at the cue, not the first one */
            const char *text = mock_doc_text(d);
            const char *at = strstr(text, c->link_at);
            ck_assert_ptr_nonnull(at);
            ck_assert_uint_gt(t->start + 16, (uint32_t)(at - text));
        }
    }
    mock_doc_free(d);
}

START_TEST(test_attribution)
{
    check_attr(&attr_cases[_i], attr_cases[_i].text);
}
END_TEST

/* ---- stories (issue 20) ----------------------------------------------------- */

/* Cases read inside a story told in dialogue: each text follows a prelude
 * of QT_TEST_LINES unattributed lines of dialogue, which makes the document
 * a story (qt_is_dialogue) and attributes nothing itself. */
#define QT_TEST_LINES 40
/* A first-person story whose narrator the others call Wren and, next to
 * the narrator's lines, Mr. Dale. */
#define QT_WREN_DALE                                                                             \
    "“Hello, Wren,” said Tom Pike.\n\n“Hello,” I said.\n\nTom Pike left.\n\n"            \
    "“Come on, Wren,” said Tom Pike.\n\n“Coming,” I said.\n\nTom Pike left.\n\n"         \
    "“Good night, Wren,” said Tom Pike.\n\n“Good night,” I said.\n\nTom Pike left.\n\n"  \
    "“Wren, wait,” said Tom Pike.\n\nTom Pike left.\n\n“Stop, Wren!” said Tom Pike.\n\n" \
    "“Your key, Mr. Dale,” said the porter.\n\n“Thanks,” I said.\n\n"                    \
    "“Mr. Dale, a letter,” said the porter.\n\n“Thanks,” I said.\n\n"                    \
    "“Good evening,” I said.\n\n“Good evening, Mr. Dale.”\n\n"
/* A story told in the first person whose narrator, never named, calls a
 * friend by name in lines the text does not attribute, and the friend's
 * own lines say "said Blake". */
#define QT_BLAKE                                                                               \
    "“You are late,” said Blake.\n\n“The train was slow,” I said.\n\n"                         \
    "Blake lit his pipe.\n\n“My dear Blake, you cannot mean to go out.”\n\n"                     \
    "Blake said nothing.\n\n“Blake, where are we going?”\n\n“To the mill,” said Blake.\n\n"     \
    "“At this hour?” I asked.\n\nBlake stopped at the gate.\n\n“Do you hear that, Blake?”\n\n" \
    "Blake listened.\n\n“The water, Blake. The sluice is open.”\n\n"                            \
    "Blake shrugged.\n\n“Who would come here at night, Blake?”\n\n"                           \
    "Blake turned back.\n\n“Wait for me, Blake!”\n\nBlake walked on.\n\n“Blake, stop.”\n\n"    \
    "Blake sat on the wall.\n\n“You are tired, Blake.”\n\n"
/* A story told in the third person in which a listener is called by name
 * and a few lines say "I said": too few for a narrator of its own. */
#define QT_KIT_TALE \
    "“Listen, Kit,” said Ann Fry.\n\n“Go on,” said Ned Pell.\n\n“Where was I?” said Ann Fry.\n\n“At the mill,” said Ned Pell.\n\n" \
    "“So I went to the mill, and I said, ‘Open up,’ and I waited,” said Ann Fry.\n\n“And then?” I said.\n\n" \
    "“Listen, Kit,” said Ann Fry.\n\n“Go on,” said Ned Pell.\n\n“Where was I?” said Ann Fry.\n\n“At the mill,” said Ned Pell.\n\n" \
    "“So I went to the mill, and I said, ‘Open up,’ and I waited,” said Ann Fry.\n\n“And then?” I said.\n\n" \
    "“Listen, Kit,” said Ann Fry.\n\n“Go on,” said Ned Pell.\n\n“Where was I?” said Ann Fry.\n\n“At the mill,” said Ned Pell.\n\n" \
    "“So I went to the mill, and I said, ‘Open up,’ and I waited,” said Ann Fry.\n\n“And then?” I said.\n\n" \
    "“Listen, Kit,” said Ann Fry.\n\n“Go on,” said Ned Pell.\n\n“Where was I?” said Ann Fry.\n\n“At the mill,” said Ned Pell.\n\n" \
    "“Listen, Kit,” said Ann Fry.\n\n“Go on,” said Ned Pell.\n\n“Where was I?” said Ann Fry.\n\n“At the mill,” said Ned Pell.\n\n" \
    "“Listen, Kit,” said Ann Fry.\n\n“Go on,” said Ned Pell.\n\n“Where was I?” said Ann Fry.\n\n“At the mill,” said Ned Pell.\n\n" \
    "“Listen, Kit,” said Ann Fry.\n\n“Go on,” said Ned Pell.\n\n“Where was I?” said Ann Fry.\n\n“At the mill,” said Ned Pell.\n\n" \
    "“Listen, Kit,” said Ann Fry.\n\n“Go on,” said Ned Pell.\n\n“Where was I?” said Ann Fry.\n\n“At the mill,” said Ned Pell.\n\n" \
    "“Listen, Kit,” said Ann Fry.\n\n“Go on,” said Ned Pell.\n\n“Where was I?” said Ann Fry.\n\n“At the mill,” said Ned Pell.\n\n" \
    "“Listen, Kit,” said Ann Fry.\n\n“Go on,” said Ned Pell.\n\n“Where was I?” said Ann Fry.\n\n“At the mill,” said Ned Pell.\n\n"
static const attr_case story_cases[] = {
    {"the narrator, unnamed", "“Yes,” I said.", {NULL}, "“Yes,”", "narrator", 0, NULL},
    {"the narrator, named by the vocatives of the others",
     "“Hello, Wren,” said Tom Pike.\n\n“Hello,” I said.\n\nTom Pike left.\n\n"
     "“Come on, Wren,” said Tom Pike.\n\n“Coming,” I said.\n\nTom Pike left.\n\n"
     "“Good night, Wren,” said Tom Pike.\n\n“Good night,” I said.\n\nTom Pike left.\n\n"
     "“Wren, wait,” said Tom Pike.\n\nTom Pike left.\n\n“Stop, Wren!” said Tom Pike.\n\n"
     "“Goodbye,” I said.",
     {"Wren", "Tom Pike"},
     "“Goodbye,”",
     "Wren",
     0,
     NULL},
    {"the narrator, first name and the surname of the titled vocatives",
     QT_WREN_DALE "“Goodbye,” I said.",
     {"Wren", "Tom Pike"},
     "“Goodbye,”",
     "Wren Dale",
     0,
     NULL},
    {"the others' name for the narrator, by a vocative, is the narrator's full name",
     QT_WREN_DALE "“Are you there, Wren?” said Tom Pike.\n\n“Here I am.”",
     {"Wren", "Tom Pike"},
     "“Here I am.”",
     "Wren Dale",
     1,
     NULL},
    {"the narrator: titled vocatives away from the narrator's lines name someone else",
     "“Hello, Wren,” said Tom Pike.\n\n“Hello,” I said.\n\nTom Pike left.\n\n"
     "“Come on, Wren,” said Tom Pike.\n\n“Coming,” I said.\n\nTom Pike left.\n\n"
     "“Good night, Wren,” said Tom Pike.\n\n“Good night,” I said.\n\nTom Pike left.\n\n"
     "“Wren, wait,” said Tom Pike.\n\nTom Pike left.\n\n“Stop, Wren!” said Tom Pike.\n\n"
     "“Your key, Mr. Dale,” said the porter.\n\nThe porter left.\n\n"
     "“Mr. Dale, a letter,” said the porter.\n\nThe porter left.\n\n"
     "“Good evening, Mr. Dale.”\n\nThe porter left.\n\n"
     "“Goodbye,” I said.",
     {"Wren", "Tom Pike"},
     "“Goodbye,”",
     "Wren",
     0,
     NULL},
    {"a paragraph left open by its cue (a dash) introduces the next",
     "Ann Fry looked up.\n\nPresently Ned Pell said--\n\n“The boat is gone.”",
     {"Ann Fry", "Ned Pell"},
     "“The boat is gone.”",
     "Ned Pell",
     1,
     NULL},
    {"a paragraph left open by its cue (no mark at all) introduces the next",
     "Ann Fry looked up.\n\nNed Pell said with a slow nod\n\n“The boat is gone.”",
     {"Ann Fry", "Ned Pell"},
     "“The boat is gone.”",
     "Ned Pell",
     1,
     NULL},
    {"a cue in a relative clause after a role: the role speaks",
     "The Queen looked anxiously at the White Rabbit, who said in a low voice, “Not yet.”",
     {NULL},
     "“Not yet.”",
     "the White Rabbit",
     0,
     NULL},
    {"a cue in a relative clause after a name the tagger missed",
     "Ann Fry found her arm seized by Isolde, who in high spirits exclaimed, “Not yet.”",
     {"Ann Fry"},
     "“Not yet.”",
     "Isolde",
     0,
     NULL},
    {"he went on: the speaker of the line before, not the other party",
     "“Where were you?” asked Mr. Fry.\n\n“At the mill,” said Mr. Pell.\n\n"
     "“And then at the inn,” he continued.",
     {"Mr. Fry", "Mr. Pell"},
     "“And then at the inn,”",
     "Mr. Pell",
     1,
     NULL},
    {"he said after her line: the other party",
     "“Where were you?” asked Mrs. Fry.\n\n“At the mill,” said Mr. Pell.\n\n"
     "“All night?” she said.",
     {"Mrs. Fry", "Mr. Pell"},
     "“All night?”",
     "Mrs. Fry",
     1,
     NULL},
    {"a lower-case title is the character holding it",
     "Count Orlak came in with Ann Fry.\n\n“Good evening,” said the count.",
     {"Ann Fry"},
     "“Good evening,”",
     "Count Orlak",
     0,
     NULL},
    {"a lower-case title, the character named later",
     "“Good evening,” the colonel said.\n\nAnn Fry bowed to Colonel Marsh.",
     {"Ann Fry"},
     "“Good evening,”",
     "Colonel Marsh",
     0,
     NULL},
    {"a lower-case role that is no title names nobody",
     "Lady Orlak came in with Ann Fry.\n\nAnn Fry left.\n\n“Good evening,” said the lady.",
     {"Ann Fry"},
     "“Good evening,”",
     NULL,
     0,
     NULL},
    {"a vocative names the next speaker",
     "Ann Fry and Ned Pell and Tom Pike sat down.\n\n“Sit down, Ann Fry,” said Ned Pell.\n\n"
     "“Thank you.”",
     {"Ann Fry", "Ned Pell", "Tom Pike"},
     "“Thank you.”",
     "Ann Fry",
     1,
     NULL},
    {"the line after a speaker's line is the other party's",
     "“Where were you?” asked Ann Fry.\n\nNed Pell looked down.\n\n“At the mill,” said Ned Pell.\n\n"
     "“All night?”",
     {"Ann Fry", "Ned Pell"},
     "“All night?”",
     "Ann Fry",
     1,
     NULL},
    {"no guess: the line after a speaker's, nobody else in sight",
     "“Where were you?” asked Ann Fry.\n\n“At the mill.”",
     {"Ann Fry"},
     "“At the mill.”",
     NULL,
     0,
     NULL},
    {"Miss and a surname: the character's fullest name, written once",
     "Ysolde Marr came to stay. Ysolde smiled, and she sat. Ysolde wept, and she rose.\n\n"
     "“Not yet,” said Miss Marr.",
     {"Ysolde Marr", "Ysolde"},
     "“Not yet,”",
     "Ysolde Marr",
     0,
     NULL},
    {"Mr. and a surname: the man's full name, not his sister's",
     "Orrin Dask and Ysolde Dask came. Orrin Dask bowed, and he sat. Orrin Dask rose, and he left. "
     "Ysolde Dask smiled, and she sat. Ysolde Dask wept, and she rose.\n\n"
     "“Not yet,” said Mr. Dask.",
     {"Orrin Dask", "Ysolde Dask"},
     "“Not yet,”",
     "Orrin Dask",
     0,
     NULL},
    {"Mrs. and a surname stays: the daughter's full name is not the mother's",
     "Ysolde Marr came to stay. Ysolde Marr smiled, and she sat. Ysolde Marr wept, and she "
     "rose.\n\n“Not yet,” said Mrs. Marr.",
     {"Ysolde Marr"},
     "“Not yet,”",
     "Mrs. Marr",
     0,
     NULL},
    {"Mr. and a surname stays when two men share it",
     "John Dask and Tom Dask came. John Dask bowed. Tom Dask bowed.\n\n"
     "“Not yet,” said Mr. Dask.",
     {"John Dask", "Tom Dask"},
     "“Not yet,”",
     "Mr. Dask",
     0,
     NULL},
    {"Mr. and a surname stays when the first name is mostly titled (Sir Orrin)",
     "Orrin Dask, born 1760.\n\nSir Orrin came, and he sat. Sir Orrin bowed, and he smiled. Sir\n"
     "Orrin rose.\n\n"
     "“Not yet,” said Mr. Dask.",
     {"Orrin Dask", "Orrin"},
     "“Not yet,”",
     "Mr. Dask",
     0,
     NULL},
    {"a line the narration introduces is a turn: the next line answers its vocative",
     "“Where were you?” asked Ann Fry.\n\n“At the mill,” said Ned Pell.\n\n"
     "Ann Fry leaned forward and looked at him.\n\n“Do you want to know something, Ned Pell?”\n\n"
     "“Tell me.”",
     {"Ann Fry", "Ned Pell"},
     "“Tell me.”",
     "Ned Pell",
     1,
     NULL},
    {"a vocative with a title the tagger left out of the name",
     "Ann Fry and Ned Pell sat down.\n\n“May I sit, Mr. Pell?” asked Ann Fry.\n\n"
     "“Please do, the chair is free.”",
     {"Ann Fry", "Pell"},
     "“Please do, the chair is free.”",
     "Mr. Pell",
     1,
     NULL},
    {"turn-taking goes on past a line of someone unknown: A, ?, A, ? (not A again)",
     "Ned Pell left.\n\n“Where were you last night?” asked Ann Fry.\n\n“Out.”\n\n"
     "“Out where?”\n\n“In the town, with friends of mine.”",
     {"Ann Fry", "Ned Pell"},
     "“In the town, with friends of mine.”",
     NULL,
     0,
     NULL},
    {"a lower-case role with no name given is the speaker as written",
     "Ann Fry stood at the corner.\n\n“Move along there,” said the policeman.",
     {"Ann Fry"},
     "“Move along there,”",
     "the policeman",
     0,
     NULL},
    {"a lower-case title nobody holds by name is the speaker as written",
     "Ann Fry stood at the gate.\n\n“Halt, who goes there?” the colonel said.",
     {"Ann Fry"},
     "“Halt, who goes there?”",
     "the colonel",
     0,
     NULL},
    {"the man, the girl name nobody in particular",
     "Ann Fry stood at the corner.\n\nNed Pell left.\n\n“Move along there,” said the man.",
     {"Ann Fry", "Ned Pell"},
     "“Move along there,”",
     NULL,
     0,
     NULL},
    {"a one-word name does not take an honorific as its surname (Begum: the wife)",
     "Tariq Begum came in. Tariq Begum sat down. Tariq Begum smiled.\n\n"
     "“Sit down, all of you,” said Tariq.",
     {"Tariq Begum", "Tariq"},
     "“Sit down, all of you,”",
     "Tariq",
     1,
     NULL},
    {"turn-taking corrected backwards from the next attributed lines (B, B, A)",
     "“Where were you?” asked Ann Fry.\n\n“At the mill,” said Ned Pell.\n\n“With the miller.”\n\n"
     "“All night long?”\n\n“Until dawn,” said Ned Pell.\n\n“Good,” said Ann Fry.",
     {"Ann Fry", "Ned Pell"},
     "“All night long?”",
     "Ann Fry",
     1,
     NULL},
    {"an adverb after the name of an inverted cue is no part of it",
     "Ann Fry sat down.\n\n“It must be removed,” said the King very decidedly.",
     {"Ann Fry"},
     "“It must be removed,”",
     "the King",
     0,
     NULL},
    {"a capitalised title after the is the character written with it",
     "Professor Holm came in and sat down.\n\nAnn Fry left.\n\n"
     "“Sit down,” said the Professor.",
     {"Ann Fry"},
     "“Sit down,”",
     "Professor Holm",
     0,
     NULL},
    {"in a story, to whom it was said ends the name",
     "Ann Fry sat down.\n\n“Hush!” said Tom Pike to Ann Fry.",
     {"Ann Fry", "Tom Pike"},
     "“Hush!”",
     "Tom Pike",
     1,
     NULL},
    {"a participle after the name of an inverted cue is no part of it",
     "Ann Fry sat down.\n\n“Hush!” said the Gardener turning round.",
     {"Ann Fry"},
     "“Hush!”",
     "the Gardener",
     0,
     NULL},
    {"a thought is quoted as speech is (thought Ann)",
     "Ann Fry sat down.\n\nTom Pike left.\n\n“What a long day,” thought Ann Fry.",
     {"Ann Fry", "Tom Pike"},
     "“What a long day,”",
     "Ann Fry",
     1,
     NULL},
    {"more verbs of fiction dialogue (spoke, echoed, interposed)",
     "Ann Fry sat down.\n\nTom Pike left.\n\n“Then, all things considered,” spoke Ann Fry, “we stay.”",
     {"Ann Fry", "Tom Pike"},
     "“Then, all things considered,”",
     "Ann Fry",
     1,
     NULL},
    {"was X's reply: the owner of the reply speaks",
     "Ann Fry sat down.\n\nTom Pike left.\n\n“Not yet,” was Ann Fry's only reply.",
     {"Ann Fry", "Tom Pike"},
     "“Not yet,”",
     "Ann Fry",
     0, /* (a possessive PER span is no mention of a speaker: no link) */
     NULL},
    {"was X s answer: the apostrophe lost in a plain-text edition",
     "Ann Fry sat down.\n\nTom Pike left.\n\n“Not yet,” was Ann Fry s honest answer.",
     {"Ann Fry", "Tom Pike"},
     "“Not yet,”",
     "Ann Fry",
     1,
     NULL},
    {"was her answer: the person the pronoun stands for",
     "Tom Pike asked Mrs. Fry about the boat.\n\n“Not yet,” was her answer.",
     {"Mrs. Fry", "Tom Pike"},
     "“Not yet,”",
     "Mrs. Fry",
     1,
     NULL},
    {"in a story, the name right before the cue speaks, not the sentence's subject",
     "Ann Fry began to speak, but she stopped, for Tom Pike suddenly cried out, "
     "“Silence in the court!”",
     {"Ann Fry", "Tom Pike"},
     "“Silence in the court!”",
     "Tom Pike",
     1,
     NULL},
    {"a line opened by narration about someone is that person's turn",
     "“Where were you?” asked Ann Fry.\n\n“At the mill,” said Ned Pell.\n\n"
     "Tom Pike joined in. “I was there too.”",
     {"Ann Fry", "Ned Pell", "Tom Pike"},
     "“I was there too.”",
     "Tom Pike",
     1,
     NULL},
    {"a verb with its particle before the name (broke in, put in, went on)",
     "Ann Fry sat down.\n\nTom Pike left.\n\n“But she died at sea,” broke in Ann Fry.",
     {"Ann Fry", "Tom Pike"},
     "“But she died at sea,”",
     "Ann Fry",
     1,
     NULL},
    {"went on before the name",
     "Ann Fry sat down.\n\nTom Pike left.\n\n“Then, and always,” went on Ann Fry, “it was so.”",
     {"Ann Fry", "Tom Pike"},
     "“Then, and always,”",
     "Ann Fry",
     1,
     NULL},
    {"a possessive name before the participle of a cue speaks",
     "Ann Fry was about to answer when she was stopped by Tom Pike's saying with "
     "authority, “Do not go to the mill.”",
     {"Ann Fry", "Tom Pike"},
     "“Do not go to the mill.”",
     "Tom Pike",
     0, /* (a possessive PER span is no mention of a speaker: no link) */
     NULL},
    {"X's reply was, before the quotation",
     "Ann Fry asked twice, and Tom Pike s only reply was, “Not yet.”",
     {"Ann Fry", "Tom Pike"},
     "“Not yet.”",
     "Tom Pike",
     1,
     NULL},
    {"first person: the friend the narrator calls by name is not the narrator",
     QT_BLAKE "“I am cold, Blake,” I said at last.",
     {"Blake"},
     "“I am cold, Blake,”",
     "narrator",
     0,
     NULL},
    {"first person: the friend's own lines stay his",
     QT_BLAKE "“Then go home,” said Blake.",
     {"Blake"},
     "“Then go home,”",
     "Blake",
     1,
     NULL},
    {"first person: said X to me",
     QT_BLAKE "“Sit down,” said Blake to me.",
     {"Blake"},
     "“Sit down,”",
     "Blake",
     1,
     NULL},
    {"third person: a few lines of \"I said\" name no narrator from the vocatives",
     QT_KIT_TALE "“Enough,” I said.",
     {"Ann Fry", "Ned Pell", "Kit"},
     "“Enough,”",
     "narrator",
     0,
     NULL},
    {"more roles one person holds in a scene (the concierge, the drummer)",
     "Ann Fry sat down.\n\nTom Pike left.\n\n“Is that you, sir?” the concierge called.",
     {"Ann Fry", "Tom Pike"},
     "“Is that you, sir?”",
     "the concierge",
     0,
     NULL},
    {"she: a name of her gender before a nearer one of no known gender (a place taken for a person)",
     "Ann Fry looked up at the Kell Tower for a long time.\n\n“What is it for?” she asked.",
     {"Ann Fry", "Kell Tower"},
     "“What is it for?”",
     "Ann Fry",
     1,
     NULL},
    {"turn-taking does not give a line to the person it calls",
     "“Where were you?” asked Ned Pell.\n\n“At the mill,” said Ann Fry.\n\n"
     "“And you, Ned Pell, where were you?”",
     {"Ann Fry", "Ned Pell"},
     "“And you, Ned Pell, where were you?”",
     "Ann Fry",
     1,
     NULL},
    {"he said after narration: the narration's subject, not the nearest name",
     "“Sit down,” said Tom Pike.\n\n“No,” said Ann Fry.\n\n"
     "Bob Hale stood up and looked at Tom Pike.\n\n“Very nice,” he said.",
     {"Tom Pike", "Ann Fry", "Bob Hale"},
     "“Very nice,”",
     "Bob Hale",
     1,
     "Bob Hale stood"},
    {"he said after narration in its paragraph: that sentence's subject",
     "“Sit down,” said Tom Pike.\n\n“No,” said Ann Fry.\n\n"
     "Bob Hale waved at Tom Pike. “Very nice,” he said.",
     {"Tom Pike", "Ann Fry", "Bob Hale"},
     "“Very nice,”",
     "Bob Hale",
     1,
     "Bob Hale waved"},
    {"he said after narration about her: not her",
     "“Sit down,” said Tom Pike.\n\n“No,” said Ann Fry.\n\n"
     "Ann Fry stood up and looked at Tom Pike.\n\n“Very nice,” he said.",
     {"Tom Pike", "Ann Fry", "Bob Hale"},
     "“Very nice,”",
     "Tom Pike",
     1,
     "at Tom Pike"},
    {"a role after the is a character",
     "“Off with the roses!” said the Queen.",
     {NULL},
     "“Off with the roses!”",
     "the Queen",
     0,
     NULL},
};

START_TEST(test_addressee)
{
    static const char *const pers[] = {"Jane Roe", "Tom Pike", NULL};
    mock_doc *d = run("“Do not go, Jane Roe,” said Tom Pike.", 0, pers);
    const ann_span *s = mock_doc_find_text(d, "quotes", "“Do not go, Jane Roe,”");
    ck_assert_ptr_nonnull(s);
    ck_assert_str_eq(mock_span_attr(s, "speaker"), "Tom Pike");
    ck_assert_str_eq(mock_span_attr(s, "addressee"), "Jane Roe");
    mock_doc_free(d);
}
END_TEST

/* body after QT_TEST_LINES lines of dialogue that make the document a
 * story.  Caller frees with free(). */
static char *after_prelude(const char *body)
{
    size_t n = strlen(body), cap = QT_TEST_LINES * 16 + n + 1, k = 0;
    char *text = malloc(cap);
    ck_assert_ptr_nonnull(text);
    for (int i = 0; i < QT_TEST_LINES; i++)
        k += (size_t)snprintf(text + k, cap - k, "%s\n\n", i % 2 ? "“No.”" : "“Yes.”");
    memcpy(text + k, body, n + 1);
    return text;
}

START_TEST(test_story)
{
    const attr_case *c = &story_cases[_i];
    char *text = after_prelude(c->text);
    check_attr(c, text);
    free(text);
}
END_TEST

/* ---- the index of lower-case titles: linear in the document ------------------ */

/* `lines` copies of line, NUL-terminated: a long text for the tests that
 * count work.  Caller frees with free(). */
static char *repeat_line(const char *line, size_t lines)
{
    size_t n = strlen(line);
    char *text = malloc(lines * n + 1);
    ck_assert_ptr_nonnull(text);
    for (size_t k = 0; k < lines; k++)
        memcpy(text + k * n, line, n);
    text[lines * n] = '\0';
    return text;
}

/* The work of qt_char_role on a document of N "the count said" lines, each
 * after a line naming Count Orlak: a probe plugin builds the index as the
 * glue does and asks it for every "the count".  A scan of the text per
 * quotation compares O(N) names each time (quadratic); the index must
 * stay within a binary search per quotation. */
typedef struct probe_work {
    size_t queries, found, probes;
} probe_work;
static probe_work work_seen; /* a probe plugin's answer (one test per process) */

static int role_probe_annotate(const ann_host *h, void *state, ann_doc *doc)
{
    (void)state;
    qt_doc d;
    memset(&d, 0, sizeof d);
    d.text.host = h;
    d.text.s = h->text(doc, &d.text.len);
    d.doc = doc;
    if (qt_roles_build(&d) != ANN_OK)
        return ANN_ENOMEM;
    probe_work *w = &work_seen;
    for (const char *p = strstr(d.text.s, "the count"); p; p = strstr(p + 1, "the count")) {
        uint32_t a = (uint32_t)(p - d.text.s) + 4, na = 0, nb = 0;
        w->queries++;
        if (qt_char_role(&d, a, a + 5, a, &na, &nb, &w->probes) && nb - na == 11 &&
            memcmp(d.text.s + na, "Count Orlak", 11) == 0 && na < a)
            w->found++;
    }
    return ANN_OK;
}

START_TEST(test_role_index_linear)
{
    static const char *const labels[] = {"X", NULL};
    static const ann_plugin probe = {
        ANN_PLUGIN_HEADER, "probe", "1", "role index work", labels, NULL, NULL, NULL, NULL, NULL,
        role_probe_annotate, NULL};
    const size_t lines = 5000; /* 250 KB: a scan per quotation would compare 12.5 M names */
    char *text = repeat_line("Count Orlak came in.\n\n“Yes,” said the count.\n\n", lines);
    mock_plugin *p = mock_plugin_open(&probe, NULL, NULL);
    ck_assert_msg(p != NULL, "open: %s", mock_last_error());
    mock_doc *d = mock_doc_new(text);
    memset(&work_seen, 0, sizeof work_seen);
    ck_assert_int_eq(mock_doc_run(d, p), ANN_OK);
    const probe_work *w = &work_seen;
    ck_assert_uint_eq(w->queries, lines);
    ck_assert_uint_eq(w->found, lines); /* the nearest Count Orlak before each */
    /* a binary search over 5000 entries compares at most 13 of them */
    ck_assert_msg(w->probes <= w->queries * 13, "%zu probes for %zu quotations", w->probes,
                  w->queries);
    mock_doc_free(d);
    mock_plugin_close(p);
    free(text);
}
END_TEST

/* ---- a conversation read by parity (qt_convo.c) ------------------------------- */

/* qt_convo alone, after the attribution (lines without a cue left without
 * a speaker) and without the counting of qt_turns: which lines the
 * anchors of a run give a speaker.  Each text
 * follows QT_TEST_LINES lines of dialogue (a story) and opens with a line of
 * narration, which ends their run. */
typedef struct convo_case {
    const char *name;
    const char *text;
    const char *quote;   /* the quotation checked */
    const char *speaker; /* expected speaker, NULL: none */
} convo_case;

static const convo_case convo_cases[] = {
    {"two anchors an odd number of lines apart: the line after the first is the second's",
     "It was late.\n\n“Why wear collars at all?” said Tom Pike.\n\n“We wear them for the police.”\n\n"
     "“What does that mean here?”\n\n“Nothing good,” said Ann Fry.",
     "“We wear them for the police.”", "Ann Fry"},
    {"two anchors an odd number of lines apart: the line before the second is the first's",
     "It was late.\n\n“Why wear collars at all?” said Tom Pike.\n\n“We wear them for the police.”\n\n"
     "“What does that mean here?”\n\n“Nothing good,” said Ann Fry.",
     "“What does that mean here?”", "Tom Pike"},
    {"one speaker's anchors an even number of lines apart: the middle line is theirs",
     "It was late.\n\n“Why wear collars at all?” said Tom Pike.\n\n“We wear them for the police.”\n\n"
     "“What does that mean here?”\n\n“They leave us alone then.”\n\n“Even in the market?” said Tom Pike.",
     "“What does that mean here?”", "Tom Pike"},
    {"one speaker's anchors: the lines between are someone not named",
     "It was late.\n\n“Why wear collars at all?” said Tom Pike.\n\n“We wear them for the police.”\n\n"
     "“What does that mean here?”\n\n“They leave us alone then.”\n\n“Even in the market?” said Tom Pike.",
     "“We wear them for the police.”", NULL},
    {"anchors that break the alternation: a third person or a lost line, no parity",
     "It was late.\n\n“Why wear collars at all?” said Tom Pike.\n\n“We wear them for the police.”\n\n"
     "“What does that mean here?”\n\n“Even in the market?” said Tom Pike.",
     "“We wear them for the police.”", NULL},
    {"two names with one surname may be one person: no parity",
     "It was late.\n\n“Why wear collars at all?” said Tom Pike.\n\n“We wear them for the police.”\n\n"
     "“What does that mean here?”\n\n“Nothing good,” said Mr. Pike.",
     "“We wear them for the police.”", NULL},
    {"a paragraph of narration ends the run",
     "It was late.\n\n“Why wear collars at all?” said Tom Pike.\n\nThe rain went on.\n\n"
     "“We wear them for the police.”\n\n“Nothing good,” said Ann Fry.",
     "“We wear them for the police.”", NULL},
};

static const char *convo_quote;  /* the quotation a convo probe reads */
static char convo_speaker[64];   /* its speaker, "" if none */

/* Opens doc for a probe plugin and runs the attribution as the glue does.
 * Returns ANN_OK or ANN_ENOMEM. */
static int probe_attribute(const ann_host *h, ann_doc *doc, qt_doc *d)
{
    if (qt_doc_open(d, h, doc) != ANN_OK)
        return ANN_ENOMEM;
    qt_attribute(d);
    return ANN_OK;
}

static int convo_probe_annotate(const ann_host *h, void *state, ann_doc *doc)
{
    (void)state;
    qt_doc d;
    if (probe_attribute(h, doc, &d) != ANN_OK)
        return ANN_ENOMEM;
    for (size_t i = 0; i < d.n_quotes; i++) /* (what the news rules inherited: no turn) */
        if (d.quotes[i].cue_end == 0)
            d.quotes[i].spk_start = d.quotes[i].spk_end = 0;
    qt_convo(&d);
    size_t n = strlen(convo_quote);
    convo_speaker[0] = '\0';
    for (size_t i = 0; i < d.n_quotes; i++) {
        const qt_quote *q = &d.quotes[i];
        if (q->end - q->start != n || memcmp(d.text.s + q->start, convo_quote, n) != 0)
            continue;
        size_t m = q->spk_end - q->spk_start;
        if (m >= sizeof convo_speaker)
            m = sizeof convo_speaker - 1;
        memcpy(convo_speaker, d.text.s + q->spk_start, m);
        convo_speaker[m] = '\0';
    }
    return ANN_OK;
}

START_TEST(test_convo_parity)
{
    static const char *const labels[] = {"X", NULL};
    static const ann_plugin probe = {
        ANN_PLUGIN_HEADER, "probe", "1", "conversation parity", labels, NULL, NULL, NULL, NULL,
        NULL, convo_probe_annotate, NULL};
    const convo_case *c = &convo_cases[_i];
    char *text = after_prelude(c->text);
    mock_plugin *p = mock_plugin_open(&probe, NULL, NULL);
    ck_assert_msg(p != NULL, "open: %s", mock_last_error());
    mock_doc *d = mock_doc_new(text);
    convo_quote = c->quote;
    ck_assert_int_eq(mock_doc_run(d, p), ANN_OK);
    ck_assert_msg(strcmp(convo_speaker, c->speaker ? c->speaker : "") == 0, "%s: speaker '%s'",
                  c->name, convo_speaker);
    mock_doc_free(d);
    mock_plugin_close(p);
    free(text);
}
END_TEST

/* qt_same_person: the forms of one name, and names that may or may not be
 * one person. */
START_TEST(test_same_person)
{
    static const struct {
        const char *a, *b;
        int want;
    } cases[] = {
        {"Aziz", "Aziz", 1},          {"Aziz", "Dr. Aziz", 1},
        {"Mr. Fielding", "Fielding", 1}, {"Aziz", "Fielding", 0},
        {"Mary Crawford", "Henry Crawford", 2}, {"Miss Crawford", "Mary Crawford", 2},
        {"Tom Pike", "Ann Fry", 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char buf[80];
        size_t la = strlen(cases[i].a), lb = strlen(cases[i].b);
        memcpy(buf, cases[i].a, la);
        memcpy(buf + la, cases[i].b, lb);
        ck_assert_msg(qt_same_person(buf, 0, (uint32_t)la, (uint32_t)la, (uint32_t)(la + lb)) ==
                          cases[i].want,
                      "%s / %s", cases[i].a, cases[i].b);
    }
}
END_TEST

/* ---- the genders of earlier speakers: linear in the document ------------------ */

/* The work of the pronoun look-up on a document of N lines "Zorp told them
 * the plan was "...," he said.": "he" goes to Zorp, whose gender neither a
 * title, the first-name list nor the narration gives, so the gender Zorp's
 * earlier quotations had decides; and the sentence's subject then wins
 * with no gender, so none of them ever has one.  Reading back over the
 * earlier quotations for each line compares O(N) of them (quadratic); the
 * table of qt_spoken.c must stay within a few slots per quotation.  A probe
 * plugin opens the document and runs the attribution as the glue does,
 * then reads the count: queries are the quotations, found those of Zorp. */

static int pronoun_probe_annotate(const ann_host *h, void *state, ann_doc *doc)
{
    (void)state;
    qt_doc d;
    if (probe_attribute(h, doc, &d) != ANN_OK)
        return ANN_ENOMEM;
    probe_work *w = &work_seen;
    w->queries = d.n_quotes;
    for (size_t i = 0; i < d.n_quotes; i++) {
        const qt_quote *q = &d.quotes[i];
        w->found +=
            q->spk_end - q->spk_start == 4 && memcmp(d.text.s + q->spk_start, "Zorp", 4) == 0;
    }
    w->probes = qt_spoken_probes(&d);
    return ANN_OK;
}

START_TEST(test_pronoun_gender_linear)
{
    static const char *const labels[] = {"X", NULL}, *const needs[] = {"entities", NULL};
    static const ann_plugin probe = {
        ANN_PLUGIN_HEADER, "probe", "1", "pronoun look-up work", labels, needs, NULL, NULL, NULL,
        NULL, pronoun_probe_annotate, NULL};
    const size_t lines = 3000; /* a scan per quotation would compare 4.5 M of them */
    static const char line[] = "Zorp told them the plan was “a disaster,” he said.\n\n";
    size_t n = sizeof line - 1;
    char *text = repeat_line(line, lines);
    mock_plugin *p = mock_plugin_open(&probe, NULL, NULL);
    ck_assert_msg(p != NULL, "open: %s", mock_last_error());
    mock_doc *d = mock_doc_new(text);
    for (size_t k = 0; k < lines; k++)
        mock_doc_add_span(d, "entities", (uint32_t)(k * n), (uint32_t)(k * n + 4), "PER");
    memset(&work_seen, 0, sizeof work_seen);
    ck_assert_int_eq(mock_doc_run(d, p), ANN_OK);
    const probe_work *w = &work_seen;
    ck_assert_uint_eq(w->queries, lines);
    ck_assert_uint_eq(w->found, lines);
    /* every line asks (so the look-up is reached), each at a few slots */
    ck_assert_msg(w->probes >= lines && w->probes <= 4 * lines, "%zu probes for %zu quotations",
                  w->probes, w->queries);
    mock_doc_free(d);
    mock_plugin_close(p);
    free(text);
}
END_TEST

/* ---- PER spans by word (qt_names.c) ------------------------------------------ */

/* The index gives for a word exactly the PER spans a walk over every span
 * finds, in the order of the spans (the look-ups of qt_characters.c tally
 * them in that order): by the first word and the last word of a name of
 * two words or more, and by the whole text; never a span of another
 * label, never a one-word span by its first or last word. */
static int names_bad;

static int span_word_is(const qt_doc *d, const ann_span *s, int kind, const char *w)
{
    const char *t = d->text.s;
    size_t a = s->start, b = s->end, fs = a, ls = b;
    while (fs < b && t[fs] != ' ' && t[fs] != '\n')
        fs++;
    while (ls > a && t[ls - 1] != ' ' && t[ls - 1] != '\n')
        ls--;
    size_t n = strlen(w);
    if (kind == QT_NAMES_WHOLE)
        return b - a == n && memcmp(t + a, w, n) == 0;
    if (fs == b)
        return 0; /* one word */
    if (kind == QT_NAMES_FIRST)
        return fs - a == n && memcmp(t + a, w, n) == 0;
    return b - ls == n && memcmp(t + ls, w, n) == 0;
}

static int names_probe_annotate(const ann_host *h, void *state, ann_doc *doc)
{
    (void)state;
    qt_doc d;
    if (qt_doc_open(&d, h, doc) != ANN_OK)
        return ANN_ENOMEM;
    static const struct {
        int kind;
        const char *word;
        size_t spans; /* how many PER spans have that word */
    } asks[] = {{QT_NAMES_FIRST, "Bill", 2},   {QT_NAMES_LAST, "Gorton", 4},
                {QT_NAMES_WHOLE, "Bill", 1},   {QT_NAMES_FIRST, "Gorton", 1},
                {QT_NAMES_LAST, "Bill", 1},    {QT_NAMES_WHOLE, "Paris", 0},
                {QT_NAMES_FIRST, "Mr.", 1},    {QT_NAMES_LAST, "Nobody", 0},
                {QT_NAMES_WHOLE, "Bill Gorton", 2}};
    for (size_t q = 0; q < sizeof asks / sizeof *asks; q++) {
        const char *at = strstr(d.text.s, asks[q].word);
        uint32_t a = (uint32_t)(at - d.text.s), b = a + (uint32_t)strlen(asks[q].word);
        size_t n = 0, got = 0, want = 0, j = 0;
        const qt_name_key *k = qt_names_find(&d, asks[q].kind, a, b, &n);
        for (size_t i = 0; i < d.n_ents; i++) { /* the walk, and the index's answers in order */
            const ann_span *s = &d.ents[i];
            if (!s->label || strcmp(s->label, "PER") != 0 ||
                !span_word_is(&d, s, asks[q].kind, asks[q].word))
                continue;
            want++;
            while (j < n && k[j].i != i)
                j++;
            if (j < n) {
                got++;
                j++;
            }
        }
        for (size_t m = 0; m < n; m++) /* in order, and PER spans only */
            if (k[m].i >= d.n_ents || (m && k[m].i <= k[m - 1].i) ||
                strcmp(d.ents[k[m].i].label, "PER") != 0)
                names_bad++;
        if (got != want || want != asks[q].spans)
            names_bad++;
    }
    return ANN_OK;
}

START_TEST(test_names_index)
{
    static const char *const labels[] = {"X", NULL}, *const needs[] = {"entities", NULL};
    static const ann_plugin probe = {
        ANN_PLUGIN_HEADER, "probe", "1", "PER spans by word", labels, needs, NULL, NULL, NULL,
        NULL, names_probe_annotate, NULL};
    static const char text[] = "Bill Gorton came. Bill said so. Mr. Gorton and Mike Gorton met "
                               "Bill Gorton in Paris. Gorton Bill left. Nobody stayed.";
    static const struct {
        const char *s, *label;
        int nth;
    } spans[] = {{"Bill Gorton", "PER", 0}, {"Bill", "PER", 1},        {"Mr. Gorton", "PER", 0},
                 {"Mike Gorton", "PER", 0}, {"Bill Gorton", "PER", 1}, {"Paris", "LOC", 0},
                 {"Gorton Bill", "PER", 0}};
    mock_plugin *p = mock_plugin_open(&probe, NULL, NULL);
    ck_assert_msg(p != NULL, "open: %s", mock_last_error());
    mock_doc *d = mock_doc_new(text);
    for (size_t k = 0; k < sizeof spans / sizeof *spans; k++) {
        const char *at = text;
        for (int m = 0; m <= spans[k].nth; m++)
            at = strstr(at + (m ? 1 : 0), spans[k].s);
        if (strcmp(spans[k].s, "Bill") == 0) /* the bare "Bill" of "Bill said" */
            at = strstr(text, "Bill said");
        ck_assert_ptr_nonnull(at);
        mock_doc_add_span(d, "entities", (uint32_t)(at - text),
                          (uint32_t)(at - text + strlen(spans[k].s)), spans[k].label);
    }
    names_bad = 0;
    ck_assert_int_eq(mock_doc_run(d, p), ANN_OK);
    ck_assert_int_eq(names_bad, 0);
    mock_doc_free(d);
    mock_plugin_close(p);
}
END_TEST

START_TEST(test_cue_attribute)
{
    mock_doc *d = run("“We will win,” Smith told reporters.", 0, NULL);
    const ann_span *s = mock_doc_find_text(d, "quotes", "“We will win,”");
    ck_assert_ptr_nonnull(s);
    ck_assert_str_eq(mock_span_attr(s, "cue"), "told");
    mock_doc_free(d);
}
END_TEST

START_TEST(test_bad_option)
{
    static const char *const bad[] = {"all=maybe", NULL};
    mock_plugin *p = mock_plugin_open(ann_plugin_quotes(), bad, NULL);
    ck_assert_ptr_null(p);
    ck_assert_ptr_nonnull(strstr(mock_last_error(), "all"));
}
END_TEST

/* ---- values of any length ------------------------------------------------------- */

/* A speaker of more than 255 bytes and a cue of more than 31 are written in
 * full (they were dropped silently when the values had fixed buffers). */
START_TEST(test_long_values)
{
    char name[400] = "";
    for (int k = 0; k < 40; k++)
        strcat(name, "Johann ");
    strcat(name, "Smith");
    char text[512];
    snprintf(text, sizeof text, "%s said: “We will win.”", name);
    const char *const pers[] = {name, NULL};
    mock_doc *d = run(text, 0, pers);
    const ann_span *s = mock_doc_find_text(d, "quotes", "“We will win.”");
    ck_assert_ptr_nonnull(s);
    ck_assert_uint_gt(strlen(name), 255);
    ck_assert_str_eq(mock_span_attr(s, "speaker") ? mock_span_attr(s, "speaker") : "(none)", name);
    mock_doc_free(d);

    /* an unknown verb in -ed right after the name works as a cue */
    const char *verb = "over-over-over-over-over-over-over-over-emphasized";
    snprintf(text, sizeof text, "“We will win,” Smith %s.", verb);
    d = run(text, 0, NULL);
    s = mock_doc_find_text(d, "quotes", "“We will win,”");
    ck_assert_ptr_nonnull(s);
    ck_assert_uint_gt(strlen(verb), 31);
    ck_assert_str_eq(mock_span_attr(s, "cue") ? mock_span_attr(s, "cue") : "(none)", verb);
    ck_assert_str_eq(mock_span_attr(s, "speaker"), "Smith");
    mock_doc_free(d);
}
END_TEST

/* ---- the host's answers: refused spans and out of memory ------------------------- */

/* The quotes plugin run with a host service failing on purpose (see
 * emit_fault.h). */
typedef struct fault_case {
    const char *name;
    emit_fault fault;
    int rc;       /* what annotate returns */
    size_t spans; /* QUOTE spans in the layer afterwards */
} fault_case;

/* Three quotations: the first emit refused or out of memory. */
static const char *const fault_text =
    "“We will win,” Smith said. “They will lose,” Jones said. “Maybe,” Brown said.";

static const fault_case fault_cases[] = {
    {"no fault", EMIT_FAULT_NONE, ANN_OK, 3},
    {"a refused span: the others are emitted", {.fail_at = 0, .answer = ANN_EINVAL}, ANN_OK, 2},
    {"out of memory in emit: stop at once", {.fail_at = 0, .answer = ANN_ENOMEM}, ANN_ENOMEM, 0},
    {"out of memory in the second emit", {.fail_at = 1, .answer = ANN_ENOMEM}, ANN_ENOMEM, 1},
    {"no scratch memory for the quotations", {.fail_at = SIZE_MAX, .fail_grow = 1}, ANN_ENOMEM, 0},
};

START_TEST(test_host_faults)
{
    const fault_case *c = &fault_cases[_i];
    emit_fault f = c->fault;
    mock_plugin *p = emit_fault_open(&f, ann_plugin_quotes(), NULL, NULL);
    ck_assert_msg(p != NULL, "open: %s", mock_last_error());
    mock_doc *d = mock_doc_new(fault_text);
    ck_assert_msg(mock_doc_run(d, p) == c->rc, "%s: annotate returned the wrong status", c->name);
    size_t n;
    mock_doc_spans(d, "quotes", &n);
    ck_assert_msg(n == c->spans, "%s: %zu spans, want %zu", c->name, n, c->spans);
    mock_doc_free(d);
    emit_fault_close(p);
}
END_TEST

/* A host whose table has no text services is refused at open(), with a
 * message, instead of failing at the first document. */
START_TEST(test_needs_abi2_host)
{
    emit_fault f = {.fail_at = SIZE_MAX, .old_host = 1};
    ck_assert_ptr_null(emit_fault_open(&f, ann_plugin_quotes(), NULL, NULL));
    emit_fault_close(NULL);
    ck_assert_ptr_nonnull(strstr(mock_last_error(), "ABI 2"));
}
END_TEST

/* ---- the bundled corpus -------------------------------------------------------- */

typedef struct corpus_quote {
    const char *quote;
    const char *speaker;
} corpus_quote;

/* The seven quotations of the Tokyo article, from the issue. */
static const corpus_quote tokyo[] = {
    {"“It’s actually not in the plan to imagine, let’s say, Mexico as a platform for us to go to the U.S. "
     "That’s what Nissan does,”",
     "Luca de Meo"},
    {"“We’re more looking at a way to use Mexico to kind of balance Latin America so you can play in three "
     "or four countries.”",
     "Luca de Meo"},
    {"“You can put different eggs in different baskets.”", "Luca de Meo"},
    {"“We just have to find the right platform and product,”", "Luca de Meo"},
    {"“Europe and North America are potential markets where we can utilize alliance assets,”",
     "Takao Kato"},
    {"“For example, North America is a promising field of collaboration, where we naturally rely on Nissan "
     "to enrich our car lineup.”",
     "Takao Kato"},
    {"“We have similar projects going on with Nissan and Renault about expanding our product lineup in many "
     "regions and market segments,”",
     "Takao Kato"},
};

/* _i == 0: with PER spans as the entities layer would give; 1: without. */
START_TEST(test_corpus_tokyo)
{
    char *text = mock_read_file(QT_CORPUS_DIR "/alliance-tokyo.txt", NULL);
    ck_assert_msg(text != NULL, "cannot read the corpus");
    static const char *const pers[] = {
        "Luca de Meo", "de Meo", "Ashwani Gupta", "Takao Kato", "Kato", "Carlos Ghosn", NULL};
    mock_plugin *p = mock_plugin_open(ann_plugin_quotes(), NULL, NULL);
    mock_doc *d = mock_doc_new(text);
    if (_i == 0) {
        /* longest names first, and a shorter one only where no longer one covers it */
        char covered[8192] = {0};
        for (size_t k = 0; pers[k]; k++) {
            size_t n = strlen(pers[k]);
            for (const char *s = strstr(text, pers[k]); s; s = strstr(s + n, pers[k])) {
                size_t at = (size_t)(s - text);
                if (at < sizeof covered && covered[at + n - 1])
                    continue;
                mock_doc_add_span(d, "entities", (uint32_t)at, (uint32_t)(at + n), "PER");
                for (size_t j = at; j < at + n && j < sizeof covered; j++)
                    covered[j] = 1;
            }
        }
    }
    ck_assert_int_eq(mock_doc_run(d, p), ANN_OK);
    size_t n;
    mock_doc_spans(d, "quotes", &n);
    ck_assert_uint_eq(n, 7);
    for (size_t k = 0; k < 7; k++) {
        const ann_span *s = mock_doc_find_text(d, "quotes", tokyo[k].quote);
        ck_assert_msg(s != NULL, "quotation %zu not found", k);
        ck_assert_str_eq(mock_span_attr(s, "kind"), "direct");
        const char *spk = mock_span_attr(s, "speaker");
        ck_assert_msg(spk && strcmp(spk, tokyo[k].speaker) == 0, "quotation %zu: speaker %s", k,
                      spk ? spk : "(none)");
        if (_i == 0) {
            ck_assert_uint_eq(s->n_links, 1);
            const ann_span *t = mock_doc_span_by_id(d, s->links[0].target);
            ck_assert_ptr_nonnull(t);
            ck_assert_str_eq(t->label, "PER");
        }
    }
    mock_doc_free(d);
    mock_plugin_close(p);
    free(text);
}
END_TEST

START_TEST(test_corpus_mitsubishi)
{
    char *text = mock_read_file(QT_CORPUS_DIR "/alliance-mitsubishi.txt", NULL);
    ck_assert_msg(text != NULL, "cannot read the corpus");
    mock_doc *d = run(text, 0, NULL);
    size_t n;
    mock_doc_spans(d, "quotes", &n);
    ck_assert_uint_eq(n, 0);
    mock_doc_free(d);
    free(text);
}
END_TEST

static Suite *quotes_suite(void)
{
    Suite *s = suite_create("quotes");
    TCase *tc = tcase_create("detection");
    tcase_add_loop_test(tc, test_detection, 0, (int)(sizeof det_cases / sizeof det_cases[0]));
    tcase_add_loop_test(tc, test_kinds, 0, (int)(sizeof kind_cases / sizeof kind_cases[0]));
    tcase_add_test(tc, test_nested_only_with_all);
    suite_add_tcase(s, tc);
    tc = tcase_create("attribution");
    tcase_add_loop_test(tc, test_attribution, 0, (int)(sizeof attr_cases / sizeof attr_cases[0]));
    tcase_add_test(tc, test_addressee);
    tcase_add_loop_test(tc, test_story, 0, (int)(sizeof story_cases / sizeof story_cases[0]));
    tcase_add_test(tc, test_role_index_linear);
    tcase_add_loop_test(tc, test_convo_parity, 0, (int)(sizeof convo_cases / sizeof convo_cases[0]));
    tcase_add_test(tc, test_same_person);
    tcase_add_test(tc, test_pronoun_gender_linear);
    tcase_add_test(tc, test_names_index);
    tcase_add_test(tc, test_cue_attribute);
    tcase_add_test(tc, test_bad_option);
    tcase_add_test(tc, test_long_values);
    suite_add_tcase(s, tc);
    tc = tcase_create("host");
    tcase_add_loop_test(tc, test_host_faults, 0, (int)(sizeof fault_cases / sizeof fault_cases[0]));
    tcase_add_test(tc, test_needs_abi2_host);
    suite_add_tcase(s, tc);
    tc = tcase_create("corpus");
    tcase_add_loop_test(tc, test_corpus_tokyo, 0, 2);
    tcase_add_test(tc, test_corpus_mitsubishi);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(quotes_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
