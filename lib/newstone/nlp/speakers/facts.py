"""A speaker's country, and the user's roster of officials, applied once.

:func:`apply_roster` lets the user's ``officials.csv`` override what the text says about a
known person (name, title, organisation, country). :func:`speaker_country` reads the
country from what the text says about the speaker: the title, the organisation or the
mention, through the gazetteer ("Russian President", "the Kremlin") and party and office
cues (``data/speaker_country.tsv``: "Republican", "Sen."); an organisation named by its
owner ("Joe Biden's administration") or after its leader ("the Reagan administration",
"a Thatcher government official") takes the leader's country from
``data/office_holders.tsv``.
"""

from __future__ import annotations

import csv
import functools
import math
import os
import re
import warnings
from collections import defaultdict
from collections.abc import Iterable

from newstone.model import Attribution
from newstone.nlp.countries import PathLike, country_names, default_matcher, speaker_cue_matcher
from newstone.nlp.speakers.titles import apposition_title
from newstone.nlp.words import CLAUSE_MARKERS
from newstone.rules import read_table, word_set

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
    """The speaker's country (alpha-3) from what the text says about them, or None
    (:func:`country_evidence` without the kind of evidence)."""
    found = country_evidence(title, org, mention, name)
    return found[0] if found else None


def country_evidence(
    title: str | None, org: str | None, mention: str | None, name: str | None = None, speaker_type: str = "unknown"
) -> tuple[str, str] | None:
    """(country, kind of evidence) from what the text says about the speaker, or None.

    The title, then the organisation, each read first for gazetteer mentions ("Russian
    President", "White House spokesman", "the Kremlin"; kind ``title`` or ``org``) and
    then for party and office cues ("Republican Senator", "Sen.", "MP"; kind ``party``, or
    ``office`` for an office that only defaults to a country, "Trade and Industry Secretary").
    A speaker that is not a person ("Moscow", "U.S. officials") is also read from its
    mention (kind ``name``); a person never is, since their mention holds their name
    ("Oliver Irish") and whatever a span swept in ("Holland and Ferguson"). Last, an
    organisation named by its owner ("Joe Biden's administration"; kind ``owner``).
    Organisations (NATO) give no country; a country that is the object of the title
    ("ambassador to Russia") is not the speaker's; a "title" that is a clause ("who is
    visiting China") is no evidence. The roster is applied before, by :func:`apply_roster`.
    """
    for kind, phrase in (("title", title), ("org", org)):
        if not phrase or CLAUSE_MARKERS & set(phrase.lower().split()):
            continue
        if country := country_in_phrase(phrase):
            return country, kind
        if found := cue_evidence(phrase):
            return found
        if country := leader_body_country(phrase):
            return country, "owner"
    if speaker_type != "person" and mention:
        if country := country_in_phrase(mention):
            return country, "name"
        if found := cue_evidence(mention):
            return found
        if country := leader_body_country(mention):
            return country, "owner"
    if country := owner_country(name):
        return country, "owner"
    return None


@functools.lru_cache(maxsize=1)
def office_terms() -> tuple[tuple[str, str, str, int, int | None], ...]:
    """``office_holders.tsv``: (name, country, office, first year, last year or None)."""
    terms = []
    for row in read_table("office_holders.tsv", ("name", "country", "office", "from", "to"), optional=("to",)):
        try:
            first, last = int(row["from"]), int(row["to"]) if row["to"] else None
        except ValueError:
            raise row.error(f"from and to must be years, not {row['from']!r} and {row['to']!r}") from None
        terms.append((row["name"], row["country"], row["office"], first, last))
    return tuple(terms)


@functools.lru_cache(maxsize=1)
def office_holders() -> dict[str, str]:
    """A head of state or government's full name -> alpha-3 (``office_holders.tsv``)."""
    return {name: country for name, country, *_ in office_terms()}


