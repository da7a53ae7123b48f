"""Articles from table files: one per record of a .jsonl or .csv file, with an error row
for a bad record (lib/newstone/ingest/records.py)."""

import json

from newstone.ingest.reader import iter_articles

# --- jsonl and csv records ---


def test_jsonl_records_and_bad_lines(tmp_path):
    path = tmp_path / "feed.jsonl"
    lines = [
        json.dumps(
            {"id": "a1", "title": "T", "date": "2024-06-20", "source": "Reuters", "text": "Officials said it was fine."}
        ),
        "{not json",
        json.dumps({"id": "a3", "text": ""}),
        json.dumps(["list"]),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    articles = list(iter_articles([str(path)]))
    assert [a.article_id for a in articles] == ["a1", "feed:2", "a3", "feed:4"]
    first = articles[0]
    assert (first.title, first.published, first.source, first.error) == ("T", "2024-06-20", "Reuters", None)
    assert first.body_spans == [(0, len(first.text))]
    assert "invalid JSON" in articles[1].error
    assert "empty text" in articles[2].error
    assert "not a JSON object" in articles[3].error


def test_csv_records(tmp_path):
    path = tmp_path / "feed.csv"
    path.write_text('id,title,text\nx1,Head,"She said, ""yes."""\nx2,Other,\n', encoding="utf-8")
    articles = list(iter_articles([str(path)]))
    assert articles[0].article_id == "x1" and articles[0].text == 'She said, "yes."'
    assert articles[1].error and "empty text" in articles[1].error


def test_a_jsonl_with_a_byte_order_mark_keeps_its_first_record_and_errors_name_the_file(tmp_path):
    from newstone.ingest.reader import iter_articles

    path = tmp_path / "feed.jsonl"
    path.write_bytes(b'\xef\xbb\xbf{"id": "a1", "text": "Putin spoke."}\n{broken\n')
    first, second = iter_articles([str(path)])
    assert (first.article_id, first.error) == ("a1", None)
    assert second.error.startswith("feed.jsonl line 2: invalid JSON")


def test_utf16_table_files(tmp_path):
    records = [{"id": "a1", "text": "Putin spoke \u2013 briefly."}, {"id": "a2", "text": "He left."}]
    (tmp_path / "feed.jsonl").write_bytes(
        "".join(json.dumps(r, ensure_ascii=False) + "\r\n" for r in records).encode("utf-16")
    )
    (tmp_path / "feed.csv").write_bytes('id,text\r\nc1,"She said ""yes."""\r\n'.encode("utf-16"))
    articles = {a.article_id: a for a in iter_articles([str(tmp_path)])}
    assert {k: (a.error, a.text) for k, a in articles.items()} == {
        "a1": (None, "Putin spoke \u2013 briefly."),
        "a2": (None, "He left."),
        "c1": (None, 'She said "yes."'),
    }


# --- bad records and bad table files ---


def test_a_csv_without_a_text_column_is_one_error_not_one_per_row(tmp_path):
    from newstone.ingest.reader import iter_articles

    (tmp_path / "officials.csv").write_text("name,title,country\nA,minister,RUS\nB,envoy,USA\n", encoding="utf-8")
    (only,) = iter_articles([str(tmp_path / "officials.csv")])
    assert only.article_id == "officials" and "no text column" in only.error and "name, title, country" in only.error


def test_an_empty_text_field_is_empty_text_not_a_missing_field(tmp_path):
    lines = [
        {"id": "e1", "text": ""},
        {"id": "e2", "text": " \n "},
        {"id": "e3", "text": None},
        {"id": "m1", "headline": "No body"},
        {"id": "n1", "text": 42},
    ]
    (tmp_path / "feed.jsonl").write_text("".join(json.dumps(r) + "\n" for r in lines), encoding="utf-8")
    (tmp_path / "rows.csv").write_text("id,text\nc1,\nc2\n", encoding="utf-8")
    errors = {a.article_id: a.error for a in iter_articles([str(tmp_path)])}
    for key in ("e1", "e2", "e3", "c1", "c2"):
        assert "empty text" in errors[key] and "no text field" not in errors[key], key
    assert "no text field" in errors["m1"]
    assert "not text" in errors["n1"]


def test_a_table_file_error_row_keeps_the_file_stem(tmp_path):
    (tmp_path / "roster.csv").write_text("name,country\nA,RUS\n", encoding="utf-8")
    (tmp_path / "notes.jsonl").write_bytes(b"\xff\x00\x01")
    rows = {a.article_id: a.error for a in iter_articles([str(tmp_path)])}
    assert set(rows) == {"roster", "notes:1"} and all(rows.values())


# --- record ids ---


def test_record_ids_of_same_named_tables_in_two_folders_stay_apart(tmp_path):
    for folder in ("x", "y"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "feed.jsonl").write_text(json.dumps({"text": "He said no."}) + "\n", encoding="utf-8")
    walked = [a.article_id for a in iter_articles([str(tmp_path)])]
    assert walked == ["x/feed:1", "y/feed:1"]
    named = [
        a.article_id for a in iter_articles([str(tmp_path / "x" / "feed.jsonl"), str(tmp_path / "y" / "feed.jsonl")])
    ]
    assert len(set(named)) == 2 and named[0] == "feed:1"


# --- found by the property tests (tests/property) ---


def test_a_lone_surrogate_escape_in_a_jsonl_record_is_replaced_not_fatal(tmp_path):
    """Found by fuzzing: json.loads keeps "\\ud800" as half a surrogate pair, a string no
    UTF-8 writer takes, so one such record stopped the whole ``newstone parse`` (Parquet)
    and ``newstone quotes``. It is now U+FFFD, one character for one: offsets stay."""
    from newstone.dataset.parse import parse_to_dataset
    from newstone.dataset.store import read_table

    (tmp_path / "feed.jsonl").write_text(
        '{"id": "s\\udc00", "title": "T\\ud800", "text": "Putin said \\ud800 it was fine."}\n'
        '{"id": "s2", "text": "Biden said \\ud83d\\ude00 all is well."}\n',
        encoding="utf-8",
    )
    first, second = iter_articles([str(tmp_path / "feed.jsonl")])
    assert (first.article_id, first.title, first.text) == ("s\ufffd", "T\ufffd", "Putin said \ufffd it was fine.")
    assert second.text == "Biden said \U0001f600 all is well."  # a whole pair is one character
    summary = parse_to_dataset([str(tmp_path / "feed.jsonl")], str(tmp_path / "out"))
    assert (summary.processed, summary.errors) == (2, [])
    assert sorted(read_table(str(tmp_path / "out"), "quotes")["speaker"]) == ["Biden", "Putin"]


def test_a_table_file_without_records_is_one_error_row(tmp_path):
    """Found by fuzzing: an empty .jsonl (shrunk example: b"") gave no row at all, so the
    file vanished from the articles table without a word, where an empty .txt is an error
    row. Blank lines only, or a CSV header without rows, are the same."""
    (tmp_path / "empty.jsonl").write_bytes(b"")
    (tmp_path / "blank.jsonl").write_bytes(b"\n \r\n")
    (tmp_path / "header.csv").write_text("id,text\n", encoding="utf-8")
    errors = {a.article_id: a.error for a in iter_articles([str(tmp_path)])}
    assert errors == {
        "blank": "blank.jsonl: no records",
        "empty": "empty.jsonl: no records",
        "header": "header.csv: no records",
    }
