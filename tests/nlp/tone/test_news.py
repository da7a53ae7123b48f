"""The tone stage: raw VADER kept exact, the news scorer measured against human ratings
(lib/newstone/nlp/tone/news.py)."""

from __future__ import annotations

import importlib.util
import math
import statistics
import sys

import pytest
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from newstone.nlp.tone.news import (
    SCORERS,
    ToneScorer,
    ascii_quotes,
    get_scorer,
    news_lexicon_update,
    read_news_lexicon,
    score_many,
    tone,
    tone_label,
)
from tests.helpers import ROOT, shared_path

EVALUATE_SCRIPT = ROOT / "scripts" / "evaluate_tone.py"


# --- helpers ---


SENTENCES = [
    "VADER is smart, handsome, and funny.",
    "VADER is VERY SMART, handsome, and FUNNY!!!",
    "The plot was good, but the characters are uncompelling and the dialog is not great.",
    "At least it isn't a horrible book.",
    "Catch utf-8 emoji such as 💘 and 💋 and 😁",
    "He was concerned about Russia's support for North Korea's missile programs.",
    "“It’s incredibly concerning,” Miller said.",
    "The United Nations Security Council met on Tuesday.",
]


def compound(text: str, scorer: str = "news") -> float:
    return get_scorer(scorer).polarity(text)["compound"]


# --- what the news scorer changes, and why ---


def test_incredibly_concerning_is_clearly_negative_for_news_but_zero_for_vader():
    # Raw VADER has no entry for "concerning", which is why the news lexicon exists.
    assert compound("It's incredibly concerning", "vader") == 0.0
    assert compound("It's incredibly concerning") < -0.3


def test_support_for_missile_programs_is_not_positive():
    assert compound("support for North Korea's missile programs", "vader") > 0.05
    assert compound("support for North Korea's missile programs") <= 0.05


def test_names_and_institutions_carry_no_tone():
    for text in ("The United Nations Security Council met.", "The Supreme Court ruled.", "Shares of the party rose."):
        assert compound(text, "vader") > 0.05
        assert compound(text) == 0.0


def test_vader_rules_still_apply_to_new_words():
    assert compound("This is not concerning") > compound("This is concerning")
    assert compound("very concerning") < compound("concerning") < 0


def test_typographic_quotes_read_like_ascii_ones():
    assert compound("“It’s incredibly concerning,”") == compound('"It\'s incredibly concerning,"')
    assert compound("It isn’t concerning") > compound("It is concerning")
    assert ascii_quotes("‘a’ “b” «c»") == '\'a\' "b" "c"'
    plain = "plain ASCII text"
    assert ascii_quotes(plain) is plain


def test_tone_columns_shortcut_equals_scoring_with_both_scorers(sample_text):
    """The news scorer is skipped only where it cannot differ from raw VADER."""
    from newstone.nlp.sentences import split_sentences
    from newstone.nlp.tone.news import ascii_quotes, get_scorer, tone_columns

    texts = [sample_text[s.start : s.end] for s in split_sentences(sample_text)]
    texts += ["Nothing here at all.", "It is not concerning.", "SANCTIONS!!", "“Delighted,” he said."]
    for text in texts:
        columns = tone_columns(text, "news")
        plain = ascii_quotes(text)
        assert columns["tone"] == get_scorer("news").polarity(plain)["compound"], text
        assert columns["compound"] == get_scorer("vader").polarity(plain)["compound"], text
    assert tone_columns("“Delighted,” he said.")["compound"] > 0.3


# --- raw VADER stays raw ---


@pytest.mark.parametrize("text", SENTENCES + ["", "   "])
def test_vader_scorer_is_exactly_vadersentiment(text):
    assert ToneScorer("vader").polarity(text) == SentimentIntensityAnalyzer().polarity_scores(text)


def test_news_scorer_does_not_change_a_vader_scorer():
    vader = ToneScorer("vader")
    before = [vader.polarity(text) for text in SENTENCES]
    news = ToneScorer("news")
    assert [vader.polarity(text) for text in SENTENCES] == before
    assert news._analyzer.lexicon is not vader._analyzer.lexicon
    assert "party" in vader._analyzer.lexicon and "concerning" not in vader._analyzer.lexicon
    assert ToneScorer("news")._analyzer.lexicon is not news._analyzer.lexicon


