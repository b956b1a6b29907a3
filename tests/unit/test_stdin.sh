#!/bin/sh
# test_stdin.sh -- `annotate --stdin` (issue 16, "Streaming mode"): JSON
# Lines records in, one answer per input line out, in input order, each with
# its id; a malformed line is answered with an error record naming its line
# and the stream goes on; a plugin that crashes on one record costs that
# record's layer only; the exit status says something failed.  Uses the
# test plugins of tests/unit/plugins (words, crash, aborts).  Runs from the
# top build folder; needs python3 to read the JSON back.

. "$(dirname "$0")/cli_expect.sh"
ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}handle_segv=0"
export ASAN_OPTIONS
TP=tests/unit/plugins/.libs
command -v python3 >/dev/null 2>&1 || { echo "skip: no python3 to read the JSON back"; exit 77; }

show=$tmp/err

# stream STATUS INPUT ARGS...: annotate ARGS < INPUT > $tmp/got, checks the status.
stream() {
    want=$1
    input=$2
    shift 2
    timeout 60 "$ANNOTATE" -P "$TP" "$@" <"$input" >"$tmp/got" 2>"$tmp/err"
    got=$?
    if [ "$got" -eq "$want" ]; then ok "annotate $* < $(basename "$input") exits $want"
    else bad "annotate $* < $(basename "$input"): exit $got, expected $want"; fi
}

