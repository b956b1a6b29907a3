## plugins/numbers -- CARDINAL ORDINAL PERCENT MONEY QUANTITY (issue 3)
pkglib_LTLIBRARIES += plugins/numbers.la
plugins_numbers_la_SOURCES = plugins/numbers/numbers.c \
	plugins/numbers/num_scan.c plugins/numbers/num_scan.h \
	plugins/numbers/num_words.c plugins/numbers/num_suffix.c plugins/numbers/num_tail.c \
	plugins/numbers/num_amount.c plugins/numbers/num_amount.h plugins/numbers/num_text.h \
	plugins/numbers/num_lex.c plugins/numbers/num_lex.h \
	plugins/numbers/num_dec.c plugins/numbers/num_dec.h
plugins_numbers_la_CPPFLAGS = $(AM_CPPFLAGS) $(ANN_COMMON_CPPFLAGS)
plugins_numbers_la_CFLAGS = $(ANN_PLUGIN_COPTS)
plugins_numbers_la_LIBADD = $(ANN_COMMON_LIB)
plugins_numbers_la_LDFLAGS = $(ANN_PLUGIN_LDOPTS)

# Throughput of annotate() over a folder of .txt files (one core):
#   make bench-numbers [NUM_BENCH_DOCS=dir]
noinst_PROGRAMS += plugins/numbers/bench_numbers
plugins_numbers_bench_numbers_SOURCES = plugins/numbers/bench_numbers.c $(plugins_numbers_la_SOURCES)
plugins_numbers_bench_numbers_CPPFLAGS = $(AM_CPPFLAGS) $(ANN_COMMON_CPPFLAGS)
plugins_numbers_bench_numbers_CFLAGS = $(AM_CFLAGS)
plugins_numbers_bench_numbers_LDADD = $(ANN_COMMON_LIB) core/libannotate-core.la
NUM_BENCH_DOCS = $(abs_top_srcdir)/../shared/bench/docs
BENCH_TARGETS += bench-numbers
bench-numbers: plugins/numbers/bench_numbers
	plugins/numbers/bench_numbers $(NUM_BENCH_DOCS)

if HAVE_CHECK
check_PROGRAMS += plugins/numbers/test_numbers
plugins_numbers_test_numbers_SOURCES = plugins/numbers/test_numbers.c plugins/numbers/test_cases.h \
	tests/mock/emit_fault.h $(plugins_numbers_la_SOURCES)
plugins_numbers_test_numbers_CPPFLAGS = $(AM_CPPFLAGS) $(ANN_COMMON_CPPFLAGS) -I$(top_srcdir)/tests/mock \
	-DNUM_CORPUS_DIR='"$(abs_top_srcdir)/corpus"'
plugins_numbers_test_numbers_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
plugins_numbers_test_numbers_LDADD = $(ANN_COMMON_LIB) tests/mock/libmockhost.la $(CHECK_LIBS)
TESTS += plugins/numbers/test_numbers
endif
