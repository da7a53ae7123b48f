"""``newstone export``: every table of a dataset as CSV, JSON Lines or Parquet, equal to
what ``newstone.read`` loads (lib/newstone/dataset/export.py)."""

from __future__ import annotations

import io
import json

import pandas as pd
import pyarrow.parquet as pq
import pytest

import newstone
from newstone import schema
from newstone.cli import main
from newstone.dataset.export import EXPORT_TABLES, export_table
from newstone.dataset.parse import parse_to_dataset
from tests.helpers import write_inputs


@pytest.fixture(scope="module")
def dataset(tmp_path_factory):
    root = tmp_path_factory.mktemp("export")
    write_inputs(root / "in", n=3)
    parse_to_dataset([str(root / "in")], str(root / "out"), batch_size=2)  # several parts
    return root / "out"


def exported(dataset, table, fmt) -> bytes:
    out = io.BytesIO()
    export_table(str(dataset), table, fmt, out)
    return out.getvalue()


def plain(frame: pd.DataFrame) -> list[dict]:
    """Rows with missing values as None and lists as lists, for comparing."""
    return frame.astype(object).where(frame.notna(), None).to_dict("records")


@pytest.mark.parametrize("table", EXPORT_TABLES)
def test_every_format_holds_the_table_newstone_read_loads(dataset, table):
    expected = getattr(newstone.read(dataset), table)
    assert len(expected) > 0
    from_jsonl = [json.loads(line) for line in exported(dataset, table, "jsonl").decode("utf-8").splitlines()]
    assert from_jsonl == plain(expected)
    from_parquet = pq.read_table(io.BytesIO(exported(dataset, table, "parquet"))).to_pylist()
    assert from_parquet == from_jsonl
    from_csv = pd.read_csv(io.BytesIO(exported(dataset, table, "csv")), keep_default_na=False, na_values=[""])
    assert list(from_csv.columns) == list(schema.TABLES[table])
    assert len(from_csv) == len(expected)
    lists = [c for c, t in schema.TABLES[table].items() if t == "object"]
    for column in lists:  # JSON text in CSV
        assert [None if pd.isna(v) else json.loads(v) for v in from_csv[column]] == [r[column] for r in from_jsonl]


def test_offsets_survive_the_csv_round_trip(dataset):
    articles = newstone.read(dataset).articles.set_index("article_id")["text"]
    quotes = pd.read_csv(io.BytesIO(exported(dataset, "quotes", "csv")))
    assert len(quotes) > 3
    for row in quotes.itertuples():
        text = articles[row.article_id]
        assert " ".join(text[s:e] for s, e in json.loads(row.spans)) == row.text
        if pd.notna(row.cue_start):
            assert text[int(row.cue_start) : int(row.cue_end)] == row.cue


def test_the_command_writes_a_file_and_names_bad_inputs(dataset, tmp_path, capsys):
    target = tmp_path / "mentions.parquet"
    assert main(["export", str(dataset), "--table", "mentions", "--format", "parquet", "-o", str(target)]) == 0
    assert pq.read_table(target).num_rows == len(newstone.read(dataset).mentions)
    assert "mentions row(s) as parquet" in capsys.readouterr().err
    assert main(["export", str(tmp_path / "nowhere")]) == 2
    assert "does not exist" in capsys.readouterr().err
    assert main(["export", str(tmp_path)]) == 2
    assert "not a dataset written by `newstone parse`" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["export", str(dataset), "--table", "people"])


def test_parts_of_an_older_version_get_the_missing_columns_as_nulls(dataset, tmp_path):
    import shutil

    old = tmp_path / "old"
    shutil.copytree(dataset, old)
    for path in sorted((old / "articles").glob("part-*.parquet")):
        pq.write_table(pq.read_table(path).drop_columns(["folder", "duplicate_of"]), path)
    rows = [json.loads(line) for line in exported(old, "articles", "jsonl").decode().splitlines()]
    assert list(rows[0]) == list(schema.ARTICLE_COLUMNS) and all(r["duplicate_of"] is None for r in rows)
