"""The clause shapes of a sentence: end, forward, according to, as, passive, asked, colon,
poll (lib/newstone/nlp/attribution/shapes.py), end to end on sentences written for the tests."""

from __future__ import annotations

import pytest

from tests.helpers.attribution import BODY, content, cue_of, in_body, only, only_of, run, source

# --- end attribution: the content, then the cue and the source ---


def test_quote_then_name_said():
    text = "The bridge will reopen in May. \u201cWe are nearly done,\u201d Miller said."
    att = only(text)
    assert content(text, att) == "\u201cWe are nearly done,\u201d"
    assert source(text, att) == "Miller"
    assert att.kind == "direct" and text[att.cue[0] : att.cue[1]] == "said"


def test_end_attribution_to_group():
    text = "The shipment arrived late on Tuesday, officials said."
    att = only(text)
    assert content(text, att) == "The shipment arrived late on Tuesday"
    assert att.speaker == "officials" and att.speaker_type == "group"


def test_quote_closing_its_own_sentence_is_not_end_attributed():
    text = "The details are in her memoir, ''A Long Road.'' Ms. Hale said the trip cost far more than planned."
    atts = run(text)
    assert len(atts) == 1
    assert content(text, atts[0]) == "the trip cost far more than planned"
    assert source(text, atts[0]) == "Ms. Hale"


def test_participle_after_a_quotation_is_not_an_inverted_cue():
    text = "Lopez toured the \u201cmodel farm,\u201d saying the city had finally paid its debts."
    att = only(text)
    assert source(text, att) == "Lopez"
    assert content(text, att) == "the city had finally paid its debts"


# --- according to ---


@pytest.mark.parametrize(
    "text,expected_content",
    [
        ("According to the ministry, exports rose by a third.", "exports rose by a third"),
        ("Exports rose by a third, according to the ministry.", "Exports rose by a third"),
    ],
)
def test_according_to(text, expected_content):
    att = only(text)
    assert content(text, att) == expected_content
    assert source(text, att) == "the ministry"


def test_according_to_in_the_middle_gives_two_pieces():
    text = BODY + "The problem, according to the auditor, is that the books were wrong."
    att = only(text)
    assert source(text, att) == "the auditor"
    assert content(text, att) == "The problem | is that the books were wrong"


def test_according_to_source_runs_to_the_comma():
    text = BODY + "According to a survey by the Lakeside Institute, most residents oppose the plan."
    att = only(text)
    assert source(text, att) == "a survey by the Lakeside Institute"
    assert content(text, att) == "most residents oppose the plan"


@pytest.mark.parametrize(
    "sentence, expected_source",
    [
        (
            "Exports rose by a third, according to an analysis by the Lakeside Institute.",
            "an analysis by the Lakeside Institute",
        ),
        ("The mayor said so, according to audio provided by Radio Dover.", "audio provided by Radio Dover"),
    ],
)
def test_according_to_at_the_end_keeps_the_agent(sentence, expected_source):
    text = BODY + sentence
    (att,) = [a for a in run(text) if cue_of(text, a) == "according to"]
    assert source(text, att) == expected_source


def test_according_to_after_fronted_adverbial_resumes_content():
    text = (
        "For the governor, according to a longtime aide, Tuesday's vote is a test "
        "of whether he can still unite the party."
    )
    att = only(text)
    assert source(text, att) == "a longtime aide"
    assert [text[s:e] for s, e in att.spans] == [
        "For the governor",
        "Tuesday's vote is a test of whether he can still unite the party",
    ]


# --- as-clauses (as the report noted, as the coach put it) ---


def test_as_clause_content_after_and_before():
    text = BODY + "As the report noted, the river is rising fast."
    assert content(text, only(text)) == "the river is rising fast"
    text = BODY + "The river is rising fast, as the report noted on Monday."
    assert content(text, only(text)) == "The river is rising fast"


def test_put_it_with_quotation():
    text = "The season ended early.\n\nAs the coach put it, \u201cwe simply ran out of time.\u201d"
    att = only(text)
    assert source(text, att) == "the coach"
    assert "ran out of time" in content(text, att)


# --- passive and raising verbs (is expected to, seemed to) ---


def test_is_expected_to_gives_subject_and_infinitive():
    text = BODY + "Some 250,000 fans are expected to attend the final, which starts at noon."
    att = only(text)
    assert content(text, att) == "Some 250,000 fans | to attend the final"


def test_seemed_to_takes_the_subject_as_source():
    text = BODY + "The senator seemed to soften her stance on the dam."
    att = only(text)
    assert source(text, att) == "The senator"
    assert content(text, att).endswith("to soften her stance on the dam")


# --- asked whether, asked by ---


def test_asked_whether_is_a_sourceless_question():
    text = BODY + "Asked whether he would run again, the mayor said he was undecided."
    atts = run(text)
    assert [content(text, a) for a in atts] == ["whether he would run again", "he was undecided"]
    assert atts[0].source is None and source(text, atts[1]) == "the mayor"


def test_asked_by_names_the_asker():
    text = BODY + "The mayor was asked by a student why the library closed."
    att = only(text)
    assert source(text, att) == "a student"
    assert content(text, att) == "why the library closed"


# --- colons in headlines and body text ---


def test_headline_colon():
    text = "Poll: Rural Voters Turn Away From Incumbents\n\nThe survey was small."
    atts = run(text)
    assert source(text, atts[0]) == "Poll"
    assert text[atts[0].cue[0] : atts[0].cue[1]] == ":"


def test_headline_kicker_is_not_a_source():
    assert run("Breaking: Mayor Quits After Vote\n\nThe mayor left.") == []
    text = "Mayor: Budget Is Safe\n\nThe mayor spoke."
    assert source(text, only(text)) == "Mayor"


def test_body_colon_before_a_quotation_is_a_cue():
    text = BODY + "The governor fired back: \u201cThe audit is a stunt.\u201d"
    att = only(text)
    assert source(text, att) == "The governor"
    assert text[att.cue[0] : att.cue[1]] == ":"
    assert content(text, att) == "\u201cThe audit is a stunt.\u201d"


def test_body_colon_without_a_quotation_is_nothing():
    assert run(BODY + "The menu had three parts: soup, fish and cake.") == []


# --- a poll as the source (In the latest poll, ...) ---


def test_a_sentence_opening_in_a_poll_attributes_the_clause_to_the_poll():
    text, atts = in_body("In the latest Harbor Times poll, conducted in June, Reyes led Moss by six points.")
    att = only_of(atts)
    assert cue_of(text, att) == "In"
    assert source(text, att) == "the latest Harbor Times poll, conducted in June"
    assert content(text, att) == "Reyes led Moss by six points"


def test_a_poll_phrase_without_a_clause_or_with_another_cue_is_left_alone():
    assert in_body("In the polls, anyway.")[1] == []
    text, atts = in_body("In a poll released Monday, most voters said the tax was too high.")
    assert [(source(text, a), content(text, a)) for a in atts] == [("most voters", "the tax was too high")]


def test_asked_with_an_object_after_an_apposition_is_active():
    text = BODY + "Ann Lee, a teacher and union leader, asked Mayor Dunn whether he had plans for the school."
    att = only(text)
    assert source(text, att).startswith("Ann Lee")
    assert content(text, att) == "whether he had plans for the school"


def test_asked_between_commas_stays_a_passive_question():
    text = BODY + "The mayor, asked whether he would run, said he would not."
    (asked,) = [a for a in run(text) if cue_of(text, a) == "asked"]
    assert asked.source is None
