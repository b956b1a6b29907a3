## core/cli: the program.  The core is a static convenience library, so
## libtool does not wrap annotate in a script: /proc/self/exe is the real
## program, which is how the loader recognises a run from the build tree.
bin_PROGRAMS += annotate
annotate_SOURCES = core/cli/main.c core/cli/options.c core/cli/options.h core/cli/commands.h core/cli/new_plugin.c
annotate_LDADD = core/libannotate-core.la
