"""The corpus pass: every quote's speaker as the corpus knows it, and the speakers table.

Input: the article-level speaker columns of the quotes table (what each article resolved on
its own) and each article's period. Output, per quote: ``speaker`` (the entity's canonical
name), ``speaker_id``, ``speaker_role`` and ``speaker_country``; and one row per entity for
the speakers table. The pass is a pure function of its input, so rerunning it over a
dataset a resumed parse extended gives the same result as a fresh run.

People are joined by :mod:`~newstone.identity.people`; organisations by their name without
case, accents, "&"/"and" and legal suffixes ("Moody's" joins "Moody's Investors Service
Inc" when it is the only such name); groups by their lower-case name; countries by code.
A speaker's role and country are weighed over all of their quotes
(:mod:`~newstone.identity.roles`, :mod:`~newstone.identity.countries`).
"""

from __future__ import annotations

import bisect
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from newstone.identity.countries import (
    COLLEAGUE_ARTICLES,
    any_country_body,
    colleague_countries,
    country_from_datelines,
    country_from_institutions,
    decide_country,
    institution_countries,
    name_evidence,
    national_office,
)
from newstone.identity.names import LEGAL_SUFFIXES, NameContext, NameReader, fold, listed_given_names
from newstone.identity.organisations import decide_org, person_words
from newstone.identity.people import Observation, group_people
from newstone.identity.roles import OTHER, decide_role, is_clause, office_key, role_evidence, role_lexicon
from newstone.nlp.countries import country_names
from newstone.nlp.speakers.evidence import organisation_evidence_words, organisation_words
from newstone.nlp.speakers.titles import NAME_CONNECTORS
from newstone.nlp.words import PERSONAL_PRONOUNS, PRONOUN_SUBJECTS, honorific_genders
from newstone.rules import word_set

# The quotes columns the pass reads (the article-level facts, never its own output).
INPUT_COLUMNS = [
    "article_id",
    "article_speaker",
    "speaker_type",
    "speaker_title",
    "speaker_org",
    "speaker_mention",
    "article_speaker_country",
    "country_evidence",
    "compound",
    "tone",
]
OUTPUT_COLUMNS = ["speaker", "speaker_id", "speaker_role", "speaker_country"]
_LEGAL_SUFFIXES = re.compile(rf"(?:\s+(?:{'|'.join(sorted(LEGAL_SUFFIXES | {'group', 'holdings'}))}))+\.?$")
_JOINT = re.compile(r"\s(?:and|&)\s")
_TRAILING_LOWER = re.compile(r"(?:\s+[a-z]+)+$")
# "Fiorina's talk", "Peston's book": a noun cue's possessor, written without a title
_POSSESSOR = re.compile(r"^([A-Z][\w-]+)['\u2019]s(?:\s+[a-z]+)+$")
_SLUG = re.compile(r"[^a-z0-9]+")
MAX_TITLES = 5
NOT_ALIASES = PERSONAL_PRONOUNS | PRONOUN_SUBJECTS | frozenset({"which", "that"})
#: share of the other speakers of a person's articles that must share a role to lend it
CONTEXT_SHARE = 0.6


@dataclass
class Entity:
    """A speaker of the corpus: a person, an organisation, a group or a country."""

    kind: str
    name: str
    rows: list[int] = field(default_factory=list)
    home: str | None = None  # the country of a body every country has ("Finance Ministry")


@dataclass
class Identities:
    """The pass's output: one value per quote for each output column, and the entities."""

    speaker: list
    speaker_id: list
    speaker_role: list
    speaker_country: list
    speakers: list[dict]


def _missing(value) -> bool:
    return value is None or value != value or (isinstance(value, float) and math.isnan(value))


def _text(value) -> str | None:
    """A text cell: None, or a non-empty string (pyarrow and the pipeline give str or None;
    a DataFrame may give NaN)."""
    if value.__class__ is str:
        return value or None
    return None if _missing(value) else str(value)


def slug(text: str) -> str:
    return _SLUG.sub("-", fold(text)).strip("-") or "x"


