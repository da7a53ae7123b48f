"""Whether a mention names an organisation: a firm by its legal form or by the words that
describe it, "X and Y" as one name, a title word inside a body's name.

The cases :func:`~newstone.nlp.speakers.mention.describe_one` and the joint-mention split of
:mod:`~newstone.nlp.speakers.mention` ask about: "lead manager Nomura International Ltd"
is the firm, "Standard and Poor's" one firm and not two people, "the Premier League" a
body although "premier" is a title.
"""

from __future__ import annotations

import re

from newstone.nlp.speakers.evidence import (
    is_title_word,
    known_organisations,
    org_word_surname,
    organisation_evidence_words,
    organisation_words,
)
from newstone.nlp.speakers.titles import NAME_CONNECTORS
from newstone.rules import word_set


def one_organisation(head: str, parts: list[str]) -> bool:
    """Whether "X and Y" / "X & Y" is one organisation's name, not two speakers: "&" between
    capitalised words ("Marks & Spencer", "Standard & Poor's"), a part that is a single letter
    ("S and P"), a last part that is a company word ("Roebuck and Co", "Smith and Partners") or
    a name ``organisations.txt`` lists."""
    if not all(p[:1].isupper() for p in parts):
        return False
    if head in known_organisations() or re.search(r"\s&\s", head):
        return True
    if any(len(p.rstrip(".'s")) == 1 and p != "I" for p in parts):
        return True
    last = parts[-1].split()
    return len(last) == 1 and last[0].rstrip(".,").lower() in organisation_evidence_words()["suffix"]


# Words of a firm's legal form, which can follow "and" inside its name ("Peters and Co Ltd").
LEGAL_FORMS = frozenset("co co. company ltd inc corp plc llc partners sons".split())


def title_names_body(tokens: list[str]) -> bool:
    """ "the Premier League", "the Press Office": a capitalised organisation word right after
    a title word closes the mention, so the title word is part of the body's name."""
    return (
        len(tokens) >= 2
        and tokens[-1][:1].isupper()
        and tokens[-1].lower() in word_set("org_words.txt")
        and tokens[-2][:1].isupper()
        and is_title_word(tokens[-2])
    )


def firm_with_legal_form(tokens: list[str]) -> str | None:
    """The firm's name when ``tokens`` end in a legal form after a capitalised word
    ("Nomura International Ltd", "lead manager Daiwa Europe Ltd": the firm speaks, the
    words before it describe it), else None. The name is the capitalised run ending in the
    legal form ("of", "and", "&" may join it: "Bank of Tokyo Ltd")."""
    if len(tokens) < 2 or tokens[-1].rstrip(".,").lower() not in LEGAL_FORMS - {"company", "partners", "sons"}:
        return None
    first = len(tokens) - 1
    while first > 0 and (tokens[first - 1][:1].isupper() or tokens[first - 1] in ("of", "and", "&")):
        first -= 1
    while tokens[first] in ("of", "and", "&"):
        first += 1
    return " ".join(tokens[first:]) if first < len(tokens) - 1 else None


def described_organisation(tokens: list[str]) -> str | None:
    """The organisation's name when lower-case words describe a capitalised name that an
    organisation word makes a firm or body ("lead manager Union Bank of Switzerland",
    "state-owned Petroleos de Venezuela" is not one: no organisation word), else None. A
    title word inside the name makes it a person's ("chief economist Bank Smith" is left)."""
    first = next((i for i, t in enumerate(tokens) if t[:1].isupper()), None)
    if not first or not all(t.islower() for t in tokens[:first]):
        return None
    name = tokens[first:]
    if not all(t[:1].isupper() or t in NAME_CONNECTORS for t in name) or any(is_title_word(t) for t in name):
        return None
    return " ".join(name) if organisation_words(name) and not org_word_surname(name) else None


def firm_suffix_opens(part: str) -> bool:
    """A part after "and" that opens with a firm's legal form and goes on ("Co Ltd analyst
    Wilf Gobert"): the "and" is inside a firm's name ("Peters and Co Ltd"), not between two
    speakers."""
    words = part.split()
    return len(words) > 1 and words[0][:1].isupper() and words[0].rstrip(",").lower() in LEGAL_FORMS
