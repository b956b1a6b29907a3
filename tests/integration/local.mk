## tests/integration: annotate inside the engines people already run it in
## (issue 16): GNU parallel --pipe over a JSON Lines corpus, and a Slurm job
## array on a one-node cluster the test starts and stops itself.  Each is
## skipped (exit 77, the reason printed) when its engine is not installed;
## scripts/install-deps installs both.
TESTS += tests/integration/parallel.test tests/integration/slurm.test
EXTRA_DIST += tests/integration/parallel.test tests/integration/slurm.test
