"""Charts of who said what in which tone, as matplotlib Figures built from plain tables.

Every chart function takes DataFrames (the tables of :mod:`newstone.schema` or the
aggregations of :mod:`newstone.analysis`) and returns a ``matplotlib.figure.Figure``; the
table actually drawn, in drawing order, is attached as ``fig.newstone_data`` so a notebook
can show the numbers and tests can check them.

Honesty rules shared by all charts: every group shows its n; means carry 95% t
intervals (none when n < 2); tone axes are fixed at -1..1 with a zero line, so a small
difference never looks large; what was left out (small groups, unattributed quotes,
undated articles) is said on the chart itself. Colours are from ColorBrewer's RdBu,
which stays readable for the common forms of colour blindness.

Figures are created without pyplot, so nothing is registered globally: calling a chart
function in a loop leaks no memory and a notebook shows a figure only when displayed.
"""

from __future__ import annotations

import textwrap

import numpy as np
import pandas as pd
from matplotlib import colormaps
from matplotlib.colors import to_hex
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from newstone.analysis.stats import tone_by_speaker

DIVERGING_CMAP = "RdBu"  # red = negative, blue = positive; colour-blind safe


NEGATIVE_COLOUR = to_hex(colormaps[DIVERGING_CMAP](0.18))


POSITIVE_COLOUR = to_hex(colormaps[DIVERGING_CMAP](0.82))


ZERO_COLOUR = "#f7f7f7"


SMALL_GROUP_COLOUR = "#d9d9d9"


SMALL_GROUP_TEXT = "#8c8c8c"


MISSING_CELL_COLOUR = "#f0f0f0"


HEATMAP_FONT = 9.5


SCORE_NAMES = {"tone": "news-aware tone", "compound": "VADER compound", "tone_toward": "tone toward the country"}


SHARED_SENTENCE_NOTE = (
    "Every country mentioned in a sentence is given that whole sentence's score: "
    "a sentence naming two countries counts, with the same score, for both."
)


TOWARD_NOTE = (
    "Tone toward each country: a model trained on people's ratings of news sentences scores "
    "each mention on its own (inside a quote, in the quote's own words), so two countries in "
    "one sentence can differ. It agrees with those raters on about 2 mentions in 3 (see "
    "methodology); sarcasm and implied targets escape it."
)


SENTENCE_SCORE_NOTE = 'The alternative, score="tone_toward", charts tone toward each country instead.'


SPEAKER_COUNTRY_NOTE = "Each quote counts once, for the country its speaker represents."


NESTED_NOTE = (
    "{n} quote(s) nested in another quote of the same speaker (a belief inside their "
    "reported speech) are counted once, with the quote holding them."
)


COUNTRY_FALLBACK_NOTE = (
    "{n} quote(s) that give no country of their own are counted for their speaker's "
    "country in the speakers table (the country most often given for that speaker "
    "across the corpus)."
)


BELOW_MIN_MODES = ("grey", "hide")


# newstone.countries computes its intervals with Student's t, like aggregate.mean_ci.
COUNTRY_INTERVAL = "95% t interval"


def bar_colour(mean: float) -> str:
    """Diverging bar colour: red-ish below zero, blue-ish above, near-white at zero."""
    if mean < 0:
        return NEGATIVE_COLOUR
    if mean > 0:
        return POSITIVE_COLOUR
    return ZERO_COLOUR


def select_groups(
    summary: pd.DataFrame, group: str, n_col: str = "n", min_n: int = 2, top_n: int | None = None
) -> pd.DataFrame:
    """The groups a bar chart draws, in drawing order, with a ``status`` column.

    ``top_n`` keeps the groups with the most items (ties by name); groups with fewer than
    ``min_n`` items get status "below_min_n" and go to the bottom. Within each block the
    most negative mean comes first. ``attrs["n_total"]`` counts the groups before top_n.
    """
    table = summary.copy()
    table["n"] = table[n_col].astype("int64")
    n_total = len(table)
    if top_n is not None and len(table) > top_n:
        table = table.sort_values(["n", group], ascending=[False, True]).head(top_n)
    table["status"] = np.where(table["n"] >= min_n, "shown", "below_min_n")
    table["_block"] = (table["status"] != "shown").astype(int)
    table = table.sort_values(["_block", "mean", group], ignore_index=True).drop(columns="_block")
    table.attrs["n_total"] = n_total
    return table


