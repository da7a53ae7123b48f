"""Charts of who said what in which tone, on small hand-built tables that follow schema.py
(lib/newstone/reports/charts.py)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from matplotlib.colors import to_hex

from newstone import analysis
from newstone.reports import charts
from tests.helpers.tables import quotes_table

# --- tone per official: diverging bars ---


def bar_colours(ax) -> list[str]:
    return [to_hex(p.get_facecolor()) for p in ax.containers[0]]


def test_speaker_chart_bars_order_colours_labels_and_ci(quotes):
    fig = charts.speaker_tone_chart(quotes, min_n=2)
    ax = fig.axes[0]
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels == ["Ana  (n=3)", "Ben  (n=2)", "Cy  (n=1)"]  # negative first, small group last
    assert [b.get_width() for b in ax.containers[0]] == pytest.approx([-0.5, 0.4, 0.9])
    assert bar_colours(ax) == [charts.NEGATIVE_COLOUR, charts.POSITIVE_COLOUR, charts.SMALL_GROUP_COLOUR]
    assert ax.containers[0][2].get_hatch() == "///"
    assert ax.get_xlim() == (-1, 1)
    assert any(line.get_xdata()[0] == 0 for line in ax.lines)  # the zero line
    error_bars = [c for c in ax.containers if c.__class__.__name__ == "ErrorbarContainer"]
    assert len(error_bars) == 1 and len(error_bars[0].lines[2][0].get_segments()) == 2  # Cy (n=1) has none
    assert list(fig.newstone_data["status"]) == ["shown", "shown", "below_min_n"]
    assert "Greyed out (hatched): 1 official(s) with fewer than 2 quotes: Cy." in fig.newstone_footnote
    assert "1 quotes without a resolved official" in fig.newstone_footnote


def test_speaker_chart_can_leave_small_groups_out(quotes):
    fig = charts.speaker_tone_chart(quotes, min_n=3, below_min="hide")
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert labels == ["Ana  (n=3)"]
    assert "Left out: 2 official(s) with fewer than 3 quotes: Ben, Cy." in fig.newstone_footnote


def test_speaker_chart_top_n_keeps_most_quoted_and_says_so(quotes):
    fig = charts.speaker_tone_chart(quotes, top_n=2)
    assert list(fig.newstone_data["speaker"]) == ["Ana", "Ben"]
    assert "Showing the 2 officials with the most quotes of 3." in fig.newstone_footnote


def test_tone_bars_rejects_unknown_mode(quotes):
    with pytest.raises(ValueError):
        charts.speaker_tone_chart(quotes, below_min="drop")


def test_speaker_chart_names_officials_only_when_all_speakers_are_people():
    quotes = quotes_table(
        [
            {"speaker": "Ana", "tone": -0.2},
            {"speaker": "Ana", "tone": -0.1},
            {"speaker": "police", "speaker_type": "group", "tone": 0.3},
        ]
    )
    people = charts.speaker_tone_chart(analysis.select_speakers(quotes, ["person"]))
    assert people._suptitle.get_text().endswith("per official") and people.axes[0].get_ylabel() == "official"
    assert "Speakers of type: person." in people.newstone_footnote
    mixed = charts.speaker_tone_chart(quotes)
    assert mixed._suptitle.get_text().endswith("per speaker") and mixed.axes[0].get_ylabel() == "speaker"
    assert "Speakers of type: group, person." in mixed.newstone_footnote


# --- tone per country ---


def country_summary(n_col: str) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "country": ["Russia", "Ukraine", "Japan"],
            n_col: [4, 3, 1],
            "mean": [-0.3, 0.2, 0.0],
            "ci_low": [-0.5, 0.0, np.nan],
            "ci_high": [-0.1, 0.4, np.nan],
        }
    )


def test_mentioned_country_chart_says_scores_are_shared():
    fig = charts.mentioned_country_tone_chart(country_summary("n_sentences"), min_n=2)
    assert "counts, with the same score, for both" in fig.newstone_footnote
    assert "95% t interval" in fig.newstone_footnote
    assert [t.get_text() for t in fig.axes[0].get_yticklabels()] == ["Russia  (n=4)", "Ukraine  (n=3)", "Japan  (n=1)"]
    assert "n = number of sentences" in fig.newstone_footnote
    top = charts.mentioned_country_tone_chart(country_summary("n_sentences"), top_n=2)
    assert "Showing the 2 mentioned countries with the most sentences of 3." in top.newstone_footnote


def test_mentioned_country_chart_says_when_it_shows_tone_toward():
    fig = charts.mentioned_country_tone_chart(country_summary("n_sentences"), score="tone_toward", min_n=2)
    assert "tone toward each country" in chart_title(fig).lower()
    assert "scores each mention on its own" in fig.newstone_footnote
    assert "same score, for both" not in fig.newstone_footnote
    shared = charts.mentioned_country_tone_chart(country_summary("n_sentences"), score="tone", min_n=2)
    assert "of sentences mentioning each country" in chart_title(shared)
    assert 'score="tone_toward"' in shared.newstone_footnote


def chart_title(fig) -> str:
    return " ".join(t.get_text() for t in fig.texts) + " " + fig.axes[0].get_title()


def test_country_charts_label_codes_with_names():
    summary = pd.DataFrame(
        {
            "country": ["RUS", "PRK", "XKX"],
            "n_quotes": [5, 4, 3],
            "mean": [-0.5, -0.2, 0.1],
            "ci_low": [-0.7, -0.4, -0.1],
            "ci_high": [-0.3, 0.0, 0.3],
        }
    )
    fig = charts.speaker_country_tone_chart(summary, min_n=2)
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert labels == ["Russia (RUS)  (n=5)", "North Korea (PRK)  (n=4)", "Kosovo (XKX)  (n=3)"]


def test_speaker_country_chart_uses_n_quotes():
    fig = charts.speaker_country_tone_chart(country_summary("n_quotes"), min_n=4, below_min="hide")
    assert list(fig.newstone_data["country"]) == ["Russia"]
    assert "Left out: 2 speaker country(s) with fewer than 4 quotes" in fig.newstone_footnote


def test_speaker_country_chart_says_what_it_left_out_and_what_it_filled_in(blair):
    quotes, speakers = blair
    fig = charts.speaker_country_tone_chart(analysis.tone_by_speaker_country(quotes, "tone", speakers))
    assert "Not shown: 2 quotes without a resolved speaker country." in fig.newstone_footnote
    assert (
        "1 quote(s) that give no country of their own are counted for their speaker's country in the "
        "speakers table" in fig.newstone_footnote
    )


# --- speaker by country heatmap ---


def test_heatmap_centred_masked_and_annotated():
    matrix = pd.DataFrame(
        {
            "speaker": ["Ana", "Ana", "Ben", "Ben"],
            "country": ["Russia", "Japan", "Russia", "Japan"],
            "n": [5, 1, 2, 3],
            "mean": [-0.7, 0.4, 0.1, 0.25],
        }
    )
    fig = charts.speaker_country_heatmap(matrix, min_n=2)
    ax = fig.axes[0]
    image = ax.images[0]
    assert image.norm.vmin == -1 and image.norm.vmax == 1
    assert image.get_cmap().name.startswith("RdBu")
    data = fig.newstone_data
    assert list(data["mean"].index) == ["Ana", "Ben"] and list(data["mean"].columns) == ["Russia", "Japan"]
    assert data["masked"].loc["Ana", "Japan"] and not data["masked"].loc["Ben", "Japan"]
    assert bool(image.get_array().mask[0, 1])  # Ana x Japan (n=1) is not coloured
    texts = {t.get_text() for t in ax.texts}
    assert {"-0.70\nn=5", "+0.10\nn=2", "+0.25\nn=3", "n=1"} <= texts
    assert "+0.40\nn=1" not in texts
    assert [p for p in ax.patches if p.get_gid() == "masked" and p.get_hatch() == "///"]
    assert ax.get_xlabel() and ax.get_ylabel() == "Speaker"


def test_heatmap_says_which_tone_it_shows():
    matrix = pd.DataFrame({"speaker": ["Ana", "Ben"], "country": ["Russia", "Japan"], "n": [3, 2], "mean": [-0.5, 0.2]})
    toward = charts.speaker_country_heatmap(matrix, score="tone_toward")
    assert "tone toward each country" in chart_title(toward).lower()
    assert "scores each mention on its own" in toward.newstone_footnote
    assert toward.axes[1].get_ylabel().startswith("mean tone toward the country")
    whole = charts.speaker_country_heatmap(matrix, score="tone")
    assert "news-aware tone of quotes" in chart_title(whole)
    assert "of the whole quotes naming the country" in whole.newstone_footnote


# --- tone over time ---


def test_timeline_chart_plots_periods_with_n_and_none_for_single_date():
    timeline = pd.DataFrame(
        {
            "period_start": pd.to_datetime(["2024-06-20", "2024-06-21"]),
            "n": [3, 1],
            "mean": [-0.2, 0.4],
            "std": [0.1, np.nan],
            "ci_low": [-0.45, np.nan],
            "ci_high": [0.05, np.nan],
        }
    )
    timeline.attrs.update(period="D", n_undated=2)
    fig = charts.tone_timeline_chart(timeline)
    ax = fig.axes[0]
    assert ax.get_ylim() == (-1, 1)
    assert list(ax.lines[0].get_ydata()) == [-0.2, 0.4]
    assert "breaks" not in fig.newstone_footnote  # consecutive days: one unbroken line
    error_bars = [c for c in ax.containers if c.__class__.__name__ == "ErrorbarContainer"]
    assert len(error_bars[0].lines[2][0].get_segments()) == 1  # none for the n=1 day
    assert {t.get_text() for t in ax.texts} >= {"n=3", "n=1"}
    assert "2 quotes from articles without a readable date" in fig.newstone_footnote
    single = timeline.head(1).copy()
    single.attrs.update(period=None)
    assert charts.tone_timeline_chart(single) is None


def test_timeline_line_breaks_over_days_without_items():
    timeline = pd.DataFrame(
        {
            "period_start": pd.to_datetime(["2024-06-20", "2024-06-21", "2024-06-24"]),
            "n": [3, 2, 2],
            "mean": [-0.2, 0.4, 0.1],
            "std": [0.1, 0.2, 0.1],
            "ci_low": [-0.45, 0.1, 0.0],
            "ci_high": [0.05, 0.7, 0.2],
        }
    )
    timeline.attrs.update(period="D", n_undated=0)
    fig = charts.tone_timeline_chart(timeline)
    line = next(drawn for drawn in fig.axes[0].lines if drawn.get_gid() == "tone-line")
    assert np.isnan(line.get_ydata()).sum() == 2  # June 22 and 23: no line drawn across them
    assert "breaks over 2 day(s) without quotes" in fig.newstone_footnote


# --- saving ---


def test_save_png_writes_an_image(tmp_path, quotes):
    path = tmp_path / "chart.png"
    charts.save_png(charts.speaker_tone_chart(quotes), path)
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
