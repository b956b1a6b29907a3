## core/run: the run loop, the per-document context and the host table.
core_libannotate_core_la_SOURCES += \
	core/run/doc.c core/run/doc.h \
	core/run/host.c core/run/host.h \
	core/run/run.c core/run/run.h
