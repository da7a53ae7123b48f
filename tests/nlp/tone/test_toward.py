"""Tone toward a target (lib/newstone/nlp/tone/toward.py): our own sentences for what it must
get right, the model file's contract, and its measured accuracy on NewsMTSC's held-out part."""

from __future__ import annotations

import importlib.util
import json
import sys

import numpy as np
import pytest

import newstone
from newstone.nlp.tone.toward import (
    DENSE_NAMES,
    FEATURE_VERSION,
    MODEL_FILE,
    SENTENCE_MODEL_FILE,
    read_sentence,
    sentence_tone,
    target_features,
    token_range,
    tone_toward,
)
from tests.helpers import DATA, ROOT, shared_path

EVALUATE_SCRIPT = ROOT / "scripts" / "evaluate_tone.py"


def toward(sentence: str, *targets: str, explain: bool = False) -> list[dict]:
    """tone_toward for targets given as words of the sentence (each word's first occurrence)."""
    spans = []
    for target in targets:
        start = sentence.index(target)
        spans.append((start, start + len(target)))
    return tone_toward(sentence, spans, explain=explain)


def score(sentence: str, target: str) -> float:
    return toward(sentence, target)[0]["score"]


# --- what it must get right ---


def test_contrast_splits_the_blame_and_the_praise():
    smith, jones = toward("Critics slammed Smith's plan but praised Jones.", "Smith", "Jones")
    assert smith["label"] == "negative"
    assert jones["label"] == "positive"
    assert smith["score"] < 0 < jones["score"]


def test_contrast_with_countries_in_one_sentence():
    france, germany = toward(
        "The president praised France for its generous aid, but he condemned Germany for blocking the deal.",
        "France",
        "Germany",
    )
    assert france["score"] > germany["score"] + 0.3
    assert germany["label"] == "negative"


@pytest.mark.parametrize(
    ("negated", "plain", "target"),
    [
        ("The report did not criticize Japan.", "The report criticized Japan.", "Japan"),
        ("France is not a threat to anyone, he said.", "France is a threat to everyone, he said.", "France"),
    ],
)
def test_negation_in_the_targets_clause_lifts_the_tone(negated, plain, target):
    assert toward(plain, target)[0]["label"] == "negative"
    assert toward(negated, target)[0]["label"] != "negative"
    assert score(negated, target) > score(plain, target) + 0.3


def test_negation_in_another_clause_leaves_the_target_alone():
    (iran,) = toward("Officials did not comment, but they said Iran is a threat.", "Iran")
    assert iran["label"] == "negative"


def test_a_target_only_in_a_neutral_clause_of_a_negative_sentence_is_not_negative():
    sentence = (
        "The deadly bombing, which killed dozens of civilians and wounded hundreds more, "
        "came a day after the minister returned from a visit to Norway."
    )
    from newstone.nlp.tone.news import tone

    assert tone(sentence)["compound"] < -0.5  # the sentence is negative
    norway = toward(sentence, "Norway")[0]
    assert norway["label"] != "negative"
    assert norway["score"] > tone(sentence)["compound"] + 0.3


@pytest.mark.xfail(
    strict=True,
    reason="known limit (docs/methodology.md): 'confidence' and 'encourages' outweigh 'destabilizing' "
    "three clauses away, as they do for sentence VADER",
)
def test_the_sample_articles_warning_is_not_positive():
    # Medeiros in the sample article: sentence VADER scores +0.74 on "confidence" and "encourages".
    sentence = (
        "this relationship could give confidence to North Korea in a way that encourages Kim Jong Un "
        "to act in very destabilizing ways, including resuming nuclear testing"
    )
    assert toward(sentence, "North Korea")[0]["label"] != "positive"


def test_a_name_carries_no_tone_of_its_own():
    # The target is replaced by a placeholder: only the words around it count.
    a = toward("Officials met Trump on Tuesday.", "Trump")[0]
    b = toward("Officials met Obama on Tuesday.", "Obama")[0]
    assert a["probabilities"] == b["probabilities"]


# --- the API ---


def test_result_fields_and_ranges():
    (result,) = toward("Russia condemned the attack.", "Russia")
    assert set(result) == {"label", "score", "probabilities"}
    assert result["label"] in ("negative", "neutral", "positive")
    assert -1 <= result["score"] <= 1
    p = result["probabilities"]
    assert set(p) == {"negative", "neutral", "positive"}
    assert sum(p.values()) == pytest.approx(1, abs=1e-3)
    assert result["label"] == max(p, key=p.get)
    assert result["score"] == pytest.approx(p["positive"] - p["negative"], abs=1e-3)


