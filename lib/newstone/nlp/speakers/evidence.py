"""What words and the article say about a name: gender, title, person or organisation.

Word tables (``data/honorifics.tsv``, ``first_names.tsv``, ``titles.txt``,
``org_words.txt``, ``party_labels.txt``, ``organisations.txt``) and evidence in the text
around a lone capitalised name ("security firm Sophos", "Yukos's shares", "Cairn Energy":
``data/organisation_evidence.tsv``) that tell a person from an organisation.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from newstone.nlp.countries import speaker_cue_matcher
from newstone.nlp.words import honorific_genders
from newstone.rules import read_table, word_list, word_set


@lru_cache(maxsize=1)
def proper_groups() -> frozenset[str]:
    """Group nouns written with a capital in ``group_nouns.txt`` ("Tories", "MPs"): names
    that keep their capital at a sentence start. Lower case, for lookups."""
    return frozenset(entry.lower() for entry in word_list("group_nouns.txt") if not entry.islower())


@lru_cache(maxsize=1)
def first_names() -> dict[str, str]:
    """``data/first_names.tsv``: given name (lower case) -> gender m / f / -."""
    table = {}
    for row in read_table("first_names.tsv", ("name", "gender")):
        if row["gender"] not in ("m", "f", "-"):
            raise row.error(f"gender must be m, f or -, not {row['gender']!r}")
        table[row["name"].lower()] = row["gender"]
    return table


def honorific_gender(word: str) -> str | None:
    """The gender an honorific signals ("m", "f", "-"), or None if ``word`` is none."""
    return honorific_genders().get(word.lower().rstrip("."))


def name_gender(name: str | None) -> str | None:
    """ "m" / "f" from the given name of a full name ("Hillary Clinton" -> "f"), else None
    (also for names both men and women carry, "-" in the table)."""
    if not name or " " not in name:
        return None
    gender = first_names().get(name.split()[0].lower())
    return gender if gender in ("m", "f") else None


def is_given_name(word: str) -> bool:
    """A given name of ``first_names.tsv``, of either or no gender ("Liam", "Chris")."""
    return word.lower() in first_names()


def org_word_surname(tokens: list[str]) -> bool:
    """ "Liam Fox", "Chris Fox": a known given name, then a capitalised last word that
    otherwise makes a name an organisation (``org_words.txt``: "Fox News", "the Fox
    network"). Read as a person's surname, since news names people this way far more often
    than firms; :func:`_resolve` still types it an organisation when the article writes the
    full name as one ("retailer John Lewis")."""
    return (
        len(tokens) >= 2
        and tokens[-1][:1].isupper()
        and tokens[-2][:1].isupper()
        and tokens[-1].lower() in word_set("org_words.txt")
        and is_given_name(tokens[-2])
    )


def organisation_words(tokens: list[str]) -> list[str]:
    """The words of ``tokens`` that make a name an organisation, except a surname such as
    the "Fox" of "Liam Fox" (:func:`org_word_surname`)."""
    candidates = tokens[:-1] if org_word_surname(tokens) else tokens
    return [t for t in candidates if t.lower() in word_set("org_words.txt")]


def is_title_word(word: str) -> bool:
    """A title from ``titles.txt``, also with a prefix: "co-chairman", "vice-president",
    "ex-minister"."""
    lower = word.lower()
    return lower in word_set("titles.txt") or ("-" in lower and lower.rsplit("-", 1)[1] in word_set("titles.txt"))


def is_party_word(word: str) -> bool:
    """A party or its member's label ("Conservative", "Tory", "Democrat"): ``party_labels.txt``
    or a ``party`` row of ``speaker_country.tsv``."""
    if word in _party_labels():
        return True
    entry = speaker_cue_matcher().lookup(word)
    return entry is not None and entry.kind == "party"


@lru_cache(maxsize=1)
def _party_labels() -> frozenset[str]:
    """``data/party_labels.txt``: party labels many countries share ("Conservative")."""
    return frozenset(word_list("party_labels.txt"))


def is_party_name(text: str) -> bool:
    """A party's own name ("Labour", "Likud", "SNP"; the ``party`` rows of
    ``speaker_country.tsv``), not a word for one member: "Republican" and "Lib Dem" have a
    plural row ("Republicans"), so "the Republican said" stays a person."""
    entry = speaker_cue_matcher().lookup(text)
    if entry is None or entry.kind != "party":
        return False
    member_plural = speaker_cue_matcher().lookup(text + "s")
    return member_plural is None


@lru_cache(maxsize=1)
def organisation_evidence_words() -> dict[str, tuple[str, ...]]:
    """``data/organisation_evidence.tsv``: where -> words."""
    table: dict[str, list[str]] = {"before": [], "possessed": [], "suffix": []}
    for row in read_table("organisation_evidence.tsv", ("where", "word", "example"), optional=("example",)):
        if row["where"] not in table:
            raise row.error(f"where must be one of {', '.join(table)}, not {row['where']!r}")
        table[row["where"]].append(row["word"].lower())
    return {where: tuple(words) for where, words in table.items()}


@lru_cache(maxsize=1)
def known_organisations() -> frozenset[str]:
    """``data/organisations.txt``: well-known organisations, by the name they speak under."""
    return frozenset(word_list("organisations.txt"))


def names_organisation(phrase: str) -> bool:
    """Whether a capitalised phrase names an organisation rather than a place: a listed
    organisation, an acronym, or a word of an organisation or a company in it."""
    words = phrase.split()
    return (
        phrase in known_organisations()
        or (len(words) == 1 and phrase.isupper() and len(phrase) > 1)
        or bool(organisation_words(words))
        or words[-1].rstrip(".,").lower() in organisation_evidence_words()["suffix"]
    )


_WORD_BEFORE = re.compile(r"(\S+)\s+$")


_WORD_AFTER = re.compile(r"(?P<possessive>'s|\u2019s|'|\u2019)?\s+(?P<word>[\w.&-]+)")


def occurrences(text: str, word: str) -> Iterator[int]:
    """Start offsets of ``word`` in ``text`` as a whole word (case-sensitive). A plain
    find per name: compiling a pattern per name cost more than the rest of the pipeline."""
    pos = text.find(word)
    while pos >= 0:
        end = pos + len(word)
        if (pos == 0 or not text[pos - 1].isalnum()) and (end >= len(text) or not text[end].isalnum()):
            yield pos
        pos = text.find(word, pos + 1)


def name_evidence(name: str, text: str) -> tuple[bool, bool, bool]:
    """(person, organisation, mid_sentence): whether the article writes ``name`` after an
    honorific ("Mr Falconer", "Lord Falconer"), as an organisation ("security firm
    Sophos", "Yukos's shares", "Cairn Energy"), and anywhere but at a sentence start."""
    evidence = organisation_evidence_words()
    person = organisation = mid_sentence = False
    for pos in occurrences(text, name):
        before = _WORD_BEFORE.search(text, max(0, pos - 40), pos)
        word_before = before.group(1) if before else ""
        if word_before and (word_before[-1].isalnum() or word_before[-1] in ",;"):
            mid_sentence = True
        if honorific_gender(word_before) is not None:
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
