## Tests that span the whole program (golden runs, CLI, loader).
include $(srcdir)/tests/mock/local.mk
include $(srcdir)/tests/unit/local.mk
include $(srcdir)/tests/scaffold/local.mk
include $(srcdir)/tests/bench/local.mk
include $(srcdir)/tests/view/local.mk
include $(srcdir)/tests/golden/local.mk
include $(srcdir)/tests/lint/local.mk
include $(srcdir)/tests/fuzz/local.mk
include $(srcdir)/tests/integration/local.mk
