## core/cli: the program.  The core is a static convenience library, so
## libtool does not wrap annotate in a script: /proc/self/exe is the real
## program, which is how the loader recognises a run from the build tree.
bin_PROGRAMS += annotate
annotate_SOURCES = core/cli/main.c core/cli/options.c core/cli/options.h core/cli/commands.h core/cli/new_plugin.c \
	core/cli/select.c core/cli/select.h
annotate_LDADD = core/libannotate-core.la
nodist_annotate_SOURCES = core/cli/np_templates.h

## The files `annotate new-plugin` writes, embedded in the program: each
## becomes a NUL-terminated char array np_tmpl_FILE (od and awk, so any
## byte is safe and no C escaping is needed).
NP_TEMPLATES = core/cli/templates/plugin.c core/cli/templates/test.c \
	core/cli/templates/Makefile core/cli/templates/README.md
EXTRA_DIST += $(NP_TEMPLATES)
BUILT_SOURCES += core/cli/np_templates.h
CLEANFILES += core/cli/np_templates.h
core/cli/np_templates.h: $(NP_TEMPLATES)
	$(AM_V_GEN)$(MKDIR_P) core/cli && { \
	  echo '/* Generated from core/cli/templates by make: do not edit. */'; \
	  for f in $(NP_TEMPLATES); do \
	    test -f "$$f" || f="$(srcdir)/$$f"; \
	    v=np_tmpl_`basename "$$f" | sed 's/[^A-Za-z0-9]/_/g'`; \
	    echo "static const unsigned char $$v[] = {"; \
	    od -A n -v -t u1 "$$f" | awk '{ s = ""; for (i = 1; i <= NF; i++) s = s $$i ","; print s }'; \
	    echo '0};'; \
	  done; } >$@-t && mv $@-t $@
