## core/write: the writers (json, brat, conll, timeml, html, text) and the
## sink that collects a document's files and commits them.
core_libannotate_core_la_SOURCES += \
	core/write/writer.h core/write/formats.h core/write/writers.c \
	core/write/sink.c core/write/sink.h \
	core/write/json.c core/write/json.h \
	core/write/brat.c core/write/conll.c core/write/timeml.c \
	core/write/html.c core/write/text.c \
	core/write/html.h core/write/text.h core/write/nest.c core/write/nest.h \
	core/write/textview.c core/write/textview.h \
	core/write/palette.c core/write/palette.h core/write/markup.c core/write/markup.h
