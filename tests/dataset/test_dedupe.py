"""The near-duplicate pass over a parsed dataset: ``duplicate_of`` on disk as in memory,
the threshold recorded, every article kept (lib/newstone/dataset/dedupe.py)."""

from __future__ import annotations

import json

import pyarrow as pa
import pyarrow.parquet as pq

import newstone
from newstone.dataset.dedupe import DUPLICATES_FILE, mark_duplicates, recorded_threshold
from newstone.dataset.parse import parse_to_dataset
from newstone.dataset.store import part_files, read_table
from tests.dataset.test_duplicates import edited, story


def write_wire(folder):
    """Four stories, an update of the first (a few words changed) and an exact copy."""
    folder.mkdir()
    first = "Talks resume\n\n" + story(1, 200)
    texts = {
        "a1": first,
        "a2": "Port reopens\n\n" + story(2),
        "a3": edited(first, seed=3, changes=3),  # an update
        "a4": "Port reopens\n\n" + story(2),  # an exact copy of a2
        "a5": "Short\n\nMs Lee said no.",
    }
    for name, text in texts.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")


def column(table, name="duplicate_of"):
    return dict(zip(table["article_id"], table[name].astype(object).where(table[name].notna(), None)))


def test_parse_marks_duplicates_as_read_does_and_keeps_every_article(tmp_path):
    write_wire(tmp_path / "in")
    parse_to_dataset([str(tmp_path / "in")], str(tmp_path / "out"), batch_size=2)
    on_disk = read_table(str(tmp_path / "out"), "articles")
    expected = {"a1": None, "a2": None, "a3": "a1", "a4": "a2", "a5": None}
    assert column(on_disk) == expected
    assert column(newstone.read(tmp_path / "in").articles) == expected
    recorded = json.loads((tmp_path / "out" / DUPLICATES_FILE).read_text())
    assert recorded == {"threshold": 0.8, "shingle_words": 5, "min_words": 50, "articles": 5, "duplicates": 2}
    assert newstone.read(tmp_path / "out").duplicate_threshold == 0.8


def test_a_rerun_with_another_threshold_rewrites_the_column(tmp_path):
    write_wire(tmp_path / "in")
    parse_to_dataset([str(tmp_path / "in")], str(tmp_path / "out"), batch_size=2)
    parse_to_dataset([str(tmp_path / "in")], str(tmp_path / "out"), batch_size=2, near_duplicates=1.0)
    assert column(read_table(str(tmp_path / "out"), "articles"))["a3"] is None  # only the copy is left
    assert column(read_table(str(tmp_path / "out"), "articles"))["a4"] == "a2"
    assert recorded_threshold(str(tmp_path / "out")) == 1.0


def test_parts_of_an_older_version_gain_the_column(tmp_path):
    write_wire(tmp_path / "in")
    parse_to_dataset([str(tmp_path / "in")], str(tmp_path / "out"), batch_size=10)
    for path in part_files(str(tmp_path / "out"), "articles"):  # as an older newstone wrote it
        table = pq.read_table(path)
        pq.write_table(table.drop_columns(["duplicate_of", "folder"]), path)
    (tmp_path / "out" / DUPLICATES_FILE).unlink()
    assert recorded_threshold(str(tmp_path / "out")) is None
    assert mark_duplicates(str(tmp_path / "out"), 0.8) == 2
    table = read_table(str(tmp_path / "out"), "articles")
    assert column(table)["a3"] == "a1" and table["folder"].isna().all()
    assert pq.read_schema(part_files(str(tmp_path / "out"), "articles")[0]).field("duplicate_of").type == pa.string()


def test_a_threshold_made_by_another_rule_is_not_trusted(tmp_path):
    (tmp_path / DUPLICATES_FILE).write_text(json.dumps({"threshold": 0.8, "shingle_words": 4, "min_words": 50}))
    assert recorded_threshold(str(tmp_path)) is None
    (tmp_path / DUPLICATES_FILE).write_text("not json")
    assert recorded_threshold(str(tmp_path)) is None
