# cli_expect.sh -- what the CLI test scripts share; sourced, not run.  Sets
# ANNOTATE (unless given), the counters n and fail, and tmp, a scratch folder
# removed at exit (made writable first: tests take rights away).

ANNOTATE=${ANNOTATE:-./annotate}
fail=0
n=0
tmp=$(mktemp -d "${TMPDIR:-/tmp}/ann-cli-XXXXXX") || exit 99
trap 'chmod -R u+w "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT

# expect STATUS PATTERN ARGS... : runs annotate, checks the exit status and
# that stderr+stdout contain PATTERN (a fixed string; empty: anything).
expect() {
    want=$1
    pattern=$2
    shift 2
    n=$((n + 1))
    "$ANNOTATE" "$@" >"$tmp/out" 2>&1
    got=$?
    if [ "$got" -ne "$want" ]; then
        echo "FAIL: annotate $*: exit $got, expected $want"
        sed 's/^/    /' "$tmp/out"
        fail=$((fail + 1))
    elif [ -n "$pattern" ] && ! grep -qF -- "$pattern" "$tmp/out"; then
        echo "FAIL: annotate $*: output lacks '$pattern'"
        sed 's/^/    /' "$tmp/out"
        fail=$((fail + 1))
    else
        echo "ok: annotate $*"
    fi
}

# lacks PATTERN : the output of the last expect does not contain PATTERN.
lacks() {
    n=$((n + 1))
    if grep -qF -- "$1" "$tmp/out"; then
        echo "FAIL: the output has '$1':"
        sed 's/^/    /' "$tmp/out"
        fail=$((fail + 1))
    else
        echo "ok: no '$1'"
    fi
}

# ok NAME / bad NAME: count a check that passed or failed; bad shows the file
# $show (default: $tmp/out, where expect leaves the output).
ok() {
    n=$((n + 1))
    echo "ok: $1"
}
bad() {
    n=$((n + 1))
    fail=$((fail + 1))
    echo "FAIL: $1"
    [ -f "${show:-$tmp/out}" ] && sed 's/^/    /' "${show:-$tmp/out}"
}
