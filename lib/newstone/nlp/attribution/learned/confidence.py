"""How sure the hybrid is of a learned attribution: a small logistic model over the candidate.

The tagger's mean probability of the content tags alone (with the first, CRF, tagger: cut 0.80)
leaves one in three additions wrong. Other things the combination knows tell right from
wrong as well: how sure the tagger is of the cue, whether the cue is a word of the rules'
lexicon and of which class, whether the rules' source finder found the source and the
tagger tagged the same one, a quotation, the shapes of content and source; and three
words (the cue's first and last, the content's first), because PolNeAR annotates some
cues and not others that look alike. A logistic model over these, fitted
by ``scripts/train_attribution.py --folds K`` on the candidates of train's held-out folds
(right or wrong by the scorer's rule), gives the probability that a candidate is right;
the hybrid keeps a candidate when it reaches the file's cut.
Weights, word weights and cut are in ``data/attribution_confidence.json`` (plain numbers
and strings). The words added held-out F1 0.003 at equal precision (see
``docs/methodology.md``).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from newstone.model import Span
from newstone.nlp.attribution.learned.spans import Candidate
from newstone.nlp.attribution.lexicon import cue_lexicon

CONFIDENCE_FILE = "attribution_confidence.json"

FEATURES = (
    "bias",
    "content_logit",  # log odds of the tagger's mean probability of the content tags
    "cue_logit",  # log odds of its mean probability of the cue tags
    "log_tokens",  # content tokens
    "cue_in_lexicon",  # a word of the cue is a cue form of the rules' lexicon
    "cue_belief",  # ... of class belief
    "cue_intent",  # ... of class intent
    "quoted",  # the content holds quoted text
    "rules_source",  # the rules' source finder found the source
    "source_agree",  # probability of the tagger's source run when it is that source (or the only one)
    "pieces",  # content in two pieces around its cue
    "cue_first",  # the cue comes before the content
    "pronoun_source",  # the source is a personal pronoun
    "log_source_words",
)

#: the words a candidate is described by, as "name=word" keys of the file's "words"
WORDS = ("cue_first", "cue_last", "content_first")

_PRONOUNS = frozenset({"he", "she", "they", "i", "we", "it", "you"})
_CLIP = 1e-4


def logit(p: float) -> float:
    """Log odds, clipped so that 0 and 1 stay finite."""
    p = min(max(p, _CLIP), 1 - _CLIP)
    return math.log(p / (1 - p))


def candidate_features(text: str, candidate: Candidate, source: Span, found: Span | None, kind: str) -> list[float]:
    """The values of :data:`FEATURES` for ``candidate`` with its linked ``source``;
    ``found`` is what the rules' source finder gave (None: the tagger's source run is
    used), ``kind`` the content's quotation kind (direct, indirect, mixed)."""
    cue_words = text[candidate.cue[0] : candidate.cue[1]].lower().replace("\u2019", "'").split()
    lexicon = cue_lexicon()
    classes = {entry.cls for word in cue_words for entry in lexicon.get(word, ())}
    source_words = text[source[0] : source[1]].lower().split()
    agree = candidate.source_confidence if found is None or found == candidate.source else 0.0
    return [
        1.0,
        logit(candidate.confidence),
        logit(candidate.cue_confidence),
        math.log(max(candidate.tokens, 1)),
        float(bool(classes) or "according" in cue_words),
        float("belief" in classes),
        float("intent" in classes),
        float(kind != "indirect"),
        float(found is not None),
        agree,
        float(len(candidate.spans) > 1),
        float(candidate.cue[0] < candidate.spans[0][0]),
        float(len(source_words) == 1 and source_words[0] in _PRONOUNS),
        math.log(max(len(source_words), 1)),
    ]


def candidate_words(text: str, candidate: Candidate) -> list[str]:
    """The :data:`WORDS` of ``candidate``, lower case ("cue_last=said")."""
    return span_words(text, candidate.cue, candidate.spans[0])


def span_words(text: str, cue: Span | None, first: Span) -> list[str]:
    """The :data:`WORDS` of a cue and a content's first piece; a content that opens with a
    capital gives "content_first=Xx": a name says nothing general, and the model should
    not learn PolNeAR's candidates ("clinton", "trump's"). No cue gives "_"."""
    cue_words = (text[cue[0] : cue[1]].lower().replace("\u2019", "'").split() if cue else []) or ["_"]
    content = text[first[0] : first[1]].replace("\u2019", "'").split() or ["_"]
    first_word = "Xx" if content[0][:1].isupper() else content[0].lower()
    return [f"cue_first={cue_words[0]}", f"cue_last={cue_words[-1]}", f"content_first={first_word}"]


@dataclass(frozen=True)
class ConfidenceModel:
    """Weights of :data:`FEATURES` in order, weights of the words seen often enough in
    training (a word not listed weighs 0), and the cut a candidate must reach."""

    weights: list[float]
    words: dict[str, float]
    cut: float

    def probability(self, features: list[float], words: list[str]) -> float:
        """The logistic model's probability that the candidate is right."""
        z = sum(w * x for w, x in zip(self.weights, features)) + sum(self.words.get(word, 0.0) for word in words)
        return 1 / (1 + math.exp(-z)) if z > -700 else 0.0


@lru_cache(maxsize=1)
def confidence_model() -> ConfidenceModel:
    """The shipped model."""
    data = json.loads(resources.files("newstone").joinpath("data", CONFIDENCE_FILE).read_text("utf-8"))
    if tuple(data["features"]) != FEATURES:
        raise ValueError(f"{CONFIDENCE_FILE}: features {data['features']} are not {list(FEATURES)}")
    words = {str(k): float(w) for k, w in data.get("words", {}).items()}
    return ConfidenceModel([float(w) for w in data["weights"]], words, float(data["cut"]))
