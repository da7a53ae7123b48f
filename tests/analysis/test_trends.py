"""Tone over time per entity (lib/newstone/analysis/trends.py) and its small multiples
(lib/newstone/reports/trend_charts.py)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from newstone.analysis.trends import choose_trend_period, tone_trends
from newstone.reports.trend_charts import trend_small_multiples


def test_trends_per_entity_by_week_with_every_period_of_the_span():
    articles = pd.DataFrame(
        {"article_id": ["a", "b", "c", "d"], "published": ["2024-03-04", "2024-03-06", "2024-03-25", None]}
    )
    items = pd.DataFrame(
        {
            "article_id": ["a", "a", "b", "c", "c", "d"],
            "speaker": ["Ana", "Ben", "Ana", "Ana", "Ben", "Ana"],
            "tone": [0.2, -0.5, 0.4, -0.2, 0.1, 0.9],
        }
    )
    trends = tone_trends(items, articles, "speaker", "tone")
    assert trends.attrs["period"] == "week" and trends.attrs["n_undated"] == 1
    assert list(trends.attrs["periods"].strftime("%m-%d")) == ["03-04", "03-11", "03-18", "03-25"]
    assert trends[["speaker", "n"]].values.tolist() == [["Ana", 2], ["Ana", 1], ["Ben", 1], ["Ben", 1]]
    assert trends.loc[0, "mean"] == 0.30000000000000004 or np.isclose(trends.loc[0, "mean"], 0.3)
    by_month = tone_trends(items, articles, "speaker", "tone", entities=["Ben"], period="month")
    assert by_month["n"].tolist() == [2] and by_month["speaker"].tolist() == ["Ben"]
    assert choose_trend_period(pd.Series(pd.to_datetime(["2024-01-01", "2024-12-01"]))) == "month"
    assert choose_trend_period(pd.Series(pd.to_datetime(["2024-01-01", None]))) is None


def test_small_multiples_break_the_line_where_there_is_no_data():
    articles = pd.DataFrame({"article_id": list("abc"), "published": ["2024-03-04", "2024-03-18", "2024-03-25"]})
    items = pd.DataFrame({"article_id": list("abc"), "speaker": ["Ana"] * 3, "tone": [0.2, -0.4, 0.1]})
    trends = tone_trends(items, articles, "speaker", "tone")
    fig = trend_small_multiples(trends, "speaker", ["Ana"])
    line = fig.axes[0].lines[0].get_ydata()
    assert np.isnan(line).tolist() == [False, True, False, False]  # the week of 03-11 has no quote
    assert "Lines break over weeks without quotes (1 in all)." in fig.newstone_footnote
    assert fig.axes[0].get_title(loc="left") == "Ana (n=3)"
    one_day = tone_trends(items.iloc[:1], articles, "speaker", "tone")
    assert trend_small_multiples(one_day, "speaker", ["Ana"]) is None
