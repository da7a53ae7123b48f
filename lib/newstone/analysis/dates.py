"""Publication dates: parsing, date windows, and tone over time.

Dates come in many forms (ISO, RFC 2822, Reuters' "26-FEB-1987 15:01:01.79"); they are
parsed with explicit formats first, so day and month are never swapped by a guess.
"""

from __future__ import annotations

import pandas as pd

from newstone.analysis.counting import count_once
from newstone.analysis.stats import GROUP_STAT_COLUMNS, _require, mean_ci
from newstone.dates import DATE_FORMATS, parse_datetime  # noqa: F401  (DATE_FORMATS re-exported)


def parse_date(text) -> pd.Timestamp:
    """One publication date as a naive Timestamp, NaT when unreadable; never warns
    (:func:`newstone.dates.parse_datetime` reads it)."""
    if text is pd.NA:
        return pd.NaT
    parsed = parse_datetime(text)
    if parsed is None:
        return pd.NaT
    try:
        return pd.Timestamp(parsed).as_unit("ns")
    except (ValueError, OverflowError):  # outside datetime64[ns]'s years 1677-2262
        return pd.NaT


def parse_published(values: pd.Series) -> pd.Series:
    """Publication dates parsed into naive datetimes (NaT when unreadable), with
    :func:`parse_date` once per distinct value: feeds mix ISO stamps, "June 20, 2024",
    RFC 2822 and Reuters' "26-FEB-1987 15:01:01.79"."""
    cache: dict = {}

    def parse(value):
        key = value if isinstance(value, str) else None
        if key is None:
            return parse_date(value)
        if key not in cache:
            cache[key] = parse_date(key)
        return cache[key]

    return pd.Series([parse(v) for v in values], index=values.index, dtype="datetime64[ns]")


def choose_period(dates: pd.Series) -> str | None:
    """ "D" (days) for spans up to six weeks, "W" (weeks from Monday) beyond, None if <2 days."""
    days = dates.dropna().dt.normalize().unique()
    if len(days) < 2:
        return None
    return "D" if (max(days) - min(days)) <= pd.Timedelta(days=42) else "W"


def tone_over_time(
    items: pd.DataFrame, articles: pd.DataFrame, score: str = "tone", period: str | None = None
) -> pd.DataFrame:
    """Mean ``score`` of quotes (or sentences) per day or week of their article's date.

    Returns ``[period_start, n, mean, std, ci_low, ci_high]`` in date order, with
    ``attrs["period"]`` ("D"/"W"; None when fewer than two dates exist) and
    ``attrs["n_undated"]``: items whose article has no readable date are left out.
    When ``items`` are quotes (they have ``quote_id``, ``speaker`` and spans), quotes nested
    in another quote of the same speaker are counted once (:func:`count_once`).
    """
    _require(items, ["article_id", score])
    columns = set(items.columns)
    n_nested = 0
    if {"quote_id", "speaker"} <= columns and ("spans" in columns or {"start", "end"} <= columns):
        items = count_once(items)
        n_nested = items.attrs["n_nested"]
    dates = parse_published(articles["published"]).set_axis(articles["article_id"].astype(str))
    dates = dates[~dates.index.duplicated()]
    # reindex, not Series.map: pandas 3 fails mapping an empty frame through datetimes
    item_dates = pd.Series(
        dates.reindex(items["article_id"].astype(str)).to_numpy(), index=items.index, dtype="datetime64[ns]"
    )
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
    result.attrs["n_nested"] = n_nested
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
        keep &= days >= _bound(date_from, "date_from")
    if date_to is not None:
        keep &= days <= _bound(date_to, "date_to")
    return keep


def _bound(value, name: str) -> pd.Timestamp:
    day = parse_date(str(value))
    if pd.isna(day):
        raise ValueError(f"{name} {value!r} is not a date (use YYYY-MM-DD)")
    return day.normalize()


def filter_tables(tables: dict, date_from=None, date_to=None) -> dict:
    """The tables restricted to articles published in the window (see :func:`articles_between`)."""
    articles = tables["articles"]
    kept_ids = set(articles.loc[articles_between(articles, date_from, date_to), "article_id"].astype(str))
    return {
        name: (
            table[table["article_id"].astype(str).isin(kept_ids)].reset_index(drop=True)
            if "article_id" in table.columns
            else table
        )
        for name, table in tables.items()
    }