def test_zero_valence_removes_the_word():
    news_lexicon = get_scorer("news")._analyzer.lexicon
    assert news_lexicon_update()["like"] == 0
    assert "like" not in news_lexicon
    assert compound("I like it", "vader") > 0.05
    assert compound("I like it") == 0.0


# --- scorers, labels and the public tone() ---


def test_get_scorer_creates_one_scorer_per_kind():
    assert get_scorer("news") is get_scorer("news")
    assert get_scorer("vader") is get_scorer("vader")
    assert get_scorer("news") is not get_scorer("vader")
    assert get_scorer() is get_scorer("news") is get_scorer(scorer="news")
    assert SCORERS == ("vader", "news")


def test_tone_and_score_many_use_the_cached_scorers():
    texts = ["This is concerning", "A great success", ""]
    assert score_many(texts) == [get_scorer("news").polarity(t) for t in texts]
    assert score_many(texts, "vader") == [tone(t, "vader") for t in texts]
    assert set(tone("A great success")) == {"compound", "pos", "neu", "neg"}


@pytest.mark.parametrize("text", ["", "   \n\t", None, math.nan])
@pytest.mark.parametrize("scorer", SCORERS)
def test_empty_or_missing_text_scores_zero(text, scorer):
    assert get_scorer(scorer).polarity(text) == {"neg": 0.0, "neu": 0.0, "pos": 0.0, "compound": 0.0}


def test_unknown_scorer_is_rejected():
    with pytest.raises(ValueError, match="unknown tone scorer"):
        ToneScorer("afinn")


def test_an_unknown_scorer_name_is_an_error_not_the_default():
    import newstone

    with pytest.raises(ValueError, match="unknown tone scorer"):
        newstone.tone("fine", scorer="foo")
    with pytest.raises(ValueError, match="unknown tone scorer"):
        newstone.parse_text("Head\n\nIt was fine, he said.", tone="foo")


@pytest.mark.parametrize(
    "value, label",
    [
        (0.05, "positive"),
        (0.0499, "neutral"),
        (0.0, "neutral"),
        (-0.0499, "neutral"),
        (-0.05, "negative"),
        (0.9, "positive"),
        (-0.9, "negative"),
    ],
)
def test_labels_use_vader_thresholds(value, label):
    assert tone_label(value) == label
    assert get_scorer("news").label(value) == label


# --- the news lexicon file ---


def test_lexicon_file_is_documented_and_well_formed():
    path = ROOT / "lib" / "newstone" / "data" / "news_lexicon.tsv"
    assert path.read_text(encoding="utf-8").startswith("#")
    entries = read_news_lexicon()
    words = [e.word for e in entries]
    assert len(entries) > 500 and len(set(words)) == len(words)
    assert all(e.reason and -4 <= e.valence <= 4 for e in entries)
    # Tone about a country must come from what is said, never from a name.
    assert not {"russia", "china", "korea", "american", "muslim", "republican"} & set(words)


@pytest.mark.parametrize(
    "line, message",
    [
        ("word\t1.0", "empty reason"),
        ("Word\t1.0\twhy", "lower case"),
        ("word\tbig\twhy", "not a number"),
        ("word\t4.5\twhy", "outside"),
        ("word\t1.0\t ", "empty reason"),
        ("very\t1.0\tbooster", "booster/negation"),
        ("word\t1.0\twhy\textra", "4 tab-separated cells"),
    ],
)
def test_lexicon_lines_are_checked(tmp_path, line, message):
    path = tmp_path / "lexicon.tsv"
    path.write_text(f"# a lexicon\nword\tvalence\treason\n{line}\n", encoding="utf-8")
    with pytest.raises(ValueError, match=f"lexicon.tsv:3: .*{message}"):
        read_news_lexicon(path)