def test_explain_gives_the_words_that_pushed_the_score():
    smith, jones = toward("Critics slammed Smith's plan but praised Jones.", "Smith", "Jones", explain=True)
    words = dict(smith["words"])
    assert "slammed" in words and words["slammed"] < 0
    assert dict(jones["words"]).get("praised", 0) > 0
    assert all(isinstance(w, str) and isinstance(v, float) for w, v in smith["words"])
    assert "<t>" not in words and "<o>" not in words


def test_deterministic_and_order_independent_per_call():
    sentence = "Critics slammed Smith's plan but praised Jones."
    first = tone_toward(sentence, [(16, 21), (41, 46)])
    assert tone_toward(sentence, [(16, 21), (41, 46)]) == first
    assert tone_toward(sentence, [(41, 46), (16, 21)]) == first[::-1]


def test_public_api_is_lazy_and_exported():
    assert newstone.tone_toward is tone_toward
    assert "tone_toward" in dir(newstone)


@pytest.mark.parametrize("targets", [[(0, 0)], [(-1, 3)], [(3, 99)], [(5, 2)], [("a", "b")], [(1,)]])
def test_bad_spans_are_a_value_error(targets):
    with pytest.raises(ValueError):
        tone_toward("Russia condemned the attack.", targets)


def test_no_targets_gives_no_results():
    assert tone_toward("Russia condemned the attack.", []) == []


def test_typographic_quotes_read_like_ascii_ones():
    curly = "“It’s incredibly concerning,” he said of Russia’s move."
    plain = "\"It's incredibly concerning,\" he said of Russia's move."
    start = curly.index("Russia")
    assert tone_toward(curly, [(start, start + 6)]) == tone_toward(plain, [(start, start + 6)])


def test_token_range_covers_partial_and_between_token_spans():
    view = read_sentence("Critics slammed Smith's plan.")
    assert token_range(view, 16, 21) == (2, 3)  # "Smith" inside "Smith's"
    assert token_range(view, 0, 15) == (0, 2)
    assert token_range(view, 7, 8) == (1, 2)  # the space: the next token


def test_features_have_the_documented_dense_columns():
    view = read_sentence("Critics slammed Smith's plan but praised Jones.")
    sparse, dense, zones = target_features(view, 2, 3, [(6, 7)])
    assert len(dense) == len(DENSE_NAMES)
    assert "u:<t>" in sparse and "u:<o>" in sparse and "u:smith" not in sparse
    assert "c:slammed" in sparse and "c:praised" not in sparse  # "but" ends the clause
    assert len(zones) == 5


# --- the fast scoring path gives what the named features give ---

FAST_PATH_SENTENCES = [
    "Critics slammed Smith's plan but praised Jones.",
    "The report did not criticize Japan; it praised Japan's restraint, and Japan's allies agreed.",
    "“It’s incredibly concerning,” he said of Russia’s move -- not the least bit helpful (or kind of good).",
    "NO ONE trusts   Iran , he said ,  but  the U.S. is a GREAT ally!!! Isn't it? Really?",
    "China, China and China: the 2,000 officials met in 2019 without doubt and never so happy.",
    "His letter was beautiful, which nobody denied, although Moscow was furious.",
]


def _slow_scores(sentence: str, spans: list[tuple[int, int]]) -> list[dict]:
    """tone_toward from the feature names and token lists (the path explain=True takes)."""
    from newstone.nlp.tone.toward import _result, softmax, toward_model

    model = toward_model()
    view = read_sentence(sentence)
    word_ids = model.word_ids(view)
    ranges = [token_range(view, s, e) for s, e in spans]
    results = []
    for k, (a, b) in enumerate(ranges):
        others = [r for j, r in enumerate(ranges) if j != k and r != (a, b)]
        results.append(_result(softmax(model.logits(*target_features(view, a, b, others), word_ids))))
    return results


