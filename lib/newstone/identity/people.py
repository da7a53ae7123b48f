"""People across a corpus: every way the corpus names one person joined under one name.

Three steps, each joining only what the corpus makes unambiguous (never a merge by guess):

1. **Full names** ("Vincent Cable", "Vince Cable", "Sir Alex Ferguson", "Alex Ferguson",
   "Lord Falconer") join the person of the first compatible name
   (:func:`~newstone.identity.names.compatible`).
2. **Surname forms** ("Howard", "Mr Howard") join the one person of that surname the same
   article names in full, else the one of that surname in the same period (the year, when
   articles are dated; the whole corpus when not), else the one whose office or
   organisation the quote shares ("Tory leader Mr Howard"), else the one whose words or
   offices the article uses and the others' not. Two candidates that nothing tells apart
   leave the form on its own.
3. **Unnamed offices** ("the Tory leader", "the prime minister", "the chancellor") join the
   person the same article names with that office, else the person its text names right
   after the office ("Republican presidential nominee Donald Trump"), else the one holder of
   the office whose surname the article writes, else the person the corpus names with it in
   the same period, when one person holds at least three quarters of those articles (and two
   of them). "Shadow", "former", "deputy" before an office make it another. An office with
   a country ("German Chancellor") never joins one without; in a dated article it may join
   the holder ``office_holders.tsv`` lists for that year.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from newstone.identity.names import PersonName, compatible, fold, parse_name, title_words
from newstone.nlp.speakers.facts import office_terms
from newstone.nlp.words import OFFICE_MODIFIERS
from newstone.rules import word_set

#: share of an office's articles one person must hold to be taken as its holder
HOLDER_SHARE = 0.75
Office = tuple[str, str | None]  # (office, country): ("prime minister", None), ("chancellor", "DEU")


@dataclass
class Observation:
    """One quote's person, as its article resolved it."""

    index: int
    article_id: str
    period: str | None
    name: PersonName | None  # None: an unnamed office ("the prime minister")
    office: Office | None  # from the quote's title
    org: str | None
    title: str | None = None


@dataclass
class Person:
    """A person of the corpus: the names that name them and the quotes they said."""

    names: list[PersonName] = field(default_factory=list)
    distinct: set[PersonName] = field(default_factory=set)
    members: list[int] = field(default_factory=list)  # observation indices
    periods: set[str] = field(default_factory=set)
    office_articles: dict[Office, set[str]] = field(default_factory=lambda: defaultdict(set))
    orgs: set[str] = field(default_factory=set)
    terms: set[str] = field(default_factory=set)  # capitalised words of their titles and organisations

    def add(self, observation: Observation) -> None:
        self.members.append(observation.index)
        if observation.name is not None:
            self.names.append(observation.name)
            self.distinct.add(observation.name)
        if observation.period:
            self.periods.add(observation.period)
        if observation.office and observation.name is not None:
            self.office_articles[observation.office].add(observation.article_id)
        if observation.org:
            self.orgs.add(observation.org.lower())
        if observation.name is not None:
            self.terms |= context_terms(observation.title, observation.org)

    def genders(self) -> set[str]:
        return {name.gender for name in self.names if name.gender}

    def canonical(self) -> str:
        """The fullest clean name: most given names, then the longest ("Vincent" over
        "Vince"), then the most used, then alphabetical; "Sir" and "Dame" are left out, a
        peer known only by style keeps it ("Lord Woolf")."""
        full = [name for name in self.names if name.is_full] or self.names
        counts = Counter(name.text for name in full)
        common = max(counts.values())
        given = {name.text: len(name.given) for name in full}
        # forms used at least a fifth as often as the most used one: a rare form is more
        # often one with a word left over ("Sydney Lleyton Hewitt") than the fullest name
        usable = [text for text, count in counts.items() if count * 5 >= common]
        return min(usable, key=lambda text: (-given[text], -len(text), -counts[text], text))


