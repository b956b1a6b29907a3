#!/usr/bin/env python3
"""Checks writer outputs against the document they came from, beyond the
golden comparison:

  roundtrip.py brat DIR NAME   every T line's code-point offsets pick out
                               exactly its text from NAME.txt (fragments
                               joined by a space), every R/A/# line refers
                               to a T id
  roundtrip.py timeml FILE DOC FILE is well-formed XML (parsed as the
                               TempEval-3 tools do, with minidom), its TEXT
                               minus the TIMEX3 tags is DOC's text, and each
                               TIMEX3 has tid, type and value
"""
import re
import sys
import xml.dom.minidom


def check_brat(folder, name):
    text = open('%s/%s.txt' % (folder, name), encoding='utf-8', newline='').read()
    ids = set()
    errors = 0
    lines = open('%s/%s.ann' % (folder, name), encoding='utf-8').read().splitlines()
    for line in lines:
        if not line.startswith('T'):
            continue
        tid, bound, covered = line.split('\t')
        ids.add(tid)
        frags = bound.split(' ', 1)[1].split(';')
        pieces = [text[int(a):int(b)] for a, b in (f.split() for f in frags)]
        if ' '.join(pieces) != covered or any('\n' in p for p in pieces):
            print('brat: %s: offsets give %r, line says %r' % (tid, ' '.join(pieces), covered))
            errors += 1
    for line in lines:
        refs = re.findall(r'\bT\d+\b', line.split('\t', 1)[1]) if not line.startswith('T') else []
        for r in refs:
            if r not in ids:
                print('brat: %r refers to unknown %s' % (line, r))
                errors += 1
    return errors


def check_timeml(path, doc):
    dom = xml.dom.minidom.parse(path)
    errors = 0
    text_el = dom.getElementsByTagName('TEXT')[0]
    plain = ''.join(n.data if n.nodeType == n.TEXT_NODE else n.firstChild.data if n.firstChild else ''
                    for n in text_el.childNodes)
    original = open(doc, encoding='utf-8', newline='').read()
    if plain != '\n' + original + '\n':
        print('timeml: TEXT without tags differs from the document')
        errors += 1
    for t in dom.getElementsByTagName('TIMEX3'):
        for a in ('tid', 'type', 'value'):
            if not t.getAttribute(a):
                print('timeml: TIMEX3 without %s' % a)
                errors += 1
    return errors


if __name__ == '__main__':
    kind = sys.argv[1]
    n = check_brat(sys.argv[2], sys.argv[3]) if kind == 'brat' else check_timeml(sys.argv[2], sys.argv[3])
    sys.exit(1 if n else 0)
