/*
 * qt_cue.c -- cue verbs and the words around them.
 *
 * Which words are cue verbs (said, told, added ...), and when one is a verb
 * and not a noun (his comments, the report); the auxiliaries and adverbs
 * that stand between a subject and its cue; the words that open
 * subordinate clauses.  The patterns that use them are in qt_before.c and
 * qt_after.c.
 */
#include "qt_attr.h"

#include <stdlib.h>
#include <string.h>

/* Cue verbs, lower case, sorted (bsearch); with the verbs of fiction
 * dialogue (cried, rejoined, returned, murmured ...). */
static const char *const qt_cues[] = {
    "according", "accused", "accuses", "accusing", "acknowledged", "acknowledges",
    "acknowledging", "add", "added", "adding", "adds", "admits", "admitted", "admitting",
    "agreed", "agrees", "alleged", "alleging", "announced", "announces", "announcing",
    "answered", "answering", "answers", "argue", "argued", "argues", "arguing", "ask", "asked",
    "asking", "asks", "assented", "asserted", "asserting", "asserts", "began", "blasted",
    "boasted", "boasting", "boomed", "bragged", "broke", "burst", "called", "calling", "calls",
    "cautioned", "cautioning", "chanted", "chanting", "charged", "charging", "chattered",
    "chimed", "chuckled", "claimed", "claiming", "claims", "commented", "commenting",
    "comments", "complained", "complaining", "complains", "conceded", "concedes", "conceding",
    "concluded", "concludes", "concluding", "confirmed", "confirming", "contended", "continued",
    "continues", "contradicted", "corrected", "countered", "countering", "cried", "cries",
    "cut", "declared", "declares", "declaring", "demanded", "demanding", "denied", "denying",
    "described", "describes", "describing", "drawled", "dubbed", "echoed", "elaborated",
    "emailed", "emphasised", "emphasized", "emphasizes", "emphasizing", "enquired", "entreated",
    "exclaimed", "explain", "explained", "explaining", "explains", "faltered", "fired",
    "gasped", "groaned", "growled", "grumbled", "grunted", "hooted", "howled", "implored",
    "inquired", "insist", "insisted", "insisting", "insists", "interjected", "interposed",
    "interrupted", "jeered", "joked", "jokes", "joking", "labeled", "labelled", "lamented",
    "lamenting", "laughed", "maintained", "maintaining", "messaged", "mocked", "murmured",
    "mused", "muses", "muttered", "note", "noted", "notes", "noting", "objected", "observed",
    "observes", "observing", "offered", "opined", "persisted", "piped", "pleaded", "pledged",
    "pointed", "posted", "posting", "predicted", "predicting", "predicts", "proclaimed",
    "proclaiming", "promised", "promises", "promising", "protested", "pursued", "put", "puts",
    "questioned", "quipped", "quipping", "quips", "quoted", "quoting", "reacted", "reads",
    "recalled", "recalling", "recalls", "recounted", "reflected", "reiterated", "reiterating",
    "rejoined", "remarked", "remarking", "remarks", "repeated", "repeating", "replied",
    "replies", "replying", "reported", "reports", "responded", "responding", "responds",
    "resumed", "retorted", "returned", "roared", "said", "sang", "say", "saying", "says",
    "screamed", "screaming", "screeched", "shot", "shouted", "shouting", "shrieked", "sighed",
    "singing", "sings", "snapped", "sneered", "snorted", "sobbed", "spluttered", "spoke",
    "squeaked", "stammered", "stated", "states", "stating", "stressed", "stresses", "stressing",
    "struck", "suggested", "suggesting", "suggests", "summed", "tell", "telling", "tells",
    "testified", "testifying", "texted", "thought", "told", "touted", "tweet", "tweeted",
    "tweeting", "tweets", "urged", "urging", "ventured", "vowed", "vowing", "vows", "warn",
    "warned", "warning", "warns", "went", "whispered", "wondered", "write", "writes", "writing",
    "wrote", "yawned", "yelled", "yelling",
};

static int qt_str_cmp(const void *key, const void *elem)
{
    return strcmp((const char *)key, *(const char *const *)elem);
}

int qt_is_cue_word(const char *t, size_t a, size_t b)
{
    size_t n = b - a;
    if (n < 3 || n > 12)
        return 0;
    char w[13];
    for (size_t i = 0; i < n; i++)
        w[i] = qt_lower(t[a + i]);
    w[n] = '\0';
    return bsearch(w, qt_cues, sizeof qt_cues / sizeof *qt_cues, sizeof *qt_cues, qt_str_cmp) !=
           NULL;
}

/* Whether token k is a cue verb.  A capitalised one counts only when it
 * opens the clause (Added X:), so "the United States" has no cue. */
