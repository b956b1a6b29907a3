## core/view: annotate view / stats, the terminal and HTML renderers.
core_libannotate_core_la_SOURCES += core/view/commands.h core/view/view.c core/view/stats.c \
	core/view/load.c core/view/load.h core/view/term.c core/view/term.h \
	core/view/wrap.c core/view/notes.c core/view/notes.h core/view/legend.c core/view/legend.h \
	core/view/options.c core/view/options.h

# The JSON Schema of the output is installed with the data, for other tools.
dist_pkgdata_DATA += doc/annotate.schema.json
