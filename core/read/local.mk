## core/read: file readers (text, Markdown, HTML) and the offset map.
core_libannotate_core_la_SOURCES += \
	core/read/reader.h core/read/reader.c core/read/view_map.c \
	core/read/view_builder.h core/read/view_builder.c \
	core/read/entities.h core/read/entities.c \
	core/read/markdown.c core/read/html.c core/read/formats.h \
	core/read/syntax.c core/read/syntax.h \
	core/read/md_mask.c core/read/md_mask.h \
	core/read/md_ranges.c core/read/md_ranges.h \
	core/read/parsers.c core/read/parsers.h core/read/parsers_impl.h \
	core/read/front_matter.c core/read/front_matter.h \
	core/read/jsonl_in.c core/read/jsonl_in.h

## The tree-sitter grammars (generated third-party C, fetched into
## $(GRAMMARS_DIR) by scripts/fetch-grammars) compiled with warnings off.
## Each grammar_*.c only #includes one fetched file.
noinst_LTLIBRARIES += core/read/libgrammars.la
core_read_libgrammars_la_SOURCES = \
	core/read/grammar_html_parser.c core/read/grammar_html_scanner.c \
	core/read/grammar_md_parser.c core/read/grammar_md_scanner.c \
	core/read/grammar_mdi_parser.c core/read/grammar_mdi_scanner.c
core_read_libgrammars_la_CPPFLAGS = -I$(GRAMMARS_DIR)
core_read_libgrammars_la_CFLAGS = -w $(SAN_CFLAGS) $(TREE_SITTER_CFLAGS)
core_libannotate_core_la_LIBADD += core/read/libgrammars.la

## The parse budget wraps the grammars' scanners, so it needs their
## parser.h (for TSLanguage); it is our code, built with the usual warnings.
noinst_LTLIBRARIES += core/read/libtsbudget.la
core_read_libtsbudget_la_SOURCES = core/read/ts_budget.c core/read/ts_budget.h
core_read_libtsbudget_la_CPPFLAGS = $(AM_CPPFLAGS) -I$(GRAMMARS_DIR)/tree-sitter-html/src
core_libannotate_core_la_LIBADD += core/read/libtsbudget.la
