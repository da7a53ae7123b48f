"""Tone toward a target: how a sentence speaks of one thing it names.

Sentence tone gives every country in "Russia condemned the attack on Ukraine" the same
score. :func:`tone_toward` scores each *target* (a character span of the sentence) on its
own, with a linear model trained on NewsMTSC (Hamborg & Donnay, EACL 2021: sentences of US
political news whose target mentions five coders rated negative, neutral or positive) by
``scripts/train_tone.py``.

What the model sees, for each target (:func:`target_features`):

* the sentence's words, the target replaced by a placeholder (``<t>``, other targets
  ``<o>``), so that a name never carries tone of its own (word pairs added nothing in
  cross-validation once the word vectors were in, so the model leaves them out);
* the words just left and right of the target, and the words of the target's clause
  (clauses end at commas, semicolons, dashes and brackets and before "but", "which",
  "because" ...);
* VADER's valences (raw and news lexicon, with VADER's negation and booster rules) summed
  by zone: the target's clause, the rest of its side of a contrast ("but", "while",
  "although"), across a contrast, near the target, left and right of it;
* the target's shape (pronoun, capitalised name, date, possessive, length) and the
  lower-case words inside it ("a *beautiful* letter");
* word vectors (PPMI + SVD on the unlabelled news in ``../shared``), averaged over the
  same zones, so that a word the training sentences lack still counts through its
  neighbours.

The model file (``data/tone_toward.npz``) holds the feature names, their weights and the
per-word projections of the vectors: numpy arrays only, read with ``allow_pickle=False``.
Scoring is plain Python plus a little numpy, the same on every machine.

:func:`sentence_tone` is the same machinery without a target: a sentence model trained on
NewsMTSC and the dev half of the VADER paper's NYT ratings (the ``"learned"`` tone scorer).
"""

from __future__ import annotations

import math
from functools import lru_cache
from importlib import resources

from newstone.nlp.tone.features import (  # noqa: F401  (re-exported for scripts)
    DENSE_NAMES,
    EMBEDDING_WINDOW,
    EMBEDDING_ZONES,
    FEATURE_VERSION,
    NEAR,
    SENTENCE_DENSE_NAMES,
    SentenceView,
    embedding_word,
    plain_target,
    read_sentence,
    sentence_features,
    target_dense,
    target_features,
    target_sequence,
    target_shape,
    token_range,
)

MODEL_FILE = "tone_toward.npz"
SENTENCE_MODEL_FILE = "tone_sentence.npz"
LABELS = ("negative", "neutral", "positive")
# The word features' prefixes (target_features): LinearToneModel.word_rows has a dict per prefix.
WORD_PREFIXES = ("u", "c", "l", "r", "l0", "l1", "r0", "r1")
_SENTENCE_DENSE = len(SENTENCE_DENSE_NAMES)  # the dense features that are the sentence's (sentence_part)


