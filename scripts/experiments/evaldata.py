# Shared loader of the Python experiments: the evaluation data's WMT14 and WMT21 texts, normalised and split as
# src/eval/data.ts does (same typography normalisation, same salted SHA-256 document split). WMT22 rows are dropped
# as they are read: the experiments never see the held-out test set.
import hashlib, importlib, json, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.normpath(os.path.join(HERE, '..', '..', '..', 'shared', 'data', 'fr-ht-vs-mt-paragraphs', 'paragraphs.jsonl'))
HELD_OUT = 'wmt22-generaltest2022'
CORPORA = ['wmt14-newstest2014', 'wmt21-newstest2021']


def normalize(text):
    """normalizeTypography in src/score/intrinsic.ts."""
    text = re.sub('[\u00a0\u202f\u2007\u2009]', ' ', text)
    text = re.sub('[\u2019\u2018\u02bc]', "'", text)
    text = re.sub('[«»“”„]', '"', text)
    text = re.sub(r'\s+([:;!?])', r'\1', text)
    return re.sub(r'\s+', ' ', text).strip()


def unit_hash(s):
    return int(hashlib.sha256(s.encode()).hexdigest()[:8], 16) / 2**32


def load_items(path=DATA):
    """Every French text of WMT14 and WMT21: label, producer, weight (1 / machine variants of its row), split."""
    if not os.path.exists(path):
        print(f'no evaluation data at {path}; nothing measured.')
        sys.exit(0)
    items = []
    with open(path, encoding='utf-8') as f:
        for line in f:
            row = json.loads(line)
            if row['corpus'] == HELD_OUT or row['corpus'] not in CORPORA:
                continue
            doc = f"{row['corpus']}|{row['doc_id']}"
            machine = sum(v['label'] == 'machine_translation' for v in row['variants'])
            split = 'train' if unit_hash(f'20260101:{doc}') < 0.7 else 'calibration'
            for v in row['variants']:
                y = 1 if v['label'] == 'machine_translation' else 0
                items.append(dict(row=row['id'], corpus=row['corpus'], doc=doc, label=v['label'], producer=v['producer'],
                                  text=normalize(v['text']), y=y, w=1 / machine if y else 1.0, split=split))
    return items


def require(*modules):
    """Imports Debian's python3 packages the experiment needs (run it with Debian's /usr/bin/python3), or says which
    to install and exits 0."""
    try:
        return [importlib.import_module(m) for m in modules]
    except ImportError as error:
        print(f'{error.name} is not installed (Debian: apt-get install python3-sklearn python3-scipy python3-grammalecte); nothing measured.')
        sys.exit(0)


def group_auc(items, scores, negative):
    """AUC of machine translation against one negative type in `items`, classes balanced as src/eval/fit.ts groups()."""
    from sklearn.metrics import roc_auc_score
    rows = {it['row'] for it in items if it['label'] == negative}
    idx = [k for k, it in enumerate(items) if it['label'] == negative or (it['y'] == 1 and it['row'] in rows)]
    if not any(items[k]['y'] == 1 for k in idx):
        idx = [k for k, it in enumerate(items) if it['label'] == negative or it['y'] == 1]
    y = [items[k]['y'] for k in idx]
    w = [items[k]['w'] for k in idx]
    pos = sum(wk for wk, yk in zip(w, y) if yk == 1)
    neg = sum(wk for wk, yk in zip(w, y) if yk == 0)
    w = [wk * neg / pos if yk == 1 else wk for wk, yk in zip(w, y)]
    return roc_auc_score(y, [scores[k] for k in idx], sample_weight=w)


def block_features(vectorizers, blocks, texts):
    """Square-root counts, each block scaled to unit length (as src/score/intrinsic.ts does); `vectorizers` maps a block
    name to a function returning a fitted-free sklearn HashingVectorizer."""
    import numpy as np
    from scipy import sparse
    out = []
    for name in blocks:
        x = vectorizers[name]().transform(texts)
        x.data = np.sqrt(x.data)
        norms = np.sqrt(np.asarray(x.multiply(x).sum(1)).ravel())
        norms[norms == 0] = 1
        out.append(sparse.csr_matrix(x.multiply(1 / norms[:, None])))
    return sparse.hstack(out).tocsr()


