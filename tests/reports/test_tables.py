"""Searchable, sortable tables with a CSV download, as HTML (lib/newstone/reports/tables.py);
their behaviour in a browser is tested in test_corpus_reports.py."""

from __future__ import annotations

import re

import pandas as pd

from newstone.reports.tables import MISSING, interactive_table


def cells(html: str) -> list[str]:
    return re.findall(r"<td[^>]*>.*?</td>", html, flags=re.DOTALL)


def test_cells_are_escaped_numbers_keep_their_value_and_missing_values_are_empty():
    frame = pd.DataFrame(
        {
            "speaker": ["Ana <b>", None],
            "tone": [-0.123456, float("nan")],
            "n": pd.array([3, None], dtype="Int64"),
            "text": ["line one\n\nline two", "plain"],
            "day": [pd.Timestamp("2024-03-04"), pd.NaT],
        }
    )
    html = interactive_table(frame, "quotes", formats={"tone": "{:+.2f}"})
    row_one, row_two = cells(html)[:5], cells(html)[5:]
    assert row_one == [
        "<td>Ana &lt;b&gt;</td>",
        '<td data-value="-0.123456" class=ns-num>-0.12</td>',
        "<td class=ns-num>3</td>",
        "<td>line one\n\nline two</td>",  # the line breaks stay (white-space: pre-line)
        "<td>2024-03-04</td>",
    ]
    assert all(f">{MISSING}</td>" in c and 'data-value=""' in c for c in row_two if "plain" not in c)
    assert 'data-name="quotes"' in html and 'data-column="tone" data-type="number"' in html
    assert 'data-column="speaker" data-type="text"' in html
    assert "text-align:left" in html and "white-space:pre-line" in html


def test_links_and_a_table_without_rows():
    frame = pd.DataFrame({"article_id": ["a/1", "b"]})
    html = interactive_table(
        frame, "articles", links={"article_id": lambda a: f"articles/{a}.html" if a != "b" else None}
    )
    assert '<td><a href="articles/a/1.html">a/1</a></td>' in html and "<td>b</td>" in html
    assert "<tbody></tbody>" in interactive_table(frame.iloc[:0], "empty")


def test_the_page_loads_nothing_and_the_script_is_small():
    html = interactive_table(pd.DataFrame({"x": [1]}), "t")
    assert not re.search(r"(src|href)=\"?https?://", html) and "<script src" not in html
    script = html[html.index("<script>") :]
    assert len(script.encode()) < 4096
