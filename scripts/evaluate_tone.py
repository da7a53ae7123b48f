#!/usr/bin/env python3
"""Measure newstone's tone scorers against human ratings of news sentences.

Gold data: the NYT editorial snippets of the VADER paper (Hutto & Gilbert, ICWSM 2014),
``nytEditorialSnippets_GroundTruth.txt``: one sentence per line, ``id<TAB>mean<TAB>text``,
where ``mean`` is the average of 20 ratings on -4..+4 and ``id`` is ``<article>_<sentence>``.

Split: by article, so that no article's topic vocabulary is on both sides. An article is in
the "dev" half when the SHA-256 of its id (the part of the snippet id before ``_``) is even,
in the "report" half otherwise (239 and 259 articles; 2,534 and 2,656 sentences). The news
lexicon was developed on "dev" only; "report" is only ever scored.

Metrics, for each scorer on each half:
* Pearson r between the scorer's compound and the human mean;
* macro F1 over three classes. Gold classes come from the human mean with a neutral band of
  |mean| < 0.5: the mean rounds to the "neutral (0)" point of the rating scale, which puts
  about 34 % / 44 % / 22 % of dev sentences in negative / neutral / positive. Predicted
  classes use VADER's usual cut-offs on compound (>= 0.05 positive, <= -0.05 negative).

Usage::

    python scripts/evaluate_tone.py [--gold DIR] [--suggest N] [--cv K]

``--suggest N`` prints lexicon candidates found on the dev half (never the report half): VADER
words whose dev sentences people rated against VADER's sign, and unknown words frequent in
dev sentences that the news scorer leaves at 0 although people did not.

``--cv K`` prints each scorer's Pearson r on K folds of the DEV half (folds by article, from
the SHA-256 of ``"cv" + article id``), with their mean and spread. Use it to compare lexicon
variants: a change is worth keeping when it helps on most folds, not on the dev half as a
whole (and the lexicon's in-sample picks flatter the news scorer on every fold alike).
"""

from __future__ import annotations

import argparse
import hashlib
import statistics
import string
import sys
import time
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from newstone.nlp.tone.news import SCORERS, get_scorer, tone_label

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_GOLD_DIR = ROOT.parent / "shared" / "data" / "vader_gold"
GOLD_FILE = "nytEditorialSnippets_GroundTruth.txt"
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
    """Pearson r of each scorer on each dev fold."""
    groups = dev_folds(snippets, folds)
    return {
        scorer: [score_half(scorer, f"dev{k}", group).pearson_r for k, group in enumerate(groups)] for scorer in SCORERS
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


def score_half(scorer: str, half: str, snippets: Sequence[GoldSnippet]) -> Result:
    """Pearson r and macro F1 of one scorer on one half."""
    polarity = get_scorer(scorer).polarity
    compounds = [polarity(s.text)["compound"] for s in snippets]
    means = [s.mean for s in snippets]
    return Result(
        scorer=scorer,
        half=half,
        n=len(snippets),
        pearson_r=statistics.correlation(compounds, means),
        macro_f1=macro_f1([gold_class(m) for m in means], [tone_label(c) for c in compounds]),
    )


def evaluate(snippets: Iterable[GoldSnippet]) -> list[Result]:
    """Every scorer on every half."""
    halves = split_halves(snippets)
    return [score_half(scorer, half, halves[half]) for scorer in SCORERS for half in HALVES]


def format_results(results: Sequence[Result]) -> str:
    """A plain-text table, one row per scorer and half."""
    lines = [f"{'scorer':<8}{'half':<8}{'n':>6}{'pearson_r':>11}{'macro_f1':>10}"]
    for r in results:
        lines.append(f"{r.scorer:<8}{r.half:<8}{r.n:>6}{r.pearson_r:>11.3f}{r.macro_f1:>10.3f}")
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
    print(
        f"NYT editorial snippets: {len(snippets)} sentences; split by sha256(article id) parity: "
        + ", ".join(f"{h} {len(halves[h])}" for h in HALVES)
    )
    print(f"gold classes: |mean| < {NEUTRAL_BAND} neutral; predicted: compound >= 0.05 positive, <= -0.05 negative")
    print(format_results(evaluate(snippets)))
    if args.cv >= 2:
        print(format_cv(cross_validate(snippets, args.cv)))
    if args.suggest:
        print(suggest(snippets, top=args.suggest))
    print(f"({time.perf_counter() - started:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