def tone_bars(
    summary: pd.DataFrame,
    group: str,
    *,
    n_col: str = "n",
    score: str = "tone",
    min_n: int = 2,
    below_min: str = "grey",
    top_n: int | None = None,
    title: str | None = None,
    group_label: str | None = None,
    item_label: str = "items",
    notes: tuple[str, ...] = (),
    interval: str = "95% t interval",
) -> Figure:
    """Horizontal diverging bars of mean tone per group with 95% CIs and n.

    ``summary`` has one row per group: ``group``, ``n_col``, ``mean``, ``ci_low``,
    ``ci_high`` (as :func:`newstone.aggregate.tone_by_group` or the
    :mod:`newstone.countries` helpers return). Groups below ``min_n`` are greyed out
    (``below_min="grey"``) or left out (``"hide"``); the footnote says which and how many.
    ``interval`` names how the summary's CI was computed, for the footnote.
    """
    if below_min not in BELOW_MIN_MODES:
        raise ValueError(f"below_min must be one of {BELOW_MIN_MODES}, not {below_min!r}")
    group_label = group_label or group
    table = select_groups(summary, group, n_col, min_n, top_n)
    small = table[table["status"] == "below_min_n"]
    if below_min == "hide":
        table = table[table["status"] == "shown"].reset_index(drop=True)

    fig = Figure(figsize=(8, 1.6 + 0.42 * max(len(table), 4)), layout="constrained")
    ax = fig.add_subplot()
    positions = np.arange(len(table))
    shown = (table["status"] == "shown").to_numpy()
    colours = [bar_colour(m) if ok else SMALL_GROUP_COLOUR for m, ok in zip(table["mean"], shown)]
    bars = ax.barh(
        positions, table["mean"], color=colours, edgecolor="#4d4d4d", linewidth=0.6, height=0.7, label="mean"
    )
    for bar, ok in zip(bars, shown):
        if not ok:
            bar.set_hatch("///")
    has_ci = table["ci_low"].notna().to_numpy() & table["ci_high"].notna().to_numpy()
    if has_ci.any():
        with_ci = table[has_ci]
        ax.errorbar(
            with_ci["mean"],
            positions[has_ci],
            xerr=[with_ci["mean"] - with_ci["ci_low"], with_ci["ci_high"] - with_ci["mean"]],
            fmt="none",
            ecolor="#252525",
            elinewidth=1.1,
            capsize=3,
            label="95% CI",
        )
    ax.set_yticks(positions, [f"{name}  (n={n})" for name, n in zip(table[group], table["n"])])
    for tick, ok in zip(ax.get_yticklabels(), shown):
        tick.set_color("#000000" if ok else SMALL_GROUP_TEXT)
    ax.invert_yaxis()
    _tone_axis(ax, score, axis="x")
    ax.set_ylabel(group_label)
    if len(table) == 0:
        ax.text(0, 0, "nothing to show", ha="center", va="center", color=SMALL_GROUP_TEXT)

    footnotes = list(notes)
    footnotes.append(f"Bars: mean; whiskers: {interval} of the mean (none when n < 2); n = number of {item_label}.")
    if top_n is not None and table.attrs.get("n_total", 0) > top_n:
        footnotes.append(
            f"Showing the {top_n} {_plural(group_label)} with the most {item_label} of {table.attrs['n_total']}."
        )
    if len(small):
        verb = "Greyed out (hatched)" if below_min == "grey" else "Left out"
        footnotes.append(
            f"{verb}: {len(small)} {group_label}(s) with fewer than {min_n} {item_label}: {_name_list(small[group])}."
        )
    n_without = summary.attrs.get("n_without_group", 0)
    if n_without:
        footnotes.append(f"Not shown: {n_without} {item_label} without a resolved {group_label}.")
    _decorate(fig, ax, title or f"Mean {SCORE_NAMES.get(score, score)} per {group_label}", footnotes)
    fig.newstone_data = table.reset_index(drop=True)
    fig.newstone_below_min = [str(name) for name in small[group]]
    return fig


