#!/bin/sh
# test_cli.sh -- the annotate program's command line (issue 2): bad arguments
# exit 2 with a message, a plugin built for another ABI is refused naming the
# file and both versions, a document with invalid UTF-8 among good ones gives
# exit 1 while the others are written, `annotate plugins` lists plugins.
# Runs from the top build folder (automake runs tests there).

. "$(dirname "$0")/cli_expect.sh"
TP=tests/unit/plugins/.libs

printf 'Luca met Carlos in Tokyo.\n' >"$tmp/good.txt"
printf 'Second GOOD file, Paris.\n' >"$tmp/good2.txt"
printf 'bad \377 byte\n' >"$tmp/bad.txt"

# usage errors: exit 2
expect 2 "no input files"          -P "$TP" -p words -o "$tmp/o"
expect 2 "unknown option"          --no-such-option "$tmp/good.txt"
expect 2 "needs an argument"       "$tmp/good.txt" -p
expect 2 "-j 0"                    -P "$TP" -p words -j 0 "$tmp/good.txt"
expect 2 "-j many"                 -P "$TP" -p words -j many "$tmp/good.txt"
expect 2 "2023-02-30"              -P "$TP" -p words --reference-date 2023-02-30 "$tmp/good.txt"
expect 2 "2023-2-3"                -P "$TP" -p words --reference-date 2023-2-3 "$tmp/good.txt"
expect 2 "default, all"            -P "$TP" -p words --merge bogus "$tmp/good.txt"
expect 2 "valid: json, jsonl"      -P "$TP" -p words -f xml "$tmp/good.txt"
expect 2 "no plugin 'nosuch'"      -P "$TP" -p nosuch "$tmp/good.txt"
expect 2 "valid keys: mode, min"   -P "$TP" -p words -O words.bogus=1 "$tmp/good.txt"
expect 2 "PLUGIN.KEY=VALUE"        -P "$TP" -p words -O words "$tmp/good.txt"
expect 2 "no plugin 'nope'"        -P "$TP" -p words -O nope.x=1 "$tmp/good.txt"
expect 2 "unexpected argument"     plugins extra

# configuration errors name the plugin file: exit 2
expect 2 "$TP/wrongabi.so: built for plugin ABI 99, this annotate supports 1..4" -P "$TP" -p wrongabi "$tmp/good.txt"
expect 2 "$TP/noentry.so: no entry function ann_plugin_noentry" -P "$TP" -p noentry "$tmp/good.txt"
expect 2 "$TP/failopen.so: plugin failopen failed to open: cannot read model missing.bin" -P "$TP" -p failopen "$tmp/good.txt"
expect 2 "cycle"                   -P "$TP" -p cyca "$tmp/good.txt"
expect 2 "needs the layer 'ghost'" -P "$TP" -p needsghost "$tmp/good.txt"
expect 2 "mode must be cap or all" -P "$TP" -p words -O words.mode=loud "$tmp/good.txt"

# ABI 3: labels, a need and the layer name declared in open() from options
expect 0 '"layer":"caps","label":"CAP","text":"Luca"' -P "$TP" -p declares -O declares.labels=CAP \
    -O declares.layer=caps -O declares.need=words -f jsonl -o - "$tmp/good.txt"
expect 0 '"declares.seen":"3"'      -P "$TP" -p declares -O declares.need=words -f jsonl -o - "$tmp/good.txt"
expect 0 '"layer":"words"'          -P "$TP" -p declares -O declares.need=words -f jsonl -o - "$tmp/good.txt"
expect 2 "declares.so: plugin declares failed to open: declare_label: 'a b' is not a label" \
    -P "$TP" -p declares -O "declares.labels=a b" "$tmp/good.txt"
expect 2 "the layer name 'words' is taken" -P "$TP" -p words,declares -O declares.layer=words "$tmp/good.txt"
# -p NAME:PATH opens an instance of NAME of its own with NAME.file=PATH
# (declares takes the file's name as its layer and, in capitals, its label):
# one item is one layer, as before; two items are two layers, each with its
# own labels, both listed with the plugin behind them.
expect 0 '"layer":"alpha","label":"ALPHA","text":"Luca"' -P "$TP" -p declares:alpha -f jsonl -o - "$tmp/good.txt"
expect 0 '{"name":"alpha","plugin":"declares",' -P "$TP" -p declares:alpha -f jsonl -o - "$tmp/good.txt"
lacks '"name":"declares"'
expect 0 '"layer":"alpha","label":"ALPHA","text":"Luca"' -P "$TP" -p declares:alpha -p declares:beta -f jsonl -o - "$tmp/good.txt"
expect 0 '"layer":"beta","label":"BETA","text":"Luca"' -P "$TP" -p declares:alpha,declares:beta -f jsonl -o - "$tmp/good.txt"
expect 0 '{"name":"alpha","plugin":"declares","version":"0.0.1"},{"name":"beta","plugin":"declares"' \
    -P "$TP" -p declares:alpha,declares:beta -f jsonl -o - "$tmp/good.txt"
