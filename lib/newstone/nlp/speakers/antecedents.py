"""A pronoun's antecedent in the prose, when no speaker of the article is one.

Coreference (:mod:`~newstone.nlp.speakers.coreference`) resolves "he" and "she" to the
speakers quoted before. News prose also introduces people who were not quoted yet ("Ms.
Malik had made little effort to hide her views. She said she supported it."); this module
finds them.
"""

from __future__ import annotations

import re

from newstone.model import Span
from newstone.nlp.attribution.quotes import find_quotes
from newstone.nlp.speakers.evidence import honorific_gender, is_given_name, is_title_word, name_gender
from newstone.rules import word_set

# A person the prose names before a pronoun: an honorific and a surname ("Ms. Malik"), or
# a given name and a surname ("Loretta Lynch").
_NAMED_PERSON = re.compile(
    r"\b(?:(?P<honorific>Mrs|Ms|Mr|Miss)\.?|(?P<given>[A-Z][a-z]+))"
    r"[ \t]+(?P<name>[A-Z][\w'\u2019-]+(?:[ \t]+[A-Z][\w'\u2019-]+)*)"  # after an honorific, the whole name
)
NAMED_WINDOW = 300  # characters before the pronoun searched
# "the Vermont senator", "the former secretary": a role that may be the pronoun's antecedent
_ROLE_AFTER = re.compile(r"\b[Tt]he(?=((?:[ \t]+[A-Za-z-]+){1,3}))")


def nearest_named(text: str, before: int, gender: str, start: int | None = None) -> str | None:
    """The nearest person of the pronoun's gender the text names just before it, when no
    speaker of the article fits: "Ms. Malik had made little effort to hide her views. She
    said ..." is Malik, though Malik was not quoted before. Only names whose gender is known
    (an honorific, a given name of ``first_names.tsv``) count; None when there is none, when
    two people of that gender are named (either may be meant), or when an unnamed role comes
    between ("... Trump ... The Vermont senator ... He"). ``start`` narrows the search
    (default: ``NAMED_WINDOW`` characters back).

    Measured on 300 PolNeAR train articles before the two-people rule: 15 pronouns resolved,
    10 of them right; the rule leaves out the ambiguous ones."""
    found, end, surnames = None, 0, set()
    start = max(0, before - NAMED_WINDOW) if start is None else start
    for match in _NAMED_PERSON.finditer(text, start, before):
        honorific, given, name = match.group("honorific", "given", "name")
        name = re.split(r"['\u2019]s\b", name)[0]  # "Mr. Trump's RT appearance" names Trump
        if is_title_word(name.split()[0]):
            continue  # "Mr. President"
        if honorific and honorific_gender(honorific) == gender:
            found, end = name, match.end()
        elif not honorific and " " not in name and name_gender(f"{given} {name}") == gender:
            found, end = f"{given} {name}", match.end()
        else:
            continue
        surnames.add(found.split()[-1])
    if len(surnames) > 1:
        return None  # "Mr. Trump ... his cousin James York ... he said": either may be meant
    roles = _ROLE_AFTER.findall(text, end, before)
    if found and any(is_title_word(word) for phrase in roles for word in phrase.split()):
        return None
    return found


# A sentence end, not the point of "Mr." or of an initial ("Sander M. Levin"); a paragraph break.
_SENTENCE_BREAK = re.compile(
    r"(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!\b[A-Z])[.!?][\"\u201d\u2019']?\s+|\n+"
)
RECENT_SENTENCES = 2  # sentences before the pronoun's own that count as "just named"
RECENT_WINDOW = 600  # characters back at most


def _recent_sentences(prose: str, before: int) -> list[int]:
    """Where the sentence holding ``before`` and the ``RECENT_SENTENCES`` before it start,
    then ``before``: the stretch in which a person counts as just named (at most
    ``RECENT_WINDOW`` characters back)."""
    window_start = max(0, before - RECENT_WINDOW)
    breaks = [m.end() for m in _SENTENCE_BREAK.finditer(prose, window_start, before)]
    return [window_start, *breaks][-RECENT_SENTENCES - 1 :] + [before]