class LinearToneModel:
    """A three-class linear model over named sparse features, dense features and averaged
    word vectors, as ``scripts/train_tone.py`` saves it.

    Arrays of the file: ``features`` (names joined by newlines, UTF-8 bytes) and ``weights``
    (one row of three class weights per name), ``dense_weights`` (one row per dense
    feature), ``bias``, ``words`` (word-vector keys, newline-joined) and ``projections``
    (per word and embedding zone, the three class weights of its scaled vector: a zone adds
    the mean of its words' rows), ``version`` and ``info`` (JSON: how it was trained).
    """

    def __init__(self, arrays) -> None:
        import json

        import numpy as np

        version = int(arrays["version"])
        if version != FEATURE_VERSION:
            raise ValueError(f"tone model has feature version {version}, this code reads {FEATURE_VERSION}")
        names = bytes(arrays["features"]).decode("utf-8").split("\n")
        weights = np.asarray(arrays["weights"], dtype=np.float64)
        self.weights = {name: tuple(row) for name, row in zip(names, weights.tolist())}
        self.dense_weights = np.asarray(arrays["dense_weights"], dtype=np.float64).tolist()
        self.target_dense_weights = self.dense_weights[_SENTENCE_DENSE:]  # for target_logits
        self.bias = tuple(np.asarray(arrays["bias"], dtype=np.float64).tolist())
        words = bytes(arrays["words"]).decode("utf-8").split("\n") if len(arrays["words"]) else []
        projections = np.asarray(arrays["projections"], dtype=np.float64)
        self.word_index = {w: i for i, w in enumerate(words)}
        # projections[zone][class][word id], as lists: a zone's sums are sum(map(...)) in C
        self.projections = [
            [projections[:, zone, k].tolist() for k in range(3)] for zone in range(projections.shape[1])
        ]
        # Per word, its projections as one tuple (zone-major, three classes per zone), for
        # scoring without building token lists (:meth:`zone_logits`).
        self.zone_rows = dict(zip(words, map(tuple, projections.reshape(len(words), -1).tolist())))
        # Per word prefix (:data:`WORD_PREFIXES`), each word's row: one look-up per word
        # when scoring, and map(dict.get, ...) runs in C.
        self.word_rows: dict[str, dict[str, tuple]] = {prefix: {} for prefix in WORD_PREFIXES}
        for name, row in self.weights.items():
            prefix, _, word = name.partition(":")
            if prefix in self.word_rows:
                self.word_rows[prefix][word] = row
        self.info = json.loads(bytes(arrays["info"]).decode("utf-8"))
        # The target shape's part of the class scores, per target's tokens (a target's
        # shape is a function of its tokens alone; news names the same targets again).
        self._shape_sums: dict[tuple[str, ...], tuple[float, float, float]] = {}

    @classmethod
    def load(cls, path) -> LinearToneModel:
        import numpy as np

        with np.load(path, allow_pickle=False) as arrays:
            return cls({key: arrays[key] for key in arrays.files})

    def logits(self, sparse, dense, zones, word_ids, explain: dict | None = None) -> list[float]:
        """Class scores (negative, neutral, positive) before the softmax. With ``explain``,
        adds each sparse feature's contribution to positive minus negative."""
        n0, n1, n2 = self.bias
        weights = self.weights
        for name in set(sparse):
            row = weights.get(name)
            if row is not None:
                n0 += row[0]
                n1 += row[1]
                n2 += row[2]
                if explain is not None:
                    explain[name] = row[2] - row[0]
        for value, row in zip(dense, self.dense_weights):
            if value:
                n0 += value * row[0]
                n1 += value * row[1]
                n2 += value * row[2]
        for zone, (p0, p1, p2) in zip(zones, self.projections):
            ids = [k for k in map(word_ids.__getitem__, zone) if k >= 0]
            if ids:
                m = len(ids)
                n0 += sum(map(p0.__getitem__, ids)) / m
                n1 += sum(map(p1.__getitem__, ids)) / m
                n2 += sum(map(p2.__getitem__, ids)) / m
        return [n0, n1, n2]

    def sentence_part(self, view: SentenceView) -> tuple[list, tuple, tuple[float, float, float]]:
        """What the targets of a sentence share: each token's row of projections (None
        without a vector), the sentence's sums of the first zone's three columns and its count
        of rows (for :meth:`zone_logits`), and the bias plus the sentence's dense features'
        part of the class scores (:data:`SENTENCE_DENSE_NAMES`, the first dense features)."""
        rows = list(map(self.zone_rows.get, view.embed))
        s0 = s1 = s2 = 0.0  # plain loops: faster than sum(map(...)) over a few rows, same order
        m = 0
        for row in filter(None, rows):
            s0 += row[0]
            s1 += row[1]
            s2 += row[2]
            m += 1
        totals = (s0, s1, s2, m)
        b0, b1, b2 = self.bias
        sentence_dense = (view.compound_raw, view.compound_news, view.pos_news, view.neg_news)
        for value, row in zip(sentence_dense, self.dense_weights):
            if value:
                b0 += value * row[0]
                b1 += value * row[1]
                b2 += value * row[2]
        return rows, totals, (b0, b1, b2)

    def zone_logits(self, rows, totals, view: SentenceView, a: int, b: int) -> tuple[float, float, float]:
        """The word vectors' part of the class scores of the target at tokens ``[a, b)``: per
        zone (:func:`zone_runs`), the mean of its tokens' projections, as :meth:`logits`
        adds them from token lists; the sentence zone is the sentence's sums less the target's."""
        s0, s1, s2, m = totals
        for row in rows[a:b]:
            if row is not None:
                s0 -= row[0]
                s1 -= row[1]
                s2 -= row[2]
                m -= 1
        n0, n1, n2 = (s0 / m, s1 / m, s2 / m) if m else (0.0, 0.0, 0.0)
        # zones 1 (window), 2 (clause), 3 (left), 4 (right): columns 3 * zone + class
        w0 = w1 = w2 = c0 = c1 = c2 = l0 = l1 = l2 = r0 = r1 = r2 = 0.0
        m_left = m_right = m_clause = 0
        for row in filter(None, rows[max(0, a - EMBEDDING_WINDOW) : a]):
            w0 += row[3]
            w1 += row[4]
            w2 += row[5]
            l0 += row[9]
            l1 += row[10]
            l2 += row[11]
            m_left += 1
        for row in filter(None, rows[b : b + EMBEDDING_WINDOW]):
            w0 += row[3]
            w1 += row[4]
            w2 += row[5]
            r0 += row[12]
            r1 += row[13]
            r2 += row[14]
            m_right += 1
        clause_start, clause_end = view.segment_bounds[view.segment[a]]
        for row in filter(None, [*rows[clause_start:a], *rows[b:clause_end]]):
            c0 += row[6]
            c1 += row[7]
            c2 += row[8]
            m_clause += 1
        m = m_left + m_right
        if m:
            n0 += w0 / m
            n1 += w1 / m
            n2 += w2 / m
        if m_clause:
            n0 += c0 / m_clause
            n1 += c1 / m_clause
            n2 += c2 / m_clause
        if m_left:
            n0 += l0 / m_left
            n1 += l1 / m_left
            n2 += l2 / m_left
        if m_right:
            n0 += r0 / m_right
            n1 += r1 / m_right
            n2 += r2 / m_right
        return n0, n1, n2

    def unigram_sums(self, view: SentenceView) -> tuple[float, float, float]:
        """For :meth:`target_logits`: the sums of the unigram rows of the sentence's distinct
        feature words and the target's placeholder (the unigrams of a target with no other
        target in its sentence, less the words found only in the target)."""
        get = self.word_rows["u"].get
        u0 = u1 = u2 = 0.0
        for row in filter(None, [*map(get, dict.fromkeys(view.feature_words)), get("<t>")]):
            u0 += row[0]
            u1 += row[1]
            u2 += row[2]
        return u0, u1, u2

    def target_logits(self, view: SentenceView, a: int, b: int, others, base, unigrams) -> tuple[float, float, float]:
        """:meth:`logits` of the sparse and dense features of the target at tokens ``[a, b)``
        without naming the features: the word features' rows come from :attr:`word_rows`
        (each name once, as in :meth:`logits`); ``base`` is :meth:`sentence_part`'s, and
        ``unigrams`` (:meth:`unigram_sums`, needed only without ``others``) the sentence's
        unigrams, less the words found only in the target."""
        rows_of = self.word_rows
        if others:  # the sentence with <t> and <o> (target_features' sequence)
            seq_index, seq_words, target_at = target_sequence(view, a, b, others)
            segment = view.segment
            seg_t = segment[a]
            rows = list(map(rows_of["u"].get, dict.fromkeys(seq_words)))
            clause = [w for i, w in zip(seq_index, seq_words) if segment[i] == seg_t and i != a]
            left = seq_words[max(0, target_at - NEAR) : target_at][::-1]
            right = seq_words[target_at + 1 : target_at + 1 + NEAR]
            n0, n1, n2 = base
        else:  # the usual case, from the sentence's lists
            before, after, clause_from, clause_to = plain_target(view, a, b)
            words = view.feature_words
            u0, u1, u2 = unigrams
            if after > before:
                inside = words[before:after]
                for word in dict.fromkeys(inside):  # a word only in the target is no unigram of it
                    if inside.count(word) == words.count(word):
                        row = rows_of["u"].get(word)
                        if row is not None:
                            u0 -= row[0]
                            u1 -= row[1]
                            u2 -= row[2]
            clause = [*words[clause_from:before], *words[after:clause_to]]
            left = words[max(0, before - NEAR) : before][::-1]
            right = words[after : after + NEAR]
            rows = []
            n0, n1, n2 = base[0] + u0, base[1] + u1, base[2] + u2
        rows += map(rows_of["l"].get, dict.fromkeys(left))
        rows += map(rows_of["r"].get, dict.fromkeys(right))
        if left:
            rows.append(rows_of["l0"].get(left[0]))
            if len(left) > 1:
                rows.append(rows_of["l1"].get(left[1]))
        if right:
            rows.append(rows_of["r0"].get(right[0]))
            if len(right) > 1:
                rows.append(rows_of["r1"].get(right[1]))
        rows += map(rows_of["c"].get, dict.fromkeys(clause))
        for row in filter(None, rows):
            n0 += row[0]
            n1 += row[1]
            n2 += row[2]
        key = view.words[a:b]
        shape = self._shape_sums.get(key)
        if shape is None:
            shape = self.shape_sums(view, a, b)
            if len(self._shape_sums) >= 100_000:
                self._shape_sums.clear()
            self._shape_sums[key] = shape
        n0 += shape[0]
        n1 += shape[1]
        n2 += shape[2]
        dense = target_dense(view, a, b, others)
        for value, row in zip(dense[_SENTENCE_DENSE:], self.target_dense_weights):
            if value:
                n0 += value * row[0]
                n1 += value * row[1]
                n2 += value * row[2]
        return n0, n1, n2

    def shape_sums(self, view: SentenceView, a: int, b: int) -> tuple[float, float, float]:
        """The class scores of the target's shape features (:func:`target_shape`)."""
        s0 = s1 = s2 = 0.0
        for row in filter(None, map(self.weights.get, dict.fromkeys(target_shape(view, a, b)))):
            s0 += row[0]
            s1 += row[1]
            s2 += row[2]
        return s0, s1, s2

    def word_ids(self, view: SentenceView) -> list[int]:
        index = self.word_index
        return [index.get(w, -1) if w else -1 for w in view.embed]


