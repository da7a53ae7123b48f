"""Country mentions in text, the speaker's country, and tone tables by country.

Three parts, all driven by readable data files in ``newstone/data``:

* :class:`CountryMatcher` finds names, demonyms, capitals, institutions and abbreviations
  that stand for a country (``countries.tsv``) in one pass of a single compiled regex. The
  regex is a trie of every surface form, so the cost per character does not grow with the
  size of the gazetteer, and the longest surface at a position wins ("North Korean" over
  "North Korea"). Ambiguous words are then checked against context rules
  (``country_context.tsv``): "Michael Jordan", "Atlanta, Georgia", "Thanksgiving Turkey".
* :func:`speaker_country` turns a speaker's title, organisation or mention into a country,
  using the same gazetteer plus cue words (``speaker_country.tsv``: "Republican", "Sen.").
  An organisation named by its owner ("Joe Biden's administration") takes the owner's
  country, also from ``office_holders.tsv`` for heads of state and government. A user
  :class:`Roster` of officials overrides all of these.
* ``tone_by_*`` and :func:`speaker_country_matrix` aggregate the pipeline's tables.
"""
from __future__ import annotations

import csv
import functools
import math
import os
import re
import warnings
from pathlib import Path
from typing import Iterable, NamedTuple, Optional, Union

from .model import CountryMention

DATA_DIR = Path(__file__).parent / "data"
GAZETTEER_PATH = DATA_DIR / "countries.tsv"
CONTEXT_RULES_PATH = DATA_DIR / "country_context.tsv"
SPEAKER_CUES_PATH = DATA_DIR / "speaker_country.tsv"
OFFICE_HOLDERS_PATH = DATA_DIR / "office_holders.tsv"

#: kinds a gazetteer row may have; ``ignore`` rows are matched (so that the longer phrase
#: "Korean peninsula" wins over "Korean") and then never reported.
KINDS = frozenset({"name", "demonym", "capital", "institution", "abbreviation", "organization",
                   "ignore", "party", "office", "honorific"})
IGNORE = "ignore"
ORGANIZATION = "organization"

#: words that make the country after them the object of a title, not the speaker's own:
#: "ambassador to Russia", "envoy for North Korea", "Senator from Georgia".
OBJECT_PREPOSITIONS = frozenset(
    "to for from in on at with against toward towards about into over".split())

#: how far the context rules look on each side of a mention, in characters.
CONTEXT_WINDOW = 80

_WORD_CHAR = re.compile(r"\w")
_ALPHA3 = re.compile(r"[A-Z]{3}")
_MACRO = re.compile(r"%[A-Z_]+%")

PathLike = Union[str, os.PathLike]


class Entry(NamedTuple):
    """What a surface form stands for."""

    country: Optional[str]
    kind: str


class ContextRules(NamedTuple):
    """Patterns that, when one matches next to a mention, mean it is not a country."""

    before: tuple[re.Pattern, ...] = ()
    after: tuple[re.Pattern, ...] = ()


# --------------------------------------------------------------------------- data files


