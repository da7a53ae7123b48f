"""Report aggregations: robust dates, the extreme-quotes table limited to the charted
officials, nested quotes counted once, the speaker-country fallback and its footnotes."""

from __future__ import annotations

import pandas as pd
import pytest

from newstone import analysis, schema
from newstone.reports import charts


def quotes_table(rows: list[dict]) -> pd.DataFrame:
    """A quotes table with the contract columns; rows give only what a test needs."""
    filled = []
    for i, row in enumerate(rows):
        row = {
            "kind": "direct",
            "quote_id": i,
            "article_id": "a1",
            "text": f"quote {i}",
            "speaker_type": "person",
            **row,
        }
        if "spans" in row and row["spans"] is not None and "start" not in row:
            row["start"], row["end"] = row["spans"][0][0], row["spans"][-1][1]
        row.setdefault("compound", row.get("tone"))
        filled.append(row)
    return schema.frame(filled, schema.QUOTE_COLUMNS)


# ---------------------------------------------------------------------------------------
# Dates


# ---------------------------------------------------------------------------------------
# Extreme quotes: only the charted officials, in chart order


# ---------------------------------------------------------------------------------------
# One statement counted once


# ---------------------------------------------------------------------------------------
# Speaker country: the speakers table fills what a quote lacks


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


def test_speaker_country_chart_says_what_it_left_out_and_what_it_filled_in(blair):
    quotes, speakers = blair
    fig = charts.speaker_country_tone_chart(analysis.tone_by_speaker_country(quotes, "tone", speakers))
    assert "Not shown: 2 quotes without a resolved speaker country." in fig.newstone_footnote
    assert (
        "1 quote(s) that give no country of their own are counted for their speaker's country in the "
        "speakers table" in fig.newstone_footnote
    )


# ---------------------------------------------------------------------------------------
# "Officials" are people


def test_speaker_chart_names_officials_only_when_all_speakers_are_people():
    quotes = quotes_table(
        [
            {"speaker": "Ana", "tone": -0.2},
            {"speaker": "Ana", "tone": -0.1},
            {"speaker": "police", "speaker_type": "group", "tone": 0.3},
        ]
    )
    people = charts.speaker_tone_chart(analysis.quotes_by_speaker_type(quotes, ["person"]))
    assert people._suptitle.get_text().endswith("per official") and people.axes[0].get_ylabel() == "official"
    assert "Speakers of type: person." in people.newstone_footnote
    mixed = charts.speaker_tone_chart(quotes)
    assert mixed._suptitle.get_text().endswith("per speaker") and mixed.axes[0].get_ylabel() == "speaker"
    assert "Speakers of type: group, person." in mixed.newstone_footnote
