"""Small table aggregations behind the charts: mean tone per group with a confidence
interval, tone over time, date filtering and the most negative/positive quotes.

Everything here takes and returns plain DataFrames (the tables of :mod:`newstone.schema`)
so charts and notebooks can be tested on hand-built tables. The country tables (tone by
mentioned country, by speaker country, who talks about which country) are here too;
:mod:`newstone.countries` finds the mentions they count.
"""
from __future__ import annotations

import math
import re
import warnings
from datetime import datetime
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
    """Mean quote ``score`` per resolved speaker (unattributed quotes are counted aside).

    A statement is counted once: quotes nested in another quote of the same speaker are
    left out (:func:`count_once`); how many is in ``attrs["n_nested"]``.
    """
    once = count_once(quotes)
    result = tone_by_group(once, "speaker", score)
    result.attrs["n_nested"] = once.attrs["n_nested"]
    return result


# ---------------------------------------------------------------------------------------
# Dates


# Explicit formats tried, in order, after ISO 8601 (``datetime.fromisoformat``). Written out
# because pandas' format guessing misreads some of them: it took Reuters-21578's
# "26-FEB-1987 15:02:20.00" for "%d-FEB-%Y %H:%m:%S" (minutes read as the month, so
# 15:02:20 became 15:00:20) and warned about it in every report. Month names match in
# any case ("FEB", "Feb"); a trailing zone name or offset is read, then dropped.
DATE_FORMATS = [
    "%d-%b-%Y %H:%M:%S.%f",       # 26-FEB-1987 15:01:01.79 (Reuters-21578)
    "%d-%b-%Y %H:%M:%S",          # 26-FEB-1987 15:01:01
    "%d-%b-%Y",                   # 26-FEB-1987
    "%a, %d %b %Y %H:%M:%S %z",   # Tue, 03 Jun 2008 11:05:30 +0000 (RFC 2822, RSS)
    "%a, %d %b %Y %H:%M:%S %Z",   # Tue, 03 Jun 2008 11:05:30 GMT
    "%a, %d %b %Y %H:%M %z",      # Tue, 03 Jun 2008 11:05 +0000
    "%d %b %Y %H:%M:%S %z",       # 03 Jun 2008 11:05:30 +0000 (RFC 2822 without weekday)
    "%d %b %Y %H:%M:%S %Z",       # 03 Jun 2008 11:05:30 GMT
    "%B %d, %Y",                  # June 20, 2024
    "%b %d, %Y",                  # Jun 20, 2024
    "%B %d, %Y %H:%M",            # June 20, 2024 14:05
    "%d %B %Y",                   # 20 June 2024
    "%d %b %Y",                   # 20 Jun 2024
    "%Y/%m/%d",                   # 2024/06/20
]
# The last resort (dateutil's parser) only gets text holding a four-digit year, so a
# stray "soon" or "3" never becomes a date.
_YEAR = re.compile(r"(?<!\d)(1[89]|2[01])\d\d(?!\d)")


def parse_date(text) -> pd.Timestamp:
    """One publication date as a naive Timestamp, NaT when unreadable; never warns.

    ISO 8601 first, then :data:`DATE_FORMATS` in order, then dateutil's parser for what
    neither knows (only when the text holds a four-digit year). A time zone is dropped,
    not converted, so an article keeps the calendar day its outlet printed.
    """
    if text is None or text is pd.NA or (isinstance(text, float) and math.isnan(text)):
        return pd.NaT
    text = " ".join(str(text).split())
    if not text:
        return pd.NaT
    parsed = None
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        for layout in DATE_FORMATS:
            try:
                parsed = datetime.strptime(text, layout)
                break
            except ValueError:
                continue
    if parsed is None and _YEAR.search(text):
        from dateutil import parser as dateutil_parser

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                parsed = dateutil_parser.parse(text)
            except (ValueError, OverflowError, TypeError):
                parsed = None
    if parsed is None:
        return pd.NaT
    try:
        return pd.Timestamp(parsed.replace(tzinfo=None)).as_unit("ns")
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
    return {name: (table[table["article_id"].astype(str).isin(kept_ids)].reset_index(drop=True)
                   if "article_id" in table.columns else table)
            for name, table in tables.items()}


