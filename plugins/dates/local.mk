## plugins/dates -- temporal expressions as TIMEX3 (issue 4).
pkglib_LTLIBRARIES += plugins/dates.la
plugins_dates_la_SOURCES = plugins/dates/dates.c \
	plugins/dates/dt_cal.c plugins/dates/dt_cal.h \
	plugins/dates/dt_lex.c plugins/dates/dt_lex.h \
	plugins/dates/dt_match.c plugins/dates/dt_match.h plugins/dates/dt_mctx.h \
	plugins/dates/dt_tokpred.c plugins/dates/dt_tense.c plugins/dates/dt_value.c \
	plugins/dates/dt_rules.c plugins/dates/dt_clock.c plugins/dates/dt_durations.c \
	plugins/dates/dt_phrases.c plugins/dates/dt_weekday.c plugins/dates/dt_holiday.c \
	plugins/dates/dt_refdate.c plugins/dates/dt_refdate.h \
	plugins/dates/dt_work.c plugins/dates/dt_work.h
plugins_dates_la_CPPFLAGS = $(AM_CPPFLAGS) $(ANN_COMMON_CPPFLAGS)
plugins_dates_la_CFLAGS = $(ANN_PLUGIN_COPTS)
plugins_dates_la_LIBADD = $(ANN_COMMON_LIB)
plugins_dates_la_LDFLAGS = $(ANN_PLUGIN_LDOPTS)

## Data of the evaluation: TimeBank + AQUAINT beside the source tree.
DATES_EVAL_FILE = $(abs_top_srcdir)/../shared/data/dates/tbaq.jsonl
DATES_BENCH_DIR = $(abs_top_srcdir)/../shared/bench/docs
EVAL_TARGETS += eval-dates
BENCH_TARGETS += bench-dates

if HAVE_CHECK
check_PROGRAMS += plugins/dates/test_dates
plugins_dates_test_dates_SOURCES = plugins/dates/test_dates.c tests/mock/emit_fault.h $(plugins_dates_la_SOURCES)
plugins_dates_test_dates_CPPFLAGS = $(AM_CPPFLAGS) $(ANN_COMMON_CPPFLAGS)
plugins_dates_test_dates_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS) -I$(top_srcdir)/tests
plugins_dates_test_dates_LDADD = $(ANN_COMMON_LIB) tests/mock/libmockhost.la $(CHECK_LIBS)
TESTS += plugins/dates/test_dates
check_PROGRAMS += plugins/dates/test_dt_work
plugins_dates_test_dt_work_SOURCES = plugins/dates/test_dt_work.c $(plugins_dates_la_SOURCES)
plugins_dates_test_dt_work_CPPFLAGS = $(AM_CPPFLAGS) $(ANN_COMMON_CPPFLAGS)
plugins_dates_test_dt_work_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS) -I$(top_srcdir)/tests
plugins_dates_test_dt_work_LDADD = $(ANN_COMMON_LIB) tests/mock/libmockhost.la $(CHECK_LIBS)
TESTS += plugins/dates/test_dt_work

## Built with the checks, or on demand by `make eval-dates` / `make bench-dates`.
check_PROGRAMS += tests/eval/eval_dates plugins/dates/bench_dates
tests_eval_eval_dates_SOURCES = tests/eval/eval_dates.c $(plugins_dates_la_SOURCES)
tests_eval_eval_dates_CPPFLAGS = $(AM_CPPFLAGS) $(ANN_COMMON_CPPFLAGS)
tests_eval_eval_dates_CFLAGS = $(AM_CFLAGS) $(JANSSON_CFLAGS) -I$(top_srcdir)/tests
tests_eval_eval_dates_LDADD = $(ANN_COMMON_LIB) tests/mock/libmockhost.la $(JANSSON_LIBS)
plugins_dates_bench_dates_SOURCES = plugins/dates/bench_dates.c $(plugins_dates_la_SOURCES)
plugins_dates_bench_dates_CPPFLAGS = $(AM_CPPFLAGS) $(ANN_COMMON_CPPFLAGS)
plugins_dates_bench_dates_CFLAGS = $(AM_CFLAGS) -O2 -I$(top_srcdir)/tests
plugins_dates_bench_dates_LDADD = $(ANN_COMMON_LIB) tests/mock/libmockhost.la

eval-dates: tests/eval/eval_dates$(EXEEXT)
	tests/eval/eval_dates$(EXEEXT) --data $(DATES_EVAL_FILE) $(DATES_EVAL_FLAGS)
bench-dates: plugins/dates/bench_dates$(EXEEXT)
	plugins/dates/bench_dates$(EXEEXT) $(DATES_BENCH_DIR)
else
eval-dates bench-dates:
	@echo "$@ needs the Check library (configure found none)"
endif
