"""Bytes to text as ``open(path).read()`` gives it: encodings, byte order marks, newlines,
binary and empty files (lib/newstone/ingest/decode.py)."""

from newstone.ingest.decode import decode_bytes
from newstone.ingest.reader import iter_articles

# --- encodings and byte order marks ---


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


def test_decode_bytes_rejects_undecodable():
    text, error = decode_bytes(b"ok \x81\x8d\x8f\x90\x9d")  # bytes undefined in cp1252, invalid UTF-8
    assert text is None and "undecodable" in error


# --- newlines ---


def test_crlf_newlines_like_text_mode_open(tmp_path):
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"Headline\r\n\r\nBody one.\r\nBody two.")
    article = next(iter_articles([str(path)]))
    assert article.text == open(path, encoding="utf-8").read()
    assert len(article.body_spans) == 2