def speaker_tone_chart(
    quotes: pd.DataFrame,
    score: str = "tone",
    min_n: int = 2,
    below_min: str = "grey",
    top_n: int | None = None,
    title: str | None = None,
) -> Figure:
    """Mean quote tone per official (resolved speaker), from the quotes table.

    Pass the quotes to chart already narrowed (:func:`newstone.analysis.select_speakers`):
    the chart calls its groups "officials" when every resolved speaker is a person whose
    role is official (or, for tables without roles, a person) and "speakers" otherwise, and
    its footnote names the speaker types and roles it includes. Quotes nested in another
    quote of the same speaker are counted once.
    """
    summary = tone_by_speaker(quotes, score)
    named = quotes[quotes["speaker"].notna()]
    types = sorted(named["speaker_type"].dropna().astype(str).unique()) if "speaker_type" in named.columns else []
    roles = sorted(named["speaker_role"].dropna().astype(str).unique()) if "speaker_role" in named.columns else []
    label = "official" if set(types) <= {"person"} and set(roles) <= {"official"} else "speaker"
    notes = ["A quote's tone is computed on the quoted words only, not the reporter's."]
    if types:
        notes.append(f"Speakers of type: {', '.join(types)}" + (f"; role: {', '.join(roles)}." if roles else "."))
    if summary.attrs.get("n_nested"):
        notes.append(NESTED_NOTE.format(n=summary.attrs["n_nested"]))
    fig = tone_bars(
        summary,
        "speaker",
        score=score,
        min_n=min_n,
        below_min=below_min,
        top_n=top_n,
        title=title or f"Mean {SCORE_NAMES.get(score, score)} of quotes per {label}",
        group_label=label,
        item_label="quotes",
        notes=tuple(notes),
    )
    fig.newstone_label = label  # "official" or "speaker", for the charts that follow it
    return fig


def speaker_country_tone_chart(
    summary: pd.DataFrame,
    score: str = "tone",
    min_n: int = 2,
    below_min: str = "grey",
    top_n: int | None = None,
    title: str | None = None,
) -> Figure:
    """Mean quote tone per speaker country, from ``aggregate.tone_by_speaker_country``.

    The footnote says how many quotes had no speaker country (not shown), how many took
    their speaker's country from the speakers table and how many nested quotes were
    counted once (the summary's ``attrs``).
    """
    attrs = dict(summary.attrs)
    codes = summary
    summary = with_country_labels(summary)
    summary.attrs = attrs
    notes = [SPEAKER_COUNTRY_NOTE]
    if attrs.get("n_country_from_speakers"):
        notes.append(COUNTRY_FALLBACK_NOTE.format(n=attrs["n_country_from_speakers"]))
    if attrs.get("n_nested"):
        notes.append(NESTED_NOTE.format(n=attrs["n_nested"]))
    return _with_codes(
        codes,
        tone_bars(
            summary,
            "country",
            n_col="n_quotes",
            score=score,
            min_n=min_n,
            below_min=below_min,
            top_n=top_n,
            group_label="speaker country",
            item_label="quotes",
            notes=tuple(notes),
            interval=COUNTRY_INTERVAL,
            title=title or f"Mean {SCORE_NAMES.get(score, score)} of quotes per speaker's country",
        ),
    )


