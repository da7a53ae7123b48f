#!/usr/bin/env python3
"""Measure newstone's tone scorers against people: sentence tone on NYT editorial sentences,
tone toward a target on NewsMTSC.

1. Sentence tone. Gold: the NYT editorial snippets of the VADER paper (Hutto & Gilbert,
ICWSM 2014), ``nytEditorialSnippets_GroundTruth.txt``: one sentence per line,
``id<TAB>mean<TAB>text``, where ``mean`` is the average of 20 ratings on -4..+4 and ``id`` is
``<article>_<sentence>``.

Split: by article, so that no article's topic vocabulary is on both sides. An article is in
the "dev" half when the SHA-256 of its id (the part of the snippet id before ``_``) is even,
in the "report" half otherwise (239 and 259 articles; 2,534 and 2,656 sentences). The news
lexicon was developed on "dev" only, and the learned scorer trained on it (its dev figures
are in-sample); "report" is only ever scored.

Metrics, for each scorer on each half:
* Pearson r between the scorer's score and the human mean;
* macro F1 over three classes. Gold classes come from the human mean with a neutral band of
  |mean| < 0.5: the mean rounds to the "neutral (0)" point of the rating scale, which puts
  about 34 % / 44 % / 22 % of dev sentences in negative / neutral / positive. Predicted
  classes: VADER's usual cut-offs on compound (>= 0.05 positive, <= -0.05 negative) for the
  VADER scorers, the likeliest class for the learned one.

2. Tone toward a target. Gold: NewsMTSC train (Hamborg & Donnay, EACL 2021), its held-out
part (:func:`is_heldout`: a fifth of the articles, AllSides stories kept whole), which no
model saw. Per target, macro F1 over the three classes, on all targets and on the targets
of sentences with two or more; ``tone_toward`` against the sentence scorers (every target
of a sentence gets the sentence's class) and raw VADER.

Usage::

    python scripts/evaluate_tone.py [--gold DIR] [--newsmtsc FILE] [--suggest N] [--cv K]

``--suggest N`` prints lexicon candidates found on the dev half (never the report half): VADER
words whose dev sentences people rated against VADER's sign, and unknown words frequent in
dev sentences that the news scorer leaves at 0 although people did not.

``--cv K`` prints each VADER scorer's Pearson r on K folds of the DEV half (folds by article,
from the SHA-256 of ``"cv" + article id``), with their mean and spread. Use it to compare
lexicon variants: a change is worth keeping when it helps on most folds, not on the dev half
as a whole (and the lexicon's in-sample picks flatter the news scorer on every fold alike).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import statistics
import string
import sys
import time
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from newstone.nlp.tone.columns import SCORERS
from newstone.nlp.tone.news import SCORERS as VADER_SCORERS
from newstone.nlp.tone.news import get_scorer, tone_label
from newstone.nlp.tone.toward import sentence_tone, tone_toward

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_GOLD_DIR = ROOT.parent / "shared" / "data" / "vader_gold"
GOLD_FILE = "nytEditorialSnippets_GroundTruth.txt"
DEFAULT_NEWSMTSC = ROOT.parent / "shared" / "data" / "newsmtsc" / "train.jsonl"
HALVES = ("dev", "report")
NEUTRAL_BAND = 0.5  # |human mean| < 0.5 on the -4..+4 scale is neutral
CLASSES = ("negative", "neutral", "positive")


@dataclass(frozen=True)
class GoldSnippet:
    """One rated sentence: ids, the human mean rating (-4..+4) and the text."""

    snippet_id: str
    article_id: str
    mean: float
    text: str


@dataclass(frozen=True)
class Result:
    """Agreement of one scorer with the human means on one half."""

    scorer: str
    half: str
    n: int
    pearson_r: float
    macro_f1: float


def half_of(article_id: str) -> str:
    """ "dev" or "report": parity of the article id's SHA-256, stable across runs and machines."""
    digest = hashlib.sha256(article_id.encode("utf-8")).hexdigest()
    return "dev" if int(digest, 16) % 2 == 0 else "report"


def load_gold(gold_dir: Path | str) -> list[GoldSnippet]:
    """The rated snippets in file order; FileNotFoundError names the missing file."""
    path = Path(gold_dir) / GOLD_FILE
    if not path.is_file():
        raise FileNotFoundError(f"gold file not found: {path}")
    snippets = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        snippet_id, mean, text = line.split("\t", 2)
        snippets.append(GoldSnippet(snippet_id, snippet_id.split("_")[0], float(mean), text))
    return snippets