def identify(
    columns: dict[str, list],
    periods: dict[str, str | None],
    dates: dict[str, str | None] | None = None,
    context: NameContext = NameContext(),
    article_texts: Callable[[set[str]], dict[str, str]] | None = None,
    places: dict[str, str | None] | None = None,
    subjects: dict[str, str] | None = None,
) -> Identities:
    """Run the corpus pass over quotes given as ``INPUT_COLUMNS`` (equal-length lists).

    ``periods``: article id -> period ("1987") or None; ``dates``: article id -> ISO date,
    for the speakers table's first and last dates; ``context``: what the corpus says about
    name words (see :func:`~newstone.identity.names.parse_name`); ``article_texts``: article
    ids -> their texts, to tell namesakes apart (:func:`~newstone.identity.people.group_people`);
    ``places``: article id -> the country of the capital its dateline names, or None
    (:func:`~newstone.identity.countries.dateline_country`); ``subjects``: article id -> the
    country it is about (:func:`~newstone.identity.countries.main_countries`).
    """
    n = len(columns["article_id"])
    get = {name: columns[name] for name in INPUT_COLUMNS}
    entities: list[Entity] = []
    entity_of: list[int | None] = [None] * n
    observations = []
    parsed_names: dict[int, object] = {}
    read_name = NameReader(context)
    for i in range(n):
        kind = _text(get["speaker_type"][i]) or "unknown"
        name = _text(get["article_speaker"][i])
        if kind in ("organization", "unknown") and name and _person_after_prefix(name, read_name):
            kind = "person"  # "Manchester United Alex Ferguson", "Budget James Miller"
        if kind == "person":
            title, org = _text(get["speaker_title"][i]), _text(get["speaker_org"][i])
            office = office_key(title, org)
            parsed = read_name(name) if name else None
            if parsed is not None and not parsed.is_full:
                # "Lord Woolf said": the article resolved "Woolf", the mention keeps the style
                richer = read_name(_text(get["speaker_mention"][i]))
                if richer is not None and richer.is_full and richer.surname_key == parsed.surname_key:
                    parsed = richer
            article = get["article_id"][i]
            if parsed is not None:
                observations.append(Observation(i, article, periods.get(article), parsed, office, org, title))
                parsed_names[i] = parsed
            elif name is not None and (named_office := office_key(name)) is not None:
                # "the Japanese prime minister said": the name is the whole office
                observations.append(Observation(i, article, periods.get(article), None, named_office, org, name))
            elif office is not None and name is None:
                observations.append(Observation(i, article, periods.get(article), None, office, org, title))
    people, of_observation = group_people(observations, article_texts, read_name)
    person_entity = {}
    for number, person in enumerate(people):
        person_entity[number] = len(entities)
        entities.append(Entity("person", person.canonical()))
    for index, number in of_observation.items():
        entity_of[index] = person_entity[number]
    _group_others(get, n, entity_of, entities, parsed_names, context.common_words, places or {})
    return _outputs(get, n, entity_of, entities, dates or {}, context, places or {}, subjects or {})


def _person_after_prefix(name: str, read_name: NameReader) -> bool:
    """Whether a name typed as an organisation is words a span swept in before a person's
    full name whose given name is a known one ("Manchester United Alex Ferguson")."""
    parsed = read_name(name)
    name = _TRAILING_LOWER.sub("", name)  # "Prime Minister Margaret Thatcher late"
    if parsed is None or not parsed.given or not name.endswith(parsed.text) or parsed.text == name:
        return False  # the words must come before the name: "Joe Biden's administration" stays
    words = parsed.text.split()
    before = name[: -len(parsed.text)].split()
    if (
        organisation_words(words)
        or words[-1].lower() in organisation_evidence_words()["suffix"]
        or (before and before[-1].lower() in NAME_CONNECTORS)
        or fold(words[0]) in word_set("place_name_openers.txt")
    ):
        # "Anchor Savings Bank", "Health and Rehabilitation Properties Trust", "Bank of New
        # York", "two New York investment firms": the end of an organisation's name or a
        # place, whatever the corpus took for given names
        return False
    return fold(parsed.given[0]) in read_name.context.given_names or fold(parsed.given[0]) in listed_given_names()


def org_key(name: str) -> str:
    """An organisation's name for comparing: no case, accents, leading "the", "&"/"and",
    or legal suffix ("Standard & Poor's" and "Standard and Poor's Corp" are one)."""
    key = fold(name).replace("&", " and ")
    key = re.sub(r"^the\s+", "", " ".join(key.split()))
    return _LEGAL_SUFFIXES.sub("", key).strip(" .,")


