"""Titles and organisations read from the words around a speaker's name.

A title is a noun phrase of title words ("White House national security spokesman", "Chancellor
of the Exchequer", "Tory leader"), never a clause: :func:`title_phrase` keeps the phrase that
ends right before a name and drops what a source span swept in before it ("according to",
"who leaves", a verb, a number, a place). :func:`org_of` and :func:`possessor` read the
organisation a title names ("White House", "Labour" of "Labour's Ann Bell"), and
:func:`apposition_title` the title of an apposition ("Ann Bell, a senior economist at …").
Word lists live in ``data/titles.txt``, ``office_words.txt``, ``org_words.txt``,
``portfolio_words.txt`` and ``party_labels.txt``.
"""

from __future__ import annotations

import re

from newstone.nlp.attribution.source_front import ROLE_ENDINGS, TITLE_MODIFIERS
from newstone.nlp.countries import country_names, default_matcher
from newstone.nlp.speakers.evidence import (
    honorific_gender,
    is_given_name,
    is_party_word,
    is_title_word,
    known_organisations,
    names_organisation,
)
from newstone.nlp.words import (
    BE_FORMS,
    OBJECT_PRONOUNS,
    POSSESSIVE_DETERMINERS,
    PREPOSITIONS,
    SUBJECT_PRONOUNS,
    SUBORDINATORS,
    WEEKDAYS,
)
from newstone.rules import word_set

# "…, said Mr Howard, who …": PolNeAR marks the relative pronoun as the source; the speaker
# is its antecedent, the noun phrase right before it.
RELATIVE_PRONOUNS = frozenset("who which that".split())


# Lower-case words inside an organisation's name ("Bank of England", "Marks & Spencer").
NAME_CONNECTORS = frozenset("of the for and & de du von van".split())


LEADING_JUNK = frozenset(
    """the a an in on at for by from with after before during as
when while of to then but and so also despite although though unlike since because""".split()
)


# Determiners dropped before a noun ("Our correspondent", "Its lawyer", "Another analyst"),
# so the role is read as a role; never the whole mention ("her" alone is a pronoun).
DROPPED_DETERMINERS = POSSESSIVE_DETERMINERS | {"another", "this", "these", "those"}


# Time words a mention may open with ("Yesterday Mr Blair said"); not months: "May" is a name.
LEADING_TIME_WORDS = WEEKDAYS | frozenset(
    """yesterday today tonight earlier later last this next
week month year night morning""".split()
)


APPOSITION_CUTS = re.compile(r"\s+(?:in|at|of|for|with|who|which|whose|from|on|to)\s+", re.I)


def country_match(phrase: str) -> tuple[str, str | None] | None:
    """(kind, canonical name or None) when the whole phrase is a country or an alliance:
    "US", "the U.S." and "United States" all give ("country", "United States"). A seat of
    government speaks for its country ("the Kremlin", "the White House": "country"); a
    government body listed in ``organisations.txt`` speaks as itself ("the Bundesbank",
    "the State Department": "organization", its country read from the gazetteer later)."""
    if not phrase:
        return None
    found = default_matcher().find(phrase)
    for m in found:
        if m.start <= 1 and m.end >= len(phrase) - 1:
            if m.kind == "organization" or m.country is None:
                return "organization", None
            if m.kind in ("name", "abbreviation"):
                return "country", country_names().get(m.country)
            if m.kind == "institution" and _body_name(phrase) in known_organisations():
                return "organization", None  # "the Bundesbank", "the State Department": a body with its own voice
            if m.kind in ("capital", "institution"):
                return "country", None
    return None


def _body_name(phrase: str) -> str:
    return phrase[4:] if phrase[:4].lower() == "the " else phrase


def strip_leading(tokens: list[str]) -> list[str]:
    """Drop what a backward scan may have swept in before the speaker: prepositions,
    time words, and lower-case words before a capitalised name ("something Moscow")."""
    while tokens and (
        tokens[0].lower() in LEADING_JUNK
        or tokens[0].lower() in LEADING_TIME_WORDS
        or (tokens[0].lower() in DROPPED_DETERMINERS and len(tokens) > 1)
        or (tokens[0].islower() and not is_title_word(tokens[0]) and len(tokens) > 1 and tokens[1][:1].isupper())
    ):
        tokens = tokens[1:]
    while (
        len(tokens) > 1
        and tokens[-1].islower()
        and (tokens[-1] in TRAILING_ADVERBS or tokens[-1] in LEADING_TIME_WORDS)
    ):
        tokens = tokens[:-1]  # "The foreign secretary meanwhile said", "Mr Smith also said"
    return tokens


