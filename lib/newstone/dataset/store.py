"""Processed corpora on disk: a Parquet dataset per table, written incrementally.

Layout of ``DIR`` (what ``newstone parse -o DIR`` writes)::

    DIR/articles/part-000000.parquet   DIR/sentences/part-000000.parquet
    DIR/quotes/part-000000.parquet     DIR/mentions/part-000000.parquet
    DIR/speakers.parquet               (the corpus identity pass, at the end of a run)

Each batch of articles becomes one part file per table, so memory is bounded by the
batch and an interrupted run keeps what it finished. A rerun skips articles whose
``content_hash`` (and id) is already in ``DIR/articles``; ``--force`` starts afresh.
DuckDB, pandas, Spark and Dask all read such a folder of Parquet files as one table.
"""

from __future__ import annotations

import glob
import os
import shutil
from array import array
from collections.abc import Iterable, Sequence
from itertools import accumulate, chain, repeat
from operator import is_not, itemgetter
from typing import TYPE_CHECKING

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

from newstone import schema
from newstone.errors import SettingsMismatch
from newstone.model import ArticleRows

if TYPE_CHECKING:
    import pandas as pd

ROW_TABLES = ("articles", "sentences", "quotes", "mentions")


# Explicit Arrow types for the list columns: left to inference, a batch whose lists are all
# empty is written as list<null>, which no reader can map back.
LIST_TYPES = {
    "spans": pa.list_(pa.list_(pa.int64())),
    "sentence_ids": pa.list_(pa.int64()),
    "aliases": pa.list_(pa.string()),
    "titles": pa.list_(pa.string()),
    "mentioned_countries": pa.list_(pa.string()),
    "tone_toward_countries": pa.list_(pa.float64()),
}


_ARROW_TYPES = {"string": pa.string(), "Int64": pa.int64(), "float64": pa.float64()}


def arrow_schema(contract: dict[str, str]) -> pa.Schema:
    """The Arrow schema of a contract table (``newstone.schema``): what its part files hold."""
    return pa.schema(
        [(name, LIST_TYPES[name] if dtype == "object" else _ARROW_TYPES[dtype]) for name, dtype in contract.items()]
    )


def write_rows(rows: list[dict], contract: dict[str, str], path: str) -> None:
    """Write row dicts straight to Arrow with the contract's schema, atomically.

    The rows the pipeline makes already have the contract's columns and Python types, so
    they skip pandas: building and casting DataFrames cost three times the Parquet
    writing itself. A value of the wrong type raises here rather than being coerced.
    """
    _write_table_atomically(rows_table(rows, arrow_schema(contract)), path)


def rows_table(rows: list[dict], table_schema: pa.Schema) -> pa.Table:
    """Row dicts as an Arrow table of ``table_schema``; a missing key is a null.

    Arrays are assembled from their buffers (offsets, values, validity bitmap) instead of
    with ``pa.Table.from_pylist``: every pyarrow conversion of Python objects imports
    pandas first (to check for pandas types), and that import was a third of the
    start-up of ``newstone parse``, paid once in the parent process whatever the number
    of workers. It is as strict as pyarrow: a value of the wrong type raises TypeError.
    """
    names = table_schema.names
    try:  # transposed at C speed: one tuple per row, then one tuple per column
        columns = list(zip(*map(itemgetter(*names), rows))) if rows and len(names) > 1 else None
    except KeyError:  # rows that lack a column: it is null there
        columns = None
    if columns is None:
        columns = [[row.get(name) for row in rows] for name in names]
    try:
        arrays = [column_array(values, field.type, field.name) for values, field in zip(columns, table_schema)]
    except OverflowError:  # over 2 GiB of text in one column of one batch: let pyarrow chunk it
        return pa.Table.from_pylist(rows, schema=table_schema)
    return pa.Table.from_arrays(arrays, schema=table_schema)