def _group_others(
    get,
    n: int,
    entity_of: list,
    entities: list[Entity],
    parsed_names: dict,
    common_words: frozenset[str] = frozenset(),
    places: dict | None = None,
) -> None:
    """Entities for the quotes people grouping left: organisations, groups, countries, a
    person's clean name no full name took ("Subroto", or a surname two people share), and
    names that are no clean name (kept as the article wrote them, one entity per name).
    A one-word "person" that is an ordinary word of the corpus (``common_words``: "Operators
    said", "Commerce said", a span cut short) and no title or full name ties to a person is
    nobody: a group when plural ("operators"), else no speaker. A body every country has
    ("the Finance Ministry", ``national_bodies.txt``), and an unnamed official of one ("a
    Finance Ministry official"), is one speaker per country: the country its article gives
    it, else the one of the capital its dateline names (``places``), else none."""
    places = places or {}
    by_key: dict[tuple, int] = {}
    org_names: dict[str, Counter] = defaultdict(Counter)
    pending = []
    people_by_surname = _people_by_surname(entities)
    possessor_of = _possessor_people(get, n, entity_of, people_by_surname)
    for i in range(n):
        if entity_of[i] is not None:
            continue
        if i in possessor_of:
            entity_of[i] = possessor_of[i]
            continue
        name = _text(get["article_speaker"][i])
        if not name or name.lower() in PERSONAL_PRONOUNS or _JOINT.search(name) and get["speaker_type"][i] == "person":
            continue
        if fold(name).strip(" .") in LEGAL_SUFFIXES:
            continue  # "Ltd, a Hong Kong investment firm": the rest of the firm's name was lost
        kind = _text(get["speaker_type"][i]) or "unknown"
        if kind == "organization":
            key = (kind, org_key(name))
            org_names[key[1]][name] += 1
        elif kind == "group":
            key = (kind, name.lower())
        elif kind == "country":
            key = (kind, _text(get["article_speaker_country"][i]) or name)
        elif i in parsed_names:
            name = parsed_names[i].text
            key = ("person", fold(name))
        else:
            key = (kind, name)
        home = None
        unnamed = kind == "person" and i not in parsed_names  # "a Finance Ministry official"
        if (kind in ("organization", "group") or unnamed) and any_country_body(name):
            home = _text(get["article_speaker_country"][i]) or places.get(get["article_id"][i])
        elif kind == "group" and _bare_group(name):
            home = _text(get["article_speaker_country"][i])  # not the dateline: delegates meet abroad
        pending.append((i, key, name, home))
    vouched = {fold(key[1]) for i, key, *_ in pending if key[0] == "person" and _vouched_person(get, i)}
    # "Moody's" joins "Moody's Investors Service": the only organisation it begins
    short_of = {}
    org_keys = sorted(org_names)
    generic = role_lexicon()["org"]  # institutions the role table names: "treasury", "federal reserve"
    for key in org_keys:
        prefix = key + " "
        first = bisect.bisect_left(org_keys, prefix)
        longer = [other for other in org_keys[first : first + 2] if other.startswith(prefix)]
        if key in generic:
            continue  # "the Treasury" is not "Treasury Board", whatever else the corpus names
        if len(longer) == 1 and _longer_name_of(org_names[key], org_names[longer[0]], len(prefix)):
            short_of[key] = longer[0]
    for i, key, name, home in pending:
        if key[0] == "person" and " " not in key[1] and key[1] not in people_by_surname:
            # "Moody's said": the article read a possessor, the corpus knows the organisation
            # ("Blair", a surname two people share, is not "the Blair government")
            starting = _keys_starting(org_keys, key[1])
            if len(starting) == 1:
                key = ("organization", starting[0])
        word = fold(key[1]) if key[0] == "person" else ""
        if word in common_words and word not in people_by_surname and word not in vouched:
            if not word.endswith("s"):
                continue
            key, name = ("group", word), word
        if key[0] == "organization":
            key = (key[0], short_of.get(key[1], key[1]))
        if home is not None:
            key = (*key, home)
        number = by_key.get(key)
        if number is None:
            display = name
            if key[0] == "organization":
                display = max(org_names[key[1]].items(), key=lambda item: (item[1], len(item[0]), item[0]))[0]
            elif key[0] == "country":
                display = country_names().get(key[1], name)  # "Moscow said": Russia speaks
            number = by_key[key] = len(entities)
            entities.append(Entity(key[0] if key[0] != "person" else "person", display, home=home))
        entity_of[i] = number


