"""One regular expression for a word list (lib/newstone/nlp/trie.py)."""

from __future__ import annotations

import re

from newstone.nlp.trie import trie_regex

# --- longest match at a word boundary ---


def test_trie_regex_prefers_the_longest_surface_that_ends_at_a_word_boundary():
    pattern = re.compile(trie_regex(["Korea", "Korean", "North Korea", "North Korean", "U.S.", "U.S"]))
    # "North Koreans" is not a surface here, and neither "North Korean" nor "North Korea"
    # ends at a word boundary inside it: nothing matches there, nor at "Koreans".
    assert [m.group() for m in pattern.finditer("North Koreans, a Korean and Korea's U.S. ally")] == [
        "Korean",
        "Korea",
        "U.S.",
    ]
    assert [m.group() for m in pattern.finditer("North Korea's")] == ["North Korea"]
