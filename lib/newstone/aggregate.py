"""Small table aggregations behind the charts: mean tone per group with a confidence
interval, tone over time, date filtering and the most negative/positive quotes.

Everything here takes and returns plain DataFrames (the tables of :mod:`newstone.schema`)
so charts and notebooks can be tested on hand-built tables. The country tables (tone by
mentioned country, by speaker country, who talks about which country) are here too;
:mod:`newstone.countries` finds the mentions they count.
"""
from __future__ import annotations

import math
from typing import Optional

import pandas as pd

# Two-sided 95% critical values of Student's t for 1..30 degrees of freedom. Tone groups
# are often tiny (an official quoted 3 times), where the normal 1.96 would understate the
# uncertainty by a lot (t = 4.30 for n = 3). Kept as a table: scipy is not a dependency.
_T_975 = (12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
          2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
          2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042)
_Z_975 = 1.959964

GROUP_STAT_COLUMNS = ["n", "mean", "std", "ci_low", "ci_high"]


def t_critical(dof: int) -> float:
    """Two-sided 95% critical value of Student's t with ``dof`` degrees of freedom.

    Above 30 degrees of freedom the Cornish-Fisher expansion around the normal quantile
    is accurate to about 1e-4, which is far below anything a chart can show.
    """
    if dof < 1:
        raise ValueError("a t interval needs at least 1 degree of freedom (n >= 2)")
    if dof <= len(_T_975):
        return _T_975[dof - 1]
    z = _Z_975
    return (z + (z ** 3 + z) / (4 * dof) + (5 * z ** 5 + 16 * z ** 3 + 3 * z) / (96 * dof ** 2)
            + (3 * z ** 7 + 19 * z ** 5 + 17 * z ** 3 - 15 * z) / (384 * dof ** 3))


def mean_ci(values, bounds: tuple[float, float] = (-1.0, 1.0)) -> dict:
    """n, mean, sample std and the 95% t interval of the mean of ``values`` (NaNs ignored).

    With fewer than two values there is no spread to estimate: std and the interval are
    NaN rather than a misleading zero-width interval. The interval is clipped to
    ``bounds``, the scale of the scores (tone is between -1 and 1): with two or three
    quotes the t interval alone can reach -7 to 8, which no reader can use.
    """
    x = pd.Series(values, dtype="float64").dropna().to_numpy()
    n = int(x.size)
    if n == 0:
        return {"n": 0, "mean": math.nan, "std": math.nan, "ci_low": math.nan, "ci_high": math.nan}
    mean = float(x.mean())
    if n < 2:
        return {"n": n, "mean": mean, "std": math.nan, "ci_low": math.nan, "ci_high": math.nan}
    std = float(x.std(ddof=1))
    half = t_critical(n - 1) * std / math.sqrt(n)
    low, high = bounds
    return {"n": n, "mean": mean, "std": std, "ci_low": max(low, mean - half), "ci_high": min(high, mean + half)}


def tone_by_group(table: pd.DataFrame, by: str, score: str = "tone") -> pd.DataFrame:
    """Mean ``score`` per value of ``by`` with n and a 95% CI, most negative first.

    Rows whose group or score is missing are not counted; how many rows had no group is
    kept in ``result.attrs["n_without_group"]`` so a chart can say what it left out.
    """
    _require(table, [by, score])
    scored = table[table[score].notna()]
    grouped = scored[scored[by].notna()]
    rows = [{by: key, **mean_ci(group[score])} for key, group in grouped.groupby(by, sort=True)]
    result = pd.DataFrame.from_records(rows, columns=[by] + GROUP_STAT_COLUMNS)
    result["n"] = result["n"].astype("int64")
    result = result.sort_values(["mean", by], ignore_index=True)
    result.attrs["n_without_group"] = int(len(scored) - len(grouped))
    return result


def tone_by_speaker(quotes: pd.DataFrame, score: str = "tone") -> pd.DataFrame:
    """Mean quote ``score`` per resolved speaker (unattributed quotes are counted aside)."""
    return tone_by_group(quotes, "speaker", score)


# ---------------------------------------------------------------------------------------
# Dates


def parse_published(values: pd.Series) -> pd.Series:
    """Publication dates parsed leniently into naive datetimes (NaT when unreadable).

    Feeds mix ISO stamps, "June 20, 2024" and RFC 822 dates. A time zone is dropped, not
    converted, so an article keeps the calendar day its outlet printed.
    """
    cache: dict = {}

    def parse(value):
        if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
            return pd.NaT
        text = str(value).strip()
        if text not in cache:
            try:
                stamp = pd.Timestamp(pd.to_datetime(text))
                cache[text] = stamp.tz_localize(None) if stamp.tzinfo is not None else stamp
            except (ValueError, TypeError, OverflowError):
                cache[text] = pd.NaT
        return cache[text]

    return pd.Series([parse(v) for v in values], index=values.index, dtype="datetime64[ns]")


def choose_period(dates: pd.Series) -> Optional[str]:
    """"D" (days) for spans up to six weeks, "W" (weeks from Monday) beyond, None if <2 days."""
    days = dates.dropna().dt.normalize().unique()
    if len(days) < 2:
        return None
    return "D" if (max(days) - min(days)) <= pd.Timedelta(days=42) else "W"