def owner_country(name: str | None) -> str | None:
    """The country of an organisation named by its owner ("Joe Biden's administration" ->
    USA) when the owner is a head of state or government in ``office_holders.tsv``; None
    for any other name (a person's own country is never guessed from this list)."""
    if not name or "'s " not in name:
        return None
    return office_holders().get(name.split("'s ", 1)[0])


# "the Reagan administration", "the Thatcher government": a government named after its leader
_LEADER_BODY = re.compile(r"\b([A-Z][\w'\u2019-]+) (?:[Aa]dministration|[Gg]overnment|[Cc]abinet)\b")


@functools.lru_cache(maxsize=1)
def leader_surnames() -> dict[str, str]:
    """The last name of a head of state or government in ``office_holders.tsv`` -> alpha-3,
    for the names that belong to one country only and are not also ordinary words or
    names of many (``leader_surname_words.txt``: "Major", "May", "Johnson")."""
    countries: dict[str, set[str]] = defaultdict(set)
    for name, country, *_ in office_terms():
        countries[name.split()[-1]].add(country)
    ordinary = word_set("leader_surname_words.txt")
    return {
        surname: next(iter(found))
        for surname, found in countries.items()
        if len(found) == 1 and surname.lower() not in ordinary
    }


def leader_body_country(phrase: str | None) -> str | None:
    """The country of a government named after its leader in ``phrase`` ("a Reagan
    administration official" -> USA, "the Kohl government" -> DEU), else None. Only
    "administration", "government" and "cabinet": a leader's "campaign" or "party" may be
    anywhere, and "Reagan" alone is a person, not his country."""
    if not phrase:
        return None
    for match in _LEADER_BODY.finditer(phrase):
        if country := leader_surnames().get(match.group(1)):
            return country
    return None


def country_in_phrase(phrase: str | None) -> str | None:
    """The first gazetteer country in ``phrase`` that is not the object of a preposition."""
    if not phrase:
        return None
    for mention in default_matcher().find(phrase):
        if mention.country and not _after_object_preposition(phrase, mention.start):
            return mention.country
    return None


def cue_country(phrase: str | None) -> str | None:
    """The country of the first party or office cue in ``phrase`` ("Democratic" -> USA),
    not a party word that names an institution ("International Labour Organisation",
    "Federal Labour Agency": no party, no country)."""
    found = cue_evidence(phrase)
    return found[0] if found else None


def cue_evidence(phrase: str | None) -> tuple[str, str] | None:
    """(country, kind) of the first party or office cue in ``phrase`` (see
    :func:`cue_country`). The kind is ``office`` for an office row of
    ``speaker_country.tsv``: "Trade and Industry Secretary" is Britain's in a British paper
    but the Philippines' in a wire story from Manila, so across the corpus it weighs less
    than a demonym ("Philippine Secretary of Trade and Industry"); else ``party``."""
    if not phrase:
        return None
    for mention in speaker_cue_matcher().find(phrase):
        if mention.country and not _INSTITUTION_AFTER.match(phrase, mention.end):
            return mention.country, "office" if mention.kind == "office" else "party"
    return None


# The noun of an institution whose name holds a party word ("Labour Organisation")
_INSTITUTION_AFTER = re.compile(r" (?:Agency|Office|Organisation|Organization|Ministry|Department|Court|Relations)\b")


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
    if person["country"]:
        attribution.speaker_country, attribution.country_evidence = person["country"], "roster"


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
    found = country_evidence(
        attribution.speaker_title, attribution.speaker_org, mention, attribution.speaker, attribution.speaker_type
    )
    if not found and attribution.speaker_type == "person" and mention and "," in mention:
        # "Mr Balls, a prospective Labour MP": a title the mention sets beside the name,
        # when the person's carried title ("ex-chief economic adviser") says no country
        found = country_evidence(*apposition_title(mention.split(",", 1)[1]), None, None, "person")
    if found:
        attribution.speaker_country, attribution.country_evidence = found
