"""What counts once: a story filed twice, and a belief nested in the same speaker's quote.

A corpus often holds the same story twice (an exact copy, or an update that changes a
paragraph) and PolNeAR-style attribution marks "officials said they believe X" as two nested
attributions of one speaker; charts count such a statement once.
"""

from __future__ import annotations

import math

import pandas as pd

from newstone.dataset.duplicates import DEFAULT_THRESHOLD, duplicate_of


def drop_duplicate_articles(
    tables: dict, threshold: float = DEFAULT_THRESHOLD, column_threshold: float | None = None
) -> dict:
    """The tables without the articles that repeat an earlier article: an exact copy
    (same ``content_hash``) or a near duplicate (5-word shingle Jaccard >= ``threshold``,
    :mod:`newstone.dataset.duplicates`).

    Corpora repeat stories (BBC holds 98 copies of other articles under other file names,
    and updates of a story that differ by a paragraph; feeds republish wire copy): each
    copy would count its quotes and mentions again in every chart. The first article of
    each story, in table order, is kept. The articles' ``duplicate_of`` column is used
    when ``column_threshold`` (the threshold it was made with) equals ``threshold``; else
    it is computed here, over the articles given (so, after a date filter, the first of a
    story within the window is the one kept). ``tables["articles"].attrs`` says how many
    were left out: ``n_duplicates``, of which ``n_exact_duplicates`` are exact copies,
    and the ``duplicate_threshold``.
    """
    articles = tables["articles"]
    failed = articles["error"].notna()
    if column_threshold == threshold and "duplicate_of" in articles.columns:
        duplicate = articles["duplicate_of"].astype("string")
    else:
        hashes = articles["content_hash"].astype(object).where(~failed & articles["content_hash"].notna(), None)
        found = duplicate_of(
            articles["article_id"].astype(str).tolist(),
            articles["text"].astype(object).where(articles["text"].notna(), None).tolist(),
            hashes.tolist(),
            threshold,
        )
        duplicate = pd.Series(found, index=articles.index, dtype="string")
    kept_ids = set(articles["article_id"].astype(str))
    # a duplicate of an article no longer in the tables (outside a date window) is the
    # first of its story here; only a recomputed column can tell, so count it
    repeats = duplicate.notna() & duplicate.isin(kept_ids)
    repeated = set(articles.loc[repeats, "article_id"].astype(str))
    hash_of = dict(zip(articles["article_id"].astype(str), articles["content_hash"]))
    pairs = zip(articles.loc[repeats, "article_id"].astype(str), duplicate[repeats])
    n_exact = sum(1 for article, first in pairs if hash_of[article] == hash_of[first])
    kept = {
        name: (
            table[~table["article_id"].astype(str).isin(repeated)].reset_index(drop=True)
            if "article_id" in table.columns and repeated
            else table
        )
        for name, table in tables.items()
    }
    kept["articles"].attrs.update(n_duplicates=len(repeated), n_exact_duplicates=n_exact, duplicate_threshold=threshold)
    return kept


def quote_spans(quote) -> list[tuple[int, int]]:
    """A quote's character spans (``spans``, else ``start``/``end``); [] when unknown.
    ``quote`` is a row (a Series or a dict) of the quotes table."""
    spans = quote.get("spans")
    pairs = []
    if spans is not None and not (isinstance(spans, float) and math.isnan(spans)):
        for pair in spans:
            if pair is not None and len(pair) == 2 and not pd.isna(pair[0]) and not pd.isna(pair[1]):
                pairs.append((int(pair[0]), int(pair[1])))
    if not pairs and not pd.isna(quote.get("start")) and not pd.isna(quote.get("end")):
        pairs.append((int(quote["start"]), int(quote["end"])))
    return pairs


def nested_in(quotes: pd.DataFrame) -> pd.Series:
    """For each quote, the ``quote_id`` of the quote of the same speaker in the same article
    whose spans contain all of its spans (``<NA>`` when it is not nested).

    "U.S. officials said they believe North Korea is interested in ..." gives two quotes
    for the same speaker: the reported speech and the belief inside it. Both stay in the
    quotes table (PolNeAR scoring needs both) but they are one statement. Of two quotes
    with identical spans the later one (higher ``quote_id``) counts as nested. Only
    resolved speakers (``speaker`` not null) are compared. The outermost quote is given,
    so a chain of three nestings points both inner quotes at the outer one.
    """
    result: list = [pd.NA] * len(quotes)
    columns = set(quotes.columns)
    if (
        quotes.empty
        or not {"article_id", "speaker", "quote_id"} <= columns
        or not ("spans" in columns or {"start", "end"} <= columns)
    ):
        return pd.Series(result, index=quotes.index, dtype="Int64")  # nothing to compare
    speakers = quotes["speaker"].tolist()
    articles = quotes["article_id"].tolist()
    groups: dict = {}
    for position, (article, speaker) in enumerate(zip(articles, speakers)):
        if not _missing(speaker):
            groups.setdefault((article, speaker), []).append(position)
    repeated = [positions for positions in groups.values() if len(positions) > 1]
    if repeated:
        columns = [c for c in ("quote_id", "spans", "start", "end") if c in quotes.columns]
        records = quotes[columns].to_dict("records")
        for positions in repeated:
            items = [(p, int(records[p]["quote_id"]), quote_spans(records[p])) for p in positions]
            # widest first, ties by quote_id: the outer quote comes before what it holds
            items = sorted((it for it in items if it[2]), key=lambda it: (-sum(e - b for b, e in it[2]), it[1]))
            outermost: list = []
            for position, quote_id, spans in items:
                holder = next(
                    (
                        outer_id
                        for _, outer_id, outer_spans in outermost
                        if all(any(ob <= b and e <= oe for ob, oe in outer_spans) for b, e in spans)
                    ),
                    None,
                )
                if holder is None:
                    outermost.append((position, quote_id, spans))
                else:
                    result[position] = holder
    return pd.Series(result, index=quotes.index, dtype="Int64")


def _missing(value) -> bool:
    try:
        return value is None or bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def count_once(quotes: pd.DataFrame) -> pd.DataFrame:
    """The quotes without those nested in another quote of the same speaker in the same
    article (see :func:`nested_in`), so a statement is counted once in tone aggregations.

    ``attrs["n_nested"]`` says how many were dropped; ``attrs["nested_in"]`` maps
    ``(article_id, dropped quote_id)`` to the quote that holds it. Idempotent; the input is
    not changed.
    """
    outer = nested_in(quotes) if len(quotes) else pd.Series(pd.NA, index=quotes.index, dtype="Int64")
    nested = outer.notna().to_numpy()
    kept = quotes[~nested]
    mapping = (
        {}
        if not nested.any()
        else {
            (str(a), int(q)): int(o)
            for a, q, o in zip(quotes.loc[nested, "article_id"], quotes.loc[nested, "quote_id"], outer[nested])
        }
    )
    kept.attrs = {
        **quotes.attrs,
        "n_nested": int(nested.sum()) + quotes.attrs.get("n_nested", 0),
        "nested_in": {**quotes.attrs.get("nested_in", {}), **mapping},
    }
    return kept
