"""A speaker's organisation, as the whole corpus gives it.

Each article reads an organisation from the words around a speaker's name, and a few of
those readings are words a span swept in: another person ("Tony Blair has backed
Chancellor Gordon Brown" gives Mr Brown the organisation "Tony Blair"), an ordinary word
capitalised at the start of a sentence ("New Home Secretary Charles Clarke": "New"), or a
one-off. The speakers table's ``org`` is the organisation most of a speaker's articles
give, counted once per article, among readings that are none of those, and only when
enough of the speaker's articles give it (:data:`ORG_SHARE`): a one-off reading among
eighty articles is noise, the one article of a person quoted once is all there is.
"""

from __future__ import annotations

from newstone.identity.names import fold
from newstone.identity.roles import role_lexicon
from newstone.nlp.countries import default_matcher
from newstone.nlp.words import honorific_genders

#: share of a speaker's articles that must give an organisation for it to be theirs
ORG_SHARE = 0.1


def decide_org(
    articles_by_org: dict[str, set[str]],
    n_articles: int,
    person_words: frozenset[str],
    common_words: frozenset[str],
    title: tuple[str, int] | list = (),
) -> str | None:
    """The organisation of a speaker quoted in ``n_articles`` articles, from each reading's
    articles; ``person_words``: the corpus's person names and surnames (folded);
    ``common_words``: words (lower case) the corpus writes in lower case more often than
    capitalised; ``title``: the speaker's usual title, as ``[(title, count)]``, whose own
    organisation wins a tie ("Liverpool chief executive": Liverpool, not the BBC). None
    when no reading is good enough."""
    needed = max(1.0, ORG_SHARE * n_articles)
    candidates = [
        (len(articles), org)
        for org, articles in articles_by_org.items()
        if len(articles) >= needed and not is_stray_org(org, person_words, common_words)
    ]
    if not candidates:
        return None
    usual = title[0][0].lower() if title else ""
    return min(candidates, key=lambda item: (-item[0], item[1].lower() not in usual, item[1]))[1]


def is_stray_org(org: str, person_words: frozenset[str], common_words: frozenset[str]) -> bool:
    """Whether an organisation reading is a person ("Tony Blair", "Mr Abbasi", "Ebbers") or
    a single ordinary word ("New", "Both", "It's"). A word the role table knows as an
    organisation ("Labour", "Liverpool") or the gazetteer as a place ("London") is neither."""
    folded = fold(org)
    words = folded.split()
    if not words:
        return True
    if words[0].rstrip(".") in honorific_genders() or (len(words) > 1 and folded in person_words):
        return True
    if len(words) > 1:
        return False
    word = org_word(org)
    if word in role_lexicon()["org"] or any(default_matcher().find(org)):
        return False
    return word in common_words or word in person_words


def org_word(org: str) -> str:
    """A one-word organisation reading as the word it is ("It's" -> "it", "England's" ->
    "england")."""
    word = fold(org).replace("\u2019", "'")
    return word[:-2] if word.endswith("'s") else word


def one_word_names(names) -> set[str]:
    """The words of the one-word names among ``names`` (organisation readings, or people
    named by one word), folded, to learn from the corpus which are ordinary words."""
    words = set()
    for name in names:
        if isinstance(name, str) and " " not in name.strip():
            word = org_word(name.strip())
            if word.isalpha():
                words.add(word)
    return words


def person_words(names: list[str], given_names: frozenset[str]) -> frozenset[str]:
    """Full names and surnames (folded) of the corpus's people whose name opens with a
    given name (``given_names``, lower case): "Jupiter Research", a span read as a person,
    is left out."""
    words = set()
    for name in names:
        folded = fold(name).split()
        if len(folded) >= 2 and folded[0] in given_names:
            words.add(" ".join(folded))
            words.add(folded[-1])
    return frozenset(words)


__all__ = ["ORG_SHARE", "decide_org", "is_stray_org", "one_word_names", "org_word", "person_words"]
