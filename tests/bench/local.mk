## tests/bench -- `make bench`: plugin throughput and memory against the targets.
## The documents are read from ../shared/bench/docs beside the source tree unless
## BENCH_DOCS=DIR is given; they are never needed to build or test.
BENCH_TARGETS += bench-plugins
EXTRA_DIST += tests/bench/run-bench
BENCH_DOCS = $(abs_top_srcdir)/../shared/bench/docs

bench-plugins: all
	ANNOTATE=$(abs_top_builddir)/annotate BENCH_DOCS='$(BENCH_DOCS)' \
	  bash $(srcdir)/tests/bench/run-bench
.PHONY: bench-plugins

## `make bench-memory`: peak RSS of each plugin on 5, 20 and 100 MB documents
## against the linear-memory target (BENCH_SIZES="5 20" for a shorter run).
BENCH_TARGETS += bench-memory
EXTRA_DIST += tests/bench/run-memory
bench-memory: all
	ANNOTATE=$(abs_top_builddir)/annotate BENCH_DOCS='$(BENCH_DOCS)' \
	  bash $(srcdir)/tests/bench/run-memory
.PHONY: bench-memory

## `make bench-stream`: peak RSS of `annotate --stdin` over the corpus as
## JSON Lines, once and ten times in a row, against the bounded-memory target.
BENCH_TARGETS += bench-stream
EXTRA_DIST += tests/bench/run-stream
bench-stream: all
	ANNOTATE=$(abs_top_builddir)/annotate BENCH_DOCS='$(BENCH_DOCS)' \
	  bash $(srcdir)/tests/bench/run-stream
.PHONY: bench-stream

## `make bench-syntax`: the readers and the syntax trees handed to plugins
## on hostile Markdown and HTML (a node of many children) at two sizes; the
## MB/s of the two should be about the same.
noinst_PROGRAMS += tests/bench/bench-syntax
tests_bench_bench_syntax_SOURCES = tests/bench/bench_syntax.c
tests_bench_bench_syntax_LDADD = core/libannotate-core.la
BENCH_TARGETS += bench-syntax
bench-syntax: tests/bench/bench-syntax
	$(builddir)/tests/bench/bench-syntax
.PHONY: bench-syntax
