## core/text: the shared tokenizer and sentence splitter (hand-written byte
## scanner; utf8proc for the categories of non-ASCII characters).
core_libannotate_core_la_SOURCES += \
	core/text/tokenize.h core/text/tokenize.c \
	core/text/paragraphs.c \
	core/text/sentences.h core/text/sentences.c \
	core/text/linebreak.h core/text/linebreak.c \
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
