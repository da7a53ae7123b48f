#!/usr/bin/env python3
"""Train the tone-toward model and the learned sentence scorer; write them to lib/newstone/data.

Data, read in place from ``../shared/data`` and never copied:

* ``newsmtsc/train.jsonl`` (NewsMTSC, Hamborg & Donnay, EACL 2021): sentences of US political
  news, each with one or more target mentions (character offsets) rated by five coders
  (2.0 negative, 4.0 neutral, 6.0 positive).
* ``vader_gold`` (the VADER paper's NYT editorial sentences, rated -4..+4 by 20 people):
  only its dev half (``scripts/evaluate_tone.py``'s split), for the sentence scorer.
* BBC News, Reuters-21578 and PolNeAR texts, unlabelled, for word vectors.

Split. NewsMTSC train is split by article: an AllSides article is ``allsides_<n>_<m>`` (``m``
the story, which AllSides covers from two or three outlets: a story's articles are kept
together, so no story is on both sides), a POLUSA article ``polusa_v1_<n>``. A group goes to
the held-out part when SHA-256 of ``"newsmtsc-heldout:" + group`` is 0 mod 5 (about a fifth),
to the dev part otherwise. Everything here is chosen on the dev part, by 5-fold
cross-validation over groups (SHA-256 of ``"cv:" + group`` mod 5); the held-out part is only
scored, by ``scripts/evaluate_tone.py``, and the models shipped are fitted on the dev part
alone so that the held-out figures are those of the shipped files.

Models. Multinomial logistic regression (scikit-learn, lbfgs, L2) over the features of
:mod:`newstone.nlp.tone.toward`: sparse n-gram and target-shape indicators, dense VADER zone
sums and averaged word vectors (PPMI + SVD of co-occurrences in a +-5 word window, on the
unlabelled news and the dev part's sentences; :mod:`induce_lexicon`'s functions; 200
dimensions for tone toward, 100 for the sentence scorer). For tone toward, each sparse
indicator is scaled by its Naive Bayes log-count ratios (NBSVM, Wang & Manning 2012:
:func:`nb_scales`, from the training rows of each fold, then of the whole dev part), so that
L2 shrinks the weights of words that do not split the classes more than those of words that
do; the scale is folded into the saved weights, so scoring reads the same file layout and
does the same work. The regularisation ``C`` (and for the sentence scorer the weight of NYT
sentences) is chosen by cross-validated macro F1 (sentence scorer: mean of NewsMTSC macro F1
and NYT Pearson r). For tone toward, a neutral offset (added to the neutral class's score,
so that a target needs a clearer sign to be called negative or positive) is then chosen on
the chosen ``C``'s out-of-fold probabilities, and a nested estimate printed (the offset
chosen on four folds, scored on the fifth); the shipped model holds it in its neutral bias,
unless the nested estimate is no better than no offset at all. ``--ablation`` prints the
cross-validated figures with each feature group left out; ``--only`` trains one model.

Deterministic: sorted vocabularies, fixed SVD seed, one BLAS thread. About 12 minutes on
this project's busy 2-core machine (word vectors 4 minutes, the rest cross-validation).

Usage::

    python scripts/train_tone.py [--shared DIR] [--out DIR] [--ablation] [--no-write] [--only toward|sentence]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

import evaluate_tone  # noqa: E402  (sibling script: the NYT gold and its split)
import induce_lexicon  # noqa: E402  (sibling script: co-occurrence vectors)

from newstone.nlp.tone import toward  # noqa: E402
from newstone.nlp.tone.news import ascii_quotes  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SHARED = ROOT.parent / "shared" / "data"
DEFAULT_OUT = ROOT / "lib" / "newstone" / "data"
POLARITY = {rating: toward.LABELS.index(label) for rating, label in evaluate_tone.POLARITY.items()}
FOLDS = 5
C_GRID = (0.02, 0.03, 0.05)
NEUTRAL_OFFSETS = tuple(round(0.05 * k, 2) for k in range(7))  # added to the neutral class score
SENTENCE_C_GRID = (0.05, 0.15)
NYT_WEIGHTS = (1.0, 3.0)
EMBEDDING_SCALE = 3.0  # vectors are unit length; x3 lets L2 weigh them like the indicators
VECTOR_SETTINGS = dict(vocab_size=30000, contexts=10000, window=5, dims=100, min_count=5)
NB_ALPHA = 1.0  # count smoothing of the Naive Bayes ratios that scale the tone-toward indicators (nb_scales)
TOWARD_DIMS = 200  # the tone-toward model's vectors (the sentence scorer keeps VECTOR_SETTINGS' 100)


# --- data and split (evaluate_tone.py defines the split; the held-out part is only scored there) ---

article_group = evaluate_tone.article_group
is_heldout = evaluate_tone.is_heldout
cv_fold = evaluate_tone.newsmtsc_fold
load_newsmtsc = evaluate_tone.load_newsmtsc


def target_spans(record: dict) -> list[tuple[int, int]]:
    return [(t["from"], t["to"]) for t in record["targets"]]


def sentence_label(record: dict) -> int:
    """A NewsMTSC sentence's own class for the sentence scorer: the sign of its targets'
    mean rating (neutral when they balance)."""
    mean = statistics.fmean(t["polarity"] for t in record["targets"])
    return 0 if mean < 4 else 2 if mean > 4 else 1


# --- features ---


class Examples:
    """Feature rows: sparse names, dense values, embedding zones (token indices) with the
    sentence's word keys, labels, groups and folds."""

    def __init__(self):
        self.sparse, self.dense, self.zones, self.embed = [], [], [], []
        self.y, self.fold, self.multi, self.weight = [], [], [], []

    def add(self, features, view, label, fold, multi=False, weight=1.0):
        sparse, dense, zones = features
        self.sparse.append(sparse)
        self.dense.append(dense)
        self.zones.append(zones)
        self.embed.append(view.embed)
        self.y.append(label)
        self.fold.append(fold)
        self.multi.append(multi)
        self.weight.append(weight)

    def __len__(self):
        return len(self.y)


