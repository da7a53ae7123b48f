"""Processed datasets: part files, typed list columns, DuckDB queries, resumable writes."""

import pandas as pd

import newstone
from newstone.dataset.parse import parse_to_dataset
from newstone.dataset.store import part_files, read_table
from tests.helpers import SAMPLE


def make_inputs(folder, n=7):
    folder.mkdir()
    (folder / "sample.txt").write_text(SAMPLE.read_text("utf-8"), encoding="utf-8")
    for i in range(n):
        (folder / f"a{i}.txt").write_text(f"Head {i}\n\nNo quotes here, only Russia and Ukraine.", encoding="utf-8")


def test_batches_become_part_files_in_input_order(tmp_path):
    make_inputs(tmp_path / "in")
    summary = parse_to_dataset([str(tmp_path / "in")], str(tmp_path / "out"), batch_size=3)
    assert summary.processed == 8 and not summary.errors
    assert [p.rsplit("/", 1)[1] for p in part_files(str(tmp_path / "out"), "articles")] == [
        "part-000000.parquet",
        "part-000001.parquet",
        "part-000002.parquet",
    ]
    ids = read_table(str(tmp_path / "out"), "articles")["article_id"].tolist()
    assert ids == ["a0", "a1", "a2", "a3", "a4", "a5", "a6", "sample"]


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


def test_sql_aggregates_without_loading(tmp_path):
    make_inputs(tmp_path / "in")
    parse_to_dataset([str(tmp_path / "in")], str(tmp_path / "out"), batch_size=3)
    by_country = newstone.sql(
        tmp_path / "out",
        """
        SELECT country, count(*) AS n FROM mentions WHERE country IS NOT NULL
        GROUP BY country ORDER BY n DESC, country""",
    )
    direct = newstone.read(tmp_path / "in").mentions.dropna(subset=["country"])
    expected = direct.groupby("country").size().sort_values(ascending=False)
    assert dict(zip(by_country["country"], by_country["n"])) == expected.to_dict()
    speakers = newstone.sql(tmp_path / "out", "SELECT speaker, n_quotes FROM speakers ORDER BY n_quotes DESC LIMIT 1")
    assert speakers.iloc[0]["n_quotes"] >= 4


def test_a_crashed_batch_is_redone_on_rerun(tmp_path):
    make_inputs(tmp_path / "in")
    out = tmp_path / "out"
    parse_to_dataset([str(tmp_path / "in")], str(out), batch_size=3)
    # Simulate a run killed after writing the quotes of the last part but not its articles.
    (out / "articles" / "part-000002.parquet").unlink()
    summary = parse_to_dataset([str(tmp_path / "in")], str(out), batch_size=3)
    assert (summary.skipped, summary.processed) == (6, 2)
    corpus = newstone.read(out)
    assert sorted(corpus.articles["article_id"]) == ["a0", "a1", "a2", "a3", "a4", "a5", "a6", "sample"]
    # The crashed part's quotes are gone, not doubled by the part that redid its articles.
    direct = newstone.read(tmp_path / "in")
    assert sorted(corpus.quotes["text"]) == sorted(direct.quotes["text"])
    assert len(corpus.sentences) == len(direct.sentences)


def test_the_end_of_the_input_comes_in_smaller_batches():
    """Guided batches: full batches until the end is in sight, then a quarter of what is
    left each time (at least 25 articles), so no worker finishes a whole batch alone."""
    from newstone.dataset.parse import numbered_batches

    batches = list(numbered_batches(range(2226), 5, 200))
    assert [part for part, _ in batches] == list(range(5, 5 + len(batches)))
    assert [a for _, batch in batches for a in batch] == list(range(2226))
    sizes = [len(batch) for _, batch in batches]
    assert sizes[:8] == [200] * 8 and sizes[8:] == [157, 118, 88, 66, 50, 37, 28, 25, 25, 25, 7]
    # Small inputs are shared out too; small batch sizes are left alone.
    assert [len(b) for _, b in numbered_batches(range(100), 0, 200)] == [25, 25, 25, 25]
    assert [len(b) for _, b in numbered_batches(range(8), 0, 3)] == [3, 3, 2]
    assert list(numbered_batches([], 0, 10)) == []


