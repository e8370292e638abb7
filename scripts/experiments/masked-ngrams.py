#!/usr/bin/env python3
# Experiment behind docs/accuracy.md "Sentence shapes and within-source training": do n-grams over function
# words and punctuation (content words masked to a shape), or a model fitted only on differences between the machine
# and the human translation of the same source paragraph, separate machine from human translation better than the
# shipped word + character n-grams? Training corpora only (WMT14, WMT21); WMT22 is never read.
# Needs the evaluation data (../shared/data) and Debian's python3-sklearn:
#   apt-get install python3-sklearn && /usr/bin/python3 scripts/experiments/masked-ngrams.py   (6-11 minutes, 2 cores)
import collections, re
from evaldata import CORPORA, auc_cells, block_features, cv_scores, fit_weights, load_items, print_loso, require, shipped_vectorizers

np, sparse, _ = require('numpy', 'scipy.sparse', 'sklearn.linear_model')
from sklearn.feature_extraction.text import HashingVectorizer  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402

C = 3.0  # inverse L2 penalty; the shipped families at this setting give the shipped model's CV figures ±0.03
FUNCTION = set("""le la les l un une des du de d et ou mais donc car que qu qui dont où ce cet cette ces il elle ils
elles on nous vous se s y en ne n pas plus à au aux dans par pour sur avec sans sous entre vers chez lors après avant
depuis pendant comme si aussi très déjà encore ainsi alors cependant toutefois également notamment son sa ses leur
leurs est sont a ont était été être avoir fait cela ça tout tous même autre autres je tu me te lui eux c m t ai as avons
avez étaient sera seront serait seraient peut doit selon contre non ni dès afin lorsque quand puis jusqu jusque celui
celle ceux celles ci là ici déclaré dit""".split())
TOKEN = re.compile(r'\w+|[^\w\s]')


def masked(text):
    """Function words and punctuation kept; numbers <N>, capitalised words <C>, other words <w:last two letters>."""
    out = []
    for m in TOKEN.finditer(text):
        w = m.group(0)
        lw = w.lower()
        if lw in FUNCTION: out.append(lw)
        elif w.isdigit(): out.append('<N>')
        elif not w[0].isalnum(): out.append(w)
        elif w[0].isupper(): out.append('<C>')
        else: out.append(f'<w:{lw[-2:]}>')
    return ' '.join(out)


VECTORIZERS = {
    **shipped_vectorizers(),
    'masked 1-4': lambda: HashingVectorizer(n_features=2**18, ngram_range=(1, 4), alternate_sign=False, norm=None,
                                            token_pattern=r'\S+', lowercase=False, preprocessor=masked),
}
FAMILIES = {
    'word + char (shipped families)': ['word 1-2', 'char 3-4'],
    'masked function-word n-grams': ['masked 1-4'],
    'word + char + masked': ['word 1-2', 'char 3-4', 'masked 1-4'],
}


def fit(items, x, pairwise):
    if not pairwise:
        model = LogisticRegression(C=C, max_iter=2000)
        model.fit(x, [it['y'] for it in items], sample_weight=fit_weights(items))
        return model
    # Within-source: each machine translation minus the human translation of the same source paragraph, and the
    # reverse; the topic cancels out, only how the two render the same content is left.
    rows = collections.defaultdict(list)
    for k, it in enumerate(items): rows[it['row']].append(k)
    a, b, w = [], [], []
    for ks in rows.values():
        human = [k for k in ks if items[k]['label'] == 'human_translation']
        machine = [k for k in ks if items[k]['y'] == 1]
        for h in human:
            for m in machine: a.append(m); b.append(h); w.append(1 / len(machine))
    d = x[a] - x[b]
    model = LogisticRegression(C=C, fit_intercept=False, max_iter=2000)
    model.fit(sparse.vstack([d, -d]), np.r_[np.ones(len(a)), np.zeros(len(a))], sample_weight=np.r_[w, w])
    return model


items = load_items()
train = [it for it in items if it['split'] == 'train']
calibration = [it for it in items if it['split'] == 'calibration']
head = '| {} | WMT14 MT vs HT | WMT14 MT vs native | WMT21 MT vs HT | WMT21 MT vs native |\n| --- | --- | --- | --- | --- |'

print('5-fold cross-validation by document inside the training split (as `npm run fit -- --ablation`), AUC:\n')
print(head.format('family, fit'))
for family, blocks in FAMILIES.items():
    x = block_features(VECTORIZERS, blocks, [it['text'] for it in train])
    for pairwise in (False, True):
        scores = cv_scores(train, x, lambda its, xs: fit(its, xs, pairwise))
        print(f"| {family}, {'within-source pairs' if pairwise else 'pooled'} | {auc_cells(train, scores)} |", flush=True)

print('\nTransfer: fitted on one corpus (both splits), scored on the other (WMT21 → WMT14 columns; WMT14 → WMT21), AUC:\n')
print(head.format('family, fit'))
for family, blocks in FAMILIES.items():
    for pairwise in (False, True):
        row = {}
        for source, target in ((CORPORA[1], CORPORA[0]), (CORPORA[0], CORPORA[1])):
            fit_set = [it for it in items if it['corpus'] == source]
            test = [it for it in items if it['corpus'] == target]
            model = fit(fit_set, block_features(VECTORIZERS, blocks, [it['text'] for it in fit_set]), pairwise)
            row[target] = auc_cells(test, model.decision_function(block_features(VECTORIZERS, blocks, [it['text'] for it in test])), [target])
        print(f"| {family}, {'within-source pairs' if pairwise else 'pooled'} | {row[CORPORA[0]]} | {row[CORPORA[1]]} |", flush=True)

print_loso(items, train, calibration, FAMILIES, VECTORIZERS, lambda its, x: fit(its, x, False), '\nLeave-one-system-out: fitted on the training split without the system, its calibration-split texts against the'
      ' human translations of the same corpus, AUC (pooled fit):\n')
