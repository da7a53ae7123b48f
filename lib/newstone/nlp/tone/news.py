"""Tone of a text: raw VADER, and VADER with a measured news-aware lexicon.

Two scorers share one algorithm, vaderSentiment's ``SentimentIntensityAnalyzer``:

* ``"vader"`` is VADER exactly as published. The pipeline stores its ``compound``, ``pos``,
  ``neu`` and ``neg`` unchanged so that results stay comparable with other VADER studies.
* ``"news"`` is the same analyzer after the lexicon update in ``data/news_lexicon.tsv``:
  words VADER lacks that carry tone in news ("concerning", "sanctions", "invasion"), and
  social-media or name senses switched off ("support", "interested", "United", "Supreme").
  It also reads typographic quotes and apostrophes as ASCII ones, which VADER needs to
  strip punctuation and to see "n’t" negations. Its compound is the pipeline's ``tone``;
  :meth:`ToneScorer.label` gives ``tone_label``.

A third scorer the pipeline offers, ``"learned"``, is a supervised sentence model
(:func:`newstone.nlp.tone.toward.sentence_tone`; :mod:`~.columns` picks the scorer); tone
toward a target within a sentence is :func:`newstone.nlp.tone.toward.tone_toward`.

Why a lexicon update and not a new model: VADER's rules (negation, intensifiers, "but",
capitals, punctuation) work as well on news as on tweets; what fails is the vocabulary. The
file's header says how the update was developed and ``scripts/evaluate_tone.py`` measures
both scorers against human ratings of NYT editorial sentences.

    >>> from newstone.tone import tone
    >>> tone("It's incredibly concerning")["compound"] < -0.3
    True
    >>> tone("It's incredibly concerning", scorer="vader")["compound"]
    0.0
"""

from __future__ import annotations

import math
import os
import sys
import types
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache, lru_cache

from vaderSentiment.vaderSentiment import BOOSTER_DICT, NEGATE, SentimentIntensityAnalyzer

from newstone.nlp.tone.vader import MultiLexiconVader
from newstone.rules import RuleRow, read_table

SCORERS = ("vader", "news")


def check_scorer(scorer: str) -> str:
    """``scorer`` if it names a scorer; a ValueError otherwise, so a typo is an error
    rather than a silent fall-back to the news scorer."""
    if scorer not in SCORERS:
        raise ValueError(f"unknown tone scorer {scorer!r}: use one of {', '.join(SCORERS)}")
    return scorer


NEWS_LEXICON = "news_lexicon.tsv"  # the packaged update (newstone.rules reads it)
VALENCE_RANGE = (-4.0, 4.0)
# VADER's usual cut-offs on compound: >= 0.05 positive, <= -0.05 negative.
POSITIVE_THRESHOLD = 0.05
NEGATIVE_THRESHOLD = -0.05

# VADER strips only ASCII punctuation from tokens and spots negation by an ASCII "n't", so
# in typeset news ("concerning,”", "don’t") it misses both the word and the negation.
# The news scorer maps typographic quotes and apostrophes to ASCII before scoring.
TYPOGRAPHIC_QUOTES = (
    ("\u2018", "'"),
    ("\u2019", "'"),
    ("\u201a", "'"),
    ("\u201b", "'"),
    ("\u2032", "'"),
    ("\u201c", '"'),
    ("\u201d", '"'),
    ("\u201e", '"'),
    ("\u201f", '"'),
    ("\u2033", '"'),
    ("\u00ab", '"'),
    ("\u00bb", '"'),
)


def ascii_quotes(text: str) -> str:
    """``text`` with typographic quotes and apostrophes replaced by ASCII ones.

    Costs next to nothing on ASCII text (one flag check) and well under a microsecond per
    sentence otherwise: ``str.replace`` for the few characters present beats ``translate``.
    """
    if text.isascii():
        return text
    for typographic, plain in TYPOGRAPHIC_QUOTES:
        if typographic in text:
            text = text.replace(typographic, plain)
    return text


