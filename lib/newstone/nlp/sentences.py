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

Speed: NLTK (3.10) routes every regular expression through ``nltk.redos``, which compiles
it with the third-party ``regex`` engine and runs each match under a wall-clock timeout,
a guard against caller-supplied patterns. Punkt's own patterns are fixed and linear, and
the guard costs more than half of Punkt's time, so :class:`FastPunktLanguageVars` and
:class:`FastPunktToken` compile the very same pattern sources with the standard ``re``
module. Nothing else in Punkt changes: ``tests/nlp/test_sentences.py`` checks that the spans
equal stock Punkt's on tricky cases, and on every BBC and PolNeAR article when
``../shared`` is present. The benchmark's floor uses stock Punkt.
"""

from __future__ import annotations

import re
import sys
from functools import lru_cache

from newstone.model import Sentence, Span
from newstone.nlp.words import abbreviations, title_abbreviations
from newstone.rules import word_set
from newstone.spans import paragraph_spans, trim_span

# Optional packages NLTK's package ``__init__`` imports when they are installed.
_NOT_FOR_NLTK = ("sklearn", "scipy")


def _import_punkt():
    """``nltk.tokenize.punkt``, imported without scikit-learn and SciPy.

    Importing any NLTK module runs NLTK's package ``__init__``, which imports
    ``nltk.classify.scikitlearn`` and ``nltk.metrics.association``; they import scikit-learn
    and SciPy when installed (they are, for ``scripts/train_tone.py``), and those import
    pandas: 2 s of start-up for every ``newstone parse`` worker, for a classifier wrapper and
    a collocation test we never use. NLTK catches the ImportError of each, so both are made
    unimportable for that one import (and importable again after it).
    """
    blocked = [] if "nltk" in sys.modules else [name for name in _NOT_FOR_NLTK if name not in sys.modules]
    for name in blocked:
        sys.modules[name] = None  # `import name...` raises ImportError
    try:
        import nltk.tokenize.punkt
    finally:
        for name in blocked:
            del sys.modules[name]
    return nltk.tokenize.punkt


_punkt = _import_punkt()
PunktLanguageVars = _punkt.PunktLanguageVars
PunktParameters = _punkt.PunktParameters
PunktSentenceTokenizer = _punkt.PunktSentenceTokenizer
PunktToken = _punkt.PunktToken

# One character for one character: offsets into the mapped text are offsets into the original.
_STRAIGHTEN = str.maketrans(
    {"\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2018": "'", "\u2019": "'", "\u00ab": '"', "\u00bb": '"'}
)


def load_abbreviations() -> set[str]:
    """Abbreviations as Punkt wants them: lower case, without the final period."""
    return {abbreviation.lower().rstrip(".") for abbreviation, _ in abbreviations()}


class FastPunktLanguageVars(PunktLanguageVars):
    """Punkt's language variables with its patterns compiled by ``re``, not ``nltk.redos``.

    The sources are Punkt's own (the class attributes and format strings it defines);
    only the engine that runs them changes.
    """

    re_boundary_realignment = re.compile(PunktLanguageVars.re_boundary_realignment.pattern, re.MULTILINE)

    def _word_tokenizer_re(self):
        try:
            return self._re_word_tokenizer
        except AttributeError:
            self._re_word_tokenizer = re.compile(
                self._word_tokenize_fmt
                % {
                    "NonWord": self._re_non_word_chars,
                    "MultiChar": self._re_multi_char_punct,
                    "WordStart": self._re_word_start,
                },
                re.UNICODE | re.VERBOSE,
            )
            return self._re_word_tokenizer

    def period_context_re(self):
        try:
            return self._re_period_context
        except AttributeError:
            self._re_period_context = re.compile(
                self._period_context_fmt
                % {"NonWord": self._re_non_word_chars, "SentEndChars": self._re_sent_end_chars},
                re.UNICODE | re.VERBOSE,
            )
            return self._re_period_context


_NON_PUNCT = re.compile(r"[^\W\d]")


class FastPunktToken(PunktToken):
    """Punkt's token with its property patterns compiled by ``re`` (same sources)."""

    __slots__ = ()
    _RE_ELLIPSIS = re.compile(PunktToken._RE_ELLIPSIS.pattern)
    _RE_NUMERIC = re.compile(PunktToken._RE_NUMERIC.pattern)
    _RE_INITIAL = re.compile(PunktToken._RE_INITIAL.pattern)
    _RE_ALPHA = re.compile(PunktToken._RE_ALPHA.pattern)

    @property
    def is_non_punct(self):
        return _NON_PUNCT.search(self.type)


