"""Where a person's name starts and ends inside a source mention.

A backward scan and a source span catch words around a name: a title ("Guitarist Jo Bloggs"),
an organisation's possessive ("Celtic's Neil Lennon"), a title's "of" phrase ("Chancellor of
the Exchequer Nigel Lawson"), a place, a headline or sentence-opening word ("Harrogate Mr
Kennedy", "Defiant Matt Williams") or a clause after the name ("Jane Roe late"). A name is
built from name tokens only: :func:`name_run` and :func:`name_start` find it in a mention,
:func:`without_trailing_clause` drops what follows it, and :func:`unglued` uses the article to
drop a capitalised word glued before it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from newstone.nlp.attribution.source_front import TITLE_MODIFIERS
from newstone.nlp.speakers.evidence import (
    honorific_gender,
    is_given_name,
    is_title_word,
    known_organisations,
    occurrences,
    org_word_surname,
    organisation_evidence_words,
)
from newstone.nlp.speakers.titles import (
    LEADING_JUNK,
    LEADING_TIME_WORDS,
    TITLE_BREAKERS,
    TRAILING_ADVERBS,
    country_match,
    demonym_entry,
    is_title_ish,
)
from newstone.nlp.words import MONTHS
from newstone.rules import word_set

# a word of a name: capitalised, a particle ("du" of "Barend du Plessis"), or "al-Sabah"
NAME_TOKEN = re.compile(
    r"^(?:[A-Z][\w'\u2019.\-]*|al-\w+|" + "|".join(sorted(word_set("name_particles.txt") - {"le", "la"})) + ")$"
)
# A capitalised compound that describes: "Oscar-winner Sarandon", "Paris-based Smith" (a name's
# second part is capitalised: "Kilroy-Silk").
DESCRIPTIVE_COMPOUND = re.compile(r"^[A-Z][\w'\u2019.]*-[a-z]{3,}$")
# A Korean given name is written the same way ("Ban Ki-moon", "Roh Moo-hyun"): two short
# syllables, the name's last word, after a family name; not a short place and a participle
# ("Tory-led", "Ulm-based").
KOREAN_GIVEN = re.compile(r"^[A-Z][a-z]{1,4}-(?!(?:led|run|born|based|owned|made|backed)$)[a-z]{2,5}$")


# Honorifics kept in a peer's name ("Lord Woolf", "Lady Thatcher"): the style is part of how
# the person is named, as "Baroness Kennedy" is.
PEER_HONORIFICS = frozenset({"lord", "lady"})


def surname_first(
    tokens: list[str], given: Callable[[str], bool] = is_given_name, key: Callable[[str], str] = str.lower
) -> bool:
    """Whether a name's words are written family name first: one word before a Korean
    given name ("Ban Ki-moon"), or a listed Chinese family name before one or two words
    that are no given names by ``given`` ("Xi Jinping"; not "Li Anne";
    ``family_name_first.txt``, looked up by ``key``). The article reads with the listed
    given names, the corpus pass with its own and accents folded."""
    if len(tokens) == 2 and KOREAN_GIVEN.match(tokens[1]):
        return True
    return (
        2 <= len(tokens) <= 3
        and key(tokens[0]) in word_set("family_name_first.txt")
        and not any(given(token) for token in tokens[1:])
    )


def name_run(tokens: list[str]) -> int:
    """Index where the trailing personal name starts (len(tokens) if none)."""
    k = len(tokens)
    surname_may_be_org_word = org_word_surname(tokens)
    # "Mervyn King", "Larry Speaker": a known given name, then a title word as the surname
    surname_may_be_title = (
        len(tokens) >= 2
        and tokens[-1][:1].isupper()
        and tokens[-2][:1].isupper()
        and (
            is_given_name(tokens[-2])
            or (
                len(tokens) >= 3 and tokens[-3].islower() and is_title_word(tokens[-3]) and not no_name_word(tokens[-2])
            )
        )
    )
    korean = len(tokens) >= 2 and KOREAN_GIVEN.match(tokens[-1]) and NAME_TOKEN.match(tokens[-2])
    while (
        k > 0
        and NAME_TOKEN.match(tokens[k - 1])
        and (not DESCRIPTIVE_COMPOUND.match(tokens[k - 1]) or (k == len(tokens) and korean))
        and (not is_title_word(tokens[k - 1]) or (k == len(tokens) and surname_may_be_title))
        and (tokens[k - 1].lower() not in word_set("org_words.txt") or (k == len(tokens) and surname_may_be_org_word))
    ):
        k -= 1
    return k


INITIAL = re.compile(r"^[A-Z]\.?$")


def name_start(tokens: list[str], start: int) -> int:
    """Where the person's name starts in ``tokens``, given the capitalised run from ``start``
    to the end (:func:`name_run`). The run's first words still belong to the title when a
    title's "of", "for", "the" or "and" comes before them ("Secretary of State Colin Powell",
    "Chancellor of the Exchequer Nigel Lawson", "Office of Management and Budget James
    Miller"), or when a given name comes later in the run after words that are no name: a
    title or agent word, a possessive, a place or a function word ("Guitarist Brian May",
    "The Economist's Ann Bell", "Sydney Lleyton Hewitt")."""
    n = len(tokens)
    while start >= 2 and n - start > 1 and tokens[start - 1] == "of" and is_title_word(tokens[start - 2]):
        start += 1  # "Secretary of State Powell", "Chief of Staff John Kelly": the title's "of" phrase
    if (
        start >= 1
        and (n - start > 2 or (n - start == 2 and is_title_ish(tokens[start])))
        and tokens[start - 1].lower() in ("of", "for", "the", "and", "&")
        and not is_given_name(tokens[start])
    ):
        start += 1  # "Chancellor of the Exchequer Nigel Lawson", "Minister of Mines and Energy Subroto"
    for k in range(n - 2, start - 1, -1):
        if tokens[k].endswith(("'s", "s'")) and len(tokens[k]) > 3:
            start = k + 1  # "Celtic's Neil Lennon": a name holds no possessive
            break
    run = tokens[start:]
    if (
        len(run) >= 3
        and demonym_entry(run[0])
        and not is_given_name(run[0])
        and not any(demonym_entry(t) or no_name_word(t) for t in run[1:])
        and run[-1].lower() not in organisation_evidence_words()["suffix"]
    ):
        # "Russian Marat Safin": a nationality before a full name is no part of it (before
        # one word it may be a firm's name: "British Gas", "Swiss Re")
        return start + 1
    if len(run) >= 3 and not name_opener(run[0]):
        for k in range(1, len(run) - 1):
            if is_given_name(run[k]) and not INITIAL.match(run[k - 1]):
                if all(no_name_word(t) for t in run[:k]):
                    start += k
                break
    return start


def name_opener(word: str) -> bool:
    """A word a personal name can open with: a given name, an initial, an honorific."""
    return is_given_name(word) or bool(INITIAL.match(word)) or honorific_gender(word) is not None


def no_name_word(word: str) -> bool:
    """A capitalised word that is no part of a personal name (see :func:`name_start`)."""
    lower = word.lower()
    return (
        is_title_ish(word)
        or lower.endswith(("'s", "s'"))
        or country_match(word) is not None
        or lower in TITLE_BREAKERS
        or lower in LEADING_JUNK
        or lower in LEADING_TIME_WORDS
        or lower in MONTHS
        or lower in word_set("sentence_starters.txt")
        or word in known_organisations()
    )


def inner_honorific(tokens: list[str]) -> int | None:
    """Index of the last honorific in ``tokens`` that a capitalised word other than a title
    follows ("Harrogate Mr Kennedy" -> 1), or None."""
    for j in range(len(tokens) - 2, -1, -1):
        if honorific_gender(tokens[j]) is not None and tokens[j + 1][:1].isupper() and not is_title_word(tokens[j + 1]):
            return j
    return None


def without_trailing_clause(tokens: list[str]) -> list[str]:
    """Drop the lower-case words a span caught after a name when they open a clause or a
    modifier, not a role ("Prime Minister Jane Roe late", "Baldrige called the government's",
    "Mr Roe, who …"): a verb form, a function word, an article, a time word. A role noun
    after a name stays ("Ex-BBC chat show host")."""
    i = len(tokens)
    while i > 0 and tokens[i - 1].islower():
        i -= 1
    if i == len(tokens) or i < 1 or not tokens[i - 1][:1].isupper():
        return tokens
    first = tokens[i].rstrip(".,")
    if any(is_title_word(t) for t in tokens[i + 1 :]):
        if first in ("the", "a", "an"):
            return tokens[i + 1 :]  # "according to Mr Roe the prime minister said": the role speaks
        return tokens  # "One senior bank officer": a role after the capital
    if (
        first in TITLE_BREAKERS
        or first in TITLE_MODIFIERS
        or first in ("the", "a", "an")
        or first in LEADING_TIME_WORDS
        or first in TRAILING_ADVERBS
        or (first.endswith("ed") and len(first) > 3)
    ):
        return tokens[:i]
    return tokens


def unglued(name: str, text: str) -> str:
    """A person's name without the capitalised word a span or a backward scan glued before
    it ("Defiant Matt Williams" -> "Matt Williams", "Cup Tim Henman", "Manchester United Alex
    Ferguson"), on the article's evidence: the words before the name are written elsewhere
    on their own (not followed by the name) or in lower case, or the shorter name is written
    elsewhere without them and opens with a known given name. A name of three words whose
    first is a known given name or an initial is kept ("Juan Carlos Ferrero")."""
    words = name.split()
    if len(words) < 3 or name_opener(words[0]):
        return name
    for k in range(1, len(words) - 1):
        rest = words[k:]
        if INITIAL.match(rest[0]) or not rest[0][:1].isupper() or no_name_word(rest[0]):
            continue
        prefix = " ".join(words[:k])
        gap = len(prefix) + 1
        free = any(not text.startswith(rest[0], pos + gap) for pos in occurrences(text, prefix))
        common = next(occurrences(text, words[0].lower()), None) is not None
        alone = any(
            not text[max(0, pos - len(words[k - 1]) - 1) : pos].startswith(words[k - 1])
            for pos in occurrences(text, " ".join(rest))
        )
        if free or common or (alone and (is_given_name(rest[0]) or all(no_name_word(w) for w in words[:k]))):
            return " ".join(rest)
    return name
