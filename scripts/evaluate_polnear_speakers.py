#!/usr/bin/env python3
"""Score speaker names on PolNeAR train against the hand-checked proxy (issue 14).

Labels: ``evaluation/speakers/polnear_train.tsv``, one row per gold attribution of PolNeAR's
train split whose Source is a person the article names: the article, the gold Source and
Content offsets and the person's full name (with accepted spellings). It holds references
only; the texts are read from ``../shared/data/polnear/train``.

Usage::

    python scripts/evaluate_polnear_speakers.py [--split DIR] [--dataset DIR] [--attribution rules|hybrid] [--verbose]

Without ``--dataset`` the pipeline is run on the whole split (``newstone.read``, about a
minute); with it, the ``quotes`` of a dataset written by ``newstone parse -o DIR`` from the
train texts (``train/text``, so that article ids are file names) are read. When the split
folder does not exist the script says so and exits 0.

Matching, as ``scripts/evaluate_speakers.py``: a labelled attribution is found when a
predicted quote of the same article covers at least half of its gold Content characters;
the predicted quote with the largest overlap wins (ties: the lowest quote_id). Figures:

* found: share of labelled attributions matched;
* article speaker named right: share of found ones whose ``article_speaker`` (the per-article
  resolution of the speaker mention) is one of the person's accepted names, case-insensitive,
  or one with a middle name or initial added ("Donald J. Trump" for Donald Trump);
* corpus speaker named right: the same for ``speaker`` (after the corpus identity pass over
  the whole split).
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_LABELS = ROOT / "evaluation" / "speakers" / "polnear_train.tsv"
DEFAULT_SPLIT = ROOT.parent / "shared" / "data" / "polnear" / "train"


@dataclass(frozen=True)
class Label:
    article: str
    source: tuple[tuple[int, int], ...]
    content: tuple[tuple[int, int], ...]
    accepted: tuple[str, ...]  # canonical name first


def _spans(value: str) -> tuple[tuple[int, int], ...]:
    return tuple(tuple(int(x) for x in part.split()) for part in value.split(";") if part.strip())


def load_labels(path: Path) -> list[Label]:
    with path.open(encoding="utf-8", newline="") as fh:
        lines = [line for line in fh if not line.startswith("#") and line.strip()]
    labels = []
    for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
        names = tuple(n.strip() for n in row["person"].split("|") if n.strip())
        labels.append(Label(row["article"], _spans(row["source"]), _spans(row["content"]), names))
    return labels


def load_quotes(
    labels: list[Label], split: Path, dataset: Path | None, attribution: str = "rules"
) -> dict[str, list[dict]]:
    """Predicted quotes of the labelled articles, by article id, in quote_id order."""
    import newstone

    articles = sorted({label.article for label in labels})
    if dataset is not None:
        quotes = newstone.read(str(dataset)).quotes
    else:
        # the whole split: the corpus pass needs the other articles to know its people
        quotes = newstone.read(str(split / "text"), attribution=attribution).quotes
    quotes = quotes[quotes["article_id"].isin(articles)]
    by_article: dict[str, list[dict]] = defaultdict(list)
    for rec in quotes[["article_id", "quote_id", "spans", "speaker", "article_speaker"]].to_dict("records"):
        by_article[rec["article_id"]].append(rec)
    for recs in by_article.values():
        recs.sort(key=lambda r: r["quote_id"])
    return by_article


def match(label: Label, quotes: list[dict]) -> dict | None:
    """The predicted quote covering most of the gold Content (>= half of it), or None."""
    best, best_overlap = None, 0
    for quote in quotes:
        overlap = sum(
            max(0, min(int(b), end) - max(int(a), start)) for a, b in quote["spans"] for start, end in label.content
        )
        if overlap > best_overlap:
            best, best_overlap = quote, overlap
    length = max(1, sum(end - start for start, end in label.content))
    return best if best is not None and best_overlap * 2 >= length else None


def _named(value, label: Label) -> bool:
    """One of the accepted names, case-insensitive, also with middle names or initials the
    corpus's fullest form adds ("Donald J. Trump", "Hillary Rodham Clinton")."""
    if not isinstance(value, str):
        return False
    accepted = {n.casefold() for n in label.accepted}
    return value.casefold() in accepted or _first_and_last(value) in {_first_and_last(n) for n in accepted}


def _first_and_last(name: str) -> str:
    words = name.casefold().split()
    return f"{words[0]} {words[-1]}" if len(words) >= 3 else name.casefold()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", type=Path, default=DEFAULT_SPLIT, help="PolNeAR train folder (text/)")
    parser.add_argument("--labels", type=Path, default=DEFAULT_LABELS, help="the hand-checked labels")
    parser.add_argument("--dataset", type=Path, help="a dataset parsed from the train texts")
    parser.add_argument(
        "--attribution",
        choices=("rules", "hybrid"),
        default="rules",
        help="attribution finder when the pipeline is run (the hybrid's tagger was trained on this split: "
        "its 'found' is flattered; the 'named right' shares are what this checks)",
    )
    parser.add_argument("--verbose", action="store_true", help="list the misses")
    args = parser.parse_args(argv)

    if not (args.split / "text").is_dir():
        print(f"skip: {args.split / 'text'} does not exist (PolNeAR lives in ../shared): nothing done")
        return 0
    labels = load_labels(args.labels)
    quotes = load_quotes(labels, args.split, args.dataset, args.attribution)
    found = right_article = right_corpus = 0
    misses: Counter = Counter()
    for label in labels:
        quote = match(label, quotes.get(label.article, []))
        if quote is None:
            continue
        found += 1
        right_article += _named(quote["article_speaker"], label)
        right_corpus += _named(quote["speaker"], label)
        if args.verbose and not (_named(quote["article_speaker"], label) and _named(quote["speaker"], label)):
            offsets = ";".join(f"{s} {e}" for s, e in label.source)
            predicted = f"{quote['article_speaker']} -> {quote['speaker']}"
            misses[(label.article, offsets, label.accepted[0], predicted)] += 1
    n = len(labels)
    print(f"labelled attributions         {n}")
    print(f"found                         {found}/{n} = {found / max(n, 1):.3f}")
    print(f"article speaker named right   {right_article}/{found} = {right_article / max(found, 1):.3f}")
    print(f"corpus speaker named right    {right_corpus}/{found} = {right_corpus / max(found, 1):.3f}")
    if args.verbose:
        print("\n== misses: article, source offsets, person, predicted article_speaker -> speaker")
        for (article, offsets, person, predicted), count in sorted(misses.items()):
            print(f"{article}\t{offsets}\t{person}\t{predicted}" + (f"\tx{count}" if count > 1 else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
