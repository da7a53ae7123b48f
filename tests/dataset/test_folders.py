"""The articles' ``folder`` column: the path below the input folder
(lib/newstone/dataset/folders.py)."""

import json

import newstone
from newstone.dataset.folders import folder_of, input_roots
from newstone.dataset.parse import parse_to_dataset
from newstone.dataset.store import read_table


def write_sorted_corpus(root):
    """A corpus sorted into folders: two topics of .txt files, a feed of records two
    levels down, one file at the top."""
    (root / "politics").mkdir(parents=True)
    (root / "sport").mkdir()
    (root / "feeds" / "wire_a").mkdir(parents=True)
    (root / "politics" / "001.txt").write_text("Vote delayed\n\n“Not yet,” the minister said.", encoding="utf-8")
    (root / "sport" / "001.txt").write_text("Cup final\n\n“We won,” the coach said.", encoding="utf-8")
    (root / "top.txt").write_text("Top story\n\nNothing here.", encoding="utf-8")
    records = [
        {"id": "w1", "source": "Wire A", "text": "Talks go on.\n\n“It is hard,” Ms Lee said."},
        {"source": "Wire A", "text": "Talks end.\n\n“Done,” Ms Lee said."},
    ]
    (root / "feeds" / "wire_a" / "items.jsonl").write_text("\n".join(map(json.dumps, records)), encoding="utf-8")


def test_folder_is_the_path_below_the_input_folder(tmp_path):
    root = tmp_path / "corpus"
    write_sorted_corpus(root)
    roots = input_roots([str(root)])
    assert roots == (str(root),)
    assert folder_of(str(root / "politics" / "001.txt"), roots) == "politics"
    assert folder_of(str(root / "feeds" / "wire_a" / "items.jsonl"), roots) == "feeds/wire_a"
    assert folder_of(str(root / "top.txt"), roots) is None  # the top of the folder
    assert folder_of(str(tmp_path / "elsewhere.txt"), roots) is None
    assert folder_of(str(tmp_path / "corpus2" / "x" / "a.txt"), roots) is None  # a sibling sharing a prefix
    assert folder_of(None, roots) is None


def test_outer_folder_wins_and_globs_name_folders(tmp_path, monkeypatch):
    root = tmp_path / "corpus"
    write_sorted_corpus(root)
    monkeypatch.chdir(tmp_path)
    roots = input_roots(["corpus/politics", "corpus", "corpus/*.txt", "corpus/f*"])
    assert roots == tuple(str(tmp_path / p) for p in ("corpus", "corpus/feeds", "corpus/politics"))
    assert folder_of("corpus/politics/001.txt", roots) == "politics"


def test_parse_and_read_fill_the_folder_column_alike(tmp_path):
    root = tmp_path / "corpus"
    write_sorted_corpus(root)
    parse_to_dataset([str(root)], str(tmp_path / "out"), batch_size=2)
    on_disk = read_table(str(tmp_path / "out"), "articles").set_index("article_id")
    in_memory = newstone.read(root).articles.set_index("article_id")
    expected = {
        "w1": "feeds/wire_a",  # a record keeps its own id, and still gets its folder
        "feeds/wire_a/items:2": "feeds/wire_a",
        "politics/001": "politics",
        "sport/001": "sport",
        "top": None,
    }
    for table in (on_disk, in_memory):
        folders = table["folder"].astype(object).where(table["folder"].notna(), None)
        assert folders.to_dict() == expected
    assert on_disk.loc["w1", "source"] == "Wire A"  # a record's own source is kept
    # a file named on its own has no folder
    assert newstone.read(root / "politics" / "001.txt").articles["folder"].isna().all()
