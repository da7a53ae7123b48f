"""Small hand-built tables that follow schema.py, for the analysis and report tests."""

from __future__ import annotations

import pandas as pd

from newstone import schema


def quotes_table(rows: list[dict]) -> pd.DataFrame:
    """A quotes table with the contract columns; rows give only what a test needs.

    Defaults: a direct quote of a person in article "a1", ``compound`` equal to ``tone``,
    and ``start``/``end`` taken from ``spans`` when those are given."""
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
