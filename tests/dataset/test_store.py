"""Parquet part files: rows written straight to Arrow, read back equal to the in-memory
tables (lib/newstone/dataset/store.py)."""

import pandas as pd

import newstone
from newstone.dataset.parse import parse_to_dataset
from newstone.dataset.store import read_table
from tests.helpers import write_inputs

# --- rows to Arrow ---


def test_rows_become_the_same_arrow_table_pyarrow_would_make():
    """The buffer-level encoder (which spares ``parse`` the pandas import) must write
    exactly what ``pa.Table.from_pylist`` writes, nulls and nested lists included."""
    import pyarrow as pa

    from newstone.dataset.store import rows_table

    table_schema = pa.schema(
        [
            ("name", pa.string()),
            ("count", pa.int64()),
            ("score", pa.float64()),
            ("spans", pa.list_(pa.list_(pa.int64()))),
            ("aliases", pa.list_(pa.string())),
        ]
    )
    rows = [
        {"name": "Zoë “quoted” 🙂", "count": 3, "score": -0.5, "spans": [[0, 4], [9, 12]], "aliases": ["Z", ""]},
        {"name": None, "count": None, "score": None, "spans": None, "aliases": None},
        {"name": "", "count": -(2**62), "score": float("inf"), "spans": [], "aliases": []},
        {"name": "x", "count": 0, "score": 1, "spans": [[5, 5]], "aliases": [None, "y"]},
        {"name": "missing keys are nulls"},
    ]
    built = rows_table(rows, table_schema)
    built.validate(full=True)
    assert built.equals(pa.Table.from_pylist(rows, schema=table_schema))
    assert built.to_pylist()[1] == {name: None for name in table_schema.names}
    assert rows_table([], table_schema).equals(table_schema.empty_table())


def test_a_value_of_the_wrong_type_is_refused_naming_its_column():
    import pyarrow as pa
    import pytest

    from newstone.dataset.store import rows_table

    table_schema = pa.schema([("article_id", pa.string()), ("start", pa.int64())])
    with pytest.raises(TypeError, match="'start'.*str"):
        rows_table([{"article_id": "a", "start": "12"}], table_schema)
    with pytest.raises(TypeError, match="'article_id'.*int"):
        rows_table([{"article_id": 7, "start": 1}], table_schema)
    with pytest.raises(TypeError, match="'start'.*float"):
        rows_table([{"article_id": "a", "start": 1.5}], table_schema)


# --- round trips ---


def test_part_files_read_back_equal_to_the_in_memory_tables(tmp_path):
    """Rows go to Arrow directly (no pandas on the way): what is read back must be the very
    tables ``newstone.read`` builds in memory, dtypes, nulls and list columns included."""
    from newstone.dataset.corpus import Corpus
    from newstone.dataset.identity import identify_dataset
    from newstone.dataset.store import DatasetWriter
    from newstone.ingest.reader import iter_articles
    from newstone.pipeline import process_article

    write_inputs(tmp_path / "in", n=2)
    (tmp_path / "in" / "bad.txt").write_bytes(b"\xff\xfe\x00broken")
    (tmp_path / "in" / "empty.txt").write_text("", encoding="utf-8")
    rows = [process_article(a) for a in iter_articles([str(tmp_path / "in")])]
    assert any(r.article["error"] for r in rows)
    writer = DatasetWriter(str(tmp_path / "out"))
    writer.write_all(iter(rows), batch_size=2)
    identify_dataset(str(tmp_path / "out"))  # what newstone parse does last
    expected = Corpus.from_rows(rows)
    for table in ("articles", "sentences", "quotes", "mentions"):
        pd.testing.assert_frame_equal(read_table(str(tmp_path / "out"), table), getattr(expected, table))


def test_a_batch_without_quotes_and_a_speaker_without_aliases_round_trip(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("Head\n\nThe weather was fine.", encoding="utf-8")
    (src / "b.txt").write_text("Head\n\n\u201cFine,\u201d Smith said.", encoding="utf-8")
    parse_to_dataset([str(src)], str(tmp_path / "out"), batch_size=1)
    corpus = newstone.read(tmp_path / "out")
    assert corpus.speakers["aliases"].tolist() == [[]]
    assert corpus.quotes["spans"].tolist() == newstone.read(src).quotes["spans"].tolist()
    assert isinstance(corpus.quotes["spans"].iloc[0], list)
