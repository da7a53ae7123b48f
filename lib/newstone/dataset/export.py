"""``newstone export``: one table of a parsed dataset as CSV, JSON Lines or one Parquet file.

People who do not use Python still need the tables: a spreadsheet, R, a colleague's tool.
The export streams the dataset part by part (memory follows one part, not the corpus)
and writes the contract's columns in order (a part written by an older version gets the
columns it lacks as nulls). List columns (``spans``, ``sentence_ids``, ``aliases``,
``titles``) are JSON text in CSV, arrays in JSON Lines and lists in Parquet; offsets stay
as they are, so ``text[start:end]`` still finds every span.
"""

from __future__ import annotations

import json
import math
import os
from collections.abc import Iterator
from typing import BinaryIO

import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from newstone import schema
from newstone.dataset.store import arrow_schema, part_files, read_arrow

EXPORT_TABLES = tuple(schema.TABLES)


EXPORT_FORMATS = ("csv", "jsonl", "parquet")


def table_files(root: str, table: str) -> list[str]:
    """The Parquet files holding ``table`` in the dataset at ``root``."""
    if table == "speakers":
        path = os.path.join(root, "speakers.parquet")
        return [path] if os.path.exists(path) else []
    return part_files(root, table)


def table_pieces(root: str, table: str) -> Iterator[pa.Table]:
    """``table`` part by part, each with exactly the contract's columns and types."""
    contract = arrow_schema(schema.TABLES[table])
    for path in table_files(root, table):
        part = read_arrow(path)
        columns = [
            part.column(f.name).cast(f.type) if f.name in part.column_names else pa.nulls(part.num_rows, f.type)
            for f in contract
        ]
        yield pa.Table.from_arrays(columns, schema=contract)


def export_table(root: str, table: str, fmt: str, out: BinaryIO) -> int:
    """Write ``table`` of the dataset at ``root`` to ``out`` in ``fmt``; returns the rows."""
    if table not in EXPORT_TABLES:
        raise ValueError(f"no table {table!r}; tables: {', '.join(EXPORT_TABLES)}")
    if fmt not in EXPORT_FORMATS:
        raise ValueError(f"no format {fmt!r}; formats: {', '.join(EXPORT_FORMATS)}")
    writer = {"csv": _write_csv, "jsonl": _write_jsonl, "parquet": _write_parquet}[fmt]
    return writer(table_pieces(root, table), arrow_schema(schema.TABLES[table]), out)


def _write_csv(pieces: Iterator[pa.Table], contract: pa.Schema, out: BinaryIO) -> int:
    rows = 0
    text_schema = pa.schema([pa.field(f.name, pa.string()) if _is_list(f) else f for f in contract])
    for number, piece in enumerate(_with_empty(pieces, contract)):
        for index, field in enumerate(piece.schema):
            if _is_list(field):
                values = [None if v is None else json.dumps(v) for v in piece.column(index).to_pylist()]
                piece = piece.set_column(index, field.name, pa.array(values, pa.string()))
        options = pacsv.WriteOptions(include_header=number == 0, quoting_style="needed")
        pacsv.write_csv(piece.cast(text_schema), out, write_options=options)
        rows += piece.num_rows
    return rows


def _write_jsonl(pieces: Iterator[pa.Table], contract: pa.Schema, out: BinaryIO) -> int:
    rows = 0
    for piece in pieces:
        for record in piece.to_pylist():
            clean = {k: None if isinstance(v, float) and math.isnan(v) else v for k, v in record.items()}
            out.write(json.dumps(clean, ensure_ascii=False, allow_nan=False).encode("utf-8") + b"\n")
        rows += piece.num_rows
    return rows


def _write_parquet(pieces: Iterator[pa.Table], contract: pa.Schema, out: BinaryIO) -> int:
    rows = 0
    with pq.ParquetWriter(out, contract) as writer:
        for piece in _with_empty(pieces, contract):
            writer.write_table(piece)
            rows += piece.num_rows
    return rows


def _with_empty(pieces: Iterator[pa.Table], contract: pa.Schema) -> Iterator[pa.Table]:
    """``pieces``, or one empty table when there are none (a CSV still gets its header)."""
    empty = True
    for piece in pieces:
        empty = False
        yield piece
    if empty:
        yield contract.empty_table()


def _is_list(field: pa.Field) -> bool:
    return pa.types.is_list(field.type)
