"""What the corpus says about the words of its person names.

* **Common words**: a capitalised word before a name that the corpus writes in lower case
  more often than capitalised is an ordinary word a source span swept in ("Defiant Matt
  Williams", "Cup Tim Henman", "Under Ongpin"), not a given name. "Frank" and "Mark" are
  written capitalised (as names) far more often than "frank" and "mark", so they stay.
* **Given names**: a word that opens full names with two or more different surnames
  ("Alex Ferguson", "Alex Kapranos") is a given name, whatever ``first_names.tsv`` lists.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable

from newstone.identity.names import fold
from newstone.identity.roles import role_lexicon

_TOKEN = re.compile(r"[A-Za-z][a-z'-]*")
_WORD = re.compile(r"[a-z][a-z'-]*")
#: how much text (characters, in input order) the word usage is read from
SAMPLE_CHARACTERS = 2_000_000


def name_words(names: Iterable[str | None], known: frozenset[str] = frozenset()) -> set[str]:
    """The first word (lower case) of every name of two words or more, unless ``known``
    (a listed given name or title word: those are decided without the corpus)."""
    words = set()
    for name in names:
        if isinstance(name, str):
            tokens = name.split()
            if len(tokens) >= 2 and tokens[0][:1].isupper():
                words.add(fold(tokens[0]))
    return {w for w in words if _WORD.fullmatch(w) and w not in known}


def common_words(words: set[str], texts: Iterable[str | None]) -> frozenset[str]:
    """The ``words`` (lower case) the texts write in lower case more often than
    capitalised (the sentence-initial uses of an ordinary word are few; a name is
    capitalised everywhere)."""
    if not words:
        return frozenset()
    wanted = words | {w.capitalize() for w in words}
    counts: Counter = Counter()
    scanned = 0
    for text in texts:
        if not isinstance(text, str):
            continue
        if scanned > SAMPLE_CHARACTERS:
            break  # usage is settled long before: the rest would only cost time
        scanned += len(text)
        counts.update(token for token in _TOKEN.findall(text) if token in wanted)
    return frozenset(w for w in words if counts[w] > counts[w.capitalize()])


def given_names(names: Iterable[str | None], others: Iterable[str | None] = ()) -> frozenset[str]:
    """Words (lower case) that open two-word person ``names`` with two or more different
    surnames, and open fewer of the ``others`` (names of organisations and the rest). A
    "person" whose second word is an organisation word of the role table ("Manchester
    United", "Manchester City": spans an article read as a person) does not count."""
    org_words = role_lexicon()["org"]
    surnames = _second_words(name for name in names if not _ends_in(name, org_words))
    elsewhere = _second_words(others)
    return frozenset(
        word
        for word, seen in surnames.items()
        if len(seen) >= 2 and len(elsewhere.get(word, ())) < len(seen) and _WORD.fullmatch(word)
    )


def _ends_in(name: str | None, words) -> bool:
    return isinstance(name, str) and bool(name.split()) and fold(name.split()[-1]) in words


def _second_words(names: Iterable[str | None]) -> dict[str, set[str]]:
    """First word -> second words of the two-word capitalised names (folded)."""
    seconds: dict[str, set[str]] = defaultdict(set)
    for name in names:
        if isinstance(name, str):
            tokens = name.split()
            if len(tokens) == 2 and all(t[:1].isupper() for t in tokens):
                seconds[fold(tokens[0])].add(fold(tokens[1]))
    return seconds


def two_word_names(names: Iterable[str | None]) -> frozenset[str]:
    """Two-word capitalised names (lower case): "arsene wenger"."""
    return frozenset(
        fold(name) for name in names if isinstance(name, str) and len(name.split()) == 2 and name.istitle()
    )