def _bare_group(name: str | None) -> bool:
    """A group named by common nouns alone ("officials", "some bankers", "trade sources"):
    across a world wire it is many groups, one per country its articles give it, like a
    body every country has (Reuters-21578's "officials" had all been Indonesian). Not by
    the dateline: "delegates" in a LONDON story are at a meeting there."""
    words = (name or "").split()
    return bool(words) and all(w.isalpha() and w.islower() for w in words) and words[-1] in word_set("group_nouns.txt")


def _vouched_person(get, i: int) -> bool:
    """Whether a quote's mention ties its speaker to a person: a title ("Premier Zhao") or
    an honorific ("Mr Hill")."""
    mention = _text(get["speaker_mention"][i]) or ""
    return bool(_text(get["speaker_title"][i])) or any(
        word.rstrip(".").lower() in honorific_genders() for word in mention.split()
    )


def _longer_name_of(short: Counter, longer: Counter, prefix: int) -> bool:
    """Whether the organisation written ``short`` (its written names and counts) is a short
    form of the one written ``longer``, whose key is the short's and ``prefix`` more
    characters. Not when the short is a full name already ("First Wisconsin Corp" is not
    "First Wisconsin National Bank"), nor when the longer adds a lower-case noun a span
    swept in ("Commission figures"), a place ("Federal Reserve Bank of New York", one of
    twelve), or the short's own unit ("AMR Corp's American Airlines")."""
    written = short.most_common(1)[0][0]
    extension = longer.most_common(1)[0][0]
    if _LEGAL_SUFFIXES.search(fold(written)) or _TRAILING_LOWER.search(extension):
        return False
    added = org_key(extension)[prefix:].split()
    return bool(added) and added[0] not in NAME_CONNECTORS and not any(word.endswith("'s") for word in added)


def _people_by_surname(entities: list[Entity]) -> dict[str, set[int]]:
    """Folded surname -> the numbers of the people with a full name who carry it."""
    by_surname: dict[str, set[int]] = defaultdict(set)
    for number, entity in enumerate(entities):
        if entity.kind == "person" and " " in entity.name:
            by_surname[fold(entity.name.split()[-1])].add(number)
    return by_surname


def _possessor_people(get, n: int, entity_of: list, people_by_surname: dict[str, set[int]]) -> dict[int, int]:
    """Quotes whose speaker is a possessor and what they say ("Ms Fiorina's talk also
    touted": nouns of ``data/utterance_nouns.txt``), each with the person the possessor's
    surname names: the one of that surname quoted in the same article, else the only one in
    the corpus. Left out when the surname names no person, or several."""
    possessors = {}
    for i in range(n):
        name = _text(get["article_speaker"][i])
        match = _POSSESSOR.match(name) if entity_of[i] is None and name and get["speaker_type"][i] != "person" else None
        if match and name.split()[-1].lower() in word_set("utterance_nouns.txt"):
            possessors[i] = fold(match.group(1))
    if not possessors:
        return {}
    in_article: dict[str, set[int]] = defaultdict(set)
    for i in range(n):
        if entity_of[i] is not None:
            in_article[get["article_id"][i]].add(entity_of[i])
    found = {}
    for i, surname in possessors.items():
        candidates = people_by_surname.get(surname, set())
        here = candidates & in_article[get["article_id"][i]]
        if len(here or candidates) == 1:
            found[i] = next(iter(here or candidates))
    return found


def _keys_starting(sorted_keys: list[str], word: str) -> list[str]:
    """Keys (sorted) that are ``word`` or begin with it as a word or a possessor."""
    first = bisect.bisect_left(sorted_keys, word)
    found = []
    for key in sorted_keys[first:]:
        if not key.startswith(word):
            break
        if key in (word, word + "'s") or key.startswith((word + " ", word + "'s ")):
            found.append(key)
    return found


@dataclass
class EntityFacts:
    """What all of an entity's quotes say about it."""

    votes: list = field(default_factory=list)  # role votes
    evidence: list = field(default_factory=list)  # (article, country, kind)
    titles: Counter = field(default_factory=Counter)
    title_articles: dict = field(default_factory=lambda: defaultdict(set))  # title -> articles
    orgs: dict = field(default_factory=lambda: defaultdict(set))  # organisation -> articles
    aliases: set = field(default_factory=set)
    articles: set = field(default_factory=set)
    compound: list = field(default_factory=list)
    tone: list = field(default_factory=list)


