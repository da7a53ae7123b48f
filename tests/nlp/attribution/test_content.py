"""Where the reported content starts and stops (lib/newstone/nlp/attribution/content.py),
end to end on sentences written for the tests."""

from __future__ import annotations

import pytest

from tests.helpers.attribution import BODY, content, cue_of, in_body, only, only_of, run, source

# --- where a forward content starts ---


def test_told_reporters_that():
    text = "Okafor told reporters on Monday that the talks had stalled."
    att = only(text)
    assert content(text, att) == "that the talks had stalled"
    assert source(text, att) == "Okafor"


def test_capital_told_capital_that():
    text = "Moscow has told Washington that relations would be damaged."
    att = only(text)
    assert source(text, att) == "Moscow"
    assert content(text, att) == "that relations would be damaged"


@pytest.mark.parametrize(
    "sentence, content",
    [
        ("She told reporters the plan had failed.", "the plan had failed"),
        ("He told CNN the talks would go on.", "the talks would go on"),
        ("He told ABC's This Week the deal was dead.", "the deal was dead"),
        ("He told a news conference the talks had stalled.", "the talks had stalled"),
        ("She told him she would stay.", "she would stay"),
        (
            "It was a concern for China, which the United States has urged to do more to rein in Pyongyang.",
            "to do more to rein in Pyongyang",
        ),
    ],
)
def test_the_object_of_told_or_urged_is_short_and_the_clause_starts_after_it(sentence, content):
    import newstone

    quotes = newstone.parse_text("Head\n\n" + sentence).quotes
    assert quotes["text"].tolist()[-1] == content


def test_said_in_a_statement_both_orders():
    text = (
        "The airline said in a statement that no passengers were hurt. "
        "Flights will resume on Friday, the airline said in a statement."
    )
    atts = run(text)
    assert [content(text, a) for a in atts] == ["that no passengers were hurt", "Flights will resume on Friday"]
    assert all(source(text, a) == "The airline" or source(text, a) == "the airline" for a in atts)


def test_that_before_a_time_word_is_not_a_complementizer():
    text = BODY + "The coach said that night the team would rest."
    assert "the team would rest" in content(text, only(text))


def test_that_relative_clause_is_not_the_content_start():
    text = BODY + "Mr. Ruiz said he meets voters in a town that has no bank."
    assert content(text, only(text)).startswith("he meets voters")


def test_a_subordinator_right_after_that_opens_the_reported_clause():
    text = (
        "Headline\n\nSeveral economists said that while they expect the currency to weaken, "
        "the central bank is unlikely to act."
    )
    att = only(text)
    assert content(text, att) == ("that while they expect the currency to weaken, the central bank is unlikely to act")


def test_quotation_ending_a_reported_clause_does_not_start_the_content():
    text = "The coach took the loss calmly, saying the team would \u201cbounce back\u201d next week."
    att = only(text)
    assert content(text, att) == "the team would \u201cbounce back\u201d next week"
    assert source(text, att) == "The coach"


def test_quotation_after_an_adverbial_still_starts_the_content():
    text = "The coach said on Sunday \u201cwe will bounce back.\u201d"
    att = only(text)
    assert content(text, att) == "\u201cwe will bounce back.\u201d"


def test_colon_before_a_quote_limits_the_content():
    text = BODY + "The mayor read out the rule: \u201cNo cars downtown,\u201d she said."
    assert content(text, only(text)) == "\u201cNo cars downtown,\u201d"


# --- where a forward content stops ---


@pytest.mark.parametrize(
    "tail",
    [
        ", adopting the new budget",
        ", but the council disagreed",
        ", which surprised the council",
        "; the council disagreed",
    ],
)
def test_forward_content_stops_before_an_adjunct(tail):
    text = BODY + f"The mayor said the plan was ready{tail}."
    assert content(text, only(text)) == "the plan was ready"


def test_forward_content_stops_at_prepositional_relative_clause():
    text = "Reyes said he favours the harbour plan, for which he has raised money since May."
    att = only(text)
    assert content(text, att) == "he favours the harbour plan"


def test_referring_to_is_its_own_attribution():
    text = BODY + "The mayor said the plan was ready, referring to the new budget."
    assert [content(text, a) for a in run(text)] == ["the plan was ready", "the new budget"]


def test_a_quotation_closing_on_a_comma_ends_the_content_before_a_participle():
    text, atts = in_body("The mayor said the budget was \u201cin good shape,\u201d adding that taxes would fall.")
    pairs = sorted((cue_of(text, a), source(text, a), content(text, a)) for a in atts)
    assert pairs == [
        ("adding", "The mayor", "that taxes would fall"),
        ("said", "The mayor", "the budget was \u201cin good shape,\u201d"),
    ]


def test_a_quotation_closing_on_a_comma_keeps_a_following_plain_word():
    text, atts = in_body("The mayor said the budget was \u201cin good shape,\u201d for now.")
    att = only_of(atts)
    assert content(text, att) == "the budget was \u201cin good shape,\u201d for now"


def test_content_of_a_nonrestrictive_who_said_ends_at_the_main_verb():
    text = "Ms. Dale, who said the bridge was unsafe, resigned from the board on Monday."
    att = only(text)
    assert content(text, att) == "the bridge was unsafe"
    assert source(text, att) == "who"