def mentioned_country_tone_chart(
    summary: pd.DataFrame,
    score: str = "tone",
    min_n: int = 2,
    below_min: str = "grey",
    top_n: int | None = None,
    title: str | None = None,
) -> Figure:
    """Mean tone per mentioned country, from ``analysis.tone_by_mentioned_country``.

    With ``score="tone_toward"`` the chart shows tone toward each country and says so;
    with a sentence score it states that countries share their sentence's score: the
    number is then the tone of sentences that mention a country, not a tone *towards* it.
    """
    codes = summary
    summary = with_country_labels(summary)
    if score == "tone_toward":
        notes = (TOWARD_NOTE,)
        default_title = "Mean tone toward each country (n = sentences naming it)"
    else:
        notes = (SHARED_SENTENCE_NOTE, SENTENCE_SCORE_NOTE)
        default_title = f"Mean {SCORE_NAMES.get(score, score)} of sentences mentioning each country"
    return _with_codes(
        codes,
        tone_bars(
            summary,
            "country",
            n_col="n_sentences",
            score=score,
            min_n=min_n,
            below_min=below_min,
            top_n=top_n,
            group_label="mentioned country",
            item_label="sentences",
            notes=notes,
            interval=COUNTRY_INTERVAL,
            title=title or default_title,
        ),
    )


def _with_codes(summary: pd.DataFrame, fig: Figure) -> Figure:
    """``fig`` with ``newstone_keys``: the alpha-3 codes of the countries drawn, in order
    (the drawn table shows "Russia (RUS)"), for the charts that follow it."""
    labels = dict(zip(with_country_labels(summary)["country"], summary["country"]))
    fig.newstone_keys = [labels[label] for label in fig.newstone_data["country"]]
    return fig


def with_country_labels(table: pd.DataFrame, column: str = "country") -> pd.DataFrame:
    """``table`` with alpha-3 codes in ``column`` shown as "Russia (RUS)" for readers."""
    from newstone.nlp.countries import country_label

    return table.assign(**{column: table[column].map(country_label)})


