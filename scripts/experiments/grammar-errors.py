#!/usr/bin/env python3
# Experiment behind docs/accuracy.md "Grammar errors": does machine translation make more grammar errors than a
# human translator, a signal that would not depend on which translator or engine the model was fitted on? Counts
# Grammalecte's findings per paragraph, by type, on the training corpora (WMT14, WMT21); WMT22 is never read.
# Needs the evaluation data (../shared/data) and Debian's python3-grammalecte and python3-sklearn:
#   apt-get install python3-grammalecte python3-sklearn && /usr/bin/python3 scripts/experiments/grammar-errors.py   (1-2 minutes)
import collections
from evaldata import CORPORA, group_auc, load_items, require

grammalecte, _ = require('grammalecte', 'sklearn.metrics')
checker = grammalecte.GrammarChecker('fr')
items = load_items()
found = []
for it in items:
    grammar, spelling = checker.getParagraphErrors(it['text'], bSpellSugg=False)
    found.append(([e['sType'] for e in grammar], len(spelling)))

# Typography types (apostrophes, no-break spaces, units, 'typo') reflect the normalisation applied to every text,
# not the translation; they are listed but are not evidence.
types = collections.Counter(t for kinds, _ in found for t in kinds)
features = {'all grammar findings': [len(k) for k, _ in found], 'spelling (unknown words)': [s for _, s in found]}
for t, _ in types.most_common(12):
    features[f'type {t}'] = [k.count(t) for k, _ in found]

print(f'{len(items)} texts (WMT14, WMT21). Mean findings per paragraph (human translation / machine / native French)'
      ' and AUC with more findings = machine:\n')
print('| count | WMT14 means | WMT14 MT vs HT | WMT21 means | WMT21 MT vs HT |\n| --- | --- | --- | --- | --- |')
for name, values in features.items():
    row = []
    for corpus in CORPORA:
        idx = [k for k, it in enumerate(items) if it['corpus'] == corpus]
        means = []
        for label in ('human_translation', 'machine_translation', 'original'):
            vs = [values[k] for k in idx if items[k]['label'] == label]
            means.append(f'{sum(vs) / max(1, len(vs)):.3f}')
        row += [' / '.join(means), f"{group_auc([items[k] for k in idx], [values[k] for k in idx], 'human_translation'):.3f}"]
    print(f"| {name} | {' | '.join(row)} |")
