#!/bin/sh
# test_plugin_load.sh -- plugins are code, loaded with care (issue 13, item 5):
# a plugin file or folder that others can write to is refused unless
# --trust-plugin-path is given; a plugin shadowing a shipped one is named;
# one junk .so neither aborts a run nor the listing; only the plugins a run
# names are opened; a -P folder that does not exist is warned about;
# `annotate plugins -O` opens the plugins, so a bad option or model shows.
# Runs from the top build folder (automake runs tests there).

. "$(dirname "$0")/cli_expect.sh"
TP=$(pwd)/tests/unit/plugins/.libs
SHIPPED=${SHIPPED:-$(pwd)/plugins/.libs}

printf 'Luca met Carlos in Tokyo.\n' >"$tmp/a.txt"

# A folder everyone can write to: anyone could drop a plugin there.
mkdir "$tmp/open"
cp "$TP/words.so" "$tmp/open/"
chmod 777 "$tmp/open"
expect 2 "$tmp/open/words.so: refused: its folder $tmp/open is writable by everyone" \
    -P "$tmp/open" -p words -o "$tmp/o1" "$tmp/a.txt"
expect 2 "--trust-plugin-path"     -P "$tmp/open" -p words -o "$tmp/o1" "$tmp/a.txt"
expect 0 ""                        --trust-plugin-path -P "$tmp/open" -p words -q -o "$tmp/o1" "$tmp/a.txt"
# the listing names it and does not load it
expect 1 "$tmp/open/words.so: refused" plugins -P "$tmp/open"
lacks "words 1.2.3"

# A plugin file everyone can write to, in a safe folder.
mkdir "$tmp/wfile"
cp "$TP/words.so" "$tmp/wfile/"
chmod 666 "$tmp/wfile/words.so"
expect 2 "$tmp/wfile/words.so: refused: the file is writable by everyone" \
    -P "$tmp/wfile" -p words -o "$tmp/o2" "$tmp/a.txt"

# A safe link to a file in an open folder is refused too.
mkdir "$tmp/link"
ln -s "$tmp/open/words.so" "$tmp/link/words.so"
expect 2 "is writable by everyone" -P "$tmp/link" -p words -o "$tmp/o2" "$tmp/a.txt"

# Owned by another user who is not root (only root can make such a file).
if [ "$(id -u)" = 0 ] && id nobody >/dev/null 2>&1; then
    mkdir "$tmp/other"
    cp "$TP/words.so" "$tmp/other/"
    chown nobody "$tmp/other/words.so"
    expect 2 "who is neither root nor you" -P "$tmp/other" -p words -o "$tmp/o3" "$tmp/a.txt"
    expect 0 ""                        --trust-plugin-path -P "$tmp/other" -p words -q -o "$tmp/o3" "$tmp/a.txt"
else
    echo "skip: not root, cannot make a file owned by another user"
fi

# A plugin of a shipped plugin's name earlier on the path shadows it.
mkdir "$tmp/shadow"
cp "$SHIPPED/numbers.so" "$tmp/shadow/"
expect 0 "$tmp/shadow/numbers.so shadows the shipped plugin $SHIPPED/numbers.so" \
    -P "$tmp/shadow" -p numbers -o "$tmp/o4" "$tmp/a.txt"
expect 0 "shadows:     $SHIPPED/numbers.so" plugins -P "$tmp/shadow"

# One junk .so among good plugins: named and skipped, the run goes on.
mkdir "$tmp/junk"
printf 'not a shared object\n' >"$tmp/junk/junk.so"
ln -s "$TP/words.so" "$tmp/junk/words.so"
expect 0 "$tmp/junk/junk.so: cannot load" -P "$tmp/junk" -o "$tmp/o5" "$tmp/a.txt"
expect 0 "skipped"                 -P "$tmp/junk" -o "$tmp/o5" "$tmp/a.txt"
n=$((n + 1))
if grep -q '"layer": *"words"' "$tmp/o5/a.ann.json" 2>/dev/null; then
    echo "ok: the good plugins ran"
else
    echo "FAIL: no words layer in $tmp/o5/a.ann.json"
    fail=$((fail + 1))
fi
# the listing goes on past it, and says it failed
expect 1 "words 1.2.3 - capitalised words" plugins -P "$tmp/junk"
expect 1 "$tmp/junk/junk.so: cannot load" plugins -P "$tmp/junk"
# a run that names its plugins opens only those
expect 0 ""                        -P "$tmp/junk" -p words -o "$tmp/o6" "$tmp/a.txt"
lacks "junk.so"

# A -P folder that does not exist.
expect 0 "warning: -P $tmp/nowhere: No such file or directory" \
    -P "$tmp/nowhere" -P "$TP" -p words -o "$tmp/o7" "$tmp/a.txt"

# `annotate plugins -O` opens the plugins with the options.
mkdir "$tmp/clean"
ln -s "$TP/words.so" "$TP/pairs.so" "$tmp/clean/"
expect 2 "mode must be cap or all" plugins -P "$tmp/clean" -O words.mode=loud
expect 2 "valid keys: mode, min"   plugins -P "$tmp/clean" -O words.bogus=1
expect 0 "words 1.2.3"             plugins -P "$tmp/clean" -O words.mode=all
expect 2 "cannot open model $tmp/no-model" plugins -p entities -O "entities.model=$tmp/no-model"

echo "$((n - fail)) passed, $fail failed"
[ "$fail" -eq 0 ]
