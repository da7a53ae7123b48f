"""Attribution helpers: run a sentence through the attribution stage (as the pipeline does,
speakers resolved) and read the source, cue and content back as text."""

from __future__ import annotations

from newstone.model import Attribution
from newstone.nlp.attribution.document import extract_attributions
from newstone.nlp.sentences import split_sentences
from newstone.nlp.speakers.coreference import resolve_speakers

BODY = "Headline here\n\n"  # a first paragraph, so the sentence under test is not a headline


def run(text: str) -> list[Attribution]:
    """Attributions with their speakers resolved, as the pipeline makes them."""
    return resolve_speakers(text, extract_attributions(text, split_sentences(text)))


def content(text: str, att: Attribution) -> str:
    """The content pieces of ``att``, joined by " | "."""
    return " | ".join(text[s:e] for s, e in att.spans)


def source(text: str, att: Attribution) -> str | None:
    return text[att.source[0] : att.source[1]] if att.source else None


def cue_of(text: str, att: Attribution) -> str | None:
    return text[att.cue[0] : att.cue[1]] if att.cue else None


def only(text: str) -> Attribution:
    """The one attribution of ``text`` (the assertion lists them all when there are more)."""
    atts = run(text)
    assert len(atts) == 1, [(content(text, a), source(text, a)) for a in atts]
    return atts[0]


def only_of(atts: list[Attribution]) -> Attribution:
    assert len(atts) == 1, atts
    return atts[0]


def in_body(sentence: str) -> tuple[str, list[Attribution]]:
    """The sentence as body text (after a headline paragraph) and its attributions."""
    text = "Head\n\n" + sentence
    return text, [a for a in run(text) if a.spans[0][0] >= 6]
