"""Country mentions: names, demonyms, capitals, institutions and abbreviations.

:class:`CountryMatcher` finds every surface form of ``data/countries.tsv`` in one pass of a
single compiled regex (a trie, so the cost per character does not grow with the
gazetteer) and the longest surface at a position wins ("North Korean" over "North Korea").
Ambiguous words are then checked against context rules (``data/country_context.tsv``):
"Michael Jordan", "Atlanta, Georgia", "Thanksgiving Turkey". :func:`default_matcher` is the
packaged gazetteer, :func:`speaker_cue_matcher` the party and office cues of
``data/speaker_country.tsv``.
"""

from __future__ import annotations

import dataclasses
import functools
import os
import re
from collections.abc import Iterable
from typing import NamedTuple

from newstone.model import CountryMention
from newstone.nlp.trie import _WORD_CHAR, trie_regex
from newstone.nlp.words import honorific_genders, title_abbreviations
from newstone.rules import RuleRow, read_table
from newstone.spans import merge_spans

# The packaged rule files (newstone.rules reads them) and their columns.
GAZETTEER = "countries.tsv"
CONTEXT_RULES = "country_context.tsv"
SPEAKER_CUES = "speaker_country.tsv"
GAZETTEER_COLUMNS = ("surface", "country", "kind", "note")
CONTEXT_COLUMNS = ("surface", "side", "pattern", "note")


#: kinds a gazetteer row may have; ``ignore`` rows are matched (so that the longer phrase
#: "Korean peninsula" wins over "Korean") and then never reported.
KINDS = frozenset(
    {
        "name",
        "demonym",
        "capital",
        "institution",
        "abbreviation",
        "organization",
        "ignore",
        "party",
        "office",
        "honorific",
    }
)


IGNORE = "ignore"


ORGANIZATION = "organization"


#: how far the context rules look on each side of a mention, in characters.
CONTEXT_WINDOW = 80


_ALPHA3 = re.compile(r"[A-Z]{3}")


_MACRO = re.compile(r"%[A-Z_]+%")


PathLike = str | os.PathLike


class Entry(NamedTuple):
    """What a surface form stands for."""

    country: str | None
    kind: str


class ContextRules(NamedTuple):
    """Patterns that, when one matches next to a mention, mean it is not a country."""

    before: tuple[re.Pattern, ...] = ()
    after: tuple[re.Pattern, ...] = ()


def gazetteer_rows(source: PathLike = GAZETTEER) -> list[RuleRow]:
    """The rows of a gazetteer file (the packaged one by name, or a path of the user's)."""
    return read_table(source, GAZETTEER_COLUMNS, optional=("country", "note"))


def parse_gazetteer(rows: Iterable[RuleRow]) -> dict[str, Entry]:
    """Surface -> :class:`Entry`, validated, with dot-less variants of dotted abbreviations.

    "U.S." also yields "U.S": a sentence span may stop before the period that ends both the
    abbreviation and the sentence ("... sanctions by the U.S."). Explicit rows win over
    generated variants. Errors name the file and line, because a typo in a data file should
    fail loudly at load, not silently drop a country.
    """
    entries: dict[str, Entry] = {}
    for row in rows:
        surface, country, kind = row["surface"], row["country"] or None, row["kind"]
        if kind not in KINDS:
            raise row.error(f"unknown kind {kind!r} for {surface!r}")
        if country is not None and not _ALPHA3.fullmatch(country):
            raise row.error(f"country {country!r} is not ISO alpha-3")
        if kind in (IGNORE, ORGANIZATION) and country is not None:
            raise row.error(f"{kind} row {surface!r} must have an empty country")
        if surface in entries:
            raise row.error(f"duplicate surface {surface!r}")
        entries[surface] = Entry(country, kind)
    for surface, entry in list(entries.items()):
        variant = dotless_variant(surface)
        if variant and variant not in entries:
            entries[variant] = entry
    return entries


def dotless_variant(surface: str) -> str | None:
    """ "U.S." -> "U.S"; None for surfaces that are not dotted abbreviations ("Sen.")."""
    if surface.endswith(".") and "." in surface[:-1]:
        return surface[:-1]
    return None


def parse_context_rules(rows: Iterable[RuleRow], entries: dict[str, Entry]) -> dict[str, ContextRules]:
    """Surface -> compiled :class:`ContextRules`.

    ``define`` rows name a pattern (``%PERSON_BEFORE%``) that later rows reuse, besides the
    :func:`builtin_macros`; a surface
    ``kind=capital`` applies the rule to every gazetteer surface of that kind. Before-rules
    are anchored at the mention start (``...\\Z`` searched up to it), after-rules at its end.
    """
    macros = builtin_macros()
    collected: dict[str, tuple[list[re.Pattern], list[re.Pattern]]] = {}
    for row in rows:
        surface, side, pattern = row["surface"], row["side"], row["pattern"]
        pattern = _expand_macros(pattern, macros, row)
        if side == "define":
            macros[surface] = pattern
            continue
        if side not in ("before", "after"):
            raise row.error(f"side must be before, after or define, not {side!r}")
        try:
            compiled = re.compile(f"(?:{pattern})\\Z" if side == "before" else pattern)
        except re.error as exc:
            raise row.error(f"bad pattern: {exc}") from exc
        for target in _rule_targets(surface, entries):
            before, after = collected.setdefault(target, ([], []))
            (before if side == "before" else after).append(compiled)
    return {s: ContextRules(tuple(b), tuple(a)) for s, (b, a) in collected.items()}


