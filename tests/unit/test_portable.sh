#!/bin/sh
# test_portable.sh -- annotation files that find their documents from
# anywhere (issue 18): the document's path is stored relative to the
# annotation file and absolute; `view` and `stats` try both, then --source
# DIR, and keep the SHA-256 check.  Also `annotate -o - ... | annotate view -`
# and JSON Lines files with several annotations, --layers/--labels names
# checked, and `view --html` creating its folder or saying why it cannot.
# Runs from the top build folder.

. "$(dirname "$0")/cli_expect.sh"
TP=tests/unit/plugins/.libs
ANNOTATE=$(cd "$(dirname "$ANNOTATE")" && pwd)/$(basename "$ANNOTATE")
TP=$(pwd)/$TP

mkdir -p "$tmp/work/docs/sub" "$tmp/elsewhere"
printf 'Luca met Carlos in Tokyo.\n' >"$tmp/work/docs/a.txt"
printf '# Paris\n\nAnna went to Rome.\n' >"$tmp/work/docs/sub/b.md"

# check NAME COMMAND... : the command succeeds.
check() {
    name=$1
    shift
    n=$((n + 1))
    if "$@" >"$tmp/out" 2>&1; then
        echo "ok: $name"
    else
        echo "FAIL: $name"
        sed 's/^/    /' "$tmp/out"
        fail=$((fail + 1))
    fi
}

# The run starts in work/ with relative paths, as a user types them.
(cd "$tmp/work" && "$ANNOTATE" -q -P "$TP" -p words -o ann docs) || { echo "FAIL: annotate"; exit 1; }
check "relative_path is stored, relative to the annotation file" \
    grep -qF '"relative_path":"../../docs/sub/b.md"' "$tmp/work/ann/sub/b.ann.json"
check "absolute_path is stored" \
    grep -qF "\"absolute_path\":\"$(cd "$tmp/work/docs" && pwd -P)/a.txt\"" "$tmp/work/ann/a.ann.json"

# view and stats from another folder: the path as typed ("docs/a.txt")
# means nothing there.
cd "$tmp/elsewhere" || exit 99
expect 0 "[Luca]"              view --color never "$tmp/work/ann/a.ann.json"
expect 0 "[Anna]"              view --color never "$tmp/work/ann/sub/b.ann.json"
expect 0 "2 files"             stats "$tmp/work/ann/a.ann.json" "$tmp/work/ann/sub/b.ann.json"

# The annotation folder copied elsewhere: the absolute path finds them.
cp -r "$tmp/work/ann" "$tmp/copy"
expect 0 "[Luca]"              view --color never "$tmp/copy/a.ann.json"

# The documents moved too: only --source DIR finds them, by path or name.
mv "$tmp/work/docs" "$tmp/moved"
expect 1 "give --source DIR"   view --color never "$tmp/copy/a.ann.json"
expect 0 "[Luca]"              view --color never --source "$tmp/moved" "$tmp/copy/a.ann.json"
expect 0 "[Anna]"              view --color never --source "$tmp/moved" "$tmp/copy/sub/b.ann.json"
expect 0 "1 file"              stats --source "$tmp/moved" "$tmp/copy/a.ann.json"
# ... and the SHA-256 check stays: a changed document is refused.
printf 'Luca met Marco in Tokyo.\n' >"$tmp/moved/a.txt"
expect 1 "has changed since it was annotated" view --source "$tmp/moved" "$tmp/copy/a.ann.json"
mv "$tmp/moved" "$tmp/work/docs"
printf 'Luca met Carlos in Tokyo.\n' >"$tmp/work/docs/a.txt"

# A stream through a pipe, and a JSON Lines file of several annotations.
cd "$tmp/work" || exit 99
n=$((n + 1))
if "$ANNOTATE" -q -P "$TP" -p words -o - docs | "$ANNOTATE" view --color never - >"$tmp/out" 2>&1 &&
    grep -qF "[Luca]" "$tmp/out" && grep -qF "[Anna]" "$tmp/out"; then
    echo "ok: annotate -o - | annotate view -"
else
    echo "FAIL: annotate -o - | annotate view -"; sed 's/^/    /' "$tmp/out"; fail=$((fail + 1))
fi
"$ANNOTATE" -q -P "$TP" -p words -o - docs >"$tmp/all.jsonl"
cd "$tmp/elsewhere" || exit 99
expect 0 "docs/sub/b.md (3 of 3 spans)" view --color never "$tmp/all.jsonl"
expect 0 "2 files"             stats "$tmp/all.jsonl"
# a broken line is named by its line, the others still shown
{ head -n 1 "$tmp/all.jsonl"; echo '{"schema": broken'; tail -n 1 "$tmp/all.jsonl"; } >"$tmp/bad.jsonl"
expect 1 "bad.jsonl:2: column"  view --color never "$tmp/bad.jsonl"
expect 1 "[Anna]"               view --color never "$tmp/bad.jsonl"

# --layers and --labels names must exist in the files
expect 2 "no layer 'wrods' in these files (valid: words)" view --layers wrods "$tmp/all.jsonl"
expect 2 "no label 'PER' in these files (valid: WORD)"    view --labels WORD,PER "$tmp/all.jsonl"
expect 0 "[Luca]"                                         view --color never --labels WORD "$tmp/all.jsonl"

# --html creates its folder (several documents) or the page's folder (one)
expect 0 ""                    view --html "$tmp/pages/new" "$tmp/all.jsonl"
check "view --html DIR created DIR with a page per document" \
    test -s "$tmp/pages/new/a.html" -a -s "$tmp/pages/new/b.html"
expect 0 ""                    view --html "$tmp/one/deep/a.html" "$tmp/work/ann/a.ann.json"
check "view --html FILE created its folder" test -s "$tmp/one/deep/a.html"
# a write that fails says why
mkdir "$tmp/ro"
chmod a-w "$tmp/ro"
if [ "$(id -u)" -ne 0 ]; then
    expect 1 "Permission denied" view --html "$tmp/ro/a.html" "$tmp/work/ann/a.ann.json"
fi
: >"$tmp/file"
expect 1 "Not a directory"      view --html "$tmp/file/x.html" "$tmp/work/ann/a.ann.json"

# help
expect 0 "--source DIR"         view --help
expect 0 "--source DIR"         stats --help

echo "$((n - fail)) passed, $fail failed"
[ "$fail" -eq 0 ]