def context_terms(title: str | None, org: str | None) -> set[str]:
    """Capitalised words of a title and organisation that are no title words: "Tory" of
    "Tory leader", "Australian" of "Australian Prime Minister", "Liverpool" of "Liverpool
    manager". Their presence in an article tells namesakes apart."""
    words = set()
    for text in (title, org):
        for word in (text or "").replace("'s", " ").split():
            word = word.strip(",.;:()")
            if word[:1].isupper() and len(word) > 2 and fold(word) not in title_words() and fold(word) not in _COMMON:
                words.add(word)
    return words


_COMMON = frozenset("the former new acting deputy shadow chief senior".split())


def group_people(
    observations: list[Observation],
    article_texts: Callable[[set[str]], dict[str, str]] | None = None,
    read_name: Callable[[str], PersonName | None] | None = None,
) -> tuple[list[Person], dict[int, int]]:
    """The people of ``observations`` and, for each observation index, its person's number.

    Observations that join nobody (a surname form two people share, an office with no
    holder) are left out of the mapping. ``article_texts`` (article ids -> their texts)
    lets a surname form two people share join the one whose own words (party, club,
    country: :func:`context_terms`) its article uses and the other's it does not.
    """
    people: list[Person] = []
    of_observation: dict[int, int] = {}
    by_surname: dict[str, list[int]] = defaultdict(list)
    named_in_article: dict[tuple[str, str], set[int]] = defaultdict(set)

    def join(observation: Observation, number: int | None) -> None:
        if number is None:
            number = len(people)
            people.append(Person())
            by_surname[observation.name.surname_key].append(number)
        people[number].add(observation)
        of_observation[observation.index] = number
        if observation.name is not None and observation.name.is_full:
            named_in_article[observation.article_id, observation.name.surname_key].add(number)

    # Full names first; a peer ("Lord Falconer") then joins the one person of that surname
    # the corpus tells, as "Mr Falconer" would, else is a person of their own.
    person_of_name: dict[PersonName, int] = {}  # a name repeats: decide each distinct name once
    for observation in observations:
        if observation.name is not None and observation.name.given:
            number = person_of_name.get(observation.name)
            if number is None:
                number = _compatible_person(observation.name, people, by_surname)
            join(observation, number)
            person_of_name[observation.name] = of_observation[observation.index]
    for observation in observations:
        if observation.name is not None and not observation.name.given and observation.name.is_peerage:
            number = _surname_holder(observation, people, by_surname, named_in_article)
            if not isinstance(number, int):
                number = _compatible_person(observation.name, people, by_surname)
            join(observation, number)
    ambiguous: list[tuple[Observation, list[int]]] = []
    for observation in observations:
        if observation.name is not None and not observation.name.is_full:
            number = _surname_holder(observation, people, by_surname, named_in_article)
            if isinstance(number, list):
                ambiguous.append((observation, number))
            elif number is not None:
                join(observation, number)
    if article_texts is not None and ambiguous:
        texts = article_texts({observation.article_id for observation, _ in ambiguous})
        for observation, candidates in ambiguous:
            number = _by_context(texts.get(observation.article_id), [people[p] for p in candidates])
            if number is not None:
                join(observation, candidates[number])
    offices_in_article: dict[str, dict[Office, set[int]]] = defaultdict(lambda: defaultdict(set))
    for observation in observations:
        if observation.index in of_observation and observation.office:
            offices_in_article[observation.article_id][observation.office].add(of_observation[observation.index])
    holders = _office_holders(people)
    unnamed = [o for o in observations if o.name is None and o.office]
    searchable = {o.article_id for o in unnamed if o.title and len(offices_in_article[o.article_id][o.office]) != 1}
    texts = article_texts(searchable) if article_texts is not None and read_name is not None and searchable else {}
    for observation in unnamed:
        named_here = offices_in_article[observation.article_id][observation.office]
        if len(named_here) == 1:
            number = next(iter(named_here))
        else:
            number = None
            in_text = _named_after(texts.get(observation.article_id), observation.title, read_name)
            if in_text is not None:
                number = _compatible_person(in_text, people, by_surname)
                if number is None:
                    number = _new_person(in_text, people, by_surname)
            if number is None:
                number = _holder_named_in(texts.get(observation.article_id), observation, holders, people)
            if number is None:
                number = _office_holder(observation, holders)
            if number is None:
                number = _listed_holder(observation, people, by_surname)
        if number is not None:
            people[number].add(observation)
            of_observation[observation.index] = number
    return people, of_observation


