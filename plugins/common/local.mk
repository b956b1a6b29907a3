## plugins/common -- English word tables shared by the plugins (issue 12), and
## the spare objects a plugin keeps between documents (an_spares.c).
## A convenience library, as collectd's src/utils/ is: compiled once with the
## plugin flags (hidden symbols, so nothing leaks from a plugin's .so) and
## linked into each plugin, test and benchmark that uses it.
noinst_LTLIBRARIES += plugins/common/libancommon.la
plugins_common_libancommon_la_SOURCES = \
	plugins/common/en_cardinals.c plugins/common/en_cardinals.h \
	plugins/common/en_ordinals.c plugins/common/en_ordinals.h \
	plugins/common/en_calendar.c plugins/common/en_calendar.h \
	plugins/common/an_spares.c plugins/common/an_spares.h
plugins_common_libancommon_la_CFLAGS = $(ANN_PLUGIN_COPTS)
ANN_COMMON_LIB = plugins/common/libancommon.la
ANN_COMMON_CPPFLAGS = -I$(top_srcdir)/plugins/common

if HAVE_CHECK
check_PROGRAMS += plugins/common/test_common
plugins_common_test_common_SOURCES = plugins/common/test_common.c
plugins_common_test_common_CPPFLAGS = $(AM_CPPFLAGS) $(ANN_COMMON_CPPFLAGS)
plugins_common_test_common_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS)
plugins_common_test_common_LDADD = $(ANN_COMMON_LIB) $(CHECK_LIBS)
TESTS += plugins/common/test_common
endif