def read_tsv(path: PathLike) -> list[dict[str, str]]:
    """Rows of a tab-separated data file as dicts, skipping ``#`` comment and blank lines.

    The first remaining line is the header. No quoting: surfaces such as ``Côte d'Ivoire``
    and ``"`` inside notes are taken literally. Each row carries its line number under
    ``"_line"`` so that validation errors can point at the file.
    """
    rows: list[dict[str, str]] = []
    header: Optional[list[str]] = None
    with open(path, encoding="utf-8") as handle:
        for line_number, line in enumerate(handle, start=1):
            line = line.rstrip("\r\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            cells = line.split("\t")
            if header is None:
                header = [c.strip() for c in cells]
                continue
            row = {name: (cells[i] if i < len(cells) else "") for i, name in enumerate(header)}
            row["_line"] = str(line_number)
            rows.append(row)
    return rows


def parse_gazetteer(rows: Iterable[dict[str, str]], source: str = "gazetteer") -> dict[str, Entry]:
    """Surface -> :class:`Entry`, validated, with dot-less variants of dotted abbreviations.

    "U.S." also yields "U.S": a sentence span may stop before the period that ends both the
    abbreviation and the sentence ("... sanctions by the U.S."). Explicit rows win over
    generated variants. Errors name the file and line, because a typo in a data file should
    fail loudly at load, not silently drop a country.
    """
    entries: dict[str, Entry] = {}
    for row in rows:
        surface = row.get("surface", "").strip()
        country = row.get("country", "").strip() or None
        kind = row.get("kind", "").strip()
        where = f"{source}:{row.get('_line', '?')}"
        if not surface:
            raise ValueError(f"{where}: empty surface")
        if kind not in KINDS:
            raise ValueError(f"{where}: unknown kind {kind!r} for {surface!r}")
        if country is not None and not _ALPHA3.fullmatch(country):
            raise ValueError(f"{where}: country {country!r} is not ISO alpha-3")
        if kind in (IGNORE, ORGANIZATION) and country is not None:
            raise ValueError(f"{where}: {kind} row {surface!r} must have an empty country")
        if surface in entries:
            raise ValueError(f"{where}: duplicate surface {surface!r}")
        entries[surface] = Entry(country, kind)
    for surface, entry in list(entries.items()):
        variant = dotless_variant(surface)
        if variant and variant not in entries:
            entries[variant] = entry
    return entries


def dotless_variant(surface: str) -> Optional[str]:
    """ "U.S." -> "U.S"; None for surfaces that are not dotted abbreviations ("Sen.")."""
    if surface.endswith(".") and "." in surface[:-1]:
        return surface[:-1]
    return None


def parse_context_rules(rows: Iterable[dict[str, str]], entries: dict[str, Entry],
                        source: str = "context rules") -> dict[str, ContextRules]:
    """Surface -> compiled :class:`ContextRules`.

    ``define`` rows name a pattern (``%PERSON_BEFORE%``) that later rows reuse; a surface
    ``kind=capital`` applies the rule to every gazetteer surface of that kind. Before-rules
    are anchored at the mention start (``...\\Z`` searched up to it), after-rules at its end.
    """
    macros: dict[str, str] = {}
    collected: dict[str, tuple[list[re.Pattern], list[re.Pattern]]] = {}
    for row in rows:
        surface, side, pattern = row["surface"].strip(), row["side"].strip(), row["pattern"]
        where = f"{source}:{row.get('_line', '?')}"
        pattern = _expand_macros(pattern, macros, where)
        if side == "define":
            macros[surface] = pattern
            continue
        if side not in ("before", "after"):
            raise ValueError(f"{where}: side must be before, after or define, not {side!r}")
        try:
            compiled = re.compile(f"(?:{pattern})\\Z" if side == "before" else pattern)
        except re.error as exc:
            raise ValueError(f"{where}: bad pattern: {exc}") from exc
        for target in _rule_targets(surface, entries):
            before, after = collected.setdefault(target, ([], []))
            (before if side == "before" else after).append(compiled)
    return {s: ContextRules(tuple(b), tuple(a)) for s, (b, a) in collected.items()}


def _expand_macros(pattern: str, macros: dict[str, str], where: str) -> str:
    def replace(match: re.Match) -> str:
        if match.group() not in macros:
            raise ValueError(f"{where}: undefined macro {match.group()}")
        return macros[match.group()]
    return _MACRO.sub(replace, pattern)


def _rule_targets(surface: str, entries: dict[str, Entry]) -> list[str]:
    """The gazetteer surfaces a rule applies to; none when a custom gazetteer lacks it."""
    if surface.startswith("kind="):
        kind = surface[len("kind="):]
        return [s for s, e in entries.items() if e.kind == kind]
    return [surface] if surface in entries else []


# --------------------------------------------------------------------------- the regex


def trie_regex(surfaces: Iterable[str]) -> str:
    """One regex alternation shaped like a character trie of ``surfaces``.

    At each trie node the regex engine can follow at most one child (the next character
    decides), so matching costs the length of the match, not the number of surfaces.
    A surface ending in a word character is followed by ``(?!\\w)`` so that "Russian" does
    not match inside "Russians"; when that fails the engine backtracks to a shorter surface
    ending at a word boundary, which gives "longest match wins" at every position. Ends are
    tried last for the same reason.
    """
    trie: dict = {}
    for surface in surfaces:
        node = trie
        for char in surface:
            node = node.setdefault(char, {})
        node[""] = True
    return _node_regex(trie, last_char="")


def _node_regex(node: dict, last_char: str) -> str:
    branches = [re.escape(char) + _node_regex(child, char)
                for char, child in sorted(node.items()) if char != ""]
    if "" in node:
        branches.append(r"(?!\w)" if _WORD_CHAR.match(last_char) else "")
    if len(branches) == 1:
        return branches[0]
    return "(?:" + "|".join(branches) + ")"


# --------------------------------------------------------------------------- the matcher


class CountryMatcher:
    """Finds country mentions with one compiled regex pass per scanned region.

    Build it with :meth:`load` (or use :func:`default_matcher`); it is immutable after
    construction, so one instance can serve every article in a process.
    """

    def __init__(self, entries: dict[str, Entry], rules: Optional[dict[str, ContextRules]] = None):
        self._entries = dict(entries)
        self._rules = dict(rules or {})
        # The pattern starts with the trie's first characters, not with a lookbehind: the
        # regex engine then skips ahead with a fast first-character scan. The left word
        # boundary is checked in Python (rarely, since few positions start a match).
        self._pattern = re.compile(trie_regex(self._entries))

    @classmethod
    def load(cls, path: Optional[PathLike] = None,
             context_rules: Optional[PathLike] = CONTEXT_RULES_PATH) -> "CountryMatcher":
        """A matcher for the gazetteer at ``path`` (default: the packaged countries.tsv).

        ``context_rules`` is a rules file (default: the packaged country_context.tsv);
        None disables context rules. Rules about surfaces that the gazetteer lacks are
        ignored, so the packaged rules work with a custom gazetteer.
        """
        path = GAZETTEER_PATH if path is None else Path(path)
        entries = parse_gazetteer(read_tsv(path), source=str(path))
        rules = {}
        if context_rules is not None:
            rules = parse_context_rules(read_tsv(context_rules), entries, source=str(context_rules))
        return cls(entries, rules)

    def __len__(self) -> int:
        return len(self._entries)

    def lookup(self, surface: str) -> Optional[Entry]:
        """The entry for an exact surface form, or None."""
        return self._entries.get(surface)

    def find(self, text: str, spans: Optional[list[tuple[int, int]]] = None) -> list[CountryMention]:
        """Country and organisation mentions in ``text``, in text order.

        Only the regions ``spans`` (``[start, end)`` offsets into ``text``; None = all of it)
        are scanned; overlapping spans are merged. Offsets in the result are into ``text``.
        A mention never crosses a region edge, but context rules may read past it.
        """
        regions = [(0, len(text))] if spans is None else merge_spans(spans, len(text))
        mentions: list[CountryMention] = []
        for region_start, region_end in regions:
            for match in self._pattern.finditer(text, region_start, region_end):
                start, end = match.span()
                if not self._at_word_edges(text, start, end):
                    continue
                surface = match.group()
                entry = self._entries[surface]
                if entry.kind == IGNORE or self._excluded_by_context(text, start, end, surface):
                    continue
                mentions.append(CountryMention(start, end, surface, entry.country, entry.kind))
        return mentions

    @staticmethod
    def _at_word_edges(text: str, start: int, end: int) -> bool:
        """No word character right before the match, nor right after a word-final match.

        The regex checks the right edge itself, but only up to the region end: a region
        that stops inside a word must not yield half of it.
        """
        if start > 0 and _WORD_CHAR.match(text, start - 1):
            return False
        return not (end < len(text) and _WORD_CHAR.match(text, end - 1)
                    and _WORD_CHAR.match(text, end))

    def _excluded_by_context(self, text: str, start: int, end: int, surface: str) -> bool:
        rules = self._rules.get(surface)
        if rules is None:
            return False
        window_start = max(0, start - CONTEXT_WINDOW)
        if any(p.search(text, window_start, start) for p in rules.before):
            return True
        window_end = min(len(text), end + CONTEXT_WINDOW)
        return any(p.match(text, end, window_end) for p in rules.after)


def merge_spans(spans: Iterable[tuple[int, int]], length: int) -> list[tuple[int, int]]:
    """Sorted, non-overlapping, clipped to ``[0, length]``; empty spans dropped."""
    merged: list[list[int]] = []
    for start, end in sorted((max(0, s), min(length, e)) for s, e in spans):
        if start >= end:
            continue
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(s, e) for s, e in merged]