# Adverbs a source span may end with, between the speaker and the cue.
TRAILING_ADVERBS = frozenset(
    """meanwhile also however too though instead still now then again
himself herself themselves itself alone both all later earlier yesterday today recently
previously separately privately publicly""".split()
)


# Words that a title never holds: a title is a noun phrase of title words, so a relative
# pronoun, a verb form, a pronoun, a preposition other than "of"/"for" or a number before the
# name ends it, read backwards from the name ("Cunningham went on to become Tony Blair's …",
# "according to Mr Smith", "who leaves", "79").
TITLE_BREAKERS = (
    RELATIVE_PRONOUNS
    | (BE_FORMS - {"'s"})
    | SUBJECT_PRONOUNS
    | (OBJECT_PRONOUNS - {"her"})
    | (PREPOSITIONS - {"of", "for"})
    | SUBORDINATORS
    | frozenset(
        """whose whom has have had having will would can could should shall must might do does
did according like than but not also says said say told tells saying one""".split()
    )
)


# Lower-case words that open a title before an organisation's name ("former Tory leader",
# "shadow Home Secretary"); other lower-case words before a capital are what the span swept in
# ("poster launch Tory co-chairman").
_NUMBER = re.compile(r"^[\d.,%\u00a3$-]+(?:bn|m|s|th|st|nd|rd)?$")


def is_title_ish(word: str, strict: bool = False) -> bool:
    """A word that can head or open a title: a title or office word ("minister", "Home"), a
    word of an organisation or portfolio, a party label, a nationality or an agent noun
    ("columnist", "guitarist"; not with ``strict``)."""
    lower = word.lower().rstrip(",")
    if is_title_word(lower):
        return True  # "Gov.", "Sen."
    lower = lower.rstrip(".")
    return (
        is_title_word(lower)
        or lower in word_set("office_words.txt")
        or lower in word_set("portfolio_words.txt")
        or lower in word_set("org_words.txt")
        or lower in word_set("group_nouns.txt")
        or lower in TITLE_MODIFIERS
        or lower.split("-", 1)[0] in TITLE_MODIFIERS
        or is_party_word(word)
        or demonym_entry(word) is not None
        or (not strict and lower.replace("-", "").isalpha() and len(lower) > 4 and lower.endswith(_agent_endings(word)))
    )


# Agent-noun endings: a capitalised word is read as one only with the surest of them
# ("Guitarist", "Producer"; not "Defiant", "Vincent").
_CAPITALISED_AGENT_ENDINGS = ("er", "or", "ist", "ian")


def _agent_endings(word: str) -> tuple[str, ...]:
    return ROLE_ENDINGS if word.islower() else _CAPITALISED_AGENT_ENDINGS


def _opens_title(word: str) -> bool:
    """A lower-case word that may open a title before a capitalised word: a title or office
    word or a modifier ("former Tory leader", "shadow Home Secretary", "chief White House
    correspondent"), not any agent noun ("poster launch Tory co-chairman")."""
    lower = word.rstrip(".,")
    return (
        is_title_word(lower)
        or lower in word_set("office_words.txt")
        or lower in TITLE_MODIFIERS
        or lower.split("-", 1)[0] in TITLE_MODIFIERS
        or demonym_entry(word) is not None
    )


