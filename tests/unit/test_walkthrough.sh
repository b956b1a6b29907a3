#!/bin/sh
# test_walkthrough.sh -- README's "A first session" works as written right
# after scripts/quickstart (issue 18): from a folder laid out as the source
# tree is (build/ and corpus/), it annotates a folder of Markdown and HTML,
# views a result from another folder, writes one page per document, and
# writes, tests and loads a plugin.  Its /tmp/ann-demo becomes a temporary
# folder.
. "$(dirname "$0")/cli_expect.sh"
src=${top_srcdir:?}; build=${top_builddir:?}
command -v make >/dev/null 2>&1 || { echo "no make: skipped"; exit 77; }
# The new plugin's test is built without the sanitizers, and cannot link a
# mock host built with them (the ASan runtime must come first).
if grep -q '^SAN_CFLAGS = .*-fsanitize' "$build/Makefile" 2>/dev/null; then
    echo "a sanitizer build: the walk-through's plugin (built without them) cannot link its mock host; skipped"
    exit 77
fi
awk '/^## A first session/ { on = 1 } on && /^```sh/ { code = 1; next }
     code && /^```/ { exit } code { print }' "$src/README.md" |
    sed "s|/tmp/ann-demo|$tmp/demo|g" >"$tmp/steps"
[ -s "$tmp/steps" ] || { echo "FAIL: README has no first-session commands"; exit 1; }
mkdir "$tmp/top"
ln -s "$build" "$tmp/top/build"
ln -s "$src/corpus" "$tmp/top/corpus"
cd "$tmp/top" || exit 99
PKG_CONFIG_PATH=/nonexistent sh -e "$tmp/steps" >"$tmp/run" 2>&1
rc=$?
show="$tmp/run"
if [ "$rc" -eq 0 ]; then ok "the commands run (exit 0)"; else bad "the commands: exit $rc"; fi
for d in md html; do
    if [ -s "$tmp/demo/out/alliance-board.$d.ann.json" ]; then ok "$d annotated"; else bad "$d not annotated"; fi
    if [ -s "$tmp/demo/pages/alliance-board.$d.html" ]; then ok "$d page"; else bad "no $d page"; fi
done
# the view from / found its document and shows the prose with its notes
if grep -q '^What was agreed$' "$tmp/run" && grep -q 'value=2023-02-06' "$tmp/run"; then
    ok "the view from another folder shows the document"
else
    bad "the view from another folder"
fi
if grep -q '"plugins":\[{"name":"acronyms"' "$tmp/run" && grep -q "all passed" "$tmp/run"; then
    ok "the plugin is written, tested and loaded"
else
    bad "the plugin steps"
fi
echo "$((n - fail)) passed, $fail failed"
[ "$fail" -eq 0 ]
