"""A speaker's country, and the user's roster of officials, applied once.

:func:`apply_roster` lets the user's ``officials.csv`` override what the text says about a
known person (name, title, organisation, country). :func:`speaker_country` reads the
country from what the text says about the speaker: the title, the organisation or the
mention, through the gazetteer ("Russian President", "the Kremlin") and party and office
cues (``data/speaker_country.tsv``: "Republican", "Sen."); an organisation named by its
owner ("Joe Biden's administration") takes the owner's country from
``data/office_holders.tsv``.
"""

from __future__ import annotations

import csv
import functools
import math
import os
import warnings
from collections.abc import Iterable

from newstone.model import Attribution
from newstone.nlp.countries import PathLike, country_names, default_matcher, speaker_cue_matcher
from newstone.rules import read_table

#: words that make the country after them the object of a title, not the speaker's own:
#: "ambassador to Russia", "envoy for North Korea", "Senator from Georgia".
OBJECT_PREPOSITIONS = frozenset("to for from in on at with against toward towards about into over".split())


class Roster:
    """The user's officials (``officials.csv``): facts that override what the text says.

    Columns: ``name``, ``aliases`` (separated by ``|``), ``title``, ``organisation`` (or
    ``org``), ``country`` (alpha-3, or a name the gazetteer knows: "Russia" -> RUS).
    Names and aliases are matched ignoring case and repeated spaces.
    """

    def __init__(self, people: dict[str, dict]):
        self._by_key = dict(people)

    def fingerprint(self) -> str:
        """A short digest of the facts, so a dataset records which roster made it."""
        import hashlib
        import json

        facts = json.dumps(sorted(self._by_key.items()), sort_keys=True, default=str)
        return hashlib.blake2b(facts.encode("utf-8"), digest_size=8).hexdigest()

    @classmethod
    def load(cls, path: PathLike) -> Roster:
        """Read an officials.csv. A file without a ``name`` column (a semicolon-separated
        export, a wrong file) raises :class:`~newstone.errors.RosterError`; country values
        that are no country we know are named in a warning and left empty, since a silent
        "GER" or "Narnia" would quietly drop that person from every country chart."""
        from newstone.errors import RosterError

        with open(path, encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            # Header names ignore case: spreadsheets export "Name,Aliases,Title,…".
            columns = [c.strip().lower() for c in reader.fieldnames or []]
            if "name" not in columns:
                raise RosterError(
                    f"roster {os.fspath(path)!r} has no 'name' column (columns: {', '.join(columns) or 'none'}); "
                    "expected comma-separated name, aliases, title, organisation, country"
                )
            records = [{(k or "").strip().lower(): v for k, v in row.items()} for row in reader]
        unknown = sorted(
            {
                str(r.get("country")).strip()
                for r in records
                if _clean(r.get("country")) and normalise_country(r.get("country")) is None
            }
        )
        if unknown:
            warnings.warn(
                f"roster {os.fspath(path)!r}: unknown country value(s) left empty: {', '.join(unknown)}", stacklevel=2
            )
        return cls.from_records(records)

    @classmethod
    def from_records(cls, records: Iterable[dict]) -> Roster:
        """A roster from dicts shaped like the CSV rows; the first row for a key wins."""
        by_key: dict[str, dict] = {}
        for record in records:
            name = _clean(record.get("name"))
            if not name:
                continue
            person = {
                "name": name,
                "title": _clean(record.get("title")),
                "org": _clean(record.get("organisation") or record.get("organization") or record.get("org")),
                "country": normalise_country(record.get("country")),
            }
            aliases = (record.get("aliases") or "").split("|")
            for key in (name, *aliases):
                if _clean(key):
                    by_key.setdefault(_roster_key(key), person)
        return cls(by_key)

    def lookup(self, name_or_alias: str | None) -> dict | None:
        """``{"name", "title", "org", "country"}`` for a name or alias, else None."""
        if not name_or_alias:
            return None
        person = self._by_key.get(_roster_key(name_or_alias))
        return dict(person) if person else None

    def __len__(self) -> int:
        return len({id(p) for p in self._by_key.values()})


def _clean(value) -> str | None:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    value = " ".join(str(value).split())
    return value or None


def _roster_key(name: str) -> str:
    return " ".join(name.split()).casefold()


def normalise_country(value) -> str | None:
    """An alpha-3 code from a code ("rus") or a name the gazetteer knows ("Russia")."""
    value = _clean(value)
    if value is None:
        return None
    if len(value) == 3 and value.isalpha():
        code = value.upper()
        if code in country_names():
            return code
    entry = default_matcher().lookup(value)
    if entry and entry.country:
        return entry.country
    return country_in_phrase(value)


def speaker_country(title: str | None, org: str | None, mention: str | None, name: str | None = None) -> str | None:
    """The speaker's country (alpha-3) from what the text says about them, or None.

    The title, the organisation and the mention are read in that order, each first for
    gazetteer mentions ("Russian President", "White House spokesman", "the Kremlin") and
    then for cue words ("Republican Senator", "Sen."); last, an organisation named by its
    owner ("Joe Biden's administration"). Organisations (NATO) give no country, and a
    country that is the object of the title ("ambassador to Russia") is not the speaker's.
    The user's roster is applied before, once, by :func:`apply_roster`.
    """
    for phrase in (title, org, mention):
        country = country_in_phrase(phrase) or cue_country(phrase)
        if country:
            return country
    return owner_country(name)


@functools.lru_cache(maxsize=1)
def office_holders() -> dict[str, str]:
    """``office_holders.tsv``: a head of state or government's full name -> alpha-3."""
    return {row["name"]: row["country"] for row in read_table("office_holders.tsv", ("name", "country"))}


def owner_country(name: str | None) -> str | None:
    """The country of an organisation named by its owner ("Joe Biden's administration" ->
    USA) when the owner is a head of state or government in ``office_holders.tsv``; None
    for any other name (a person's own country is never guessed from this list)."""
    if not name or "'s " not in name:
        return None
    return office_holders().get(name.split("'s ", 1)[0])


def country_in_phrase(phrase: str | None) -> str | None:
    """The first gazetteer country in ``phrase`` that is not the object of a preposition."""
    if not phrase:
        return None
    for mention in default_matcher().find(phrase):
        if mention.country and not _after_object_preposition(phrase, mention.start):
            return mention.country
    return None


def cue_country(phrase: str | None) -> str | None:
    """The country of the first party or office cue in ``phrase`` ("Democratic" -> USA)."""
    if not phrase:
        return None
    for mention in speaker_cue_matcher().find(phrase):
        if mention.country:
            return mention.country
    return None


def _after_object_preposition(phrase: str, start: int) -> bool:
    words = phrase[:start].split()
    if words and words[-1].casefold() == "the":
        words = words[:-1]
    return bool(words) and words[-1].casefold() in OBJECT_PREPOSITIONS


def apply_roster(text: str, attribution: Attribution, roster: Roster | None) -> None:
    """The user's roster overrides what the text says about a known person.

    Looked up by the resolved name, then by the in-text mention (an alias such as "Putin");
    every fact the roster gives (name, title, organisation, country) replaces the text's.
    """
    if roster is None:
        return
    mention = text[attribution.source[0] : attribution.source[1]] if attribution.source else None
    person = roster.lookup(attribution.speaker) or roster.lookup(mention)
    if person is None:
        return
    attribution.speaker = person["name"]
    attribution.speaker_type = "person"
    attribution.speaker_title = person["title"] or attribution.speaker_title
    attribution.speaker_org = person["org"] or attribution.speaker_org
    attribution.speaker_country = person["country"] or attribution.speaker_country


def fill_speaker_country(text: str, attribution: Attribution) -> None:
    """Speaker's country from the title, organisation or the mention itself, unless the
    roster (:func:`apply_roster`, called first) already gave one.

    A place or government speaking ("Moscow", "the United States") is read from its
    resolved name, not from the mention: in "Moscow and Pyongyang deny" the mention holds
    both, and each of the two attributions must get its own country.
    """
    if attribution.speaker_country:
        return
    if attribution.speaker_type == "country" and attribution.speaker:
        mention = attribution.speaker
    else:
        mention = text[attribution.source[0] : attribution.source[1]] if attribution.source else None
    attribution.speaker_country = speaker_country(
        attribution.speaker_title, attribution.speaker_org, mention, attribution.speaker
    )
