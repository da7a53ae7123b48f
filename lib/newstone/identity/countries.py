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
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from functools import cache

from newstone.identity.names import fold
from newstone.nlp.speakers.facts import office_holders

WEIGHTS = {"roster": 100, "title": 4, "office_holder": 4, "org": 3, "party": 3, "owner": 3, "peerage": 3, "name": 2}
DEFAULT_WEIGHT = 1
# A person styled as a peer ("Lord Falconer", "Baroness Kennedy") sits in the House of Lords.
PEERAGE_COUNTRY = "GBR"


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
        if name.split()[0].lower() in ("lord", "baroness", "lady", "baron"):
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
