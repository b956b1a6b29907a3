## plugins/entities -- the statistical named-entity tagger (issue 5).
## The plugin, its trainer, the evaluation program (tests/eval/) and tests.

ENT_CORE_SOURCES = \
	plugins/entities/ent_text.c plugins/entities/ent_text.h \
	plugins/entities/ent_gaz.c plugins/entities/ent_gaz.h \
	plugins/entities/ent_decode.c plugins/entities/ent_decode.h \
	plugins/entities/ent_feat.c plugins/entities/ent_feat.h \
	plugins/entities/ent_model.c plugins/entities/ent_model.h \
	plugins/entities/ent_tagger.c plugins/entities/ent_tagger.h \
	plugins/entities/ent_cache.c plugins/entities/ent_cache.h \
	plugins/entities/ent_lex.c plugins/entities/ent_lex.h \
	plugins/entities/ent_mem.c plugins/entities/ent_mem.h \
	plugins/entities/ent_window.c plugins/entities/ent_window.h \
	plugins/entities/ent_define.c plugins/entities/ent_define.h \
	plugins/entities/ent_opener.c plugins/entities/ent_opener.h
ENT_TOOL_SOURCES = $(ENT_CORE_SOURCES) \
	plugins/entities/ent_conll.c plugins/entities/ent_conll.h \
	plugins/entities/ent_score.c plugins/entities/ent_score.h
ENT_CFLAGS = $(UTF8PROC_CFLAGS) $(ANN_COMMON_CPPFLAGS)
ENT_LIBS = $(ANN_COMMON_LIB) $(UTF8PROC_LIBS) -lm

pkglib_LTLIBRARIES += plugins/entities.la
plugins_entities_la_SOURCES = plugins/entities/entities.c $(ENT_CORE_SOURCES)
plugins_entities_la_CFLAGS = $(ANN_PLUGIN_COPTS) $(ENT_CFLAGS)
plugins_entities_la_LDFLAGS = $(ANN_PLUGIN_LDOPTS)
plugins_entities_la_LIBADD = $(ENT_LIBS)

entitiesdir = $(pkgdatadir)/entities
dist_entities_DATA = plugins/entities/entities.model

bin_PROGRAMS += plugins/entities/annotate-train-entities
plugins_entities_annotate_train_entities_SOURCES = plugins/entities/train_entities.c $(ENT_TOOL_SOURCES)
plugins_entities_annotate_train_entities_CFLAGS = $(AM_CFLAGS) $(ENT_CFLAGS)
plugins_entities_annotate_train_entities_LDADD = core/libannotate-core.la $(ENT_LIBS)

bin_PROGRAMS += plugins/entities/annotate-train-clusters
plugins_entities_annotate_train_clusters_SOURCES = plugins/entities/train_clusters.c \
	plugins/entities/ent_text.c plugins/entities/ent_text.h
plugins_entities_annotate_train_clusters_CPPFLAGS = $(AM_CPPFLAGS)
plugins_entities_annotate_train_clusters_CFLAGS = $(AM_CFLAGS) $(ENT_CFLAGS)
plugins_entities_annotate_train_clusters_LDADD = core/libannotate-core.la $(ENT_LIBS)

noinst_PROGRAMS += tests/eval/entities-eval
tests_eval_entities_eval_SOURCES = tests/eval/entities-eval.c $(ENT_TOOL_SOURCES)
tests_eval_entities_eval_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/plugins/entities
tests_eval_entities_eval_CFLAGS = $(AM_CFLAGS) $(ENT_CFLAGS)
tests_eval_entities_eval_LDADD = core/libannotate-core.la $(ENT_LIBS)


## The word lists, installed for users who retrain (the model holds its own copy).
entitiesgazdir = $(pkgdatadir)/entities/gazetteer
dist_entitiesgaz_DATA = \
	plugins/entities/gazetteer/countries.txt plugins/entities/gazetteer/regions.txt \
	plugins/entities/gazetteer/cities.txt plugins/entities/gazetteer/demonyms.txt \
	plugins/entities/gazetteer/firstnames.txt plugins/entities/gazetteer/corpsuffixes.txt \
	plugins/entities/gazetteer/companies.txt plugins/entities/gazetteer/titles.txt \
	plugins/entities/gazetteer/lowercase.txt plugins/entities/gazetteer/acronyms.txt \
	plugins/entities/gazetteer/orgnouns.txt plugins/entities/gazetteer/clusters.txt