# --- an object noun phrase as the content (endorse, oppose) ---


def test_endorse_takes_the_object_noun_phrase():
    text = "The teachers' union endorsed Maria Lopez on Tuesday, citing her school record."
    atts = run(text)
    endorse = [a for a in atts if text[a.cue[0] : a.cue[1]] == "endorsed"]
    assert len(endorse) == 1
    assert content(text, endorse[0]) == "Maria Lopez"
    assert source(text, endorse[0]) == "The teachers' union"


def test_oppose_takes_the_object_up_to_a_time_phrase():
    text = "Two council members opposed the new parking fees on Monday."
    att = only(text)
    assert content(text, att) == "the new parking fees"


# --- fronted adverbials: content or not ---


def test_fronted_adverbial_is_not_content():
    text = BODY + "In an interview, the mayor said, \u201cWe are ready.\u201d"
    att = only(text)
    assert source(text, att) == "the mayor"
    assert content(text, att) == "\u201cWe are ready.\u201d"


def test_fronted_adverbial_with_a_clause_of_its_own_is_the_content():
    text = "As a rule, the agency checks every form twice, officials said."
    att = only(text)
    assert content(text, att) == "As a rule, the agency checks every form twice"
    assert source(text, att) == "officials"


def test_sentence_opening_conjunction_is_no_fronted_adverbial():
    text = "But the rollout was badly handled, she said."
    att = only(text)
    assert content(text, att) == "But the rollout was badly handled"
    assert source(text, att) == "she"


def test_conjunction_before_a_fronted_adverbial_keeps_the_content_forward():
    text = "But in an interview, Mr. Hale said he would run again."
    att = only(text)
    assert content(text, att) == "he would run again"


def test_a_title_in_quotation_marks_keeps_an_adverbial_fronted():
    text, atts = in_body('In an interview on "Evening Report," the minister said the port would close.')
    att = only_of(atts)
    assert (source(text, att), cue_of(text, att), content(text, att)) == (
        "the minister",
        "said",
        "the port would close",
    )


def test_a_long_fronted_adverbial_before_a_quotation_is_no_content():
    text, atts = in_body(
        "In May, as a heckler was led out of the hall in Reno by two guards, "
        "the mayor said, \u201cGet him out of here.\u201d"
    )
    att = only_of(atts)
    assert (source(text, att), cue_of(text, att), content(text, att)) == (
        "the mayor",
        "said",
        "\u201cGet him out of here.\u201d",
    )


def test_a_long_fronted_clause_without_a_following_quotation_stays_content():
    text, atts = in_body("The harbour will close in May, when the new bridge opens, the mayor said.")
    att = only_of(atts)
    assert content(text, att) == "The harbour will close in May, when the new bridge opens"


# --- the content before an end attribution ---


def test_end_attribution_not_cut_by_relative_clause_cue():
    text = "The harbour, a project that she hoped to finish by spring, will open late, the mayor said."
    atts = run(text)
    said = [a for a in atts if text[a.cue[0] : a.cue[1]] == "said"]
    assert len(said) == 1
    assert content(text, said[0]).startswith("The harbour")
    assert source(text, said[0]) == "the mayor"


def test_a_trailing_according_to_sources_the_last_attached_clause():
    text, atts = in_body("The firm hired two lawyers last year, which cost it $4 million, according to its filings.")
    att = next(a for a in atts if cue_of(text, a) == "according to")
    assert content(text, att) == "which cost it $4 million"
    assert source(text, att) == "its filings"


def test_parenthetical_attribution_keeps_both_halves():
    text = "The vote, she said, was never in doubt."
    att = only(text)
    assert [text[s:e] for s, e in att.spans] == ["The vote", "was never in doubt"]


# --- what follows an end attribution is not its content ---


def test_end_attribution_with_trailing_participle():
    text = "\u201cThis map shows the problem,\u201d Ortega said at a news conference, holding up a chart."
    att = only(text)
    assert content(text, att) == "\u201cThis map shows the problem,\u201d"
    assert source(text, att) == "Ortega"


def test_participle_after_an_end_attribution_takes_its_own_object():
    text = "\u201cWe will carry the county easily,\u201d Marsh said, referring to the harbor bond vote."
    atts = run(text)
    assert [(content(text, a), source(text, a)) for a in atts] == [
        ("\u201cWe will carry the county easily,\u201d", "Marsh"),
        ("the harbor bond vote", "Marsh"),
    ]


def test_clause_after_an_end_attribution_and_is_not_content():
    text = "\u201cFollow me,\u201d the guide said, and the tourists walked on toward the harbor."
    att = only(text)
    assert content(text, att) == "\u201cFollow me,\u201d"
    assert source(text, att) == "the guide"


def test_dash_sets_a_closing_quotation_apart():
    text = "Neither farmer liked the mayor - \u201cToo slick by half,\u201d Mr. Ortega said - but both voted."
    att = only(text)
    assert content(text, att) == "\u201cToo slick by half,\u201d"
    assert source(text, att) == "Mr. Ortega"
