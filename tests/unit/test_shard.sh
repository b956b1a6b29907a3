#!/bin/sh
# test_shard.sh -- --shard K/N (issue 16, "Beyond one machine"): the shards
# of a folder are disjoint and together give exactly the files of one run
# over all, whatever the order of the arguments; an empty shard is no
# error; a malformed K/N is a usage error.  Runs from the top build folder.

. "$(dirname "$0")/cli_expect.sh"
TP=tests/unit/plugins/.libs

run() {
    timeout 20 "$ANNOTATE" -P "$TP" -p words "$@" >"$tmp/out" 2>&1
    status=$?
}

# A corpus of two folders; a.txt and a.md share a stem, so their outputs
# keep the extension in a run over all, and must in each shard too.
mkdir -p "$tmp/c/one/sub" "$tmp/c/two"
i=1
while [ $i -le 30 ]; do
    printf 'Document %s met Carlos in Tokyo.\n' $i >"$tmp/c/one/d$i.txt"
    printf 'Page %s of Rome.\n' $i >"$tmp/c/two/p$i.md"
    i=$((i + 1))
done
printf 'Text from Paris.\n' >"$tmp/c/one/sub/a.txt"
printf 'Markdown from Oslo.\n' >"$tmp/c/one/sub/a.md"
total=62

run -o "$tmp/all" "$tmp/c/one" "$tmp/c/two"
if [ $status -eq 0 ]; then ok all_run; else bad "all_run: exit $status"; fi
(cd "$tmp/all" && find . -type f ! -name .annotate.lock | sort) >"$tmp/all.list"

# --- cover: shards 1..N are disjoint and their union is the run over all,
# file by file and byte for byte, for several N; even shards use the other
# order of the arguments
for N in 1 2 3 7; do
    K=1
    : >"$tmp/union.list"
    rm -rf "$tmp/union"
    mkdir -p "$tmp/union"
    while [ $K -le $N ]; do
        if [ $((K % 2)) -eq 0 ]; then
            run --shard $K/$N -o "$tmp/s$N-$K" "$tmp/c/two" "$tmp/c/one"
        else
            run --shard $K/$N -o "$tmp/s$N-$K" "$tmp/c/one" "$tmp/c/two"
        fi
        [ $status -eq 0 ] || bad "shard_$K/$N: exit $status"
        (cd "$tmp/s$N-$K" && find . -type f ! -name .annotate.lock) >>"$tmp/union.list"
        (cd "$tmp/s$N-$K" && tar cf - --exclude=.annotate.lock .) | (cd "$tmp/union" && tar xf -)
        K=$((K + 1))
    done
    dups=$(sort "$tmp/union.list" | uniq -d | wc -l)
    got=$(sort -u "$tmp/union.list" | wc -l)
    if [ "$dups" -eq 0 ] && [ "$got" -eq $total ] && sort "$tmp/union.list" | cmp -s - "$tmp/all.list"; then
        ok "cover_$N: $got files, none twice"
    else
        bad "cover_$N: $got distinct files of $total, $dups in two shards"
    fi
    if diff -r -x .annotate.lock "$tmp/all" "$tmp/union" >"$tmp/out" 2>&1; then
        ok "same_bytes_$N"
    else
        bad "same_bytes_$N"
    fi
done

# --- mount_point: the same corpus seen under another path is split alike
cp -r "$tmp/c" "$tmp/elsewhere"
run --shard 2/3 -o "$tmp/m" "$tmp/elsewhere/one" "$tmp/elsewhere/two"
# (the outputs record the document's path, so the file lists are compared)
if [ $status -eq 0 ] && [ "$(cd "$tmp/s3-2" && find . | sort)" = "$(cd "$tmp/m" && find . | sort)" ]; then
    ok mount_point
else
    bad "mount_point: exit $status or other files"
fi

# --- stdout: -o - takes the same split (one JSON line per document)
: >"$tmp/lines"
for K in 1 2 3; do
    timeout 20 "$ANNOTATE" -P "$TP" -p words -q --shard $K/3 -o - "$tmp/c/one" "$tmp/c/two" \
        >>"$tmp/lines" 2>"$tmp/out"
