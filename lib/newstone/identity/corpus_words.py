"""What the corpus says about the words of its person names.

* **Common words**: a capitalised word before a name that the corpus writes in lower case
  more often than capitalised in mid-sentence is an ordinary word a source span swept in
  ("Defiant Matt Williams", "Cup Tim Henman", "Under Ongpin"), not a given name. "Frank"
  and "Mark" are written capitalised mid-sentence (as names) far more often than "frank"
  and "mark", so they stay.
* **Given names**: a word that opens full names with two or more different surnames
  ("Alex Ferguson", "Alex Kapranos") is a given name, whatever ``first_names.tsv`` lists.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable

from newstone.identity.names import fold
from newstone.nlp.trie import trie_regex

# A capitalised word right after a lower-case word or a comma is in mid-sentence: a name.
_MID_SENTENCE = re.compile(r"[a-z,;] ")
_WORD = re.compile(r"[a-z][a-z'-]*")
#: how much text (characters, in input order) the word usage is read from
SAMPLE_CHARACTERS = 5_000_000


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
    capitalised in mid-sentence. One trie-shaped regex finds every use of every word, so
    the scan costs the length of the texts, not their number of words."""
    if not words:
        return frozenset()
    pattern = re.compile(r"(?<![\w'-])" + trie_regex(words | {w.capitalize() for w in words}))
    lower, capital = Counter(), Counter()
    scanned = 0
    for text in texts:
        if not isinstance(text, str):
            continue
        if scanned > SAMPLE_CHARACTERS:
            break  # usage is settled long before: the rest would only cost time
        scanned += len(text)
        for match in pattern.finditer(text):
            word = match.group()
            if word[0].islower():
                lower[word] += 1
            elif _MID_SENTENCE.match(text, max(0, match.start() - 2), match.start()):
                capital[word.lower()] += 1
    return frozenset(w for w in words if lower[w] > capital[w])


def given_names(names: Iterable[str | None]) -> frozenset[str]:
    """Words (lower case) that open two-word names with two or more different surnames."""
    surnames: dict[str, set[str]] = defaultdict(set)
    for name in names:
        if isinstance(name, str):
            tokens = name.split()
            if len(tokens) == 2 and all(t[:1].isupper() for t in tokens):
                surnames[fold(tokens[0])].add(fold(tokens[1]))
    return frozenset(word for word, seen in surnames.items() if len(seen) >= 2 and _WORD.fullmatch(word))


def two_word_names(names: Iterable[str | None]) -> frozenset[str]:
    """Two-word capitalised names (lower case): "arsene wenger"."""
    return frozenset(
        fold(name) for name in names if isinstance(name, str) and len(name.split()) == 2 and name.istitle()
    )
