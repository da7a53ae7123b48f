"""Country mentions: the gazetteer, the matcher, ambiguous names and the context rules
(lib/newstone/nlp/countries.py)."""

from __future__ import annotations

import re

import pytest

from newstone.model import CountryMention
from newstone.nlp.countries import CONTEXT_COLUMNS, CountryMatcher, default_matcher, gazetteer_rows
from newstone.rules import read_table
from tests.helpers import ROOT

# --- helpers ---


UN_MEMBERS = """AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN BOL BIH
BWA BRA BRN BGR BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG COD CRI CIV HRV CUB CYP CZE DNK
DJI DMA DOM ECU EGY SLV GNQ ERI EST SWZ ETH FJI FIN FRA GAB GMB GEO DEU GHA GRC GRD GTM GIN GNB GUY
HTI HND HUN ISL IND IDN IRN IRQ IRL ISR ITA JAM JPN JOR KAZ KEN KIR KWT KGZ LAO LVA LBN LSO LBR LBY
LIE LTU LUX MDG MWI MYS MDV MLI MLT MHL MRT MUS MEX FSM MDA MCO MNG MNE MAR MOZ MMR NAM NRU NPL NLD
NZL NIC NER NGA PRK MKD NOR OMN PAK PLW PAN PNG PRY PER PHL POL PRT QAT KOR ROU RUS RWA KNA LCA VCT
WSM SMR STP SAU SEN SRB SYC SLE SGP SVK SVN SLB SOM ZAF SSD ESP LKA SDN SUR SWE CHE SYR TJK TZA THA
TLS TGO TON TTO TUN TUR TKM TUV UGA UKR ARE GBR USA URY UZB VUT VEN VNM YEM ZMB ZWE""".split()


def found(text: str, spans=None) -> list[tuple[str, str | None, str]]:
    """(surface, country, kind) of every mention, in order."""
    return [(m.surface, m.country, m.kind) for m in default_matcher().find(text, spans)]


def countries(text: str, spans=None) -> list[str | None]:
    return [m.country for m in default_matcher().find(text, spans)]


# --- the gazetteer and the other data files ---


def test_gazetteer_covers_every_un_member_observer_and_common_territory():
    codes = {row["country"] for row in gazetteer_rows()}
    assert len(UN_MEMBERS) == 193
    missing = sorted(set(UN_MEMBERS) - codes)
    assert missing == []
    for code in ["PSE", "VAT", "TWN", "HKG", "MAC", "XKX", "PRI", "GRL", "ESH"]:
        assert code in codes, code


@pytest.mark.parametrize(
    "surface, country, kind",
    [
        ("Russia", "RUS", "name"),
        ("Russian Federation", "RUS", "name"),
        ("Russians", "RUS", "demonym"),
        ("U.S.", "USA", "abbreviation"),
        ("USA", "USA", "abbreviation"),
        ("U.S.A.", "USA", "abbreviation"),
        ("U.K.", "GBR", "abbreviation"),
        ("UAE", "ARE", "abbreviation"),
        ("DPRK", "PRK", "abbreviation"),
        ("ROK", "KOR", "abbreviation"),
        ("PRC", "CHN", "abbreviation"),
        ("Briton", "GBR", "demonym"),
        ("North Koreans", "PRK", "demonym"),
        ("Kyiv", "UKR", "capital"),
        ("Kiev", "UKR", "capital"),
        ("Pyongyang", "PRK", "capital"),
        ("Tehran", "IRN", "capital"),
        ("Kremlin", "RUS", "institution"),
        ("Élysée", "FRA", "institution"),
        ("Elysee", "FRA", "institution"),
        ("Zhongnanhai", "CHN", "institution"),
        ("Bundestag", "DEU", "institution"),
        ("Capitol Hill", "USA", "institution"),
        ("Downing Street", "GBR", "institution"),
        ("Department of Defense", "USA", "institution"),
        ("NATO", None, "organization"),
        ("U.N.", None, "organization"),
        ("IAEA", None, "organization"),
        ("G20", None, "organization"),
        ("African Union", None, "organization"),
    ],
)
def test_gazetteer_entries(surface, country, kind):
    entry = default_matcher().lookup(surface)
    assert entry is not None and (entry.country, entry.kind) == (country, kind)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The Fed raised rates.", [("Fed", "USA", "institution")]),
        ("She lost the Fed Cup final.", []),  # the tennis event
        ("Fed up with delays, he left.", []),  # the idiom
        ("The Bundesbank held rates.", [("Bundesbank", "DEU", "institution")]),
        ("MITI officials said so.", [("MITI", "JPN", "institution")]),
        ("The Home Office denied it.", [("Home Office", "GBR", "institution")]),
        ("The Department for Transport agreed.", [("Department for Transport", "GBR", "institution")]),
        ("He works from a home office.", []),  # lower case: a room, not the ministry
        ("Bank of British Columbia shares rose.", []),  # a Canadian province, not British
    ],
)
def test_government_bodies_of_one_country(text, expected):
    assert found(text) == expected


