"""The tagger's probabilities to tags: the most probable well-formed tag sequence.

The network gives each token a probability per tag, independently. Taking each token's
most probable tag can give sequences no annotator writes (``O I-C``, ``B-K I-C``); the
best path that never puts ``I-X`` after anything but ``B-X`` or ``I-X`` (Viterbi over the
log probabilities, transitions allowed or not, nothing learned) reads them better: on
train's held-out folds F1 0.6627 against 0.6602 token by token, at the same precision
(docs/methodology.md). All paragraphs of an article are decoded together, one step per
token position, so the Python loop runs as often as the longest paragraph is long.
"""

from __future__ import annotations

import numpy as np

from newstone.nlp.attribution.learned.features import LABELS

_EPSILON = 1e-9  # log(0) guard


def _allowed() -> tuple[np.ndarray, np.ndarray]:
    """(previous tag, next tag) -> allowed, and tags a sequence may start with."""
    inside = [label.startswith("I-") for label in LABELS]
    allowed = np.array([[not inside[j] or prev[2:] == label[2:] for j, label in enumerate(LABELS)] for prev in LABELS])
    return np.where(allowed, 0.0, -np.inf), np.where(inside, -np.inf, 0.0)


TRANSITION, START = _allowed()


def best_paths(probabilities: list[np.ndarray]) -> list[np.ndarray]:
    """Per paragraph (an array tokens x tags), the tag indices of the best allowed path."""
    if not probabilities:
        return []
    lengths = np.array([len(p) for p in probabilities])
    count, steps = len(probabilities), int(lengths.max())
    log_probs = np.zeros((count, steps, len(LABELS)))
    for i, p in enumerate(probabilities):
        log_probs[i, : len(p)] = np.log(p + _EPSILON)
    scores = np.empty((count, steps, len(LABELS)))  # best path score ending in each tag
    scores[:, 0] = log_probs[:, 0] + START
    back = np.zeros((count, steps, len(LABELS)), dtype=np.intp)
    for t in range(1, steps):
        candidates = scores[:, t - 1, :, None] + TRANSITION  # (paragraph, previous, next)
        back[:, t] = candidates.argmax(axis=1)
        scores[:, t] = candidates.max(axis=1) + log_probs[:, t]
    final = scores[np.arange(count), lengths - 1]
    paths = np.zeros((count, steps), dtype=np.intp)
    current = np.zeros(count, dtype=np.intp)
    last = final.argmax(axis=1)
    rows = np.arange(count)
    for t in range(steps - 1, -1, -1):
        current = np.where(lengths - 1 == t, last, current)
        paths[:, t] = current
        if t:
            current = back[rows, t, current]
    return [paths[i, :n] for i, n in enumerate(lengths)]


def best_tags(probabilities: list[np.ndarray]) -> list[tuple[list[str], list[float]]]:
    """Per paragraph, the tags of the best allowed path and the probability the network
    gave each chosen tag (how sure it is: what a candidate's confidence is made of)."""
    out = []
    for probs, path in zip(probabilities, best_paths(probabilities)):
        out.append(([LABELS[i] for i in path], probs[np.arange(len(path)), path].tolist()))
    return out
