"""Reading inputs: headers of the sample, table formats, encodings and error rows."""

import json

import pytest

from newstone.ingest.decode import decode_bytes
from newstone.ingest.discover import InputNotFound, expand_inputs
from newstone.ingest.plaintext import parse_plain_text
from newstone.ingest.reader import iter_articles
from tests.helpers import SAMPLE


def test_sample_header_fields():
    article = next(iter_articles([str(SAMPLE)]))
    assert article.error is None
    assert article.article_id == "sample_reuters_putin_north_korea"
    assert article.title == ("Putin makes remarks on possible weapons for North Korea 'incredibly concerning,' US says")
    assert article.byline == "Simon Lewis, David Brunnstrom and Michael Martina"
    assert article.dateline == "WASHINGTON (Reuters) \u2013"
    assert article.source == "Reuters"


def test_sample_body_excludes_byline_dateline_credits_and_boilerplate():
    article = next(iter_articles([str(SAMPLE)]))
    body = [article.text[s:e] for s, e in article.body_spans]
    assert body[0] == article.title
    assert body[1].startswith("Russian President Vladimir Putin's comments")
    joined = "\n".join(body)
    for excluded in (
        "By Simon Lewis",
        "WASHINGTON (Reuters)",
        "Reporting by",
        "Related Articles",
        "Back to top button",
    ):
        assert excluded not in joined
    assert body[-1].endswith("which includes Iran, North Korea, Cuba and Syria.")


@pytest.mark.parametrize("dash", ["-", "\u2013", "\u2014", "--"])
def test_dateline_with_any_dash(dash):
    article = parse_plain_text("x", f"Headline here\n\nLONDON, March 3 (Reuters) {dash} The bank said.")
    assert article.dateline.startswith("LONDON, March 3 (Reuters)")
    assert [article.text[s:e] for s, e in article.body_spans][1] == "The bank said."


def test_credit_block_variants_are_not_body():
    text = "Title\n\nBody sentence one.\n\n(Additional reporting by A. B.; Editing by C. D.)\n\nWriting by E. F."
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


def test_html_page_through_trafilatura(tmp_path):
    body = " ".join(["The minister said the talks had failed and that the government would respond."] * 4)
    html = (
        f"<html><head><title>Talks fail</title></head><body><nav>Home | World</nav>"
        f"<article><h1>Talks fail</h1><p>{body}</p><p>{body}</p></article>"
        f"<footer>Back to top</footer></body></html>"
    )
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


def test_decode_bytes_rejects_undecodable():
    text, error = decode_bytes(b"ok \x81\x8d\x8f\x90\x9d")  # bytes undefined in cp1252, invalid UTF-8
    assert text is None and "undecodable" in error


def test_a_jsonl_with_a_byte_order_mark_keeps_its_first_record_and_errors_name_the_file(tmp_path):
    from newstone.ingest.reader import iter_articles

    path = tmp_path / "feed.jsonl"
    path.write_bytes(b'\xef\xbb\xbf{"id": "a1", "text": "Putin spoke."}\n{broken\n')
    first, second = iter_articles([str(path)])
    assert (first.article_id, first.error) == ("a1", None)
    assert second.error.startswith("feed.jsonl line 2: invalid JSON")


def test_a_csv_without_a_text_column_is_one_error_not_one_per_row(tmp_path):
    from newstone.ingest.reader import iter_articles

    (tmp_path / "officials.csv").write_text("name,title,country\nA,minister,RUS\nB,envoy,USA\n", encoding="utf-8")
    (only,) = iter_articles([str(tmp_path / "officials.csv")])
    assert only.article_id == "officials" and "no text column" in only.error and "name, title, country" in only.error


def test_dir_of_the_package_lists_its_api():
    import newstone

    assert dir(newstone) == ["Corpus", "__version__", "parse_text", "read", "sql", "tone"]


# ---------------------------------------------------------------------------------------
# Ids of table files, HTML paragraphs, documentation files, UTF-16, empty records


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


def test_a_table_file_error_row_keeps_the_file_stem(tmp_path):
    (tmp_path / "roster.csv").write_text("name,country\nA,RUS\n", encoding="utf-8")
    (tmp_path / "notes.jsonl").write_bytes(b"\xff\x00\x01")
    rows = {a.article_id: a.error for a in iter_articles([str(tmp_path)])}
    assert set(rows) == {"roster", "notes:1"} and all(rows.values())


def _text_and_paragraphs(article):
    from newstone.spans import paragraph_spans

    return [article.text[s:e] for s, e in paragraph_spans(article.text)]


def _read_page(tmp_path, html, name="page.html"):
    (tmp_path / name).write_text(html, encoding="utf-8")
    (article,) = iter_articles([str(tmp_path / name)])
    assert article.error is None
    return article


def test_html_headline_once_and_paragraphs_apart(tmp_path):
    article = _read_page(
        tmp_path,
        (
            "<html><head><title>T</title></head><body><article><h1>Title</h1>"
            "<p>MOSCOW (Reuters) - First para said X.</p><p>Second para.</p><h2>Subhead</h2><p>Third.</p>"
            "</article></body></html>"
        ),
    )
    assert article.text == ("Title\n\nMOSCOW (Reuters) - First para said X.\n\nSecond para.\n\nSubhead\n\nThird.")
    assert article.title == "Title"
    assert (article.dateline, article.source) == ("MOSCOW (Reuters) -", "Reuters")
    assert [article.text[s:e] for s, e in article.body_spans] == [
        "Title",
        "First para said X.",
        "Second para.",
        "Subhead",
        "Third.",
    ]


