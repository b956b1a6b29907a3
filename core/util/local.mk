## core/util: growable buffers, arenas, UTF-8, SHA-256, files and folders, the
## folder walk and its --shard split, output names and the output folder's lock, the progress bar.  They name no other core folder.
core_libannotate_core_la_SOURCES += \
	core/util/buf.c core/util/buf.h \
	core/util/arena.c core/util/arena.h \
	core/util/utf8.c core/util/utf8.h core/util/grow.h \
	core/util/sha256.c core/util/sha256.h \
	core/util/fs.c core/util/fs.h \
	core/util/walk.c core/util/walk.h core/util/shard.c core/util/shard.h \
	core/util/outname.c core/util/outname.h \
	core/util/outdir.c core/util/outdir.h \
	core/util/progress.c core/util/progress.h \
	core/util/ymd.c core/util/ymd.h
