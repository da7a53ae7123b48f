"""Tags back to attributions: the content runs of a tagged paragraph, each with its cue and source.

A run starts at a ``B-`` tag, or at an ``I-`` tag after a different kind (the decoder is
not forced to be well formed, and a stray ``I-C`` after ``O`` is better read as content
than dropped). Runs are in token indices, inclusive.

A content run takes the nearest cue run of the sentences it touches, and the source run
nearest to that cue. Two content runs that take the same cue are one attribution in two
pieces ("“A,” he said, “B.”"), as PolNeAR annotates them. These learned cue and source
runs are only proposals: :mod:`newstone.nlp.attribution.hybrid` prefers the rules' own
source finder, which links better than nearness does.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import accumulate

from newstone.model import Span
from newstone.nlp.attribution.learned.features import Paragraph


@dataclass(frozen=True)
class Run:
    kind: str  # S | K | C
    first: int
    last: int


@dataclass
class Candidate:
    """A learned attribution in character offsets: content pieces, and the cue and source
    runs the tagger proposes for it (None when it tagged none nearby). ``confidence`` is
    the tagger's mean probability of the content tags, over its ``tokens`` tokens;
    ``cue_confidence`` and ``source_confidence`` those of the cue and source runs."""

    spans: list[Span]
    cue: Span | None = None
    source: Span | None = None
    tokens: int = 0
    confidence: float = 1.0
    cue_confidence: float = 1.0
    source_confidence: float = 1.0


def tag_runs(tags: list[str]) -> list[Run]:
    runs: list[Run] = []
    kind, first, last = None, -1, -2
    for i, tag in enumerate(tags):
        if tag == "O":  # most tags: only the gap matters
            continue
        new_kind = tag[2:]
        if new_kind != kind or i != last + 1 or tag[0] == "B":
            if kind is not None:
                runs.append(Run(kind, first, last))
            kind, first = new_kind, i
        last = i
    if kind is not None:
        runs.append(Run(kind, first, last))
    return runs


def run_span(spans: list[Span], run: Run) -> Span:
    return spans[run.first][0], spans[run.last][1]


def sentence_numbers(paragraph: Paragraph) -> list[int]:
    """The index of each token's sentence within the paragraph."""
    return [n - 1 for n in accumulate(paragraph.sentence_first)]


def _gap(a: Run, b: Run) -> int:
    """Tokens between two runs (0 when adjacent)."""
    return max(a.first - b.last, b.first - a.last, 0)


def _nearest(runs: list[Run], to: Run, allowed: set[int], sentence_of: list[int]) -> Run | None:
    """The run of ``runs`` in one of the ``allowed`` sentences closest to ``to`` (ties: the
    earlier run, so the result does not depend on anything but the tags)."""
    best = None
    for run in runs:
        if sentence_of[run.first] in allowed and (best is None or _gap(run, to) < _gap(best, to)):
            best = run
    return best


def _mean(probs: list[float], run: Run) -> float:
    return sum(probs[run.first : run.last + 1]) / (run.last - run.first + 1)


def paragraph_candidates(
    paragraph: Paragraph, tags: list[str], probs: list[float] | None = None, runs: list[Run] | None = None
) -> list[Candidate]:
    """The learned attributions of one tagged paragraph, in text order; ``probs`` are the
    tagger's probabilities of the tags (all 1 when not given), ``runs`` their
    :func:`tag_runs` when the caller has them."""
    probs = probs if probs is not None else [1.0] * len(tags)
    runs = runs if runs is not None else tag_runs(tags)
    sentence_of = sentence_numbers(paragraph)
    cues = [r for r in runs if r.kind == "K"]
    sources = [r for r in runs if r.kind == "S"]
    by_cue: dict[Run | None, Candidate] = {}
    out: list[Candidate] = []
    for run in runs:
        if run.kind != "C":
            continue
        touched = set(range(sentence_of[run.first], sentence_of[run.last] + 1))
        cue = _nearest(cues, run, touched, sentence_of)
        span = run_span(paragraph.spans, run)
        size = run.last - run.first + 1
        mean = sum(probs[run.first : run.last + 1]) / size
        if cue is not None and cue in by_cue:
            joined = by_cue[cue]
            joined.spans.append(span)
            joined.confidence = (joined.confidence * joined.tokens + mean * size) / (joined.tokens + size)
            joined.tokens += size
            continue
        source = _nearest(sources, cue or run, {sentence_of[(cue or run).first]} | touched, sentence_of)
        candidate = Candidate(
            [span],
            run_span(paragraph.spans, cue) if cue else None,
            run_span(paragraph.spans, source) if source else None,
            size,
            mean,
            _mean(probs, cue) if cue else 1.0,
            _mean(probs, source) if source else 1.0,
        )
        out.append(candidate)
        if cue is not None:
            by_cue[cue] = candidate
    return out