def _entity_facts(get, entity: Entity) -> EntityFacts:
    facts = EntityFacts()
    names = set()
    voted = set()  # one description of the speaker in one article votes once, however many quotes
    for i in entity.rows:
        title, org = _text(get["speaker_title"][i]), _text(get["speaker_org"][i])
        name = _text(get["article_speaker"][i])
        if (key := (get["article_id"][i], title, org, name)) not in voted:
            voted.add(key)
            facts.votes += role_evidence(title, org, entity.kind, name or entity.name)
            if entity.kind == "person" and name and name.endswith(entity.name) and name != entity.name:
                facts.votes += role_evidence(name[: -len(entity.name)], None, "person", None)  # "DJ Norman Cook"
        facts.evidence.append(
            (get["article_id"][i], _text(get["article_speaker_country"][i]), _text(get["country_evidence"][i]))
        )
        if title and not is_clause(title):
            facts.titles[title] += 1
            facts.title_articles[title].add(get["article_id"][i])
        if org and not is_clause(org):
            facts.orgs[org].add(get["article_id"][i])
        for alias in (name, _text(get["speaker_mention"][i])):
            if alias and alias != entity.name and _is_alias(alias):
                facts.aliases.add(alias)
        if name:
            names.add(name)
        facts.articles.add(get["article_id"][i])
        if not _missing(value := get["compound"][i]):
            facts.compound.append(value)
        if not _missing(value := get["tone"][i]):
            facts.tone.append(value)
    if entity.kind == "person":
        surname = entity.name.split()[-1]
        mentions = {alias for alias in facts.aliases if alias.split()[-1] == surname}  # "Lord Goldsmith"
        own = name_evidence({entity.name} | names | mentions)
        facts.evidence += own
        # a head of state or government, a peer (a member of the House of Lords): office
        facts.votes += [("official", 3) for _, _, kind in own if kind in ("office_holder", "peerage")]
    return facts


def _is_alias(text: str) -> bool:
    """Whether a mention is a way of naming the speaker worth listing: not a pronoun ("he",
    "who"), a joint mention ("Senator A and Senator B") or a mention with a clause or
    apposition after a comma ("Mr Kilroy-Silk, who recently quit UKIP")."""
    return text.lower() not in NOT_ALIASES and "," not in text and not _JOINT.search(text)


def _context_roles(entities: list[Entity], facts: list[EntityFacts], roles: list[str]) -> None:
    """A person no title or organisation gives a role takes the role most of the other
    speakers of their articles have, when it is not "official" (public office needs
    evidence of its own: a pensioner quoted in a politics story is no official) and holds
    at least CONTEXT_SHARE of them over two articles or more."""
    by_article: dict[str, Counter] = defaultdict(Counter)
    for number, entity_facts in enumerate(facts):
        if entity_facts.votes:
            for article in entity_facts.articles:
                by_article[article][roles[number]] += 1
    for number, entity in enumerate(entities):
        if entity.kind != "person" or facts[number].votes:
            continue
        context: Counter = Counter()
        for article in facts[number].articles:
            context.update(by_article.get(article, {}))
        if not context:
            continue
        role, count = context.most_common(1)[0]
        articles = sum(1 for a in facts[number].articles if by_article.get(a, {}).get(role))
        if role != "official" and count >= CONTEXT_SHARE * sum(context.values()) and articles >= 2:
            roles[number] = role


def _outputs(
    get, n: int, entity_of: list, entities: list[Entity], dates: dict, context: NameContext, places: dict, subjects
) -> Identities:
    for i, number in enumerate(entity_of):
        if number is not None:
            entities[number].rows.append(i)
    ids = _ids(entities)
    facts = [_entity_facts(get, entity) for entity in entities]
    roles = ["official" if entity.kind == "country" else decide_role(f.votes) for entity, f in zip(entities, facts)]
    _context_roles(entities, facts, roles)
    people = person_words([entity.name for entity in entities if entity.kind == "person"], listed_given_names())
    countries = _countries(entities, facts, roles, places, subjects)
    speaker, speaker_id = [None] * n, [None] * n
    role, country = [None] * n, [None] * n
    rows = []
    for number, entity in enumerate(entities):
        entity_facts = facts[number]
        entity_country, n_evidence, basis = countries[number]
        when = sorted(d for a in entity_facts.articles if (d := dates.get(a)))
        for i in entity.rows:
            speaker[i], speaker_id[i], role[i] = entity.name, ids[number], roles[number]
            country[i] = entity_country or _text(get["article_speaker_country"][i])
        titles = sorted(entity_facts.titles.items(), key=lambda item: (-item[1], item[0]))
        rows.append(
            {
                "speaker_id": ids[number],
                "speaker": entity.name,
                "speaker_type": entity.kind,
                "role": roles[number],
                "aliases": sorted(entity_facts.aliases),
                "title": titles[0][0] if titles else None,
                "titles": [t for t, _ in titles[:MAX_TITLES]],
                "org": decide_org(
                    entity_facts.orgs, len(entity_facts.articles), people, context.common_words, titles[:1]
                ),
                "country": entity_country,
                "country_evidence": n_evidence,
                "country_basis": basis,
                "n_quotes": len(entity.rows),
                "n_articles": len(entity_facts.articles),
                "first_date": when[0] if when else None,
                "last_date": when[-1] if when else None,
                "mean_compound": _mean(entity_facts.compound),
                "mean_tone": _mean(entity_facts.tone),
            }
        )
    rows.sort(key=lambda row: (-row["n_quotes"], row["speaker"], row["speaker_id"]))
    return Identities(speaker, speaker_id, role, country, rows)


