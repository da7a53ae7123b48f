"""The learned tagger's inputs and its numpy network, on our own sentences and random weights."""

from __future__ import annotations

import os

import numpy as np
import pytest

from newstone.nlp.attribution.learned.features import COLUMNS, LABELS, Paragraph, paragraph_inputs
from newstone.nlp.attribution.learned.network import (
    MODEL_FILE,
    UNKNOWN,
    Tagger,
    bidirectional_lstm,
    encode,
    load,
    save,
    vocabulary,
)


def paragraph(text: str) -> Paragraph:
    words = text.split()
    spans, at = [], 0
    for word in words:
        at = text.index(word, at)
        spans.append((at, at + len(word)))
        at += len(word)
    return Paragraph(spans, [w.lower() for w in words], [True] + [False] * (len(words) - 1), False)


def test_input_columns_of_a_small_paragraph():
    # two sentences; "said" and "told" are cue words of the lexicon, "x" sits midway
    p = paragraph("Ann said x y told Bo . Then")
    p.sentence_first = [True] + [False] * 6 + [True]
    rules = ["B-S", "B-K", "B-C", "I-C", "O", "O", "O", "O"]
    columns = dict(zip(COLUMNS, paragraph_inputs(p, [0, 0, 1, 3, 0, 0, 0, 0], rules)))
    assert columns["word"][:3] == ("ann", "said", "x")
    assert columns["shape"][:2] == ("x", "x") and columns["suffix"][1] == "aid"
    assert columns["cue_distance"] == ("+1", "-0", "-1", "+1", "-0", "-1", "-2", "none")
    assert columns["rules_tag"] == tuple(rules)
    assert columns["rules_tag_quote"][2:4] == ("B-C1", "I-C3")
    assert columns["position"][:2] == ("b0f", "b0") and columns["position"][7] == "bnf"
    assert columns["cue_class"][1] == "speech" and columns["cue_class"][2] == ""
    assert columns["cue_class_before"][2] == "speech" and columns["cue_class_after"][0] == "speech"
    assert columns["cue_class_before"][0] == "" and columns["cue_class_after"][7] == ""


def test_a_value_not_seen_in_training_is_unknown_and_nothing_is_zero():
    vocabularies = [vocabulary(["said", "ann"])] + [vocabulary([]) for _ in COLUMNS[1:]]
    columns = [("ann", "zork", "said")] + [("", "", "")] * (len(COLUMNS) - 1)
    ids = encode(vocabularies, columns)
    assert ids.shape == (3, len(COLUMNS))
    assert ids[:, 0].tolist() == [3, UNKNOWN, 2]
    assert not ids[:, 1:].any()


def _sigmoid(x):
    return 1 / (1 + np.exp(-x))


def _plain_lstm(x, w_in, w_rec, bias):
    """One direction, one sequence, written out step by step (PyTorch's gate order i, f, g, o)."""
    hidden = w_rec.shape[0]
    h, c, out = np.zeros(hidden), np.zeros(hidden), []
    for row in x:
        z = row @ w_in + h @ w_rec + bias
        i, f, g, o = (
            _sigmoid(z[:hidden]),
            _sigmoid(z[hidden : 2 * hidden]),
            np.tanh(z[2 * hidden : 3 * hidden]),
            _sigmoid(z[3 * hidden :]),
        )
        c = f * c + i * g
        h = o * np.tanh(c)
        out.append(h)
    return np.array(out)


def test_the_batched_lstm_is_the_plain_one_for_every_sequence():
    rng = np.random.default_rng(7)
    inputs, hidden, lengths = 5, 3, np.array([6, 4, 4, 1])
    w_in = rng.normal(size=(inputs, 8 * hidden))
    w_rec = rng.normal(size=(2, hidden, 4 * hidden))
    bias = rng.normal(size=8 * hidden)
    x = rng.normal(size=(lengths.sum(), inputs))
    out = bidirectional_lstm(x, lengths, w_in, w_rec, bias)
    start = 0
    for n in lengths:
        seq = x[start : start + n]
        forward = _plain_lstm(seq, w_in[:, : 4 * hidden], w_rec[0], bias[: 4 * hidden])
        backward = _plain_lstm(seq[::-1], w_in[:, 4 * hidden :], w_rec[1], bias[4 * hidden :])[::-1]
        np.testing.assert_allclose(out[start : start + n, :hidden], forward, atol=1e-12)
        np.testing.assert_allclose(out[start : start + n, hidden:], backward, atol=1e-12)
        start += n


