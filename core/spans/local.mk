## core/spans: the span store, the checks of emitted spans, the merge of layers.
core_libannotate_core_la_SOURCES += \
	core/spans/store.c core/spans/store.h \
	core/spans/validate.c core/spans/validate.h \
	core/spans/merge.c core/spans/merge.h
