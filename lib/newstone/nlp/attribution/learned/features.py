"""Paragraph tokens and what the tagger sees of each token.

PolNeAR's annotation is univocal (each token is source, cue, content or nothing), so
attribution is a tag sequence; the sequence is a paragraph, because content runs over
sentence ends ("X said A. B, he added.") but almost never over paragraph ends. Tokens are
the rules' own words and punctuation (``tokens.token_pattern``), not opaque quotations:
learned content may start or stop inside a quotation (mixed speech). Every token keeps
its character offsets.

Each token is described by ten values (:data:`COLUMNS`): the word, its shape and suffix,
the distance to the nearest cue word of its sentence (a cheap stand-in for clause
structure), the rules' own tag (the rules run first), also joined with being inside,
opening or closing a quotation, its position, and the cue lexicon's class of the word and
of its neighbours. The rules' tag is the strongest single value: the tagger learns where to
trust the rules and where to extend them. Only the token's own values: the tagger
(:mod:`~.network`) reads the whole paragraph in both directions and learns what the
neighbours mean. Training (``scripts/train_attribution.py``) and run time call the same
:func:`article_inputs`, so the two cannot drift apart.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from newstone.model import Attribution, Sentence, Span
from newstone.nlp.attribution.document import paragraphs_of
from newstone.nlp.attribution.lexicon import cue_lexicon
from newstone.nlp.attribution.quotes import find_quotes
from newstone.nlp.attribution.tokens import token_pattern
from newstone.spans import SpanIndex

# Tags: BIO over source (S), cue (K) and content (C).
LABELS = ("O", "B-S", "I-S", "B-K", "I-K", "B-C", "I-C")

_SPAN = re.Match.span
_GROUP = re.Match.group

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
    finditer = token_pattern().finditer
    paragraphs: list[Paragraph] = []
    current = Paragraph([], [], [], False)
    last_pid = None
    for sent in sentences:
        if sent.paragraph_id != last_pid:
            current = Paragraph([], [], [], sent.paragraph_id == headline_id)
            paragraphs.append(current)
            last_pid = sent.paragraph_id
        matches = list(finditer(text, sent.start, sent.end))
        if matches:
            current.spans += map(_SPAN, matches)
            current.words += map(_GROUP, matches)
            current.sentence_first.append(True)
            current.sentence_first += [False] * (len(matches) - 1)
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


def _bucket(d: int) -> str:
    return "0" if d == 0 else str(d) if d <= 3 else "4-8" if d <= 8 else "9+"


# cue distance values: the cue word before the token ("-") or after it ("+"), bucketed
_CD_BEFORE = tuple("-" + _bucket(d) for d in range(10))
_CD_AFTER = tuple("+" + _bucket(d) for d in range(10))
_CD_FAR_BEFORE, _CD_FAR_AFTER = _CD_BEFORE[9], _CD_AFTER[9]
_CD_NONE = "none"


def _cue_distances(cue_at: list[int], first: int, last: int) -> list[str]:
    """The cue distance of tokens ``first``..``last`` (one sentence) given the sentence's
    cue word indices, ascending: the signed distance to the nearest cue word, bucketed; on
    a tie the cue before the token."""
    if not cue_at:
        return [_CD_NONE] * (last - first + 1)
    out = []
    k, m = 0, len(cue_at)
    for i in range(first, last + 1):
        while k < m and cue_at[k] <= i:
            k += 1
        before = i - cue_at[k - 1] if k else None  # k: the first cue after the token
        after = cue_at[k] - i if k < m else None
        if before is not None and (after is None or before <= after):
            out.append(_CD_BEFORE[before] if before < 10 else _CD_FAR_BEFORE)
        else:
            out.append(_CD_AFTER[after] if after < 10 else _CD_FAR_AFTER)
    return out


@lru_cache(maxsize=200_000)
def word_value(word: str) -> str:
    """The word column's value of a token's text: lower case, a curly apostrophe straight
    (also what ``scripts/word_vectors.py`` writes, so its vectors meet these words)."""
    return word.lower().replace("\u2019", "'")


def _word_values(word: str) -> tuple[str, str, str, str]:
    """(word value, shape, suffix, cue class) of a token's text: once per distinct string."""
    shape, suffix, cls = word_info(word)
    return word_value(word), shape, suffix, cls


