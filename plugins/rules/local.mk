## plugins/rules -- annotators written as rule files: phrase lists, token
## patterns and structure queries (issue 19).  See plugins/rules/README.md
## for the format.  Structure queries are compiled and run with
## libtree-sitter, which the plugin links itself (a library, not the host);
## the grammars come from the host (ABI 4, syntax_language()), so they are
## not linked twice.
RULES_SOURCES = plugins/rules/rules.h plugins/rules/rules_text.c plugins/rules/rules_phrase.c \
	plugins/rules/rules_pattern.c plugins/rules/rules_patset.c plugins/rules/rules_vm.c \
	plugins/rules/rules_parse.c plugins/rules/rules_query.c \
	plugins/rules/rules.c

pkglib_LTLIBRARIES += plugins/rules.la
plugins_rules_la_SOURCES = $(RULES_SOURCES)
plugins_rules_la_CFLAGS = $(ANN_PLUGIN_COPTS) $(TREE_SITTER_CFLAGS)
plugins_rules_la_LDFLAGS = $(ANN_PLUGIN_LDOPTS)
plugins_rules_la_LIBADD = $(TREE_SITTER_LIBS)

if HAVE_CHECK
check_PROGRAMS += plugins/rules/test_rules
TESTS += plugins/rules/test_rules plugins/rules/run-examples
plugins_rules_test_rules_SOURCES = plugins/rules/test_rules.c $(RULES_SOURCES)
plugins_rules_test_rules_CFLAGS = $(AM_CFLAGS) $(CHECK_CFLAGS) $(TREE_SITTER_CFLAGS) -I$(top_srcdir)/tests/mock \
	-DRULES_EXAMPLES_DIR='"$(abs_top_srcdir)/plugins/rules/examples"'
plugins_rules_test_rules_LDADD = tests/mock/libmockhost.la $(TREE_SITTER_LIBS) $(CHECK_LIBS)

# The benchmark generates its phrase list and pattern file itself; built
# with the tests (it links the mock host), run only by make bench-rules.
check_PROGRAMS += plugins/rules/bench_rules
plugins_rules_bench_rules_SOURCES = plugins/rules/bench_rules.c $(RULES_SOURCES)
plugins_rules_bench_rules_CFLAGS = $(AM_CFLAGS) $(TREE_SITTER_CFLAGS) -I$(top_srcdir)/tests/mock
plugins_rules_bench_rules_LDADD = tests/mock/libmockhost.la $(TREE_SITTER_LIBS)

RULES_BENCH_DIR = $(abs_top_srcdir)/../shared/bench/docs
BENCH_TARGETS += bench-rules
bench-rules: plugins/rules/bench_rules$(EXEEXT)
	plugins/rules/bench_rules $(RULES_BENCH_DIR) phrases 10000
	plugins/rules/bench_rules $(RULES_BENCH_DIR) phrases 1000000
	plugins/rules/bench_rules $(RULES_BENCH_DIR) phrases 1000000 fold
	plugins/rules/bench_rules $(RULES_BENCH_DIR) patterns 50
endif