@functools.lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    """alpha-3 -> the country's common name: the first ``name`` row of the gazetteer."""
    names: dict[str, str] = {}
    for row in read_tsv(GAZETTEER_PATH):
        if row.get("kind") == "name" and row.get("country") and row["country"] not in names:
            names[row["country"]] = row["surface"]
    return names


def country_label(code) -> str:
    """"Russia (RUS)" for charts and tables people read; the code alone if unknown."""
    if not isinstance(code, str):
        return code
    name = country_names().get(code)
    return f"{name} ({code})" if name else code


@functools.lru_cache(maxsize=1)
def default_matcher() -> CountryMatcher:
    """The packaged gazetteer and context rules, compiled once per process."""
    return CountryMatcher.load()


@functools.lru_cache(maxsize=1)
def speaker_cue_matcher() -> CountryMatcher:
    """Party and office cues of ``speaker_country.tsv`` ("Republican", "Sen."), compiled once."""
    return CountryMatcher.load(SPEAKER_CUES_PATH, context_rules=None)


# --------------------------------------------------------------------------- speakers


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
    def load(cls, path: PathLike) -> "Roster":
        """Read an officials.csv. A file without a ``name`` column (a semicolon-separated
        export, a wrong file) raises :class:`~newstone.errors.RosterError`; country values
        that are no country we know are named in a warning and left empty, since a silent
        "GER" or "Narnia" would quietly drop that person from every country chart."""
        from .errors import RosterError

        with open(path, encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            # Header names ignore case: spreadsheets export "Name,Aliases,Title,…".
            columns = [c.strip().lower() for c in reader.fieldnames or []]
            if "name" not in columns:
                raise RosterError(f"roster {os.fspath(path)!r} has no 'name' column (columns: {', '.join(columns) or 'none'}); "
                                  "expected comma-separated name, aliases, title, organisation, country")
            records = [{(k or "").strip().lower(): v for k, v in row.items()} for row in reader]
        unknown = sorted({str(r.get("country")).strip() for r in records
                          if _clean(r.get("country")) and normalise_country(r.get("country")) is None})
        if unknown:
            warnings.warn(f"roster {os.fspath(path)!r}: unknown country value(s) left empty: {', '.join(unknown)}",
                          stacklevel=2)
        return cls.from_records(records)

    @classmethod
    def from_records(cls, records: Iterable[dict]) -> "Roster":
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

    def lookup(self, name_or_alias: Optional[str]) -> Optional[dict]:
        """``{"name", "title", "org", "country"}`` for a name or alias, else None."""
        if not name_or_alias:
            return None
        person = self._by_key.get(_roster_key(name_or_alias))
        return dict(person) if person else None

    def __len__(self) -> int:
        return len({id(p) for p in self._by_key.values()})


def _clean(value) -> Optional[str]:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    value = " ".join(str(value).split())
    return value or None


def _roster_key(name: str) -> str:
    return " ".join(name.split()).casefold()


def normalise_country(value) -> Optional[str]:
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


def speaker_country(title: Optional[str], org: Optional[str], mention: Optional[str],
                    name: Optional[str] = None, roster: Optional[Roster] = None) -> Optional[str]:
    """The speaker's country (alpha-3) from what the text says about them, or None.

    Order: the roster (by ``name``, then by ``mention`` as an alias) overrides everything;
    then the title, the organisation and the mention, each read first for gazetteer
    mentions ("Russian President", "White House spokesman", "the Kremlin") and then for
    cue words ("Republican Senator", "Sen."). Organisations (NATO) give no country, and a
    country that is the object of the title ("ambassador to Russia") is not the speaker's.
    """
    person = None
    if roster is not None:
        person = roster.lookup(name) or roster.lookup(mention)
    if person:
        if person["country"]:
            return person["country"]
        title, org = person["title"] or title, person["org"] or org
    for phrase in (title, org, mention):
        country = country_in_phrase(phrase) or cue_country(phrase)
        if country:
            return country
    return owner_country(name)


@functools.lru_cache(maxsize=1)
def office_holders() -> dict[str, str]:
    """``office_holders.tsv``: a head of state or government's full name -> alpha-3."""
    return {row["name"].strip(): row["country"].strip() for row in read_tsv(OFFICE_HOLDERS_PATH)}


def owner_country(name: Optional[str]) -> Optional[str]:
    """The country of an organisation named by its owner ("Joe Biden's administration" ->
    USA) when the owner is a head of state or government in ``office_holders.tsv``; None
    for any other name (a person's own country is never guessed from this list)."""
    if not name or "'s " not in name:
        return None
    return office_holders().get(name.split("'s ", 1)[0])


def country_in_phrase(phrase: Optional[str]) -> Optional[str]:
    """The first gazetteer country in ``phrase`` that is not the object of a preposition."""
    if not phrase:
        return None
    for mention in default_matcher().find(phrase):
        if mention.country and not _after_object_preposition(phrase, mention.start):
            return mention.country
    return None


def cue_country(phrase: Optional[str]) -> Optional[str]:
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