def split_halves(snippets: Iterable[GoldSnippet]) -> dict[str, list[GoldSnippet]]:
    """Snippets grouped by :func:`half_of` their article."""
    halves: dict[str, list[GoldSnippet]] = {half: [] for half in HALVES}
    for snippet in snippets:
        halves[half_of(snippet.article_id)].append(snippet)
    return halves


def dev_fold_of(article_id: str, folds: int) -> int:
    """Cross-validation fold (0..folds-1) of a dev article; independent of :func:`half_of`."""
    return int(hashlib.sha256(("cv" + article_id).encode("utf-8")).hexdigest(), 16) % folds


def dev_folds(snippets: Iterable[GoldSnippet], folds: int = 5) -> list[list[GoldSnippet]]:
    """The DEV half's snippets in ``folds`` groups by article (the report half is never used)."""
    groups: list[list[GoldSnippet]] = [[] for _ in range(folds)]
    for snippet in split_halves(snippets)["dev"]:
        groups[dev_fold_of(snippet.article_id, folds)].append(snippet)
    return groups


def cross_validate(snippets: Iterable[GoldSnippet], folds: int = 5) -> dict[str, list[float]]:
    """Pearson r of each VADER scorer on each dev fold."""
    groups = dev_folds(snippets, folds)
    return {
        scorer: [score_half(scorer, f"dev{k}", group).pearson_r for k, group in enumerate(groups)]
        for scorer in VADER_SCORERS
    }


def format_cv(per_fold: dict[str, list[float]]) -> str:
    """One line per scorer: r on each dev fold, mean and standard deviation."""
    lines = [f"Pearson r on {len(next(iter(per_fold.values())))} dev folds (by article):"]
    for scorer, rs in per_fold.items():
        lines.append(
            f"  {scorer:<8}"
            + " ".join(f"{r:.3f}" for r in rs)
            + f"   mean {statistics.fmean(rs):.3f} sd {statistics.stdev(rs):.3f}"
        )
    return "\n".join(lines)


def gold_class(mean: float) -> str:
    """Human class: neutral inside the band, else the sign of the mean."""
    if mean >= NEUTRAL_BAND:
        return "positive"
    if mean <= -NEUTRAL_BAND:
        return "negative"
    return "neutral"


def macro_f1(gold: Sequence[str], predicted: Sequence[str]) -> float:
    """Unweighted mean of the per-class F1 over :data:`CLASSES` (0 for a class never hit)."""
    scores = []
    for cls in CLASSES:
        tp = sum(g == cls and p == cls for g, p in zip(gold, predicted))
        fp = sum(g != cls and p == cls for g, p in zip(gold, predicted))
        fn = sum(g == cls and p != cls for g, p in zip(gold, predicted))
        scores.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return sum(scores) / len(scores)


def sentence_scores(scorer: str, texts: Sequence[str]) -> tuple[list[float], list[str]]:
    """Each text's score and class under ``scorer``: VADER's compound and its +-0.05
    cut-offs, or the learned scorer's P(positive) - P(negative) and likeliest class."""
    if scorer == "learned":
        results = [sentence_tone(text) for text in texts]
        return [r["score"] for r in results], [r["label"] for r in results]
    polarity = get_scorer(scorer).polarity
    compounds = [polarity(text)["compound"] for text in texts]
    return compounds, [tone_label(c) for c in compounds]


def score_half(scorer: str, half: str, snippets: Sequence[GoldSnippet]) -> Result:
    """Pearson r and macro F1 of one scorer on one half."""
    scores, labels = sentence_scores(scorer, [s.text for s in snippets])
    means = [s.mean for s in snippets]
    return Result(
        scorer=scorer,
        half=half,
        n=len(snippets),
        pearson_r=statistics.correlation(scores, means),
        macro_f1=macro_f1([gold_class(m) for m in means], labels),
    )


def evaluate(snippets: Iterable[GoldSnippet]) -> list[Result]:
    """Every scorer on every half."""
    halves = split_halves(snippets)
    return [score_half(scorer, half, halves[half]) for scorer in SCORERS for half in HALVES]