def test_no_row_maps_jackson_anywhere():
    assert default_matcher().lookup("Jackson") is None
    assert found("Katharine Jackson reported from Jackson, Mississippi.") == []


def test_data_file_errors_name_the_line(tmp_path):
    bad = tmp_path / "bad.tsv"
    bad.write_text("# a comment\nsurface\tcountry\tkind\nRussia\tRUS\tname\nMars\tMARS\tname\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad.tsv:4: country 'MARS'"):
        CountryMatcher.load(bad)


def test_custom_gazetteer_skips_comments_and_unrelated_rules(tmp_path):
    path = tmp_path / "mini.tsv"
    path.write_text(
        "# only two rows\nsurface\tcountry\tkind\tnote\n# Jordan left out\n"
        "Freedonia\tFRE\tname\tfictional\nSylvania\tSYL\tname\t\n",
        encoding="utf-8",
    )
    matcher = CountryMatcher.load(path)
    assert len(matcher) == 2
    assert [m.country for m in matcher.find("Freedonia and Sylvania, not Russia.")] == ["FRE", "SYL"]


def test_every_context_rule_names_a_gazetteer_surface():
    surfaces = {row["surface"] for row in gazetteer_rows()}
    kinds = {row["kind"] for row in gazetteer_rows()}
    for rule in read_table("country_context.tsv", CONTEXT_COLUMNS, optional=("note",)):
        target = rule["surface"]
        if rule["side"] == "define":
            assert re.fullmatch(r"%[A-Z_]+%", target), target
        elif target.startswith("kind="):
            assert target[len("kind=") :] in kinds, target
        else:
            assert target in surfaces, f"{rule.where}: {target!r} is not in countries.tsv"


def test_speaker_cue_file_loads_and_stays_apart_from_the_gazetteer():
    data = ROOT / "lib" / "newstone" / "data"
    cues = CountryMatcher.load(data / "speaker_country.tsv", context_rules=None)
    assert cues.lookup("Republican").country == "USA"
    assert cues.lookup("Social Democrat").kind == "ignore"
    overlap = {r["surface"] for r in gazetteer_rows("speaker_country.tsv")} & {r["surface"] for r in gazetteer_rows()}
    assert overlap == set()


def test_default_matcher_is_compiled_once():
    assert default_matcher() is default_matcher()


# --- matching: longest surface, whole words, case, possessives, abbreviations ---


def test_longest_match_wins():
    assert found("North Korean leader") == [("North Korean", "PRK", "demonym")]
    assert found("North Korea said") == [("North Korea", "PRK", "name")]
    assert found("South Korea and Korea") == [("South Korea", "KOR", "name"), ("Korea", "KOR", "name")]
    assert countries("Papua New Guinea, Equatorial Guinea, Guinea-Bissau and Guinea") == ["PNG", "GNQ", "GNB", "GIN"]
    assert countries("Niger and Nigeria; a Nigerien and a Nigerian") == ["NER", "NGA", "NER", "NGA"]
    assert countries("Dominica is not the Dominican Republic") == ["DMA", "DOM"]


