"""A pronoun's antecedent among people the prose just named (lib/newstone/nlp/speakers/antecedents.py)."""

from __future__ import annotations

from newstone.nlp.speakers.antecedents import nearest_named, prose_only, recent_named
from newstone.nlp.speakers.surnames import full_name_at
from tests.helpers.attribution import run, source


def _speaker_of(text: str, mention: str, occurrence: int = 0) -> str | None:
    atts = [a for a in run(text) if source(text, a) == mention]
    return atts[occurrence].speaker


def test_a_person_just_named_beats_an_older_speaker():
    text = (
        "Budget talks resume\n\n"
        "\u201cWe will win this vote,\u201d Tom Jones said on Monday.\n\n"
        "The vote is on Friday. Later, Mark Evans was asked about the budget. He said the plan was sound."
    )
    assert _speaker_of(text, "He") == "Mark Evans"


def test_the_speaker_who_holds_the_floor_keeps_it():
    # Jones, the last speaker, is named again in the same stretch: he still holds the floor
    text = (
        "Budget talks resume\n\n"
        "\u201cWe will win this vote,\u201d Tom Jones said on Monday. "
        "Jones criticised Mark Evans over the budget. He said the plan was weak."
    )
    assert _speaker_of(text, "He") == "Tom Jones"


def test_a_name_inside_what_is_said_is_a_topic_not_the_speaker():
    text = (
        "Budget talks resume\n\n"
        "\u201cWe will win this vote,\u201d Tom Jones said on Monday.\n\n"
        "Mark Evans has failed the country, he claimed."
    )
    assert _speaker_of(text, "he") == "Tom Jones"


def test_a_name_inside_quotation_marks_does_not_count():
    text = "Opening words. \u201cIf Mark Evans is elected, taxes rise.\u201d He said so."
    prose = prose_only(text, [])
    assert "Evans" not in prose and len(prose) == len(text)
    assert recent_named(prose, text.index("He said"), "m", None) is None


def test_two_people_of_the_gender_leave_the_pronoun_to_the_speakers():
    text = "Mark Evans met Mr. Brown on Friday. He said the talks went well."
    assert recent_named(prose_only(text, []), text.index("He said"), "m", None) is None


def test_the_window_is_the_pronouns_sentence_and_the_two_before():
    text = "Mark Evans arrived. The rain fell. The wind rose. The roads closed. He said so."
    assert recent_named(text, text.index("He said"), "m", None) is None
    text = "The wind rose. Mark Evans arrived. The roads closed. He said so."
    assert recent_named(text, text.index("He said"), "m", None) == "Mark Evans"


def test_an_honorific_period_does_not_end_the_sentence():
    # "Mr." is not a sentence end: Podesta, named two sentences back, still holds the floor
    text = (
        "\u201cIt will be done,\u201d Mr. Podesta said. But Mrs. Clinton will face the fire Mr. Obama has. He noted it."
    )
    prose = prose_only(text, [(0, 20)])
    assert recent_named(prose, text.index("He noted"), "m", "John D. Podesta") is None


def test_a_title_after_an_honorific_is_not_a_name():
    text = "\u201cMr. President, will you pledge?\u201d Then Mr. President answered. He said no."
    assert nearest_named(text, text.index("He said"), "m") is None


def test_a_possessive_names_the_person_before_it():
    text = "Critics seized upon Mr. Trump's RT appearance. He said little."
    assert nearest_named(text, text.index("He said"), "m") == "Trump"


def test_a_middle_initial_stays_in_the_full_name():
    text = "These are the times of Donald J. Trump, who sat for an interview."
    assert full_name_at(text, text.index("Trump"), "Trump", "m") == "Donald J. Trump"
    text = "the Chancellor of the Exchequer Nigel Lawson said"
    assert full_name_at(text, text.index("Lawson"), "Lawson", "m") == "Nigel Lawson"


def test_the_floor_holder_named_by_given_name_keeps_the_floor():
    text = "Sir Edward believed he could stay, though Mr Wilson had more seats. He said the Liberals would help."
    assert recent_named(text, text.index("He said"), "m", "Edward Heath") is None
    assert recent_named(text, text.index("He said"), "m", "Tony Blair") == "Wilson"


# --- "the 28-year-old", "the Sale full-back": the person just named ---


def test_an_age_descriptor_is_the_person_just_named():
    text = (
        "Runner qualifies\n\n"
        "James Carter won the 800m in Erfurt. The Ulster runner set a personal best.\n\n"
        "\u201cI'm qualified now,\u201d said the 28-year-old."
    )
    assert _speaker_of(text, "the 28-year-old") == "James Carter"


def test_a_team_position_descriptor_is_the_first_person_of_the_last_sentence_naming_anyone():
    # the sentence's subject, not the manager named after it
    text = (
        "Defender happy\n\n"
        "William Gale joined in the summer. Gale has been given confidence by manager Jose Marino. "
        "\u201cWe will challenge,\u201d said the Chelsea defender."
    )
    assert _speaker_of(text, "the Chelsea defender") == "William Gale"


def test_a_descriptor_with_nobody_named_stays_unnamed():
    text = "Match report\n\nThe game ended level. \u201cWe were unlucky,\u201d said the 31-year-old."
    assert _speaker_of(text, "the 31-year-old") is None


def test_what_counts_as_a_descriptor():
    from newstone.nlp.speakers.antecedents import is_descriptor

    assert is_descriptor("31-year-old") and is_descriptor("Sale full-back") and is_descriptor("Wasps wing")
    assert not is_descriptor("shadow chancellor") and not is_descriptor("Tory leader") and not is_descriptor(None)
