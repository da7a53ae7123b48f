#!/usr/bin/env python3
"""Train the learned attribution tagger (issue 17) on PolNeAR train; score it on dev.

Usage::

    python scripts/train_attribution.py [--train DIR] [--dev DIR] [--out FILE]
                                        [--folds K] [--hidden N] [--layers N] [--epochs N]
                                        [--threads N] [--min-precision P]

It needs PyTorch, which run time does not: ``pip install -r requirements-train.txt``.

* Training reads only ``--train`` (default ``../shared/data/polnear/train``): its texts go
  through our own ingest, sentence splitter and rules, exactly as at run time
  (``learned.features.article_inputs``), and the gold Source/Cue/Content spans of the first
  annotator in ``metadata.tsv`` become BIO tags of our tokens. The tagger's word vectors start
  from vectors of the unlabelled news in ``../shared`` (``word_vectors.py``: BBC,
  Reuters-21578 and train's texts; computed once per run, about 10 s), unless
  ``--no-word-vectors``.
* ``--folds K`` first cross-validates on train: K models, each trained on K-1 folds
  (articles dealt round-robin in name order) and scored on the held-out fold, rules and
  hybrid side by side, with the official scorer's rule (``newstone.evaluate.score``).
  The learned candidates of the held-out folds, right or wrong by that rule, also fit the
  hybrid's confidence model (``learned/confidence.py``): a logistic regression over the
  candidates' numbers and words (a word seen in at least ``MIN_WORD_COUNT`` candidates
  gets a weight, penalised ``WORD_PENALTY`` times as hard as a number's), its cut
  chosen on the same candidates with the weights cross-fitted over two halves of the
  articles (the highest F1 at precision >= ``--min-precision``); the weights fitted on
  all of them and the cut are written to ``data/attribution_confidence.json``. Without
  ``--folds`` that file is left as it is.
* Then one model is trained on all of train and written to ``--out`` (default the shipped
  ``lib/newstone/data/attribution_tagger.npz``), and dev (``--dev``), which is never trained
  on, is scored: rules and hybrid.

The network and its training are in ``tagger_network.py``; with the same data, options and
thread count they give the same model file, byte for byte, and the same figures. The test
split is not read.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
for _name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):  # the same sums, so weights, every run
    os.environ[_name] = "1"
sys.path.insert(0, str(ROOT / "lib"))

from newstone.evaluate import GoldAttribution, Prediction, gold_files, load_gold, score  # noqa: E402
from newstone.ingest.reader import iter_articles  # noqa: E402
from newstone.model import Attribution, Sentence  # noqa: E402
from newstone.nlp.attribution.document import extract_attributions, paragraphs_of  # noqa: E402
from newstone.nlp.attribution.hybrid import hybrid_attributions, linked_candidates, tag_article  # noqa: E402
from newstone.nlp.attribution.learned.confidence import FEATURES, ConfidenceModel, confidence_model  # noqa: E402
from newstone.nlp.attribution.learned.features import article_inputs, span_tags  # noqa: E402
from newstone.nlp.attribution.learned.network import MODEL_FILE, save  # noqa: E402
from newstone.nlp.attribution.learned.network import load as load_tagger  # noqa: E402
from newstone.nlp.attribution.learned.rules_check import (  # noqa: E402
    RULES_FEATURES,
    checkable,
    rules_check_model,
    rules_features,
    rules_words,
)
from newstone.nlp.attribution.learned.spans import Candidate  # noqa: E402
from newstone.nlp.attribution.quotes import find_quotes  # noqa: E402
from newstone.nlp.sentences import split_sentences  # noqa: E402
from newstone.nlp.speakers.coreference import resolve_speakers  # noqa: E402

SHARED = ROOT.parent / "shared" / "data" / "polnear"
CONFIDENCE_OUT = ROOT / "lib" / "newstone" / "data" / "attribution_confidence.json"
CUTS = tuple(round(0.3 + 0.025 * i, 3) for i in range(21))
RULES_CUTS = (0.0,) + tuple(round(0.1 + 0.05 * i, 2) for i in range(16))  # 0: every rules attribution kept
MIN_WORD_COUNT = 5  # candidates a word must describe to get a weight of its own
WORD_PENALTY = 3.0  # L2 penalty of a word's weight (1 for the numbers): words are many and sparse


@dataclass
class Item:
    name: str
    text: str
    sentences: list[Sentence]
    gold: list[GoldAttribution]


def load_split(split: Path) -> list[Item]:
    """The articles of a brat split with their gold (the scorer's choice of annotator)."""
    metadata = split.parent / "metadata.tsv"
    gold = load_gold(str(split), str(metadata) if metadata.exists() else None)
    items = []
    for name in sorted(gold_files(str(split), str(metadata) if metadata.exists() else None)):
        (article,) = iter_articles([str(split / "text" / (name + ".txt"))])
        items.append(Item(name, article.text, split_sentences(article.text, article.body_spans), gold[name]))
    return items


def gold_spans(gold: list[GoldAttribution]) -> list:
    """Labelled gold spans, contents first so that a cue or source inside one wins."""
    out = [(f, "C") for g in gold for f in g.content]
    out += [(f, "K") for g in gold for f in g.cue]
    out += [(f, "S") for g in gold for f in g.source]
    return out


def sequences(item: Item) -> list[tuple[list[tuple[str, ...]], list[str]]]:
    """(input columns, gold tags) of every paragraph of an article."""
    rules = extract_attributions(item.text, item.sentences)
    paragraphs, inputs = article_inputs(item.text, item.sentences, rules)
    labelled = gold_spans(item.gold)
    out = []
    for paragraph, columns in zip(paragraphs, inputs):
        starts = [s for s, _ in paragraph.spans]
        out.append((columns, span_tags(starts, labelled, len(starts))))
    return out


def _log(message: str) -> None:
    print(message, flush=True)


def train(items: list[Item], path: str, args) -> float:
    """Train the tagger on ``items`` and write its model file to ``path``; the seconds taken."""
    import tagger_network

    paragraphs = [pair for item in items for pair in sequences(item)]
    settings = tagger_network.Settings(args.hidden, args.layers, args.epochs, args.threads)
    started = time.perf_counter()
    arrays = tagger_network.train(
        [p for p, _ in paragraphs], [t for _, t in paragraphs], settings, log=_log, word_vectors=_word_vectors(args)
    )
    save(path, arrays)
    return time.perf_counter() - started


def _word_vectors(args) -> dict | None:
    """The word vectors the tagger starts from (``word_vectors.py``), computed once per run;
    None with ``--no-word-vectors``."""
    if args.no_word_vectors:
        return None
    if getattr(args, "vectors", None) is None:
        import word_vectors

        started = time.perf_counter()
        args.vectors = word_vectors.word_vectors(word_vectors.unlabelled_texts())
        _log(f"word vectors: {len(args.vectors)} words in {time.perf_counter() - started:.0f} s")
    return args.vectors


def predictions(items: list[Item], tagger, mode: str) -> dict[str, list[Prediction]]:
    out = {}
    for item in items:
        if mode == "rules":
            atts: list[Attribution] = extract_attributions(item.text, item.sentences)
        else:
            atts = hybrid_attributions(item.text, item.sentences, tagger)
        # one row per person of a joint source, as in the quotes table `newstone evaluate` scores
        out[item.name] = [Prediction(list(a.spans), a.source) for a in resolve_speakers(item.text, atts)]
    return out


def compare(items: list[Item], tagger) -> dict:
    gold = {item.name: item.gold for item in items}
    return {mode: score(gold, predictions(items, tagger, mode)) for mode in ("rules", "hybrid")}


FIGURES = ("attribution_f1", "attribution_precision", "attribution_recall", "recall_quoted", "recall_unquoted")


def show(title: str, result: dict) -> None:
    print(title)
    for mode, figures in result.items():
        print(f"  {mode:7s} " + "  ".join(f"{k.replace('attribution_', '')} {figures[k]:.4f}" for k in FIGURES))
        print(f"  {'':7s} content_f1 {figures['content_f1']:.4f}  predictions {figures['predictions']}")
    sys.stdout.flush()


@dataclass
class Held:
    """A held-out article: its rules attributions and the learned ones the hybrid may add,
    each with its confidence features and whether it is right."""

    item: Item
    rules: list[Attribution]
    linked: list[tuple[Attribution, list[float], list[str]]]  # linked against every rules attribution
    right: list[bool]
    checks: list[tuple[list[float], list[str]] | None]  # the rules check's numbers and words (None: not judged)
    rules_right: list[bool]
    candidates: list[Candidate]  # the tagger's, to link again against the rules a check keeps
    quotes: list


def is_right(att: Attribution, gold: list[GoldAttribution]) -> bool:
    """The scorer's rule for one prediction: the gold content covering the largest share
    of its content characters covers at least half, and the sources overlap (or that gold
    has no source)."""
    chars = {c for s, e in att.spans for c in range(s, e)}
    best, share = None, 0.0
    for g in gold:
        covered = len(chars & {c for s, e in g.content for c in range(s, e)}) / max(len(chars), 1)
        if covered > share:
            best, share = g, covered
    if best is None or share < 0.5:
        return False
    return not best.source or (
        att.source is not None and any(att.source[0] < e and s < att.source[1] for s, e in best.source)
    )


def fit_logistic(x, y, penalty):
    """Weights of an L2-penalised logistic regression, ``penalty`` one number per column
    (Newton's method, 25 steps: the same weights every run)."""
    import numpy as np

    w = np.zeros(x.shape[1])
    for _ in range(25):
        p = 1 / (1 + np.exp(-(x @ w)))
        gradient = x.T @ (p - y) + penalty * w
        hessian = (x * (p * (1 - p))[:, None]).T @ x + np.diag(penalty)
        w -= np.linalg.solve(hessian, gradient)
    return w


def fit_model(numbers, words: list[list[str]], y, keep) -> tuple[list[str], object]:
    """(vocabulary, weights) of the confidence model fitted on the rows ``keep`` selects:
    the numbers' columns, then one column per word of at least ``MIN_WORD_COUNT`` of those
    rows, in sorted order."""
    import numpy as np

    counts = Counter(word for row, kept in zip(words, keep) if kept for word in set(row))
    vocabulary = sorted(word for word, n in counts.items() if n >= MIN_WORD_COUNT)
    x = design(numbers, words, vocabulary)
    penalty = np.array([1.0] * numbers.shape[1] + [WORD_PENALTY] * len(vocabulary))
    return vocabulary, fit_logistic(x[keep], y[keep], penalty)


def design(numbers, words: list[list[str]], vocabulary: list[str]):
    """The numbers with one 0/1 column per word of ``vocabulary`` appended."""
    import numpy as np

    column = {word: i for i, word in enumerate(vocabulary)}
    x = np.zeros((len(words), len(vocabulary)))
    for n, row in enumerate(words):
        for word in row:
            if word in column:
                x[n, column[word]] = 1.0
    return np.hstack([numbers, x])


def score_choice(held: list[Held], chosen: list[list[Attribution]]) -> dict:
    """The scorer's figures of the attributions ``chosen`` for each held-out article."""
    preds = {}
    for h, atts in zip(held, chosen):
        atts = sorted(atts, key=lambda a: (a.start, a.end))
        preds[h.item.name] = [Prediction(list(a.spans), a.source) for a in resolve_speakers(h.item.text, atts)]
    return score({h.item.name: h.item.gold for h in held}, preds)


def hybrid_choice(held: list[Held], rule_probability, candidate_model, rule_cut: float, cuts=None):
    """The hybrid's attributions of each held-out article, as ``hybrid.combine`` makes them:
    the rules attributions whose ``rule_probability(k, j)`` reaches ``rule_cut``, and the
    candidates linked against those that ``candidate_model(k)`` (the article's model) gives
    at least the cut. One choice per cut of ``cuts`` (default: the model's own cut)."""
    cuts = list(cuts) if cuts is not None else [None]
    chosen: list[list[list[Attribution]]] = [[] for _ in cuts]
    for k, h in enumerate(held):
        kept = [a for j, a in enumerate(h.rules) if rule_probability(k, j) >= rule_cut]
        model = candidate_model(k)
        linked = [
            (a, model.probability(x, words))
            for a, x, words in linked_candidates(h.item.text, h.item.sentences, kept, h.candidates, h.quotes)
        ]
        for n, cut in enumerate(cuts):
            cut = model.cut if cut is None else cut
            chosen[n].append(kept + [a for a, p in linked if p >= cut])
    return chosen


def crossfitted(rows: list[tuple[int, list[float], list[str], bool]]):
    """A logistic model fitted on the rows (article index, numbers, words, right): the
    model fitted on the other half of the articles than article k's (``halves[k % 2]``),
    and the model fitted on all rows as (vocabulary, weights)."""
    import numpy as np

    x = np.array([r[1] for r in rows])
    words = [r[2] for r in rows]
    y = np.array([float(r[3]) for r in rows])
    half = np.array([r[0] % 2 for r in rows])
    halves = []
    for part in (0, 1):
        vocabulary, w = fit_model(x, words, y, half != part)
        n = x.shape[1]
        halves.append(ConfidenceModel(list(w[:n]), dict(zip(vocabulary, w[n:])), 0.0))
    return halves, fit_model(x, words, y, np.ones(len(rows), dtype=bool))


def model_file_part(features: tuple[str, ...], fitted, cut: float, rows: list) -> dict:
    vocabulary, weights = fitted
    n = len(features)
    return {
        "features": list(features),
        "weights": [round(float(w), 6) for w in weights[:n]],
        "words": {word: round(float(w), 6) for word, w in zip(vocabulary, weights[n:])},
        "cut": cut,
        "rows": len(rows),
        "right": int(sum(r[3] for r in rows)),
    }


def fit_confidence(held: list[Held], args) -> tuple[dict, dict]:
    """The confidence model and the rules check from the held-out articles: (file contents,
    figures). Both are cross-fitted over two halves of the articles, and their two cuts are
    chosen together: the highest F1 at precision >= ``--min-precision``. The confidence
    model learns from the candidates linked against every rules attribution; at a rules
    check's cut the candidates are linked again against the rules it keeps."""
    candidates = [(k, x, words, ok) for k, h in enumerate(held) for (_, x, words), ok in zip(h.linked, h.right)]
    rules = [(k, *check, ok) for k, h in enumerate(held) for check, ok in zip(h.checks, h.rules_right) if check]
    candidate_halves, candidate_model = crossfitted(candidates)
    rule_halves, rule_model = crossfitted(rules)
    rule_p = [[rule_halves[k % 2].probability(*c) if c else 1.0 for c in h.checks] for k, h in enumerate(held)]
    figures = {}
    for rule_cut in RULES_CUTS:
        choices = hybrid_choice(held, lambda k, j: rule_p[k][j], lambda k: candidate_halves[k % 2], rule_cut, CUTS)
        for cut, chosen in zip(CUTS, choices):
            figures[rule_cut, cut] = f = score_choice(held, chosen)
            print(
                f"  rules check {rule_cut:.2f}, cut {cut:.3f}: F1 {f['attribution_f1']:.4f} "
                f"P {f['attribution_precision']:.4f}",
                flush=True,
            )
    good = [c for c in figures if figures[c]["attribution_precision"] >= args.min_precision]
    rule_cut, cut = max(good, key=lambda c: figures[c]["attribution_f1"]) if good else (RULES_CUTS[-1], CUTS[-1])
    model = model_file_part(FEATURES, candidate_model, cut, candidates)
    model["rules_check"] = model_file_part(RULES_FEATURES, rule_model, rule_cut, rules)
    return model, figures[rule_cut, cut]


def cross_validate(items: list[Item], args) -> dict:
    """Held-out predictions of every train article from K fold models, scored together;
    the held-out candidates fit the confidence model (written to ``CONFIDENCE_OUT``)."""
    gold = {item.name: item.gold for item in items}
    held: list[Held] = []
    shipped = confidence_model()
    try:
        shipped_rules = rules_check_model()
    except KeyError:  # a confidence file from before the rules check
        shipped_rules = None
    if args.fold_dir:
        os.makedirs(args.fold_dir, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        for k in range(args.folds):
            rest = [item for i, item in enumerate(items) if i % args.folds != k]
            path = os.path.join(args.fold_dir or tmp, f"fold{k}of{args.folds}.npz")
            if args.fold_dir and os.path.exists(path):
                print(f"fold {k + 1}/{args.folds}: model {path} reused", flush=True)
            else:
                seconds = train(rest, path, args)
                print(f"fold {k + 1}/{args.folds}: trained on {len(rest)} articles in {seconds:.0f} s", flush=True)
            tagger = load_tagger(path)
            for item in items[k :: args.folds]:
                rules = extract_attributions(item.text, item.sentences)
                quotes = find_quotes(item.text, [span for span, _ in paragraphs_of(item.sentences)])
                candidates, tokens = tag_article(item.text, item.sentences, rules, quotes, tagger)
                linked = linked_candidates(item.text, item.sentences, rules, candidates, quotes)
                checks = [
                    (rules_features(item.text, a, tokens), rules_words(item.text, a)) if judged else None
                    for a, judged in zip(rules, checkable(rules, item.text))
                ]
                right = [is_right(att, item.gold) for att, *_ in linked]
                rules_right = [is_right(a, item.gold) for a in rules]
                held.append(Held(item, rules, linked, right, checks, rules_right, candidates, quotes))
    held.sort(key=lambda h: h.item.name)
    rules_preds = {
        h.item.name: [Prediction(list(a.spans), a.source) for a in resolve_speakers(h.item.text, h.rules)] for h in held
    }
    result = {"rules": score(gold, rules_preds)}

    def shipped_check(k, j):
        check = held[k].checks[j]
        return shipped_rules.probability(*check) if shipped_rules is not None and check else 1.0

    (as_it_was,) = hybrid_choice(held, shipped_check, lambda k: shipped, shipped_rules.cut if shipped_rules else 0.0)
    result["hybrid, confidence file as it was"] = score_choice(held, as_it_was)
    cut_080 = math.log(4)  # the log odds of a mean content probability of 0.80
    result["hybrid, content probability >= 0.80"] = score_choice(
        held, [h.rules + [a for a, x, _ in h.linked if x[1] >= cut_080] for h in held]
    )
    print("confidence model, cross-fitted over two halves of the held-out articles:", flush=True)
    model, figures = fit_confidence(held, args)
    result["hybrid"] = figures
    with open(CONFIDENCE_OUT, "w", encoding="utf-8") as handle:
        json.dump(model, handle, indent=1)
        handle.write("\n")
    confidence_model.cache_clear()
    rules_check_model.cache_clear()
    print(
        f"confidence model: cut {model['cut']}, rules check {model['rules_check']['cut']}, {CONFIDENCE_OUT}", flush=True
    )
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--train", type=Path, default=SHARED / "train")
    parser.add_argument("--dev", type=Path, default=SHARED / "dev")
    parser.add_argument("--out", default=os.path.normpath(MODEL_FILE))
    parser.add_argument("--folds", type=int, default=0, help="cross-validate on train first (0: no)")
    parser.add_argument("--cv-only", action="store_true", help="only cross-validate; write no model")
    parser.add_argument("--fold-dir", help="keep the fold models here (and reuse those already there)")
    parser.add_argument("--hidden", type=int, default=64, help="LSTM state size, each direction")
    parser.add_argument("--layers", type=int, default=1, help="LSTM layers")
    parser.add_argument("--epochs", type=int, default=6)
    parser.add_argument("--threads", type=int, default=2, help="PyTorch threads (the weights depend on it)")
    parser.add_argument("--min-precision", type=float, default=0.84, help="held-out precision the cuts keep")
    parser.add_argument(
        "--no-word-vectors", action="store_true", help="start words from random vectors, not from unlabelled news"
    )
    args = parser.parse_args(argv)
    if not args.train.is_dir():
        print(f"{args.train}: no PolNeAR train split here", file=sys.stderr)
        return 1
    started = time.perf_counter()
    items = load_split(args.train)
    print(f"train: {len(items)} articles read in {time.perf_counter() - started:.0f} s", flush=True)
    options = ("hidden", "layers", "epochs", "threads", "folds", "no_word_vectors")
    report: dict = {"options": {k: getattr(args, k) for k in options}}
    if args.folds:
        report["cross_validation"] = cross_validate(items, args)
        show(f"train, {args.folds}-fold cross-validation (held-out folds)", report["cross_validation"])
    if not args.cv_only:
        seconds = train(items, args.out, args)
        size = os.path.getsize(args.out)
        print(f"model: {args.out}, {size / 1e6:.1f} MB, trained in {seconds:.0f} s", flush=True)
        if args.dev.is_dir():
            report["dev"] = compare(load_split(args.dev), load_tagger(args.out))
            show("dev", report["dev"])
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