def speaker_country_heatmap(
    matrix: pd.DataFrame,
    score: str = "tone",
    min_n: int = 2,
    top_speakers: int | None = None,
    top_countries: int | None = None,
    title: str | None = None,
    country_label: str = "Country mentioned in the quote",
    notes: tuple[str, ...] = (),
) -> Figure:
    """Speaker x country heatmap of mean tone, centred on zero (-1..1, RdBu).

    ``score`` names what the means are: ``"tone_toward"`` (tone toward the country in the
    quote's words; the default title and a footnote say so) or the whole quote's tone.

    ``matrix`` is long: ``speaker, country, n, mean`` (``aggregate.speaker_country_matrix``).
    Cells are annotated with the mean and n; cells with fewer than ``min_n`` items are
    masked (grey, hatched, n only) because one quote is an anecdote, not a tone. Rows and
    columns are ordered by their total n. ``fig.newstone_data`` holds ``mean``, ``n`` and
    ``masked`` matrices in drawing order.
    """
    matrix = with_country_labels(matrix)
    speakers = matrix.groupby("speaker")["n"].sum().sort_values(ascending=False, kind="stable")
    countries = matrix.groupby("country")["n"].sum().sort_values(ascending=False, kind="stable")
    speakers = _top_index(speakers, top_speakers)
    countries = _top_index(countries, top_countries)
    means = matrix.pivot_table(index="speaker", columns="country", values="mean", aggfunc="first")
    counts = matrix.pivot_table(index="speaker", columns="country", values="n", aggfunc="sum")
    means = means.reindex(index=speakers, columns=countries)
    counts = counts.reindex(index=speakers, columns=countries).fillna(0).astype(int)
    masked = (counts < min_n) | means.isna()

    # At most about a page wide: a wider figure is scaled down in the report and its cell
    # text becomes unreadable (issue 16); fewer, larger cells instead (top_countries).
    fig = Figure(
        figsize=(min(11.0, max(6.5, 3.8 + 0.62 * len(countries))), 2.6 + 0.46 * max(len(speakers), 1)),
        layout="constrained",
    )
    ax = fig.add_subplot()
    cmap = colormaps[DIVERGING_CMAP].with_extremes(bad=MISSING_CELL_COLOUR)
    values = np.ma.masked_array(means.to_numpy(dtype=float), mask=masked.to_numpy())
    image = ax.imshow(values, cmap=cmap, vmin=-1, vmax=1, aspect="auto", interpolation="nearest")
    for (i, j), n in np.ndenumerate(counts.to_numpy()):
        if masked.iat[i, j]:
            if n > 0:
                ax.add_patch(
                    Rectangle(
                        (j - 0.5, i - 0.5),
                        1,
                        1,
                        fill=False,
                        hatch="///",
                        edgecolor="#bdbdbd",
                        linewidth=0,
                        gid="masked",
                    )
                )
                ax.text(j, i, f"n={n}", ha="center", va="center", fontsize=HEATMAP_FONT - 1, color=SMALL_GROUP_TEXT)
            continue
        value = means.iat[i, j]
        ax.text(
            j,
            i,
            f"{value:+.2f}\nn={n}",
            ha="center",
            va="center",
            fontsize=HEATMAP_FONT,
            color="white" if abs(value) > 0.55 else "black",
        )
    ax.set_xticks(range(len(countries)), countries, rotation=40, ha="right", fontsize=HEATMAP_FONT)
    ax.set_yticks(range(len(speakers)), speakers, fontsize=HEATMAP_FONT)
    ax.set_xlabel(country_label)
    # Every resolved speaker type is charted here (a government or a group talks about
    # countries too), so the axis says "speaker", not "official".
    ax.set_ylabel("Speaker")
    colourbar = fig.colorbar(image, ax=ax, shrink=0.85)
    colourbar.set_label(f"mean {SCORE_NAMES.get(score, score)}\n(-1 negative, +1 positive)")
    what = (
        [TOWARD_NOTE]
        if score == "tone_toward"
        else [
            f"Each cell: mean {SCORE_NAMES.get(score, score)} of the whole quotes naming the country. "
            + SENTENCE_SCORE_NOTE
        ]
    )
    footnotes = (
        what
        + list(notes)
        + [f"Cells with fewer than {min_n} items are masked (grey, hatched, n only); empty cells: no items."]
    )
    if matrix.attrs.get("n_nested"):
        footnotes.append(NESTED_NOTE.format(n=matrix.attrs["n_nested"]))
    if top_speakers is not None or top_countries is not None:
        footnotes.append(
            f"Showing {len(speakers)} of {matrix['speaker'].nunique()} speakers and "
            f"{len(countries)} of {matrix['country'].nunique()} countries (most items first)."
        )
    default_title = (
        "Mean tone toward each country in each speaker's quotes"
        if score == "tone_toward"
        else f"Mean {SCORE_NAMES.get(score, score)} of quotes: speaker x country"
    )
    _decorate(fig, ax, title or default_title, footnotes)
    fig.newstone_data = {"mean": means, "n": counts, "masked": masked}
    return fig


def _top_index(totals: pd.Series, top: int | None) -> list:
    return list(totals.index if top is None else totals.index[:top])


