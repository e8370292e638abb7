#!/usr/bin/env python3
# Experiment behind docs/accuracy.md "Paragraph coherence": an engine that translates sentence by sentence should tie
# a paragraph's sentences together differently from a translator (Nguyen-Son et al. 2019 reached 87 % on 2019-era
# machine paragraphs by matching similar words across sentences). Measures cross-sentence cohesion features on the
# training corpora (WMT14, WMT21); WMT22 is never read. Needs the evaluation data (../shared/data) and Debian's
# python3-sklearn:  /usr/bin/python3 scripts/experiments/coherence.py   (a few seconds)
import re
from evaldata import CORPORA, group_auc, load_items, require

require('sklearn.metrics')

WORD = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿŒœ]+(?:-[A-Za-zÀ-ÖØ-öø-ÿŒœ]+)*")
# Sentence ends: . ! ? (and a closing quote) before a space and a capital, as in the paragraph data.
SENTENCE_END = re.compile(r'(?<=[.!?])"?\s+(?=["(]?[A-ZÀ-Ý])')
FUNCTION = set('''le la les l un une des du de d à au aux et ou mais donc or ni car que qu qui quoi dont où ce cet cette
ces se s sa son ses leur leurs lui il elle ils elles on nous vous je tu me te y en ne n pas plus est sont a ont été être
avoir fait pour par sur dans avec sans sous entre vers chez comme si aussi très tout tous toute toutes cela ça celui
celle ceux celles dont même autre autres été avait avaient était étaient sera seront'''.split())
PRONOUNS = set('il elle ils elles lui leur eux celui celle ceux celles cela ça ceci'.split())
DEMONSTRATIVES = set('ce cet cette ces'.split())
CONNECTIVES = re.compile(r'^(?:mais|et|cependant|toutefois|pourtant|en outre|par ailleurs|de plus|ainsi|donc|alors|'
                         r'en revanche|néanmoins|or|enfin|d\'autre part|en effet|aussi)\b', re.I)


def sentences(text):
    return [s for s in SENTENCE_END.split(text) if s.strip()]


def content(words):
    return [w for w in words if len(w) >= 4 and w not in FUNCTION]


def features(text):
    sents = sentences(text)
    per = [[w.lower() for w in WORD.findall(s)] for s in sents]
    words = [w for ws in per for w in ws]
    n = max(1, len(words))
    f = {}
    # Share of a sentence's content words that another sentence of the paragraph repeats (lexical cohesion).
    shared = total = 0
    for i, ws in enumerate(per):
        others = {w for j, o in enumerate(per) if j != i for w in content(o)}
        cs = set(content(ws))
        shared += len(cs & others)
        total += len(cs)
    f['repeated content words across sentences'] = shared / total if total and len(per) > 1 else 0.0
    # Same with a 5-letter stem: négocier / négociations, a cheap stand-in for "similar words".
    stems = [{w[:5] for w in content(ws)} for ws in per]
    shared = total = 0
    for i, st in enumerate(stems):
        others = set().union(*(o for j, o in enumerate(stems) if j != i)) if len(stems) > 1 else set()
        shared += len(st & others)
        total += len(st)
    f['repeated stems across sentences'] = shared / total if total and len(per) > 1 else 0.0
    # Lexical overlap of each sentence with the one before it.
    overlaps = []
    for a, b in zip(per, per[1:]):
        ca, cb = set(content(a)), set(content(b))
        if ca and cb:
            overlaps.append(len(ca & cb) / len(ca | cb))
    f['adjacent-sentence Jaccard'] = sum(overlaps) / len(overlaps) if overlaps else 0.0
    f['personal and demonstrative pronouns per word'] = sum(w in PRONOUNS for w in words) / n
    f['demonstrative determiners per word'] = sum(w in DEMONSTRATIVES for w in words) / n
    f['sentences opening on a connective'] = sum(bool(CONNECTIVES.match(s.lstrip('"('))) for s in sents) / max(1, len(sents))
    # Subject pronoun opening a sentence after the first: reference carried over from the sentence before.
    f['later sentences opening on il/elle/ils/elles'] = sum(ws[:1] and ws[0] in ('il', 'elle', 'ils', 'elles') for ws in per[1:]) / max(1, len(per) - 1)
    return f


items = [it for it in load_items() if it['split'] == 'train']
rows = [features(it['text']) for it in items]
names = list(rows[0])
print(f'{len(items)} texts (training split of WMT14 and WMT21). AUC, higher value = machine; machine vs human '
      'translation and machine vs native French:\n')
print('| feature | WMT14 MT vs HT | WMT14 MT vs native | WMT21 MT vs HT | WMT21 MT vs native |\n| --- | --- | --- | --- | --- |')
for name in names:
    cells = []
    for corpus in CORPORA:
        idx = [k for k, it in enumerate(items) if it['corpus'] == corpus]
        sub = [items[k] for k in idx]
        values = [rows[k][name] for k in idx]
        for negative in ('human_translation', 'original'):
            cells.append(f'{group_auc(sub, values, negative):.3f}')
    print(f"| {name} | {' | '.join(cells)} |")
