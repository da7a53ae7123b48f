"""One regular expression for a long list of words, shaped as a trie.

An alternation of thousands of phrases costs time per phrase at every position; written as
a trie (shared prefixes factored out) its cost follows the length of the match instead.
The gazetteer and the cue prefilter both use it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_WORD_CHAR = re.compile(r"\w")


def trie_regex(surfaces: Iterable[str]) -> str:
    """One regex alternation shaped like a character trie of ``surfaces``.

    At each trie node the regex engine can follow at most one child (the next character
    decides), so matching costs the length of the match, not the number of surfaces.
    A surface ending in a word character is followed by ``(?!\\w)`` so that "Russian" does
    not match inside "Russians"; when that fails the engine backtracks to a shorter surface
    ending at a word boundary, which gives "longest match wins" at every position. Ends are
    tried last for the same reason.
    """
    trie: dict = {}
    for surface in surfaces:
        node = trie
        for char in surface:
            node = node.setdefault(char, {})
        node[""] = True
    return _node_regex(trie, last_char="")


def _node_regex(node: dict, last_char: str) -> str:
    branches = [re.escape(char) + _node_regex(child, char) for char, child in sorted(node.items()) if char != ""]
    if "" in node:
        branches.append(r"(?!\w)" if _WORD_CHAR.match(last_char) else "")
    if len(branches) == 1:
        return branches[0]
    return "(?:" + "|".join(branches) + ")"
