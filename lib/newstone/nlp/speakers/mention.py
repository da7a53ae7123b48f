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

from newstone.nlp.attribution.source_front import ROLE_ENDINGS
from newstone.nlp.countries import default_matcher
from newstone.nlp.speakers.evidence import (
    honorific_gender,
    is_given_name,
    is_party_name,
    is_party_word,
    is_title_word,
    known_organisations,
    name_gender,
    names_organisation,
    org_word_surname,
    organisation_evidence_words,
    organisation_words,
    proper_groups,
)
from newstone.nlp.speakers.firms import (
    described_organisation,
    firm_suffix_opens,
    firm_with_legal_form,
    one_organisation,
    title_names_body,
)
from newstone.nlp.speakers.names import (
    NAME_TOKEN,
    PEER_HONORIFICS,
    inner_honorific,
    name_run,
    name_start,
    without_trailing_clause,
)
from newstone.nlp.speakers.titles import (
    NAME_CONNECTORS,
    RELATIVE_PRONOUNS,
    apposition_title,
    country_match,
    demonym_entry,
    names_person,
    org_of,
    possessor,
    strip_leading,
    title_phrase,
)
from newstone.rules import word_set

PERSON_PRONOUNS = frozenset("he she him her his i me".split())

PLURAL_PRONOUNS = frozenset("they them their we".split())

# "It said …": an organisation, country or group named just before, never a person.
NEUTER_PRONOUNS = frozenset(["it"])

# Indefinite subjects name nobody in particular ("Nothing said here was new", "Some said …").
INDEFINITES = frozenset(
    """nothing nobody everybody somebody anybody everyone someone anyone
none all both each either neither one some many few others other most several another""".split()
)

# Words that open a common-noun group and are capitalised only at a sentence start
# ("Analysts said", "Many economists say"): the group's name is lower-cased so that
# "Analysts" and "analysts" are one speaker.
GROUP_OPENERS = frozenset("""many some several most few other senior top both all""".split())

PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}

CLAUSE_MARK = re.compile(r"[.;:!?\n\u201c\u201d\"()\u2013\u2014]")

NP_INNER_WORDS = frozenset("of the for and 's".split())


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


