/*
 * unicode.h -- the text services the host table offers plugins (ABI 2):
 * strict UTF-8 decoding, the ANN_CHAR_* classes and case folding.  The
 * tokenizer's own classes stay in chars.h; these answer in the plugin ABI's
 * terms, so plugins stop carrying private copies.
 */
#ifndef ANN_TEXT_UNICODE_H
#define ANN_TEXT_UNICODE_H

#include <stddef.h>
#include <stdint.h>

/* host->decode: the character at s[i] (i < len); U+FFFD and *n = 1 for a
 * byte that starts no well-formed sequence (overlong forms and surrogates
 * included). */
uint32_t ann_unicode_decode(const char *s, size_t len, size_t i, size_t *n);

/* host->decode_prev: the character ending just before s[i] (i > 0). */
uint32_t ann_unicode_decode_prev(const char *s, size_t i, size_t *n);

/* host->char_class: ANN_CHAR_* bits of cp; agrees with ann_ascii_class()
 * below 0x80. */
uint32_t ann_unicode_class(uint32_t cp);

/* host->fold_case: the case folding of cp where it is one code point, else
 * its lowercase (so 'ß' stays 'ß' and 'ẞ' gives 'ß'). */
uint32_t ann_unicode_fold(uint32_t cp);

/* Full case folding of s[0..len) (valid UTF-8) into out, which holds at
 * least 3 * len + 1 bytes (no character folds to more than three times its
 * length); NUL-terminates and returns the length written. */
size_t ann_unicode_fold_text(const char *s, size_t len, char *out);

#endif
