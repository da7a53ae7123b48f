"""Sentence and paragraph spans, with NLTK's Punkt and parameters we write ourselves.

NLTK's pretrained Punkt models are a download we cannot make, so the tokenizer is built
from :class:`nltk.tokenize.punkt.PunktParameters` filled from
``data/abbreviations.txt`` (news abbreviations: U.S., Sen., Gov., Sept., ...). Single
capital initials ("John F. Kennedy") are handled by Punkt's own initial heuristic.

Two adjustments keep the offsets exact while making Punkt see news typography:

* Curly quotes are mapped to straight ones (one character for one, so every offset is
  unchanged) before Punkt runs, because Punkt only knows straight quotes when it decides
  that ``concerning.”`` ends a sentence and moves the closing quote into it.
* Text is split into paragraphs at blank lines first; a sentence never crosses one.
"""
from __future__ import annotations

import re
from functools import lru_cache
from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

from .datafiles import data_lines
from .model import Sentence, Span

# One character for one character: offsets into the mapped text are offsets into the original.
_STRAIGHTEN = str.maketrans({"\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2018": "'",
                             "\u2019": "'", "\u00ab": '"', "\u00bb": '"'})
_BLANK_LINE = re.compile(r"\n[ \t\r\f\v\u00a0]*\n\s*")


def load_abbreviations() -> set[str]:
    """Abbreviations as Punkt wants them: lower case, without the final period."""
    return {line.split()[0].lower().rstrip(".") for line in data_lines("abbreviations.txt")}


@lru_cache(maxsize=1)
def title_abbreviations() -> frozenset[str]:
    """Abbreviated titles ("Sen.", "Gen."): a sentence never ends on one."""
    return frozenset(line.split()[0] for line in data_lines("abbreviations.txt")
                     if line.split()[1:] == ["title"])


@lru_cache(maxsize=1)
def get_tokenizer() -> PunktSentenceTokenizer:
    """The Punkt tokenizer with our parameters, built once per process."""
    params = PunktParameters()
    params.abbrev_types = load_abbreviations()
    params.sent_starters = {word.lower() for word in data_lines("sentence_starters.txt")}
    return PunktSentenceTokenizer(params)


def paragraph_spans(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Blank-line separated blocks of ``text[start:end]``, trimmed of surrounding space."""
    end = len(text) if end is None else end
    spans = []
    cursor = start
    for blank in _BLANK_LINE.finditer(text, start, end):
        spans.append((cursor, blank.start()))
        cursor = blank.end()
    spans.append((cursor, end))
    return [trimmed for s, e in spans if (trimmed := trim_span(text, s, e))[0] < trimmed[1]]


def trim_span(text: str, start: int, end: int) -> Span:
    """Move ``start`` and ``end`` inwards past white space (and a byte-order mark)."""
    while start < end and (text[start].isspace() or text[start] == "\ufeff"):
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def split_sentences(text: str, regions: list[Span] | None = None,
                    first_paragraph_id: int = 0) -> list[Sentence]:
    """Sentences of ``text`` inside ``regions`` (default: all of it), in text order.

    Each region is split into paragraphs at blank lines, then each paragraph by Punkt.
    Paragraph ids count across regions, so a headline region is paragraph 0.
    """
    tokenizer = get_tokenizer()
    regions = [(0, len(text))] if regions is None else regions
    straight = text.translate(_STRAIGHTEN)
    sentences: list[Sentence] = []
    paragraph_id = first_paragraph_id
    for region_start, region_end in regions:
        for par_start, par_end in paragraph_spans(text, region_start, region_end):
            spans = [trim_span(text, par_start + s, par_start + e)
                     for s, e in tokenizer.span_tokenize(straight[par_start:par_end])]
            for s, e in merge_after_titles(text, [span for span in spans if span[0] < span[1]]):
                sentences.append(Sentence(s, e, paragraph_id))
            paragraph_id += 1
    return sentences


def merge_after_titles(text: str, spans: list[Span]) -> list[Span]:
    """Join a sentence that ends on a title abbreviation ("Gen.") with the next one."""
    titles = title_abbreviations()
    merged: list[Span] = []
    for span in spans:
        if merged and text[merged[-1][0]:merged[-1][1]].rsplit(None, 1)[-1] in titles:
            merged[-1] = (merged[-1][0], span[1])
        else:
            merged.append(span)
    return merged
