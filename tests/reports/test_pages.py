"""Article pages and the index page of ``newstone report`` (lib/newstone/reports/pages.py)."""

from __future__ import annotations

import re

import newstone
from newstone.reports.pages import ReportResult, index_page, render_article_pages


def test_every_article_gets_a_page_and_a_repeat_names_the_article_it_repeats(tmp_path):
    story = "Head\n\n" + " ".join(f"Word{i} said the minister in a long statement." for i in range(12))
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(story, encoding="utf-8")
    (tmp_path / "in" / "b.txt").write_text(story, encoding="utf-8")  # an exact copy
    (tmp_path / "in" / "c.txt").write_text("Other\n\n“Fine,” Ms Lee said.", encoding="utf-8")
    corpus = newstone.read(tmp_path / "in")
    pages = render_article_pages(corpus.articles, corpus.quotes, corpus.mentions, tmp_path / "out", progress=False)
    assert pages == {"a": "a", "b": "b", "c": "c"}
    copy = (tmp_path / "out" / "articles" / "b.html").read_text()
    assert 'This article repeats <a href="a.html">a</a>' in copy and 'href="../index.html"' in copy
    lee = (tmp_path / "out" / "articles" / "c.html").read_text()
    assert "repeats" not in lee and "Ms Lee" in lee and lee.count('class="ns-quote"') == 1

    index = index_page(
        [ReportResult("one", ok=True, image=True, parameters={"top_n": 3}, data_line="**Data:** 3 article(s)"),
         ReportResult("two", ok=False, error="cell 2 raised ValueError: <x>")],
        {"top_n": 3},
        corpus.articles,
        pages,
    )  # fmt: skip
    assert "<strong>Data:</strong> 3 article(s)" in index and "<code>top_n</code> = <code>3</code>" in index
    assert 'href="one.html"' in index and 'src="img/one.png"' in index and "<tr class=ns-given>" in index
    assert "failed: cell 2 raised ValueError: &lt;x&gt;" in index and 'href="two.ipynb"' in index
    assert all(f'href="articles/{name}.html"' in index for name in "abc")
    assert not re.search(r"(src|href)=\"https?://", index)
