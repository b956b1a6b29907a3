#!/bin/sh
# test_stdout.sh -- several documents on one standard output (-o -, issue
# 16) stay separable in every format that can stream: json and jsonl give
# one JSON object per line, text and conll start each document with a line
# naming its path.  Runs from the top build folder.

. "$(dirname "$0")/cli_expect.sh"
TP=tests/unit/plugins/.libs

show=$tmp/got

d=$tmp/docs
mkdir "$d"
printf 'Alice met Bob in Paris.\n' >"$d/a.txt"
# no newline at the end: the next document's mark must still start a line
printf 'Carol stayed in Rome' >"$d/b.txt"
printf '# Dave\n\nWrote *Erin* a letter.\n' >"$d/c.md"
docs="$d/a.txt $d/b.txt $d/c.md"

out() { # FORMAT: all three documents with -o - into $tmp/got
    "$ANNOTATE" -P "$TP" -p words -q -j 2 -f "$1" -o - $docs >"$tmp/got" 2>&1
}

# json and jsonl: one object per line, each a document, in input order
for f in json jsonl; do
    out $f
    if command -v python3 >/dev/null 2>&1; then
        verdict=$(python3 -c "
import json, sys
paths = [json.loads(l)['document']['path'] for l in open(sys.argv[1])]
print('yes' if paths == sys.argv[2].split() else paths)" "$tmp/got" "$docs" 2>&1)
    else
        verdict=yes
        [ "$(wc -l <"$tmp/got")" -eq 3 ] || verdict="not 3 lines"
    fi
    if [ "$verdict" = yes ]; then ok "$f: one JSON object a line"; else bad "$f: $verdict"; fi
done

# text: "==> PATH <==" on a line of its own before each document
out text
marks=$(grep -c '^==> .* <==$' "$tmp/got")
if [ "$marks" -eq 3 ] && [ "$(sed -n 1p "$tmp/got")" = "==> $d/a.txt <==" ] &&
    grep -qx "==> $d/c.md <==" "$tmp/got"; then
    ok "text: each document marked"
else
    bad "text: $marks marks"
fi
# splitting at the marks gives back each document's own output file
"$ANNOTATE" -P "$TP" -p words -q -f text -o "$tmp/dir" $docs 2>/dev/null
awk -v dir="$tmp/split" '/^==> .* <==$/ { k++; next } { print > (dir "." k) }' "$tmp/got"
same=yes
k=1
for f in a b c; do
    # the stream ends each document with a newline, which a file may lack
    # (b.txt has none, and the text view of c.md ends at its last word)
    file="$tmp/dir/$f.ann.txt"
    if ! { cat "$file"; [ -n "$(tail -c 1 "$file")" ] && echo; } | cmp -s - "$tmp/split.$k"; then
        same="no ($f)"
    fi
    k=$((k + 1))
done
if [ "$same" = yes ]; then ok "text: split at the marks = the files"; else bad "text: split $same"; fi

# conll: "# newdoc id = PATH" before each document's own comment lines
# (its source, first)
out conll
marks=$(grep -c '^# newdoc id = ' "$tmp/got")
first=$(sed -n 1p "$tmp/got")
after=$(grep -A1 '^# newdoc id = ' "$tmp/got" | grep -c '^# source = ')
if [ "$marks" -eq 3 ] && [ "$first" = "# newdoc id = $d/a.txt" ] && [ "$after" -eq 3 ]; then
    ok "conll: each document marked"
else
    bad "conll: $marks marks, first '$first'"
fi

# written to a folder, the files carry no marks
"$ANNOTATE" -P "$TP" -p words -q -f conll -o "$tmp/dir" $docs 2>/dev/null
if ! grep -q newdoc "$tmp/dir/a.conll" && ! grep -q '^==>' "$tmp/dir/a.ann.txt"; then
    ok "files unmarked"
else
    bad "a mark in a file of the output folder"
fi

echo "$((n - fail)) passed, $fail failed"
[ "$fail" -eq 0 ]
