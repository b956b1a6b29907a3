## Static analysis as a test, so CI keeps the tree cppcheck-clean.
TESTS += tests/lint/cppcheck.test
EXTRA_DIST += tests/lint/cppcheck.test
