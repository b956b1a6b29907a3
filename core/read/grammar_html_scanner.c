/* Builds the third-party tree-sitter grammar source tree-sitter-html/src/scanner.c
 * (fetched into $(GRAMMARS_DIR), not part of this project) as one object of
 * libgrammars.la.  Including it keeps the fetched file out of the automake
 * source lists, where a path held in a configure variable cannot go. */
#include "tree-sitter-html/src/scanner.c"