def softmax(logits: list[float]) -> list[float]:
    top = max(logits)
    exps = [math.exp(x - top) for x in logits]
    total = sum(exps)
    return [e / total for e in exps]


def _load_packaged(name: str) -> LinearToneModel:
    with resources.as_file(resources.files("newstone") / "data" / name) as path:
        if not path.exists():
            raise FileNotFoundError(f"tone model {name} is missing from newstone/data: run scripts/train_tone.py")
        return LinearToneModel.load(path)


@lru_cache(maxsize=1)
def toward_model() -> LinearToneModel:
    """The packaged tone-toward model, read once per process."""
    return _load_packaged(MODEL_FILE)


@lru_cache(maxsize=1)
def sentence_model() -> LinearToneModel:
    """The packaged sentence model (the ``"learned"`` scorer), read once per process."""
    return _load_packaged(SENTENCE_MODEL_FILE)


def _result(probabilities: list[float]) -> dict:
    p_neg, p_neu, p_pos = probabilities
    best = max(range(3), key=probabilities.__getitem__)
    return {
        "label": LABELS[best],
        "score": round(p_pos - p_neg, 4),
        "probabilities": {label: round(p, 4) for label, p in zip(LABELS, probabilities)},
    }


def _result_of(n0: float, n1: float, n2: float) -> dict:
    """``_result(softmax([n0, n1, n2]))``, the same arithmetic without the lists."""
    top = max(n0, n1, n2)
    e0, e1, e2 = math.exp(n0 - top), math.exp(n1 - top), math.exp(n2 - top)
    total = e0 + e1 + e2
    p_neg, p_neu, p_pos = e0 / total, e1 / total, e2 / total
    best = 0 if p_neg >= p_neu and p_neg >= p_pos else (1 if p_neu >= p_pos else 2)  # max's first maximum
    return {
        "label": LABELS[best],
        "score": round(p_pos - p_neg, 4),
        "probabilities": {"negative": round(p_neg, 4), "neutral": round(p_neu, 4), "positive": round(p_pos, 4)},
    }