# What the tagger sees of each token, one column each; "" is "nothing here" (no cue word).
COLUMNS = (
    "word",  # lower case
    "shape",  # Xx, x, X, d, Q (a quotation mark) or the character itself
    "suffix",  # last three letters
    "cue_distance",  # to the nearest cue word of the sentence: "-0" on it, "+2" two before one, "none"
    "rules_tag",  # the rules' own BIO tag
    "rules_tag_quote",  # the same joined with 0 outside a quotation, 1 inside, 2 opening, 3 closing
    "position",  # headline (h) or body (b), first sentence of the paragraph (0) or not (n), first token (f)
    "cue_class",  # the cue lexicon's class of the word (speech, belief, ...)
    "cue_class_before",  # ... of the word before
    "cue_class_after",  # ... of the word after
)


def paragraph_inputs(paragraph: Paragraph, quote_flag: list[int], rule_tags: list[str]) -> list[tuple[str, ...]]:
    """The tagger's input for every token of ``paragraph``: one value per :data:`COLUMNS`,
    as columns (one tuple per column, a value per token). Only the token's own values: the
    tagger reads the paragraph in both directions and learns the context itself."""
    n = len(paragraph.words)
    lowers, shapes, suffixes, classes = zip(*map(_word_values, paragraph.words))
    head = "h" if paragraph.headline else "b"
    starts = [i for i, first in enumerate(paragraph.sentence_first) if first] + [n]
    cues = [i for i, cls in enumerate(classes) if cls]
    distances: list[str] = []
    positions: list[str] = []
    for k in range(len(starts) - 1):
        lo, hi = starts[k], starts[k + 1]
        distances += _cue_distances([c for c in cues if lo <= c < hi], lo, hi - 1)
        pos = head + ("0" if k == 0 else "n")
        positions.append(pos + "f")
        positions += [pos] * (hi - lo - 1)
    return [
        lowers,
        shapes,
        suffixes,
        tuple(distances),
        tuple(rule_tags),
        tuple(map(str.__add__, rule_tags, map(str, quote_flag))),
        tuple(positions),
        classes,
        ("",) + classes[:-1],
        classes[1:] + ("",),
    ]


def article_inputs(
    text: str, sentences: list[Sentence], rules: list[Attribution], quotes: list[Span] | None = None
) -> tuple[list[Paragraph], list[list[tuple[str, ...]]]]:
    """The paragraphs of an article and the tagger's input of each, given the rules' attributions
    of the same text: what the tagger sees at training and at run time alike. ``quotes``
    are the text's quotations (``find_quotes``), when the caller has them already.

    Every paragraph is tagged, even one without a cue word of the rules' lexicon: those
    are where the tagger finds what the rules cannot ("X is convinced …"). Skipping them
    saved the CRF tagger a tenth of its time and cost 0.002 F1 on train's held-out folds."""
    if not sentences:
        return [], []
    if quotes is None:
        quotes = find_quotes(text, [span for span, _ in paragraphs_of(sentences)])
    labelled = SpanIndex(attribution_spans(rules))
    paragraphs = paragraph_tokens(text, sentences, sentences[0].paragraph_id)
    features = []
    for paragraph in paragraphs:
        starts = [s for s, _ in paragraph.spans]
        lo, hi = paragraph.spans[0][0], paragraph.spans[-1][1]
        near = labelled.overlapping(lo, hi)
        rule_tags = span_tags(starts, near, len(starts))
        features.append(paragraph_inputs(paragraph, quote_flags(paragraph.spans, quotes), rule_tags))
    return paragraphs, features