def test_former_states_have_their_own_codes():
    # a 1987 wire story: the Soviet Union is not folded into Russia, East Germany not into Germany
    assert countries("The Soviet Union and the USSR; Soviet officials") == ["SUN", "SUN", "SUN"]
    assert countries("East German and West German officials met in Yugoslavia") == ["DDR", "DEU", "YUG"]
    assert countries("Moscow said") == ["RUS"]  # a capital has one row, whatever the year
    # "West Germany" is one mention of Germany, so that a speaker "West Germany" is a country
    assert found("West Germany and West German banks") == [
        ("West Germany", "DEU", "name"),
        ("West German", "DEU", "demonym"),
    ]


def test_a_company_named_after_a_country_is_no_mention_of_it():
    assert countries("British Airways and American Express Co cut jobs; Swiss Re paid") == []
    assert countries("Air Canada and Shell Canada Ltd said") == []
    # the state's own bodies stay mentions
    assert countries("the U.S. Air Force and the Bank of Canada") == ["USA", "CAN"]
    assert countries("British troops and Canada's army") == ["GBR", "CAN"]


def test_words_are_whole():
    assert found("Indiana, Chinatown, Omaha, USAID, Romanesque, Germane") == []
    assert found("the Russians") == [("Russians", "RUS", "demonym")]


def test_case_sensitive():
    assert found("a roast turkey, a chad, china plates, a georgia peach") == []


def test_possessives_match_the_name():
    assert found("Russia's need and Ukraine’s army") == [("Russia", "RUS", "name"), ("Ukraine", "UKR", "name")]


def test_dotted_abbreviation_keeps_its_final_dot():
    text = "U.S. officials met U.K. envoys."
    assert [m.surface for m in default_matcher().find(text)] == ["U.S.", "U.K."]


def test_dotted_abbreviation_at_sentence_end():
    text = "Sanctions were imposed by the U.S. Russia objected."
    mentions = default_matcher().find(text)
    assert [(m.surface, text[m.start : m.end]) for m in mentions] == [("U.S.", "U.S."), ("Russia", "Russia")]


def test_dotted_abbreviation_when_the_span_stops_before_the_period():
    text = "Sanctions were imposed by the U.S. Russia objected."
    end = text.index("U.S.") + len("U.S")
    [mention] = default_matcher().find(text, [(0, end)])
    assert (mention.surface, mention.country, mention.end) == ("U.S", "USA", end)


def test_hyphenated_compounds():
    assert countries("the U.S.-led coalition and the Russia-North Korea deal") == ["USA", "RUS", "PRK"]


def test_headline_abbreviations_without_dots():
    assert countries("S Korea spending boost; N Korean missiles") == ["KOR", "PRK"]


# --- only the given spans are scanned ---


def test_only_the_given_spans_are_scanned_and_offsets_are_into_the_text():
    text = "WASHINGTON (Reuters) - Moscow and Kyiv talked. (Reporting by Steve Holland in Tokyo)"
    body = (text.index("Moscow"), text.index("(Reporting"))
    mentions = default_matcher().find(text, [body])
    assert [(m.surface, text[m.start : m.end]) for m in mentions] == [("Moscow", "Moscow"), ("Kyiv", "Kyiv")]


def test_overlapping_spans_do_not_duplicate_mentions():
    text = "Iran and Iraq"
    assert countries(text, [(0, 9), (0, len(text)), (5, 13)]) == ["IRN", "IRQ"]


def test_empty_span_list_scans_nothing():
    assert default_matcher().find("Russia", []) == []


