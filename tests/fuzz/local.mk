## tests/fuzz: fuzz targets for the readers with the offset map and the
## tokenizer (reader), the whole pipeline with every shipped plugin
## (pipeline) and the annotation loader of view/stats (view).
##
## Every build links each target with replay.c and `make check` feeds it the
## seeds and every regression input (replay.test).  With
## `./configure --enable-fuzzing CC=clang` the same targets also link with
## libFuzzer, and `make fuzz FUZZ_SECONDS=N` fuzzes each for N seconds.
FUZZ_SEED_DIRS = tests/fuzz/seeds tests/fuzz/regressions
EXTRA_DIST += tests/fuzz/replay.test tests/fuzz/fuzz.h $(FUZZ_SEED_DIRS)

check_PROGRAMS += tests/fuzz/replay-reader tests/fuzz/replay-pipeline tests/fuzz/replay-view
TESTS += tests/fuzz/replay.test
tests_fuzz_replay_reader_SOURCES = tests/fuzz/fuzz_reader.c tests/fuzz/replay.c
tests_fuzz_replay_reader_LDADD = core/libannotate-core.la
tests_fuzz_replay_pipeline_SOURCES = tests/fuzz/fuzz_pipeline.c tests/fuzz/replay.c
tests_fuzz_replay_pipeline_LDADD = core/libannotate-core.la
tests_fuzz_replay_view_SOURCES = tests/fuzz/fuzz_view.c tests/fuzz/replay.c
tests_fuzz_replay_view_LDADD = core/libannotate-core.la

if ENABLE_FUZZING
noinst_PROGRAMS += tests/fuzz/fuzz-reader tests/fuzz/fuzz-pipeline tests/fuzz/fuzz-view
tests_fuzz_fuzz_reader_SOURCES = tests/fuzz/fuzz_reader.c
tests_fuzz_fuzz_reader_LDADD = core/libannotate-core.la
tests_fuzz_fuzz_reader_LDFLAGS = $(AM_LDFLAGS) -fsanitize=fuzzer
tests_fuzz_fuzz_pipeline_SOURCES = tests/fuzz/fuzz_pipeline.c
tests_fuzz_fuzz_pipeline_LDADD = core/libannotate-core.la
tests_fuzz_fuzz_pipeline_LDFLAGS = $(AM_LDFLAGS) -fsanitize=fuzzer
tests_fuzz_fuzz_view_SOURCES = tests/fuzz/fuzz_view.c
tests_fuzz_fuzz_view_LDADD = core/libannotate-core.la
tests_fuzz_fuzz_view_LDFLAGS = $(AM_LDFLAGS) -fsanitize=fuzzer

FUZZ_SECONDS = 60
# The short run that scripts/test makes is a gate, so it starts from a fixed
# seed: a red run can be replayed, and a finding shows up before a commit,
# in a longer local run, not at random in CI.  FUZZ_SEED=0 draws a new seed
# each run, for exploring (make fuzz FUZZ_SECONDS=1800 FUZZ_SEED=0).
FUZZ_SEED = 1
# Each target grows its own corpus in the build folder, seeded from the
# committed seeds and regressions; a crash leaves its input in
# tests/fuzz/artifacts-TARGET/ and fails the run.  Copy such an input into
# tests/fuzz/regressions/TARGET/ once the fault is fixed.
fuzz: tests/fuzz/fuzz-reader tests/fuzz/fuzz-pipeline tests/fuzz/fuzz-view all
	@status=0; for t in reader pipeline view; do \
	  case $$t in view) seeds=view ;; *) seeds=documents ;; esac; \
	  mkdir -p tests/fuzz/corpus-$$t tests/fuzz/artifacts-$$t; \
	  echo "fuzz: $$t for $(FUZZ_SECONDS) s"; \
	  $(builddir)/tests/fuzz/fuzz-$$t -max_total_time=$(FUZZ_SECONDS) -seed=$(FUZZ_SEED) -timeout=20 \
	    -rss_limit_mb=4096 -max_len=65536 -print_final_stats=1 \
	    -artifact_prefix=tests/fuzz/artifacts-$$t/ tests/fuzz/corpus-$$t \
	    $(abs_top_srcdir)/tests/fuzz/seeds/$$seeds $(abs_top_srcdir)/tests/fuzz/regressions/$$t \
	    > tests/fuzz/fuzz-$$t.log 2>&1 || { status=1; tail -n 40 tests/fuzz/fuzz-$$t.log; }; \
	  grep -E '^stat::(number_of_executed_units|peak_rss_mb)' tests/fuzz/fuzz-$$t.log || true; \
	done; exit $$status
else
fuzz:
	@echo "make fuzz: configure with --enable-fuzzing (and CC=clang) first" >&2; exit 1
endif
.PHONY: fuzz
clean-local: clean-fuzz
clean-fuzz:
	-rm -rf tests/fuzz/corpus-* tests/fuzz/artifacts-* tests/fuzz/fuzz-*.log
.PHONY: clean-fuzz
