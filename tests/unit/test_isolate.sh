#!/bin/sh
# test_isolate.sh -- a plugin that crashes, aborts, hangs or eats memory on
# one document costs only its own layer of that document (issue 13): the
# other documents are written, the bad one too with its other layers and a
# "failed" record, the message names the plugin, the signal and the
# document, and the exit status is 1.  Uses the misbehaving test plugins of
# tests/unit/plugins/misbehave.c.  Runs from the top build folder.

ANNOTATE=${ANNOTATE:-./annotate}
# In a sanitizer build, ASan would catch the crash plugin's SIGSEGV itself
# and exit 1; let the signal kill the worker as it does in a normal build.
ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}handle_segv=0"
export ASAN_OPTIONS
TP=tests/unit/plugins/.libs
srcdir=${srcdir:-.}
fail=0
n=0
tmp=$(mktemp -d "${TMPDIR:-/tmp}/ann-iso-XXXXXX") || exit 99
trap 'rm -rf "$tmp"' EXIT

ok() { n=$((n + 1)); echo "ok: $1"; }
bad() { n=$((n + 1)); fail=$((fail + 1)); echo "FAIL: $1"; [ -f "$tmp/log" ] && sed 's/^/    /' "$tmp/log"; }

# run STATUS ARGS...: runs annotate, output in $tmp/log, checks the status.
run() {
    want=$1
    shift
    "$ANNOTATE" "$@" >"$tmp/log" 2>&1
    got=$?
    if [ "$got" -eq "$want" ]; then ok "annotate $* exits $want"; else bad "annotate $*: exit $got, expected $want"; fi
}
# has FILE STRING: FILE contains the fixed string.
has() {
    if grep -qF -- "$2" "$1" 2>/dev/null; then ok "$(basename "$1") has $2"; else bad "$1 lacks $2"; fi
}
lacks() {
    if [ -f "$1" ] && ! grep -qF -- "$2" "$1"; then ok "$(basename "$1") lacks $2"; else bad "$1 has $2 (or is missing)"; fi
}

d=$tmp/docs
mkdir "$d"
printf 'Alice met Bob in Paris.\n' >"$d/a.txt"
printf 'Carol wrote SEGVME here.\n' >"$d/b.txt"
printf 'Dave wrote ABORTME there.\n' >"$d/c.txt"
printf 'Eve stayed home.\n' >"$d/d.txt"
printf 'Frank said HANGME twice.\n' >"$d/e.txt"
printf 'Grace said HOGME once.\n' >"$d/f.txt"
printf 'Heidi wrote FAILME here.\n' >"$d/g.txt"
printf 'Ivan said HOGCRASH once.\n' >"$d/i.txt"

# A crash and an abort, one worker and two.
for j in 1 2; do
    o=$tmp/o$j
    run 1 -P "$TP" -p words,crash,aborts -j $j -o "$o" "$d/a.txt" "$d/b.txt" "$d/c.txt" "$d/d.txt"
    has "$tmp/log" "$d/b.txt: plugin crash failed (SIGSEGV)"
    has "$tmp/log" "$d/c.txt: plugin aborts failed (SIGABRT)"
    has "$tmp/log" "4 documents (0 failed, 2 with a failed layer)"
    for f in a b c d; do
        if [ -s "$o/$f.ann.json" ]; then ok "-j $j: $f written"; else bad "-j $j: $f.ann.json missing"; fi
    done
    has "$o/b.ann.json" '"failed":[{"plugin":"crash","reason":"SIGSEGV"}]'
    has "$o/b.ann.json" '"label":"WORD"'
    has "$o/b.ann.json" '"layer":"aborts"'
    has "$o/c.ann.json" '"failed":[{"plugin":"aborts","reason":"SIGABRT"}]'
    has "$o/c.ann.json" '"layer":"crash"'
    lacks "$o/a.ann.json" '"failed"'
    has "$o/d.ann.json" '"layer":"crash"'
done

# The same documents streamed: one line each, in input order.
"$ANNOTATE" -P "$TP" -p words,crash,aborts -j 2 -q -o - "$d/a.txt" "$d/b.txt" "$d/c.txt" "$d/d.txt" \
    >"$tmp/stream" 2>"$tmp/log"
order=$(sed 's/.*"path":"[^"]*\/\([a-z]\)\.txt".*/\1/' "$tmp/stream" | tr -d '\n')
if [ "$order" = abcd ]; then ok "-o - keeps input order"; else bad "-o - order '$order'"; fi
has "$tmp/stream" '"failed":[{"plugin":"crash","reason":"SIGSEGV"}]'

