## The mock host: a plugin's unit tests run it on the real host code, in
## process (tests/mock/mock_host.c).  Two builds of one source:
## libmockhost is what annotate's own tests and benches link (a convenience
## library, so no libtool wrapper and no install); libannotate-mock is the
## same mock installed for plugin authors, exporting only the mock_*
## functions, with its header as <annotate/mock_host.h> and
## `pkg-config annotate-mock` to find both.
noinst_LTLIBRARIES += tests/mock/libmockhost.la
tests_mock_libmockhost_la_SOURCES = tests/mock/mock_host.c tests/mock/mock_host.h
tests_mock_libmockhost_la_CFLAGS = $(AM_CFLAGS)
tests_mock_libmockhost_la_LIBADD = core/libannotate-core.la

lib_LTLIBRARIES += tests/mock/libannotate-mock.la
tests_mock_libannotate_mock_la_SOURCES = tests/mock/mock_host.c tests/mock/mock_host.h
tests_mock_libannotate_mock_la_CFLAGS = $(AM_CFLAGS)
tests_mock_libannotate_mock_la_LIBADD = core/libannotate-core.la
tests_mock_libannotate_mock_la_LDFLAGS = -version-info 0:0:0 -export-symbols-regex '^mock_' $(SAN_LDFLAGS)
annotatemockdir = $(includedir)/annotate
annotatemock_HEADERS = tests/mock/mock_host.h
pkgconfig_DATA += annotate-mock.pc
EXTRA_DIST += annotate-mock.pc.in

## For `annotate new-plugin` run from the build tree (scripts/quickstart does
## not install): the mock's header where an installed annotate has it,
## <annotate/mock_host.h>, so a new plugin's test builds against the tree.
noinst_DATA += tests/mock/include/annotate/mock_host.h
CLEANFILES += tests/mock/include/annotate/mock_host.h
tests/mock/include/annotate/mock_host.h: $(srcdir)/tests/mock/mock_host.h
	$(AM_V_GEN)$(MKDIR_P) tests/mock/include/annotate && cp $(srcdir)/tests/mock/mock_host.h $@