def tone_over_time(items: pd.DataFrame, articles: pd.DataFrame, score: str = "tone",
                   period: Optional[str] = None) -> pd.DataFrame:
    """Mean ``score`` of quotes (or sentences) per day or week of their article's date.

    Returns ``[period_start, n, mean, std, ci_low, ci_high]`` in date order, with
    ``attrs["period"]`` ("D"/"W"; None when fewer than two dates exist) and
    ``attrs["n_undated"]``: items whose article has no readable date are left out.
    """
    _require(items, ["article_id", score])
    dates = parse_published(articles["published"]).set_axis(articles["article_id"].astype(str))
    dates = dates[~dates.index.duplicated()]
    # reindex, not Series.map: pandas 3 fails mapping an empty frame through datetimes
    item_dates = pd.Series(dates.reindex(items["article_id"].astype(str)).to_numpy(),
                           index=items.index, dtype="datetime64[ns]")
    period = period or choose_period(item_dates)
    columns = ["period_start"] + GROUP_STAT_COLUMNS
    if period is None:
        result = pd.DataFrame(columns=columns)
    else:
        starts = item_dates.dt.normalize()
        if period == "W":
            starts = starts - pd.to_timedelta(starts.dt.day_of_week, unit="D")
        frame = pd.DataFrame({"period_start": starts, "value": items[score].astype("float64")})
        frame = frame.dropna()
        rows = [{"period_start": key, **mean_ci(g["value"])} for key, g in frame.groupby("period_start")]
        result = pd.DataFrame.from_records(rows, columns=columns)
    result.attrs["period"] = period
    result.attrs["n_undated"] = int(item_dates.isna().sum())
    return result


def date_range_note(articles: pd.DataFrame) -> str:
    """One sentence on the publication dates present, for notebooks to print."""
    dates = parse_published(articles["published"]).dropna().dt.normalize()
    undated = len(articles) - len(dates)
    tail = f" ({undated} article(s) without a readable date)" if undated else ""
    if dates.empty:
        return f"No article has a readable publication date{tail}."
    if dates.nunique() == 1:
        return f"All dated articles are from {dates.iloc[0]:%Y-%m-%d}{tail}."
    return f"Articles span {dates.min():%Y-%m-%d} to {dates.max():%Y-%m-%d}{tail}."


def articles_between(articles: pd.DataFrame, date_from=None, date_to=None) -> pd.Series:
    """Boolean mask of articles published in [date_from, date_to] (inclusive, by day).

    With no bounds every article is kept; with a bound, undated articles are dropped
    because nobody can tell whether they fall inside the window.
    """
    if date_from is None and date_to is None:
        return pd.Series(True, index=articles.index)
    days = parse_published(articles["published"]).dt.normalize()
    keep = days.notna()
    if date_from is not None:
        keep &= days >= pd.Timestamp(str(date_from)).normalize()
    if date_to is not None:
        keep &= days <= pd.Timestamp(str(date_to)).normalize()
    return keep


def filter_tables(tables: dict, date_from=None, date_to=None) -> dict:
    """The tables restricted to articles published in the window (see :func:`articles_between`)."""
    articles = tables["articles"]
    kept_ids = set(articles.loc[articles_between(articles, date_from, date_to), "article_id"].astype(str))
    return {name: (table[table["article_id"].astype(str).isin(kept_ids)].reset_index(drop=True)
                   if "article_id" in table.columns else table)
            for name, table in tables.items()}


# ---------------------------------------------------------------------------------------
# Quotes


def quotes_by_speaker_type(quotes: pd.DataFrame, speaker_types=None) -> pd.DataFrame:
    """Quotes whose ``speaker_type`` is in ``speaker_types`` (None or empty: all quotes).

    Speakers include groups ("Analysts") and places standing for governments ("Moscow");
    ``["person"]`` narrows a chart to named people.
    """
    if not speaker_types:
        return quotes
    wanted = [speaker_types] if isinstance(speaker_types, str) else list(speaker_types)
    return quotes[quotes["speaker_type"].isin(wanted)].reset_index(drop=True)


EXTREME_COLUMNS = ["speaker", "side", "rank", "score", "text", "article_id", "quote_id"]


def extreme_quotes(quotes: pd.DataFrame, n: int = 3, score: str = "tone") -> pd.DataFrame:
    """For each speaker, up to ``n`` most negative and ``n`` most positive quotes.

    "Most negative" only draws from quotes scored below zero and "most positive" from
    those above zero, so an official who was never negative gets no "negative" rows
    instead of their least positive quote passed off as one. Speakers are ordered by
    name; ``side`` is "most negative" or "most positive"; ``rank`` 1 is the extreme.
    """
    _require(quotes, ["speaker", score, "text", "article_id", "quote_id"])
    named = quotes[quotes["speaker"].notna() & quotes[score].notna()]
    rows = []
    for speaker, group in named.groupby("speaker", sort=True):
        negatives = group[group[score] < 0].sort_values([score, "quote_id"]).head(n)
        positives = group[group[score] > 0].sort_values(score, ascending=False, kind="stable").head(n)
        for side, picked in (("most negative", negatives), ("most positive", positives)):
            for rank, (_, q) in enumerate(picked.iterrows(), 1):
                rows.append({"speaker": speaker, "side": side, "rank": rank, "score": float(q[score]),
                             "text": q["text"], "article_id": q["article_id"], "quote_id": q["quote_id"]})
    return pd.DataFrame.from_records(rows, columns=EXTREME_COLUMNS)