def drop_duplicate_articles(tables: dict) -> dict:
    """The tables without the articles whose text is exactly that of an earlier article.

    Corpora repeat stories (BBC holds 98 copies of other articles under other file names;
    feeds republish wire copy): each copy would count its quotes and mentions again in
    every chart. Duplicates are found by ``content_hash`` among articles processed without
    error; the first in table order is kept. The number left out is in
    ``tables["articles"].attrs["n_duplicates"]``.
    """
    articles = tables["articles"]
    hashed = articles[articles["content_hash"].notna() & articles["error"].isna()]
    repeated = set(hashed.loc[hashed["content_hash"].duplicated(), "article_id"].astype(str))
    kept = {name: (table[~table["article_id"].astype(str).isin(repeated)].reset_index(drop=True)
                   if "article_id" in table.columns and repeated else table)
            for name, table in tables.items()}
    kept["articles"].attrs["n_duplicates"] = len(repeated)
    return kept


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


def extreme_quotes(quotes: pd.DataFrame, n: int = 3, score: str = "tone",
                   speakers=None) -> pd.DataFrame:
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
                rows.append({"speaker": speaker, "side": side, "rank": rank, "score": float(q[score]),
                             "text": q["text"], "article_id": q["article_id"], "quote_id": q["quote_id"]})
    return pd.DataFrame.from_records(rows, columns=EXTREME_COLUMNS)


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
    if quotes.empty or not {"article_id", "speaker", "quote_id"} <= columns or not (
            "spans" in columns or {"start", "end"} <= columns):
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
                holder = next((outer_id for _, outer_id, outer_spans in outermost
                               if all(any(ob <= b and e <= oe for ob, oe in outer_spans) for b, e in spans)), None)
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
    mapping = {} if not nested.any() else {
        (str(a), int(q)): int(o) for a, q, o in
        zip(quotes.loc[nested, "article_id"], quotes.loc[nested, "quote_id"], outer[nested])}
    kept.attrs = {**quotes.attrs, "n_nested": int(nested.sum()) + quotes.attrs.get("n_nested", 0),
                  "nested_in": {**quotes.attrs.get("nested_in", {}), **mapping}}
    return kept


def _require(table: pd.DataFrame, columns: list[str]) -> None:
    missing = [c for c in columns if c not in table.columns]
    if missing:
        raise KeyError(f"table lacks column(s) {missing}; has {list(table.columns)}")


__all__ = ["t_critical", "mean_ci", "tone_by_group", "tone_by_speaker", "parse_published",
           "choose_period", "tone_over_time", "date_range_note", "articles_between",
           "filter_tables", "quotes_by_speaker_type", "extreme_quotes", "nested_in", "count_once",
           "DATE_FORMATS", "parse_date", "with_speaker_country"]


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


SPEAKER_COUNTRY_SOURCE = ("quote", "speakers table")


def with_speaker_country(quotes: pd.DataFrame, speakers: Optional[pd.DataFrame] = None) -> pd.DataFrame:
    """``quotes`` with ``country`` (the speaker's country to chart) and ``country_source``.

    ``country`` is the quote's own ``speaker_country`` when it has one ("quote"). Else,
    for a resolved speaker (``speaker`` not null) whose row in the speakers table has a
    ``country``, that corpus-wide country ("speakers table"): most BBC articles call Tony
    Blair "Mr Blair" without his title, so 251 of his 257 quotes carry no country of their
    own while the speakers table, built from the quotes that do, says GBR. Quotes without
    a speaker, or whose speaker has no country anywhere, stay without one. The quotes
    table passed in is not changed.
    """
    country = quotes["speaker_country"].astype("string")
    source = pd.Series(pd.NA, index=quotes.index, dtype="string").mask(country.notna(), SPEAKER_COUNTRY_SOURCE[0])
    if speakers is not None and len(speakers):
        known = speakers.loc[speakers["speaker"].notna() & speakers["country"].notna(), ["speaker", "country"]]
        known = known.drop_duplicates("speaker").set_index("speaker")["country"].astype("string")
        fallback = pd.Series(known.reindex(quotes["speaker"].astype("string")).to_numpy(),
                             index=quotes.index, dtype="string")
        use = country.isna() & quotes["speaker"].notna() & fallback.notna()
        country = country.mask(use, fallback)
        source = source.mask(use, SPEAKER_COUNTRY_SOURCE[1])
    return quotes.assign(country=country, country_source=source)


