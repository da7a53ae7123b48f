"""What a command line names: files, folders walked recursively, glob patterns, and the
article ids of files (lib/newstone/ingest/discover.py)."""

import json

import pytest

from newstone.ingest.discover import InputNotFound, expand_inputs
from newstone.ingest.reader import iter_articles

# --- paths, folders and globs ---


def test_missing_path_and_empty_glob_raise(tmp_path):
    with pytest.raises(InputNotFound):
        expand_inputs([str(tmp_path / "nope.txt")])
    with pytest.raises(InputNotFound):
        expand_inputs([str(tmp_path / "*.txt")])


def test_documentation_files_are_skipped_when_walking_but_read_when_named(tmp_path):
    (tmp_path / "politics").mkdir()
    (tmp_path / "politics" / "001.txt").write_text("Head\n\nBody.", encoding="utf-8")
    for name in (
        "README.TXT",
        "License",
        "COPYING",
        "changelog.txt",
        "NOTICE.text",
        "AUTHORS",
        "README_corpus_original.txt",
        "UPSTREAM_README.txt",
        "_README_.txt",
        "LICENSE_MIT.txt",
        "notes.md",
    ):
        (tmp_path / name).write_text("This corpus was collected by us. Cite the paper.", encoding="utf-8")
    (tmp_path / "licence-fee-row.txt").write_text("Licence fee row\n\nThe BBC said no.", encoding="utf-8")
    assert sorted(f.article_id for f in expand_inputs([str(tmp_path)])) == ["licence-fee-row", "politics/001"]
    assert [f.article_id for f in expand_inputs([str(tmp_path / "*")])] == ["licence-fee-row", "notes", "001"]
    assert [f.article_id for f in expand_inputs([str(tmp_path / "README.TXT"), str(tmp_path / "notes.md")])] == [
        "README",
        "notes",
    ]
    (tmp_path / "politics" / "README.TXT").write_text("About this folder.", encoding="utf-8")
    assert sorted(f.article_id for f in expand_inputs([str(tmp_path)])) == ["licence-fee-row", "politics/001"]
    # a glob whose file name has no wildcard names the file
    assert [f.path for f in expand_inputs([str(tmp_path / "*" / "README.TXT")])] == [
        str(tmp_path / "politics" / "README.TXT")
    ]


# --- file ids ---


def test_directory_ids_are_unique_relative_paths(tmp_path):
    for folder in ("politics", "sport"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "001.txt").write_text("Head\n\nBody.", encoding="utf-8")
    ids = [f.article_id for f in expand_inputs([str(tmp_path)])]
    assert ids == ["politics/001", "sport/001"]


def test_a_table_file_next_to_a_text_file_does_not_take_its_id(tmp_path):
    """Adding report.csv next to report.txt must not rename the text article (its rows of
    the previous run stay under "report": it would be stored twice)."""
    (tmp_path / "report.txt").write_text("Head\n\nThe mayor said it rained.", encoding="utf-8")
    before = [a.article_id for a in iter_articles([str(tmp_path)])]
    (tmp_path / "report.csv").write_text('title,text\nT,"The mayor said, ""dry."""\n', encoding="utf-8")
    (tmp_path / "report.jsonl").write_text(json.dumps({"text": "Officials said so."}) + "\n", encoding="utf-8")
    after = [(a.article_id, a.source_path.rsplit("/", 1)[1]) for a in iter_articles([str(tmp_path)])]
    assert before == ["report"]
    # records without an id are named after their table's stem, ranked as any repeated id
    assert after == [("report:1", "report.csv"), ("report:1#2", "report.jsonl"), ("report", "report.txt")]
    assert [f.article_id for f in expand_inputs([str(tmp_path)])] == ["report", "report", "report"]


def test_files_named_twice_still_get_ranks_but_only_among_one_article_files(tmp_path):
    for name in ("a.csv", "a.jsonl"):
        (tmp_path / name).write_text("", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Head\n\nBody.", encoding="utf-8")
    (tmp_path / "a.html").write_text("<html></html>", encoding="utf-8")
    ids = {f.path.rsplit("/", 1)[1]: f.article_id for f in expand_inputs([str(tmp_path)])}
    assert ids == {"a.csv": "a", "a.html": "a", "a.jsonl": "a", "a.txt": "a#2"}
