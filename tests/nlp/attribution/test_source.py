"""The source span next to a cue: who is speaking (lib/newstone/nlp/attribution/source.py),
end to end on sentences written for the tests."""

from __future__ import annotations

import pytest

from tests.helpers.attribution import BODY, content, cue_of, in_body, only, run, source

# --- what the source span starts with ---


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Head.\n\nOn Monday Tony Blair said taxes would fall.", "Tony Blair"),
        ("Head.\n\nEarlier Tory leader Michael Howard said taxes would rise.", "Tory leader Michael Howard"),
        ("Head.\n\nIn the interview Mr Blair said he was sorry.", "Mr Blair"),
        # where the speaker is, or works, belongs to the speaker, not the speaker to it
        ("Head.\n\nOne trader in London said the pound would fall.", "One trader in London"),
        ("Head.\n\nEconomists at Morgan Stanley said the pound would fall.", "Economists at Morgan Stanley"),
        (
            "Head.\n\nKeiichi Udagawa of Bank of Tokyo in New York said it would.",
            "Keiichi Udagawa of Bank of Tokyo in New York",
        ),
        ("Head.\n\nSpeaking in London Mr Blair said taxes would fall.", "London Mr Blair"),  # not a role
        # a particle inside a name is no word before it
        ("Head.\n\nFinance Minister Barend du Plessis said taxes would fall.", "Finance Minister Barend du Plessis"),
        ("Head.\n\nDutch minister Hans van den Broek said taxes would fall.", "Dutch minister Hans van den Broek"),
        ("Head.\n\nA couple of weeks ago I said the plan was wrong.", "I"),
        ("Head.\n\nOn Monday, columnist Jonathan Chait wrote that the plan was wrong.", "columnist Jonathan Chait"),
        ("Head.\n\nOn Monday, former President Barack Obama said the plan was wrong.", "former President Barack Obama"),
        (
            "Head.\n\nOn Monday Senator Lindsey Graham and Senator Richard Blumenthal said the plan was wrong.",
            "Senator Lindsey Graham and Senator Richard Blumenthal",
        ),  # one attribution per person
    ],
)
def test_source_span_leaves_out_what_came_before_the_speaker(text, expected):
    assert {source(text, a) for a in run(text)} == {expected}


def test_time_phrase_is_skipped_before_the_source():
    text = BODY + "The mayor earlier in the day announced that the bridge would close."
    assert source(text, only(text)) == "The mayor"


@pytest.mark.parametrize(
    "sentence, speaker",
    [
        ("The harbour board has twice complained that the ferries run late.", "The harbour board"),
        ("Local critics have in particular noted that the bridge is unsafe.", "Local critics"),
        ("The ministry less than two weeks ago said that the border would reopen.", "The ministry"),
        ("The council has always claimed that the budget is balanced.", "The council"),
    ],
)
def test_adverbs_and_counted_time_before_the_cue_are_skipped(sentence, speaker):
    text = BODY + sentence
    assert source(text, only(text)) == speaker


def test_opening_connective_is_not_part_of_the_speaker():
    text = "Moreover, Ann Lee, a historian at the college, noted that most of the plans end in 2030."
    assert source(text, only(text)).startswith("Ann Lee")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Head.\n\nPrime Minister Theresa May said the deal was done.", "Prime Minister Theresa May"),
        ("Head.\n\nAnalyst Rebecca Day said prices would rise.", "Analyst Rebecca Day"),
        ("Head.\n\nOfficials in May said prices would rise.", "Officials"),
        ("Head.\n\nObama on Tuesday said prices would rise.", "Obama"),
    ],
)
def test_names_that_are_also_months_modals_or_time_words(text, expected):
    assert source(text, only(text)) == expected


def test_a_lone_modal_is_no_source():
    assert run("Head.\n\nDon't say the plan failed.") == []


