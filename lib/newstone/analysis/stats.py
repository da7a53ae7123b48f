"""Mean tone per group with a 95% t interval, per speaker, and the most extreme quotes.

Tone groups are often tiny (an official quoted 3 times), where the normal 1.96 would
understate the uncertainty by a lot, so intervals use Student's t.
"""

from __future__ import annotations

import math
from collections import Counter

import pandas as pd

from newstone.analysis.counting import count_once

# Two-sided 95% critical values of Student's t for 1..30 degrees of freedom. Tone groups
# are often tiny (an official quoted 3 times), where the normal 1.96 would understate the
# uncertainty by a lot (t = 4.30 for n = 3). Kept as a table: scipy is not a dependency.
_T_975 = (
    12.706,
    4.303,
    3.182,
    2.776,
    2.571,
    2.447,
    2.365,
    2.306,
    2.262,
    2.228,
    2.201,
    2.179,
    2.160,
    2.145,
    2.131,
    2.120,
    2.110,
    2.101,
    2.093,
    2.086,
    2.080,
    2.074,
    2.069,
    2.064,
    2.060,
    2.056,
    2.052,
    2.048,
    2.045,
    2.042,
)


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
    return (
        z
        + (z**3 + z) / (4 * dof)
        + (5 * z**5 + 16 * z**3 + 3 * z) / (96 * dof**2)
        + (3 * z**7 + 19 * z**5 + 17 * z**3 - 15 * z) / (384 * dof**3)
    )


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
    """Mean quote ``score`` per resolved speaker (unattributed quotes are counted aside).

    Speakers are told apart by ``speaker_id`` when the quotes have one (two people the
    corpus names alike stay two rows, the second labelled "Name (2)"), else by name. A
    statement is counted once: quotes nested in another quote of the same speaker are
    left out (:func:`count_once`); how many is in ``attrs["n_nested"]``.
    """
    once = count_once(quotes)
    if "speaker_id" not in once.columns or once["speaker_id"].isna().all():
        result = tone_by_group(once, "speaker", score)
    else:
        result = tone_by_group(once, "speaker_id", score)
        labels = once.dropna(subset=["speaker_id"]).drop_duplicates("speaker_id").set_index("speaker_id")["speaker"]
        result.insert(0, "speaker", result["speaker_id"].map(labels).astype("string"))
        seen: Counter = Counter()
        for index, row in result.sort_values("speaker_id").iterrows():  # namesakes, in id order
            seen[row["speaker"]] += 1
            if seen[row["speaker"]] > 1:
                result.at[index, "speaker"] = f"{row['speaker']} ({seen[row['speaker']]})"
    result.attrs["n_nested"] = once.attrs["n_nested"]
    return result


def select_speakers(quotes: pd.DataFrame, speaker_types=None, roles=None) -> pd.DataFrame:
    """Quotes whose ``speaker_type`` is in ``speaker_types`` and whose ``speaker_role`` is
    in ``roles`` (None or empty: no condition).

    Speakers include groups ("Analysts") and places standing for governments ("Moscow");
    ``speaker_types=["person"]`` narrows a chart to named people, ``roles=["official"]``
    to those who hold or seek public office or speak for a public body.
    """
    for column, wanted in (("speaker_type", speaker_types), ("speaker_role", roles)):
        if wanted:
            wanted = [wanted] if isinstance(wanted, str) else list(wanted)
            quotes = quotes[quotes[column].isin(wanted)]
    return quotes.reset_index(drop=True)


EXTREME_COLUMNS = ["speaker", "side", "rank", "score", "text", "article_id", "quote_id"]


def extreme_quotes(quotes: pd.DataFrame, n: int = 3, score: str = "tone", speakers=None) -> pd.DataFrame:
    """Up to ``n`` most negative and ``n`` most positive quotes of each speaker in ``speakers``.

    ``speakers`` is the list a chart drew, in its order (e.g. the ``speaker`` column of
    ``speaker_tone_chart(...).newstone_data``): the table then covers exactly the charted
    officials, at most ``2 * n`` rows each. None means every resolved speaker, by name,
    which on a real corpus is thousands of rows. "Most negative" only draws from quotes
    scored below zero and "most positive" from those above zero, so an official who was
    never negative gets no "negative" rows instead of their least positive quote passed
    off as one. ``side`` is "most negative" or "most positive"; ``rank`` 1 is the
    extreme. A statement is listed once (:func:`count_once`).
    """
    _require(quotes, ["speaker", score, "text", "article_id", "quote_id"])
    named = count_once(quotes)
    named = named[named["speaker"].notna() & named[score].notna()]
    groups = dict(tuple(named.groupby("speaker", sort=True)))
    order = sorted(groups) if speakers is None else list(dict.fromkeys(str(s) for s in speakers))
    rows = []
    for speaker in order:
        group = groups.get(speaker)
        if group is None:
            continue
        negatives = group[group[score] < 0].sort_values([score, "quote_id"], kind="stable").head(n)
        positives = group[group[score] > 0].sort_values(score, ascending=False, kind="stable").head(n)
        for side, picked in (("most negative", negatives), ("most positive", positives)):
            for rank, (_, q) in enumerate(picked.iterrows(), 1):
                rows.append(
                    {
                        "speaker": speaker,
                        "side": side,
                        "rank": rank,
                        "score": float(q[score]),
                        "text": q["text"],
                        "article_id": q["article_id"],
                        "quote_id": q["quote_id"],
                    }
                )
    return pd.DataFrame.from_records(rows, columns=EXTREME_COLUMNS)


def _require(table: pd.DataFrame, columns: list[str]) -> None:
    missing = [c for c in columns if c not in table.columns]
    if missing:
        raise KeyError(f"table lacks column(s) {missing}; has {list(table.columns)}")


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
