"""Character spans into an article's text (lib/newstone/spans.py)."""

from newstone.spans import merge_spans

# --- merging ---


def test_merge_spans():
    assert merge_spans([(5, 9), (0, 3), (2, 4), (20, 30), (8, 8)], 25) == [(0, 4), (5, 9), (20, 25)]
