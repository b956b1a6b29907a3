## plugins/common -- English word tables shared by the plugins (issue 12).
## A convenience library, as collectd's src/utils/ is: compiled once with the
## plugin flags (hidden symbols, so nothing leaks from a plugin's .so) and
## linked into each plugin, test and benchmark that uses it.
noinst_LTLIBRARIES += plugins/common/libancommon.la
plugins_common_libancommon_la_SOURCES = \
	plugins/common/en_cardinals.c plugins/common/en_cardinals.h \
	plugins/common/en_ordinals.c plugins/common/en_ordinals.h \
	plugins/common/en_calendar.c plugins/common/en_calendar.h
plugins_common_libancommon_la_CFLAGS = $(ANN_PLUGIN_COPTS)
ANN_COMMON_LIB = plugins/common/libancommon.la
ANN_COMMON_CPPFLAGS = -I$(top_srcdir)/plugins/common