def test_lexicon_comments_blank_lines_and_duplicates(tmp_path):
    path = tmp_path / "lexicon.tsv"
    path.write_text("# header\nword\tvalence\treason\n# war words\nwar\t-3\tbad\n\n", encoding="utf-8")
    assert [(e.word, e.valence) for e in read_news_lexicon(path)] == [("war", -3.0)]
    path.write_text("# header\nword\tvalence\treason\nwar\t-3\tbad\n\nwar\t-2\tagain\n", encoding="utf-8")
    with pytest.raises(ValueError, match="lexicon.tsv:5: 'war' is listed twice"):
        read_news_lexicon(path)


# --- measured against human ratings (scripts/evaluate_tone.py, gold data in ../shared) ---


@pytest.fixture(scope="module")
def evaluate_tone():
    """scripts/evaluate_tone.py as a module (it is a script, not part of the package)."""
    spec = importlib.util.spec_from_file_location("evaluate_tone", EVALUATE_SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules["evaluate_tone"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def gold_results(evaluate_tone):
    results = evaluate_tone.evaluate(evaluate_tone.load_gold(shared_path("data", "vader_gold")))
    return {(r.scorer, r.half): r for r in results}


def test_split_is_by_article_and_stable(evaluate_tone):
    assert [evaluate_tone.half_of(a) for a in ("1", "2", "3", "500")] == ["report", "report", "dev", "dev"]
    assert evaluate_tone.gold_class(0.5) == "positive"
    assert evaluate_tone.gold_class(0.45) == "neutral"
    assert evaluate_tone.gold_class(-0.5) == "negative"


@pytest.mark.shared
def test_news_scorer_beats_vader_on_the_report_half(gold_results):
    news, vader = gold_results["news", "report"], gold_results["vader", "report"]
    assert news.n == vader.n == 2656
    assert news.pearson_r > vader.pearson_r + 0.02  # measured 0.517 vs 0.481
    assert news.macro_f1 > vader.macro_f1  # measured 0.573 vs 0.549
    assert news.pearson_r >= 0.50


@pytest.mark.shared
def test_news_scorer_on_the_dev_half(gold_results):
    # In-sample: the lexicon was developed on this half.
    assert gold_results["news", "dev"].pearson_r >= 0.60
    assert gold_results["vader", "dev"].pearson_r == pytest.approx(0.526, abs=0.001)


@pytest.mark.shared
def test_news_scorer_on_the_report_half_holds_what_it_reached(gold_results):
    """What is reached on the held-out half, not the target.

    Target: r >= 0.60 on the report half. Reached: 0.517 (raw VADER 0.481), a gap of 0.083.
    Lexicon induction from unlabeled news, re-weighting VADER's words and a public-domain
    adjective lexicon were measured by cross-validation inside the dev half and gave no
    consistent gain (see the header of news_lexicon.tsv), so the update is unchanged.
    """
    news, vader = gold_results["news", "report"], gold_results["vader", "report"]
    assert news.pearson_r >= 0.517 - 0.01
    assert news.pearson_r > vader.pearson_r
    assert news.macro_f1 >= 0.573 - 0.01


@pytest.mark.shared
def test_dev_cross_validation_folds(evaluate_tone):
    """--cv K splits only the dev half, by article, into K stable folds."""
    snippets = evaluate_tone.load_gold(shared_path("data", "vader_gold"))
    groups = evaluate_tone.dev_folds(snippets, 5)
    dev = evaluate_tone.split_halves(snippets)["dev"]
    assert sum(map(len, groups)) == len(dev) == 2534
    articles = [{s.article_id for s in group} for group in groups]
    assert all(a.isdisjoint(b) for i, a in enumerate(articles) for b in articles[i + 1 :])
    assert all(evaluate_tone.half_of(a) == "dev" for group in articles for a in group)
    per_fold = evaluate_tone.cross_validate(snippets, 5)
    assert statistics.fmean(per_fold["vader"]) == pytest.approx(0.525, abs=0.002)
    assert statistics.fmean(per_fold["news"]) > statistics.fmean(per_fold["vader"])


def test_evaluation_exits_nonzero_without_gold(evaluate_tone, tmp_path, capsys):
    assert evaluate_tone.main(["--gold", str(tmp_path)]) == 2
    assert "gold file not found" in capsys.readouterr().err