def column_array(values: Sequence, arrow_type: pa.DataType, name: str = "value") -> pa.Array:
    """One Arrow array of ``arrow_type`` (string, int64, float64, or a list of these)
    holding ``values``, where None is a null."""
    validity = _validity_bitmap(values)
    if validity is not None:
        filler = _FILLERS.get(arrow_type.id, ())
        values_or_filler = [filler if value is None else value for value in values]
    else:
        values_or_filler = values
    try:
        if pa.types.is_string(arrow_type):
            encoded = list(map(str.encode, values_or_filler))
            buffers = [
                validity,
                pa.py_buffer(array("i", accumulate(map(len, encoded), initial=0))),
                pa.py_buffer(b"".join(encoded)),
            ]
            return pa.Array.from_buffers(arrow_type, len(values), buffers)
        if pa.types.is_int64(arrow_type) or pa.types.is_float64(arrow_type):
            data = array("q" if pa.types.is_int64(arrow_type) else "d", values_or_filler)
            return pa.Array.from_buffers(arrow_type, len(values), [validity, pa.py_buffer(data)])
        if pa.types.is_list(arrow_type):
            offsets = pa.py_buffer(array("i", accumulate(map(len, values_or_filler), initial=0)))
            child = column_array(list(chain.from_iterable(values_or_filler)), arrow_type.value_type, name)
            return pa.Array.from_buffers(arrow_type, len(values), [validity, offsets], children=[child])
    except TypeError as exc:
        wrong = next((type(v).__name__ for v in values if v is not None), "?")
        raise TypeError(f"column {name!r} holds {arrow_type}, got a {wrong} ({exc})") from None
    raise TypeError(f"column {name!r}: no encoder for Arrow type {arrow_type}")


# What stands in the data buffer under a null (the validity bitmap hides it).
_FILLERS = {pa.string().id: "", pa.int64().id: 0, pa.float64().id: 0.0}


def _validity_bitmap(values: Sequence) -> pa.Buffer | None:
    """Arrow's validity bitmap (bit i set when value i is not None, least significant bit
    first), or None when nothing is missing."""
    if None not in values:
        return None
    present = np.fromiter(map(is_not, values, repeat(None)), dtype=np.bool_, count=len(values))
    return pa.py_buffer(np.packbits(present, bitorder="little"))


def read_arrow(path: str, columns: list[str] | None = None) -> pa.Table:
    """One Parquet file as an Arrow table, without pandas (``pq.read_table`` imports it)."""
    return pq.ParquetFile(path).read(columns=columns)


def _write_table_atomically(table: pa.Table, path: str) -> None:
    tmp = os.path.join(os.path.dirname(path), "." + os.path.basename(path) + ".tmp")
    pq.write_table(table, tmp)
    os.replace(tmp, path)


def is_dataset(path) -> bool:
    """True for a directory written by :class:`DatasetWriter`."""
    return os.path.isdir(os.path.join(os.fspath(path), "articles")) and bool(
        glob.glob(os.path.join(os.fspath(path), "articles", "*.parquet"))
    )


def part_files(root: str, table: str) -> list[str]:
    return sorted(glob.glob(os.path.join(root, table, "part-*.parquet")))


def _part_number(path: str) -> int:
    return int(os.path.basename(path)[5:11])


SETTINGS_FILE = "settings.json"


# What a setting a dataset does not record was: datasets record the attribution mode only
# when it is not the rules (all datasets made before the hybrid existed record none).
_UNRECORDED = {"attribution": "rules"}


def _setting(settings: dict, key: str) -> str:
    """A setting as the refusal shows it; a key not recorded is its old value or the default
    ("attribution 'rules' -> 'hybrid'", not "-> None")."""
    if key in settings:
        return repr(settings[key])
    return repr(_UNRECORDED[key]) if key in _UNRECORDED else "the default"


def check_settings(root: str, settings: dict, force: bool) -> None:
    """Record ``settings`` in the dataset, or refuse a rerun with different ones: skipping
    articles already done would otherwise mix rows made with two rosters or scorers."""
    import json

    path = os.path.join(root, SETTINGS_FILE)
    if not force and os.path.exists(path) and part_files(root, "articles"):
        with open(path, encoding="utf-8") as handle:
            recorded = json.load(handle)
        if recorded != settings:
            changed = ", ".join(
                f"{key} {_setting(recorded, key)} -> {_setting(settings, key)}"
                for key in sorted(set(recorded) | set(settings))
                if recorded.get(key) != settings.get(key)
            )
            raise SettingsMismatch(
                f"{root} was made with other settings ({changed}); "
                "rerun with --force to redo every article with the new ones"
            )
    os.makedirs(root, exist_ok=True)
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(settings, handle, sort_keys=True)