def format_results(results: Sequence[Result]) -> str:
    """A plain-text table, one row per scorer and half."""
    lines = [f"{'scorer':<8}{'half':<8}{'n':>6}{'pearson_r':>11}{'macro_f1':>10}"]
    for r in results:
        note = "   (trained on this half)" if r.scorer == "learned" and r.half == "dev" else ""
        lines.append(f"{r.scorer:<8}{r.half:<8}{r.n:>6}{r.pearson_r:>11.3f}{r.macro_f1:>10.3f}{note}")
    return "\n".join(lines)


# --- NewsMTSC: tone toward a target ---

POLARITY = {2.0: "negative", 4.0: "neutral", 6.0: "positive"}  # NewsMTSC's ratings


def article_group(primary_gid: str) -> str:
    """The unit the NewsMTSC split keeps whole: an AllSides story (``allsides_<n>_<m>``: article
    ``n`` of story ``m``, which AllSides covers from two or three outlets) or a POLUSA
    article (``polusa_v1_<n>``)."""
    parts = primary_gid.split("_")
    if parts[0] == "allsides":
        return "allsides_story_" + parts[2]
    return "_".join(parts[:3])


def _sha256_int(text: str) -> int:
    return int(hashlib.sha256(text.encode("utf-8")).hexdigest(), 16)


def is_heldout(group: str) -> bool:
    """Whether a NewsMTSC group is in the held-out part (SHA-256 of ``"newsmtsc-heldout:" +
    group`` is 0 mod 5): about a fifth of the articles, never used to train or tune."""
    return _sha256_int("newsmtsc-heldout:" + group) % 5 == 0


def newsmtsc_fold(group: str, folds: int = 5) -> int:
    """Cross-validation fold of a dev-part group (independent of :func:`is_heldout`)."""
    return _sha256_int("cv:" + group) % folds


def load_newsmtsc(path: Path | str) -> list[dict]:
    """The records of a NewsMTSC jsonl file with ``group`` and ``heldout`` added."""
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"NewsMTSC file not found: {path}")
    records = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            record["group"] = article_group(record["primary_gid"])
            record["heldout"] = is_heldout(record["group"])
            records.append(record)
    return records


TOWARD_METHODS = ("tone_toward", *SCORERS)


def toward_predictions(records: Sequence[dict]) -> tuple[list[str], list[bool], dict[str, list[str]]]:
    """Gold class of every target, whether its sentence has 2+ targets, and each method's
    class for it (a sentence scorer gives all targets of a sentence its sentence class)."""
    gold, multi = [], []
    predicted: dict[str, list[str]] = {method: [] for method in TOWARD_METHODS}
    texts = [r["sentence_normalized"] for r in records]
    sentence_classes = {scorer: sentence_scores(scorer, texts)[1] for scorer in SCORERS}
    for k, record in enumerate(records):
        targets = record["targets"]
        results = tone_toward(record["sentence_normalized"], [(t["from"], t["to"]) for t in targets])
        for target, result in zip(targets, results):
            gold.append(POLARITY[target["polarity"]])
            multi.append(len(targets) > 1)
            predicted["tone_toward"].append(result["label"])
            for scorer in SCORERS:
                predicted[scorer].append(sentence_classes[scorer][k])
    return gold, multi, predicted


def format_toward(records: Sequence[dict]) -> str:
    """Per-target macro F1 of every method on the held-out part, all targets and multi-target."""
    heldout = [r for r in records if r["heldout"]]
    gold, multi, predicted = toward_predictions(heldout)
    n_multi = sum(multi)
    lines = [
        f"NewsMTSC train, held-out part: {len(heldout)} sentences, {len(gold)} targets "
        f"({n_multi} in sentences with 2+ targets); per-target 3-class macro F1",
        f"{'method':<12}{'all':>8}{'2+ targets':>12}",
    ]
    for method in TOWARD_METHODS:
        labels = predicted[method]
        both = [(g, p) for g, p, m in zip(gold, labels, multi) if m]
        lines.append(
            f"{method:<12}{macro_f1(gold, labels):>8.3f}{macro_f1([g for g, _ in both], [p for _, p in both]):>12.3f}"
        )
    return "\n".join(lines)


def word_set(text: str) -> list[str]:
    """Tokens as VADER looks them up: split on spaces, punctuation stripped, lower case."""
    words = []
    for token in text.split():
        stripped = token.strip(string.punctuation)
        words.append((stripped if len(stripped) > 2 else token).lower())
    return words