def _countries(
    entities: list[Entity], facts: list[EntityFacts], roles: list[str], places: dict, subjects: dict
) -> list[tuple]:
    """(country, articles supporting it, basis) per entity: "evidence" weighed over its
    articles, else for an official "corpus", the country the corpus ties to their office or
    organisation (:func:`~newstone.identity.countries.institution_countries`), else for a
    national officeholder "dateline", the capital their articles are filed from, else
    "colleagues", the country the other officials quoted in their articles share, else
    "mentions", the country their articles are about."""
    decided = [(*decide_country(f.evidence), "evidence") for f in facts]
    for number, entity in enumerate(entities):
        if decided[number][0] is None and entity.home is not None:
            decided[number] = (entity.home, len(facts[number].articles), "dateline")
    keys: dict[int, set] = {}
    for number, (entity, entity_facts) in enumerate(zip(entities, facts)):
        if entity.kind == "person" and roles[number] == "official":
            keys[number] = _institution_keys(entity_facts)
    learned = institution_countries(keys, {number: decided[number][0] for number in keys})
    for number, entity_keys in keys.items():
        if decided[number][0] is None and (country := country_from_institutions(entity_keys, learned)):
            held = [article for key in entity_keys if learned.get(key) == country for article in entity_keys[key]]
            decided[number] = (country, len(set(held)), "corpus")
        elif decided[number][0] is None and national_office(facts[number].titles):
            country, n_articles = country_from_datelines(facts[number].articles, places)
            if country:
                decided[number] = (country, n_articles, "dateline")
    colleagues = colleague_countries(
        {number: decided[number][0] for number in keys if decided[number][0]},
        {number: facts[number].articles for number in keys},
    )
    for number in keys:
        if decided[number][0] is None and national_office(facts[number].titles):
            country, n_articles = country_from_datelines(facts[number].articles, colleagues)
            if country and n_articles >= COLLEAGUE_ARTICLES:
                decided[number] = (country, n_articles, "colleagues")
            elif (found := country_from_datelines(facts[number].articles, subjects))[0]:
                decided[number] = (*found, "mentions")
    return [(c, n, basis if c else None) for c, n, basis in decided]


def _institution_keys(entity_facts: EntityFacts) -> dict:
    """An official's offices (as :func:`~newstone.identity.roles.office_key` spells them,
    without a country) and organisations, each with the articles that give it."""
    keys: dict = defaultdict(set)
    for title, articles in entity_facts.title_articles.items():
        office = office_key(title)
        if office is not None and office[1] is None:
            keys["office", office[0]] |= articles
    for org, articles in entity_facts.orgs.items():
        keys["org", org_key(org)] |= articles
    return keys


def _mean(values: list) -> float | None:
    return sum(values) / len(values) if values else None


def _ids(entities: list[Entity]) -> list[str]:
    """Stable ids: kind and slug of the name ("person:michael-howard"); namesakes are told
    apart by a number in order of their first quote."""
    ids, seen = [], Counter()
    for entity in entities:
        base = f"{entity.kind}:{slug(entity.name)}" + (f"-{entity.home.lower()}" if entity.home else "")
        seen[base] += 1
        ids.append(base if seen[base] == 1 else f"{base}-{seen[base]}")
    return ids


__all__ = ["INPUT_COLUMNS", "OUTPUT_COLUMNS", "Identities", "identify", "org_key", "OTHER"]
