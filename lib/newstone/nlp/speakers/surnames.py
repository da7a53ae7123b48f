"""The full name an article gives a surname: "Miller" is the earlier "Matthew Miller".

:func:`full_name` looks first among the speakers so far, then back through the text
(:func:`full_name_at` reads the given names written before one occurrence), then, for a
headline, forward to the first full name the body gives. What tells namesakes apart: a
gender ("Mrs. Clinton" is not "Bill Clinton"), a title ("Sen. Dole" is the senator, not
the Transportation Secretary), and a knighthood ("Mr Blair" is not "Sir Ian Blair").
"""

from __future__ import annotations

import re
from functools import lru_cache

from newstone.nlp.speakers.evidence import honorific_gender, is_given_name, is_title_word, name_gender
from newstone.nlp.speakers.mention import SpeakerInfo, describe_one
from newstone.nlp.speakers.names import surname_first, unglued
from newstone.rules import word_set

NAME_LOOKBACK = 20_000  # characters searched backwards for a surname's full form


# One or two capitalised words (and an initial) right before a surname, on the same line: a
# headline's last word is not a given name ("… - Straw\n\nJack Straw"), nor the end of a
# longer word ("MPs Tony Blair").
_NAME_BEFORE = re.compile(r"(?<![\w'\u2019.-])((?:[A-Z][a-z]+\.?[ \t]+){1,2}(?:[A-Z]\.[ \t]+)?)$")


# "Mr Blair" at a source; a knight is "Sir Ian", never "Mr Blair" ("Sir Ian Blair" and "Mr Blair"
# in one story are two men).
_PLAIN_HONORIFIC = re.compile(r"\b(?:Mr|Mrs|Ms|Miss)\.? [A-Z]")
_NEXT_WORD = re.compile(r"[ \t]+([a-z]+)\b")
_GIVEN_AFTER = re.compile(r"[ \t]+([A-Z][a-z]+(?:-[a-z]+)?)\b(?![-'\u2019])")
_LINKS = ("of", "the", "and", "for")
_NOT_FIRST_NAMES = frozenset("The A An But And When If In On At".split())


def _sentence_end_inside(words: str) -> bool:
    """A word with a final period that is neither an initial nor an abbreviated title or
    honorific ends a sentence: "… fan Steve Morgan. Parry joined" has no "Steve Morgan Parry"."""
    return any(
        word.endswith(".") and len(word) > 2 and honorific_gender(word) is None and not is_title_word(word)
        for word in words.split()
    )


def gender_clash(gender: str | None, other: str | None) -> bool:
    return gender is not None and other is not None and gender != other


# "Mr. Prasad", "Ms Brainard": an honorific and the surname it genders
_HONORIFIC_SURNAME = re.compile(r"\b(Mr|Mrs|Ms|Miss)\.?\s+([A-Z][\w'\u2019-]+)")


@lru_cache(maxsize=4)
def surname_genders(text: str) -> dict[str, str]:
    """Surname -> gender, from the honorifics the article writes before surnames ("Mr.
    Prasad" anywhere in it): a person introduced without one ("Eswar Prasad, a professor")
    has a gender all the same. A surname written with both genders is left out. One pass
    per article (cached: pronouns ask for every person of the history)."""
    seen: dict[str, set[str]] = {}
    for match in _HONORIFIC_SURNAME.finditer(text):
        gender = honorific_gender(match.group(1))
        if gender in ("m", "f"):
            seen.setdefault(match.group(2).replace("\u2019", "'"), set()).add(gender)
    return {surname: genders.pop() for surname, genders in seen.items() if len(genders) == 1}