# Words VADER treats as modifiers before it looks at the lexicon. A lexicon entry for one
# of them would not score it but would stop it from boosting or negating the next word,
# so the lexicon update may not contain them.
_VADER_RULE_WORDS = frozenset(word.lower() for word in (*BOOSTER_DICT, *NEGATE))


@dataclass(frozen=True)
class LexiconEntry:
    """One line of the lexicon update: the word, its VADER-scale valence and why."""

    word: str
    valence: float
    reason: str


LEXICON_COLUMNS = ("word", "valence", "reason")


def lexicon_entry(row: RuleRow) -> LexiconEntry:
    """One row of a lexicon update as an entry, checked.

    Strict, because a silently skipped or misread line would change every tone score
    without anyone noticing: a lower-case word without spaces, a finite valence within
    VADER's -4..+4 scale, a reason, and no VADER booster or negation word.
    """
    word, valence_text = row["word"], row["valence"]
    if word != word.lower() or any(ch.isspace() for ch in word):
        raise row.error(f"word must be lower case without spaces, got {word!r}")
    try:
        valence = float(valence_text)
    except ValueError:
        raise row.error(f"valence {valence_text!r} is not a number") from None
    low, high = VALENCE_RANGE
    if not (math.isfinite(valence) and low <= valence <= high):
        raise row.error(f"valence {valence} is outside VADER's {low:g}..{high:g}")
    if word in _VADER_RULE_WORDS:
        raise row.error(f"{word!r} is a VADER booster/negation word")
    return LexiconEntry(word, valence, row["reason"])


def read_news_lexicon(source: str | os.PathLike = NEWS_LEXICON) -> list[LexiconEntry]:
    """All entries of a lexicon-update file (the packaged one, or a path), in file order;
    a word may appear only once."""
    entries: list[LexiconEntry] = []
    seen: set[str] = set()
    for row in read_table(source, LEXICON_COLUMNS):
        entry = lexicon_entry(row)
        if entry.word in seen:
            raise row.error(f"{entry.word!r} is listed twice")
        seen.add(entry.word)
        entries.append(entry)
    return entries


@lru_cache(maxsize=1)
def news_lexicon_update() -> Mapping[str, float]:
    """The packaged update as ``{word: valence}``, read once per process (read-only view)."""
    return types.MappingProxyType({e.word: e.valence for e in read_news_lexicon()})


def apply_lexicon_update(lexicon: dict[str, float], update: Mapping[str, float]) -> None:
    """Apply ``update`` to ``lexicon`` in place.

    A valence of 0 deletes the word rather than storing 0: VADER skips its negation and
    intensifier checks across any word found in its lexicon, so a stored 0 would still
    change how neighbouring words score. Deleted, the word is simply unknown to VADER.
    """
    for word, valence in update.items():
        if valence == 0:
            lexicon.pop(word, None)
        else:
            lexicon[word] = valence


def tone_label(compound: float) -> str:
    """``"positive"``, ``"neutral"`` or ``"negative"`` with VADER's usual +-0.05 cut-offs."""
    if compound >= POSITIVE_THRESHOLD:
        return "positive"
    if compound <= NEGATIVE_THRESHOLD:
        return "negative"
    return "neutral"


def _as_text(value: object) -> str:
    """Missing values (None, NaN, pd.NA) become "" so they score as all zeros; the rest str."""
    if value is None:
        return ""
    if isinstance(value, str):
        return str(value)
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="replace")
    if isinstance(value, float) and math.isnan(value):
        return ""
    if "pandas" in sys.modules and sys.modules["pandas"].isna(value) is True:
        return ""
    return str(value)


