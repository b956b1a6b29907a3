## The mock host that plugin unit tests link instead of the real host.
if HAVE_CHECK
check_LTLIBRARIES += tests/mock/libmockhost.la
tests_mock_libmockhost_la_SOURCES = tests/mock/mock_host.c tests/mock/mock_host.h
tests_mock_libmockhost_la_CFLAGS = $(AM_CFLAGS)
tests_mock_libmockhost_la_LIBADD = core/libannotate-core.la
endif
