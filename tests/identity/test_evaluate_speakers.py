"""How scripts/evaluate_speakers.py matches a gold quote to a predicted one."""

from __future__ import annotations

from tests.helpers import load_script


def _script():
    return load_script("evaluate_speakers")


def test_a_tie_goes_to_the_quote_that_fits_the_gold_piece():
    # a nested quote inside a wider one covers the gold piece as much as the wider one does:
    # the exact one is the match, whichever the finder listed first
    script = _script()
    gold = script.GoldQuote("bbc", "politics/001", 100, 150, "bbc.someone")
    wide = script.Prediction(0, [(80, 150)], "no one", None, None)
    exact = script.Prediction(1, [(100, 150)], "Someone", None, None)
    assert script.match(gold, [wide, exact]) is exact
    assert script.match(gold, [exact, wide]) is exact


def test_the_largest_overlap_wins_and_half_is_needed():
    script = _script()
    gold = script.GoldQuote("bbc", "politics/001", 100, 200, "bbc.someone")
    small = script.Prediction(0, [(100, 140)], "A", None, None)
    large = script.Prediction(1, [(90, 180)], "B", None, None)
    assert script.match(gold, [small, large]) is large
    assert script.match(gold, [small]) is None  # 40 of 100 characters
