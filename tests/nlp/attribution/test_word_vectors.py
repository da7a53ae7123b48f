"""scripts/word_vectors.py: word vectors from unlabelled text (training only)."""

from __future__ import annotations

import numpy as np
import pytest

from tests.helpers import load_script

pytest.importorskip("scipy")


def _script():
    return load_script("word_vectors")


def _corpus() -> list[str]:
    # "criticized" and "condemned" share their neighbours, "bought" and "sold" theirs
    speech = ["The senator {} the plan on Monday .", "Critics {} the decision ."]
    trade = ["The fund {} shares in the bank .", "Investors {} bonds and shares ."]
    texts = []
    for n in range(12):
        for verb in ("criticized", "condemned"):
            texts.append(speech[n % 2].format(verb))
        for verb in ("bought", "sold"):
            texts.append(trade[n % 2].format(verb))
    return texts


def test_words_used_alike_get_alike_vectors_the_same_on_every_run():
    script = _script()
    vectors = script.word_vectors(_corpus(), dimensions=4)
    again = script.word_vectors(_corpus(), dimensions=4)
    assert set(vectors) == set(again) and all(np.array_equal(vectors[w], again[w]) for w in vectors)

    def cosine(a, b):
        return float(vectors[a] @ vectors[b] / np.linalg.norm(vectors[a]) / np.linalg.norm(vectors[b]))

    assert cosine("criticized", "condemned") > cosine("criticized", "bought")
    assert cosine("bought", "sold") > cosine("sold", "condemned")
    assert vectors["the"].dtype == np.float32 and vectors["the"].shape == (4,)


def test_tokens_are_written_as_the_tagger_writes_words():
    assert _script().tokens("Obama\u2019s aides SAID: no.") == ["obama's", "aides", "said", ":", "no", "."]