def title_phrase(tokens: list[str]) -> list[str]:
    """The title among the words written before a name: the noun phrase of title words that
    ends right before it. The words before the last word that no title holds (a verb, a
    pronoun, a number, a preposition other than "of"/"for", an article not after "of") are
    dropped, then lower-case words swept in before a capitalised title ("poster launch Tory
    co-chairman"); what is left must end in a title's head (a title, office, organisation or
    agent word, or a capitalised name that is no bare place: "Labour MP", "Chancellor of the
    Exchequer", "Manchester United"), else there is no title."""
    start = 0
    for i, tok in enumerate(tokens):
        lower = tok.lower()
        if (
            lower in TITLE_BREAKERS
            or _NUMBER.match(tok)
            or (lower in ("the", "a", "an") and i > 0 and tokens[i - 1].lower() not in ("of", "for", "and", "&"))
        ):
            start = i + 1
    if start and not any(is_title_ish(t) or t[:1].isupper() for t in tokens[start:]):
        return []  # "who leaves", "Harbour Line has quietly cut off": the rest of a clause
    title = strip_leading(tokens[start:])
    while title and title[0].lower() in NAME_CONNECTORS | {"the", "a", "an"}:
        title = title[1:]
    while (
        len(title) > 1 and title[0].islower() and not _opens_title(title[0]) and any(t[:1].isupper() for t in title[1:])
    ):
        title = title[1:]
    while title and title[0].lower() in NAME_CONNECTORS | {"the", "a", "an"}:
        title = title[1:]
    for i in range(len(title) - 2, -1, -1):
        if title[i].endswith(("'s", "s'")) and title[i][:1].isupper():
            owner = " ".join(title[: i + 1])
            if country_match(owner[:-2] if owner.endswith("'s") else owner[:-1]) is None:
                title = title[i + 1 :]  # "Harbour's chief pollster": the owner is the organisation
            break  # "India's finance minister": a country's office, kept whole
    if not title:
        return []
    head = title[-1]
    if head.islower():
        return title if is_title_ish(head) or not _verb_like(head) else []
    if head.endswith(("'s", "s'")):
        return []  # "Labour's" of "Labour's Ann Bell": an owner (the organisation), no title
    if len(title) == 1:
        word = head.rstrip(",")
        plain = word.rstrip(".")
        keep = (
            is_title_ish(word)
            or (plain.isupper() and len(plain) > 1)
            or (word.endswith("'s") and len(plain) > 1)
            or plain in known_organisations()
        )
        return title if keep and country_match(word) is None else []
    if country_match(" ".join(title)) is not None and not any(is_title_ish(t) for t in title):
        return []  # "Sri Lanka", "New York": a place the span swept in, no title
    return title


def _verb_like(word: str) -> bool:
    """A lower-case word that heads no title: a verb form, an adverb or a function word."""
    lower = word.rstrip(".,")
    return (
        lower in TITLE_BREAKERS
        or lower in LEADING_JUNK
        or lower in TRAILING_ADVERBS
        or lower.endswith(("ed", "ing", "ly"))
        or not lower.replace("-", "").isalpha()
    )


# a government named after its leader: "Reagan administration", "Thatcher government"
LEADER_BODIES = frozenset(("administration", "government", "cabinet"))


def org_of(title_tokens: list[str]) -> str | None:
    """The capitalised lead of a title ("White House" of "White House national security
    spokesman"; "Department of Defense" of "Department of Defense spokesman"; "Reagan
    administration" of "Reagan administration official")."""
    lead: list[str] = []
    for tok in title_tokens:
        if tok[:1].isupper() and not is_title_word(tok) or (tok in ("of", "for", "and") and lead):
            lead.append(tok)
        elif lead and tok.lower() in LEADER_BODIES:
            lead.append(tok)
            break
        else:
            break
    # "Foreign Secretary", "UK Culture Secretary": the portfolio is part of the title
    joined = "of" in lead or "for" in lead  # "Department of Defense": the portfolio names the organisation
    while lead and (
        lead[-1] in ("of", "for", "and") or (not joined and lead[-1].lower() in word_set("office_words.txt"))
    ):
        lead.pop()
    if not lead or lead[0] in ("Republican", "Democratic", "Democrat"):
        return None
    first = lead[0].lower()
    if first in TITLE_MODIFIERS or first.split("-", 1)[0] in TITLE_MODIFIERS | {"newly"}:
        return None  # "Former", "New Home Secretary", "Ex-foreign secretary": no organisation
    named_firm = " ".join(lead) in known_organisations()  # "William Hill spokesman": the bookmaker
    if honorific_gender(lead[0]) is not None or (len(lead) > 1 and is_given_name(lead[0]) and not named_firm):
        return None  # "Lord Chancellor", "Tony Blair": a person or an honorific, no organisation
    if len(lead) == 1 and is_title_ish(lead[0]) and lead[0] not in known_organisations():
        if first not in word_set("org_words.txt") and not is_party_word(lead[0]):
            return None  # "Guitarist Brian May": an agent noun, no organisation
    if _is_demonym(" ".join(lead)):
        return None  # "Russian President": a nationality, not an organisation
    place = country_match(re.sub(r"['\u2019]s$", "", " ".join(lead)))
    if place and place[0] == "country" and place[1] is not None:
        return None  # "UK Foreign Secretary", "China's Premier": a country (found from the title), not an organisation
    return " ".join(lead)


