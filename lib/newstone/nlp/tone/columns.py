"""The tone columns the pipeline stores, from the scorer a run asks for.

``"vader"`` and ``"news"`` are VADER with its own or the news lexicon
(:mod:`newstone.nlp.tone.news`); ``"learned"`` is the supervised sentence model
(:func:`newstone.nlp.tone.toward.sentence_tone`). Whichever fills ``tone`` and
``tone_label``, the raw VADER columns are always VADER's own.
"""

from __future__ import annotations

from newstone.nlp.tone import news
from newstone.nlp.tone.toward import sentence_tone

SCORERS = (*news.SCORERS, "learned")


def check_scorer(scorer: str) -> str:
    """``scorer`` if it names a scorer of :data:`SCORERS`; a ValueError otherwise."""
    if scorer not in SCORERS:
        raise ValueError(f"unknown tone scorer {scorer!r}: use one of {', '.join(SCORERS)}")
    return scorer


def tone_columns(text: str, scorer: str = "news") -> dict:
    """Raw VADER ``compound``/``pos``/``neu``/``neg`` plus ``tone`` and ``tone_label`` of
    ``scorer`` (:func:`newstone.nlp.tone.news.tone_columns`). For ``"learned"``, ``tone`` is
    P(positive) - P(negative) and ``tone_label`` the likeliest class."""
    check_scorer(scorer)
    if scorer != "learned":
        return news.tone_columns(text, scorer)
    columns = news.tone_columns(text, "news")
    words = text if text.__class__ is str else news._as_text(text)
    if words.strip():
        result = sentence_tone(words)
        columns["tone"], columns["tone_label"] = result["score"], result["label"]
    return columns