def builtin_macros() -> dict[str, str]:
    """Macros every context rule may use, built from the rule files that define the words:
    ``%TITLE%`` is any title or honorific written before a name, without its period
    (the titles of ``abbreviations.tsv`` and the honorifics of ``honorifics.tsv``)."""
    titles = {abbreviation[:-1] for abbreviation in title_abbreviations()}
    titles |= {honorific.capitalize() for honorific in honorific_genders()}
    return {"%TITLE%": "(?:" + "|".join(re.escape(t) for t in sorted(titles, key=lambda t: (-len(t), t))) + ")"}


def _expand_macros(pattern: str, macros: dict[str, str], row: RuleRow) -> str:
    def replace(match: re.Match) -> str:
        if match.group() not in macros:
            raise row.error(f"undefined macro {match.group()}")
        return macros[match.group()]

    return _MACRO.sub(replace, pattern)


def _rule_targets(surface: str, entries: dict[str, Entry]) -> list[str]:
    """The gazetteer surfaces a rule applies to; none when a custom gazetteer lacks it."""
    if surface.startswith("kind="):
        kind = surface[len("kind=") :]
        return [s for s, e in entries.items() if e.kind == kind]
    return [surface] if surface in entries else []


class CountryMatcher:
    """Finds country mentions with one compiled regex pass per scanned region.

    Build it with :meth:`load` (or use :func:`default_matcher`); it is immutable after
    construction, so one instance can serve every article in a process.
    """

    def __init__(self, entries: dict[str, Entry], rules: dict[str, ContextRules] | None = None):
        self._entries = dict(entries)
        self._rules = dict(rules or {})
        # The pattern starts with the trie's first characters, not with a lookbehind: the
        # regex engine then skips ahead with a fast first-character scan. The left word
        # boundary is checked in Python (rarely, since few positions start a match).
        self._pattern = re.compile(trie_regex(self._entries))

    @classmethod
    def load(cls, path: PathLike | None = None, context_rules: PathLike | None = CONTEXT_RULES) -> CountryMatcher:
        """A matcher for the gazetteer at ``path`` (default: the packaged countries.tsv).

        ``context_rules`` is a rules file (default: the packaged country_context.tsv);
        None disables context rules. Rules about surfaces that the gazetteer lacks are
        ignored, so the packaged rules work with a custom gazetteer.
        """
        entries = parse_gazetteer(gazetteer_rows(GAZETTEER if path is None else path))
        rules = {}
        if context_rules is not None:
            rules = parse_context_rules(read_table(context_rules, CONTEXT_COLUMNS, optional=("note",)), entries)
        return cls(entries, rules)

    def __len__(self) -> int:
        return len(self._entries)

    def lookup(self, surface: str) -> Entry | None:
        """The entry for an exact surface form, or None."""
        return self._entries.get(surface)

    def find(self, text: str, spans: list[tuple[int, int]] | None = None) -> list[CountryMention]:
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
        return not (end < len(text) and _WORD_CHAR.match(text, end - 1) and _WORD_CHAR.match(text, end))

    def _excluded_by_context(self, text: str, start: int, end: int, surface: str) -> bool:
        rules = self._rules.get(surface)
        if rules is None:
            return False
        window_start = max(0, start - CONTEXT_WINDOW)
        if any(p.search(text, window_start, start) for p in rules.before):
            return True
        window_end = min(len(text), end + CONTEXT_WINDOW)
        return any(p.match(text, end, window_end) for p in rules.after)


@functools.lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    """alpha-3 -> the country's common name: the first ``name`` row of the gazetteer."""
    names: dict[str, str] = {}
    for row in gazetteer_rows():
        if row["kind"] == "name" and row["country"] and row["country"] not in names:
            names[row["country"]] = row["surface"]
    return names


def country_label(code) -> str:
    """ "Russia (RUS)" for charts and tables people read; the code alone if unknown."""
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
    return CountryMatcher.load(SPEAKER_CUES, context_rules=None)


@functools.lru_cache(maxsize=1)
def former_capitals() -> dict[str, tuple[str, int]]:
    """Upper-case capital or seat of government -> (former state, last year), from
    ``former_capitals.tsv``: "MOSCOW" and "KREMLIN" were the Soviet Union's until 1991."""
    rows = read_table("former_capitals.tsv", ("capital", "country", "until"))
    return {row["capital"].upper(): (row["country"], int(row["until"])) for row in rows}


def former_state(place: str, year: int | None) -> str | None:
    """The former state whose capital or seat ``place`` was in ``year`` ("Moscow", 1987:
    SUN), else None (no year, another place, or a later year)."""
    former = former_capitals().get(place.upper().removeprefix("THE "))
    return former[0] if former and year is not None and year <= former[1] else None


def in_its_time(mention: CountryMention, year: int | None) -> CountryMention:
    """A capital or seat of government read for the year of its story: "Moscow" in a 1987
    article is the Soviet Union (SUN), in 2004 Russia. The gazetteer keeps one row per
    capital; the mention as found when no year is known or the city names no former state."""
    if mention.kind not in ("capital", "institution"):
        return mention
    former = former_state(mention.surface, year)
    return mention if former is None else dataclasses.replace(mention, country=former)