def tone_timeline_chart(
    timeline: pd.DataFrame, score: str = "tone", item_label: str = "quotes", title: str | None = None
) -> Figure | None:
    """Mean tone per day or week with 95% CIs and n, or None with fewer than two periods.

    ``timeline`` is :func:`newstone.aggregate.tone_over_time`'s result; None tells a
    notebook to say "one date only" instead of drawing a one-point line.
    """
    if timeline.attrs.get("period") is None or len(timeline) < 2:
        return None
    unit = "day" if timeline.attrs["period"] == "D" else "week (starting Monday)"
    fig = Figure(figsize=(8.5, 4), layout="constrained")
    ax = fig.add_subplot()
    x = pd.to_datetime(timeline["period_start"])
    # The line is broken where a day or week has no item: joining the points across it
    # would draw a tone for days nobody wrote about.
    every_period = pd.date_range(x.min(), x.max(), freq="D" if timeline.attrs["period"] == "D" else "7D")
    line = pd.Series(timeline["mean"].to_numpy(dtype=float), index=x).reindex(every_period)
    ax.plot(every_period, line.to_numpy(), color="#2166ac", linewidth=1.5, gid="tone-line")
    ax.plot(x, timeline["mean"], linestyle="none", marker="o", color="#2166ac", label="mean")
    n_gaps = int(line.isna().sum())
    has_ci = timeline["ci_low"].notna().to_numpy()
    if has_ci.any():
        with_ci = timeline[has_ci]
        ax.errorbar(
            x[has_ci],
            with_ci["mean"],
            yerr=[with_ci["mean"] - with_ci["ci_low"], with_ci["ci_high"] - with_ci["mean"]],
            fmt="none",
            ecolor="#4d4d4d",
            elinewidth=1.1,
            capsize=3,
            label="95% CI",
        )
    for xi, yi, n in zip(x, timeline["mean"], timeline["n"]):
        ax.annotate(f"n={n}", (xi, yi), xytext=(6, 6), textcoords="offset points", ha="left", fontsize=8)
    if len(x) <= 16:
        ax.set_xticks(x, [f"{d:%Y-%m-%d}" for d in x])
    _tone_axis(ax, score, axis="y")
    ax.set_xlabel(f"publication {unit}")
    fig.autofmt_xdate()
    notes = [f"Mean per {unit}; whiskers: 95% t interval (none when n < 2); n = number of {item_label}."]
    if n_gaps:
        notes.append(f"The line breaks over {n_gaps} {unit.split()[0]}(s) without {item_label}.")
    if timeline.attrs.get("n_undated"):
        notes.append(f"Not shown: {timeline.attrs['n_undated']} {item_label} from articles without a readable date.")
    if timeline.attrs.get("n_nested"):
        notes.append(NESTED_NOTE.format(n=timeline.attrs["n_nested"]))
    _decorate(fig, ax, title or f"Mean {SCORE_NAMES.get(score, score)} of {item_label} over time", notes)
    fig.newstone_data = timeline
    return fig


def _tone_axis(ax, score: str, axis: str) -> None:
    """Fixed -1..1 tone scale with a zero line: equal distances mean equal differences."""
    label = f"mean {SCORE_NAMES.get(score, score)} (-1 negative ... +1 positive)"
    if axis == "x":
        ax.set_xlim(-1, 1)
        ax.axvline(0, color="#4d4d4d", linewidth=1, zorder=0)
        ax.set_xlabel(label)
        ax.grid(axis="x", color="#e5e5e5", linewidth=0.6, zorder=-1)
    else:
        ax.set_ylim(-1, 1)
        ax.axhline(0, color="#4d4d4d", linewidth=1, zorder=0)
        ax.set_ylabel(label.replace(" (", "\n("))
        ax.grid(axis="y", color="#e5e5e5", linewidth=0.6, zorder=-1)
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)


def _decorate(fig: Figure, ax, title: str, footnotes: list[str]) -> None:
    """Title on top, footnotes (what the chart shows and leaves out) below the axes."""
    fig.suptitle(title, x=0.01, ha="left", fontsize=12, fontweight="bold")
    wrapped = "\n".join(textwrap.fill(note, 110) for note in footnotes)
    fig.newstone_footnote = " ".join(footnotes)
    fig.supxlabel(wrapped, x=0.01, ha="left", fontsize=8, color="#404040")


def _plural(noun: str) -> str:
    return noun[:-1] + "ies" if noun.endswith("y") else noun + "s"


def _name_list(names, limit: int = 6) -> str:
    names = [str(n) for n in names]
    head = ", ".join(names[:limit])
    return head if len(names) <= limit else f"{head} and {len(names) - limit} more"


def save_png(fig: Figure, path, dpi: int = 110) -> None:
    """Write a chart as PNG (for README images); tight bounds keep the footnotes."""
    fig.savefig(path, format="png", dpi=dpi, bbox_inches="tight")
