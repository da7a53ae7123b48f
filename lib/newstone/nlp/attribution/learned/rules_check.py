"""The tagger's second opinion on the rules: how likely a rules attribution is right.

The rules are precise, but not as precise as they look once PolNeAR's rule is applied: on
train's held-out folds about one rules attribution in seven is wrong (a content the
annotators did not mark, one they marked much longer or shorter, or a wrong source). The
tagger reads the rules' own tags among its inputs (:mod:`~.features`) and was trained on
the gold, so where it disagrees with them it has learnt something: its probabilities over
a rules attribution's content, cue and source tell right from wrong far better than
chance (held-out AUC 0.81). A logistic model over those probabilities and a few
shapes of the attribution (:data:`RULES_FEATURES`, the same three words as the learned
candidates' model) gives the probability that the rules attribution is right; the hybrid
drops it under the file's cut. Dropping a doubtful rules attribution buys precision that
the hybrid spends on more learned ones (a lower cut for those), which is where the gain
is: the two cuts are chosen together on train's held-out folds
(``scripts/train_attribution.py --folds``; figures in ``docs/methodology.md``).

Three kinds of rules attribution are not checked. A quotation (``direct``): the rules are
right about 96% of the time there, and what the check dropped were mostly continuation
paragraphs of a speaker's quotation, which the corpus's speakers need. A nested
attribution (its content inside another rules attribution's content: "He said he had told
the truth") and one whose source is "I" or "we" ("“… but I didn't believe I can win it”"):
the tagger gives each token one tag, so inside an outer content or a quotation it reads
the inner cue and content as the outer content, and its probabilities say nothing about
the inner attribution. Judging quotations and "I"/"we" too had dropped 9 of the 449
quotes of our identity set (``evaluation/speakers``), 3 now; leaving the three kinds out
costs about 0.001 of held-out F1 at equal precision.

``--attribution rules`` keeps every rules attribution: the check is part of the hybrid.
"""

from __future__ import annotations

import bisect
import json
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import numpy as np

from newstone.model import Attribution, Span
from newstone.nlp.attribution.learned.confidence import CONFIDENCE_FILE, ConfidenceModel, logit, span_words
from newstone.nlp.attribution.learned.features import LABELS, Paragraph
from newstone.spans import SpanIndex

RULES_FEATURES = (
    "bias",
    "content_logit",  # log odds of the tagger's mean probability of content over the content's tokens
    "content_min_logit",  # ... of its least sure content token
    "content_first_logit",  # ... of the content's first token
    "content_last_logit",  # ... of its last token
    "content_tagged",  # share of the content's tokens the tagger gives content more likely than not
    "before_logit",  # log odds of content for the token before the content
    "after_logit",  # ... for the token after it (content running on: the rules stopped early)
    "begin_logit",  # log odds of B-C at the first token
    "cue_logit",  # log odds of the tagger's mean probability of cue over the cue's tokens
    "no_cue",
    "source_logit",  # ... of source over the source's tokens
    "no_source",
    "log_tokens",  # content tokens
    "direct",  # the rules' quotation kind
    "mixed",
    "pronoun_source",  # the source is a personal pronoun
    "log_source_words",
    "pieces",  # content in two pieces or more
    "cue_first",  # the cue comes before the content
)

_CONTENT = [LABELS.index("B-C"), LABELS.index("I-C")]
_CUE = [LABELS.index("B-K"), LABELS.index("I-K")]
_SOURCE = [LABELS.index("B-S"), LABELS.index("I-S")]
_BEGIN = LABELS.index("B-C")
_PRONOUNS = frozenset({"he", "she", "they", "i", "we", "it", "you"})


@dataclass
class TokenProbabilities:
    """The tagger's probabilities for every token of an article, in text order: token
    start offsets and an array (tokens, tags)."""

    starts: list[int]
    probabilities: np.ndarray

    @classmethod
    def of(cls, paragraphs: list[Paragraph], probabilities: list[np.ndarray]) -> TokenProbabilities:
        starts = [start for paragraph in paragraphs for start, _ in paragraph.spans]
        joined = np.concatenate(probabilities) if probabilities else np.zeros((0, len(LABELS)))
        return cls(starts, joined)

    def tokens(self, span: Span) -> range:
        """The tokens starting inside ``span`` (as the rules' tags are given to tokens)."""
        return range(bisect.bisect_left(self.starts, span[0]), bisect.bisect_left(self.starts, span[1]))

    def mean(self, span: Span | None, tags: list[int]) -> float | None:
        """The mean probability of ``tags`` over the tokens of ``span``; None without tokens."""
        if span is None:
            return None
        tokens = self.tokens(span)
        if not tokens:
            return None
        return float(self.probabilities[tokens.start : tokens.stop, tags].sum(axis=1).mean())


