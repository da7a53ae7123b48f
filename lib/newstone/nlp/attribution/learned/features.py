"""Paragraph tokens and the feature strings a tagger sees for each token.

PolNeAR's annotation is univocal (each token is source, cue, content or nothing), so
attribution is a tag sequence; the sequence is a paragraph, because content runs over
sentence ends ("X said A. B, he added.") but almost never over paragraph ends. Tokens are
the rules' own words and punctuation (``tokens.token_pattern``), not opaque quotations:
learned content may start or stop inside a quotation (mixed speech). Every token keeps
its character offsets.

The features are the word, the words right before and after it and the two bigrams they
make, the shapes of the three, the suffix, the cue lexicon's class of the word and its
neighbours and the distance to the nearest cue word in the sentence (a cheap stand-in for
clause structure), sentence and paragraph position, and the rules' own tag for the token
and its neighbours, also joined with being inside, opening or closing a quotation. The
rules' tag is the strongest single feature: the tagger learns where to trust the rules
and where to extend them. Fifteen templates, not more: each costs time twice (building
the string, and CRFsuite looking it up), and the words two and three away, the separate
neighbour shapes and the bare quotation flag made the tagger a quarter slower without
making it better. Training (``scripts/train_attribution.py``) and run time call the same
:func:`paragraph_features`, so the two cannot drift apart.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import lru_cache

from newstone.model import Attribution, Sentence, Span
from newstone.nlp.attribution.document import paragraphs_of
from newstone.nlp.attribution.lexicon import cue_lexicon
from newstone.nlp.attribution.quotes import find_quotes
from newstone.nlp.attribution.tokens import token_pattern

# Tags: BIO over source (S), cue (K) and content (C).
LABELS = ("O", "B-S", "I-S", "B-K", "I-K", "B-C", "I-C")

QUOTE_MARKS = frozenset({"\u201c", "\u201d", '"', "\u201e", "\u00ab", "\u00bb", "''", "``", "'", "`"})


@dataclass
class Paragraph:
    """One tagging sequence: token spans and words, and each token's sentence start."""

    spans: list[Span]
    words: list[str]  # lower case
    sentence_first: list[bool]
    headline: bool


@lru_cache(maxsize=200_000)
def word_info(word: str) -> tuple[str, str, str]:
    """(shape, suffix, cue class) of a token's text: computed once per distinct string."""
    if word in QUOTE_MARKS:
        shape = "Q"
    elif word[:1].isalpha():
        if word.isupper() and len(word) > 1:
            shape = "X"
        elif word[:1].isupper():
            shape = "Xx"
        else:
            shape = "x"
    elif word[:1].isdigit():
        shape = "d"
    else:
        shape = word[:1]
    lower = word.lower().replace("\u2019", "'")
    cues = cue_lexicon().get(lower)
    cls = cues[0].cls if cues else ""
    if lower == "according":
        cls = "speech"
    return shape, lower[-3:], cls


def paragraph_tokens(text: str, sentences: list[Sentence], headline_id: int) -> list[Paragraph]:
    """The tagging sequences of an article: one per paragraph of ``sentences``."""
    pattern = token_pattern()
    paragraphs: list[Paragraph] = []
    current: Paragraph | None = None
    last_pid = None
    for sent in sentences:
        if sent.paragraph_id != last_pid:
            current = Paragraph([], [], [], sent.paragraph_id == headline_id)
            paragraphs.append(current)
            last_pid = sent.paragraph_id
        first = True
        for m in pattern.finditer(text, sent.start, sent.end):
            current.spans.append(m.span())
            current.words.append(m.group())
            current.sentence_first.append(first)
            first = False
    return [p for p in paragraphs if p.spans]


def span_tags(starts: list[int], spans: list[tuple[Span, str]], n: int) -> list[str]:
    """BIO tags of ``n`` tokens (``starts`` their start offsets) from labelled character
    spans: a token belongs to a span when it starts inside it. Later spans win over
    earlier ones, so a cue or source given after a content marks its tokens."""
    tags = ["O"] * n
    for (s, e), kind in spans:
        i = bisect.bisect_left(starts, s)
        j = bisect.bisect_left(starts, e)
        for k in range(i, j):
            tags[k] = ("B-" if k == i else "I-") + kind
    return tags


def attribution_spans(attributions: list[Attribution]) -> list[tuple[Span, str]]:
    """Labelled spans of attributions: contents first, then cues and sources."""
    out: list[tuple[Span, str]] = [(s, "C") for a in attributions for s in a.spans]
    out += [(a.cue, "K") for a in attributions if a.cue is not None]
    out += [(a.source, "S") for a in attributions if a.source is not None]
    return out