def toward_examples(records: list[dict]) -> Examples:
    examples = Examples()
    for record in records:
        view = toward.read_sentence(record["sentence_normalized"])
        ranges = [toward.token_range(view, s, e) for s, e in target_spans(record)]
        for k, target in enumerate(record["targets"]):
            a, b = ranges[k]
            others = [r for j, r in enumerate(ranges) if j != k and r != (a, b)]
            examples.add(
                toward.target_features(view, a, b, others),
                view,
                POLARITY[target["polarity"]],
                cv_fold(record["group"]),
                multi=len(record["targets"]) > 1,
            )
    return examples


def sentence_examples(records: list[dict], nyt_dev: list) -> tuple[Examples, list[bool], list[float]]:
    """NewsMTSC dev sentences and NYT dev sentences; which rows are NYT, and their human means."""
    examples = Examples()
    is_nyt, means = [], []
    for record in records:
        view = toward.read_sentence(record["sentence_normalized"])
        examples.add(toward.sentence_features(view), view, sentence_label(record), cv_fold(record["group"]))
        is_nyt.append(False)
        means.append(float("nan"))
    classes = {"negative": 0, "neutral": 1, "positive": 2}
    for snippet in nyt_dev:
        view = toward.read_sentence(snippet.text)
        fold = evaluate_tone.dev_fold_of(snippet.article_id, FOLDS)
        examples.add(toward.sentence_features(view), view, classes[evaluate_tone.gold_class(snippet.mean)], fold)
        is_nyt.append(True)
        means.append(snippet.mean)
    return examples, is_nyt, means


def keep_groups(examples: Examples, drop: frozenset[str], dense_keep: list[int] | None, zones_keep: list[int] | None):
    """A copy of ``examples`` without the sparse prefixes in ``drop``, keeping only the
    dense columns and embedding zones listed (all when None): for ablations."""
    out = Examples()
    for i in range(len(examples)):
        sparse = [f for f in examples.sparse[i] if f.split(":", 1)[0] not in drop]
        dense = examples.dense[i] if dense_keep is None else [examples.dense[i][j] for j in dense_keep]
        zones = examples.zones[i] if zones_keep is None else [examples.zones[i][j] for j in zones_keep]
        out.add((sparse, dense, zones), _Embed(examples.embed[i]), examples.y[i], examples.fold[i], examples.multi[i])
    return out


class _Embed:
    def __init__(self, embed):
        self.embed = embed


# --- word vectors ---


def unlabelled_paragraphs(shared: Path, records: list[dict]):
    """Paragraphs of the unlabelled news, and the dev part's NewsMTSC sentences, as word-vector keys."""
    for _, text in induce_lexicon.corpus_documents(shared):
        for paragraph in text.split("\n\n"):
            words = [toward.embedding_word(token) or None for token in ascii_quotes(paragraph).split()]
            if words:
                yield words
    for record in records:
        if not record["heldout"]:
            yield [
                toward.embedding_word(token) or None for token in ascii_quotes(record["sentence_normalized"]).split()
            ]