def rules_features(text: str, attribution: Attribution, tokens: TokenProbabilities) -> list[float]:
    """The values of :data:`RULES_FEATURES` for one rules attribution."""
    indices = [i for span in attribution.spans for i in tokens.tokens(span)]
    content = tokens.probabilities[indices][:, _CONTENT].sum(axis=1) if indices else np.zeros(1)
    total = len(tokens.starts)

    def content_at(i: int) -> float:
        return float(tokens.probabilities[i, _CONTENT].sum()) if 0 <= i < total else 0.0

    first, last = (indices[0], indices[-1]) if indices else (-1, -1)
    cue = tokens.mean(attribution.cue, _CUE)
    source = tokens.mean(attribution.source, _SOURCE)
    source_words = text[attribution.source[0] : attribution.source[1]].lower().split() if attribution.source else []
    return [
        1.0,
        logit(float(content.mean())),
        logit(float(content.min())),
        logit(float(content[0])),
        logit(float(content[-1])),
        float((content > 0.5).mean()),
        logit(content_at(first - 1)) if indices else logit(0.0),
        logit(content_at(last + 1)) if indices else logit(0.0),
        logit(float(tokens.probabilities[first, _BEGIN])) if indices else logit(0.0),
        logit(cue) if cue is not None else 0.0,
        float(cue is None),
        logit(source) if source is not None else 0.0,
        float(source is None),
        math.log(max(len(indices), 1)),
        float(attribution.kind == "direct"),
        float(attribution.kind == "mixed"),
        float(len(source_words) == 1 and source_words[0] in _PRONOUNS),
        math.log(max(len(source_words), 1)),
        float(len(attribution.spans) > 1),
        float(attribution.cue is not None and attribution.cue[0] < attribution.spans[0][0]),
    ]


def rules_words(text: str, attribution: Attribution) -> list[str]:
    """The cue's first and last word and the content's first, as for a learned candidate."""
    return span_words(text, attribution.cue, attribution.spans[0])


_FIRST_PERSON = frozenset({"i", "we"})


def checkable(rules: list[Attribution], text: str) -> list[bool]:
    """For each rules attribution, whether the check judges it: not a quotation, not nested
    (its content inside another's content) and not with the source "I" or "we"."""
    index = SpanIndex((span, n) for n, a in enumerate(rules) for span in a.spans)

    def nested(n: int, attribution: Attribution) -> bool:
        start, end = attribution.spans[0][0], attribution.spans[-1][1]
        return any(
            other != n and s <= start and end <= e and (s, e) != (start, end)
            for (s, e), other in index.overlapping(start, end)
        )

    def first_person(attribution: Attribution) -> bool:
        source = attribution.source
        return source is not None and text[source[0] : source[1]].lower() in _FIRST_PERSON

    return [a.kind != "direct" and not first_person(a) and not nested(n, a) for n, a in enumerate(rules)]


def checked_rules(
    text: str, rules: list[Attribution], tokens: TokenProbabilities, model: ConfidenceModel | None = None
) -> list[Attribution]:
    """The rules attributions the check keeps (``model``: default the shipped one): those
    it does not judge (:func:`checkable`), and those the model gives at least its cut."""
    model = model if model is not None else rules_check_model()
    return [
        a
        for a, judged in zip(rules, checkable(rules, text))
        if not judged or model.probability(rules_features(text, a, tokens), rules_words(text, a)) >= model.cut
    ]


@lru_cache(maxsize=1)
def rules_check_model() -> ConfidenceModel:
    """The shipped check: the ``rules_check`` part of the confidence file."""
    data = json.loads(resources.files("newstone").joinpath("data", CONFIDENCE_FILE).read_text("utf-8"))["rules_check"]
    if tuple(data["features"]) != RULES_FEATURES:
        raise ValueError(f"{CONFIDENCE_FILE}: rules_check features {data['features']} are not {list(RULES_FEATURES)}")
    words = {str(k): float(w) for k, w in data.get("words", {}).items()}
    return ConfidenceModel([float(w) for w in data["weights"]], words, float(data["cut"]))
