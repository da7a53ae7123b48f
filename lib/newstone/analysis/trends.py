"""Tone over time per entity: an official's quotes, the sentences naming a country.

One line for the whole corpus hides who moved: the trend is computed per entity (the
top officials, the most mentioned countries) by week or by month, with n and a 95% t
interval per point, and every period of the whole span is listed, so a chart can break a
line where an entity has no data rather than draw a tone nobody expressed.
"""

from __future__ import annotations

import pandas as pd

from newstone.analysis.dates import parse_published
from newstone.analysis.stats import GROUP_STAT_COLUMNS, mean_ci

# Trend periods a report accepts, and the pandas frequency of each period's start.
TREND_PERIODS = {"week": "W", "month": "M"}


def choose_trend_period(dates: pd.Series) -> str | None:
    """ "week" for spans up to half a year, "month" beyond; None with under two distinct
    days (nothing to draw a line through)."""
    days = dates.dropna().dt.normalize()
    if days.nunique() < 2:
        return None
    return "week" if days.max() - days.min() <= pd.Timedelta(weeks=26) else "month"


def period_starts(dates: pd.Series, period: str) -> pd.Series:
    """The start of each date's week (Monday) or month."""
    days = dates.dt.normalize()
    if period == "week":
        return days - pd.to_timedelta(days.dt.day_of_week, unit="D")
    return days.dt.to_period("M").dt.start_time


def all_periods(starts: pd.Series, period: str) -> pd.DatetimeIndex:
    """Every period start from the first to the last of ``starts``."""
    starts = starts.dropna()
    if starts.empty:
        return pd.DatetimeIndex([])
    return pd.date_range(starts.min(), starts.max(), freq="7D" if period == "week" else "MS")


def tone_trends(
    items: pd.DataFrame,
    articles: pd.DataFrame,
    entity: str,
    score: str = "tone",
    entities=None,
    period: str | None = None,
) -> pd.DataFrame:
    """Mean ``score`` per ``entity`` and period of the item's article date:
    ``entity, period_start, n, mean, std, ci_low, ci_high``, entities in the order of
    ``entities`` (default: most items first), periods in time order; periods without data
    are not rows.

    ``attrs``: ``period`` ("week"/"month", chosen by :func:`choose_trend_period` when
    None; None when the dates span under two days), ``periods`` (every period start of
    the span, for breaking lines) and ``n_undated`` (items of these entities whose article
    has no readable date).
    """
    dates = parse_published(articles["published"]).set_axis(articles["article_id"].astype(str))
    dates = dates[~dates.index.duplicated()]
    chosen = items[items[entity].notna() & items[score].notna()]
    if entities is not None:
        order = list(dict.fromkeys(entities))
        chosen = chosen[chosen[entity].isin(order)]
    else:
        order = chosen[entity].value_counts(sort=True).index.tolist()
    item_dates = pd.Series(
        dates.reindex(chosen["article_id"].astype(str)).to_numpy(), index=chosen.index, dtype="datetime64[ns]"
    )
    period = period or choose_trend_period(item_dates)
    columns = [entity, "period_start", *GROUP_STAT_COLUMNS]
    if period is None:
        result = pd.DataFrame(columns=columns)
        result.attrs.update(periods=pd.DatetimeIndex([]))
    else:
        frame = pd.DataFrame(
            {entity: chosen[entity], "period_start": period_starts(item_dates, period), "value": chosen[score]}
        ).dropna()
        rank = {name: i for i, name in enumerate(order)}
        rows = [
            {entity: key, "period_start": start, **mean_ci(group["value"])}
            for (key, start), group in frame.groupby([entity, "period_start"], sort=True)
        ]
        result = pd.DataFrame.from_records(rows, columns=columns)
        result = result.sort_values([entity, "period_start"], key=lambda c: c.map(rank) if c.name == entity else c)
        result = result.reset_index(drop=True)
        result["n"] = result["n"].astype("int64")
        result.attrs.update(periods=all_periods(frame["period_start"], period))
    result.attrs.update(period=period, n_undated=int(item_dates.isna().sum()))
    return result
