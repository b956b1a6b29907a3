#!/bin/sh
# installcheck.sh -- after `make install`, a plugin author's path works:
# the installed annotate lists the installed plugins, the man page and the
# pkg-config files are in place, and a plugin made with `annotate new-plugin`
# builds against the installed header found with pkg-config, passes its unit
# test on the installed mock host (libannotate-mock), then loads.
#
# Run by `make installcheck` (and so by `make distcheck`) with
#   BINDIR PKGCONFIGDIR INCLUDEDIR MAN1DIR LIBDIR   the installed folders (DESTDIR included)
#   ANN_ENABLED_PLUGINS                      the shipped plugins configure left in
# Skips (77) without a C compiler, pkg-config or GNU make.

set -u
fail() { echo "installcheck: FAIL: $*" >&2; exit 1; }

annotate=$BINDIR/annotate
[ -x "$annotate" ] || fail "no program at $annotate"
[ -f "$MAN1DIR/annotate.1" ] || fail "no man page at $MAN1DIR/annotate.1"
[ -f "$PKGCONFIGDIR/annotate-plugin.pc" ] || fail "no annotate-plugin.pc in $PKGCONFIGDIR"
[ -f "$PKGCONFIGDIR/annotate-mock.pc" ] || fail "no annotate-mock.pc in $PKGCONFIGDIR"
[ -f "$INCLUDEDIR/annotate/plugin.h" ] ||
    fail "no header at $INCLUDEDIR/annotate/plugin.h (found: $(cd "$INCLUDEDIR" 2>/dev/null && find . -name plugin.h))"
[ -f "$INCLUDEDIR/annotate/mock_host.h" ] || fail "no mock host header at $INCLUDEDIR/annotate/mock_host.h"
ls "$LIBDIR"/libannotate-mock.* >/dev/null 2>&1 || fail "no libannotate-mock in $LIBDIR"

# Without DESTDIR the installed program looks in its own pkglibdir, where
# the first plugin configure left in must be listed.
first=${ANN_ENABLED_PLUGINS-example}; first=${first%% *}
if [ -z "${DESTDIR:-}" ] && [ -n "$first" ]; then
    "$annotate" plugins >"${TMPDIR:-/tmp}/annotate-ic.$$" 2>&1 || true
    grep -q "^$first " "${TMPDIR:-/tmp}/annotate-ic.$$" ||
        { cat "${TMPDIR:-/tmp}/annotate-ic.$$"; rm -f "${TMPDIR:-/tmp}/annotate-ic.$$"; fail "installed plugins not listed"; }
    rm -f "${TMPDIR:-/tmp}/annotate-ic.$$"
fi

command -v cc >/dev/null 2>&1 || { echo "installcheck: SKIP: no cc"; exit 77; }
command -v pkg-config >/dev/null 2>&1 || { echo "installcheck: SKIP: no pkg-config"; exit 77; }
make --version 2>/dev/null | grep -q 'GNU Make' || { echo "installcheck: SKIP: no GNU make"; exit 77; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/annotate-ic.XXXXXX") || fail "mktemp"
trap 'rm -rf "$tmp"' EXIT HUP INT TERM
"$annotate" new-plugin icplug "$tmp/icplug" >/dev/null || fail "new-plugin"
PKG_CONFIG_PATH=$PKGCONFIGDIR${PKG_CONFIG_PATH:+:$PKG_CONFIG_PATH}
export PKG_CONFIG_PATH
# Staged under DESTDIR, the library is not where its rpath says yet.
[ -n "${DESTDIR:-}" ] && { PKG_CONFIG_SYSROOT_DIR=$DESTDIR; export PKG_CONFIG_SYSROOT_DIR;
    LD_LIBRARY_PATH=$LIBDIR${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}; export LD_LIBRARY_PATH; }
(cd "$tmp/icplug" && env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make -s CC=cc CFLAGS="-O2 ${ANN_SAN_LDFLAGS:-}" all check) \
    >"$tmp/log" 2>&1 || { cat "$tmp/log"; fail "the scaffold does not build and pass its test against the installed header and mock host"; }
grep -q '^all passed$' "$tmp/log" || { cat "$tmp/log"; fail "the scaffold's test did not pass"; }
"$annotate" plugins -P "$tmp/icplug" >"$tmp/list" 2>&1 || { cat "$tmp/list"; fail "annotate plugins -P"; }
grep -q '^icplug ' "$tmp/list" || { cat "$tmp/list"; fail "the new plugin is not listed"; }
echo "installcheck: PASS: installed program, man page, headers, pkg-config files, mock host; a new plugin builds, passes its test and loads"
