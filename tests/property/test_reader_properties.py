"""Any bytes in a .txt, .jsonl, .csv or .html file give articles or error rows."""

from __future__ import annotations

import os

import pytest
from hypothesis import given

from newstone.ingest.discover import InputFile
from newstone.ingest.reader import read_file
from newstone.pipeline import process_article
from tests.property.checks import check_article, check_rows
from tests.property.strategies import file_bytes


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return tmp_path_factory.mktemp("fuzzed-files")


@pytest.mark.parametrize("suffix", [".txt", ".jsonl", ".csv", ".html"])
def test_any_bytes_give_articles_or_error_rows(suffix, folder):
    @given(file_bytes(suffix))
    def read(data):
        path = os.path.join(folder, "input" + suffix)
        with open(path, "wb") as fh:
            fh.write(data)
        articles = list(read_file(InputFile(path, "input")))
        assert articles, "a file gives at least one article or error row"
        for article in articles:
            check_article(article)
            if article.error is None:
                check_rows(article, process_article(article))

    read()
