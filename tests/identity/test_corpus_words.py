"""What the corpus says about the words of its person names (newstone.identity.corpus_words)."""

from __future__ import annotations

from newstone.identity.corpus_words import common_words, given_names, name_words, two_word_names


def test_a_word_written_lower_case_more_than_capitalised_in_mid_sentence_is_common():
    texts = [
        "The defiant minister spoke. A defiant crowd waited, and Frank Dobson was frank about it.",
        "They met Frank Dobson and Frank Field, then Frank Bruno.",
    ]
    assert common_words({"defiant", "frank"}, texts) == frozenset({"defiant"})


def test_words_opening_two_word_names_with_several_surnames_are_given_names():
    names = ["Alex Ferguson", "Alex Kapranos", "Arsene Wenger", "Tory leader", None]
    assert given_names(names) == frozenset({"alex"})
    assert two_word_names(names) == frozenset({"alex ferguson", "alex kapranos", "arsene wenger"})


def test_spans_read_as_people_make_no_given_name():
    # "Manchester United" and "Manchester City" typed as people: organisation words end them
    assert given_names(["Manchester United", "Manchester City", "Alex Ferguson", "Alex Kapranos"]) == {"alex"}
    # "Budget" opens two people's names but more organisations' names
    people = ["Budget Smith", "Budget Jones"]
    assert given_names(people) == {"budget"}
    assert given_names(people, ["Budget Office", "Budget Committee", "Budget Director"]) == frozenset()


def test_only_first_words_of_longer_names_are_looked_up():
    assert name_words(["Defiant Matt Williams", "Blair", "Cup Tim Henman"], known=frozenset({"cup"})) == {"defiant"}
