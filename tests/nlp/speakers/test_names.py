"""Where a person's name starts and ends inside a mention (lib/newstone/nlp/speakers/names.py)."""

from __future__ import annotations

import pytest

from newstone.nlp.speakers.coreference import resolve_speakers
from newstone.nlp.speakers.names import unglued
from tests.helpers.speakers import attributed_to, one_speaker


@pytest.mark.parametrize(
    "mention, name, title, org",
    [
        ("Harrogate Mr Dunmore", "Dunmore", None, None),  # a dateline word before the honorific
        ("Observes Mr Vance", "Vance", None, None),
        ("Labour's Mr Pettigrew", "Pettigrew", None, "Labour"),
        ("The Harbour Trust's Ann Lark", "Ann Lark", None, "Harbour Trust"),
        ("Guitarist Sam Hollis", "Sam Hollis", "Guitarist", None),
        ("Chancellor of the Exchequer Nigel Fenwick", "Nigel Fenwick", "Chancellor of the Exchequer", None),
        ("Prime Minister Margaret Ellery late", "Margaret Ellery", "Prime Minister", None),
        ("Sen. Mary Quill (D-Ore.)", "Mary Quill", "Sen.", None),
        ("Harbour Bank governor Mervyn Kingsley", "Mervyn Kingsley", "Harbour Bank governor", "Harbour Bank"),
        ("Ellery called the government's", "Ellery", None, None),
    ],
)
def test_a_name_is_built_from_name_tokens_only(mention, name, title, org):
    info = one_speaker(mention)
    assert (info.name, info.kind, info.title, info.org) == (name, "person", title, org)


def test_one_title_joined_by_and_is_one_person():
    info = one_speaker("Director of the Office of Transport and Budget James Tarrant")
    assert (info.name, info.title) == ("James Tarrant", "Director of the Office of Transport and Budget")


def test_a_word_glued_before_a_name_is_dropped_on_the_article_s_evidence():
    # the word is written in lower case elsewhere: a common word, not a given name
    text = "Defiant Matt Corbin said the side would recover. It was a defiant display."
    assert unglued("Defiant Matt Corbin", text) == "Matt Corbin"
    out = resolve_speakers(text, [attributed_to(text, "Defiant Matt Corbin")])
    assert out[0].speaker == "Matt Corbin"
    # the words are written elsewhere on their own: a club, not part of the name
    text = "Harbour United Tim Ledger said they were ready.\n\nHarbour United won again."
    assert unglued("Harbour United Tim Ledger", text) == "Tim Ledger"
    # the shorter name is written elsewhere and opens with a known given name
    text = "Cup Tim Ledger said so.\n\nTim Ledger won in May."
    assert unglued("Cup Tim Ledger", text) == "Tim Ledger"


def test_a_three_word_name_without_such_evidence_stays_whole():
    text = "Shona Rhys Pemberton said the show would tour. Ms Pemberton said it would open in May."
    assert unglued("Shona Rhys Pemberton", text) == "Shona Rhys Pemberton"


def test_a_role_after_a_capital_is_no_clause():
    info = one_speaker("One senior bank credit officer")
    assert (info.kind, info.title) == ("person", "senior bank credit officer")


def test_an_unnamed_role_is_not_unglued():
    text = "London rallied. A London Exchange spokeswoman said trading was calm."
    out = resolve_speakers(text, [attributed_to(text, "A London Exchange spokeswoman")])
    assert out[0].speaker == "London Exchange spokeswoman"
