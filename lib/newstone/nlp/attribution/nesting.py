"""Attributions of one sentence measured against each other: coordination and nesting.

"X said A, and Y believes B" is two attributions, so the first content stops where the
second clause starts; a pronoun source inside another speaker's content ("officials said
they believe") belongs to the outer speaker; an attribution told inside another one's
content ("Smith said Jones believes Z") is dropped, as PolNeAR annotates it, unless its
cue is a plain reporting or sourcing word (``data/nested_cue_words.txt``).
"""

from __future__ import annotations

from newstone.model import Attribution, Span
from newstone.nlp.attribution.lexicon import word_set
from newstone.nlp.attribution.source import skip_verb_group_back
from newstone.nlp.attribution.tokens import Clause, Token
from newstone.nlp.words import COORDINATORS, SUBORDINATORS


def cut_coordinated(tokens: list[Token], clauses: list[Clause]) -> None:
    """Stop a forward content where a coordinated attribution begins ("…, and Y said …")."""
    for a, b in zip(clauses, clauses[1:]):
        if a.shape != "forward" or b.source_first < 0 or not a.content:
            continue
        k = b.source_first - 1
        shared = b.source_first <= a.cue_first
        if shared:  # shared subject: "He said A and said that B" / "He said A, adding B"
            k = skip_verb_group_back(tokens, b.cue_first - 1)
        if not shared and k >= 0 and tokens[k].lower not in COORDINATORS | {";"}:
            # "…, and one in four said …": the coordinator may sit a few words before the cue's source
            for back in range(k - 1, max(-1, k - 4), -1):
                if tokens[back].lower in COORDINATORS | {";"} and tokens[back].start > a.content[-1][0]:
                    k = back
                    break
        if (
            k >= 0
            and tokens[k].lower in SUBORDINATORS
            and tokens[k].start >= a.content[-1][0]
            and all(t.lower == "that" or not t.is_word for t in tokens[a.cue_last + 1 : k])
        ):
            continue  # "said that while they expect A, B": "while" opens the reported clause itself
        if k >= 0 and (tokens[k].lower in COORDINATORS | {";"} or (shared and tokens[k].text == ",")):
            k -= 1
            if k >= 0 and tokens[k].text in (",", ";"):
                k -= 1
            cut = tokens[k].end if k >= 0 else None
            if cut is not None and a.content[-1][0] < cut < a.content[-1][1]:
                a.content[-1] = (a.content[-1][0], cut)


def lift_nested_pronouns(tokens: list[Token], clauses: list[Clause]) -> None:
    """ "Menendez said he does not think …": PolNeAR credits the inner attribution to the
    outer source, not to the pronoun that opens the reported clause."""
    for outer, inner in zip(clauses, clauses[1:]):
        if outer.shape != "forward" or not outer.content or inner.source is None or outer.source is None:
            continue
        start = outer.content[0][0]
        if inner.source_first > 0 and tokens[inner.source_first - 1].text == ",":
            continue  # "He believes, he said, that …": a parenthetical of its own speaker
        if inner.source[0] <= start + 5 and inner.source[0] >= start and inner.source[1] - inner.source[0] <= 4:
            inner.source = outer.source
    # "… end what she called punitive rules", "Vote for Lee, whom he called a fraud": a
    # pronoun after "what"/"whom" inside an earlier clause's content is that clause's source
    for k, inner in enumerate(clauses):
        first = inner.source_first
        if (
            inner.source is None
            or first < 1
            or tokens[first].lower not in ("he", "she", "they")
            or tokens[first - 1].lower not in ("what", "whom")
        ):
            continue
        for outer in clauses[:k]:
            if (
                outer.source is not None
                and outer.shape in ("forward", "according")
                and any(s <= inner.source[0] < e for s, e in outer.content)
            ):
                inner.source = outer.source
                break


def _inside(pos: int, spans: list[Span]) -> bool:
    return any(s <= pos < e for s, e in spans)


def drop_nested(made: list[Attribution], text: str) -> list[Attribution]:
    """The sentence's attributions without those told inside another one's content.

    When both the cue and the source of an attribution fall inside the content of another
    attribution of the same sentence ("Smith said Jones believes the plan will fail"), the
    inner one is what the outer speaker reports, and annotators mark the outer one only; an
    inner reporting or sourcing cue ("…, according to Reuters", "the Times reported") is
    the exception (``nested_cue_words.txt``).
    """
    keep_words = word_set("nested_cue_words.txt")
    kept = []
    for att in made:
        cue_words = text[att.cue[0] : att.cue[1]].lower().split() if att.cue is not None else []
        if (
            cue_words
            and att.source is not None
            and cue_words[-1] not in keep_words
            and any(
                other is not att and _inside(att.cue[0], other.spans) and _inside(att.source[0], other.spans)
                for other in made
            )
        ):
            continue
        kept.append(att)
    return kept
