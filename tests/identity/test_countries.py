"""A speaker's country from weighed evidence (newstone.identity.countries)."""

from __future__ import annotations

from newstone.identity.countries import (
    country_from_datelines,
    country_from_institutions,
    dateline_country,
    decide_country,
    institution_countries,
    name_evidence,
    national_office,
)


def test_articles_count_once_each_and_strong_evidence_outweighs_weak():
    one_article_many_quotes = [("a1", "NLD", None)] * 10
    titled = [("a2", "GBR", "title"), ("a3", "GBR", "party")]
    assert decide_country(one_article_many_quotes + titled) == ("GBR", 2)


def test_an_office_that_only_defaults_to_a_country_weighs_least():
    # "Trade and Industry Secretary" is Britain's by default (kind office), but a wire story
    # that once writes "Philippine Secretary of Trade and Industry" says whose he is
    defaults = [("a1", "GBR", "office"), ("a2", "GBR", "office"), ("a3", "GBR", "office")]
    assert decide_country(defaults + [("a4", "PHL", "title")]) == ("PHL", 1)
    assert decide_country(defaults) == ("GBR", 3)  # alone, the default still stands


def test_the_roster_overrides_the_text():
    assert decide_country([("a1", "CHN", "title"), ("a2", "CHN", "title"), ("a3", "RUS", "roster")]) == ("RUS", 1)


def test_no_evidence_no_country():
    assert decide_country([("a1", None, None)]) == (None, 0)


def test_heads_of_government_and_peers_carry_their_country():
    assert {country for _, country, _ in name_evidence({"Tony Blair"})} == {"GBR"}
    assert {kind for _, _, kind in name_evidence({"George W Bush"})} == {"office_holder"}  # with or without the dot
    assert {country for _, country, _ in name_evidence({"Lord Woolf"})} == {"GBR"}
    assert {country for _, country, _ in name_evidence({"March Lord Goldsmith"})} == {"GBR"}  # a word swept in
    assert name_evidence({"Oliver Irish", "Holland"}) == []  # a demonym in a name is no evidence


def test_an_office_most_officials_of_the_corpus_share_gives_its_country():
    treasury, minister = ("org", "treasury"), ("office", "minister")
    keys = {1: {treasury}, 2: {treasury}, 3: {treasury, minister}, 4: {minister}, 5: {minister}, 6: {treasury}}
    countries = {1: "GBR", 2: "GBR", 3: "GBR", 4: "IND", 5: "FRA", 6: None}
    learned = institution_countries(keys, countries)
    assert learned == {treasury: "GBR"}  # three of three; "minister" is held in three countries
    assert country_from_institutions({treasury}, learned) == "GBR"
    assert country_from_institutions({minister}, learned) is None


def test_two_officials_are_too_few_and_a_split_office_gives_nothing():
    office = ("office", "secretary")
    assert institution_countries({1: {office}, 2: {office}}, {1: "GBR", 2: "GBR"}) == {}
    split = {n: {office} for n in range(1, 6)}
    assert institution_countries(split, {1: "GBR", 2: "GBR", 3: "GBR", 4: "USA", 5: "USA"}) == {}
    learned = {("office", "a"): "GBR", ("org", "b"): "USA"}
    assert country_from_institutions({("office", "a"), ("org", "b")}, learned) is None  # they disagree


def test_a_dateline_names_a_country_only_by_its_capital():
    assert dateline_country("WELLINGTON, March 3") == "NZL"
    assert dateline_country("TAIPEI, March 3") == "TWN"
    assert dateline_country("NEW YORK, April 7") is None  # no capital
    assert dateline_country(None) is None
    # a former state's capital, by the year of the story
    assert dateline_country("MOSCOW, March 3", "1987") == "SUN"
    assert dateline_country("MOSCOW, March 3", "2024") == "RUS"
    assert dateline_country("BELGRADE, June 1", "1987") == "YUG"
    assert dateline_country("MOSCOW, March 3") == "RUS"  # no date: today's state


def test_national_offices_are_ministers_and_central_banks_not_international_bodies():
    assert national_office(["Finance Minister"]) and national_office(["Central bank governor"])
    assert not national_office(["chairman"]) and not national_office(["president"])
    assert not national_office(["World Bank President"]) and not national_office(["OPEC Secretary General"])
    assert not national_office(["EC Agriculture Commissioner", "minister"])  # one title names the EC


def test_datelines_must_agree_on_a_capital():
    places = {"a1": "NZL", "a2": "NZL", "a3": "AUS", "a4": None}
    assert country_from_datelines(["a1", "a2", "a3", "a4"], places) == ("NZL", 2)  # two of three capitals
    assert country_from_datelines(["a1", "a3"], places) == (None, 0)  # one each
    assert country_from_datelines(["a4"], places) == (None, 0)