int qt_tok_cue(const char *t, const qt_tok *k, const qt_tok *next, int opens)
{
    if (k->type != QT_TOK_WORD || !qt_is_cue_word(t, k->start, k->end))
        return 0;
    if ((k->flags & QT_TF_UPPER) && !opens)
        return 0;
    if (qt_tok_is(t, k, "according"))
        return next && qt_tok_is(t, next, "to");
    if (qt_tok_is(t, k, "pointed"))
        return next && qt_tok_is(t, next, "out");
    if (qt_tok_is(t, k, "went")) /* "...," Trump went on */
        return next && qt_tok_is(t, next, "on");
    if (qt_tok_is(t, k, "put") || qt_tok_is(t, k, "puts")) /* As X put it: "..." */
        return next && (qt_tok_is(t, next, "it") || qt_tok_is(t, next, "in"));
    /* "...," broke in Adela; cut in the voice of X; struck in, chimed in,
     * burst out */
    if (qt_tok_is(t, k, "broke") || qt_tok_is(t, k, "cut") || qt_tok_is(t, k, "struck") ||
        qt_tok_is(t, k, "chimed") || qt_tok_is(t, k, "burst"))
        return next && (qt_tok_is(t, next, "in") || qt_tok_is(t, next, "out") ||
                        qt_tok_is(t, next, "forth"));
    return 1;
}

/* Whether word token p ends in a possessive ('s, s', ’s, s’). */
static int qt_possessive_word(const char *t, const qt_tok *p)
{
    size_t pl = p->end - p->start;
    return p->type == QT_TOK_WORD &&
           ((pl >= 2 && t[p->end - 2] == '\'' && qt_lower(t[p->end - 1]) == 's') ||
            (pl >= 2 && t[p->end - 1] == '\'' && qt_lower(t[p->end - 2]) == 's') ||
            (pl >= 4 && memcmp(t + p->end - 4, "\xE2\x80\x99", 3) == 0 &&
             qt_lower(t[p->end - 1]) == 's') ||
            (pl >= 4 && memcmp(t + p->end - 3, "\xE2\x80\x99", 3) == 0 &&
             qt_lower(t[p->end - 4]) == 's'));
}

/* Whether token i of toks is a cue verb (qt_tok_cue) and no noun: after a
 * determiner, "his comments", "the report", "a call" name things. */
int qt_cue_at(const char *t, const qt_tok *toks, size_t n, size_t i, int opens)
{
    if (!qt_tok_cue(t, &toks[i], i + 1 < n ? &toks[i + 1] : NULL, opens))
        return 0;
    if (i == 0 || toks[i - 1].type != QT_TOK_WORD)
        return 1;
    /* after a possessive a cue word is a noun or an adjective: Trump's
     * fired campaign manager, Clinton's claims */
    /* (but "saying": by Sir Thomas's saying, "..." is his saying it) */
    const qt_tok *p = &toks[i - 1];
    if (qt_possessive_word(t, p) && !qt_tok_is(t, &toks[i], "saying"))
        return 0;
    static const char *const dets[] = {"his",  "her",  "their", "its",   "our",
                                       "my",   "your", "the",   "a",     "an",
                                       "this", "that", "these", "those", NULL};
    for (size_t j = 0; dets[j]; j++)
        if (qt_tok_is(t, &toks[i - 1], dets[j]))
            return 0;
    /* his anti-Muslim remarks, her recent comments: a plural noun that is
     * also a cue verb, after a determiner and an adjective (not a role:
     * the senator notes) */
    static const char *const plurals[] = {"remarks",  "comments", "claims", "calls",
                                          "notes",    "reports",  "tweets", "answers",
                                          "promises", "vows",     NULL};
    int plural = 0;
    for (size_t j = 0; plurals[j]; j++)
        plural |= qt_tok_is(t, &toks[i], plurals[j]);
    int adjective =
        !(p->flags & QT_TF_UPPER) || memchr(t + p->start, '-', p->end - p->start) != NULL;
    if (plural && i >= 2 && adjective && !qt_is_role_word(t, p))
        for (size_t j = 0; dets[j]; j++)
            if (qt_tok_is(t, &toks[i - 2], dets[j]) || qt_possessive_word(t, &toks[i - 2]))
                return 0;
    /* (making racist remarks: after a lower-case word that is no pronoun,
     * adverb or role, such a plural is a noun too; he remarks, who notes,
     * the senator notes stay verbs) */
    static const char *const subj[] = {"he",   "she",   "it",    "they",       "who",
                                       "that", "which", "also",  "then",       "later",
                                       "now",  "often", "again", "repeatedly", NULL};
    if (plural && !(p->flags & QT_TF_UPPER) && !qt_is_role_word(t, p)) {
        int subject = 0;
        for (size_t j = 0; subj[j]; j++)
            subject |= qt_tok_is(t, p, subj[j]);
        if (!subject)
            return 0;
    }
    return 1;
}