def test_html_title_put_first_when_the_body_lacks_it(tmp_path):
    article = _read_page(
        tmp_path,
        (
            "<html><head><title>Floods hit the south</title></head><body><div class='kicker'>Weather</div>"
            "<div class='content'><p>BERLIN \u2014 Rivers burst their banks on Sunday after days of heavy rain, "
            'officials said.</p><p>"It is serious," the interior minister said on Sunday evening.</p></div>'
            "</body></html>"
        ),
    )
    assert _text_and_paragraphs(article)[:2] == [
        "Floods hit the south",
        "BERLIN \u2014 Rivers burst their banks on Sunday after days of heavy rain, officials said.",
    ]
    assert article.title == "Floods hit the south" and article.dateline == "BERLIN \u2014"


def test_html_leading_heading_is_the_headline_even_when_the_title_differs(tmp_path):
    article = _read_page(
        tmp_path,
        (
            "<html><head><title>Daily Planet - Floods hit the south</title></head><body><article>"
            "<h2>Floods hit the south</h2><p>BERLIN (dpa) -- Rivers burst their banks on Sunday, officials said.</p>"
            '<p>"It is serious," the interior minister said.</p></article></body></html>'
        ),
    )
    assert article.text.count("Floods hit the south") == 1
    assert article.title == "Floods hit the south" and article.dateline == "BERLIN (dpa) --"


def test_html_quotes_lists_and_double_breaks_are_paragraphs(tmp_path):
    article = _read_page(
        tmp_path,
        (
            "<html><head><title>Minister quits</title></head><body><div class='story'><h1>Minister quits</h1>"
            "<div class='text'>LONDON (Reuters) - The minister resigned on Friday, his office said.<br><br>"
            '"I have done nothing wrong," he told reporters.<br>He left at noon.<br><br>The opposition called '
            'for an election.</div><blockquote><p>"A sad day," one aide said.</p><p>Another wept.</p></blockquote>'
            "<p>What the deal covers:</p><ul><li>Energy prices</li><li>Border checks</li></ul></div></body></html>"
        ),
    )
    paragraphs = _text_and_paragraphs(article)
    assert paragraphs[:4] == [
        "Minister quits",
        "LONDON (Reuters) - The minister resigned on Friday, his office said.",
        '"I have done nothing wrong," he told reporters.\nHe left at noon.',
        "The opposition called for an election.",
    ]
    assert '"A sad day," one aide said.' in paragraphs and "Another wept." in paragraphs
    assert [p for p in paragraphs if "Energy" in p or "Border" in p] == ["- Energy prices", "- Border checks"]


def test_html_quotes_are_not_doubled_and_paragraph_ids_count(tmp_path):
    from newstone.pipeline import process_article

    article = _read_page(
        tmp_path,
        (
            "<html><head><title>Putin says Russia may arm North Korea</title></head><body><article>"
            "<h1>Putin says Russia may arm North Korea</h1>"
            "<p>MOSCOW (Reuters) - Russian President Vladimir Putin said on Thursday that Moscow could supply "
            'weapons to North Korea.</p><p>"This is incredibly concerning," U.S. spokesman Matthew Miller said.</p>'
            "</article></body></html>"
        ),
    )
    rows = process_article(article)
    texts = [q["text"] for q in rows.quotes]
    assert len(texts) == len(set(texts)) and texts
    assert not any("MOSCOW" in t for t in texts)
    assert sorted({s["paragraph_id"] for s in rows.sentences}) == [0, 1, 2]


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


def test_utf16_with_a_byte_order_mark_is_text(tmp_path):
    text = "Caf\u00e9 talks\r\n\r\nThe minister said \u201cno\u201d.\r\n"
    for name, encoding in (("le.txt", "utf-16"), ("be.txt", "utf-16-be")):
        data = text.encode(encoding)
        if encoding == "utf-16-be":
            data = b"\xfe\xff" + data
        (tmp_path / name).write_bytes(data)
    (tmp_path / "nobom.txt").write_bytes(text.encode("utf-16-le"))
    (tmp_path / "blank.txt").write_bytes("  \r\n".encode("utf-16"))
    (tmp_path / "odd.txt").write_bytes("Headline".encode("utf-16") + b"\x00")
    articles = {a.article_id: a for a in iter_articles([str(tmp_path)])}
    for name in ("le", "be"):
        assert articles[name].error is None
        assert articles[name].text == open(tmp_path / f"{name}.txt", encoding="utf-16").read()
        assert articles[name].text == "Caf\u00e9 talks\n\nThe minister said \u201cno\u201d.\n"
        assert articles[name].title == "Caf\u00e9 talks"
    assert "binary" in articles["nobom"].error
    assert articles["blank"].error == "empty file"
    assert "undecodable UTF-16" in articles["odd"].error
    page = (
        "<html><body><article><h1>Caf\u00e9 talks</h1>"
        "<p>The minister said no to the plan on Monday.</p></article></body></html>"
    )
    (tmp_path / "page.html").write_bytes(page.encode("utf-16"))
    (html,) = iter_articles([str(tmp_path / "page.html")])
    assert (html.error, html.title) == (None, "Caf\u00e9 talks")


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
