"""Groups side by side on one dot plot (lib/newstone/reports/compare.py)."""

from __future__ import annotations

import pandas as pd

from newstone.reports.compare import FLAG, MAX_GROUPS, group_comparison_chart


def table(rows):
    return pd.DataFrame(rows, columns=["speaker", "group", "n", "mean", "std", "ci_low", "ci_high"])


def test_a_flagged_entity_is_marked_and_small_groups_are_never_flagged():
    data = table(
        [
            ["Ana", "a", 10, 0.6, 0.1, 0.5, 0.7],
            ["Ana", "b", 10, -0.6, 0.1, -0.7, -0.5],
            ["Ben", "a", 1, 0.9, None, None, None],
            ["Ben", "b", 12, -0.1, 0.2, -0.2, 0.0],
        ]
    )
    fig = group_comparison_chart(data, "speaker", ["Ana", "Ben"], min_n=2, labels={"Ana": "Ana A."})
    ticks = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert ticks == [f"Ana A. {FLAG}", "Ben"]
    assert fig.newstone_differences[["speaker", "higher", "lower"]].values.tolist() == [["Ana", "a", "b"]]
    assert "Hollow grey: fewer than 2 quotes." in fig.newstone_footnote
    assert "1 pair(s)" in fig.newstone_footnote


def test_only_the_largest_groups_are_drawn():
    rows = [["Ana", f"g{i:02d}", i + 1, 0.0, 0.1, -0.1, 0.1] for i in range(MAX_GROUPS + 3)]
    fig = group_comparison_chart(table(rows), "speaker", ["Ana"])
    assert sorted(fig.newstone_data["group"]) == [f"g{i:02d}" for i in range(3, MAX_GROUPS + 3)]
    assert f"Showing the {MAX_GROUPS} groups with the most quotes of {MAX_GROUPS + 3}." in fig.newstone_footnote


def test_the_group_table_names_speakers_and_keeps_their_ids_apart():
    from newstone.reports.listings import group_summary

    table = pd.DataFrame(
        {
            "speaker_id": ["person:howard", "person:howard-2"],
            "group": ["politics", "politics"],
            "n": [3, 2],
            "mean": [0.1, -0.2],
            "std": [0.1, 0.1],
        }
    )
    shown = group_summary(table, "speaker_id", {"person:howard": "Howard", "person:howard-2": "Howard"})
    assert list(shown.columns) == ["speaker", "group", "n", "mean", "speaker_id"]
    assert shown["speaker"].tolist() == ["Howard", "Howard"]
    assert shown["speaker_id"].nunique() == 2
