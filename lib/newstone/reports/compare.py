"""Comparing groups on one chart: each entity's tone per group, side by side.

A dot plot: one row per entity (an official, a country), one dot per group in that row,
each with its 95% t interval and n, on the fixed -1..1 tone scale. Groups keep one colour
and one vertical offset throughout, with a legend. An entity two of whose groups' intervals
do not overlap is marked, and the pairs are listed under the chart
(:func:`newstone.analysis.groups.differences`). Groups below ``min_n`` items are drawn
hollow and grey and never flagged: an interval from two quotes is mostly width.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from newstone.analysis.counting import count_once
from newstone.analysis.groups import GROUP, differences, tone_by_entity_and_group
from newstone.reports.charts import SCORE_NAMES, SMALL_GROUP_COLOUR, SMALL_GROUP_TEXT, _decorate, _tone_axis
from newstone.reports.listings import chart_entities
from newstone.reports.palette import categorical_colours

# Beyond this many groups a row of dots is unreadable: the largest groups are drawn.
MAX_GROUPS = 10


FLAG = "\u25c6"


def chosen_groups(table: pd.DataFrame, max_groups: int = MAX_GROUPS) -> list[str]:
    """The groups to draw: all of them, or the ``max_groups`` with the most items, in
    label order (periods in time order)."""
    totals = table.groupby(GROUP)["n"].sum()
    if len(totals) > max_groups:
        totals = totals.sort_values(ascending=False, kind="stable").head(max_groups)
    return sorted(totals.index.astype(str))


def group_comparison_chart(
    table: pd.DataFrame,
    entity: str,
    order: list,
    *,
    score: str = "tone",
    min_n: int = 2,
    labels: dict | None = None,
    entity_label: str = "official",
    item_label: str = "quotes",
    group_label: str = "group",
    title: str | None = None,
    notes: tuple[str, ...] = (),
) -> Figure:
    """Dot plot of ``table`` (:func:`newstone.analysis.groups.tone_by_entity_and_group`)
    for the entities in ``order`` (drawn top to bottom; ``labels`` maps an entity to the
    text shown). ``fig.newstone_data`` is the table drawn; ``fig.newstone_differences``
    the pairs of groups whose intervals do not overlap; ``newstone_entity`` and
    ``newstone_labels`` the entity column and the labels shown."""
    groups = chosen_groups(table)
    drawn = table[table[entity].isin(order) & table[GROUP].astype(str).isin(groups)].reset_index(drop=True)
    flagged = differences(drawn, entity, min_n)
    colours = dict(zip(groups, categorical_colours(len(groups))))
    labels = labels or {}
    step = 1.0 / (len(groups) + 1)
    fig = Figure(figsize=(8.5, 1.9 + max(len(order), 1) * (0.24 + 0.14 * len(groups))), layout="constrained")
    ax = fig.add_subplot()
    for row, key in enumerate(order):
        for _, item in drawn[drawn[entity] == key].iterrows():
            offset = (groups.index(str(item[GROUP])) + 1) * step - 0.5
            y = row + offset
            small = item["n"] < min_n
            colour = SMALL_GROUP_COLOUR if small else colours[str(item[GROUP])]
            if pd.notna(item["ci_low"]) and pd.notna(item["ci_high"]):
                ax.plot([item["ci_low"], item["ci_high"]], [y, y], color=colour, linewidth=1.4, solid_capstyle="butt")
            ax.plot(
                item["mean"], y, marker="o", markersize=5.5, linestyle="none",
                markerfacecolor="white" if small else colour, markeredgecolor=colours[str(item[GROUP])],
            )  # fmt: skip
            ax.annotate(
                f"n={item['n']}", (1.0, y), xycoords=("axes fraction", "data"), xytext=(3, 0),
                textcoords="offset points", va="center", fontsize=7, color=SMALL_GROUP_TEXT if small else "#333333",
                annotation_clip=False,
            )  # fmt: skip
    marked = set(flagged[entity])
    ax.set_yticks(
        range(len(order)),
        [f"{labels.get(key, key)} {FLAG}" if key in marked else str(labels.get(key, key)) for key in order],
    )
    for tick, key in zip(ax.get_yticklabels(), order):
        if key in marked:
            tick.set_fontweight("bold")
    ax.set_ylim(len(order) - 0.5, -0.5)
    for boundary in np.arange(0.5, len(order) - 0.5):
        ax.axhline(boundary, color="#eeeeee", linewidth=0.8, zorder=0)
    _tone_axis(ax, score, axis="x")
    ax.set_ylabel(entity_label)
    handles = [Line2D([], [], marker="o", linestyle="-", color=colours[g], label=g) for g in groups]
    ax.legend(handles=handles, title=group_label, loc="upper left", bbox_to_anchor=(1.06, 1), fontsize=8, frameon=False)
    footnotes = list(notes)
    footnotes.append(
        f"Dots: mean {SCORE_NAMES.get(score, score)} of each {entity_label}'s {item_label} in each {group_label}; "
        f"lines: 95% t interval (none when n < 2); n = {item_label}. Hollow grey: fewer than {min_n} {item_label}."
    )
    footnotes.append(
        f"{FLAG} two {group_label}s' intervals do not overlap ({len(flagged)} pair(s), listed below the chart)."
        if len(flagged)
        else f"No two {group_label}s of one {entity_label} have intervals that do not overlap."
    )
    n_groups = table[GROUP].nunique()
    if n_groups > len(groups):
        footnotes.append(f"Showing the {len(groups)} {group_label}s with the most {item_label} of {n_groups}.")
    if table.attrs.get("n_without_group"):
        missing = table.attrs["n_without_group"]
        footnotes.append(f"Not shown: {missing} {item_label} whose article has no {group_label}.")
    _decorate(
        fig,
        ax,
        title or f"Mean {SCORE_NAMES.get(score, score)} per {entity_label} and {group_label}",
        footnotes,
    )
    fig.newstone_data = drawn
    fig.newstone_differences = flagged
    fig.newstone_entity, fig.newstone_labels = entity, labels
    return fig


def compare_speakers(
    quotes: pd.DataFrame, by_speaker: pd.DataFrame, score: str, min_n: int, group_label: str, entity_label: str
):
    """The speakers a per-speaker chart drew (``by_speaker``, its ``newstone_data``), each
    one's quotes per group (``quotes`` carry a ``group`` column), as a dot plot."""
    entity, keys, labels = chart_entities(by_speaker)
    table = tone_by_entity_and_group(count_once(quotes), entity, score, entities=keys)
    return group_comparison_chart(
        table, entity, keys, score=score, min_n=min_n, labels=labels, entity_label=entity_label, group_label=group_label
    )


def compare_countries(items: pd.DataFrame, countries: list, score: str, min_n: int, group_label: str, **kwargs):
    """Countries (alpha-3 codes, in chart order) per group: ``items`` are rows with a
    ``country`` and a ``group`` (sentences naming a country, or quotes with their
    speaker's country)."""
    from newstone.nlp.countries import country_label

    table = tone_by_entity_and_group(items, "country", score, entities=countries)
    labels = {code: country_label(code) for code in countries}
    return group_comparison_chart(
        table, "country", countries, score=score, min_n=min_n, labels=labels, group_label=group_label, **kwargs
    )
