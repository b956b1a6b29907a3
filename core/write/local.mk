## core/write: the output formats besides JSON (brat, conll, timeml, html, text).
core_libannotate_core_la_SOURCES += \
	core/write/brat.c core/write/conll.c core/write/timeml.c \
	core/write/html.c core/write/text.c \
	core/write/html.h core/write/text.h core/write/nest.c core/write/nest.h \
	core/write/palette.c core/write/palette.h core/write/markup.c core/write/markup.h