def test_lone_it_is_a_source_of_speech_verbs_only():
    text = "The agency released its annual report. It also said it had hired forty new inspectors."
    att = only(text)
    assert source(text, att) == "It"
    assert content(text, att) == "it had hired forty new inspectors"
    assert run("It seems the vote was close.") == []
    assert run("It is said that the vote was close.") == []


# --- asides between the speaker and the cue: appositions, relative clauses, dashes ---


def test_citing_parenthetical_keeps_the_subject():
    text = "Nakamura, citing two internal reports, said the plant was unsafe."
    cited, att = run(text)  # "citing" is a cue of its own
    assert (source(text, cited), content(text, cited)) == ("Nakamura", "two internal reports")
    assert source(text, att).startswith("Nakamura")
    assert att.speaker == "Nakamura"
    assert content(text, att) == "the plant was unsafe"


def test_apposition_with_a_place_inside_keeps_the_named_subject():
    text = "Sen. Mark Hollis, facing a tough race in Ohio, a swing state, said he would back the plan."
    assert source(text, only(text)).startswith("Sen. Mark Hollis")


def test_a_middle_initial_stays_in_the_speaker_s_name():
    # "M." had been a token "M" and a full stop, and the source stopped at "Sander M"
    text = "Rep. Sander M. Levin (Mich.), a superdelegate backing the bill, said he had spoken to many."
    att = only(text)
    assert source(text, att).startswith("Rep. Sander M. Levin")
    assert att.speaker == "Sander M. Levin"


def test_relative_clause_with_commas_keeps_the_named_subject():
    text = "Jane Doe, who lost her son in a crash in Denver, Colorado, in May 2010, said the agency ignored her."
    assert source(text, only(text)).startswith("Jane Doe")


def test_sentence_adverb_inside_an_apposition_is_no_speaker():
    text = "Smith, meanwhile, who has no such backing, said the vote proved nothing."
    assert source(text, only(text)).startswith("Smith")


def test_phrase_glued_to_a_quotation_after_said_is_content_not_speaker():
    text = 'Bob Miller, who ran a pro-Smith group, said the Jones "campaign may have left the station."'
    att = only(text)
    assert source(text, att).startswith("Bob Miller")
    assert content(text, att).startswith("the Jones")


def test_a_participle_without_complement_and_a_relative_clause_subject():
    text = (
        "Headline\n\nThe suit came after Acme Telecom, which had a first offer for Zeta rejected, "
        "said it would raise its bid."
    )
    att = only(text)
    assert cue_of(text, att) == "said" and att.speaker == "Acme Telecom"
    assert source(text, att).startswith("Acme Telecom") and content(text, att) == "it would raise its bid"


def test_a_spaced_dash_ends_the_source_phrase():
    text = (
        "Headline\n\nExports rose by a fifth of national incomes - the trade ministry has urged firms to invest more."
    )
    att = only(text)
    assert source(text, att) == "the trade ministry"


@pytest.mark.parametrize(
    "sentence, speaker",
    [
        ("Jane Doe - a former aide to the mayor - said the plan was flawed.", "Jane Doe"),
        (
            "Paul Lee, chief executive of Acme - a music service - believes it is time to act.",
            "Paul Lee, chief executive of Acme",
        ),
    ],
)
def test_a_dash_aside_between_the_speaker_and_the_cue(sentence, speaker):
    text = "Headline\n\n" + sentence
    att = only(text)
    assert source(text, att) == speaker


def test_a_dash_aside_after_a_prepositional_object_names_no_speaker():
    text = "Headline\n\nA pilot suspended over images on her blog - an online diary - says she was fired."
    assert all(source(text, a) != "her blog" for a in run(text))


def test_a_stock_symbol_after_a_company_name_is_skipped_for_the_speaker():
    text = "Headline\n\nBrackets Corp <BRK> said it hired a new chief."
    att = only(text)
    assert source(text, att) == "Brackets Corp" and att.speaker == "Brackets Corp"
    assert content(text, att) == "it hired a new chief"


