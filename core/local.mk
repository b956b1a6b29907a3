## The host: the core library (everything but main) and the annotate program.
## Each folder of core/ lists its own sources in its own local.mk; core/model
## holds one header only (the result model), listed here.
noinst_LTLIBRARIES += core/libannotate-core.la
core_libannotate_core_la_SOURCES = core/model/result.h
core_libannotate_core_la_CFLAGS = $(AM_CFLAGS) $(TREE_SITTER_CFLAGS) $(UTF8PROC_CFLAGS) $(JANSSON_CFLAGS) $(NETTLE_CFLAGS)
core_libannotate_core_la_LIBADD = $(TREE_SITTER_LIBS) $(UTF8PROC_LIBS) $(JANSSON_LIBS) $(NETTLE_LIBS)

include $(srcdir)/core/util/local.mk
include $(srcdir)/core/load/local.mk
include $(srcdir)/core/spans/local.mk
include $(srcdir)/core/run/local.mk
include $(srcdir)/core/read/local.mk
include $(srcdir)/core/text/local.mk
include $(srcdir)/core/write/local.mk
include $(srcdir)/core/view/local.mk
include $(srcdir)/core/cli/local.mk
