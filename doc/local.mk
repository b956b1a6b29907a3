## doc -- the man page annotate(1) and the plugin author's guide.
dist_man_MANS += doc/annotate.1
EXTRA_DIST += doc/plugin-guide.md doc/scaling.md