lacks '"attrs":{"layer"'
# -O NAME.KEY reaches every instance; the same item twice is one instance
expect 0 '"layer":"beta","label":"X"' -P "$TP" -p declares:alpha -p declares:beta -O declares.labels=X -f jsonl -o - "$tmp/good.txt"
expect 0 '{"name":"alpha","plugin":"declares","version":"0.0.1"}]' -P "$TP" -p declares:alpha -p declares:alpha -f jsonl -o - "$tmp/good.txt"
# needs and run order still hold between instances and other plugins
expect 0 '"declares.seen":"3"' -P "$TP" -p declares:alpha -p declares:beta -O declares.need=words -f jsonl -o - "$tmp/good.txt"
# two instances with one layer name: a usage error naming both
expect 2 "-p declares:beta: the layer name 'same' is taken by -p declares:alpha" \
    -P "$TP" -p declares:alpha,declares:beta -O declares.layer=same "$tmp/good.txt"
expect 2 "the layer name 'words' is taken by" -P "$TP" -p words,declares:words "$tmp/good.txt"
# NAME:PATH for a plugin without an option `file`
expect 2 "-p words:x: plugin words has no option 'file'" -P "$TP" -p words:x "$tmp/good.txt"
# a crash of one instance in a worker costs only its layer
expect 1 '"layer":"alpha","label":"ALPHA"' -P "$TP" -p declares:alpha,declares:beta -O declares.crash=beta \
    -j1 -f jsonl -o - "$tmp/good.txt"
expect 1 'plugin beta' -P "$TP" -p declares:alpha,declares:beta -O declares.crash=beta -j1 -f jsonl -o - "$tmp/good.txt"
lacks '"layer":"beta"'
# an ABI 1 plugin runs next to it
expect 0 '"layer":"abione"'         -P "$TP" -p abione,declares -O declares.labels=CAP -f jsonl -o - "$tmp/good.txt"

# help and version: exit 0
expect 0 "--reference-date"        --help
expect 0 "annotate "               --version
# `annotate plugins` lists what loads and names what does not (exit 1)
expect 1 "wrongabi.so: built for plugin ABI 99" plugins -P "$TP"
expect 1 "words.mode=cap"          plugins -P "$TP"
mkdir "$tmp/clean"
ln -s "$(pwd)/$TP/words.so" "$(pwd)/$TP/pairs.so" "$tmp/clean/"
expect 0 "words 1.2.3 - capitalised words" plugins -P "$tmp/clean"
expect 0 "needs:       words"      plugins -P "$tmp/clean"
# a plugin's merge rule is part of what `plugins` describes
case " ${ANN_ENABLED_PLUGINS-dates} " in
    *" dates "*) expect 0 "subsumes:    numbers" plugins ;;
esac
expect 0 "words 1.2.3 - capitalised words" -P "$tmp/clean" plugins

# a bad document among good ones: exit 1, named with its byte offset,
# the good ones written
expect 1 "$tmp/bad.txt: invalid UTF-8 at byte 4" -P "$TP" -p words -o "$tmp/o1" "$tmp/good.txt" "$tmp/bad.txt" "$tmp/good2.txt"
n=$((n + 1))
if [ -f "$tmp/o1/good.ann.json" ] && [ -f "$tmp/o1/good2.ann.json" ] && [ ! -e "$tmp/o1/bad.ann.json" ]; then
    echo "ok: good outputs written, bad one not"
else
    echo "FAIL: outputs: $(ls "$tmp/o1" 2>&1)"
    fail=$((fail + 1))
fi

# the summary line, and -q silencing it
expect 0 "annotate: 2 documents (0 failed)" -P "$TP" -p words -o "$tmp/o2" "$tmp/good.txt" "$tmp/good2.txt"
n=$((n + 1))
if "$ANNOTATE" -P "$TP" -p words -q -o "$tmp/o3" "$tmp/good.txt" >"$tmp/out" 2>&1 && [ ! -s "$tmp/out" ]; then
    echo "ok: -q is quiet"
else
    echo "FAIL: -q printed: $(cat "$tmp/out")"
    fail=$((fail + 1))
fi

