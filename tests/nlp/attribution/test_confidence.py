"""The hybrid's confidence model: the features of a learned attribution, on our own
sentences, and the shipped weights (lib/newstone/nlp/attribution/learned/confidence.py)."""

from __future__ import annotations

import math

from newstone.nlp.attribution.hybrid import linked_candidates
from newstone.nlp.attribution.learned.confidence import FEATURES, WORDS, ConfidenceModel, confidence_model
from newstone.nlp.attribution.learned.spans import Candidate
from newstone.nlp.sentences import split_sentences
from tests.helpers.attribution import BODY


def span_of(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def features_of(text: str, candidate: Candidate) -> dict[str, float]:
    ((_, values, _),) = linked_candidates(text, split_sentences(text), [], [candidate])
    return dict(zip(FEATURES, values))


def words_of(text: str, candidate: Candidate) -> list[str]:
    ((_, _, words),) = linked_candidates(text, split_sentences(text), [], [candidate])
    return words


def test_features_of_reported_speech_with_the_rules_source():
    text = BODY + "The harbour master insisted that storms would close the port."
    learned = Candidate(
        [span_of(text, "storms would close the port")],
        span_of(text, "insisted"),
        span_of(text, "The harbour master"),
        tokens=5,
        confidence=0.9,
        cue_confidence=0.6,
        source_confidence=0.7,
    )
    f = features_of(text, learned)
    assert f["bias"] == 1.0
    assert math.isclose(f["content_logit"], math.log(9)) and math.isclose(f["cue_logit"], math.log(1.5))
    assert math.isclose(f["log_tokens"], math.log(5))
    assert (f["cue_in_lexicon"], f["cue_belief"], f["cue_intent"]) == (1.0, 0.0, 0.0)  # "insist": speech
    assert (f["quoted"], f["pieces"], f["cue_first"]) == (0.0, 0.0, 1.0)
    # the rules' finder found the source, and it is the tagger's source run too
    assert (f["rules_source"], f["source_agree"]) == (1.0, 0.7)
    assert f["pronoun_source"] == 0.0 and math.isclose(f["log_source_words"], math.log(3))
    assert words_of(text, learned) == ["cue_first=insisted", "cue_last=insisted", "content_first=storms"]


def test_features_of_a_quotation_with_a_pronoun_the_tagger_did_not_tag():
    text = BODY + "\u201cThe port will close,\u201d she fretted."
    learned = Candidate(
        [span_of(text, "\u201cThe port will close,\u201d")], span_of(text, "fretted"), None, tokens=6, confidence=0.8
    )
    f = features_of(text, learned)
    assert (f["quoted"], f["cue_first"], f["pronoun_source"]) == (1.0, 0.0, 1.0)
    assert f["cue_in_lexicon"] == 0.0  # "fretted" is no cue form of the lexicon
    assert (f["rules_source"], f["source_agree"]) == (1.0, 0.0)  # "she" found by the rules' finder only


def test_words_of_a_long_cue_and_a_content_opening_with_a_name():
    text = BODY + "Senator Ruiz has repeatedly attacked Lopez\u2019s plan to close the port."
    learned = Candidate(
        [span_of(text, "Lopez\u2019s plan to close the port")],
        span_of(text, "has repeatedly attacked"),
        span_of(text, "Senator Ruiz"),
        tokens=8,
    )
    words = dict(w.split("=", 1) for w in words_of(text, learned))
    assert list(words) == list(WORDS)
    assert (words["cue_first"], words["cue_last"], words["content_first"]) == ("has", "attacked", "Xx")


def test_a_words_weight_moves_the_probability_and_an_unknown_word_weighs_nothing():
    model = ConfidenceModel([0.0] * len(FEATURES), {"cue_last=said": 2.0, "cue_last=supported": -1.0}, 0.5)
    numbers = [1.0] + [0.0] * (len(FEATURES) - 1)
    assert model.probability(numbers, ["cue_last=unheard"]) == 0.5
    assert model.probability(numbers, ["cue_last=said"]) > 0.5 > model.probability(numbers, ["cue_last=supported"])


def test_the_shipped_model_trusts_the_taggers_confidence_and_that_clauses():
    model = confidence_model()
    weights, cut = model.weights, model.cut
    assert len(weights) == len(FEATURES) and 0 < cut < 1
    assert all(word.split("=")[0] in WORDS for word in model.words)
    # reported speech opening with "that" is what PolNeAR annotates as content
    assert model.words["content_first=that"] > 0
    base = [1.0, 0.0, 0.0, math.log(5), 1.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 1.0, 0.0, math.log(2)]
    probabilities = []
    for content in (0.3, 0.6, 0.9, 0.99):
        values = list(base)
        values[FEATURES.index("content_logit")] = math.log(content / (1 - content))
        probabilities.append(model.probability(values, []))
    assert probabilities == sorted(probabilities) and probabilities[0] < cut < probabilities[-1]
