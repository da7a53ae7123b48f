"""One source mention read on its own: name, type, title and organisation.

:func:`describe_mention` turns "White House national security spokesman John Kirby" into
name John Kirby, title "White House national security spokesman", organisation White
House; a joint mention ("Graham and Blumenthal") gives one description per person, a
pronoun one that says so, a demonym ("the Russians") a group with its country. Word lists
live in ``data/titles.txt``, ``data/group_nouns.txt`` and ``data/org_words.txt``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from newstone.nlp.countries import country_names, default_matcher
from newstone.nlp.speakers.evidence import (
    honorific_gender,
    is_given_name,
    is_party_name,
    is_party_word,
    is_title_word,
    known_organisations,
    name_gender,
    org_word_surname,
    organisation_evidence_words,
    organisation_words,
    proper_groups,
)
from newstone.nlp.words import POSSESSIVE_DETERMINERS, WEEKDAYS
from newstone.rules import word_set

PERSON_PRONOUNS = frozenset("he she him her his i me".split())


PLURAL_PRONOUNS = frozenset("they them their we".split())


# "It said …": an organisation, country or group named just before, never a person.
NEUTER_PRONOUNS = frozenset(["it"])


# Indefinite subjects name nobody in particular ("Nothing said here was new", "Some said …").
INDEFINITES = frozenset(
    """nothing nobody everybody somebody anybody everyone someone anyone
none all both each either neither one some many few others other most several""".split()
)


# Words that open a common-noun group and are capitalised only at a sentence start
# ("Analysts said", "Many economists say"): the group's name is lower-cased so that
# "Analysts" and "analysts" are one speaker.
GROUP_OPENERS = frozenset("""many some several most few other senior top both all""".split())


PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}


# "…, said Mr Howard, who …": PolNeAR marks the relative pronoun as the source; the speaker
# is its antecedent, the noun phrase right before it.
RELATIVE_PRONOUNS = frozenset("who which that".split())


CLAUSE_MARK = re.compile(r"[.;:!?\n\u201c\u201d\"()\u2013\u2014]")


NP_INNER_WORDS = frozenset("of the for and 's".split())


# Lower-case words inside an organisation's name ("Bank of England", "Marks & Spencer").
NAME_CONNECTORS = frozenset("of the for and & de du von van".split())


LEADING_JUNK = frozenset(
    """the a an in on at for by from with after before during as