def _named_after(text: str | None, office: str | None, read_name) -> PersonName | None:
    """The full name the article writes right after the office phrase ("Republican
    presidential nominee Donald Trump"), when the names it writes there all name one person."""
    if not text or not office:
        return None
    phrase = re.sub(r"^(?:the|a|an)\s+", "", office.strip(), flags=re.IGNORECASE)
    if len(phrase) < 3:
        return None
    pattern = _office_pattern(phrase)
    names = set()
    for match in pattern.finditer(text):
        name = read_name(match.group(1))
        if name is not None and name.is_full:
            names.add(name)
    if not names:
        return None
    first = min(names, key=lambda name: name.text)
    if all(compatible(first, name) for name in names):
        return first  # "Donald Trump" and "Donald J. Trump": one name
    return None


# Words before an office phrase that make it another office ("shadow home secretary"); one
# lookbehind each, as Python's lookbehinds are of fixed width.
_OTHER_OFFICE = "".join(rf"(?<!(?i:{word})[\s-])" for word in sorted(OFFICE_MODIFIERS))


@lru_cache(maxsize=4096)
def _office_pattern(phrase: str) -> re.Pattern:
    words = r"\s+".join(re.escape(word) for word in phrase.split())
    # not after a word that makes it another office: "shadow home secretary David Davis" is
    # no home secretary
    return re.compile(rf"{_OTHER_OFFICE}\b(?i:{words}),?[ \t]+((?:[A-Z][\w'.-]*[ \t]+){{1,3}}[A-Z][\w'-]+)\b")


def _new_person(name: PersonName, people: list[Person], by_surname) -> int:
    people.append(Person(names=[name], distinct={name}))
    by_surname[name.surname_key].append(len(people) - 1)
    return len(people) - 1


def _compatible_person(name: PersonName, people: list[Person], by_surname) -> int | None:
    """The first person of that surname whose names are compatible with ``name``."""
    return next(
        (p for p in by_surname.get(name.surname_key, ()) if any(compatible(name, n) for n in people[p].distinct)), None
    )


def _listed_holder(observation: Observation, people: list[Person], by_surname) -> int | None:
    """The head of state or government ``office_holders.tsv`` lists for an unnamed office
    with a country in a dated article ("the Japanese prime minister" in 1987), found among
    the corpus's people or added as one."""
    office, country = observation.office
    if country is None or observation.period is None:
        return None
    year = int(observation.period)
    for holder, holder_country, holder_office, first, last in office_terms():
        if holder_country == country and holder_office == office and first <= year <= (last or year):
            name = parse_name(holder)
            if name is None:
                return None
            for number in by_surname.get(name.surname_key, ()):
                if any(compatible(name, n) for n in people[number].distinct):
                    return number
            return _new_person(name, people, by_surname)
    return None


def _surname_holder(observation: Observation, people: list[Person], by_surname, named_in_article) -> int | list | None:
    """The person a surname form names; the candidates left when the corpus does not tell
    (several), or None (none)."""
    name = observation.name
    candidates = [p for p in by_surname.get(name.surname_key, ()) if _gender_ok(name, people[p])]
    here = [p for p in named_in_article.get((observation.article_id, name.surname_key), ()) if p in candidates]
    if len(here) == 1:
        return here[0]
    if here:
        candidates = here
    if observation.period is not None and any(people[p].periods for p in candidates):
        candidates = [p for p in candidates if observation.period in people[p].periods]
    if len(candidates) == 1:
        return candidates[0]
    if observation.office:
        sharing = [p for p in candidates if people[p].office_articles.get(observation.office)]
        if len(sharing) == 1:
            return sharing[0]
    if observation.org:
        sharing = [p for p in candidates if observation.org.lower() in people[p].orgs]
        if len(sharing) == 1:
            return sharing[0]
    return candidates or None


