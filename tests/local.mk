## Tests that span the whole program (golden runs, CLI, loader).
include $(srcdir)/tests/mock/local.mk
