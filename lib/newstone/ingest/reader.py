"""Files to articles, lazily: the entry points the engines call.

A unit of work is either a file holding one article (read by the worker that processes
it) or an article already read from a .jsonl/.csv file. Ids repeated across records get a
``#2`` suffix, so every article of a run has its own id.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import replace
from itertools import chain

from newstone.ingest.decode import decode_bytes
from newstone.ingest.discover import HTML_SUFFIXES, InputFile, expand_inputs, holds_one_article
from newstone.ingest.files import read_article_bytes
from newstone.ingest.html import read_html
from newstone.ingest.plaintext import parse_plain_text
from newstone.ingest.records import read_csv, read_jsonl
from newstone.model import Article


def read_file(item: InputFile) -> Iterator[Article]:
    """Articles in one file; never raises for the file's content (errors become rows).
    Only a regular file is opened, and no more of it read than one article's limit
    (:mod:`~newstone.ingest.files`)."""
    suffix = os.path.splitext(item.path)[1].lower()
    if suffix in (".jsonl", ".ndjson"):
        yield from read_jsonl(item)
        return
    if suffix == ".csv":
        yield from read_csv(item)
        return
    data, error = read_article_bytes(item.path)
    if error:
        yield Article(item.article_id, source_path=item.path, error=error)
    elif suffix in HTML_SUFFIXES:
        yield read_html(item, data)
    else:
        text, error = decode_bytes(data)
        if error:
            yield Article(item.article_id, source_path=item.path, error=error)
        else:
            yield parse_plain_text(item.article_id, text, source_path=item.path)


def iter_articles(inputs: Iterable[str]) -> Iterator[Article]:
    """Every article of every input, lazily, in input order."""
    return distinct_ids(chain.from_iterable(map(read_file, expand_inputs(inputs))))


def distinct_ids(units: Iterable) -> Iterator:
    """``units`` (articles, or one-article input files), an id met before renamed as
    file ids are ("x#2").

    Every table is keyed by ``article_id``: two records of a .jsonl/.csv with one id, or
    a record whose id is also a file's, would otherwise merge into one article in every
    join and in reruns. The renamed one stays traceable: its id, then its rank (the
    smallest free one: ranks below the last one given are all taken, as ids are only added).
    """
    seen: set[str] = set()
    next_rank: dict[str, int] = {}  # a feed of 100,000 records with one id stays linear
    for unit in units:
        if unit.article_id in seen:
            rank = next_rank.get(unit.article_id, 2)
            while f"{unit.article_id}#{rank}" in seen:
                rank += 1
            next_rank[unit.article_id] = rank + 1
            unit = replace(unit, article_id=f"{unit.article_id}#{rank}")
        seen.add(unit.article_id)
        yield unit


def iter_units(inputs: Iterable[str]) -> Iterator[Article | InputFile]:
    """The inputs as units of work, in input order: a one-article file stays unread (an
    :class:`InputFile`) so that whoever processes it also reads and decodes it (HTML
    extraction is slower than the whole pipeline: done in the parent of ``newstone parse``
    it would leave the workers waiting); the records of a .jsonl/.csv file, which can only
    be read in order, come as :class:`Article` objects."""
    return units_of(expand_inputs(inputs))


def units_of(files: Iterable[InputFile]) -> Iterator[Article | InputFile]:
    """:func:`iter_units` of files already listed by :func:`expand_inputs`."""
    units = ([item] if holds_one_article(item) else read_file(item) for item in files)
    return distinct_ids(chain.from_iterable(units))


def load_unit(unit: Article | InputFile) -> list[Article]:
    """The articles of a unit from :func:`iter_units`. Reading never raises for a file's
    content; should an extractor raise all the same, the file becomes an error row, as it
    would have in the pipeline, rather than failing its whole batch."""
    if isinstance(unit, Article):
        return [unit]
    try:
        return list(read_file(unit))
    except Exception as exc:  # an extractor bug: reported on the article's row
        return [Article(unit.article_id, source_path=unit.path, error=f"unreadable file: {type(exc).__name__}: {exc}")]
