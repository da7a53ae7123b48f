"""Roles and offices from titles, organisations and group nouns (newstone.identity.roles)."""

from __future__ import annotations

import pytest

from newstone.identity.roles import decide_role, office_key, role_evidence


@pytest.mark.parametrize(
    "title, org, kind, name, role",
    [
        ("Foreign Secretary", None, "person", "Jack Straw", "official"),
        ("Tory leader", "Tory", "person", "Michael Howard", "official"),
        ("Liverpool chief executive", "Liverpool", "person", "Rick Parry", "sport"),  # a club's, not a firm's
        ("Microsoft chief executive", "Microsoft", "person", "Steve Ballmer", "business"),
        ("chief economist", "Investec Securities", "person", "Philip Shaw", "expert"),
        # a firm named in an analyst's title and again as the organisation does not outvote "analyst"
        ("Hollis and Co Ltd analyst", "Hollis and Co Ltd", "person", "Wim Gade", "expert"),
        ("Industrial Bank of Japan Ltd senior economist", "Industrial Bank of Japan Ltd", "person", "Jo Ito", "expert"),
        ("a Tonami Electric Corp official", "Tonami Electric Corp", "person", "Jo Ito", "business"),  # staff
        ("England coach", None, "person", "Andy Robinson", "sport"),
        ("Chinese Vice Premier", None, "person", "Tian Jiyun", "official"),  # a premier governs
        ("Ontario Premier", None, "person", "David Peterson", "official"),
        ("Indian film director", None, "person", "Mira Nair", "culture"),
        ("news editor", None, "person", "Tim Dams", "media"),
        ("Federal Reserve chairman", "Federal Reserve", "person", "Alan Greenspan", "official"),
        (None, None, "organization", "Bank of England", "official"),
        (None, None, "group", "analysts", "expert"),
        (None, None, "group", "MPs", "official"),
        (None, None, "group", "Lib Dems", "official"),  # a party of two words
        ("Secretary", "Interior", "person", "Jane Roe", "official"),  # a portfolio, not a firm
        ("ADB President", "ADB", "person", "Masao Fujioka", "official"),  # a development bank is public
        ("Subcommittee Chairman", "Subcommittee", "person", "Dan Glickman", "official"),  # of Congress
        ("U.S. Secretary", "Transportation", "person", "Jane Roe", "official"),
        ("senior vice president", "Ask Jeeves", "person", "Jane Roe", "business"),  # a firm's
        ("spokeswoman", "net provider Brightline", "person", "Jane Roe", "business"),  # a firm, described
        ("spokesman", "anti-virus firm Quillsoft", "person", "Jane Roe", "business"),
        ("spokesman", "Cartel Office", "person", "Jane Roe", "official"),  # a public office
        ("who is visiting China", None, "person", "Hugo Chavez", "other"),  # a clause, no title
        (None, None, "person", "Jane Doe", "other"),
    ],
)
def test_role_from_titles_organisations_and_groups(title, org, kind, name, role):
    assert decide_role(role_evidence(title, org, kind, name)) == role


@pytest.mark.parametrize(
    "title, org, key",
    [
        ("Tory leader", "Tory", ("conservative leader", None)),
        ("the Conservative leader", None, ("conservative leader", None)),
        ("Conservative party leader", None, ("conservative leader", None)),
        ("prime minister", None, ("prime minister", None)),
        ("Japanese prime minister", None, ("prime minister", "JPN")),
        ("German Chancellor", None, ("chancellor", "DEU")),
        ("UK Chancellor of the Exchequer", None, ("chancellor", "GBR")),
        ("shadow chancellor", None, ("shadow chancellor", None)),  # another office
        ("Lord Chancellor", None, ("lord chancellor", None)),
        ("who is visiting China", None, None),
        ("Mayor", "London", ("london mayor", None)),
        ("the Republican presidential nominee", None, ("republican nominee", None)),
        ("GOP nominee", None, ("republican nominee", None)),
        ("Republican vice-presidential nominee", None, ("republican vice-presidential nominee", None)),
    ],
)
def test_an_office_is_the_same_however_it_is_written(title, org, key):
    assert office_key(title, org) == key


def test_a_phrase_listed_twice_in_the_role_table_is_refused(tmp_path):
    """A second row for one phrase silently replaced the first ("director" was business,
    then culture); the table now refuses it."""
    from newstone.identity.roles import role_lexicon

    table = tmp_path / "speaker_roles.tsv"
    table.write_text("phrase\trole\tstrength\twhere\ndirector\tbusiness\tweak\ttitle\ndirector\tculture\tweak\ttitle\n")
    with pytest.raises(Exception, match="listed twice"):
        role_lexicon(str(table))
