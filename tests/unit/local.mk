## tests/unit: the unit tests of the host: Check suites of the core modules
## (reader, tokenizer, span store and merge, emit validation, JSON writer,
## loader, run loop, option parsing), the CLI script and the tokenizer's
## check against CoNLL-2003.
if HAVE_CHECK
# Plugins built only for the tests, most of them broken on purpose.  -rpath
# makes libtool build them shared although they are never installed.
ANN_TEST_PLUGIN_LDFLAGS = $(ANN_PLUGIN_LDOPTS) -rpath /nowhere
check_LTLIBRARIES += tests/unit/plugins/wrongabi.la
tests_unit_plugins_wrongabi_la_SOURCES = tests/unit/plugins/wrongabi.c
tests_unit_plugins_wrongabi_la_CFLAGS = $(ANN_PLUGIN_COPTS)
tests_unit_plugins_wrongabi_la_LDFLAGS = $(ANN_TEST_PLUGIN_LDFLAGS)
check_LTLIBRARIES += tests/unit/plugins/smallsize.la
tests_unit_plugins_smallsize_la_SOURCES = tests/unit/plugins/smallsize.c
tests_unit_plugins_smallsize_la_CFLAGS = $(ANN_PLUGIN_COPTS)
tests_unit_plugins_smallsize_la_LDFLAGS = $(ANN_TEST_PLUGIN_LDFLAGS)
check_LTLIBRARIES += tests/unit/plugins/noentry.la
tests_unit_plugins_noentry_la_SOURCES = tests/unit/plugins/noentry.c
tests_unit_plugins_noentry_la_CFLAGS = $(ANN_PLUGIN_COPTS)
tests_unit_plugins_noentry_la_LDFLAGS = $(ANN_TEST_PLUGIN_LDFLAGS)
check_LTLIBRARIES += tests/unit/plugins/failopen.la
tests_unit_plugins_failopen_la_SOURCES = tests/unit/plugins/failopen.c
tests_unit_plugins_failopen_la_CFLAGS = $(ANN_PLUGIN_COPTS)
tests_unit_plugins_failopen_la_LDFLAGS = $(ANN_TEST_PLUGIN_LDFLAGS)
check_LTLIBRARIES += tests/unit/plugins/cyca.la
tests_unit_plugins_cyca_la_SOURCES = tests/unit/plugins/cyca.c
tests_unit_plugins_cyca_la_CFLAGS = $(ANN_PLUGIN_COPTS)
tests_unit_plugins_cyca_la_LDFLAGS = $(ANN_TEST_PLUGIN_LDFLAGS)
check_LTLIBRARIES += tests/unit/plugins/cycb.la
tests_unit_plugins_cycb_la_SOURCES = tests/unit/plugins/cycb.c
tests_unit_plugins_cycb_la_CFLAGS = $(ANN_PLUGIN_COPTS)
tests_unit_plugins_cycb_la_LDFLAGS = $(ANN_TEST_PLUGIN_LDFLAGS)
check_LTLIBRARIES += tests/unit/plugins/needsghost.la
tests_unit_plugins_needsghost_la_SOURCES = tests/unit/plugins/needsghost.c
tests_unit_plugins_needsghost_la_CFLAGS = $(ANN_PLUGIN_COPTS)
tests_unit_plugins_needsghost_la_LDFLAGS = $(ANN_TEST_PLUGIN_LDFLAGS)
check_LTLIBRARIES += tests/unit/plugins/badspan.la
tests_unit_plugins_badspan_la_SOURCES = tests/unit/plugins/badspan.c
tests_unit_plugins_badspan_la_CFLAGS = $(ANN_PLUGIN_COPTS)
tests_unit_plugins_badspan_la_LDFLAGS = $(ANN_TEST_PLUGIN_LDFLAGS)
check_LTLIBRARIES += tests/unit/plugins/peeks.la
tests_unit_plugins_peeks_la_SOURCES = tests/unit/plugins/peeks.c
tests_unit_plugins_peeks_la_CFLAGS = $(ANN_PLUGIN_COPTS)
tests_unit_plugins_peeks_la_LDFLAGS = $(ANN_TEST_PLUGIN_LDFLAGS)
check_LTLIBRARIES += tests/unit/plugins/words.la
tests_unit_plugins_words_la_SOURCES = tests/unit/plugins/words.c
tests_unit_plugins_words_la_CFLAGS = $(ANN_PLUGIN_COPTS)
tests_unit_plugins_words_la_LDFLAGS = $(ANN_TEST_PLUGIN_LDFLAGS)
check_LTLIBRARIES += tests/unit/plugins/abione.la
tests_unit_plugins_abione_la_SOURCES = tests/unit/plugins/abione.c
tests_unit_plugins_abione_la_CFLAGS = $(ANN_PLUGIN_COPTS)
tests_unit_plugins_abione_la_LDFLAGS = $(ANN_TEST_PLUGIN_LDFLAGS)
check_LTLIBRARIES += tests/unit/plugins/declares.la
tests_unit_plugins_declares_la_SOURCES = tests/unit/plugins/declares.c
tests_unit_plugins_declares_la_CFLAGS = $(ANN_PLUGIN_COPTS)
tests_unit_plugins_declares_la_LDFLAGS = $(ANN_TEST_PLUGIN_LDFLAGS)
check_LTLIBRARIES += tests/unit/plugins/trees.la
tests_unit_plugins_trees_la_SOURCES = tests/unit/plugins/trees.c
tests_unit_plugins_trees_la_CFLAGS = $(ANN_PLUGIN_COPTS)
tests_unit_plugins_trees_la_LDFLAGS = $(ANN_TEST_PLUGIN_LDFLAGS)
check_LTLIBRARIES += tests/unit/plugins/pairs.la
tests_unit_plugins_pairs_la_SOURCES = tests/unit/plugins/pairs.c
tests_unit_plugins_pairs_la_CFLAGS = $(ANN_PLUGIN_COPTS)
tests_unit_plugins_pairs_la_LDFLAGS = $(ANN_TEST_PLUGIN_LDFLAGS)
# Plugins that crash, abort, hang or eat memory on a trigger word (issue 13).
check_LTLIBRARIES += tests/unit/plugins/crash.la
tests_unit_plugins_crash_la_SOURCES = tests/unit/plugins/misbehave.c
tests_unit_plugins_crash_la_CFLAGS = $(ANN_PLUGIN_COPTS) -DMISBEHAVE=1
tests_unit_plugins_crash_la_LDFLAGS = $(ANN_TEST_PLUGIN_LDFLAGS)
check_LTLIBRARIES += tests/unit/plugins/aborts.la
tests_unit_plugins_aborts_la_SOURCES = tests/unit/plugins/misbehave.c
tests_unit_plugins_aborts_la_CFLAGS = $(ANN_PLUGIN_COPTS) -DMISBEHAVE=2
tests_unit_plugins_aborts_la_LDFLAGS = $(ANN_TEST_PLUGIN_LDFLAGS)
check_LTLIBRARIES += tests/unit/plugins/hang.la
tests_unit_plugins_hang_la_SOURCES = tests/unit/plugins/misbehave.c
tests_unit_plugins_hang_la_CFLAGS = $(ANN_PLUGIN_COPTS) -DMISBEHAVE=3
tests_unit_plugins_hang_la_LDFLAGS = $(ANN_TEST_PLUGIN_LDFLAGS)
check_LTLIBRARIES += tests/unit/plugins/hog.la
tests_unit_plugins_hog_la_SOURCES = tests/unit/plugins/misbehave.c
tests_unit_plugins_hog_la_CFLAGS = $(ANN_PLUGIN_COPTS) -DMISBEHAVE=4
tests_unit_plugins_hog_la_LDFLAGS = $(ANN_TEST_PLUGIN_LDFLAGS)