def _explanation(contributions: dict[str, float], top: int) -> list[tuple[str, float]]:
    """Words that pushed the score, from the features' contributions: each n-gram's share
    goes to its words (the target placeholders left out), summed per word."""
    per_word: dict[str, float] = {}
    for name, value in contributions.items():
        prefix, _, text = name.partition(":")
        if prefix == "t":
            continue
        words = [w for w in text.split(" ") if w not in ("<t>", "<o>")]
        for word in words:
            per_word[word] = per_word.get(word, 0.0) + value / len(words)
    ranked = sorted(per_word.items(), key=lambda item: (-abs(item[1]), item[0]))
    return [(word, round(value, 3)) for word, value in ranked[:top] if abs(value) >= 0.01]


def check_spans(sentence: str, targets) -> list[tuple[int, int]]:
    spans = []
    for target in targets:
        try:
            start, end = (int(x) for x in target)
        except (TypeError, ValueError):
            raise ValueError(f"target {target!r} is not a (start, end) pair") from None
        if not 0 <= start < end <= len(sentence):
            raise ValueError(f"target ({start}, {end}) is not a span of a {len(sentence)}-character sentence")
        spans.append((start, end))
    return spans


def score_view(view: SentenceView, spans: list[tuple[int, int]], explain: bool = False, top: int = 8) -> list[dict]:
    """:func:`tone_toward` for a sentence already read (the pipeline's path)."""
    model = toward_model()
    rows, totals, base = model.sentence_part(view)
    ranges = [token_range(view, s, e) for s, e in spans]
    unigrams = None
    results = []
    for k, (a, b) in enumerate(ranges):
        others = [r for j, r in enumerate(ranges) if j != k and r != (a, b)] if len(ranges) > 1 else []
        if explain:  # from the named features, to say which words pushed the score
            contributions: dict = {}
            sparse, dense, _ = target_features(view, a, b, others, with_zones=False)
            n0, n1, n2 = model.logits(sparse, dense, (), (), contributions)
        else:
            if not others and unigrams is None:
                unigrams = model.unigram_sums(view)
            n0, n1, n2 = model.target_logits(view, a, b, others, base, unigrams)
        z0, z1, z2 = model.zone_logits(rows, totals, view, a, b)
        result = _result_of(n0 + z0, n1 + z1, n2 + z2)
        if explain:
            result["words"] = _explanation(contributions, top)
        results.append(result)
    return results


