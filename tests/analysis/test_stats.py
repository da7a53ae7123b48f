"""Mean tone per group with a 95% t interval, per speaker, and the most extreme quotes
(lib/newstone/analysis/stats.py)."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from newstone import analysis
from newstone.reports import charts
from tests.helpers.tables import quotes_table

# --- mean and 95% t interval ---


def test_t_critical_matches_tables_and_approaches_normal():
    assert analysis.t_critical(1) == pytest.approx(12.706)
    assert analysis.t_critical(2) == pytest.approx(4.303)
    assert analysis.t_critical(40) == pytest.approx(2.021, abs=1e-3)
    assert analysis.t_critical(120) == pytest.approx(1.980, abs=1e-3)
    with pytest.raises(ValueError):
        analysis.t_critical(0)


def test_mean_ci_uses_t_interval_and_none_below_two():
    stats = analysis.mean_ci([-0.6, -0.4, -0.5])
    half = 4.303 * 0.1 / math.sqrt(3)
    assert stats["n"] == 3 and stats["mean"] == pytest.approx(-0.5)
    assert (stats["ci_low"], stats["ci_high"]) == pytest.approx((-0.5 - half, -0.5 + half), abs=1e-3)
    single = analysis.mean_ci([0.9, None])
    assert single["n"] == 1 and math.isnan(single["ci_low"]) and math.isnan(single["std"])


def test_intervals_stay_on_the_tone_scale_and_missing_values_read_as_a_dash():
    from newstone.reports import notebook

    wide = analysis.mean_ci([0.9, -0.8])
    assert wide["ci_low"] == -1.0 and wide["ci_high"] == 1.0 and wide["mean"] == pytest.approx(0.05)
    narrow = analysis.mean_ci([0.1, 0.2, 0.15, 0.12])
    assert -1 < narrow["ci_low"] < 0.1 < 0.2 < narrow["ci_high"] < 1
    table = pd.DataFrame([{"speaker": "Smith", **analysis.mean_ci([0.5])}])
    shown = notebook.readable(table)
    assert shown.loc[0, "ci_low"] == "\u2013" and shown.loc[0, "mean"] == 0.5


# --- tone by speaker ---


def test_tone_by_speaker_sorted_and_counts_unattributed(quotes):
    table = analysis.tone_by_speaker(quotes)
    assert list(table["speaker"]) == ["Ana", "Ben", "Cy"]
    assert list(table["n"]) == [3, 2, 1]
    assert table.attrs["n_without_group"] == 1


def test_tone_by_group_uses_requested_score(quotes):
    quotes["compound"] = -quotes["tone"]
    assert list(analysis.tone_by_speaker(quotes, score="compound")["speaker"]) == ["Cy", "Ben", "Ana"]


def test_select_speakers():
    quotes = quotes_table(
        [
            {"speaker": "Ana", "speaker_type": "person", "tone": 0.1},
            {"speaker": "Moscow", "speaker_type": "country", "tone": 0.2},
            {"speaker": "Analysts", "speaker_type": "group", "tone": 0.3},
        ]
    )
    assert list(analysis.select_speakers(quotes, ["person"])["speaker"]) == ["Ana"]
    assert list(analysis.select_speakers(quotes, "group")["speaker"]) == ["Analysts"]
    assert len(analysis.select_speakers(quotes, None)) == 3


# --- extreme quotes: only the charted officials, in chart order ---


def test_extreme_quotes_split_by_sign(quotes):
    table = analysis.extreme_quotes(quotes, n=2)
    ana = table[table["speaker"] == "Ana"]
    assert list(ana["side"]) == ["most negative", "most negative"]
    assert ana["score"].tolist() == [-0.6, -0.5]  # most negative first, only n of them
    ben = table[table["speaker"] == "Ben"]
    assert list(ben["side"]) == ["most positive", "most positive"] and ben["score"].tolist() == [0.5, 0.3]
    assert None not in set(table["speaker"])  # unattributed quotes are not anybody's extreme
    assert list(table.columns) == analysis.EXTREME_COLUMNS


@pytest.fixture
def many_speakers():
    rows = []
    for k, name in enumerate(["Ana", "Ben", "Cy", "Dee", "Eve"]):
        for j in range(5):
            rows.append({"speaker": name, "tone": (-1) ** j * (0.1 + 0.1 * j) + 0.05 * k})
    rows.append({"speaker": "14 countries", "speaker_type": "group", "tone": -0.9})
    return quotes_table(rows)


def test_extreme_quotes_cover_only_the_charted_officials_in_chart_order(many_speakers):
    fig = charts.speaker_tone_chart(many_speakers, top_n=3)
    shown = list(fig.newstone_data["speaker"])
    table = analysis.extreme_quotes(many_speakers, n=2, speakers=fig.newstone_data["speaker"])
    assert list(dict.fromkeys(table["speaker"])) == shown and len(shown) == 3
    assert "14 countries" not in set(table["speaker"]) and "Eve" not in set(table["speaker"])
    assert table.groupby("speaker").size().max() <= 4  # n per side, two sides
    # everybody, by name, only without a speaker list
    assert list(dict.fromkeys(analysis.extreme_quotes(many_speakers, n=2)["speaker"])) == sorted(
        set(many_speakers["speaker"])
    )


def test_extreme_quotes_skip_charted_names_without_quotes_and_list_a_statement_once():
    quotes = quotes_table(
        [
            {"speaker": "Ana", "tone": -0.5, "spans": [[0, 100]]},
            {"speaker": "Ana", "tone": -0.5, "spans": [[10, 100]]},  # nested in the first
            {"speaker": "Ana", "tone": -0.2, "spans": [[200, 250]]},
        ]
    )
    table = analysis.extreme_quotes(quotes, n=3, speakers=["Nobody", "Ana"])
    assert table["quote_id"].tolist() == [0, 2]
