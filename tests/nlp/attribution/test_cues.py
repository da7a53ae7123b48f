"""Is this word a cue here? Verb context, the flags of data/cues.tsv, non-cues and
homographs (lib/newstone/nlp/attribution/cues.py), end to end on sentences written for the tests."""

from __future__ import annotations

import pytest

from tests.helpers.attribution import BODY, content, cue_of, in_body, only, only_of, run, source

# --- verbs that need a that-clause, a quotation or a demonstrative ---


def test_called_that_concerning():
    text = "Senator Hale called that troubling, but not surprising."
    att = only(text)
    assert source(text, att) == "Senator Hale"
    assert content(text, att).startswith("that troubling")


def test_called_needs_a_quotation_or_a_demonstrative():
    assert run(BODY + "She works at a small firm called Brightline in the old mill.") == []
    text = BODY + "The mayor called the ruling \u201ca disgrace.\u201d"
    assert source(text, only(text)) == "The mayor"


def test_end_only_cue_needs_a_quotation():
    text = BODY + "\u201cWe will finish the road,\u201d she continued."
    assert source(text, only(text)) == "she"
    assert run(BODY + "She continued to campaign in the north.") == []


def test_end_only_cue_with_a_that_clause():
    text = "The mayor shot back that the audit had been ordered months ago."
    att = only(text)
    assert content(text, att) == "that the audit had been ordered months ago"
    assert source(text, att) == "The mayor"


def test_found_needs_a_that_clause():
    text = BODY + "A new survey found that voters were tired of the campaign."
    assert source(text, only(text)) == "A new survey"
    assert run(BODY + "Police found a wallet near the station.") == []


def test_responded_needs_a_quote_or_that_clause():
    assert run("The ministry did not respond to repeated requests for comment.") == []
    assert run("Mrs. Okafor responded with a new television ad on Friday.") == []
    text = "Mrs. Okafor responded that the claims were baseless."
    assert source(text, only(text)) == "Mrs. Okafor"
    text = "Mrs. Okafor responded: “These claims are baseless.”"
    assert content(text, only(text)) == "“These claims are baseless.”"


@pytest.mark.parametrize("verb", ["knew", "learned", "worried", "saw"])
def test_attitude_verbs_with_that_clause(verb):
    text = f"The inspectors {verb} that the dam was leaking."
    att = only(text)
    assert source(text, att) == "The inspectors"
    assert content(text, att) == "that the dam was leaking"
    assert run(f"The inspectors {verb} the dam on Monday.") == []


@pytest.mark.parametrize("verb", ["denied", "demanded", "recognized"])
def test_that_clause_or_quote_cues(verb):
    text = f"The minister {verb} that the army had been deployed."
    att = only(text)
    assert source(text, att) == "The minister"
    assert content(text, att) == "that the army had been deployed"
    assert run(f"The minister {verb} the request on Monday.") == []


@pytest.mark.parametrize("verb", ["demanded", "suspected", "denied", "welcomed", "testified", "recognized"])
def test_low_precision_verbs_are_no_cues_without_that(verb):
    assert run(f"The panel {verb} the new budget plan.") == []


def test_stated_with_a_that_clause_is_a_forward_attribution():
    text = "The harbor master stated that the ferry would resume service in June."
    att = only(text)
    assert content(text, att) == "that the ferry would resume service in June"
    assert source(text, att) == "The harbor master"


def test_stated_without_a_that_clause_or_a_quote_is_no_cue():
    text = "The council met its stated goal of planting a thousand trees."
    assert run(text) == []


def test_continued_with_a_that_clause_but_not_continued_to():
    text = "The treasurer continued that the fund was solvent. The treasurer continued to sign the checks."
    att = only(text)
    assert content(text, att) == "that the fund was solvent"
    assert source(text, att) == "The treasurer"


# --- verbs that take their object as the content ---


def test_cited_and_citing_are_cues():
    text = "The mayor cancelled the parade, citing concerns about the storm forecast."
    att = only(text)
    assert source(text, att) == "The mayor"
    assert "concerns about the storm forecast" in content(text, att)
    text = "The council cited rising costs as the reason for the delay."
    att = only(text)
    assert source(text, att) == "The council"
    assert content(text, att).startswith("rising costs")


