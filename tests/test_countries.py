"""Tests of the countries stage: gazetteer, matcher, context rules, speaker country, tables."""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import pytest

from newstone.analysis.countries import speaker_country_matrix, tone_by_mentioned_country, tone_by_speaker_country
from newstone.spans import merge_spans

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_CANDIDATES = [
    ROOT / "data" / "sample_reuters_putin_north_korea.txt",
    ROOT.parent / "shared" / "seed" / "000_7d1b65fab962449b.txt",
]


# --------------------------------------------------------------------------- gazetteer data


# --------------------------------------------------------------------------- matching mechanics


# --------------------------------------------------------------------------- spans


def test_merge_spans():
    assert merge_spans([(5, 9), (0, 3), (2, 4), (20, 30), (8, 8)], 25) == [(0, 4), (5, 9), (20, 25)]


# --------------------------------------------------------------------------- ambiguous words


# --------------------------------------------------------------------------- the sample article


def sample_article() -> str:
    for path in SAMPLE_CANDIDATES:
        if path.exists():
            return path.read_text(encoding="utf-8-sig")
    pytest.skip("sample article not available")


# --------------------------------------------------------------------------- speaker country


# --------------------------------------------------------------------------- tables


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


def quotes_table() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "article_id": ["a", "a", "b", "b"],
            "quote_id": pd.array([0, 1, 0, 1], dtype="Int64"),
            "speaker": ["Matthew Miller", "John Kirby", "Matthew Miller", None],
            "speaker_country": ["USA", "USA", "USA", "RUS"],
            "compound": [-0.4, 0.2, -0.6, 0.8],
        }
    )


def test_tone_by_speaker_country():
    table = tone_by_speaker_country(quotes_table())
    assert list(table.columns) == ["country", "n_quotes", "mean", "ci_low", "ci_high"]
    usa = table.set_index("country").loc["USA"]
    assert usa["n_quotes"] == 3 and usa["mean"] == pytest.approx(-0.8 / 3)
    rus = table.set_index("country").loc["RUS"]
    assert rus["n_quotes"] == 1 and math.isnan(rus["ci_low"])


def test_speaker_country_matrix_joins_quotes_within_their_article():
    table = speaker_country_matrix(quotes_table(), mentions_table())
    assert list(table.columns) == ["speaker", "country", "n", "mean"]
    rows = {(r.speaker, r.country): (r.n, r.mean) for r in table.itertuples()}
    # Miller: quote a/0 names Russia twice (counts once), quote b/0 names Russia: mean(-0.4, -0.6).
    assert rows[("Matthew Miller", "RUS")] == (2, pytest.approx(-0.5))
    # Kirby: quote a/1 names China (NATO has no country). b/1 has no speaker.
    assert rows[("John Kirby", "CHN")] == (1, pytest.approx(0.2))
    assert set(rows) == {("Matthew Miller", "RUS"), ("John Kirby", "CHN")}


def test_the_cli_prints_a_roster_warning_as_one_plain_line(tmp_path, capsys):
    from newstone.cli import main

    (tmp_path / "roster.csv").write_text("name,country\nAnna Example,Narnia\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Head\n\nAnna Example said it worked.", encoding="utf-8")
    assert main(["quotes", str(tmp_path / "a.txt"), "--roster", str(tmp_path / "roster.csv")]) == 0
    err = capsys.readouterr().err
    assert "newstone: warning: roster" in err and "Narnia" in err
    assert "UserWarning" not in err and ".py:" not in err