/* Whether word token k is a participle in -ing (saying, telling). */
int qt_is_participle(const char *t, const qt_tok *k)
{
    return k->type == QT_TOK_WORD && k->end - k->start > 4 && memcmp(t + k->end - 3, "ing", 3) == 0;
}

/* Words that may stand between a subject and its cue verb. */
static const char *const qt_aux[] = {
    "also",       "later",   "then",       "has",        "have",         "had",       "was",
    "is",         "would",   "will",       "once",       "previously",   "recently",  "again",
    "reportedly", "simply",  "flatly",     "repeatedly", "publicly",     "privately", "quickly",
    "only",       "never",   "even",       "still",      "just",         "further",   "ultimately",
    "finally",    "often",   "frequently", "did",        "does",         "could",     "might",
    "may",        "can",     "should",     "angrily",    "bluntly",      "calmly",    "firmly",
    "proudly",    "earlier", "afterward",  "afterwards", "subsequently", "now",       "told",
    "and",        "but",     "who",        NULL};

int qt_is_aux(const char *t, const qt_tok *k)
{
    for (size_t j = 0; qt_aux[j]; j++)
        if (qt_tok_is(t, k, qt_aux[j]))
            return 1;
    return 0;
}

int qt_is_cue_modifier(const char *t, const qt_tok *k)
{
    return qt_is_aux(t, k) && !qt_tok_is(t, k, "and") && !qt_tok_is(t, k, "but") &&
           !qt_tok_is(t, k, "who") && !qt_tok_is(t, k, "told");
}

/* Words that open a subordinate clause before its subject: after Sanders
 * said, to which O'Malley replied, when Clinton called. */
int qt_is_subordinator(const char *t, const qt_tok *k)
{
    static const char *const subs[] = {
        "after",   "before",   "when",  "whenever", "as",      "since", "while",
        "because", "until",    "which", "whom",     "that",    "where", "if",
        "though",  "although", "once",  "whereas",  "whether", "what",  NULL};
    return k->type == QT_TOK_WORD && !(k->flags & QT_TF_UPPER) && qt_tok_in(t, k, subs);
}

/* Whether a segment opened by word token k may be a subject: not when a
 * preposition, a subordinating word or a participle opens it (When asked
 * by a host about Edward Snowden, de Blasio said; speaking to MSNBC's
 * Morning Joe, Trump said). */
int qt_may_open_subject(const char *t, const qt_tok *k)
{
    qt_tok low = *k;
    low.flags = 0;
    return !qt_is_preposition(t, &low) && !qt_is_subordinator(t, &low) && !qt_is_participle(t, k) &&
           !qt_tok_is(t, k, "asked");
}

/* Whether word token k is a form of "be" before a passive (was asked). */
int qt_passive_aux(const char *t, const qt_tok *k)
{
    return qt_tok_is(t, k, "was") || qt_tok_is(t, k, "were") || qt_tok_is(t, k, "been") ||
           qt_tok_is(t, k, "being") || qt_tok_is(t, k, "is") || qt_tok_is(t, k, "be");
}

int qt_tok_in(const char *t, const qt_tok *k, const char *const *words)
{
    for (size_t j = 0; words[j]; j++)
        if (qt_tok_is(t, k, words[j]))
            return 1;
    return 0;
}

int qt_speech_noun(const char *t, const qt_tok *k)
{
    static const char *const nouns[] = {
        "reply",   "answer",   "thought",  "explanation", "rejoinder",   "observation",
        "remark",  "declaration", "assurance", "consolation", "exclamation", "question",
        "inquiry", "enquiry",  "speech",   "address",     "cry",         "comment",
        "response", "retort",  "greeting", "words",       "reasoning",   "apostrophe",
        "advice",  "salutation", "protest", "reflection", "conclusion",  "entreaty",
        "request", "command",  "reproach", "information", "acknowledgment", NULL};
    return k->type == QT_TOK_WORD && !(k->flags & QT_TF_UPPER) && qt_tok_in(t, k, nouns);
}

size_t qt_possessive_len(const char *t, const qt_tok *k)
{
    size_t n = k->end - k->start;
    if (n >= 3 && t[k->end - 2] == '\'' && t[k->end - 1] == 's')
        return 2;
    if (n >= 5 && memcmp(t + k->end - 4, "\xE2\x80\x99", 3) == 0 && t[k->end - 1] == 's')
        return 4;
    return 0;
}
