"""Checks a JSON Lines output of annotate: one object per line, and every
span's `text` equal to the original file's bytes at [start, end)."""
import json
import sys

path, expected_docs = sys.argv[1], int(sys.argv[2])
docs = 0
with open(path, encoding="utf-8") as f:
    for line in f:
        doc = json.loads(line)
        docs += 1
        with open(doc["document"]["path"], "rb") as g:
            data = g.read()
        assert len(data) == doc["document"]["size"], "size differs"
        for s in doc["spans"]:
            got = data[s["start"]:s["end"]].decode("utf-8")
            if got != s["text"]:
                sys.exit(f"{doc['document']['path']}: span {s['id']} text {s['text']!r} "
                         f"but the file holds {got!r} at [{s['start']},{s['end']})")
if docs != expected_docs:
    sys.exit(f"expected {expected_docs} documents, got {docs}")
print(f"{docs} documents, offsets ok")
