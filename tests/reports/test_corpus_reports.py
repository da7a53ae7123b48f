"""The reports on a corpus our tests write (tests/helpers/corpus.py): groups compared,
a near duplicate counted once, trends per official, the index page, and the interactive
tables in a real browser: search, sort, CSV download, no console error, no outside
request (lib/newstone/reports/)."""

from __future__ import annotations

import csv
import io
import re

import pytest

from newstone.dataset.parse import parse_to_dataset
from newstone.reports import notebook, render
from tests.helpers.corpus import write_report_corpus
from tests.reports.test_render import ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, report_args


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The corpus parsed, then every report with ``group_by folder`` and the article pages."""
    root = tmp_path_factory.mktemp("corpus")
    write_report_corpus(root / "in")
    parse_to_dataset([str(root / "in")], str(root / "dataset"))
    out = root / "reports"
    args = report_args(
        output_dir=str(out),
        input=str(root / "dataset"),
        per_article=True,
        no_progress=True,
        parameter=[["group_by", "folder"], ["title", "Wire talks"]],
    )
    assert render.run_reports(args) == 0
    return out


def test_officials_are_compared_across_folders_and_the_difference_flagged(built):
    records = notebook.read_records(built / "tone_by_official.ipynb")
    assert records["groups"] == ["wire_a", "wire_b"]
    flagged = {(d["higher"], d["lower"]) for d in records["group_differences"]}
    assert flagged == {("wire_a", "wire_b")}  # warm in one wire, harsh in the other
    assert len(records["group_differences"]) == 2  # Claire Dubois and Irina Volkova
    page = (built / "tone_by_official.html").read_text()
    assert 'data-name="officials_by_group"' in page and 'data-name="group_differences"' in page


def test_the_near_duplicate_is_counted_once_and_the_data_line_says_so(built):
    records = notebook.read_records(built / "tone_by_official.ipynb")
    assert records["n_articles"] == 8 and records["n_duplicates"] == 1
    assert "1 near duplicate (shingle similarity ≥ 0.8) of other articles left out" in records["data_line"]
    assert records["n_listed_quotes"] == 16  # 8 stories x 2 officials, not the copy's 2 again


def test_trends_per_official_and_per_country(built):
    official = notebook.read_records(built / "tone_by_official.ipynb")
    assert official["trend_speakers"] == ["Claire Dubois", "Irina Volkova"]
    assert len(official["timeline_periods"]) >= 2
    country = notebook.read_records(built / "tone_by_country.ipynb")
    assert country["groups"] == ["wire_a", "wire_b"]
    assert "France (FRA)" in country["mentioned_countries"] or country["trend_countries"] is not None


def test_the_index_links_every_report_and_article_page(built):
    index = (built / "index.html").read_text()
    for name in ("tone_by_official", "tone_by_country", "article_explorer"):
        assert f'href="{name}.html"' in index and (built / f"{name}.html").exists()
    pages = sorted(p.name for p in (built / "articles").glob("*.html"))
    assert len(pages) == 9  # every article, the near copy too
    for page in pages:
        assert f'href="articles/{page}"' in index
    assert "1 near duplicate" in index and "group_by</code> = <code>folder" in index
    copy = (built / "articles" / "wire_b-copy.html").read_text()
    assert 'repeats <a href="wire_a-01.html">wire_a-01</a>' in copy
    assert not re.search(r"(src|href)=\"https?://", index + copy)


# --- a real browser ---


def shown_column(page, table, column: int) -> list[str]:
    return table.locator(f"tbody tr:not([hidden]) td:nth-child({column})").all_text_contents()


def test_interactive_tables_in_chromium(built):
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium not installed (apt-get install -y chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    ARTIFACTS.mkdir(exist_ok=True)
    problems: dict[str, list] = {"console": [], "remote": []}
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1200, "height": 900}, accept_downloads=True)
            page.on("console", lambda m: problems["console"].append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda exc: problems["console"].append(str(exc)))

            def block_remote(route):
                problems["remote"].append(route.request.url)
                route.abort()

            page.route(re.compile(r"^https?://"), block_remote)
            page.goto((built / "tone_by_official.html").as_uri(), wait_until="load")
            table = page.locator('.ns-table[data-name="quotes"]')
            headers = table.locator("thead th").all_text_contents()
            speaker, tone, quote = (headers.index(h) + 1 for h in ("speaker", "tone", "quote"))
            assert table.locator("tbody tr").count() == 16
            assert table.locator(".ns-count").text_content() == "16 rows"

            table.locator("input[type=search]").fill("volkova")  # search filters
            assert set(shown_column(page, table, speaker)) == {"Irina Volkova"}
            assert table.locator(".ns-count").text_content() == "8 of 16 rows"
            table.locator("input[type=search]").fill("volkova wire_b")  # every word must appear
            assert len(shown_column(page, table, speaker)) == 4

            table.locator("thead th button", has_text="tone").click()  # sorting
            ascending = [float(v) for v in shown_column(page, table, tone)]
            assert (
                ascending == sorted(ascending)
                and table.locator("thead th").nth(tone - 1).get_attribute("aria-sort") == "ascending"
            )
            table.locator("thead th button", has_text="tone").click()
            assert [float(v) for v in shown_column(page, table, tone)] == sorted(ascending, reverse=True)

            with page.expect_download() as download:  # the CSV holds the rows shown, in order
                table.locator(".ns-csv").click()
            assert download.value.suggested_filename == "quotes.csv"
            rows = list(csv.reader(io.StringIO(open(download.value.path(), encoding="utf-8-sig").read())))
            assert rows[0] == headers
            assert [r[quote - 1] for r in rows[1:]] == shown_column(page, table, quote)
            exact = [float(r[tone - 1]) for r in rows[1:]]  # full precision, shown rounded
            assert [round(v, 2) for v in exact] == sorted(ascending, reverse=True) != exact
            assert all("\u2013" not in cell for r in rows for cell in r)  # missing values are empty, not "–"
            page.screenshot(path=str(ARTIFACTS / "report_corpus_tone_by_official.png"), full_page=True)

            for name in ("tone_by_country", "article_explorer", "index", "articles/wire_b-copy"):
                page.goto((built / f"{name}.html").as_uri(), wait_until="load")
                assert page.locator(".ns-table").count() >= 1, name
                assert page.locator(".ns-table .ns-count").first.text_content().endswith(("row", "rows")), name
        finally:
            browser.close()
    assert problems == {"console": [], "remote": []}
