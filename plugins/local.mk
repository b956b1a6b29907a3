## Plugins: one folder each, each with its own fragment.  configure's
## --disable-NAME leaves a plugin out: its library, tests, benchmark and
## evaluation are not built, and its make targets only say so.

# The files no rule builds from.  A fragment's EXTRA_DIST would vanish with its
# condition, and `make dist` must carry every plugin whatever configure chose
# (sources and installed data are carried by automake in every condition).
EXTRA_DIST += plugins/numbers/README.md plugins/dates/README.md \
	plugins/entities/README.md plugins/entities/make-gazetteers plugins/entities/make-cluster-text \
	plugins/quotes/README.md \
	plugins/rules/README.md plugins/rules/examples/titles.rules \
	plugins/rules/examples/attributions.rules plugins/rules/examples/products.rules \
	plugins/rules/examples/products.txt plugins/rules/examples/expected.txt plugins/rules/run-examples \
	plugins/rules/examples/markdown.rules plugins/rules/examples/html.rules \
	plugins/rules/examples/expected-structure.txt

# The shared word tables: built whatever configure chose, since any plugin
# may link them and they cost nothing when none does.
include $(srcdir)/plugins/common/local.mk

if ENABLE_EXAMPLE
include $(srcdir)/plugins/example/local.mk
endif
if ENABLE_NUMBERS
include $(srcdir)/plugins/numbers/local.mk
else
bench-numbers:
	@echo "$@: skipped, the numbers plugin is disabled (configure --disable-numbers)"
endif
if ENABLE_DATES
include $(srcdir)/plugins/dates/local.mk
else
eval-dates bench-dates:
	@echo "$@: skipped, the dates plugin is disabled (configure --disable-dates)"
endif
if ENABLE_ENTITIES
include $(srcdir)/plugins/entities/local.mk
else
eval-entities bench-entities:
	@echo "$@: skipped, the entities plugin is disabled (configure --disable-entities)"
endif
if ENABLE_QUOTES
include $(srcdir)/plugins/quotes/local.mk
else
eval-quotes bench-quotes:
	@echo "$@: skipped, the quotes plugin is disabled (configure --disable-quotes)"
endif
if ENABLE_RULES
include $(srcdir)/plugins/rules/local.mk
else
bench-rules:
	@echo "$@: skipped, the rules plugin is disabled (configure --disable-rules)"
endif
# The fragments are included under a condition, where automake refuses
# .PHONY: their phony targets are declared here.
.PHONY: bench-numbers eval-dates bench-dates eval-entities bench-entities eval-quotes bench-quotes \
	bench-rules