def word_vectors(shared: Path, records: list[dict], log=print, dims=(VECTOR_SETTINGS["dims"],)):
    """The vocabulary and, per number of dimensions in ``dims``, the words' vectors (one
    co-occurrence count, one SVD each)."""
    started = time.perf_counter()
    paragraphs = list(unlabelled_paragraphs(shared, records))
    counts = Counter(w for words in paragraphs for w in words if w)
    s = VECTOR_SETTINGS
    ranked = [w for w, n in counts.most_common() if n >= s["min_count"]]
    ranked = sorted(ranked[: s["vocab_size"]], key=lambda w: (-counts[w], w))
    vocab = {w: i for i, w in enumerate(ranked)}
    contexts = {w: i for i, w in enumerate(ranked[: s["contexts"]])}
    matrix = induce_lexicon.cooccurrence(paragraphs, vocab, contexts, s["window"])
    vectors = {d: induce_lexicon.word_vectors(matrix, d).astype(np.float64) for d in dims}
    log(
        f"word vectors: {sum(counts.values()):,} tokens, {len(vocab):,} words x {', '.join(map(str, dims))} dims "
        f"({time.perf_counter() - started:.0f} s)"
    )
    return ranked, vectors


# --- design matrices and fitting ---


def design(examples: Examples, rows: list[int], vectors: np.ndarray, word_index: dict, vocab: dict | None = None):
    """(X, vocab): binary sparse indicators | dense values | mean scaled vectors per zone."""
    from scipy import sparse as sp

    if vocab is None:
        names = sorted({f for i in rows for f in examples.sparse[i]})
        vocab = {f: j for j, f in enumerate(names)}
    indptr, indices = [0], []
    for i in rows:
        cols = sorted({vocab[f] for f in examples.sparse[i] if f in vocab})
        indices.extend(cols)
        indptr.append(len(indices))
    indicators = sp.csr_matrix((np.ones(len(indices)), indices, indptr), shape=(len(rows), len(vocab)))
    dense = np.array([examples.dense[i] for i in rows], dtype=np.float64).reshape(len(rows), -1)
    n_zones = len(examples.zones[rows[0]]) if rows else 0
    dims = vectors.shape[1]
    averaged = np.zeros((len(rows), n_zones * dims))
    for r, i in enumerate(rows):
        ids = [word_index.get(w, -1) if w else -1 for w in examples.embed[i]]
        for z, zone in enumerate(examples.zones[i]):
            hits = [ids[t] for t in zone if ids[t] >= 0]
            if hits:
                averaged[r, z * dims : (z + 1) * dims] = vectors[hits].mean(axis=0)
    averaged *= EMBEDDING_SCALE
    return sp.hstack([indicators, sp.csr_matrix(dense), sp.csr_matrix(averaged)]).tocsr(), vocab


def nb_scales(indicators, y, alpha: float = NB_ALPHA) -> np.ndarray:
    """Per sparse indicator, its Naive Bayes log-count ratios (Wang & Manning 2012, NBSVM),
    from the rows given: per class c, log(P(f | c) / P(f | not c)) with ``alpha`` added to
    every count; the scale is the mean of their absolute values over the three classes,
    normalised to a mean of 1 over the indicators."""
    y = np.asarray(y)
    ratios = np.zeros((indicators.shape[1], 3))
    for c in range(3):
        p = alpha + np.asarray(indicators[y == c].sum(axis=0)).ravel()
        q = alpha + np.asarray(indicators[y != c].sum(axis=0)).ravel()
        ratios[:, c] = np.log(p / p.sum()) - np.log(q / q.sum())
    scale = np.abs(ratios).mean(axis=1)
    return scale / scale.mean()


def scale_columns(X, scale: np.ndarray):
    """``X`` with its first ``len(scale)`` columns (the indicators) multiplied by ``scale``."""
    from scipy import sparse as sp

    return (X @ sp.diags(np.concatenate([scale, np.ones(X.shape[1] - len(scale))]))).tocsr()


def fit(X, y, C: float, weights=None):
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=C, max_iter=5000).fit(X, y, sample_weight=weights)


def macro_f1(gold, predicted) -> float:
    from sklearn.metrics import f1_score

    return float(f1_score(gold, predicted, average="macro", labels=[0, 1, 2]))


