## tests/scaffold -- `annotate new-plugin` writes a plugin that builds and loads.
## A shell test: it needs the annotate program and the plugin header only.
TESTS += tests/scaffold/new-plugin.test
EXTRA_DIST += tests/scaffold/new-plugin.test tests/scaffold/installcheck.sh

## After `make install` (also run by `make distcheck`): the installed header,
## pkg-config file, man page and program serve a plugin author.
installcheck-local: installcheck-scaffold
installcheck-scaffold:
	DESTDIR='$(DESTDIR)' BINDIR='$(DESTDIR)$(bindir)' PKGCONFIGDIR='$(DESTDIR)$(pkgconfigdir)' \
	  INCLUDEDIR='$(DESTDIR)$(includedir)' MAN1DIR='$(DESTDIR)$(man1dir)' \
	  ANN_ENABLED_PLUGINS='$(ANN_ENABLED_PLUGINS)' \
	  sh $(srcdir)/tests/scaffold/installcheck.sh; \
	  rc=$$?; test $$rc -eq 0 || test $$rc -eq 77
.PHONY: installcheck-scaffold