class ToneScorer:
    """One VADER analyzer, raw (``"vader"``) or with the news lexicon update (``"news"``).

    Each instance builds its own ``SentimentIntensityAnalyzer``, which reads VADER's lexicon
    file into a new dict, so updating a "news" scorer never touches another instance.
    Build one per process with :func:`get_scorer`: construction reads ~7,500 lexicon lines.
    """

    __slots__ = ("scorer", "_analyzer", "_polarity_scores", "_normalise_quotes")

    def __init__(self, scorer: str = "news") -> None:
        self.scorer = check_scorer(scorer)
        self._analyzer = SentimentIntensityAnalyzer()
        self._normalise_quotes = scorer == "news"
        if scorer == "news":
            apply_lexicon_update(self._analyzer.lexicon, news_lexicon_update())
        # Bound once: polarity() runs for every sentence of every article.
        self._polarity_scores = self._analyzer.polarity_scores

    def polarity(self, text: str) -> dict:
        """``{"compound", "pos", "neu", "neg"}`` as vaderSentiment computes them.

        For ``"vader"`` this is exactly ``SentimentIntensityAnalyzer().polarity_scores(text)``;
        ``"news"`` first maps typographic quotes to ASCII (:func:`ascii_quotes`).
        Empty or whitespace-only text gives all zeros (VADER's own answer); ``None`` and
        NaN count as empty instead of raising.
        """
        if text.__class__ is not str:
            text = _as_text(text)
        if self._normalise_quotes:
            text = ascii_quotes(text)
        return self._polarity_scores(text)

    def label(self, compound: float) -> str:
        """Label of a compound score; see :func:`tone_label`."""
        return tone_label(compound)

    def __repr__(self) -> str:
        return f"ToneScorer({self.scorer!r})"


@cache
def _scorer_of_kind(scorer: str) -> ToneScorer:
    return ToneScorer(scorer)


def get_scorer(scorer: str = "news") -> ToneScorer:
    """The process-wide scorer of that kind, created on first use.

    The cache sits on a positional helper so that ``get_scorer()``, ``get_scorer("news")``
    and ``get_scorer(scorer="news")`` all return the same object (``lru_cache`` keys on
    how it was called).
    """
    return _scorer_of_kind(scorer)


get_scorer.cache_clear = _scorer_of_kind.cache_clear


def tone(text: str, scorer: str = "news") -> dict:
    """Polarity of one text: ``get_scorer(scorer).polarity(text)``."""
    return get_scorer(scorer).polarity(text)


@lru_cache(maxsize=1)
def _raw_and_news() -> MultiLexiconVader:
    """Raw VADER's and the news lexicon, scored over one tokenisation (see newstone.vader)."""
    raw, news = get_scorer("vader"), get_scorer("news")
    return MultiLexiconVader(raw._analyzer, [raw._analyzer.lexicon, news._analyzer.lexicon])


def tone_columns(text: str, scorer: str = "news") -> dict:
    """What the pipeline stores for a sentence or a quote.

    Raw VADER ``compound``/``pos``/``neu``/``neg`` plus ``tone`` (compound of ``scorer``)
    and ``tone_label``. Both scorers see the text with typographic quotes mapped to ASCII
    (one for one): raw VADER strips only ASCII punctuation, so it would read
    ``“delighted,”`` as an unknown word. Both are computed by
    :class:`newstone.vader.MultiLexiconVader`, which gives vaderSentiment's exact results
    over one tokenisation, and reuses the raw result when the text holds no word the news
    lexicon changes.
    """
    check_scorer(scorer)
    text = ascii_quotes(text if text.__class__ is str else _as_text(text))
    raw, news = _raw_and_news().polarity(text)
    tone_value = raw["compound"] if scorer == "vader" else news["compound"]
    return {
        "compound": raw["compound"],
        "pos": raw["pos"],
        "neu": raw["neu"],
        "neg": raw["neg"],
        "tone": tone_value,
        "tone_label": tone_label(tone_value),
    }


def score_many(texts: Iterable[str], scorer: str = "news") -> list[dict]:
    """Polarity of each text, in order."""
    polarity = get_scorer(scorer).polarity
    return [polarity(text) for text in texts]


__all__ = [
    "SCORERS",
    "NEWS_LEXICON",
    "TYPOGRAPHIC_QUOTES",
    "ascii_quotes",
    "LexiconEntry",
    "ToneScorer",
    "get_scorer",
    "tone",
    "score_many",
    "tone_label",
    "tone_columns",
    "read_news_lexicon",
    "lexicon_entry",
    "news_lexicon_update",
    "apply_lexicon_update",
]
