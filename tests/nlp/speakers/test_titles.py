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


@pytest.mark.parametrize(
    "appos, expected",
    [
        # a short description between the preposition and the name stays with the name
        ("spokeswoman for net provider Brightline", ("spokeswoman", "net provider Brightline")),
        ("a spokesman for the software maker Quillsoft", ("spokesman", "software maker Quillsoft")),
        # the first "of" reaches no name before "at"; the place after "in" is not the employer
        ("vice president of search properties at Ask Harbour in the US", ("vice president", "Ask Harbour")),
        ("director of research at Tessel", ("director", "Tessel")),
        # an owner before the title that names an organisation, without its possessive;
        # a person's or a place's is no employer
        ("TKX's vice president of sales in Europe", ("vice president", "TKX")),
        ("Miller's spokesman", ("spokesman", None)),
        ("Michigan's chief environmental attorney", ("chief environmental attorney", None)),
        # "for" or "with" a bare name: a place or a person as often as an employer
        ("assistant secretary of state for Africa", ("assistant secretary", None)),
        ("vice president of business development for Tunewell", ("vice president", "Tunewell")),
        ("president of John S. Tunewell Inc", ("president", "John S. Tunewell Inc")),  # a firm named after a person
        # a body's name keeps its small words when a capitalised word follows them
        ("president of the Center for Harbour Progress", ("president", "Center for Harbour Progress")),
        ("director of Friends of the Harbour", ("director", "Friends of the Harbour")),
        ("chairman of Tessel and its unit", ("chairman", "Tessel")),
        ("senior adviser on media at Telcon's research lab", ("senior adviser", "Telcon")),
        # no name after the preposition: no organisation
        ("spokesman for the party in Scotland", ("spokesman", None)),
    ],
)
def test_apposition_organisation_after_a_description_or_a_first_of(appos, expected):
    assert apposition_title(appos) == expected


def test_a_person_after_with_is_no_employer():
    assert apposition_title("a comedian soon to team up with Michael Barker")[1] is None


def test_an_owner_leaves_the_title_unless_it_is_a_country():
    assert title_phrase("Harbour's chief pollster".split()) == ["chief", "pollster"]
    assert title_phrase("India's finance minister".split()) == ["India's", "finance", "minister"]