ANN_UNIT_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS) $(JANSSON_CFLAGS)
ANN_UNIT_LDADD = core/libannotate-core.la $(CHECK_LIBS) $(JANSSON_LIBS)

check_PROGRAMS += tests/unit/test_reader tests/unit/test_tokenize tests/unit/conll_check \
	tests/unit/test_spans tests/unit/test_json tests/unit/test_loader \
	tests/unit/test_run tests/unit/test_cli_parse tests/unit/test_outname tests/unit/test_host_v2 \
	tests/unit/test_front_matter tests/unit/test_jsonl_in tests/unit/test_textview \
	tests/unit/test_md_mask
TESTS += tests/unit/test_front_matter tests/unit/test_jsonl_in tests/unit/test_reader tests/unit/test_tokenize tests/unit/conll_check \
	tests/unit/test_spans tests/unit/test_json tests/unit/test_loader \
	tests/unit/test_run tests/unit/test_cli_parse tests/unit/test_outname tests/unit/test_host_v2 tests/unit/test_cli.sh \
	tests/unit/test_textview tests/unit/test_md_mask \
	tests/unit/test_walk.sh tests/unit/test_isolate.sh tests/unit/test_shard.sh \
	tests/unit/test_portable.sh tests/unit/test_outputs.sh tests/unit/test_summary.sh tests/unit/test_guide.sh \
	tests/unit/test_stdin.sh tests/unit/test_stdout.sh tests/unit/test_walkthrough.sh
