"""Pages ``newstone report`` writes besides the notebooks: one explorer page per article
(``--per-article``) and ``index.html``, which links every report and every article page.

The pages need no kernel: they are written from the tables in this process. The article
tables are split by article once (a mask per article over the whole quotes table cost
most of the 133 s that 2,127 BBC pages took), and a progress bar shows how far it is.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from newstone.reports.explorer import ARTICLE_CSS, explorer_html
from newstone.reports.tables import TABLE_CSS, interactive_table

PAGE_CSS = (
    "<style>body{margin:2em auto;max-width:64em;padding:0 1em;font-family:system-ui,sans-serif;line-height:1.45}"
    "h1{font-size:1.5em}.ns-note{background:#fff8e1;border-left:4px solid #f0c36d;padding:.4em .8em}"
    ".ns-reports{display:flex;flex-wrap:wrap;gap:1.2em}.ns-report{width:18em}.ns-report img{width:100%;"
    "border:1px solid #ddd}.ns-failed{color:#b2182b}.ns-params{font-size:.8em;margin-top:.4em}"
    ".ns-params td,.ns-params th{text-align:left;padding:0 6px;vertical-align:top;font-weight:normal}"
    ".ns-params .ns-given{font-weight:bold}</style>"
)


def safe_file_name(article_id: str, taken: set[str]) -> str:
    """A file name for an article id ("politics/001" -> "politics_001"), unique in ``taken``."""
    name = re.sub(r"[^A-Za-z0-9._-]+", "_", str(article_id)).strip("._") or "article"
    candidate, counter = name, 2
    while candidate in taken:
        candidate, counter = f"{name}_{counter}", counter + 1
    taken.add(candidate)
    return candidate


def page(title: str, body: str) -> str:
    """A standalone HTML page: our styles inline, nothing loaded from anywhere."""
    return (
        f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
        f"{PAGE_CSS}</head><body>{body}</body></html>\n"
    )


def article_page(tables: dict, article_id: str, score: str = "tone", note: str = "") -> str:
    """A standalone HTML page of the article explorer for one article (``tables`` may hold
    only that article's rows)."""
    title = tables["articles"].loc[tables["articles"]["article_id"] == article_id, "title"]
    heading = str(title.iloc[0]) if len(title) and isinstance(title.iloc[0], str) else article_id
    back = '<p><a href="../index.html">All reports and articles</a></p>'
    body = f"{back}<h1>{html.escape(heading)}</h1>{note}{explorer_html(tables, article_id, score)}"
    return page(heading, body)


def duplicate_note(article: pd.Series, names: dict[str, str]) -> str:
    """What a page says of an article that repeats another: reports count the first."""
    first = article.get("duplicate_of")
    if not isinstance(first, str) or not first:
        return ""
    target = names.get(first)
    link = f'<a href="{html.escape(target)}.html">{html.escape(first)}</a>' if target else html.escape(first)
    return f'<p class="ns-note">This article repeats {link}; reports count only that one.</p>'


def render_article_pages(articles, quotes, mentions, output_dir: Path, score: str = "tone", progress: bool = True):
    """Write ``<output_dir>/articles/<id>.html`` for every article; returns
    ``{article_id: file name without .html}``, in table order."""
    from newstone.dataset.local import progress_bar

    folder = output_dir / "articles"
    folder.mkdir(parents=True, exist_ok=True)
    taken: set[str] = set()
    names = {str(a): safe_file_name(a, taken) for a in articles["article_id"]}
    quotes_of = _split(quotes)
    mentions_of = _split(mentions)
    bar = progress_bar(progress, len(articles))
    try:
        for position in range(len(articles)):
            one = articles.iloc[[position]]
            article_id = str(one["article_id"].iloc[0])
            tables = {
                "articles": one,
                "quotes": quotes_of.get(article_id, quotes.iloc[:0]),
                "mentions": mentions_of.get(article_id, mentions.iloc[:0]),
            }
            note = duplicate_note(one.iloc[0], names)
            (folder / f"{names[article_id]}.html").write_text(
                article_page(tables, article_id, score, note), encoding="utf-8"
            )
            bar.update(1)
    finally:
        bar.close()
    return names


def _split(table: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """``table``'s rows of each article, as slices of one sorted copy (pandas' groupby
    took 3 s to hand out BBC's 2,225 groups)."""
    if not len(table):
        return {}
    ids = table["article_id"].astype(str).to_numpy()
    order = np.argsort(ids, kind="stable")
    ordered, ids = table.iloc[order], ids[order]
    bounds = np.flatnonzero(ids[1:] != ids[:-1]) + 1
    starts, ends = np.r_[0, bounds], np.r_[bounds, len(ids)]
    return {ids[start]: ordered.iloc[start:end] for start, end in zip(starts, ends)}


@dataclass
class ReportResult:
    """One notebook's outcome, for the index page."""

    name: str
    ok: bool
    error: str = ""
    image: bool = False
    parameters: dict = field(default_factory=dict)
    data_line: str = ""


def index_page(
    reports: Sequence[ReportResult],
    given: dict,
    articles: pd.DataFrame | None = None,
    pages: dict[str, str] | None = None,
) -> str:
    """``index.html``: the data line, the parameters given, a card per report (its first
    chart, the parameters it ran with, those given in bold) and, after ``--per-article``,
    a searchable table of the articles linking their pages."""
    from newstone.reports.notebook import markdown_line

    data_line = next((r.data_line for r in reports if r.data_line), "")
    parts = ["<h1>newstone reports</h1>"]
    if data_line:
        parts.append(f"<p>{markdown_line(data_line)}</p>")
    if given:
        parts.append("<p>Parameters given: " + ", ".join(_parameter(k, v) for k, v in given.items()) + ".</p>")
    cards = []
    for report in reports:
        if report.ok:
            image = f'<img src="img/{html.escape(report.name)}.png" alt="">' if report.image else ""
            head = f'<a href="{html.escape(report.name)}.html"><strong>{html.escape(report.name)}</strong>{image}</a>'
        else:
            head = (
                f'<strong>{html.escape(report.name)}</strong> <span class="ns-failed">failed: '
                f'{html.escape(report.error)}</span> (<a href="{html.escape(report.name)}.ipynb">notebook</a>)'
            )
        used = "".join(
            f"<tr{' class=ns-given' if k in given else ''}><th>{html.escape(k)}</th>"
            f"<td>{html.escape(_shown(v))}</td></tr>"
            for k, v in report.parameters.items()
        )
        cards.append(f'<div class="ns-report">{head}<table class="ns-params">{used}</table></div>')
    parts.append(f'<h2>Reports</h2><div class="ns-reports">{"".join(cards)}</div>')
    if articles is not None and pages:
        columns = ("article_id", "title", "folder", "source", "published", "n_quotes", "duplicate_of", "error")
        listing = articles[[c for c in columns if c in articles.columns]].reset_index(drop=True)
        parts.append(f"<h2>Articles ({len(listing)})</h2><p>One explorer page per article.</p>")
        parts.append(
            interactive_table(
                listing,
                "articles",
                links={
                    "article_id": lambda a: f"articles/{pages[str(a)]}.html" if str(a) in pages else None,
                    "duplicate_of": lambda a: f"articles/{pages[str(a)]}.html" if str(a) in pages else None,
                },
            )
        )
    return page("newstone reports", ARTICLE_CSS + TABLE_CSS + "".join(parts))


def _parameter(name: str, value) -> str:
    return f"<code>{html.escape(name)}</code> = <code>{html.escape(_shown(value))}</code>"


def _shown(value) -> str:
    return "null" if value is None else str(value)
