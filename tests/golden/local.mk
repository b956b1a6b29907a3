## Golden end-to-end runs: the real program, every shipped plugin, corpus/.
TESTS += tests/golden/run-golden tests/golden/check-offsets tests/golden/run-formats
EXTRA_DIST += tests/golden/run-golden tests/golden/check-offsets tests/golden/offsets.py tests/golden/strip-paths tests/golden/README.md \
	tests/golden/run-formats tests/golden/expected/formats corpus/alliance-board.md corpus/alliance-board.html \
	tests/golden/expected/alliance-mitsubishi.ann.json tests/golden/expected/alliance-tokyo.ann.json

# Regenerates the expected files after a deliberate change; review the diff
# (git diff tests/golden) before committing it.
.PHONY: update-golden
update-golden: annotate
	UPDATE_GOLDEN=1 top_srcdir=$(abs_top_srcdir) top_builddir=$(abs_top_builddir) \
	  $(abs_top_srcdir)/tests/golden/run-golden
	UPDATE_GOLDEN=1 top_srcdir=$(abs_top_srcdir) top_builddir=$(abs_top_builddir) \
	  $(abs_top_srcdir)/tests/golden/run-formats
