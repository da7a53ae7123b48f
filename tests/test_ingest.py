"""Reading inputs: headers of the sample, table formats, encodings and error rows."""
import json

import pytest

from newstone.ingest import InputNotFound, decode_bytes, expand_inputs, iter_articles, parse_plain_text

from conftest import SAMPLE


def test_sample_header_fields():
    article = next(iter_articles([str(SAMPLE)]))
    assert article.error is None
    assert article.article_id == "sample_reuters_putin_north_korea"
    assert article.title == ("Putin makes remarks on possible weapons for North Korea "
                             "'incredibly concerning,' US says")
    assert article.byline == "Simon Lewis, David Brunnstrom and Michael Martina"
    assert article.dateline == "WASHINGTON (Reuters) \u2013"
    assert article.source == "Reuters"


def test_sample_body_excludes_byline_dateline_credits_and_boilerplate():
    article = next(iter_articles([str(SAMPLE)]))
    body = [article.text[s:e] for s, e in article.body_spans]
    assert body[0] == article.title
    assert body[1].startswith("Russian President Vladimir Putin's comments")
    joined = "\n".join(body)
    for excluded in ("By Simon Lewis", "WASHINGTON (Reuters)", "Reporting by", "Related Articles",
                     "Back to top button"):
        assert excluded not in joined
    assert body[-1].endswith("which includes Iran, North Korea, Cuba and Syria.")


@pytest.mark.parametrize("dash", ["-", "\u2013", "\u2014", "--"])
def test_dateline_with_any_dash(dash):
    article = parse_plain_text("x", f"Headline here\n\nLONDON, March 3 (Reuters) {dash} The bank said.")
    assert article.dateline.startswith("LONDON, March 3 (Reuters)")
    assert [article.text[s:e] for s, e in article.body_spans][1] == "The bank said."


def test_credit_block_variants_are_not_body():
    text = ("Title\n\nBody sentence one.\n\n(Additional reporting by A. B.; Editing by C. D.)\n\n"
            "Writing by E. F.")
    article = parse_plain_text("x", text)
    assert [text[s:e] for s, e in article.body_spans] == ["Title", "Body sentence one."]


def test_empty_binary_and_cp1252_files(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b"  \n\n ")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "cp1252.txt").write_bytes("Caf\u00e9 talks\n\nThe minister said \u201cno\u201d.".encode("cp1252"))
    articles = {a.article_id: a for a in iter_articles([str(tmp_path)])}
    assert articles["empty"].error == "empty file"
    assert articles["blank"].error == "empty file"
    assert "binary" in articles["binary"].error
    assert articles["cp1252"].error is None
    assert articles["cp1252"].title == "Caf\u00e9 talks"
    assert "\u201cno\u201d" in articles["cp1252"].text


def test_utf8_bom_is_kept_so_offsets_match_open(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeffHeadline\n\nBody text.".encode("utf-8"))
    article = next(iter_articles([str(path)]))
    assert article.text == open(path, encoding="utf-8").read()
    assert article.title == "Headline"


def test_crlf_newlines_like_text_mode_open(tmp_path):
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"Headline\r\n\r\nBody one.\r\nBody two.")
    article = next(iter_articles([str(path)]))
    assert article.text == open(path, encoding="utf-8").read()
    assert len(article.body_spans) == 2


def test_jsonl_records_and_bad_lines(tmp_path):
    path = tmp_path / "feed.jsonl"
    lines = [json.dumps({"id": "a1", "title": "T", "date": "2024-06-20", "source": "Reuters",
                         "text": "Officials said it was fine."}),
             "{not json", json.dumps({"id": "a3", "text": ""}), json.dumps(["list"])]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    articles = list(iter_articles([str(path)]))
    assert [a.article_id for a in articles] == ["a1", "feed:2", "a3", "feed:4"]
    first = articles[0]
    assert (first.title, first.published, first.source, first.error) == ("T", "2024-06-20", "Reuters", None)
    assert first.body_spans == [(0, len(first.text))]
    assert "invalid JSON" in articles[1].error
    assert "no text field" in articles[2].error
    assert "not a JSON object" in articles[3].error


def test_csv_records(tmp_path):
    path = tmp_path / "feed.csv"
    path.write_text('id,title,text\nx1,Head,"She said, ""yes."""\nx2,Other,\n', encoding="utf-8")
    articles = list(iter_articles([str(path)]))
    assert articles[0].article_id == "x1" and articles[0].text == 'She said, "yes."'
    assert articles[1].error and "no text field" in articles[1].error


