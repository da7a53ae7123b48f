"""Character spans into an article's text (lib/newstone/spans.py)."""

from newstone.spans import merge_spans

# --- merging ---


def test_merge_spans():
    assert merge_spans([(5, 9), (0, 3), (2, 4), (20, 30), (8, 8)], 25) == [(0, 4), (5, 9), (20, 25)]


def test_a_span_index_finds_what_a_scan_finds_in_the_order_given():
    import random

    from newstone.spans import SpanIndex

    rng = random.Random(7)
    items = []
    for k in range(300):
        start = rng.randrange(0, 5000)
        items.append(((start, start + rng.randrange(1, 120)), k))
    index = SpanIndex(items)
    for _ in range(500):
        lo = rng.randrange(0, 5200)
        hi = lo + rng.randrange(1, 300)
        scanned = [(span, k) for span, k in items if span[1] > lo and span[0] < hi]
        assert index.overlapping(lo, hi) == scanned
        assert index.overlaps((lo, hi)) == bool(scanned)


def test_a_span_index_touching_is_no_overlap():
    from newstone.spans import SpanIndex

    index = SpanIndex([((10, 20), "a")])
    assert not index.overlaps((20, 30)) and not index.overlaps((0, 10))
    assert index.overlaps((19, 25)) and SpanIndex([]).overlapping(0, 100) == []
