"""Categorical colours distinct for any number of categories (lib/newstone/reports/palette.py)."""

from newstone.reports.palette import OKABE_ITO, categorical_colours


def test_colours_start_with_okabe_ito_and_stay_distinct():
    assert categorical_colours(5) == OKABE_ITO[:5]
    for n in (9, 20, 40, 120):
        colours = categorical_colours(n)
        assert len(colours) == n == len(set(colours))
        assert all(len(c) == 7 and c.startswith("#") for c in colours)
    assert categorical_colours(40)[:20] == categorical_colours(20)  # a growing article keeps its colours
