#!/usr/bin/env python3
"""entities-corpus.py -- how a model changes the bundled corpus's entities.

    entities-corpus.py ANNOTATE PLUGIN_DIR MODEL

Runs `annotate -p entities` with MODEL over the two articles that
tests/golden checks (corpus/alliance-mitsubishi.txt, alliance-tokyo.txt) and
prints every entity span that differs from tests/golden/expected, with a
verdict.  The expected files were read span by span: what they hold is right
except the known errors listed in tests/golden/README.md, whose table gives
the right label.  So a change is

  better  it gives a listed span its right label, or drops a wrong span;
  worse   it changes a span the expected files have right, or adds a wrong
          span where a listed name was missed;
  same    a listed span goes from one wrong label to another.

Meant for choosing a model to ship: issue 14 asks that the bundled corpus
must not get worse.  Run from the source tree's top folder or anywhere:
paths are taken relative to this script.
"""
import json
import os
import re
import subprocess
import sys
import tempfile

DOCS = ("alliance-mitsubishi", "alliance-tokyo")


def known_errors(readme):
    """{(document, span text): right label} from the golden README's table
    of known errors (rows "| document | `span` ... | today | right ... |")."""
    right = {}
    with open(readme, encoding="utf-8") as f:
        for line in f:
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if len(cells) != 4 or cells[0] not in DOCS:
                continue
            span = re.search(r"`([^`]+)`", cells[1])
            label = cells[3].split()[0] if cells[3] else ""
            if span and label in ("PER", "ORG", "LOC", "MISC", "O"):
                right[(cells[0], span.group(1))] = label
    return right


def entity_spans(path):
    """{(start, end): (label, text)} of the entities layer of a JSON file."""
    with open(path, encoding="utf-8") as f:
        spans = json.load(f)["spans"]
    return {(s["start"], s["end"]): (s["label"], s["text"])
            for s in spans if s["layer"] == "entities"}


def verdict(old, new, right):
    """old, new: labels ("O": no span); right: the right label or None."""
    if right is None:
        return "worse"
    if new == right or (old != "O" and new == "O"):
        return "better"
    if old == right or (old == "O" and new != "O"):
        return "worse"
    return "same"


def main():
    if len(sys.argv) != 4:
        sys.stderr.write(__doc__)
        return 2
    annotate, plugdir, model = (os.path.abspath(a) for a in sys.argv[1:4])
    top = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    right = known_errors(os.path.join(top, "tests", "golden", "README.md"))
    counts = {"better": 0, "worse": 0, "same": 0}
    with tempfile.TemporaryDirectory() as out:
        r = subprocess.run([annotate, "-q", "-j1", "-P", plugdir, "-p", "entities",
                            "-O", "entities.model=" + model, "-o", out]
                           + [os.path.join(top, "corpus", d + ".txt") for d in DOCS],
                           stderr=subprocess.PIPE, universal_newlines=True)
        if r.returncode != 0:
            sys.stderr.write(r.stderr)
            return 1
        for d in DOCS:
            gold = entity_spans(os.path.join(top, "tests", "golden", "expected", d + ".ann.json"))
            got = entity_spans(os.path.join(out, d + ".ann.json"))
            for key in sorted(set(gold) | set(got)):
                if gold.get(key) == got.get(key):
                    continue
                text = (gold.get(key) or got.get(key))[1]
                old = gold[key][0] if key in gold else "O"
                new = got[key][0] if key in got else "O"
                v = verdict(old, new, right.get((d, text)))
                counts[v] += 1
                print("%-20s %5d-%-5d %-24s %-5s -> %-5s %s" % (d, key[0], key[1], repr(text), old, new, v))
    print("better %d, worse %d, same %d" % (counts["better"], counts["worse"], counts["same"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
