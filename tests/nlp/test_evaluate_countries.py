"""How scripts/evaluate_countries.py matches and counts country mentions."""

from __future__ import annotations

from tests.helpers import load_script


def _script():
    return load_script("evaluate_countries")


def test_a_gold_mention_takes_one_prediction_the_largest_overlap():
    script = _script()
    gold = [script.Mention(10, 20, "USA")]
    short, long = script.Mention(10, 12, "USA"), script.Mention(9, 20, "USA")
    assert script.match(gold, [short, long]) == [(gold[0], long)]


def test_precision_recall_and_a_wrong_country():
    script = _script()
    gold = {
        "a": [script.Mention(0, 6, "FRA"), script.Mention(20, 27, "GBR")],
        "b": [],  # read in full, no mention: a prediction there is wrong
    }
    predicted = {
        "a": [script.Mention(0, 6, "FRA"), script.Mention(20, 27, "IRL"), script.Mention(40, 45, "USA")],
        "b": [script.Mention(3, 8, "TUR")],
    }
    log: list[str] = []
    figures = script.score(gold, predicted, log)
    assert (figures["gold"], figures["predictions"], figures["found"], figures["right"]) == (2, 4, 2, 1)
    assert (figures["precision"], figures["recall"], figures["wrong_country"]) == (0.25, 0.5, 1)
    assert figures["found_precision"] == 0.5 and figures["found_recall"] == 1.0
    assert len(log) == 3  # two predictions that are no mention, one wrong country
