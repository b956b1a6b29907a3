#!/bin/sh
# test_summary.sh -- the closing lines of scripts/test (issue 18): each
# skipped test is named with the reason its log gives, the totals line comes
# last, and a failed test's log is shown.  Made-up automake results.
. "$(dirname "$0")/cli_expect.sh"
SUMMARY=${top_srcdir:-.}/scripts/test-summary
t=$tmp/build/tests
mkdir -p "$t"
printf ':test-result: PASS\n' >"$t/unit.trs"
printf '100%%: Checks: 5, Failures: 0, Errors: 0\nPASS tests/unit (exit status: 0)\n' >"$t/unit.log"
printf ':test-result: SKIP\n' >"$t/golden.trs"
printf 'the example plugin is disabled: golden runs skipped\n\nSKIP tests/golden (exit status: 77)\n' >"$t/golden.log"
printf ':test-result: SKIP\n' >"$t/mute.trs"
printf 'SKIP tests/mute (exit status: 77)\n' >"$t/mute.log"

# line N WANT : line N of the last output (from the end when N < 0) is WANT
line() {
    n=$((n + 1))
    if [ "$1" -lt 0 ]; then got=$(tail -n $((-$1)) "$tmp/out" | head -n 1); else got=$(sed -n "$1p" "$tmp/out"); fi
    if [ "$got" = "$2" ]; then echo "ok: $2"; else echo "FAIL: line $1 is '$got', expected '$2'"; fail=$((fail + 1)); fi
}

(cd "$tmp" && "$SUMMARY" --extra "fuzzing: skipped (clang-14 is not installed)" build) >"$tmp/out" 2>&1
line -1 "5 passed, 0 failed, 3 skipped"
line -2 "skipped: fuzzing (clang-14 is not installed)"
line -3 "skipped: build/tests/mute (it gave no reason)"
line -4 "skipped: build/tests/golden (the example plugin is disabled: golden runs skipped)"

printf ':test-result: FAIL\n' >"$t/bad.trs"
printf 'FAIL: something broke\nFAIL tests/bad (exit status: 1)\n' >"$t/bad.log"
n=$((n + 1))
if (cd "$tmp" && "$SUMMARY" --extra "fuzzing: passed" build) >"$tmp/out" 2>&1; then
    echo "FAIL: a failed test gave exit status 0"; fail=$((fail + 1))
else
    echo "ok: a failed test fails the summary"
fi
line -1 "6 passed, 1 failed, 2 skipped"
line 1 "--- build/tests/bad.log"

echo "$((n - fail)) passed, $fail failed"
[ "$fail" -eq 0 ]