def quote_flags(spans: list[Span], quotes: list[Span]) -> list[int]:
    """Per token: 0 outside quotations, 1 inside, 2 an opening mark, 3 a closing mark."""
    flags = [0] * len(spans)
    if not quotes or not spans:
        return flags
    starts = [s for s, _ in spans]
    lo, hi = spans[0][0], spans[-1][1]
    k = bisect.bisect_left(quotes, (lo, -1))
    if k > 0 and quotes[k - 1][1] > lo:
        k -= 1
    for q_start, q_end in quotes[k:]:
        if q_start >= hi:
            break
        i = bisect.bisect_left(starts, q_start)
        j = bisect.bisect_left(starts, q_end)
        for t in range(i, j):
            flags[t] = 1
        if i < len(spans) and spans[i][0] == q_start:
            flags[i] = 2
        if j > 0 and spans[j - 1][1] == q_end and j - 1 != i:
            flags[j - 1] = 3
    return flags


def _cue_distance(cue_at: list[int], i: int) -> str:
    """Signed distance from token ``i`` to the nearest cue word of its sentence, bucketed
    (negative: the cue comes first)."""
    best = None
    for c in cue_at:
        d = i - c
        if best is None or abs(d) < abs(best):
            best = d
    if best is None:
        return "none"
    sign = "+" if best < 0 else "-"  # "+": the cue is after the token
    d = abs(best)
    bucket = "0" if d == 0 else str(d) if d <= 3 else "4-8" if d <= 8 else "9+"
    return sign + bucket


def paragraph_features(paragraph: Paragraph, quote_flag: list[int], rule_tags: list[str]) -> list[tuple[str, ...]]:
    """The feature strings of every token of ``paragraph`` (see the module docstring).

    Built column by column (one list per feature over all tokens, then zipped), which is
    several times faster than token by token: this is the hot path of the hybrid."""
    words = paragraph.words
    n = len(words)
    lowers = [w.lower().replace("\u2019", "'") for w in words]
    infos = [word_info(w) for w in words]
    shapes = [info[0] for info in infos]
    classes = [info[2] for info in infos]
    sentence_of: list[int] = []
    sid = -1
    for first in paragraph.sentence_first:
        sid += first
        sentence_of.append(sid)
    cues_by_sentence: dict[int, list[int]] = {}
    for i, cls in enumerate(classes):
        if cls:
            cues_by_sentence.setdefault(sentence_of[i], []).append(i)
    head = "h" if paragraph.headline else "b"
    prev_shapes = ["^"] + shapes[:-1]
    next_shapes = shapes[1:] + ["$"]
    prev_words, next_words = ["^"] + lowers[:-1], lowers[1:] + ["$"]
    quotes = [str(q) for q in quote_flag]
    columns = [
        ["b"] * n,
        ["w=" + w for w in lowers],
        ["w-1=" + w for w in prev_words],
        ["w+1=" + w for w in next_words],
        ["w-1w=" + a + "|" + b for a, b in zip(prev_words, lowers)],
        ["ww+1=" + a + "|" + b for a, b in zip(lowers, next_words)],
        ["sh=" + x for x in shapes],
        ["sh3=" + a + b + c for a, b, c in zip(prev_shapes, shapes, next_shapes)],
        ["suf=" + info[1] for info in infos],
        ["cd=" + _cue_distance(cues_by_sentence.get(sentence_of[i], ()), i) for i in range(n)],
        ["r=" + r for r in rule_tags],
        ["r-1=" + r for r in ["^"] + rule_tags[:-1]],
        ["r+1=" + r for r in rule_tags[1:] + ["$"]],
        ["rq=" + r + q for r, q in zip(rule_tags, quotes)],
        [
            "pos=" + head + ("0" if sid == 0 else "n") + ("f" if first else "")
            for sid, first in zip(sentence_of, paragraph.sentence_first)
        ],
    ]
    out = list(zip(*columns))
    for i, cls in enumerate(classes):
        if cls:
            out[i] += ("cue=" + cls,)
            if i:
                out[i - 1] += ("cue+1=" + cls,)
            if i + 1 < n:
                out[i + 1] += ("cue-1=" + cls,)
    return out


def article_inputs(
    text: str, sentences: list[Sentence], rules: list[Attribution]
) -> tuple[list[Paragraph], list[list[tuple[str, ...]]]]:
    """The paragraphs of an article and the features of each, given the rules' attributions
    of the same text: what the tagger sees at training and at run time alike.

    Every paragraph is tagged, even one without a cue word of the rules' lexicon: those
    are where the tagger finds what the rules cannot ("X is convinced …"). Skipping them
    saved a tenth of the time and cost 0.002 F1 on train's held-out folds."""
    if not sentences:
        return [], []
    quotes = find_quotes(text, [span for span, _ in paragraphs_of(sentences)])
    labelled = attribution_spans(rules)
    paragraphs = paragraph_tokens(text, sentences, sentences[0].paragraph_id)
    features = []
    for paragraph in paragraphs:
        starts = [s for s, _ in paragraph.spans]
        lo, hi = paragraph.spans[0][0], paragraph.spans[-1][1]
        near = [(span, kind) for span, kind in labelled if span[1] > lo and span[0] < hi]
        rule_tags = span_tags(starts, near, len(starts))
        features.append(paragraph_features(paragraph, quote_flags(paragraph.spans, quotes), rule_tags))
    return paragraphs, features
