"""No text of size n costs more than about linear time: each hostile shape is timed at n and
4n characters (n = 20,000) through the whole per-article pipeline.

The bound is generous so that a loaded two-core CI machine does not make it flaky:
time(4n) < 12 * time(n) + 1 s (linear would be 4x, quadratic 16x), timed again up to
twice (the best time kept) when over it, and an absolute ceiling of 60 s for the larger
text (under 1.5 s when idle)."""

from __future__ import annotations

import os
import random
import time

import pytest

from newstone.ingest.plaintext import parse_plain_text
from newstone.pipeline import process_article

# `make fuzz` (HYPOTHESIS_PROFILE=fuzz) times larger texts: a slope hides better in small ones.
N = 60_000 if os.environ.get("HYPOTHESIS_PROFILE") == "fuzz" else 20_000


def _fill(rng: random.Random, size: int, pieces: list[str], separators: list[str]) -> str:
    out, length = ["Headline of the story\n\n"], 0
    while length < size:
        piece = rng.choice(pieces) + rng.choice(separators)
        out.append(piece)
        length += len(piece)
    return "".join(out)[:size]


# Each shape: pieces and what joins them. Paragraph breaks are rare or absent where a rule
# could scan a whole paragraph per cue, quote mark or comma.
SHAPES = {
    "quotes-and-cues": (
        [
            "\u201cWe will not back down,\u201d",
            "Putin said.",
            "she told reporters",
            ", according to",
            "officials",
            '"',
            "\u201c",
            "\u201d",
            "Mr Smith",
            "warned that",
            "Russia",
            "the minister",
            "he added",
        ],
        [" ", " ", " ", "\n\n"],
    ),
    "run-on-commas-and-cues": (
        ["said", "told", ",", "that", "the spokesman", "he", "Russia", "according to", "and", "who", "added"],
        [" ", ", "],
    ),
    "unbalanced-openers": (["\u201c", "\u201cno", "'", "\u2018", "\u00ab", "``", "said", "word"], [" ", ""]),
    "straight-quotes": (['"', '"a', 'b"', '","', "said", "Putin"], [" ", ""]),
    "brackets-and-dashes": (["(", "[", "\u2014", "--", "said", ")", "Gen.", "U.S.", "Mr."], [" ", ""]),
    "countries-and-names": (
        ["Russia", "North Korean", "U.S.", "Moscow", "Georgia", "Jordan", "Vladimir Putin", "Kim Jong Un", "said"],
        [" ", " and ", ", "],
    ),
    "long-tokens": (["a" * 3000, "x" * 500, "said", "\u201c" + "b" * 1000], [" ", ""]),
    "transcript-turns": (["PUTIN:", "Q:", "BLAKE:", "We said no.", "\u201cYes,\u201d"], [" ", "\n", "\n\n"]),
    "control-characters": (["\x0b", "\x0c", "\x1c", "\x85", "\u2028", "\x00", "said", "Putin", "."], [" ", ""]),
}


def _seconds(article) -> float:
    started = time.perf_counter()
    rows = process_article(article)
    elapsed = time.perf_counter() - started
    assert rows.article["error"] is None, rows.article["error"]
    return elapsed


@pytest.mark.slow
@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_four_times_the_text_takes_about_four_times_as_long(shape):
    pieces, separators = SHAPES[shape]
    small = parse_plain_text("small", _fill(random.Random(shape), N, pieces, separators))
    large = parse_plain_text("large", _fill(random.Random(shape), 4 * N, pieces, separators))
    process_article(parse_plain_text("warm-up", small.text[:2000]))  # rule files load once
    t_small = t_large = float("inf")
    for _ in range(3):  # timed again only when over the bound: a busy machine, not the code
        t_small, t_large = min(t_small, _seconds(small)), min(t_large, _seconds(large))
        if t_large < 12 * t_small + 1.0:
            break
    assert t_large < 12 * t_small + 1.0, f"{shape}: {t_small:.2f} s at {N} chars, {t_large:.2f} s at {4 * N}"
    assert t_large < 60, f"{shape}: {t_large:.1f} s for {4 * N} characters"
