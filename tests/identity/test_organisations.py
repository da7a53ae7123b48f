"""A speaker's organisation over the corpus: the readings most articles give, never a
person or an ordinary word a span swept in."""

from __future__ import annotations

import pytest

from newstone.identity.organisations import decide_org, is_stray_org, one_word_names, person_words

PEOPLE = person_words(
    ["Tony Blair", "Bernie Ebbers", "Michael London", "Jupiter Research"], frozenset({"tony", "bernie", "michael"})
)
COMMON = frozenset({"new", "both", "it", "five"})


def test_person_words_hold_full_names_and_surnames_of_given_names_only():
    assert {"tony blair", "blair", "ebbers", "london"} <= PEOPLE
    assert "jupiter research" not in PEOPLE  # a span read as a person: no given name


@pytest.mark.parametrize(
    "org, stray",
    [
        ("Tony Blair", True),  # "Tony Blair has backed Chancellor Gordon Brown"
        ("Mr Abbasi", True),
        ("Ebbers", True),  # a surname
        ("New", True),  # "New Home Secretary Charles Clarke"
        ("It's", True),
        ("London", False),  # a place, though a person's surname too
        ("Labour", False),  # an organisation the role table knows
        ("Jupiter Research", False),
        ("Manchester United", False),
    ],
)
def test_stray_readings(org, stray):
    assert is_stray_org(org, PEOPLE, COMMON) is stray


def test_the_reading_most_articles_give_wins_and_a_one_off_among_many_is_dropped():
    readings = {"Manchester United": {"a1", "a2", "a3"}, "Old Trafford": {"a4"}}
    assert decide_org(readings, 11, PEOPLE, COMMON) == "Manchester United"
    assert decide_org({"Cunningham": {"a1", "a2"}}, 79, PEOPLE, COMMON) is None  # 2 of 79 articles
    assert decide_org({"Jupiter Research": {"a1"}}, 7, PEOPLE, COMMON) == "Jupiter Research"


def test_a_tie_goes_to_the_organisation_of_the_usual_title():
    readings = {"BBC": {"a1"}, "Liverpool": {"a2"}}
    assert decide_org(readings, 4, PEOPLE, COMMON, [("Liverpool chief executive", 3)]) == "Liverpool"
    assert decide_org(readings, 4, PEOPLE, COMMON) == "BBC"  # no title: the first by name


def test_org_words_are_the_one_word_readings():
    assert one_word_names(["New", "It's", "Jupiter Research", None, "Five"]) == {"new", "it", "five"}