def suggest(snippets: Iterable[GoldSnippet], top: int = 30, min_count: int = 5) -> str:
    """Lexicon candidates from the DEV half only, for a person to judge (never applied as is).

    1. Words in the news scorer's lexicon whose dev sentences people rated, on average,
       with the opposite sign to the word's valence (social-media or name senses).
    2. Words unknown to the news scorer that recur in dev sentences the scorer leaves at 0
       while people gave them |mean| >= 1 (vocabulary VADER lacks).
    """
    dev = split_halves(snippets)["dev"]
    news = get_scorer("news")
    lexicon = news._analyzer.lexicon
    word_sets = [set(word_set(snippet.text)) for snippet in dev]
    sentence_count: dict[str, int] = defaultdict(int)
    for words in word_sets:
        for word in words:
            sentence_count[word] += 1
    function_word_limit = 0.01 * len(dev)  # in >1 % of sentences: "that", "they", "have"
    ratings: dict[str, list[float]] = defaultdict(list)
    missed: dict[str, list[float]] = defaultdict(list)
    for snippet, words in zip(dev, word_sets):
        for word in words & lexicon.keys():
            ratings[word].append(snippet.mean)
        if abs(snippet.mean) >= 1 and news.polarity(snippet.text)["compound"] == 0:
            for word in words - lexicon.keys():
                if word.isalpha() and len(word) > 3 and sentence_count[word] <= function_word_limit:
                    missed[word].append(snippet.mean)
    against = [
        (statistics.fmean(means), word, lexicon[word], len(means))
        for word, means in ratings.items()
        if len(means) >= min_count and statistics.fmean(means) * lexicon[word] < 0
    ]
    against.sort(key=lambda row: -abs(row[0] * row[2]))
    unknown = sorted(missed.items(), key=lambda item: (-len(item[1]), item[0]))
    lines = [f"Lexicon words rated against their sign on dev (>= {min_count} sentences):"]
    lines += [f"  {w:<16} valence {v:+.1f}  dev mean {m:+.2f}  n={n}" for m, w, v, n in against[:top]]
    lines.append("Unknown words in dev sentences scored 0 but rated |mean| >= 1:")
    lines += [f"  {w:<16} n={len(ms)}  dev mean {statistics.fmean(ms):+.2f}" for w, ms in unknown[:top]]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--gold",
        type=Path,
        default=DEFAULT_GOLD_DIR,
        help=f"directory holding {GOLD_FILE} (default: {DEFAULT_GOLD_DIR})",
    )
    parser.add_argument(
        "--newsmtsc",
        type=Path,
        default=DEFAULT_NEWSMTSC,
        help=f"NewsMTSC train.jsonl, for tone toward a target (default: {DEFAULT_NEWSMTSC})",
    )
    parser.add_argument(
        "--suggest", type=int, metavar="N", default=0, help="also print N lexicon candidates found on the dev half"
    )
    parser.add_argument(
        "--cv", type=int, metavar="K", default=0, help="also print Pearson r on K folds of the dev half (K >= 2)"
    )
    args = parser.parse_args(argv)
    started = time.perf_counter()
    try:
        snippets = load_gold(args.gold)
    except FileNotFoundError as error:
        print(
            f"evaluate_tone: {error}\n  pass --gold DIR pointing at the VADER gold data "
            f"(nytEditorialSnippets_GroundTruth.txt)",
            file=sys.stderr,
        )
        return 2
    halves = split_halves(snippets)
    try:
        records = load_newsmtsc(args.newsmtsc)
    except FileNotFoundError as error:
        print(f"evaluate_tone: {error}; pass --newsmtsc FILE (skipping tone toward)", file=sys.stderr)
        records = None
    print(
        f"NYT editorial snippets: {len(snippets)} sentences; split by sha256(article id) parity: "
        + ", ".join(f"{h} {len(halves[h])}" for h in HALVES)
    )
    print(f"gold classes: |mean| < {NEUTRAL_BAND} neutral; predicted: compound >= 0.05 positive, <= -0.05 negative")
    print(format_results(evaluate(snippets)))
    if records is not None:
        print(format_toward(records))
    if args.cv >= 2:
        print(format_cv(cross_validate(snippets, args.cv)))
    if args.suggest:
        print(suggest(snippets, top=args.suggest))
    print(f"({time.perf_counter() - started:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