def _is_demonym(phrase: str) -> bool:
    found = default_matcher().find(phrase)
    return any(m.kind == "demonym" and m.start == 0 and m.end == len(phrase) for m in found)


def possessor(tokens: list[str]) -> str | None:
    """The organisation that owns a role or a person ("Labour" of "Labour's Mr Livingstone",
    "Economist" of "The Economist's Ann Bell"): the capitalised words ending in the last
    possessive, unless they name a person ("Mr Blair's spokesman", "Tony Blair's adviser"),
    hold a title word or are a country."""
    for i in range(len(tokens) - 1, -1, -1):
        tok = tokens[i]
        if not (tok.endswith(("'s", "s'")) and tok[:1].isupper() and len(tok) > 3):
            continue
        j = i
        while j > 0 and (tokens[j - 1][:1].isupper() or tokens[j - 1].lower() in NAME_CONNECTORS):
            j -= 1
        lead = tokens[j : i + 1]
        while lead and lead[0].lower() in NAME_CONNECTORS | LEADING_JUNK:
            lead = lead[1:]
        if not lead or any(is_title_word(t) for t in lead):
            return None
        if honorific_gender(lead[0]) is not None or (len(lead) > 1 and is_given_name(lead[0])):
            return None
        words = lead[:-1] + [lead[-1][:-2] if lead[-1].endswith("'s") else lead[-1][:-1]]
        org = " ".join(words)
        return org if country_match(org) is None else None
    return None


def demonym_entry(surface: str) -> str | None:
    """The country of a gazetteer demonym ("Israelis" -> ISR), else None."""
    entry = default_matcher().lookup(surface)
    return entry.country if entry and entry.kind == "demonym" else None


def apposition_title(appos: str) -> tuple[str | None, str | None]:
    """("an Asia specialist in the Obama administration who …") -> ("Asia specialist",
    "Obama administration"); ("who is also economic planning minister") -> ("economic
    planning minister", None). The title must be a noun phrase of title words
    (:func:`title_phrase`): "a friend of …" or "who leaves" give none."""
    tokens = strip_leading(appos.split())
    if tokens and tokens[0].lower() in RELATIVE_PRONOUNS | {"whose"}:
        if len(tokens) < 3 or tokens[1].lower() not in ("is", "was", "remains", "becomes", "became"):
            return None, None  # "who leaves …": a clause, not a title
        tokens = strip_leading(tokens[2:])
        while tokens and tokens[0].lower() in ("also", "now", "still", "currently", "the", "a", "an"):
            tokens = tokens[1:]
    if not tokens:
        return None, None
    rest = " ".join(tokens)
    parts = APPOSITION_CUTS.split(rest, maxsplit=1)
    cut = APPOSITION_CUTS.search(rest)
    head = parts[0].split()[-1:]
    if cut and cut.group(0).strip().lower() == "of" and head and not is_title_ish(head[0], strict=True):
        return None, None  # "a friend of the family", "the daughter of …": a relation, no title
    words = parts[0].strip(" ,").split()
    for i in range(1, len(words)):
        if words[i].endswith("ing") and words[i].islower() and not (i + 1 < len(words) and is_title_word(words[i + 1])):
            words = words[:i]  # "a superdelegate supporting Clinton"
            break
    title = " ".join(title_phrase(words)) or None
    if title is None:
        return None, None
    org = None
    if len(parts) > 1:
        org = _capitalised_lead(strip_leading(parts[1].split()))
        if org is None:
            org = _introduced_organisation(rest.split()[len(words) :])
    if org is None and (owner := possessor(words)) and names_organisation(owner):
        org = owner  # "EA's vice president"; not "Miller's spokesman" (a person's) or "Michigan's"
    if org and names_person(org):
        return title, None  # "chairman of both Michael Miles": a person the phrase ran into
    return title, (re.sub(r"['\u2019]s$", "", org) or None) if org else None


