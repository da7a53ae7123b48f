"""Where an article introduces a person (lib/newstone/nlp/speakers/introductions.py)."""

from __future__ import annotations

import pytest

from newstone.nlp.speakers.introductions import introduction
from tests.helpers.attribution import run


def _intro(sentence: str, name: str) -> tuple[str | None, str | None]:
    text = "Headline\n\n" + sentence
    return introduction(text, name, len(text))


def test_a_title_before_the_name():
    assert _intro("Russian President Vladimir Petrov's comments drew fire.", "Vladimir Petrov") == (
        "Russian President",
        None,
    )


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "\u201cIt works,\u201d said Dr Anna Berg, senior adviser on media at Telcon's research lab.",
            ("senior adviser", "Telcon"),
        ),
        ("\u201cIt works,\u201d said Anna Berg, chief executive of Acme.", ("chief executive", "Acme")),
        (
            "\u201cIt works,\u201d said Anna Berg, spokeswoman for security firm Safeco.",
            ("spokeswoman", "security firm Safeco"),
        ),
    ],
)
def test_a_title_in_apposition_after_the_name(sentence, expected):
    assert _intro(sentence, "Anna Berg") == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Anna Berg, Acme chairman Tom Hale and Rita Moss met.",  # a list of people
        "Anna Berg, and the Acme chairman, met.",  # a coordination
        "Anna Berg, chairman Tom Hale said, was right.",  # another person named
        "Anna Berg, some things have stayed constant, she said.",  # no title word
    ],
)
def test_no_title_from_what_is_not_a_description_of_the_person(sentence):
    assert _intro(sentence, "Anna Berg") == (None, None)


def test_the_apposition_title_reaches_every_quote_of_the_person():
    text = (
        "Phones change\n\n"
        "\u201cPeople's habits remain the same,\u201d said Dr Anna Berg, senior adviser at Telcon. "
        "\u201cThey move the activity,\u201d she said."
    )
    people = [(a.speaker, a.speaker_title, a.speaker_org) for a in run(text) if a.speaker]
    assert people == [("Anna Berg", "senior adviser", "Telcon")] * 2