def tone_toward(sentence: str, targets, explain: bool = False) -> list[dict]:
    """The tone of ``sentence`` toward each target, a ``(start, end)`` character span.

    One dict per target, in order: ``label`` (negative, neutral or positive: the likeliest
    class), ``score`` (P(positive) - P(negative), -1..1) and ``probabilities`` (of the three
    classes). ``explain=True`` adds ``words``: the words that pushed the score, as
    ``(word, weight)`` pairs, most influential first (weight > 0 toward positive).

        >>> s = "Critics slammed Smith's plan but praised Jones."
        >>> [r["label"] for r in tone_toward(s, [(16, 21), (41, 46)])]
        ['negative', 'positive']
    """
    spans = check_spans(sentence, targets)
    if not spans:
        return []
    return score_view(read_sentence(sentence), spans, explain=explain)


def sentence_tone(text: str) -> dict:
    """The learned sentence scorer: ``label``, ``score`` (-1..1) and ``probabilities``."""
    return sentence_tone_of_view(read_sentence(text if isinstance(text, str) else ""))


def sentence_tone_of_view(view: SentenceView) -> dict:
    """:func:`sentence_tone` of a sentence already read."""
    model = sentence_model()
    if not view.words:
        return {"label": "neutral", "score": 0.0, "probabilities": {"negative": 0.0, "neutral": 1.0, "positive": 0.0}}
    sparse, dense, zones = sentence_features(view)
    return _result(softmax(model.logits(sparse, dense, zones, model.word_ids(view))))


__all__ = [
    "LABELS",
    "MODEL_FILE",
    "SENTENCE_MODEL_FILE",
    "LinearToneModel",
    "SentenceView",
    "read_sentence",
    "token_range",
    "target_features",
    "sentence_features",
    "tone_toward",
    "sentence_tone",
    "sentence_tone_of_view",
    "score_view",
    "toward_model",
    "sentence_model",
]