EXTRA_DIST += tests/unit/test_cli.sh tests/unit/test_walk.sh tests/unit/test_isolate.sh tests/unit/test_shard.sh \
	tests/unit/test_portable.sh tests/unit/test_outputs.sh tests/unit/test_summary.sh tests/unit/test_guide.sh \
	tests/unit/test_stdin.sh tests/unit/test_stdout.sh tests/unit/test_walkthrough.sh

tests_unit_test_md_mask_SOURCES = tests/unit/test_md_mask.c
tests_unit_test_md_mask_CFLAGS = $(ANN_UNIT_CFLAGS) $(TREE_SITTER_CFLAGS)
tests_unit_test_md_mask_LDADD = $(ANN_UNIT_LDADD)

tests_unit_test_reader_SOURCES = tests/unit/test_reader.c
tests_unit_test_reader_CFLAGS = $(ANN_UNIT_CFLAGS)
tests_unit_test_reader_LDADD = $(ANN_UNIT_LDADD)

tests_unit_test_textview_SOURCES = tests/unit/test_textview.c
tests_unit_test_textview_CFLAGS = $(ANN_UNIT_CFLAGS)
tests_unit_test_textview_LDADD = $(ANN_UNIT_LDADD)

tests_unit_test_tokenize_SOURCES = tests/unit/test_tokenize.c
tests_unit_test_tokenize_CFLAGS = $(ANN_UNIT_CFLAGS)
tests_unit_test_tokenize_LDADD = $(ANN_UNIT_LDADD)

## Optional: re-tokenizes CoNLL-2003 valid.txt when ../shared holds it
## (exit 77, skipped, otherwise) and fails below 95% exact sentences.
tests_unit_conll_check_SOURCES = tests/unit/conll_check.c
tests_unit_conll_check_LDADD = core/libannotate-core.la
TESTS += tests/unit/test_plugin_load.sh
EXTRA_DIST += tests/unit/test_plugin_load.sh tests/unit/cli_expect.sh


tests_unit_test_spans_SOURCES = tests/unit/test_spans.c
tests_unit_test_spans_CFLAGS = $(ANN_UNIT_CFLAGS)
tests_unit_test_spans_LDADD = $(ANN_UNIT_LDADD)

tests_unit_test_json_SOURCES = tests/unit/test_json.c
tests_unit_test_json_CFLAGS = $(ANN_UNIT_CFLAGS)
tests_unit_test_json_LDADD = $(ANN_UNIT_LDADD)

tests_unit_test_loader_SOURCES = tests/unit/test_loader.c
tests_unit_test_loader_CFLAGS = $(ANN_UNIT_CFLAGS)
tests_unit_test_loader_LDADD = $(ANN_UNIT_LDADD)

tests_unit_test_run_SOURCES = tests/unit/test_run.c
tests_unit_test_run_CFLAGS = $(ANN_UNIT_CFLAGS)
tests_unit_test_run_LDADD = $(ANN_UNIT_LDADD)

tests_unit_test_front_matter_SOURCES = tests/unit/test_front_matter.c
tests_unit_test_front_matter_CFLAGS = $(ANN_UNIT_CFLAGS)
tests_unit_test_front_matter_LDADD = $(ANN_UNIT_LDADD)

tests_unit_test_jsonl_in_SOURCES = tests/unit/test_jsonl_in.c
tests_unit_test_jsonl_in_CFLAGS = $(ANN_UNIT_CFLAGS)
tests_unit_test_jsonl_in_LDADD = $(ANN_UNIT_LDADD)

tests_unit_test_outname_SOURCES = tests/unit/test_outname.c
tests_unit_test_outname_CFLAGS = $(ANN_UNIT_CFLAGS)
tests_unit_test_outname_LDADD = $(ANN_UNIT_LDADD)

# The members ABI 2 added to the host table, and an ABI 1 plugin still running.
tests_unit_test_host_v2_SOURCES = tests/unit/test_host_v2.c
tests_unit_test_host_v2_CFLAGS = $(ANN_UNIT_CFLAGS)
tests_unit_test_host_v2_LDADD = $(ANN_UNIT_LDADD)

tests_unit_test_cli_parse_SOURCES = tests/unit/test_cli_parse.c core/cli/options.c
tests_unit_test_cli_parse_CFLAGS = $(ANN_UNIT_CFLAGS)
tests_unit_test_cli_parse_LDADD = $(ANN_UNIT_LDADD)
endif