@pytest.mark.parametrize("sentence", FAST_PATH_SENTENCES)
def test_fast_scoring_matches_named_features(sentence):
    words = [(m.start(), m.end()) for m in __import__("re").finditer(r"\S+", sentence)]
    for span in words:  # every token alone as the target, then all of them together
        assert tone_toward(sentence, [span]) == _slow_scores(sentence, [span])
    assert tone_toward(sentence, words[:4]) == _slow_scores(sentence, words[:4])


@pytest.mark.parametrize("sentence", FAST_PATH_SENTENCES)
def test_read_sentence_valences_are_vaders(sentence):
    from newstone.nlp.tone import features
    from newstone.nlp.tone.news import ascii_quotes
    from newstone.nlp.tone.vader import _cap_differential

    view = read_sentence(sentence)
    raw, news = features._lexicons()
    words, lower = list(view.words), list(view.lower)
    cap = _cap_differential(words)
    assert view.raw_val == features._valences(words, lower, raw, cap)
    assert view.news_val == features._valences(words, lower, news, cap)
    assert [sentence[s:e] for s, e in view.spans] == ascii_quotes(sentence).split() or not sentence.isascii()


def assert_view_is_vaders(texts):
    """read_sentence's valences are the plain definition's, and its sentence scores are
    vaderSentiment's polarity_scores under either lexicon (emoji-free texts)."""
    from newstone.nlp.tone import features
    from newstone.nlp.tone.news import ascii_quotes, get_scorer
    from newstone.nlp.tone.vader import _cap_differential

    raw, news = features._lexicons()
    analyzers = get_scorer("vader")._analyzer, get_scorer("news")._analyzer
    for text in texts:
        view = read_sentence(text)
        words, lower = list(view.words), list(view.lower)
        cap = _cap_differential(words)
        assert view.raw_val == features._valences(words, lower, raw, cap), text
        assert view.news_val == features._valences(words, lower, news, cap), text
        vader, news_vader = (analyzer.polarity_scores(ascii_quotes(text)) for analyzer in analyzers)
        assert (view.compound_raw, view.pos_raw, view.neu_raw, view.neg_raw) == tuple(
            vader[k] for k in ("compound", "pos", "neu", "neg")
        ), text
        assert (view.compound_news, view.pos_news, view.neu_news, view.neg_news) == tuple(
            news_vader[k] for k in ("compound", "pos", "neu", "neg")
        ), text


def test_read_sentence_scores_vaders_rule_cases():
    from tests.nlp.tone.test_vader import RULE_CASES

    cases = [text for text in RULE_CASES if text.isascii()]  # VADER reads emoji as words; the view does not
    # every rule in every case, and capitals counting or not
    assert_view_is_vaders(FAST_PATH_SENTENCES + cases + [c.upper() for c in cases] + [c.lower() for c in cases])
    assert_view_is_vaders(["It was kind of good", "at least not bad", "This is the bomb", "We saw this good plan"])


@pytest.mark.parametrize("scorer", ["news", "vader", "learned"])
def test_tone_columns_of_a_view_are_the_tone_columns(scorer):
    # The pipeline takes a sentence's tone columns from the view it reads for tone toward.
    from newstone.nlp.tone.columns import tone_columns, tone_columns_of_view
    from tests.nlp.tone.test_vader import RULE_CASES

    texts = [
        *FAST_PATH_SENTENCES,
        *(t for t in RULE_CASES if t.isascii()),
        "\u201cGreat,\u201d he said \u2014 \u00a35 ",
    ]
    for text in texts:
        assert tone_columns_of_view(read_sentence(text), text, scorer) == tone_columns(text, scorer), text
    emoji = "Catch utf-8 emoji such as \U0001f498 and \U0001f48b"  # VADER reads them as words: no view
    assert tone_columns_of_view(read_sentence(emoji), emoji, scorer) is None


@pytest.mark.shared
def test_read_sentence_scores_vaders_on_real_sentences():
    from newstone.ingest.reader import iter_articles
    from newstone.nlp.sentences import split_sentences

    texts = [r["sentence_normalized"] for r in map(json.loads, shared_path("data", "newsmtsc", "train.jsonl").open())]
    for article in iter_articles([str(shared_path("data", "bbc", "politics"))]):
        texts += [article.text[s.start : s.end] for s in split_sentences(article.text, article.body_spans)]
    assert len(texts) > 12_000
    assert_view_is_vaders(texts)


# --- the learned sentence scorer ---


