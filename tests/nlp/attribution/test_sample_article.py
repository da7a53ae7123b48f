"""Attribution on the user's sample article (data/sample_reuters_putin_north_korea.txt):
who is credited with each statement, and the speaker fields."""

from __future__ import annotations

import pytest

from newstone.nlp.attribution.document import extract_attributions
from newstone.nlp.sentences import split_sentences
from newstone.nlp.speakers.coreference import resolve_speakers


@pytest.fixture(scope="module")
def sample(sample_text):
    """The sample's text and its attributions over the headline and the body."""
    text = sample_text
    head_start = text.index("Putin makes")
    head_end = text.index("\n", head_start)
    body_start = text.index("(Reuters) \u2013 ") + len("(Reuters) \u2013 ")
    body_end = text.index("(Reporting by")
    sentences = split_sentences(text, [(head_start, head_end), (body_start, body_end)])
    return text, resolve_speakers(text, extract_attributions(text, sentences))


# --- who says what ---


def speaker_of(sample, content_start: str) -> list[str]:
    text, atts = sample
    return [
        a.speaker
        for a in atts
        if text[a.start :].startswith(content_start) or text[a.start :].lstrip("\u201c,").startswith(content_start)
    ]


@pytest.mark.parametrize(
    "content_start,speaker",
    [
        ("Russian President Vladimir Putin's comments", "Matthew Miller"),
        ("that supplying weapons", "Vladimir Putin"),
        ("that South Korea", "Vladimir Putin"),
        ("It\u2019s incredibly concerning", "Matthew Miller"),
        ("It would destabilize", "Matthew Miller"),
        ("that concerning", "John Kirby"),
        ("Russia's need", "John Kirby"),
        ("We have been talking", "John Kirby"),
        ("It\u2019s obviously something", "John Kirby"),
        ("the United States also believed", "John Kirby"),
        ("he was concerned", "NATO chief"),
        ("they believe North Korea", "U.S. officials"),
        ("Russia could give", "Evan Medeiros"),
        ("And second", "Evan Medeiros"),
        ("This photo says it all", "Richard Blumenthal"),
        ("that diplomatic relations", "Moscow"),
    ],
)
def test_sample_speakers(sample, content_start, speaker):
    assert speaker in speaker_of(sample, content_start)


def test_sample_joint_senators(sample):
    assert sorted(speaker_of(sample, "Putin's visit to North Korea")) == ["Lindsey Graham", "Richard Blumenthal"]


# --- speaker fields ---


def test_sample_speaker_fields(sample):
    text, atts = sample
    by_speaker = {a.speaker: a for a in atts}
    kirby = by_speaker["John Kirby"]
    assert kirby.speaker_title == "White House national security spokesman"
    assert kirby.speaker_org == "White House"
    chief = by_speaker["NATO chief"]
    assert (chief.speaker_title, chief.speaker_org, chief.speaker_type) == ("NATO chief", "NATO", "person")
    assert by_speaker["U.S. officials"].speaker_type == "group"
    assert by_speaker["Moscow"].speaker_type == "country"
    assert by_speaker["Evan Medeiros"].speaker_title == "Asia specialist"
    assert all(a.speaker_country is None for a in atts)