def tiny_arrays(seed: int = 0) -> dict[str, np.ndarray]:
    rng = np.random.default_rng(seed)
    arrays = {"columns": np.array(COLUMNS), "labels": np.array(LABELS)}
    for j in range(len(COLUMNS)):
        arrays[f"vocabulary_{j}"] = np.array(["a", "b"])
        arrays[f"embedding_{j}"] = rng.normal(size=(4, 2)).astype(np.float32)
    hidden = 3
    arrays["layer0_input"] = rng.normal(size=(2 * len(COLUMNS), 8 * hidden)).astype(np.float32)
    arrays["layer0_recurrent"] = rng.normal(size=(2, hidden, 4 * hidden)).astype(np.float32)
    arrays["layer0_bias"] = rng.normal(size=8 * hidden).astype(np.float32)
    arrays["output_weight"] = rng.normal(size=(2 * hidden, len(LABELS))).astype(np.float32)
    arrays["output_bias"] = np.zeros(len(LABELS), dtype=np.float32)
    return arrays


def test_a_model_file_is_the_same_bytes_for_the_same_weights_and_reads_back(tmp_path):
    first, second = tmp_path / "a.npz", tmp_path / "b.npz"
    save(str(first), tiny_arrays())
    save(str(second), tiny_arrays())
    assert first.read_bytes() == second.read_bytes()
    tagger = load(str(first))
    (probs,) = tagger.probabilities([[("a", "zz", "b")] * len(COLUMNS)])
    assert probs.shape == (3, len(LABELS))
    np.testing.assert_allclose(probs.sum(axis=1), 1.0, rtol=1e-6)


def test_a_model_file_holding_python_objects_is_refused(tmp_path):
    arrays = tiny_arrays()
    arrays["vocabulary_0"] = np.array(["a", {"b": 1}], dtype=object)
    np.savez(tmp_path / "bad.npz", **arrays, allow_pickle=True)
    with pytest.raises(ValueError, match="pickle"):
        load(str(tmp_path / "bad.npz"))


def test_a_model_file_for_other_columns_is_refused():
    arrays = tiny_arrays()
    arrays["columns"] = np.array(COLUMNS[:-1])
    with pytest.raises(ValueError, match="columns"):
        Tagger(arrays)


def test_the_shipped_model_is_small():
    assert os.path.getsize(MODEL_FILE) < 10_000_000


def test_grouping_paragraphs_changes_no_probability_and_long_ones_are_read_in_pieces(monkeypatch):
    from newstone.nlp.attribution.learned import network

    tagger = Tagger(tiny_arrays(1))
    rng = np.random.default_rng(3)
    paragraphs = [[tuple(rng.choice(["a", "b", "c", ""], size=n)) for _ in COLUMNS] for n in (7, 1, 12, 7, 3)]
    together = tagger.probabilities(paragraphs)
    monkeypatch.setattr(network, "GROUP_TOKENS", 10)  # one or two paragraphs per group
    for alone, grouped in zip(together, tagger.probabilities(paragraphs)):
        np.testing.assert_allclose(alone, grouped, atol=1e-6)
    monkeypatch.setattr(network, "MAX_LENGTH", 5)  # the 12-token paragraph: pieces of 5, 5, 2
    long = tagger.probabilities(paragraphs)[2]
    pieces = tagger.probabilities([[c[k : k + 5] for c in paragraphs[2]] for k in (0, 5, 10)])
    assert long.shape == (12, len(LABELS))
    np.testing.assert_allclose(long, np.concatenate(pieces), atol=1e-6)


def _plain_viterbi(probs):
    from newstone.nlp.attribution.learned.decoding import START, TRANSITION

    log_probs = np.log(probs + 1e-9)
    score, back = log_probs[0] + START, []
    for row in log_probs[1:]:
        candidates = score[:, None] + TRANSITION
        back.append(candidates.argmax(axis=0))
        score = candidates.max(axis=0) + row
    path = [int(score.argmax())]
    for pointers in reversed(back):
        path.append(int(pointers[path[-1]]))
    return path[::-1]


def test_the_best_path_is_well_formed_and_decoded_alike_alone_or_together():
    from newstone.nlp.attribution.learned.decoding import best_paths, best_tags

    # token by token this would be "O I-C I-C O B-K I-C": two stray inside tags
    o, bk, bc, ic = (LABELS.index(t) for t in ("O", "B-K", "B-C", "I-C"))
    probs = np.full((6, len(LABELS)), 0.01)
    for t, (first, second) in enumerate([(o, bc), (ic, bc), (ic, o), (o, ic), (bk, ic), (ic, bc)]):
        probs[t, first], probs[t, second] = 0.6, 0.3
    probs[1, bc] = 0.2  # so that "B-C I-C I-C" beats "O B-C I-C"
    ((tags, confidence),) = best_tags([probs])
    assert tags == ["B-C", "I-C", "I-C", "O", "B-K", "B-C"]
    assert confidence[:2] == pytest.approx([0.3, 0.6])
    rng = np.random.default_rng(5)
    paragraphs = [rng.dirichlet(np.ones(len(LABELS)) * 0.3, size=n) for n in (9, 1, 4, 9, 2)]
    for path, probs in zip(best_paths(paragraphs), paragraphs):
        assert path.tolist() == _plain_viterbi(probs)
        for prev, tag in zip(["O"] + [LABELS[i] for i in path], [LABELS[i] for i in path]):
            assert not tag.startswith("I-") or prev[2:] == tag[2:]
