"""Groups of articles and tone per entity and group (lib/newstone/analysis/groups.py)."""

from __future__ import annotations

import pandas as pd
import pytest

from newstone import analysis
from newstone.analysis.groups import article_groups, differences, group_error, tone_by_entity_and_group


@pytest.fixture
def articles():
    return pd.DataFrame(
        {
            "article_id": ["a", "b", "c", "d"],
            "folder": ["politics", "business", None, " "],
            "published": ["2024-03-04", "26-FEB-1987 15:01:01.79", None, "2024-06-30"],
        }
    )


def test_groups_are_a_column_or_a_period_of_the_publication_date(articles):
    assert article_groups(articles, "folder").tolist() == ["politics", "business", pd.NA, pd.NA]
    assert article_groups(articles, "month").tolist() == ["2024-03", "1987-02", pd.NA, "2024-06"]
    assert article_groups(articles, "quarter").tolist() == ["2024Q1", "1987Q1", pd.NA, "2024Q2"]
    assert article_groups(articles, "year").tolist() == ["2024", "1987", pd.NA, "2024"]
    assert group_error("outlet", articles.columns).startswith("'outlet' is not a period (month, quarter, year)")
    with pytest.raises(KeyError, match="group_by 'outlet'"):
        article_groups(articles, "outlet")


def test_tone_per_entity_and_group_and_the_differences_whose_intervals_do_not_overlap(articles):
    items = pd.DataFrame(
        {
            "article_id": ["a"] * 4 + ["b"] * 4 + ["a", "b", "c"],
            "speaker": ["Ana"] * 8 + ["Ben", "Ben", "Ana"],
            "tone": [0.8, 0.7, 0.9, 0.8, -0.8, -0.7, -0.9, -0.6, 0.5, -0.5, 0.1],
        }
    )
    grouped = analysis.with_groups(items, articles, "folder")
    table = tone_by_entity_and_group(grouped, "speaker", "tone", entities=["Ben", "Ana"])
    assert table[["speaker", "group", "n"]].values.tolist() == [
        ["Ben", "business", 1],
        ["Ben", "politics", 1],
        ["Ana", "business", 4],
        ["Ana", "politics", 4],
    ]
    assert table.attrs["n_without_group"] == 1  # Ana's quote in c, which has no folder
    found = differences(table, "speaker")
    assert found[["speaker", "higher", "lower"]].values.tolist() == [["Ana", "politics", "business"]]
    # Ben's single quotes have no interval: never flagged
    wide = table.assign(ci_low=-1.0, ci_high=1.0)
    assert differences(wide, "speaker").empty
