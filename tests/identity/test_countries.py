"""A speaker's country from weighed evidence (newstone.identity.countries)."""

from __future__ import annotations

from newstone.identity.countries import decide_country, name_evidence


def test_articles_count_once_each_and_strong_evidence_outweighs_weak():
    one_article_many_quotes = [("a1", "NLD", None)] * 10
    titled = [("a2", "GBR", "title"), ("a3", "GBR", "party")]
    assert decide_country(one_article_many_quotes + titled) == ("GBR", 2)


def test_the_roster_overrides_the_text():
    assert decide_country([("a1", "CHN", "title"), ("a2", "CHN", "title"), ("a3", "RUS", "roster")]) == ("RUS", 1)


def test_no_evidence_no_country():
    assert decide_country([("a1", None, None)]) == (None, 0)


def test_heads_of_government_and_peers_carry_their_country():
    assert {country for _, country, _ in name_evidence({"Tony Blair"})} == {"GBR"}
    assert {kind for _, _, kind in name_evidence({"George W Bush"})} == {"office_holder"}  # with or without the dot
    assert {country for _, country, _ in name_evidence({"Lord Woolf"})} == {"GBR"}
    assert name_evidence({"Oliver Irish", "Holland"}) == []  # a demonym in a name is no evidence
