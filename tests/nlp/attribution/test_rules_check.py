"""The hybrid's rules check: the tagger's probabilities over a rules attribution, on our own
sentences with hand-set probabilities, and the shipped model
(lib/newstone/nlp/attribution/learned/rules_check.py)."""

from __future__ import annotations

import math

import numpy as np

from newstone.model import Attribution
from newstone.nlp.attribution.hybrid import combine, hybrid_attributions
from newstone.nlp.attribution.learned.confidence import ConfidenceModel
from newstone.nlp.attribution.learned.features import LABELS, Paragraph
from newstone.nlp.attribution.learned.rules_check import (
    RULES_FEATURES,
    TokenProbabilities,
    checkable,
    checked_rules,
    rules_check_model,
    rules_features,
    rules_words,
)
from newstone.nlp.attribution.learned.spans import Candidate
from newstone.nlp.sentences import split_sentences
from tests.helpers.attribution import BODY, content

TEXT = "The mayor said the bridge will reopen soon ."


def span_of(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def probabilities(tags: list[str], sure: float = 0.9) -> TokenProbabilities:
    """One paragraph of ``TEXT``'s words, each token given ``sure`` for its tag and the
    rest for "O"."""
    spans, position = [], 0
    for word in TEXT.split(" "):
        spans.append((position, position + len(word)))
        position += len(word) + 1
    rows = np.zeros((len(tags), len(LABELS)))
    for i, tag in enumerate(tags):
        rows[i, LABELS.index("O")] = 1 - sure
        rows[i, LABELS.index(tag)] += sure
    paragraph = Paragraph(spans, [w.lower() for w in TEXT.split(" ")], [True] + [False] * (len(spans) - 1), False)
    return TokenProbabilities.of([paragraph], [rows])


RULE = Attribution(
    "indirect", [span_of(TEXT, "the bridge will reopen soon")], span_of(TEXT, "said"), span_of(TEXT, "The mayor")
)


def features(tokens: TokenProbabilities, attribution: Attribution = RULE) -> dict[str, float]:
    return dict(zip(RULES_FEATURES, rules_features(TEXT, attribution, tokens)))


def logit(p: float) -> float:
    return math.log(p / (1 - p))


def test_tokens_are_those_starting_inside_a_span():
    tokens = probabilities(["O"] * 9)
    assert list(tokens.tokens(span_of(TEXT, "the bridge will"))) == [3, 4, 5]
    assert list(tokens.tokens((span_of(TEXT, "bridge")[0] + 1, span_of(TEXT, "reopen")[1]))) == [5, 6]
    assert tokens.mean(None, [0]) is None and tokens.mean((0, 0), [0]) is None


def test_a_rules_attribution_the_tagger_reads_the_same_way():
    tags = ["B-S", "I-S", "B-K", "B-C", "I-C", "I-C", "I-C", "I-C", "O"]
    f = features(probabilities(tags))
    assert f["bias"] == 1.0
    assert math.isclose(f["content_logit"], logit(0.9)) and math.isclose(f["content_min_logit"], logit(0.9))
    assert f["content_tagged"] == 1.0
    assert math.isclose(f["begin_logit"], logit(0.9))  # the content opens where the tagger's does
    assert math.isclose(f["cue_logit"], logit(0.9)) and math.isclose(f["source_logit"], logit(0.9))
    assert (f["no_cue"], f["no_source"], f["pieces"], f["cue_first"], f["direct"]) == (0, 0, 0, 1, 0)
    assert f["after_logit"] < logit(0.1) and f["before_logit"] < logit(0.1)  # before it the cue, after it "."
    assert math.isclose(f["log_tokens"], math.log(5)) and math.isclose(f["log_source_words"], math.log(2))


def test_a_rules_attribution_the_tagger_doubts():
    # the tagger reads no attribution at all, bar the last word of the content
    tags = ["O", "O", "O", "O", "O", "O", "O", "B-C", "I-C"]
    f = features(probabilities(tags))
    assert math.isclose(f["content_tagged"], 0.2)
    assert f["content_logit"] < 0 and f["content_min_logit"] < f["content_logit"] < f["content_last_logit"]
    assert f["cue_logit"] < 0 and f["source_logit"] < 0
    assert math.isclose(f["after_logit"], logit(0.9))  # the tagger runs the content on past the rules'


def test_no_cue_and_no_source_are_their_own_values():
    rule = Attribution("direct", [span_of(TEXT, "the bridge will reopen soon")])
    f = features(probabilities(["O"] * 9), rule)
    assert (f["no_cue"], f["no_source"], f["cue_logit"], f["source_logit"], f["direct"]) == (1, 1, 0, 0, 1)
    assert rules_words(TEXT, rule) == ["cue_first=_", "cue_last=_", "content_first=the"]


def test_the_check_drops_what_its_model_gives_less_than_the_cut():
    sure, doubtful = probabilities(["B-S", "I-S", "B-K"] + ["B-C"] + ["I-C"] * 4 + ["O"]), probabilities(["O"] * 9)
    model = ConfidenceModel([0.0, 1.0] + [0.0] * (len(RULES_FEATURES) - 2), {}, 0.5)  # the content's log odds alone
    assert checked_rules(TEXT, [RULE], sure, model) == [RULE]
    assert checked_rules(TEXT, [RULE], doubtful, model) == []


def test_quotations_nested_and_first_person_attributions_are_not_judged():
    text = (
        "He said he had told the truth. \u201cWe won,\u201d she said. "
        "I believe the port will reopen. The mayor said the bridge will reopen."
    )
    outer = Attribution("indirect", [span_of(text, "he had told the truth")], span_of(text, "said"), (0, 2))
    he = text.index("he had")
    inner = Attribution("indirect", [span_of(text, "the truth")], span_of(text, "had told"), (he, he + 2))
    quotation = Attribution("direct", [span_of(text, "\u201cWe won,\u201d")], span_of(text, "she said"))
    believe = Attribution(
        "indirect",
        [span_of(text, "the port will reopen")],
        span_of(text, "believe"),
        (text.index("I "), text.index("I ") + 1),
    )
    mayor = Attribution(
        "indirect",
        [span_of(text, "the bridge will reopen")],
        span_of(text, "said the bridge"),
        span_of(text, "The mayor"),
    )
    assert checkable([outer, inner, quotation, believe, mayor], text) == [True, False, False, False, True]
    model = ConfidenceModel([-10.0] + [0.0] * (len(RULES_FEATURES) - 1), {}, 0.5)  # doubts everything it judges
    tokens = TokenProbabilities([], np.zeros((0, len(LABELS))))
    assert checked_rules(text, [outer, inner, quotation, believe, mayor], tokens, model) == [inner, quotation, believe]


def test_a_dropped_rules_attribution_leaves_its_text_to_the_tagger():
    text = BODY + "Mayor Ana Lopez said on Friday that the bridge would reopen in May after repairs."
    rule = Attribution(  # the rules' content started too early
        "indirect",
        [span_of(text, "on Friday that the bridge would reopen in May after repairs")],
        span_of(text, "said"),
        span_of(text, "Mayor Ana Lopez"),
    )
    learned = Candidate(
        [span_of(text, "that the bridge would reopen in May after repairs")],
        span_of(text, "said"),
        span_of(text, "Ana Lopez"),
        9,
        confidence=0.95,
        cue_confidence=0.95,
        source_confidence=0.95,
    )
    sentences = split_sentences(text)
    (kept,) = combine(text, sentences, [rule], [learned], kept_rules=[rule])
    assert kept is rule  # kept by the check, the rules attribution wins
    (replaced,) = combine(text, sentences, [rule], [learned], kept_rules=[])
    assert content(text, replaced) == "that the bridge would reopen in May after repairs"
    assert text[replaced.source[0] : replaced.source[1]] == "Mayor Ana Lopez"  # the rules' source finder


def test_the_shipped_check_keeps_a_plain_quotation_and_reported_speech():
    model = rules_check_model()
    assert len(model.weights) == len(RULES_FEATURES) and 0 <= model.cut < 1
    # the tagger's content probability counts for the rules attribution
    assert model.weights[RULES_FEATURES.index("content_logit")] > 0
    text = (
        BODY + "\u201cThe bridge will reopen in May,\u201d said Ana Lopez, the mayor. "
        "The council said that repairs would cost two million euros."
    )
    found = [content(text, a) for a in hybrid_attributions(text, split_sentences(text))]
    assert found == ["\u201cThe bridge will reopen in May,\u201d", "that repairs would cost two million euros"]
