"""The table contract: column names and dtypes of every table newstone produces.

The README documents these columns; tests check every table against them. Extra columns
may follow the contract ones, never replace them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

ARTICLE_COLUMNS = {
    "article_id": "string",
    "source_path": "string",
    "title": "string",
    "byline": "string",
    "dateline": "string",
    "published": "string",
    "source": "string",
    "text": "string",
    "n_sentences": "Int64",
    "n_quotes": "Int64",
    "n_mentions": "Int64",
    "error": "string",
    "content_hash": "string",
    "folder": "string",
    "duplicate_of": "string",
}
SENTENCE_COLUMNS = {
    "article_id": "string",
    "sentence_id": "Int64",
    "paragraph_id": "Int64",
    "start": "Int64",
    "end": "Int64",
    "text": "string",
    "compound": "float64",
    "pos": "float64",
    "neu": "float64",
    "neg": "float64",
    "tone": "float64",
    "tone_label": "string",
}
QUOTE_COLUMNS = {
    "article_id": "string",
    "quote_id": "Int64",
    "kind": "string",
    "text": "string",
    "spans": "object",
    "start": "Int64",
    "end": "Int64",
    "cue": "string",
    "cue_start": "Int64",
    "cue_end": "Int64",
    "speaker_mention": "string",
    "speaker_start": "Int64",
    "speaker_end": "Int64",
    "speaker": "string",
    "speaker_id": "string",
    "speaker_type": "string",
    "speaker_role": "string",
    "speaker_title": "string",
    "speaker_org": "string",
    "speaker_country": "string",
    "article_speaker": "string",
    "article_speaker_country": "string",
    "country_evidence": "string",
    "sentence_ids": "object",
    "compound": "float64",
    "pos": "float64",
    "neu": "float64",
    "neg": "float64",
    "tone": "float64",
    "tone_label": "string",
    "mentioned_countries": "object",
    "tone_toward_countries": "object",
}
MENTION_COLUMNS = {
    "article_id": "string",
    "sentence_id": "Int64",
    "start": "Int64",
    "end": "Int64",
    "surface": "string",
    "country": "string",
    "kind": "string",
    "quote_id": "Int64",
    "tone_toward": "float64",
    "tone_toward_label": "string",
}
SPEAKER_COLUMNS = {
    "speaker_id": "string",
    "speaker": "string",
    "speaker_type": "string",
    "role": "string",
    "aliases": "object",
    "title": "string",
    "titles": "object",
    "org": "string",
    "country": "string",
    "country_evidence": "Int64",
    "country_basis": "string",
    "n_quotes": "Int64",
    "n_articles": "Int64",
    "first_date": "string",
    "last_date": "string",
    "mean_compound": "float64",
    "mean_tone": "float64",
}

TABLES = {
    "articles": ARTICLE_COLUMNS,
    "sentences": SENTENCE_COLUMNS,
    "quotes": QUOTE_COLUMNS,
    "mentions": MENTION_COLUMNS,
    "speakers": SPEAKER_COLUMNS,
}


def frame(rows: list[dict], columns: dict[str, str]) -> pd.DataFrame:
    """A DataFrame with exactly the contract columns, in order, with their dtypes."""
    import pandas as pd

    df = pd.DataFrame.from_records(rows, columns=list(columns))
    return conform(df, columns)


def conform(df: pd.DataFrame, columns: dict[str, str]) -> pd.DataFrame:
    """Cast ``df`` to the contract dtypes, adding missing contract columns as nulls."""
    import pandas as pd

    for name, dtype in columns.items():
        if name not in df.columns:
            df[name] = pd.Series([None] * len(df), dtype=dtype if dtype != "object" else object)
        elif dtype != "object":
            df[name] = df[name].astype(dtype)
    extra = [c for c in df.columns if c not in columns]
    return df[list(columns) + extra]