def test_a_span_that_stops_inside_a_word_yields_nothing_from_it():
    text = "Russians"
    assert default_matcher().find(text, [(0, 6)]) == []


# --- ambiguous names: people, US states, towns, clubs, tournaments ---


@pytest.mark.parametrize(
    "text",
    [
        "Voters lined up in Atlanta, Georgia, on Tuesday.",
        "Georgia voters went to the polls.",
        "Georgia Gov. Brian Kemp signed the bill.",
        "Georgia's secretary of state certified the result.",
        "Sen. Jon Ossoff (D-Georgia) said",
        "Clinton won Georgia and Virginia.",
        "victories in Massachusetts, Alabama, Georgia and Tennessee",
        "a Democratic congressman from Georgia",
    ],
)
def test_georgia_the_us_state_is_not_the_country(text):
    assert "GEO" not in countries(text)


@pytest.mark.parametrize(
    "text",
    [
        "Russia invaded Georgia in 2008.",
        "Putin used his invasions of Georgia and Ukraine as a threat.",
        "The talks in Tbilisi, Georgia, ended.",
        "Georgia's parliament passed the foreign agents law.",
    ],
)
def test_georgia_the_country(text):
    assert "GEO" in countries(text)


@pytest.mark.parametrize(
    "text",
    [
        "Michael Jordan scored 40 points.",
        "Jordan said he would retire.",
        "Rep. Jim Jordan asked the question.",
        "Jordan Peterson gave a lecture.",
    ],
)
def test_jordan_the_person(text):
    assert "JOR" not in countries(text)


@pytest.mark.parametrize(
    "text",
    [
        "King Abdullah of Jordan arrived.",
        "In Jordan, refugees wait.",
        "Egypt, Jordan and Syria signed.",
        "a road-show for investors in Amman, Jordan.",
    ],
)
def test_jordan_the_country(text):
    assert "JOR" in countries(text)


def test_chad_the_first_name_and_the_country():
    assert countries("Chad Smith played drums.") == []
    assert countries("French troops left Chad last year.") == ["FRA", "TCD"]


def test_turkey_the_bird_and_the_country():
    assert countries("We ate Thanksgiving turkey. Thanksgiving Turkey is dry. Turkey sandwiches again.") == []
    assert countries("Turkey's president met Greek leaders.") == ["TUR", "GRC"]


def test_holland_the_surname_and_the_country():
    assert countries("(Reporting by Steve Holland)") == []
    assert countries("Holland beat Spain 5-1.") == ["NLD", "ESP"]


def test_hague_the_politician_and_the_city():
    assert countries("Former Tory leader William Hague said Mr Hague would not stand.") == []
    assert countries("The court in The Hague ruled.") == ["NLD"]


def test_georgetown_university_is_not_guyana():
    assert countries("He now teaches at Georgetown University.") == []
    assert countries("The election in Georgetown was close.") == ["GUY"]


@pytest.mark.parametrize(
    "text",
    [
        "The Washington Post reported.",
        "George Washington crossed the Delaware.",
        "Washington state passed a law.",
        "Booker T. Washington founded a school.",
        "apple growers in Seattle, Washington, said",
    ],
)
def test_washington_that_is_not_the_us_government(text):
    assert "USA" not in countries(text)


def test_washington_the_us_government():
    assert countries("Moscow has told Washington that ties would suffer.") == ["RUS", "USA"]
    assert countries("officials in Washington, D.C., said") == ["USA"]


def test_us_states_and_towns_named_like_countries():
    assert countries("New Mexico and New Jersey voted; Mexico did not.") == ["MEX"]
    assert countries("The ferry to Jersey left. Jersey City mayor spoke.") == ["JEY"]
    assert countries("A farmer from Moscow, Idaho and a band from Paris, Texas.") == []
    assert countries("Mexico City and Panama City") == ["MEX", "PAN"]
    # a list of cities is no namesake town: "London, New York and Tokyo"
    assert countries("Deregulation turned London, New York and Tokyo into hubs.") == ["GBR", "JPN"]
    assert countries("It has offices in Hong Kong, Tokyo, New York and Sydney.") == ["HKG", "JPN"]


