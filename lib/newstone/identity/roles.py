"""What a speaker's titles and organisations say: the role, and the office an unnamed
mention ("the prime minister", "the Tory leader") refers to.

:func:`role_evidence` reads a title, an organisation or a group noun against
``data/speaker_roles.tsv`` and returns weighted votes (official, business, expert, sport,
culture, media); the corpus pass adds up the votes of every quote of a speaker.
:func:`office_key` turns a title into the office it names, the same for every way the news
writes it: "Tory leader", "the Conservative leader" and "Conservative party leader" are one
office; a nationality or country in the title ("German Chancellor", "UK chancellor") is
kept apart as the office's country, so "the chancellor" of a British paper and Germany's
chancellor are two offices.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache, lru_cache

from newstone.nlp.countries import default_matcher
from newstone.rules import read_table, word_set

ROLES = ("official", "business", "expert", "sport", "culture", "media")
OTHER = "other"
WEIGHTS = {
    ("title", "strong"): 3,
    ("title", "weak"): 1,
    ("org", "strong"): 2,
    ("org", "weak"): 1,
    ("group", "strong"): 3,
    ("group", "weak"): 1,
}

# Words of a title that are not part of the office it names.
_DROPPED = frozenset("the a an his her their its our new newly current incoming then acting".split())
# Party names written several ways: one spelling per party in an office key.
PARTY_SPELLINGS = {
    "tory": "conservative",
    "tories": "conservative",
    "conservatives": "conservative",
    "lib dem": "liberal democrat",
    "lib dems": "liberal democrat",
    "libdem": "liberal democrat",
    "liberal democrats": "liberal democrat",
    "labour's": "labour",
    "democrats": "democratic",
    "democrat": "democratic",
    "republicans": "republican",
    "gop": "republican",
}
# The same office under its long and short names.
OFFICE_SPELLINGS = {
    "chancellor of exchequer": "chancellor",  # "the" is dropped before these are read
    "exchequer chancellor": "chancellor",
    "premier": "prime minister",
    "pm": "prime minister",
    "party leader": "leader",
    "party chairman": "chairman",
    "presidential nominee": "nominee",  # "the Republican presidential nominee" = "the GOP nominee"
    "presidential candidate": "candidate",
}
# A title holding these is a clause a span swept in ("who is visiting China"), no office.
_CLAUSE_WORDS = frozenset(
    """who whom whose which that is was are were has have had be been said says
