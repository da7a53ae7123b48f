"""Attributions of one sentence measured against each other: nested beliefs and sourcing
cues, coordinated clauses (lib/newstone/nlp/attribution/nesting.py)."""

from __future__ import annotations

from tests.helpers.attribution import BODY, content, cue_of, only, run, source

# --- a belief or stance inside another speaker's content is part of it ---


def test_nested_reported_speech():
    # the belief is part of what Kirby said: only the outer attribution is made
    # (an inner "said"/"according to" would still be its own; see nested_cue_words.txt)
    text = "Kirby said the United States also believed the deal would worry China."
    atts = run(text)
    assert [source(text, a) for a in atts] == ["Kirby"]
    assert content(text, atts[0]).startswith("the United States also believed")
    assert atts[0].kind == "indirect"


def test_belief_reported_inside_another_speakers_content_is_not_its_own_attribution():
    text = "Carter said that Jones believes the tax plan will fail."
    att = only(text)
    assert source(text, att) == "Carter"


def test_stance_inside_according_to_content_is_not_a_second_attribution():
    text = "Headline here\n\nAccording to the club, most members oppose the merger."
    att = only(text)
    assert source(text, att) == "the club"


def test_officials_have_said_they_believe():
    text = "U.S. officials have said they believe the factory is making drones."
    atts = run(text)
    assert source(text, atts[0]) == "U.S. officials"
    assert text[atts[0].cue[0] : atts[0].cue[1]] == "have said"
    assert atts[0].speaker_type == "group"
    # PolNeAR credits the inner belief to the outer source, not to "they"
    assert atts[1].speaker == "U.S. officials"


def test_pronoun_after_what_inside_a_reported_clause_is_the_outer_speaker():
    text = "Governor Hale said the state will repeal what she called \u201coutdated\u201d parking rules."
    atts = run(text)
    called = [a for a in atts if a.cue and text[a.cue[0] : a.cue[1]] == "called"]
    assert called and all(source(text, a) == "Governor Hale" for a in called)


# --- a speech or sourcing cue inside another speaker's content stays its own ---


def test_nested_said_is_still_its_own_attribution():
    text = "Kirby argued that the ministers said the deal would worry China."
    assert [source(text, a) for a in run(text)] == ["Kirby", "the ministers"]


def test_sourcing_cue_inside_another_speakers_content_is_kept():
    text = "The aide said the senator would resign, according to two officials familiar with the talks."
    sources = {source(text, a) for a in run(text)}
    assert "two officials familiar with the talks" in sources or any(s and "officials" in s for s in sources)


# --- coordinated clauses ---


def test_two_coordinated_attributions_split_the_sentence():
    text = "Ruiz said the tax is fair, but Lopez said it would hurt farmers."
    atts = run(text)
    assert [content(text, a) for a in atts] == ["the tax is fair", "it would hurt farmers"]


def test_shared_subject_second_cue_cuts_the_first_content():
    text = BODY + "Ms. Dole said taxes would rise and said that spending would fall."
    atts = run(text)
    assert [content(text, a) for a in atts] == ["taxes would rise", "that spending would fall"]


def test_that_a_and_that_b_is_one_content():
    text = "The mayor said that the budget was balanced, and that no services would be cut."
    att = only(text)
    assert content(text, att) == "that the budget was balanced, and that no services would be cut"


def test_parenthetical_pronoun_keeps_its_own_source():
    text = BODY + "The documents indicate, he said in an interview, that the council misled voters."
    (said,) = [a for a in run(text) if cue_of(text, a) == "said"]
    assert source(text, said) == "he"