def describe_one(phrase: str, first_word: str | None = None, determined: bool = False) -> SpeakerInfo:
    """What one mention (no joint subject) says about its speaker. ``first_word``: the
    mention's first word as written, before leading words were stripped (default: the
    phrase is the whole mention); ``determined``: "the" stood right before the phrase in
    the mention before it was stripped ("The Fed"); a group noun capitalised only because it opens the
    mention ("Analysts said") is lower-cased, not one after "the" or "many"."""
    original_first = first_word or (phrase.split() or [None])[0]
    words = phrase.replace("\u2019", "'").split()
    stripped = strip_leading(words)
    after_the = determined or _after_determiner(words, stripped)
    tokens = without_trailing_clause(_without_final_possessive(stripped))
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
        if is_title_word(tokens[1]):
            gender = None  # "Lord Chancellor", "Lady Mayoress": an office, read below
        else:
            tokens = tokens[1:]
        if len(tokens) == 1:
            if honorific.lower() in GIVEN_NAME_HONORIFICS | PEER_HONORIFICS:
                # "Sir John": a given name, not a surname; resolved to "John Stevens" below.
                # "Lord Woolf": a peer keeps his style
                return SpeakerInfo(f"{honorific} {tokens[0]}", "person", gender=gender)
            return SpeakerInfo(tokens[0], "person", gender=gender)
        if honorific.lower() in PEER_HONORIFICS and tokens[0] is not honorific:
            tokens = [honorific] + tokens  # "Lord Falconer of Thoroton"
    text = " ".join(tokens)
    country = country_match(text)
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
    if organisation_words(tokens) and (not any(is_title_word(t) for t in tokens) or title_names_body(tokens)):
        return SpeakerInfo(text, "organization")
    firm = firm_with_legal_form(tokens) or described_organisation(tokens)
    if firm is not None:
        return SpeakerInfo(firm, "organization")  # "lead manager Nomura International Ltd"
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
    start = name_start(tokens, name_run(tokens))
    while len(tokens) - start > 2 and is_party_word(tokens[start]):
        start += 1  # "Conservative Graham Brady": the party describes the person, as a title does
    name_tokens, title_tokens = tokens[start:], tokens[:start]
    inner = inner_honorific(name_tokens)
    if inner is not None and (inner > 0 or title_tokens):
        # "Harrogate Mr Kennedy", "Labour's Mr Livingstone": the name starts at the honorific
        honorific = name_tokens[inner]
        title_tokens = title_tokens + name_tokens[:inner]
        name_tokens = name_tokens[inner:] if honorific.lower() in PEER_HONORIFICS else name_tokens[inner + 1 :]
        said = honorific_gender(honorific)
        gender = gender or (said if said in ("m", "f") else None)
    if (
        name_tokens
        and not title_tokens
        and len(name_tokens) == 1
        and name_tokens[0].isupper()
        and len(name_tokens[0]) > 1
    ) or (len(tokens) == 1 and "&" in tokens[0] and tokens[0].isupper()):
        return SpeakerInfo(text, "organization")  # an acronym: NATO, CNN, AT&T
    if (
        len(name_tokens) == 1
        and after_the
        and not title_tokens
        and gender is None
        and tokens == stripped
        and not is_party_word(name_tokens[0])
    ):
        # "the Fed", "The Bundesbank": a person's surname takes no article; a title would
        # ("the Prime Minister", read above), and so would a party member ("the Republican").
        # Not longer names: "the Dalai Lama"
        return SpeakerInfo(text, "organization")
    if name_tokens:
        org = possessor(title_tokens)
        title_tokens = title_phrase(title_tokens)
        name = " ".join(name_tokens)
        return SpeakerInfo(
            name,
            "person",
            " ".join(title_tokens) or None,
            org or (org_of(title_tokens) if title_tokens else None),
            gender=gender or name_gender(name),
        )
    if is_title_word(last):
        # An unnamed role keeps its whole office: "prime minister", "Lord Chancellor"
        role = title_phrase(tokens) or tokens[-1:]
        owner = tokens[: len(tokens) - len(role)]
        owned = tokens[-len(role) :] == role and (not owner or owner[-1].endswith(("'s", "s'")))
        name = text if owned else " ".join(role)  # "Labour's election strategist" keeps its owner
        return SpeakerInfo(name, "person", title=" ".join(role), org=possessor(tokens) or org_of(role))
    if organisation_words(tokens):
        return SpeakerInfo(text, "organization")
    return SpeakerInfo(text, "unknown")


# Pronoun contractions a source span may hold ("I'm not doubting …", "It's often said").
_CONTRACTION = re.compile(r"^(?P<pronoun>[A-Za-z]+)'(?:m|s|re|ve|ll|d)$")


def _after_determiner(words: list[str], stripped: list[str]) -> bool:
    """Whether the words left after :func:`strip_leading` come right after "the"."""
    first = len(words) - len(stripped)
    while first > 0 and words[first : first + len(stripped)] != stripped:
        first -= 1  # trailing adverbs were stripped too
    return first > 0 and words[first - 1].lower() == "the"


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


def _demonym_reading(text: str, first_word: str | None) -> SpeakerInfo | None:
    """A mention that is only a nationality. Plural ("the Israelis", "Britons") or a
    collective adjective after "the" ("the British", "the Chinese"): the nation's people
    or side speaking, a group (the country comes from the mention). A singular noun after
    an article ("the American", "the Scot", "the 27-year-old Austrian"): one person the
    article named before, not a speaker to pool across articles, so no name. Without an
    article ("British", "Greek"): a modifier of a speaker the span cut off ("British
    actress …", "Greek sprinters …"), so nobody. None if ``text`` is no demonym."""
    if demonym_entry(text) is None:
        return None
    determined = bool(first_word) and first_word.lower() in ("the", "a", "an")
    plural = text.endswith("s") and demonym_entry(text[:-1]) is not None or text.endswith("men")
    if plural:
        return SpeakerInfo(text, "group")
    singular_noun = demonym_entry(text + "s") is not None or text.endswith(("man", "woman"))
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


