## tests/view: golden tests of the writers, `annotate view` and `stats`, the
## JSON schema and the HTML page in headless Chromium.  The drivers link the
## writer and view sources directly (with their own sink), so they do not
## depend on the run loop; the readers come from the core library (view
## re-reads a document for its text view).
ANN_VIEW_TEST_SOURCES = \
	core/write/brat.c core/write/conll.c core/write/timeml.c core/write/html.c \
	core/write/text.c core/write/nest.c core/write/palette.c core/write/markup.c \
	core/write/textview.c \
	core/view/load.c core/view/term.c core/view/options.c core/util/progress.c \
	core/view/wrap.c core/view/notes.c core/view/legend.c \
	core/view/view.c core/view/stats.c core/util/buf.c core/util/sha256.c core/util/fs.c
ANN_VIEW_TEST_CFLAGS = $(AM_CFLAGS) $(JANSSON_CFLAGS) $(NETTLE_CFLAGS) $(UTF8PROC_CFLAGS)
ANN_VIEW_TEST_LIBS = core/libannotate-core.la $(JANSSON_LIBS) $(NETTLE_LIBS) $(UTF8PROC_LIBS)

check_PROGRAMS += tests/view/render tests/view/viewcmd
tests_view_render_SOURCES = tests/view/render.c tests/view/test_sink.c tests/view/test_sink.h $(ANN_VIEW_TEST_SOURCES)
tests_view_render_CFLAGS = $(ANN_VIEW_TEST_CFLAGS)
tests_view_render_LDADD = $(ANN_VIEW_TEST_LIBS)
tests_view_viewcmd_SOURCES = tests/view/viewcmd.c tests/view/test_sink.c tests/view/test_sink.h $(ANN_VIEW_TEST_SOURCES)
tests_view_viewcmd_CFLAGS = $(ANN_VIEW_TEST_CFLAGS)
tests_view_viewcmd_LDADD = $(ANN_VIEW_TEST_LIBS)

if HAVE_CHECK
check_PROGRAMS += tests/view/check_view
tests_view_check_view_SOURCES = tests/view/check_view.c tests/view/test_sink.c tests/view/test_sink.h $(ANN_VIEW_TEST_SOURCES)
tests_view_check_view_CFLAGS = $(ANN_VIEW_TEST_CFLAGS) $(CHECK_CFLAGS) \
	-DANN_VIEW_FIXTURES='"$(abs_top_srcdir)/tests/view/fixtures"'
tests_view_check_view_LDADD = $(ANN_VIEW_TEST_LIBS) $(CHECK_LIBS)
TESTS += tests/view/check_view
endif

TESTS += tests/view/writers.test tests/view/view.test tests/view/schema.test \
	tests/view/chromium.test
EXTRA_DIST += tests/view/writers.test tests/view/view.test tests/view/schema.test \
	tests/view/chromium.test tests/view/make-fixtures.py tests/view/validate.py \
	tests/view/roundtrip.py \
	tests/view/fixtures tests/view/golden
CLEANFILES += tests/view/check_view.log
clean-local: clean-local-view
clean-local-view:
	rm -rf tests/view/out
.PHONY: clean-local-view
