"""Charts and their aggregations, on small hand-built tables that follow schema.py."""

from __future__ import annotations

import html
import re

import numpy as np
import pandas as pd
import pytest
from matplotlib.colors import to_hex

from newstone import schema
from newstone.reports import charts, explorer


def quotes_table(rows: list[dict]) -> pd.DataFrame:
    """A quotes table with the contract columns; rows give only what a test needs."""
    defaults = {"kind": "direct", "spans": None, "cue": None, "sentence_ids": None}
    filled = []
    for i, row in enumerate(rows):
        row = {**defaults, "quote_id": i, "article_id": "a1", "text": f"quote {i}", **row}
        row.setdefault("compound", row.get("tone"))
        filled.append(row)
    return schema.frame(filled, schema.QUOTE_COLUMNS)


@pytest.fixture
def quotes():
    # Ana: 3 quotes, clearly negative; Ben: 2 quotes, positive; Cy: 1 quote (below min_n=2).
    return quotes_table(
        [
            {"speaker": "Ana", "tone": -0.6},
            {"speaker": "Ana", "tone": -0.4},
            {"speaker": "Ana", "tone": -0.5},
            {"speaker": "Ben", "tone": 0.3},
            {"speaker": "Ben", "tone": 0.5},
            {"speaker": "Cy", "tone": 0.9},
            {"speaker": None, "tone": 0.1},
        ]
    )


# ---------------------------------------------------------------------------------------
# aggregate


# ---------------------------------------------------------------------------------------
# Diverging bars


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


# ---------------------------------------------------------------------------------------
# Heatmap


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


# ---------------------------------------------------------------------------------------
# Timeline


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


def test_save_png_writes_an_image(tmp_path, quotes):
    path = tmp_path / "chart.png"
    charts.save_png(charts.speaker_tone_chart(quotes), path)
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


# ---------------------------------------------------------------------------------------
# Article renderer


ARTICLE_TEXT = 'Talks <stalled>\n\n"We reject this & more," said Ana Li of Russia. Japan & Korea <b>met</b>.'


@pytest.fixture
def article_tables():
    text = ARTICLE_TEXT
    q_start, q_end = text.index("We reject"), text.index(',"') + 1
    cue = text.index("said")
    spk = text.index("Ana Li")
    article = schema.frame(
        [{"article_id": "x/1", "text": text, "published": "2024-06-20", "source": "Wire"}], schema.ARTICLE_COLUMNS
    ).iloc[0]
    quotes = quotes_table(
        [
            {
                "article_id": "x/1",
                "speaker": "Ana Li",
                "tone": -0.7,
                "tone_label": "negative",
                "spans": [[q_start, q_end]],
                "start": q_start,
                "end": q_end,
                "cue_start": cue,
                "cue_end": cue + 4,
                "speaker_start": spk,
                "speaker_end": spk + 6,
            }
        ]
    )
    russia, japan = text.index("Russia"), text.index("Japan")
    reject = text.index("reject")  # a country mention inside the quote, overlapping it
    mentions = schema.frame(
        [
            {"article_id": "x/1", "start": russia, "end": russia + 6, "country": "Russia"},
            {"article_id": "x/1", "start": japan, "end": japan + 5, "country": "Japan"},
            {"article_id": "x/1", "start": reject, "end": reject + 6, "country": "Testland"},
        ],
        schema.MENTION_COLUMNS,
    )
    return article, quotes, mentions


def test_render_article_escapes_and_keeps_text(article_tables):
    article, quotes, mentions = article_tables
    out = explorer.render_article(article, quotes, mentions)
    assert isinstance(out, str) and out._repr_html_() == out
    assert "<b>met</b>" not in out and "&lt;b&gt;met&lt;/b&gt;" in out and "&lt;stalled&gt;" in out
    visible = html.unescape(re.sub(r"<[^>]+>", "", out.split('<div class="ns-text">', 1)[1]))
    assert ARTICLE_TEXT in visible.replace("-0.70", "")  # every character once, in order


def test_render_article_marks_quote_cue_speaker_and_countries(article_tables):
    article, quotes, mentions = article_tables
    out = explorer.render_article(article, quotes, mentions)
    assert out.count('class="ns-quote"') == 3  # quote cut around the nested country mention
    assert 'data-speaker="Ana Li"' in out
    assert '<span class="ns-cue" title="cue">said</span>' in out
    assert re.search(r'<span class="ns-speaker"[^>]*>Ana Li</span>', out)
    assert re.search(r'<span class="ns-country" title="country: Russia">Russia</span>', out)
    assert re.search(
        r'<span class="ns-quote"[^>]*><span class="ns-country" title="country: Testland">reject</span></span>', out
    )
    assert re.search(r'class="ns-badge"[^>]*>-0.70</span>', out)
    assert explorer.tone_colour(-0.7) in out and explorer.SPEAKER_COLOURS[0] in out
    assert out.count("<span") == out.count("</span>")  # well nested


def test_explorer_html_picks_article_shows_separate_title_and_quote_table(article_tables):
    article, quotes, mentions = article_tables
    articles = pd.DataFrame([article]).assign(title="Headline <kept apart>")
    tables = {"articles": articles, "quotes": quotes, "mentions": mentions}
    out = explorer.explorer_html(tables, None)
    assert 'data-article-id="x/1"' in out and "<strong>Headline &lt;kept apart&gt;</strong>" in out
    assert 'class="dataframe ns-quotes"' in out and "<td>–</td>" in out  # missing speaker_country
    with pytest.raises(KeyError):
        explorer.explorer_html(tables, "nope")


def test_tone_colour_diverges():
    assert explorer.tone_colour(-1) != explorer.tone_colour(1)
    assert explorer.tone_colour(None) == "#969696"


def test_explorer_hover_text_never_shows_a_raw_missing_value():
    import newstone
    from newstone.reports import explorer

    corpus = newstone.parse_text("Head\n\nNATO said Russia and the UN were wrong.", article_id="a")
    page = explorer.explorer_html(corpus.tables, "a")
    assert "&lt;NA&gt;" not in page and "<NA>" not in page
    assert "NATO: organization, no country" in page and "country: RUS" in page