# --timings prints a header with the units, one line per plugin and the
# host, and figures that add up: the wall seconds of all rows are at most
# the run's wall time times the workers
expect 0 "timing: words "          -P "$TP" -p words --timings -o "$tmp/o4" "$tmp/good.txt"
expect 0 "timing: host "           -P "$TP" -p words --timings -o "$tmp/o4" "$tmp/good.txt"
for mode in "" --no-isolate; do
    expect 0 "timing: plugin            cpu_s     wall_s       MB/s" -P "$TP" -p words,pairs $mode --timings -j2 -o "$tmp/o4" "$tmp/good.txt" "$tmp/good2.txt"
    n=$((n + 1))
    if awk '$2 == "total" { w = $4 } $2 == "run" { r = $NF == "s" ? $(NF - 1) : $NF }
            $2 == "words" || $2 == "pairs" || $2 == "host" { s += $4; if ($3 > $4 + 0.01) bad = 1 }
            END { exit !(w != "" && r != "" && w <= r + 0.001 && (s - w) < 0.0001 && (s - w) > -0.0001 && !bad) }' "$tmp/out"; then
        echo "ok: --timings $mode adds up"
    else
        echo "FAIL: --timings $mode does not add up:"; sed 's/^/    /' "$tmp/out"; fail=$((fail + 1))
    fi
done

# help of each command, the version's copyright and licence, where to
# report bugs
expect 0 "Report bugs"             --help
expect 0 "Copyright (C)"           --version
expect 0 "Licence: MIT"            --version
expect 0 "usage: annotate plugins" plugins --help
lacks "FILE|DIR..."
expect 0 "usage: annotate plugins" plugins -P "$TP" -h
expect 0 "usage: annotate view"    view --help
expect 0 "usage: annotate stats"   stats --help

# a plugin that reads a layer it does not need gets one warning that names
# it, however many documents and workers
expect 0 "plugin peeks asked host->spans() for the layer 'words'" -P "$TP" -p words,peeks -j2 -o "$tmp/o7" "$tmp/good.txt" "$tmp/good2.txt"
n=$((n + 1))
if [ "$(grep -c "plugin peeks asked" "$tmp/out")" -eq 1 ]; then echo "ok: warned once"; else echo "FAIL: warned $(grep -c "plugin peeks asked" "$tmp/out") times"; fail=$((fail + 1)); fi
expect 0 "a layer that is neither its own nor in its needs" -P "$TP" -p peeks -o "$tmp/o7" "$tmp/good.txt"
expect 0 ""                        -P "$TP" -p words,pairs -o "$tmp/o7" "$tmp/good.txt"
lacks "asked host->spans()"

# reference dates: a Markdown front matter's date: is the reference date;
# falling back to today warns once, with the number of documents
case " ${ANN_ENABLED_PLUGINS-dates} " in
*" dates "*)
    printf -- '---\ntitle: A note\ndate: "2021-03-04T10:00:00Z"\n---\n\nWe met yesterday.\n' >"$tmp/fm.md"
    printf 'We met yesterday.\n' >"$tmp/y1.txt"
    printf 'They left yesterday.\n' >"$tmp/y2.txt"
    expect 0 "2 documents had no reference date" -p dates -o "$tmp/o8" "$tmp/fm.md" "$tmp/y1.txt" "$tmp/y2.txt"
    n=$((n + 1))
    if [ "$(grep -c "no reference date" "$tmp/out")" -eq 1 ] &&
        grep -qF '"reference_date":"2021-03-04","reference_date_source":"front-matter"' "$tmp/o8/fm.ann.json" &&
        grep -qF '"value":"2021-03-03"' "$tmp/o8/fm.ann.json"; then
        echo "ok: front-matter date used, one warning for the other two"
    else
        echo "FAIL: reference dates:"; sed 's/^/    /' "$tmp/out"; cat "$tmp/o8/fm.ann.json"; fail=$((fail + 1))
    fi
    expect 0 "" -p dates --reference-date 2020-01-01 -o "$tmp/o8" "$tmp/y1.txt"
    lacks "no reference date"
    ;;
esac

# -o - streams one line per document, in input order
n=$((n + 1))
"$ANNOTATE" -P "$TP" -p words -q -o - -f jsonl "$tmp/good.txt" "$tmp/good2.txt" >"$tmp/stream" 2>"$tmp/err"
lines=$(wc -l <"$tmp/stream")
first=$(head -n 1 "$tmp/stream" | grep -c '"path":"'"$tmp"'/good.txt"')
if [ "$lines" -eq 2 ] && [ "$first" -eq 1 ]; then
    echo "ok: -o - gives 2 lines in order"
else
    echo "FAIL: -o - gave $lines lines:"; cat "$tmp/stream" "$tmp/err"; fail=$((fail + 1))
fi

# a folder argument stands for the documents below it
mkdir -p "$tmp/tree/sub"
cp "$tmp/good.txt" "$tmp/tree/sub/a.txt"
printf '# Title\n\nSome *Markdown* here.\n' >"$tmp/tree/b.md"
printf 'ignored\n' >"$tmp/tree/c.json"
expect 0 "2 documents"             -P "$TP" -p words -o "$tmp/o5" "$tmp/tree"

echo "$((n - fail)) passed, $fail failed"
[ "$fail" -eq 0 ]