def _place_or_person(name: str) -> bool:
    """Whether a bare name after a title's preposition is a place or a person, not an
    employer: a country, a capital or a world region (``world_regions.txt``), or a person's
    name (a given name first)."""
    if names_organisation(name):
        return False
    words = name.split()
    return bool(
        country_match(name)
        or name.lower() in word_set("world_regions.txt")
        or (len(words) > 1 and is_given_name(words[0]))
    )


def names_person(phrase: str) -> bool:
    """Whether an organisation's supposed name holds a person's ("both Michael Miles",
    "... Council Marine Lt. Col. Oliver North"): a given name before a capitalised word,
    unless the whole names an organisation ("William Hill", the bookmaker; "John S. Herold
    Inc")."""
    words = phrase.split()
    return not names_organisation(phrase) and any(
        is_given_name(a) and b[:1].isupper() for a, b in zip(words, words[1:])
    )


def _capitalised_lead(tokens: list[str]) -> str | None:
    """The capitalised words a phrase opens with ("Ask Jeeves in the US" -> "Ask Jeeves"),
    joined by the small words of a body's name ("Center for American Progress", "Friends of
    the Earth", "Marks and Spencer") when a capitalised word follows them."""
    lead: list[str] = []
    for i, t in enumerate(tokens):
        joins = lead and not lead[-1].endswith(",") and t.lower() in _NAME_JOINERS
        if t[:1].isupper() or (lead and t.lower() in ("administration", "campaign")):
            lead.append(t.strip(","))
        elif joins and _capitalised_after(tokens, i + 1):
            lead.append(t)
        elif joins and t.lower() == "of":
            lead.append(t)  # "Department of" (dropped below when nothing follows)
        else:
            break
    while lead and lead[-1].lower() in _NAME_JOINERS:
        lead.pop()
    return " ".join(lead) or None


_NAME_JOINERS = frozenset({"of", "for", "and", "&", "the"})


def _capitalised_after(tokens: list[str], i: int) -> bool:
    """Whether a capitalised word comes next, past small joining words ("for the Arts")."""
    while i < len(tokens) and tokens[i].lower() in _NAME_JOINERS:
        i += 1
    return i < len(tokens) and tokens[i][:1].isupper()


# words that introduce where a person works, after their title
_EMPLOYER_PREPOSITIONS = frozenset({"at", "of", "for", "with", "from"})
_DESCRIPTOR_WORDS = 2  # "net provider", "anti-virus firm", "(the) software maker"
# lower-case words that do not describe what an organisation is
_NOT_DESCRIPTIONS = frozenset("in and or both all its his her their our each either neither".split())


def _introduced_organisation(tokens: list[str]) -> str | None:
    """The name a preposition introduces after a title, with what the text calls it:
    "for anti-virus firm Trend Micro" gives "anti-virus firm Trend Micro" (the description
    is what tells a firm from a campaign group), "of search properties at Ask Jeeves in the
    US" gives "Ask Jeeves" (the first "of" reaches no name before the next preposition). A
    place after "in" is where, not whom, and is not read."""
    for i, token in enumerate(tokens):
        if token.lower() not in _EMPLOYER_PREPOSITIONS:
            continue
        rest = strip_leading(tokens[i + 1 :])
        while rest and rest[0].lower() in ("the", "a", "an"):
            rest = rest[1:]
        described = 0
        while described < len(rest) and described < _DESCRIPTOR_WORDS and rest[described].islower():
            if rest[described] in TITLE_BREAKERS | _EMPLOYER_PREPOSITIONS | _NOT_DESCRIPTIONS:
                break
            described += 1
        name = _capitalised_lead(rest[described:])
        if name and (token.lower() == "at" or described or not _place_or_person(name)):
            # "at" names an employer; after "for", "of" and "with" a bare name is as often a
            # place or a person ("secretary of state for Africa", "teamed up with Michael Barker")
            return " ".join(rest[:described] + [name])
    return None
