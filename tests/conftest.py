"""Fixtures shared across the test tree. Plain helpers (paths, ``shared_path`` for the
../shared research corpora, table builders) are in :mod:`tests.helpers`."""

from __future__ import annotations

import pytest

from newstone import schema
from tests.helpers import SAMPLE
from tests.helpers.tables import quotes_table


@pytest.fixture(scope="session")
def sample_text() -> str:
    """The user's sample article (data/sample_reuters_putin_north_korea.txt)."""
    return SAMPLE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def sample_corpus():
    """Every table of the sample article (``newstone.read``)."""
    import newstone

    return newstone.read(SAMPLE)


# --- small quotes tables for the analysis and report tests ---


@pytest.fixture
def quotes():
    # Ana: 3 quotes, clearly negative; Ben: 2 quotes, positive; Cy: 1 quote (below min_n=2).
    return quotes_table(
        [
            {"speaker": "Ana", "tone": -0.6},
            {"speaker": "Ana", "tone": -0.4},
            {"speaker": "Ana", "tone": -0.5},
            {"speaker": "Ben", "tone": 0.3},
            {"speaker": "Ben", "tone": 0.5},
            {"speaker": "Cy", "tone": 0.9},
            {"speaker": None, "tone": 0.1},
        ]
    )


@pytest.fixture
def blair():
    quotes = quotes_table(
        [
            {"speaker": "Tony Blair", "speaker_country": "GBR", "tone": 0.2, "spans": [[0, 10]]},
            {"speaker": "Tony Blair", "speaker_country": None, "tone": -0.4, "spans": [[20, 30]]},  # "Mr Blair said"
            {"speaker": "Tony Blair", "speaker_country": "PAK", "tone": 0.1, "spans": [[40, 50]]},  # own country wins
            {
                "speaker": "Nobody Known",
                "speaker_country": None,
                "tone": 0.3,
                "spans": [[60, 70]],
            },  # no country anywhere
            {"speaker": None, "speaker_country": None, "tone": 0.5, "spans": [[80, 90]]},  # unattributed
            {"speaker": "Jacques Chirac", "speaker_country": None, "tone": None, "spans": [[100, 110]]},  # unscored
        ]
    )
    speakers = schema.frame(
        [
            {"speaker": "Tony Blair", "country": "GBR"},
            {"speaker": "Nobody Known", "country": None},
            {"speaker": "Jacques Chirac", "country": "FRA"},
        ],
        schema.SPEAKER_COLUMNS,
    )
    return quotes, speakers
