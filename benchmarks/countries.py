"""Scan speed of the country matcher, in MB/s on one core, next to two baselines.

Text: the BBC News corpus (../shared/data/bbc, 2,225 articles) when it is there, else
synthetic news-like text of about the same size. Figures:

* ``find, one string``: ``CountryMatcher.find`` on all articles joined into one string;
* ``find, per article``: one ``find`` call per article, as the pipeline calls it;
* ``re \\w+ baseline``: ``re.finditer(r"\\w+")`` over the joined string, i.e. touching every
  word once in Python — the cost of the simplest possible tokenising pass;
* ``str.count baseline``: ``str.count("the")``, a pure C scan (an upper bound).

Best of ``--repeat`` runs. Target: find >= 10 MB/s. Run:
``.venv/bin/python benchmarks/countries.py``.
"""

from __future__ import annotations

import argparse
import random
import re
import time
from collections.abc import Callable
from pathlib import Path

from newstone.nlp.countries import CountryMatcher

SHARED_BBC = Path(__file__).resolve().parents[2] / "shared" / "data" / "bbc"
TARGET_MB_PER_S = 10.0


def bbc_texts() -> list[str]:
    paths = sorted(SHARED_BBC.glob("*/*.txt"))
    return [p.read_text(encoding="utf-8", errors="replace") for p in paths]


def synthetic_texts(n_articles: int = 2225, seed: int = 0) -> list[str]:
    """News-like filler with a country word every few sentences (no corpus needed)."""
    rng = random.Random(seed)
    words = (
        "the government said on Tuesday that its officials would meet again next week to "
        "discuss trade sanctions and the budget while analysts expected growth to slow"
    ).split()
    places = [
        "Russia",
        "the U.S.",
        "North Korea",
        "Moscow",
        "Britain's",
        "the EU",
        "Chinese",
        "Michael Jordan",
        "Atlanta, Georgia",
        "the White House",
        "Seoul",
        "Kyiv",
    ]
    articles = []
    for _ in range(n_articles):
        sentences = []
        for _ in range(30):
            sentence = rng.choices(words, k=18)
            if rng.random() < 0.4:
                sentence.insert(rng.randrange(len(sentence)), rng.choice(places))
            text = " ".join(sentence)
            sentences.append(text[0].upper() + text[1:] + ".")
        articles.append(" ".join(sentences))
    return articles


def best_seconds(run: Callable[[], object], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - started)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    texts = bbc_texts() if SHARED_BBC.is_dir() else []
    source = f"BBC News, {len(texts)} articles" if texts else "synthetic text"
    texts = texts or synthetic_texts()
    joined = "\n\n".join(texts)
    megabytes = len(joined.encode("utf-8")) / 1e6

    started = time.perf_counter()
    matcher = CountryMatcher.load()
    load_seconds = time.perf_counter() - started
    n_mentions = len(matcher.find(joined))

    word = re.compile(r"\w+")
    runs = {
        "find, one string": lambda: matcher.find(joined),
        "find, per article": lambda: [matcher.find(t) for t in texts],
        "re \\w+ baseline": lambda: sum(1 for _ in word.finditer(joined)),
        "str.count baseline": lambda: joined.count("the"),
    }
    print(
        f"text: {source}, {megabytes:.1f} MB; gazetteer {len(matcher)} surfaces, "
        f"loaded and compiled in {load_seconds * 1000:.0f} ms; {n_mentions} mentions"
    )
    for name, run in runs.items():
        seconds = best_seconds(run, args.repeat)
        print(f"{name:20s} {megabytes / seconds:8.1f} MB/s  ({seconds * 1000:.0f} ms)")
    find_speed = megabytes / best_seconds(runs["find, one string"], args.repeat)
    verdict = "meets" if find_speed >= TARGET_MB_PER_S else "MISSES"
    print(f"find {verdict} the target of {TARGET_MB_PER_S:.0f} MB/s")


if __name__ == "__main__":
    main()