# --- an inverted source after the cue (“...,” said Paula Greene, a port engineer) ---


def test_inverted_said_with_apposition():
    text = (
        "\u201cThe harbour is too small,\u201d said Paula Greene, a port engineer at the city "
        "council who has studied the plan."
    )
    att = only(text)
    assert source(text, att).startswith("Paula Greene")
    assert att.speaker == "Paula Greene"
    assert att.speaker_title == "port engineer"


def test_inverted_source_may_start_with_a_title():
    text = BODY + "\u201cWe are ready,\u201d said spokesman Ivo Lind."
    assert source(text, only(text)) == "spokesman Ivo Lind"


def test_inverted_said_with_lowercase_role():
    text = "\u201cThe bridge will hold,\u201d said retired engineer Tomas Varga."
    att = only(text)
    assert content(text, att) == "\u201cThe bridge will hold,\u201d"
    assert source(text, att) == "retired engineer Tomas Varga"


def test_inverted_source_with_a_role_noun_and_a_name():
    text = "Head.\n\nCosts rose sharply, said the treasurer, Ann Cole."
    att = only(text)
    assert content(text, att) == "Costs rose sharply"
    assert source(text, att) == "the treasurer, Ann Cole"


def test_that_after_the_inverted_source_comma_belongs_to_a_later_clause():
    text = "\u201cIt was a weak pitch,\u201d said one board member, who added that the vote was close."
    atts = run(text)
    assert [(content(text, a), source(text, a)) for a in atts][0] == (
        "\u201cIt was a weak pitch,\u201d",
        "one board member",
    )


def test_non_restrictive_relative_clause_keeps_who_as_source():
    text = "\u201cThe count is not final,\u201d said Lee Park, who predicted a close race."
    atts = run(text)
    assert [source(text, a) for a in atts] == ["Lee Park", "who"]


@pytest.mark.parametrize(
    "sentence, speaker",
    [
        ("Farmers who lost their crops to the flood said the payments came too late.", "Farmers"),
        ("Two officials who spoke with the Daily Mirror said the plan was dead.", "Two officials"),
    ],
)
def test_speaker_is_the_noun_before_a_restrictive_who_clause(sentence, speaker):
    text = BODY + sentence
    assert source(text, only(text)) == speaker


@pytest.mark.parametrize(
    "sentence, speaker",
    [
        ("People familiar with the planning said the meeting would go ahead.", "People familiar with the planning"),
        ("A source close to the mayor said the plan was dead.", "A source close to the mayor"),
        ("People briefed on the move say the deal is off.", "People briefed on the move"),
    ],
)
def test_speaker_phrase_keeps_its_modifier(sentence, speaker):
    text = BODY + sentence
    assert source(text, only(text)) == speaker


def test_pronoun_inside_a_who_clause_stays_the_speaker():
    text = BODY + "This is the senator who he said would win the race."
    assert all(source(text, a) != "the senator" for a in run(text))


def test_relative_pronoun_never_closes_an_end_attribution():
    text = "The ferry will run again in May. Harbour master Jo Dunn, who declined to give a date."
    atts = run(text)
    assert all(content(text, a) != "Harbour master Jo Dunn" for a in atts)


# --- a subject shared with an earlier verb of the clause ---


def test_shared_subject_after_a_fronted_place():
    text = BODY + "Here in Dover, the mayor thanked voters, saying the count was fair."
    att = only(text)
    assert source(text, att) == "the mayor"
    assert content(text, att) == "the count was fair"


