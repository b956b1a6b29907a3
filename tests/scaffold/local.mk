## tests/scaffold -- `annotate new-plugin` writes a plugin that builds and loads.
## A shell test: it needs the annotate program, the plugin header and the mock
## host library.
TESTS += tests/scaffold/new-plugin.test
# The scaffold's test links the mock host library, which a sanitizer build
# instruments: the test program then needs the sanitizer runtime too.
AM_TESTS_ENVIRONMENT += ANN_SAN_LDFLAGS='$(SAN_LDFLAGS)'; export ANN_SAN_LDFLAGS;
EXTRA_DIST += tests/scaffold/new-plugin.test tests/scaffold/installcheck.sh

## After `make install` (also run by `make distcheck`): the installed header,
## pkg-config files, mock host library, man page and program serve a plugin
## author.
installcheck-local: installcheck-scaffold
installcheck-scaffold:
	DESTDIR='$(DESTDIR)' BINDIR='$(DESTDIR)$(bindir)' PKGCONFIGDIR='$(DESTDIR)$(pkgconfigdir)' \
	  INCLUDEDIR='$(DESTDIR)$(includedir)' MAN1DIR='$(DESTDIR)$(man1dir)' LIBDIR='$(DESTDIR)$(libdir)' \
	  ANN_ENABLED_PLUGINS='$(ANN_ENABLED_PLUGINS)' \
	  ANN_SAN_LDFLAGS='$(SAN_LDFLAGS)' \
	  sh $(srcdir)/tests/scaffold/installcheck.sh; \
	  rc=$$?; test $$rc -eq 0 || test $$rc -eq 77
.PHONY: installcheck-scaffold
