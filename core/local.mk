## The host: the core library (everything but main) and the annotate program.
noinst_LTLIBRARIES += core/libannotate-core.la
core_libannotate_core_la_SOURCES = core/model/result.h \
	core/util/buf.c core/util/buf.h \
	core/util/arena.c core/util/arena.h \
	core/util/utf8.c core/util/utf8.h core/util/grow.h \
	core/util/sha256.c core/util/sha256.h \
	core/util/fs.c core/util/fs.h \
	core/load/loader.c core/load/loader.h \
	core/spans/store.c core/spans/store.h \
	core/spans/validate.c core/spans/validate.h \
	core/spans/merge.c core/spans/merge.h \
	core/run/doc.c core/run/doc.h \
	core/run/host.c core/run/host.h \
	core/run/sink.c core/run/sink.h \
	core/run/document.c core/run/document.h \
	core/run/collect.c core/run/collect.h \
	core/run/threads.c core/run/threads.h \
	core/run/wire.c core/run/wire.h \
	core/run/worker.c core/run/worker.h \
	core/run/pool.c core/run/pool.h \
	core/run/run.c core/run/run.h \
	core/write/writer.h core/write/formats.h core/write/writers.c \
	core/write/json.c core/write/json.h
core_libannotate_core_la_CFLAGS = $(AM_CFLAGS) $(TREE_SITTER_CFLAGS) $(UTF8PROC_CFLAGS) $(JANSSON_CFLAGS) $(NETTLE_CFLAGS)
core_libannotate_core_la_LIBADD = $(TREE_SITTER_LIBS) $(UTF8PROC_LIBS) $(JANSSON_LIBS) $(NETTLE_LIBS)

include $(srcdir)/core/read/local.mk
include $(srcdir)/core/text/local.mk
include $(srcdir)/core/write/local.mk
include $(srcdir)/core/view/local.mk

## The program.  The core is a static convenience library, so libtool does
## not wrap annotate in a script: /proc/self/exe is the real program, which
## is how the loader recognises a run from the build tree.
bin_PROGRAMS += annotate
annotate_SOURCES = core/cli/main.c core/cli/options.c core/cli/options.h core/cli/commands.h core/cli/new_plugin.c
annotate_LDADD = core/libannotate-core.la
