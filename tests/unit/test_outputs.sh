#!/bin/sh
# test_outputs.sh -- choosing the inputs and where the output goes (issue
# 18): --include/--exclude on the path below the folder argument,
# --skip-existing to resume a run, -f jsonl -o FILE.jsonl writing the whole
# run into one file atomically, and the summary line naming where the
# output went.  Runs from the top build folder.

. "$(dirname "$0")/cli_expect.sh"
TP=tests/unit/plugins/.libs

mkdir -p "$tmp/docs/sub" "$tmp/docs/drafts"
printf 'Luca met Carlos in Tokyo.\n' >"$tmp/docs/a.txt"
printf '# Paris\n\nAnna went to Rome.\n' >"$tmp/docs/sub/b.md"
printf '<p>Maria in Berlin</p>\n' >"$tmp/docs/sub/c.html"
printf 'Draft by Nobody.\n' >"$tmp/docs/drafts/d.txt"

# files NAME... : the output folder $out holds exactly these files.
files() {
    n=$((n + 1))
    got=$(cd "$out" && find . -name '*.ann.json' | sed 's|^\./||' | sort | tr '\n' ' ')
    if [ "$got" = "$* " ]; then
        echo "ok: $out holds $*"
    else
        echo "FAIL: $out holds $got, expected $*"
        fail=$((fail + 1))
    fi
}

# --include and --exclude: fnmatch on the path below the folder argument
out=$tmp/o1
expect 0 "2 documents"         -P "$TP" -p words -o "$out" --include '*.md' --include '*.html' "$tmp/docs"
files sub/b.ann.json sub/c.ann.json
out=$tmp/o2
expect 0 "3 documents"         -P "$TP" -p words -o "$out" --exclude 'drafts/*' "$tmp/docs"
files a.ann.json sub/b.ann.json sub/c.ann.json
out=$tmp/o3
expect 0 "1 document"          -P "$TP" -p words -o "$out" --include 'sub/*' --exclude '*.html' "$tmp/docs"
files sub/b.ann.json
expect 2 "--include/--exclude left none of the 4 documents" -P "$TP" -p words -o "$tmp/o4" --include '*.rst' "$tmp/docs"
expect 2 "--include needs a pattern" -P "$TP" -p words --include= "$tmp/docs"

# --skip-existing: a stopped run (here: one output removed, one made stale)
# is resumed, the finished documents are not annotated again
out=$tmp/o5
expect 0 "4 documents"         -P "$TP" -p words -o "$out" "$tmp/docs"
rm "$out/sub/b.ann.json"
touch -d '2000-01-01' "$out/a.ann.json"
before=$(ls -l --time-style=+%s "$out/sub/c.ann.json")
expect 0 "2 documents already annotated" -P "$TP" -p words -o "$out" --skip-existing "$tmp/docs"
n=$((n + 1))
if grep -qF "annotate: 2 documents (0 failed)" "$tmp/out"; then echo "ok: the other 2 annotated"; else echo "FAIL: resumed run"; fail=$((fail + 1)); fi
files a.ann.json drafts/d.ann.json sub/b.ann.json sub/c.ann.json
n=$((n + 1))
if [ "$before" = "$(ls -l --time-style=+%s "$out/sub/c.ann.json")" ]; then
    echo "ok: a finished output is left as it was"
else
    echo "FAIL: sub/c.ann.json was rewritten"; fail=$((fail + 1))
fi
expect 0 "nothing left to annotate" -P "$TP" -p words -o "$out" --skip-existing "$tmp/docs"
# every file a writer makes must be there: brat writes .txt and .ann
expect 0 "4 documents"         -P "$TP" -p words -f brat -o "$tmp/b" "$tmp/docs"
rm "$tmp/b/a.ann"
expect 0 "1 document (0 failed)" -P "$TP" -p words -f brat -o "$tmp/b" --skip-existing "$tmp/docs"
expect 2 "--skip-existing needs an output folder" -P "$TP" -p words -o - --skip-existing "$tmp/docs"

# -f jsonl -o FILE.jsonl: one file for the run, in input order, named in
# the summary line
expect 0 "output in $tmp/all/run.jsonl" -P "$TP" -p words -f jsonl -o "$tmp/all/run.jsonl" "$tmp/docs"
n=$((n + 1))
if [ "$(wc -l <"$tmp/all/run.jsonl")" -eq 4 ] && head -n 1 "$tmp/all/run.jsonl" | grep -qF '"path":"'"$tmp"'/docs/a.txt"' &&
    [ "$(ls -A "$tmp/all")" = run.jsonl ]; then
    echo "ok: run.jsonl holds the 4 documents in order, no temporary file left"
else
    echo "FAIL: run.jsonl:"; ls -A "$tmp/all"; cat "$tmp/all/run.jsonl"; fail=$((fail + 1))
fi
# the .jsonl name alone picks the format
expect 0 "output in $tmp/all/two.jsonl" -P "$TP" -p words -o "$tmp/all/two.jsonl" "$tmp/docs/a.txt" "$tmp/docs/sub/b.md"
n=$((n + 1))
if [ "$(wc -l <"$tmp/all/two.jsonl")" -eq 2 ]; then echo "ok: -o two.jsonl"; else echo "FAIL: two.jsonl"; fail=$((fail + 1)); fi
# a run that writes no document leaves an existing file as it was
printf 'bad \377 byte\n' >"$tmp/bad.txt"
cp "$tmp/all/two.jsonl" "$tmp/keep"
expect 1 "output not written to $tmp/all/two.jsonl" -P "$TP" -p words -o "$tmp/all/two.jsonl" "$tmp/bad.txt"
n=$((n + 1))
if cmp -s "$tmp/keep" "$tmp/all/two.jsonl"; then echo "ok: two.jsonl kept"; else echo "FAIL: two.jsonl replaced"; fail=$((fail + 1)); fi
# a killed run leaves only a temporary file, never a half-written FILE.jsonl
printf 'HANGME\n' >"$tmp/docs/z.txt"
"$ANNOTATE" -P "$TP" -p hang -j1 --timeout 0 -o "$tmp/k/run.jsonl" "$tmp/docs" >/dev/null 2>&1 &
pid=$!
sleep 1
kill -9 $pid 2>/dev/null
wait $pid 2>/dev/null
n=$((n + 1))
if [ ! -e "$tmp/k/run.jsonl" ]; then echo "ok: killed run wrote no run.jsonl"; else echo "FAIL: killed run left run.jsonl"; fail=$((fail + 1)); fi
rm "$tmp/docs/z.txt"
# the summary line names the folder, or standard output
expect 0 "; output in $tmp/o6/"  -P "$TP" -p words -o "$tmp/o6" "$tmp/docs/a.txt"
expect 0 "; output on standard output" -P "$TP" -p words -o - "$tmp/docs/a.txt"

echo "$((n - fail)) passed, $fail failed"
[ "$fail" -eq 0 ]