@pytest.mark.parametrize("verb", ["expressed", "decried", "denounced", "discussed"])
def test_attitude_and_discussion_verbs_take_their_object(verb):
    text = f"Governor Alvarez {verb} the new tariffs on steel imports."
    att = only(text)
    assert source(text, att) == "Governor Alvarez"
    assert content(text, att) == "the new tariffs on steel imports"


def test_ordered_verb_and_order_noun():
    text = "The judge ordered the city to reopen the shelter by Monday."
    att = only(text)
    assert source(text, att) == "The judge"
    assert content(text, att).startswith("the city to reopen")
    assert run("The judge signed the order on Monday.") == []


def test_verb_with_preposition_cues():
    text = BODY + "The senator talked about the harvest and the weather."
    assert content(text, only(text)) == "the harvest and the weather"


# --- light verbs (expressed, raised, voiced) need a stance noun ---


@pytest.mark.parametrize(
    "sentence, speaker, cue_text, said",
    [
        ("The mayor expressed deep concern about the budget.", "The mayor", "expressed", "the budget"),
        ("The senator raised questions about the deal.", "The senator", "raised", "the deal"),
        ("He voiced support for the plan.", "He", "voiced", "the plan"),
        ("The group claimed responsibility for the blackout.", "The group", "claimed", "the blackout"),
        ("She expressed confidence that the bill would pass.", "She", "expressed", "that the bill would pass"),
    ],
)
def test_a_light_verb_with_a_stance_noun_has_the_topic_as_content(sentence, speaker, cue_text, said):
    text, atts = in_body(sentence)
    att = only_of(atts)
    assert (source(text, att), cue_of(text, att), content(text, att)) == (speaker, cue_text, said)


@pytest.mark.parametrize(
    "sentence",
    [
        "She raised money for the party.",
        "The actor voiced the villain in the film.",
    ],
)
def test_raise_and_voice_without_a_stance_noun_are_no_cues(sentence):
    assert in_body(sentence)[1] == []


# --- judgements need an as-complement (see ... as, regard ... as) ---


@pytest.mark.parametrize(
    "sentence, speaker, cue_text, said",
    [
        ("Many voters see the mayor as a fighter.", "Many voters", "see", "the mayor as a fighter"),
        (
            "The council regards the bridge as a waste of money.",
            "The council",
            "regards",
            "the bridge as a waste of money",
        ),
        ("Reyes portrayed her rival as out of touch.", "Reyes", "portrayed", "her rival as out of touch"),
    ],
)
def test_a_judgement_with_an_as_complement(sentence, speaker, cue_text, said):
    text, atts = in_body(sentence)
    att = only_of(atts)
    assert (source(text, att), cue_of(text, att), content(text, att)) == (speaker, cue_text, said)


@pytest.mark.parametrize(
    "sentence",
    [
        "The mayor saw the bridge from her office.",
        "The mayor saw the bridge as well as the harbour.",
        "The crew cast the nets at dawn.",
        "The council regards the matter closed.",
    ],
)
def test_seeing_or_casting_without_an_as_complement_is_no_attribution(sentence):
    assert in_body(sentence)[1] == []


# --- the words around the verb: adverbs, auxiliaries, participles, relative clauses ---


def test_an_adverb_before_the_verb_is_part_of_the_cue():
    text = "He also warned that the dam could fail."
    att = only(text)
    assert text[att.cue[0] : att.cue[1]] == "also warned"
    assert content(text, att) == "that the dam could fail"


def test_participle_modifying_a_noun_is_not_an_attribution():
    text = "The mayor met residents opposing the new tower on Friday."
    assert run(text) == []
    text = "Neighbours filed a complaint alleging that the plant leaks at night."
    assert run(text) == []


def test_participle_after_contracted_be_or_with_is_kept():
    text = "She's warning that the dam could fail this spring."
    att = only(text)
    assert source(text, att) == "She's"
    text = "The vote was delayed, with the mayor insisting that the budget come first."
    atts = run(text)
    assert any(source(text, a) == "the mayor" and "budget come first" in content(text, a) for a in atts)


def test_restrictive_relative_clause_is_not_an_attribution():
    text = "The mayor thanked residents who argued that the park should stay open."
    assert run(text) == []


def test_passive_is_not_attributed_to_the_subject():
    text = "The proposal was rejected by the committee."
    assert run(text) == []


# --- nouns that are also cue verbs (homographs) ---


