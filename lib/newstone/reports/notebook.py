"""What the report notebooks call: load their input, describe it, record what they showed.

Notebooks run with their own folder as the working directory (as in JupyterLab and under
``newstone report``), so their default input ``../data/processed`` is the project's parsed
sample; until ``make report`` has parsed it, the bundled sample article is read instead.

:func:`record` leaves machine-readable facts about what a notebook showed (speakers
charted, groups left out...) in its outputs; :func:`read_records` reads them back from an
executed notebook, for tests and for anyone auditing a report.
"""

from __future__ import annotations

import glob
import json
import os
from datetime import date, datetime
from typing import Any

RECORD_MIME = "application/vnd.newstone.record+json"
# Both relative to the notebook's folder (the working directory a notebook runs in).
DEFAULT_INPUT = "../data/processed"
SAMPLE_INPUT = "../data/sample_reuters_putin_north_korea.txt"


def record(name: str, value: Any) -> None:
    """Leave ``name = value`` in the notebook's outputs (JSON), invisibly.

    The value travels as a display output with a newstone MIME type, so it is saved in
    the executed .ipynb (like scrapbook's ``glue``) but stripped from the HTML report.
    """
    from IPython.display import display

    payload = json.loads(json.dumps({"name": name, "value": value}, default=_json_default))
    display({RECORD_MIME: payload, "text/plain": ""}, raw=True)


def _json_default(value):
    if hasattr(value, "item"):  # numpy / pandas scalars
        return value.item()
    if hasattr(value, "tolist"):
        return value.tolist()
    if isinstance(value, (date, datetime)) or hasattr(value, "isoformat"):
        return value.isoformat()
    if value is None or value != value:  # NaN
        return None
    return str(value)


def read_records(notebook) -> dict[str, Any]:
    """Every value a notebook :func:`record`-ed, by name (later records win)."""
    import nbformat

    nb = nbformat.read(os.fspath(notebook), as_version=4) if isinstance(notebook, (str, os.PathLike)) else notebook
    records = {}
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            payload = output.get("data", {}).get(RECORD_MIME)
            if payload is not None:
                records[payload["name"]] = payload["value"]
    return records


def readable(table, digits: int = 3):
    """``table`` rounded, with missing values shown as "–" (not NaN or <NA>): for
    displaying in a report. A one-quote official has no interval, and says so quietly."""
    rounded = table.round(digits)
    return rounded.astype(object).where(rounded.notna(), "\u2013")


def resolve_input(input_path: str | None = DEFAULT_INPUT) -> str:
    """The path a notebook should read.

    The notebooks' default (``../data/processed``, written by ``make report``) falls back
    to the bundled sample article when it has not been parsed yet; any other path must
    exist (or be a glob matching something): a typo must not silently chart the sample.
    """
    input_path = DEFAULT_INPUT if input_path is None else os.fspath(input_path)
    if os.path.exists(input_path) or (glob.has_magic(input_path) and glob.glob(input_path)):
        return input_path
    if input_path == DEFAULT_INPUT and os.path.exists(SAMPLE_INPUT):
        return SAMPLE_INPUT
    raise FileNotFoundError(f"input_path {input_path!r} does not exist (cwd: {os.getcwd()})")


def load_input(input_path: str | None = DEFAULT_INPUT, date_from=None, date_to=None, near_duplicates=None):
    """The tables of ``input_path`` restricted to [date_from, date_to], each story counted
    once (:func:`~newstone.analysis.counting.drop_duplicate_articles` with the
    ``near_duplicates`` threshold, default 0.8), and where they came from.

    Returns ``(tables, source)``: ``tables`` maps "articles", "sentences", "quotes",
    "mentions" (restricted to the window) and "speakers" (the whole corpus) to
    DataFrames; ``source`` is the path actually read.
    """
    import newstone
    from newstone.analysis.counting import drop_duplicate_articles
    from newstone.analysis.dates import filter_tables
    from newstone.dataset.duplicates import DEFAULT_THRESHOLD

    source = resolve_input(input_path)
    corpus = newstone.read(source)
    tables = {
        "articles": corpus.articles,
        "sentences": corpus.sentences,
        "quotes": corpus.quotes,
        "mentions": corpus.mentions,
    }
    threshold = DEFAULT_THRESHOLD if near_duplicates is None else float(near_duplicates)
    # the stored duplicate_of column holds for the whole corpus; in a date window the first
    # article of a story may be another one, so the window is compared afresh
    whole_corpus = date_from is None and date_to is None
    filtered = drop_duplicate_articles(
        filter_tables(tables, date_from, date_to), threshold, corpus.duplicate_threshold if whole_corpus else None
    )
    # The whole corpus's speakers table, also under a date filter: a speaker's country is
    # a fact about the speaker, read from every quote that gives it.
    filtered["speakers"] = corpus.speakers
    return filtered, source


def describe_input(tables: dict, source: str, date_from=None, date_to=None) -> str:
    """A Markdown paragraph saying what the report is based on."""
    from newstone.analysis.dates import date_range_note

    articles, quotes = tables["articles"], tables["quotes"]
    failed = int(articles["error"].notna().sum()) if "error" in articles.columns else 0
    attributed = int(quotes["speaker"].notna().sum()) if "speaker" in quotes.columns else 0
    window = ""
    if date_from is not None or date_to is not None:
        window = f" Date filter: {date_from or '…'} to {date_to or '…'} (undated articles excluded)."
    return (
        f"**Data:** {len(articles)} article(s) from `{os.path.basename(os.path.normpath(source))}`"
        f"{f' ({failed} could not be processed)' if failed else ''}"
        f"{duplicates_note(articles.attrs)}, "
        f"{len(quotes)} quote(s), "
        f"{attributed} with a resolved speaker, {len(tables['mentions'])} country mention(s). "
        f"{date_range_note(articles)}{window}"
    )


def duplicates_note(attrs: dict) -> str:
    """ " (3 exact copies and 2 near duplicates (shingle similarity ≥ 0.8) of other
    articles left out)", or nothing when no article repeats another."""
    total = attrs.get("n_duplicates", 0)
    if not total:
        return ""
    exact = attrs.get("n_exact_duplicates", 0)
    near = total - exact
    parts = [f"{exact} exact cop{'y' if exact == 1 else 'ies'}"] if exact else []
    if near:
        threshold = attrs.get("duplicate_threshold")
        similarity = f" (shingle similarity ≥ {threshold:g})" if threshold is not None else ""
        parts.append(f"{near} near duplicate{'' if near == 1 else 's'}{similarity}")
    return f" ({' and '.join(parts)} of other articles left out)"


def markdown_line(text: str) -> str:
    """A line of the Markdown the notebooks print (``**bold**``, ```code```) as HTML."""
    import html
    import re

    escaped = html.escape(text)
    escaped = re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", escaped)
    return re.sub(r"`(.+?)`", r"<code>\1</code>", escaped)


def describe_selection(speaker_types, roles, n_quotes: int) -> str:
    """A Markdown line saying which speakers a chart keeps ("named people whose role is
    official: 412 quote(s)")."""
    parts = []
    if speaker_types:
        types = [speaker_types] if isinstance(speaker_types, str) else list(speaker_types)
        parts.append(f"speakers of type {', '.join(map(str, types))}")
    if roles:
        roles = [roles] if isinstance(roles, str) else list(roles)
        parts.append(f"role {', '.join(map(str, roles))}")
    kept = " and ".join(parts) if parts else "every speaker"
    return f"Only {kept}: {n_quotes} quote(s)." if parts else f"Every speaker: {n_quotes} quote(s)."