def _require(table: pd.DataFrame, columns: list[str]) -> None:
    missing = [c for c in columns if c not in table.columns]
    if missing:
        raise KeyError(f"table lacks column(s) {missing}; has {list(table.columns)}")


__all__ = ["t_critical", "mean_ci", "tone_by_group", "tone_by_speaker", "parse_published",
           "choose_period", "tone_over_time", "date_range_note", "articles_between",
           "filter_tables", "quotes_by_speaker_type", "extreme_quotes"]


# --------------------------------------------------------------------------- country tables


def tone_by_mentioned_country(sentences: pd.DataFrame, mentions: pd.DataFrame,
                              score: str = "compound") -> pd.DataFrame:
    """Tone of the sentences that mention each country.

    One row per country: ``country, n_sentences, mean, std, ci_low, ci_high``. A sentence
    counts once per country however often it names it, and every country named in a
    sentence gets that sentence's whole score: sentence-level tone cannot tell which of two
    countries the negative words were about, so this measures the tone of the *company* a
    country keeps, not sentiment towards it. The 95% interval is the normal approximation
    ``mean ± t·std/√n`` with Student's t for n−1 degrees of freedom (NaN when n < 2). Organisation mentions (no country) and
    sentences without a score are left out. Sorted by n_sentences, most first.
    """
    columns = ["country", "n_sentences", "mean", "std", "ci_low", "ci_high"]
    keys = ["article_id", "sentence_id"]
    located = mentions.loc[mentions["country"].notna() & mentions["sentence_id"].notna(),
                           keys + ["country"]].drop_duplicates()
    scored = sentences.loc[sentences[score].notna(), keys + [score]]
    joined = located.merge(scored, on=keys, how="inner")
    table = summarise(joined, "country", score, count_name="n_sentences")
    return table[columns]


def tone_by_speaker_country(quotes: pd.DataFrame, score: str = "compound") -> pd.DataFrame:
    """Tone of quotes grouped by the speaker's country.

    ``country, n_quotes, mean, ci_low, ci_high`` (95% Student-t interval, NaN when
    n < 2); quotes with no speaker country or no score are left out.
    """
    scored = quotes.loc[quotes["speaker_country"].notna() & quotes[score].notna(),
                        ["speaker_country", score]].rename(columns={"speaker_country": "country"})
    table = summarise(scored, "country", score, count_name="n_quotes")
    return table[["country", "n_quotes", "mean", "ci_low", "ci_high"]]


def speaker_country_matrix(quotes: pd.DataFrame, mentions: pd.DataFrame,
                           score: str = "compound") -> pd.DataFrame:
    """Who talks about which country, and in which tone: long format ``speaker, country, n, mean``.

    A mention belongs to a quote when its ``quote_id`` equals the quote's within the same
    ``article_id``. ``n`` counts quotes (a quote naming Russia twice counts once); ``mean``
    is the mean score of those quotes. Quotes without a resolved speaker are left out.
    """
    keys = ["article_id", "quote_id"]
    quoted = mentions.loc[mentions["quote_id"].notna() & mentions["country"].notna(),
                          keys + ["country"]].drop_duplicates()
    speakers = quotes.loc[quotes["speaker"].notna(), keys + ["speaker", score]]
    quoted = quoted.astype({"quote_id": "int64"})
    speakers = speakers.astype({"quote_id": "int64"})
    joined = quoted.merge(speakers, on=keys, how="inner")
    grouped = joined.groupby(["speaker", "country"], sort=True)[score]
    table = grouped.agg(n="size", mean="mean").reset_index()
    return table.sort_values(["n", "speaker", "country"], ascending=[False, True, True],
                             ignore_index=True)[["speaker", "country", "n", "mean"]]


def summarise(frame: pd.DataFrame, by: str, score: str, count_name: str) -> pd.DataFrame:
    """Count, mean, sample std and 95% Student-t CI of ``score`` per ``by``.

    The t interval (not the normal 1.96) because groups are often tiny: a country named in
    three sentences gets t = 4.30, and the charts use the same rule (``aggregate.mean_ci``).
    """
    grouped = frame.groupby(by, sort=True)[score]
    table = grouped.agg(**{count_name: "size", "mean": "mean", "std": "std"}).reset_index()
    critical = table[count_name].map(lambda n: t_critical(n - 1) if n >= 2 else float("nan"))
    half_width = critical * table["std"] / table[count_name].pow(0.5)
    table["ci_low"] = table["mean"] - half_width
    table["ci_high"] = table["mean"] + half_width
    table = table.astype({count_name: "int64"})
    return table.sort_values([count_name, by], ascending=[False, True], ignore_index=True)
