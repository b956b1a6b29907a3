## Plugins: one folder each, each with its own fragment.
include $(srcdir)/plugins/example/local.mk
include $(srcdir)/plugins/numbers/local.mk
include $(srcdir)/plugins/dates/local.mk
include $(srcdir)/plugins/entities/local.mk
include $(srcdir)/plugins/quotes/local.mk
