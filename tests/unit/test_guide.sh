#!/bin/sh
# test_guide.sh -- the first three commands of doc/plugin-guide.md work as
# written right after scripts/quickstart (issue 18): from a folder laid out
# as the source tree is (build/ and corpus/), with annotate not installed,
# they write a plugin, build and test it, and run it.
. "$(dirname "$0")/cli_expect.sh"
src=${top_srcdir:?}; build=${top_builddir:?}
command -v make >/dev/null 2>&1 || { echo "no make: skipped"; exit 77; }
# The new plugin's test is built without the sanitizers, and cannot link a
# mock host built with them (the ASan runtime must come first).
if grep -q '^SAN_CFLAGS = .*-fsanitize' "$build/Makefile" 2>/dev/null; then
    echo "a sanitizer build: the guide's plugin (built without them) cannot link its mock host; skipped"
    exit 77
fi
# The three indented lines after "Right after `scripts/quickstart`, in the top folder".
awk '/`scripts\/quickstart`, in the top folder/ { on = 1; next }
     on && /^    [^ ]/ { sub(/^    /, ""); print; if (++k == 3) exit }' \
    "$src/doc/plugin-guide.md" >"$tmp/steps"
if [ "$(wc -l <"$tmp/steps")" -ne 3 ]; then
    echo "FAIL: the guide's first three commands not found"; cat "$tmp/steps"; exit 1
fi
mkdir "$tmp/top"
ln -s "$build" "$tmp/top/build"
ln -s "$src/corpus" "$tmp/top/corpus"
cd "$tmp/top" || exit 99
# One shell runs them, as a user types them, so the cd carries over.
if PKG_CONFIG_PATH=/nonexistent sh -e "$tmp/steps" >"$tmp/out" 2>&1 &&
    grep -q '"plugins":\[{"name":"acronyms"' "$tmp/out" && grep -q "all passed" "$tmp/out"; then
    echo "ok: the guide's first three commands work"
    echo "1 passed, 0 failed"
else
    echo "FAIL: the guide's first three commands:"; sed 's/^/    /' "$tmp/steps"
    echo "gave:"; sed 's/^/    /' "$tmp/out"
    echo "0 passed, 1 failed"
    exit 1
fi