def fit_weights(items):
    """Machine 1 / variants; human translation and native French share the negative weight half and half."""
    import numpy as np
    w = np.array([it['w'] for it in items], float)
    for corpus in {it['corpus'] for it in items}:
        idx = [k for k, it in enumerate(items) if it['corpus'] == corpus]
        pos = sum(w[k] for k in idx if items[k]['y'] == 1)
        by = {lab: [k for k in idx if items[k]['label'] == lab] for lab in ('human_translation', 'original')}
        share = 0.5 if by['human_translation'] and by['original'] else 1.0
        for ks in by.values():
            for k in ks: w[k] = pos * share / len(ks)
    return w


def auc_cells(items, scores, corpora=CORPORA):
    """Table cells: per corpus, AUC against human translation and against native French."""
    out = []
    for corpus in corpora:
        idx = [k for k, it in enumerate(items) if it['corpus'] == corpus]
        sub, s = [items[k] for k in idx], [scores[k] for k in idx]
        out += [group_auc(sub, s, 'human_translation'), group_auc(sub, s, 'original')]
    return ' | '.join(f'{v:.3f}' for v in out)


def lower(text):
    """The shipped families' preprocessing: lower case, double quotes dropped (src/score/intrinsic.ts)."""
    return text.lower().replace('"', ' ')


def shipped_vectorizers():
    """Factories of the shipped word 1-2 and char 3-4 blocks, as the Python experiments compare them."""
    from sklearn.feature_extraction.text import HashingVectorizer
    return {
        'word 1-2': lambda: HashingVectorizer(n_features=2**18, ngram_range=(1, 2), alternate_sign=False, norm=None,
                                              token_pattern=r'(?u)\b\w+\b|[^\w\s]', preprocessor=lower),
        'char 3-4': lambda: HashingVectorizer(n_features=2**18, analyzer='char', ngram_range=(3, 4), alternate_sign=False,
                                              norm=None, preprocessor=lower),
    }


def print_loso(items, train, calibration, families, vectorizers, fit, title):
    """Leave-one-system-out table: each family fitted on the training split without one machine system (`fit(items, x)`),
    that system's calibration-split texts scored against the human translations of its corpus."""
    import numpy as np
    print(title)
    systems = sorted({it['producer'] for it in items if it['y'] == 1})
    print('| family | ' + ' | '.join(systems) + ' | mean WMT14 | mean WMT21 |\n|' + ' --- |' * (len(systems) + 3))
    for family, blocks in families.items():
        xt = block_features(vectorizers, blocks, [it['text'] for it in train])
        xc = block_features(vectorizers, blocks, [it['text'] for it in calibration])
        res = {}
        for system in systems:
            keep = [k for k, it in enumerate(train) if not (it['y'] == 1 and it['producer'] == system)]
            model = fit([train[k] for k in keep], xt[keep])
            corpus = next(it['corpus'] for it in calibration if it['producer'] == system)
            idx = [k for k, it in enumerate(calibration) if it['corpus'] == corpus and (it['y'] == 0 or it['producer'] == system)]
            res[system] = (corpus, group_auc([calibration[k] for k in idx], model.decision_function(xc[idx]), 'human_translation'))
        means = [np.mean([v for c, v in res.values() if c == corpus]) for corpus in CORPORA]
        print(f"| {family} | " + ' | '.join(f'{res[s][1]:.3f}' for s in systems) + f' | {means[0]:.3f} | {means[1]:.3f} |', flush=True)


def cv_scores(train, x, fit):
    """Scores of the training split by 5-fold cross-validation by document (`fit(items, x)` gives a fitted model)."""
    import numpy as np
    fold = np.array([int(unit_hash(f"20260101:fold:{it['doc']}") * 5) for it in train])
    scores = np.zeros(len(train))
    for f in range(5):
        a, b = np.where(fold != f)[0], np.where(fold == f)[0]
        scores[b] = fit([train[k] for k in a], x[a]).decision_function(x[b])
    return scores
