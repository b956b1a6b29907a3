/*
 * abbrev.h -- the word lists the tokenizer and sentence splitter consult
 * (internal to core/text).  All lookups are case-sensitive: "Co." is an
 * abbreviation, "co." the end of a word.
 */
#ifndef ANN_TEXT_ABBREV_H
#define ANN_TEXT_ABBREV_H

#include <stddef.h>

typedef enum ann_abbrev_kind {
    ANN_ABBR_NONE = 0,
    ANN_ABBR_TITLE,  /* Mr. Dr. vs.: a sentence never ends after it */
    ANN_ABBR_MONTH,  /* Jan. .. Dec.: no boundary before a number */
    ANN_ABBR_NUMERO, /* No.: an abbreviation only before a number */
    ANN_ABBR_OTHER,  /* Co. Corp. Inc. Ltd. St. U.S.: ends a sentence only
                         before a word that typically starts one ("The") */
    ANN_ABBR_INITIAL /* J.: a single capital initial; as OTHER, since "J. The"
                         is no name but "J. Smith" is */
} ann_abbrev_kind;

/* Kind of the word w[0..n) (without its period) when a period follows. */
ann_abbrev_kind ann_abbrev_lookup(const char *w, size_t n);

/* Whether w[0..n) is a capitalised word that usually starts a sentence
 * ("The", "But", "That"), used after an ambiguous abbreviation. */
int ann_is_sentence_starter(const char *w, size_t n);

#endif