def test_noun_homograph_after_a_singular_noun_is_a_verb():
    text = BODY + "The report notes that exports fell in May."
    assert source(text, only(text)) == "The report"


def test_poll_shows_after_adjectives():
    text = "A new statewide poll shows Garcia with a narrow lead over Benson."
    att = only(text)
    assert content(text, att) == "Garcia with a narrow lead over Benson"
    assert source(text, att) == "A new statewide poll"


def test_plural_subject_base_form_cue():
    text = "The latest surveys show that the tax plan is unpopular."
    att = only(text)
    assert content(text, att) == "that the tax plan is unpopular"


def test_base_form_after_singular_name_is_a_noun():
    text = "Headline here\n\nHe appeared on the NBC show on Sunday night."
    assert run(text) == []


def test_plural_noun_cue_closing_the_sentence_is_a_verb():
    text = "Turnout in the valley fell by a third, county records show."
    att = only(text)
    assert content(text, att) == "Turnout in the valley fell by a third"
    assert source(text, att) == "county records"


@pytest.mark.parametrize(
    "text, expected_source, expected_content",
    [
        ("Recent polls show the senator with a narrow lead.", "Recent polls", "the senator with a narrow lead"),
        ("A new survey shows most farmers back the plan.", "A new survey", "most farmers back the plan"),
    ],
)
def test_document_nouns_make_show_a_verb(text, expected_source, expected_content):
    att = only(text)
    assert source(text, att) == expected_source
    assert content(text, att) == expected_content


def test_tv_show_is_still_no_cue():
    assert run("The talk show ran for ten years on cable.") == []


@pytest.mark.parametrize(
    "sentence, speaker, said",
    [
        (
            "A new Harbor Times poll found Reyes ahead by six points.",
            "A new Harbor Times poll",
            "Reyes ahead by six points",
        ),
        ("The study finds most commuters prefer the train.", "The study", "most commuters prefer the train"),
    ],
)
def test_a_document_finds_with_or_without_that(sentence, speaker, said):
    text, atts = in_body(sentence)
    att = only_of(atts)
    assert (source(text, att), content(text, att)) == (speaker, said)


def test_a_person_who_finds_a_thing_is_no_attribution():
    assert in_body("The mayor found a wallet on the bridge.")[1] == []


# --- cue words that are no cue here: listed non-cues, names, modifiers ---


def test_listed_non_cues_are_skipped():
    assert run(BODY + "He works at a liberal think tank in the capital.") == []
    assert run(BODY + "Hundreds of people showed up at the rally.") == []


def test_capitalised_cue_inside_a_name_is_no_cue():
    """ "Slam" is a cue verb ("critics slam the plan"), "the Grand Slam" is a tournament."""
    assert run("Head.\n\nShe won the Grand Slam title in 2004 after a long wait.") == []
    text = "Putin Warns West Over Missiles\n\nBody text here."
    assert source(text, only(text)) == "Putin"  # title-case headlines keep their verbs


@pytest.mark.parametrize(
    "sentence, speaker, cue",
    [
        (
            "\u201cThe ledger was wrong,\u201d state prosecutor Maria Lopez told reporters.",
            "state prosecutor Maria Lopez",
            "told",
        ),
        ("\u201cIt is over,\u201d state officials have said.", "state officials", "have said"),
        ("\u201cIt is over,\u201d said Florida state archivist Ann Lee.", "Florida state archivist Ann Lee", "said"),
        ("\u201cIt is over,\u201d said Stop The Road chairman Ann Lee said.", "Stop The Road chairman Ann Lee", "said"),
    ],
)
def test_a_cue_word_modifying_the_subject_of_another_verb_is_no_cue(sentence, speaker, cue):
    text = "Headline\n\n" + sentence
    att = only(text)
    assert source(text, att) == speaker and cue_of(text, att) == cue


def test_a_capitalised_cue_word_inside_a_company_name_in_a_lede_is_no_cue():
    # wire copy has no headline line: its first paragraph is a lede in sentence case
    text = "Brackets Corp, a unit of Pacific Express Co <PEX>, said it hired a new chief."
    att = only(text)
    assert cue_of(text, att) == "said" and content(text, att) == "it hired a new chief"


def test_a_title_case_headline_still_has_capitalised_cues():
    text = "Mayor Warns City Over Floods\n\nThe river rose."
    att = only(text)
    assert cue_of(text, att) == "Warns" and source(text, att) == "Mayor"
