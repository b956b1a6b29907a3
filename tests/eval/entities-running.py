#!/usr/bin/env python3
"""entities-running.py -- entity F1 through `annotate` on running text.

    entities-running.py ANNOTATE PLUGIN_DIR FILE.conll [MODEL]

The CoNLL file is rebuilt as running text, one document (-DOCSTART-) per
file, each sentence's tokens joined by single spaces, in two layouts:

  blank    sentences separated by a blank line (each one a paragraph);
  newline  sentences separated by a single newline, as the documents come
           (headlines, bylines and datelines are lines of their own).

`annotate -p entities` runs over each layout; its spans are scored against
the gold spans mapped to the same text (exact start, end and label, micro
precision/recall/F1).  MODEL, when given, replaces the plugin's model
(-O entities.model=MODEL).  The second layout is what the host's sentence
splitter has to cut by itself, so the gap between the two figures is the
cost of its line-break decisions.
"""
import json
import os
import subprocess
import sys
import tempfile


def read_docs(path):
    """Returns a list of documents; a document is a list of sentences; a
    sentence is a list of (word, tag) pairs (IOB1 or IOB2 tags)."""
    docs, doc, sent = [], [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip():
                if sent:
                    doc.append(sent)
                    sent = []
                continue
            cols = line.split()
            if cols[0] == "-DOCSTART-":
                if sent:
                    doc.append(sent)
                    sent = []
                if doc:
                    docs.append(doc)
                doc = []
                continue
            sent.append((cols[0], cols[-1]))
    if sent:
        doc.append(sent)
    if doc:
        docs.append(doc)
    return docs


def chunks(tags):
    """(first, last+1, label) token ranges of the entities of one sentence;
    an I- tag whose label differs from the previous one starts a new chunk
    (IOB1 as CoNLL-2003 gives it)."""
    out, start, label = [], None, None
    for i, t in enumerate(tags + ["O"]):
        if t == "O" or t.startswith("B-") or t[2:] != label:
            if start is not None:
                out.append((start, i, label))
                start, label = None, None
            if t != "O":
                start, label = i, t[2:]
    return out


def build(doc, sep):
    """The document's text and its gold spans as (start, end, label) byte
    offsets (the text is ASCII in CoNLL-2003, but offsets are taken on the
    UTF-8 bytes all the same)."""
    parts, gold, pos = [], set(), 0
    for si, sent in enumerate(doc):
        if si:
            parts.append(sep)
            pos += len(sep.encode())
        offs = []
        for wi, (w, _) in enumerate(sent):
            if wi:
                parts.append(" ")
                pos += 1
            b = len(w.encode())
            offs.append((pos, pos + b))
            parts.append(w)
            pos += b
        for a, e, lab in chunks([t for _, t in sent]):
            gold.add((offs[a][0], offs[e - 1][1], lab))
    return "".join(parts) + "\n", gold


def score(annotate, plugdir, docs, sep, tmp, model):
    gold = {}
    d = os.path.join(tmp, "blank" if sep == "\n\n" else "newline")
    os.makedirs(d)
    for i, doc in enumerate(docs):
        text, g = build(doc, sep)
        name = os.path.join(d, "doc%05d.txt" % i)
        with open(name, "w", encoding="utf-8") as f:
            f.write(text)
        gold[name] = g
    opts = ["-O", "entities.model=" + model] if model else []
    r = subprocess.run([annotate, "-P", plugdir, "-p", "entities", "-j", "2", "-o", "-",
                        "-f", "jsonl"] + opts + [d], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       check=True)
    tp = n_pred = n_gold = 0
    seen = set()
    for line in r.stdout.decode().splitlines():
        o = json.loads(line)
        path = o["document"]["path"]
        seen.add(path)
        pred = {(s["start"], s["end"], s["label"]) for s in o["spans"]
                if s["layer"] == "entities"}
        g = gold.get(path, set())
        tp += len(pred & g)
        n_pred += len(pred)
        n_gold += len(g)
    for path, g in gold.items():
        if path not in seen:
            n_gold += len(g)
    p = tp / n_pred if n_pred else 0.0
    rc = tp / n_gold if n_gold else 0.0
    f = 2 * p * rc / (p + rc) if p + rc else 0.0
    return p, rc, f, n_gold


def main():
    if len(sys.argv) not in (4, 5):
        sys.exit("usage: entities-running.py ANNOTATE PLUGIN_DIR FILE.conll [MODEL]")
    annotate, plugdir, path = sys.argv[1:4]
    model = sys.argv[4] if len(sys.argv) == 5 else None
    docs = read_docs(path)
    with tempfile.TemporaryDirectory() as tmp:
        res = {}
        for name, sep in (("blank lines", "\n\n"), ("single newlines", "\n")):
            p, r, f, n = score(annotate, plugdir, docs, sep, tmp, model)
            res[name] = f
            print("running text, sentences separated by %-15s P %5.2f  R %5.2f  F1 %5.2f"
                  "  (%d gold, %d documents)" % (name + ":", 100 * p, 100 * r, 100 * f, n,
                                                  len(docs)))
        print("running text: single-newline F1 minus blank-line F1: %+.2f"
              % (100 * (res["single newlines"] - res["blank lines"])))


if __name__ == "__main__":
    main()