def test_regions_are_not_countries():
    text = (
        "It would destabilize the Korean peninsula. Western countries in Europe, Asia, "
        "the Middle East, Latin America and the Indian Ocean objected."
    )
    assert found(text) == []


def test_organisations_have_no_country_and_longest_name_wins():
    assert found("It could violate UN Security Council resolutions, NATO said.") == [
        ("UN Security Council", None, "organization"),
        ("NATO", None, "organization"),
    ]


def test_other_congresses_are_not_the_us_congress():
    assert countries("The Communist Party Congress opened; the Trade Unions Congress objected.") == []
    assert countries("He urged Congress to act.") == ["USA"]


def test_a_sports_club_named_after_a_capital_is_no_mention_of_its_country():
    import newstone

    corpus = newstone.parse_text(
        "Goals\n\nReal Madrid beat Sporting Lisbon 2-0 as London Irish lost. Madrid said Spain would help."
    )
    assert corpus.mentions[["surface", "country"]].values.tolist() == [["Madrid", "ESP"], ["Spain", "ESP"]]


def test_a_tournament_named_after_a_country_gives_no_mention_and_no_speaker_country():
    import newstone

    corpus = newstone.parse_text(
        "Safin wins\n\nNewly-crowned Australian Open champion Marat Safin said he was "
        "tired. Australian officials said the US Open came next."
    )
    assert corpus.mentions[["surface", "country"]].values.tolist() == [["Australian", "AUS"]]
    assert corpus.quotes["speaker_country"].isna().iloc[0]


# --- the sample article ---


def sample_body_span(text: str) -> tuple[int, int]:
    start = text.index("(Reuters) – ") + len("(Reuters) – ")
    return start, text.index("(Reporting by")


def test_sample_article_mentions(sample_text):
    text = sample_text
    mentions = default_matcher().find(text, [sample_body_span(text)])
    codes = {m.country for m in mentions}
    assert {"RUS", "PRK", "USA", "UKR", "KOR", "CHN", "IRN", "CUB", "SYR"} <= codes
    assert codes.isdisjoint({"JPN", "IND", "PHL", "GUY", "NLD", "ITA"})
    by_surface = {m.surface: (m.country, m.kind) for m in mentions}
    assert by_surface["UN Security Council"] == (None, "organization")
    assert by_surface["Department of Defense"] == ("USA", "institution")
    assert by_surface["White House"] == ("USA", "institution")
    assert "Korean" not in by_surface and "Georgetown" not in by_surface
    assert "Washington" in by_surface  # "Moscow has told Washington" in the last paragraph
    for mention in mentions:
        assert text[mention.start : mention.end] == mention.surface
        assert isinstance(mention, CountryMention)


def test_sample_article_dateline_and_credits_are_outside_the_span(sample_text):
    text = sample_text
    start, end = sample_body_span(text)
    mentions = default_matcher().find(text, [(start, end)])
    assert all(start <= m.start and m.end <= end for m in mentions)
    assert not any(m.surface in ("WASHINGTON", "Holland") for m in mentions)


def test_a_former_state_s_capital_is_that_state_in_its_time():
    from newstone.nlp.countries import former_state, in_its_time

    moscow, kremlin, paris = default_matcher().find("Moscow and the Kremlin met Paris.")
    assert [in_its_time(m, 1987).country for m in (moscow, kremlin, paris)] == ["SUN", "SUN", "FRA"]
    assert [in_its_time(m, 2004).country for m in (moscow, kremlin)] == ["RUS", "RUS"]
    assert in_its_time(moscow, None).country == "RUS"  # no date: the gazetteer's row
    assert (former_state("Belgrade", 1991), former_state("Belgrade", 1992)) == ("YUG", None)
