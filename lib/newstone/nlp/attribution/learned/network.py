"""The shipped tagger: a bidirectional LSTM over a paragraph's tokens, run with numpy.

Each token's ten input values (:data:`~.features.COLUMNS`) are looked up in one embedding
table per column and joined; one LSTM reads the paragraph left to right and another right
to left, and a linear layer turns the two states of each token into the probabilities of
the seven BIO tags (``LABELS``). The LSTM sees the whole paragraph, which is what the
tagger needs: whether a clause is reported depends on a cue that may be twenty words back.

It is trained with PyTorch by ``scripts/train_attribution.py``, but run time needs only
numpy: the model file is an ``.npz`` of plain arrays (vocabularies as string arrays,
weights as float32), read with ``allow_pickle=False``, so loading executes nothing. The
arithmetic is PyTorch's ``nn.LSTM`` (gates in/forget/cell/out) and gives its probabilities
to within 1e-6.

Speed: the paragraphs of an article are run together, longest first, and at each step
only the paragraphs still running take part, so the work is the article's token count,
not its paragraph count times the longest paragraph.
"""

from __future__ import annotations

import os
import zipfile
from functools import lru_cache
from itertools import repeat

import numpy as np

from newstone.nlp.attribution.learned.features import COLUMNS, LABELS

MODEL_FILE = os.path.join(os.path.dirname(__file__), os.pardir, os.pardir, os.pardir, "data", "attribution_tagger.npz")

UNKNOWN = 1  # the id of a value not in the vocabulary; 0 is "nothing here" ("")
GROUP_TOKENS = 6_000  # paragraphs run together: at most this many tokens, padding included
MAX_LENGTH = 2_000  # tokens of a paragraph read at once


class Tagger:
    """The tag probabilities of tokens, from the arrays of a model file (see :func:`save`)."""

    def __init__(self, arrays: dict[str, np.ndarray]):
        if tuple(arrays["columns"]) != COLUMNS or tuple(arrays["labels"]) != LABELS:
            raise ValueError("the tagger's model file was made for other input columns or tags")
        self.vocabularies = [vocabulary(arrays[f"vocabulary_{j}"].tolist()) for j in range(len(COLUMNS))]
        self.embeddings = [arrays[f"embedding_{j}"] for j in range(len(COLUMNS))]
        self.layers = []
        while f"layer{len(self.layers)}_input" in arrays:
            k = len(self.layers)
            self.layers.append((arrays[f"layer{k}_input"], arrays[f"layer{k}_recurrent"], arrays[f"layer{k}_bias"]))
        self.output_weight, self.output_bias = arrays["output_weight"], arrays["output_bias"]

    def probabilities(self, paragraphs: list[list[tuple[str, ...]]]) -> list[np.ndarray]:
        """Per paragraph (its input columns), the probability of each tag of ``LABELS`` for
        each token: an array (tokens, 7). Paragraphs run together in groups of at most
        ``GROUP_TOKENS`` padded tokens (longest first), so memory stays bounded on a huge
        article; a paragraph longer than ``MAX_LENGTH`` tokens is read in pieces of that
        length (nothing in news is; a machine-made text without paragraphs may be)."""
        pieces = [
            (i, start, columns if len(columns[0]) <= MAX_LENGTH else [c[start : start + MAX_LENGTH] for c in columns])
            for i, columns in enumerate(paragraphs)
            for start in range(0, max(len(columns[0]), 1), MAX_LENGTH)
        ]
        pieces.sort(key=lambda piece: -len(piece[2][0]))
        results: list[list[tuple[int, np.ndarray]]] = [[] for _ in paragraphs]  # (start, probabilities)
        group: list[tuple[int, int, list[tuple[str, ...]]]] = []
        with _blas().limit(limits=1, user_api="blas"):
            for piece in pieces + [None]:
                if piece is not None and (not group or (len(group) + 1) * len(group[0][2][0]) <= GROUP_TOKENS):
                    group.append(piece)
                    continue
                for (i, start, _), probs in zip(group, self._run([columns for _, _, columns in group])):
                    results[i].append((start, probs))
                group = [piece] if piece is not None else []
        return [np.concatenate([p for _, p in sorted(parts, key=lambda part: part[0])]) for parts in results]

    def _run(self, paragraphs: list[list[tuple[str, ...]]]) -> list[np.ndarray]:
        """The probabilities of paragraphs given longest first."""
        lengths = np.array([len(columns[0]) for columns in paragraphs])
        ids = np.concatenate([encode(self.vocabularies, columns) for columns in paragraphs])
        x = np.concatenate([table[ids[:, j]] for j, table in enumerate(self.embeddings)], axis=1)
        for layer in self.layers:
            x = bidirectional_lstm(x, lengths, *layer)
        logits = x @ self.output_weight + self.output_bias
        logits -= logits.max(axis=1, keepdims=True)
        exp = np.exp(logits)
        return np.split(exp / exp.sum(axis=1, keepdims=True), np.cumsum(lengths)[:-1])


