"""A speaker's country, and the user's roster of officials applied once
(lib/newstone/nlp/speakers/facts.py)."""

from __future__ import annotations

import pytest

import newstone
from newstone.model import Attribution
from newstone.nlp.speakers.coreference import resolve_speakers
from newstone.nlp.speakers.facts import Roster, apply_roster, fill_speaker_country, speaker_country
from tests.helpers import SAMPLE
from tests.helpers.speakers import attributed_to

# --- speaker country from the title, the organisation and the mention ---


@pytest.mark.parametrize(
    "title, org, mention, expected",
    [
        ("Russian President", None, "Vladimir Putin", "RUS"),
        ("White House national security spokesman", None, "John Kirby", "USA"),
        ("Republican Senator", None, "Lindsey Graham", "USA"),
        ("Democratic Senator", None, "Richard Blumenthal", "USA"),
        ("North Korean leader", None, "Kim Jong Un", "PRK"),
        ("the State Department spokesman", None, "Matthew Miller", "USA"),
        ("Department of Defense spokesman", None, None, "USA"),
        ("Sen.", None, "Graham", "USA"),
        (None, "Kremlin", None, "RUS"),
        (None, None, "Moscow", "RUS"),
        (None, None, "the United States", "USA"),
        (None, None, "the Kremlin", "RUS"),
        ("U.S. ambassador to Russia", None, None, "USA"),
        ("ambassador to Russia", None, None, None),
        ("The NATO chief", None, None, None),
        ("Social Democrat lawmaker", None, None, None),
        ("Secretary of State for Northern Ireland", None, None, "GBR"),
        (None, None, "he", None),
        (None, None, None, None),
    ],
)
def test_speaker_country_rules(title, org, mention, expected):
    assert speaker_country(title, org, mention) == expected


@pytest.mark.parametrize(
    "mention, expected",
    [
        ("The Reagan administration", "USA"),  # a government named after its leader (office_holders.tsv)
        ("a Reagan administration official", "USA"),
        ("Senior Thatcher government officials", "GBR"),
        ("the Kohl cabinet", "DEU"),
        ("an Obama administration spokesman", "USA"),
        ("Major government bond dealers", None),  # "Major" is a word first (leader_surname_words.txt)
        ("The Johnson administration", None),  # 1960s USA or Boris Johnson's Britain: not guessed
        ("The administration", None),
        ("Reagan", None),  # the leader himself is a person, not his country's government
        ("the Reagan campaign", None),  # a campaign, not a government
    ],
)
def test_a_government_named_after_its_leader_has_the_leaders_country(mention, expected):
    from newstone.nlp.speakers.facts import leader_body_country

    assert leader_body_country(mention) == expected


def test_an_official_of_a_leaders_administration_is_of_that_country():
    text = "Trade gap widens\n\nA Reagan administration official said the deficit would narrow by autumn."
    att = resolve_speakers(text, [attributed_to(text, "A Reagan administration official")])[0]
    fill_speaker_country(text, att)
    assert (att.speaker_org, att.speaker_country) == ("Reagan administration", "USA")


@pytest.mark.parametrize(
    "mention,country",
    [
        ("Mr Berg's government", "NOR"),  # the owner's title in the article
        ("President Joe Biden's administration", "USA"),  # a head of government (office_holders.tsv)
        ("Mayor Tim Hollis's office", None),  # nothing known
    ],
)
def test_an_owned_organisation_has_its_owners_country(mention, country):
    from newstone.nlp.speakers.facts import fill_speaker_country

    text = f"Talks delayed\n\nNorwegian Prime Minister Ola Berg spoke on Monday. {mention} said the plan would wait."
    att = resolve_speakers(text, [attributed_to(text, mention)])[0]
    fill_speaker_country(text, att)
    assert att.speaker_country == country


def test_office_holders_table_uses_known_countries():
    from newstone.nlp.countries import country_names
    from newstone.nlp.speakers.facts import office_holders

    assert office_holders() and set(office_holders().values()) <= set(country_names())


# --- the user's roster of officials ---


ROSTER_CSV = """name,aliases,title,organisation,country
Matthew Miller,Miller|State Dept spokesman Miller,spokesman,State Department,
Evan Medeiros,Medeiros,professor,Georgetown University,Russia
Jane Doe,,,,gbr
"""


@pytest.fixture()
def roster(tmp_path) -> Roster:
    path = tmp_path / "officials.csv"
    path.write_text(ROSTER_CSV, encoding="utf-8")
    return Roster.load(path)


def test_roster_lookup_by_name_and_alias(roster):
    assert roster.lookup("Matthew Miller") == {
        "name": "Matthew Miller",
        "title": "spokesman",
        "org": "State Department",
        "country": None,
    }
    assert roster.lookup("  miller ")["name"] == "Matthew Miller"
    assert roster.lookup("Nobody") is None
    assert len(roster) == 3


def test_roster_country_names_are_normalised(roster):
    assert roster.lookup("Medeiros")["country"] == "RUS"
    assert roster.lookup("Jane Doe")["country"] == "GBR"