def _role_group(word: str) -> bool:
    """A group noun that is a plural role: "economists", "traders" ("people" is none)."""
    singular = word[:-1]
    return (
        word in word_set("group_nouns.txt")
        and word.endswith("s")
        and (is_title_word(singular) or singular.endswith(ROLE_ENDINGS))
    )


def _opens_joint_title(part: str) -> bool:
    """A part of "X and Y Secretary Z" that is half of one title: a portfolio word
    (``portfolio_words.txt``: "Trade and Industry"), also after its country ("Philippines
    Trade and Industry Secretary", "Britain's Trade and …"), or a nationality ("British and
    Irish Lions coach")."""
    words = part.split()
    if len(words) == 2 and _country_word(words[0]):
        words = words[1:]
    return len(words) == 1 and (
        words[0].lower() in word_set("portfolio_words.txt") or demonym_entry(words[0]) is not None
    )


def _country_word(word: str) -> bool:
    """A one-word country name or demonym of the gazetteer, possessive or not ("Britain's")."""
    entry = default_matcher().lookup(re.sub(r"['\u2019]s$", "", word))
    return entry is not None and entry.kind in ("name", "demonym")


# "<someone> at <Firm>": a person described by where they work (no comma before "at").
_PERSON_AT_FIRM = re.compile(
    r"^(?P<person>.*?[A-Z][\w'\u2019.-]*) at (?:the )?"
    r"(?P<firm>[A-Z][\w'\u2019.&-]*(?: (?:[A-Z][\w'\u2019.&-]*|of|and|&))*)$"
)

# "<someone> of <Place or Firm>": a person placed by a state or a firm ("Sen. Jane Roe of Utah").
_PERSON_OF = re.compile(
    r"^(?P<person>.*?[A-Z][\w'\u2019.-]*) of (?:the )?"
    r"(?P<where>[A-Z][\w'\u2019.&-]*(?: (?:[A-Z][\w'\u2019.&-]*|of|and|&))*)$"
)


def _capitalised_office(words: list[str], of: str) -> bool:
    """ "Archbishop" of "Canterbury", "Deputy Governor" of "the Bank of England": every word
    capitalised and a title word, so the phrase is an office ("Alex Potter of Lehman
    Brothers" is a person: "Alex" is none), and no person's name closes it ("Secretary of
    State Colin Powell" is Colin Powell, read further on)."""
    tail = of.split()
    named = len(tail) >= 3 and is_given_name(tail[-2])
    return not named and all(w[:1].isupper() and is_title_word(w) for w in words)


