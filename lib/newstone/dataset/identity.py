"""The corpus identity pass over tables: a parsed dataset on disk, or rows in memory.

``newstone parse`` runs :func:`identify_dataset` once every part is written (also after a
resumed run or one that added files, and after the Dask engine): it reads the article-level
speaker columns of every quotes part and the articles' dates, runs
:func:`newstone.identity.resolve.identify`, rewrites the corpus-level columns (``speaker``,
``speaker_id``, ``speaker_role``, ``speaker_country``) of each quotes part and writes
``speakers.parquet``. Only a handful of columns of the quotes are held at once (no quote
texts), so memory follows the number of quotes, not the size of the corpus; the pass reads
nothing it writes, so running it twice gives the same dataset. ``newstone.read`` and
``newstone quotes`` run :func:`identify_rows` over rows in memory.
"""

from __future__ import annotations

import os
import re

import pyarrow as pa

from newstone import schema
from newstone.dataset.store import _write_table_atomically, column_array, part_files, read_arrow, write_rows
from newstone.dates import parse_datetime
from newstone.identity.corpus_words import common_words, given_names, name_words, two_word_names
from newstone.identity.countries import dateline_country, main_countries
from newstone.identity.names import NameContext, listed_given_names, title_words
from newstone.identity.organisations import one_word_names
from newstone.identity.resolve import INPUT_COLUMNS, OUTPUT_COLUMNS, Identities, identify

_DAY = re.compile(r"\d{4}-\d{2}-\d{2}(?=[T ])|\d{1,2}-[A-Za-z]{3}-\d{4}(?= )")


def article_dates(ids, published) -> tuple[dict, dict]:
    """(article id -> period, article id -> ISO date) from the articles' published values."""
    periods, dates = {}, {}
    cache: dict = {}
    for article_id, value in zip(ids, published):
        # Reuters' "26-FEB-1987 15:01:01.79" and ISO stamps differ in their times only
        day = _DAY.match(value) if isinstance(value, str) else None
        key = day.group() if day else value
        if key not in cache:
            parsed = parse_datetime(key)
            cache[key] = (f"{parsed.year:04d}", parsed.date().isoformat()) if parsed else (None, None)
        periods[article_id], dates[article_id] = cache[key]
    return periods, dates


def name_context(names: list, texts, orgs: list = (), kinds: list | None = None) -> NameContext:
    """What the corpus says about the words of its speakers' names and one-word
    organisations (one pass over the article texts, only when there is such a word).
    Given names are learnt from the names of people only (``kinds``: each name's speaker
    type): "Manchester United" and "Manchester City" make no given name "Manchester"."""
    people = (name for name, kind in zip(names, kinds or [None] * len(names)) if kind == "person")
    words = name_words(names, listed_given_names() | title_words()) | one_word_names(orgs) | one_word_names(people)
    if kinds is None:
        given = given_names(names)
    else:
        given = given_names(
            [name for name, kind in zip(names, kinds) if kind == "person"],
            [name for name, kind in zip(names, kinds) if kind != "person"],
        )
    return NameContext(common_words(words, texts) if words else frozenset(), given, two_word_names(names))


def identify_rows(quote_rows: list[dict], article_rows: list[dict], mention_rows: list[dict] = ()) -> list[dict]:
    """Run the pass over the pipeline's row dicts: fills the corpus-level columns of
    ``quote_rows`` in place and returns the speakers table's rows. ``mention_rows`` (the
    country mentions) tell what each article is about."""
    columns = {name: [row[name] for row in quote_rows] for name in INPUT_COLUMNS}
    periods, dates = article_dates([a["article_id"] for a in article_rows], [a["published"] for a in article_rows])
    context = name_context(
        columns["article_speaker"], (a["text"] for a in article_rows), columns["speaker_org"], columns["speaker_type"]
    )
    texts = {a["article_id"]: a["text"] for a in article_rows}
    places = {a["article_id"]: dateline_country(a.get("dateline"), periods.get(a["article_id"])) for a in article_rows}
    subjects = main_countries((m["article_id"], m["country"]) for m in mention_rows)
    found = identify(
        columns, periods, dates, context, lambda ids: {i: texts[i] for i in ids if i in texts}, places, subjects
    )
    for i, row in enumerate(quote_rows):
        for name in OUTPUT_COLUMNS:
            row[name] = getattr(found, name)[i]
    return found.speakers


def identify_dataset(root: str) -> int:
    """Run the pass over the dataset at ``root``; returns the number of speakers."""
    root = os.fspath(root)
    ids, published, datelines = [], [], []
    for path in part_files(root, "articles"):
        columns = read_arrow(path, ["article_id", "published", "dateline"]).to_pydict()
        ids += columns["article_id"]
        published += columns["published"]
        datelines += columns["dateline"]
    periods, dates = article_dates(ids, published)
    places = {a: dateline_country(d, periods.get(a)) for a, d in zip(ids, datelines)}
    parts = part_files(root, "quotes")
    columns: dict[str, list] = {name: [] for name in INPUT_COLUMNS}
    sizes = []
    for path in parts:
        part = read_arrow(path, INPUT_COLUMNS).to_pydict()
        sizes.append(len(part["article_id"]))
        for name in INPUT_COLUMNS:
            columns[name] += part[name]
    texts = (t for path in part_files(root, "articles") for t in read_arrow(path, ["text"]).column("text").to_pylist())
    context = name_context(columns["article_speaker"], texts, columns["speaker_org"], columns["speaker_type"])
    subjects = main_countries(
        pair
        for path in part_files(root, "mentions")
        for pair in zip(*read_arrow(path, ["article_id", "country"]).to_pydict().values())
    )
    found = identify(columns, periods, dates, context, lambda ids: _texts(root, ids), places, subjects)
    _rewrite_quotes(parts, sizes, found)
    write_rows(found.speakers, schema.SPEAKER_COLUMNS, os.path.join(root, "speakers.parquet"))
    return len(found.speakers)


def _texts(root: str, ids: set[str]) -> dict[str, str]:
    """The texts of the articles ``ids`` (one pass over the articles parts)."""
    found = {}
    for path in part_files(root, "articles"):
        part = read_arrow(path, ["article_id", "text"]).to_pydict()
        found.update((a, t) for a, t in zip(part["article_id"], part["text"]) if a in ids)
    return found


def _rewrite_quotes(parts: list[str], sizes: list[int], found: Identities) -> None:
    """Each quotes part with its corpus-level columns replaced by the pass's values."""
    types = {name: pa.string() for name in OUTPUT_COLUMNS}
    offset = 0
    for path, size in zip(parts, sizes):
        table = read_arrow(path)
        for name in OUTPUT_COLUMNS:
            values = getattr(found, name)[offset : offset + size]
            table = table.set_column(table.schema.get_field_index(name), name, column_array(values, types[name], name))
        _write_table_atomically(table, path)
        offset += size


__all__ = ["identify_dataset", "identify_rows", "article_dates"]
