"""From the in-text source mention to a speaker: name, type, title and organisation.

Two steps. :func:`describe_mention` reads one mention on its own ("White House national
security spokesman John Kirby" -> name John Kirby, title "White House national security
spokesman", org White House); a joint mention ("Graham and Blumenthal") gives one
description per person. :func:`resolve_speakers` then walks the attributions in text
order with a short memory of who has spoken, so "he" becomes the nearest earlier person,
"they" the nearest group or government, "Miller" the earlier "Matthew Miller", and "the
spokesman" the earlier spokesman (or the name tagged right after the sentence).

Word lists live in ``data/titles.txt``, ``data/group_nouns.txt``, ``data/org_words.txt``.
Countries come from :mod:`newstone.countries` when that module is available.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Iterator, Optional

from .countries import country_names, default_matcher, speaker_country, speaker_cue_matcher
from .datafiles import data_lines
from .model import Attribution

PERSON_PRONOUNS = frozenset("he she him her his i me".split())
PLURAL_PRONOUNS = frozenset("they them their we".split())
# "It said …": an organisation, country or group named just before, never a person.
NEUTER_PRONOUNS = frozenset(["it"])
# Indefinite subjects name nobody in particular ("Nothing said here was new", "Some said …").
INDEFINITES = frozenset("""nothing nobody everybody somebody anybody everyone someone anyone
none all both each either neither one some many few others other most several""".split())
# Words that open a common-noun group and are capitalised only at a sentence start
# ("Analysts said", "Many economists say"): the group's name is lower-cased so that
# "Analysts" and "analysts" are one speaker.
GROUP_OPENERS = frozenset("""many some several most few other senior top both all""".split())
PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}
# "…, said Mr Howard, who …": PolNeAR marks the relative pronoun as the source; the speaker
# is its antecedent, the noun phrase right before it.
RELATIVE_PRONOUNS = frozenset("who which that".split())
_CLAUSE_MARK = re.compile(r"[.;:!?\n\u201c\u201d\"()\u2013\u2014]")
NP_INNER_WORDS = frozenset("of the for and 's".split())
# Lower-case words inside an organisation's name ("Bank of England", "Marks & Spencer").
NAME_CONNECTORS = frozenset("of the for and & de du von van".split())
LEADING_JUNK = frozenset("""the a an in on at for by from with after before during as
when while of to then but and so also""".split())
# Determiners dropped before a noun ("Our correspondent", "Its lawyer", "Another analyst"),
# so the role is read as a role; never the whole mention ("her" alone is a pronoun).
DETERMINERS = frozenset("""another our its their his her my your this these those""".split())
TIME_WORDS = frozenset("""monday tuesday wednesday thursday friday saturday sunday yesterday
today tonight earlier later last this next week month year night morning""".split())
APPOSITION_CUTS = re.compile(r"\s+(?:in|at|of|for|with|who|which|whose|from|on|to)\s+", re.I)
NAME_TOKEN = re.compile(r"^(?:[A-Z][\w'\u2019.\-]*|de|van|von|bin|al-\w+)$")


@dataclass(frozen=True)
class SpeakerInfo:
    """What a mention says about its speaker; ``kind`` is the speaker_type value."""

    name: Optional[str]
    kind: str = "unknown"
    title: Optional[str] = None
    org: Optional[str] = None
    pronoun: Optional[str] = None  # "he", "they", ... when the mention is a pronoun
    gender: Optional[str] = None  # "m" / "f" from an honorific, a given name or a pronoun
    owner: Optional["SpeakerInfo"] = None  # the person of "Biden's administration", resolved later


@lru_cache(maxsize=None)
def _words(name: str) -> frozenset[str]:
    from .attribution import word_set
    return word_set(name)


@lru_cache(maxsize=1)
def _proper_groups() -> frozenset[str]:
    """Group nouns written with a capital in ``group_nouns.txt`` ("Tories", "MPs"): names
    that keep their capital at a sentence start. Lower case, for lookups."""
    return frozenset(line.lower() for line in data_lines("group_nouns.txt") if not line.islower())


@lru_cache(maxsize=None)
def _gender_table(name: str) -> dict[str, str]:
    """A packaged ``word<TAB>gender`` table (lower-case words; gender m / f / -)."""
    table = {}
    for line in data_lines(name):
        cells = line.split("\t")
        if len(cells) >= 2:
            table[cells[0].strip().lower()] = cells[1].strip()
    return table


def _honorific(word: str) -> Optional[str]:
    """The gender an honorific signals ("m", "f", "-"), or None if ``word`` is none."""
    return _gender_table("honorifics.tsv").get(word.lower().rstrip("."))


def name_gender(name: Optional[str]) -> Optional[str]:
    """"m" / "f" from the given name of a full name ("Hillary Clinton" -> "f"), else None
    (also for names both men and women carry, "-" in the table)."""
    if not name or " " not in name:
        return None
    gender = _gender_table("first_names.tsv").get(name.split()[0].lower())
    return gender if gender in ("m", "f") else None


def _is_given_name(word: str) -> bool:
    """A given name of ``first_names.tsv``, of either or no gender ("Liam", "Chris")."""
    return word.lower() in _gender_table("first_names.tsv")


def _org_word_surname(tokens: list[str]) -> bool:
    """"Liam Fox", "Chris Fox": a known given name, then a capitalised last word that
    otherwise makes a name an organisation (``org_words.txt``: "Fox News", "the Fox
    network"). Read as a person's surname, since news names people this way far more often
    than firms; :func:`_resolve` still types it an organisation when the article writes the
    full name as one ("retailer John Lewis")."""
    return (len(tokens) >= 2 and tokens[-1][:1].isupper() and tokens[-2][:1].isupper()
            and tokens[-1].lower() in _words("org_words.txt") and _is_given_name(tokens[-2]))


def _organisation_words(tokens: list[str]) -> list[str]:
    """The words of ``tokens`` that make a name an organisation, except a surname such as
    the "Fox" of "Liam Fox" (:func:`_org_word_surname`)."""
    candidates = tokens[:-1] if _org_word_surname(tokens) else tokens
    return [t for t in candidates if t.lower() in _words("org_words.txt")]


def _country_kind(phrase: str) -> Optional[str]:
    """"country" / "organization" when the whole phrase is a place, government or alliance."""
    found = _country_match(phrase)
    return found[0] if found else None


def _country_match(phrase: str) -> Optional[tuple[str, Optional[str]]]:
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
    while tokens and (tokens[0].lower() in LEADING_JUNK or tokens[0].lower() in TIME_WORDS
                      or (tokens[0].lower() in DETERMINERS and len(tokens) > 1)
                      or (tokens[0].islower() and not _is_title_word(tokens[0]) and len(tokens) > 1
                          and tokens[1][:1].isupper())):
        tokens = tokens[1:]
    while len(tokens) > 1 and tokens[-1].islower() and (tokens[-1] in TRAILING_ADVERBS or tokens[-1] in TIME_WORDS):
        tokens = tokens[:-1]  # "The foreign secretary meanwhile said", "Mr Smith also said"
    return tokens


# Adverbs a source span may end with, between the speaker and the cue.
TRAILING_ADVERBS = frozenset("""meanwhile also however too though instead still now then again
himself herself themselves itself alone both all later earlier yesterday today recently
previously separately privately publicly""".split())


def _is_title_word(word: str) -> bool:
    """A title from ``titles.txt``, also with a prefix: "co-chairman", "vice-president",
    "ex-minister"."""
    lower = word.lower()
    return lower in _words("titles.txt") or ("-" in lower and lower.rsplit("-", 1)[1] in _words("titles.txt"))


def _name_run(tokens: list[str]) -> int:
    """Index where the trailing personal name starts (len(tokens) if none)."""
    k = len(tokens)
    surname_may_be_org_word = _org_word_surname(tokens)
    while k > 0 and NAME_TOKEN.match(tokens[k - 1]) and not _is_title_word(tokens[k - 1]) \
            and (tokens[k - 1].lower() not in _words("org_words.txt")
                 or (k == len(tokens) and surname_may_be_org_word)):
        k -= 1
    return k


def _org_of(title_tokens: list[str]) -> Optional[str]:
    """The capitalised lead of a title ("White House" of "White House national security
    spokesman"; "Department of Defense" of "Department of Defense spokesman")."""
    lead: list[str] = []
    for tok in title_tokens:
        if tok[:1].isupper() and not _is_title_word(tok) or (tok in ("of", "for", "and") and lead):
            lead.append(tok)
        else:
            break
    # "Foreign Secretary", "UK Culture Secretary": the portfolio is part of the title
    joined = "of" in lead or "for" in lead  # "Department of Defense": the portfolio names the organisation
    while lead and (lead[-1] in ("of", "for", "and") or (not joined and lead[-1].lower() in _words("office_words.txt"))):
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


def _describe_one(phrase: str, first_word: Optional[str] = None) -> SpeakerInfo:
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
    if len(tokens) > 1 and _honorific(tokens[0]) is not None and tokens[1][:1].isupper():
        gender = _honorific(tokens[0])  # "Mr Blair", "Mrs. Clinton": a surname follows
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
    if " " in text and text in _known_organisations():
        return SpeakerInfo(text, "organization")  # "Human Rights Watch", "Save the Children"
    demonym = _demonym_reading(text, original_first)
    if demonym is not None:
        return demonym
    owned = _owned_organisation(tokens)
    if owned is not None:
        return owned
    last = tokens[-1].lower().rstrip(".,")
    if last in _words("group_nouns.txt") or (last.endswith("s") and last[:-1] in _words("titles.txt")):
        first = tokens[0].lower()
        if tokens[0] == original_first and tokens[0][1:].islower() and first not in _proper_groups() \
                and (first in _words("group_nouns.txt") or first in GROUP_OPENERS
                     or (first.endswith("s") and first[:-1] in _words("titles.txt"))):
            # "Analysts said": capitalised only as the sentence's first word, so "analysts";
            # "the Conservatives" keeps its capital (a name, after a determiner)
            text = first + text[len(first):]
        return SpeakerInfo(text, "group")
    if _is_party_name(text):
        return SpeakerInfo(text, "organization")  # "Labour said": the party speaks
    if _organisation_words(tokens) and not any(_is_title_word(t) for t in tokens):
        return SpeakerInfo(text, "organization")
    if len(tokens) > 1 and tokens[-1][:1].isupper() and not _org_word_surname(tokens) \
            and tokens[-1].rstrip(".,").lower() in _organisation_evidence()["suffix"] \
            and not (len(tokens) == 2 and _is_given_name(tokens[0])) \
            and all(t[:1].isupper() or t in NAME_CONNECTORS for t in tokens):
        # "Cairn Energy", "British Airways"; not "Alan Watch" (a given name first) nor
        # "analyst Alex Potter at Lehman Brothers" (a person described by the firm)
        return SpeakerInfo(text, "organization")
    start = _name_run(tokens)
    while start >= 2 and len(tokens) - start > 1 and tokens[start - 1] == "of" and _is_title_word(tokens[start - 2]):
        start += 1  # "Secretary of State Colin Powell", "Chief of Staff John Kelly": the title's "of" phrase
    while len(tokens) - start > 2 and _is_party_word(tokens[start]):
        start += 1  # "Conservative Graham Brady": the party describes the person, as a title does
    name_tokens, title_tokens = tokens[start:], tokens[:start]
    if name_tokens and not title_tokens and len(name_tokens) == 1 and name_tokens[0].isupper() \
            and len(name_tokens[0]) > 1:
        return SpeakerInfo(text, "organization")  # an acronym: NATO, CNN
    if name_tokens:
        title = " ".join(title_tokens) or None
        name = " ".join(name_tokens)
        return SpeakerInfo(name, "person", title, _org_of(title_tokens) if title_tokens else None,
                           gender=gender or name_gender(name))
    if _is_title_word(last):
        org = _org_of(tokens)
        return SpeakerInfo(text, "person", title=last, org=org)
    if _organisation_words(tokens):
        return SpeakerInfo(text, "organization")
    return SpeakerInfo(text, "unknown")


# Pronoun contractions a source span may hold ("I'm not doubting …", "It's often said").
_CONTRACTION = re.compile(r"^(?P<pronoun>[A-Za-z]+)'(?:m|s|re|ve|ll|d)$")


def _without_final_possessive(tokens: list[str]) -> list[str]:
    """"I'm" -> "I", "It's" -> "It" (a pronoun's contraction), and "The EU's" -> "EU": a
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


def _common_word_reading(word: str) -> Optional[SpeakerInfo]:
    """A one-word mention that is an ordinary word, never a name: a linking word that opens
    sentences ("However, the BCC found …"; ``sentence_starters.txt``) names nobody; a
    document that "shows" things (``evidence_nouns.txt``) is a group when plural ("Figures
    show", like "polls") and nobody in particular when singular ("Research suggests"),
    unless ``org_words.txt`` types it already ("the report"). None for any other word."""
    lower = word.lower()
    if lower in _words("sentence_starters.txt"):
        return SpeakerInfo(None, "unknown")
    if lower in _words("evidence_nouns.txt") and lower not in _words("org_words.txt"):
        return SpeakerInfo(lower, "group") if lower.endswith("s") else SpeakerInfo(None, "unknown")
    return None


def _demonym_entry(surface: str) -> Optional[str]:
    """The country of a gazetteer demonym ("Israelis" -> ISR), else None."""
    entry = default_matcher().lookup(surface)
    return entry.country if entry and entry.kind == "demonym" else None


def _demonym_reading(text: str, first_word: Optional[str]) -> Optional[SpeakerInfo]:
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


def _is_party_word(word: str) -> bool:
    """A party or its member's label ("Conservative", "Tory", "Democrat"): ``party_labels.txt``
    or a ``party`` row of ``speaker_country.tsv``."""
    if word in _party_labels():
        return True
    entry = speaker_cue_matcher().lookup(word)
    return entry is not None and entry.kind == "party"


@lru_cache(maxsize=1)
def _party_labels() -> frozenset[str]:
    """``data/party_labels.txt``: party labels many countries share ("Conservative")."""
    return frozenset(data_lines("party_labels.txt"))


def _is_party_name(text: str) -> bool:
    """A party's own name ("Labour", "Likud", "SNP"; the ``party`` rows of
    ``speaker_country.tsv``), not a word for one member: "Republican" and "Lib Dem" have a
    plural row ("Republicans"), so "the Republican said" stays a person."""
    entry = speaker_cue_matcher().lookup(text)
    if entry is None or entry.kind != "party":
        return False
    member_plural = speaker_cue_matcher().lookup(text + "s")
    return member_plural is None


def _owned_organisation(tokens: list[str]) -> Optional[SpeakerInfo]:
    """"President Joe Biden's administration", "Putin's government": a person's
    organisation, typed organization, with the person kept as ``owner`` so that
    resolution can name them in full and give the organisation their country. None when
    the mention is no possessive of a named person followed by lower-case words ending in
    an organisation word (``org_words.txt``)."""
    for i in range(len(tokens) - 2, -1, -1):
        if tokens[i].endswith("'s") and len(tokens[i]) > 2:
            break
    else:
        return None
    rest = tokens[i + 1:]
    if not all(t.islower() for t in rest) or rest[-1] not in _words("org_words.txt"):
        return None
    owner = _describe_one(" ".join(tokens[:i] + [tokens[i][:-2]]))
    if owner.kind != "person" or not owner.name or owner.pronoun:
        return None
    return SpeakerInfo(f"{owner.name}'s {' '.join(rest)}", "organization", owner=owner)


def _apposition_title(appos: str) -> tuple[Optional[str], Optional[str]]:
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
    return len(words) == 1 and (words[0].lower() in _words("portfolio_words.txt")
                                or _demonym_entry(words[0]) is not None)


# "<someone> at <Firm>": a person described by where they work (no comma before "at").
_PERSON_AT_FIRM = re.compile(r"^(?P<person>.*?[A-Z][\w'\u2019.-]*) at (?:the )?(?P<firm>[A-Z][\w'\u2019.&-]*(?: (?:[A-Z][\w'\u2019.&-]*|of|and|&))*)$")


# "<role> at <Firm>" with no name: "economist at Barclays", "an analyst at the Bank of England".
_ROLE_AT_FIRM = re.compile(r"^(?:(?:an?|the) )?(?P<role>[a-z][\w-]*(?: [a-z][\w-]*){0,2}) at (?:the )?"
                           r"(?P<firm>[A-Z][\w'\u2019.&-]*(?: (?:[A-Z][\w'\u2019.&-]*|of|and|&))*)$")


def describe_mention(mention: str) -> list[SpeakerInfo]:
    """Speakers named by one source mention; two or more for a joint subject."""
    return list(_describe_mention(mention))


@lru_cache(maxsize=8192)
def _describe_mention(mention: str) -> tuple[SpeakerInfo, ...]:
    """describe_mention, cached: mentions repeat ("he", "the spokesman") and the
    reading is pure."""
    return tuple(_describe_mention_uncached(mention))


def _describe_mention_uncached(mention: str) -> list[SpeakerInfo]:
    first_word = (mention.split() or [None])[0]
    role, comma, name = mention.partition(",")
    role_words, name_words = role.split(), name.split()
    if comma and role_words and name_words and role_words[-1].lower() in _words("titles.txt") \
            and not any(w[:1].isupper() for w in role_words) and all(NAME_TOKEN.match(w) for w in name_words):
        # "the treasurer, Ann Cole": a role, then the name in apposition
        return [_describe_one(" ".join(role_words[-1:] + name_words))]
    mention = " ".join(_strip_leading(mention.split()))
    head, _, appos = mention.partition(",")
    employer = _PERSON_AT_FIRM.match(head)
    if employer:  # "analyst Alex Potter at Lehman Brothers": the person, with the firm as org
        person = _describe_one(employer.group("person"), first_word)
        if person.kind == "person" and person.name and person.name != _unnamed(person):
            return [replace(person, org=person.org or employer.group("firm"))]
    role_at = _ROLE_AT_FIRM.match(head)
    if role_at and _is_title_word(role_at.group("role").split()[-1]):
        # "chief economist at Capital Economics": unnamed, written as "Capital Economics
        # chief economist" would be (a role of a named organisation, see README)
        role, firm = role_at.group("role"), role_at.group("firm")
        return [SpeakerInfo(f"{firm} {role}", "person", title=role.split()[-1], org=firm)]
    parts = re.split(r"\s+(?:and|&)\s+", head)
    if len(parts) > 1 and any(_opens_joint_title(part) for part in parts[:-1]):
        parts = [head]  # "Trade and Industry Secretary Patricia Hewitt": one person
    if len(parts) > 1 and not all(p[:1].isupper() or p.lower().startswith(("the ", "democratic ", "republican "))
                                  for p in parts):
        parts = [head]
    infos = [_describe_one(p, first_word) for p in parts]
    if len(infos) > 1 and infos[-1].kind == "person" and infos[-1].name and infos[-1].name != _unnamed(infos[-1]) \
            and all((i.kind == "unknown" or (i.kind == "person" and i.title and i.name == _unnamed(i)))
                    and opener.lower() not in ("the", "a", "an", "both")
                    for i, opener in zip(infos[:-1], [first_word or ""] + [p.split()[0] for p in parts[1:-1]])):
        return [infos[-1]]  # "chat show host and East Midlands MEP Robert Kilroy-Silk": one person, two roles
    if len(infos) > 1 and not all(i.kind in ("person", "country") and i.name for i in infos):
        infos = [_describe_one(head, first_word)]
        if infos[0].kind == "person":
            infos = [replace(infos[0], kind="group")]
    if appos.strip() and len(infos) == 1 and infos[0].kind in ("person", "unknown") and infos[0].name:
        title, org = _apposition_title(appos)
        info = infos[0]
        if title and not info.title:
            info = replace(info, kind="person", title=title, org=info.org or org)
        infos = [info]
    return infos


# ---------------------------------------------------------------------------------------
# Resolution against what came before

_TRAILING_NAME_TAG = re.compile(r"\s*(?:[A-Z][\w.]*\s+){0,4}[A-Z][\w.]*,\s+"
                                r"([A-Z][a-z]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-z'\-]+){1,2})\.")


HISTORY = 50  # speakers remembered for pronouns, surnames and roles
NAME_LOOKBACK = 20_000  # characters searched backwards for a surname's full form


_NAME_BEFORE = re.compile(r"((?:[A-Z][a-z]+\.?\s+){1,2}(?:[A-Z]\.\s+)?)$")
_NOT_FIRST_NAMES = frozenset("The A An But And When If In On At".split())


def _sentence_end_inside(words: str) -> bool:
    """A word with a final period that is neither an initial nor an abbreviated title or
    honorific ends a sentence: "… fan Steve Morgan. Parry joined" has no "Steve Morgan Parry"."""
    return any(word.endswith(".") and len(word) > 2 and _honorific(word) is None and not _is_title_word(word)
               for word in words.split())


def _gender_clash(gender: Optional[str], other: Optional[str]) -> bool:
    return gender is not None and other is not None and gender != other


def _full_name(surname: str, text: str, before: int, known: list[SpeakerInfo],
               gender: Optional[str] = None) -> Optional[str]:
    """The nearest earlier full name ending in ``surname`` ("Matthew Miller" for "Miller"):
    first among the speakers so far, then in the preceding text (bounded look-back). A
    known ``gender`` ("Mrs. Clinton") skips names of the other one ("Bill Clinton")."""
    for info in reversed(known):
        if info.name and info.name != surname and info.name.split()[-1] == surname \
                and not _gender_clash(gender, info.gender or name_gender(info.name)):
            return info.name
    floor = max(0, before - NAME_LOOKBACK)
    pos = before
    for _ in range(50):
        pos = text.rfind(surname, floor, pos)
        if pos < 0:
            break
        full = _full_name_at(text, pos, surname, gender)
        if full:
            return full
    if "\n\n" not in text[:before]:
        # A headline ("Blair tells EU") comes before the article names anyone in full: the
        # first full name the body gives is the one meant.
        pos = before
        for _ in range(50):
            pos = text.find(surname, pos + 1, before + HEADLINE_LOOKAHEAD)
            if pos < 0:
                break
            full = _full_name_at(text, pos, surname, gender)
            # Only a known given name and the surname: the words before a name in running
            # text can be anything capitalised ("Defiant Matt Williams", "Van Persie Ashley Cole")
            if full and _is_given_name(full.split()[-2]):
                return " ".join(full.split()[-2:])
    return None


HEADLINE_LOOKAHEAD = 5_000  # characters searched after a headline for a surname's full form


def _full_name_at(text: str, pos: int, surname: str, gender: Optional[str]) -> Optional[str]:
    """The full name ending in the ``surname`` found at ``pos`` ("Tony" + "Blair"), or None
    when no given name precedes it there."""
    after = pos + len(surname)
    if (after < len(text) and text[after].isalnum()) or (pos > 0 and text[pos - 1].isalnum()):
        return None
    m = _NAME_BEFORE.search(text, max(0, pos - 40), pos)
    if m and m.group(1).split()[0] not in _NOT_FIRST_NAMES and not _sentence_end_inside(m.group(1)):
        tokens = (m.group(1) + surname).split()
        while tokens and (_is_title_word(tokens[0]) or _honorific(tokens[0]) is not None):
            tokens = tokens[1:]
        if len(tokens) > 1 and not _gender_clash(gender, name_gender(" ".join(tokens))):
            return " ".join(tokens)
    return None


def _resolve(info: SpeakerInfo, text: str, attribution: Attribution,
             history: list[SpeakerInfo]) -> SpeakerInfo:
    if info.owner is not None:
        return _resolve_owned(info, text, attribution, history)
    if info.kind == "person" and info.name and _org_word_surname(info.name.split()) \
            and _name_evidence(info.name, text)[1]:
        return SpeakerInfo(info.name, "organization")  # "retailer John Lewis", "John Lewis's sales"
    if info.kind == "organization" and info.name and " " not in info.name:
        for prev in reversed(history):
            if prev.kind == "person" and prev.name and _org_word_surname(prev.name.split()) \
                    and prev.name.split()[-1] == info.name:
                return prev  # "Fox said" after "Liam Fox said": his surname, not the network
    if info.pronoun in RELATIVE_PRONOUNS:
        antecedent = _antecedent(text, attribution.source[0]) if attribution.source else None
        if antecedent is None or antecedent.pronoun:
            return SpeakerInfo(None, "unknown")
        return _resolve(antecedent, text, attribution, history)
    if info.pronoun in PERSON_PRONOUNS:
        wanted = PRONOUN_GENDER.get(info.pronoun)
        if attribution.source and history and info.pronoun in ("he", "she"):  # not "I" inside a quotation
            subject = _previous_subject(text, attribution.source[0], history)
            if subject is not None and subject.name != history[-1].name \
                    and not _gender_clash(wanted, subject.gender):
                return replace(subject, pronoun=None, gender=subject.gender or wanted)
        for prev in reversed(history):
            if prev.kind == "person" and prev.name and not _gender_clash(wanted, prev.gender):
                return replace(prev, pronoun=None, gender=prev.gender or wanted)
        return replace(info, gender=wanted)
    if info.pronoun in NEUTER_PRONOUNS:
        for prev in reversed(history[-3:]):
            if prev.kind in ("organization", "country", "group") and prev.name:
                return replace(prev, pronoun=None)
        return SpeakerInfo(None, "unknown")
    if info.pronoun in PLURAL_PRONOUNS:
        if info.pronoun == "we":
            return SpeakerInfo(None, "unknown")
        for prev in reversed(history[-3:]):
            if prev.kind in ("group", "organization", "country") and prev.name:
                return replace(prev, pronoun=None)
        return SpeakerInfo(None, "group")
    if info.kind == "person" and info.name and (knighted := _GIVEN_NAME_MENTION.match(info.name)):
        full = _full_name_from_given(knighted.group(1), knighted.group(2), text)
        if full:
            for prev in reversed(history):
                if prev.name == full:
                    return prev
            return replace(info, name=full)
        return info
    if info.kind == "person" and info.name and " " not in info.name and info.name != _unnamed(info):
        # A surname, bare or with a title ("Judge Clark" after "Letitia Clark")
        full = _full_name(info.name, text, attribution.source[0] if attribution.source else 0, history,
                          info.gender)
        if full:
            for prev in reversed(history):
                if prev.name == full:
                    return replace(prev, gender=prev.gender or info.gender, title=prev.title or info.title)
            return replace(info, name=full, gender=info.gender or name_gender(full))
        for prev in reversed(history):
            if prev.name and prev.name.split()[-1] == info.name \
                    and not _gender_clash(info.gender, prev.gender):
                return replace(prev, title=prev.title or info.title)
        if info.gender is None and not info.title:
            return _lone_name(info, text)
    if info.kind == "person" and info.title and info.name == _unnamed(info):
        tag = _TRAILING_NAME_TAG.match(text, _sentence_end(text, attribution))
        if tag:
            return replace(info, name=tag.group(1))
        for prev in reversed(history):
            if prev.kind == "person" and prev.title and prev.name != _unnamed(prev) \
                    and prev.title.split()[-1].lower() == info.title.lower():
                return prev
    return info


def _resolve_owned(info: SpeakerInfo, text: str, attribution: Attribution,
                   history: list[SpeakerInfo]) -> SpeakerInfo:
    """"Biden's administration" -> "Joe Biden's administration", an organisation whose
    ``org`` is its owner as the article best describes them ("Norwegian Prime Minister Ola
    Berg"), so that the speaker's country is the owner's (see
    :func:`newstone.countries.speaker_country`, which also knows heads of government)."""
    owner = _resolve(info.owner, text, attribution, history)
    noun = info.name.split("'s ", 1)[1]
    if not owner.name:
        return SpeakerInfo(info.name, "organization")
    title = _owner_title(owner, text, attribution, history)
    return SpeakerInfo(f"{owner.name}'s {noun}", "organization", org=" ".join(filter(None, [title, owner.name])))


def _owner_title(person: SpeakerInfo, text: str, attribution: Attribution,
                 history: list[SpeakerInfo]) -> Optional[str]:
    """The title that best places a person: the first of the title at this mention, at an
    earlier quote of theirs, or where the article first names them ("Russian President
    Vladimir Putin's comments …") that names a country; else the first title found."""
    titles = [person.title] + [prev.title for prev in reversed(history) if prev.name == person.name]
    if person.name and " " in person.name:
        before = attribution.source[0] if attribution.source else attribution.start
        titles.append(_introduction(text, person.name, before)[0])
    titles = [t for t in titles if t]
    return next((t for t in titles if speaker_country(t, None, None)), titles[0] if titles else None)


# Honorifics followed by a given name rather than a surname ("Sir John", "Dame Judi").
GIVEN_NAME_HONORIFICS = frozenset({"sir", "dame"})
_GIVEN_NAME_MENTION = re.compile(r"^(Sir|Dame) (\S+)$")
_SURNAME_AFTER = re.compile(r"\s+([A-Z][\w'\u2019-]+)")


def _full_name_from_given(honorific: str, given: str, text: str) -> Optional[str]:
    """"John Stevens" for "Sir John" when the article writes "Sir John Stevens" anywhere
    (British style names a knight in full once, then "Sir John")."""
    for pos in _occurrences(text, f"{honorific} {given}"):
        after = _SURNAME_AFTER.match(text, pos + len(honorific) + 1 + len(given))
        if after and not _is_title_word(after.group(1)):
            return f"{given} {after.group(1)}"
    return None


@lru_cache(maxsize=1)
def _organisation_evidence() -> dict[str, tuple[str, ...]]:
    """``data/organisation_evidence.tsv``: where -> words."""
    table: dict[str, list[str]] = {"before": [], "possessed": [], "suffix": []}
    for line in data_lines("organisation_evidence.tsv"):
        cells = line.split("\t")
        if len(cells) >= 2 and cells[0] in table:
            table[cells[0]].append(cells[1].strip().lower())
    return {where: tuple(words) for where, words in table.items()}


@lru_cache(maxsize=1)
def _known_organisations() -> frozenset[str]:
    """``data/organisations.txt``: well-known organisations, by the name they speak under."""
    return frozenset(data_lines("organisations.txt"))


_WORD_BEFORE = re.compile(r"(\S+)\s+$")
_WORD_AFTER = re.compile(r"(?P<possessive>'s|\u2019s|'|\u2019)?\s+(?P<word>[\w.&-]+)")


def _occurrences(text: str, word: str) -> Iterator[int]:
    """Start offsets of ``word`` in ``text`` as a whole word (case-sensitive). A plain
    find per name: compiling a pattern per name cost more than the rest of the pipeline."""
    pos = text.find(word)
    while pos >= 0:
        end = pos + len(word)
        if (pos == 0 or not text[pos - 1].isalnum()) and (end >= len(text) or not text[end].isalnum()):
            yield pos
        pos = text.find(word, pos + 1)


def _name_evidence(name: str, text: str) -> tuple[bool, bool, bool]:
    """(person, organisation, mid_sentence): whether the article writes ``name`` after an
    honorific ("Mr Falconer", "Lord Falconer"), as an organisation ("security firm
    Sophos", "Yukos's shares", "Cairn Energy"), and anywhere but at a sentence start."""
    evidence = _organisation_evidence()
    person = organisation = mid_sentence = False
    for pos in _occurrences(text, name):
        before = _WORD_BEFORE.search(text, max(0, pos - 40), pos)
        word_before = before.group(1) if before else ""
        if word_before and (word_before[-1].isalnum() or word_before[-1] in ",;"):
            mid_sentence = True
        if _honorific(word_before) is not None:
            person = True
        if word_before in evidence["before"]:
            organisation = True
        after = _WORD_AFTER.match(text, pos + len(name))
        if after:
            word_after = after.group("word").rstrip(".,")
            if after.group("possessive"):
                organisation |= word_after in evidence["possessed"]
            elif word_after[:1].isupper() or word_after == "plc":
                organisation |= word_after.lower() in evidence["suffix"]
    return person, organisation, mid_sentence


def _lone_name(info: SpeakerInfo, text: str) -> SpeakerInfo:
    """A one-word speaker nothing has tied to a person ("Sophos said", "Yukos said",
    "More said …"): an organisation when the article writes it as one or it is a
    well-known one (``data/organisations.txt``: "Sony said"); no speaker when
    the word is capitalised only where a sentence starts and the article also uses it in
    lower case (an ordinary word, not a name); else still a person (most are surnames:
    "Falconer said"). A name written mid-sentence ("…, said May") stays a name."""
    if info.name.lower() in _gender_table("first_names.tsv"):
        return info
    person, organisation, mid_sentence = _name_evidence(info.name, text)
    if person:
        return info
    if organisation or info.name in _known_organisations():
        return replace(info, kind="organization")
    if not mid_sentence and next(_occurrences(text, info.name.lower()), None) is not None:
        return SpeakerInfo(None, "unknown")
    return info


def _antecedent(text: str, relative_start: int) -> Optional[SpeakerInfo]:
    """What a relative pronoun at ``relative_start`` refers to: the noun phrase ending
    right before it ("said Mr Howard, who" -> Mr Howard; "women who" -> women), read as a
    mention. None when that is not a name, title, group or organisation."""
    before = text[max(0, relative_start - 160):relative_start].rstrip().rstrip(",").rstrip()
    marks = list(_CLAUSE_MARK.finditer(before))
    tokens = before[marks[-1].end() if marks else 0:].replace("\u2019", "'").split()
    start = len(tokens)
    while start > 0 and len(tokens) - start < 8:
        token = tokens[start - 1]
        lower = token.lower()
        if not (token[:1].isupper() or lower in NP_INNER_WORDS or _is_title_word(token)
                or lower in _words("group_nouns.txt") or lower in _words("org_words.txt")):
            break
        start -= 1
    while start < len(tokens) and tokens[start].lower() in NP_INNER_WORDS:
        start += 1
    if start >= len(tokens):
        return None
    info = _describe_one(" ".join(tokens[start:]))
    return info if info.kind in ("person", "group", "organization", "country") and info.name else None


# A sentence opening with a person's name: an optional honorific, then capitalised words.
_SENTENCE_SUBJECT = re.compile(r"[\"\u201c\u2018']?((?:[A-Z][a-z]{0,3}\.? )?[A-Z][\w'\u2019-]+(?: [A-Z][\w'\u2019-]+){0,2})"
                               r"(?=(?P<after> [a-z][\w'\u2019-]*|[,.;:]))")
_SENTENCE_BREAK = re.compile(r"[.!?][\"\u201d\u2019']?\s+|\n")


def _previous_subject(text: str, pronoun_start: int, history: list[SpeakerInfo]) -> Optional[SpeakerInfo]:
    """The person a sentence-opening "He said …" most likely continues with: the subject of
    the sentence just before, when that sentence opens with the name of a person already
    quoted in the article. News prose moves the topic to a person ("Mr Blair has been
    closer to Bush than any other leader. He said …") after someone else's quote ("Chirac
    reacted by saying …"); the last speaker is then the wrong antecedent. A pronoun inside
    a sentence (", he said.") is left to the last speaker, as is a possessive or a noun
    after the name ("Mr Blair's aides", "Blair allies"). None when no such subject."""
    line_start = text.rfind("\n", 0, pronoun_start) + 1
    breaks = [m.end() for m in _SENTENCE_BREAK.finditer(text, max(line_start - 1, pronoun_start - 600, 0), pronoun_start)]
    sentence_start = breaks[-1] if breaks else max(line_start, 0)
    if text[sentence_start:pronoun_start].strip(" \"\u201c\u2018'"):
        return None  # the pronoun does not open its sentence
    if sentence_start == 0:
        return None
    previous_end = sentence_start  # the previous sentence's last character + 1
    while previous_end > 0 and text[previous_end - 1].isspace():
        previous_end -= 1
    window_start = max(0, previous_end - 600)
    earlier = [m.end() for m in _SENTENCE_BREAK.finditer(text, window_start, max(window_start, previous_end - 1))]
    previous_start = earlier[-1] if earlier else window_start
    match = _SENTENCE_SUBJECT.match(text, previous_start, sentence_start)
    if match is None:
        return None
    after = match.group("after")
    if after and (after.strip().lower() in _words("group_nouns.txt") or _is_title_word(after.strip())):
        return None  # "Blair aides said", "Blair spokesman"
    words = match.group(1).replace("\u2019", "'").split()
    if words[-1].endswith("'s"):
        return None
    if _honorific(words[0].rstrip(".")) is not None:
        words = words[1:]
    if not words:
        return None
    last = history[-1].name.split()[-1] if history[-1].name else None
    if last and _says_in(last, text[previous_start:sentence_start]):
        return None  # "…, Mr Bannister said. He said …": the last speaker still holds the floor
    for prev in reversed(history):
        if prev.kind == "person" and prev.name and " " in prev.name and not prev.pronoun \
                and (prev.name == " ".join(words) or prev.name.split()[-1] == words[-1]):
            return prev
    return None


# Reporting words that put a named speaker in a sentence ("Smith said", "said Mr Smith").
_SAYS = "said|says|added|adds|told|tells|argued|warned|insisted|stressed"


def _says_in(surname: str, sentence: str) -> bool:
    """Whether ``sentence`` reports ``surname`` speaking ("…, Mr Bannister said.", "said
    Bannister"), as opposed to merely naming them ("visited Pullman")."""
    name = re.escape(surname)
    return re.search(rf"\b{name}\b\W+(?:\w+\W+)?(?:{_SAYS})\b|\b(?:{_SAYS})\W+(?:\w+\W+){{0,3}}{name}\b",
                     sentence) is not None


def _unnamed(info: SpeakerInfo) -> Optional[str]:
    """The name an unnamed role mention gets by itself ("NATO chief")."""
    return info.name if info.title and info.name and info.name.split()[-1].lower() == info.title.lower() else None


def _sentence_end(text: str, attribution: Attribution) -> int:
    end = max(attribution.end, attribution.source[1] if attribution.source else 0,
              attribution.cue[1] if attribution.cue else 0)
    stop = text.find(".", end)
    newline = text.find("\n", end)
    if stop < 0 or (0 <= newline < stop):
        return len(text)
    return stop + 1


def resolve_speakers(text: str, attributions: list[Attribution]) -> list[Attribution]:
    """Fill speaker, speaker_type, speaker_title and speaker_org; one attribution per
    person of a joint source. ``speaker_country`` is left for the caller."""
    history: list[SpeakerInfo] = []
    out: list[Attribution] = []
    for att in attributions:
        if att.source is None:
            out.append(att)
            continue
        mention = text[att.source[0]:att.source[1]]
        short = _short_form_of(mention, history)
        if short is not None:
            resolved = [short]
        else:
            infos = _describe_mention(mention)
            resolved = [_unnamed_if_generic(_resolve(info, text, att, history)) for info in infos]
        for info in resolved:
            # An organisation or a country has no title: words caught before its name are
            # the span's leftovers ("response-time figures gathered by Netcraft").
            title = info.title if info.kind not in ("organization", "country") else None
            out.append(Attribution(att.kind, list(att.spans), att.cue, att.source, _display_name(info),
                                   info.kind, title, info.org, att.speaker_country))
            if info.name:
                history.append(info)
                if len(history) > 2 * HISTORY:
                    del history[:-HISTORY]
    return complete_person_facts(text, out)


def _short_form_of(mention: str, history: list[SpeakerInfo]) -> Optional[SpeakerInfo]:
    """An earlier organisation whose name the mention begins ("Moody's" after "Moody's
    Investors Service Inc"): the short form names it, "'s" included, and is no possessor."""
    mention = mention.replace("\u2019", "'").strip()
    if not mention[:1].isupper() or len(mention.split()) > 2:
        return None
    if any(prev.kind == "person" and prev.name and prev.name.split()[-1] == mention for prev in history):
        return None  # "Tower told reporters" after "John Tower" (and a "Tower Commission report")
    for prev in reversed(history):
        if prev.kind == "organization" and prev.name and prev.name.startswith(mention + " ") \
                and all(w[:1].isupper() or w in ("of", "and", "&") for w in prev.name[len(mention):].split()):
            return prev  # the rest is more of the name ("Investors Service Inc"), not a description
    return None


# How far before a person's first attribution their introduction is looked for ("Russian
# President Vladimir Putin's comments ..." opens the article; "Putin suggested" comes later).
INTRODUCTION_WINDOW = 20_000
_INTRO_STOP = re.compile(r"[.,;:!?\n\u201c\u201d\"(\u2013\u2014]")


def complete_person_facts(text: str, attributions: list[Attribution]) -> list[Attribution]:
    """Give every quote of a person the title and organisation known for them anywhere in
    the article.

    A title seen at one attribution ("White House spokesman John Kirby said") carries to
    the others ("he said", "Kirby said"). A person never introduced with a title at an
    attribution gets the title written before their full name where the article first
    names them ("Russian President Vladimir Putin's comments ..."), read with the same
    rules as a mention. The search is bounded to a window before the first attribution,
    so the cost stays linear in the article length.
    """
    facts: dict[str, tuple[Optional[str], Optional[str]]] = {}
    first_source: dict[str, int] = {}
    for att in attributions:
        if att.speaker_type != "person" or not att.speaker:
            continue
        first_source.setdefault(att.speaker, att.source[0] if att.source else att.start)
        title, org = facts.get(att.speaker, (None, None))
        facts[att.speaker] = (title or att.speaker_title, org or att.speaker_org)
    for name, (title, org) in facts.items():
        if title is None and " " in name:
            title, org = _introduction(text, name, first_source[name])
            facts[name] = (title, org)
    out = []
    for att in attributions:
        if att.speaker_type == "person" and att.speaker in facts:
            title, org = facts[att.speaker]
            att = replace(att, speaker_title=att.speaker_title or title, speaker_org=att.speaker_org or org)
        out.append(att)
    return out


def _introduction(text: str, name: str, before: int) -> tuple[Optional[str], Optional[str]]:
    """(title, org) written right before the first occurrence of ``name`` in the window."""
    window_start = max(0, before - INTRODUCTION_WINDOW)
    at = text.find(name, window_start, before + len(name) + 200)
    if at <= 0:
        return None, None
    lead_start = at
    for stop in _INTRO_STOP.finditer(text, max(window_start, at - 120), at):
        lead_start = stop.end()
    lead = text[lead_start:at].split()
    if not lead:
        return None, None
    info = _describe_one(" ".join(lead + [name]))
    if info.name != name or not info.title:
        return None, None
    return info.title, info.org


def _unnamed_if_generic(info: SpeakerInfo) -> SpeakerInfo:
    """A description nothing resolved ("the company", "a spokesman", "the report") names
    no one in particular: it keeps its type and title but gets no speaker name, so the
    speakers table does not merge every company or spokesman of a corpus into one
    "company" or "spokesman". Groups keep their name ("analysts", "U.S. officials"), and so
    does anything with a capital ("the NATO chief", "the Foreign Office")."""
    if info.name and info.kind != "group" and info.name == info.name.lower():
        return replace(info, name=None)
    return info


def _display_name(info: SpeakerInfo) -> Optional[str]:
    name = info.name
    if name and name.lower().startswith("the "):
        name = name[4:]
    return name
