## plugins/quotes: direct quotations and their speakers (issue 6).
QT_SOURCES = plugins/quotes/qt.h plugins/quotes/qt_marks.c \
	plugins/quotes/qt_pair.c plugins/quotes/qt_lex.c plugins/quotes/qt_attr.h plugins/quotes/qt_cue.c \
	plugins/quotes/qt_clause.c plugins/quotes/qt_before.c plugins/quotes/qt_after.c plugins/quotes/qt_attribute.c \
	plugins/quotes/qt_speaker.c plugins/quotes/qt_characters.c plugins/quotes/qt_turns.c plugins/quotes/qt_convo.c plugins/quotes/qt_narrator.c plugins/quotes/qt_vocative.c plugins/quotes/qt_gender.c plugins/quotes/qt_tally.c plugins/quotes/qt_memo.c plugins/quotes/qt_names.c plugins/quotes/qt_spoken.c plugins/quotes/qt_roles.c plugins/quotes/qt_wrap.c plugins/quotes/qt_kind.c plugins/quotes/quotes.c

pkglib_LTLIBRARIES += plugins/quotes.la
plugins_quotes_la_SOURCES = $(QT_SOURCES)
plugins_quotes_la_CPPFLAGS = $(AM_CPPFLAGS) $(ANN_COMMON_CPPFLAGS)
plugins_quotes_la_CFLAGS = $(ANN_PLUGIN_COPTS)
plugins_quotes_la_LIBADD = $(ANN_COMMON_LIB)
plugins_quotes_la_LDFLAGS = $(ANN_PLUGIN_LDOPTS)

if HAVE_CHECK
check_PROGRAMS += plugins/quotes/test_quotes
TESTS += plugins/quotes/test_quotes
plugins_quotes_test_quotes_SOURCES = plugins/quotes/test_quotes.c tests/mock/emit_fault.h $(QT_SOURCES)
plugins_quotes_test_quotes_CPPFLAGS = $(AM_CPPFLAGS) $(ANN_COMMON_CPPFLAGS)
plugins_quotes_test_quotes_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS) -I$(top_srcdir)/tests/mock \
	-DQT_CORPUS_DIR='"$(abs_top_srcdir)/corpus"'
plugins_quotes_test_quotes_LDADD = $(ANN_COMMON_LIB) tests/mock/libmockhost.la $(CHECK_LIBS)

# Evaluation on PolNeAR dev and the benchmark: built with the tests (they
# link the mock host), run only by make eval-quotes / make bench-quotes.
check_PROGRAMS += tests/eval/eval_quotes tests/eval/eval_pdnc plugins/quotes/bench_quotes
# The evaluation also links the entities plugin (its sources, from its own
# fragment) to run both through the mock host, as the real host would.
tests_eval_eval_quotes_SOURCES = tests/eval/eval_quotes.c $(QT_SOURCES) \
	plugins/entities/entities.c $(ENT_CORE_SOURCES)
tests_eval_eval_quotes_CPPFLAGS = $(AM_CPPFLAGS) $(ANN_COMMON_CPPFLAGS)
tests_eval_eval_quotes_CFLAGS = $(AM_CFLAGS) $(JANSSON_CFLAGS) $(ENT_CFLAGS) -I$(top_srcdir)/tests/mock \
	-I$(top_srcdir)/plugins/entities -DQT_ENTITIES_DIR='"$(abs_top_srcdir)/plugins/entities"'
tests_eval_eval_quotes_LDADD = $(ANN_COMMON_LIB) tests/mock/libmockhost.la $(JANSSON_LIBS) $(ENT_LIBS)
tests_eval_eval_pdnc_SOURCES = tests/eval/eval_pdnc.c $(QT_SOURCES) \
	plugins/entities/entities.c $(ENT_CORE_SOURCES)
tests_eval_eval_pdnc_CPPFLAGS = $(tests_eval_eval_quotes_CPPFLAGS)
tests_eval_eval_pdnc_CFLAGS = $(tests_eval_eval_quotes_CFLAGS)
tests_eval_eval_pdnc_LDADD = $(tests_eval_eval_quotes_LDADD)
plugins_quotes_bench_quotes_SOURCES = plugins/quotes/bench_quotes.c $(QT_SOURCES)
plugins_quotes_bench_quotes_CPPFLAGS = $(AM_CPPFLAGS) $(ANN_COMMON_CPPFLAGS)
plugins_quotes_bench_quotes_CFLAGS = $(AM_CFLAGS) -I$(top_srcdir)/tests/mock
plugins_quotes_bench_quotes_LDADD = $(ANN_COMMON_LIB) tests/mock/libmockhost.la

QT_EVAL_DIR = $(abs_top_srcdir)/../shared/data/quotes
QT_BENCH_DIR = $(abs_top_srcdir)/../shared/bench/docs
EVAL_TARGETS += eval-quotes
BENCH_TARGETS += bench-quotes
# PDNC: entities' spans are cached in the build tree (delete
# quotes-pdnc-cache after retraining entities); the baseline is the plugin
# before issue 20, scored by the same program.
eval-quotes: tests/eval/eval_quotes$(EXEEXT) tests/eval/eval_pdnc$(EXEEXT)
	tests/eval/eval_quotes $(QT_EVAL_DIR)/polnear-dev.jsonl
	nice -n 10 tests/eval/eval_pdnc -c quotes-pdnc-cache $(QT_EVAL_DIR)/pdnc-dev.jsonl \
	  $(QT_EVAL_DIR)/pdnc-dev-characters.jsonl
	@echo; echo "== baseline (the plugin before issue 20, commit 0b597ea) =="; \
	  cat $(top_srcdir)/tests/eval/quotes-pdnc-baseline.txt
bench-quotes: plugins/quotes/bench_quotes$(EXEEXT)
	plugins/quotes/bench_quotes $(QT_BENCH_DIR)
endif
