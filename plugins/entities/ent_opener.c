/* ent_opener.c -- see ent_opener.h. */
#include "ent_opener.h"

#include "ent_decode.h"

/* Words that open a sentence before a name without being part of it:
 * auxiliaries and modals (questions and inverted conditionals), conjunctions
 * and wh-words, sentence adverbs and interjections.  Lowercase; a token
 * matches in any case.  "Will", "May" and "Even" are first names too, and
 * are left to the tagger. */
static const char *const openers[] = {
    "am",       "is",        "are",         "was",          "were",        "be",        "been",
    "has",      "have",      "had",         "do",           "does",        "did",       "shall",
    "should",   "would",     "could",       "might",        "must",        "can",       "when",
    "whenever", "where",     "wherever",    "while",        "whilst",      "why",       "how",
    "what",     "whatever",  "who",         "whom",         "whose",       "which",     "if",
    "unless",   "although",  "though",      "because",      "since",       "until",     "till",
    "once",     "whether",   "and",         "but",          "or",          "nor",       "so",
    "yet",      "then",      "thus",        "hence",        "therefore",   "still",     "also",
    "only",     "just",      "perhaps",     "maybe",        "indeed",      "besides",   "meanwhile",
    "however",  "moreover",  "furthermore", "nevertheless", "nonetheless", "otherwise", "instead",
    "yes",      "no",        "oh",          "ah",           "well",        "alas",      "poor",
    "dear",     "yesterday", "today",       "tonight",      "tomorrow",    "sometimes", "often",
    "soon",     "later",     "again",       "here",         "there",       "not",       "never",
    "ever",     "always",    "let",         "please",       "thank",       "thanks",
};

/* Whether the token's only list is the lowercase one: no list of names
 * holds it, alone or as the start of a phrase. */
static int only_lowercase(const ent_tokinfo *t)
{
    for (int l = 0; l < ENT_GAZ_N_FEAT; l++)
        if (l != ENT_GAZ_LOWERCASE && t->gaz[l])
            return 0;
    return 1;
}

/* "Unfortunately", "Suddenly": shorter words in -ly are often names or
 * adjectives ("Billy", "Daily Telegraph", "Holy City"). */
static int is_ly_adverb(const ent_prep *p, size_t i)
{
    const ent_tokinfo *t = &p->tok[i];
    const ent_doc *doc = p->doc;
    size_t n = doc->len[i];
    return t->w.n_chars >= 7 && t->gaz[ENT_GAZ_LOWERCASE] == 1 + ENT_U && n >= 2 &&
           (doc->text[i][n - 2] | 0x20) == 'l' && (doc->text[i][n - 1] | 0x20) == 'y';
}

int ent_is_opener(const ent_prep *p, size_t i)
{
    /* The closed list whatever the lists say: the word lists hold "Had" as
     * a first name and "Is", "Can" and "Never" as towns. */
    for (size_t k = 0; k < sizeof openers / sizeof openers[0]; k++)
        if (ent_doc_is_word(p->doc, i, openers[k]))
            return 1;
    return only_lowercase(&p->tok[i]) && is_ly_adverb(p, i);
}

void ent_trim_openers(const ent_prep *p, uint8_t *tags)
{
    const ent_doc *doc = p->doc;
    for (size_t s = 0; s < doc->n_sents; s++) {
        size_t b = doc->sent[s], e = doc->sent[s + 1], i = b;
        while (i < e && !(p->tok[i].w.flags & ENT_TF_LETTER))
            i++; /* an opening quote or dash */
        if (i + 1 >= e || ent_tag_pos(tags[i]) != ENT_B || !ent_is_opener(p, i))
            continue;
        int type = ent_tag_type(tags[i]);
        tags[i] = 0;
        /* the rest of the name: B-x I-x ... L-x, or U-x alone */
        tags[i + 1] = (uint8_t)ent_tag(type, ent_tag_pos(tags[i + 1]) == ENT_L ? ENT_U : ENT_B);
    }
}
