## Static analysis as a test, so CI keeps the tree cppcheck-clean.
TESTS += tests/lint/cppcheck.test
EXTRA_DIST += tests/lint/cppcheck.test
## configure must not trip on our core/ folder (issue 18).
TESTS += tests/lint/configure-clean.test
EXTRA_DIST += tests/lint/configure-clean.test
