"""Comparing groups of articles: outlets, topics, folders, periods.

"Did officials sound different in politics than in business coverage, in outlet A than in
outlet B, before than after an event?" Each article belongs to one group, named by an
articles column (``folder``, ``source``, any other) or a period of its publication date
(``month``, ``quarter``, ``year``); quotes and sentences take their article's group. Tone
is then summarised per entity (an official, a country) and group, with the same 95% t
intervals as everywhere, and a difference is flagged only where two groups' intervals do
not overlap: a cautious test (two 95% intervals can overlap a little while the difference
is still significant), chosen because it is what a reader can check on the chart.
"""

from __future__ import annotations

from itertools import combinations

import pandas as pd

from newstone.analysis.dates import parse_published
from newstone.analysis.stats import GROUP_STAT_COLUMNS, mean_ci

# Periods a report can group by, as pandas period codes.
PERIODS = {"month": "M", "quarter": "Q", "year": "Y"}


GROUP = "group"


def group_error(group_by, columns) -> str | None:
    """Why ``group_by`` names no grouping of articles with ``columns`` (None: it does)."""
    if group_by is None or group_by in PERIODS or group_by in columns:
        return None
    names = ", ".join(c for c in columns if c not in ("text", "article_id"))
    return f"{group_by!r} is not a period ({', '.join(PERIODS)}) or an articles column ({names})"


def article_groups(articles: pd.DataFrame, group_by: str) -> pd.Series:
    """Each article's group label, indexed by ``article_id``: the column's value as text,
    or the period of its publication date ("2024-06", "2024Q2", "2024"); missing when the
    article has none (no folder, no readable date)."""
    problem = group_error(group_by, articles.columns)
    if problem:
        raise KeyError(f"group_by {problem}")
    if group_by in PERIODS:
        dates = parse_published(articles["published"])
        labels = dates.dt.to_period(PERIODS[group_by]).astype("string").where(dates.notna())
    else:
        labels = articles[group_by].astype("string")
    labels = labels.where(labels.str.strip().fillna("") != "")
    return pd.Series(labels.to_numpy(), index=articles["article_id"].astype(str), dtype="string")


def with_groups(items: pd.DataFrame, articles: pd.DataFrame, group_by: str) -> pd.DataFrame:
    """``items`` (quotes, sentences, mentions...) with a ``group`` column: their article's."""
    labels = article_groups(articles, group_by)
    labels = labels[~labels.index.duplicated()]
    group = pd.Series(labels.reindex(items["article_id"].astype(str)).to_numpy(), index=items.index, dtype="string")
    result = items.assign(**{GROUP: group})
    result.attrs = dict(items.attrs)
    return result


def tone_by_entity_and_group(items: pd.DataFrame, entity: str, score: str = "tone", entities=None) -> pd.DataFrame:
    """Mean ``score`` per ``entity`` (a speaker, a country) and ``group``, long:
    ``entity, group, n, mean, std, ci_low, ci_high``, entities in the order of
    ``entities`` (default: by name), groups in label order (periods in time order).

    Items without a group or a score are not counted; ``attrs["n_without_group"]`` says
    how many scored items of these entities had no group.
    """
    scored = items[items[entity].notna() & items[score].notna()]
    if entities is not None:
        wanted = list(dict.fromkeys(entities))
        scored = scored[scored[entity].isin(wanted)]
    grouped = scored[scored[GROUP].notna()]
    rows = [
        {entity: key, GROUP: group, **mean_ci(frame[score])}
        for (key, group), frame in grouped.groupby([entity, GROUP], sort=True)
    ]
    table = pd.DataFrame.from_records(rows, columns=[entity, GROUP, *GROUP_STAT_COLUMNS])
    table["n"] = table["n"].astype("int64")
    if entities is not None:
        rank = {name: i for i, name in enumerate(wanted)}
        table = table.sort_values([entity, GROUP], key=lambda c: c.map(rank) if c.name == entity else c)
    table = table.reset_index(drop=True)
    table.attrs["n_without_group"] = int(len(scored) - len(grouped))
    return table


def differences(table: pd.DataFrame, entity: str, min_n: int = 2) -> pd.DataFrame:
    """Pairs of groups of one entity whose 95% intervals do not overlap (both groups with
    at least ``min_n`` items): ``entity, higher, lower, mean_higher, mean_lower, n_higher,
    n_lower``, in the table's entity order."""
    columns = [entity, "higher", "lower", "mean_higher", "mean_lower", "n_higher", "n_lower"]
    rows = []
    usable = table[(table["n"] >= max(min_n, 2)) & table["ci_low"].notna() & table["ci_high"].notna()]
    for key, frame in usable.groupby(entity, sort=False):
        for a, b in combinations(frame.itertuples(index=False), 2):
            high, low = (a, b) if a.mean >= b.mean else (b, a)
            if low.ci_high < high.ci_low:
                rows.append([key, high.group, low.group, high.mean, low.mean, high.n, low.n])
    return pd.DataFrame(rows, columns=columns)
