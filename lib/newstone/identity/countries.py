"""A speaker's country, weighed over every article that gives evidence of it.

Each quote carries the country its article gave the speaker and the kind of evidence
(``country_evidence``, set by :mod:`newstone.nlp.speakers.facts`): the user's roster
outweighs everything; an office or title tied to the person ("British foreign secretary",
"White House spokesman") and an institution come next; then a party or parliament label
("Tory", "MP", "Republican senator"); then an organisation's owner ("Biden's
administration"); the speaker's own name only for a country or organisation speaking
("Moscow said"). A country that merely appears near the speaker is never evidence, so it
never reaches this pass.

Per article the strongest evidence for each country counts once, so a speaker quoted ten
times in one article does not outweigh ten articles; across articles the weights add up.

An official with no evidence of their own ("Former minister Clare Short", "Ed Balls of the
Treasury") takes the country the corpus ties to their office or organisation: the one that
at least :data:`LEARN_PEOPLE` other officials holding it have, when they are at least
:data:`LEARN_SHARE` of those with a country. A British paper's unqualified "minister" or
"Treasury" is Britain's; in a world news wire no country dominates, and none is given.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from functools import cache

from newstone.identity.names import fold
from newstone.nlp.speakers.facts import office_holders

WEIGHTS = {"roster": 100, "title": 4, "office_holder": 4, "org": 3, "party": 3, "owner": 3, "peerage": 3, "name": 2}
DEFAULT_WEIGHT = 1
#: officials with a country an office or organisation needs, and the share that must agree
LEARN_PEOPLE = 3
LEARN_SHARE = 0.75
# A person styled as a peer ("Lord Falconer", "Baroness Kennedy") sits in the House of Lords.
PEERAGE_COUNTRY = "GBR"
_PEER = re.compile(r"\b(?:Lord|Baroness|Lady|Baron)\s+[A-Z][\w'-]+$")  # "Lord Goldsmith", "March Lord Goldsmith"


def _plain(name: str) -> str:
    return fold(name).replace(".", "").replace("  ", " ")


@cache
def _holders() -> dict[str, str]:
    return {_plain(name): country for name, country in office_holders().items()}


def name_evidence(names: Iterable[str]) -> list[tuple[str, str, str]]:
    """Evidence a person's own names give: a head of state or government of
    ``office_holders.tsv`` ("Tony Blair"), or a peer's style. As (pseudo-article, country,
    kind) triples, each counting as one article of that kind."""
    evidence = []
    for name in names:
        if country := _holders().get(_plain(name)):
            evidence.append(("<office holders>", country, "office_holder"))
        if _PEER.search(name):
            evidence.append(("<peerage>", PEERAGE_COUNTRY, "peerage"))
    return evidence


def decide_country(evidence: Iterable[tuple[str, str | None, str | None]]) -> tuple[str | None, int]:
    """(country, number of articles supporting it) from (article id, country, evidence
    kind) triples; (None, 0) without evidence. Ties go to more articles, then the code."""
    best_per_article: dict[tuple[str, str], int] = {}
    for article, country, kind in evidence:
        if not country:
            continue
        weight = WEIGHTS.get(kind or "", DEFAULT_WEIGHT)
        key = (article, country)
        best_per_article[key] = max(best_per_article.get(key, 0), weight)
    totals: dict[str, int] = defaultdict(int)
    articles: dict[str, int] = defaultdict(int)
    for (_, country), weight in best_per_article.items():
        totals[country] += weight
        articles[country] += 1
    if not totals:
        return None, 0
    country = min(totals, key=lambda code: (-totals[code], -articles[code], code))
    return country, articles[country]


def institution_countries(keys_by_official: dict[int, set], country_of: dict[int, str | None]) -> dict:
    """Office or organisation key -> the country the corpus's officials holding it share
    (see the module docstring); ``keys_by_official``: official -> their keys."""
    per_key: dict = defaultdict(Counter)
    for official, keys in keys_by_official.items():
        if country := country_of.get(official):
            for key in keys:
                per_key[key][country] += 1
    learned = {}
    for key, counts in per_key.items():
        country, n = min(counts.items(), key=lambda item: (-item[1], item[0]))
        if n >= LEARN_PEOPLE and n >= LEARN_SHARE * sum(counts.values()):
            learned[key] = country
    return learned


def country_from_institutions(keys: Iterable, learned: dict) -> str | None:
    """The one country the corpus ties to any of ``keys``, or None (none, or several)."""
    found = {learned[key] for key in keys if key in learned}
    return found.pop() if len(found) == 1 else None