def dataset_keys(root: str) -> tuple[set[tuple[str, str]], set[str]]:
    """What a rerun needs to know, in one pass over the articles parts: (article_id,
    content_hash) of articles processed without error (skipped), and the ids of every
    article row, error rows included (a redone one replaces its rows)."""
    done: set[tuple[str, str]] = set()
    ids: set[str] = set()
    for path in part_files(root, "articles"):
        columns = read_arrow(path, ["article_id", "content_hash", "error"]).to_pydict()
        ids.update(columns["article_id"])
        done.update(
            (article_id, content_hash)
            for article_id, content_hash, error in zip(columns["article_id"], columns["content_hash"], columns["error"])
            if error is None and content_hash is not None
        )
    return done, ids


class DatasetWriter:
    """Appends batches of article rows as new part files, one per table."""

    def __init__(self, root: str, force: bool = False):
        self.root = root
        if force:
            for table in ROW_TABLES:
                shutil.rmtree(os.path.join(root, table), ignore_errors=True)
            if os.path.exists(os.path.join(root, "speakers.parquet")):
                os.remove(os.path.join(root, "speakers.parquet"))
        for table in ROW_TABLES:
            os.makedirs(os.path.join(root, table), exist_ok=True)
        self.next_part = 1 + max((_part_number(f) for f in part_files(root, "articles")), default=-1)
        # A run killed while writing a part leaves that part's other tables without its
        # articles file (written last); parts are not always renumbered the same way on
        # the rerun (a batch whose articles were all done writes nothing), so remove them.
        for table in ROW_TABLES:
            for path in part_files(root, table):
                if _part_number(path) >= self.next_part:
                    os.remove(path)

    @staticmethod
    def write_part(root: str, part: int, batch: list[ArticleRows]) -> None:
        """Write one batch as part ``part`` of every table (safe to call from workers:
        each part has its own files, written to a temporary name and renamed)."""
        if not batch:
            return
        name = f"part-{part:06d}.parquet"
        # Articles last: a part counts as done only once every table of it is on disk.
        for table in ("sentences", "quotes", "mentions", "articles"):
            if table == "articles":
                rows = [r.article for r in batch]
            else:
                rows = [row for r in batch for row in getattr(r, table)]
            write_rows(rows, schema.TABLES[table], os.path.join(root, table, name))

    def drop_articles(self, article_ids: set[str], before_part: int) -> int:
        """Remove the rows of ``article_ids`` from every part numbered below ``before_part``
        (the parts of earlier runs), so an article redone because its text changed or it
        failed before is not in the dataset twice. Returns the number of parts rewritten."""
        if not article_ids:
            return 0
        rewritten = 0
        for table in ROW_TABLES:
            for path in part_files(self.root, table):
                if _part_number(path) >= before_part:
                    continue
                rows = read_arrow(path)
                keep = [
                    row
                    for row, article_id in enumerate(rows.column("article_id").to_pylist())
                    if article_id not in article_ids
                ]
                if len(keep) == rows.num_rows:
                    continue
                _write_table_atomically(rows.take(column_array(keep, pa.int64())), path)
                rewritten += 1
        return rewritten

    def write_batch(self, batch: list[ArticleRows]) -> None:
        """Write ``batch`` as the next part."""
        if batch:
            self.write_part(self.root, self.next_part, batch)
            self.next_part += 1

    def write_all(self, rows: Iterable[ArticleRows], batch_size: int = 200) -> int:
        """Write ``rows`` in batches; returns the number of articles written."""
        batch: list[ArticleRows] = []
        written = 0
        for r in rows:
            batch.append(r)
            if len(batch) >= batch_size:
                self.write_batch(batch)
                written += len(batch)
                batch = []
        self.write_batch(batch)
        return written + len(batch)


def read_table(root: str, table: str, columns: list[str] | None = None) -> pd.DataFrame:
    """One table of a dataset as a DataFrame (all parts), conformed to the contract."""
    import pandas as pd

    files = part_files(root, table)
    contract = schema.TABLES[table]
    if not files:
        return schema.frame([], contract)
    df = pd.concat([read_parquet(f, columns) for f in files], ignore_index=True)
    return df if columns else schema.conform(df, contract)


def read_parquet(path: str, columns: list[str] | None = None) -> pd.DataFrame:
    """A part file as a DataFrame whose list columns hold Python lists (as in memory),
    not the numpy arrays pandas would make of them."""
    import pandas as pd

    table = pq.read_table(path, columns=columns)
    df = table.to_pandas()
    for name in LIST_TYPES:
        if name in table.column_names:
            df[name] = pd.Series(table.column(name).to_pylist(), dtype=object, index=df.index)
    return df
