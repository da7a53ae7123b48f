"""The tone columns the pipeline stores, from the scorer a run asks for.

``"vader"`` and ``"news"`` are VADER with its own or the news lexicon
(:mod:`newstone.nlp.tone.news`); ``"learned"`` is the supervised sentence model
(:func:`newstone.nlp.tone.toward.sentence_tone`). Whichever fills ``tone`` and
``tone_label``, the raw VADER columns are always VADER's own.
"""

from __future__ import annotations

from functools import lru_cache

from newstone.nlp.tone import news
from newstone.nlp.tone.toward import SentenceView, sentence_tone, sentence_tone_of_view

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


@lru_cache(maxsize=1)
def _emojis() -> frozenset[str]:
    return frozenset(news.get_scorer("vader")._analyzer.emojis)


def tone_columns_of_view(view: SentenceView, text: str, scorer: str = "news") -> dict | None:
    """:func:`tone_columns` of ``text`` from ``view`` (:func:`~newstone.nlp.tone.toward.read_sentence`
    of the same text), which holds VADER's scores under both lexicons: the pipeline reads
    a sentence naming a country once, for its tone and its tone toward. None when ``text``
    holds an emoji, which VADER reads as words and the view does not."""
    check_scorer(scorer)
    if not text.isascii() and not _emojis().isdisjoint(text):
        return None
    tone = view.compound_raw if scorer == "vader" else view.compound_news
    columns = {
        "compound": view.compound_raw,
        "pos": view.pos_raw,
        "neu": view.neu_raw,
        "neg": view.neg_raw,
        "tone": tone,
        "tone_label": news.tone_label(tone),
    }
    if scorer == "learned" and view.words:
        result = sentence_tone_of_view(view)
        columns["tone"], columns["tone_label"] = result["score"], result["label"]
    return columns