# brat's per-run annotation.conf still gets the labels every worker saw.
run 1 -P "$TP" -p words,crash -j 2 -f brat -o "$tmp/brat" "$d/a.txt" "$d/b.txt" "$d/d.txt"
has "$tmp/brat/annotation.conf" "WORD"
has "$tmp/brat/annotation.conf" "SEEN"
if [ -s "$tmp/brat/b.ann" ]; then ok "brat: b.ann written"; else bad "brat: b.ann missing"; fi

# A plugin that needs a failed layer is left out too (hang needs crash).
run 1 -P "$TP" -p words,hang -o "$tmp/need" "$d/b.txt"
has "$tmp/need/b.ann.json" '{"plugin":"hang","reason":"needs crash, which failed"}'

# A hang: killed after --timeout, the document written without the layer.
run 1 -P "$TP" -p words,hang --timeout 1 -j 2 -o "$tmp/hang" "$d/a.txt" "$d/e.txt" "$d/d.txt"
has "$tmp/log" "$d/e.txt: plugin hang failed (timeout after 1 s)"
has "$tmp/hang/e.ann.json" '{"plugin":"hang","reason":"timeout after 1 s"}'
has "$tmp/hang/e.ann.json" '"label":"WORD"'
has "$tmp/hang/d.ann.json" '"layer":"hang"'

# Runaway memory: the worker's address space is limited.  Not in ASan
# builds, where the limit cannot apply (ASan maps terabytes of shadow).
if grep -q __asan_init "$ANNOTATE" 2>/dev/null; then
    echo "skip: --max-memory under AddressSanitizer"
else
    run 1 -P "$TP" -p words,hog --max-memory 400 -o "$tmp/hog" "$d/a.txt" "$d/f.txt" "$d/d.txt"
    # The reason names the limit it hit, then the plugin's own message.
    has "$tmp/log" "$d/f.txt: plugin hog: out of memory (--max-memory 400 MB): out of memory after"
    has "$tmp/hog/f.ann.json" '{"plugin":"hog","reason":"out of memory (--max-memory 400 MB): out of memory after'
    has "$tmp/hog/d.ann.json" '"layer":"hog"'
    # A plugin that crashes when malloc fails under the limit: the signal
    # is named with the limit it most likely hit.  The same crash far from
    # any limit stays a plain SIGSEGV (the crash plugin above).
    run 1 -P "$TP" -p words,hog --max-memory 400 -o "$tmp/hogcrash" "$d/a.txt" "$d/i.txt"
    has "$tmp/log" "$d/i.txt: plugin hog failed (out of memory (--max-memory 400 MB): SIGSEGV)"
    has "$tmp/hogcrash/i.ann.json" '{"plugin":"hog","reason":"out of memory (--max-memory 400 MB): SIGSEGV"}'
    has "$tmp/hogcrash/a.ann.json" '"layer":"hog"'
    run 2 -P "$TP" -p words --max-memory 1 -o "$tmp/tiny" "$d/a.txt"
    has "$tmp/log" "--max-memory 1: the loaded plugins already take"
fi

# A plugin returning an error fails only its layer, in both modes.
for mode in --timeout=5 --no-isolate; do
    run 1 -P "$TP" -p pairs $mode -o "$tmp/err$mode" "$d/a.txt" "$d/g.txt"
    has "$tmp/log" "$d/g.txt: plugin pairs: found FAILME at byte"
    has "$tmp/err$mode/g.ann.json" '{"plugin":"pairs","reason":"found FAILME at byte'
    has "$tmp/err$mode/g.ann.json" '"label":"WORD"'
    lacks "$tmp/err$mode/g.ann.json" '"label":"PAIR"'
done

# Bad values are usage errors.
run 2 -P "$TP" -p words --timeout soon "$d/a.txt"
run 2 -P "$TP" -p words --max-memory -5 "$d/a.txt"

# What was written with a failed layer follows the schema.
if command -v python3 >/dev/null 2>&1 && python3 -c 'import jsonschema' 2>/dev/null; then
    cp "$tmp/stream" "$tmp/stream.jsonl"
    if python3 "$srcdir/tests/view/validate.py" "$srcdir/doc/annotate.schema.json" \
        "$tmp/o2/b.ann.json" "$tmp/hang/e.ann.json" "$tmp/stream.jsonl" >"$tmp/log" 2>&1; then
        ok "failed records follow the schema"
    else
        bad "schema"
    fi
    grep SEGVME "$tmp/stream" | sed 's/"failed":\[{"plugin":"crash","reason"/"failed":[{"plugin":"crash","why"/' >"$tmp/broken.jsonl"
    if python3 "$srcdir/tests/view/validate.py" --expect-invalid "$srcdir/doc/annotate.schema.json" \
        "$tmp/broken.jsonl" >"$tmp/log" 2>&1; then
        ok "the schema refuses a failed record without a reason"
    else
        bad "the schema accepts a failed record without a reason"
    fi
fi

echo "$((n - fail)) passed, $fail failed"
[ "$fail" -eq 0 ]
