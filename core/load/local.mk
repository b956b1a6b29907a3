## core/load: finding, loading, checking, ordering and opening plugins.
core_libannotate_core_la_SOURCES += core/load/loader.c core/load/loader.h \
	core/load/declare.c core/load/declare.h