## make eval-entities [ENT_EVAL_FILES="more.conll ..."]: nothing here is chosen
## on valid.txt.
##  1. k-fold cross-validation on train.txt (documents dealt round-robin into
##     ENT_CV_FOLDS folds) with the shipped settings ENT_TRAIN_OPTS, which were
##     chosen by this same cross-validation;
##  2. a model trained on train.txt only with those settings, scored on
##     valid.txt (and ENT_EVAL_FILES): a held-out figure;
##  3. that model through `annotate` on valid.txt rebuilt as running text,
##     sentences separated by blank lines and by single newlines
##     (tests/eval/entities-running.py).
## The shipped model is trained on train.txt + valid.txt with ENT_TRAIN_OPTS
## (README.md), so it is not scored on valid.txt here.
ENT_CONLL_DIR = $(abs_top_srcdir)/../shared/data/ner/conll2003
ENT_EVAL_DEFAULT = $(ENT_CONLL_DIR)/valid.txt
ENT_CV_FOLDS = 4
ENT_TRAIN_OPTS = --clusters none --epochs 30 --ensemble 5 --word-dropout 0.3 --seed 1
ENT_EVAL_MODEL = entities-trainonly.model
EVAL_TARGETS += eval-entities
EXTRA_DIST += tests/eval/entities-running.py tests/eval/entities-corpus.py
PYTHON3 = python3
eval-entities: tests/eval/entities-eval$(EXEEXT) annotate$(EXEEXT) plugins/entities.la \
		plugins/entities/annotate-train-entities$(EXEEXT)
	@if test -f $(ENT_CONLL_DIR)/train.txt && test -f $(ENT_EVAL_DEFAULT); then \
	  echo "== $(ENT_CV_FOLDS)-fold cross-validation on train.txt ($(ENT_TRAIN_OPTS))" && \
	  nice -n 10 plugins/entities/annotate-train-entities --train $(ENT_CONLL_DIR)/train.txt \
	    --cv $(ENT_CV_FOLDS) $(ENT_TRAIN_OPTS) 2>/dev/null | grep -v '^cv epoch' && \
	  echo "== valid.txt, model trained on train.txt only (nothing chosen on valid.txt)" && \
	  nice -n 10 plugins/entities/annotate-train-entities --train $(ENT_CONLL_DIR)/train.txt \
	    $(ENT_TRAIN_OPTS) -o $(ENT_EVAL_MODEL) 2>/dev/null && \
	  tests/eval/entities-eval -m $(ENT_EVAL_MODEL) $(ENT_EVAL_DEFAULT) $(ENT_EVAL_FILES) && \
	  $(PYTHON3) $(srcdir)/tests/eval/entities-running.py ./annotate$(EXEEXT) plugins/.libs \
	    $(ENT_EVAL_DEFAULT) $(ENT_EVAL_MODEL); \
	else echo "eval-entities: $(ENT_CONLL_DIR)/{train,valid}.txt not found: skipped"; fi
CLEANFILES += $(ENT_EVAL_MODEL)

if HAVE_CHECK
check_PROGRAMS += plugins/entities/test_entities
TESTS += plugins/entities/test_entities
plugins_entities_test_entities_SOURCES = plugins/entities/test_entities.c tests/mock/emit_fault.h plugins/entities/entities.c \
	$(ENT_CORE_SOURCES)
plugins_entities_test_entities_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/tests
plugins_entities_test_entities_CFLAGS = $(AM_CFLAGS) $(ENT_CFLAGS) $(CHECK_CFLAGS)
plugins_entities_test_entities_LDADD = tests/mock/libmockhost.la $(CHECK_LIBS) $(ENT_LIBS)

## make bench-entities: tokens/s of annotate() over the bench documents.
check_PROGRAMS += plugins/entities/bench_entities
plugins_entities_bench_entities_SOURCES = plugins/entities/bench_entities.c plugins/entities/entities.c \
	$(ENT_CORE_SOURCES)
plugins_entities_bench_entities_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/tests
plugins_entities_bench_entities_CFLAGS = $(AM_CFLAGS) $(ENT_CFLAGS)
plugins_entities_bench_entities_LDADD = tests/mock/libmockhost.la $(ENT_LIBS)
ENT_BENCH_DOCS = $(abs_top_srcdir)/../shared/bench/docs
BENCH_TARGETS += bench-entities
bench-entities: plugins/entities/bench_entities$(EXEEXT)
	plugins/entities/bench_entities $(ENT_BENCH_DOCS)
endif

## entities-tag FILE.txt: the tokens and tags of running text, for error analysis.
noinst_PROGRAMS += tests/eval/entities-tag
tests_eval_entities_tag_SOURCES = tests/eval/entities-tag.c $(ENT_CORE_SOURCES)
tests_eval_entities_tag_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/plugins/entities
tests_eval_entities_tag_CFLAGS = $(AM_CFLAGS) $(ENT_CFLAGS)
tests_eval_entities_tag_LDADD = core/libannotate-core.la $(ENT_LIBS)
