#!/usr/bin/env python3
"""Writes the hand-chosen span lists below as .ann.json fixtures.

Each span is given by the text it covers and which occurrence of that text
in the document is meant; this script only turns that into byte offsets, so
the offsets are right by construction and the span lists stay readable.
Run from tests/view: ./make-fixtures.py  (the outputs are checked in)."""
import hashlib, json, sys

def find(doc, text, nth, after=0):
    pos = after - 1
    for _ in range(nth):
        pos = doc.find(text.encode(), pos + 1)
        if pos < 0:
            sys.exit("not found: %r #%d" % (text, nth))
    return pos

def build(doc_path, rel_path, spans, ref_date):
    doc = open(doc_path, 'rb').read()
    out = []
    for s in spans:
        layer, label, text, nth = s[:4]
        attrs = s[4] if len(s) > 4 else {}
        start = find(doc, text, nth)
        out.append(dict(start=start, end=start + len(text.encode()), layer=layer,
                        label=label, text=text, attrs=attrs, links=[], key=s[5] if len(s) > 5 else None,
                        speaker=s[6] if len(s) > 6 else None))
    order = {'entities': 0, 'numbers': 1, 'dates': 2, 'quotes': 3, 'example': 4}
    out.sort(key=lambda s: (s['start'], -s['end'], order[s['layer']]))
    keys = {}
    for i, s in enumerate(out):
        s['id'] = i + 1
        if s['key']:
            keys[s['key']] = s['id']
    for s in out:
        if s['speaker']:
            s['links'] = [{'role': 'speaker', 'target': keys[s['speaker']]}]
    spans = [{k: s[k] for k in ('id', 'start', 'end', 'layer', 'label', 'text', 'attrs', 'links')}
             for s in out]
    return {
        'schema': 'annotate/1.0',
        'document': {'path': rel_path, 'size': len(doc),
                     'sha256': hashlib.sha256(doc).hexdigest(), 'reader': 'text'},
        'meta': {'reference_date': ref_date},
        'plugins': [{'name': n, 'version': '1.0.0'} for n in order],
        'spans': spans,
    }

E, N, D, Q, X = 'entities', 'numbers', 'dates', 'quotes', 'example'
tokyo = [
    (E, 'LOC', 'TOKYO', 1),
    (E, 'ORG', 'RenaultNissan', 1),
    (N, 'ORDINAL', 'first', 1),
    (D, 'DURATION', 'decades', 1, {'value': 'PXDE'}),
    (E, 'LOC', 'America', 1),
    (E, 'LOC', 'Mexico', 1),
    (E, 'ORG', 'Mitsubishi Motors', 1),
    (E, 'LOC', 'North America', 1),
    (D, 'DATE', 'Monday', 1, {'value': '2023-02-06'}),
    (E, 'LOC', 'London', 1),
    (D, 'DURATION', '20 years', 1, {'value': 'P20Y'}),
    (N, 'CARDINAL', '20', 1),
    (D, 'DATE', 'the early 1990s', 1, {'value': '199', 'mod': 'START'}),
    (E, 'PER', 'Luca de Meo', 1),
    (N, 'CARDINAL', 'two', 1),
    (D, 'DATE', '2027', 1, {'value': '2027'}),
    (D, 'DATE', '2028', 1, {'value': '2028'}),
    (Q, 'QUOTE', '\u201cIt\u2019s actually not in the plan to imagine, let\u2019s say, Mexico as a platform for us to go to the U.S. That\u2019s what Nissan does,\u201d', 1,
     {'kind': 'direct', 'speaker': 'de Meo'}, None, 'meo1'),
    (E, 'PER', 'de Meo', 3, {}, 'meo1'),
    (Q, 'QUOTE', '\u201cWe\u2019re more looking at a way to use Mexico to kind of balance Latin America so you can play in three or four countries.\u201d', 1,
     {'kind': 'direct', 'speaker': 'de Meo'}, None, 'meo1'),
    (N, 'CARDINAL', 'three', 1),
    (N, 'CARDINAL', 'four', 1),
    (E, 'PER', 'de Meo', 4, {}, 'meo2'),
    (Q, 'QUOTE', '\u201cYou can put different eggs in different baskets.\u201d', 1,
     {'kind': 'direct', 'speaker': 'de Meo'}, None, 'meo2'),
    (E, 'PER', 'Ashwani Gupta', 1),
    (E, 'ORG', 'Nissan Motor Co.', 1),
    (Q, 'QUOTE', '\u201cEurope and North America are potential markets where we can utilize alliance assets,\u201d', 1,
     {'kind': 'direct', 'speaker': 'Takao Kato'}, None, 'kato'),
    (E, 'LOC', 'Europe', 2),
    (E, 'PER', 'Takao Kato', 1, {}, 'kato'),
    (N, 'PERCENT', '34 percent', 1),
    (E, 'PER', 'Carlos Ghosn', 1),
    (D, 'DATE', '2016', 1, {'value': '2016'}),
    (N, 'PERCENT', '16 percent', 1),
    (N, 'CARDINAL', '85,810', 1),
    (D, 'DATE', '2022', 1, {'value': '2022'}),
]
edge = [
    (E, 'MISC', 'Caf\u00e9 <b>&', 1),
    (E, 'ORG', '&</b> \u201cRenault', 1),
    (Q, 'QUOTE', '\u201cRenault Nissan\u201d', 1, {'kind': 'scare'}),
    (E, 'ORG', 'Renault Nissan', 1),
    (N, 'MONEY', '\u20ac5 million', 1),
    (N, 'CARDINAL', '5', 1),
    (D, 'DATE', '3 March 2023', 1, {'value': '2023-03-03'}),
    (N, 'CARDINAL', '3', 1),
    (X, 'EMAIL', 'press@example.com', 1),
    (X, 'URL', 'https://example.com/a?b=1&c=2', 1),
]
for name, path, rel, spans in (('alliance-tokyo', '../../corpus/alliance-tokyo.txt', 'corpus/alliance-tokyo.txt', tokyo),
                               ('edge', 'fixtures/edge.txt', 'tests/view/fixtures/edge.txt', edge)):
    with open('fixtures/%s.ann.json' % name, 'w', encoding='utf-8') as f:
        json.dump(build(path, rel, spans, '2023-02-07'), f, ensure_ascii=False, indent=1)
        f.write('\n')