def prose_only(text: str, contents: list[Span]) -> str:
    """``text`` with what people are reported to say (``contents``) and quotations blanked,
    offsets kept: "Mr Blair has failed, he claimed" names Blair only as a topic."""
    lines = [m.span() for m in re.finditer(r"[^\n]+", text)]
    pieces, done = [], 0
    for start, end in sorted([*find_quotes(text, lines), *contents]):
        start = max(start, done)
        if end > start:
            pieces += [text[done:start], " " * (end - start)]
            done = end
    pieces.append(text[done:])
    return "".join(pieces)


def recent_named(prose: str, before: int, gender: str, floor: str | None) -> str | None:
    """The one person of the pronoun's gender named in its own sentence or the two before
    it (a paragraph break ends a sentence), outside what people say (``prose`` comes from
    :func:`prose_only`), when that is not the speaker who holds the floor: "Marco Rubio was
    asked to name an achievement. He basically ducked" is Rubio even when Trump was quoted
    last. The prose moved on to someone new; the last speaker fitting the gender is the
    older guess. None when the floor holder (``floor``, the speaker coreference would
    otherwise pick) is named in that stretch too (given name or surname), or when
    :func:`nearest_named` finds nobody or two people.

    Hand-checked where it changed results: PolNeAR dev (not used to write it), 12 of 247
    "he"/"she" speakers, 8 now right, 3 now wrong; 30 of 75 BBC changes, 20 now right, 7
    now wrong (a name in an object position, an attribution the rules cut short)."""
    start = _recent_sentences(prose, before)[0]
    names = [word for word in (floor or "").split() if len(word) > 2 and word[0].isupper()]
    if any(re.search(rf"\b{re.escape(word)}\b", prose[start:before]) for word in names):
        return None  # "Edward Heath" holds the floor where the prose says "Sir Edward"
    return nearest_named(prose, before, gender, start=start)


# "the 31-year-old", "the Sale full-back": a person described by age or team position
_AGE = re.compile(r"^\d{1,3}-year-old$")


def is_descriptor(name: str | None) -> bool:
    """Whether an unresolved mention's name only describes a person just named: an age
    ("31-year-old") or a team and a position ("Sale full-back", ``player_positions.txt``)."""
    if not name:
        return False
    words = name.split()
    if len(words) == 1:
        return bool(_AGE.match(name))
    return len(words) <= 3 and words[0][:1].isupper() and words[-1].lower() in word_set("player_positions.txt")


def last_named(text: str, prose: str, before: int, known: list[str]) -> str | None:
    """The person a descriptor right before ``before`` ("the 36-year-old") refers to: the
    first person named in the last sentence that names anyone, among its sentence and the
    two before it, outside what people say. The first, because a sentence's subject comes
    first ("Gallas has been given confidence by manager Jose Mourinho. … the French
    defender" is Gallas). A person counts by a full name (a given name and a surname) or by
    the surname of one written earlier in the article (``text``) or of a ``known`` speaker,
    unless two people share that surname."""
    bounds = _recent_sentences(prose, before)
    by_surname: dict[str, set[str]] = {}
    for name in known:
        by_surname.setdefault(name.split()[-1], set()).add(name)
    for match in _NAMED_PERSON.finditer(text, 0, before):
        given, name = match.group("given", "name")
        if given and is_given_name(given) and " " not in name:
            by_surname.setdefault(name, set()).add(f"{given} {name}")
    unique = {surname: next(iter(names)) for surname, names in by_surname.items() if len(names) == 1}
    pattern = (
        re.compile(rf"\b(?:{'|'.join(map(re.escape, sorted(unique, key=len, reverse=True)))})\b") if unique else None
    )
    for start, end in reversed(list(zip(bounds, bounds[1:]))):
        found = [(m.start(), unique[m.group()]) for m in pattern.finditer(prose, start, end)] if pattern else []
        for match in _NAMED_PERSON.finditer(prose, start, end):
            given, name = match.group("given", "name")
            if given and is_given_name(given) and " " not in name:
                found.append((match.start(), f"{given} {name}"))
        if found:
            return min(found)[1]
    return None