def test_sentence_tone_fields():
    result = sentence_tone("The attack was a brutal and cowardly act.")
    assert result["label"] == "negative" and result["score"] < 0
    assert sentence_tone("")["label"] == "neutral"


# --- the model files ---


@pytest.mark.parametrize("name", [MODEL_FILE, SENTENCE_MODEL_FILE])
def test_model_file_is_small_safe_and_current(name):
    path = DATA / name
    assert path.stat().st_size <= 10_000_000
    with np.load(path, allow_pickle=False) as arrays:  # no pickled objects inside
        assert int(arrays["version"]) == FEATURE_VERSION
        assert all(arrays[key].dtype != object for key in arrays.files)
        info = json.loads(bytes(arrays["info"]).decode("utf-8"))
    assert "held-out part left out" in info["trained_on"] or "dev part" in info["trained_on"]


# --- measured against people (needs ../shared) ---


@pytest.mark.shared
@pytest.mark.slow
def test_heldout_macro_f1_beats_sentence_tone(monkeypatch):
    path = shared_path("data", "newsmtsc", "train.jsonl")
    spec = importlib.util.spec_from_file_location("evaluate_tone", EVALUATE_SCRIPT)
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "evaluate_tone", module)  # its dataclasses look it up
    spec.loader.exec_module(module)
    records = [r for r in module.load_newsmtsc(path) if r["heldout"]]
    gold, multi, predicted = module.toward_predictions(records)
    f1 = {method: module.macro_f1(gold, labels) for method, labels in predicted.items()}
    assert f1["tone_toward"] >= 0.67  # 0.688 when trained (docs/methodology.md)
    assert f1["tone_toward"] > f1["news"] + 0.05
    assert f1["tone_toward"] > f1["vader"] + 0.08
    pairs = [(g, p) for g, p, m in zip(gold, predicted["tone_toward"], multi) if m]
    assert module.macro_f1(*zip(*pairs)) >= 0.62  # 0.692


# --- the training script's neutral offset ---


def _training_script(monkeypatch):
    """scripts/train_tone.py imported as a module (with its sibling scripts on the path)."""
    monkeypatch.syspath_prepend(str(ROOT / "scripts"))
    spec = importlib.util.spec_from_file_location("train_tone", ROOT / "scripts" / "train_tone.py")
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "train_tone", module)
    spec.loader.exec_module(module)
    return module


def test_training_chooses_a_neutral_offset_by_cross_validation(monkeypatch):
    module = _training_script(monkeypatch)
    examples = module.Examples()
    rng = np.random.default_rng(0)
    probabilities = []
    for i in range(500):
        label = i % 3
        examples.y.append(label)
        examples.fold.append(i % module.FOLDS)
        examples.multi.append(i % 2 == 0)
        p = rng.dirichlet([1.0, 1.0, 1.0])
        p[label] += 0.3  # mostly right, but neutral a little under-predicted
        if label == 1:
            p[1] -= 0.12
        p = np.clip(p, 0.01, None)
        probabilities.append(p / p.sum())
    oof = np.array(probabilities)
    offset, scores, nested = module.choose_offset(examples, oof)
    assert offset in module.NEUTRAL_OFFSETS and offset > 0
    assert scores["f1"] >= module.offset_scores(examples, oof, 0.0)["f1"]
    assert 0 < nested <= 1 and set(scores) == {"f1", "multi_f1"}


def test_training_scales_indicators_by_their_naive_bayes_ratios(monkeypatch):
    from scipy import sparse as sp

    module = _training_script(monkeypatch)
    y = np.repeat([0, 1, 2], 10)
    # columns: only in positive rows, in a third of each class's rows, only in negative rows, in every row
    columns = [y == 2, np.arange(30) % 3 == 0, y == 0, np.ones(30, dtype=bool)]
    indicators = sp.csr_matrix(np.column_stack(columns).astype(float))
    scale = module.nb_scales(indicators, y)
    assert scale.shape == (4,) and abs(scale.mean() - 1.0) < 1e-12
    assert scale[0] > 2 * scale[1] and scale[2] > 2 * scale[3]
    X = sp.hstack([indicators, sp.csr_matrix(np.full((30, 2), 0.5))]).tocsr()
    scaled = module.scale_columns(X, scale).toarray()
    assert np.allclose(scaled[:, :4], indicators.toarray() * scale) and np.allclose(scaled[:, 4:], 0.5)