def _by_context(text: str | None, candidates: list[Person]) -> int | None:
    """The one candidate whose distinctive words (its terms and offices no other candidate
    has) the article uses while it uses none of the others', or None."""
    if not text:
        return None
    hits = []
    for k, person in enumerate(candidates):
        others = set().union(*(p.terms for j, p in enumerate(candidates) if j != k))
        own = person.terms - others
        other_offices = set().union(*(_offices(p) for j, p in enumerate(candidates) if j != k))
        own_offices = _offices(person) - other_offices
        if any(_term_pattern(term).search(text) for term in own) or any(
            _office_phrase(office).search(text) for office in own_offices
        ):
            hits.append(k)
    return hits[0] if len(hits) == 1 else None


def _offices(person: Person) -> set[str]:
    """The offices the corpus names a person with ("prime minister", "metropolitan police
    commissioner"): an article about Tony Blair says "prime minister", one about Sir Ian
    Blair "commissioner"."""
    return {office for office, _ in person.office_articles}


@lru_cache(maxsize=4096)
def _office_phrase(office: str) -> re.Pattern:
    return re.compile(r"\b" + r"\s+".join(re.escape(word) for word in office.split()) + r"\b", re.IGNORECASE)


@lru_cache(maxsize=4096)
def _term_pattern(term: str) -> re.Pattern:
    return re.compile(rf"\b{re.escape(term)}\b")


def _gender_ok(name: PersonName, person: Person) -> bool:
    genders = person.genders()
    return not name.gender or not genders or name.gender in genders


def _office_holders(people: list[Person]) -> dict[Office, dict[str, list[tuple[int, int]]]]:
    """office -> period ("*": any) -> [(articles naming the person with it, person)]."""
    table: dict[Office, dict[str, list[tuple[int, int]]]] = defaultdict(lambda: defaultdict(list))
    for number, person in enumerate(people):
        for office, articles in person.office_articles.items():
            for period in person.periods:
                table[office][period].append((len(articles), number))
            table[office]["*"].append((len(articles), number))
    return table


def _holder_named_in(text: str | None, observation: Observation, holders, people: list[Person]) -> int | None:
    """The one person the corpus names with the unnamed office (in its period, when dated)
    whose surname the article writes: "the home secretary" of an article that says "Mr
    Blunkett" is Blunkett, though the corpus names Charles Clarke more often. Not for a
    role many hold at once (``data/generic_roles.txt``)."""
    by_period = holders.get(observation.office)
    if not text or not by_period or observation.office[0] in word_set("generic_roles.txt"):
        return None  # "the spokesman" is one of many
    ranked = (by_period.get(observation.period) if observation.period is not None else None) or by_period["*"]
    found = {number for _, number in ranked if _surname_written(text, people[number])}
    return found.pop() if len(found) == 1 else None


def _surname_written(text: str, person: Person) -> bool:
    surnames = {name.surname for name in person.distinct if name.is_full}
    return any(re.search(rf"\b{re.escape(surname)}\b", text) for surname in surnames)


def _office_holder(observation: Observation, holders) -> int | None:
    """The person the corpus names with an unnamed office in its period (see the module
    docstring), or None."""
    by_period = holders.get(observation.office)
    if not by_period:
        return None
    ranked = by_period.get(observation.period) if observation.period is not None else None
    ranked = ranked or by_period["*"]
    total = sum(n for n, _ in ranked)
    n_best, best = max(ranked)
    if n_best >= 2 and n_best / total >= HOLDER_SHARE:
        return best
    return None
