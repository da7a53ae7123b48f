"""A speaker's country, weighed over every article that gives evidence of it.

Each quote carries the country its article gave the speaker and the kind of evidence
(``country_evidence``, set by :mod:`newstone.nlp.speakers.facts`): the user's roster
outweighs everything; an office or title tied to the person ("British foreign secretary",
"White House spokesman") and an institution come next; then a party or parliament label
("Tory", "MP", "Republican senator"); then an organisation's owner ("Biden's
administration"); the speaker's own name only for a country or organisation speaking
("Moscow said"); least, an office that only defaults to a country ("Trade and Industry
Secretary": Britain's in BBC News, the Philippines' in a wire story from Manila). A
country that merely appears near the speaker is never evidence, so it never reaches this
pass.

Per article the strongest evidence for each country counts once, so a speaker quoted ten
times in one article does not outweigh ten articles; across articles the weights add up.

An official with no evidence of their own ("Former minister Clare Short", "Ed Balls of the
Treasury") takes the country the corpus ties to their office or organisation: the one that
at least :data:`LEARN_PEOPLE` other officials holding it have, when they are at least
:data:`LEARN_SHARE` of those with a country. A British paper's unqualified "minister" or
"Treasury" is Britain's; in a world news wire no country dominates, and none is given.

Still without one, a national officeholder (``national_offices.txt``: "Finance Minister
Roger Douglas", "Central bank governor Chang Chi-cheng") takes the country of the capital
their stories are filed from, when at least :data:`DATELINE_SHARE` of the datelines of the
articles quoting them that name a capital name the same one ("WELLINGTON, March 3"). A wire
files a minister's words from the minister's capital far more often than from abroad, and
the datelines say so more surely than the countries the quote talks about (a Taiwanese
governor discusses the dollar). Titles naming an international body ("World Bank
President", "OPEC Secretary General") are left alone.

Last, such an officeholder takes the country the other officials quoted in their articles
share, read the same way as datelines (an article counts when its officials with a country
all have one, two thirds of those articles must agree) over at least
:data:`COLLEAGUE_ARTICLES` articles: BBC News never writes "British" before "Deputy Prime
Minister John Prescott", but the stories quoting him quote Tony Blair and Gordon Brown.
A foreign minister quoted once, in a story about Britain, gets nothing.

Then, for a paper without datelines, such an officeholder takes the country their stories
are about: an article's main country is the one that at least :data:`MAIN_COUNTRY_MENTIONS`
of its country mentions and :data:`MAIN_COUNTRY_SHARE` of them name, and two thirds of the
officeholder's articles that have one must agree ("Justice Minister Cathy Jamieson" in a
story about Scotland; "economy minister Heizo Takenaka" in three about Japan's economy).
It comes last because a story about a visit mentions the host's country too.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from functools import cache

from newstone.identity.names import fold
from newstone.identity.roles import words_of
from newstone.nlp.countries import default_matcher, former_capitals, gazetteer_rows
from newstone.nlp.speakers.facts import office_holders
from newstone.rules import word_set

WEIGHTS = {
    "roster": 100,
    "title": 4,
    "office_holder": 4,
    "org": 3,
    "party": 3,
    "owner": 3,
    "peerage": 3,
    "name": 2,
    "office": 1,  # an office that only defaults to a country ("Trade and Industry Secretary": GBR)
}
DEFAULT_WEIGHT = 1
#: officials with a country an office or organisation needs, and the share that must agree
LEARN_PEOPLE = 3
LEARN_SHARE = 0.75
# A person styled as a peer ("Lord Falconer", "Baroness Kennedy") sits in the House of Lords.
PEERAGE_COUNTRY = "GBR"
#: the share of an official's capital datelines that must name one country
DATELINE_SHARE = 2 / 3
#: the articles whose quoted officials must agree for a colleague's country
COLLEAGUE_ARTICLES = 3
#: an article's main country: named by at least this many of its country mentions ...
MAIN_COUNTRY_MENTIONS = 2
#: ... and by this share of them
MAIN_COUNTRY_SHARE = 2 / 3
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
        if country := dominant(counts, LEARN_PEOPLE, LEARN_SHARE)[0]:
            learned[key] = country
    return learned


def dominant(counts: Counter, minimum: int, share: float) -> tuple[str | None, int]:
    """The most frequent value of ``counts`` (ties: the first in sorted order) and its
    count, when it counts at least ``minimum`` and ``share`` of all; else (None, 0)."""
    if not counts:
        return None, 0
    value, n = min(counts.items(), key=lambda item: (-item[1], item[0]))
    return (value, n) if n >= minimum and n >= share * sum(counts.values()) else (None, 0)


def country_from_institutions(keys: Iterable, learned: dict) -> str | None:
    """The one country the corpus ties to any of ``keys``, or None (none, or several)."""
    found = {learned[key] for key in keys if key in learned}
    return found.pop() if len(found) == 1 else None


@cache
def _capitals() -> dict[str, str]:
    """Upper-case capital (or seat of government) -> country, from the gazetteer."""
    capitals: dict[str, str] = {}
    for row in gazetteer_rows():
        if row["kind"] == "capital" and row["country"]:
            capitals.setdefault(row["surface"].upper(), row["country"])
    return capitals


def dateline_country(dateline: str | None, year: str | None = None) -> str | None:
    """The country whose capital a dateline names: "WELLINGTON, March 3" -> NZL; "MOSCOW"
    in 1987 (``year``) -> SUN, the Soviet Union; None for any other place ("NEW YORK, April
    7") or no dateline."""
    if not isinstance(dateline, str):
        return None
    city = dateline.split(",")[0].split("(")[0].strip().upper()
    former = former_capitals().get(city)
    if former and year and year.isdigit() and int(year) <= former[1]:
        return former[0]
    return _capitals().get(city)


def national_office(titles: Iterable[str]) -> bool:
    """Whether any of ``titles`` names a national government's office (and none an
    international body): see ``national_offices.txt``."""
    offices = word_set("national_offices.txt")
    found = False
    for title in titles:
        if any(match.kind == "organization" for match in default_matcher().find(title)):
            return False
        words = words_of(title)
        phrases = set(words) | {" ".join(pair) for pair in zip(words, words[1:])}
        found = found or bool(phrases & offices)
    return found


def country_from_datelines(articles: Iterable[str], places: dict[str, str | None]) -> tuple[str | None, int]:
    """(country, articles filed from its capital) when at least :data:`DATELINE_SHARE` of
    the ``articles`` filed from a capital agree; (None, 0) otherwise."""
    return dominant(Counter(country for article in articles if (country := places.get(article))), 1, DATELINE_SHARE)


# words after a body's name that make a group or an office of it ("Finance Ministry officials")
_BODY_PEOPLE = ("officials", "official", "sources", "spokesman")


def any_country_body(name: str | None) -> bool:
    """Whether ``name`` is a body every country has, written without its country ("the
    Finance Ministry", "Central Bank officials"; ``national_bodies.txt``), so that one
    name is many bodies across a world news wire."""
    words = words_of(name)
    if words[:1] == ["the"]:
        words = words[1:]
    if words[-1:] and words[-1] in _BODY_PEOPLE:
        words = words[:-1]
    return bool(words) and " ".join(words) in word_set("national_bodies.txt")


def colleague_countries(country_of: dict[int, str], articles_of: dict[int, Iterable[str]]) -> dict[str, str]:
    """Article -> the one country all its officials with a country have (``country_of``:
    official -> country; ``articles_of``: official -> their articles); articles whose
    officials disagree are left out."""
    per_article: dict[str, set] = defaultdict(set)
    for official, country in country_of.items():
        for article in articles_of.get(official, ()):
            per_article[article].add(country)
    return {article: next(iter(found)) for article, found in per_article.items() if len(found) == 1}


def main_countries(mentions: Iterable[tuple[str, str | None]]) -> dict[str, str]:
    """Article id -> the country the article is about, from its country mentions ((article
    id, country) pairs): the one at least :data:`MAIN_COUNTRY_MENTIONS` mentions and
    :data:`MAIN_COUNTRY_SHARE` of them name; articles without one are left out."""
    counts: dict[str, Counter] = defaultdict(Counter)
    for article, country in mentions:
        if country:
            counts[article][country] += 1
    out = {}
    for article, count in counts.items():
        if country := dominant(count, MAIN_COUNTRY_MENTIONS, MAIN_COUNTRY_SHARE)[0]:
            out[article] = country
    return out
