"""The shipped tagger: a CRFsuite model file, decoded by python-crfsuite.

The model is a linear-chain CRF trained by ``scripts/train_attribution.py``. CRFsuite's own
binary format holds only feature strings and weights (no pickled objects, nothing executed
on load); the file is memory-mapped, so opening it is quick, and Viterbi decoding of the
same features always gives the same tags.
"""

from __future__ import annotations

import os
from functools import lru_cache

MODEL_FILE = os.path.join(os.path.dirname(__file__), os.pardir, os.pardir, os.pardir, "data", "attribution.crfsuite")


def load_tagger(path: str):
    """A ``pycrfsuite.Tagger`` over the model at ``path``. python-crfsuite is imported here,
    not at module import, so the rules-only pipeline never needs it."""
    try:
        import pycrfsuite
    except ImportError as exc:  # pragma: no cover - a broken install
        raise ImportError("attribution='hybrid' needs python-crfsuite (pip install -r requirements.txt)") from exc
    tagger = pycrfsuite.Tagger()
    tagger.open(os.path.normpath(path))
    return tagger


@lru_cache(maxsize=1)
def default_tagger():
    """The tagger shipped in ``newstone/data`` (opened once per process)."""
    return load_tagger(MODEL_FILE)