@pytest.mark.parametrize(
    "sentence, speaker",
    [
        ("Hours later, the mayor thanked the crews, saying the roads were clear.", "the mayor"),
        ("Instead, the senator kept to her message, hoping to avoid a misstep.", "the senator"),
        ("Once he was elected, Mayor Okafor cut the budget, saying the town was broke.", "Mayor Okafor"),
        ("Speaking at a fair in Salem, Oregon, Ann Lee praised the farmers, calling them heroes.", "Ann Lee"),
        ("The day before, at a rally in Austin, Tex., Mr. Dunn was blunt, claiming the vote was rigged.", "Mr. Dunn"),
        ("This year, he visited the school, saying the pupils deserved a medal.", "he"),
        ("However, the mayor thanked the crews, saying the roads were clear.", "the mayor"),  # a sentence adverb
        ("Nevertheless, he visited the school, saying the pupils deserved a medal.", "he"),
    ],
)
def test_borrowed_subject_comes_after_fronted_phrases(sentence, speaker):
    text = BODY + sentence
    assert source(text, only(text)) == speaker


@pytest.mark.parametrize(
    "sentence, speaker",
    [
        ("A few minutes later they closed the doors and said the vote would start.", "they"),
        ("The crowd cheered when Mayor Dunn arrived and said the bridge was open.", "Mayor Dunn"),
        ("Mayor Dunn left early after he lost the vote and said the count was wrong.", "Mayor Dunn"),
    ],
)
def test_cue_after_and_borrows_the_nearest_clause_subject(sentence, speaker):
    text = BODY + sentence
    assert source(text, only(text)) == speaker


def test_borrowed_subject_is_not_a_dummy_it():
    text = BODY + "It was a strong speech, as the mayor echoed the critics, saying the plan had failed."
    assert all(source(text, a) != "It" for a in run(text))


def test_a_clause_before_the_comma_is_not_fronted():
    text = BODY + "By noon she had cancelled the rally in Green Bay, Wis., citing the storm."
    assert all(source(text, a) not in ("Wis", "Green Bay") for a in run(text))


def test_cue_after_but_shares_the_clause_subject():
    text = "Mayor Okafor did not name her rival, but told reporters that the budget was a mess."
    att = only(text)
    assert source(text, att) == "Mayor Okafor"
    assert content(text, att) == "that the budget was a mess"


def test_cue_after_and_adverb_shares_the_clause_subject():
    text = "Mayor Okafor toured the flooded district and later said the levee had failed."
    att = only(text)
    assert source(text, att) == "Mayor Okafor"
    assert content(text, att) == "the levee had failed"


@pytest.mark.parametrize(
    "sentence, speaker, cue_text, said",
    [
        (
            "The mayor ended the meeting by saying the budget would be cut.",
            "The mayor",
            "saying",
            "the budget would be cut",
        ),
        (
            "Lopez angered the council last week by claiming that the vote was rigged.",
            "Lopez",
            "claiming",
            "that the vote was rigged",
        ),
        (
            "Park praised the report while noting that the figures were old.",
            "Park",
            "noting",
            "that the figures were old",
        ),
    ],
)
def test_a_cue_participle_after_a_preposition_belongs_to_the_clause_subject(sentence, speaker, cue_text, said):
    text, atts = in_body(sentence)
    att = next(a for a in atts if cue_of(text, a) == cue_text)
    assert (source(text, att), content(text, att)) == (speaker, said)


def test_a_cue_participle_after_a_preposition_needs_a_whole_subject():
    # "Most" is no subject: the borrowed noun phrase stops before the lower-case noun
    text, atts = in_body("Most shoppers left the store after saying the prices were too high.")
    assert atts == []


# --- the subject of a passive cue ---


def test_a_surname_ending_in_ly_is_not_skipped_as_an_adverb_before_a_passive_cue():
    import newstone

    quotes = newstone.parse_text(
        "Head\n\nMs Kelly is expected to announce her plans. The talks are widely expected to fail."
    ).quotes
    assert quotes["speaker_mention"].tolist()[0] == "Ms Kelly"
    assert quotes["text"].tolist()[1] == "to fail"


def test_a_date_governed_by_a_preposition_is_not_the_passive_subject():
    text = "Headline\n\nFinal results for the quarter to March 31 are expected to be released after the holiday."
    att = only(text)
    assert source(text, att) == "Final results for the quarter to March 31"