def cross_validate(
    examples: Examples, vectors, word_index, C: float, weights=None, is_nyt=None, means=None, nb: bool = False
):
    """Per fold: macro F1 (on NewsMTSC rows), macro F1 on multi-target rows, NYT Pearson r.
    With ``nb``, the indicators are scaled by :func:`nb_scales` of the fold's training rows."""
    y = np.array(examples.y)
    results = []
    oof = np.zeros((len(examples), 3))
    for fold in range(FOLDS):
        train = [i for i in range(len(examples)) if examples.fold[i] != fold]
        test = [i for i in range(len(examples)) if examples.fold[i] == fold]
        X_train, vocab = design(examples, train, vectors, word_index)
        X_test, _ = design(examples, test, vectors, word_index, vocab)
        if nb:
            scale = nb_scales(X_train[:, : len(vocab)], y[train])
            X_train, X_test = scale_columns(X_train, scale), scale_columns(X_test, scale)
        model = fit(X_train, y[train], C, None if weights is None else np.array(weights)[train])
        proba = model.predict_proba(X_test)
        oof[test] = proba
        predicted = proba.argmax(axis=1)
        mtsc = [k for k, i in enumerate(test) if not (is_nyt and is_nyt[i])]
        multi = [k for k in mtsc if examples.multi[test[k]]]
        row = {"f1": macro_f1(y[test][mtsc], predicted[mtsc])}
        if multi:
            row["multi_f1"] = macro_f1(y[test][multi], predicted[multi])
        if is_nyt:
            nyt = [k for k, i in enumerate(test) if is_nyt[i]]
            score = proba[nyt, 2] - proba[nyt, 0]
            row["nyt_r"] = statistics.correlation(score.tolist(), [means[test[k]] for k in nyt])
        results.append(row)
    summary = {key: statistics.fmean(r[key] for r in results) for key in results[0]}
    summary["f1_sd"] = statistics.stdev(r["f1"] for r in results)
    summary["oof"] = oof
    return summary


def offset_scores(examples: Examples, oof: np.ndarray, offset: float) -> dict:
    """Cross-validated macro F1 (mean over folds; all targets and multi-target) when
    ``offset`` is added to the neutral class's log-probability of the out-of-fold predictions."""
    y, fold, multi = np.array(examples.y), np.array(examples.fold), np.array(examples.multi)
    predicted = (np.log(oof) + np.array([0.0, offset, 0.0])).argmax(axis=1)
    f1 = [macro_f1(y[fold == k], predicted[fold == k]) for k in range(FOLDS)]
    multi_f1 = [macro_f1(y[(fold == k) & multi], predicted[(fold == k) & multi]) for k in range(FOLDS)]
    return {"f1": statistics.fmean(f1), "multi_f1": statistics.fmean(multi_f1)}


def choose_offset(examples: Examples, oof: np.ndarray) -> tuple[float, dict, float]:
    """The neutral offset with the best cross-validated macro F1 (ties: the smaller), its
    scores, and a nested estimate: each fold scored with the offset chosen on the others."""
    y, fold = np.array(examples.y), np.array(examples.fold)
    log_p = np.log(oof)

    def f1_on(folds, offset):
        predicted = (log_p + np.array([0.0, offset, 0.0])).argmax(axis=1)
        return statistics.fmean(macro_f1(y[fold == k], predicted[fold == k]) for k in folds)

    best = max(NEUTRAL_OFFSETS, key=lambda o: (round(f1_on(range(FOLDS), o), 4), -o))
    nested = []
    for k in range(FOLDS):
        others = [j for j in range(FOLDS) if j != k]
        inner = max(NEUTRAL_OFFSETS, key=lambda o: (round(f1_on(others, o), 4), -o))
        nested.append(f1_on([k], inner))
    return best, offset_scores(examples, oof, best), statistics.fmean(nested)


def fmt(result: dict) -> str:
    return "  ".join(f"{k} {v:.4f}" for k, v in result.items() if k != "oof")


# --- saving ---


def _text_array(text: str) -> np.ndarray:
    return np.frombuffer(text.encode("utf-8"), dtype=np.uint8)