def tone_by_speaker_country(quotes: pd.DataFrame, score: str = "compound",
                            speakers: Optional[pd.DataFrame] = None) -> pd.DataFrame:
    """Tone of quotes grouped by the speaker's country.

    ``country, n_quotes, mean, ci_low, ci_high`` (95% Student-t interval, NaN when
    n < 2). The country is the quote's own ``speaker_country`` or, given the ``speakers``
    table, the speaker's corpus-wide country when the quote has none
    (:func:`with_speaker_country`). Quotes nested in another quote of the same speaker
    count once (:func:`count_once`). ``attrs``: ``n_without_group`` (scored quotes left
    out for want of a country), ``n_country_from_speakers`` (quotes charted with the
    speakers-table country) and ``n_nested``.
    """
    once = count_once(quotes)
    located = with_speaker_country(once, speakers)
    scored = located[located[score].notna()]
    charted = scored.loc[scored["country"].notna(), ["country", score]]
    table = summarise(charted, "country", score, count_name="n_quotes")
    table = table[["country", "n_quotes", "mean", "ci_low", "ci_high"]]
    table.attrs = {"n_without_group": int(len(scored) - len(charted)),
                   "n_country_from_speakers": int((scored["country_source"] == SPEAKER_COUNTRY_SOURCE[1]).sum()),
                   "n_nested": once.attrs["n_nested"]}
    return table


def speaker_country_matrix(quotes: pd.DataFrame, mentions: pd.DataFrame,
                           score: str = "compound") -> pd.DataFrame:
    """Who talks about which country, and in which tone: long format ``speaker, country, n, mean``.

    A mention belongs to a quote when its ``quote_id`` equals the quote's within the same
    ``article_id``. ``n`` counts quotes (a quote naming Russia twice counts once); ``mean``
    is the mean score of those quotes. Quotes without a resolved speaker are left out, and
    a quote nested in another quote of the same speaker counts once (:func:`count_once`):
    its mentions count for the quote holding it.
    """
    keys = ["article_id", "quote_id"]
    once = count_once(quotes)
    quoted = mentions.loc[mentions["quote_id"].notna() & mentions["country"].notna(),
                          keys + ["country"]]
    quoted = quoted.astype({"article_id": "string", "quote_id": "int64"})
    moved = once.attrs["nested_in"]
    if moved:
        quoted["quote_id"] = [moved.get((str(a), int(q)), int(q)) for a, q in
                              zip(quoted["article_id"], quoted["quote_id"])]
    quoted = quoted.drop_duplicates()
    speakers = once.loc[once["speaker"].notna(), keys + ["speaker", score]]
    speakers = speakers.astype({"article_id": "string"})
    speakers = speakers.astype({"quote_id": "int64"})
    joined = quoted.merge(speakers, on=keys, how="inner")
    grouped = joined.groupby(["speaker", "country"], sort=True)[score]
    table = grouped.agg(n="size", mean="mean").reset_index()
    table = table.sort_values(["n", "speaker", "country"], ascending=[False, True, True],
                              ignore_index=True)[["speaker", "country", "n", "mean"]]
    table.attrs = {"n_nested": once.attrs["n_nested"]}
    return table


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
