"""Country tables: tone by mentioned country, by speaker country, and who talks about which
(lib/newstone/analysis/countries.py)."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from newstone import analysis
from newstone.analysis.countries import speaker_country_matrix, tone_by_mentioned_country, tone_by_speaker_country

# --- tables ---


def sentences_table() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "article_id": ["a", "a", "a", "b"],
            "sentence_id": [0, 1, 2, 0],
            "start": [0, 10, 20, 0],
            "end": [9, 19, 29, 9],
            "text": ["s"] * 4,
            "compound": [0.5, -0.5, 0.1, 0.9],
            "pos": [0.0] * 4,
            "neu": [1.0] * 4,
            "neg": [0.0] * 4,
        }
    )


def mentions_table() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "article_id": ["a", "a", "a", "a", "a", "b", "b"],
            "sentence_id": [0, 0, 1, 1, 2, 0, 0],
            "start": [0, 5, 10, 15, 20, 0, 4],
            "end": [3, 8, 13, 18, 23, 3, 7],
            "surface": ["Russia", "Moscow", "Russia", "China", "NATO", "Russia", "China"],
            "country": ["RUS", "RUS", "RUS", "CHN", None, "RUS", "CHN"],
            "kind": ["name", "capital", "name", "name", "organization", "name", "name"],
            "quote_id": pd.array([0, 0, pd.NA, 1, 1, 0, pd.NA], dtype="Int64"),
        }
    )


def toward_mentions() -> pd.DataFrame:
    """mentions_table() with tone toward each mention: Russia and China differ in a/1."""
    return mentions_table().assign(tone_toward=[-0.8, -0.4, -0.6, 0.4, 0.0, 0.2, pd.NA])


def country_quotes() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "article_id": ["a", "a", "b", "b"],
            "quote_id": pd.array([0, 1, 0, 1], dtype="Int64"),
            "speaker": ["Matthew Miller", "John Kirby", "Matthew Miller", None],
            "speaker_country": ["USA", "USA", "USA", "RUS"],
            "compound": [-0.4, 0.2, -0.6, 0.8],
        }
    )


# --- tone by mentioned country ---


def test_tone_by_mentioned_country():
    table = tone_by_mentioned_country(sentences_table(), mentions_table())
    assert list(table.columns) == ["country", "n_sentences", "mean", "std", "ci_low", "ci_high"]
    rus = table.set_index("country").loc["RUS"]
    # a/0 (0.5, named twice: counted once), a/1 (-0.5), b/0 (0.9)
    assert rus["n_sentences"] == 3
    assert rus["mean"] == pytest.approx(0.3)
    std = pd.Series([0.5, -0.5, 0.9]).std()
    assert rus["std"] == pytest.approx(std)
    # Student's t with 2 degrees of freedom (4.303), not the normal 1.96: n is tiny.
    assert rus["ci_low"] == pytest.approx(0.3 - 4.303 * std / math.sqrt(3), rel=1e-3)
    assert rus["ci_high"] == pytest.approx(0.3 + 4.303 * std / math.sqrt(3), rel=1e-3)
    assert list(table["country"]) == ["RUS", "CHN"]  # most sentences first; NATO has no country


def test_tone_by_mentioned_country_ci_is_nan_for_a_single_sentence():
    mentions = mentions_table().iloc[[0]]
    table = tone_by_mentioned_country(sentences_table(), mentions)
    assert table["n_sentences"].tolist() == [1]
    assert math.isnan(table["ci_low"].iloc[0]) and math.isnan(table["ci_high"].iloc[0])


def test_tone_by_mentioned_country_on_empty_tables():
    table = tone_by_mentioned_country(sentences_table().iloc[:0], mentions_table().iloc[:0])
    assert table.empty and list(table.columns) == ["country", "n_sentences", "mean", "std", "ci_low", "ci_high"]


# --- tone by speaker country, and the speakers table's country for quotes without one ---


def test_tone_by_speaker_country():
    table = tone_by_speaker_country(country_quotes())
    assert list(table.columns) == ["country", "n_quotes", "mean", "ci_low", "ci_high"]
    usa = table.set_index("country").loc["USA"]
    assert usa["n_quotes"] == 3 and usa["mean"] == pytest.approx(-0.8 / 3)
    rus = table.set_index("country").loc["RUS"]
    assert rus["n_quotes"] == 1 and math.isnan(rus["ci_low"])


def test_speaker_country_falls_back_to_the_speakers_table_for_named_speakers_only(blair):
    quotes, speakers = blair
    before = quotes.copy()
    located = analysis.with_speaker_country(quotes, speakers)
    assert located["country"].tolist() == ["GBR", "GBR", "PAK", pd.NA, pd.NA, "FRA"]
    assert located["country_source"].tolist() == ["quote", "speakers table", "quote", pd.NA, pd.NA, "speakers table"]
    pd.testing.assert_frame_equal(quotes, before)  # the stored quotes table is unchanged

    table = analysis.tone_by_speaker_country(quotes, score="tone", speakers=speakers)
    assert dict(zip(table["country"], table["n_quotes"])) == {"GBR": 2, "PAK": 1}
    assert table.attrs["n_without_group"] == 2  # Nobody Known and the unattributed quote
    assert table.attrs["n_country_from_speakers"] == 1  # the unscored Chirac quote is not charted
    without = analysis.tone_by_speaker_country(quotes, score="tone")
    assert dict(zip(without["country"], without["n_quotes"])) == {"GBR": 1, "PAK": 1}
    assert without.attrs["n_without_group"] == 3 and without.attrs["n_country_from_speakers"] == 0


# --- speakers by mentioned country ---


def test_speaker_country_matrix_joins_quotes_within_their_article():
    table = speaker_country_matrix(country_quotes(), mentions_table())
    assert list(table.columns) == ["speaker", "country", "n", "mean"]
    rows = {(r.speaker, r.country): (r.n, r.mean) for r in table.itertuples()}
    # Miller: quote a/0 names Russia twice (counts once), quote b/0 names Russia: mean(-0.4, -0.6).
    assert rows[("Matthew Miller", "RUS")] == (2, pytest.approx(-0.5))
    # Kirby: quote a/1 names China (NATO has no country). b/1 has no speaker.
    assert rows[("John Kirby", "CHN")] == (1, pytest.approx(0.2))
    assert set(rows) == {("Matthew Miller", "RUS"), ("John Kirby", "CHN")}


# --- tone toward the country ---


def test_tone_toward_gives_each_country_of_a_sentence_its_own_score():
    table = tone_by_mentioned_country(sentences_table(), toward_mentions(), score="tone_toward").set_index("country")
    # Russia: a/0 (Russia -0.8 and Moscow -0.4 averaged: -0.6), a/1 -0.6, b/0 0.2.
    assert table.loc["RUS", "n_sentences"] == 3
    assert table.loc["RUS", "mean"] == pytest.approx((-0.6 - 0.6 + 0.2) / 3)
    # China: a/1 +0.4 where Russia got -0.6 in the same sentence; b/0 has no score.
    assert table.loc["CHN", "n_sentences"] == 1
    assert table.loc["CHN", "mean"] == pytest.approx(0.4)
    # The sentence score gives both the same.
    shared = tone_by_mentioned_country(sentences_table(), toward_mentions(), score="compound").set_index("country")
    assert shared.loc["CHN", "mean"] == pytest.approx((-0.5 + 0.9) / 2)


def test_speaker_country_matrix_with_tone_toward_averages_the_quotes_mentions():
    table = speaker_country_matrix(country_quotes(), toward_mentions(), score="tone_toward")
    rows = {(r.speaker, r.country): (r.n, r.mean) for r in table.itertuples()}
    # Miller: quote a/0 names Russia twice (-0.8, -0.4: one quote at -0.6), b/0 Russia 0.2.
    assert rows[("Matthew Miller", "RUS")] == (2, pytest.approx((-0.6 + 0.2) / 2))
    # Kirby: quote a/1 names China at +0.4 (NATO has no country).
    assert rows[("John Kirby", "CHN")] == (1, pytest.approx(0.4))
    assert set(rows) == {("Matthew Miller", "RUS"), ("John Kirby", "CHN")}