@lru_cache(maxsize=1)
def punkt_parameters() -> PunktParameters:
    """Our Punkt parameters: news abbreviations and sentence starters from data files."""
    params = PunktParameters()
    params.abbrev_types = load_abbreviations()
    params.sent_starters = set(word_set("sentence_starters.txt"))
    return params


@lru_cache(maxsize=1)
def get_tokenizer() -> PunktSentenceTokenizer:
    """The Punkt tokenizer with our parameters and ``re``-compiled patterns, once per process."""
    return PunktSentenceTokenizer(punkt_parameters(), lang_vars=FastPunktLanguageVars(), token_cls=FastPunktToken)


def stock_tokenizer() -> PunktSentenceTokenizer:
    """NLTK's Punkt exactly as shipped, with our parameters: the reference the fast one
    is tested against, and what the benchmark's floor runs."""
    return PunktSentenceTokenizer(punkt_parameters())


def split_sentences(text: str, regions: list[Span] | None = None, first_paragraph_id: int = 0) -> list[Sentence]:
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
            spans = [
                trim_span(text, par_start + s, par_start + e)
                for s, e in tokenizer.span_tokenize(straight[par_start:par_end])
            ]
            for span in merge_after_titles(text, [span for span in spans if span[0] < span[1]]):
                for s, e in cap_length(text, span):
                    sentences.append(Sentence(s, e, paragraph_id))
            paragraph_id += 1
    return sentences


# News sentences stay under 1,100 characters (BBC: two of 44,000 above 1,000; PolNeAR: none);
# a longer "sentence" is an unpunctuated transcript or a list. Attribution reads a content to
# the end of its sentence, so without a cap every cue in a 300 KB run-on would carry most of
# it: quadratic time and memory (minutes and gigabytes for a 62,000-word transcript).
MAX_SENTENCE_CHARS = 2000
_SOFT_BREAK = re.compile(r"[;,:]\s")
_SPACE = re.compile(r"\s")


def cap_length(text: str, span: Span, limit: int = MAX_SENTENCE_CHARS) -> list[Span]:
    """``span`` cut into pieces of at most ``limit`` characters, each ending at the last
    semicolon, comma or colon in its second half, else at the last space, else hard."""
    start, end = span
    pieces: list[Span] = []
    while end - start > limit:
        cut = start + limit
        for pattern in (_SOFT_BREAK, _SPACE):
            breaks = [m.start() + 1 for m in pattern.finditer(text, start + limit // 2, start + limit)]
            if breaks:
                cut = breaks[-1]
                break
        piece = trim_span(text, start, cut)
        if piece[0] < piece[1]:
            pieces.append(piece)
        start = trim_span(text, cut, end)[0]
    if start < end:
        pieces.append((start, end))
    return pieces


def merge_after_titles(text: str, spans: list[Span]) -> list[Span]:
    """Join a sentence that ends on a title abbreviation ("Gen.") with the next one, and
    one that ends on a person's initials with the surname that opens the next ("chairman
    C.J. | Silas said": Punkt knows single initials, "John F. Kennedy", but not two)."""
    titles, listed = title_abbreviations(), _listed_abbreviations()
    merged: list[Span] = []
    for span in spans:
        last = text[merged[-1][0] : merged[-1][1]].rsplit(None, 1)[-1] if merged else ""
        if last in titles or (_INITIALS.match(last) and last not in listed and _opens_with_surname(text, span)):
            merged[-1] = (merged[-1][0], span[1])
        else:
            merged.append(span)
    return merged


@lru_cache(maxsize=1)
def _listed_abbreviations() -> frozenset[str]:
    return frozenset(abbreviation for abbreviation, _ in abbreviations())


# a person's initials, "C.J.", "J.R."; not an abbreviation of abbreviations.tsv ("U.S.", "D.C.")
_INITIALS = re.compile(r"^(?:[A-Z]\.){2,3}$")
_SURNAME_THEN_LOWER = re.compile(r"[A-Z][a-z'\u2019-]+,? [a-z]")


def _opens_with_surname(text: str, span: Span) -> bool:
    """Whether a sentence opens as a surname does after initials: a capitalised word that is
    no sentence starter (``sentence_starters.txt``: "The", "He"), then a lower-case word."""
    if not _SURNAME_THEN_LOWER.match(text, span[0]):
        return False
    first = text[span[0] : span[1]].split(None, 1)[0].rstrip(",")
    return first.lower() not in _lower_starters()


@lru_cache(maxsize=1)
def _lower_starters() -> frozenset[str]:
    return frozenset(word.lower() for word in word_set("sentence_starters.txt"))
