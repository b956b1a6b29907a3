#!/bin/sh
# test_walk.sh -- how inputs are found and outputs named and written (issue
# 13, items 3 and 4): symbolic links below folders, unreadable subfolders,
# empty folders, the output folder of an earlier run, mirrored output names
# and collisions, long names, stale temporary files, the output folder lock.
# Runs from the top build folder (automake runs tests there).

ANNOTATE=${ANNOTATE:-./annotate}
TP=${TP:-tests/unit/plugins/.libs}
# absolute, for the runs made from inside a test folder
case $ANNOTATE in /*) ;; *) ANNOTATE=$(pwd)/$ANNOTATE ;; esac
case $TP in /*) ;; *) TP=$(pwd)/$TP ;; esac
fail=0
n=0
skipped=0
tmp=$(mktemp -d "${TMPDIR:-/tmp}/ann-walk-XXXXXX") || exit 99
holder=
cleanup() {
    [ -n "$holder" ] && kill "$holder" 2>/dev/null
    chmod -R u+rwx "$tmp" 2>/dev/null
    rm -rf "$tmp"
}
trap cleanup EXIT

ok() { n=$((n + 1)); echo "ok: $1"; }
bad() {
    n=$((n + 1))
    fail=$((fail + 1))
    echo "FAIL: $1"
    [ -f "$tmp/out" ] && sed 's/^/    /' "$tmp/out"
}
skip() { skipped=$((skipped + 1)); echo "SKIP: $1"; }

# run ARGS...: annotate with the test plugins, output and status kept; a
# run that loops is stopped after 20 s (exit 124).
run() {
    timeout 20 "$ANNOTATE" -P "$TP" -p words "$@" >"$tmp/out" 2>&1
    status=$?
}

# check NAME STATUS PATTERN: the last run's status and a fixed string in
# its output.
check() {
    if [ "$status" -ne "$2" ]; then
        bad "$1: exit $status, expected $2"
    elif [ -n "$3" ] && ! grep -qF -- "$3" "$tmp/out"; then
        bad "$1: output lacks '$3'"
    else
        ok "$1"
    fi
}

doc() { mkdir -p "$(dirname "$1")" && printf '%s\n' "${2:-Luca met Carlos in Tokyo.}" >"$1"; }

# --- symlink_fan: links back up the tree are not followed, and with
# --follow each folder is entered once
doc "$tmp/fan/a.txt"
ln -s .. "$tmp/fan/up"
ln -s .. "$tmp/fan/up2"
ln -s a.txt "$tmp/fan/same.txt"
run -o "$tmp/o1" "$tmp/fan"
check symlink_fan 0 "annotate: 1 document (0 failed)"
run --follow -o "$tmp/o1f" "$tmp/fan"
check symlink_fan_follow 0 "annotate: 1 document (0 failed)"

# --- given_twice: one file named twice, or by a folder and by name
run -o "$tmp/o2" "$tmp/fan/a.txt" "$tmp/fan/a.txt" "$tmp/fan"
check given_twice 0 "annotate: 1 document (0 failed)"
if grep -q "holds no document" "$tmp/out"; then bad "given_twice_no_warning"; else ok given_twice_no_warning; fi

# --- empty_folder: a folder argument without documents is named
mkdir -p "$tmp/empty" "$tmp/full"
printf 'x\n' >"$tmp/empty/notes.json"
doc "$tmp/full/a.txt"
run -o "$tmp/o3" "$tmp/empty" "$tmp/full"
check empty_folder 0 "warning: $tmp/empty holds no document"

# --- reingest: running twice in a folder does not take the first run's
# outputs (html, brat's .txt copies) for documents
for fmt in html brat; do
    mkdir -p "$tmp/re-$fmt"
    doc "$tmp/re-$fmt/a.txt"
    (cd "$tmp/re-$fmt" && timeout 20 "$ANNOTATE" -P "$TP" -p words -f $fmt . >/dev/null 2>&1)
    before=$(cat "$tmp/re-$fmt/annotations/"a.* | cksum)
    (cd "$tmp/re-$fmt" && timeout 20 "$ANNOTATE" -P "$TP" -p words -f $fmt . >"$tmp/out" 2>&1)
    status=$?
    after=$(cat "$tmp/re-$fmt/annotations/"a.* | cksum)
    check "reingest_$fmt" 0 "annotate: 1 document (0 failed)"
    if [ "$before" = "$after" ] && [ ! -e "$tmp/re-$fmt/annotations/annotations" ]; then
        ok "reingest_${fmt}_kept"
    else
        bad "reingest_${fmt}_kept: the second run changed the outputs: $(ls -R "$tmp/re-$fmt/annotations")"
    fi
done
# a folder an earlier run wrote to is skipped even when -o names another
run -o "$tmp/o4" "$tmp/re-html"
check reingest_other_outdir 0 "annotate: 1 document (0 failed)"

# --- unreadable_subfolder: named, skipped, the rest written, exit 1.  Root
# reads any folder, so for root the run drops the capabilities that allow
# it (setpriv); the case is skipped where neither works.
doc "$tmp/locked/ok.txt"
doc "$tmp/locked/closed/b.txt"
chmod 000 "$tmp/locked/closed"
as_user=
if [ "$(id -u)" -eq 0 ] && command -v setpriv >/dev/null 2>&1; then
    as_user="setpriv --bounding-set=-dac_override,-dac_read_search --"
fi
if $as_user ls "$tmp/locked/closed" >/dev/null 2>&1; then
    skip "unreadable_subfolder: cannot make a folder unreadable here"
else
    timeout 20 $as_user "$ANNOTATE" -P "$TP" -p words -o "$tmp/o5" "$tmp/locked" >"$tmp/out" 2>&1
    status=$?
    check unreadable_subfolder 1 "$tmp/locked/closed: cannot read the folder"
    if [ -f "$tmp/o5/ok.ann.json" ]; then ok unreadable_subfolder_rest_written
    else bad "unreadable_subfolder_rest_written: $(ls "$tmp/o5" 2>&1)"; fi
fi
chmod 755 "$tmp/locked/closed"

# --- mirror: a folder's tree is mirrored; the extension is kept where two
# documents would share a name
doc "$tmp/docs/a.txt" "Text from Paris."
doc "$tmp/docs/a.md" "Markdown from Rome."
doc "$tmp/docs/sub/a.txt" "Sub from Oslo."
doc "$tmp/docs/b.txt"
run -o "$tmp/o6" "$tmp/docs"
check mirror 0 "annotate: 4 documents (0 failed)"
if [ -f "$tmp/o6/a.txt.ann.json" ] && [ -f "$tmp/o6/a.md.ann.json" ] && [ -f "$tmp/o6/sub/a.ann.json" ] &&
    [ -f "$tmp/o6/b.ann.json" ] && grep -q Oslo "$tmp/o6/sub/a.ann.json" &&
    grep -q Rome "$tmp/o6/a.md.ann.json" && [ ! -e "$tmp/o6/a.ann.json" ]; then
    ok mirror_names
else
    bad "mirror_names: $(cd "$tmp/o6" && find . -type f | sort | tr '\n' ' ')"
fi

# --- collision: names that would still collide are an error for those
# documents (exit 1), never an overwrite; the others are written
doc "$tmp/x/a.txt" "From x."
doc "$tmp/y/a.txt" "From y."
run -o "$tmp/o7" "$tmp/x/a.txt" "$tmp/y/a.txt" "$tmp/docs/b.txt"
check collision 1 "same output name"
if [ -f "$tmp/o7/b.ann.json" ] && [ -z "$(ls "$tmp/o7" | grep '^a\.')" ]; then
    ok collision_nothing_overwritten
else
    bad "collision_nothing_overwritten: $(ls "$tmp/o7" 2>&1)"
fi

# --- own_input: an output never replaces the document it is made from
# (-f html with -o on the folder of an .html input)
mkdir -p "$tmp/page"
printf '<p>Luca met Carlos in Tokyo.</p>\n' >"$tmp/page/p.html"
sum=$(cksum <"$tmp/page/p.html")
run -f html -o "$tmp/page" "$tmp/page/p.html"
check own_input 1 "it is the document itself"
if [ "$(cksum <"$tmp/page/p.html")" = "$sum" ]; then ok own_input_kept
else bad "own_input_kept: the input was overwritten"; fi

# --- long_name: a 240-byte file name (NAME_MAX is 255) is written
long=$(printf '%0236d' 0 | tr 0 n)
doc "$tmp/long/$long.txt"
run -o "$tmp/o8" "$tmp/long/$long.txt"
check long_name 0 "annotate: 1 document (0 failed)"
if [ -f "$tmp/o8/$long.ann.json" ]; then ok long_name_written
else bad "long_name_written: $(ls "$tmp/o8" 2>&1)"; fi

# --- stale_temp: temporary files of dead processes are removed at start;
# a live process's, and files of other names, are left alone
dead=$(sh -c 'echo $$')
mkdir -p "$tmp/o9/sub"
for f in ".annotate.$dead-7f12ab-0.tmp" ".a.ann.json.$dead-7f12ab-3.tmp" "sub/.b.html.$dead-1-0.tmp" \
    ".annotate.$$-7f12ab-0.tmp" ".annotate.x-7f12ab-0.tmp" "keep.$dead-1-0.tmp"; do
    printf 'partial' >"$tmp/o9/$f"
done
run -o "$tmp/o9" "$tmp/docs/b.txt"
check stale_temp 0 "removed 3 temporary files"
if [ ! -e "$tmp/o9/.annotate.$dead-7f12ab-0.tmp" ] && [ ! -e "$tmp/o9/.a.ann.json.$dead-7f12ab-3.tmp" ] &&
    [ ! -e "$tmp/o9/sub/.b.html.$dead-1-0.tmp" ] && [ -e "$tmp/o9/.annotate.$$-7f12ab-0.tmp" ] &&
    [ -e "$tmp/o9/.annotate.x-7f12ab-0.tmp" ] && [ -e "$tmp/o9/keep.$dead-1-0.tmp" ]; then
    ok stale_temp_only_dead
else
    bad "stale_temp_only_dead: $(ls -A "$tmp/o9" "$tmp/o9/sub")"
fi

# --- lock: a second run into a folder another run holds stops (exit 2)
# rather than overwrite its files; after it, the folder is free again
if command -v flock >/dev/null 2>&1; then
    mkdir -p "$tmp/o10"
    # one process that holds the lock and can be killed to free it
    sh -c 'exec 9>"$1" && flock 9 && exec sleep 30' sh "$tmp/o10/.annotate.lock" &
    holder=$!
    i=0
    while [ $i -lt 50 ] && flock -n "$tmp/o10/.annotate.lock" true; do sleep 0.1; i=$((i + 1)); done
    run -o "$tmp/o10" "$tmp/docs/b.txt"
    check lock 2 "another annotate run"
    kill "$holder"
    wait "$holder" 2>/dev/null
    holder=
    run -o "$tmp/o10" "$tmp/docs/b.txt"
    check lock_released 0 "annotate: 1 document (0 failed)"
else
    skip "lock: no flock(1)"
fi

# --- sync: durable writes give the same files
run --sync -o "$tmp/o11" "$tmp/docs"
check sync 0 "annotate: 4 documents (0 failed)"
run --no-sync -o "$tmp/o12" "$tmp/docs"
check no_sync 0 "annotate: 4 documents (0 failed)"
if ! diff -r -x .annotate.lock "$tmp/o11" "$tmp/o12" >"$tmp/out" 2>&1; then
    bad "sync_same_files"
else
    ok sync_same_files
fi

echo "$((n - fail)) passed, $fail failed, $skipped skipped"
[ "$fail" -eq 0 ]
