"""Person names as the corpus pass compares them: given names, surname, style, gender.

A resolved speaker name comes from one article and may carry what the article wrote around
it: an honorific ("Mr Howard"), a style ("Sir Alex Ferguson", "Lord Falconer"), or words a
source span swept in ("Harrogate Mr Kennedy", "Straw Jack Straw", "Defiant Matt Williams").
:func:`parse_name` keeps name tokens only; words before an honorific or style, a repeated
surname and leading words the corpus also writes in lower case are dropped.

Two full names are one person's when they share the surname and their given names agree:
equal, one a variant of the other (``data/given_name_variants.tsv``: Vince and Vincent), an
initial of the other, or one adds a middle name ("George W Bush", "George Bush").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

from newstone.nlp.countries import default_matcher
from newstone.nlp.speakers.evidence import first_names
from newstone.nlp.speakers.names import surname_first
from newstone.nlp.words import honorific_genders
from newstone.rules import read_table, word_set

# Styles that stay part of how a person is named: "Sir Alex Ferguson", "Lord Falconer".
# Sir and Dame precede a given name; the peerage styles a surname or a place.
GIVEN_NAME_STYLES = frozenset({"sir", "dame"})
PEERAGE_STYLES = {"lord": "m", "lady": "f", "baroness": "f", "baron": "m", "viscount": "m", "earl": "m"}
# Lower-case words inside a name: "Dominique de Villepin", "Ursula von der Leyen".
NAME_PARTICLES = word_set("name_particles.txt")
_NAME_TOKEN = re.compile(r"^(?:[A-Z\u00c0-\u00de][\w'\u2019.\-]*|[A-Z]\.?)$")
_INITIAL = re.compile(r"^[A-Z]\.?$")


@dataclass(frozen=True)
class PersonName:
    """A person's name, parsed: ``given`` holds given and middle names as written
    ("George", "W"), ``surname`` the last name ("Kilroy-Silk", "de Villepin"), ``style`` a
    style kept with the name ("Sir", "Lord"), ``gender`` what an honorific, style or given
    name says ("m" / "f" / None)."""

    given: tuple[str, ...]
    surname: str
    style: str | None = None
    gender: str | None = None
    family_first: bool = False  # "Xi Jinping", "Ban Ki-moon": the surname is written first

    @property
    def is_full(self) -> bool:
        """A given name and a surname (or a peer's style and name: "Lord Falconer")."""
        return bool(self.given) or self.is_peerage

    @property
    def is_peerage(self) -> bool:
        return self.style is not None and self.style.lower() in PEERAGE_STYLES

    @property
    def surname_key(self) -> str:
        return fold(self.surname)

    @property
    def text(self) -> str:
        """The clean name: given names and surname; a peer keeps the style ("Lord Woolf")."""
        if self.is_peerage and not self.given:
            return f"{self.style} {self.surname}"
        if self.family_first:
            return " ".join([self.surname, *self.given])
        return " ".join([*self.given, self.surname])


@lru_cache(maxsize=262144)
def fold(text: str) -> str:
    """Lower case without accents: "Schröder" and "Schroder" compare equal."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).replace("\u2019", "'")


@cache
def given_name_variants() -> dict[str, frozenset[str]]:
    """Given name (folded) -> every name it may stand for, itself included."""
    groups: dict[str, set[str]] = {}
    for row in read_table("given_name_variants.tsv", ("name", "variant")):
        name, variant = row["name"].lower(), row["variant"].lower()
        groups.setdefault(name, {name}).add(variant)
        groups.setdefault(variant, {variant}).add(name)
    return {name: frozenset(forms) for name, forms in groups.items()}


def same_given_name(first: str, second: str) -> bool:
    """Whether two given names may be one person's: equal, variants, or an initial."""
    a, b = fold(first).rstrip("."), fold(second).rstrip(".")
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    return b in given_name_variants().get(a, ()) or a in given_name_variants().get(b, ())


def compatible(a: PersonName, b: PersonName) -> bool:
    """Whether two full names may name one person: same surname, compatible styles and
    genders, and given names that agree (the first given names match; a middle name or
    initial only one of them writes is allowed: "George W Bush" and "George Bush")."""
    if a.surname_key != b.surname_key:
        return False
    if a.gender and b.gender and a.gender != b.gender:
        return False
    if a.is_peerage != b.is_peerage and not (a.given and b.given):
        return False  # "Lord Falconer" and "Charles Falconer": not without an article saying so
    if not a.given or not b.given:
        return a.is_peerage and b.is_peerage
    if not same_given_name(a.given[0], b.given[0]):
        return False
    middle_a, middle_b = a.given[1:], b.given[1:]
    return not middle_a or not middle_b or all(same_given_name(x, y) for x, y in zip(middle_a, middle_b))


#: the last word of a firm's name ("Ltd", "Inc", "Plc"): never a person's surname
LEGAL_SUFFIXES = frozenset("ltd inc corp corporation co plc llc ag sa nv gmbh bhd pty".split())


@dataclass(frozen=True)
class NameContext:
    """What the corpus tells about name words (:mod:`~newstone.identity.corpus_words`):
    ``common_words`` it writes in lower case, ``given_names`` that open several names.
    Both lower case."""

    common_words: frozenset[str] = frozenset()
    given_names: frozenset[str] = frozenset()
    two_word_names: frozenset[str] = frozenset()  # folded: "arsene wenger"


@cache
def title_words() -> frozenset[str]:
    """Words of titles and offices that never start a person's name ("Minister",
    "Undersecretary", "Exchequer", "governor"): titles.txt, office and portfolio words and
    the single-word titles of the role table."""
    from newstone.identity.roles import role_lexicon

    words = word_set("titles.txt") | word_set("office_words.txt") | word_set("portfolio_words.txt")
    words |= {phrase for phrase in role_lexicon()["title"] if " " not in phrase}
    return frozenset(w.rstrip(".") for w in words) | {"exchequer"}


@cache
def listed_given_names() -> frozenset[str]:
    """Given names the rule files know (first_names.tsv, given_name_variants.tsv)."""
    return frozenset(first_names()) | frozenset(given_name_variants())


def _is_marker(token: str) -> bool:
    word = token.lower().rstrip(".")
    return word in honorific_genders() or word in PEERAGE_STYLES


def _family_first(tokens: list[str]) -> bool:
    """Whether a name is written surname first ("Ban Ki-moon", "Xi Jinping"; not "Li
    Anne"): :func:`~newstone.nlp.speakers.names.surname_first` with the given names the
    rule files know, accents folded."""
    return surname_first(tokens, lambda token: fold(token) in listed_given_names(), fold)


def _is_office(tokens: list[str]) -> bool:
    """Whether name tokens are a title alone, or after a peer's style, a portfolio or a
    demonym: an office written with capitals ("Lord Chancellor", "Indonesian Economics
    Minister"), not a person's name. (A lone "King" may be the surname an article resolved, so
    the caller asks only of longer texts.)"""
    *before, last = [fold(t).rstrip(".") for t in tokens]
    if last not in title_words():
        return False
    if any(word in honorific_genders() and word not in PEERAGE_STYLES for word in before):
        return False  # "Mr King"
    if before and _is_demonym(tokens[0]):
        before = before[1:]  # "Indonesian Economics Minister" (not "Jordan King")
    return all(word in PEERAGE_STYLES or word == "the" or word in title_words() for word in before)


def _is_demonym(token: str) -> bool:
    """Whether a word names a country's people or abbreviates it ("Indonesian", "U.S."),
    as a country's office is written ("U.S. Judge"), unlike a given name ("Jordan")."""
    return any(
        m.kind in ("demonym", "abbreviation") and m.start == 0 and m.end == len(token)
        for m in default_matcher().find(token)
    )


class NameReader:
    """:func:`parse_name` with one corpus's context, remembering each text it read (names
    repeat: a corpus has far fewer distinct speaker names than quotes)."""

    def __init__(self, context: NameContext = NameContext()):
        self.context = context
        self._seen: dict[str | None, PersonName | None] = {}

    def __call__(self, text: str | None) -> PersonName | None:
        if text not in self._seen:
            self._seen[text] = parse_name(text, self.context)
        return self._seen[text]


def _capital_particle(token: str) -> bool:
    """ "Di" of "Paolo Di Canio", "Du" of "Du Plessis": a particle written with a capital,
    part of the surname; not one that is also a given name ("Al Gore", "Della Reese")."""
    return token.lower() in NAME_PARTICLES and fold(token) not in first_names() and token != "Al"


def parse_name(text: str | None, context: NameContext = NameContext()) -> PersonName | None:
    """The person name in ``text``, or None when no clean name is left.

    Only name tokens are kept: lower-case words at the end ("Thatcher late") and before
    the last run of capitalised words ("Campaign coordinator Alan Milburn") go, and so do
    words before an honorific or style ("Harrogate Mr Kennedy"), titles before the name
    ("Prime Minister Margaret Thatcher", "Agriculture Undersecretary Daniel Amstutz"), an
    organisation or place before a given name ("Manchester United Alex Ferguson"), a
    repeated surname ("Straw Jack Straw") and leading words the corpus writes in lower case
    ("Defiant Matt Williams").
    """
    if not text:
        return None
    tokens = [t.strip(",;:()") for t in text.replace("\u2019", "'").split()]
    tokens = [t[:-2] if t.endswith("'s") else t for t in tokens if t]
    while tokens and tokens[-1][:1].islower() and tokens[-1] not in NAME_PARTICLES:
        if fold(tokens[-1]).rstrip(".") in title_words():
            return None  # "Tory leader", "Scottish Conservative leader": an office, not a name
        tokens.pop()
    for k in range(len(tokens) - 1, 0, -1):
        if _is_marker(tokens[k]):
            tokens = tokens[k:]
            break
    start = len(tokens)
    while start > 0 and (_NAME_TOKEN.match(tokens[start - 1]) or tokens[start - 1] in NAME_PARTICLES):
        start -= 1
    if start >= 2 and [t.lower() for t in tokens[start - 2 : start]] == ["of", "the"]:
        if fold(tokens[-1]) in word_set("org_words.txt"):
            return None  # "newest member of the Federal Reserve Board": the body, no name
    tokens = tokens[start:]
    titles = title_words()
    for k in range(len(tokens) - 2, -1, -1):
        if fold(tokens[k]).rstrip(".") in titles and not _is_marker(tokens[k]):
            tokens = tokens[k + 1 :]
            break
    given = context.given_names | listed_given_names()
    if (
        len(tokens) == 3
        and fold(f"{tokens[1]} {tokens[2]}") in context.two_word_names
        and fold(tokens[0]) not in given
        and fold(tokens[1]) not in NAME_PARTICLES  # "Barend du Plessis" where the corpus names "Du Plessis"
    ):
        tokens = tokens[1:]  # "Almunia Arsene Wenger" where the corpus names "Arsene Wenger"
    if len(tokens) >= 3 and fold(tokens[0]) not in given and not _is_marker(tokens[0]):
        at = next(
            (
                k
                for k in range(1, len(tokens) - 1)
                if fold(tokens[k]) in given and fold(tokens[k]) not in NAME_PARTICLES
            ),
            None,
        )
        if at is not None:
            tokens = tokens[at:]
    while (
        len(tokens) >= 2
        and not _is_marker(tokens[0])
        and (
            (len(tokens) >= 3 and fold(tokens[0]) == fold(tokens[-1]))
            or (
                fold(tokens[0]) in context.common_words
                and fold(tokens[0]) not in given
                and not _capital_particle(tokens[0])
            )
        )
    ):
        tokens = tokens[1:]
    if len(tokens) > 1 and tokens[0].lower() in ("the", "a", "an"):
        tokens = tokens[1:]  # "The Reagan": an article is no given name
    if len(tokens) > 2 and _is_demonym(tokens[0]) and not _is_office(tokens):
        tokens = tokens[1:]  # "Iraqi Tariq Aziz": a nationality is no given name ("U.S. Embassy" stays)
    if tokens and fold(tokens[-1]).rstrip(".") in LEGAL_SUFFIXES:
        return None  # "Nomura International Ltd", "Ltd": a firm
    gender = None
    style = None
    first = tokens[0].lower().rstrip(".") if tokens else ""
    if tokens and len(text.split()) > 1 and _is_office(tokens):
        return None  # "Lord Chancellor", "Culture Secretary": an office ("Mr King", "Mervyn King": names)
    if len(tokens) > 1 and first in PEERAGE_STYLES:
        style, gender, tokens = tokens[0].rstrip("."), PEERAGE_STYLES[first], tokens[1:]
    elif len(tokens) > 1 and first in honorific_genders():
        gender = honorific_genders()[first] if honorific_genders()[first] in ("m", "f") else None
        if first in GIVEN_NAME_STYLES:
            style = tokens[0]
        tokens = tokens[1:]
    if not tokens or not all(_NAME_TOKEN.match(t) or t in NAME_PARTICLES for t in tokens):
        return None
    if tokens[0] in NAME_PARTICLES or tokens[-1] in NAME_PARTICLES:
        return None
    if style is None and _family_first(tokens):
        return PersonName(tuple(tokens[1:]), tokens[0], None, gender, family_first=True)
    cut = len(tokens) - 1
    while cut > 0 and (tokens[cut - 1] in NAME_PARTICLES or _capital_particle(tokens[cut - 1])):
        cut -= 1  # "de Villepin", "van der Sar", "Paolo Di Canio", "Du Plessis"
    given_names, surname = tuple(tokens[:cut]), " ".join(tokens[cut:])
    if style and style.lower() in GIVEN_NAME_STYLES and not given_names:
        return None  # "Sir John" alone: a given name, resolved in its article or not at all
    if len(surname) < 2 or _INITIAL.match(surname):
        return None
    if gender is None and given_names:
        listed = first_names().get(fold(given_names[0]))
        gender = listed if listed in ("m", "f") else None
    return PersonName(given_names, surname, style, gender)
