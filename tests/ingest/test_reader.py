"""Files to articles, lazily: units of work for the engines, and distinct article ids
(lib/newstone/ingest/reader.py)."""

import json

from newstone.ingest.reader import iter_articles
from tests.helpers import write_inputs

# --- distinct article ids ---


def test_a_repeated_record_id_is_renamed_as_file_ids_are(tmp_path):
    """Tables are keyed by article_id: two records with one id must stay two articles."""
    (tmp_path / "x.txt").write_text("Head\n\nA file whose id a record reuses.", encoding="utf-8")
    records = [
        {"id": "a", "text": "First."},
        {"id": "a", "text": "Second."},
        {"id": "a#2", "text": "Third, with the id the second would get."},
        {"id": "x", "text": "Fourth."},
    ]
    (tmp_path / "y.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    articles = list(iter_articles([str(tmp_path / "x.txt"), str(tmp_path / "y.jsonl")]))
    assert [(a.article_id, a.text) for a in articles] == [
        ("x", "Head\n\nA file whose id a record reuses."),
        ("a", "First."),
        ("a#2", "Second."),
        ("a#2#2", "Third, with the id the second would get."),
        ("x#2", "Fourth."),
    ]


def test_many_records_with_one_id_are_renamed_in_linear_time():
    """Found while testing large CSV files: each repeat looked for its rank from #2 up, so
    200,000 records sharing one id took minutes (quadratic)."""
    import time

    from newstone.ingest.reader import distinct_ids
    from newstone.model import Article

    articles = [Article("x") for _ in range(30_000)] + [Article("x#5"), Article("x")]
    started = time.perf_counter()
    ids = [a.article_id for a in distinct_ids(articles)]
    assert time.perf_counter() - started < 10  # 0.05 s; over a minute before the fix
    assert ids[:3] == ["x", "x#2", "x#3"] and ids[29_999] == "x#30000"
    assert ids[-2:] == ["x#5#2", "x#30001"]


def test_a_repeated_record_id_gets_the_same_new_id_in_a_parsed_dataset_and_on_rerun(tmp_path):
    from newstone.dataset.parse import parse_to_dataset
    from newstone.dataset.store import read_table

    records = [{"id": "a", "text": "Smith said the plan failed."}, {"id": "a", "text": "Jones said it worked."}]
    (tmp_path / "y.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    first = parse_to_dataset([str(tmp_path / "y.jsonl")], str(tmp_path / "out"))
    again = parse_to_dataset([str(tmp_path / "y.jsonl")], str(tmp_path / "out"))
    assert (first.processed, again.processed, again.skipped) == (2, 0, 2)
    quotes = read_table(str(tmp_path / "out"), "quotes")
    assert sorted(zip(quotes["article_id"], quotes["speaker"])) == [("a", "Smith"), ("a#2", "Jones")]


# --- units of work ---


def test_one_article_files_are_read_by_the_worker_and_tables_by_the_parent(tmp_path):
    from newstone.ingest.discover import InputFile
    from newstone.ingest.reader import iter_units, load_unit
    from newstone.model import Article

    write_inputs(tmp_path / "in", n=1)
    (tmp_path / "in" / "feed.jsonl").write_text(
        '{"id": "j1", "text": "Putin spoke."}\n{"id": "j2", "text": "Biden spoke."}\n', encoding="utf-8"
    )
    units = list(iter_units([str(tmp_path / "in")]))
    assert [type(u).__name__ for u in units] == ["InputFile", "Article", "Article", "InputFile"]
    assert [u.article_id for u in units] == ["a0", "j1", "j2", "sample"]
    assert load_unit(units[1]) == [units[1]]
    (read,) = load_unit(units[0])
    assert isinstance(read, Article) and read.title == "Head 0" and read.error is None
    (missing,) = load_unit(InputFile(str(tmp_path / "gone.txt"), "gone"))
    assert missing.article_id == "gone" and missing.error.startswith("unreadable file")