# check NAME PYTHON: runs PYTHON with `out` the list of output lines parsed
# (a line that is not JSON fails) and `raw` the lines; it must print "yes".
check() {
    name=$1
    verdict=$(python3 -c "
import json, sys
raw = open(sys.argv[1], encoding='utf-8').read().split('\n')
assert raw[-1] == '', 'the output ends with a newline'
raw = raw[:-1]
out = [json.loads(l) for l in raw]
$2" "$tmp/got" 2>&1)
    if [ "$verdict" = yes ]; then ok "$name"; else bad "$name: $verdict"; fi
}

# --- order_ids: 60 records through two workers come back in input order,
# each carrying its id, whatever JSON value the id is
python3 - "$tmp/many.jsonl" <<'EOF'
import json, sys
with open(sys.argv[1], 'w') as f:
    for i in range(60):
        ident = [i, 'x'] if i % 7 == 0 else ('doc-%d' % i if i % 2 else i)
        f.write(json.dumps({'id': ident, 'text': 'Doc %d met Alice in Paris. ' % i * (1 + i % 5)}) + '\n')
EOF
for j in 1 2; do
    stream 0 "$tmp/many.jsonl" -p words -j $j -q --stdin
    check "order_ids -j $j" "
ins = [json.loads(l) for l in open('$tmp/many.jsonl')]
print('yes' if [o['id'] for o in out] == [r['id'] for r in ins]
      and all(o['spans'] for o in out) else [o['id'] for o in out])"
done
cp "$tmp/got" "$tmp/many.out"
stream 0 "$tmp/many.jsonl" -p words -j 2 -q --no-isolate --stdin
if cmp -s "$tmp/got" "$tmp/many.out"; then ok "no_isolate same output"; else bad "--no-isolate output differs"; fi
# '-' as the only operand is --stdin
stream 0 "$tmp/many.jsonl" -p words -q -
if cmp -s "$tmp/got" "$tmp/many.out"; then ok "dash_operand"; else bad "'-' output differs from --stdin"; fi

# --- same_as_files: a record's spans are those of the same text in a file,
# for each format, and its reference_date reaches the plugins' meta
printf 'Carol met Dave in Rome.\nAnd then Erin.\n' >"$tmp/r.txt"
printf '# Title Here\n\nSome *Bold* words by Frank.\n' >"$tmp/r.md"
printf '<p>Grace &amp; Heidi in <b>Oslo</b>.</p>\n' >"$tmp/r.html"
python3 - "$tmp" <<'EOF'
import json, sys
d = sys.argv[1]
with open(d + '/files.jsonl', 'w') as f:
    for ext, fmt in (('txt', 'txt'), ('md', 'md'), ('html', 'html')):
        f.write(json.dumps({'id': ext, 'text': open('%s/r.%s' % (d, ext)).read(),
                            'format': fmt, 'reference_date': '2021-03-04'}) + '\n')
EOF
"$ANNOTATE" -P "$TP" -p words -q -o - "$tmp/r.txt" "$tmp/r.md" "$tmp/r.html" >"$tmp/files.out" 2>"$tmp/err"
stream 0 "$tmp/files.jsonl" -p words -q --stdin
check same_as_files "
files = [json.loads(l) for l in open('$tmp/files.out')]
same = all(o['spans'] == f['spans'] and o['document']['reader'] == f['document']['reader']
           and o['document']['sha256'] == f['document']['sha256'] for o, f in zip(out, files))
dates = all(o['meta'].get('reference_date') == '2021-03-04' for o in out)
print('yes' if len(out) == 3 and same and dates else (same, dates, len(out)))"

# --- malformed: every bad line gets an error record with its line number,
# the good lines around it are annotated, the exit status is 1
{
    printf '%s\n' '{"id":"a","text":"Alice was here."}'
    printf '%s\n' 'not json at all'
    printf '%s\n' '{"id":"c","text":"Carol too."}'
    printf '\n'
    printf '%s\n' '["an","array"]'
    printf '%s\n' '{"id":"f","format":"txt"}'
    printf '%s\n' '{"id":"g","text":"x","format":"pdf"}'
    printf '%s\n' '{"id":"h","text":"x","reference_date":"2021-02-30"}'
    printf '%s\r\n' '{"id":"i","text":"Ivan ends with CRLF."}'
    printf '%s' '{"id":"j","text":"Judy has no newline."}'
} >"$tmp/bad.jsonl"
stream 1 "$tmp/bad.jsonl" -p words -j 2 --stdin
check malformed "
want = {2: None, 4: None, 5: None, 6: 'f', 7: 'g', 8: 'h'}
errs = {o['line']: o['id'] for o in out if 'error' in o}
docs = [o['id'] for o in out if 'error' not in o]
print('yes' if len(out) == 10 and errs == want and docs == ['a', 'c', 'i', 'j']
      and [o.get('line') for o in out][1] == 2 else (errs, docs))"
if grep -qF 'standard input, line 2: not JSON' "$tmp/err"; then ok "malformed named on stderr"
else bad "stderr lacks the line of the malformed record"; fi
if grep -qF '10 documents (6 failed)' "$tmp/err"; then ok "malformed counted"
else bad "summary line"; fi

# --- crash: a plugin that crashes (SIGSEGV) or aborts on one record costs
# that record's layer; the records after it are whole
python3 - "$tmp/crash.jsonl" <<'EOF'
import json, sys
texts = ['Alice met Bob.', 'Carol wrote SEGVME here.', 'Dave wrote ABORTME there.', 'Eve stayed home.']
with open(sys.argv[1], 'w') as f:
    for i, t in enumerate(texts * 3):
        f.write(json.dumps({'id': i, 'text': t}) + '\n')
EOF
for mode in -j1 -j2; do
    stream 1 "$tmp/crash.jsonl" -p words,crash,aborts $mode --stdin
    check "crash $mode" "
ok = len(out) == 12 and [o['id'] for o in out] == list(range(12))
for o in out:
    t = o['spans'] and o['spans'][0]['text']
    failed = {f['plugin']: f['reason'] for f in o.get('failed', [])}
    want = {'SEGVME': {'crash': 'SIGSEGV'}, 'ABORTME': {'aborts': 'SIGABRT'}}
    key = 'SEGVME' if o['id'] % 4 == 1 else 'ABORTME' if o['id'] % 4 == 2 else None
    ok = ok and failed == want.get(key, {}) and any(s['label'] == 'WORD' for s in o['spans'])
print('yes' if ok else raw)"
done
if grep -qF '1: plugin crash failed (SIGSEGV)' "$tmp/err"; then ok "crash named on stderr"
else bad "stderr lacks the crash"; fi

# --- max_doc_size: a record over --max-doc-size is answered with an error
# record; the next one is annotated
python3 - "$tmp/big.jsonl" <<'EOF'
import json, sys
with open(sys.argv[1], 'w') as f:
    f.write(json.dumps({'id': 'big', 'text': 'Word ' * 250000}) + '\n')
    f.write(json.dumps({'id': 'small', 'text': 'Small Word.'}) + '\n')
EOF
stream 1 "$tmp/big.jsonl" -p words -q --max-doc-size 1 --stdin
check max_doc_size "
print('yes' if len(out) == 2 and 'over --max-doc-size' in out[0].get('error', '')
      and out[0]['id'] == 'big' and out[1]['id'] == 'small' and out[1]['spans'] else raw)"
# a line far over the limit (twice the size plus 1 MiB) is skipped unread
python3 -c "
import json
print(json.dumps({'id': 'huge', 'text': 'Word ' * 700000}))
print(json.dumps({'id': 'after', 'text': 'After Word.'}))" >"$tmp/huge.jsonl"
stream 1 "$tmp/huge.jsonl" -p words -q --max-doc-size 1 --stdin
check long_line "
print('yes' if len(out) == 2 and out[0]['id'] is None and 'line longer than' in out[0]['error']
      and out[0]['line'] == 1 and out[1]['id'] == 'after' else raw)"

# --- interactive: a writer that waits for each answer before the next
# line is answered (a batch never waits for more lines than are there)
verdict=$(python3 - "$ANNOTATE" "$TP" <<'EOF'
import json, subprocess, sys, select
p = subprocess.Popen([sys.argv[1], '-P', sys.argv[2], '-p', 'words', '-q', '--stdin'],
                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
ids = []
for i in range(3):
    p.stdin.write(json.dumps({'id': i, 'text': 'Ping %d from Zoe.' % i}) + '\n')
    p.stdin.flush()
    r, _, _ = select.select([p.stdout], [], [], 20)
    if not r:
        print('no answer to line', i + 1); p.kill(); sys.exit()
    ids.append(json.loads(p.stdout.readline())['id'])
p.stdin.close()
print('yes' if p.wait(20) == 0 and ids == [0, 1, 2] else ids)
EOF
)
if [ "$verdict" = yes ]; then ok interactive; else bad "interactive: $verdict"; fi

# --- empty input: no lines, no output, no failure
: >"$tmp/empty.jsonl"
stream 0 "$tmp/empty.jsonl" -p words -q --stdin
if [ ! -s "$tmp/got" ]; then ok "empty_input"; else bad "empty input gave output"; fi

# --- usage errors
expect 2 "--stdin reads standard input" -P "$TP" -p words --stdin "$tmp/r.txt"
expect 2 "-f text cannot" -P "$TP" -p words --stdin -f text </dev/null
expect 2 "-o $tmp/dir cannot" -P "$TP" -p words --stdin -o "$tmp/dir" </dev/null
expect 2 "--stdin takes no --shard" -P "$TP" -p words --stdin --shard 1/2 </dev/null
expect 0 "" -P "$TP" -p words -q --stdin -f json -o - </dev/null

echo "$((n - fail)) passed, $fail failed"
[ "$fail" -eq 0 ]
