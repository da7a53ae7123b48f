"""Tone over time per entity, as small multiples: one panel per official or country.

Every panel shares the time axis and the fixed -1..1 tone scale, so panels compare at a
glance. A panel's line breaks over periods without data (joining the points across them
would draw a tone nobody expressed); each point carries its 95% t interval and, when the
panel has few enough points to label, its n. The panel title gives the entity's total n.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from newstone.analysis.counting import count_once
from newstone.analysis.countries import mentioned_country_sentences
from newstone.analysis.trends import tone_trends
from newstone.reports.charts import NESTED_NOTE, SCORE_NAMES, _decorate
from newstone.reports.listings import chart_entities

# A panel labels each point with its n up to this many periods (beyond, the numbers
# collide; the table under the chart has them).
MAX_LABELLED_POINTS = 16


MAX_PANELS = 24


COLUMNS = 4


LINE_COLOUR = "#2166ac"


def trend_small_multiples(
    trends: pd.DataFrame,
    entity: str,
    order: list,
    *,
    score: str = "tone",
    labels: dict | None = None,
    entity_label: str = "official",
    item_label: str = "quotes",
    title: str | None = None,
    notes: tuple[str, ...] = (),
) -> Figure | None:
    """Small multiples of :func:`newstone.analysis.trends.tone_trends` for the entities in
    ``order`` (at most ``MAX_PANELS``), or None when there is no period to draw.
    ``fig.newstone_data`` is the table drawn."""
    period = trends.attrs.get("period")
    periods = trends.attrs.get("periods", pd.DatetimeIndex([]))
    order = [key for key in order if key in set(trends[entity])][:MAX_PANELS]
    if period is None or len(periods) < 2 or not order:
        return None
    labels = labels or {}
    rows = math.ceil(len(order) / COLUMNS)
    columns = min(COLUMNS, len(order))
    fig = Figure(figsize=(2.6 * columns + 0.8, 2.1 * rows + 1.4), layout="constrained")
    axes = fig.subplots(rows, columns, sharex=True, sharey=True, squeeze=False)
    unit = "week (starting Monday)" if period == "week" else "month"
    gaps = 0
    for index, key in enumerate(order):
        ax = axes[index // COLUMNS][index % COLUMNS]
        data = trends[trends[entity] == key]
        x = pd.to_datetime(data["period_start"])
        line = pd.Series(data["mean"].to_numpy(dtype=float), index=x).reindex(periods)
        gaps += int(line.iloc[_inside(line)].isna().sum())
        ax.plot(periods, line.to_numpy(), color=LINE_COLOUR, linewidth=1.3)
        ax.plot(x, data["mean"], linestyle="none", marker="o", markersize=3.5, color=LINE_COLOUR)
        has_ci = data["ci_low"].notna().to_numpy()
        if has_ci.any():
            ax.vlines(x[has_ci], data["ci_low"][has_ci], data["ci_high"][has_ci], color="#7f7f7f", linewidth=0.9)
        if len(periods) <= MAX_LABELLED_POINTS:
            for xi, yi, n in zip(x, data["mean"], data["n"]):
                ax.annotate(f"{n}", (xi, yi), xytext=(0, 4), textcoords="offset points", ha="center", fontsize=6.5)
        ax.set_title(f"{labels.get(key, key)} (n={int(data['n'].sum())})", fontsize=8.5, loc="left")
        ax.axhline(0, color="#4d4d4d", linewidth=0.8, zorder=0)
        ax.set_ylim(-1, 1)
        ax.grid(axis="y", color="#ececec", linewidth=0.6)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        ax.tick_params(labelsize=7)
    for index in range(len(order), rows * columns):
        axes[index // COLUMNS][index % COLUMNS].set_visible(False)
    fig.autofmt_xdate()
    fig.supylabel(f"mean {SCORE_NAMES.get(score, score)} (-1 … +1)", fontsize=9)
    footnotes = list(notes)
    footnotes.append(
        f"Each panel: mean per {unit} of one {entity_label}'s {item_label}, with its 95% t interval "
        f"(none when n < 2); numbers over the points are n."
        + (
            " (Panels with more points than that leave n to the table below.)"
            if len(periods) > MAX_LABELLED_POINTS
            else ""
        )
    )
    if gaps:
        footnotes.append(f"Lines break over {unit.split()[0]}s without {item_label} ({gaps} in all).")
    if trends.attrs.get("n_undated"):
        footnotes.append(f"Not shown: {trends.attrs['n_undated']} {item_label} from articles without a readable date.")
    if trends.attrs.get("n_nested"):
        footnotes.append(NESTED_NOTE.format(n=trends.attrs["n_nested"]))
    _decorate(fig, axes[0][0], title or f"Tone over time per {entity_label}", footnotes)
    fig.newstone_data = trends[trends[entity].isin(order)].reset_index(drop=True)
    fig.newstone_entity, fig.newstone_labels = entity, labels
    return fig


def _inside(line: pd.Series) -> np.ndarray:
    """Positions from an entity's first to its last period with data (gaps before or after
    are not breaks in its line)."""
    present = np.flatnonzero(line.notna().to_numpy())
    return np.arange(present[0], present[-1] + 1) if len(present) else np.array([], dtype=int)


def speaker_trends(quotes: pd.DataFrame, articles: pd.DataFrame, by_speaker: pd.DataFrame, score: str, period, label):
    """Small multiples of the speakers a per-speaker chart drew (``by_speaker``), in its
    order; nested quotes counted once. None when the dates give no two periods."""
    entity, keys, labels = chart_entities(by_speaker)
    once = count_once(quotes)
    trends = tone_trends(once, articles, entity, score, entities=keys, period=period)
    trends.attrs["n_nested"] = once.attrs["n_nested"]
    return trends, trend_small_multiples(trends, entity, keys, score=score, labels=labels, entity_label=label)


def country_trends(sentences: pd.DataFrame, mentions: pd.DataFrame, articles, countries: list, score: str, period):
    """Small multiples of the tone of the sentences naming each country (alpha-3 codes,
    in chart order). None when the dates give no two periods."""
    from newstone.nlp.countries import country_label

    rows = mentioned_country_sentences(sentences, mentions, score)
    trends = tone_trends(rows, articles, "country", score, entities=countries, period=period)
    labels = {code: country_label(code) for code in countries}
    figure = trend_small_multiples(
        trends,
        "country",
        countries,
        score=score,
        labels=labels,
        entity_label="mentioned country",
        item_label="sentences",
        notes=("A sentence counts, with its whole score, for every country it names.",),
    )
    return trends, figure
