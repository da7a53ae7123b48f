"""Titles and organisations read from the words around a name
(lib/newstone/nlp/speakers/titles.py)."""

from __future__ import annotations

import pytest

from newstone.nlp.speakers.titles import apposition_title, title_phrase


@pytest.mark.parametrize(
    "words, title",
    [
        ("according to", ""),
        ("who leaves", ""),
        ("79", ""),
        ("says on 13", ""),
        ("Exporters like", ""),
        ("The bill has been backed by Finance Minister", "Finance Minister"),
        ("Harbour Line has quietly cut off", ""),
        ("poster launch Tory co-chairman", "Tory co-chairman"),
        ("Ferrybridge", ""),  # a place or a sentence-opening word, no title
        ("Kenya", ""),
        ("Wales full-back", "Wales full-back"),
        ("Chancellor of the Exchequer", "Chancellor of the Exchequer"),
        ("White House deputy press secretary", "White House deputy press secretary"),
    ],
)
def test_a_title_is_a_noun_phrase_of_title_words_never_a_clause(words, title):
    assert " ".join(title_phrase(words.split())) == title


def test_apposition_title_reads_an_office_after_who_is():
    assert apposition_title("who is also transport minister")[0] == "transport minister"
    assert apposition_title("who leaves the post next month") == (None, None)
    assert apposition_title("a neighbour of the family") == (None, None)
    assert apposition_title("a senior economist at Harbour Bank") == ("senior economist", "Harbour Bank")


def test_an_owner_leaves_the_title_unless_it_is_a_country():
    assert title_phrase("Harbour's chief pollster".split()) == ["chief", "pollster"]
    assert title_phrase("India's finance minister".split()) == ["India's", "finance", "minister"]
