#!/usr/bin/env python3
"""Validates annotation files (.ann.json, or .jsonl with one document per
line) against doc/annotate.schema.json.  Exit 0 when all are valid, 1 when
one is not, 77 (automake's "skipped") when python3-jsonschema is missing.

    validate.py SCHEMA FILE...      validate the files
    validate.py --expect-invalid SCHEMA FILE...   every file must FAIL"""
import json
import sys

try:
    import jsonschema
except ImportError:
    print("python3-jsonschema is not installed: skipped")
    sys.exit(77)


def documents(path):
    """Yields (name, parsed document or None when it is not JSON)."""
    with open(path, encoding="utf-8") as f:
        if path.endswith(".jsonl"):
            items = [("%s:%d" % (path, n), line) for n, line in enumerate(f, 1) if line.strip()]
        else:
            items = [(path, f.read())]
    for name, text in items:
        try:
            yield name, json.loads(text)
        except ValueError as e:
            print("%s: not JSON: %s" % (name, e))
            yield name, None


def main(argv):
    expect_invalid = argv[:1] == ["--expect-invalid"]
    if expect_invalid:
        argv = argv[1:]
    with open(argv[0], encoding="utf-8") as f:
        schema = json.load(f)
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    validator = cls(schema)
    status = 0
    for path in argv[1:]:
        for name, doc in documents(path):
            if doc is None:
                status = 1
                continue
            errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.path))
            if errors and not expect_invalid:
                for e in errors[:5]:
                    where = "/".join(str(p) for p in e.path)
                    print("%s: %s: %s" % (name, where or "(top)", e.message))
                status = 1
            elif not errors and expect_invalid:
                print("%s: accepted, but it is invalid" % name)
                status = 1
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