# "<role> at <Firm>" with no name: "economist at Barclays", "an analyst at the Bank of England",
# "the director of the Asia Centre".
_ROLE_AT_FIRM = re.compile(
    r"^(?:(?:an?|the) )?(?P<role>[A-Za-z][\w-]*(?: [A-Za-z][\w-]*){0,2}) (?P<prep>at|of|for) (?P<the>the )?"
    # what the firm is ("anti-virus firm"): lower-case words, no preposition or determiner
    r"(?P<described>(?:(?!(?:in|on|at|of|for|and|or|to|with|from|by|both|all|its|his|her|their) )[a-z][\w-]* ){0,3})"
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


# "the Texas Republican", "The Vermont Democrat": "the", capitalised place words and a party
# member word (not "Independent" or "Green": "The Sunday Independent" is a newspaper)
_PARTY_MEMBER = re.compile(r"^[Tt]he (?P<role>(?:[A-Z][a-z]+ ){1,3}[A-Z][a-z]+)$")
PARTY_MEMBERS = frozenset("Republican Democrat Conservative Tory Socialist Unionist Nationalist".split())
# A parenthesised aside: a party and state ("Sen. Ted Cruz (R-Tex.)"), a ticker, an age.
_PARENTHESES = re.compile(r"\s*\([^()]*(?:\)|$)")
# "… in Tokyo", "… in the United States" closing a mention: where the speaker is (a trader,
# an analyst at a firm), never the speaker's name
_PLACE_AFTER_IN = re.compile(r"(?<=\S)\s+in\s+(?:the\s+)?[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,2}$")


def _describe_mention_uncached(mention: str) -> list[SpeakerInfo]:
    mention = _PARENTHESES.sub("", mention).strip()
    first_word = (mention.split() or [None])[0]
    if member := _PARTY_MEMBER.match(mention):
        # "The South Carolina Republican": a party member described by place, no name
        role = member.group("role")
        if role.split()[-1] in PARTY_MEMBERS and " " in role:
            return [SpeakerInfo(role, "person", title=role)]
    role, comma, rest = mention.partition(",")
    name_words = rest.split(",")[0].split()
    if comma and name_words and len(name_words) <= 5 and all(NAME_TOKEN.match(w) for w in name_words):
        # "the treasurer, Ann Cole", "The Lord Chancellor, Lord Falconer": a role, then the
        # name in apposition; the person keeps the role's whole title
        role_words = " ".join(strip_leading(role.split()))
        unnamed = describe_one(role_words, first_word)
        role_at = _ROLE_AT_FIRM.match(role_words)
        if role_at and is_title_word(role_at.group("role").split()[-1]):
            # "The director of the European Centre, Ina Kirsch": the role of a named organisation
            unnamed = SpeakerInfo(role_words, "person", title=role_words, org=role_at.group("firm"))
        if unnamed.kind == "person" and unnamed.title and unnamed.name == unnamed_role_name(unnamed):
            person = describe_one(" ".join(name_words))
            if person.kind == "person" and person.name and not person.title and not person.pronoun:
                return [replace(person, title=unnamed.title, org=person.org or unnamed.org)]
    stripped = strip_leading(mention.split())
    determined = _after_determiner(mention.split(), stripped)
    mention = " ".join(stripped)
    head, _, appos = mention.partition(",")
    head = _PLACE_AFTER_IN.sub("", head) or head  # "an oil trader in Tokyo": where, not who
    employer = _PERSON_AT_FIRM.match(head)
    if employer:  # "analyst Alex Potter at Lehman Brothers": the person, with the firm as org
        person = describe_one(employer.group("person"), first_word)
        if person.kind == "person" and person.name and person.name != unnamed_role_name(person):
            return [replace(person, org=person.org or employer.group("firm"))]
    placed = _PERSON_OF.match(head)
    if placed:  # "Gov. Jane Roe of Utah", "analyst Alex Potter of Lehman Brothers"
        person = describe_one(placed.group("person"), first_word)
        if (
            person.kind == "person"
            and person.name
            and person.name != unnamed_role_name(person)
            and (" " in person.name or person.gender or person.title)
        ):
            where = placed.group("where")
            if person.title and (place := country_match(where)) and place[0] == "country" and place[1]:
                # "President Musharraf of Pakistan": the country belongs to the title, as in
                # "Pakistan's President" (a person's name is never read for a country)
                return [replace(person, title=f"{person.title} of {where}")]
            firm = where if names_organisation(where) else None
            return [replace(person, org=person.org or firm)]
    role_at = _ROLE_AT_FIRM.match(head)
    if role_at and role_at.group("described") and names_person(role_at.group("firm")):
        role_at = None  # "a spokesman for the comedian Jo Bloggs": a person, not a firm
    role_words = role_at.group("role").split() if role_at else []
    if (
        role_at
        and is_title_word(role_words[-1])
        and (all(w.islower() for w in role_words) or _capitalised_office(role_words, role_at.group("firm")))
    ):
        # "chief economist at Capital Economics", "the director of the Asia Centre": unnamed,
        # written as "Capital Economics chief economist" would be (a role of a named
        # organisation, see README); "the Archbishop of Canterbury", "Secretary of State":
        # an office named whole, of a place or a body
        role, firm = role_at.group("role"), role_at.group("firm")
        if role_at.group("prep") == "at":
            return [SpeakerInfo(f"{firm} {role}", "person", title=role, org=firm)]
        the = "" if role_at.group("described") else (role_at.group("the") or "").strip()
        office = " ".join(filter(None, [role, role_at.group("prep"), the, firm]))
        is_office = firm.lower() in word_set("office_words.txt") | {"exchequer", "state"}
        capitalised_place = role[:1].isupper() and not names_organisation(firm)
        org = (role_at.group("described") or "") + firm  # "anti-virus firm Sophos": what it is tells its role
        return [SpeakerInfo(office, "person", title=office, org=None if is_office or capitalised_place else org)]
    if role_at and role_at.group("prep") == "at" and _role_group(role_words[-1].lower()):
        # "economists at Morgan Stanley": a group of that firm, not the firm
        role, firm = role_at.group("role").lower(), role_at.group("firm")
        return [SpeakerInfo(f"{firm} {role}", "group", org=firm)]
    parts = re.split(r"\s+(?:and|&)\s+", head)
    if len(parts) > 1 and any(_opens_joint_title(part) for part in parts[:-1]):
        parts = [head]  # "Trade and Industry Secretary Patricia Hewitt": one person
    if len(parts) > 1 and one_organisation(head, parts):
        return [SpeakerInfo(head, "organization")]  # "S and P", "Marks & Spencer", "Roebuck and Co"
    if len(parts) > 1 and any(firm_suffix_opens(part) for part in parts[1:]):
        parts = [head]  # "Peters and Co Ltd analyst Wilf Gobert": one person at "Peters and Co Ltd"
    if len(parts) > 1 and any(_ends_in_of_phrase(part) for part in parts[:-1]):
        parts = [head]  # "Director of the Office of Management and Budget James Miller": one title
    if len(parts) > 1 and not all(
        p[:1].isupper() or p.lower().startswith(("the ", "democratic ", "republican ")) for p in parts
    ):
        parts = [head]
    infos = [describe_one(p, first_word, determined and len(parts) == 1) for p in parts]
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
    kinds = {i.kind for i in infos}
    if len(infos) > 1 and kinds == {"person", "country"} and all(i.name for i in infos):
        # "(training in) Holland and Ferguson said": a place the span swept in, not a joint
        # speaker; a country never speaks with a person
        infos = [i for i in infos if i.kind == "person"]
    if len(infos) > 1 and not all(i.kind in ("person", "country") and i.name for i in infos):
        infos = [describe_one(head, first_word)]
        if infos[0].kind == "person":
            infos = [replace(infos[0], kind="group")]
    if appos.strip() and len(infos) == 1 and infos[0].kind in ("person", "unknown") and infos[0].name:
        title, org = apposition_title(appos)
        info = infos[0]
        if title and not info.title:
            info = replace(info, kind="person", title=title, org=info.org or org)
        infos = [info]
    return infos


def _ends_in_of_phrase(part: str) -> bool:
    """ "Office of Management" of "Office of Management and Budget": a part whose last word
    follows "of" or "for" is half of a name, not a speaker."""
    words = part.split()
    return len(words) >= 3 and words[-2].lower() in ("of", "for") and words[-1][:1].isupper()


# Honorifics followed by a given name rather than a surname ("Sir John", "Dame Judi").
GIVEN_NAME_HONORIFICS = frozenset({"sir", "dame"})


def unnamed_role_name(info: SpeakerInfo) -> str | None:
    """The name an unnamed role mention gets by itself ("NATO chief")."""
    if info.title and info.name and info.name.split()[-1].lower() == info.title.split()[-1].lower():
        return info.name
    return None
