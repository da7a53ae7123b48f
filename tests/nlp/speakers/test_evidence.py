"""Person or organisation? Words in the name, known organisations, and what the article says
about a lone name (lib/newstone/nlp/speakers/evidence.py)."""

from __future__ import annotations

import pytest

from newstone.nlp.speakers.coreference import resolve_speakers
from newstone.nlp.speakers.mention import describe_mention
from tests.helpers.speakers import attributed_to, one_speaker

# --- words in the name ---


def test_a_name_ending_in_a_company_word_is_an_organisation():
    assert (
        one_speaker("British Airways").kind,
        one_speaker("Cairn Energy").kind,
        one_speaker("Paramount Pictures").kind,
    ) == (
        "organization",
        "organization",
        "organization",
    )
    assert one_speaker("Energy Secretary Ed Miliband").kind == "person"


@pytest.mark.parametrize(
    "mention, kind",
    [
        ("Human Rights Watch", "organization"),  # organisations.txt: reads like a phrase
        ("Save the Children", "organization"),
        ("Shearson Lehman Brothers", "organization"),  # a company suffix (organisation_evidence.tsv)
        ("Pacific Express Co", "organization"),
        ("Qwest Communications", "organization"),
        ("Alan Watch", "person"),  # a given name and a suffix word: a person
    ],
)
def test_organisations_that_read_like_people_or_phrases(mention, kind):
    assert describe_mention(mention)[0].kind == kind


def test_a_given_name_before_an_organisation_word_is_a_person():
    # "Fox" alone is the network; after a known given name it is a surname
    text = "Opposition spokesman Nigel Fox said the plan was late. Mr Fox said more. Fox said nothing."
    out = resolve_speakers(
        text,
        [
            attributed_to(text, "Opposition spokesman Nigel Fox"),
            attributed_to(text, "Mr Fox"),
            attributed_to(text, "Fox", 2),
        ],
    )
    assert [(a.speaker, a.speaker_type) for a in out] == [
        ("Nigel Fox", "person"),
        ("Nigel Fox", "person"),
        ("Nigel Fox", "person"),
    ]
    assert (one_speaker("Fox").kind, one_speaker("Fox News").kind) == ("organization", "organization")


# --- what the article says about the name ---


@pytest.mark.parametrize(
    "text, mention, speaker, kind",
    [
        # organisation evidence elsewhere in the article (data/organisation_evidence.tsv)
        ("Security firm Sophos found it. Sophos said the virus spread.", "Sophos", "Sophos", "organization"),
        ("Yukos's shares fell. Yukos said it would appeal.", "Yukos", "Yukos", "organization"),
        ("Shares in Cairn Energy rose. Cairn said output grew.", "Cairn", "Cairn", "organization"),
        # person evidence wins: an honorific before the name, or no evidence at all
        ("Lord Falconer met the firm. Falconer said the law was clear.", "Falconer", "Falconer", "person"),
        ("Falconer said the law was clear.", "Falconer", "Falconer", "person"),
        ("His rival Brown spoke first. Brown said the law was clear.", "Brown", "Brown", "person"),
        # a capitalised ordinary word the article also writes in lower case is no name
        ("More said it than ever. There were more of them.", "More", None, "unknown"),
        # ... unless the article also writes it mid-sentence, as a name
        ("We may see it, said May. May said so.", "May", "May", "person"),
        ("They will grow; we may see it. May said so.", "May", None, "unknown"),  # a known limit
    ],
)
def test_a_lone_capitalised_speaker_is_typed_from_the_article(text, mention, speaker, kind):
    out = resolve_speakers(text, [attributed_to(text, mention, text.count(mention) - 1)])
    assert (out[0].speaker, out[0].speaker_type) == (speaker, kind)


def test_a_well_known_organisation_speaking_alone_is_one_unless_named_as_a_person():
    text = "Sony said sales rose. Later the singer Fiona Apple said she was pleased. Apple said so too."
    out = resolve_speakers(text, [attributed_to(text, "Sony"), attributed_to(text, "Apple", 1)])
    assert [(a.speaker, a.speaker_type) for a in out] == [("Sony", "organization"), ("Fiona Apple", "person")]


def test_a_given_name_before_an_organisation_word_stays_an_organisation_the_article_writes_as_one():
    text = "Shoppers queued at retailer Mary Times. Mary Times said sales rose."
    out = resolve_speakers(text, [attributed_to(text, "Mary Times", 1)])
    assert (out[0].speaker, out[0].speaker_type) == ("Mary Times", "organization")
