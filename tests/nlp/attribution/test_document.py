"""Attribution over a whole article: quotations across sentences and paragraphs, split and
floating quotations, transcripts (lib/newstone/nlp/attribution/document.py)."""

from __future__ import annotations

import time

import pytest

from newstone.nlp.attribution.document import extract_attributions
from newstone.nlp.sentences import split_sentences
from tests.helpers.attribution import BODY, content, only, run, source

# --- a quotation over several sentences or paragraphs ---


def test_quote_over_sentences_and_paragraphs():
    text = "\u201cThe first point is cost. The second is time.\n\n\u201cAnd the third is trust,\u201d Ibarra said."
    att = only(text)
    assert att.spans == [(0, text.index(" Ibarra"))]
    assert source(text, att) == "Ibarra"


def test_quote_cut_off_by_the_splitter_gets_its_attribution():
    text = BODY + "\u201cWho will pay for the bridge?\u201d the treasurer asked. The council was silent."
    att = only(text)
    assert source(text, att) == "the treasurer"
    assert content(text, att) == "\u201cWho will pay for the bridge?\u201d"


# --- a quotation split by its attribution ---


def test_quote_split_by_its_attribution():
    text = "\u201cWe will appeal,\u201d he said. \u201cThe ruling is wrong.\u201d"
    att = only(text)
    assert [text[s:e] for s, e in att.spans] == ["\u201cWe will appeal,\u201d", "\u201cThe ruling is wrong.\u201d"]
    assert att.kind == "direct"


def test_quote_split_inside_one_sentence():
    text = "\u201cWe will appeal,\u201d he said, \u201cbecause the ruling is wrong.\u201d"
    att = only(text)
    assert len(att.spans) == 2


def test_continuation_quote_after_inverted_source_with_relative_clause():
    # same paragraph: the second quotation is a second piece of the "said" attribution
    text = (
        "The vote was close.\n\n\u201cWe expected more,\u201d said Lena Ortiz, who thinks often about "
        "the count. \u201cI am not giving up.\u201d"
    )
    said = [a for a in run(text) if a.cue and text[a.cue[0] : a.cue[1]] == "said"]
    assert content(text, said[0]) == "\u201cWe expected more,\u201d | \u201cI am not giving up.\u201d"
    # next paragraph: a cue-less quotation goes to Ortiz, not to the relative pronoun
    text = (
        "The vote was close.\n\n\u201cWe expected more,\u201d said Lena Ortiz, who thinks often about "
        "the count.\n\n\u201cI am not giving up. We will try again next year.\u201d"
    )
    floating = [a for a in run(text) if a.cue is None]
    assert len(floating) == 1 and source(text, floating[0]) == "Lena Ortiz"


# --- a floating quotation paragraph takes the previous speaker ---


def test_floating_quote_paragraph_takes_previous_speaker():
    text = (
        "\u201cPrices will fall,\u201d said Ana Ruiz, an economist at the bank.\n\n"
        "\u201cBut not before the winter.\u201d\n\n"
        "Rain is expected on Sunday."
    )
    atts = run(text)
    assert len(atts) == 2
    assert atts[1].cue is None and atts[1].speaker == "Ana Ruiz"
    assert content(text, atts[1]) == "\u201cBut not before the winter.\u201d"


def test_new_paragraph_without_quote_is_not_floating():
    text = "\u201cPrices will fall,\u201d said Ana Ruiz.\n\nRain is expected on Sunday, and the roads are closed."
    assert len(run(text)) == 1


def test_floating_quote_skips_a_sourceless_attribution():
    text = (
        BODY + "\u201cIt is late,\u201d Ms. Tan said when asked about the delay.\n\n"
        "\u201cWe will catch up by spring.\u201d"
    )
    atts = run(text)
    floating = [a for a in atts if content(text, a).startswith("\u201cWe will")]
    assert floating and source(text, floating[0]) == "Ms. Tan"


def test_no_floating_quote_after_reported_speech():
    text = BODY + "The mayor said the budget was balanced.\n\n\u201cWe are a city of builders.\u201d"
    assert [content(text, a) for a in run(text)] == ["the budget was balanced"]


# --- transcripts: a speaker label opens a turn ---


def test_transcript_speaker_label_opens_a_turn():
    text = (
        "Senators Debate Farm Subsidies.\n\nThe host pressed the senator on the bill.\n\n"
        "MARLOWE: Well, the farm bill is long overdue and we will pass it.\n\n"
        "The segment ended there."
    )
    att = only(text)
    assert source(text, att) == "MARLOWE"
    assert content(text, att) == "Well, the farm bill is long overdue and we will pass it"
    assert text[att.cue[0] : att.cue[1]] == ":"


def test_transcript_label_with_two_words_and_kicker_labels():
    text = (
        "Farm Subsidies Return.\n\nJANE ODUYA: The subsidies never really went away.\n\n"
        "UPDATE: The vote was moved to Friday."
    )
    atts = run(text)
    assert [(source(text, a), content(text, a)) for a in atts] == [
        ("JANE ODUYA", "The subsidies never really went away")
    ]


def test_transcript_label_not_in_headline_or_mixed_case():
    text = "Senator Marlowe: The Farm Bill Is Overdue.\n\nNote: the vote was moved to Friday."
    assert [source(text, a) for a in run(text)] == ["Senator Marlowe"]


def test_first_person_inside_a_transcript_turn_is_the_labelled_speaker():
    text = "Interview notes\n\nHOST: Will the bridge open on time?\n\nMARLOWE: I think the crews will finish by August."
    atts = run(text)
    think = [a for a in atts if a.cue and text[a.cue[0] : a.cue[1]] == "think"]
    assert len(think) == 1
    assert source(text, think[0]) == "MARLOWE"


def test_an_editorial_note_label_is_no_speaker():
    text = "Acme results\n\nNet profit 5,000 vs 4,000\n\nNOTE: Figures exclude a one-off gain."
    assert run(text) == []


# --- any text: offsets in order, odd input, long input ---


def test_offsets_are_in_text_order():
    text = "\u201cA is true,\u201d Ames said. Baker said B was false. C is likely, Cruz said."
    atts = run(text)
    assert [a.start for a in atts] == sorted(a.start for a in atts)
    assert [a.speaker for a in atts] == ["Ames", "Baker", "Cruz"]


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "\u201c",
        "\u201d\u201d\u201c said",
        "said",
        "He said.",
        ", said .",
        "\u201cUnclosed quote, he said",
        "''",
        "'''' ''",
        "According to",
        "According to,",
        ":",
        "A: B",
        "\u201cA,\u201d said",
        "(said)",
        "he said. declared.",
        "American State, Matthew Miller.",
    ],
)
def test_odd_input_never_raises(text):
    atts = run(text)
    for a in atts:
        assert all(0 <= s <= e <= len(text) for s, e in a.spans)


def test_long_text_without_punctuation_is_fast():
    text = "word " * 200_000
    started = time.perf_counter()
    extract_attributions(text, split_sentences(text))
    assert time.perf_counter() - started < 10
