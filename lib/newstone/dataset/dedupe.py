"""The near-duplicate pass over a parsed dataset: the ``duplicate_of`` column.

``newstone parse`` runs :func:`mark_duplicates` once every part is written, after the
identity pass (also after a resumed run and with the Dask engine): it reads the articles'
ids, content hashes and errors, then their texts one part at a time (only the shingles of
each text are kept, :mod:`newstone.dataset.duplicates`), and rewrites the
``duplicate_of`` column of the parts where it changed. The threshold it used is recorded
in ``DIR/duplicates.json``, so a report asking for the same threshold reads the column
instead of shingling the corpus again. The dataset keeps every article.
"""

from __future__ import annotations

import json
import os

import pyarrow as pa
import pyarrow.parquet as pq

from newstone.dataset.duplicates import DEFAULT_THRESHOLD, MIN_WORDS, SHINGLE_WORDS, duplicate_of
from newstone.dataset.store import _write_table_atomically, column_array, part_files, read_arrow

DUPLICATES_FILE = "duplicates.json"


def mark_duplicates(root: str, threshold: float = DEFAULT_THRESHOLD) -> int:
    """Fill ``duplicate_of`` in every articles part of ``root``; returns how many
    articles repeat an earlier one."""
    root = os.fspath(root)
    parts = part_files(root, "articles")
    ids, hashes, sizes = [], [], []
    for path in parts:
        columns = read_arrow(path, ["article_id", "content_hash", "error"]).to_pydict()
        ids += columns["article_id"]
        hashes += [h if e is None else None for h, e in zip(columns["content_hash"], columns["error"])]
        sizes.append(len(columns["article_id"]))
    texts = (text for path in parts for text in read_arrow(path, ["text"]).column("text").to_pylist())
    found = duplicate_of(ids, texts, hashes, threshold)
    offset = 0
    for path, size in zip(parts, sizes):
        _set_column(path, "duplicate_of", found[offset : offset + size])
        offset += size
    n_duplicates = sum(value is not None for value in found)
    with open(os.path.join(root, DUPLICATES_FILE), "w", encoding="utf-8") as handle:
        json.dump(
            {
                "threshold": threshold,
                "shingle_words": SHINGLE_WORDS,
                "min_words": MIN_WORDS,
                "articles": len(ids),
                "duplicates": n_duplicates,
            },
            handle,
            sort_keys=True,
        )
    return n_duplicates


def _set_column(path: str, name: str, values: list) -> None:
    """Write ``values`` as column ``name`` of the part at ``path``, appending it to a
    part of an older version that lacks it; a part whose column already holds the
    values is left untouched (most parts, on a rerun)."""
    if name in pq.ParquetFile(path).schema_arrow.names and read_arrow(path, [name]).column(name).to_pylist() == values:
        return
    table = read_arrow(path)
    array = column_array(values, pa.string(), name)
    index = table.schema.get_field_index(name)
    table = table.append_column(name, array) if index < 0 else table.set_column(index, name, array)
    _write_table_atomically(table, path)


def recorded_threshold(root: str) -> float | None:
    """The threshold the dataset's ``duplicate_of`` column was made with (None: unknown,
    a dataset of an older version)."""
    path = os.path.join(os.fspath(root), DUPLICATES_FILE)
    try:
        with open(path, encoding="utf-8") as handle:
            recorded = json.load(handle)
    except (OSError, ValueError):
        return None
    if recorded.get("shingle_words") != SHINGLE_WORDS or recorded.get("min_words") != MIN_WORDS:
        return None  # made by another rule: the column is not what this version would give
    return recorded.get("threshold")