done
if [ "$(wc -l <"$tmp/lines")" -eq $total ]; then ok stdout_cover
else bad "stdout_cover: $(wc -l <"$tmp/lines") lines, expected $total"; fi

# --- empty_shard: a shard with no document is no error (a job array over a
# small corpus)
printf 'One file.\n' >"$tmp/single.txt"
empty=
for K in 1 2 3 4 5 6 7 8; do
    run --shard $K/8 -o "$tmp/e$K" "$tmp/single.txt"
    [ $status -eq 0 ] || bad "empty_shard_$K: exit $status"
    grep -q "holds none of the 1 documents" "$tmp/out" && empty=$K
done
if [ -n "$empty" ]; then ok "empty_shard ($empty/8)"; else bad "empty_shard: every shard took the file"; fi

# --- pinned: the hash is part of the interface (machines running different
# versions in one job array must agree), so a few placements are fixed here
for case in "sub/a.txt 2 1" "sub/a.md 2 2" "sub/a.txt 7 3" "sub/a.md 7 7"; do
    set -- $case
    got=
    K=1
    while [ $K -le "$2" ]; do
        timeout 20 "$ANNOTATE" -P "$TP" -p words -q --shard $K/"$2" -o - "$tmp/c/one" 2>/dev/null |
            grep -qF "\"path\":\"$tmp/c/one/$1\"" && got="$got$K"
        K=$((K + 1))
    done
    if [ "$got" = "$3" ]; then ok "pinned $1 in $3/$2"; else bad "pinned $1: shard '$got' of $2, expected $3"; fi
done

# --- slurm: --shard slurm takes K/N from a job array task's environment,
# whatever the first index and the step (--array=0-2, 1-3, 0-20:10)
for case in "0 0 1 3 2" "1 1 1 3 3" "2 1 1 3 3" "20 0 10 3 20"; do
    set -- $case
    want=$(( ($1 - $2) / $3 + 1 ))
    SLURM_ARRAY_TASK_ID=$1 SLURM_ARRAY_TASK_MIN=$2 SLURM_ARRAY_TASK_STEP=$3 \
        SLURM_ARRAY_TASK_COUNT=$4 SLURM_ARRAY_TASK_MAX=$5 \
        timeout 20 "$ANNOTATE" -P "$TP" -p words -q --shard slurm -o - "$tmp/c/one" \
        >"$tmp/slurm.out" 2>"$tmp/out"
    timeout 20 "$ANNOTATE" -P "$TP" -p words -q --shard $want/$4 -o - "$tmp/c/one" \
        >"$tmp/kn.out" 2>>"$tmp/out"
    if [ -s "$tmp/kn.out" ] && cmp -s "$tmp/slurm.out" "$tmp/kn.out"; then
        ok "slurm task $1 of $2..$5 by $3 is $want/$4"
    else
        bad "slurm task $1 of $2..$5 by $3: not --shard $want/$4"
    fi
done
# unset, malformed, or unevenly spaced (--array=1,3,7): a usage error
expect 2 "--shard slurm: SLURM_ARRAY_TASK_ID is not set" --shard slurm "$tmp/single.txt"
export SLURM_ARRAY_TASK_ID=3 SLURM_ARRAY_TASK_MIN=1 SLURM_ARRAY_TASK_MAX=7 SLURM_ARRAY_TASK_COUNT=3
expect 2 "not evenly spaced" --shard slurm "$tmp/single.txt"
SLURM_ARRAY_TASK_ID=x expect 2 "SLURM_ARRAY_TASK_ID is not a whole number" --shard slurm "$tmp/single.txt"
unset SLURM_ARRAY_TASK_ID SLURM_ARRAY_TASK_MIN SLURM_ARRAY_TASK_MAX SLURM_ARRAY_TASK_COUNT

# --- usage: malformed K/N exit 2 with a message
for spec in 0/3 4/3 x/y 1/0 3 1/3x -1/3 " 1/3" 1/ /3 ""; do
    expect 2 "--shard $spec: expected K/N" --shard "$spec" "$tmp/single.txt"
done

echo "$((n - fail)) passed, $fail failed"
[ "$fail" -eq 0 ]
