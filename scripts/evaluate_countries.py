#!/usr/bin/env python3
"""Score country mentions against the hand-checked set in evaluation/countries/.

Gold data: ``evaluation/countries/articles.tsv`` (the articles read in full, one row each,
also those with no mention) and ``evaluation/countries/mentions.tsv`` (every country
mention of those articles: corpus, article id, character offsets, ISO 3166 alpha-3 code).
The files hold references into the ../shared corpora only, never their text; see the
README there for what counts as a mention.

Usage::

    python scripts/evaluate_countries.py BBC_DATASET [REUTERS_DATASET] [--verbose] [--json FILE]

Each dataset is a directory written by ``newstone parse -o DIR``; its ``mentions`` table is
read (rows of kind ``organization``, the international bodies, are out of scope). A dataset
path that does not exist is skipped with a message; with none left the script exits 0.

Matching, per article: a predicted and a gold mention match when their spans overlap; each
gold mention takes at most one prediction and the other way round, larger overlaps first.
Figures, overall and per corpus:

* found: precision and recall of the spans alone (is there a country mention here?);
* right country: a match whose code equals the gold code; precision = right / predictions,
  recall = right / gold, and their F1 (the headline);
* wrong country: matches with another code.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_GOLD = ROOT / "evaluation" / "countries"
CORPORA = ("bbc", "reuters")


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    country: str
    surface: str = ""


def _rows(path: Path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as handle:
        lines = [line for line in handle if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def load_gold(folder: Path) -> tuple[dict[str, set[str]], dict[tuple[str, str], list[Mention]]]:
    """(corpus -> article ids read, (corpus, article id) -> gold mentions)."""
    articles: dict[str, set[str]] = defaultdict(set)
    for row in _rows(folder / "articles.tsv"):
        articles[row["corpus"]].add(row["article_id"])
    mentions: dict[tuple[str, str], list[Mention]] = defaultdict(list)
    for row in _rows(folder / "mentions.tsv"):
        if row["article_id"] not in articles[row["corpus"]]:
            raise ValueError(f"mentions.tsv: {row['corpus']} {row['article_id']} is not in articles.tsv")
        mentions[row["corpus"], row["article_id"]].append(Mention(int(row["start"]), int(row["end"]), row["country"]))
    return articles, mentions


def load_predictions(dataset: Path, wanted: set[str]) -> dict[str, list[Mention]]:
    """Article id -> the dataset's country mentions (international bodies left out)."""
    import pyarrow.parquet as pq

    table = pq.read_table(dataset / "mentions", columns=["article_id", "start", "end", "country", "kind", "surface"])
    out: dict[str, list[Mention]] = defaultdict(list)
    for row in table.to_pylist():
        if row["article_id"] in wanted and row["kind"] != "organization" and row["country"]:
            out[row["article_id"]].append(Mention(row["start"], row["end"], row["country"], row["surface"]))
    return out


def _overlap(a: Mention, b: Mention) -> int:
    return max(0, min(a.end, b.end) - max(a.start, b.start))


def match(gold: list[Mention], predicted: list[Mention]) -> list[tuple[Mention, Mention]]:
    """One-to-one (gold, prediction) pairs of overlapping spans, larger overlaps first (ties:
    text order)."""
    pairs = sorted(
        ((_overlap(g, p), g.start, p.start, i, j) for i, g in enumerate(gold) for j, p in enumerate(predicted)),
        key=lambda item: (-item[0], item[1], item[2]),
    )
    used_gold, used_predicted, out = set(), set(), []
    for overlap, _, _, i, j in pairs:
        if overlap and i not in used_gold and j not in used_predicted:
            used_gold.add(i)
            used_predicted.add(j)
            out.append((gold[i], predicted[j]))
    return out


def score(
    gold: dict[str, list[Mention]], predicted: dict[str, list[Mention]], log: list[str] | None = None
) -> dict[str, float | int]:
    """Figures over articles (``gold``: article -> gold mentions, every article read, maybe
    empty; ``predicted``: article -> predictions). ``log`` collects the errors when given."""
    counts = {"gold": 0, "predictions": 0, "found": 0, "right": 0, "wrong_country": 0}
    for article, gold_mentions in gold.items():
        predictions = predicted.get(article, [])
        pairs = match(gold_mentions, predictions)
        counts["gold"] += len(gold_mentions)
        counts["predictions"] += len(predictions)
        counts["found"] += len(pairs)
        counts["right"] += sum(g.country == p.country for g, p in pairs)
        counts["wrong_country"] += sum(g.country != p.country for g, p in pairs)
        if log is not None:
            matched_gold = {id(g) for g, _ in pairs}
            matched_predicted = {id(p) for _, p in pairs}
            log += [
                f"{article} {p.start}-{p.end} {p.surface!r} {p.country}: not a mention"
                for p in predictions
                if id(p) not in matched_predicted
            ]
            log += [
                f"{article} {g.start}-{g.end} {g.country}: missed" for g in gold_mentions if id(g) not in matched_gold
            ]
            log += [
                f"{article} {p.start}-{p.end} {p.surface!r} {p.country}: gold {g.country}"
                for g, p in pairs
                if g.country != p.country
            ]
    div = lambda a, b: round(a / b, 4) if b else 0.0  # noqa: E731
    precision, recall = div(counts["right"], counts["predictions"]), div(counts["right"], counts["gold"])
    return {
        "articles": len(gold),
        **counts,
        "found_precision": div(counts["found"], counts["predictions"]),
        "found_recall": div(counts["found"], counts["gold"]),
        "precision": precision,
        "recall": recall,
        "f1": round(2 * precision * recall / (precision + recall), 4) if precision + recall else 0.0,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("datasets", nargs="+", type=Path, help="parsed BBC dataset, then Reuters-21578")
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--verbose", action="store_true", help="list every error")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON")
    args = parser.parse_args(argv)
    articles, mentions = load_gold(args.gold)
    all_gold: dict[str, list[Mention]] = {}
    all_predicted: dict[str, list[Mention]] = {}
    figures, log = {}, []
    for corpus, dataset in zip(CORPORA, args.datasets):
        if not dataset.exists():
            print(f"{corpus}: {dataset} does not exist, skipped")
            continue
        gold = {article: mentions.get((corpus, article), []) for article in sorted(articles[corpus])}
        predicted = load_predictions(dataset, set(gold))
        figures[corpus] = score(gold, predicted, log if args.verbose else None)
        all_gold.update({f"{corpus}:{k}": v for k, v in gold.items()})
        all_predicted.update({f"{corpus}:{k}": v for k, v in predicted.items()})
    if not figures:
        print("no dataset to score")
        return 0
    figures = {"overall": score(all_gold, all_predicted), **figures}
    for name, result in figures.items():
        print(
            f"== {name}: {result['articles']} articles, {result['gold']} gold mentions, "
            f"{result['predictions']} predicted\n"
            f"  found        P {result['found_precision']:.3f}  R {result['found_recall']:.3f}\n"
            f"  right country P {result['precision']:.3f}  R {result['recall']:.3f}  F1 {result['f1']:.3f}"
            f"  (wrong country {result['wrong_country']})"
        )
    for line in log:
        print(line)
    if args.json:
        args.json.write_text(json.dumps({"figures": figures}, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