def save_model(
    path: Path, model, vocab: dict, n_dense: int, words: list[str], vectors: np.ndarray, info: dict, scale=None
):
    """The fitted model as :class:`newstone.nlp.tone.toward.LinearToneModel` reads it; the
    indicators' ``scale`` (:func:`nb_scales`), if any, folded into their weights."""
    coef = model.coef_  # (3, features)
    n_sparse = len(vocab)
    names = sorted(vocab, key=vocab.get)
    sparse_w = coef[:, :n_sparse].T
    if scale is not None:
        sparse_w = sparse_w * scale[:, None]
    dense_w = coef[:, n_sparse : n_sparse + n_dense].T
    zone_w = coef[:, n_sparse + n_dense :]
    dims = vectors.shape[1]
    n_zones = zone_w.shape[1] // dims
    # projections[word, zone, class] = scale * vector[word] . weights[class, zone]
    projections = np.stack(
        [EMBEDDING_SCALE * vectors @ zone_w[:, z * dims : (z + 1) * dims].T for z in range(n_zones)], axis=1
    )
    np.savez_compressed(
        path,
        version=np.array(toward.FEATURE_VERSION),
        features=_text_array("\n".join(names)),
        weights=sparse_w.astype(np.float32),
        dense_weights=dense_w.astype(np.float64),
        bias=model.intercept_.astype(np.float64),
        words=_text_array("\n".join(words)),
        projections=projections.astype(np.float32),
        info=_text_array(json.dumps(info, sort_keys=True)),
    )


# --- main ---


ABLATIONS = {
    "window words (l:, r:, l0..r1)": dict(drop={"l", "r", "l0", "l1", "r0", "r1"}),
    "clause words (c:)": dict(drop={"c"}),
    "target shape and words (t:, tw:)": dict(drop={"t", "tw"}),
    "lexicon zones (dense 4..)": dict(dense_keep=list(range(4))),
    "VADER sentence scores (dense 0..3)": dict(dense_keep=list(range(4, len(toward.DENSE_NAMES)))),
    "word vectors": dict(zones_keep=[]),
    "target-aware parts (window, clause, zones, target)": dict(
        drop={"l", "r", "l0", "l1", "r0", "r1", "c", "t", "tw"}, dense_keep=list(range(4)), zones_keep=[0]
    ),
}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED, help="the shared data folder")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where the model files go")
    parser.add_argument("--ablation", action="store_true", help="also cross-validate without each feature group")
    parser.add_argument("--no-write", action="store_true", help="cross-validate only")
    parser.add_argument("--only", choices=("toward", "sentence"), help="train only one of the two models")
    args = parser.parse_args(argv)
    from threadpoolctl import threadpool_limits

    threadpool_limits(1)  # one BLAS thread: the same sums in the same order on any machine
    started = time.perf_counter()
    log = lambda *a: print(*a, f"[{time.perf_counter() - started:.0f} s]", flush=True)
    records = load_newsmtsc(args.shared / "newsmtsc" / "train.jsonl")
    dev = [r for r in records if not r["heldout"]]
    n_targets = lambda rs: sum(len(r["targets"]) for r in rs)
    log(
        f"NewsMTSC train: {len(records)} sentences, {n_targets(records)} targets; dev part "
        f"{len(dev)} sentences ({len({r['group'] for r in dev})} groups, {n_targets(dev)} targets), held out "
        f"{len(records) - len(dev)} sentences ({n_targets(records) - n_targets(dev)} targets)"
    )
    words, all_vectors = word_vectors(args.shared, records, log, dims=(TOWARD_DIMS, VECTOR_SETTINGS["dims"]))
    word_index = {w: i for i, w in enumerate(words)}
    if args.only != "sentence":
        train_toward(args, dev, words, word_index, all_vectors[TOWARD_DIMS], log)
    if args.only != "toward":
        train_sentence(args, dev, words, word_index, all_vectors[VECTOR_SETTINGS["dims"]], log)
    return 0


