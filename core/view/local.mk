## core/view: annotate view / stats, the terminal and HTML renderers, the progress bar.
core_libannotate_core_la_SOURCES += core/view/commands.h core/view/view.c core/view/stats.c