def roster_country(roster, text: str, mention: str, speaker=None, title=None) -> str | None:
    """What the pipeline gives: the roster applied once, then the speaker's country."""
    start = text.index(mention)
    attribution = Attribution(
        "indirect",
        [(0, 1)],
        source=(start, start + len(mention)),
        speaker=speaker,
        speaker_type="person",
        speaker_title=title,
    )
    apply_roster(text, attribution, roster)
    fill_speaker_country(text, attribution)
    return attribution.speaker_country


def test_roster_overrides_the_text(roster):
    # The text calls him a Chinese official; the roster says Russia.
    assert roster_country(roster, "Medeiros said so.", "Medeiros", title="Chinese official") == "RUS"
    assert roster_country(roster, "He said so.", "He", speaker="Evan Medeiros") == "RUS"
    # No country in the roster: its organisation decides.
    assert roster_country(roster, "Miller said so.", "Miller", title="Japanese diplomat") == "USA"


def test_a_roster_without_a_name_column_is_refused_and_unknown_countries_are_named(tmp_path):
    import pytest

    from newstone.errors import RosterError
    from newstone.nlp.speakers.facts import Roster

    (tmp_path / "semicolons.csv").write_text("name;title;country\nA;envoy;RUS\n", encoding="utf-8")
    with pytest.raises(RosterError, match="no 'name' column"):
        Roster.load(tmp_path / "semicolons.csv")
    (tmp_path / "odd.csv").write_text("name,country\nA,GER\nB,Narnia\nC,Russia\n", encoding="utf-8")
    with pytest.warns(UserWarning, match="GER, Narnia"):
        roster = Roster.load(tmp_path / "odd.csv")
    assert roster.lookup("A")["country"] is None and roster.lookup("C")["country"] == "RUS"


def test_a_spreadsheet_export_with_a_bom_and_capitalised_headers_is_read(tmp_path):
    from newstone.nlp.speakers.facts import Roster

    (tmp_path / "excel.csv").write_bytes(
        "\ufeffName,Aliases,Title,Organisation,Country\r\n"
        "Anna Example,Example,envoy,Foreign Ministry,Russia\r\n".encode("utf-8")
    )
    person = Roster.load(tmp_path / "excel.csv").lookup("example")
    assert person == {"name": "Anna Example", "title": "envoy", "org": "Foreign Ministry", "country": "RUS"}


def test_roster_overrides_what_the_text_says(tmp_path):
    """The sample's machine translation calls Miller the Defense spokesman; the roster knows better."""
    roster = tmp_path / "officials.csv"
    roster.write_text(
        "name,aliases,title,organisation,country\n"
        "Matthew Miller,Miller,State Department spokesman,State Department,USA\n"
        "Ana Reyes,Reyes|Foreign Minister Reyes,Foreign Minister,,Chile\n",
        encoding="utf-8",
    )
    corpus = newstone.read(SAMPLE, roster=roster)
    miller = corpus.quotes[corpus.quotes["speaker"] == "Matthew Miller"]
    assert len(miller) >= 3
    assert set(miller["speaker_org"]) == {"State Department"}
    assert set(miller["speaker_title"]) == {"State Department spokesman"}
    other = newstone.parse_text("Talks\n\nReyes said the talks were over.", roster=roster).quotes.iloc[0]
    assert (other["speaker"], other["speaker_country"], other["speaker_title"]) == (
        "Ana Reyes",
        "CHL",
        "Foreign Minister",
    )
    without = newstone.read(SAMPLE).quotes
    assert "Department of Defense" in set(without.loc[without["speaker"] == "Matthew Miller", "speaker_org"])


def test_a_title_set_beside_the_name_gives_the_country_when_the_carried_title_does_not():
    import newstone

    text = (
        "Balls to stand\n\n"
        "Ed Balls, former adviser to the Treasury, said he would stand. "
        "Mr Balls, a prospective Labour MP, said the plan was sound.\n"
    )
    quotes = newstone.parse_text(text, "x").quotes
    assert list(quotes.speaker_country) == ["GBR", "GBR"]
    assert quotes.country_evidence.iloc[1] == "party"


@pytest.mark.parametrize(
    ("phrase", "country"),
    [
        ("Federal Labour Agency", None),  # Germany's job agency, not the British party
        ("International Labour Organisation", None),
        ("Labour Party", "GBR"),
        ("Labour MP", "GBR"),
        ("Republican National Committee", "USA"),
    ],
)
def test_a_party_word_inside_an_institutions_name_is_no_party(phrase, country):
    from newstone.nlp.speakers.facts import cue_country

    assert cue_country(phrase) == country


@pytest.mark.parametrize(
    "phrase, evidence",
    [
        ("Trade and Industry Secretary", ("GBR", "office")),  # an office: Britain's by default only
        ("Senator", ("USA", "office")),
        ("Republican", ("USA", "party")),
        ("Conservatives", ("GBR", "party")),
        ("Progressive Conservatives", ("CAN", "party")),  # Canada's, the longer name
        ("Tory MP", ("GBR", "party")),
        ("Sen.", ("USA", "party")),  # an honorific is a style, as sure as a party label
        ("Finance Minister", None),
    ],
)
def test_party_labels_and_default_offices_are_told_apart(phrase, evidence):
    from newstone.nlp.speakers.facts import cue_evidence

    assert cue_evidence(phrase) == evidence
