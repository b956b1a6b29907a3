## core/run: the run loop, the per-document context and the host table, and
## the two ways of running documents: worker processes (pool, worker, wire)
## and threads of this process (threads, for --no-isolate).
core_libannotate_core_la_SOURCES += \
	core/run/doc.c core/run/doc.h \
	core/run/host.c core/run/host.h \
	core/run/document.c core/run/document.h \
	core/run/collect.c core/run/collect.h \
	core/run/threads.c core/run/threads.h \
	core/run/wire.c core/run/wire.h \
	core/run/worker.c core/run/worker.h \
	core/run/memguard.c core/run/memguard.h \
	core/run/once.c core/run/once.h \
	core/run/pool.c core/run/pool.h \
	core/run/run.c core/run/run.h \
	core/run/stream.c core/run/stream.h
