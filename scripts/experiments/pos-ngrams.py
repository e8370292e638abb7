#!/usr/bin/env python3
# Experiment behind docs/accuracy.md "Part-of-speech n-grams": do n-grams over word classes (the classic
# translationese feature, Baroni & Bernardini 2006; Volansky et al. 2015) separate machine from human translation,
# and transfer between corpora, better than the shipped word + character n-grams? Word classes come from
# Grammalecte's French lexicon (each word's set of possible classes, an "ambiguity class", since Grammalecte does not
# disambiguate outside its rules). Training corpora only (WMT14, WMT21); WMT22 is never read.
# Needs the evaluation data (../shared/data) and Debian's python3-grammalecte and python3-sklearn:
#   apt-get install python3-grammalecte python3-sklearn && /usr/bin/python3 scripts/experiments/pos-ngrams.py   (5-10 minutes)
import functools, re
from evaldata import CORPORA, auc_cells, block_features, cv_scores, fit_weights, load_items, print_loso, require, shipped_vectorizers

np, sparse, grammalecte, _ = require('numpy', 'scipy.sparse', 'grammalecte', 'sklearn.linear_model')
from sklearn.feature_extraction.text import HashingVectorizer  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402

C = 3.0  # as masked-ngrams.py
speller = grammalecte.GrammarChecker('fr').getSpellChecker()
TOKEN = re.compile(r"\w+(?:-\w+)*'?|[^\w\s]")
MOODS = {'Ip', 'Iq', 'Is', 'If', 'K', 'S', 'Sp', 'Sq', 'E', 'Y', 'P', 'Q'}


@functools.lru_cache(maxsize=None)
def word_class(word):
    """The sorted set of coarse classes Grammalecte's lexicon gives a word: N, A, W (adverb), M (proper name), G:x
    (grammatical: D determiner, R preposition, Cs/Cc conjunction, Oo/Ov/Os pronoun …), V:mood (Ip, Iq, Q …)."""
    morphs = speller.getMorph(word) or speller.getMorph(word.lower())
    if not morphs:
        if word[0].isdigit(): return 'NUM'
        return 'UNK-C' if word[0].isupper() else 'UNK'
    classes = set()
    for m in morphs:
        tags = m.split('/')[1].lstrip(':').split(':') if '/' in m else []
        if not tags: continue
        head = tags[0]
        if head == 'G' and len(tags) > 1: classes.add('G' + tags[1])
        elif head.startswith('V'):
            mood = next((t for t in tags[1:] if t in MOODS), '')
            classes.add('V' + mood)
        elif head.startswith('M'): classes.add('M')
        else: classes.add(head[:1])
    return '|'.join(sorted(classes)) or 'UNK'


def tags(text, keep_function_words=False):
    out = []
    for m in TOKEN.finditer(text):
        w = m.group(0)
        if not w[0].isalnum() and w[0] != '_': out.append(w); continue
        c = word_class(w.rstrip("'"))
        out.append(w.lower() if keep_function_words and c.startswith('G') else c)
    return ' '.join(out)


VECTORIZERS = {
    **shipped_vectorizers(),
    'pos 1-3': lambda: HashingVectorizer(n_features=2**18, ngram_range=(1, 3), alternate_sign=False, norm=None,
                                         token_pattern=r'\S+', lowercase=False, preprocessor=tags),
    'pos+fw 1-3': lambda: HashingVectorizer(n_features=2**18, ngram_range=(1, 3), alternate_sign=False, norm=None,
                                            token_pattern=r'\S+', lowercase=False,
                                            preprocessor=lambda t: tags(t, True)),
}
FAMILIES = {
    'word + char (shipped families)': ['word 1-2', 'char 3-4'],
    'word classes 1-3': ['pos 1-3'],
    'word classes, function words kept, 1-3': ['pos+fw 1-3'],
    'word + char + word classes': ['word 1-2', 'char 3-4', 'pos 1-3'],
}


def fit(items, x):
    model = LogisticRegression(C=C, max_iter=2000)
    model.fit(x, [it['y'] for it in items], sample_weight=fit_weights(items))
    return model


items = load_items()
train = [it for it in items if it['split'] == 'train']
calibration = [it for it in items if it['split'] == 'calibration']
unknown = sum(1 for it in train[:2000] for t in tags(it['text']).split() if t.startswith('UNK'))
total = sum(1 for it in train[:2000] for t in tags(it['text']).split() if t[0].isalpha())
print(f'{len(items)} texts; {unknown / total:.1%} of word tokens unknown to the lexicon (first 2,000 training texts).\n')
head = '| {} | WMT14 MT vs HT | WMT14 MT vs native | WMT21 MT vs HT | WMT21 MT vs native |\n| --- | --- | --- | --- | --- |'

print('5-fold cross-validation by document inside the training split, AUC:\n')
print(head.format('family'))
for family, blocks in FAMILIES.items():
    scores = cv_scores(train, block_features(VECTORIZERS, blocks, [it['text'] for it in train]), fit)
    print(f'| {family} | {auc_cells(train, scores)} |', flush=True)

print('\nTransfer: fitted on one corpus (both splits), scored on the other (WMT21 → WMT14 columns; WMT14 → WMT21), AUC:\n')
print(head.format('family'))
for family, blocks in FAMILIES.items():
    row = {}
    for source, target in ((CORPORA[1], CORPORA[0]), (CORPORA[0], CORPORA[1])):
        fit_set = [it for it in items if it['corpus'] == source]
        test = [it for it in items if it['corpus'] == target]
        model = fit(fit_set, block_features(VECTORIZERS, blocks, [it['text'] for it in fit_set]))
        row[target] = auc_cells(test, model.decision_function(block_features(VECTORIZERS, blocks, [it['text'] for it in test])), [target])
    print(f'| {family} | {row[CORPORA[0]]} | {row[CORPORA[1]]} |', flush=True)

print_loso(items, train, calibration, FAMILIES, VECTORIZERS, fit, '\nLeave-one-system-out: fitted on the training split without the system, its calibration-split texts against the'
      ' human translations of the same corpus, AUC:\n')