def test_html_page_through_trafilatura(tmp_path):
    body = " ".join(["The minister said the talks had failed and that the government would respond."] * 4)
    html = (f"<html><head><title>Talks fail</title></head><body><nav>Home | World</nav>"
            f"<article><h1>Talks fail</h1><p>{body}</p><p>{body}</p></article>"
            f"<footer>Back to top</footer></body></html>")
    (tmp_path / "page.html").write_text(html, encoding="utf-8")
    (tmp_path / "junk.html").write_text("<html><body></body></html>", encoding="utf-8")
    articles = {a.article_id: a for a in iter_articles([str(tmp_path)])}
    page = articles["page"]
    assert page.error is None
    assert page.title == "Talks fail"
    assert "The minister said the talks had failed" in page.text
    assert "Home | World" not in page.text
    assert "no extractable article text" in articles["junk"].error


def test_missing_path_and_empty_glob_raise(tmp_path):
    with pytest.raises(InputNotFound):
        expand_inputs([str(tmp_path / "nope.txt")])
    with pytest.raises(InputNotFound):
        expand_inputs([str(tmp_path / "*.txt")])


def test_directory_ids_are_unique_relative_paths(tmp_path):
    for folder in ("politics", "sport"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "001.txt").write_text("Head\n\nBody.", encoding="utf-8")
    ids = [f.article_id for f in expand_inputs([str(tmp_path)])]
    assert ids == ["politics/001", "sport/001"]


def test_a_repeated_record_id_is_renamed_as_file_ids_are(tmp_path):
    """Tables are keyed by article_id: two records with one id must stay two articles."""
    (tmp_path / "x.txt").write_text("Head\n\nA file whose id a record reuses.", encoding="utf-8")
    records = [{"id": "a", "text": "First."}, {"id": "a", "text": "Second."},
               {"id": "a#2", "text": "Third, with the id the second would get."}, {"id": "x", "text": "Fourth."}]
    (tmp_path / "y.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    articles = list(iter_articles([str(tmp_path / "x.txt"), str(tmp_path / "y.jsonl")]))
    assert [(a.article_id, a.text) for a in articles] == [
        ("x", "Head\n\nA file whose id a record reuses."), ("a", "First."), ("a#2", "Second."),
        ("a#2#2", "Third, with the id the second would get."), ("x#2", "Fourth.")]


def test_a_repeated_record_id_gets_the_same_new_id_in_a_parsed_dataset_and_on_rerun(tmp_path):
    from newstone.runner import parse_to_dataset
    from newstone.store import read_table

    records = [{"id": "a", "text": "Smith said the plan failed."}, {"id": "a", "text": "Jones said it worked."}]
    (tmp_path / "y.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    first = parse_to_dataset([str(tmp_path / "y.jsonl")], str(tmp_path / "out"))
    again = parse_to_dataset([str(tmp_path / "y.jsonl")], str(tmp_path / "out"))
    assert (first.processed, again.processed, again.skipped) == (2, 0, 2)
    quotes = read_table(str(tmp_path / "out"), "quotes")
    assert sorted(zip(quotes["article_id"], quotes["speaker"])) == [("a", "Smith"), ("a#2", "Jones")]


def test_decode_bytes_rejects_undecodable():
    text, error = decode_bytes(b"ok \x81\x8d\x8f\x90\x9d")  # bytes undefined in cp1252, invalid UTF-8
    assert text is None and "undecodable" in error


def test_a_jsonl_with_a_byte_order_mark_keeps_its_first_record_and_errors_name_the_file(tmp_path):
    from newstone.ingest import iter_articles

    path = tmp_path / "feed.jsonl"
    path.write_bytes(b'\xef\xbb\xbf{"id": "a1", "text": "Putin spoke."}\n{broken\n')
    first, second = iter_articles([str(path)])
    assert (first.article_id, first.error) == ("a1", None)
    assert second.error.startswith("feed.jsonl line 2: invalid JSON")


def test_a_csv_without_a_text_column_is_one_error_not_one_per_row(tmp_path):
    from newstone.ingest import iter_articles

    (tmp_path / "officials.csv").write_text("name,title,country\nA,minister,RUS\nB,envoy,USA\n", encoding="utf-8")
    (only,) = iter_articles([str(tmp_path / "officials.csv")])
    assert only.article_id == "officials" and "no text column" in only.error and "name, title, country" in only.error


def test_dir_of_the_package_lists_its_api():
    import newstone

    assert dir(newstone) == ["Corpus", "__version__", "parse_text", "read", "sql", "tone"]