def full_name(
    surname: str, text: str, before: int, known: list[SpeakerInfo], gender: str | None = None, title: str | None = None
) -> str | None:
    """The nearest earlier full name ending in ``surname`` ("Matthew Miller" for "Miller"):
    first among the speakers so far, then in the preceding text (bounded look-back), else (in a
    headline, or with an honorific) the first one after it. A
    known ``gender`` ("Mrs. Clinton") skips names of the other one ("Bill Clinton"); when
    two speakers share the surname, a ``title`` ("Sen. Dole") picks the one whose title
    it abbreviates ("Senate Republican Leader Robert Dole", not "Transportation Secretary
    Elizabeth Dole")."""
    plain = _PLAIN_HONORIFIC.search(text, max(0, before - 5), before + 5) is not None
    candidates = [
        info
        for info in reversed(known)
        if info.name
        and info.name != surname
        and (info.name.split()[-1] == surname or (info.name.split()[0] == surname and surname_first(info.name.split())))
        and not gender_clash(gender, info.gender or name_gender(info.name))
        and not (plain and _knighted(info.name, text, before))
    ]
    if title and len({info.name for info in candidates}) > 1:
        fitting = {info.name for info in candidates if info.title and _title_fits(title, info.title)}
        if len(fitting) == 1:
            return fitting.pop()
    if candidates:
        return candidates[0].name
    floor = max(0, before - NAME_LOOKBACK)
    pos = before
    for _ in range(50):
        pos = text.rfind(surname, floor, pos)
        if pos < 0:
            break
        full = full_name_at(text, pos, surname, gender)
        if full and not (plain and _knighted(full, text, before)):
            return full
    if "\n\n" not in text[:before] or gender is not None:
        # Nobody of that name before: a headline ("Blair tells EU"), or an abstract or lead
        # with an honorific ("Mrs. Clinton offers …", then "For Hillary Clinton, …"), names
        # someone before the article gives the full name; the first full name that follows
        # is the one meant. A bare surname in the body is not looked up ahead: "Obama said"
        # before a "Michelle Obama" is not her.
        pos = before
        for _ in range(50):
            pos = text.find(surname, pos + 1, before + HEADLINE_LOOKAHEAD)
            if pos < 0:
                break
            full = full_name_at(text, pos, surname, gender)
            # Only a known given name and the surname: the words before a name in running
            # text can be anything capitalised ("Defiant Matt Williams", "Van Persie Ashley Cole")
            if full and is_given_name(full.split()[-2]):
                return " ".join(full.split()[-2:])
    return None


def _knighted(name: str, text: str, before: int) -> bool:
    """Whether the text before ``before`` (as far back as a full name is looked for) styles
    ``name`` a knight or dame ("Sir Ian Blair"). Bounded, so a huge article stays linear."""
    floor = max(0, before - NAME_LOOKBACK)
    return text.find(f"Sir {name}", floor, before) >= 0 or text.find(f"Dame {name}", floor, before) >= 0


def _title_fits(title: str, other: str) -> bool:
    """Whether every word of ``title`` is a word of ``other`` or abbreviates one ("Sen." of
    "Senate Republican Leader", "Gov." of "Governor")."""
    words = [w.lower() for w in other.split()]
    return all(
        any(w == word or w.startswith(word) for w in words)
        for word in (t.lower().rstrip(".") for t in title.split())
        if len(word) >= 3
    ) and any(len(t.rstrip(".")) >= 3 for t in title.split())


HEADLINE_LOOKAHEAD = 5_000  # characters searched after a first bare surname for its full form


def full_name_at(text: str, pos: int, surname: str, gender: str | None) -> str | None:
    """The full name ending in the ``surname`` found at ``pos`` ("Tony" + "Blair"), or None
    when no given name precedes it there."""
    after = pos + len(surname)
    if (after < len(text) and text[after].isalnum()) or (pos > 0 and text[pos - 1].isalnum()):
        return None
    given_after = _GIVEN_AFTER.match(text, after)
    if given_after and surname_first([surname, given_after.group(1)]):
        return f"{surname} {given_after.group(1)}"  # "Ban Ki-moon", "Xi Jinping": family name first
    next_word = _NEXT_WORD.match(text, after)
    if next_word and next_word.group(1) in word_set("org_words.txt"):
        return None  # "Rolling Stone magazine" names a magazine, not Mr Stone
    m = _NAME_BEFORE.search(text, max(0, pos - 40), pos)
    if m and m.group(1).split()[0] not in _NOT_FIRST_NAMES and not _sentence_end_inside(m.group(1)):
        tokens = (m.group(1) + surname).split()
        while tokens and (is_title_word(tokens[0]) or honorific_gender(tokens[0]) is not None):
            tokens = tokens[1:]
        word_before = text[max(0, m.start(1) - 12) : m.start(1)].split()[-1:]
        if len(tokens) > 2 and word_before and word_before[0].lower() in _LINKS and not is_given_name(tokens[0]):
            tokens = tokens[1:]  # "Chancellor of the Exchequer Nigel Lawson", not "of Donald J. Trump"
        if len(tokens) > 1:
            # the words before a name may be a title or a capitalised common word
            # ("Energy Minister Subroto", "Defiant Matt Williams")
            info = describe_one(" ".join(tokens))
            if info.kind != "person" or not info.name or not info.name.endswith(surname):
                return None
            tokens = unglued(info.name, text).split()
        if len(tokens) > 1 and not gender_clash(gender, name_gender(" ".join(tokens))):
            return " ".join(tokens)
    return None