def train_toward(args, dev, words, word_index, vectors, log) -> None:
    """Tone toward a target: C and the neutral offset by cross-validation, then the model."""
    examples = toward_examples(dev)
    log(f"tone toward: {len(examples)} dev targets; {FOLDS}-fold cross-validation over groups")
    cv = {}
    for C in C_GRID:
        cv[C] = cross_validate(examples, vectors, word_index, C, nb=True)
        log(f"  C={C:<5} {fmt(cv[C])}")
    best_c = max(C_GRID, key=lambda c: (round(cv[c]["f1"], 4), -c))
    offset, with_offset, nested = choose_offset(examples, cv[best_c]["oof"])
    log(
        f"  chosen C={best_c}; best neutral offset {offset:g}: {fmt(with_offset)} "
        f"(nested: offset chosen on four folds, scored on the fifth: f1 {nested:.4f})"
    )
    if round(nested, 4) <= round(cv[best_c]["f1"], 4):  # choosing it does not pay out of sample
        offset, with_offset = 0.0, offset_scores(examples, cv[best_c]["oof"], 0.0)
        log("  no neutral offset: the nested estimate is no better than none")
    if args.ablation:
        log("ablation (each group left out), chosen C:")
        for name, spec in ABLATIONS.items():
            reduced = keep_groups(
                examples, frozenset(spec.get("drop", ())), spec.get("dense_keep"), spec.get("zones_keep")
            )
            log(f"  without {name:<52} {fmt(cross_validate(reduced, vectors, word_index, best_c, nb=True))}")
        log(f"  without {'Naive Bayes scaling':<52} {fmt(cross_validate(examples, vectors, word_index, best_c))}")
    if args.no_write:
        return
    args.out.mkdir(parents=True, exist_ok=True)
    rows = list(range(len(examples)))
    X, vocab = design(examples, rows, vectors, word_index)
    scale = nb_scales(X[:, : len(vocab)], examples.y)
    model = fit(scale_columns(X, scale), np.array(examples.y), best_c)
    model.intercept_[1] += offset  # the neutral offset, as part of the neutral class's bias
    info = {
        "trained_on": "NewsMTSC train, dev part (held-out part left out)",
        "targets": len(examples),
        "C": best_c,
        "neutral_offset": offset,
        "cv_macro_f1": round(with_offset["f1"], 4),
        "cv_multi_target_macro_f1": round(with_offset["multi_f1"], 4),
        "cv_macro_f1_nested_offset": round(nested, 4),
        "cv_macro_f1_no_offset": round(cv[best_c]["f1"], 4),
        "vectors": VECTOR_SETTINGS | {"dims": vectors.shape[1], "scale": EMBEDDING_SCALE},
        "nb_scaling_alpha": NB_ALPHA,
    }
    path = args.out / toward.MODEL_FILE
    save_model(path, model, vocab, len(toward.DENSE_NAMES), words, vectors, info, scale)
    log(f"wrote {path} ({path.stat().st_size / 1e6:.1f} MB, {len(vocab):,} features)")


def train_sentence(args, dev, words, word_index, vectors, log) -> None:
    """The learned sentence scorer: C and the NYT sentences' weight by cross-validation."""
    gold = evaluate_tone.load_gold(args.shared / "vader_gold")
    nyt_dev = evaluate_tone.split_halves(gold)["dev"]
    sentences, is_nyt, means = sentence_examples(dev, nyt_dev)
    log(f"sentence scorer: {len(sentences)} dev sentences ({sum(is_nyt)} NYT dev half)")
    scv = {}
    for C in SENTENCE_C_GRID:
        for nyt_weight in NYT_WEIGHTS:
            weights = [nyt_weight if nyt else 1.0 for nyt in is_nyt]
            scv[C, nyt_weight] = cross_validate(sentences, vectors, word_index, C, weights, is_nyt, means)
            log(f"  C={C:<5} NYT weight {nyt_weight:g}  {fmt(scv[C, nyt_weight])}")
    best_s = max(scv, key=lambda k: (round((scv[k]["f1"] + scv[k]["nyt_r"]) / 2, 4), -k[0], k[1]))
    log(f"  chosen C={best_s[0]}, NYT weight {best_s[1]:g}")
    if args.no_write:
        return
    args.out.mkdir(parents=True, exist_ok=True)
    rows = list(range(len(sentences)))
    X, vocab = design(sentences, rows, vectors, word_index)
    weights = np.array([best_s[1] if nyt else 1.0 for nyt in is_nyt])
    model = fit(X, np.array(sentences.y), best_s[0], weights)
    info = {
        "trained_on": "NewsMTSC train dev part (sentence = sign of its targets' mean) + NYT dev half",
        "sentences": len(sentences),
        "C": best_s[0],
        "nyt_weight": best_s[1],
        "cv_macro_f1": round(scv[best_s]["f1"], 4),
        "cv_nyt_r": round(scv[best_s]["nyt_r"], 4),
        "vectors": VECTOR_SETTINGS | {"scale": EMBEDDING_SCALE},
    }
    path = args.out / toward.SENTENCE_MODEL_FILE
    save_model(path, model, vocab, len(toward.SENTENCE_DENSE_NAMES), words, vectors, info)
    log(f"wrote {path} ({path.stat().st_size / 1e6:.1f} MB, {len(vocab):,} features)")


if __name__ == "__main__":
    sys.exit(main())