told according after before when while with by from as if because but not into over""".split()
)
_WORD = re.compile(r"[\w'\u2019.&-]+")


@cache
def role_lexicon(source: str = "speaker_roles.tsv") -> dict[str, dict[str, tuple[str, int]]]:
    """where -> phrase -> (role, weight), from ``data/speaker_roles.tsv``."""
    table: dict[str, dict[str, tuple[str, int]]] = {"title": {}, "org": {}, "group": {}}
    for row in read_table(source, ("phrase", "role", "strength", "where")):
        if row["role"] not in ROLES:
            raise row.error(f"role {row['role']!r} is not one of {', '.join(ROLES)}")
        if (row["where"], row["strength"]) not in WEIGHTS:
            raise row.error("strength must be strong or weak, where title, org or group")
        if row["phrase"].lower() in table[row["where"]]:
            raise row.error(f"{row['phrase']!r} ({row['where']}) is listed twice")
        table[row["where"]][row["phrase"].lower()] = (row["role"], WEIGHTS[row["where"], row["strength"]])
    return table


def words_of(text: str | None) -> list[str]:
    """Lower-case words, a possessive "'s" dropped ("Labour's" -> "labour")."""
    if not text:
        return []
    words = [w.lower().replace("\u2019", "'") for w in _WORD.findall(text)]
    return [w[:-2] if w.endswith("'s") else w for w in words]


def _phrases(words: list[str], lexicon: dict[str, tuple[str, int]], longest: int = 4) -> Iterable[tuple[str, int]]:
    """Lexicon phrases in ``words``, longest match first, not overlapping."""
    k = 0
    while k < len(words):
        for size in range(min(longest, len(words) - k), 0, -1):
            found = lexicon.get(" ".join(words[k : k + size]))
            if found:
                yield found
                k += size
                break
        else:
            k += 1


@lru_cache(maxsize=65536)
def is_clause(title: str | None) -> bool:
    """Whether a "title" is a clause or fragment a source span swept in, not a title."""
    return any(w in _CLAUSE_WORDS for w in words_of(title)) or any(ch.isdigit() for ch in title or "")


@lru_cache(maxsize=65536)
def role_evidence(
    title: str | None, org: str | None, speaker_type: str, name: str | None
) -> tuple[tuple[str, int], ...]:
    """Weighted role votes of one quote's speaker facts.

    A person's title and organisation vote; an organisation's own name votes as an
    organisation; a group's noun ("analysts", "MPs") votes as a group.
    """
    lexicon = role_lexicon()
    votes: list[tuple[str, int]] = []
    if title and not is_clause(title):
        votes += _phrases(words_of(title), lexicon["title"])
        votes += _phrases(words_of(title), lexicon["org"])
    org_votes = list(_phrases(words_of(org), lexicon["org"])) if org and not is_clause(org) else []
    votes += org_votes
    if ("expert", WEIGHTS["title", "strong"]) in votes:
        # "Peters and Co Ltd analyst", "chief economist at Morgan Stanley": the firm says where
        # an analyst works, not what they speak as (and it is named in the title and the org)
        votes = [vote for vote in votes if vote[0] != "business"]
    if votes and all(vote == ("official", 1) for vote in votes) and org and not org_votes and not is_clause(org):
        # "Ask Jeeves senior vice president": a spokesman's or a president's organisation
        # that is no public body, party or country is a firm; a portfolio ("Secretary of
        # the Interior", "of Transportation") is no firm
        if not any(m.country for m in default_matcher().find(org)) and not _portfolio(org):
            votes.append(("business", 2))
    if speaker_type == "organization" and name:
        votes += _phrases(words_of(name), lexicon["org"])
    if speaker_type == "group" and name:
        votes += _phrases(words_of(name), lexicon["group"])  # "MPs", "Lib Dems"
    return tuple(votes)


def _portfolio(org: str) -> bool:
    """Whether an "organisation" is only a ministry's portfolio: "Interior", "Transportation"."""
    words = [w for w in words_of(org) if w != "the"]
    portfolios = word_set("office_words.txt") | word_set("portfolio_words.txt")
    return bool(words) and all(w in portfolios for w in words)


# On a tie the role a title shares with firms wins over public office ("executive
# chairman", "general manager"): calling someone an official needs evidence that outweighs.
TIE_ORDER = ("business", "expert", "sport", "culture", "media", "official")


def decide_role(votes: Iterable[tuple[str, int]]) -> str:
    """The role with the most weight (ties: the order of ``TIE_ORDER``); "other" without votes."""
    totals: dict[str, int] = {}
    for role, weight in votes:
        totals[role] = totals.get(role, 0) + weight
    if not totals:
        return OTHER
    return max(TIE_ORDER, key=lambda role: (totals.get(role, 0), -TIE_ORDER.index(role)))


@lru_cache(maxsize=65536)
def office_key(title: str | None, org: str | None = None) -> tuple[str, str | None] | None:
    """(office, country) named by a title: ("prime minister", None) for "the prime
    minister", ("conservative leader", None) for "Tory leader", ("chancellor", "DEU") for
    "German Chancellor". None for a fragment that is no title."""
    if not title or is_clause(title):
        return None
    text = title if not org or org.lower() in title.lower() else f"{org} {title}"
    country = None
    for mention in default_matcher().find(text):
        if mention.country and mention.kind in ("demonym", "name", "abbreviation"):
            country = country or mention.country
            text = text[: mention.start] + " " * (mention.end - mention.start) + text[mention.end :]
    words = [w for w in words_of(text) if w not in _DROPPED]
    key = " ".join(words)
    for pattern, canonical in _spellings():
        key = pattern.sub(canonical, key)
    key = re.sub(r"\bparty\b ", "", key).strip()
    if not key or not _phrases_any(key.split()):
        return None
    return key, country


@cache
def _spellings() -> tuple[tuple[re.Pattern, str], ...]:
    return tuple(
        (re.compile(rf"(?<![\w-]){re.escape(spelling)}(?![\w-])"), canonical)  # "vice-presidential" is a word
        for spelling, canonical in (*PARTY_SPELLINGS.items(), *OFFICE_SPELLINGS.items())
    )


def _phrases_any(words: list[str]) -> bool:
    """Whether the words hold a title word of the role lexicon (an office is a title)."""
    return any(True for _ in _phrases(words, role_lexicon()["title"]))
