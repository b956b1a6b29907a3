## plugins/example -- the template plugin: e-mail addresses and URLs.
pkglib_LTLIBRARIES += plugins/example.la
plugins_example_la_SOURCES = plugins/example/example.c
plugins_example_la_CFLAGS = $(ANN_PLUGIN_COPTS)
plugins_example_la_LDFLAGS = $(ANN_PLUGIN_LDOPTS)

if HAVE_CHECK
# The unit test compiles the plugin's source into the test program and runs it
# against the mock host: no dlopen, so a crash points at the plugin's code.
check_PROGRAMS += plugins/example/test-example
TESTS += plugins/example/test-example
plugins_example_test_example_SOURCES = plugins/example/test_example.c plugins/example/example.c tests/mock/emit_fault.h
plugins_example_test_example_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/tests
plugins_example_test_example_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
plugins_example_test_example_LDADD = tests/mock/libmockhost.la $(CHECK_LIBS)
endif
