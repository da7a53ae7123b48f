"""`newstone evaluate`: our scorer agrees with the official one, and the PolNeAR dev bar
(lib/newstone/evaluate.py)."""

import importlib.util
import json

import pytest

from newstone.cli import main
from newstone.evaluate import GoldAttribution, Prediction, parse_brat, score
from tests.helpers import SHARED, shared_path

# --- brat gold and the PolNeAR rule ---


def test_parse_brat_discontinuous_content(tmp_path):
    ann = tmp_path / "a_x.ann"
    ann.write_text(
        "T1\tSource 0 4\tPoll\nT2\tCue 4 5\t:\nT3\tContent 6 10;12 15\tabcd efg\n"
        "T4\tAttribution 4 5\t:\nE1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n",
        encoding="utf-8",
    )
    [gold] = parse_brat(str(ann))
    assert gold.content == [(6, 10), (12, 15)] and gold.source == [(0, 4)] and gold.cue == [(4, 5)]


def test_score_rule_on_a_small_case():
    gold = {"a": [GoldAttribution([(10, 30)], [(0, 5)]), GoldAttribution([(40, 60)], [])]}
    preds = {
        "a": [
            Prediction([(10, 30)], (2, 4)),  # right content, right source
            Prediction([(41, 60)], None),  # gold has no source: any source is right
            Prediction([(70, 80)], (0, 5)),
        ]
    }  # matches nothing
    figures = score(gold, preds)
    assert figures["attribution_precision"] == pytest.approx(2 / 3, abs=1e-4)
    assert figures["attribution_recall"] == 1.0
    wrong_source = score(gold, {"a": [Prediction([(10, 30)], (6, 9))]})
    assert wrong_source["content_recall"] == 0.5 and wrong_source["attribution_recall"] == 0.0


# --- newstone evaluate ---


def official_scorer():
    path = shared_path("eval", "score_attributions.py")
    spec = importlib.util.spec_from_file_location("score_attributions", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.shared
def test_evaluate_matches_the_official_scorer_and_meets_the_bar(tmp_path, capsys):
    dev = shared_path("data", "polnear", "dev")
    metadata = SHARED / "data" / "polnear" / "metadata.tsv"
    out = tmp_path / "figures.json"
    assert main(["evaluate", str(dev), "--metadata", str(metadata), "--json", str(out)]) == 0
    ours = json.loads(out.read_text())
    printed = capsys.readouterr().out
    assert printed.strip().splitlines()[-1] == f"attribution F1 = {ours['attribution_f1']:.3f}"

    # The same predictions through the official scorer give the same figures.
    assert main(["quotes", str(dev / "text"), "--format", "jsonl"]) == 0
    preds = tmp_path / "preds.jsonl"
    preds.write_text(capsys.readouterr().out, encoding="utf-8")
    official = official_scorer()
    counts, unknown = official.score(official.load_gold(str(dev), str(metadata)), official.load_predictions(str(preds)))
    counts["articles"] = ours["articles"]
    assert official.summarize(counts) == ours
    assert not unknown

    # The bar from the attribution issue.
    assert ours["attribution_f1"] >= 0.60, ours
    assert ours["attribution_precision"] >= 0.80, ours


@pytest.mark.shared
@pytest.mark.slow
def test_hybrid_beats_the_rules_on_dev_and_keeps_precision():
    """The target of issue 17 for the hybrid: dev F1 >= 0.69 at precision >= 0.82 (measured
    with the rules check: F1 0.6916, P 0.8293; the rules 0.6357)."""
    from newstone.evaluate import evaluate

    dev = shared_path("data", "polnear", "dev")
    metadata = str(SHARED / "data" / "polnear" / "metadata.tsv")
    rules = evaluate(str(dev), metadata, attribution="rules")
    hybrid = evaluate(str(dev), metadata, attribution="hybrid")
    assert rules["attribution_f1"] == 0.6357  # the rules are untouched by the switch
    assert hybrid["attribution_f1"] >= 0.69 > rules["attribution_f1"], hybrid
    assert hybrid["attribution_precision"] >= 0.82, hybrid


def test_evaluate_on_a_missing_folder_exits_2(tmp_path, capsys):
    assert main(["evaluate", str(tmp_path)]) == 2
    assert "no text/ folder" in capsys.readouterr().err
