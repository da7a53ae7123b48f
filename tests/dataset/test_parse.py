"""``newstone parse``: inputs streamed in batches into a Parquet dataset, reruns that redo only
what is missing (lib/newstone/dataset/parse.py)."""

import newstone
from newstone.dataset.parse import parse_to_dataset
from newstone.dataset.store import part_files, read_table
from tests.helpers import write_inputs

# --- batches and part files ---


def test_batches_become_part_files_in_input_order(tmp_path):
    write_inputs(tmp_path / "in")
    summary = parse_to_dataset([str(tmp_path / "in")], str(tmp_path / "out"), batch_size=3)
    assert summary.processed == 8 and not summary.errors
    assert [p.rsplit("/", 1)[1] for p in part_files(str(tmp_path / "out"), "articles")] == [
        "part-000000.parquet",
        "part-000001.parquet",
        "part-000002.parquet",
    ]
    ids = read_table(str(tmp_path / "out"), "articles")["article_id"].tolist()
    assert ids == ["a0", "a1", "a2", "a3", "a4", "a5", "a6", "sample"]


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
    write_inputs(tmp_path / "in", n=3)
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


# --- reruns ---


def test_a_crashed_batch_is_redone_on_rerun(tmp_path):
    write_inputs(tmp_path / "in")
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


# --- start-up and progress ---


def test_parse_does_not_import_pandas(tmp_path):
    """pandas costs a third of the start-up of ``newstone parse`` and parse never needs it
    (serial start-up is what caps the speed-up of more workers)."""
    import subprocess
    import sys

    write_inputs(tmp_path / "in", n=3)
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


def test_the_progress_bar_knows_its_end_for_a_folder_of_files(tmp_path, capsys):
    write_inputs(tmp_path / "in", n=2)
    parse_to_dataset([str(tmp_path / "in")], str(tmp_path / "out"), progress=True)
    assert "3/3" in capsys.readouterr().err
    parse_to_dataset([str(tmp_path / "in")], str(tmp_path / "out"), progress=True)  # all skipped
    assert "3/3" in capsys.readouterr().err