@lru_cache(maxsize=1)
def _blas():
    """numpy's BLAS, to run it on one thread here: the products are small, and a parse
    runs one worker per core, so BLAS threads only wait on each other (BBC: 42 s for
    ``newstone parse -j2`` against 18 s on one thread each)."""
    from threadpoolctl import ThreadpoolController

    return ThreadpoolController()


def vocabulary(values: list[str]) -> dict[str, int]:
    """A column's value -> id: its place in the model file's list from 2, and 0 for ""
    (nothing); a value not listed gets ``UNKNOWN`` from :func:`encode`."""
    ids = {value: i + 2 for i, value in enumerate(values)}
    ids[""] = 0
    return ids


def encode(vocabularies: list[dict[str, int]], columns: list[tuple[str, ...]]) -> np.ndarray:
    """The ids of one paragraph's input values, (tokens, columns), each column's vocabulary
    made by :func:`vocabulary`."""
    n = len(columns[0])
    ids = np.empty((n, len(columns)), dtype=np.intp)
    for j, (ids_of, column) in enumerate(zip(vocabularies, columns)):
        ids[:, j] = np.fromiter(map(ids_of.get, column, repeat(UNKNOWN)), dtype=np.intp, count=n)
    return ids


def bidirectional_lstm(
    x: np.ndarray, lengths: np.ndarray, input_weight: np.ndarray, recurrent_weight: np.ndarray, bias: np.ndarray
) -> np.ndarray:
    """Both directions of one LSTM layer over sequences laid end to end in ``x`` (tokens,
    inputs), ``lengths`` descending. ``input_weight`` (inputs, 8H): the forward then the
    backward direction's gate weights; ``recurrent_weight`` (2, H, 4H); ``bias`` (8H).
    Returns (tokens, 2H): each token's forward state, then its backward state."""
    hidden = recurrent_weight.shape[1]
    count, steps = len(lengths), int(lengths[0])
    offsets = np.concatenate([[0], np.cumsum(lengths)[:-1]])
    step = np.arange(steps)
    valid = step[None, :] < lengths[:, None]
    forward = np.where(valid, offsets[:, None] + step[None, :], 0)  # token of (sequence, step)
    backward = np.where(valid, offsets[:, None] + lengths[:, None] - 1 - step[None, :], 0)
    # The logistic function is 0.5 * tanh(x / 2) + 0.5: with the input, forget and output
    # gates' weights halved (exact in floating point), one tanh per step serves all four.
    half = np.ones(4 * hidden, dtype=x.dtype)
    half[: 2 * hidden] = half[3 * hidden :] = 0.5
    projected = x @ (input_weight * np.tile(half, 2)) + bias * np.tile(half, 2)
    recurrent_weight = recurrent_weight * half
    gates_in = np.stack([projected[:, : 4 * hidden][forward], projected[:, 4 * hidden :][backward]])
    running = valid.sum(axis=0)  # sequences still running at each step (the first ones)
    h = np.zeros((2, count, hidden), dtype=x.dtype)
    c = np.zeros((2, count, hidden), dtype=x.dtype)
    states = np.zeros((2, count, steps, hidden), dtype=x.dtype)
    for t in range(steps):
        k = running[t]
        h, c = h[:, :k], c[:, :k]  # the sequences that ended drop out (lengths descending)
        act = np.tanh(gates_in[:, :k, t] + h @ recurrent_weight)
        sig = act * 0.5 + 0.5  # the gates (the cell candidate's part is not used)
        c = sig[..., hidden : 2 * hidden] * c + sig[..., :hidden] * act[..., 2 * hidden : 3 * hidden]
        h = sig[..., 3 * hidden :] * np.tanh(c)
        states[:, :k, t] = h
    out = np.empty((x.shape[0], 2 * hidden), dtype=x.dtype)
    out[forward[valid], :hidden] = states[0][valid]
    out[backward[valid], hidden:] = states[1][valid]
    return out


def load(path: str) -> Tagger:
    with np.load(os.path.normpath(path), allow_pickle=False) as data:
        return Tagger({name: data[name] for name in data.files})


def save(path: str, arrays: dict[str, np.ndarray]) -> None:
    """Write a model file: one ``.npy`` per array in a zip, with fixed timestamps, so the
    same weights give the same bytes (``np.savez`` stamps the time of writing)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(arrays):
            info = zipfile.ZipInfo(name + ".npy", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            with archive.open(info, "w") as handle:
                np.lib.format.write_array(handle, np.ascontiguousarray(arrays[name]), allow_pickle=False)


@lru_cache(maxsize=1)
def default_tagger() -> Tagger:
    """The tagger shipped in ``newstone/data`` (read once per process)."""
    return load(MODEL_FILE)
