## core/text: the shared tokenizer and sentence splitter (hand-written byte
## scanner; utf8proc for the categories of non-ASCII characters).
core_libannotate_core_la_SOURCES += \
	core/text/tokenize.h core/text/tokenize.c \
	core/text/paragraphs.c \
	core/text/sentences.h core/text/sentences.c \
	core/text/abbrev.h core/text/abbrev.c \
	core/text/chars.h core/text/chars.c \
	core/text/unicode.h core/text/unicode.c

## Tokenizer throughput: `make bench-tokenize` (TOKENIZE_BENCH_DOCS=DIR to
## choose the documents; the shared bench folder is never needed to build).
noinst_PROGRAMS += core/text/bench-tokenize
core_text_bench_tokenize_SOURCES = core/text/bench_tokenize.c
core_text_bench_tokenize_LDADD = core/libannotate-core.la
TOKENIZE_BENCH_DOCS = $(abs_top_srcdir)/../shared/bench/docs
BENCH_TARGETS += bench-tokenize
bench-tokenize: core/text/bench-tokenize
	$(builddir)/core/text/bench-tokenize -n 5 '$(TOKENIZE_BENCH_DOCS)'
.PHONY: bench-tokenize

if HAVE_CHECK
check_PROGRAMS += core/text/test_tokenize core/text/conll_check
TESTS += core/text/test_tokenize core/text/conll_check
core_text_test_tokenize_SOURCES = core/text/test_tokenize.c
core_text_test_tokenize_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
core_text_test_tokenize_LDADD = core/libannotate-core.la $(CHECK_LIBS)
## Optional: re-tokenizes CoNLL-2003 valid.txt when ../shared holds it
## (exit 77, skipped, otherwise) and fails below 95% exact sentences.
core_text_conll_check_SOURCES = core/text/conll_check.c
core_text_conll_check_LDADD = core/libannotate-core.la
endif