when while of to then but and so also""".split()
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


NAME_TOKEN = re.compile(r"^(?:[A-Z][\w'\u2019.\-]*|de|van|von|bin|al-\w+)$")


@dataclass(frozen=True)
class SpeakerInfo:
    """What a mention says about its speaker; ``kind`` is the speaker_type value."""

    name: str | None
    kind: str = "unknown"
    title: str | None = None
    org: str | None = None
    pronoun: str | None = None  # "he", "they", ... when the mention is a pronoun
    gender: str | None = None  # "m" / "f" from an honorific, a given name or a pronoun
    owner: SpeakerInfo | None = None  # the person of "Biden's administration", resolved later


def _country_match(phrase: str) -> tuple[str, str | None] | None:
    """(kind, canonical name or None) when the whole phrase is a country or an alliance:
    "US", "the U.S." and "United States" all give ("country", "United States")."""
    if not phrase:
        return None
    found = default_matcher().find(phrase)
    for m in found:
        if m.start <= 1 and m.end >= len(phrase) - 1:
            if m.kind == "organization" or m.country is None:
                return "organization", None
            if m.kind in ("name", "abbreviation"):
                return "country", country_names().get(m.country)
            if m.kind in ("capital", "institution"):
                return "country", None
    return None


def _strip_leading(tokens: list[str]) -> list[str]:
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


def _name_run(tokens: list[str]) -> int:
    """Index where the trailing personal name starts (len(tokens) if none)."""
    k = len(tokens)
    surname_may_be_org_word = org_word_surname(tokens)
    while (
        k > 0
        and NAME_TOKEN.match(tokens[k - 1])
        and not is_title_word(tokens[k - 1])
        and (tokens[k - 1].lower() not in word_set("org_words.txt") or (k == len(tokens) and surname_may_be_org_word))
    ):
        k -= 1
    return k


def _org_of(title_tokens: list[str]) -> str | None:
    """The capitalised lead of a title ("White House" of "White House national security
    spokesman"; "Department of Defense" of "Department of Defense spokesman")."""
    lead: list[str] = []
    for tok in title_tokens:
        if tok[:1].isupper() and not is_title_word(tok) or (tok in ("of", "for", "and") and lead):
            lead.append(tok)
        else:
            break
    # "Foreign Secretary", "UK Culture Secretary": the portfolio is part of the title
    joined = "of" in lead or "for" in lead  # "Department of Defense": the portfolio names the organisation
    while lead and (
        lead[-1] in ("of", "for", "and") or (not joined and lead[-1].lower() in word_set("office_words.txt"))
    ):
        lead.pop()
    if not lead or lead[0] in ("Republican", "Democratic", "Democrat", "Former", "Senior", "Top"):
        return None
    if _is_demonym(" ".join(lead)):
        return None  # "Russian President": a nationality, not an organisation
    place = _country_match(" ".join(lead))
    if place and place[0] == "country" and place[1] is not None:
        return None  # "UK Foreign Secretary": a country (found from the title), not an organisation
    return " ".join(lead)


def _is_demonym(phrase: str) -> bool:
    found = default_matcher().find(phrase)
    return any(m.kind == "demonym" and m.start == 0 and m.end == len(phrase) for m in found)


def describe_one(phrase: str, first_word: str | None = None) -> SpeakerInfo:
    """What one mention (no joint subject) says about its speaker. ``first_word``: the
    mention's first word as written, before leading words were stripped (default: the
    phrase is the whole mention); a group noun capitalised only because it opens the
    mention ("Analysts said") is lower-cased, not one after "the" or "many"."""
    original_first = first_word or (phrase.split() or [None])[0]
    tokens = _without_final_possessive(_strip_leading(phrase.replace("\u2019", "'").split()))
    if not tokens:
        return SpeakerInfo(None)
    if len(tokens) == 1 and tokens[0].lower() in PERSON_PRONOUNS:
        return SpeakerInfo(None, "person", pronoun=tokens[0].lower())
    if len(tokens) == 1 and tokens[0].lower() in PLURAL_PRONOUNS:
        return SpeakerInfo(None, "unknown", pronoun=tokens[0].lower())
    if len(tokens) == 1 and tokens[0].lower() in RELATIVE_PRONOUNS:
        return SpeakerInfo(None, "unknown", pronoun=tokens[0].lower())
    if len(tokens) == 1 and tokens[0].lower() in NEUTER_PRONOUNS:
        return SpeakerInfo(None, "unknown", pronoun=tokens[0].lower())
    if len(tokens) == 1 and tokens[0].lower() in INDEFINITES:
        return SpeakerInfo(None, "unknown")
    if len(tokens) == 1 and (word_only := _common_word_reading(tokens[0])) is not None:
        return word_only
    gender = None
    if len(tokens) > 1 and honorific_gender(tokens[0]) is not None and tokens[1][:1].isupper():
        gender = honorific_gender(tokens[0])  # "Mr Blair", "Mrs. Clinton": a surname follows
        gender = gender if gender in ("m", "f") else None
        honorific = tokens[0]
        tokens = tokens[1:]
        if len(tokens) == 1:
            if honorific.lower() in GIVEN_NAME_HONORIFICS:
                # "Sir John": a given name, not a surname; resolved to "John Stevens" below
                return SpeakerInfo(f"{honorific} {tokens[0]}", "person", gender=gender)
            return SpeakerInfo(tokens[0], "person", gender=gender)
    text = " ".join(tokens)
    country = _country_match(text)
    if country:
        return SpeakerInfo(country[1] or text, country[0])
    if " " in text and text in known_organisations():
        return SpeakerInfo(text, "organization")  # "Human Rights Watch", "Save the Children"
    demonym = _demonym_reading(text, original_first)
    if demonym is not None:
        return demonym
    owned = _owned_organisation(tokens)
    if owned is not None:
        return owned
    last = tokens[-1].lower().rstrip(".,")
    if last in word_set("group_nouns.txt") or (last.endswith("s") and last[:-1] in word_set("titles.txt")):
        first = tokens[0].lower()
        if (
            tokens[0] == original_first
            and tokens[0][1:].islower()
            and first not in proper_groups()
            and (
                first in word_set("group_nouns.txt")
                or first in GROUP_OPENERS
                or (first.endswith("s") and first[:-1] in word_set("titles.txt"))
            )
        ):
            # "Analysts said": capitalised only as the sentence's first word, so "analysts";
            # "the Conservatives" keeps its capital (a name, after a determiner)
            text = first + text[len(first) :]
        return SpeakerInfo(text, "group")
    if is_party_name(text):
        return SpeakerInfo(text, "organization")  # "Labour said": the party speaks
    if organisation_words(tokens) and not any(is_title_word(t) for t in tokens):
        return SpeakerInfo(text, "organization")
    if (
        len(tokens) > 1
        and tokens[-1][:1].isupper()
        and not org_word_surname(tokens)
        and tokens[-1].rstrip(".,").lower() in organisation_evidence_words()["suffix"]
        and not (len(tokens) == 2 and is_given_name(tokens[0]))
        and all(t[:1].isupper() or t in NAME_CONNECTORS for t in tokens)
    ):
        # "Cairn Energy", "British Airways"; not "Alan Watch" (a given name first) nor
        # "analyst Alex Potter at Lehman Brothers" (a person described by the firm)
        return SpeakerInfo(text, "organization")
    start = _name_run(tokens)
    while start >= 2 and len(tokens) - start > 1 and tokens[start - 1] == "of" and is_title_word(tokens[start - 2]):
        start += 1  # "Secretary of State Colin Powell", "Chief of Staff John Kelly": the title's "of" phrase
    while len(tokens) - start > 2 and is_party_word(tokens[start]):
        start += 1  # "Conservative Graham Brady": the party describes the person, as a title does
    name_tokens, title_tokens = tokens[start:], tokens[:start]
    if (
        name_tokens
        and not title_tokens
        and len(name_tokens) == 1
        and name_tokens[0].isupper()
        and len(name_tokens[0]) > 1
    ):
        return SpeakerInfo(text, "organization")  # an acronym: NATO, CNN
    if name_tokens:
        title = " ".join(title_tokens) or None
        name = " ".join(name_tokens)
        return SpeakerInfo(
            name, "person", title, _org_of(title_tokens) if title_tokens else None, gender=gender or name_gender(name)
        )
    if is_title_word(last):
        org = _org_of(tokens)
        return SpeakerInfo(text, "person", title=last, org=org)
    if organisation_words(tokens):
        return SpeakerInfo(text, "organization")
    return SpeakerInfo(text, "unknown")


# Pronoun contractions a source span may hold ("I'm not doubting …", "It's often said").
_CONTRACTION = re.compile(r"^(?P<pronoun>[A-Za-z]+)'(?:m|s|re|ve|ll|d)$")


def _without_final_possessive(tokens: list[str]) -> list[str]:
    """ "I'm" -> "I", "It's" -> "It" (a pronoun's contraction), and "The EU's" -> "EU": a
    span cut right after a possessive ("The EU's comments …") names the possessor."""
    if not tokens:
        return tokens
    contraction = _CONTRACTION.match(tokens[-1])
    if len(tokens) == 1 and contraction:
        pronoun = contraction.group("pronoun")
        if pronoun.lower() in PERSON_PRONOUNS | PLURAL_PRONOUNS | NEUTER_PRONOUNS:
            return [pronoun]
    if tokens[-1].endswith("'s") and len(tokens[-1]) > 2 and tokens[-1][:1].isupper():
        return tokens[:-1] + [tokens[-1][:-2]]
    return tokens


def _common_word_reading(word: str) -> SpeakerInfo | None:
    """A one-word mention that is an ordinary word, never a name: a linking word that opens
    sentences ("However, the BCC found …"; ``sentence_starters.txt``) names nobody; a
    document that "shows" things (``evidence_nouns.txt``) is a group when plural ("Figures
    show", like "polls") and nobody in particular when singular ("Research suggests"),
    unless ``org_words.txt`` types it already ("the report"). None for any other word."""
    lower = word.lower()
    if lower in word_set("sentence_starters.txt"):
        return SpeakerInfo(None, "unknown")
    if lower in word_set("evidence_nouns.txt") and lower not in word_set("org_words.txt"):
        return SpeakerInfo(lower, "group") if lower.endswith("s") else SpeakerInfo(None, "unknown")
    return None


def _demonym_entry(surface: str) -> str | None:
    """The country of a gazetteer demonym ("Israelis" -> ISR), else None."""
    entry = default_matcher().lookup(surface)
    return entry.country if entry and entry.kind == "demonym" else None


def _demonym_reading(text: str, first_word: str | None) -> SpeakerInfo | None:
    """A mention that is only a nationality. Plural ("the Israelis", "Britons") or a
    collective adjective after "the" ("the British", "the Chinese"): the nation's people
    or side speaking, a group (the country comes from the mention). A singular noun after
    an article ("the American", "the Scot", "the 27-year-old Austrian"): one person the
    article named before, not a speaker to pool across articles, so no name. Without an
    article ("British", "Greek"): a modifier of a speaker the span cut off ("British
    actress …", "Greek sprinters …"), so nobody. None if ``text`` is no demonym."""
    if _demonym_entry(text) is None:
        return None
    determined = bool(first_word) and first_word.lower() in ("the", "a", "an")
    plural = text.endswith("s") and _demonym_entry(text[:-1]) is not None or text.endswith("men")
    if plural:
        return SpeakerInfo(text, "group")
    singular_noun = _demonym_entry(text + "s") is not None or text.endswith(("man", "woman"))
    if not determined:
        return SpeakerInfo(None, "unknown")
    if singular_noun:
        return SpeakerInfo(None, "person")
    return SpeakerInfo(text, "group")


def _owned_organisation(tokens: list[str]) -> SpeakerInfo | None:
    """ "President Joe Biden's administration", "Putin's government": a person's
    organisation, typed organization, with the person kept as ``owner`` so that
    resolution can name them in full and give the organisation their country. None when
    the mention is no possessive of a named person followed by lower-case words ending in
    an organisation word (``org_words.txt``)."""
    for i in range(len(tokens) - 2, -1, -1):
        if tokens[i].endswith("'s") and len(tokens[i]) > 2:
            break
    else:
        return None
    rest = tokens[i + 1 :]
    if not all(t.islower() for t in rest) or rest[-1] not in word_set("org_words.txt"):
        return None
    owner = describe_one(" ".join(tokens[:i] + [tokens[i][:-2]]))
    if owner.kind != "person" or not owner.name or owner.pronoun:
        return None
    return SpeakerInfo(f"{owner.name}'s {' '.join(rest)}", "organization", owner=owner)


def _apposition_title(appos: str) -> tuple[str | None, str | None]:
    """("an Asia specialist in the Obama administration who …") -> ("Asia specialist",
    "Obama administration")."""
    tokens = _strip_leading(appos.split())
    if not tokens:
        return None, None
    rest = " ".join(tokens)
    parts = APPOSITION_CUTS.split(rest, maxsplit=1)
    title = parts[0].strip(" ,") or None
    org = None
    if len(parts) > 1:
        org_tokens = _strip_leading(parts[1].split())
        lead = []
        for t in org_tokens:
            if t[:1].isupper() or (lead and t.lower() in ("administration", "campaign", "of")):
                lead.append(t.strip(","))
            else:
                break
        org = " ".join(lead) or None
    return title, org


def _opens_joint_title(part: str) -> bool:
    """A part of "X and Y Secretary Z" that is half of one title: a portfolio word
    (``portfolio_words.txt``: "Trade and Industry") or a nationality ("British and Irish
    Lions coach")."""
    words = part.split()
    return len(words) == 1 and (
        words[0].lower() in word_set("portfolio_words.txt") or _demonym_entry(words[0]) is not None
    )


# "<someone> at <Firm>": a person described by where they work (no comma before "at").
_PERSON_AT_FIRM = re.compile(
    r"^(?P<person>.*?[A-Z][\w'\u2019.-]*) at (?:the )?"
    r"(?P<firm>[A-Z][\w'\u2019.&-]*(?: (?:[A-Z][\w'\u2019.&-]*|of|and|&))*)$"
)


# "<role> at <Firm>" with no name: "economist at Barclays", "an analyst at the Bank of England".
_ROLE_AT_FIRM = re.compile(
    r"^(?:(?:an?|the) )?(?P<role>[a-z][\w-]*(?: [a-z][\w-]*){0,2}) at (?:the )?"
    r"(?P<firm>[A-Z][\w'\u2019.&-]*(?: (?:[A-Z][\w'\u2019.&-]*|of|and|&))*)$"
)


def describe_mention(mention: str) -> list[SpeakerInfo]:
    """Speakers named by one source mention; two or more for a joint subject."""
    return list(describe_mention_cached(mention))


@lru_cache(maxsize=8192)
def describe_mention_cached(mention: str) -> tuple[SpeakerInfo, ...]:
    """describe_mention, cached: mentions repeat ("he", "the spokesman") and the
    reading is pure."""
    return tuple(_describe_mention_uncached(mention))


def _describe_mention_uncached(mention: str) -> list[SpeakerInfo]:
    first_word = (mention.split() or [None])[0]
    role, comma, name = mention.partition(",")
    role_words, name_words = role.split(), name.split()
    if (
        comma
        and role_words
        and name_words
        and role_words[-1].lower() in word_set("titles.txt")
        and not any(w[:1].isupper() for w in role_words)
        and all(NAME_TOKEN.match(w) for w in name_words)
    ):
        # "the treasurer, Ann Cole": a role, then the name in apposition
        return [describe_one(" ".join(role_words[-1:] + name_words))]
    mention = " ".join(_strip_leading(mention.split()))
    head, _, appos = mention.partition(",")
    employer = _PERSON_AT_FIRM.match(head)
    if employer:  # "analyst Alex Potter at Lehman Brothers": the person, with the firm as org
        person = describe_one(employer.group("person"), first_word)
        if person.kind == "person" and person.name and person.name != unnamed_role_name(person):
            return [replace(person, org=person.org or employer.group("firm"))]
    role_at = _ROLE_AT_FIRM.match(head)
    if role_at and is_title_word(role_at.group("role").split()[-1]):
        # "chief economist at Capital Economics": unnamed, written as "Capital Economics
        # chief economist" would be (a role of a named organisation, see README)
        role, firm = role_at.group("role"), role_at.group("firm")
        return [SpeakerInfo(f"{firm} {role}", "person", title=role.split()[-1], org=firm)]
    parts = re.split(r"\s+(?:and|&)\s+", head)
    if len(parts) > 1 and any(_opens_joint_title(part) for part in parts[:-1]):
        parts = [head]  # "Trade and Industry Secretary Patricia Hewitt": one person
    if len(parts) > 1 and not all(
        p[:1].isupper() or p.lower().startswith(("the ", "democratic ", "republican ")) for p in parts
    ):
        parts = [head]
    infos = [describe_one(p, first_word) for p in parts]
    if (
        len(infos) > 1
        and infos[-1].kind == "person"
        and infos[-1].name
        and infos[-1].name != unnamed_role_name(infos[-1])
        and all(
            (i.kind == "unknown" or (i.kind == "person" and i.title and i.name == unnamed_role_name(i)))
            and opener.lower() not in ("the", "a", "an", "both")
            for i, opener in zip(infos[:-1], [first_word or ""] + [p.split()[0] for p in parts[1:-1]])
        )
    ):
        return [infos[-1]]  # "chat show host and East Midlands MEP Robert Kilroy-Silk": one person, two roles
    if len(infos) > 1 and not all(i.kind in ("person", "country") and i.name for i in infos):
        infos = [describe_one(head, first_word)]
        if infos[0].kind == "person":
            infos = [replace(infos[0], kind="group")]
    if appos.strip() and len(infos) == 1 and infos[0].kind in ("person", "unknown") and infos[0].name:
        title, org = _apposition_title(appos)
        info = infos[0]
        if title and not info.title:
            info = replace(info, kind="person", title=title, org=info.org or org)
        infos = [info]
    return infos


# Honorifics followed by a given name rather than a surname ("Sir John", "Dame Judi").
GIVEN_NAME_HONORIFICS = frozenset({"sir", "dame"})


def unnamed_role_name(info: SpeakerInfo) -> str | None:
    """The name an unnamed role mention gets by itself ("NATO chief")."""
    return info.name if info.title and info.name and info.name.split()[-1].lower() == info.title.lower() else None