def test_a_file_gone_before_its_worker_reads_it_is_an_error_row(tmp_path):
    make_inputs(tmp_path / "in", n=3)
    from newstone.dataset.parse import BatchJob, write_batch_job
    from newstone.ingest.reader import iter_units
    from newstone.pipeline import Options

    units = list(iter_units([str(tmp_path / "in")]))
    (tmp_path / "in" / "a1.txt").unlink()
    (tmp_path / "out" / "articles").mkdir(parents=True)
    for table in ("sentences", "quotes", "mentions"):
        (tmp_path / "out" / table).mkdir()
    result = write_batch_job(BatchJob(str(tmp_path / "out"), 0, units, {}, Options()))
    assert result.summary.processed == 4 and [e[0] for e in result.summary.errors] == ["a1"]
    assert read_table(str(tmp_path / "out"), "articles")["error"].notna().tolist() == [False, True, False, False]


def test_part_files_read_back_equal_to_the_in_memory_tables(tmp_path):
    """Rows go to Arrow directly (no pandas on the way): what is read back must be the very
    tables ``newstone.read`` builds in memory, dtypes, nulls and list columns included."""
    from newstone.dataset.corpus import Corpus
    from newstone.dataset.store import DatasetWriter
    from newstone.ingest.reader import iter_articles
    from newstone.pipeline import process_article

    make_inputs(tmp_path / "in", n=2)
    (tmp_path / "in" / "bad.txt").write_bytes(b"\xff\xfe\x00broken")
    (tmp_path / "in" / "empty.txt").write_text("", encoding="utf-8")
    rows = [process_article(a) for a in iter_articles([str(tmp_path / "in")])]
    assert any(r.article["error"] for r in rows)
    writer = DatasetWriter(str(tmp_path / "out"))
    writer.write_all(iter(rows), batch_size=2)
    expected = Corpus.from_rows(rows)
    for table in ("articles", "sentences", "quotes", "mentions"):
        pd.testing.assert_frame_equal(read_table(str(tmp_path / "out"), table), getattr(expected, table))


def test_a_parallel_parse_leaves_the_garbage_collector_as_it_found_it(tmp_path):
    """Workers fork from a frozen heap (fewer copied pages); the parent's objects must be
    collectable again afterwards, or a notebook that parses would leak them."""
    import gc

    make_inputs(tmp_path / "in", n=4)
    before = gc.get_freeze_count()
    summary = parse_to_dataset([str(tmp_path / "in")], str(tmp_path / "out"), jobs=2, batch_size=2)
    assert summary.processed == 5 and gc.get_freeze_count() == before == 0


def test_reading_a_dataset_with_other_tone_or_roster_is_refused(tmp_path):
    import pytest

    make_inputs(tmp_path / "in", n=1)
    parse_to_dataset([str(tmp_path / "in")], str(tmp_path / "out"))
    with pytest.raises(ValueError, match="parsed dataset"):
        newstone.read(tmp_path / "out", tone="vader")
    assert len(newstone.read(tmp_path / "out").articles) == 2


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


def test_parse_does_not_import_pandas(tmp_path):
    """pandas costs a third of the start-up of ``newstone parse`` and parse never needs it
    (serial start-up is what caps the speed-up of more workers)."""
    import subprocess
    import sys

    make_inputs(tmp_path / "in", n=3)
    script = (
        "import sys; from newstone.cli import main; "
        f"code = main(['parse', {str(tmp_path / 'in')!r}, '-o', {str(tmp_path / 'out')!r}, "
        "'-j', '1', '--no-progress']); "
        "print(code, 'pandas' in sys.modules)"
    )
    for _ in range(2):  # a fresh parse, then a rerun that reads the dataset back
        result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
        assert result.stdout.split()[-2:] == ["0", "False"], result.stdout + result.stderr
    assert len(read_table(str(tmp_path / "out"), "articles")) == 4


def test_reading_a_dataset_together_with_other_paths_is_refused_not_empty(tmp_path):
    import pytest

    make_inputs(tmp_path / "in", n=1)
    parse_to_dataset([str(tmp_path / "in")], str(tmp_path / "one"))
    parse_to_dataset([str(tmp_path / "in")], str(tmp_path / "two"))
    with pytest.raises(ValueError, match="read on its own"):
        newstone.read([tmp_path / "one", tmp_path / "two"])
    with pytest.raises(ValueError, match="read on its own"):
        newstone.read([tmp_path / "one", tmp_path / "in" / "a0.txt"])
    assert len(newstone.read([tmp_path / "one"]).articles) == 2


def test_the_progress_bar_knows_its_end_for_a_folder_of_files(tmp_path, capsys):
    make_inputs(tmp_path / "in", n=2)
    parse_to_dataset([str(tmp_path / "in")], str(tmp_path / "out"), progress=True)
    assert "3/3" in capsys.readouterr().err
    parse_to_dataset([str(tmp_path / "in")], str(tmp_path / "out"), progress=True)  # all skipped
    assert "3/3" in capsys.readouterr().err
